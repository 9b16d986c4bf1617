//! Typed response models.
//!
//! They parse what the API really sends: every attribute is optional or a possibly empty list,
//! `null`, `{}`, placeholders and values of an unexpected type read as absent, and attributes the
//! model does not name are ignored while the raw document stays reachable
//! ([`Customer::raw_document`]). Field names are snake_case; serializing a model gives the API's
//! camelCase back (absent values as `null`).

mod bulk;
mod conversation;
mod custom;
mod customer;
mod message;
mod note;
pub(crate) mod raw;
mod resource;

pub use bulk::{BulkBatch, BulkBatchAttributes, BulkJob, BulkJobAttributes, BulkRecordResult};
pub use conversation::{
    Conversation, ConversationAttributes, ConversationRelationships, MessageSummary, Snooze,
};
pub use custom::CustomFields;
pub use customer::{
    ConversationCounts, Customer, CustomerAttributes, CustomerRelationships, Email, ExternalId,
    LastConversation, LastMessageIn, Location, Phone, Preview, RecentLocation, Sentiment, Social,
    UrlEntry,
};
pub use message::{Message, MessageAttributes, MessageError, MessageRelationships};
pub use note::{Note, NoteAttributes, NoteRelationships};
pub use resource::{Relationship, RelationshipLinks, Resource, ResourceLinks, ResourceRef};
