//! The walk through every result of a search, past the 100-page cap.

use std::collections::{HashSet, VecDeque};
use std::time::SystemTime;

use jiff::Timestamp;

use super::op::Search;
use super::query::{Criterion, MAX_SEARCH_PAGES, SearchQuery, SortOrder};
use crate::generic::family::{Searchable, Unscoped};
use crate::generic::flow::{Flow, Sent, Step};
use crate::protocol::cursor::fingerprint;
use crate::protocol::date_time::{DateTime, IntoTimestamp};
use crate::protocol::error::Error;
use crate::protocol::page::{BadRecord, Page};

/// The walk through every result of a search, past the 100-page cap, as a pure state machine:
/// [`Walk::next_operation`] gives the request to send, [`Walk::take_page`] reads its
/// answer and returns the new results.
///
/// Results are sorted by the family's `<prefix>_updated_at` ascending (the query's own sort is
/// replaced). When a window reaches page 100, the next window asks for `<prefix>_updated_at >= T`,
/// with `T` the last timestamp seen, and skips the records at `T` already returned: no record is
/// skipped or returned twice, however many share one timestamp. A record updated during the walk
/// may come again, later, with its new timestamp.
///
/// It trusts nothing the server does: a result below the window's lower bound (a server ignoring
/// it) or out of `updatedAt` order (newest first, a repeated page) ends the walk with
/// [`Error::Pagination`]; a result already returned is not returned again; and pages that bring
/// nothing new end it after [`MAX_PAGES_WITHOUT_NEW_ITEMS`](crate::page::MAX_PAGES_WITHOUT_NEW_ITEMS)
/// in a row (beyond those the records already returned at the window's bound fill). If more
/// customers share one timestamp than a window holds (100 × page size), the walk cannot go on and
/// says so. The lower bound never moves backwards, so every walk ends. `CustomerWalk` is this walk
/// over customers.
///
/// A walk may be kept to a stretch of `updatedAt` ([`updated_from`](Self::updated_from),
/// [`updated_before`](Self::updated_before)): both bounds go into every request, a result below
/// the lower one is refused as above, and a result at or past the upper one ends the walk (results
/// come oldest first, so none of the stretch can follow it), so that walks of adjacent stretches
/// never yield one record twice, whatever the server does with the bounds. An unreadable result
/// is reported once ([`take_rejected`](Self::take_rejected)); one a page repeats is not new.
///
/// ```
/// use kustomer::customers::CustomerWalk;
/// use kustomer::search::{Criterion, SearchQuery};
///
/// let walk = CustomerWalk::new(SearchQuery::customers().and(Criterion::contains("customer_name", "Ada")), 500);
/// let first = walk.next_operation().unwrap();
/// assert_eq!(
///     serde_json::to_value(first.query()).unwrap()["sort"],
///     serde_json::json!([{"customer_updated_at": "asc"}])
/// );
/// ```
pub struct Walk<R: Searchable> {
    scope: R::Scope,
    query: SearchQuery,
    page_size: u32,
    archive: bool,
    page: u32,
    /// The lower bound of the current window.
    floor: Option<Timestamp>,
    /// The exclusive upper bound of the whole walk, if any.
    ceiling: Option<Timestamp>,
    /// Unreadable results of the last page not reported before, and the fingerprints of every
    /// one reported.
    rejected: VecDeque<BadRecord>,
    rejected_seen: HashSet<u64>,
    /// The greatest timestamp returned, and the IDs returned at it. At a new window these are
    /// the records at its lower bound that must not come again.
    last_at: Option<Timestamp>,
    at_last: HashSet<String>,
    returned_in_window: usize,
    /// Pages in a row without a new result, and how many of those the window may have.
    stale_pages: u32,
    stale_allowed: u32,
    done: bool,
    keep_raw: bool,
    /// As a [`Flow`]: the last page's new results not yielded yet (its unreadable ones are
    /// `rejected`), and the reason of the [`Error::Pagination`] to end with after them.
    ready: VecDeque<R>,
    pending: Option<String>,
    in_flight: bool,
    family: std::marker::PhantomData<fn() -> R>,
}

