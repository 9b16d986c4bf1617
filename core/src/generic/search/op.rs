//! `POST /v1/customers/search` and `/v1/customers/archive/search`, for any family's context.

use std::marker::PhantomData;

use http::{Method, Request, Response};

use super::query::{MAX_SEARCH_PAGE_SIZE, MAX_SEARCH_PAGES, SearchQuery};
use crate::generic::family::{Scope, Searchable, Unscoped};
use crate::generic::ops::helpers::operation_traits;
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::idempotency::Idempotency;
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_page};
use crate::protocol::paging::{Paging, paging_methods};
use crate::protocol::query::Query;

/// Search a family's records (`POST /v1/customers/search` with the family's `queryContext`, or
/// `/v1/customers/archive/search` for records not updated in two years), one page at a time:
/// `SearchCustomers`, `SearchConversations`, ... A search reads only, so it is retried like a
/// GET.
///
/// A query without a context gets the family's; one with another family's context is refused
/// (its results would not read as this family's records).
pub struct Search<R: Searchable> {
    scope: R::Scope,
    query: SearchQuery,
    pub(crate) paging: Paging,
    archive: bool,
    /// Why this operation cannot be built, decided before it was made (a walk's query too deep
    /// to copy).
    refused: Option<InvalidInput>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Search<R: Searchable> { scope, query, paging, archive, refused });

impl<R: Searchable + Unscoped> Search<R> {
    /// The first page of `query`.
    pub fn new(query: SearchQuery) -> Self {
        Self::within((), query)
    }
}

/// The search context of a family's collection: `conversation`, `kobject_order`.
pub(crate) fn context<R: Searchable>(scope: &R::Scope) -> std::borrow::Cow<'static, str> {
    match scope.name() {
        None => R::CONTEXT.into(),
        Some(name) => format!("{}_{name}", R::CONTEXT).into(),
    }
}

impl<R: Searchable> Search<R> {
    /// The first page of `query` in one of the family's collections: a klass's custom objects
    /// are searched in context `kobject_<klass>`.
    pub fn within(scope: impl Into<R::Scope>, mut query: SearchQuery) -> Self {
        let scope = scope.into();
        // The API's default context is the customer; every other family names its own.
        let mine = context::<R>(&scope);
        if query.query_context.is_none() && mine != "customer" {
            query.query_context = Some(mine.into_owned());
        }
        Self {
            scope,
            query,
            paging: Paging::default(),
            archive: false,
            refused: None,
            family: PhantomData,
        }
    }

    /// An operation that fails to build with `error`.
    pub(crate) fn refused(scope: R::Scope, error: InvalidInput) -> Self {
        Self {
            refused: Some(error),
            ..Self::within(scope, SearchQuery::new())
        }
    }

    // Pages 1 to 100, results per page 1 to 500: checked when built.
    paging_methods!();

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

    fn check(&self) -> Result<(), InvalidInput> {
        self.query.validate()?;
        if let Some(context) = self.query.context()
            && context != self::context::<R>(&self.scope)
        {
            return Err(InvalidInput::new(
                "queryContext",
                format!(
                    "{:?} finds no {} records",
                    crate::protocol::excerpt::excerpt_str(context),
                    R::NAME
                ),
            ));
        }
        if self.archive {
            if !R::ARCHIVED {
                return Err(InvalidInput::new(
                    "queryContext",
                    format!("{} records cannot be searched in the archive", R::NAME),
                ));
            }
            self.query.validate_archive()?;
        }
        Ok(())
    }

    fn build_first(
        &self,
        config: &Config,
        body: Option<Vec<u8>>,
    ) -> Result<Request<Vec<u8>>, Error> {
        self.paging.check(MAX_SEARCH_PAGE_SIZE)?;
        if let Some(page) = self.paging.page
            && !(1..=MAX_SEARCH_PAGES).contains(&page)
        {
            return Err(InvalidInput::new(
                "page",
                format!("a search serves pages 1 to {MAX_SEARCH_PAGES}"),
            )
            .into());
        }
        let mut query = Query::new();
        self.paging.push(&mut query);
        let path = if self.archive {
            "/customers/archive/search"
        } else {
            "/customers/search"
        };
        config.request(Method::POST, format_args!("{path}{}", query.as_str()), body)
    }
}

impl<R: Searchable> Operation for Search<R> {
    type Output = Page<R>;

    fn operation_id(&self) -> &'static str {
        if self.archive {
            "CustomerArchiveSearch"
        } else {
            "CustomerSearch"
        }
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(error) = &self.refused {
            return Err(error.clone().into());
        }
        self.check()?;
        let body = Some(json_body(&self.query)?);
        let mut request = match self.paging.next_path() {
            Some(path) => config.request(Method::POST, path, body),
            None => self.build_first(config, body),
        }?;
        // A POST that only reads: sending it again is harmless.
        Idempotency::Idempotent.mark(&mut request);
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<R>, Error> {
        parse_page(response, self.paging.keeps_raw())
    }
}

impl<R: Searchable> PagedOperation for Search<R> {
    type Item = R;

    fn pages_served(&self) -> Option<u32> {
        // Asked of the first page only: a page reached by a link counts from there.
        if self.paging.next.is_some() {
            return None;
        }
        Some(
            MAX_SEARCH_PAGES
                .saturating_sub(self.paging.page.unwrap_or(1))
                .saturating_add(1),
        )
    }

    fn paging(&self) -> &Paging {
        &self.paging
    }

    fn paging_mut(&mut self) -> &mut Paging {
        &mut self.paging
    }
}
