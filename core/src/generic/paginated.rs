//! The iterators a handle returns: every item of a paged list ([`Paginated`]), and every result
//! of a search past its 100-page cap ([`Walking`]), both the client driving a flow that yields
//! as it goes ([`Items`]). Each holds one page at a time.

use std::fmt;

use http::Request;

use crate::generic::client::Client;
use crate::generic::family::Searchable;
use crate::generic::flow::ListFlow;
use crate::generic::flow::{Flow, Sent, Step};
use crate::generic::ops::Walk;
use crate::protocol::error::Error;
use crate::protocol::page::{PagedOperation, Record};
use crate::protocol::transport::Transport;

/// The items of a [`Flow`] that yields as it goes, driven by the client: each time an item is
/// asked for, it sends the requests the flow asks for (with the client's pacing and retries)
/// and waits on the client's clock until the flow yields one. It ends after the flow's end or
/// its error (returned once). From [`Client::items`](crate::Client::items); a handle's lists
/// and searches are [`Paginated`] and [`Walking`].
pub struct Items<'c, T, F: Flow> {
    client: &'c Client<T>,
    flow: F,
    /// The first request, built ahead (a list's, whose path starts its cursor): sent as is.
    first: Option<Request<Vec<u8>>>,
    last: Option<Sent<F::Request>>,
    done: bool,
}

impl<'c, T, F: Flow> Items<'c, T, F> {
    pub(crate) fn driving(client: &'c Client<T>, flow: F, first: Option<Request<Vec<u8>>>) -> Self {
        Self {
            client,
            flow,
            first,
            last: None,
            done: false,
        }
    }

    /// The flow, as driven so far.
    pub fn flow(&self) -> &F {
        &self.flow
    }
}

impl<T: Transport, I, F: Flow<Item = Result<I, Error>>> Iterator for Items<'_, T, F> {
    type Item = Result<I, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        while !self.done {
            match self.flow.next(self.last.take(), self.client.now()) {
                Ok(Step::Send(op)) => {
                    let result = match self.first.take() {
                        Some(request) => self
                            .client
                            .execute_built(&op, request, None)
                            .map(|reply| reply.value),
                        None => self.client.execute(&op),
                    };
                    self.last = Some((op, result));
                }
                Ok(Step::Wait(pause)) => self.client.sleep(pause),
                Ok(Step::Yield(item)) => return Some(item.map_err(|e| self.client.scrub(e))),
                Ok(Step::Done(_)) => self.done = true,
                Err(e) => {
                    self.done = true;
                    return Some(Err(self.client.scrub(e)));
                }
            }
        }
        None
    }
}

impl<T, F: Flow + fmt::Debug> fmt::Debug for Items<'_, T, F> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("flow", &self.flow)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

/// Every item of a paged list, fetching a page when the last one is used up: the client driving
/// a [`ListFlow`]. It holds one page at a time, follows `links.next` until it is null, and ends
/// with an error (once) if a request fails, a `next` link repeats or leaves the configured host,
/// or pages stop bringing new items (see [`Cursor`](crate::page::Cursor)). An item repeated
/// within the last few pages is yielded once.
///
/// An item that cannot be read comes as an [`Error::BadRecord`] (its raw JSON inside) after the
/// good items of its page, and the list goes on: skip it with `filter_map`, or log it and go on,
/// rather than stop at the first error with `collect::<Result<Vec<_>, _>>()`.
pub type Paginated<'c, T, O> = Items<'c, T, ListFlow<O>>;

