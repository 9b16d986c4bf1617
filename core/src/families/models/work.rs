//! Work sessions and work items: the agents' routing records Kustomer's search serves
//! (`work_session`, `work_item`). The spec documents no shape for them: the model types when
//! they were created and last changed, and every other attribute is read by name from the raw
//! document ([`attribute`](WorkItem::attribute)).

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::BasicRelationships;

use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;

resource_model!(
    /// An agent's work session (search context `work_session`).
    ///
    /// ```
    /// # let body = br#"{"data":[{"type":"work_session","id":"6a1","attributes":{"updatedAt":"2024-05-01T10:00:00.000Z","status":"available"}}],"links":{"next":null}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, search::SearchQuery, work::SearchWorkSessions};
    ///
    /// let page = SearchWorkSessions::new(SearchQuery::new()).parse(response)?;
    /// let updated = page.items[0].attributes.updated_at.as_ref().and_then(|at| at.timestamp());
/// assert_eq!(updated, Some("2024-05-01T10:00:00Z".parse()?));
    /// assert_eq!(page.items[0].attribute("status"), Some("available".into()));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    WorkSession, WorkAttributes, BasicRelationships
);

resource_model!(
    /// A work item: one piece of work routed to an agent (search context `work_item`).
    WorkItem, WorkAttributes, BasicRelationships
);

/// What every work session and work item has: when it was created and last changed. Read the
/// rest by name (`attribute("status")`).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct WorkAttributes {
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
