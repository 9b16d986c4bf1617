//! Typed response models.
//!
//! They parse what the API really sends: every attribute is optional or a possibly empty list,
//! `null`, `{}`, placeholders and values of an unexpected type read as absent, and attributes the
//! model does not name are ignored while the raw document stays reachable
//! ([`Customer::raw_document`]). Field names are snake_case; serializing a model gives the API's
//! camelCase back (absent values as `null`).

mod bulk;
mod customer;
mod resource;

pub use bulk::{BulkBatch, BulkBatchAttributes, BulkJob, BulkJobAttributes, BulkRecordResult};
pub use customer::{
    ConversationCounts, Customer, CustomerAttributes, CustomerRelationships, Email, ExternalId,
    LastConversation, LastMessageIn, Location, Phone, Preview, RecentLocation, Sentiment, Social,
    UrlEntry,
};
pub use resource::{Relationship, RelationshipLinks, Resource, ResourceLinks, ResourceRef};
