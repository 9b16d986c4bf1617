//! The search query language: criteria, groups, sort, and the documented limits of a search
//! body.

use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::generic::family::Searchable;
use crate::generic::search::value::SearchValue;
use crate::protocol::error::InvalidInput;
// The API wants the items of every list in a search body unique.
use crate::protocol::validation::check_unique;

/// The largest page a search serves.
pub const MAX_SEARCH_PAGE_SIZE: u32 = 500;
/// The deepest page a search serves.
pub const MAX_SEARCH_PAGES: u32 = 100;

/// One search condition, or a group of them. Serializes to the API's shape:
/// `{"<attribute>": {"<operator>": value}}`, `{"and": [...]}`, `{"or": [...]}`, `{"not": [...]}`.
///
/// ```
/// use kustomer::search::Criterion;
///
/// let recent_vips = Criterion::all([
///     Criterion::gte("customer_updated_at", "2024-01-01"),
///     Criterion::equals(Criterion::custom("tierStr"), "vip"),
/// ]);
/// assert_eq!(
///     serde_json::to_value(&recent_vips).unwrap(),
///     serde_json::json!({"and": [
///         {"customer_updated_at": {"gte": "2024-01-01"}},
///         {"customer_custom_tierStr": {"equals": "vip"}}
///     ]})
/// );
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Criterion {
    /// `attribute` compared with `operator` to `value`.
    Field {
        /// The search attribute, e.g. `customer_email` or `customer_custom_tierStr`.
        attribute: String,
        /// The operator, e.g. `equals`, `contains`, `gte`, `lte`.
        operator: String,
        /// The value compared with.
        value: Value,
    },
    /// Every one of these.
    All(Vec<Criterion>),
    /// Any one of these.
    Any(Vec<Criterion>),
    /// None of these.
    Not(Vec<Criterion>),
}

impl Criterion {
    /// Any operator the API knows.
    pub fn new(
        attribute: impl Into<String>,
        operator: impl Into<String>,
        value: impl Into<SearchValue>,
    ) -> Self {
        Criterion::Field {
            attribute: attribute.into(),
            operator: operator.into(),
            value: value.into().0,
        }
    }

    /// `attribute` equals `value`.
    pub fn equals(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "equals", value)
    }

    /// `attribute` contains `value` (text attributes).
    pub fn contains(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "contains", value)
    }

    /// `attribute` ≥ `value` (dates, numbers).
    pub fn gte(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "gte", value)
    }

    /// `attribute` > `value`.
    pub fn gt(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "gt", value)
    }

    /// `attribute` ≤ `value`.
    pub fn lte(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "lte", value)
    }

    /// `attribute` < `value`.
    pub fn lt(attribute: impl Into<String>, value: impl Into<SearchValue>) -> Self {
        Self::new(attribute, "lt", value)
    }

    /// All of `criteria`.
    pub fn all(criteria: impl IntoIterator<Item = Criterion>) -> Self {
        Criterion::All(criteria.into_iter().collect())
    }

    /// Any of `criteria`.
    pub fn any(criteria: impl IntoIterator<Item = Criterion>) -> Self {
        Criterion::Any(criteria.into_iter().collect())
    }

    /// None of `criteria`.
    pub fn none_of(criteria: impl IntoIterator<Item = Criterion>) -> Self {
        Criterion::Not(criteria.into_iter().collect())
    }

    /// The search attribute of a customer custom attribute: `customer_custom_<name>`.
    pub fn custom(name: &str) -> String {
        format!("customer_custom_{name}")
    }

    /// The search attribute of a family's attribute: `<prefix>_<attribute>`, e.g.
    /// `conversation_status` for `Criterion::attribute::<Conversation>("status")`. The standard
    /// ones are also constants in [`kustomer::attributes`](crate::attributes).
    ///
    /// ```
    /// use kustomer::{search::Criterion, models::{Conversation, Message}};
    ///
    /// assert_eq!(Criterion::attribute::<Conversation>("status"), "conversation_status");
    /// assert_eq!(Criterion::custom_of::<Message>("topicStr"), "message_custom_topicStr");
    /// ```
    pub fn attribute<R: Searchable>(attribute: &str) -> String {
        format!("{}_{attribute}", R::PREFIX)
    }

    /// The search attribute of a family's custom attribute: `<prefix>_custom_<name>`.
    pub fn custom_of<R: Searchable>(name: &str) -> String {
        format!("{}_custom_{name}", R::PREFIX)
    }

    /// Checks a criterion at nesting `depth` (1 for an entry of `and`, `or`, `not`). Never
    /// recurses past [`MAX_CRITERIA_DEPTH`], whatever was built.
    fn validate(&self, depth: usize, max_depth: usize) -> Result<(), InvalidInput> {
        match self {
            Criterion::Field {
                attribute,
                operator,
                value,
            } => {
                if attribute.is_empty() || operator.is_empty() {
                    return Err(InvalidInput::new(
                        "search",
                        "a criterion needs an attribute and an operator",
                    ));
                }
                check_value_type(attribute, operator, value)
            }
            Criterion::All(list) | Criterion::Any(list) | Criterion::Not(list) => {
                if depth >= max_depth {
                    return Err(InvalidInput::new(
                        "search",
                        format!("criteria nest deeper than {max_depth} levels"),
                    ));
                }
                check_group("search", list, depth + 1, max_depth)
            }
        }
    }
}

