//! What a typical program needs, in one import: `use kustomer::prelude::*;`.
//!
//! The client and its configuration, the error, the traits whose methods a program calls
//! (`Operation`, `Transport`, `Pacer`, `CustomFields`), and the search and update vocabulary every
//! family shares.
//!
//! ```
//! use kustomer::prelude::*;
//!
//! let query = SearchQuery::new().and(Criterion::equals("conversation_status", "open"));
//! let config = Config::new(ApiKey::new("my-api-key")?).with_base_url(Region::Eu);
//! let request = kustomer::conversations::SearchConversations::new(query).build(&config)?;
//! assert_eq!(request.uri().path(), "/v1/customers/search");
//! assert_eq!(UpdateMode::default(), UpdateMode::Merge);
//! # Ok::<(), Error>(())
//! ```

pub use crate::families::models::CustomFields;
pub use crate::generic::ops::UpdateMode;
pub use crate::generic::search::{Criterion, SearchQuery, SortOrder};
pub use crate::{
    ApiKey, BaseUrl, BoxTransport, Client, Config, Error, Operation, Pacer, RatePacer, Region,
    RetryPolicy, Secret, Transport, TransportOptions,
};
