//! Work sessions and work items, found through search (`queryContext` `work_session`,
//! `work_item`; not in the archive). Kustomer documents no other operation for them.
//!
//! Roles: `org.user.search.read` or `org.permission.search.create`.

use crate::families::models::{WorkItem, WorkSession};
use crate::generic::family::Searchable;

crate::generic::declare::family! {
    impl Family for WorkSession {
        type Scope = ();
        // Searched only: Kustomer documents no collection at this path.
        const PATH: &'static str = "/work-sessions";
        const NAME: &'static str = "work session";
        const ID: &'static str = "work session id";
    }

    handle {
        /// Work-session searches through a [`Client`](crate::Client); from
        /// [`Client::work_sessions`](crate::Client::work_sessions).
        pub type WorkSessions;
        /// Work sessions: search, and the walk past the 100-page cap.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::search::{Criterion, SearchQuery};
        ///
        /// let today = SearchQuery::new().and(Criterion::gte("work_session_updated_at", "2024-05-01"));
        /// for session in client.work_sessions().search_all(today, 500) {
        ///     println!("{}", session?.id);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn work_sessions;
    }

    /// Search work sessions (`POST /v1/customers/search` with `queryContext: "work_session"`;
    /// not in the archive), one page at a time; criteria are named `work_session_<attribute>`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, work::SearchWorkSessions};
    /// use kustomer::search::SearchQuery;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = SearchWorkSessions::new(SearchQuery::new()).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "work_session");
    /// assert!(SearchWorkSessions::new(SearchQuery::new()).archive(true).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchWorkSessions = crate::generic::ops::Search<WorkSession> {};

    /// The walk through every work session a search finds, past the 100-page cap, on
    /// `work_session_updated_at`.
    pub type WorkSessionWalk = crate::generic::ops::Walk<WorkSession> {};
}
impl Searchable for WorkSession {
    const CONTEXT: &'static str = "work_session";
    const PREFIX: &'static str = "work_session";
    const UPDATED_AT: &'static str = "work_session_updated_at";
    const ARCHIVED: bool = false;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}

crate::generic::declare::family! {
    impl Family for WorkItem {
        type Scope = ();
        // Searched only: Kustomer documents no collection at this path.
        const PATH: &'static str = "/work-items";
        const NAME: &'static str = "work item";
        const ID: &'static str = "work item id";
    }

    handle {
        /// Work-item searches through a [`Client`](crate::Client); from
        /// [`Client::work_items`](crate::Client::work_items).
        pub type WorkItems;
        /// Work items: search, and the walk past the 100-page cap.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::search::SearchQuery;
        ///
        /// let items = client.work_items().search_all(SearchQuery::new(), 500).count();
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn work_items;
    }

    /// Search work items (`POST /v1/customers/search` with `queryContext: "work_item"`; not in
    /// the archive), one page at a time; criteria are named `work_item_<attribute>`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, work::SearchWorkItems};
    /// use kustomer::search::SearchQuery;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = SearchWorkItems::new(SearchQuery::new()).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "work_item");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchWorkItems = crate::generic::ops::Search<WorkItem> {};

    /// The walk through every work item a search finds, past the 100-page cap, on
    /// `work_item_updated_at`.
    pub type WorkItemWalk = crate::generic::ops::Walk<WorkItem> {};
}
impl Searchable for WorkItem {
    const CONTEXT: &'static str = "work_item";
    const PREFIX: &'static str = "work_item";
    const UPDATED_AT: &'static str = "work_item_updated_at";
    const ARCHIVED: bool = false;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
