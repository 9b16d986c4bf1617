//! Resource families and what each can do: the capability traits the generic operations are
//! bounded by. A family is a model type that implements [`Family`] and the capabilities Kustomer
//! gives it; everything else (paths, paging, search, bulk jobs, retries) is shared.
//!
//! An operation a family does not have does not compile, and says so in the family's words:
//!
//! ```compile_fail
//! use kustomer::{models::Message, ops::Delete};
//! // error: Kustomer has no delete operation for `Message`
//! let op = Delete::<Message>::new("5c3e42a0f9a5e4001aafa2ac");
//! ```
//!
//! The families are declared in this crate (the trait is sealed); each module (`customers`,
//! `conversations`, `messages`, `notes`) names its operations with type aliases such as
//! [`GetConversation`](crate::conversations::GetConversation).

use std::borrow::Cow;

use serde::Serialize;
use serde::de::DeserializeOwned;

use crate::protocol::document::Record;
use crate::protocol::error::InvalidInput;
use crate::protocol::path::segment;

pub(crate) mod sealed {
    pub use crate::protocol::document::FromDocument;
}

/// A Kustomer resource family: the model its responses read as, and where it lives.
pub trait Family:
    DeserializeOwned + Record + sealed::FromDocument + std::fmt::Debug + Sized + 'static
{
    /// Which of the family's collections an operation works in: `()` for a family with one
    /// collection; a [`KlassName`](crate::custom_objects::KlassName) for custom objects, whose
    /// collection is `/klasses/{name}`.
    type Scope: Scope;
    /// The collection's path under `/v1`, e.g. `/conversations`.
    const PATH: &'static str;
    /// What one is called in error messages: `conversation`.
    const NAME: &'static str;
    /// What its ID is called in error messages: `conversation id`.
    const ID: &'static str;
    /// What its scope's name is called in error messages: `klass name`.
    const SCOPE: &'static str = "collection";

    /// The operationIds Kustomer gives the family's generic operations, each beside its alias
    /// where the family is declared.
    const OPERATION_IDS: &'static [(OperationKind, &'static str)] = &[];

    /// The operationId of one of the family's generic operations (`GetCustomerById`), for
    /// logs and traces; empty where Kustomer names none.
    ///
    /// ```
    /// use kustomer::family::{Family, OperationKind};
    /// use kustomer::models::Conversation;
    ///
    /// assert_eq!(Conversation::operation_id(OperationKind::Patch), "UpdateConversationAttributes");
    /// assert_eq!(Conversation::operation_id(OperationKind::BulkDelete), "");
    /// ```
    fn operation_id(kind: OperationKind) -> &'static str {
        Self::OPERATION_IDS
            .iter()
            .find(|(named, _)| *named == kind)
            .map_or("", |(_, id)| id)
    }
}

