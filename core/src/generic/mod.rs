//! Layer 2, the family layer: what a family can do ([`family`]), the generic operations every
//! family declares ([`ops`]), search and its walk, bulk jobs, handles, and the client that drives
//! operations and multi-request flows (the threaded export beside it). It names no family.

pub mod bulk;
pub(crate) mod bulk_job;
pub(crate) mod client;
pub(crate) mod declare;
pub(crate) mod driver;
pub(crate) mod export;
pub(crate) mod export_plan;
pub mod family;
pub mod flow;
pub(crate) mod handle;
pub mod ops;
pub(crate) mod paginated;
pub(crate) mod resource;
pub mod search;
pub(crate) mod trace;
