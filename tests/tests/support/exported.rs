//! The customers the export tests search: 260 a second apart (one window of them crosses the
//! cap at pages of 2), 30 sharing one timestamp, and 40 spread over a year.

use kustomer_fake::FakeKustomer;
use serde_json::json;

/// 260 customers a second apart (one window of them crosses the cap at pages of 2), 30 sharing
/// one timestamp, and 40 spread over a year.
pub fn seeded() -> FakeKustomer {
    let fake = FakeKustomer::start().unwrap();
    let mut documents = Vec::new();
    let mut push = |n: usize, at: String| {
        documents.push(
            json!({"data": {"type": "customer", "id": format!("66{n:022x}"),
            "attributes": {"name": format!("Exported {n}"), "updatedAt": at, "createdAt": at}}}),
        );
    };
    for n in 0..260 {
        push(n, format!("2024-03-01T10:{:02}:{:02}.000Z", n / 60, n % 60));
    }
    for n in 260..290 {
        push(n, "2024-05-05T05:05:05.005Z".into());
    }
    for n in 290..330 {
        push(
            n,
            format!("2023-{:02}-{:02}T00:00:00.000Z", n % 12 + 1, n % 28 + 1),
        );
    }
    assert_eq!(fake.insert_customers(&documents), 330);
    fake
}
