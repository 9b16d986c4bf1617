//! The iterators a handle returns: every item of a paged list ([`Paginated`]), and every result
//! of a search past its 100-page cap ([`Walking`]). Each holds one page at a time.

use std::fmt;

use http::Request;

use crate::generic::client::Client;
use crate::generic::family::Searchable;
use crate::generic::ops::Walk;
use crate::protocol::error::Error;
use crate::protocol::page::{BadRecord, Cursor, PagedOperation, Record};
use crate::protocol::transport::Transport;

/// Every item of a paged list, fetching a page when the last one is used up: holds one page at
/// a time, follows `links.next` until it is null, and ends with an error (once) if a request
/// fails, a `next` link repeats or leaves the configured host, or pages stop bringing new items
/// (see [`Cursor`]). An item repeated within the last few pages is yielded once.
///
/// An item that cannot be read comes as an [`Error::BadRecord`] (its raw JSON inside) after the
/// good items of its page, and the list goes on: skip it with `filter_map`, or log it and go on,
/// rather than stop at the first error with `collect::<Result<Vec<_>, _>>()`.
pub struct Paginated<'c, T, O: PagedOperation> {
    client: &'c Client<T>,
    next: Option<O>,
    /// The first page's request, built once: its path starts the cursor, and it is sent as is.
    first: Option<Request<Vec<u8>>>,
    /// Pages the API still serves, for a capped list (a search).
    pages_left: Option<u32>,
    capped: bool,
    cursor: Cursor,
    buffer: std::vec::IntoIter<O::Item>,
    rejected: std::vec::IntoIter<BadRecord>,
    pending_error: Option<Error>,
}

impl<'c, T, O: PagedOperation> Paginated<'c, T, O> {
    pub(crate) fn new(client: &'c Client<T>, first: O) -> Self {
        // The first request's own path counts as read: a `next` link back to it is a repeat.
        // A request that does not build is built again when sent, to return its error then.
        let config = client.config();
        let request = first.build(config).ok();
        let cursor = request
            .as_ref()
            .and_then(|request| {
                let uri = request.uri().to_string();
                let rest = uri
                    .strip_prefix(config.base_url().as_str())?
                    .strip_prefix("/v1")?;
                Some(Cursor::starting_at(rest))
            })
            .unwrap_or_default();
        Self {
            client,
            first: request,
            pages_left: first.pages_served(),
            capped: false,
            next: Some(first),
            cursor,
            buffer: Vec::new().into_iter(),
            rejected: Vec::new().into_iter(),
            pending_error: None,
        }
    }
}

impl<T: Transport, O: PagedOperation> Iterator for Paginated<'_, T, O>
where
    O::Item: Record,
{
    type Item = Result<O::Item, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(item) = self.buffer.next() {
                return Some(Ok(item));
            }
            if let Some(record) = self.rejected.next() {
                return Some(Err(self.client.scrub(Error::BadRecord(Box::new(record)))));
            }
            if let Some(error) = self.pending_error.take() {
                return Some(Err(error));
            }
            let op = self.next.take()?;
            let sent = match self.first.take() {
                Some(request) => self
                    .client
                    .execute_built(&op, request, None)
                    .map(|reply| reply.value),
                None => self.client.execute(&op),
            };
            let page = match sent {
                Ok(page) => page,
                Err(e) => return Some(Err(e)),
            };
            let has_next = page.links.next.as_deref().is_some_and(|n| !n.is_empty());
            // An unreadable item is new once: one a page repeats is not reported again.
            let (items, rejected) =
                match self.cursor.fresh_page(page.items, page.rejected, has_next) {
                    Ok(fresh) => fresh,
                    // Pages that bring nothing new: the list does not end by itself.
                    Err(e) => return Some(Err(self.client.scrub(e))),
                };
            self.rejected = rejected.into_iter();
            self.pages_left = self.pages_left.map(|left| left.saturating_sub(1));
            match self
                .cursor
                .advance(self.client.config().base_url(), &page.links)
            {
                // The API's cap: its next page would be refused, so the list ends here.
                Ok(Some(_)) if self.pages_left == Some(0) => self.capped = true,
                Ok(next) => self.next = next.map(|path| op.at(path)),
                // This page's items first, then the error.
                Err(e) => self.pending_error = Some(self.client.scrub(e)),
            }
            self.buffer = items.into_iter();
        }
    }
}

impl<T, O: PagedOperation> Paginated<'_, T, O> {
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
        self.capped
    }
}

impl<T, O: PagedOperation> fmt::Debug for Paginated<'_, T, O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginated")
            .field("done", &self.next.is_none())
            .field("capped", &self.capped)
            .finish_non_exhaustive()
    }
}

/// Every result of a search, past the 100-page cap; from [`Handle::search_all`](crate::Handle::search_all).
pub struct Walking<'c, T, R: Searchable> {
    client: &'c Client<T>,
    walk: Walk<R>,
    buffer: std::vec::IntoIter<R>,
    rejected: std::vec::IntoIter<BadRecord>,
}

impl<'c, T, R: Searchable> Walking<'c, T, R> {
    pub(crate) fn new(client: &'c Client<T>, walk: Walk<R>) -> Self {
        Self {
            client,
            walk,
            buffer: Vec::new().into_iter(),
            rejected: Vec::new().into_iter(),
        }
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
        self.walk = self.walk.keep_raw(keep);
        self
    }
}

impl<T: Transport, R: Searchable> Iterator for Walking<'_, T, R> {
    type Item = Result<R, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(record) = self.buffer.next() {
                return Some(Ok(record));
            }
            if let Some(record) = self.rejected.next() {
                return Some(Err(self.client.scrub(Error::BadRecord(Box::new(record)))));
            }
            let op = self.walk.next_operation()?;
            let page = match self.client.execute(&op) {
                Ok(page) => page,
                Err(e) => {
                    // Stop after reporting: the client's retry policy already had its chances.
                    self.walk.stop();
                    return Some(Err(e));
                }
            };
            let taken = self.walk.take_page(page);
            // Unreadable results come after the page's good ones, each once.
            self.rejected = self.walk.take_rejected().into_iter();
            match taken {
                Ok(fresh) => self.buffer = fresh.into_iter(),
                Err(e) => return Some(Err(self.client.scrub(e))),
            }
        }
    }
}

impl<T, R: Searchable> fmt::Debug for Walking<'_, T, R> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Walking")
            .field("walk", &self.walk)
            .finish_non_exhaustive()
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
