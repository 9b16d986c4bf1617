//! User operations: the org's users (agents and API users), the current one, a user's teams.
//! Not in Kustomer's spec: paths and shapes from its API reference.
//!
//! Roles: reads need only `org.user.user.read` / `org.permission.user.read` (read-only roles
//! are enough); an update needs `org.admin.user.write` / `org.permission.user.update`.

use serde::Serialize;

pub use crate::families::teams::ListUserTeams;

use crate::families::models::{Team, User};
use crate::generic::family::{ChildOf, Gettable, Input, Listable, Updatable, UpdateMethods};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{chars_between, max_chars};

crate::generic::declare::family! {
    impl Family for User {
        type Scope = ();
        const PATH: &'static str = "/users";
        const NAME: &'static str = "user";
        const ID: &'static str = "user id";
    }

    handle {
        /// User operations through a [`Client`](crate::Client); from
        /// [`Client::users`](crate::Client::users).
        pub type Users;
        /// User operations: get, the current user, list, update, a user's teams.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let me = client.users().current()?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn users;
    }

    /// Get a user by ID (`GET /v1/users/{id}`), or the API key's own (`GET /v1/users/current`).
    ///
    /// Roles: `org.user.user.read` or `org.permission.user.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, users::GetUser};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetUser::new("5d5dae1d731d4e001ad55054").build(&config)?.uri().path(), "/v1/users/5d5dae1d731d4e001ad55054");
    /// assert_eq!(GetUser::current().build(&config)?.uri().path(), "/v1/users/current");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetUser<'a> = crate::generic::ops::Get<'a, User> {
        Get => "GetUser", GetAlias("current") => "GetCurrentUser"
    };

    /// List the org's users (`GET /v1/users`, pages of up to 500), one page at a time.
    ///
    /// Roles: `org.user.user.read` or `org.permission.user.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, users::ListUsers};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListUsers::new().page_size(500).build(&config)?.uri().query(), Some("pageSize=500"));
    /// assert!(ListUsers::new().page_size(501).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListUsers = crate::generic::ops::List<User> { List => "GetUsers" };

    /// Update a user (`PUT /v1/users/{id}`).
    ///
    /// Roles: `org.admin.user.write` or `org.permission.user.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, users::{UpdateUser, UserUpdate}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let change = UserUpdate::default().mobile("+15555550100");
    /// let request = UpdateUser::new("5d5dae1d731d4e001ad55054", &change).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/users/5d5dae1d731d4e001ad55054");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateUser<'a> = crate::generic::ops::Update<'a, User> { Put => "UpdateUser" };
}
impl Gettable for User {}
impl Listable for User {
    const MAX_PAGE_SIZE: u32 = 500;
}
impl Updatable for User {
    type Update = UserUpdate;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl ChildOf<User> for Team {
    const SEGMENT: &'static str = "teams";
    const MAX_PAGE_SIZE: u32 = 500;
}

/// Changes to a user (`PUT /v1/users/{id}`). Only the fields that are set are sent.
///
/// ```
/// use kustomer::users::UserUpdate;
///
/// let rename = UserUpdate::default().display_name("Ada");
/// assert_eq!(serde_json::to_string(&rename).unwrap(), r#"{"displayName":"Ada"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserUpdate {
    /// The name shown to customers and colleagues, 1 to 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// The full name, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// Mobile number, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
}

impl Input for UserUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.display_name {
            chars_between("displayName", name, 1, 256)?;
        }
        max_chars("name", self.name.as_deref(), 256)?;
        max_chars("mobile", self.mobile.as_deref(), 64)?;
        max_chars("avatarUrl", self.avatar_url.as_deref(), 2048)
    }
}

impl<'c, T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'c, T, User> {
    /// The API key's own user; see [`GetUser::current`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// println!("calling as {:?}", client.users().current()?.attributes.display_name);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn current(&self) -> Result<User, crate::protocol::error::Error> {
        self.client().execute(&GetUser::current())
    }

    /// Every team a user is on; see [`ListUserTeams`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for team in client.users().teams_of("5d5dae1d731d4e001ad55054") {
    ///     println!("{:?}", team?.attributes.name);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn teams_of<'a>(
        &self,
        user_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListUserTeams<'a>> {
        crate::generic::paginated::Paginated::new(
            self.client(),
            crate::generic::ops::ListUnder::new(user_id),
        )
    }
}

impl GetUser<'static> {
    /// The API key's own user: `GET /v1/users/current`.
    pub fn current() -> Self {
        Self::new("current")
    }
}

crate::generic::ops::helpers::input_cow!(UserUpdate);

crate::generic::ops::helpers::setters!(UserUpdate {
    #[doc = "Sets `display_name`: the name shown to customers and colleagues, 1 to 256 characters."]
    display_name: opt String,
    #[doc = "Sets `name`: the full name, at most 256 characters."]
    name: opt String,
    #[doc = "Sets `mobile`: mobile number, at most 64 characters."]
    mobile: opt String,
    #[doc = "Sets `avatar_url`: avatar URL."]
    avatar_url: opt String,
});