impl<R: Searchable + Clone> Clone for Walk<R> {
    fn clone(&self) -> Self {
        Self {
            scope: self.scope.clone(),
            query: self.query.clone(),
            page_size: self.page_size,
            archive: self.archive,
            page: self.page,
            floor: self.floor,
            ceiling: self.ceiling,
            rejected: self.rejected.clone(),
            rejected_seen: self.rejected_seen.clone(),
            last_at: self.last_at,
            at_last: self.at_last.clone(),
            returned_in_window: self.returned_in_window,
            stale_pages: self.stale_pages,
            stale_allowed: self.stale_allowed,
            done: self.done,
            keep_raw: self.keep_raw,
            ready: self.ready.clone(),
            pending: self.pending.clone(),
            in_flight: self.in_flight,
            family: std::marker::PhantomData,
        }
    }
}

impl<R: Searchable> std::fmt::Debug for Walk<R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Walk")
            .field("page_size", &self.page_size)
            .field("archive", &self.archive)
            .field("page", &self.page)
            .field("floor", &self.floor)
            .field("ceiling", &self.ceiling)
            .field("done", &self.done)
            .finish_non_exhaustive()
    }
}

impl<R: Searchable + Unscoped> Walk<R> {
    /// A walk over every result of `query`, `page_size` (1 to 500) per request.
    pub fn new(query: SearchQuery, page_size: u32) -> Self {
        Self::within((), query, page_size)
    }
}

impl<R: Searchable> Walk<R> {
    /// A walk over every result of `query` in one of the family's collections (a klass's
    /// custom objects).
    pub fn within(scope: impl Into<R::Scope>, query: SearchQuery, page_size: u32) -> Self {
        Self {
            scope: scope.into(),
            query,
            page_size,
            archive: false,
            page: 1,
            floor: None,
            ceiling: None,
            rejected: VecDeque::new(),
            ready: VecDeque::new(),
            pending: None,
            in_flight: false,
            rejected_seen: HashSet::new(),
            last_at: None,
            at_last: HashSet::new(),
            returned_in_window: 0,
            stale_pages: 0,
            stale_allowed: crate::protocol::page::MAX_PAGES_WITHOUT_NEW_ITEMS,
            done: false,
            keep_raw: true,
            family: std::marker::PhantomData,
        }
    }

    /// Walks the archive instead.
    #[must_use]
    pub fn archive(mut self, archive: bool) -> Self {
        self.archive = archive;
        self
    }

    /// Walks only results updated at or after `from` (to the millisecond): the bound is sent,
    /// and a result below it is refused.
    #[must_use]
    pub fn updated_from(mut self, from: impl IntoTimestamp) -> Self {
        self.floor = Some(from.into_timestamp());
        self
    }

    /// Walks only results updated before `to` (exclusive, to the millisecond): the bound is
    /// sent, and a result at or past it ends the walk.
    #[must_use]
    pub fn updated_before(mut self, to: impl IntoTimestamp) -> Self {
        self.end_before(to);
        self
    }

    /// Lowers the upper bound to `to` (a bound above the current one changes nothing): what an
    /// export does when a helper takes over the rest of a window.
    pub fn end_before(&mut self, to: impl IntoTimestamp) {
        let to = to.into_timestamp();
        if self.ceiling.is_none_or(|now| to < now) {
            self.ceiling = Some(to);
        }
    }

    /// The exclusive upper bound, if any.
    pub fn ceiling(&self) -> Option<Timestamp> {
        self.ceiling
    }

    /// Whether each result keeps its own JSON (on by default); see [`Search::keep_raw`].
    #[must_use]
    pub fn keep_raw(mut self, keep: bool) -> Self {
        self.keep_raw = keep;
        self
    }

    /// The next request, or `None` when every result has been returned.
    pub fn next_operation(&self) -> Option<Search<R>> {
        if self.done {
            return None;
        }
        // Checked before the query is copied: a query too deep to send is too deep to clone.
        if let Err(e) = self.query.validate_for_walk() {
            return Some(Search::refused(self.scope.clone(), e));
        }
        let mut query = self.query.clone();
        query.sort = vec![(R::UPDATED_AT.to_owned(), SortOrder::Asc)];
        if self.floor.is_some() || self.ceiling.is_some() {
            // Grouped, so that the bounds never push the caller's criteria over 20.
            let mine = std::mem::take(&mut query.and);
            if !mine.is_empty() {
                query.and.push(Criterion::All(mine));
            }
        }
        if let Some(floor) = self.floor {
            query.and.push(Criterion::gte(R::UPDATED_AT, floor));
        }
        if let Some(ceiling) = self.ceiling {
            query.and.push(Criterion::lt(R::UPDATED_AT, ceiling));
        }
        Some(
            Search::within(self.scope.clone(), query)
                .archive(self.archive)
                .page(self.page)
                .page_size(self.page_size)
                .keep_raw(self.keep_raw),
        )
    }