/// Which generic operation, to name it: see [`Family::operation_id`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum OperationKind {
    /// `GET {PATH}/{id}`.
    Get,
    /// `GET {PATH}/{alias}` (`default`, `current`).
    GetAlias(&'static str),
    /// `GET {PATH}/externalId=`.
    GetByExternalId,
    /// `GET {PATH}`.
    List,
    /// `POST {PATH}`.
    Create,
    /// `PUT {PATH}/{id}`.
    Put,
    /// `PUT {PATH}/{alias}` (`current`).
    PutAlias(&'static str),
    /// `PATCH {PATH}/{id}`.
    Patch,
    /// `DELETE {PATH}/{id}`.
    Delete,
    /// `DELETE {PATH}/{alias}` (`current`).
    DeleteAlias(&'static str),
    /// `POST {PATH}/bulk`.
    BulkCreate,
    /// `PUT {PATH}/bulk`.
    BulkUpdate,
    /// `DELETE {PATH}/bulk`.
    BulkDelete,
    /// `GET {parent}/{id}/{SEGMENT}`, the parent family's `PATH` given.
    ListUnder(&'static str),
    /// `POST {parent}/{id}/{SEGMENT}`.
    CreateUnder(&'static str),
    /// `GET {parent}/{id}/{SEGMENT}/{child id}`.
    GetUnder(&'static str),
    /// `DELETE {parent}/{id}/{SEGMENT}/{child id}`.
    DeleteUnder(&'static str),
}

/// Where a family's records live when the family has more than one collection: the scope's
/// name is one more path segment after [`Family::PATH`] (or after [`ChildOf::SEGMENT`]), encoded
/// like any ID, and the suffix of the search context (`kobject_order`). Its default names no
/// collection: every operation built with it is refused before I/O.
pub trait Scope:
    Clone + Default + std::fmt::Debug + PartialEq + Eq + Send + Sync + 'static
{
    /// The collection's name; `None` for a family with one collection.
    fn name(&self) -> Option<&str>;
}

impl Scope for () {
    fn name(&self) -> Option<&str> {
        None
    }
}

/// A family with one collection, whose operations are built with `new`; a family with several
/// (custom objects, one collection per klass) builds them with `within`, naming the collection.
#[diagnostic::on_unimplemented(
    message = "`{Self}` records live in one collection per klass: build the operation with `within(klass, ...)`"
)]
pub trait Unscoped: Family<Scope = ()> {}

impl<R: Family<Scope = ()>> Unscoped for R {}

/// `{PATH}` or `{PATH}/{scope}`: a family's collection.
pub(crate) fn collection<R: Family>(scope: &R::Scope) -> Result<Cow<'static, str>, InvalidInput> {
    Ok(match scope.name() {
        None => Cow::Borrowed(R::PATH),
        Some(name) => Cow::Owned(format!("{}/{}", R::PATH, segment(R::SCOPE, name)?)),
    })
}

/// `{SEGMENT}` or `{SEGMENT}/{scope}`: a family's collection under a parent record.
pub(crate) fn child_collection<P: Family, R: ChildOf<P>>(
    scope: &R::Scope,
) -> Result<Cow<'static, str>, InvalidInput> {
    Ok(match scope.name() {
        None => Cow::Borrowed(R::SEGMENT),
        Some(name) => Cow::Owned(format!("{}/{}", R::SEGMENT, segment(R::SCOPE, name)?)),
    })
}

/// A body to send: serialized as the API's JSON, and checked against the API's documented limits
/// before anything goes out.
pub trait Input: Serialize {
    /// Checks the documented limits.
    ///
    /// # Errors
    /// [`InvalidInput`] naming the first value over its limit.
    fn validate(&self) -> Result<(), InvalidInput>;

    /// Secrets the input carries (a webhook's shared-secret header): removed from every error
    /// of the operation that sends it, whatever the server echoes.
    fn secrets(&self) -> Vec<&str> {
        Vec::new()
    }
}

/// `error` with the collection it happened in, for a scoped family: a 404 on a klass's custom
/// object names the klass, which may be what does not exist.
pub(crate) fn in_scope<S: Scope>(
    scope: &S,
    error: crate::protocol::error::Error,
) -> crate::protocol::error::Error {
    match scope.name() {
        None => error,
        Some(name) => error.not_found_in(|| {
            format!(
                "in klass {:?}: no such record, or no such klass (client.klasses().list() lists them)",
                crate::protocol::excerpt::excerpt_str(name)
            )
        }),
    }
}

/// `error` without any of `input`'s secrets.
pub(crate) fn without_secrets<I: Input + ?Sized>(
    input: &I,
    error: crate::protocol::error::Error,
) -> crate::protocol::error::Error {
    input
        .secrets()
        .into_iter()
        .fold(error, |error, secret| error.redact(secret))
}

/// `GET {PATH}/{id}`.
#[diagnostic::on_unimplemented(message = "Kustomer has no get-by-id operation for `{Self}`")]
pub trait Gettable: Family {}

/// `GET {PATH}?page=&pageSize=`.
#[diagnostic::on_unimplemented(
    message = "Kustomer has no list operation for `{Self}` at the top level"
)]
pub trait Listable: Family {
    /// The largest page the list serves.
    const MAX_PAGE_SIZE: u32;
    /// Query parameters the list sends unless the caller sets them
    /// ([`List::param`](crate::ops::List::param)): tags send `deleted=false`.
    const DEFAULT_PARAMS: &'static [(&'static str, &'static str)] = &[];
}

