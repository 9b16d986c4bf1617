//! Where requests go: a Kustomer region, an org's own host, or any explicit base such as a proxy.

use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

use http::Uri;

use crate::protocol::error::InvalidInput;

/// A Kustomer region. An API key only works in its own region; an org's own host
/// ([`BaseUrl::org`]) routes to the right one by itself.
///
/// ```
/// use kustomer::Region;
///
/// let region: Region = "eu".parse()?;
/// assert_eq!(region, Region::Eu);
/// assert_eq!(region.host(), "api.prod2.kustomerapp.com");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
#[non_exhaustive]
pub enum Region {
    /// United States (`api.kustomerapp.com`), the default.
    #[default]
    Us,
    /// Europe (`api.prod2.kustomerapp.com`).
    Eu,
    /// India (`api.prod4.kustomerapp.com`).
    India,
}

impl Region {
    /// The region's API host.
    pub fn host(self) -> &'static str {
        match self {
            Region::Us => "api.kustomerapp.com",
            Region::Eu => "api.prod2.kustomerapp.com",
            Region::India => "api.prod4.kustomerapp.com",
        }
    }
}

impl FromStr for Region {
    type Err = InvalidInput;

    /// `us`, `eu` or `india`, in any case.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "us" => Ok(Region::Us),
            "eu" => Ok(Region::Eu),
            "india" | "in" => Ok(Region::India),
            _ => Err(InvalidInput::new(
                "region",
                format!("{s:?} is not one of us, eu, india"),
            )),
        }
    }
}

/// The root every request is built on: scheme, host, port and an optional path prefix. The core adds
/// `/v1` and the operation's path after it.
///
/// Plain `http://` is accepted only for a loopback host (`127.0.0.0/8`, `::1`, `localhost`) unless
/// the caller opts in with [`BaseUrl::parse_allowing_http`]: the API key travels in every request.
///
/// ```
/// use kustomer::{BaseUrl, Region};
///
/// assert_eq!(BaseUrl::from(Region::Us).as_str(), "https://api.kustomerapp.com");
/// assert_eq!(BaseUrl::org("acme")?.as_str(), "https://acme.api.kustomerapp.com");
/// assert_eq!("http://127.0.0.1:8080/".parse::<BaseUrl>()?.as_str(), "http://127.0.0.1:8080");
/// assert!("http://proxy.internal".parse::<BaseUrl>().is_err());
/// assert!(BaseUrl::parse_allowing_http("http://proxy.internal").is_ok());
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct BaseUrl {
    // Normalised `scheme://authority[/prefix]`, never with a trailing slash, query or fragment.
    root: Box<str>,
}

impl BaseUrl {
    /// The host of one org (`https://<org>.api.kustomerapp.com`), which routes to the org's region.
    ///
    /// # Errors
    /// [`InvalidInput`] unless `org` is a DNS label: 1 to 63 ASCII letters, digits or `-`, not
    /// starting or ending with `-`.
    pub fn org(org: &str) -> Result<Self, InvalidInput> {
        let valid = !org.is_empty()
            && org.len() <= 63
            && !org.starts_with('-')
            && !org.ends_with('-')
            && org.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-');
        if !valid {
            return Err(InvalidInput::new(
                "org",
                "must be 1 to 63 letters, digits or '-' (the subdomain of <org>.api.kustomerapp.com)",
            ));
        }
        Ok(Self {
            root: format!("https://{}.api.kustomerapp.com", org.to_ascii_lowercase()).into(),
        })
    }

    /// Parses any base URL, like [`str::parse`], but also accepts plain `http://` to a host that is
    /// not loopback. Only for a trusted network: the API key is sent in clear text.
    ///
    /// # Errors
    /// As [`BaseUrl::from_str`], except for the loopback rule.
    pub fn parse_allowing_http(url: &str) -> Result<Self, InvalidInput> {
        Self::parse(url, true)
    }

    /// The normalised base, without `/v1` (for example `https://api.kustomerapp.com`).
    pub fn as_str(&self) -> &str {
        &self.root
    }

    /// Whether requests go over plain HTTP.
    pub fn is_plain_http(&self) -> bool {
        self.root.starts_with("http://")
    }