/// What an attribute's name says its values are: `*_at` and a custom `…At` date-times, a custom
/// `…Num` numbers, a custom `…Bool` booleans.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Typed {
    DateTime,
    Number,
    Boolean,
}

fn typed_by_name(attribute: &str) -> Option<Typed> {
    match attribute.rsplit_once("_custom_") {
        Some((_, custom)) => {
            let ends = |suffix: &str| {
                custom.len() > suffix.len()
                    && custom.ends_with(suffix)
                    && custom
                        .as_bytes()
                        .get(custom.len() - suffix.len() - 1)
                        .is_some_and(|b| !b.is_ascii_uppercase())
            };
            if ends("At") {
                Some(Typed::DateTime)
            } else if ends("Num") {
                Some(Typed::Number)
            } else if ends("Bool") {
                Some(Typed::Boolean)
            } else {
                None
            }
        }
        None if attribute.ends_with("_at") => Some(Typed::DateTime),
        None => None,
    }
}

/// Refuses a value the attribute's name says cannot match: the API answers such a criterion
/// with nothing found rather than an error. `null` (not set) and `exists` are always taken; a
/// list is checked item by item.
fn check_value_type(attribute: &str, operator: &str, value: &Value) -> Result<(), InvalidInput> {
    let Some(typed) = typed_by_name(attribute) else {
        return Ok(());
    };
    if operator == "exists" {
        return Ok(());
    }
    let fits = |v: &Value| match (typed, v) {
        (_, Value::Null) => true,
        (Typed::DateTime, Value::String(s)) => {
            crate::protocol::validation::is_date_time(s) || is_date(s)
        }
        (Typed::Number, Value::Number(_)) | (Typed::Boolean, Value::Bool(_)) => true,
        _ => false,
    };
    let ok = match value {
        Value::Array(items) => items.iter().all(fits),
        other => fits(other),
    };
    if ok {
        return Ok(());
    }
    let wanted = match typed {
        Typed::DateTime => {
            "an RFC 3339 date-time (2024-01-31T00:00:00.000Z) or a date (2024-01-31)"
        }
        Typed::Number => "a number",
        Typed::Boolean => "a boolean",
    };
    Err(InvalidInput::new(
        "search",
        format!(
            "{} is compared with {}, but its name says it holds {wanted}: Kustomer would find nothing",
            crate::protocol::excerpt::excerpt_str(attribute),
            crate::protocol::excerpt::excerpt_str(&value.to_string()),
        ),
    ))
}

/// A calendar date, `2024-01-31`: what Kustomer's own search examples compare dates with.
fn is_date(value: &str) -> bool {
    // Ten characters: jiff also reads the basic `20240131` and signed six-digit years.
    value.len() == 10 && value.parse::<jiff::civil::Date>().is_ok()
}

