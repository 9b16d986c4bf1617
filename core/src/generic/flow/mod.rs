//! Multi-request flows (an upsert, a bulk wait, a list's pages, a search walk) in one
//! vocabulary: a pure state machine says "send this", "wait this long", "here is an item" or
//! "done", and one loop drives them all, the client's ([`Client::run`](crate::Client::run),
//! [`Client::items`](crate::Client::items)) or your own over any HTTP stack.

mod list;
mod step;

pub use list::ListFlow;
pub use step::{Flow, Sent, Step, StepOf};