    /// Reads the answer to the last [`next_operation`](Self::next_operation): the results not
    /// returned before, in order.
    ///
    /// # Errors
    /// [`Error::Pagination`], after which the walk is over, if a result has no `updatedAt` (the
    /// walk is keyed on it), lies below the window's lower bound or out of order, if pages stop
    /// bringing new results, or if the walk cannot get past a timestamp shared by more customers
    /// than a window holds.
    pub fn take_page(&mut self, page: Page<R>) -> Result<Vec<R>, Error> {
        let result = self.take(page);
        if result.is_err() {
            self.done = true;
        }
        result
    }

    fn take(&mut self, page: Page<R>) -> Result<Vec<R>, Error> {
        let bad = |why: String| Error::Pagination { reason: why };
        // Unreadable items take their place on the page too; each is reported once.
        let served = page.items.len() + page.rejected.len();
        let full = served >= self.page_size as usize && page.links.next.is_some();
        self.rejected = page
            .rejected
            .into_iter()
            .filter(|record| self.rejected_seen.insert(fingerprint(&record.raw)))
            .collect();
        let unreadable = self.rejected.len();
        let mut fresh = Vec::with_capacity(page.items.len());
        for record in page.items {
            let Some(id) = record.record_id().map(str::to_owned) else {
                return Err(bad(
                    "a search result has no id to tell it from the others".into()
                ));
            };
            let shown = || crate::protocol::excerpt::excerpt_str(&id);
            let Some(at) = record.updated_at().and_then(DateTime::timestamp) else {
                return Err(bad(format!(
                    "search result {} has no readable updatedAt to page past the cap with",
                    shown()
                )));
            };
            if self.ceiling.is_some_and(|ceiling| at >= ceiling) {
                // Oldest first: nothing of the walk's stretch can follow this one.
                self.done = true;
                return Ok(fresh);
            }
            if self.floor.is_some_and(|floor| at < floor) {
                return Err(bad(format!(
                    "search result {} was updated before the lower bound the walk asked for: the server ignores it",
                    shown()
                )));
            }
            match self.last_at.map(|last| at.cmp(&last)) {
                Some(std::cmp::Ordering::Less) => {
                    return Err(bad(format!(
                        "search result {} is out of updatedAt order (results must come oldest first)",
                        shown()
                    )));
                }
                Some(std::cmp::Ordering::Equal) => {
                    if !self.at_last.insert(id) {
                        // Already returned: never twice.
                        continue;
                    }
                }
                _ => {
                    self.last_at = Some(at);
                    self.at_last.clear();
                    self.at_last.insert(id);
                }
            }
            self.returned_in_window += 1;
            fresh.push(record);
        }
        if !full {
            self.done = true;
            return Ok(fresh);
        }
        if fresh.is_empty() && unreadable == 0 {
            self.stale_pages = self.stale_pages.saturating_add(1);
            if self.stale_pages > self.stale_allowed {
                return Err(bad(format!(
                    "{} search pages in a row brought no new result",
                    self.stale_pages
                )));
            }
        } else {
            self.stale_pages = 0;
        }
        if self.page < MAX_SEARCH_PAGES {
            self.page += 1;
        } else {
            self.next_window()?;
        }
        Ok(fresh)
    }

    fn next_window(&mut self) -> Result<(), Error> {
        if self.returned_in_window == 0 {
            return Err(Error::Pagination {
                reason: format!(
                    "more than {} {} records share updatedAt {}; a search cannot page past them",
                    self.page_size as usize * MAX_SEARCH_PAGES as usize,
                    R::NAME,
                    self.floor
                        .map(crate::protocol::date_time::wire)
                        .unwrap_or_default()
                ),
            });
        }
        // Results never go below the floor, so the greatest one seen is at or above it.
        self.floor = self.last_at;
        self.page = 1;
        self.returned_in_window = 0;
        // The new window starts with the records at its bound already returned: they fill up to
        // this many pages before anything new can come.
        let repeat_pages = self.at_last.len().div_ceil(self.page_size.max(1) as usize);
        self.stale_pages = 0;
        self.stale_allowed = u32::try_from(repeat_pages)
            .unwrap_or(u32::MAX)
            .saturating_add(crate::protocol::page::MAX_PAGES_WITHOUT_NEW_ITEMS);
        Ok(())
    }

