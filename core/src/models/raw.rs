//! The response document a model was read from, kept so that nothing the model does not name is
//! lost.

use std::sync::Arc;

/// Where a model was read from: the whole response document, and the model's index in its
/// `data` array (`None` when `data` was the model itself). Its `Debug` shows the document's size,
/// not its text: a model's `Debug` stays short, and a document's secrets (a webhook's token)
/// stay out of logs.
#[derive(Clone, PartialEq)]
pub(crate) struct RawSource {
    document: Arc<str>,
    index: Option<usize>,
}

impl std::fmt::Debug for RawSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("RawSource")
            .field("bytes", &self.document.len())
            .field("index", &self.index)
            .finish()
    }
}

impl RawSource {
    pub(crate) fn new(document: &Arc<str>, index: Option<usize>) -> Self {
        Self {
            document: Arc::clone(document),
            index,
        }
    }

    /// The document, exactly as received.
    pub(crate) fn document(&self) -> &str {
        &self.document
    }

    /// `data[index].attributes[name]` (or `data.attributes[name]`), parsed on each call.
    pub(crate) fn attribute(&self, name: &str) -> Option<serde_json::Value> {
        let doc: serde_json::Value = serde_json::from_str(&self.document).ok()?;
        let data = doc.get("data")?;
        let item = match self.index {
            Some(i) => data.get(i)?,
            None => data,
        };
        item.get("attributes")?.get(name).cloned()
    }
}

/// The outer shape every resource model shares (`{type, id, attributes, relationships, links}`),
/// its access to the raw document, and its family plumbing: one definition for every family.
macro_rules! resource_model {
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty
    ) => {
        crate::models::raw::resource_model!(
            $(#[$doc])* $name, $attributes, $relationships, id = []
        );
    };
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty, id = [$($id_attr:meta)?]
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The ID (24 hex digits).
            $(#[serde($id_attr)])?
            pub id: String,
            /// The resource type (`type`).
            #[serde(rename = "type", default, deserialize_with = "crate::lenient::scalar")]
            pub kind: Option<String>,
            /// The attributes.
            #[serde(default, deserialize_with = "crate::lenient::object_or_default")]
            pub attributes: Box<$attributes>,
            /// Links to related resources; any of them may be absent.
            #[serde(default, deserialize_with = "crate::lenient::object_or_default")]
            pub relationships: $relationships,
            /// The resource's own link.
            #[serde(default, deserialize_with = "crate::lenient::object_or_default")]
            pub links: crate::models::ResourceLinks,
            #[serde(skip)]
            raw: Option<crate::models::raw::RawSource>,
        }

        impl $name {
            /// The JSON document this record was parsed from, exactly as received (a whole list
            /// page for a record from a list). `None` for a value built by other means.
            pub fn raw_document(&self) -> Option<&str> {
                self.raw.as_ref().map(|r| r.document())
            }

            /// Any attribute of this record in the raw document, by its API name, typed or not
            /// by this model. `None` if absent or without a raw document. Parses the document on
            /// each call: for the odd attribute, not a hot loop.
            pub fn attribute(&self, name: &str) -> Option<serde_json::Value> {
                self.raw.as_ref()?.attribute(name)
            }
        }

        impl crate::family::sealed::FromDocument for $name {
            fn attach(&mut self, document: &std::sync::Arc<str>, index: Option<usize>) {
                self.raw = Some(crate::models::raw::RawSource::new(document, index));
            }
        }

        impl crate::page::Record for $name {
            fn record_id(&self) -> Option<&str> {
                Some(self.id.as_str()).filter(|id| !id.is_empty())
            }
        }
    };
}

pub(crate) use resource_model;
