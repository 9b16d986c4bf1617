//! Layer 3, the families: one module each (declarations on the family layer, their inputs and
//! their own operations), and the typed models they read.

pub mod attachments;
pub mod attributes;
pub mod audit_logs;
pub mod auth;
pub mod auth_tokens;
pub mod brands;
pub mod companies;
pub(crate) mod contact;
pub mod conversation_times;
pub mod conversations;
pub mod custom_objects;
pub mod customer_events;
pub mod customers;
pub mod drafts;
pub mod messages;
pub mod metadata;
pub mod models;
pub mod notes;
pub mod orgs;
pub mod role_groups;
pub mod satisfaction;
pub mod schedules;
pub mod shortcuts;
pub mod slas;
pub mod spam;
pub mod tags;
pub mod teams;
pub mod tracking;
pub mod unmasking;
pub mod users;
pub mod webhooks;
pub mod work;
