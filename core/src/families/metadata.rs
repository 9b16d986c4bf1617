//! Custom-attribute metadata: which custom attributes a resource has, so that a program can
//! check one exists before writing it (`GET`/`PUT /v1/metadata/{resource}`).
//!
//! Roles: read `org.user.metadata.read` / `org.permission.metadata.read`; update
//! `org.admin.metadata.write` / `org.permission.metadata.update`.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::models::Metadata;
use crate::generic::family::{Gettable, Input, Updatable, UpdateMethods};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{check_count, check_list_max, not_empty};

crate::generic::declare::family! {
    impl Family for Metadata {
        type Scope = ();
        const PATH: &'static str = "/metadata";
        const NAME: &'static str = "custom-attribute metadata";
        const ID: &'static str = "metadata resource";
    }

    handle {
        /// Custom-attribute metadata operations through a [`Client`](crate::Client); from
        /// [`Client::metadata`](crate::Client::metadata).
        pub type MetadataHandle;
        /// Custom-attribute metadata operations: get and update, by resource name (`customer`,
        /// `conversation`, `company`, `kobject.<klass>`).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let customer = client.metadata().get("customer")?;
        /// if customer.property("tierStr").is_none() {
        ///     eprintln!("define tierStr before writing it");
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn metadata;
    }

    /// Get a resource's custom-attribute metadata (`GET /v1/metadata/{resource}`).
    ///
    /// Roles: `org.user.metadata.read` or `org.permission.metadata.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, metadata::GetMetadata};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetMetadata::new("kobject.order").build(&config)?.uri().path(), "/v1/metadata/kobject.order");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetMetadata<'a> = crate::generic::ops::Get<'a, Metadata> {
        Get => "GetCustomAttributeMetadata"
    };

    /// Update a resource's custom-attribute metadata (`PUT /v1/metadata/{resource}`).
    ///
    /// Roles: `org.admin.metadata.write` or `org.permission.metadata.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, metadata::{MetadataUpdate, UpdateMetadata}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let tier = MetadataUpdate::new().property("tierStr", serde_json::json!({"type": "string"}));
    /// let request = UpdateMetadata::new("customer", &tier).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/metadata/customer");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateMetadata<'a> = crate::generic::ops::Update<'a, Metadata> {
        Put => "UpdateCustomAttributeMetadata"
    };
}
impl Gettable for Metadata {}
impl Updatable for Metadata {
    type Update = MetadataUpdate;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}

/// Custom-attribute definitions to set (`PUT /v1/metadata/{resource}`). Only the fields that
/// are set are sent.
///
/// ```
/// use kustomer::metadata::MetadataUpdate;
///
/// let tier = MetadataUpdate::new().property("tierStr", serde_json::json!({"type": "string", "displayName": "Tier"}));
/// assert_eq!(serde_json::to_string(&tier).unwrap(), r#"{"properties":{"tierStr":{"displayName":"Tier","type":"string"}}}"#);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct MetadataUpdate {
    /// Settings of standard attributes.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub standard_properties: Option<Map<String, Value>>,
    /// Relationship definitions, at most 20.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relationships: Option<Map<String, Value>>,
    /// Custom attribute definitions by name, at most 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub properties: Option<Map<String, Value>>,
    /// Validation IDs, at most 10, unique.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub validations: Option<Vec<String>>,
}

impl MetadataUpdate {
    /// An empty update: nothing set, nothing sent.
    pub fn new() -> Self {
        Self::default()
    }

    /// Defines (or redefines) custom attribute `name`.
    #[must_use]
    pub fn property(mut self, name: impl Into<String>, definition: Value) -> Self {
        self.properties
            .get_or_insert_with(Map::new)
            .insert(name.into(), definition);
        self
    }
}

impl Input for MetadataUpdate {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(properties) = &self.properties {
            check_count("properties", properties.len(), 100)?;
        }
        if let Some(relationships) = &self.relationships {
            check_count("relationships", relationships.len(), 20)?;
        }
        check_list_max("validations", self.validations.as_deref(), 10, |v| {
            not_empty("validations", v)
        })
    }
}

crate::generic::ops::helpers::input_cow!(MetadataUpdate);

crate::generic::ops::helpers::setters!(MetadataUpdate {
    #[doc = "Sets `standard_properties`: settings of standard attributes."]
    standard_properties: opt Map<String, Value>,
    #[doc = "Sets `relationships`: relationship definitions, at most 20."]
    relationships: opt Map<String, Value>,
    #[doc = "Sets `properties`: custom attribute definitions by name, at most 100."]
    properties: opt Map<String, Value>,
    #[doc = "Sets `validations`: validation IDs, at most 10, unique."]
    validations: opt Vec<String>,
});
