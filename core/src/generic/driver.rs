//! The one loop that drives every multi-request flow on the client, and the flows it offers
//! by name.

use std::convert::Infallible;
use std::time::Duration;

use crate::generic::bulk::{BulkReport, BulkWait, ListBulkBatches};
use crate::generic::client::Client;
use crate::generic::family::Upsertable;
use crate::generic::flow::{Flow, Step};
use crate::generic::handle::Handle;
use crate::generic::ops::{UpsertByExternalId, UpsertOutcome};
use crate::generic::paginated::{Items, Paginated};
use crate::protocol::error::Error;
use crate::protocol::transport::Transport;

impl<T: Transport> Client<T> {
    /// Drives `flow` to its end: sends what it asks (with the client's pacing and retries),
    /// waits on the client's clock, and returns what it ends with.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(if r.method() == http::Method::GET {
    /// #     http::Response::builder().status(404).body(Vec::new()).unwrap()
    /// # } else {
    /// #     http::Response::builder().status(201).body(br#"{"data":{"id":"5f3c0d0e2f1a4b0012ab34cd"}}"#.to_vec()).unwrap()
    /// # });
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::{CustomerInput, Upsert};
    /// use kustomer::ops::UpsertOutcome;
    ///
    /// let input = CustomerInput::new().external_id("crm-42").name("Ada");
    /// let outcome = client.run(Upsert::new(&input)?)?;
    /// assert!(matches!(outcome, UpsertOutcome::Created(_)));
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// Whatever the flow returns.
    pub fn run<F: Flow<Item = Infallible>>(&self, mut flow: F) -> Result<F::Output, Error> {
        let mut last = None;
        loop {
            match flow.next(last.take(), self.now()) {
                Ok(Step::Send(op)) => {
                    let result = self.execute(&op);
                    last = Some((op, result));
                }
                Ok(Step::Wait(pause)) => self.sleep(pause),
                Ok(Step::Yield(never)) => match never {},
                Ok(Step::Done(output)) => return Ok(output),
                Err(error) => return Err(self.scrub(error)),
            }
        }
    }

    /// The items of `flow` (a [`ListFlow`](crate::flow::ListFlow), a search
    /// [`Walk`](crate::ops::Walk), or a flow of your own that yields as it goes), driven as
    /// [`run`](Self::run) drives a flow: one step each time an item is asked for.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |_r: http::Request<Vec<u8>>| Ok::<_, std::io::Error>(http::Response::new(
    /// #     br#"{"data":[{"id":"a","attributes":{"name":"vip"}}],"links":{"next":null}}"#.to_vec()));
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::flow::ListFlow;
    /// use kustomer::tags::ListTags;
    ///
    /// let tags = client.items(ListFlow::new(ListTags::new(), client.config()));
    /// assert_eq!(tags.count(), 1);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn items<I, F: Flow<Item = Result<I, Error>>>(&self, flow: F) -> Items<'_, T, F> {
        Items::driving(self, flow, None)
    }

    /// Polls bulk job `job_id` every `interval` (on the client's clock) until it ends, then
    /// reads its batches and collects every failed record. Polling is bounded by `max_wait` of
    /// clock time and of time slept (see [`BulkWait`]).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use std::time::Duration;
    ///
    /// let jobs = client.customers().bulk_delete(["58210c3db0f09110006b7953"])?;
    /// for job in jobs {
    ///     let report = client.wait_for_bulk(&job.id, Duration::from_secs(2), Duration::from_secs(300))?;
    ///     println!("{} records failed", report.failures.len());
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::JobUnfinished`] if it has not ended after `max_wait`; any error of the polls.
    pub fn wait_for_bulk(
        &self,
        job_id: &str,
        interval: Duration,
        max_wait: Duration,
    ) -> Result<BulkReport, Error> {
        let job = self.run(BulkWait::new(job_id, interval, max_wait, self.now()))?;
        let batches = Paginated::new(self, ListBulkBatches::new(job_id.to_owned()))
            .collect::<Result<Vec<_>, _>>()?;
        Ok(BulkReport::new(job, batches))
    }
}

impl<T: Transport, R: Upsertable> Handle<'_, T, R> {
    /// Creates or updates the record with the input's external ID: the
    /// [`UpsertByExternalId`] flow, driven by [`Client::run`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::custom_objects::KObjectInput;
    ///
    /// let input = KObjectInput::new("Order #7").external_id("order-7").custom_num("totalNum", 120.0);
    /// let order = client.custom_objects("order").upsert_by_external_id(&input)?.into_record();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ///
    /// # Errors
    /// [`Error::InvalidInput`] before any request if the input has no external ID or breaks a
    /// limit; any error of its requests but the lookup's 404 and the create's first 409.
    pub fn upsert_by_external_id(&self, input: &R::Input) -> Result<UpsertOutcome<R>, Error> {
        self.client().run(UpsertByExternalId::<R>::within(
            self.scope().clone(),
            input,
        )?)
    }
}
