//! Multi-request flows (an upsert, a bulk wait) in one vocabulary: a pure state machine says
//! "send this", "wait this long" or "done", and one loop drives them all, the client's
//! ([`Client::run`](crate::Client::run)) or your own over any HTTP stack.

use std::time::{Duration, SystemTime};

use crate::protocol::error::Error;
use crate::protocol::operation::Operation;

/// What a [`Flow`] says to do next.
#[derive(Debug)]
#[non_exhaustive]
pub enum Step<Op, Out> {
    /// Send this request, then give its result to [`Flow::next`].
    Send(Op),
    /// Wait this long, then call [`Flow::next`] with `None`.
    Wait(Duration),
    /// The flow is done, with this.
    Done(Out),
}

/// A flow of several requests as a pure state machine: [`next`](Flow::next) takes the result
/// of the request it last asked for (`None` at the start and after a wait) and the time, and
/// says what to do. It never does I/O, so a flow runs the same on the [`Client`](crate::Client)
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
///         Step::Send(op) => last = Some(op.parse(send(op.build(&config)?))),
///         Step::Wait(pause) => std::thread::sleep(pause),
///         Step::Done(outcome) => break outcome,
///         _ => unreachable!("Step has no other variant today"),
///     }
/// };
/// assert_eq!(outcome.record().id, "5f3c0d0e2f1a4b0012ab34cd");
/// # Ok::<(), kustomer::Error>(())
/// ```
pub trait Flow {
    /// The requests it sends (an enum when it sends several kinds).
    type Request: Operation;
    /// What it ends with.
    type Output;

    /// The next step, given the result of the request the last step asked for and the time.
    ///
    /// # Errors
    /// The error of a request the flow cannot go on after, or its own (a bulk job still
    /// running when the time allowed is up, [`Error::FlowEnded`] after its end).
    fn next(
        &mut self,
        last: Option<Result<<Self::Request as Operation>::Output, Error>>,
        now: SystemTime,
    ) -> Result<Step<Self::Request, Self::Output>, Error>;
}
