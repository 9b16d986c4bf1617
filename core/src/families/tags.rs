//! Tag operations, and the names of a conversation's tags. Not in Kustomer's spec: paths and
//! shapes from its API reference.
//!
//! Roles: reads need only `org.user.tag.read` / `org.permission.tag.read`; writes
//! `org.admin.tag.write` / `org.permission.tag.create`, `.update`, `.delete`.

use std::collections::HashMap;

use serde::Serialize;

use crate::families::models::Tag;
use crate::generic::family::{
    Creatable, Deletable, Gettable, Input, Listable, Updatable, UpdateMethods,
};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::validation::{check_tag, max_chars};

crate::generic::declare::family! {
    impl Family for Tag {
        type Scope = ();
        const PATH: &'static str = "/tags";
        const NAME: &'static str = "tag";
        const ID: &'static str = "tag id";
    }

    handle {
        /// Tag operations through a [`Client`](crate::Client); from
        /// [`Client::tags`](crate::Client::tags).
        pub type Tags;
        /// Tag operations: get, list (not deleted, unless asked), create, update, delete, and
        /// [`names`](crate::Handle::names) for a conversation's tag IDs.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::tags::TagInput;
        ///
        /// let vip = client.tags().create(&TagInput::new("vip"))?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn tags;
    }

    /// Get a tag by ID (`GET /v1/tags/{id}`).
    ///
    /// Roles: `org.user.tag.read` or `org.permission.tag.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tags::GetTag};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(GetTag::new("58224d97d4e96711004ecc56").build(&config)?.uri().path(), "/v1/tags/58224d97d4e96711004ecc56");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetTag<'a> = crate::generic::ops::Get<'a, Tag> { Get => "GetTag" };

    /// List the org's tags (`GET /v1/tags?deleted=false`), one page at a time; deleted ones too
    /// with `.param("deleted", "true")`.
    ///
    /// Roles: `org.user.tag.read` or `org.permission.tag.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tags::ListTags};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListTags::new().page_size(50).build(&config)?.uri().query(), Some("pageSize=50&deleted=false"));
    /// assert_eq!(ListTags::new().param("deleted", "true").build(&config)?.uri().query(), Some("deleted=true"));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListTags = crate::generic::ops::List<Tag> { List => "GetTags" };

    /// Create a tag (`POST /v1/tags`; 201).
    ///
    /// Roles: `org.admin.tag.write` or `org.permission.tag.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tags::{CreateTag, TagInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(CreateTag::new(TagInput::new("vip")).build(&config)?.body(), br#"{"name":"vip"}"#);
    /// assert!(CreateTag::new(TagInput::new(" leading space")).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateTag<'a> = crate::generic::ops::Create<'a, Tag> { Create => "CreateTag" };

    /// Update a tag (`PUT /v1/tags/{id}`).
    ///
    /// Roles: `org.admin.tag.write` or `org.permission.tag.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tags::{TagInput, UpdateTag}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = UpdateTag::new("58224d97d4e96711004ecc56", TagInput::default().color("#00ff00")).build(&config)?;
    /// assert_eq!(request.method(), http::Method::PUT);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateTag<'a> = crate::generic::ops::Update<'a, Tag> { Put => "UpdateTag" };

    /// Delete a tag (`DELETE /v1/tags/{id}`; 204).
    ///
    /// Roles: `org.admin.tag.write` or `org.permission.tag.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, tags::DeleteTag};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteTag::new("58224d97d4e96711004ecc56").build(&config)?.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteTag<'a> = crate::generic::ops::Delete<'a, Tag> { Delete => "DeleteTag" };
}
impl Gettable for Tag {}
impl Listable for Tag {
    const MAX_PAGE_SIZE: u32 = 100;
    const DEFAULT_PARAMS: &'static [(&'static str, &'static str)] = &[("deleted", "false")];
}
impl Creatable for Tag {
    type Input = TagInput;
    fn check_create(input: &TagInput) -> Result<(), InvalidInput> {
        crate::protocol::validation::required("name", &input.name)
    }
}
impl Updatable for Tag {
    type Update = TagInput;
    const METHODS: UpdateMethods = UpdateMethods::PUT;
}
impl Deletable for Tag {}

