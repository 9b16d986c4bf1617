//! `POST {PATH}`, `PUT`/`PATCH {PATH}/{id}`, `DELETE {PATH}/{id}`, and creates under a parent.

use std::borrow::Cow;
use std::marker::PhantomData;

use http::header::{ACCEPT, CONTENT_TYPE};
use http::{HeaderValue, Method, Request, Response};

use crate::generic::family::{
    Creatable, CreatedUnder, Deletable, Family, Input, OperationKind, Unscoped, Updatable,
    child_collection, collection, in_scope, without_secrets,
};
use crate::generic::ops::helpers::{operation_traits, parse_empty};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::path::segment;

/// Create a record (`POST {PATH}`; 201): `CreateCustomer`, `CreateConversation`, ...
///
/// The input is validated first; only its set fields are sent. A POST is not retried after a
/// server error or a broken connection unless the retry policy opts in.
pub struct Create<'a, R: Creatable> {
    scope: R::Scope,
    input: Cow<'a, R::Input>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Create<'a, R: Creatable> { scope, input });

impl<'a, R: Creatable + Unscoped> Create<'a, R> {
    /// The operation for `input` (borrowed or owned).
    pub fn new(input: impl Into<Cow<'a, R::Input>>) -> Self {
        Self::within((), input)
    }
}

impl<'a, R: Creatable> Create<'a, R> {
    /// The operation for `input` in one of the family's collections (a klass's custom objects).
    pub fn within(scope: impl Into<R::Scope>, input: impl Into<Cow<'a, R::Input>>) -> Self {
        Self {
            scope: scope.into(),
            input: input.into(),
            family: PhantomData,
        }
    }

    /// What will be sent.
    pub fn input(&self) -> &R::Input {
        &self.input
    }
}

impl<R: Creatable> Operation for Create<'_, R> {
    type Output = R;

    fn operation_id(&self) -> &'static str {
        R::operation_id(OperationKind::Create)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        R::check_create(&self.input)?;
        let path = collection::<R>(&self.scope)?;
        let mut request = config.request(Method::POST, &*path, Some(json_body(&*self.input)?))?;
        if R::SENT_ONCE {
            request
                .extensions_mut()
                .insert(crate::protocol::idempotency::Idempotency::Once);
        }
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response).map_err(|e| in_scope(&self.scope, without_secrets(&*self.input, e)))
    }
}

/// How an update treats attributes the input does not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UpdateMode {
    /// Set what the input sets, leave the rest: `PUT ?replace=false`, or the family's plain
    /// `PUT`, or `PATCH` where that is all it has (see
    /// [`UpdateMethods`](crate::family::UpdateMethods)).
    #[default]
    Merge,
    /// `PUT ?replace=true`: the input replaces the record's attributes (families whose `PUT`
    /// takes `replace`).
    Replace,
    /// `PATCH`: set what the input sets (families that have it).
    Patch,
}

/// Update a record (`PUT {PATH}/{id}?replace=…` or `PATCH {PATH}/{id}`): `UpdateCustomer`,
/// `UpdateConversation`, ...
///
/// Set the input's `rev` to the revision you read to make the update conditional: if the record
/// changed since, the API answers 409, [`Error::Conflict`].
pub struct Update<'a, R: Updatable> {
    scope: R::Scope,
    id: Cow<'a, str>,
    input: Cow<'a, R::Update>,
    mode: UpdateMode,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Update<'a, R: Updatable> { scope, id, input, mode });

impl<'a, R: Updatable + Unscoped> Update<'a, R> {
    /// Update record `id` with `input` ([`UpdateMode::Merge`] unless changed).
    pub fn new(id: impl Into<Cow<'a, str>>, input: impl Into<Cow<'a, R::Update>>) -> Self {
        Self::within((), id, input)
    }
}

impl<'a, R: Updatable> Update<'a, R> {
    /// Update record `id` of one of the family's collections with `input`.
    pub fn within(
        scope: impl Into<R::Scope>,
        id: impl Into<Cow<'a, str>>,
        input: impl Into<Cow<'a, R::Update>>,
    ) -> Self {
        Self {
            scope: scope.into(),
            id: id.into(),
            input: input.into(),
            mode: UpdateMode::default(),
            family: PhantomData,
        }
    }

    /// Chooses merge, replace or patch.
    #[must_use]
    pub fn mode(mut self, mode: UpdateMode) -> Self {
        self.mode = mode;
        self
    }
}

