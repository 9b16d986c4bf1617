//! `POST /v1/customers/search` and `/v1/customers/archive/search`, and the walk past the
//! search's 100-page cap.

use std::collections::HashSet;

use http::{Method, Request, Response};
use serde::ser::{SerializeMap, SerializeSeq};
use serde::{Serialize, Serializer};
use serde_json::Value;

use crate::config::Config;
use crate::customers::paths::{check_page_size, json_body};
use crate::error::{Error, InvalidInput};
use crate::models::Customer;
use crate::operation::Operation;
use crate::page::{Page, PagedOperation, parse_page};
use crate::query::Query;

/// The largest page a search serves.
pub const MAX_SEARCH_PAGE_SIZE: u32 = 500;
/// The deepest page a search serves.
pub const MAX_SEARCH_PAGES: u32 = 100;

/// One search condition, or a group of them. Serializes to the API's shape:
/// `{"<attribute>": {"<operator>": value}}`, `{"and": [...]}`, `{"or": [...]}`, `{"not": [...]}`.
///
/// ```
/// use kustomer::customers::Criterion;
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
        value: impl Into<Value>,
    ) -> Self {
        Criterion::Field {
            attribute: attribute.into(),
            operator: operator.into(),
            value: value.into(),
        }
    }

    /// `attribute` equals `value`.
    pub fn equals(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(attribute, "equals", value)
    }

    /// `attribute` contains `value` (text attributes).
    pub fn contains(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(attribute, "contains", value)
    }

    /// `attribute` ≥ `value` (dates, numbers).
    pub fn gte(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(attribute, "gte", value)
    }

    /// `attribute` > `value`.
    pub fn gt(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(attribute, "gt", value)
    }

    /// `attribute` ≤ `value`.
    pub fn lte(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
        Self::new(attribute, "lte", value)
    }

    /// `attribute` < `value`.
    pub fn lt(attribute: impl Into<String>, value: impl Into<Value>) -> Self {
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

    /// Checks a criterion at nesting `depth` (1 for an entry of `and`, `or`, `not`). Never
    /// recurses past [`MAX_CRITERIA_DEPTH`], whatever was built.
    fn validate(&self, depth: usize, max_depth: usize) -> Result<(), InvalidInput> {
        match self {
            Criterion::Field {
                attribute,
                operator,
                ..
            } => {
                if attribute.is_empty() || operator.is_empty() {
                    return Err(InvalidInput::new(
                        "search",
                        "a criterion needs an attribute and an operator",
                    ));
                }
                Ok(())
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

/// The API wants the items of every list in a search body unique.
fn check_unique<T: PartialEq>(what: &'static str, items: &[T]) -> Result<(), InvalidInput> {
    let repeated = items
        .iter()
        .enumerate()
        .any(|(i, item)| items.iter().skip(i + 1).any(|other| other == item));
    if repeated {
        return Err(InvalidInput::new(what, "holds the same item twice"));
    }
    Ok(())
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
/// use kustomer::customers::{Criterion, SearchQuery, SortOrder};
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
    query_context: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    and: Vec<Criterion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    or: Vec<Criterion>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    not: Vec<Criterion>,
    #[serde(
        skip_serializing_if = "Vec::is_empty",
        serialize_with = "serialize_sort"
    )]
    sort: Vec<(String, SortOrder)>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    fields: Vec<Value>,
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
    /// query context.
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is over its limit.
    pub fn validate(&self) -> Result<(), InvalidInput> {
        self.validate_with(MAX_CRITERIA_DEPTH)
    }

    /// [`validate`](Self::validate) for a query the walk will group one level deeper.
    fn validate_for_walk(&self) -> Result<(), InvalidInput> {
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
    fn validate_archive(&self) -> Result<(), InvalidInput> {
        if let Some(context) = &self.query_context {
            let known = ["company", "customer", "message", "conversation", "kobject"];
            if !known.contains(&context.as_str()) && !is_klass_context(context) {
                return Err(InvalidInput::new(
                    "queryContext",
                    format!(
                        "{:?} cannot be searched in the archive",
                        crate::excerpt::excerpt_str(context)
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
            crate::excerpt::excerpt_str(context)
        ),
    )
}

/// Search customers (`POST /v1/customers/search`, Kustomer's `customerSearch`, or
/// `/v1/customers/archive/search` for records not updated in two years), one page at a time.
/// A search reads only, so it is retried like a GET.
///
/// Roles: `org.user.search.read` or `org.permission.search.create`.
///
/// The API serves at most 100 pages of a search:
/// [`Customers::search_all`](crate::customers::Customers::search_all) walks past that.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, customers::{Criterion, SearchCustomers, SearchQuery}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let query = SearchQuery::customers().and(Criterion::contains("customer_name", "Ada"));
/// let request = SearchCustomers::new(query.clone()).page_size(500).build(&config)?;
/// assert_eq!(request.method(), http::Method::POST);
/// assert_eq!(request.uri().path_and_query().unwrap().as_str(), "/v1/customers/search?pageSize=500");
/// assert!(SearchCustomers::new(query.clone()).page_size(501).build(&config).is_err());
/// let archive = SearchCustomers::new(query).archive(true).build(&config)?;
/// assert_eq!(archive.uri().path(), "/v1/customers/archive/search");
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct SearchCustomers {
    query: SearchQuery,
    page: Option<u32>,
    page_size: Option<u32>,
    archive: bool,
    at: Option<String>,
    /// Why this operation cannot be built, decided before it was made (a walk's query too deep
    /// to copy).
    refused: Option<InvalidInput>,
}

impl SearchCustomers {
    /// The first page of `query`.
    pub fn new(query: SearchQuery) -> Self {
        Self {
            query,
            page: None,
            page_size: None,
            archive: false,
            at: None,
            refused: None,
        }
    }

    /// An operation that fails to build with `error`.
    fn refused(error: InvalidInput) -> Self {
        Self {
            refused: Some(error),
            ..Self::new(SearchQuery::new())
        }
    }

    /// Asks for page `page` (1 to 100).
    #[must_use]
    pub fn page(mut self, page: u32) -> Self {
        self.page = Some(page);
        self
    }

    /// Results per page, 1 to 500.
    #[must_use]
    pub fn page_size(mut self, size: u32) -> Self {
        self.page_size = Some(size);
        self
    }

    /// Searches the archive (records not updated in the last two years).
    #[must_use]
    pub fn archive(mut self, archive: bool) -> Self {
        self.archive = archive;
        self
    }

    /// The query.
    pub fn query(&self) -> &SearchQuery {
        &self.query
    }
}

impl Operation for SearchCustomers {
    type Output = Page<Customer>;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(error) = &self.refused {
            return Err(error.clone().into());
        }
        self.query.validate()?;
        if self.archive {
            self.query.validate_archive()?;
        }
        let body = Some(json_body(&self.query)?);
        match &self.at {
            Some(path) => config.request(Method::POST, path, body),
            None => self.build_first(config, body),
        }
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<Customer>, Error> {
        parse_page(response)
    }

    fn read_only(&self) -> bool {
        true
    }
}

impl SearchCustomers {
    fn build_first(
        &self,
        config: &Config,
        body: Option<Vec<u8>>,
    ) -> Result<Request<Vec<u8>>, Error> {
        check_page_size(self.page_size, MAX_SEARCH_PAGE_SIZE)?;
        if let Some(page) = self.page
            && !(1..=MAX_SEARCH_PAGES).contains(&page)
        {
            return Err(InvalidInput::new(
                "page",
                format!("a search serves pages 1 to {MAX_SEARCH_PAGES}"),
            )
            .into());
        }
        let mut query = Query::new();
        query
            .push_opt("page", self.page)
            .push_opt("pageSize", self.page_size);
        let path = if self.archive {
            "/customers/archive/search"
        } else {
            "/customers/search"
        };
        config.request(Method::POST, format_args!("{path}{}", query.as_str()), body)
    }
}

impl PagedOperation for SearchCustomers {
    type Item = Customer;

    fn at(&self, path: String) -> Self {
        Self {
            at: Some(path),
            ..self.clone()
        }
    }
}

/// The walk through every result of a search, past the 100-page cap, as a pure state machine:
/// [`SearchWalk::next_operation`] gives the request to send, [`SearchWalk::take_page`] reads its
/// answer and returns the new results.
///
/// Results are sorted by `customer_updated_at` ascending (the query's own sort is replaced). When
/// a window reaches page 100, the next window asks for `customer_updated_at >= T`, with `T` the
/// last timestamp seen, and skips the customers at `T` already returned: no record is skipped or
/// returned twice, however many share one timestamp. A customer updated during the walk may come
/// again, later, with its new timestamp.
///
/// It trusts nothing the server does: a result below the window's lower bound (a server ignoring
/// it) or out of `updatedAt` order (newest first, a repeated page) ends the walk with
/// [`Error::Pagination`]; a result already returned is not returned again; and pages that bring
/// nothing new end it after [`MAX_PAGES_WITHOUT_NEW_ITEMS`](crate::page::MAX_PAGES_WITHOUT_NEW_ITEMS)
/// in a row (beyond those the records already returned at the window's bound fill). If more
/// customers share one timestamp than a window holds (100 × page size), the walk cannot go on and
/// says so. The lower bound never moves backwards, so every walk ends.
///
/// ```
/// use kustomer::customers::{Criterion, SearchQuery, SearchWalk};
///
/// let walk = SearchWalk::new(SearchQuery::customers().and(Criterion::contains("customer_name", "Ada")), 500);
/// let first = walk.next_operation().unwrap();
/// assert_eq!(
///     serde_json::to_value(first.query()).unwrap()["sort"],
///     serde_json::json!([{"customer_updated_at": "asc"}])
/// );
/// ```
#[derive(Debug, Clone)]
pub struct SearchWalk {
    query: SearchQuery,
    page_size: u32,
    archive: bool,
    page: u32,
    /// The lower bound of the current window.
    floor: Option<String>,
    /// The greatest timestamp returned, and the IDs returned at it. At a new window these are
    /// the records at its lower bound that must not come again.
    last_at: Option<String>,
    at_last: HashSet<String>,
    returned_in_window: usize,
    /// Pages in a row without a new result, and how many of those the window may have.
    stale_pages: u32,
    stale_allowed: u32,
    done: bool,
}

const UPDATED_AT: &str = "customer_updated_at";

impl SearchWalk {
    /// A walk over every result of `query`, `page_size` (1 to 500) per request.
    pub fn new(query: SearchQuery, page_size: u32) -> Self {
        Self {
            query,
            page_size,
            archive: false,
            page: 1,
            floor: None,
            last_at: None,
            at_last: HashSet::new(),
            returned_in_window: 0,
            stale_pages: 0,
            stale_allowed: crate::page::MAX_PAGES_WITHOUT_NEW_ITEMS,
            done: false,
        }
    }

    /// Walks the archive instead.
    #[must_use]
    pub fn archive(mut self, archive: bool) -> Self {
        self.archive = archive;
        self
    }

    /// The next request, or `None` when every result has been returned.
    pub fn next_operation(&self) -> Option<SearchCustomers> {
        if self.done {
            return None;
        }
        // Checked before the query is copied: a query too deep to send is too deep to clone.
        if let Err(e) = self.query.validate_for_walk() {
            return Some(SearchCustomers::refused(e));
        }
        let mut query = self.query.clone();
        query.sort = vec![(UPDATED_AT.to_owned(), SortOrder::Asc)];
        if let Some(floor) = &self.floor {
            // Grouped, so that the bound never pushes the caller's criteria over 20.
            let mine = std::mem::take(&mut query.and);
            if !mine.is_empty() {
                query.and.push(Criterion::All(mine));
            }
            query.and.push(Criterion::gte(UPDATED_AT, floor.as_str()));
        }
        Some(
            SearchCustomers::new(query)
                .archive(self.archive)
                .page(self.page)
                .page_size(self.page_size),
        )
    }

    /// Reads the answer to the last [`next_operation`](Self::next_operation): the results not
    /// returned before, in order.
    ///
    /// # Errors
    /// [`Error::Pagination`], after which the walk is over, if a result has no `updatedAt` (the
    /// walk is keyed on it), lies below the window's lower bound or out of order, if pages stop
    /// bringing new results, or if the walk cannot get past a timestamp shared by more customers
    /// than a window holds.
    pub fn take_page(&mut self, page: Page<Customer>) -> Result<Vec<Customer>, Error> {
        let result = self.take(page);
        if result.is_err() {
            self.done = true;
        }
        result
    }

    fn take(&mut self, page: Page<Customer>) -> Result<Vec<Customer>, Error> {
        let bad = |why: String| Error::Pagination { reason: why };
        // Unreadable items take their place on the page too.
        let unreadable = page.rejected.len();
        let served = page.items.len() + unreadable;
        let full = served >= self.page_size as usize && page.links.next.is_some();
        let mut fresh = Vec::with_capacity(page.items.len());
        for customer in page.items {
            let shown = || crate::excerpt::excerpt_str(&customer.id);
            let Some(at) = customer.attributes.updated_at.clone() else {
                return Err(bad(format!(
                    "search result {} has no updatedAt to page past the cap with",
                    shown()
                )));
            };
            if self
                .floor
                .as_deref()
                .is_some_and(|floor| at.as_str() < floor)
            {
                return Err(bad(format!(
                    "search result {} was updated before the lower bound the walk asked for: the server ignores it",
                    shown()
                )));
            }
            match self.last_at.as_deref().map(|last| at.as_str().cmp(last)) {
                Some(std::cmp::Ordering::Less) => {
                    return Err(bad(format!(
                        "search result {} is out of updatedAt order (results must come oldest first)",
                        shown()
                    )));
                }
                Some(std::cmp::Ordering::Equal) => {
                    if !self.at_last.insert(customer.id.clone()) {
                        // Already returned: never twice.
                        continue;
                    }
                }
                _ => {
                    self.last_at = Some(at);
                    self.at_last.clear();
                    self.at_last.insert(customer.id.clone());
                }
            }
            self.returned_in_window += 1;
            fresh.push(customer);
        }
        if !full {
            self.done = true;
            return Ok(fresh);
        }
        if fresh.is_empty() && unreadable == 0 {
            self.stale_pages = self.stale_pages.saturating_add(1);
            if self.stale_pages > self.stale_allowed {
                return Err(bad(format!(
                    "{} search pages in a row brought no new result",
                    self.stale_pages
                )));
            }
        } else {
            self.stale_pages = 0;
        }
        if self.page < MAX_SEARCH_PAGES {
            self.page += 1;
        } else {
            self.next_window()?;
        }
        Ok(fresh)
    }

    fn next_window(&mut self) -> Result<(), Error> {
        if self.returned_in_window == 0 {
            return Err(Error::Pagination {
                reason: format!(
                    "more than {} customers share updatedAt {}; a search cannot page past them",
                    self.page_size as usize * MAX_SEARCH_PAGES as usize,
                    crate::excerpt::excerpt_str(self.floor.as_deref().unwrap_or_default())
                ),
            });
        }
        // Results never go below the floor, so the greatest one seen is at or above it.
        self.floor = self.last_at.clone();
        self.page = 1;
        self.returned_in_window = 0;
        // The new window starts with the records at its bound already returned: they fill up to
        // this many pages before anything new can come.
        let repeat_pages = self.at_last.len().div_ceil(self.page_size.max(1) as usize);
        self.stale_pages = 0;
        self.stale_allowed = u32::try_from(repeat_pages)
            .unwrap_or(u32::MAX)
            .saturating_add(crate::page::MAX_PAGES_WITHOUT_NEW_ITEMS);
        Ok(())
    }

    /// Ends the walk early (after an error the caller will not retry).
    pub fn stop(&mut self) {
        self.done = true;
    }

    /// Whether every result has been returned.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::page::{PageLinks, PageMeta};

    fn customer(id: usize, at: &str) -> Customer {
        serde_json::from_value(
            serde_json::json!({"id": format!("c{id}"), "attributes": {"updatedAt": at}}),
        )
        .unwrap()
    }

    /// A search server over `records` (already in updatedAt order) with the cap, as the fake has.
    fn serve(records: &[(usize, String)], op: &SearchCustomers) -> Page<Customer> {
        let query = serde_json::to_value(op.query()).unwrap();
        let floor = query["and"].as_array().and_then(|and| {
            and.iter().find_map(|c| {
                c.get(UPDATED_AT)
                    .and_then(|f| f["gte"].as_str().map(str::to_owned))
            })
        });
        let matching: Vec<_> = records
            .iter()
            .filter(|(_, at)| floor.as_deref().is_none_or(|f| at.as_str() >= f))
            .collect();
        let size = op.page_size.unwrap() as usize;
        let page = op.page.unwrap() as usize;
        let items: Vec<Customer> = matching
            .iter()
            .skip((page - 1) * size)
            .take(size)
            .map(|(id, at)| customer(*id, at))
            .collect();
        let more = matching.len() > page * size;
        Page {
            items,
            rejected: Vec::new(),
            meta: PageMeta::default(),
            links: PageLinks {
                next: more.then(|| format!("/v1/customers/search?page={}", page + 1)),
                ..PageLinks::default()
            },
        }
    }

    fn walk_all(records: &[(usize, String)], page_size: u32) -> Result<Vec<String>, Error> {
        let mut walk = SearchWalk::new(SearchQuery::customers(), page_size);
        let mut out = Vec::new();
        let mut requests = 0;
        while let Some(op) = walk.next_operation() {
            requests += 1;
            assert!(requests < 10_000, "the walk loops");
            out.extend(
                walk.take_page(serve(records, &op))?
                    .into_iter()
                    .map(|c| c.id),
            );
        }
        Ok(out)
    }

    #[test]
    fn walks_past_the_cap_without_skips_or_repeats_when_timestamps_collide() {
        // 2,500 records, pages of 5 (a window holds 500); the 300 at positions 350..650 share one
        // timestamp across the first window boundary, and runs of 7 share each of the others.
        let records: Vec<_> = (0..2500)
            .map(|pos| {
                let at = if (350..650).contains(&pos) {
                    350
                } else {
                    pos - pos % 7
                };
                (pos, format!("{at:08}"))
            })
            .collect();
        let ids = walk_all(&records, 5).unwrap();
        assert_eq!(ids.len(), 2500);
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), 2500);
    }

    #[test]
    fn too_many_on_one_timestamp_is_an_error_not_a_loop() {
        let records: Vec<_> = (0..600)
            .map(|i| (i, "2024-01-01T00:00:00.000Z".to_owned()))
            .collect();
        match walk_all(&records, 5) {
            Err(Error::Pagination { reason }) => {
                assert!(reason.contains("more than 500"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_short_search_is_one_request() {
        let records: Vec<_> = (0..3).map(|i| (i, format!("2024-01-0{}", i + 1))).collect();
        assert_eq!(walk_all(&records, 5).unwrap(), ["c0", "c1", "c2"]);
    }

    #[test]
    fn the_bound_groups_the_callers_criteria() {
        let query = (0..20).fold(SearchQuery::customers(), |q, i| {
            q.and(Criterion::equals("customer_name", i))
        });
        let mut walk = SearchWalk::new(query, 1);
        walk.floor = Some("2024".into());
        let op = walk.next_operation().unwrap();
        assert!(op.query().validate().is_ok());
        let body = serde_json::to_value(op.query()).unwrap();
        assert_eq!(body["and"].as_array().unwrap().len(), 2);
        assert_eq!(
            body["and"][1],
            serde_json::json!({"customer_updated_at": {"gte": "2024"}})
        );
    }
}
