//! The org's auth settings (which logins it allows, its SAML single sign-on, how long a
//! session lasts), its customer-auth settings, and the roles it can give. Not in Kustomer's
//! spec: paths and shapes from its access-management API (the TypeScript client's generated
//! types).
//!
//! Roles: `org.admin.security` for the auth settings; `org.admin` for the customer-auth
//! settings. The public settings need no key's roles.

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;

use crate::families::models::{
    AppSettings, AuthSettings, CustomerAuthSettings, LoginSetting, Role, SamlSettings,
};
use crate::generic::family::{Input, Listable};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::transport::Transport;
use crate::protocol::validation::{check_count, max_chars, not_empty};

crate::generic::declare::family! {
    impl Family for AuthSettings {
        type Scope = ();
        const PATH: &'static str = "/auth/settings";
        const NAME: &'static str = "auth settings";
        const ID: &'static str = "auth settings id";
    }

    handle {
        /// The org's auth settings and roles through a [`Client`](crate::Client); from
        /// [`Client::auth`](crate::Client::auth).
        pub type Auth;
        /// The org's auth settings (get, update, the customer-auth and the public settings)
        /// and the roles it can give.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let settings = client.auth().settings()?;
        /// println!("SAML: {:?}", settings.attributes.saml.and_then(|s| s.enabled));
        /// for role in client.auth().roles() {
        ///     println!("{}", role?.id);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn auth;
    }
}

crate::generic::declare::family! {
    impl Family for Role {
        type Scope = ();
        const PATH: &'static str = "/auth/roles";
        const NAME: &'static str = "role";
        const ID: &'static str = "role";
    }

    /// List the roles the org can give (`GET /v1/auth/roles`): each is an ID
    /// (`org.user.customer.read`, ...), for role groups and users.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth::ListRoles};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListRoles::new().build(&config)?.uri().path(), "/v1/auth/roles");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListRoles = crate::generic::ops::List<Role> { List => "GetAuthRoles" };
}
impl Listable for Role {
    const MAX_PAGE_SIZE: u32 = 1000;
}

/// One of the org's settings documents, read with `GET` at its path.
macro_rules! settings_get {
    ($(#[$doc:meta])* $name:ident, $model:ty, $path:literal, $id:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
        #[non_exhaustive]
        pub struct $name;

        impl $name {
            /// The operation.
            pub fn new() -> Self {
                Self
            }
        }

        impl Operation for $name {
            type Output = $model;

            fn operation_id(&self) -> &'static str {
                $id
            }

            fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
                config.request(Method::GET, $path, None)
            }

            fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<$model, Error> {
                parse_one(response)
            }
        }
    };
}

settings_get!(
    /// Get the org's auth settings (`GET /v1/auth/settings`, the TypeScript client's
    /// `GetAuthSettings`).
    ///
    /// Roles: `org.admin.security`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth::GetAuthSettings};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetAuthSettings::new().build(&config)?.uri().path(), "/v1/auth/settings");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    GetAuthSettings,
    AuthSettings, "/auth/settings", "GetAuthSettings"
);

settings_get!(
    /// Get the org's customer-auth settings (`GET /v1/auth/customer/settings`, the TypeScript
    /// client's `GetAuthCustomerSettings`): the generated secret that signs customers' chat
    /// logins, as a [`Secret`](crate::Secret).
    ///
    /// Roles: `org.admin`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth::GetAuthCustomerSettings};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetAuthCustomerSettings::new().build(&config)?.uri().path(), "/v1/auth/customer/settings");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    GetAuthCustomerSettings,
    CustomerAuthSettings, "/auth/customer/settings", "GetAuthCustomerSettings"
);

settings_get!(
    /// Get the org's public auth settings (`GET /v1/p/auth/settings`, the TypeScript client's
    /// `GetPublicAuthSettings`): which logins it allows, what a login page shows.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth::GetPublicAuthSettings};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetPublicAuthSettings::new().build(&config)?.uri().path(), "/v1/p/auth/settings");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    GetPublicAuthSettings,
    AuthSettings, "/p/auth/settings", "GetPublicAuthSettings"
);

/// Update the org's auth settings (`PUT /v1/auth/settings`, the TypeScript client's
/// `UpdateAuthSettings`): which logins it allows, SAML, the session's length. Turning every
/// login off locks every user out: Kustomer's own or Google's must stay on unless SAML is.
///
/// Roles: `org.admin.security`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, auth::{AuthSettingsInput, UpdateAuthSettings}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let input = AuthSettingsInput::new(true, false).session_milliseconds(8 * 3_600_000);
/// let request = UpdateAuthSettings::new(&input).build(&config)?;
/// assert_eq!(request.body(), br#"{"kustomer":{"enabled":true},"google":{"enabled":false},"app":{"userSessionExpirationMilliseconds":28800000}}"#);
/// assert!(UpdateAuthSettings::new(AuthSettingsInput::new(false, false)).build(&config).is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpdateAuthSettings<'a> {
    input: Cow<'a, AuthSettingsInput>,
}

impl<'a> UpdateAuthSettings<'a> {
    /// The operation for `input`.
    pub fn new(input: impl Into<Cow<'a, AuthSettingsInput>>) -> Self {
        Self {
            input: input.into(),
        }
    }
}

