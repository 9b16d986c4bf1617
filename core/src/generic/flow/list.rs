//! A paged list as a flow: every item of every page, following `links.next`.

use std::time::SystemTime;

use http::Request;

use crate::generic::flow::step::{Flow, Sent, Step};
use crate::protocol::base_url::BaseUrl;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::page::{BadRecord, Cursor, Page, PagedOperation, Record};

/// Every item of a paged list as a pure [`Flow`]: it asks for a page, yields its items, and
/// asks for the next page until `links.next` is null. It ends with an error (once) if a request
/// fails, a `next` link repeats or leaves the configured host, or pages stop bringing new items
/// (see [`Cursor`]); an item repeated within the last few pages is yielded once. An item that
/// cannot be read is yielded as an [`Error::BadRecord`] after the good items of its page, and
/// the list goes on. A capped list (a search) ends at its last page without asking for the next.
///
/// The client drives it as [`Paginated`](crate::Paginated); your own loop can too:
///
/// ```
/// use kustomer::flow::{Flow, ListFlow, Step};
/// use kustomer::{ApiKey, Config, Operation, tags::ListTags};
///
/// let send = |request: http::Request<Vec<u8>>| -> http::Response<Vec<u8>> {
///     let body: &[u8] = if request.uri().query() == Some("deleted=false") {
///         br#"{"data":[{"id":"a"},{"id":"b"}],"links":{"next":"/v1/tags?page=2&deleted=false"}}"#
///     } else {
///         br#"{"data":[{"id":"c"}],"links":{"next":null}}"#
///     };
///     http::Response::new(body.to_vec())
/// };
/// let config = Config::new(ApiKey::new("key")?);
/// let mut flow = ListFlow::new(ListTags::new(), &config);
/// let (mut last, mut ids) = (None, Vec::new());
/// loop {
///     match flow.next(last.take(), std::time::SystemTime::now())? {
///         Step::Send(op) => {
///             let result = op.parse(send(op.build(&config)?));
///             last = Some((op, result));
///         }
///         Step::Yield(tag) => ids.push(tag?.id),
///         Step::Wait(pause) => std::thread::sleep(pause),
///         Step::Done(()) => break,
///         _ => unreachable!("no other step today"),
///     }
/// }
/// assert_eq!(ids, ["a", "b", "c"]);
/// # Ok::<(), kustomer::Error>(())
/// ```
pub struct ListFlow<O: PagedOperation> {
    /// The next page's operation; `None` once it is sent, until its page comes back.
    next: Option<O>,
    /// Pages the API still serves, for a capped list (a search).
    pages_left: Option<u32>,
    capped: bool,
    cursor: Cursor,
    base: BaseUrl,
    items: std::vec::IntoIter<O::Item>,
    rejected: std::vec::IntoIter<BadRecord>,
    /// An error found with a page, returned after its items.
    pending: Option<Error>,
    /// A page was asked for and has not come back.
    in_flight: bool,
    done: bool,
}

impl<O: PagedOperation> ListFlow<O> {
    /// Every item of the list `first` starts, on the API `config` names (its `next` links must
    /// stay on that host).
    pub fn new(first: O, config: &Config) -> Self {
        let request = first.build(config).ok();
        Self::starting(first, request.as_ref(), config.base_url())
    }

    /// The list `first` starts, whose first request is `request` as built (when it built):
    /// its own path counts as read, so a `next` link back to it is a repeat.
    pub(crate) fn starting(first: O, request: Option<&Request<Vec<u8>>>, base: &BaseUrl) -> Self {
        let cursor = request
            .and_then(|request| {
                let uri = request.uri().to_string();
                let rest = uri.strip_prefix(base.as_str())?.strip_prefix("/v1")?;
                Some(Cursor::starting_at(rest))
            })
            .unwrap_or_default();
        Self {
            pages_left: first.pages_served(),
            next: Some(first),
            capped: false,
            cursor,
            base: base.clone(),
            items: Vec::new().into_iter(),
            rejected: Vec::new().into_iter(),
            pending: None,
            in_flight: false,
            done: false,
        }
    }

    /// Whether the list stopped at the API's cap with results left: a search serves 100 pages
    /// and no more.
    pub fn capped(&self) -> bool {
        self.capped
    }

    /// Whether it has ended.
    pub fn is_done(&self) -> bool {
        self.done
    }

    /// Reads a page: its new items and unreadable records to yield, and the next page's
    /// operation (moved on from `op`) or the error to end with after them.
    fn take(&mut self, op: O, page: Page<O::Item>) -> Result<(), Error>
    where
        O::Item: Record,
    {
        let has_next = page.links.next.as_deref().is_some_and(|n| !n.is_empty());
        // An unreadable item is new once: one a page repeats is not reported again.
        let (items, rejected) = self
            .cursor
            .fresh_page(page.items, page.rejected, has_next)?;
        self.items = items.into_iter();
        self.rejected = rejected.into_iter();
        self.pages_left = self.pages_left.map(|left| left.saturating_sub(1));
        match self.cursor.advance(&self.base, &page.links) {
            // The API's cap: its next page would be refused, so the list ends here.
            Ok(Some(_)) if self.pages_left == Some(0) => self.capped = true,
            Ok(next) => self.next = next.map(|path| op.at(path)),
            // This page's items first, then the error.
            Err(e) => self.pending = Some(e),
        }
        Ok(())
    }
}

