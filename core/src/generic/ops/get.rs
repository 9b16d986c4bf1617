//! `GET {PATH}/{id}` and `GET {PATH}/externalId={id}`.

use std::borrow::Cow;
use std::marker::PhantomData;

use http::{Method, Request, Response};

use crate::generic::family::{
    ExternalIdLookup, Gettable, OperationKind, Unscoped, collection, in_scope,
};
use crate::generic::ops::helpers::operation_traits;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;
use crate::protocol::query::Query;

/// Get one record of a family by ID (`GET {PATH}/{id}`): `GetCustomer`, `GetConversation`, ...
///
/// The ID is percent-encoded into its own path segment, so no input can reach another path; an
/// empty ID, `.`/`..` or one holding control characters is refused with
/// [`Error::InvalidInput`] before any I/O. A 404 is [`Error::NotFound`].
pub struct Get<'a, R: Gettable> {
    scope: R::Scope,
    id: Cow<'a, str>,
    /// A query parameter this family's get takes, with one of its fixed values: an SLA's
    /// `versions`, a schedule's `include`.
    option: Option<(&'static str, &'static str)>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Get<'a, R: Gettable> { scope, id, option });
impl<'a, R: Gettable> Eq for Get<'a, R> {}

impl<'a, R: Gettable + Unscoped> Get<'a, R> {
    /// The operation for one ID.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self::within((), id)
    }
}

impl<'a, R: Gettable> Get<'a, R> {
    /// The operation for one ID in one of the family's collections (a klass's custom objects).
    pub fn within(scope: impl Into<R::Scope>, id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            scope: scope.into(),
            id: id.into(),
            option: None,
            family: PhantomData,
        }
    }

    /// Sets the query parameter `name=value`; each family's own method names and checks it.
    #[must_use]
    pub(crate) fn with_option(mut self, name: &'static str, value: &'static str) -> Self {
        self.option = Some((name, value));
        self
    }

    /// The ID asked for.
    pub fn id(&self) -> &str {
        &self.id
    }
}

impl<R: Gettable> Operation for Get<'_, R> {
    type Output = R;

    fn operation_id(&self) -> &'static str {
        match &*self.id {
            "default" => R::operation_id(OperationKind::GetAlias("default")),
            "current" => R::operation_id(OperationKind::GetAlias("current")),
            _ => R::operation_id(OperationKind::Get),
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = collection::<R>(&self.scope)?;
        let id = segment(R::ID, &self.id)?;
        let mut query = Query::new();
        if let Some((name, value)) = self.option {
            query.push(name, value);
        }
        config.request(
            Method::GET,
            format_args!("{path}/{id}{}", query.as_str()),
            None,
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response).map_err(|e| in_scope(&self.scope, e))
    }
}

/// Find one record of a family by your ID for it (`GET {PATH}/externalId={externalId}`). A miss
/// is [`Error::NotFound`].
pub struct GetByExternalId<'a, R: ExternalIdLookup> {
    scope: R::Scope,
    external_id: Cow<'a, str>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(GetByExternalId<'a, R: ExternalIdLookup> { scope, external_id });
impl<'a, R: ExternalIdLookup> Eq for GetByExternalId<'a, R> {}

impl<'a, R: ExternalIdLookup + Unscoped> GetByExternalId<'a, R> {
    /// The operation for one external ID.
    pub fn new(external_id: impl Into<Cow<'a, str>>) -> Self {
        Self::within((), external_id)
    }
}

impl<'a, R: ExternalIdLookup> GetByExternalId<'a, R> {
    /// The operation for one external ID in one of the family's collections.
    pub fn within(scope: impl Into<R::Scope>, external_id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            scope: scope.into(),
            external_id: external_id.into(),
            family: PhantomData,
        }
    }
}

impl<R: ExternalIdLookup> Operation for GetByExternalId<'_, R> {
    type Output = R;

    fn operation_id(&self) -> &'static str {
        R::operation_id(OperationKind::GetByExternalId)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = collection::<R>(&self.scope)?;
        let value = segment("externalId", &self.external_id)?;
        let key = R::EXTERNAL_ID_KEY;
        config.request(Method::GET, format_args!("{path}/{key}={value}"), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response).map_err(|e| in_scope(&self.scope, e))
    }
}
