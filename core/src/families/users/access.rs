//! What a user's access takes: an invitation, a password reset, several users read at once.

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;

use crate::families::models::User;
use crate::families::models::vocabulary::UserType;
use crate::generic::family::Input;
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::idempotency::Idempotency;
use crate::protocol::json_body::json_body;
use crate::protocol::list_page::parse_one_or_many;
use crate::protocol::operation::Operation;
use crate::protocol::path::id_list;
use crate::protocol::str_list::StrList;
use crate::protocol::transport::Transport;
use crate::protocol::validation::{chars_between, check_list_of, max_chars, not_empty};

/// A user to create and invite (`POST /v1/users`): a name and an email (required), and what
/// else the invitation sets. Only the fields that are set are sent.
///
/// ```
/// use kustomer::{models::UserType, users::UserInvite};
///
/// let invite = UserInvite::new("Ada Lovelace", "ada@example.com").user_type(UserType::Limited);
/// assert_eq!(
///     serde_json::to_string(&invite).unwrap(),
///     r#"{"name":"Ada Lovelace","email":"ada@example.com","userType":"limited"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct UserInvite {
    /// The full name, 1 to 256 characters.
    pub name: String,
    /// Where the invitation goes, 3 to 256 characters.
    pub email: String,
    /// The name shown to customers and colleagues, 1 to 256 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display_name: Option<String>,
    /// Avatar URL.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub avatar_url: Option<String>,
    /// Mobile number, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub mobile: Option<String>,
    /// The signature under the user's emails.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub email_signature: Option<String>,
    /// `user`, `machine`, `limited` or `hourly`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub user_type: Option<UserType>,
    /// Role group IDs (at most 100).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub role_groups: Option<Vec<String>>,
    /// Roles (at most 500); Kustomer narrows them to the inviter's own.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

impl UserInvite {
    /// An invitation for `name` at `email`.
    pub fn new(name: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            email: email.into(),
            ..Self::default()
        }
    }
}

crate::generic::ops::helpers::setters!(UserInvite {
    #[doc = "Sets the name shown to customers and colleagues."]
    display_name: opt String,
    #[doc = "Sets the avatar URL."]
    avatar_url: opt String,
    #[doc = "Sets the mobile number."]
    mobile: opt String,
    #[doc = "Sets the signature under the user's emails."]
    email_signature: opt String,
    #[doc = "Sets the user type: `user`, `machine`, `limited` or `hourly`."]
    user_type: num UserType,
    #[doc = "Sets the user's role groups: `&[&str]`, `[&str; N]` or `Vec<String>`."]
    role_groups: list String,
    #[doc = "Sets the user's roles."]
    roles: list String,
});

impl Input for UserInvite {
    fn validate(&self) -> Result<(), InvalidInput> {
        chars_between("name", &self.name, 1, 256)?;
        chars_between("email", &self.email, 3, 256)?;
        if !self.email.contains('@') {
            return Err(InvalidInput::new("email", "is not an email address"));
        }
        if let Some(name) = &self.display_name {
            chars_between("displayName", name, 1, 256)?;
        }
        max_chars("mobile", self.mobile.as_deref(), 64)?;
        max_chars("avatarUrl", self.avatar_url.as_deref(), 2048)?;
        max_chars("emailSignature", self.email_signature.as_deref(), 10_000)?;
        check_list_of("roleGroups", self.role_groups.as_deref(), 100)?;
        check_list_of("roles", self.roles.as_deref(), 500)
    }
}

/// A password reset to ask for (`POST /v1/users/passwordreset`): the org's domain and the
/// user's email.
///
/// ```
/// use kustomer::users::PasswordReset;
///
/// let reset = PasswordReset::new("acme", "ada@example.com");
/// assert_eq!(serde_json::to_string(&reset).unwrap(), r#"{"domain":"acme","email":"ada@example.com"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct PasswordReset {
    /// The org's domain (its subdomain of kustomerapp.com).
    pub domain: String,
    /// The user's email.
    pub email: String,
}

impl PasswordReset {
    /// A reset for `email` in org `domain`.
    pub fn new(domain: impl Into<String>, email: impl Into<String>) -> Self {
        Self {
            domain: domain.into(),
            email: email.into(),
        }
    }
}

impl Input for PasswordReset {
    fn validate(&self) -> Result<(), InvalidInput> {
        not_empty("domain", &self.domain)?;
        max_chars("domain", Some(&self.domain), 256)?;
        chars_between("email", &self.email, 3, 256)
    }
}

crate::generic::ops::helpers::input_cow!(PasswordReset);

