//! User operations: the org's users (agents and API users), the current one, several by ID, a
//! user's teams, invitations and password resets. Not in Kustomer's spec: paths and shapes from
//! its access-management API (the TypeScript client's generated types).
//!
//! An invitation and a password reset send email: each is sent once, never again on the retry
//! policy's say. A password a user update sets is a [`Secret`].
//!
//! Roles: reads need only `org.user.user.read` / `org.permission.user.read` (read-only roles
//! are enough); an update needs `org.admin.user.write` / `org.permission.user.update`; an
//! invitation `org.admin.user`.

mod access;

use serde::Serialize;

pub use crate::families::teams::ListUserTeams;
pub use access::{GetUsersByIds, MAX_USERS_BY_IDS, PasswordReset, ResetPassword, UserInvite};

use crate::families::models::vocabulary::UserType;
use crate::families::models::{Team, User};
use crate::generic::family::{
    ChildOf, Creatable, Gettable, Input, Listable, Updatable, UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::secret::Secret;
use crate::protocol::validation::{chars_between, check_list_of, max_chars};

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
        Get => "GetUserById", GetAlias("current") => "GetCurrentUser"
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
    pub type UpdateUser<'a> = crate::generic::ops::Update<'a, User> {
        Put => "UpdateUserById", PutAlias("current") => "UpdateCurrentUser"
    };

    /// Create a user and email them an invitation to join the org (`POST /v1/users`; 201):
    /// a name and an email, roles and role groups no wider than the caller's own (Kustomer
    /// narrows them). Sent once: an email went out if the request arrived, so it is never
    /// sent again on the retry policy's say.
    ///
    /// Roles: `org.admin.user`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Idempotency, Operation, users::{InviteUser, UserInvite}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let invite = UserInvite::new("Ada Lovelace", "ada@example.com").role_groups(["5f2b"]);
    /// let request = InviteUser::new(&invite).build(&config)?;
    /// assert_eq!(request.body(), br#"{"name":"Ada Lovelace","email":"ada@example.com","roleGroups":["5f2b"]}"#);
    /// assert_eq!(Idempotency::of(&request), Idempotency::Once);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type InviteUser<'a> = crate::generic::ops::Create<'a, User> { Create => "CreateInviteNewUser" };
}
impl Gettable for User {}
impl Listable for User {
    const MAX_PAGE_SIZE: u32 = 500;
}
impl Updatable for User {
    type Update = UserUpdate;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl Creatable for User {
    type Input = UserInvite;
    // An invitation sends email.
    const SENT_ONCE: bool = true;
}
impl ChildOf<User> for Team {
    const SEGMENT: &'static str = "teams";
    const MAX_PAGE_SIZE: u32 = 500;
}

/// Changes to a user (`PUT /v1/users/{id}`, `PUT /v1/users/current`). Only the fields that
/// are set are sent. A new password and the current one are [`Secret`]s: in the body, and
/// nowhere else.
///
/// ```
/// use kustomer::users::UserUpdate;
///
/// let rename = UserUpdate::default().display_name("Ada");
/// assert_eq!(serde_json::to_string(&rename).unwrap(), r#"{"displayName":"Ada"}"#);
/// let password = UserUpdate::default().password("n3w-pass", "old-pass");
/// assert!(!format!("{password:?}").contains("n3w-pass"));
/// let deactivate = UserUpdate::default().deleted(Some(true));
/// assert_eq!(serde_json::to_string(&deactivate).unwrap(), r#"{"deleted":true}"#);
/// let reactivate = UserUpdate::default().deleted(None);
/// assert_eq!(serde_json::to_string(&reactivate).unwrap(), r#"{"deleted":null}"#);
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
    /// Email address, at most 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// The signature under the user's emails, at most 10,000 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_signature: Option<String>,
    /// `Some(Some(true))` deactivates the user; `Some(None)` (sent as `null`) reactivates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub deleted: Option<Option<bool>>,
    /// A new password (with `current_password`).
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::protocol::secret::expose_some"
    )]
    pub password: Option<Secret>,
    /// The current password, to set a new one.
    #[serde(
        skip_serializing_if = "Option::is_none",
        serialize_with = "crate::protocol::secret::expose_some"
    )]
    pub current_password: Option<Secret>,
    /// User, limited or hourly (a machine user stays one).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// Role group IDs (at most 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_groups: Option<Vec<String>>,
    /// Roles (at most 500).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