impl<R: Updatable> Operation for Update<'_, R> {
    type Output = R;

    fn operation_id(&self) -> &'static str {
        let patch = match self.mode {
            UpdateMode::Patch => true,
            UpdateMode::Merge => !R::METHODS.put,
            UpdateMode::Replace => false,
        };
        match (patch, &*self.id) {
            (false, "current") => R::operation_id(OperationKind::PutAlias("current")),
            (false, _) => R::operation_id(OperationKind::Put),
            (true, _) => R::operation_id(OperationKind::Patch),
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        let methods = R::METHODS;
        let method = match self.mode {
            UpdateMode::Merge if methods.put => Method::PUT,
            UpdateMode::Replace if methods.replace => Method::PUT,
            UpdateMode::Merge | UpdateMode::Patch if methods.patch => Method::PATCH,
            mode => {
                return Err(InvalidInput::new(
                    "update mode",
                    format!("Kustomer has no {mode:?} update for a {}", R::NAME),
                )
                .into());
            }
        };
        if method == Method::PUT {
            R::check_put(&self.input)?;
        }
        let body = Some(json_body(&*self.input)?);
        let id = segment(R::ID, &self.id)?;
        let path = collection::<R>(&self.scope)?;
        let replace = match self.mode {
            _ if method != Method::PUT || !methods.replace => "",
            UpdateMode::Replace => "?replace=true",
            _ => "?replace=false",
        };
        let mut request =
            config.request(method.clone(), format_args!("{path}/{id}{replace}"), body)?;
        if method == Method::PATCH && R::PATCH_CONTENT_TYPE != "application/json" {
            let headers = request.headers_mut();
            headers.insert(
                CONTENT_TYPE,
                HeaderValue::from_static(R::PATCH_CONTENT_TYPE),
            );
            // The spec answers such a PATCH in its own type: a server that follows it refuses
            // (406) a request that accepts only `application/json`.
            headers.insert(ACCEPT, HeaderValue::from_static(R::PATCH_ACCEPT));
        }
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response).map_err(|e| in_scope(&self.scope, without_secrets(&*self.input, e)))
    }
}

/// Delete a record (`DELETE {PATH}/{id}`; 204, no body): `DeleteCustomer`, `DeleteNote`, ...
pub struct Delete<'a, R: Deletable> {
    scope: R::Scope,
    id: Cow<'a, str>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Delete<'a, R: Deletable> { scope, id });
impl<'a, R: Deletable> Eq for Delete<'a, R> {}

impl<'a, R: Deletable + Unscoped> Delete<'a, R> {
    /// Delete record `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self::within((), id)
    }
}

impl<'a, R: Deletable> Delete<'a, R> {
    /// Delete record `id` of one of the family's collections.
    pub fn within(scope: impl Into<R::Scope>, id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            scope: scope.into(),
            id: id.into(),
            family: PhantomData,
        }
    }
}

impl<R: Deletable> Operation for Delete<'_, R> {
    type Output = ();

    fn operation_id(&self) -> &'static str {
        match &*self.id {
            "current" => R::operation_id(OperationKind::DeleteAlias("current")),
            _ => R::operation_id(OperationKind::Delete),
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let path = collection::<R>(&self.scope)?;
        let id = segment(R::ID, &self.id)?;
        let mut request = config.request(Method::DELETE, format_args!("{path}/{id}"), None)?;
        if R::CURRENT_IS_THE_CALLERS_KEY && self.id == "current" {
            request
                .extensions_mut()
                .insert(crate::protocol::operation::RevokesCallersKey);
        }
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        parse_empty(response).map_err(|e| in_scope(&self.scope, e))
    }
}

/// Create a record under one of another family (`POST {Parent::PATH}/{id}/{SEGMENT}`): a
/// conversation's message or note, a customer's conversation or message.
pub struct CreateUnder<'a, P, R: CreatedUnder<P>>
where
    P: Family,
{
    scope: R::Scope,
    parent: Cow<'a, str>,
    input: Cow<'a, <R as CreatedUnder<P>>::Input>,
    family: PhantomData<fn() -> (P, R)>,
}

operation_traits!(CreateUnder<'a, P: Family, R: CreatedUnder<P>> { scope, parent, input });

impl<'a, P: Family, R: CreatedUnder<P> + Unscoped> CreateUnder<'a, P, R> {
    /// Create `input` under record `parent` of family `P`.
    pub fn new(
        parent: impl Into<Cow<'a, str>>,
        input: impl Into<Cow<'a, <R as CreatedUnder<P>>::Input>>,
    ) -> Self {
        Self::within((), parent, input)
    }
}

impl<'a, P: Family, R: CreatedUnder<P>> CreateUnder<'a, P, R> {
    /// Create `input` under record `parent` of family `P`, in one of this family's collections
    /// (a customer's custom object of one klass).
    pub fn within(
        scope: impl Into<R::Scope>,
        parent: impl Into<Cow<'a, str>>,
        input: impl Into<Cow<'a, <R as CreatedUnder<P>>::Input>>,
    ) -> Self {
        Self {
            scope: scope.into(),
            parent: parent.into(),
            input: input.into(),
            family: PhantomData,
        }
    }
}

impl<P: Family, R: CreatedUnder<P>> Operation for CreateUnder<'_, P, R> {
    type Output = R;

    fn operation_id(&self) -> &'static str {
        R::operation_id(OperationKind::CreateUnder(P::PATH))
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.parent)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        R::check_under(&self.input)?;
        let parent = segment(P::ID, &self.parent)?;
        let (path, child) = (P::PATH, child_collection::<P, R>(&self.scope)?);
        config.request(
            Method::POST,
            format_args!("{path}/{parent}/{child}"),
            Some(json_body(&*self.input)?),
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response).map_err(|e| in_scope(&self.scope, without_secrets(&*self.input, e)))
    }
}
