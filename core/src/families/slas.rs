//! SLA policies, read only.
//!
//! Roles: `org.user.sla.read` / `org.permission.sla.read`.

use crate::families::models::Sla;
use crate::generic::family::Gettable;

crate::generic::declare::family! {
    impl Family for Sla {
        type Scope = ();
        const PATH: &'static str = "/slas";
        const NAME: &'static str = "SLA";
        const ID: &'static str = "sla id";
    }

    handle {
        /// SLA operations through a [`Client`](crate::Client); from
        /// [`Client::slas`](crate::Client::slas).
        pub type Slas;
        /// SLA operations: get.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let sla = client.slas().get("5fadc1ba6647f1953ff94916")?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn slas;
    }

    /// Get an SLA policy (`GET /v1/slas/{id}`), with its versions if asked
    /// ([`versions`](GetSla::versions), then [`Sla::versions`]).
    ///
    /// Roles: `org.user.sla.read` or `org.permission.sla.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, slas::GetSla};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetSla::new("5fadc1ba6647f1953ff94916").build(&config)?.uri().path(), "/v1/slas/5fadc1ba6647f1953ff94916");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetSla<'a> = crate::generic::ops::Get<'a, Sla> { Get => "GetSlaById" };
}
impl Gettable for Sla {}

/// Which versions of an SLA its get includes (`?versions=`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SlaVersions {
    /// The version in force (`active`).
    Active,
    /// Every version (`all`).
    All,
}

impl GetSla<'_> {
    /// Includes the SLA's versions in the answer (`?versions=active` or `all`); read them with
    /// [`Sla::versions`].
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, slas::{GetSla, SlaVersions}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetSla::new("5fadc1ba6647f1953ff94916").versions(SlaVersions::All).build(&config)?;
    /// assert_eq!(request.uri().query(), Some("versions=all"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    #[must_use]
    pub fn versions(self, versions: SlaVersions) -> Self {
        let value = match versions {
            SlaVersions::Active => "active",
            SlaVersions::All => "all",
        };
        self.with_option("versions", value)
    }
}