impl<'c, T, O: PagedOperation> Items<'c, T, ListFlow<O>>
where
    O::Item: Record,
{
    /// The list `first` starts. Its first request is built once, here: its path starts the
    /// cursor, and it is sent as is (one that does not build is built again when sent, to
    /// return its error then).
    pub(crate) fn new(client: &'c Client<T>, first: O) -> Self {
        let config = client.config();
        let request = first.build(config).ok();
        let flow = ListFlow::starting(first, request.as_ref(), config.base_url());
        Self::driving(client, flow, request)
    }

    /// Whether the list stopped at the API's cap with results left: a search serves 100 pages
    /// and no more. [`Handle::search_all`](crate::Handle::search_all) walks past the cap to every result.
    ///
    /// ```
    /// # use kustomer::{ApiKey, Client, Config};
    /// # let transport = |r: http::Request<Vec<u8>>| {
    /// #     let page: u32 = r.uri().query().and_then(|q| q.split('&').find_map(|p| p.strip_prefix("page="))).map_or(1, |p| p.parse().unwrap());
    /// #     let body = format!(r#"{{"data":[{{"id":"c{page}"}}],"links":{{"next":"/v1/customers/search?page={}&pageSize=1"}}}}"#, page + 1);
    /// #     Ok::<_, std::io::Error>(http::Response::new(body.into_bytes()))
    /// # };
    /// # let client = Client::new(Config::new(ApiKey::new("key")?), transport);
    /// use kustomer::customers::SearchCustomers;
    /// use kustomer::search::SearchQuery;
    ///
    /// let mut results = client.customers().search(SearchCustomers::new(SearchQuery::customers()).page_size(1));
    /// let ids = results.by_ref().collect::<Result<Vec<_>, _>>()?;
    /// assert_eq!(ids.len(), 100); // pages 1 to 100, and no request for page 101
    /// assert!(results.capped()); // more were there: search_all reads them all
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn capped(&self) -> bool {
        self.flow.capped()
    }
}

/// Every result of a search, past the 100-page cap: the client driving a search
/// [`Walk`]; from [`Handle::search_all`](crate::Handle::search_all).
pub type Walking<'c, T, R> = Items<'c, T, Walk<R>>;

impl<'c, T, R: Searchable> Items<'c, T, Walk<R>> {
    pub(crate) fn new(client: &'c Client<T>, walk: Walk<R>) -> Self {
        Self::driving(client, walk, None)
    }

    /// Whether each result keeps its own JSON (on by default): `false` saves a copy of each
    /// record's bytes, for a walk that never reads `raw_document` or `attribute(name)`.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::search::SearchQuery;
    ///
    /// for customer in client.customers().search_all(SearchQuery::customers(), 500).keep_raw(false) {
    ///     assert!(customer?.raw_document().is_none());
    /// }
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn keep_raw(mut self, keep: bool) -> Self {
        self.flow = self.flow.keep_raw(keep);
        self
    }
}

#[cfg(test)]
mod tests {
    use std::cell::Cell;

    use http::{Method, Response};

    use super::*;
    use crate::protocol::config::Config;
    use crate::protocol::operation::Operation;
    use crate::protocol::page::{Page, parse_page};
    use crate::protocol::paging::Paging;
    use crate::protocol::secret::ApiKey;

    /// A list of customers that counts how often it is built.
    #[derive(Clone)]
    struct Counted<'a> {
        builds: &'a Cell<u32>,
        paging: Paging,
    }

    impl Operation for Counted<'_> {
        type Output = Page<crate::families::models::Customer>;

        fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
            self.builds.set(self.builds.get() + 1);
            let path = self.paging.next_path().unwrap_or("/customers?page=1");
            config.request(Method::GET, path, None)
        }

        fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Self::Output, Error> {
            parse_page(response, false)
        }
    }

    impl PagedOperation for Counted<'_> {
        type Item = crate::families::models::Customer;

        fn paging(&self) -> &Paging {
            &self.paging
        }

        fn paging_mut(&mut self) -> &mut Paging {
            &mut self.paging
        }
    }

    #[test]
    fn each_page_is_built_once_and_a_walk_moves_its_operation_on() {
        let transport = |request: Request<Vec<u8>>| {
            let body = if request.uri().query() == Some("page=1") {
                r#"{"data":[{"id":"a"}],"links":{"next":"/v1/customers?page=2"}}"#
            } else {
                r#"{"data":[{"id":"b"}],"links":{"next":null}}"#
            };
            Ok::<_, std::io::Error>(Response::new(body.as_bytes().to_vec()))
        };
        let client = Client::new(Config::new(ApiKey::new("key").unwrap()), transport);
        let builds = Cell::new(0);
        let first = Counted {
            builds: &builds,
            paging: Paging::default(),
        };
        let ids: Vec<String> = Paginated::new(&client, first)
            .map(|c| c.unwrap().id)
            .collect();
        assert_eq!(ids, ["a", "b"]);
        assert_eq!(builds.get(), 2, "two pages, two builds");
    }
}
