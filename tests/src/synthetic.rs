//! Synthetic customers: realistic documents made on demand from an index, for benchmarks and
//! load tests that need many customers without holding them.

use serde_json::{Value, json};

/// The `data` object of synthetic customer `index`: the shape of the spec's example customer,
/// with its own ID, name, email and timestamps.
pub fn synthetic_customer(index: u64) -> Value {
    let at = |offset: u64| crate::clock::rfc3339_millis(1_704_067_200_000 + index * 1000 + offset);
    json!({
        "type": "customer",
        "id": format!("7100{index:020x}"),
        "attributes": {
            "name": format!("Customer {index}"), "displayName": format!("Customer {index}"),
            "displayColor": "yellow", "displayIcon": "flower",
            "externalId": format!("ext-{index}"),
            "externalIds": [{"externalId": format!("ext-{index}"), "verified": true, "id": null}],
            "sharedExternalIds": [], "signedUpAt": null, "avatarUrl": null, "username": null,
            "emails": [{"email": format!("customer{index}@example.com"), "verified": true, "type": "home", "id": null}],
            "sharedEmails": [], "phones": [{"phone": format!("+1555{:07}", index % 10_000_000), "type": "mobile", "verified": false}],
            "sharedPhones": [], "socials": [], "sharedSocials": [], "urls": [], "locations": [],
            "activeUsers": [], "watchers": [], "recentLocation": {"updatedAt": at(1)},
            "locale": null, "timeZone": null, "birthdayAt": null, "gender": null, "presence": "offline",
            "createdAt": at(0), "updatedAt": at(5), "modifiedAt": at(5), "lastSeenAt": at(3),
            "lastActivityAt": at(5), "lastCustomerActivityAt": at(3),
            "lastMessageIn": {"sentAt": at(2), "sentiment": null},
            "lastConversation": {"id": format!("7200{index:020x}"), "sentiment": {"confidence": 0.649_023, "polarity": 1}, "tags": []},
            "conversationCounts": {"all": 3, "snoozed": 0, "open": 2, "done": 1},
            "preview": {"previewAt": at(4), "type": "message_out", "text": "Thanks for your order", "subject": "Your order"},
            "tags": [], "sentiment": {"polarity": 1, "confidence": 0.649_023},
            "progressiveStatus": "open", "verified": true, "rev": 37,
            "custom": {"tierStr": "gold", "ordersNum": index % 50}
        },
        "relationships": {
            "org": {"links": {"self": "/v1/orgs/57f29863a1dbf61100e6aa92"}, "data": {"type": "org", "id": "57f29863a1dbf61100e6aa92"}},
            "messages": {"links": {"self": format!("/v1/customers/7100{index:020x}/messages")}},
            "modifiedBy": {"links": {"self": "/v1/users/58190b991f2932100010d683"}, "data": {"type": "user", "id": "58190b991f2932100010d683"}}
        },
        "links": {"self": format!("/v1/customers/7100{index:020x}")}
    })
}

/// A `GET /v1/customers` page of `size` synthetic customers from `first`, as compact JSON.
pub fn synthetic_page(first: u64, size: u64) -> String {
    let data: Vec<Value> = (first..first + size).map(synthetic_customer).collect();
    json!({"meta": {"page": 1, "pageSize": size, "total": size, "totalPages": 1}, "data": data,
        "links": {"self": "/v1/customers?page=1", "first": "/v1/customers?page=1", "prev": null, "next": null, "last": "/v1/customers?page=1"}})
    .to_string()
}
