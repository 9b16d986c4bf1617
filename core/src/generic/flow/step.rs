//! The vocabulary: a step, a flow, a request sent with its result.

use std::convert::Infallible;
use std::time::{Duration, SystemTime};

use crate::protocol::error::Error;
use crate::protocol::operation::Operation;

/// What a [`Flow`] says to do next. `Item` is what it yields on the way: nothing
/// ([`Infallible`]) for a flow that only ends with its output.
#[derive(Debug)]
#[non_exhaustive]
pub enum Step<Op, Out, Item = Infallible> {
    /// Send this request, then give it back with its result to [`Flow::next`].
    Send(Op),
    /// Wait this long, then call [`Flow::next`] with `None`.
    Wait(Duration),
    /// One item of a flow that yields as it goes (a list, a search walk); call
    /// [`Flow::next`] with `None` for the next step.
    Yield(Item),
    /// The flow is done, with this.
    Done(Out),
}

/// The step type of flow `F`.
pub type StepOf<F> = Step<<F as Flow>::Request, <F as Flow>::Output, <F as Flow>::Item>;

/// A request a flow asked for, given back with its result: the flow moves it on (a list's next
/// page) instead of copying it.
pub type Sent<Op> = (Op, Result<<Op as Operation>::Output, Error>);

/// A flow of several requests as a pure state machine: [`next`](Flow::next) takes the request
/// it last asked for with its result (`None` at the start, after a wait and after an item) and
/// the time, and says what to do. It never does I/O, so a flow runs the same on the [`Client`](crate::Client)
/// ([`Client::run`](crate::Client::run)) and on your own HTTP stack:
///
/// ```
/// use kustomer::flow::{Flow, Step};
/// use kustomer::{ApiKey, Config, Operation, custom_objects::KObjectInput, models::KObject};
/// use kustomer::ops::UpsertByExternalId;
///
/// // Your own stack: here, a server where nothing exists yet and every create succeeds.
/// let send = |request: http::Request<Vec<u8>>| -> http::Response<Vec<u8>> {
///     let status = if request.method() == http::Method::GET { 404 } else { 201 };
///     let body = br#"{"data":{"id":"5f3c0d0e2f1a4b0012ab34cd","type":"kobject.order"}}"#;
///     http::Response::builder().status(status).body(body.to_vec()).unwrap()
/// };
/// let config = Config::new(ApiKey::new("key")?);
/// let input = KObjectInput::new("Order #7").external_id("order-7");
/// let mut flow = UpsertByExternalId::<KObject>::within("order", &input)?;
/// let mut last = None;
/// let outcome = loop {
///     match flow.next(last.take(), std::time::SystemTime::now())? {
///         Step::Send(op) => {
///             let result = op.parse(send(op.build(&config)?));
///             last = Some((op, result));
///         }
///         Step::Wait(pause) => std::thread::sleep(pause),
///         Step::Done(outcome) => break outcome,
///         _ => unreachable!("an upsert yields no items"),
///     }
/// };
/// assert_eq!(outcome.record().id, "5f3c0d0e2f1a4b0012ab34cd");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub trait Flow {
    /// The requests it sends (an enum when it sends several kinds).
    type Request: Operation;
    /// What it yields on the way ([`Step::Yield`]): [`Infallible`] for a flow that only ends.
    type Item;
    /// What it ends with.
    type Output;

    /// The next step, given the request the last step asked for with its result, and the time.
    ///
    /// # Errors
    /// The error of a request the flow cannot go on after, or its own (a bulk job still
    /// running when the time allowed is up, [`Error::FlowEnded`] after its end).
    fn next(
        &mut self,
        last: Option<Sent<Self::Request>>,
        now: SystemTime,
    ) -> Result<StepOf<Self>, Error>;
}
