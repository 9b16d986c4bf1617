//! `GET {PATH}` and `GET {Parent::PATH}/{id}/{SEGMENT}`, one page at a time.

use std::borrow::Cow;
use std::marker::PhantomData;

use http::{Method, Request, Response};

use crate::generic::family::{
    ChildOf, Family, Listable, OperationKind, Unscoped, child_collection, collection, in_scope,
};
use crate::generic::ops::helpers::operation_traits;
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_page};
use crate::protocol::paging::{Paging, paging_methods};
use crate::protocol::path::segment;
use crate::protocol::query::Query;

/// List a family's records (`GET {PATH}`), one page at a time: `ListCustomers`,
/// `ListConversations`, ... The client's handles walk every page.
pub struct List<R: Listable> {
    scope: R::Scope,
    paging: Paging,
    filters: Vec<(String, String, String)>,
    params: Vec<(String, String)>,
    sort: Option<String>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(List<R: Listable> { scope, paging, filters, params, sort });
impl<R: Listable> Eq for List<R> {}

impl<R: Listable + Unscoped> Default for List<R> {
    fn default() -> Self {
        Self::within(())
    }
}

impl<R: Listable + Unscoped> List<R> {
    /// The first page with the server's default size.
    pub fn new() -> Self {
        Self::default()
    }
}

impl<R: Listable> List<R> {
    /// The first page of one of the family's collections (a klass's custom objects).
    pub fn within(scope: impl Into<R::Scope>) -> Self {
        Self {
            scope: scope.into(),
            paging: Paging::default(),
            filters: Vec::new(),
            params: Vec::new(),
            sort: None,
            family: PhantomData,
        }
    }

    paging_methods!();

    /// Adds `filter[<attribute>][<operator>]=<value>`, e.g. `("createdAt", "gte", "2024-01-01")`.
    /// Neither name may hold a bracket.
    #[must_use]
    pub fn filter(
        mut self,
        attribute: impl Into<String>,
        operator: impl Into<String>,
        value: impl Into<String>,
    ) -> Self {
        self.filters
            .push((attribute.into(), operator.into(), value.into()));
        self
    }

    /// Sorts by an attribute, `-` first for descending (`-createdAt`).
    #[must_use]
    pub fn sort(mut self, sort: impl Into<String>) -> Self {
        self.sort = Some(sort.into());
        self
    }

    /// Sets another query parameter the list takes (`deleted=true` for tags), replacing the
    /// family's default for it. `page`, `pageSize`, `sort` and `filter[...]` have their own
    /// methods.
    #[must_use]
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// Drops the query parameters named `names`, for a family's filters that replace each other.
    #[must_use]
    pub(crate) fn without_params(mut self, names: &[&str]) -> Self {
        self.params
            .retain(|(name, _)| !names.contains(&name.as_str()));
        self
    }
}

impl<R: Listable> Operation for List<R> {
    type Output = Page<R>;

    fn operation_id(&self) -> &'static str {
        R::operation_id(OperationKind::List)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        self.paging.check(R::MAX_PAGE_SIZE)?;
        let mut query = Query::new();
        self.paging.push(&mut query);
        for (attribute, operator, value) in &self.filters {
            if attribute.is_empty() || operator.is_empty() {
                return Err(
                    InvalidInput::new("filter", "needs an attribute and an operator").into(),
                );
            }
            // A bracket would add a level to `filter[attribute][operator]`.
            if attribute.contains(['[', ']']) || operator.contains(['[', ']']) {
                return Err(InvalidInput::new(
                    "filter",
                    "an attribute or operator may not hold '[' or ']'",
                )
                .into());
            }
            query.push(&format!("filter[{attribute}][{operator}]"), value);
        }
        query.push_opt("sort", self.sort.as_deref());
        push_params(&mut query, &self.params, R::DEFAULT_PARAMS)?;
        let path = collection::<R>(&self.scope)?;
        config.request(Method::GET, format_args!("{path}{}", query.as_str()), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<R>, Error> {
        parse_page(response, self.paging.keeps_raw()).map_err(|e| in_scope(&self.scope, e))
    }
}

impl<R: Listable> PagedOperation for List<R> {
    type Item = R;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}

/// Adds the caller's extra parameters, then the family's defaults the caller did not set.
fn push_params(
    query: &mut Query,
    params: &[(String, String)],
    defaults: &[(&str, &str)],
) -> Result<(), Error> {
    for (name, value) in params {
        let own = ["page", "pageSize", "sort", "fromDate"].contains(&name.as_str());
        if name.is_empty() || own || name.starts_with("filter") {
            return Err(InvalidInput::new(
                "list parameter",
                "needs a name, and not one that has its own method",
            )
            .into());
        }
        query.push(name, value);
    }
    for (name, value) in defaults {
        if !params.iter().any(|(set, _)| set == name) {
            query.push(name, value);
        }
    }
    Ok(())
}

/// List the records of a family under one record of another
/// (`GET {Parent::PATH}/{id}/{SEGMENT}`), one page at a time: a conversation's messages and
/// notes, a customer's conversations, messages and notes.
pub struct ListUnder<'a, P: Family, R: ChildOf<P>> {
    scope: R::Scope,
    parent: Cow<'a, str>,
    params: Vec<(String, String)>,
    paging: Paging,
    sort: Option<String>,
    from_date: Option<jiff::Timestamp>,
    family: PhantomData<fn() -> (P, R)>,
}

operation_traits!(ListUnder<'a, P: Family, R: ChildOf<P>> {
    scope, parent, params, paging, sort, from_date
});

