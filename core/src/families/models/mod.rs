//! Typed response models.
//!
//! They parse what the API really sends: every attribute is optional or a possibly empty list,
//! `null`, `{}`, placeholders and values of an unexpected type read as absent, and attributes the
//! model does not name are ignored while the raw JSON stays reachable
//! ([`Customer::raw_document`]): the whole document for a record read alone, the item's own JSON
//! (never its page's) for a list item. Field names are snake_case; serializing a model gives the API's
//! camelCase back (absent values as `null`).

mod access;
mod activity;
mod attachment;
mod catalog;
mod company;
mod conversation;
mod custom;
mod customer;
mod draft;
mod kobject;
mod message;
mod metadata;
mod note;
pub(crate) mod resource_model;
mod settings;
mod user;
pub(crate) mod vocabulary;
mod webhook;
mod work;

pub use crate::generic::bulk_job::{
    BulkBatch, BulkBatchAttributes, BulkJob, BulkJobAttributes, BulkJobBatches, BulkRecordResult,
};
pub use crate::generic::resource::{
    BasicRelationships, Relationship, RelationshipLinks, Resource, ResourceLinks, ResourceRef,
};
pub use access::{
    AppSettings, AuthSettings, AuthSettingsAttributes, AuthToken, AuthTokenAttributes,
    AuthTokenRelationships, CustomerAuthSettings, CustomerAuthSettingsAttributes, LoginSetting,
    PasswordState, Role, RoleAttributes, RoleGroup, RoleGroupAttributes, SamlSettings,
};
pub use activity::{
    ActivityRelationships, AuditLog, AuditLogAttributes, ConversationTime,
    ConversationTimeAttributes, CustomerEvent, CustomerEventAttributes, CustomerSession,
    CustomerSessionAttributes, TrackingIdentity, TrackingIdentityAttributes,
};
pub use attachment::{
    Attachment, AttachmentAttributes, AttachmentRelationships, Media, UploadPolicy,
};
pub use catalog::{
    Brand, BrandAttributes, Org, OrgAttributes, Shortcut, ShortcutAttributes, ShortcutCategory,
    ShortcutCategoryAttributes, Tag, TagAttributes,
};
pub use company::{Company, CompanyAttributes, Domain};
pub use conversation::{
    Conversation, ConversationAttributes, ConversationRelationships, MessageSummary, Snooze,
};
pub use custom::{CustomFields, CustomKind, CustomTypeError};
pub use customer::{
    ConversationCounts, Customer, CustomerAttributes, CustomerRelationships, Email, ExternalId,
    LastConversation, LastMessageIn, Location, Phone, Preview, RecentLocation, Sentiment, Social,
    UrlEntry,
};
pub use draft::{
    Address, Draft, Forward, OutboundAccount, OutboundAccountAttributes, OutgoingAttributes,
    OutgoingRelationships,
};
pub use kobject::{
    KObject, KObjectAttributes, KObjectRelationships, Klass, KlassAttributes, KlassRelationships,
};
pub use message::{Message, MessageAttributes, MessageError, MessageRelationships};
pub use metadata::{AttributeDefinition, Metadata, MetadataAttributes};
pub use note::{Note, NoteAttributes, NoteRelationships};
pub use settings::{
    Satisfaction, SatisfactionAttributes, Schedule, ScheduleAttributes, Sla, SlaAttributes,
    SpamSender, SpamSenderAttributes,
};
pub use user::{Team, TeamAttributes, User, UserAttributes};
pub use vocabulary::{
    Channel, ContactKind, ConversationStatus, Direction, DraftStatus, Gender, MessageSource,
    MessageStatus, Priority, SnoozeStatus, SocialNetwork, UserType,
};
pub use webhook::{Webhook, WebhookAttributes, WebhookHeaderValue};
pub use work::{WorkAttributes, WorkItem, WorkSession};