/// Ask for a password reset (`POST /v1/users/passwordreset`; 204, the TypeScript client's
/// `ResetUsersPassword`): Kustomer emails the user a link to set a new password. Sent once: an
/// email went out if the request arrived, so it is never sent again on the retry policy's say.
///
/// ```
/// use kustomer::{ApiKey, Config, Idempotency, Operation, users::{PasswordReset, ResetPassword}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = ResetPassword::new(PasswordReset::new("acme", "ada@example.com")).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/users/passwordreset");
/// assert_eq!(Idempotency::of(&request), Idempotency::Once);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResetPassword<'a> {
    input: Cow<'a, PasswordReset>,
}

impl<'a> ResetPassword<'a> {
    /// The operation for `input`.
    pub fn new(input: impl Into<Cow<'a, PasswordReset>>) -> Self {
        Self {
            input: input.into(),
        }
    }
}

impl Operation for ResetPassword<'_> {
    type Output = ();

    fn operation_id(&self) -> &'static str {
        "ResetUsersPassword"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        let mut request = config.request(
            Method::POST,
            "/users/passwordreset",
            Some(json_body(&*self.input)?),
        )?;
        request.extensions_mut().insert(Idempotency::Once);
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        crate::generic::ops::helpers::parse_empty(response)
    }
}

/// The most users one [`GetUsersByIds`] asks for: a page.
pub const MAX_USERS_BY_IDS: usize = 100;

/// Get several users in one request (`GET /v1/users/{id},{id},...`, the TypeScript client's
/// `GetMultipleUsersByIds`): 1 to [`MAX_USERS_BY_IDS`] IDs, each encoded as a path segment and
/// none holding a comma. The answer holds the users found (one user answers as one object, read
/// as a list too).
///
/// Roles: `org.user.user.read` or `org.permission.user.read`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, users::GetUsersByIds};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = GetUsersByIds::new(["5d5dae1d731d4e001ad55054", "5d5dae1d731d4e001ad55055"]).build(&config)?;
/// assert_eq!(request.uri().path(), "/v1/users/5d5dae1d731d4e001ad55054,5d5dae1d731d4e001ad55055");
/// assert!(GetUsersByIds::new(["a,b"]).build(&config).is_err());
/// assert!(GetUsersByIds::new(Vec::<String>::new()).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GetUsersByIds<'a> {
    ids: Cow<'a, [String]>,
}

impl<'a> GetUsersByIds<'a> {
    /// The operation for these IDs: `&[&str]`, `[&str; N]` or `Vec<String>`.
    pub fn new(ids: impl Into<StrList<'a>>) -> Self {
        Self {
            ids: ids.into().into_cow(),
        }
    }
}

impl Operation for GetUsersByIds<'_> {
    type Output = Vec<User>;

    fn operation_id(&self) -> &'static str {
        "GetMultipleUsersByIds"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        check_list_of("user ids", Some(&self.ids), MAX_USERS_BY_IDS)?;
        let joined = id_list("user ids", &self.ids, MAX_USERS_BY_IDS)?;
        config.request(Method::GET, format_args!("/users/{joined}"), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Vec<User>, Error> {
        parse_one_or_many(response)
    }
}

impl<T: Transport> crate::generic::handle::Handle<'_, T, User> {
    /// Creates a user and emails them an invitation; see
    /// [`InviteUser`](crate::families::users::InviteUser). Sent once.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::users::UserInvite;
    ///
    /// let ada = client.users().invite(&UserInvite::new("Ada Lovelace", "ada@example.com"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn invite(&self, invite: &UserInvite) -> Result<User, Error> {
        self.create(invite)
    }

    /// Updates the API key's own user (`PUT /v1/users/current`, the TypeScript client's
    /// `UpdateCurrentUser`).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::users::UserUpdate;
    ///
    /// let me = client.users().update_current(&UserUpdate::default().email_signature("Ada, support"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn update_current(
        &self,
        update: &crate::families::users::UserUpdate,
    ) -> Result<User, Error> {
        self.client()
            .execute(&crate::families::users::UpdateUser::new("current", update))
    }

    /// Several users in one request; see [`GetUsersByIds`]. An item that cannot be read is an
    /// [`Error::BadRecord`], with its JSON.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let users = client.users().get_many(["5d5dae1d731d4e001ad55054", "5d5dae1d731d4e001ad55055"])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn get_many<'i>(&self, ids: impl Into<StrList<'i>>) -> Result<Vec<User>, Error> {
        self.client().execute(&GetUsersByIds::new(ids))
    }

    /// Asks Kustomer to email a user a password reset link; see [`ResetPassword`]. Sent once.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::users::PasswordReset;
    ///
    /// client.users().reset_password(&PasswordReset::new("acme", "ada@example.com"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn reset_password(&self, reset: &PasswordReset) -> Result<(), Error> {
        self.client().execute(&ResetPassword::new(reset))
    }
}
