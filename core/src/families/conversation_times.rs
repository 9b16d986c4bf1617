//! Conversation times: the stretches of agent work on conversations.
//!
//! Roles: `org.user.conversation.read` or `org.permission.conversation_time.read`.

use http::{Method, Request, Response};

use crate::families::models::{Conversation, ConversationTime};
use crate::generic::family::{ChildOf, Family, Searchable};
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::list_page::parse_one_or_many;
use crate::protocol::operation::Operation;
use crate::protocol::path::id_list;
use crate::protocol::str_list::StrList;

crate::generic::declare::family! {
    impl Family for ConversationTime {
        type Scope = ();
        const PATH: &'static str = "/conversations/times";
        const NAME: &'static str = "conversation time";
        const ID: &'static str = "conversation time id";
    }

    handle {
        /// Conversation-time operations through a [`Client`](crate::Client); from
        /// [`Client::conversation_times`](crate::Client::conversation_times).
        pub type ConversationTimes;
        /// Conversation time operations: a conversation's times, times by ID, search and the walk
        /// past the 100-page cap (`search_all`).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::conversation_times::ListConversationTimes;
        ///
        /// for time in client.conversation_times().under(ListConversationTimes::new("5f184e74c61792001af42e49")) {
        ///     println!("{:?}", time?.attributes.handle_time);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn conversation_times;
    }

    /// List a conversation's times (`GET /v1/conversations/{id}/times`, pages of up to 1,000).
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation_time.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversation_times::ListConversationTimes};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversationTimes::new("5f184e74c61792001af42e49").page_size(1000).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/5f184e74c61792001af42e49/times");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListConversationTimes<'a> = crate::generic::ops::ListUnder<'a, Conversation, ConversationTime> {
        ListUnder(Conversation) => "GetConversationTimesByConversationId"
    };

    /// Search conversation times (`POST /v1/customers/search` with
    /// `queryContext: "conversation_time"`; not in the archive), one page at a time; criteria
    /// are named `conversation_time_<attribute>`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversation_times::SearchConversationTimes};
    /// use kustomer::search::SearchQuery;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = SearchConversationTimes::new(SearchQuery::new()).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "conversation_time");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchConversationTimes = crate::generic::ops::Search<ConversationTime> {};

    /// The walk through every conversation time a search finds, past the 100-page cap, on
    /// `conversation_time_updated_at`.
    pub type ConversationTimeWalk = crate::generic::ops::Walk<ConversationTime> {};
}
impl Searchable for ConversationTime {
    const CONTEXT: &'static str = "conversation_time";
    const PREFIX: &'static str = "conversation_time";
    const UPDATED_AT: &'static str = "conversation_time_updated_at";
    const ARCHIVED: bool = false;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}

impl ChildOf<Conversation> for ConversationTime {
    const SEGMENT: &'static str = "times";
    const MAX_PAGE_SIZE: u32 = 1_000;
}

/// The most IDs one [`GetConversationTimes`] takes.
pub const MAX_TIME_IDS: usize = 100;

/// Get conversation times by their IDs (`GET /v1/conversations/times/{ids}`, comma-separated,
/// at most 100, Kustomer's `GetConversationTimeByIds`). The answer may be one record or a
/// list; both read as a list.
///
/// Roles: `org.user.conversation.read` or `org.permission.conversation_time.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, conversation_times::GetConversationTimes};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetConversationTimes::new(&["a1", "b2"]).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/conversations/times/a1,b2");
/// assert!(GetConversationTimes::new(["a,b"]).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetConversationTimes {
    ids: Vec<String>,
}

impl GetConversationTimes {
    /// The times with these IDs (`Vec<String>`, `&[&str]`, ...; see [`StrList`]).
    pub fn new<'l>(ids: impl Into<StrList<'l>>) -> Self {
        Self {
            ids: ids.into().into_cow().into_owned(),
        }
    }
}

impl Operation for GetConversationTimes {
    type Output = Vec<ConversationTime>;

    fn operation_id(&self) -> &'static str {
        "GetConversationTimeByIds"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let joined = id_list(ConversationTime::ID, &self.ids, MAX_TIME_IDS)?;
        config.request(
            Method::GET,
            format_args!("/conversations/times/{joined}"),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<ConversationTime>, Error> {
        parse_one_or_many(response)
    }
}