impl UserUpdate {
    /// Sets a new password, with the current one.
    #[must_use]
    pub fn password(mut self, new: impl Into<Secret>, current: impl Into<Secret>) -> Self {
        self.password = Some(new.into());
        self.current_password = Some(current.into());
        self
    }

    /// Deactivates (`Some(true)`) or reactivates (`None`, sent as `null`) the user.
    #[must_use]
    pub fn deleted(mut self, deleted: Option<bool>) -> Self {
        self.deleted = Some(deleted);
        self
    }
}

impl Input for UserUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.display_name {
            chars_between("displayName", name, 1, 256)?;
        }
        max_chars("name", self.name.as_deref(), 256)?;
        max_chars("mobile", self.mobile.as_deref(), 64)?;
        max_chars("avatarUrl", self.avatar_url.as_deref(), 2048)?;
        max_chars("email", self.email.as_deref(), 256)?;
        max_chars("emailSignature", self.email_signature.as_deref(), 10_000)?;
        if self.user_type == Some(UserType::Machine) {
            return Err(InvalidInput::new(
                "userType",
                "a user cannot be made a machine user",
            ));
        }
        check_list_of("roleGroups", self.role_groups.as_deref(), 100)?;
        check_list_of("roles", self.roles.as_deref(), 500)?;
        match (&self.password, &self.current_password) {
            (Some(new), _) if new.is_empty() => Err(InvalidInput::new("password", "is empty")),
            (Some(_), None) => Err(InvalidInput::new(
                "currentPassword",
                "is required to set a new password",
            )),
            _ => Ok(()),
        }
    }

    fn secrets(&self) -> Vec<&str> {
        [&self.password, &self.current_password]
            .into_iter()
            .flatten()
            .map(Secret::expose_secret)
            .filter(|s| !s.is_empty())
            .collect()
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

/// What a list of users can be narrowed to ([`ListUsers::only`]): one of these at a time, as
/// Kustomer does not combine them.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum UserFilter {
    /// `true`: only users with a pending invitation; `false`: only active users.
    Pending(bool),
    /// `true`: only deactivated users; `false`: only active users.
    Deleted(bool),
    /// Only users of this type: `user`, `machine` or `limited`.
    UserType(UserType),
    /// Only the user with this email address.
    Email(String),
}

impl ListUsers {
    /// Narrows the list to one [`UserFilter`], replacing any set before.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, users::{ListUsers, UserFilter}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let pending = ListUsers::new().only(UserFilter::Deleted(false)).only(UserFilter::Pending(true));
    /// assert_eq!(pending.build(&config)?.uri().query(), Some("pending=true"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    #[must_use]
    pub fn only(self, filter: UserFilter) -> Self {
        let (name, value) = match filter {
            UserFilter::Pending(on) => ("pending", on.to_string()),
            UserFilter::Deleted(on) => ("deleted", on.to_string()),
            UserFilter::UserType(kind) => ("userType", kind.as_str().to_owned()),
            UserFilter::Email(email) => ("email", email),
        };
        self.without_params(&["pending", "deleted", "userType", "email"])
            .param(name, value)
    }
}

impl GetUser<'static> {
    /// The API key's own user: `GET /v1/users/current`.
    pub fn current() -> Self {
        Self::new("current")
    }
}

crate::generic::ops::helpers::input_cow!(UserUpdate, UserInvite);

crate::generic::ops::helpers::setters!(UserUpdate {
    #[doc = "Sets `display_name`: the name shown to customers and colleagues, 1 to 256 characters."]
    display_name: opt String,
    #[doc = "Sets `name`: the full name, at most 256 characters."]
    name: opt String,
    #[doc = "Sets `mobile`: mobile number, at most 64 characters."]
    mobile: opt String,
    #[doc = "Sets `avatar_url`: avatar URL."]
    avatar_url: opt String,
    #[doc = "Sets the email address (at most 256 characters)."]
    email: opt String,
    #[doc = "Sets the signature under the user's emails."]
    email_signature: opt String,
    #[doc = "Sets the user type: `user`, `limited` or `hourly`."]
    user_type: num UserType,
    #[doc = "Sets the user's role groups: `&[&str]`, `[&str; N]` or `Vec<String>`."]
    role_groups: list String,
    #[doc = "Sets the user's roles."]
    roles: list String,
});
