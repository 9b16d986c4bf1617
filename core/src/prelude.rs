//! What a typical program needs, in one import: `use kustomer::prelude::*;`.
//!
//! The client and its configuration, the error, the traits whose methods a program calls
//! (`Operation`, `Transport`, `Pacer`, `CustomFields`, `IntoTimestamp`), the search and update
//! vocabulary every family shares, and the typed values most calls use (`Timestamp`, `DateTime`,
//! `ConversationStatus`, `Channel`, `Direction`, `MessageStatus`, `Priority`).
//!
//! ```
//! use kustomer::prelude::*;
//!
//! let query = SearchQuery::new().and(Criterion::equals("conversation_status", ConversationStatus::Open));
//! let config = Config::new(ApiKey::new("my-api-key")?).with_base_url(Region::Eu);
//! let request = kustomer::conversations::SearchConversations::new(query).build(&config)?;
//! assert_eq!(request.uri().path(), "/v1/customers/search");
//! assert_eq!(UpdateMode::default(), UpdateMode::Merge);
//! # Ok::<(), Error>(())
//! ```

pub use crate::families::models::{
    Channel, ConversationStatus, CustomFields, Direction, MessageStatus, Priority,
};
pub use crate::generic::ops::UpdateMode;
pub use crate::generic::search::{Criterion, SearchQuery, SortOrder};
pub use crate::{
    ApiKey, BaseUrl, BoxTransport, Client, Config, DateTime, Error, IntoTimestamp, Operation,
    Pacer, RatePacer, Region, RetryPolicy, Secret, Timestamp, Transport, TransportOptions,
};
