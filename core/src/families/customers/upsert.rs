//! Create or update a customer by external ID or email, as a pure state machine.

use std::borrow::Cow;
use std::time::SystemTime;

use crate::families::customers::{
    CreateCustomer, CustomerInput, GetCustomerByExternalId, LookupCustomer, UpdateCustomer,
};
use crate::families::models::Customer;
use crate::generic::flow::{Flow, Sent, Step};
use crate::generic::ops::helpers::delegate_operation;
use crate::generic::ops::{UpdateMode, UpsertOutcome, UpsertRequest};
use crate::protocol::error::Error;
use crate::protocol::operation::Operation;

/// Old name of what a customer upsert returns: [`UpsertOutcome`], as for every family.
#[deprecated(
    since = "0.1.0",
    note = "use kustomer::ops::UpsertOutcome<Customer>, as for every family"
)]
pub type Upserted = UpsertOutcome<Customer>;

impl UpsertOutcome<Customer> {
    /// Old name of [`record`](UpsertOutcome::record).
    #[deprecated(since = "0.1.0", note = "use record(), as for every family")]
    pub fn customer(&self) -> &Customer {
        self.record()
    }
}

/// How a customer upsert finds the customer: by your ID for it, as every family is found, or
/// by email, as only customers are.
#[derive(Debug)]
#[non_exhaustive]
pub enum FindCustomer<'a> {
    /// By external ID.
    ExternalId(GetCustomerByExternalId<'a>),
    /// By email.
    Email(LookupCustomer<'a>),
}

impl Operation for FindCustomer<'_> {
    type Output = Customer;

    delegate_operation!(FindCustomer::ExternalId, FindCustomer::Email);
}

/// The requests of a customer upsert.
pub type UpsertCustomerRequest<'a> =
    UpsertRequest<FindCustomer<'a>, UpdateCustomer<'a>, CreateCustomer<'a>>;

/// A customer upsert as a [`Flow`]: finds the customer by `input.external_id`, else by its
/// first email; updates it (merging) if found, creates it otherwise.
/// [`Client::run`](crate::Client::run) drives it (as `client.customers().upsert(..)` does); so
/// can your own HTTP stack.
///
/// ```
/// use std::time::SystemTime;
/// use kustomer::customers::{CustomerInput, Upsert};
/// use kustomer::flow::{Flow, Step};
/// use kustomer::ops::UpsertRequest;
///
/// let input = CustomerInput::new().external_id("crm-42").email("ada@example.com");
/// let mut upsert = Upsert::new(&input)?;
/// let now = SystemTime::now();
/// let Step::Send(lookup) = upsert.next(None, now)? else { panic!("it looks up first") };
/// assert!(matches!(lookup, UpsertRequest::Lookup(_)));
/// // No customer has that external ID: the email is tried next.
/// let missing = kustomer::Error::NotFound(kustomer::ApiError::from_body(http::StatusCode::NOT_FOUND, b""));
/// assert!(matches!(upsert.next(Some((lookup, Err(missing))), now)?, Step::Send(UpsertRequest::Lookup(_))));
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

    fn is_looking_up(&self) -> bool {
        matches!(self.state, State::ByExternalId | State::ByEmail)
    }
}

impl<'a> Flow for Upsert<'a> {
    type Request = UpsertCustomerRequest<'a>;
    type Item = std::convert::Infallible;
    type Output = UpsertOutcome<Customer>;

    /// The next step, given the result of the request the last step asked for (`None` at the
    /// start).
    ///
    /// # Errors
    /// Any error of a request other than a lookup's 404, which moves the upsert on.
    fn next(
        &mut self,
        last: Option<Sent<UpsertCustomerRequest<'a>>>,
        _now: SystemTime,
    ) -> Result<Step<UpsertCustomerRequest<'a>, UpsertOutcome<Customer>>, Error> {
        let found = match last.map(|(_, result)| result) {
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
            (State::Updating, Some(customer)) => Step::Done(UpsertOutcome::Updated(customer)),
            (State::Creating, Some(customer)) => Step::Done(UpsertOutcome::Created(customer)),
            (State::ByExternalId | State::ByEmail, Some(existing)) => {
                self.state = State::Updating;
                return Ok(Step::Send(UpsertRequest::Update(
                    UpdateCustomer::new(existing.id, Cow::Borrowed(input)).mode(UpdateMode::Merge),
                )));
            }
            (State::Start, _) if input.external_id.is_some() => {
                self.state = State::ByExternalId;
                let id = input.external_id.as_deref().unwrap_or_default();
                return Ok(Step::Send(UpsertRequest::Lookup(FindCustomer::ExternalId(
                    GetCustomerByExternalId::new(id),
                ))));
            }
            (State::Start | State::ByExternalId, _) if input.first_email().is_some() => {
                self.state = State::ByEmail;
                let email = input.first_email().unwrap_or_default();
                return Ok(Step::Send(UpsertRequest::Lookup(FindCustomer::Email(
                    LookupCustomer::by_email(email),
                ))));
            }
            (State::Start | State::ByExternalId | State::ByEmail, None) => {
                self.state = State::Creating;
                return Ok(Step::Send(UpsertRequest::Create(CreateCustomer::new(
                    input,
                ))));
            }
            (State::Updating | State::Creating | State::Done, None)
            | (State::Start | State::Done, Some(_)) => {
                self.state = State::Done;
                return Err(Error::FlowEnded { flow: "upsert" });
            }
        };
        self.state = State::Done;
        Ok(step)
    }
}