    fn parse(url: &str, allow_http: bool) -> Result<Self, InvalidInput> {
        let bad = |why: &str| InvalidInput::new("base url", why.to_owned());
        let uri: Uri = url
            .parse()
            .map_err(|_| bad("is not a valid absolute URL"))?;
        let scheme = match uri.scheme_str() {
            Some("https") => "https",
            Some("http") => "http",
            Some(_) => return Err(bad("scheme must be https (or http for loopback)")),
            None => {
                return Err(bad(
                    "needs a scheme and a host, like https://api.kustomerapp.com",
                ));
            }
        };
        let authority = uri.authority().ok_or_else(|| bad("needs a host"))?;
        if authority.as_str().contains('@') {
            return Err(bad(
                "must not carry credentials; the API key is sent as a header",
            ));
        }
        if uri.query().is_some() || url.contains('#') {
            return Err(bad("must not have a query or fragment"));
        }
        if scheme == "http" && !allow_http && !is_loopback(authority.host()) {
            return Err(bad(
                "plain http is allowed only for loopback hosts; use https or BaseUrl::parse_allowing_http",
            ));
        }
        let mut prefix = uri.path().trim_end_matches('/');
        // A base copied from the docs often ends in the version; the core adds it itself.
        if let Some(stripped) = prefix.strip_suffix("/v1") {
            prefix = stripped;
        }
        Ok(Self {
            root: format!(
                "{scheme}://{}{prefix}",
                authority.as_str().to_ascii_lowercase()
            )
            .into(),
        })
    }
}

pub(crate) fn is_loopback(host: &str) -> bool {
    let host = host.trim_start_matches('[').trim_end_matches(']');
    host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

impl FromStr for BaseUrl {
    type Err = InvalidInput;

    /// Parses an `https://` base (a proxy, a test server), or an `http://` one on a loopback host.
    /// A trailing `/` or `/v1` is dropped.
    fn from_str(url: &str) -> Result<Self, Self::Err> {
        Self::parse(url, false)
    }
}

impl From<Region> for BaseUrl {
    fn from(region: Region) -> Self {
        Self {
            root: format!("https://{}", region.host()).into(),
        }
    }
}

impl Default for BaseUrl {
    fn default() -> Self {
        Region::default().into()
    }
}

impl fmt::Display for BaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.root)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_and_orgs() {
        assert_eq!(
            BaseUrl::from(Region::Eu).as_str(),
            "https://api.prod2.kustomerapp.com"
        );
        assert_eq!(
            BaseUrl::from(Region::India).as_str(),
            "https://api.prod4.kustomerapp.com"
        );
        assert_eq!(BaseUrl::default().as_str(), "https://api.kustomerapp.com");
        assert_eq!(
            BaseUrl::org("Acme-2").unwrap().as_str(),
            "https://acme-2.api.kustomerapp.com"
        );
        for bad in ["", "-a", "a-", "a.b", "a/b", "a b", &"x".repeat(64)] {
            assert!(BaseUrl::org(bad).is_err(), "{bad:?}");
        }
        assert_eq!("INDIA".parse::<Region>().unwrap(), Region::India);
        assert!("mars".parse::<Region>().is_err());
    }

    #[test]
    fn explicit_bases_are_normalised() {
        let cases = [
            (
                "https://proxy.example.com/kustomer/",
                "https://proxy.example.com/kustomer",
            ),
            (
                "https://acme.api.kustomerapp.com/v1",
                "https://acme.api.kustomerapp.com",
            ),
            (
                "https://acme.api.kustomerapp.com/v1/",
                "https://acme.api.kustomerapp.com",
            ),
            ("http://127.0.0.1:9000", "http://127.0.0.1:9000"),
            ("http://127.8.0.2:9000", "http://127.8.0.2:9000"),
            ("http://localhost:9000/", "http://localhost:9000"),
            ("http://[::1]:9000", "http://[::1]:9000"),
            ("HTTPS://API.Example.com", "https://api.example.com"),
        ];
        for (input, want) in cases {
            assert_eq!(input.parse::<BaseUrl>().unwrap().as_str(), want, "{input}");
        }
    }

    #[test]
    fn unsafe_bases_are_refused() {
        for bad in [
            "http://api.kustomerapp.com",
            "http://10.0.0.1",
            "http://localhost.evil.com",
            "ftp://127.0.0.1",
            "api.kustomerapp.com",
            "/v1/customers",
            "https://user:pw@api.kustomerapp.com",
            "https://api.kustomerapp.com/?x=1",
            "https://api.kustomerapp.com/#frag",
            "https://api.kustomerapp.com\r\n",
            "",
        ] {
            assert!(bad.parse::<BaseUrl>().is_err(), "{bad:?} was accepted");
        }
        let opted_in = BaseUrl::parse_allowing_http("http://proxy.internal:8080").unwrap();
        assert!(opted_in.is_plain_http());
    }
}