impl<P: Family, R: ChildOf<P>> Eq for ListUnder<'_, P, R> {}

impl<'a, P: Family, R: ChildOf<P> + Unscoped> ListUnder<'a, P, R> {
    /// The first page of what record `parent` holds.
    pub fn new(parent: impl Into<Cow<'a, str>>) -> Self {
        Self::within((), parent)
    }
}

impl<'a, P: Family, R: ChildOf<P>> ListUnder<'a, P, R> {
    /// The first page of what record `parent` holds in one of the family's collections (a
    /// customer's custom objects of one klass).
    pub fn within(scope: impl Into<R::Scope>, parent: impl Into<Cow<'a, str>>) -> Self {
        Self {
            scope: scope.into(),
            parent: parent.into(),
            params: Vec::new(),
            paging: Paging::default(),
            sort: None,
            from_date: None,
            family: PhantomData,
        }
    }

    paging_methods!();

    /// Sorts by an attribute, `-` first for descending.
    #[must_use]
    pub fn sort(mut self, sort: impl Into<String>) -> Self {
        self.sort = Some(sort.into());
        self
    }

    /// Only records from this time on, for the lists that take it (a customer's conversations),
    /// sent as RFC 3339 in UTC to the millisecond.
    #[must_use]
    pub fn from_date(mut self, date: impl crate::protocol::date_time::IntoTimestamp) -> Self {
        self.from_date = Some(date.into_timestamp());
        self
    }

    /// Sets another query parameter the list takes (`name` for a customer's events). `page`,
    /// `pageSize`, `sort` and `fromDate` have their own methods.
    #[must_use]
    pub fn param(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.params.push((name.into(), value.into()));
        self
    }

    /// The parent record's ID.
    pub fn parent(&self) -> &str {
        &self.parent
    }
}

impl<'a, P: Family, R: ChildOf<P>> Operation for ListUnder<'a, P, R> {
    type Output = Page<R>;

    fn operation_id(&self) -> &'static str {
        R::operation_id(OperationKind::ListUnder(P::PATH))
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.parent)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        self.paging.check(R::MAX_PAGE_SIZE)?;
        if self.from_date.is_some() && !R::FROM_DATE {
            return Err(InvalidInput::new(
                "fromDate",
                format!("does not apply to a {}'s {}", P::NAME, R::SEGMENT),
            )
            .into());
        }
        let from_date = self.from_date.map(crate::protocol::date_time::wire);
        let mut query = Query::new();
        self.paging.push(&mut query);
        query
            .push_opt("sort", self.sort.as_deref())
            .push_opt("fromDate", from_date.as_deref());
        push_params(&mut query, &self.params, &[])?;
        let parent = segment(P::ID, &self.parent)?;
        let child = child_collection::<P, R>(&self.scope)?;
        config.request(
            Method::GET,
            format_args!("{}/{parent}/{child}{}", P::PATH, query.as_str()),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<R>, Error> {
        parse_page(response, self.paging.keeps_raw())
    }
}

impl<'a, P: Family, R: ChildOf<P>> PagedOperation for ListUnder<'a, P, R> {
    type Item = R;

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}