impl<O: PagedOperation> Flow for ListFlow<O>
where
    O::Item: Record,
{
    type Request = O;
    type Item = Result<O::Item, Error>;
    type Output = ();

    /// The next step: a page to send, one of its items, or the end.
    ///
    /// # Errors
    /// The error of a page's request, a `next` link that repeats or leaves the host, or pages
    /// that bring nothing new; after it the list has ended.
    fn next(
        &mut self,
        last: Option<Sent<O>>,
        _now: SystemTime,
    ) -> Result<Step<O, (), Result<O::Item, Error>>, Error> {
        if let Some((op, result)) = last {
            self.in_flight = false;
            let read = result.and_then(|page| self.take(op, page));
            if let Err(e) = read {
                self.done = true;
                self.next = None;
                return Err(e);
            }
        }
        if self.in_flight {
            // Asked for the next step without the page it asked for: it cannot go on.
            self.done = true;
            return Err(Error::FlowEnded { flow: "list" });
        }
        if let Some(item) = self.items.next() {
            return Ok(Step::Yield(Ok(item)));
        }
        if let Some(record) = self.rejected.next() {
            return Ok(Step::Yield(Err(Error::BadRecord(Box::new(record)))));
        }
        if let Some(error) = self.pending.take() {
            self.done = true;
            return Err(error);
        }
        match self.next.take() {
            Some(op) => {
                self.in_flight = true;
                Ok(Step::Send(op))
            }
            None if self.done => Err(Error::FlowEnded { flow: "list" }),
            None => {
                self.done = true;
                Ok(Step::Done(()))
            }
        }
    }
}

impl<O: PagedOperation> std::fmt::Debug for ListFlow<O> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ListFlow")
            .field("done", &self.done)
            .field("capped", &self.capped)
            .finish_non_exhaustive()
    }
}

#[cfg(test)]
mod tests {
    use http::Response;

    use super::*;
    use crate::families::models::Tag;
    use crate::generic::flow::step::StepOf;
    use crate::generic::ops::List;
    use crate::protocol::operation::Operation;
    use crate::protocol::secret::ApiKey;

    const T0: SystemTime = SystemTime::UNIX_EPOCH;

    fn config() -> Config {
        Config::new(ApiKey::new("key").unwrap())
    }

    /// Answers `op` with `body`, as a driver would.
    fn answer(op: List<Tag>, body: &str) -> Option<Sent<List<Tag>>> {
        let result = op.parse(Response::new(body.as_bytes()));
        Some((op, result))
    }

    fn send(step: Result<StepOf<ListFlow<List<Tag>>>, Error>) -> List<Tag> {
        match step {
            Ok(Step::Send(op)) => op,
            other => panic!("{other:?}"),
        }
    }

    fn yielded(step: Result<StepOf<ListFlow<List<Tag>>>, Error>) -> Result<Tag, Error> {
        match step {
            Ok(Step::Yield(item)) => item,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_list_yields_each_page_then_its_unreadable_items_then_moves_its_request_on() {
        let config = config();
        let mut flow = ListFlow::new(List::<Tag>::new(), &config);
        let first = send(flow.next(None, T0));
        let page = r#"{"data":[{"id":"a"},7,{"id":"b"}],"links":{"next":"/v1/tags?page=2"}}"#;
        assert_eq!(yielded(flow.next(answer(first, page), T0)).unwrap().id, "a");
        assert_eq!(yielded(flow.next(None, T0)).unwrap().id, "b");
        assert!(matches!(
            yielded(flow.next(None, T0)),
            Err(Error::BadRecord(_))
        ));
        let second = send(flow.next(None, T0));
        assert_eq!(
            second
                .build(&config)
                .unwrap()
                .uri()
                .path_and_query()
                .unwrap(),
            "/v1/tags?page=2"
        );
        let last = r#"{"data":[{"id":"c"}],"links":{"next":null}}"#;
        assert_eq!(
            yielded(flow.next(answer(second, last), T0)).unwrap().id,
            "c"
        );
        assert!(matches!(flow.next(None, T0), Ok(Step::Done(()))));
        assert!(flow.is_done());
        assert!(matches!(
            flow.next(None, T0),
            Err(Error::FlowEnded { flow: "list" })
        ));
    }

    #[test]
    fn a_link_back_to_the_first_page_ends_the_list_after_its_items() {
        let config = config();
        let mut flow = ListFlow::new(List::<Tag>::new(), &config);
        let first = send(flow.next(None, T0));
        let page = r#"{"data":[{"id":"a"}],"links":{"next":"/v1/tags?deleted=false"}}"#;
        assert_eq!(yielded(flow.next(answer(first, page), T0)).unwrap().id, "a");
        assert!(matches!(flow.next(None, T0), Err(Error::Pagination { .. })));
        assert!(flow.is_done());
    }

    #[test]
    fn a_failed_page_or_a_missing_answer_ends_the_list() {
        let config = config();
        let mut flow = ListFlow::new(List::<Tag>::new(), &config);
        let first = send(flow.next(None, T0));
        let failed = Some((first, Err(Error::Cancelled)));
        assert!(matches!(flow.next(failed, T0), Err(Error::Cancelled)));
        assert!(flow.is_done());

        let mut flow = ListFlow::new(List::<Tag>::new(), &config);
        let _sent = send(flow.next(None, T0));
        assert!(matches!(
            flow.next(None, T0),
            Err(Error::FlowEnded { flow: "list" })
        ));
    }
}
