//! Custom attributes, read by the type the suffix of their name gives.

use serde_json::{Map, Value};

use crate::protocol::date_time::DateTime;

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
/// let renewal = custom.at("renewalAt").and_then(|at| at.timestamp());
/// assert_eq!(renewal, Some("2025-01-01T00:00:00Z".parse()?));
/// assert_eq!(custom.num("oddNum"), None); // not a number, and visibly so
/// assert_eq!(custom.num("tierStr"), None); // not a number attribute
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
pub trait CustomFields {
    /// A text attribute (`…Str` or `…Txt`).
    fn str(&self, name: &str) -> Option<&str>;
    /// A number attribute (`…Num`).
    fn num(&self, name: &str) -> Option<f64>;
    /// A boolean attribute (`…Bool`).
    fn bool(&self, name: &str) -> Option<bool>;
    /// A date-time attribute (`…At`): its instant, or the text sent if it is not one.
    fn at(&self, name: &str) -> Option<DateTime>;
    /// A URL attribute (`…Url`).
    fn url(&self, name: &str) -> Option<&str>;

    /// A custom attribute read as `kind`: `Ok(None)` when it is absent or `null`, an error naming
    /// the type asked for and the type found when the name's suffix or the value says another.
    ///
    /// ```
    /// use kustomer::models::{CustomFields, CustomKind};
    ///
    /// let custom: serde_json::Map<String, serde_json::Value> =
    ///     serde_json::from_str(r#"{"ordersNum":"12","tierStr":"gold"}"#)?;
    /// let err = custom.read("ordersNum", CustomKind::Num).unwrap_err();
    /// assert_eq!(err.to_string(), "custom attribute ordersNum holds a string, not the number its name says");
    /// let err = custom.read("tierStr", CustomKind::Num).unwrap_err();
    /// assert_eq!(err.to_string(), "custom attribute tierStr is text by its name (…Str), not a number (…Num)");
    /// assert_eq!(custom.read("tierStr", CustomKind::Str)?, Some(&serde_json::json!("gold")));
    /// assert_eq!(custom.read("otherStr", CustomKind::Str)?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// [`CustomTypeError`] when the name is not of `kind` or the value is not what the name says.
    fn read(&self, name: &str, kind: CustomKind) -> Result<Option<&Value>, CustomTypeError>;
}

/// The types of custom attributes, each named by a suffix of the attribute's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum CustomKind {
    /// `…Str`: text up to 1,024 characters.
    Str,
    /// `…Txt`: longer text.
    Txt,
    /// `…Num`: a number.
    Num,
    /// `…Bool`: a boolean.
    Bool,
    /// `…At`: an RFC 3339 date-time.
    At,
    /// `…Url`: an address.
    Url,
}

impl CustomKind {
    const ALL: [CustomKind; 6] = [
        CustomKind::Str,
        CustomKind::Txt,
        CustomKind::Num,
        CustomKind::Bool,
        CustomKind::At,
        CustomKind::Url,
    ];

    /// The suffix that gives an attribute this type.
    pub fn suffix(self) -> &'static str {
        match self {
            CustomKind::Str => "Str",
            CustomKind::Txt => "Txt",
            CustomKind::Num => "Num",
            CustomKind::Bool => "Bool",
            CustomKind::At => "At",
            CustomKind::Url => "Url",
        }
    }

    /// The type an attribute's name gives it, if its suffix is one of Kustomer's.
    pub fn of_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|k| name.len() > k.suffix().len() && name.ends_with(k.suffix()))
    }

    /// What the type is called in a message.
    fn noun(self) -> &'static str {
        match self {
            CustomKind::Str | CustomKind::Txt => "text",
            CustomKind::Num => "a number",
            CustomKind::Bool => "a boolean",
            CustomKind::At => "a date-time",
            CustomKind::Url => "a URL",
        }
    }

    /// Whether `value` is of this type.
    fn holds(self, value: &Value) -> bool {
        match self {
            CustomKind::Num => value.is_number(),
            CustomKind::Bool => value.is_boolean(),
            _ => value.is_string(),
        }
    }
}

/// A custom attribute read as a type it does not have: which attribute, the type asked for, and
/// the type found (by the name's suffix, or by the value).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("custom attribute {name} {found}")]
pub struct CustomTypeError {
    name: String,
    asked: CustomKind,
    found: String,
}

impl CustomTypeError {
    /// The attribute's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The type asked for.
    pub fn asked(&self) -> CustomKind {
        self.asked
    }
}

/// The JSON type of a value, for a message.
fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "a list",
        Value::Object(_) => "an object",
    }
}

impl CustomFields for Map<String, Value> {
    fn str(&self, name: &str) -> Option<&str> {
        self.read(name, CustomKind::Str).ok()??.as_str()
    }
    fn num(&self, name: &str) -> Option<f64> {
        self.read(name, CustomKind::Num).ok()??.as_f64()
    }
    fn bool(&self, name: &str) -> Option<bool> {
        self.read(name, CustomKind::Bool).ok()??.as_bool()
    }
    fn at(&self, name: &str) -> Option<DateTime> {
        let text = self.read(name, CustomKind::At).ok()??.as_str()?;
        Some(DateTime::parse_lenient(text))
    }
    fn url(&self, name: &str) -> Option<&str> {
        self.read(name, CustomKind::Url).ok()??.as_str()
    }

    fn read(&self, name: &str, kind: CustomKind) -> Result<Option<&Value>, CustomTypeError> {
        let shown = crate::protocol::excerpt::excerpt_str(name);
        let wrong = |found: String| CustomTypeError {
            name: shown.clone(),
            asked: kind,
            found,
        };
        // Str and Txt are both text: either reads as the other.
        let text = |k: CustomKind| matches!(k, CustomKind::Str | CustomKind::Txt);
        match CustomKind::of_name(name) {
            Some(named) if named == kind || (text(named) && text(kind)) => {}
            Some(named) => {
                return Err(wrong(format!(
                    "is {} by its name (…{}), not {} (…{})",
                    named.noun(),
                    named.suffix(),
                    kind.noun(),
                    kind.suffix()
                )));
            }
            None => {
                return Err(wrong(format!(
                    "has no type suffix in its name, so it is not {} (…{})",
                    kind.noun(),
                    kind.suffix()
                )));
            }
        }
        match self.get(name) {
            None | Some(Value::Null) => Ok(None),
            Some(value) if kind.holds(value) => Ok(Some(value)),
            Some(value) => Err(wrong(format!(
                "holds {}, not the {} its name says",
                json_type(value),
                kind.noun().trim_start_matches("a ")
            ))),
        }
    }
}
