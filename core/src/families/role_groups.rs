//! Role groups: the named sets of roles users and teams are given. Not in Kustomer's spec:
//! paths and shapes from its access-management API (the TypeScript client's generated types).
//!
//! Roles: `org.admin.security` or `org.admin.user` to read and write them.

use serde::Serialize;

use crate::families::models::RoleGroup;
use crate::generic::family::{
    Creatable, Deletable, Gettable, Input, Listable, Updatable, UpdateMethods,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{chars_between, check_list_max, max_chars, not_empty, required};

crate::generic::declare::family! {
    impl Family for RoleGroup {
        type Scope = ();
        const PATH: &'static str = "/role-groups";
        const NAME: &'static str = "role group";
        const ID: &'static str = "role group id";
    }

    handle {
        /// Role-group operations through a [`Client`](crate::Client); from
        /// [`Client::role_groups`](crate::Client::role_groups).
        pub type RoleGroups;
        /// Role-group operations: list (system and custom groups), get, create, update, delete.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::role_groups::{ListRoleGroups, RoleGroupInput};
        ///
        /// let support = client.role_groups().create(&RoleGroupInput::new("Support").roles(["org.user.customer.read"]))?;
        /// for group in client.role_groups().list(ListRoleGroups::new()) {
        ///     println!("{:?}", group?.attributes.name);
        /// }
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn role_groups;
    }

    /// List the org's role groups, system and custom (`GET /v1/role-groups`), one page at a
    /// time.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, role_groups::ListRoleGroups};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListRoleGroups::new().build(&config)?.uri().path(), "/v1/role-groups");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListRoleGroups = crate::generic::ops::List<RoleGroup> { List => "GetAllRoleGroups" };

    /// Get a role group by ID (`GET /v1/role-groups/{id}`).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, role_groups::GetRoleGroup};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetRoleGroup::new("5f2b").build(&config)?.uri().path(), "/v1/role-groups/5f2b");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetRoleGroup<'a> = crate::generic::ops::Get<'a, RoleGroup> { Get => "GetRoleGroupById" };

    /// Create a custom role group (`POST /v1/role-groups`): a name, and roles from
    /// [`ListRoles`](crate::auth::ListRoles).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, role_groups::{CreateRoleGroup, RoleGroupInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let input = RoleGroupInput::new("Support").roles(["org.user.customer.read"]);
    /// assert_eq!(CreateRoleGroup::new(&input).build(&config)?.body(), br#"{"name":"Support","roles":["org.user.customer.read"]}"#);
    /// assert!(CreateRoleGroup::new(RoleGroupInput::default()).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateRoleGroup<'a> = crate::generic::ops::Create<'a, RoleGroup> {
        Create => "CreateRoleGroup"
    };

    /// Update a role group (`PUT /v1/role-groups/{id}`): what the input sets.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, role_groups::{RoleGroupInput, UpdateRoleGroup}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateRoleGroup::new("5f2b", RoleGroupInput::default().display(false)).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateRoleGroup<'a> = crate::generic::ops::Update<'a, RoleGroup> {
        Put => "UpdateRoleGroup"
    };

    /// Delete a custom role group (`DELETE /v1/role-groups/{id}`; 204).
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, role_groups::DeleteRoleGroup};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteRoleGroup::new("5f2b").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteRoleGroup<'a> = crate::generic::ops::Delete<'a, RoleGroup> {
        Delete => "DeleteRoleGroup"
    };
}
impl Gettable for RoleGroup {}
impl Listable for RoleGroup {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for RoleGroup {
    type Input = RoleGroupInput;
    fn check_create(input: &RoleGroupInput) -> Result<(), InvalidInput> {
        required("name", &input.name)
    }
}
impl Updatable for RoleGroup {
    type Update = RoleGroupInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl Deletable for RoleGroup {}

/// A role group to create or update (`POST /v1/role-groups`, `PUT /v1/role-groups/{id}`). Only
/// the fields that are set are sent.
///
/// ```
/// use kustomer::role_groups::RoleGroupInput;
///
/// let group = RoleGroupInput::new("Support").description("Front line").roles(["org.user.customer.read"]);
/// assert_eq!(
///     serde_json::to_string(&group).unwrap(),
///     r#"{"name":"Support","description":"Front line","roles":["org.user.customer.read"]}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct RoleGroupInput {
    /// The name, 1 to 256 characters (required to create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// What it is for, at most 1,024 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Whether the app shows it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub display: Option<bool>,
    /// Its roles (at most 500, each once): names from [`ListRoles`](crate::auth::ListRoles).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub roles: Option<Vec<String>>,
}

impl RoleGroupInput {
    /// A role group named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            ..Self::default()
        }
    }
}

impl Input for RoleGroupInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.name {
            chars_between("name", name, 1, 256)?;
        }
        max_chars("description", self.description.as_deref(), 1024)?;
        check_list_max("roles", self.roles.as_deref(), 500, |r| {
            not_empty("roles", r)
        })
    }
}

crate::generic::ops::helpers::input_cow!(RoleGroupInput);

crate::generic::ops::helpers::setters!(RoleGroupInput {
    #[doc = "Sets the name (1 to 256 characters)."]
    name: opt String,
    #[doc = "Sets the description (at most 1,024 characters)."]
    description: opt String,
    #[doc = "Sets whether the app shows it."]
    display: opt bool,
    #[doc = "Sets its roles: `&[&str]`, `[&str; N]` or `Vec<String>`."]
    roles: list String,
});

impl RoleGroupInput {}
