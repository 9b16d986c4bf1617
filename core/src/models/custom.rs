//! Custom attributes, read by the type the suffix of their name gives.

use serde_json::{Map, Value};

/// Typed reads of a record's custom attributes (`custom`, kept on every model as the map the API
/// sent): `…Str` and `…Txt` text, `…Num` numbers, `…Bool` booleans, `…At` RFC 3339 times, `…Url`
/// addresses. A name without that suffix, or a value of another type, reads as `None`; anything
/// else (a `…Tree` value, say) is in the map itself.
///
/// ```
/// use kustomer::models::CustomFields;
///
/// let custom: serde_json::Map<String, serde_json::Value> = serde_json::from_str(
///     r#"{"tierStr":"gold","ordersNum":12,"vipBool":true,"renewalAt":"2025-01-01T00:00:00.000Z","oddNum":"x"}"#,
/// )?;
/// assert_eq!(custom.str("tierStr"), Some("gold"));
/// assert_eq!(custom.num("ordersNum"), Some(12.0));
/// assert_eq!(custom.bool("vipBool"), Some(true));
/// assert_eq!(custom.at("renewalAt"), Some("2025-01-01T00:00:00.000Z"));
/// assert_eq!(custom.num("oddNum"), None); // not a number, and visibly so
/// assert_eq!(custom.num("tierStr"), None); // not a number attribute
/// # Ok::<(), serde_json::Error>(())
/// ```
pub trait CustomFields {
    /// A text attribute (`…Str` or `…Txt`).
    fn str(&self, name: &str) -> Option<&str>;
    /// A number attribute (`…Num`).
    fn num(&self, name: &str) -> Option<f64>;
    /// A boolean attribute (`…Bool`).
    fn bool(&self, name: &str) -> Option<bool>;
    /// A time attribute (`…At`), as the RFC 3339 text sent.
    fn at(&self, name: &str) -> Option<&str>;
    /// A URL attribute (`…Url`).
    fn url(&self, name: &str) -> Option<&str>;
}

fn typed<'a>(map: &'a Map<String, Value>, name: &str, suffixes: &[&str]) -> Option<&'a Value> {
    suffixes
        .iter()
        .any(|s| name.len() > s.len() && name.ends_with(s))
        .then(|| map.get(name))
        .flatten()
}

impl CustomFields for Map<String, Value> {
    fn str(&self, name: &str) -> Option<&str> {
        typed(self, name, &["Str", "Txt"])?.as_str()
    }
    fn num(&self, name: &str) -> Option<f64> {
        typed(self, name, &["Num"])?.as_f64()
    }
    fn bool(&self, name: &str) -> Option<bool> {
        typed(self, name, &["Bool"])?.as_bool()
    }
    fn at(&self, name: &str) -> Option<&str> {
        typed(self, name, &["At"])?.as_str()
    }
    fn url(&self, name: &str) -> Option<&str> {
        typed(self, name, &["Url"])?.as_str()
    }
}
