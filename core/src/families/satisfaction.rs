//! Satisfaction (CSAT) forms, read only.
//!
//! Roles: `org.user.satisfaction.read` / `org.permission.satisfaction.read`.

use crate::families::models::Satisfaction;
use crate::generic::family::Listable;

crate::generic::declare::family! {
    impl Family for Satisfaction {
        type Scope = ();
        const PATH: &'static str = "/satisfaction";
        const NAME: &'static str = "satisfaction form";
        const ID: &'static str = "satisfaction id";
    }

    handle {
        /// Satisfaction-form operations through a [`Client`](crate::Client); from
        /// [`Client::satisfaction`](crate::Client::satisfaction).
        pub type SatisfactionForms;
        /// Satisfaction form operations: list.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let forms = client.satisfaction().list(Default::default()).count();
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn satisfaction;
    }

    /// List the satisfaction forms (`GET /v1/satisfaction`).
    ///
    /// Roles: `org.user.satisfaction.read` or `org.permission.satisfaction.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, satisfaction::ListSatisfactionForms};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListSatisfactionForms::new().build(&config)?.uri().path(), "/v1/satisfaction");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListSatisfactionForms = crate::generic::ops::List<Satisfaction> {
        List => "GetSatisfaction"
    };
}
impl Listable for Satisfaction {
    const MAX_PAGE_SIZE: u32 = 100;
}
