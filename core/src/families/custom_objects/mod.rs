//! Custom objects (KObjects) and klasses: the klass defines a kind of object (`order`), and
//! its objects live in a collection of their own, `/klasses/{name}`. Every custom-object
//! operation is built [`within`](crate::ops::Get::within) a klass, named by a [`KlassName`];
//! `client.custom_objects("order")` does that for every call.
//!
//! Roles: read `org.user.kobject.read` / `org.permission.kobject.read`; create and update
//! `org.user.kobject.write` / `org.permission.kobject.create`, `.update`; delete
//! `org.user.kobject.delete` / `org.permission.kobject.delete`. Klasses: `org.admin.klass.*`
//! (`org.user.klass.read` / `org.permission.klass.read` to read). At most 120 custom objects
//! created a minute per customer.
//!
//! ```
//! use kustomer::{ApiKey, Config, Operation};
//! use kustomer::custom_objects::{CreateKObject, KObjectInput};
//!
//! let config = Config::new(ApiKey::new("key")?);
//! let order = KObjectInput::new("Order #1059").customer("58210c3db0f09110006b7953");
//! let request = CreateKObject::within("order", &order).build(&config)?;
//! assert_eq!(request.uri().path(), "/v1/klasses/order");
//! # Ok::<(), kustomer::Error>(())
//! ```

mod handle;
mod input;
mod klass_name;

