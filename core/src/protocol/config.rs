//! What every request needs: the key, where to send it, and who is asking.

use http::header::{ACCEPT, AUTHORIZATION, CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Method, Request, Uri};

use crate::protocol::base_url::{BaseUrl, Region};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::secret::ApiKey;

/// The `User-Agent` every request carries.
pub const USER_AGENT_VALUE: &str = concat!("kustomer-rs/", env!("CARGO_PKG_VERSION"));

/// The client's configuration: the API key and the base URL (US region by default).
///
/// `Debug` shows the base URL and `ApiKey([redacted])`, never the key.
///
/// ```
/// use kustomer::{ApiKey, BaseUrl, Config, Region};
///
/// let us = Config::new(ApiKey::new("key")?);
/// let eu = Config::new(ApiKey::new("key")?).with_base_url(Region::Eu);
/// let org = Config::new(ApiKey::new("key")?).with_base_url(BaseUrl::org("acme")?);
/// let local = Config::new(ApiKey::new("key")?).with_base_url("http://127.0.0.1:8080".parse::<BaseUrl>()?);
/// assert_eq!(eu.base_url().as_str(), "https://api.prod2.kustomerapp.com");
/// assert!(!format!("{org:?}").contains("\"key\""));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Config {
    api_key: ApiKey,
    base_url: BaseUrl,
}

impl Config {
    /// A configuration for the US region.
    pub fn new(api_key: ApiKey) -> Self {
        Self {
            api_key,
            base_url: BaseUrl::default(),
        }
    }

    /// Sends requests to another base: a [`Region`], an org's host, a proxy or a test server.
    #[must_use]
    pub fn with_base_url(mut self, base_url: impl Into<BaseUrl>) -> Self {
        self.base_url = base_url.into();
        self
    }

    /// Reads the configuration from the environment:
    /// `KUSTOMER_API_KEY` (required); then `KUSTOMER_BASE_URL` (any base; plain `http://` only on
    /// loopback), or else `KUSTOMER_ORG` (an org subdomain), or else `KUSTOMER_REGION` (`us`, `eu`,
    /// `india`); the US region if none is set.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] naming the variable that is missing or invalid (never its value when
    /// it is the key).
    ///
    /// ```no_run
    /// let config = kustomer::Config::from_env()?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn from_env() -> Result<Self, Error> {
        Self::from_lookup(|name| std::env::var(name).ok())
    }

    /// [`Config::from_env`] over any lookup, so it can be tested without touching the process.
    pub(crate) fn from_lookup(var: impl Fn(&str) -> Option<String>) -> Result<Self, Error> {
        let key = var("KUSTOMER_API_KEY")
            .filter(|k| !k.is_empty())
            .ok_or_else(|| InvalidInput::new("KUSTOMER_API_KEY", "is not set"))?;
        let config = Self::new(ApiKey::new(key)?);
        let non_empty = |name| var(name).filter(|v| !v.trim().is_empty());
        let base_url = if let Some(url) = non_empty("KUSTOMER_BASE_URL") {
            url.trim().parse::<BaseUrl>()?
        } else if let Some(org) = non_empty("KUSTOMER_ORG") {
            BaseUrl::org(org.trim())?
        } else if let Some(region) = non_empty("KUSTOMER_REGION") {
            region.trim().parse::<Region>()?.into()
        } else {
            BaseUrl::default()
        };
        Ok(config.with_base_url(base_url))
    }

    /// The API key.
    pub fn api_key(&self) -> &ApiKey {
        &self.api_key
    }

    /// The base URL requests are built on.
    pub fn base_url(&self) -> &BaseUrl {
        &self.base_url
    }

    /// A request to `path` (already percent-encoded, starting with `/`, after `/v1`) with the
    /// headers every call carries (`Authorization`, `Accept`, `User-Agent`) and, with a body,
    /// `Content-Type: application/json`. For operations this crate does not model yet; encode
    /// untrusted parts of the path with [`encode_path_segment`](crate::encode_path_segment).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, encode_path_segment};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let path = format!("/customers/{}/drafts", encode_path_segment("customer id", "58210c3db0f09110006b7953")?);
    /// let request = config.request(http::Method::GET, &path, None)?;
    /// assert_eq!(request.uri(), "https://api.kustomerapp.com/v1/customers/58210c3db0f09110006b7953/drafts");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] if the result is not a valid URI.
    pub fn request(
        &self,
        method: Method,
        path: impl std::fmt::Display,
        body: Option<Vec<u8>>,
    ) -> Result<Request<Vec<u8>>, Error> {
        use std::fmt::Write as _;
        let base = self.base_url.as_str();
        // One allocation for the whole URI: the path is written straight after the base.
        let mut uri = String::with_capacity(base.len() + 64);
        uri.push_str(base);
        uri.push_str("/v1");
        write!(uri, "{path}")
            .map_err(|_| InvalidInput::new("request path", "could not be written"))?;
        let uri = Uri::try_from(uri)
            .map_err(|_| InvalidInput::new("request path", "does not form a valid URI"))?;
        let mut builder = Request::builder()
            .method(method)
            .uri(uri)
            .header(AUTHORIZATION, self.api_key.bearer())
            .header(ACCEPT, HeaderValue::from_static("application/json"))
            .header(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE));
        if body.is_some() {
            builder = builder.header(CONTENT_TYPE, HeaderValue::from_static("application/json"));
        }
        builder
            .body(body.unwrap_or_default())
            .map_err(|_| InvalidInput::new("request", "could not be built").into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn from(vars: &[(&str, &str)]) -> Result<Config, Error> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup(|name| vars.get(name).cloned())
    }

    #[test]
    fn environment_precedence() {
        let key = ("KUSTOMER_API_KEY", "k");
        assert_eq!(
            from(&[key]).unwrap().base_url().as_str(),
            "https://api.kustomerapp.com"
        );
        let eu = from(&[key, ("KUSTOMER_REGION", "EU")]).unwrap();
        assert_eq!(eu.base_url().as_str(), "https://api.prod2.kustomerapp.com");
        let org = from(&[key, ("KUSTOMER_REGION", "eu"), ("KUSTOMER_ORG", "acme")]).unwrap();
        assert_eq!(org.base_url().as_str(), "https://acme.api.kustomerapp.com");
        let local = from(&[
            key,
            ("KUSTOMER_ORG", "acme"),
            ("KUSTOMER_BASE_URL", "http://127.0.0.1:1/"),
        ])
        .unwrap();
        assert_eq!(local.base_url().as_str(), "http://127.0.0.1:1");
    }

    #[test]
    fn environment_errors_name_the_variable_not_the_key() {
        let err = from(&[]).unwrap_err().to_string();
        assert!(err.contains("KUSTOMER_API_KEY"), "{err}");
        let err = from(&[("KUSTOMER_API_KEY", "top secret")])
            .unwrap_err()
            .to_string();
        assert!(!err.contains("top secret"), "{err}");
        let err = from(&[
            ("KUSTOMER_API_KEY", "k"),
            ("KUSTOMER_BASE_URL", "http://example.com"),
        ]);
        assert!(err.unwrap_err().to_string().contains("loopback"));
        assert!(from(&[("KUSTOMER_API_KEY", "k"), ("KUSTOMER_REGION", "mars")]).is_err());
    }
}
