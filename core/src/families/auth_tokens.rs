//! Auth tokens: the org's login sessions and API keys, the current one, and a login that
//! creates one. Not in Kustomer's spec: paths and shapes from its access-management API (the
//! TypeScript client's generated types).
//!
//! A token's value is a [`Secret`]: only a create answers it, and only
//! [`AuthToken::expose_token`](crate::models::AuthToken::expose_token) reads it. The password a
//! login sends is a [`Secret`] too: never in a `Debug`, an error or a trace.
//!
//! Roles: `org.admin.security` to list tokens; `org.admin` to read one by ID.

use serde::Serialize;

use crate::families::models::AuthToken;
use crate::generic::family::{Creatable, Deletable, Gettable, Input, Listable};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::secret::Secret;
use crate::protocol::transport::Transport;
use crate::protocol::validation::{max_chars, not_empty};

crate::generic::declare::family! {
    impl Family for AuthToken {
        type Scope = ();
        const PATH: &'static str = "/auth/tokens";
        const NAME: &'static str = "auth token";
        const ID: &'static str = "auth token id";
    }

    handle {
        /// Auth-token operations through a [`Client`](crate::Client); from
        /// [`Client::auth_tokens`](crate::Client::auth_tokens).
        pub type AuthTokens;
        /// Auth-token operations: list, get, the current one, create (a login), delete, delete
        /// the current one.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::auth_tokens::ListAuthTokens;
        ///
        /// for token in client.auth_tokens().list(ListAuthTokens::new()) {
        ///     let token = token?;
        ///     println!("…{:?} {:?}", token.attributes.last_token_chars, token.attributes.roles);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn auth_tokens;
    }

    /// List the auth tokens of the key's user (`GET /v1/auth/tokens`), one page at a time;
    /// values are not sent, only their last characters.
    ///
    /// Roles: `org.admin.security`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth_tokens::ListAuthTokens};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListAuthTokens::new().build(&config)?.uri().path(), "/v1/auth/tokens");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListAuthTokens = crate::generic::ops::List<AuthToken> { List => "GetAuthTokens" };

    /// Get an auth token of any user of the org by ID (`GET /v1/auth/tokens/{id}`), or the one
    /// the client calls with (`GET /v1/auth/tokens/current`, [`GetAuthToken::current`]).
    ///
    /// Roles: `org.admin` (by ID).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth_tokens::GetAuthToken};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetAuthToken::current().build(&config)?.uri().path(), "/v1/auth/tokens/current");
    /// assert_eq!(GetAuthToken::current().operation_id(), "GetCurrentAuthToken");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetAuthToken<'a> = crate::generic::ops::Get<'a, AuthToken> {
        Get => "GetAuthTokenById", GetAlias("current") => "GetCurrentAuthToken"
    };

    /// Log in to an org with its domain, a user's email and password (`POST /v1/auth/tokens`;
    /// 201): the answer is a new token, whose value only
    /// [`AuthToken::expose_token`](crate::models::AuthToken::expose_token) reads. Machine
    /// tokens (API keys) are made in the app's settings instead.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth_tokens::{CreateToken, TokenLogin}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let login = TokenLogin::new("acme", "ada@example.com", "hunter2");
    /// assert!(!format!("{login:?}").contains("hunter2"));
    /// let request = CreateToken::new(&login).build(&config)?;
    /// assert_eq!(request.body(), br#"{"domain":"acme","email":"ada@example.com","password":"hunter2"}"#);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateToken<'a> = crate::generic::ops::Create<'a, AuthToken> { Create => "CreateToken" };

    /// Delete an auth token of any user of the org (`DELETE /v1/auth/tokens/{id}`; 204), or the
    /// one the client calls with ([`DeleteAuthToken::current`]): after that, every request of
    /// this client is refused (401) until it has another key.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, auth_tokens::DeleteAuthToken};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteAuthToken::current().build(&config)?.uri().path(), "/v1/auth/tokens/current");
    /// assert_eq!(DeleteAuthToken::current().operation_id(), "DeleteCurrentAuthToken");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteAuthToken<'a> = crate::generic::ops::Delete<'a, AuthToken> {
        Delete => "DeleteAuthTokenById", DeleteAlias("current") => "DeleteCurrentAuthToken"
    };
}
impl Gettable for AuthToken {}
impl Listable for AuthToken {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for AuthToken {
    type Input = TokenLogin;
    // A login: sent once, never again on the retry policy's say.
    const SENT_ONCE: bool = true;
}
impl Deletable for AuthToken {
    const CURRENT_IS_THE_CALLERS_KEY: bool = true;
}

impl GetAuthToken<'static> {
    /// The token the client calls with: `GET /v1/auth/tokens/current`.
    pub fn current() -> Self {
        Self::new("current")
    }
}

impl DeleteAuthToken<'static> {
    /// Deletes the token the client calls with (`DELETE /v1/auth/tokens/current`): the client's
    /// own key stops working, and every later request is refused with 401.
    pub fn current() -> Self {
        Self::new("current")
    }
}

