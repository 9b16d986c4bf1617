//! Brand operations: the org's brands, its default one included.
//!
//! Roles: read `org.user.brand.read` / `org.permission.brand.read`; create and update
//! `org.admin.brand.write` / `org.permission.brand.create`, `.update`.

use serde::Serialize;

use crate::families::models::Brand;
use crate::generic::family::{Creatable, Gettable, Input, Listable, Updatable, UpdateMethods};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::not_empty;

crate::generic::declare::family! {
    impl Family for Brand {
        type Scope = ();
        const PATH: &'static str = "/brands";
        const NAME: &'static str = "brand";
        const ID: &'static str = "brand id";
    }

    handle {
        /// Brand operations through a [`Client`](crate::Client); from
        /// [`Client::brands`](crate::Client::brands).
        pub type Brands;
        /// Brand operations: get, the default brand, list, create, update (`PATCH`).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let default = client.brands().default_brand()?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn brands;
    }

    /// Get a brand by ID (`GET /v1/brands/{id}`), or the default one (`GET /v1/brands/default`).
    ///
    /// Roles: `org.user.brand.read` or `org.permission.brand.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, brands::GetBrand};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetBrand::new("5dce2a9500520400149dc607").build(&config)?.uri().path(), "/v1/brands/5dce2a9500520400149dc607");
    /// assert_eq!(GetBrand::default_brand().build(&config)?.uri().path(), "/v1/brands/default");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetBrand<'a> = crate::generic::ops::Get<'a, Brand> {
        GetAlias("default") => "GetDefaultBrand", Get => "GetBrandById"
    };

    /// List the org's brands (`GET /v1/brands`).
    ///
    /// Roles: `org.user.brand.read` or `org.permission.brand.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, brands::ListBrands};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListBrands::new().build(&config)?.uri().path(), "/v1/brands");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListBrands = crate::generic::ops::List<Brand> { List => "GetBrands" };

    /// Create a brand (`POST /v1/brands`; 201).
    ///
    /// Roles: `org.admin.brand.write` or `org.permission.brand.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, brands::{BrandInput, CreateBrand}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert!(CreateBrand::new(BrandInput::new("Socks", "https://example.com/s.svg")).build(&config).is_ok());
    /// assert!(CreateBrand::new(BrandInput::new("Socks", "")).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateBrand<'a> = crate::generic::ops::Create<'a, Brand> { Create => "CreateBrand" };

    /// Change a brand (`PATCH /v1/brands/{id}`); the merge mode is the PATCH, the only update
    /// brands have.
    ///
    /// Roles: `org.admin.brand.write` or `org.permission.brand.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, brands::{BrandInput, UpdateBrand}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let vip = BrandInput::new("Socks, VIP", "https://example.com/s.svg");
    /// assert_eq!(UpdateBrand::new("5e0f779ed95b430019b57715", &vip).build(&config)?.method(), http::Method::PATCH);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateBrand<'a> = crate::generic::ops::Update<'a, Brand> { Patch => "PatchBrand" };
}
impl Gettable for Brand {}
impl Listable for Brand {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Brand {
    type Input = BrandInput;
}
impl Updatable for Brand {
    type Update = BrandInput;
    const METHODS: UpdateMethods = UpdateMethods::PATCH;
}

/// A brand to create or change (`POST /v1/brands`, `PATCH /v1/brands/{id}`): both take the
/// name and the icon's URL.
///
/// ```
/// use kustomer::brands::BrandInput;
///
/// let socks = BrandInput::new("Kustom Socks", "https://example.com/socks.svg");
/// assert_eq!(serde_json::to_string(&socks).unwrap(), r#"{"name":"Kustom Socks","iconUrl":"https://example.com/socks.svg"}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct BrandInput {
    /// The name, not empty.
    pub name: String,
    /// The icon's URL, not empty.
    pub icon_url: String,
}

impl BrandInput {
    /// A brand with this name and icon.
    pub fn new(name: impl Into<String>, icon_url: impl Into<String>) -> Self {
        Self {
            name: name.into(),
            icon_url: icon_url.into(),
        }
    }
}

impl Input for BrandInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        not_empty("name", &self.name)?;
        not_empty("iconUrl", &self.icon_url)
    }
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Brand> {
    /// The org's default brand; see [`GetBrand::default_brand`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// println!("{:?}", client.brands().default_brand()?.attributes.name);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn default_brand(&self) -> Result<Brand, crate::protocol::error::Error> {
        self.client().execute(&GetBrand::default_brand())
    }
}

impl GetBrand<'static> {
    /// The org's default brand: `GET /v1/brands/default` (Kustomer's `GetDefaultBrand`).
    pub fn default_brand() -> Self {
        Self::new("default")
    }
}

crate::generic::ops::helpers::input_cow!(BrandInput);

crate::generic::ops::helpers::setters!(BrandInput {
    #[doc = "Sets `name`: the name, not empty."]
    name: set String,
    #[doc = "Sets `icon_url`: the icon's URL, not empty."]
    icon_url: set String,
});
