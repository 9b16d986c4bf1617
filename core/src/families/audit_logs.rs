//! Audit logs: who changed what, newest first, paged by cursor (`before`/`after` an entry's
//! ID) rather than by page number.
//!
//! Roles: `org.admin.audit_log.read` or `org.permission.audit_log.read`.

use http::{Method, Request, Response};

use crate::families::models::AuditLog;
use crate::protocol::config::Config;
use crate::protocol::date_time::{IntoTimestamp, wire};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_page};
use crate::protocol::paging::Paging;
use crate::protocol::query::Query;

crate::generic::declare::family! {
    impl Family for AuditLog {
        type Scope = ();
        const PATH: &'static str = "/audit-logs";
        const NAME: &'static str = "audit log";
        const ID: &'static str = "audit log id";
    }

    handle {
        /// Audit-log operations through a [`Client`](crate::Client); from
        /// [`Client::audit_logs`](crate::Client::audit_logs).
        pub type AuditLogs;
        /// Audit log operations: [`list`](crate::Handle::entries), by cursor.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::audit_logs::ListAuditLogs;
        ///
        /// for entry in client.audit_logs().entries(ListAuditLogs::new().count(100).object_type("conversation")) {
        ///     let entry = entry?;
        ///     println!("{:?} {:?}", entry.attributes.event_name, entry.attributes.object_id);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn audit_logs;
    }
}

/// The most entries one page holds.
pub const MAX_AUDIT_LOG_COUNT: u32 = 100;

/// List audit log entries (`GET /v1/audit-logs`, Kustomer's `GetAuditLogs`), one page at a
/// time: `count` per page, from a cursor (`before` or `after` an entry's ID), filtered by
/// object, user and time. The client's [`Paginated`](crate::Paginated) follows `links.next`
/// (`before=<id>`) with the same guarantees as for numbered pages: a link that repeats or leaves
/// the host, or pages that bring nothing new, end the walk.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, audit_logs::ListAuditLogs};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = ListAuditLogs::new()
///     .count(50)
///     .object_type("conversation")
///     .start("2024-01-01T00:00:00Z".parse::<kustomer::Timestamp>()?)
///     .build(&config)?;
/// assert_eq!(request.uri().query(), Some("count=50&filter%5BobjectType%5D=conversation&filter%5Bstart%5D=2024-01-01T00%3A00%3A00.000Z"));
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ListAuditLogs {
    count: Option<u32>,
    before: Option<String>,
    after: Option<String>,
    filters: Vec<(&'static str, String)>,
    paging: Paging,
}

impl ListAuditLogs {
    /// The newest entries.
    pub fn new() -> Self {
        Self::default()
    }

    /// Entries per page, 1 to 100.
    #[must_use]
    pub fn count(mut self, count: u32) -> Self {
        self.count = Some(count);
        self
    }

    /// Entries older than entry `id`.
    #[must_use]
    pub fn before(mut self, id: impl Into<String>) -> Self {
        self.before = Some(id.into());
        self
    }

    /// Entries newer than entry `id`.
    #[must_use]
    pub fn after(mut self, id: impl Into<String>) -> Self {
        self.after = Some(id.into());
        self
    }

    fn filter(mut self, name: &'static str, value: impl Into<String>) -> Self {
        self.filters.push((name, value.into()));
        self
    }

    /// Entries about objects of this type (`conversation`).
    #[must_use]
    pub fn object_type(self, kind: impl Into<String>) -> Self {
        self.filter("objectType", kind)
    }

    /// Entries about this object.
    #[must_use]
    pub fn object_id(self, id: impl Into<String>) -> Self {
        self.filter("objectId", id)
    }

    /// Entries by this user.
    #[must_use]
    pub fn user_id(self, id: impl Into<String>) -> Self {
        self.filter("userId", id)
    }

    /// `filter[include]`, as the API takes it.
    #[must_use]
    pub fn include(self, what: impl Into<String>) -> Self {
        self.filter("include", what)
    }

    /// Entries from this time on, sent as RFC 3339 in UTC to the millisecond.
    #[must_use]
    pub fn start(self, at: impl IntoTimestamp) -> Self {
        self.filter("start", wire(at.into_timestamp()))
    }

    /// Entries up to this time, sent as RFC 3339 in UTC to the millisecond.
    #[must_use]
    pub fn end(self, at: impl IntoTimestamp) -> Self {
        self.filter("end", wire(at.into_timestamp()))
    }
}

impl Operation for ListAuditLogs {
    type Output = Page<AuditLog>;

    fn operation_id(&self) -> &'static str {
        "GetAuditLogs"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        if let Some(count) = self.count
            && !(1..=MAX_AUDIT_LOG_COUNT).contains(&count)
        {
            return Err(InvalidInput::new(
                "count",
                format!("must be 1 to {MAX_AUDIT_LOG_COUNT}, not {count}"),
            )
            .into());
        }
        if self.before.is_some() && self.after.is_some() {
            return Err(InvalidInput::new("before", "and after cannot both be set").into());
        }
        let mut query = Query::new();
        query
            .push_opt("count", self.count)
            .push_opt("before", self.before.as_deref())
            .push_opt("after", self.after.as_deref());
        for (name, value) in &self.filters {
            query.push(&format!("filter[{name}]"), value);
        }
        config.request(
            Method::GET,
            format_args!("/audit-logs{}", query.as_str()),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<AuditLog>, Error> {
        parse_page(response, true)
    }
}

impl PagedOperation for ListAuditLogs {
    type Item = AuditLog;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}

impl<'c, T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'c, T, AuditLog> {
    /// Every entry from the first request on, following the cursor; see [`ListAuditLogs`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::audit_logs::ListAuditLogs;
    ///
    /// let day_ago = std::time::SystemTime::now() - std::time::Duration::from_secs(86_400);
    /// let today = client.audit_logs().entries(ListAuditLogs::new().start(day_ago)).count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn entries(
        &self,
        first: ListAuditLogs,
    ) -> crate::generic::paginated::Paginated<'c, T, ListAuditLogs> {
        crate::generic::paginated::Paginated::new(self.client(), first)
    }
}
