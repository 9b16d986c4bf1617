//! Create or update a customer by external ID or email, as a pure state machine.

use std::borrow::Cow;

use crate::families::customers::{CreateCustomer, CustomerInput, LookupCustomer, UpdateCustomer};
use crate::families::models::Customer;
use crate::generic::ops::UpdateMode;
use crate::protocol::error::Error;

/// What [`Customers::upsert`](crate::customers::Customers) did.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Upserted {
    /// No customer matched; this one was created.
    Created(Customer),
    /// This customer matched and was updated.
    Updated(Customer),
}

impl Upserted {
    /// The customer, either way.
    pub fn customer(&self) -> &Customer {
        match self {
            Upserted::Created(c) | Upserted::Updated(c) => c,
        }
    }
}

/// Upsert as a state machine: [`Upsert::next`] says which request to send, given the answer to
/// the last one, until the customer is created or updated. Finds the customer by
/// `input.external_id`, else by its first email; updates it (merging) if found, creates it
/// otherwise. The client's [`Customers::upsert`](crate::customers::Customers) loops over it; so
/// can your own HTTP stack.
///
/// ```
/// use kustomer::customers::{CustomerInput, Upsert, UpsertStep};
///
/// let input = CustomerInput::new().external_id("crm-42").email("ada@example.com");
/// let mut upsert = Upsert::new(&input)?;
/// assert!(matches!(upsert.next(None)?, UpsertStep::Lookup(_)));
/// // No customer has that external ID: the email is tried next.
/// let missing = kustomer::Error::NotFound(kustomer::ApiError::from_body(http::StatusCode::NOT_FOUND, b""));
/// assert!(matches!(upsert.next(Some(Err(missing)))?, UpsertStep::Lookup(_)));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone)]
pub struct Upsert<'a> {
    input: &'a CustomerInput,
    state: State,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum State {
    Start,
    ByExternalId,
    ByEmail,
    Updating,
    Creating,
    Done,
}

/// What [`Upsert::next`] says to do.
#[derive(Debug)]
#[non_exhaustive]
pub enum UpsertStep<'a> {
    /// Send this lookup and give its result to `next`.
    Lookup(LookupCustomer<'a>),
    /// Send this update and give its result to `next`.
    Update(UpdateCustomer<'a>),
    /// Send this create and give its result to `next`.
    Create(CreateCustomer<'a>),
    /// The upsert is done.
    Done(Upserted),
}

impl<'a> Upsert<'a> {
    /// An upsert of `input`, checked first.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] if the input breaks a documented limit.
    pub fn new(input: &'a CustomerInput) -> Result<Self, Error> {
        input.validate()?;
        Ok(Self {
            input,
            state: State::Start,
        })
    }

    /// The next step, given the result of the request the last step asked for (`None` at the
    /// start).
    ///
    /// # Errors
    /// Any error of a request other than a lookup's 404, which moves the upsert on.
    pub fn next(&mut self, last: Option<Result<Customer, Error>>) -> Result<UpsertStep<'a>, Error> {
        let found = match last {
            None => None,
            Some(Ok(customer)) => Some(customer),
            Some(Err(e)) if e.is_not_found() && self.is_looking_up() => None,
            Some(Err(e)) => {
                self.state = State::Done;
                return Err(e);
            }
        };
        let input = self.input;
        let step = match (self.state, found) {
            (State::Updating, Some(customer)) => UpsertStep::Done(Upserted::Updated(customer)),
            (State::Creating, Some(customer)) => UpsertStep::Done(Upserted::Created(customer)),
            (State::ByExternalId | State::ByEmail, Some(existing)) => {
                self.state = State::Updating;
                return Ok(UpsertStep::Update(
                    UpdateCustomer::new(existing.id, Cow::Borrowed(input)).mode(UpdateMode::Merge),
                ));
            }
            (State::Start, _) if input.external_id.is_some() => {
                self.state = State::ByExternalId;
                let id = input.external_id.as_deref().unwrap_or_default();
                return Ok(UpsertStep::Lookup(LookupCustomer::by_external_id(id)));
            }
            (State::Start | State::ByExternalId, _) if input.first_email().is_some() => {
                self.state = State::ByEmail;
                let email = input.first_email().unwrap_or_default();
                return Ok(UpsertStep::Lookup(LookupCustomer::by_email(email)));
            }
            (State::Start | State::ByExternalId | State::ByEmail, None) => {
                self.state = State::Creating;
                return Ok(UpsertStep::Create(CreateCustomer::new(input)));
            }
            (State::Updating | State::Creating | State::Done, None)
            | (State::Start | State::Done, Some(_)) => {
                self.state = State::Done;
                return Err(Error::Pagination {
                    reason: "the upsert was asked to go on after it ended".into(),
                });
            }
        };
        self.state = State::Done;
        Ok(step)
    }

    fn is_looking_up(&self) -> bool {
        matches!(self.state, State::ByExternalId | State::ByEmail)
    }
}