/// How deep criteria may nest: an entry of `and`, `or` or `not` is level 1, a criterion inside
/// one of its groups level 2, and so on. Deeper queries are refused before anything is built
/// (`search_all` groups your criteria one level deeper, so it takes one level less).
pub const MAX_CRITERIA_DEPTH: usize = 8;

fn check_group(
    what: &'static str,
    list: &[Criterion],
    depth: usize,
    max_depth: usize,
) -> Result<(), InvalidInput> {
    if list.len() > 20 {
        return Err(InvalidInput::new(
            what,
            format!("a group holds {} criteria; at most 20", list.len()),
        ));
    }
    list.iter().try_for_each(|c| c.validate(depth, max_depth))?;
    check_unique(what, list)
}

impl Drop for Criterion {
    /// Takes nested groups apart one level at a time: dropping criteria nested many thousands
    /// deep would otherwise overflow the stack.
    fn drop(&mut self) {
        let mut pending = match self {
            Criterion::All(list) | Criterion::Any(list) | Criterion::Not(list) => {
                std::mem::take(list)
            }
            Criterion::Field { .. } => return,
        };
        while let Some(mut criterion) = pending.pop() {
            if let Criterion::All(list) | Criterion::Any(list) | Criterion::Not(list) =
                &mut criterion
            {
                pending.append(list);
            }
        }
    }
}

impl Serialize for Criterion {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        struct Op<'a>(&'a str, &'a Value);
        impl Serialize for Op<'_> {
            fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
                let mut map = serializer.serialize_map(Some(1))?;
                map.serialize_entry(self.0, self.1)?;
                map.end()
            }
        }
        let mut map = serializer.serialize_map(Some(1))?;
        match self {
            Criterion::Field {
                attribute,
                operator,
                value,
            } => map.serialize_entry(attribute, &Op(operator, value))?,
            Criterion::All(list) => map.serialize_entry("and", list)?,
            Criterion::Any(list) => map.serialize_entry("or", list)?,
            Criterion::Not(list) => map.serialize_entry("not", list)?,
        }
        map.end()
    }
}

/// Sort direction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum SortOrder {
    /// Ascending.
    Asc,
    /// Descending.
    Desc,
}

/// A search body: `and`, `or`, `not` criteria, sort, fields, time zone, deleted records and the
/// query context. Serializes to exactly the documented body, omitting what is unset.
///
/// ```
/// use kustomer::search::{Criterion, SearchQuery, SortOrder};
///
/// let query = SearchQuery::customers()
///     .and(Criterion::gte("customer_updated_at", "2016-06-24"))
///     .not(Criterion::equals("customer_email", "test@example.com"))
///     .sort("customer_updated_at", SortOrder::Asc)
///     .time_zone("America/New_York");
/// assert_eq!(
///     serde_json::to_value(&query).unwrap(),
///     serde_json::json!({
///         "queryContext": "customer",
///         "and": [{"customer_updated_at": {"gte": "2016-06-24"}}],
///         "not": [{"customer_email": {"equals": "test@example.com"}}],
///         "sort": [{"customer_updated_at": "asc"}],
///         "timeZone": "America/New_York"
///     })
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct SearchQuery {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) query_context: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) and: Vec<Criterion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    or: Vec<Criterion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not: Vec<Criterion>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "serialize_sort"
    )]
    pub(crate) sort: Vec<(String, SortOrder)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub(crate) fields: Vec<Value>,
    #[serde(skip_serializing_if = "Option::is_none")]
    time_zone: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    include_deleted: Option<bool>,
}

fn serialize_sort<S: Serializer>(
    sort: &[(String, SortOrder)],
    serializer: S,
) -> Result<S::Ok, S::Error> {
    struct One<'a>(&'a str, SortOrder);
    impl Serialize for One<'_> {
        fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
            let mut map = serializer.serialize_map(Some(1))?;
            map.serialize_entry(self.0, &self.1)?;
            map.end()
        }
    }
    let mut seq = serializer.serialize_seq(Some(sort.len()))?;
    for (field, order) in sort {
        seq.serialize_element(&One(field, *order))?;
    }
    seq.end()
}

