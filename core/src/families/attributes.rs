//! The standard search attributes of each search context, named: `attributes::conversation::STATUS`
//! is `conversation_status`, without a typo. Those Kustomer's spec and API reference name; any
//! other attribute is `Criterion::attribute::<R>("...")`, and a custom one
//! `Criterion::custom_of::<R>("...")`.
//!
//! ```
//! use kustomer::attributes::conversation;
//! use kustomer::search::{Criterion, SearchQuery};
//!
//! let open = SearchQuery::new()
//!     .and(Criterion::equals(conversation::STATUS, "open"))
//!     .and(Criterion::gte(conversation::UPDATED_AT, "2024-01-31"));
//! assert_eq!(
//!     serde_json::to_value(&open).unwrap()["and"][0],
//!     serde_json::json!({"conversation_status": {"equals": "open"}})
//! );
//! ```

/// One module per search context: a constant per named attribute.
macro_rules! fields {
    ($($(#[$doc:meta])* $context:ident { $($name:ident = $attribute:literal),* $(,)? })*) => {$(
        $(#[$doc])*
        pub mod $context {
            $(
                #[doc = concat!("`", stringify!($context), "_", $attribute, "`.")]
                pub const $name: &str = concat!(stringify!($context), "_", $attribute);
            )*
        }
    )*};
}

fields! {
    /// Customers (`queryContext: "customer"`).
    customer {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
        DELETED = "deleted",
        NAME = "name",
        EXTERNAL_ID = "external_id",
        ANY_TEXT = "any_text_new",
    }
    /// Conversations (`queryContext: "conversation"`).
    conversation {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
        DELETED = "deleted",
        STATUS = "status",
        CHANNEL = "channel",
        PRIORITY = "priority",
        CUSTOMER_ID = "customer_id",
        ANY_TEXT = "any_text",
    }
    /// Messages (`queryContext: "message"`).
    message {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
        DIRECTION = "direction",
        CHANNEL = "channel",
        CONVERSATION_ID = "conversation_id",
        ANY_TEXT = "any_text",
    }
    /// Notes (`queryContext: "note"`).
    note {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
    }
    /// Companies (`queryContext: "company"`).
    company {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
        NAME = "name",
    }
    /// Custom objects (`queryContext: "kobject"` or `"kobject_<klass>"`).
    kobject {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
        CUSTOMER_ID = "customer_id",
        COMPANY_ID = "company_id",
        ANY_TEXT = "any_text",
    }
    /// Conversation times (`queryContext: "conversation_time"`).
    conversation_time {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
    }
    /// Work sessions (`queryContext: "work_session"`).
    work_session {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
    }
    /// Work items (`queryContext: "work_item"`).
    work_item {
        ID = "id",
        CREATED_AT = "created_at",
        UPDATED_AT = "updated_at",
    }
}

#[cfg(test)]
mod tests {
    use crate::families::models::{
        Company, Conversation, ConversationTime, Customer, KObject, Message, Note, WorkItem,
        WorkSession,
    };
    use crate::generic::family::Searchable;

    #[test]
    fn each_contexts_updated_at_is_the_one_its_walk_keys_on() {
        let pairs = [
            (super::customer::UPDATED_AT, Customer::UPDATED_AT),
            (super::conversation::UPDATED_AT, Conversation::UPDATED_AT),
            (super::message::UPDATED_AT, Message::UPDATED_AT),
            (super::note::UPDATED_AT, Note::UPDATED_AT),
            (super::company::UPDATED_AT, Company::UPDATED_AT),
            (super::kobject::UPDATED_AT, KObject::UPDATED_AT),
            (
                super::conversation_time::UPDATED_AT,
                ConversationTime::UPDATED_AT,
            ),
            (super::work_session::UPDATED_AT, WorkSession::UPDATED_AT),
            (super::work_item::UPDATED_AT, WorkItem::UPDATED_AT),
        ];
        for (named, walked) in pairs {
            assert_eq!(named, walked);
        }
        assert_eq!(super::conversation::STATUS, "conversation_status");
        assert_eq!(super::customer::ANY_TEXT, "customer_any_text_new");
    }
}
