//! The blocking facade: build, send through a transport, parse.

use std::fmt;
use std::sync::Arc;

use http::StatusCode;

use crate::config::Config;
use crate::customers::Customers;
use crate::error::{Error, TransportError};
use crate::operation::Operation;
use crate::rate_limit::RateLimit;
use crate::transport::Transport;

/// A Kustomer client over a [`Transport`].
///
/// Cheap to clone (one `Arc`), and `Send + Sync` when the transport is: share one client, and so
/// one connection pool, across threads.
///
/// ```
/// use kustomer::{ApiKey, Client, Config};
///
/// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
/// #     br#"{"data":{"id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#.to_vec()));
/// let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// let customer = client.customers().get("58210c3db0f09110006b7953")?;
/// println!("{}", customer.attributes.name.unwrap_or_default());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct Client<T> {
    inner: Arc<Inner<T>>,
}

struct Inner<T> {
    config: Config,
    transport: T,
}

/// A parsed response with what the response said besides its body.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Reply<T> {
    /// The operation's output.
    pub value: T,
    /// The response status.
    pub status: StatusCode,
    /// The response's rate-limit headers.
    pub rate_limit: RateLimit,
}

impl<T: Transport> Client<T> {
    /// A client sending requests built from `config` through `transport`.
    pub fn new(config: Config, transport: T) -> Self {
        Self {
            inner: Arc::new(Inner { config, transport }),
        }
    }

    /// Runs any operation: build, send, parse.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config, customers::GetCustomer};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":{"id":"58210c3db0f09110006b7953"}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let customer = client.execute(&GetCustomer::new("58210c3db0f09110006b7953"))?;
    /// assert_eq!(customer.id, "58210c3db0f09110006b7953");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn execute<O: Operation>(&self, operation: &O) -> Result<O::Output, Error> {
        self.execute_reply(operation).map(|reply| reply.value)
    }

    /// Runs an operation and also returns the response's status and rate-limit headers.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config, customers::GetCustomer};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::builder()
    /// #     .header("x-ratelimit-remaining", "41")
    /// #     .body(br#"{"data":{"id":"58210c3db0f09110006b7953"}}"#.to_vec()).unwrap());
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let reply = client.execute_reply(&GetCustomer::new("58210c3db0f09110006b7953"))?;
    /// assert_eq!(reply.rate_limit.remaining, Some(41));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn execute_reply<O: Operation>(&self, operation: &O) -> Result<Reply<O::Output>, Error> {
        let request = operation.build(&self.inner.config)?;
        let response = self
            .inner
            .transport
            .send(request)
            .map_err(TransportError::from_any)?;
        let status = response.status();
        let rate_limit = RateLimit::from_headers(response.headers());
        let value = operation
            .parse(response)
            .map_err(|e| e.redact(self.inner.config.api_key().expose_secret()))?;
        Ok(Reply {
            value,
            status,
            rate_limit,
        })
    }

    /// Customer operations.
    pub fn customers(&self) -> Customers<'_, T> {
        Customers::new(self)
    }
}

impl<T> Client<T> {
    /// The configuration requests are built from.
    pub fn config(&self) -> &Config {
        &self.inner.config
    }

    /// The transport requests go through.
    pub fn transport(&self) -> &T {
        &self.inner.transport
    }
}

impl<T> Clone for Client<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
        }
    }
}

impl<T> fmt::Debug for Client<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Client")
            .field("config", &self.inner.config)
            .finish_non_exhaustive()
    }
}
