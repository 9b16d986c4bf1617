//! The generic operations: one type per kind of operation, for every family that has it.
//!
//! Each family module names them for its model with its own rustdoc (`GetConversation`,
//! `ListNotes`, ...); use those. The types here are what they are aliases of, and where the
//! shared behaviour lives: IDs encoded into their own path segment, inputs validated before
//! anything is built, pages bounded.

mod get;
pub(crate) mod helpers;
mod list;
mod under;
mod upsert;
mod write;

pub use crate::generic::bulk::BulkWrite;
pub use crate::generic::search::op::Search;
pub use crate::generic::search::walk::Walk;
pub use get::{Get, GetByExternalId};
pub use list::{List, ListUnder};
pub use under::{DeleteUnder, GetUnder};
pub use upsert::{UpsertByExternalId, UpsertByExternalIdRequest, UpsertOutcome, UpsertRequest};
pub use write::{Create, CreateUnder, Delete, Update, UpdateMode};
