//! Access management: auth tokens, roles and role groups, and the org's auth settings. Shapes
//! from the TypeScript client's generated types (Kustomer's spec does not have them).

use serde::{Deserialize, Serialize};

use crate::families::models::resource_model::resource_model;
use crate::generic::resource::{BasicRelationships, Relationship};
use crate::protocol::date_time::DateTime;
use crate::protocol::lenient;
use crate::protocol::secret::Secret;

resource_model!(
    /// An auth token: a user's login session or an API key. Its value is only sent when the
    /// token is created, as a [`Secret`]: read it with [`expose_token`](Self::expose_token).
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"auth_token","id":"5f1a","attributes":{"token":"tok-123","lastTokenChars":"-123","roles":["org.user"]}}}"#;
    /// # let response = http::Response::builder().status(201).body(body.to_vec())?;
    /// use kustomer::{Operation, auth_tokens::{CreateToken, TokenLogin}};
    ///
    /// let login = TokenLogin::new("acme", "ada@example.com", "hunter2");
    /// let token = CreateToken::new(&login).parse(response)?;
    /// assert_eq!(token.expose_token(), Some("tok-123"));
    /// assert!(!format!("{token:?}").contains("tok-123"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthToken, AuthTokenAttributes, AuthTokenRelationships, secrets = ["token"]
);

impl AuthToken {
    /// The token's value, sent only by its create: the one call that reads it.
    pub fn expose_token(&self) -> Option<&str> {
        self.attributes.token.as_ref().map(Secret::expose_secret)
    }
}

/// The attributes of an auth token. Timestamps are RFC 3339 strings as sent.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthTokenAttributes {
    /// The token itself, only in a create's answer.
    #[serde(deserialize_with = "lenient::scalar")]
    pub token: Option<Secret>,
    /// Its last characters, to tell tokens apart.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_token_chars: Option<String>,
    /// Its name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// The IP address it was created from.
    #[serde(deserialize_with = "lenient::scalar")]
    pub ip_address: Option<String>,
    /// The user agent it was created with.
    #[serde(deserialize_with = "lenient::scalar")]
    pub user_agent: Option<String>,
    /// Its roles.
    #[serde(deserialize_with = "lenient::scalars")]
    pub roles: Vec<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When it was last used.
    #[serde(deserialize_with = "lenient::scalar")]
    pub last_accessed_at: Option<DateTime>,
}

/// An auth token's links: its org and its user.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthTokenRelationships {
    /// The org.
    #[serde(deserialize_with = "lenient::object")]
    pub org: Option<Relationship>,
    /// The user it belongs to.
    #[serde(deserialize_with = "lenient::object")]
    pub user: Option<Relationship>,
}

resource_model!(
    /// A role group: named roles users and teams are given. System groups cannot be changed.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"role_group","id":"5f2b","attributes":{"name":"Support","system":false,"roles":["org.user.customer.read"]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, role_groups::GetRoleGroup};
    ///
    /// let group = GetRoleGroup::new("5f2b").parse(response)?;
    /// assert_eq!(group.attributes.roles, ["org.user.customer.read"]);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    RoleGroup, RoleGroupAttributes, BasicRelationships
);

/// The attributes of a role group.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct RoleGroupAttributes {
    /// The name.
    #[serde(deserialize_with = "lenient::scalar")]
    pub name: Option<String>,
    /// What it is for.
    #[serde(deserialize_with = "lenient::scalar")]
    pub description: Option<String>,
    /// Whether it is shown in the app.
    #[serde(deserialize_with = "lenient::scalar")]
    pub display: Option<bool>,
    /// Whether it is one of Kustomer's own (not editable).
    #[serde(deserialize_with = "lenient::scalar")]
    pub system: Option<bool>,
    /// Its roles (see [`ListRoles`](crate::auth::ListRoles)).
    #[serde(deserialize_with = "lenient::scalars")]
    pub roles: Vec<String>,
    /// When it was created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

resource_model!(
    /// A role the org can give (`org.admin`, `org.user.customer.read`, ...): its ID is its name.
    Role, RoleAttributes, BasicRelationships
);

/// The attributes of a role: none are documented; any the API sends are in
/// [`Role::attribute`].
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct RoleAttributes {}

