//! The one definition of a resource model's outer shape, used by every family's model.

/// The outer shape every resource model shares (`{type, id, attributes, relationships, links}`),
/// its access to the raw document, and its family plumbing: one definition for every family.
macro_rules! resource_model {
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty
    ) => {
        crate::families::models::resource_model::resource_model!(
            $(#[$doc])* $name, $attributes, $relationships, id = [], secrets = []
        );
    };
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty, id = [$($id_attr:meta)?]
    ) => {
        crate::families::models::resource_model::resource_model!(
            $(#[$doc])* $name, $attributes, $relationships, id = [$($id_attr)?], secrets = []
        );
    };
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty, secrets = [$($secret:literal),*]
    ) => {
        crate::families::models::resource_model::resource_model!(
            $(#[$doc])* $name, $attributes, $relationships, id = [], secrets = [$($secret),*]
        );
    };
    (
        $(#[$doc:meta])*
        $name:ident, $attributes:ty, $relationships:ty, id = [$($id_attr:meta)?],
        secrets = [$($secret:literal),*]
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
        #[non_exhaustive]
        pub struct $name {
            /// The ID (24 hex digits).
            $(#[serde($id_attr)])?
            pub id: String,
            /// The resource type (`type`).
            #[serde(rename = "type", default, deserialize_with = "crate::protocol::lenient::scalar")]
            pub kind: Option<String>,
            /// The attributes.
            #[serde(default, deserialize_with = "crate::protocol::lenient::object_or_default")]
            pub attributes: Box<$attributes>,
            /// Links to related resources; any of them may be absent.
            #[serde(default, deserialize_with = "crate::protocol::lenient::object_or_default")]
            pub relationships: $relationships,
            /// The resource's own link.
            #[serde(default, deserialize_with = "crate::protocol::lenient::object_or_default")]
            pub links: crate::generic::resource::ResourceLinks,
            #[serde(skip)]
            raw: Option<crate::protocol::document::RawSource>,
        }

        impl $name {
            /// The JSON this record was parsed from, exactly as received: the whole response
            /// document (`{"data": ...}`) for a record read alone, the record's own JSON for a
            /// list item when its list was asked to keep it (`keep_raw`). `None` for a list item
            /// otherwise, and for a value built by other means.
            pub fn raw_document(&self) -> Option<&str> {
                self.raw.as_ref().map(|r| r.json())
            }

            /// Any attribute of this record in its raw JSON, by its API name, typed or not by
            /// this model. `None` if absent or without raw JSON (see
            /// [`raw_document`](Self::raw_document)). Parses the JSON on each call: for the odd
            /// attribute, not a hot loop.
            pub fn attribute(&self, name: &str) -> Option<serde_json::Value> {
                self.raw.as_ref()?.attribute(name)
            }
        }

        impl crate::protocol::document::FromDocument for $name {
            fn attach(&mut self, raw: crate::protocol::document::RawSource) {
                // A secret attribute is kept only in its typed field, which redacts it: the raw
                // document has it `[redacted]`.
                let secrets: &[&str] = &[$($secret),*];
                self.raw = Some(if secrets.is_empty() { raw } else { raw.without(secrets) });
            }
        }

        impl crate::protocol::document::Record for $name {
            fn record_id(&self) -> Option<&str> {
                Some(self.id.as_str()).filter(|id| !id.is_empty())
            }
        }
    };
}

pub(crate) use resource_model;