    /// The unreadable results of the last page read that were not reported before (each
    /// becomes an [`Error::BadRecord`] in the client's iterators), taken out of the walk.
    pub fn take_rejected(&mut self) -> Vec<BadRecord> {
        Vec::from(std::mem::take(&mut self.rejected))
    }

    /// Ends the walk early (after an error the caller will not retry).
    pub fn stop(&mut self) {
        self.done = true;
    }

    /// Whether every result has been returned.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

/// The walk as a [`Flow`], as the client drives it
/// ([`Handle::search_all`](crate::Handle::search_all)): a search page to send, each new result
/// of it, its unreadable results (as [`Error::BadRecord`], once each), and the next page, until
/// every result has come.
impl<R: Searchable> Flow for Walk<R> {
    type Request = Search<R>;
    type Item = Result<R, Error>;
    type Output = ();

    /// The next step.
    ///
    /// # Errors
    /// The error of a page's request, or of the walk itself (see [`take_page`](Self::take_page));
    /// after it the walk has ended.
    fn next(
        &mut self,
        last: Option<Sent<Search<R>>>,
        _now: SystemTime,
    ) -> Result<Step<Search<R>, (), Result<R, Error>>, Error> {
        if let Some((_, result)) = last {
            self.in_flight = false;
            match result {
                // The client's retry policy already had its chances: the walk ends here.
                Err(e) => {
                    self.stop();
                    return Err(e);
                }
                // Unreadable results come after the page's good ones, each once; an error
                // with the page after both.
                Ok(page) => match self.take_page(page) {
                    Ok(fresh) => self.ready = fresh.into(),
                    Err(Error::Pagination { reason }) => self.pending = Some(reason),
                    Err(e) => return Err(e),
                },
            }
        } else if self.in_flight {
            // Asked for the next step without the page it asked for: it cannot go on.
            self.stop();
            return Err(Error::FlowEnded {
                flow: "search walk",
            });
        }
        if let Some(record) = self.ready.pop_front() {
            return Ok(Step::Yield(Ok(record)));
        }
        if let Some(record) = self.rejected.pop_front() {
            return Ok(Step::Yield(Err(Error::BadRecord(Box::new(record)))));
        }
        if let Some(reason) = self.pending.take() {
            return Err(Error::Pagination { reason });
        }
        match self.next_operation() {
            Some(op) => {
                self.in_flight = true;
                Ok(Step::Send(op))
            }
            None => Ok(Step::Done(())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::families::models::Customer;
    use crate::protocol::page::{PageLinks, PageMeta};

    type CustomerWalk = Walk<Customer>;
    type SearchCustomers = Search<Customer>;
    const UPDATED_AT: &str = "customer_updated_at";

    fn customer(id: usize, at: &str) -> Customer {
        serde_json::from_value(
            serde_json::json!({"id": format!("c{id}"), "attributes": {"updatedAt": at}}),
        )
        .unwrap()
    }

    /// A search server over `records` (already in updatedAt order) with the cap, as the fake has.
    fn serve(records: &[(usize, String)], op: &SearchCustomers) -> Page<Customer> {
        let query = serde_json::to_value(op.query()).unwrap();
        let floor = query["and"].as_array().and_then(|and| {
            and.iter().find_map(|c| {
                c.get(UPDATED_AT)
                    .and_then(|f| f["gte"].as_str().map(str::to_owned))
            })
        });
        let matching: Vec<_> = records
            .iter()
            .filter(|(_, at)| floor.as_deref().is_none_or(|f| at.as_str() >= f))
            .collect();
        let size = op.paging.page_size.unwrap() as usize;
        let page = op.paging.page.unwrap() as usize;
        let items: Vec<Customer> = matching
            .iter()
            .skip((page - 1) * size)
            .take(size)
            .map(|(id, at)| customer(*id, at))
            .collect();
        let more = matching.len() > page * size;
        Page {
            items,
            rejected: Vec::new(),
            meta: PageMeta::default(),
            links: PageLinks {
                next: more.then(|| format!("/v1/customers/search?page={}", page + 1)),
                ..PageLinks::default()
            },
        }
    }

    fn walk_all(records: &[(usize, String)], page_size: u32) -> Result<Vec<String>, Error> {
        let mut walk = CustomerWalk::new(SearchQuery::customers(), page_size);
        let mut out = Vec::new();
        let mut requests = 0;
        while let Some(op) = walk.next_operation() {
            requests += 1;
            assert!(requests < 10_000, "the walk loops");
            out.extend(
                walk.take_page(serve(records, &op))?
                    .into_iter()
                    .map(|c| c.id),
            );
        }
        Ok(out)
    }

    #[test]
    fn walks_past_the_cap_without_skips_or_repeats_when_timestamps_collide() {
        // 2,500 records, pages of 5 (a window holds 500); the 300 at positions 350..650 share one
        // timestamp across the first window boundary, and runs of 7 share each of the others.
        let records: Vec<_> = (0..2500)
            .map(|pos| {
                let at = if (350..650).contains(&pos) {
                    350
                } else {
                    pos - pos % 7
                };
                let at = Timestamp::from_second(i64::try_from(at).unwrap()).unwrap();
                (pos, crate::protocol::date_time::wire(at))
            })
            .collect();
        let ids = walk_all(&records, 5).unwrap();
        assert_eq!(ids.len(), 2500);
        let unique: HashSet<_> = ids.iter().collect();
        assert_eq!(unique.len(), 2500);
    }

    #[test]
    fn too_many_on_one_timestamp_is_an_error_not_a_loop() {
        let records: Vec<_> = (0..600)
            .map(|i| (i, "2024-01-01T00:00:00.000Z".to_owned()))
            .collect();
        match walk_all(&records, 5) {
            Err(Error::Pagination { reason }) => {
                assert!(reason.contains("more than 500"), "{reason}")
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_short_search_is_one_request() {
        let records: Vec<_> = (0..3)
            .map(|i| (i, format!("2024-01-0{}T00:00:00.000Z", i + 1)))
            .collect();
        assert_eq!(walk_all(&records, 5).unwrap(), ["c0", "c1", "c2"]);
    }

    #[test]
    fn the_bound_groups_the_callers_criteria() {
        let query = (0..20).fold(SearchQuery::customers(), |q, i| {
            q.and(Criterion::equals("customer_name", i))
        });
        let mut walk = CustomerWalk::new(query, 1);
        walk.floor = "2024-01-01T00:00:00.000Z".parse().ok();
        let op = walk.next_operation().unwrap();
        assert!(op.query().validate().is_ok());
        let body = serde_json::to_value(op.query()).unwrap();
        assert_eq!(body["and"].as_array().unwrap().len(), 2);
        assert_eq!(
            body["and"][1],
            serde_json::json!({"customer_updated_at": {"gte": "2024-01-01T00:00:00.000Z"}})
        );
    }

    #[test]
    fn as_a_flow_it_yields_every_result_past_the_cap_and_ends() {
        // 250 records, pages of 1: three windows of 100 pages and more.
        let records: Vec<(usize, String)> = (0..250)
            .map(|i| (i, format!("2024-01-01T00:{:02}:{:02}.000Z", i / 60, i % 60)))
            .collect();
        let mut walk = CustomerWalk::new(SearchQuery::customers(), 1);
        let (mut last, mut ids, mut steps) = (None, Vec::new(), 0);
        loop {
            steps += 1;
            assert!(steps < 10_000, "the walk loops");
            match walk.next(last.take(), SystemTime::UNIX_EPOCH).unwrap() {
                Step::Send(op) => {
                    let page = serve(&records, &op);
                    last = Some((op, Ok(page)));
                }
                Step::Yield(customer) => ids.push(customer.unwrap().id),
                Step::Done(()) => break,
                Step::Wait(_) => panic!("a walk does not wait"),
            }
        }
        let expected: Vec<String> = (0..250).map(|i| format!("c{i}")).collect();
        assert_eq!(ids, expected);
    }

    #[test]
    fn as_a_flow_a_failed_page_ends_it_and_so_does_a_missing_answer() {
        let mut walk = CustomerWalk::new(SearchQuery::customers(), 10);
        let Ok(Step::Send(op)) = walk.next(None, SystemTime::UNIX_EPOCH) else {
            panic!("it searches first")
        };
        let failed = walk.next(Some((op, Err(Error::Cancelled))), SystemTime::UNIX_EPOCH);
        assert!(matches!(failed, Err(Error::Cancelled)));
        assert!(walk.is_done());

        let mut walk = CustomerWalk::new(SearchQuery::customers(), 10);
        let _sent = walk.next(None, SystemTime::UNIX_EPOCH);
        assert!(matches!(
            walk.next(None, SystemTime::UNIX_EPOCH),
            Err(Error::FlowEnded { .. })
        ));
    }
}
