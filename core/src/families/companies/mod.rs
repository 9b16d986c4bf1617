//! Company operations: the companies family on the generic layer.
//!
//! Roles: read `org.user.company.read` / `org.permission.company.read`; create
//! `org.user.company.write` / `org.permission.company.create`; update `.write` / `.update`;
//! search `org.user.search.read` / `org.permission.search.create`.

mod input;

use crate::families::models::Company;
use crate::generic::family::{
    BulkWritable, Creatable, Gettable, Listable, Searchable, Updatable, UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{absent, required};

pub use input::{CompanyInput, DomainInput};

crate::generic::declare::family! {
    impl Family for Company {
        type Scope = ();
        const PATH: &'static str = "/companies";
        const NAME: &'static str = "company";
        const ID: &'static str = "company id";
    }

    handle {
        /// Company operations through a [`Client`](crate::Client); from
        /// [`Client::companies`](crate::Client::companies).
        pub type Companies;
        /// Company operations: get, list, create, update, search, bulk, and a company's custom
        /// objects (through [`custom_objects`](Self::custom_objects)).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::companies::CompanyInput;
        ///
        /// let acme = client.companies().create(&CompanyInput::new().name("Acme Inc"))?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn companies;
    }

    /// Get a company by ID (`GET /v1/companies/{id}`).
    ///
    /// Roles: `org.user.company.read` or `org.permission.company.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::GetCompany};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetCompany::new("58224b3eaa5f92110005d61e").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/companies/58224b3eaa5f92110005d61e");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetCompany<'a> = crate::generic::ops::Get<'a, Company> { Get => "GetCompanyById" };

    /// List the org's companies (`GET /v1/companies`), one page at a time.
    ///
    /// Roles: `org.user.company.read` or `org.permission.company.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::ListCompanies};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCompanies::new().page(2).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/companies?page=2");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCompanies = crate::generic::ops::List<Company> { List => "GetCompanies" };

    /// Create a company (`POST /v1/companies`; 201): a name of 3 to 256 characters is required.
    ///
    /// Roles: `org.user.company.write` or `org.permission.company.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::{CompanyInput, CreateCompany}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateCompany::new(CompanyInput::new().name("Acme Inc")).build(&config)?;
    /// assert_eq!(request.body(), br#"{"name":"Acme Inc"}"#);
    /// assert!(CreateCompany::new(CompanyInput::new().name("AB")).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateCompany<'a> = crate::generic::ops::Create<'a, Company> {
        Create => "CreateCompany"
    };

    /// Update a company (`PUT /v1/companies/{id}`).
    ///
    /// Roles: `org.user.company.write` or `org.permission.company.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::{CompanyInput, UpdateCompany}};
    /// use kustomer::ops::UpdateMode;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateCompany::new("58224b3eaa5f92110005d61e", CompanyInput::new().tag("vip")).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// let patch = UpdateCompany::new("58224b3eaa5f92110005d61e", CompanyInput::new()).mode(UpdateMode::Patch);
    /// assert!(patch.build(&config).is_err()); // companies have no PATCH
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateCompany<'a> = crate::generic::ops::Update<'a, Company> {
        Put => "UpdateCompanyAttributes"
    };

    /// Search companies (`POST /v1/customers/search` with `queryContext: "company"`, or the
    /// archive), one page at a time; criteria are named `company_<attribute>`.
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::SearchCompanies};
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let query = SearchQuery::new().and(Criterion::contains("company_name", "Acme"));
    /// let body: serde_json::Value = serde_json::from_slice(SearchCompanies::new(query).build(&config)?.body()).unwrap();
    /// assert_eq!(body["queryContext"], "company");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchCompanies = crate::generic::ops::Search<Company> {};

    /// The walk through every company a search finds, past the 100-page cap, on
    /// `company_updated_at`.
    ///
    /// ```
    /// use kustomer::{companies::CompanyWalk, search::SearchQuery};
    ///
    /// let first = CompanyWalk::new(SearchQuery::new(), 500).next_operation().unwrap();
    /// assert_eq!(serde_json::to_value(first.query()).unwrap()["queryContext"], "company");
    /// ```
    pub type CompanyWalk = crate::generic::ops::Walk<Company> {};

    /// Create or update up to 100 companies in one job (`POST`/`PUT /v1/companies/bulk`; 201 with a
    /// job).
    ///
    /// Roles: `org.user.company.write` or `org.permission.company.create` / `.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, companies::{BulkCompanies, CompanyInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let companies = [CompanyInput::new().name("Acme Inc")];
    /// assert_eq!(BulkCompanies::create(&companies[..]).build(&config)?.uri().path(), "/v1/companies/bulk");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type BulkCompanies<'a> = crate::generic::ops::BulkWrite<'a, Company> {
        BulkCreate => "BulkCreateCompanies", BulkUpdate => "BulkBatchUpdateCompanies"
    };
}
impl Gettable for Company {}
impl Listable for Company {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Company {
    type Input = CompanyInput;
    fn check_create(input: &CompanyInput) -> Result<(), InvalidInput> {
        required("name", &input.name)?;
        absent("deleted", &input.deleted, "is not taken by a create")
    }
}
impl Updatable for Company {
    type Update = CompanyInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
    fn check_put(input: &CompanyInput) -> Result<(), InvalidInput> {
        absent("createdAt", &input.created_at, "is not taken by an update")?;
        absent(
            "importedAt",
            &input.imported_at,
            "is not taken by an update",
        )
    }
}
impl Searchable for Company {
    const CONTEXT: &'static str = "company";
    const PREFIX: &'static str = "company";
    const UPDATED_AT: &'static str = "company_updated_at";
    const ARCHIVED: bool = true;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for Company {
    fn check_bulk_update(input: &CompanyInput) -> Result<(), InvalidInput> {
        let why = "is not taken by a bulk update";
        absent("whatsapps", &input.whatsapps, why)?;
        absent("createdAt", &input.created_at, why)?;
        absent("importedAt", &input.imported_at, why)?;
        absent("rev", &input.rev, why)
    }
}

/// A record of a bulk company update: its ID and the changes.
pub type CompanyBulkUpdate = crate::generic::bulk::BulkUpdate<CompanyInput>;

crate::generic::ops::helpers::input_cow!(CompanyInput);