impl SearchQuery {
    /// An empty query (the API's default context).
    pub fn new() -> Self {
        Self::default()
    }

    /// A query for customers (`queryContext: "customer"`).
    pub fn customers() -> Self {
        Self::new().query_context("customer")
    }

    /// A query for a family's records (`queryContext` of the family, e.g. `conversation`).
    ///
    /// ```
    /// use kustomer::{search::SearchQuery, models::Conversation};
    ///
    /// let open = SearchQuery::of::<Conversation>();
    /// assert_eq!(serde_json::to_value(&open).unwrap()["queryContext"], "conversation");
    /// ```
    pub fn of<R: Searchable>() -> Self {
        Self::new().query_context(R::CONTEXT)
    }

    /// The query context, if set.
    pub fn context(&self) -> Option<&str> {
        self.query_context.as_deref()
    }

    /// Sets `queryContext` (`customer`, `conversation`, `message`, `kobject_<klass>`, ...).
    #[must_use]
    pub fn query_context(mut self, context: impl Into<String>) -> Self {
        self.query_context = Some(context.into());
        self
    }

    /// Adds a criterion every result must match.
    #[must_use]
    pub fn and(mut self, criterion: Criterion) -> Self {
        self.and.push(criterion);
        self
    }

    /// Adds a criterion of which results must match at least one.
    #[must_use]
    pub fn or(mut self, criterion: Criterion) -> Self {
        self.or.push(criterion);
        self
    }

    /// Adds a criterion no result may match.
    #[must_use]
    pub fn not(mut self, criterion: Criterion) -> Self {
        self.not.push(criterion);
        self
    }

    /// Adds a sort key (at most 5).
    #[must_use]
    pub fn sort(mut self, attribute: impl Into<String>, order: SortOrder) -> Self {
        self.sort.push((attribute.into(), order));
        self
    }

    /// Adds an entry of `fields`, as the API documents it.
    #[must_use]
    pub fn field(mut self, field: Value) -> Self {
        self.fields.push(field);
        self
    }

    /// The time zone local dates are read in.
    #[must_use]
    pub fn time_zone(mut self, zone: impl Into<String>) -> Self {
        self.time_zone = Some(zone.into());
        self
    }

    /// Whether deleted records are included.
    #[must_use]
    pub fn include_deleted(mut self, yes: bool) -> Self {
        self.include_deleted = Some(yes);
        self
    }

    /// Checks the documented limits: at most 20 criteria per group, each list's items unique,
    /// groups nested at most [`MAX_CRITERIA_DEPTH`] deep, 5 sort keys, 20 fields, and a known
    /// query context. A value the attribute's name rules out is refused too (Kustomer would
    /// answer it with nothing found): `*_at` and a custom `…At` take a date-time or a date, a
    /// custom `…Num` a number, a custom `…Bool` a boolean.
    ///
    /// ```
    /// use kustomer::search::{Criterion, SearchQuery};
    ///
    /// let typo = SearchQuery::customers().and(Criterion::gte("customer_updated_at", "last month"));
    /// assert!(typo.validate().is_err());
    /// let since = SearchQuery::customers().and(Criterion::gte("customer_updated_at", "2024-01-31"));
    /// assert!(since.validate().is_ok());
    /// ```
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is over its limit, or the attribute given a value of the
    /// wrong type.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        self.validate_with(MAX_CRITERIA_DEPTH)
    }

    /// [`validate`](Self::validate) for a query the walk will group one level deeper.
    pub(crate) fn validate_for_walk(&self) -> Result<(), InvalidInput> {
        self.validate_with(MAX_CRITERIA_DEPTH - 1)
    }

    fn validate_with(&self, max_depth: usize) -> Result<(), InvalidInput> {
        for group in [&self.and, &self.or, &self.not] {
            check_group("search", group, 1, max_depth)?;
        }
        if self.sort.len() > 5 || self.sort.iter().any(|(f, _)| f.is_empty()) {
            return Err(InvalidInput::new("sort", "takes 1 to 5 named attributes"));
        }
        // One order per attribute: the same attribute twice is a repeated item.
        let repeated = self
            .sort
            .iter()
            .enumerate()
            .any(|(i, (a, _))| self.sort.iter().skip(i + 1).any(|(b, _)| a == b));
        if repeated {
            return Err(InvalidInput::new("sort", "names the same attribute twice"));
        }
        if self.fields.len() > 20 {
            return Err(InvalidInput::new("fields", "takes at most 20 entries"));
        }
        check_unique("fields", &self.fields)?;
        if let Some(context) = &self.query_context {
            let known = [
                "company",
                "customer",
                "message",
                "conversation",
                "conversation_time",
                "note",
                "kobject",
                "work_session",
                "work_item",
            ];
            if !known.contains(&context.as_str()) && !is_klass_context(context) {
                return Err(unknown_context(context));
            }
        }
        Ok(())
    }

    /// The archive search's narrower rules: only the contexts `customer`, `company`,
    /// `conversation`, `message`, `kobject` and `kobject_<klass>`, and no `fields`.
    pub(crate) fn validate_archive(&self) -> Result<(), InvalidInput> {
        if let Some(context) = &self.query_context {
            let known = ["company", "customer", "message", "conversation", "kobject"];
            if !known.contains(&context.as_str()) && !is_klass_context(context) {
                return Err(InvalidInput::new(
                    "queryContext",
                    format!(
                        "{:?} cannot be searched in the archive",
                        crate::protocol::excerpt::excerpt_str(context)
                    ),
                ));
            }
        }
        if !self.fields.is_empty() {
            return Err(InvalidInput::new(
                "fields",
                "the archive search does not take fields",
            ));
        }
        Ok(())
    }
}