use crate::families::models::{Company, Customer, KObject, Klass};
use crate::generic::family::{
    BulkDeletable, BulkWritable, ChildOf, Creatable, CreatedUnder, Deletable, ExternalIdLookup,
    Gettable, Listable, Searchable, Updatable, UpdateMethods, Upsertable,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{absent, required};

pub use input::{KObjectInput, KlassInput};
pub use klass_name::KlassName;

crate::generic::declare::family! {
    impl Family for KObject {
        type Scope = KlassName;
        const PATH: &'static str = "/klasses";
        const NAME: &'static str = "custom object";
        const ID: &'static str = "custom object id";
        const SCOPE: &'static str = "klass name";
    }

    /// Get a custom object by ID (`GET /v1/klasses/{name}/{id}`).
    ///
    /// Roles: `org.user.kobject.read` or `org.permission.kobject.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::GetKObject};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetKObject::within("order", "5826ab180fcc2514008b2a94").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/klasses/order/5826ab180fcc2514008b2a94");
    /// assert!(GetKObject::within("../customers", "x").build(&config).unwrap().uri().path().starts_with("/v1/klasses/..%2Fcustomers/"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetKObject<'a> = crate::generic::ops::Get<'a, KObject> { Get => "GetKObject" };

    /// Find a custom object by your ID for it (`GET /v1/klasses/{name}/externalId={externalId}`); a
    /// miss is [`Error::NotFound`](crate::Error::NotFound).
    ///
    /// Roles: `org.user.kobject.read` or `org.permission.kobject.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::GetKObjectByExternalId};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetKObjectByExternalId::within("order", "order 1059").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/klasses/order/externalId=order%201059");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetKObjectByExternalId<'a> = crate::generic::ops::GetByExternalId<'a, KObject> {
        GetByExternalId => "getKlassesByNameAndExternalId"
    };

    /// List a klass's custom objects (`GET /v1/klasses/{name}`), one page at a time.
    ///
    /// Roles: `org.user.kobject.read` or `org.permission.kobject.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::ListKObjects};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListKObjects::within("order").page_size(100).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/klasses/order?pageSize=100");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListKObjects = crate::generic::ops::List<KObject> { List => "GetKObjects" };

    /// Create a custom object (`POST /v1/klasses/{name}`; 201).
    ///
    /// Roles: `org.user.kobject.write` or `org.permission.kobject.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{CreateKObject, KObjectInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateKObject::within("order", KObjectInput::new("Order #1")).build(&config)?;
    /// assert_eq!(request.body(), br#"{"title":"Order #1"}"#);
    /// assert!(CreateKObject::within("order", KObjectInput::new("")).build(&config).is_err());
    /// assert!(CreateKObject::within("order", KObjectInput::update()).build(&config).is_err()); // no title
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateKObject<'a> = crate::generic::ops::Create<'a, KObject> {
        Create => "CreateKObject"
    };

    /// Update a custom object (`PUT /v1/klasses/{name}/{id}`); a stale `rev` is
    /// [`Error::Conflict`](crate::Error::Conflict).
    ///
    /// Roles: `org.user.kobject.write` or `org.permission.kobject.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{KObjectInput, UpdateKObject}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let paid = KObjectInput::update().custom_str("statusStr", "paid");
    /// let request = UpdateKObject::within("order", "5826ab180fcc2514008b2a94", &paid).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/klasses/order/5826ab180fcc2514008b2a94");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateKObject<'a> = crate::generic::ops::Update<'a, KObject> {
        Put => "UpdateKObject"
    };

    /// Delete a custom object (`DELETE /v1/klasses/{name}/{id}`; 204).
    ///
    /// Roles: `org.user.kobject.delete` or `org.permission.kobject.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::DeleteKObject};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = DeleteKObject::within("order", "5826ab180fcc2514008b2a94").build(&config)?;
    /// assert_eq!(request.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteKObject<'a> = crate::generic::ops::Delete<'a, KObject> {
        Delete => "DeleteKObject"
    };

    /// Search a klass's custom objects (`POST /v1/customers/search` with `queryContext:
    /// "kobject_<klass>"`, or the archive), one page at a time. Criteria on the klass's attributes
    /// are named `kobject_custom_<klass>_<attribute>`: [`KlassName::criterion`].
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{KlassName, SearchKObjects}};
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let order = KlassName::new("order");
    /// let query = SearchQuery::new().and(Criterion::gt(order.criterion("totalNum"), 100));
    /// let request = SearchKObjects::within(order, query).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "kobject_order");
    /// assert_eq!(body["and"][0]["kobject_custom_order_totalNum"]["gt"], 100);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchKObjects = crate::generic::ops::Search<KObject> {};

    /// The walk through every custom object of a klass a search finds, past the 100-page cap, on
    /// `kobject_updated_at`.
    ///
    /// ```
    /// use kustomer::{search::SearchQuery, custom_objects::KObjectWalk};
    ///
    /// let first = KObjectWalk::within("order", SearchQuery::new(), 500).next_operation().unwrap();
    /// let body = serde_json::to_value(first.query()).unwrap();
    /// assert_eq!(body["queryContext"], "kobject_order");
    /// ```
    pub type KObjectWalk = crate::generic::ops::Walk<KObject> {};

    /// Create, update or delete up to 100 custom objects of a klass in one job
    /// (`POST`/`PUT`/`DELETE /v1/klasses/{name}/bulk`; 201 with a job).
    ///
    /// Roles: `org.user.kobject.write` or `org.permission.kobject.create` / `.update` / `.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{BulkKObjects, KObjectInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let orders = [KObjectInput::new("Order #1"), KObjectInput::new("Order #2")];
    /// let request = BulkKObjects::create_within("order", &orders[..]).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/klasses/order/bulk");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type BulkKObjects<'a> = crate::generic::ops::BulkWrite<'a, KObject> {
        BulkDelete => "BulkDeleteKObjects", BulkCreate => "BulkCreateKObjects", BulkUpdate => "BulkBatchUpdateKObjects"
    };

    /// List a customer's custom objects of one klass (`GET /v1/customers/{id}/klasses/{name}`),
    /// typed.
    ///
    /// Roles: `org.user.kobject.read` or `org.permission.kobject.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::ListCustomerKObjects};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCustomerKObjects::within("order", "58210c3db0f09110006b7953").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/customers/58210c3db0f09110006b7953/klasses/order");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerKObjects<'a> = crate::generic::ops::ListUnder<'a, Customer, KObject> {
        ListUnder(Customer) => "FindCustomerKObjects"
    };

    /// Create a custom object for a customer (`POST /v1/customers/{id}/klasses/{name}`; 201).
    ///
    /// Roles: `org.user.kobject.write` or `org.permission.kobject.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{CreateCustomerKObject, KObjectInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let op = CreateCustomerKObject::within("order", "58210c3db0f09110006b7953", KObjectInput::new("Order #1"));
    /// assert_eq!(op.build(&config)?.uri().path(), "/v1/customers/58210c3db0f09110006b7953/klasses/order");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCustomerKObject<'a> = crate::generic::ops::CreateUnder<'a, Customer, KObject> {
        CreateUnder(Customer) => "CreateCustomerKObject"
    };

    /// List a company's custom objects of one klass (`GET /v1/companies/{id}/klasses/{name}`),
    /// typed.
    ///
    /// Roles: `org.user.kobject.read` or `org.permission.kobject.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::ListCompanyKObjects};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCompanyKObjects::within("order", "58224b3eaa5f92110005d61e").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/companies/58224b3eaa5f92110005d61e/klasses/order");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCompanyKObjects<'a> = crate::generic::ops::ListUnder<'a, Company, KObject> {
        ListUnder(Company) => "FindCompanyKObjects"
    };
}
impl Gettable for KObject {}
impl Listable for KObject {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for KObject {
    type Input = KObjectInput;
    fn check_create(input: &KObjectInput) -> Result<(), InvalidInput> {
        required("title", &input.title)?;
        absent("rev", &input.rev, "is not taken by a create")
    }
}
impl Updatable for KObject {
    type Update = KObjectInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
    fn check_put(input: &KObjectInput) -> Result<(), InvalidInput> {
        let why = "is not taken by an update: a custom object stays with its owner";
        absent("customer", &input.customer, why)?;
        absent("company", &input.company, why)
    }
}
impl Deletable for KObject {}
impl Upsertable for KObject {
    fn external_id(input: &KObjectInput) -> Option<&str> {
        input.external_id.as_deref()
    }
    fn as_update(input: &KObjectInput) -> std::borrow::Cow<'_, KObjectInput> {
        if input.customer.is_none() && input.company.is_none() {
            return std::borrow::Cow::Borrowed(input);
        }
        // The owner was the create's to set; the update leaves it.
        std::borrow::Cow::Owned(KObjectInput {
            customer: None,
            company: None,
            ..input.clone()
        })
    }
}
impl ExternalIdLookup for KObject {}
impl Searchable for KObject {
    const CONTEXT: &'static str = "kobject";
    const PREFIX: &'static str = "kobject";
    const UPDATED_AT: &'static str = "kobject_updated_at";
    const ARCHIVED: bool = true;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for KObject {
    fn check_bulk_update(update: &KObjectInput) -> Result<(), InvalidInput> {
        let why = "is not taken by a bulk update";
        Self::check_put(update)?;
        absent("createdAt", &update.created_at, why)?;
        absent("importedAt", &update.imported_at, why)
    }
}
impl BulkDeletable for KObject {}
impl ChildOf<Customer> for KObject {
    const SEGMENT: &'static str = "klasses";
}
impl CreatedUnder<Customer> for KObject {
    type Input = KObjectInput;
    fn check_under(input: &KObjectInput) -> Result<(), InvalidInput> {
        absent(
            "customer",
            &input.customer,
            "is the customer in the path: leave it out",
        )
    }
}
impl ChildOf<Company> for KObject {
    const SEGMENT: &'static str = "klasses";
}

crate::generic::declare::family! {
    impl Family for Klass {
        type Scope = ();
        const PATH: &'static str = "/klasses";
        const NAME: &'static str = "klass";
        const ID: &'static str = "klass id";
    }

    handle {
        /// Klass operations through a [`Client`](crate::Client); from
        /// [`Client::klasses`](crate::Client::klasses).
        pub type Klasses;
        /// Klass operations: get, list, create, update, delete.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::custom_objects::ListKlasses;
        ///
        /// for klass in client.klasses().list(ListKlasses::new()) {
        ///     println!("{:?}", klass?.attributes.name);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn klasses;
    }

    /// Get a klass by ID (`GET /v1/klasses/{id}`).
    ///
    /// Roles: `org.user.klass.read` or `org.permission.klass.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::GetKlass};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetKlass::new("5826a39b0fcc2514008b2a92").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/klasses/5826a39b0fcc2514008b2a92");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetKlass<'a> = crate::generic::ops::Get<'a, Klass> { Get => "GetKlass" };

    /// List the org's klasses (`GET /v1/klasses`).
    ///
    /// Roles: `org.user.klass.read` or `org.permission.klass.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::ListKlasses};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListKlasses::new().build(&config)?.uri().path(), "/v1/klasses");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListKlasses = crate::generic::ops::List<Klass> { List => "GetKlasses" };

    /// Create a klass (`POST /v1/klasses`; 201).
    ///
    /// Roles: `org.admin.klass.write` or `org.permission.klass.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{CreateKlass, KlassInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateKlass::new(KlassInput::new("order")).build(&config)?;
    /// assert_eq!(request.body(), br#"{"name":"order"}"#);
    /// assert!(CreateKlass::new(KlassInput::update()).build(&config).is_err()); // no name
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateKlass<'a> = crate::generic::ops::Create<'a, Klass> { Create => "CreateKlass" };

    /// Update a klass (`PUT /v1/klasses/{id}`); its name stays.
    ///
    /// Roles: `org.admin.klass.write` or `org.permission.klass.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::{KlassInput, UpdateKlass}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let rename = KlassInput::update().display_name("Orders");
    /// let request = UpdateKlass::new("5826a39b0fcc2514008b2a92", &rename).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// assert!(UpdateKlass::new("5826a39b0fcc2514008b2a92", KlassInput::new("x")).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateKlass<'a> = crate::generic::ops::Update<'a, Klass> { Put => "UpdateKlass" };

    /// Delete a klass (`DELETE /v1/klasses/{id}`; 204).
    ///
    /// Roles: `org.admin.klass.write` or `org.permission.klass.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, custom_objects::DeleteKlass};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteKlass::new("5826a39b0fcc2514008b2a92").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteKlass<'a> = crate::generic::ops::Delete<'a, Klass> { Delete => "DeleteKlass" };
}
impl Gettable for Klass {}
impl Listable for Klass {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Klass {
    type Input = KlassInput;
    fn check_create(input: &KlassInput) -> Result<(), InvalidInput> {
        required("name", &input.name)
    }
}
impl Updatable for Klass {
    type Update = KlassInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
    fn check_put(input: &KlassInput) -> Result<(), InvalidInput> {
        absent("name", &input.name, "a klass keeps its name")
    }
}
impl Deletable for Klass {}

/// Custom-object operations in one klass, through a [`Client`](crate::Client); from
/// [`Client::custom_objects`](crate::Client::custom_objects).
pub type KObjects<'c, T> = crate::generic::handle::Handle<'c, T, KObject>;

/// A record of a bulk custom-object update: its ID and the changes.
pub type KObjectBulkUpdate = crate::generic::bulk::BulkUpdate<KObjectInput>;

crate::generic::ops::helpers::input_cow!(KObjectInput, KlassInput);
