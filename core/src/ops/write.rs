//! `POST {PATH}`, `PUT`/`PATCH {PATH}/{id}`, `DELETE {PATH}/{id}`, and creates under a parent.

use std::borrow::Cow;
use std::marker::PhantomData;

use http::header::CONTENT_TYPE;
use http::{HeaderValue, Method, Request, Response};

use crate::config::Config;
use crate::error::Error;
use crate::family::{ChildOf, Creatable, CreatedUnder, Deletable, Family, Input, Updatable};
use crate::operation::Operation;
use crate::ops::{json_body, operation_traits, parse_empty};
use crate::page::parse_one;
use crate::path::segment;

/// Create a record (`POST {PATH}`; 201): `CreateCustomer`, `CreateConversation`, ...
///
/// The input is validated first; only its set fields are sent. A POST is not retried after a
/// server error or a broken connection unless the retry policy opts in.
pub struct Create<'a, R: Creatable> {
    input: Cow<'a, R::Input>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Create<'a, R: Creatable> { input });

impl<'a, R: Creatable> Create<'a, R> {
    /// The operation for `input` (borrowed or owned).
    pub fn new(input: impl Into<Cow<'a, R::Input>>) -> Self {
        Self {
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

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        R::check_create(&self.input)?;
        config.request(Method::POST, R::PATH, Some(json_body(&*self.input)?))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response)
    }
}

/// How an update treats attributes the input does not set.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum UpdateMode {
    /// `PUT ?replace=false`: set what the input sets, leave the rest (like PATCH).
    #[default]
    Merge,
    /// `PUT ?replace=true`: the input replaces the record's attributes.
    Replace,
    /// `PATCH`: set what the input sets.
    Patch,
}

/// Update a record (`PUT {PATH}/{id}?replace=…` or `PATCH {PATH}/{id}`): `UpdateCustomer`,
/// `UpdateConversation`, ...
///
/// Set the input's `rev` to the revision you read to make the update conditional: if the record
/// changed since, the API answers 409, [`Error::Conflict`].
pub struct Update<'a, R: Updatable> {
    id: Cow<'a, str>,
    input: Cow<'a, R::Update>,
    mode: UpdateMode,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Update<'a, R: Updatable> { id, input, mode });

impl<'a, R: Updatable> Update<'a, R> {
    /// Update record `id` with `input` ([`UpdateMode::Merge`] unless changed).
    pub fn new(id: impl Into<Cow<'a, str>>, input: impl Into<Cow<'a, R::Update>>) -> Self {
        Self {
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

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        if self.mode != UpdateMode::Patch {
            R::check_put(&self.input)?;
        }
        let body = Some(json_body(&*self.input)?);
        let id = segment(R::ID, &self.id)?;
        let path = R::PATH;
        match self.mode {
            UpdateMode::Merge => {
                config.request(Method::PUT, format_args!("{path}/{id}?replace=false"), body)
            }
            UpdateMode::Replace => {
                config.request(Method::PUT, format_args!("{path}/{id}?replace=true"), body)
            }
            UpdateMode::Patch => {
                let mut request =
                    config.request(Method::PATCH, format_args!("{path}/{id}"), body)?;
                if R::PATCH_CONTENT_TYPE != "application/json" {
                    request.headers_mut().insert(
                        CONTENT_TYPE,
                        HeaderValue::from_static(R::PATCH_CONTENT_TYPE),
                    );
                }
                Ok(request)
            }
        }
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response)
    }
}

/// Delete a record (`DELETE {PATH}/{id}`; 204, no body): `DeleteCustomer`, `DeleteNote`, ...
pub struct Delete<'a, R: Deletable> {
    id: Cow<'a, str>,
    family: PhantomData<fn() -> R>,
}

operation_traits!(Delete<'a, R: Deletable> { id });
impl<'a, R: Deletable> Eq for Delete<'a, R> {}

impl<'a, R: Deletable> Delete<'a, R> {
    /// Delete record `id`.
    pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
        Self {
            id: id.into(),
            family: PhantomData,
        }
    }
}

impl<R: Deletable> Operation for Delete<'_, R> {
    type Output = ();

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let id = segment(R::ID, &self.id)?;
        config.request(Method::DELETE, format_args!("{}/{id}", R::PATH), None)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        parse_empty(response)
    }
}

/// Create a record under one of another family (`POST {Parent::PATH}/{id}/{SEGMENT}`): a
/// conversation's message or note, a customer's conversation or message.
pub struct CreateUnder<'a, P, R: CreatedUnder<P>>
where
    P: Family,
{
    parent: Cow<'a, str>,
    input: Cow<'a, <R as CreatedUnder<P>>::Input>,
    family: PhantomData<fn() -> (P, R)>,
}

impl<P: Family, R: CreatedUnder<P>> Clone for CreateUnder<'_, P, R> {
    fn clone(&self) -> Self {
        Self {
            parent: self.parent.clone(),
            input: self.input.clone(),
            family: PhantomData,
        }
    }
}

impl<P: Family, R: CreatedUnder<P>> PartialEq for CreateUnder<'_, P, R> {
    fn eq(&self, other: &Self) -> bool {
        self.parent == other.parent && self.input == other.input
    }
}

impl<P: Family, R: CreatedUnder<P>> std::fmt::Debug for CreateUnder<'_, P, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("CreateUnder")
            .field("parent", &self.parent)
            .field("input", &self.input)
            .finish()
    }
}

impl<'a, P: Family, R: CreatedUnder<P>> CreateUnder<'a, P, R> {
    /// Create `input` under record `parent` of family `P`.
    pub fn new(
        parent: impl Into<Cow<'a, str>>,
        input: impl Into<Cow<'a, <R as CreatedUnder<P>>::Input>>,
    ) -> Self {
        Self {
            parent: parent.into(),
            input: input.into(),
            family: PhantomData,
        }
    }
}

impl<P: Family, R: CreatedUnder<P>> Operation for CreateUnder<'_, P, R> {
    type Output = R;

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        R::check_under(&self.input)?;
        let parent = segment(P::ID, &self.parent)?;
        let (path, child) = (P::PATH, <R as ChildOf<P>>::SEGMENT);
        config.request(
            Method::POST,
            format_args!("{path}/{parent}/{child}"),
            Some(json_body(&*self.input)?),
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<R, Error> {
        parse_one(response)
    }
}
