//! The search contexts beyond the families with other operations: conversation times, work
//! sessions and work items, searched and walked through both transports on the fake; none is in
//! the archive.

// Test helpers may unwrap: a panic here is a failing test.
#![allow(clippy::unwrap_used, clippy::indexing_slicing, clippy::panic)]

use kustomer::conversation_times::SearchConversationTimes;
use kustomer::search::{Criterion, SearchQuery};
use kustomer::work::{SearchWorkItems, SearchWorkSessions};
use kustomer::{Error, TransportOptions};
use kustomer_fake::{FakeKustomer, clients_with};
use serde_json::json;

fn seed(fake: &FakeKustomer, kind: &str, n: usize) {
    for i in 0..n {
        let record = json!({"type": kind, "id": format!("{kind}-{i}"),
            "attributes": {"status": if i % 2 == 0 { "open" } else { "done" },
                "createdAt": format!("2024-05-0{}T10:00:00.000Z", i + 1),
                "updatedAt": format!("2024-05-0{}T10:00:00.000Z", i + 1)}});
        assert!(fake.seed(&record).is_some(), "{kind} {i} seeded");
    }
}

#[test]
fn every_search_context_is_searched_and_walked_and_none_is_in_the_archive() {
    let fake = FakeKustomer::start().unwrap();
    seed(&fake, "work_session", 3);
    seed(&fake, "work_item", 4);
    seed(&fake, "conversation_time", 5);
    let clients = clients_with(&fake.config(), TransportOptions::default(), |b| b).unwrap();
    for (name, client) in &clients {
        let since = |prefix: &str| {
            SearchQuery::new().and(Criterion::gte(
                format!("{prefix}_updated_at"),
                "2024-05-02T00:00:00.000Z",
            ))
        };
        let sessions: Vec<String> = client
            .work_sessions()
            .search_all(SearchQuery::new(), 1)
            .map(|s| s.unwrap().id)
            .collect();
        assert_eq!(
            sessions,
            ["work_session-0", "work_session-1", "work_session-2"],
            "{name}"
        );
        let items: Vec<String> = client
            .work_items()
            .search(SearchWorkItems::new(since("work_item")))
            .map(|s| s.unwrap().id)
            .collect();
        assert_eq!(
            items,
            ["work_item-1", "work_item-2", "work_item-3"],
            "{name}"
        );
        let open = SearchQuery::new().and(Criterion::equals("conversation_time_status", "open"));
        let times: Vec<String> = client
            .conversation_times()
            .search(SearchConversationTimes::new(open))
            .map(|t| t.unwrap().id)
            .collect();
        assert_eq!(
            times,
            [
                "conversation_time-0",
                "conversation_time-2",
                "conversation_time-4"
            ],
            "{name}"
        );
        // The archive does not know them: refused before anything is sent.
        let before = fake.requests().len();
        let archived = client
            .work_sessions()
            .search(SearchWorkSessions::new(SearchQuery::new()).archive(true))
            .next()
            .unwrap();
        assert!(
            matches!(archived, Err(Error::InvalidInput(_))),
            "{name}: {archived:?}"
        );
        assert_eq!(fake.requests().len(), before, "{name}: nothing sent");
    }
}