/// `POST {PATH}` with [`Creatable::Input`].
#[diagnostic::on_unimplemented(
    message = "Kustomer has no create operation for `{Self}` at the top level"
)]
pub trait Creatable: Family {
    /// What a create sends.
    type Input: Input + Clone + std::fmt::Debug + PartialEq;
    /// Whether a create is sent once, whatever the answer and the retry policy: a create with
    /// effects outside the API (an invitation's email).
    const SENT_ONCE: bool = false;

    /// What `POST {PATH}` needs beyond the input's own limits (a conversation's customer, say).
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is missing or not allowed.
    fn check_create(_input: &Self::Input) -> Result<(), InvalidInput> {
        Ok(())
    }
}

/// `PUT {PATH}/{id}?replace=` and `PATCH {PATH}/{id}` with [`Updatable::Update`].
#[diagnostic::on_unimplemented(message = "Kustomer has no update operation for `{Self}`")]
pub trait Updatable: Family {
    /// What an update sends.
    type Update: Input + Clone + std::fmt::Debug + PartialEq;
    /// The content type the spec gives the PATCH.
    const PATCH_CONTENT_TYPE: &'static str = "application/json";
    /// The `Accept` of a PATCH sent in [`PATCH_CONTENT_TYPE`](Self::PATCH_CONTENT_TYPE) when
    /// that is not `application/json`: the types the spec answers it in.
    const PATCH_ACCEPT: &'static str = "application/json";
    /// Which update methods the API offers: `PUT ?replace=` and `PATCH` unless the family says
    /// otherwise.
    const METHODS: UpdateMethods = UpdateMethods::PUT_REPLACE_AND_PATCH;

    /// What a `PUT` needs beyond the input's own limits (a note's conversation and body).
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is missing.
    fn check_put(_input: &Self::Update) -> Result<(), InvalidInput> {
        Ok(())
    }
}

/// The update methods a family has; [`UpdateMode`](crate::ops::UpdateMode) picks one of them.
/// [`UpdateMode::Merge`](crate::ops::UpdateMode::Merge) works for every family: it is
/// `PUT ?replace=false`, a plain `PUT`, or `PATCH` (brands), whichever the family has; the other
/// modes are refused before I/O where the family lacks them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct UpdateMethods {
    /// `PUT {PATH}/{id}`.
    pub put: bool,
    /// The PUT takes `?replace=true|false`.
    pub replace: bool,
    /// `PATCH {PATH}/{id}`.
    pub patch: bool,
}

impl UpdateMethods {
    /// `PUT ?replace=` and `PATCH` (customers, conversations, messages, notes).
    pub const PUT_REPLACE_AND_PATCH: Self = Self {
        put: true,
        replace: true,
        patch: true,
    };
    /// A `PUT` that sets what it is given, and `PATCH` (teams).
    pub const PUT_AND_PATCH: Self = Self {
        put: true,
        replace: false,
        patch: true,
    };
    /// A `PUT` that sets what it is given (companies, klasses, custom objects).
    pub const PUT: Self = Self {
        put: true,
        replace: false,
        patch: false,
    };
    /// `PATCH` only (brands).
    pub const PATCH: Self = Self {
        put: false,
        replace: false,
        patch: true,
    };
}

/// `DELETE {PATH}/{id}`.
#[diagnostic::on_unimplemented(message = "Kustomer has no delete operation for `{Self}`")]
pub trait Deletable: Family {
    /// Whether deleting `current` revokes the key the request is sent with (the current auth
    /// token): the client's later 401s then say so.
    const CURRENT_IS_THE_CALLERS_KEY: bool = false;
}

/// `GET {PATH}/externalId={externalId}`.
#[diagnostic::on_unimplemented(message = "Kustomer has no lookup by external ID for `{Self}`")]
pub trait ExternalIdLookup: Family {
    /// The path segment's key, before `=` (`externalId`; the spec spells messages' `externalid`).
    const EXTERNAL_ID_KEY: &'static str = "externalId";
}