resource_model!(
    /// The org's auth settings: which logins it allows (Kustomer's own, Google, SAML) and how
    /// long a session lasts. The public settings (`GET /p/auth/settings`) have the same shape,
    /// with only whether each login is enabled.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"auth_settings","id":"5f3c","attributes":{"kustomer":{"enabled":true},"google":{"enabled":false},"saml":{"enabled":false}}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, auth::GetAuthSettings};
    ///
    /// let settings = GetAuthSettings::new().parse(response)?;
    /// assert_eq!(settings.attributes.google.and_then(|g| g.enabled), Some(false));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    AuthSettings, AuthSettingsAttributes, BasicRelationships
);

/// The attributes of the org's auth settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AuthSettingsAttributes {
    /// Kustomer's own login (email and password).
    #[serde(deserialize_with = "lenient::object")]
    pub kustomer: Option<LoginSetting>,
    /// Google login.
    #[serde(deserialize_with = "lenient::object")]
    pub google: Option<LoginSetting>,
    /// SAML single sign-on.
    #[serde(deserialize_with = "lenient::object")]
    pub saml: Option<SamlSettings>,
    /// Session settings.
    #[serde(deserialize_with = "lenient::object")]
    pub app: Option<AppSettings>,
    /// When they were created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When they last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
    /// When a user last modified them.
    #[serde(deserialize_with = "lenient::scalar")]
    pub modified_at: Option<DateTime>,
}

/// Whether one way to log in is allowed.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct LoginSetting {
    /// Whether it is allowed.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub enabled: Option<bool>,
}

impl LoginSetting {
    /// Allowed or not.
    pub fn enabled(enabled: bool) -> Self {
        Self {
            enabled: Some(enabled),
        }
    }
}

/// SAML single sign-on: the identity provider's certificates and URLs.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct SamlSettings {
    /// Whether it is allowed.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub enabled: Option<bool>,
    /// The identity provider's public certificates.
    #[serde(deserialize_with = "lenient::scalars")]
    pub idp_public_certs: Vec<String>,
    /// Where the identity provider logs in.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub idp_login_url: Option<String>,
    /// Where it logs out.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub idp_logout_url: Option<String>,
    /// Its issuer ID.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub idp_issuer_id: Option<String>,
    /// Whether every login must go through it again.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub force_auth: Option<bool>,
    /// Whether requests to it are signed.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub sign_requests: Option<bool>,
    /// Whether unencrypted assertions are taken.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub allow_unencrypted_assert: Option<bool>,
}

/// Session settings.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct AppSettings {
    /// How long a user's session lasts, in milliseconds.
    #[serde(
        deserialize_with = "lenient::scalar",
        skip_serializing_if = "Option::is_none"
    )]
    pub user_session_expiration_milliseconds: Option<u64>,
}

resource_model!(
    /// The org's customer-auth settings: the generated secret that signs customers' chat
    /// logins (a [`Secret`]), and the origins allowed.
    ///
    /// ```
    /// # let body = br#"{"data":{"type":"customer_auth_settings","id":"5f3d","attributes":{"secret":"s3cr3t","corsWhitelist":[]}}}"#;
    /// # let response = http::Response::builder().status(200).body(body.to_vec())?;
    /// use kustomer::{Operation, auth::GetAuthCustomerSettings};
    ///
    /// let settings = GetAuthCustomerSettings::new().parse(response)?;
    /// assert!(!format!("{settings:?}").contains("s3cr3t"));
    /// assert_eq!(settings.attributes.secret.as_ref().map(|s| s.expose_secret()), Some("s3cr3t"));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    CustomerAuthSettings, CustomerAuthSettingsAttributes, BasicRelationships, secrets = ["secret"]
);

/// The attributes of the customer-auth settings.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct CustomerAuthSettingsAttributes {
    /// The generated secret.
    #[serde(deserialize_with = "lenient::scalar")]
    pub secret: Option<Secret>,
    /// The origins allowed.
    #[serde(deserialize_with = "lenient::scalars")]
    pub cors_whitelist: Vec<String>,
    /// When they were created.
    #[serde(deserialize_with = "lenient::scalar")]
    pub created_at: Option<DateTime>,
    /// When they last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}

/// A user's password state: whether a new one may or must be set.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PasswordState {
    /// Whether a new password may be set.
    #[serde(deserialize_with = "lenient::scalar")]
    pub allow_new: Option<bool>,
    /// Whether a new password must be set at the next login.
    #[serde(deserialize_with = "lenient::scalar")]
    pub force_new: Option<bool>,
    /// When it last changed.
    #[serde(deserialize_with = "lenient::scalar")]
    pub updated_at: Option<DateTime>,
}