impl Operation for UpdateAuthSettings<'_> {
    type Output = AuthSettings;

    fn operation_id(&self) -> &'static str {
        "UpdateAuthSettings"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        config.request(
            Method::PUT,
            "/auth/settings",
            Some(json_body(&*self.input)?),
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<AuthSettings, Error> {
        parse_one(response)
    }
}

/// The org's auth settings to set (`PUT /v1/auth/settings`): whether Kustomer's own and Google's
/// logins are allowed (both required), SAML, and the session's length.
///
/// ```
/// use kustomer::auth::AuthSettingsInput;
/// use kustomer::models::SamlSettings;
///
/// let mut saml = SamlSettings::default();
/// saml.enabled = Some(true);
/// saml.idp_login_url = Some("https://idp.example.com/login".into());
/// let input = AuthSettingsInput::new(true, false).saml(saml);
/// assert!(serde_json::to_string(&input).unwrap().contains(r#""saml":{"enabled":true,"idpPublicCerts":[],"idpLoginUrl":"https://idp.example.com/login"}"#));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AuthSettingsInput {
    /// Kustomer's own login (email and password).
    pub kustomer: LoginSetting,
    /// Google login.
    pub google: LoginSetting,
    /// SAML single sign-on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub saml: Option<SamlSettings>,
    /// Session settings.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<AppSettings>,
}

impl AuthSettingsInput {
    /// Whether Kustomer's own login and Google's are allowed.
    pub fn new(kustomer: bool, google: bool) -> Self {
        Self {
            kustomer: LoginSetting::enabled(kustomer),
            google: LoginSetting::enabled(google),
            saml: None,
            app: None,
        }
    }

    /// Sets SAML single sign-on.
    #[must_use]
    pub fn saml(mut self, saml: SamlSettings) -> Self {
        self.saml = Some(saml);
        self
    }

    /// Sets how long a user's session lasts, in milliseconds.
    #[must_use]
    pub fn session_milliseconds(mut self, milliseconds: u64) -> Self {
        let mut app = self.app.unwrap_or_default();
        app.user_session_expiration_milliseconds = Some(milliseconds);
        self.app = Some(app);
        self
    }
}

impl Input for AuthSettingsInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if self.kustomer.enabled.is_none() || self.google.enabled.is_none() {
            return Err(InvalidInput::new(
                "auth settings",
                "need kustomer.enabled and google.enabled",
            ));
        }
        let enabled = |s: &LoginSetting| s.enabled == Some(true);
        let saml_on = self.saml.as_ref().is_some_and(|s| s.enabled == Some(true));
        if !enabled(&self.kustomer) && !enabled(&self.google) && !saml_on {
            return Err(InvalidInput::new(
                "auth settings",
                "turn every login off and nobody can log in: keep Kustomer's, Google's or SAML on",
            ));
        }
        if let Some(saml) = &self.saml {
            if saml.enabled.is_none() {
                return Err(InvalidInput::new("saml.enabled", "is required with saml"));
            }
            check_count("saml.idpPublicCerts", saml.idp_public_certs.len(), 10)?;
            for cert in &saml.idp_public_certs {
                not_empty("saml.idpPublicCerts", cert)?;
            }
            for (what, url) in [
                ("saml.idpLoginUrl", &saml.idp_login_url),
                ("saml.idpLogoutUrl", &saml.idp_logout_url),
                ("saml.idpIssuerId", &saml.idp_issuer_id),
            ] {
                max_chars(what, url.as_deref(), 2048)?;
            }
        }
        Ok(())
    }
}

crate::generic::ops::helpers::input_cow!(AuthSettingsInput);

impl<T: Transport> crate::generic::handle::Handle<'_, T, AuthSettings> {
    /// The org's auth settings; see [`GetAuthSettings`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let google = client.auth().settings()?.attributes.google.and_then(|g| g.enabled);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn settings(&self) -> Result<AuthSettings, Error> {
        self.client().execute(&GetAuthSettings::new())
    }

    /// Sets the org's auth settings; see [`UpdateAuthSettings`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::auth::AuthSettingsInput;
    ///
    /// client.auth().update_settings(&AuthSettingsInput::new(true, true))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn update_settings(&self, input: &AuthSettingsInput) -> Result<AuthSettings, Error> {
        self.client().execute(&UpdateAuthSettings::new(input))
    }

    /// The org's customer-auth settings, with their generated secret; see
    /// [`GetAuthCustomerSettings`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let secret = client.auth().customer_settings()?.attributes.secret;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn customer_settings(&self) -> Result<CustomerAuthSettings, Error> {
        self.client().execute(&GetAuthCustomerSettings::new())
    }

    /// The org's public auth settings; see [`GetPublicAuthSettings`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let public = client.auth().public_settings()?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn public_settings(&self) -> Result<AuthSettings, Error> {
        self.client().execute(&GetPublicAuthSettings::new())
    }

    /// Every role the org can give; see [`ListRoles`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let roles: Vec<String> = client.auth().roles().map(|r| r.map(|r| r.id)).collect::<Result<_, _>>()?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn roles(&self) -> crate::generic::paginated::Paginated<'_, T, ListRoles> {
        crate::generic::paginated::Paginated::new(self.client(), ListRoles::new())
    }
}
