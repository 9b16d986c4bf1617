//! Create or update a record by your ID for it, as a pure state machine.

use std::borrow::Cow;

use std::time::SystemTime;

use crate::generic::family::{Input, Upsertable};
use crate::generic::flow::{Flow, Sent, Step};
use crate::generic::ops::helpers::delegate_operation;
use crate::generic::ops::{Create, GetByExternalId, Update, UpdateMode};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::operation::Operation;

/// What an upsert did.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum UpsertOutcome<R> {
    /// No record had the external ID; this one was created.
    Created(R),
    /// This record had it, and was updated.
    Updated(R),
}

impl<R> UpsertOutcome<R> {
    /// The record, either way.
    pub fn record(&self) -> &R {
        match self {
            UpsertOutcome::Created(r) | UpsertOutcome::Updated(r) => r,
        }
    }

    /// The record, either way, owned.
    pub fn into_record(self) -> R {
        match self {
            UpsertOutcome::Created(r) | UpsertOutcome::Updated(r) => r,
        }
    }
}

/// One request of an upsert flow: the lookup, then the update or the create. Every upsert
/// (by external ID for any family, a customer's by external ID or email) sends these, so one
/// loop drives them all.
#[derive(Debug)]
#[non_exhaustive]
pub enum UpsertRequest<L, U, C> {
    /// Find the record.
    Lookup(L),
    /// Update the record found.
    Update(U),
    /// Create the record, none being found.
    Create(C),
}

impl<L, U, C, O> Operation for UpsertRequest<L, U, C>
where
    L: Operation<Output = O>,
    U: Operation<Output = O>,
    C: Operation<Output = O>,
{
    type Output = O;

    delegate_operation!(
        UpsertRequest::Lookup,
        UpsertRequest::Update,
        UpsertRequest::Create
    );
}

/// The requests of an upsert by external ID.
pub type UpsertByExternalIdRequest<'a, R> =
    UpsertRequest<GetByExternalId<'a, R>, Update<'a, R>, Create<'a, R>>;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    Looking { again: bool },
    Updating,
    Creating,
    Done,
}

/// Upsert by external ID as a [`Flow`]: looks the record up by the input's external ID,
/// updates it if found, creates it otherwise. If the create is refused as a conflict (someone
/// created it meanwhile), it looks up once more and updates. [`Client::run`](crate::Client::run)
/// drives it (as the handles' `upsert_by_external_id` do); so can your own HTTP stack.
///
/// ```
/// use std::time::SystemTime;
/// use kustomer::custom_objects::KObjectInput;
/// use kustomer::flow::{Flow, Step};
/// use kustomer::models::KObject;
/// use kustomer::ops::{UpsertByExternalId, UpsertRequest};
///
/// let input = KObjectInput::new("Order #7").external_id("order-7");
/// let mut upsert = UpsertByExternalId::<KObject>::within("order", &input)?;
/// let now = SystemTime::now();
/// let Step::Send(lookup) = upsert.next(None, now)? else { panic!("it looks up first") };
/// assert!(matches!(lookup, UpsertRequest::Lookup(_)));
/// let missing = kustomer::Error::NotFound(kustomer::ApiError::from_body(http::StatusCode::NOT_FOUND, b""));
/// assert!(matches!(upsert.next(Some((lookup, Err(missing))), now)?, Step::Send(UpsertRequest::Create(_))));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug)]
pub struct UpsertByExternalId<'a, R: Upsertable> {
    scope: R::Scope,
    input: &'a R::Input,
    external_id: &'a str,
    state: State,
}

impl<'a, R: Upsertable> UpsertByExternalId<'a, R> {
    /// An upsert of `input` in one of the family's collections, checked first.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] if the input breaks a documented limit or has no external ID.
    pub fn within(scope: impl Into<R::Scope>, input: &'a R::Input) -> Result<Self, Error> {
        input.validate()?;
        R::check_create(input)?;
        let external_id = R::external_id(input)
            .ok_or_else(|| InvalidInput::new("externalId", "is required for an upsert"))?;
        Ok(Self {
            scope: scope.into(),
            input,
            external_id,
            state: State::Start,
        })
    }
}

impl<'a, R: Upsertable> Flow for UpsertByExternalId<'a, R> {
    type Request = UpsertByExternalIdRequest<'a, R>;
    type Item = std::convert::Infallible;
    type Output = UpsertOutcome<R>;