fn is_klass_context(context: &str) -> bool {
    context
        .strip_prefix("kobject_")
        .is_some_and(|k| !k.is_empty())
}

fn unknown_context(context: &str) -> InvalidInput {
    InvalidInput::new(
        "queryContext",
        format!(
            "{:?} is not a known context",
            crate::protocol::excerpt::excerpt_str(context)
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_the_attributes_name_rules_out_is_refused_before_sending() {
        let refused = |criterion: Criterion| SearchQuery::new().and(criterion).validate().is_err();
        assert!(refused(Criterion::gte(
            "conversation_updated_at",
            "last month"
        )));
        assert!(refused(Criterion::gte("customer_created_at", "2024-13-45")));
        assert!(refused(Criterion::lt("customer_updated_at", 1_700_000_000)));
        assert!(refused(Criterion::equals(
            "customer_custom_ordersNum",
            "12"
        )));
        assert!(refused(Criterion::equals("customer_custom_vipBool", "yes")));
        assert!(refused(Criterion::gte(
            "kobject_custom_order_shippedAt",
            "soon"
        )));
        assert!(refused(Criterion::equals(
            "customer_custom_ordersNum",
            serde_json::json!([1, "two"])
        )));
        let taken = |criterion: Criterion| SearchQuery::new().and(criterion).validate().is_ok();
        assert!(taken(Criterion::gte(
            "conversation_updated_at",
            "2024-01-31T00:00:00.000Z"
        )));
        assert!(taken(Criterion::gte("customer_updated_at", "2016-06-24")));
        assert!(taken(Criterion::equals("customer_custom_ordersNum", 12)));
        assert!(taken(Criterion::equals("customer_custom_vipBool", true)));
        assert!(taken(Criterion::equals(
            "customer_custom_shippedAt",
            Value::Null
        )));
        assert!(taken(Criterion::new(
            "customer_custom_shippedAt",
            "exists",
            true
        )));
        // Names that say nothing of a type, and custom names that only look alike.
        assert!(taken(Criterion::equals("conversation_status", 3)));
        assert!(taken(Criterion::equals("customer_custom_formatStr", "At")));
        assert!(taken(Criterion::equals("customer_custom_STAT", "x")));
        // Nested criteria are checked too, and the error names the attribute.
        let nested = SearchQuery::new()
            .and(Criterion::any([Criterion::gte(
                "note_created_at",
                "yesterday",
            )]))
            .validate()
            .unwrap_err();
        assert!(nested.to_string().contains("note_created_at"), "{nested}");
    }
}
