//! The customer operations on a [`Client`].

use std::fmt;

use crate::client::Client;
use crate::customers::GetCustomer;
use crate::error::Error;
use crate::models::Customer;
use crate::transport::Transport;

/// Customer operations through a [`Client`]; from [`Client::customers`].
pub struct Customers<'c, T> {
    client: &'c Client<T>,
}

impl<'c, T> Customers<'c, T> {
    pub(crate) fn new(client: &'c Client<T>) -> Self {
        Self { client }
    }
}

impl<T: Transport> Customers<'_, T> {
    /// Gets a customer by ID; see [`GetCustomer`].
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let body = r#"{"data":{"type":"customer","id":"58210c3db0f09110006b7953","attributes":{"name":"Ada"}}}"#;
    /// # let transport = move |_req: http::Request<Vec<u8>>| {
    /// #     Ok::<_, std::io::Error>(http::Response::new(body.as_bytes().to_vec()))
    /// # };
    /// let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// let customer = client.customers().get("58210c3db0f09110006b7953")?;
    /// assert_eq!(customer.attributes.name.as_deref(), Some("Ada"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn get(&self, id: &str) -> Result<Customer, Error> {
        self.client.execute(&GetCustomer::new(id))
    }
}

impl<T> fmt::Debug for Customers<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Customers").finish_non_exhaustive()
    }
}
