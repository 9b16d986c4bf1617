//! Org operations: the API key's own org. Not in Kustomer's spec: paths and shapes from its
//! API reference.
//!
//! Roles: `org.user.org.read` / `org.permission.org.read`.

use crate::families::models::Org;
use crate::generic::family::Gettable;

crate::generic::declare::family! {
    impl Family for Org {
        type Scope = ();
        const PATH: &'static str = "/orgs";
        const NAME: &'static str = "org";
        const ID: &'static str = "org id";
    }

    handle {
        /// Org operations through a [`Client`](crate::Client); from
        /// [`Client::orgs`](crate::Client::orgs).
        pub type Orgs;
        /// Org operations: get, the current org.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let org = client.orgs().current()?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn orgs;
    }

    /// Get an org by ID (`GET /v1/orgs/{id}`), or the API key's own (`GET /v1/orgs/current`).
    ///
    /// Roles: `org.user.org.read` or `org.permission.org.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, orgs::GetOrg};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetOrg::current().build(&config)?.uri().path(), "/v1/orgs/current");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetOrg<'a> = crate::generic::ops::Get<'a, Org> {
        Get => "GetOrg", GetAlias("current") => "GetCurrentOrg"
    };
}
impl Gettable for Org {}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Org> {
    /// The API key's org; see [`GetOrg::current`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// println!("{:?}", client.orgs().current()?.attributes.display_name);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn current(&self) -> Result<Org, crate::protocol::error::Error> {
        self.client().execute(&GetOrg::current())
    }
}

impl GetOrg<'static> {
    /// The API key's org: `GET /v1/orgs/current`.
    pub fn current() -> Self {
        Self::new("current")
    }
}