/// Created or updated by your ID for it: a lookup by external ID, then an update or a create
/// ([`UpsertByExternalId`](crate::ops::UpsertByExternalId)).
#[diagnostic::on_unimplemented(message = "Kustomer has no upsert by external ID for `{Self}`")]
pub trait Upsertable: ExternalIdLookup + Creatable + Updatable {
    /// The input's external ID, the key of the lookup.
    fn external_id(input: &Self::Input) -> Option<&str>;
    /// What the update sends of the input, when the record exists.
    fn as_update(input: &Self::Input) -> Cow<'_, Self::Update>;
}

/// Found by `POST /customers/search` with `queryContext` [`Searchable::CONTEXT`].
#[diagnostic::on_unimplemented(message = "Kustomer has no search context for `{Self}`")]
pub trait Searchable: Family {
    /// The `queryContext`, e.g. `conversation`.
    const CONTEXT: &'static str;
    /// The criteria prefix, e.g. `conversation` in `conversation_status`.
    const PREFIX: &'static str;
    /// The attribute the walk past the 100-page cap sorts and bounds on, e.g.
    /// `conversation_updated_at`.
    const UPDATED_AT: &'static str;
    /// Whether the archive search (records not updated in two years) knows this context.
    const ARCHIVED: bool;
    /// The record's `updatedAt`, which the walk past the cap is keyed on.
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime>;
}

/// `POST {PATH}/bulk` and `PUT {PATH}/bulk`: up to 100 records in one job.
#[diagnostic::on_unimplemented(message = "Kustomer has no bulk operations for `{Self}`")]
pub trait BulkWritable: Creatable + Updatable {
    /// What each record of `POST {PATH}/bulk` needs beyond the input's own limits; by default
    /// what a single create needs.
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is missing or not allowed.
    fn check_bulk_create(input: &Self::Input) -> Result<(), InvalidInput> {
        Self::check_create(input)
    }

    /// What each record of `PUT {PATH}/bulk` needs beyond the input's own limits.
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is not allowed.
    fn check_bulk_update(_input: &Self::Update) -> Result<(), InvalidInput> {
        Ok(())
    }
}

/// `DELETE {PATH}/bulk?ids=`.
#[diagnostic::on_unimplemented(message = "Kustomer has no bulk delete for `{Self}`")]
pub trait BulkDeletable: BulkWritable {}

/// A family listed under one record of another: `GET {Parent::PATH}/{id}/{SEGMENT}`.
#[diagnostic::on_unimplemented(message = "Kustomer does not list `{Self}` under a `{P}`")]
pub trait ChildOf<P: Family>: Family {
    /// The path segment after the parent's ID, e.g. `messages`.
    const SEGMENT: &'static str;
    /// The largest page the list serves.
    const MAX_PAGE_SIZE: u32 = 100;
    /// Whether the list takes `fromDate` (a customer's conversations do).
    const FROM_DATE: bool = false;
}

/// One record of a family got under one record of another:
/// `GET {Parent::PATH}/{id}/{SEGMENT}/{child id}` (a draft's attachment, a customer's event).
#[diagnostic::on_unimplemented(message = "Kustomer does not get one `{Self}` under a `{P}`")]
pub trait GettableUnder<P: Family>: ChildOf<P> {}

/// One record of a family deleted under one record of another:
/// `DELETE {Parent::PATH}/{id}/{SEGMENT}/{child id}` (a draft's attachment).
#[diagnostic::on_unimplemented(message = "Kustomer does not delete one `{Self}` under a `{P}`")]
pub trait DeletableUnder<P: Family>: ChildOf<P> {}

/// A family created under one record of another: `POST {Parent::PATH}/{id}/{SEGMENT}`.
#[diagnostic::on_unimplemented(message = "Kustomer does not create `{Self}` under a `{P}`")]
pub trait CreatedUnder<P: Family>: ChildOf<P> {
    /// What the create sends.
    type Input: Input + Clone + std::fmt::Debug + PartialEq;

    /// What this create needs beyond the input's own limits (no `customer` under a customer).
    ///
    /// # Errors
    /// [`InvalidInput`] naming what is missing or not allowed.
    fn check_under(_input: &<Self as CreatedUnder<P>>::Input) -> Result<(), InvalidInput> {
        Ok(())
    }
}
