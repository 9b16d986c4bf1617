//! The name of a klass: the scope custom-object operations work in.

use std::sync::Arc;

use crate::generic::family::Scope;

/// The name of a klass (`order`), naming the collection its custom objects live in
/// (`/klasses/order`) and their search context (`kobject_order`). It is encoded into its own
/// path segment like any ID, so no name reaches another path. Cheap to clone. The default is
/// empty, and refused by every operation.
///
/// ```
/// use kustomer::custom_objects::KlassName;
///
/// let order = KlassName::from("order");
/// assert_eq!(order.as_str(), "order");
/// assert_eq!(order.criterion("totalNum"), "kobject_custom_order_totalNum");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
pub struct KlassName(Arc<str>);

impl KlassName {
    /// The klass named `name`.
    pub fn new(name: &str) -> Self {
        Self(Arc::from(name))
    }

    /// The name.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The search criterion on one of the klass's attributes:
    /// `kobject_custom_<klass>_<attribute>`.
    pub fn criterion(&self, attribute: &str) -> String {
        format!("kobject_custom_{}_{attribute}", self.0)
    }

    /// The name of its custom-attribute metadata, for
    /// [`GetMetadata`](crate::metadata::GetMetadata): `kobject.<klass>`.
    pub fn metadata_resource(&self) -> String {
        format!("kobject.{}", self.0)
    }
}

impl Scope for KlassName {
    fn name(&self) -> Option<&str> {
        Some(&self.0)
    }
}

impl From<&str> for KlassName {
    fn from(name: &str) -> Self {
        Self::new(name)
    }
}

impl From<String> for KlassName {
    fn from(name: String) -> Self {
        Self(Arc::from(name))
    }
}

impl From<&String> for KlassName {
    fn from(name: &String) -> Self {
        Self::new(name)
    }
}

impl From<&KlassName> for KlassName {
    fn from(name: &KlassName) -> Self {
        name.clone()
    }
}

impl std::fmt::Display for KlassName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}