    /// The next step, given the result of the request the last step asked for (`None` at the
    /// start).
    ///
    /// # Errors
    /// Any error of a request other than the lookup's 404 and the create's first 409, which
    /// move the upsert on.
    fn next(
        &mut self,
        last: Option<Sent<UpsertByExternalIdRequest<'a, R>>>,
        _now: SystemTime,
    ) -> Result<Step<UpsertByExternalIdRequest<'a, R>, UpsertOutcome<R>>, Error> {
        let last = last.map(|(_, result)| result);
        let state = std::mem::replace(&mut self.state, State::Done);
        let (scope, input) = (self.scope.clone(), self.input);
        let step = match (state, last) {
            (State::Start, None) => {
                self.state = State::Looking { again: false };
                Step::Send(UpsertRequest::Lookup(GetByExternalId::within(
                    scope,
                    self.external_id,
                )))
            }
            (State::Looking { .. }, Some(Ok(found))) => {
                self.state = State::Updating;
                Step::Send(UpsertRequest::Update(
                    Update::within(scope, found.record_id_owned(), R::as_update(input))
                        .mode(UpdateMode::Merge),
                ))
            }
            (State::Looking { again: false }, Some(Err(e))) if e.is_not_found() => {
                self.state = State::Creating;
                Step::Send(UpsertRequest::Create(Create::within(
                    scope,
                    Cow::Borrowed(input),
                )))
            }
            (State::Creating, Some(Err(e))) if e.is_conflict() => {
                self.state = State::Looking { again: true };
                Step::Send(UpsertRequest::Lookup(GetByExternalId::within(
                    scope,
                    self.external_id,
                )))
            }
            (State::Updating, Some(Ok(record))) => Step::Done(UpsertOutcome::Updated(record)),
            (State::Creating, Some(Ok(record))) => Step::Done(UpsertOutcome::Created(record)),
            (_, Some(Err(e))) => return Err(e),
            _ => {
                return Err(Error::FlowEnded { flow: "upsert" });
            }
        };
        Ok(step)
    }
}

/// An owned ID for the update.
trait OwnedId {
    fn record_id_owned(&self) -> String;
}

impl<R: crate::protocol::page::Record> OwnedId for R {
    fn record_id_owned(&self) -> String {
        self.record_id().unwrap_or_default().to_owned()
    }
}

#[cfg(test)]
mod tests {
    use http::StatusCode;

    use std::time::SystemTime;

    use super::{UpsertByExternalId, UpsertOutcome, UpsertRequest as Request};
    use crate::families::custom_objects::KObjectInput;
    use crate::families::models::KObject;
    use crate::generic::flow::{Flow, Step};
    use crate::protocol::error::{ApiError, Error};

    fn order(id: &str) -> KObject {
        let body = format!(r#"{{"id":"{id}","type":"kobject.order","attributes":{{}}}}"#);
        serde_json::from_str(&body).unwrap_or_else(|e| panic!("{e}"))
    }

    fn status(code: StatusCode) -> Error {
        let api = ApiError::from_body(code, b"");
        if code == StatusCode::NOT_FOUND {
            Error::NotFound(api)
        } else {
            Error::Conflict(api)
        }
    }

    const T0: SystemTime = SystemTime::UNIX_EPOCH;

    /// The request the step asks to send.
    fn sent<'a>(
        step: Result<Step<UpsertRequest<'a, KObject>, UpsertOutcome<KObject>>, Error>,
    ) -> UpsertRequest<'a, KObject> {
        match step {
            Ok(Step::Send(op)) => op,
            other => panic!("{other:?}"),
        }
    }

    type UpsertRequest<'a, R> = super::UpsertByExternalIdRequest<'a, R>;

    #[test]
    fn a_create_that_conflicts_looks_up_once_more_and_updates() {
        let input = KObjectInput::new("Order").external_id("o-1");
        let mut upsert = UpsertByExternalId::<KObject>::within("order", &input).unwrap();
        let lookup = sent(upsert.next(None, T0));
        assert!(matches!(lookup, Request::Lookup(_)));
        let create = sent(upsert.next(Some((lookup, Err(status(StatusCode::NOT_FOUND)))), T0));
        assert!(matches!(create, Request::Create(_)));
        let again = sent(upsert.next(Some((create, Err(status(StatusCode::CONFLICT)))), T0));
        assert!(matches!(again, Request::Lookup(_)));
        let update = sent(upsert.next(Some((again, Ok(order("a")))), T0));
        match &update {
            Request::Update(op) => assert!(format!("{op:?}").contains("\"a\"")),
            other => panic!("{other:?}"),
        }
        match upsert.next(Some((update, Ok(order("a")))), T0) {
            Ok(Step::Done(UpsertOutcome::Updated(o))) => assert_eq!(o.id, "a"),
            other => panic!("{other:?}"),
        }
        assert!(
            matches!(
                upsert.next(None, T0),
                Err(Error::FlowEnded { flow: "upsert" })
            ),
            "it has ended"
        );
    }

    #[test]
    fn a_second_miss_or_a_second_conflict_is_the_callers() {
        let input = KObjectInput::new("Order").external_id("o-1");
        let mut upsert = UpsertByExternalId::<KObject>::within("order", &input).unwrap();
        let lookup = sent(upsert.next(None, T0));
        let create = sent(upsert.next(Some((lookup, Err(status(StatusCode::NOT_FOUND)))), T0));
        let again = sent(upsert.next(Some((create, Err(status(StatusCode::CONFLICT)))), T0));
        // Gone again after the conflict: no loop, the 404 is returned.
        let gone = upsert.next(Some((again, Err(status(StatusCode::NOT_FOUND)))), T0);
        assert!(matches!(gone, Err(Error::NotFound(_))));
        assert!(
            UpsertByExternalId::<KObject>::within("order", &KObjectInput::new("No key")).is_err()
        );
    }
}