impl<T: Transport> crate::generic::handle::Handle<'_, T, AuthToken> {
    /// The token the client calls with (`GET /v1/auth/tokens/current`).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let mine = client.auth_tokens().current()?;
    /// println!("calling with …{:?}", mine.attributes.last_token_chars);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn current(&self) -> Result<AuthToken, Error> {
        self.client().execute(&GetAuthToken::current())
    }

    /// Revokes the token the client calls with (`DELETE /v1/auth/tokens/current`). **The
    /// client's own key stops working**: every later request of this client fails with 401, and
    /// its error says this client deleted its own token.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// client.auth_tokens().delete_current()?;
    /// assert!(client.users().current().is_err()); // 401: the key is gone
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn delete_current(&self) -> Result<(), Error> {
        self.client().execute(&DeleteAuthToken::current())
    }
}

/// A login (`POST /v1/auth/tokens`): the org's domain (its subdomain of kustomerapp.com), a
/// user's email and password. The password is a [`Secret`]: sent in the body, and nowhere else.
///
/// ```
/// use kustomer::auth_tokens::TokenLogin;
///
/// let login = TokenLogin::new("acme", "ada@example.com", "hunter2").remember(true);
/// assert!(!format!("{login:?}").contains("hunter2"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TokenLogin {
    /// The org's domain.
    pub domain: String,
    /// The user's email.
    pub email: String,
    /// The user's password.
    #[serde(serialize_with = "crate::protocol::secret::expose")]
    pub password: Secret,
    /// Whether the session outlasts the browser's.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub remember: Option<bool>,
}

impl TokenLogin {
    /// A login to org `domain` as `email` with `password`.
    pub fn new(
        domain: impl Into<String>,
        email: impl Into<String>,
        password: impl Into<Secret>,
    ) -> Self {
        Self {
            domain: domain.into(),
            email: email.into(),
            password: password.into(),
            remember: None,
        }
    }

    /// Sets whether the session outlasts the browser's.
    #[must_use]
    pub fn remember(mut self, remember: bool) -> Self {
        self.remember = Some(remember);
        self
    }
}

impl Input for TokenLogin {
    fn validate(&self) -> Result<(), InvalidInput> {
        not_empty("domain", &self.domain)?;
        max_chars("domain", Some(&self.domain), 256)?;
        not_empty("email", &self.email)?;
        max_chars("email", Some(&self.email), 256)?;
        if self.password.is_empty() {
            return Err(InvalidInput::new("password", "is empty"));
        }
        Ok(())
    }

    fn secrets(&self) -> Vec<&str> {
        vec![self.password.expose_secret()]
    }
}

crate::generic::ops::helpers::input_cow!(TokenLogin);

#[cfg(test)]
mod tests {
    use http::Response;

    use super::*;
    use crate::protocol::operation::Operation;

    #[test]
    fn a_refused_login_never_shows_its_password_whatever_the_server_echoes() {
        let login = TokenLogin::new("acme", "ada@example.com", "hunter2-xyz");
        let echo = br#"{"errors":[{"status":401,"code":"unauthorized","title":"bad login hunter2-xyz","source":{"password":"hunter2-xyz"}}]}"#;
        let response = Response::builder().status(401).body(&echo[..]).unwrap();
        let error = CreateToken::new(&login).parse(response).unwrap_err();
        let shown = format!("{error} {error:?}");
        assert!(error.is_unauthorized(), "{shown}");
        assert!(!shown.contains("hunter2-xyz"), "{shown}");
        assert!(!format!("{login:?}").contains("hunter2-xyz"));
        let sent = String::from_utf8(
            CreateToken::new(&login)
                .build(&crate::protocol::config::Config::new(
                    crate::protocol::secret::ApiKey::new("key").unwrap(),
                ))
                .unwrap()
                .into_body(),
        )
        .unwrap();
        assert!(
            sent.contains("hunter2-xyz"),
            "the body is where it goes: {sent}"
        );
    }

    #[test]
    fn only_deleting_the_current_token_is_marked_as_revoking_the_callers_key() {
        let config = crate::protocol::config::Config::new(
            crate::protocol::secret::ApiKey::new("key").unwrap(),
        );
        let marked = |op: DeleteAuthToken<'_>| {
            let request = op.build(&config).unwrap();
            request
                .extensions()
                .get::<crate::protocol::operation::RevokesCallersKey>()
                .is_some()
        };
        assert!(marked(DeleteAuthToken::current()));
        assert!(!marked(DeleteAuthToken::new("5f1a")));
    }

    #[test]
    fn a_created_token_is_redacted_everywhere_but_its_one_call() {
        let body = br#"{"data":{"type":"auth_token","id":"t1","attributes":{"token":"tok-secret-1","lastTokenChars":"et-1"}}}"#;
        let response = Response::builder().status(201).body(&body[..]).unwrap();
        let login = TokenLogin::new("acme", "ada@example.com", "pw");
        let token = CreateToken::new(&login).parse(response).unwrap();
        let shown = format!(
            "{token:?} {} {}",
            serde_json::to_string(&token).unwrap(),
            token.attributes.token.as_ref().unwrap()
        );
        assert!(!shown.contains("tok-secret-1"), "{shown}");
        let raw = token.raw_document().unwrap();
        assert!(
            !raw.contains("tok-secret-1") && raw.contains("et-1"),
            "{raw}"
        );
        assert_eq!(token.attribute("token"), Some("[redacted]".into()));
        assert_eq!(token.expose_token(), Some("tok-secret-1"));
    }
}
