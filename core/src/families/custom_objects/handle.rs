//! What custom objects and klasses add on a [`Client`] and its handles.

use crate::families::custom_objects::{
    KObjectInput, KObjects, KlassName, ListCompanyKObjects, ListCustomerKObjects,
};
use crate::families::models::{Customer, KObject};
use crate::generic::client::Client;
use crate::generic::handle::Handle;
use crate::generic::ops::ListUnder;
use crate::generic::paginated::Paginated;
use crate::protocol::error::Error;
use crate::protocol::transport::Transport;

impl<T> Client<T> {
    /// Custom-object operations in klass `klass`: get, lookup by external ID, list, create,
    /// update, upsert, delete, search, bulk, a customer's or company's objects.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let order = client.custom_objects("order").by_external_id("order-1059")?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn custom_objects(&self, klass: impl Into<KlassName>) -> KObjects<'_, T> {
        Handle::within(self, klass.into())
    }
}

impl<'c, T: Transport> Handle<'c, T, KObject> {
    /// Every object of this klass a customer has, typed; see [`ListCustomerKObjects`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for order in client.custom_objects("order").of_customer("58210c3db0f09110006b7953") {
    ///     println!("{:?}", order?.attributes.title);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_customer<'a>(
        &self,
        customer_id: &'a str,
    ) -> Paginated<'c, T, ListCustomerKObjects<'a>> {
        self.under(ListUnder::within(self.scope().clone(), customer_id))
    }

    /// Every object of this klass a company has, typed; see [`ListCompanyKObjects`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let count = client.custom_objects("contract").of_company("58224b3eaa5f92110005d61e").count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_company<'a>(&self, company_id: &'a str) -> Paginated<'c, T, ListCompanyKObjects<'a>> {
        self.under(ListUnder::within(self.scope().clone(), company_id))
    }

    /// Creates an object of this klass for a customer; see
    /// [`CreateCustomerKObject`](crate::custom_objects::CreateCustomerKObject).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::custom_objects::KObjectInput;
    ///
    /// let order = client.custom_objects("order").create_for_customer("58210c3db0f09110006b7953", &KObjectInput::new("Order #7"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_for_customer(
        &self,
        customer_id: &str,
        input: &KObjectInput,
    ) -> Result<KObject, Error> {
        self.create_under::<Customer>(customer_id, input)
    }
}