/// A tag to create or update (`POST /v1/tags`, `PUT /v1/tags/{id}`). Only the fields that are
/// set are sent.
///
/// ```
/// use kustomer::tags::TagInput;
///
/// let vip = TagInput::new("vip").color("#ff0000");
/// assert_eq!(serde_json::to_string(&vip).unwrap(), r##"{"name":"vip","color":"#ff0000"}"##);
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct TagInput {
    /// The name: 1 to 64 letters, digits, spaces and `_/<>-.` (required to create).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
    /// The color, at most 64 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub color: Option<String>,
}

impl TagInput {
    /// A tag named `name`.
    pub fn new(name: impl Into<String>) -> Self {
        Self {
            name: Some(name.into()),
            color: None,
        }
    }
}

impl Input for TagInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(name) = &self.name {
            check_tag(name)?;
        }
        max_chars("color", self.color.as_deref(), 64)
    }
}

/// Tag names by ID, read in one walk of the tag list: turns a conversation's `tags` (IDs) into
/// names without a request per tag. A snapshot: build a new one to see tags made since.
///
/// ```
/// # use kustomer::{ApiKey, Client, Config};
/// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
/// #     br#"{"data":[{"type":"tag","id":"58224d97d4e96711004ecc56","attributes":{"name":"vip"}}],"links":{"next":null}}"#.to_vec()));
/// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
/// let names = client.tags().names()?;
/// let ids = ["58224d97d4e96711004ecc56".to_string(), "unknown".to_string()];
/// assert_eq!(names.resolve(&ids), [Some("vip"), None]);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct TagNames {
    names: HashMap<String, String>,
}

impl TagNames {
    /// The name of tag `id`, if the walk saw it.
    pub fn name(&self, id: &str) -> Option<&str> {
        self.names.get(id).map(String::as_str)
    }

    /// The names of these tag IDs, in order; `None` for a tag the walk did not see (deleted
    /// since, or made after).
    pub fn resolve<'a, S: AsRef<str>>(&'a self, ids: &[S]) -> Vec<Option<&'a str>> {
        ids.iter().map(|id| self.name(id.as_ref())).collect()
    }

    /// How many tags it knows.
    pub fn len(&self) -> usize {
        self.names.len()
    }

    /// Whether it knows none.
    pub fn is_empty(&self) -> bool {
        self.names.is_empty()
    }
}

impl FromIterator<Tag> for TagNames {
    fn from_iter<I: IntoIterator<Item = Tag>>(tags: I) -> Self {
        let names = tags
            .into_iter()
            .filter_map(|tag| Some((tag.id, tag.attributes.name?)))
            .collect();
        Self { names }
    }
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, Tag> {
    /// Every tag's name by ID, in one walk of the list (pages of 100); see [`TagNames`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let names = client.tags().names()?;
    /// for conversation in client.conversations().list(Default::default()).take(10) {
    ///     let conversation = conversation?;
    ///     println!("{:?}", names.resolve(&conversation.attributes.tags));
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// The first error of the walk: a tag list read in part would name some tags wrongly
    /// absent.
    pub fn names(&self) -> Result<TagNames, Error> {
        self.list(ListTags::new().page_size(Tag::MAX_PAGE_SIZE))
            .collect()
    }
}

crate::generic::ops::helpers::input_cow!(TagInput);

crate::generic::ops::helpers::setters!(TagInput {
    #[doc = "Sets the color."]
    color: opt String,
    #[doc = "Sets `name`: the name: 1 to 64 letters, digits, spaces and `_/<>-.` (required to create)."]
    name: opt String,
});
