//! The export of every result of a search on several threads at once: the `updatedAt` range
//! split into windows, each walked past the 100-page cap, through one client and its pacer.

use std::collections::VecDeque;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::mpsc::{Receiver, SyncSender, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};
use std::thread::JoinHandle;

use jiff::Timestamp;

use crate::generic::client::Client;
use crate::generic::export_plan::{
    ExportWindow, MAX_SPLITS_PER_THREAD, MIN_SPLIT_PAGES, Progress, plan_windows, split_point,
};
use crate::generic::family::Searchable;
use crate::generic::search::query::SearchQuery;
use crate::generic::search::walk::Walk;
use crate::protocol::clock::Interrupt;
use crate::protocol::date_time::{DateTime, IntoTimestamp};
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::operation::Operation;
use crate::protocol::transport::Transport;

/// What the workers tell the iterator.
enum Message<R> {
    Record(R),
    Failed(Error),
}

/// The export's shared state: the windows left, the counters, and the stop flag.
struct Shared {
    windows: Mutex<VecDeque<ExportWindow>>,
    /// The windows being walked: what an idle thread splits to help.
    active: Mutex<Vec<Active>>,
    next_active: AtomicUsize,
    open: Mutex<Option<ExportWindow>>,
    bounded_left: AtomicUsize,
    requests: AtomicU64,
    /// Splits still allowed: idle threads cannot split windows without end.
    splits_left: AtomicUsize,
    /// Raised when the iterator is dropped: waits wake, and no request starts after it.
    stop: Interrupt,
}

/// A window being walked: its bounds, which a helper may lower, and how far it came.
struct Active {
    key: usize,
    to: Option<Timestamp>,
    from: Timestamp,
    last_at: Option<Timestamp>,
    /// Records still to come, from the window's `meta.total` less those sent.
    left: Option<u64>,
}

/// An export of every result of a search, on several threads: from
/// [`Handle::export`](crate::Handle::export).
///
/// The `updatedAt` range (from the oldest result, or [`updated_from`](Self::updated_from), to
/// the start, or [`updated_before`](Self::updated_before)) is split into windows
/// ([`plan_windows`]); each thread walks one window at a time past the 100-page cap
/// ([`Walk`]), with the same guarantees as [`search_all`](crate::Handle::search_all): no result
/// skipped, none twice within a window (equal timestamps included), every walk ending. Windows
/// do not overlap, so a record not updated during the export comes exactly once. All threads
/// share the client, so its pacer holds their sum under the org's budget. Records reach the
/// iterator through a bounded channel: a slow consumer holds the threads back, and memory stays
/// bounded.
///
/// **Whatever the server does, it ends and yields each record once.** Each window is walked
/// within its bounds ([`Walk::updated_from`], [`Walk::updated_before`]): a result below a
/// window is an [`Error::Pagination`] for that window (a server ignoring the bound), a result at
/// or past its end closes it, so no record comes from two windows. There are at most
/// `4 × threads + 1` windows to start with and [`MAX_SPLITS_PER_THREAD`]` × threads` splits, so
/// at most `W = 12 × threads + 1` windows. Every request but the range probe either brings a new
/// record or is one of at most 3 in a row in its window that do not (more only right after a
/// window passes the 100-page cap, by the pages its records at that timestamp fill again): an
/// export sends at most `1 + 4 × (records + W)` requests, plus those pages.
///
/// **Dropping the iterator stops it.** Every wait of its threads (a 429's reset, a backoff, the
/// pacer) wakes at once, no request starts after the drop, and the drop returns once each
/// thread has finished the request it was sending, if any.
pub struct ExportBuilder<'c, T, R: Searchable> {
    client: &'c Client<T>,
    scope: R::Scope,
    query: SearchQuery,
    page_size: u32,
    threads: usize,
    capacity: usize,
    keep_raw: bool,
    from: Option<Timestamp>,
    before: Option<Timestamp>,
    progress: Option<Box<dyn FnMut(Progress) + 'c>>,
}

impl<T, R: Searchable> std::fmt::Debug for ExportBuilder<'_, T, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ExportBuilder")
            .field("family", &R::NAME)
            .field("page_size", &self.page_size)
            .field("threads", &self.threads)
            .field("capacity", &self.capacity)
            .finish_non_exhaustive()
    }
}

impl<'c, T, R> ExportBuilder<'c, T, R>
where
    T: Transport + Send + Sync + 'static,
    R: Searchable + Send,
{
    pub(crate) fn new(
        client: &'c Client<T>,
        scope: R::Scope,
        query: SearchQuery,
        page_size: u32,
    ) -> Self {
        Self {
            client,
            scope,
            query,
            page_size,
            threads: 4,
            capacity: 1_024,
            keep_raw: true,
            from: None,
            before: None,
            progress: None,
        }
    }

    /// Exports only records updated at or after `from` (to the millisecond): what changed
    /// since the last sync. The range starts there instead of at the oldest result; a record
    /// below it that a server sends anyway is an error of its window, never a record.
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use std::time::{Duration, SystemTime};
    /// use kustomer::search::SearchQuery;
    ///
    /// let day_ago = SystemTime::now() - Duration::from_secs(86_400);
    /// for customer in client.customers().export(SearchQuery::customers(), 500).updated_from(day_ago).start()? {
    ///     println!("{}", customer?.id);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    #[must_use]
    pub fn updated_from(mut self, from: impl IntoTimestamp) -> Self {
        self.from = Some(from.into_timestamp());
        self
    }

    /// Exports only records updated before `before` (exclusive, to the millisecond). Past the
    /// start of the export, the last window reaches up to it instead of being open-ended.
    #[must_use]
    pub fn updated_before(mut self, before: impl IntoTimestamp) -> Self {
        self.before = Some(before.into_timestamp());
        self
    }

    /// The walk of a window, with the export's own bounds.
    fn walk(&self, page_size: u32) -> Walk<R> {
        let mut walk = Walk::<R>::within(self.scope.clone(), self.query.clone(), page_size);
        if let Some(from) = self.from {
            walk = walk.updated_from(from);
        }
        if let Some(before) = self.before {
            walk = walk.updated_before(before);
        }
        walk
    }

    /// Walks with `threads` threads (1 to 64; 4 by default).
    #[must_use]
    pub fn threads(mut self, threads: usize) -> Self {
        self.threads = threads.clamp(1, 64);
        self
    }

    /// Holds at most `records` results waiting for the consumer (1,024 by default).
    #[must_use]
    pub fn buffer(mut self, records: usize) -> Self {
        self.capacity = records.max(1);
        self
    }

    /// Whether each record keeps its own JSON (on by default); see
    /// [`Search::keep_raw`](crate::search::Search::keep_raw).
    #[must_use]
    pub fn keep_raw(mut self, keep: bool) -> Self {
        self.keep_raw = keep;
        self
    }

    /// Calls `report` after each record the iterator yields.
    #[must_use]
    pub fn progress(mut self, report: impl FnMut(Progress) + 'c) -> Self {
        self.progress = Some(Box::new(report));
        self
    }

    /// Checks the query and the page size, finds the range (one request: the oldest result, and
    /// the total), then starts the threads.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] for a query a walk cannot take or a page size out of 1 to 500,
    /// before any request or thread; any error of the range request.
    pub fn start(self) -> Result<Exporting<'c, R>, Error> {
        if let (Some(from), Some(before)) = (self.from, self.before)
            && from >= before
        {
            return Err(InvalidInput::new(
                "updated_before",
                "must be later than updated_from: the range is empty",
            )
            .into());
        }
        // Every window's walk would build this same request: refused once, here.
        if let Some(first) = self.walk(self.page_size).next_operation() {
            first.build(self.client.config())?;
        }
        let started = self.client.now();
        // The oldest result within the export's bounds, and how many there are.
        let Some(probe) = self.walk(1).next_operation() else {
            return Err(Error::FlowEnded { flow: "export" });
        };
        let page = self.client.execute(&probe)?;
        let estimated_total = page.meta.total;
        let oldest = page
            .items
            .first()
            .map(|r| r.updated_at().and_then(DateTime::timestamp));
        let windows = match oldest {
            None => Vec::new(),
            Some(None) => {
                return Err(InvalidInput::new(
                    "updatedAt",
                    "of the oldest result is not an RFC 3339 date-time to split the range at",
                )
                .into());
            }
            Some(Some(oldest)) => {
                // A server that ignores the lower bound does not move the range below it.
                let from = self.from.map_or(oldest, |from| from.max(oldest));
                let started = started.into_timestamp().max(from);
                let end = self.before.map_or(started, |before| before.min(started));
                let mut windows = plan_windows(from, end, self.threads.saturating_mul(4));
                if let Some(before) = self.before {
                    // The last window ends at the bound; one that would start there is empty.
                    if let Some(last) = windows.last_mut() {
                        last.to = Some(before);
                    }
                    windows.retain(|w| w.to.is_none_or(|to| to > w.from));
                }
                windows
            }
        };
        let mut bounded: VecDeque<ExportWindow> = windows.into_iter().collect();
        let mut open = bounded.pop_back();
        if bounded.is_empty() {
            // Nothing before the open window: it is walked as any other.
            bounded.extend(open.take());
        }
        let any = !bounded.is_empty();
        let shared = Arc::new(Shared {
            active: Mutex::new(Vec::new()),
            next_active: AtomicUsize::new(0),
            bounded_left: AtomicUsize::new(bounded.len()),
            windows: Mutex::new(bounded),
            open: Mutex::new(open),
            requests: AtomicU64::new(1),
            splits_left: AtomicUsize::new(self.threads.saturating_mul(MAX_SPLITS_PER_THREAD)),
            stop: Interrupt::new(),
        });
        let (sender, receiver) = sync_channel(self.capacity);
        let mut threads = Vec::new();
        if any {
            for _ in 0..self.threads {
                let worker = Worker {
                    client: self.client.clone(),
                    scope: self.scope.clone(),
                    query: self.query.clone(),
                    page_size: self.page_size,
                    keep_raw: self.keep_raw,
                    shared: Arc::clone(&shared),
                    sender: sender.clone(),
                };
                let spawned = std::thread::Builder::new()
                    .name("kustomer-export".into())
                    .spawn(move || worker.run());
                match spawned {
                    Ok(thread) => threads.push(thread),
                    Err(e) => {
                        // Those already started stop before their first request.
                        shared.stop.raise();
                        drop(receiver);
                        threads.into_iter().for_each(|t| drop(t.join()));
                        return Err(Error::Transport(
                            crate::protocol::error::TransportError::new(
                                crate::protocol::error::TransportErrorKind::Other,
                                e,
                            ),
                        ));
                    }
                }
            }
        }
        drop(sender);
        Ok(Exporting {
            receiver: Some(receiver),
            threads,
            shared,
            progress: self.progress,
            records: 0,
            estimated_total,
        })
    }
}

/// One thread of an export.
struct Worker<T, R: Searchable> {
    client: Client<T>,
    scope: R::Scope,
    query: SearchQuery,
    page_size: u32,
    keep_raw: bool,
    shared: Arc<Shared>,
    sender: SyncSender<Message<R>>,
}

impl<T: Transport, R: Searchable> Worker<T, R> {
    fn run(self) {
        loop {
            let Some((key, window)) = self.next_window() else {
                return;
            };
            let done = self.walk(Some(key), &window);
            self.shared
                .active
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .retain(|a| a.key != key);
            if !done {
                return;
            }
            // The open window waits for every bounded one: whoever finishes the last walks it.
            if self.shared.bounded_left.fetch_sub(1, Ordering::SeqCst) == 1 {
                let open = self
                    .shared
                    .open
                    .lock()
                    .unwrap_or_else(PoisonError::into_inner)
                    .take();
                if let Some(open) = open {
                    self.walk(None, &open);
                }
                return;
            }
        }
    }

    /// The next window to walk: from the queue, else the upper half of the widest window still
    /// being walked (its walker stops where the half begins).
    fn next_window(&self) -> Option<(usize, ExportWindow)> {
        let key = self.shared.next_active.fetch_add(1, Ordering::SeqCst);
        let queued = self
            .shared
            .windows
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop_front();
        let mut active = self
            .shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let (window, left) = match queued {
            Some(window) => (window, None),
            None => {
                // The window with the most left, if it is worth a split.
                let pages = u64::from(self.page_size.max(1));
                let (at, mid, _) = active
                    .iter()
                    .enumerate()
                    .filter_map(|(at, a)| {
                        let left = a.left.filter(|left| *left >= MIN_SPLIT_PAGES * pages)?;
                        let lower = a.last_at.unwrap_or(a.from);
                        let (mid, _) = split_point(lower, a.to?)?;
                        // Strictly above what was sent, so nothing sent falls in the new half.
                        (a.last_at < Some(mid)).then_some((at, mid, left))
                    })
                    .max_by_key(|(_, _, left)| *left)?;
                // A split is allowed only while the export has splits left.
                self.shared
                    .splits_left
                    .fetch_update(Ordering::SeqCst, Ordering::SeqCst, |n| n.checked_sub(1))
                    .ok()?;
                let entry = active.get_mut(at)?;
                let to = entry.to.replace(mid);
                // The halves share what was left: a new half never counts it again.
                let half = entry.left.map(|left| left / 2);
                entry.left = half;
                self.shared.bounded_left.fetch_add(1, Ordering::SeqCst);
                (ExportWindow { from: mid, to }, half)
            }
        };
        active.push(Active {
            key,
            to: window.to,
            from: window.from,
            last_at: None,
            left,
        });
        Some((key, window))
    }

    /// Walks one window (registered as `key` when a helper may split it); `false` if the export
    /// is over (stopped, or the iterator gone).
    fn walk(&self, key: Option<usize>, window: &ExportWindow) -> bool {
        let mut walk = Walk::<R>::within(self.scope.clone(), self.query.clone(), self.page_size)
            .keep_raw(self.keep_raw)
            .updated_from(window.from);
        if let Some(to) = window.to {
            walk = walk.updated_before(to);
        }
        while let Some(op) = walk.next_operation() {
            if self.shared.stop.is_raised() {
                return false;
            }
            self.shared.requests.fetch_add(1, Ordering::SeqCst);
            let page = match self.client.execute_until(&op, Some(&self.shared.stop)) {
                Ok(reply) => reply.value,
                Err(Error::Cancelled) => return false,
                Err(e) => return self.send(Message::Failed(e)),
            };
            let (fresh, rejected) = match self.take(key, &mut walk, page) {
                Ok(taken) => taken,
                Err(e) => return self.send(Message::Failed(self.client.scrub(e))),
            };
            for record in fresh {
                if !self.send(Message::Record(record)) {
                    return false;
                }
            }
            for bad in rejected {
                let error = self.client.scrub(Error::BadRecord(Box::new(bad)));
                if !self.send(Message::Failed(error)) {
                    return false;
                }
            }
        }
        true
    }

    /// Reads a page of the window registered as `key` (the open window has none) under the lock
    /// a helper splits under: a helper may have taken the stretch from a lower `to` on (it is
    /// its to send), and the next split must start above everything this page sends.
    fn take(
        &self,
        key: Option<usize>,
        walk: &mut Walk<R>,
        page: crate::protocol::page::Page<R>,
    ) -> Result<(Vec<R>, Vec<crate::protocol::page::BadRecord>), Error> {
        let total = page.meta.total;
        let Some(key) = key else {
            let fresh = walk.take_page(page);
            return fresh.map(|fresh| (fresh, walk.take_rejected()));
        };
        let mut active = self
            .shared
            .active
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        let mut entry = active.iter_mut().find(|a| a.key == key);
        if let Some(to) = entry.as_ref().and_then(|e| e.to) {
            walk.end_before(to);
        }
        let taken = walk.take_page(page);
        let rejected = walk.take_rejected();
        let fresh = taken?;
        if let Some(entry) = entry.as_mut() {
            let last = fresh
                .iter()
                .filter_map(|r| r.updated_at()?.timestamp())
                .max();
            if last.is_some() {
                entry.last_at = last;
            }
            // The first page's total is the window's; a split halves what is left.
            let sent = u64::try_from(fresh.len()).unwrap_or(u64::MAX);
            entry.left = match (entry.left, total) {
                (None, Some(total)) => Some(total.saturating_sub(sent)),
                (Some(left), _) => Some(left.saturating_sub(sent)),
                (None, None) => None,
            };
        }
        Ok((fresh, rejected))
    }

    /// Sends to the iterator, waiting while its buffer is full; `false` once it is gone (a
    /// dropped receiver wakes a waiting sender).
    fn send(&self, message: Message<R>) -> bool {
        self.sender.send(message).is_ok()
    }
}

/// The records of an export, as they arrive from its threads (not in `updatedAt` order across
/// windows). An error of one window comes as an `Err` item; the other windows go on.
pub struct Exporting<'c, R> {
    /// `None` once dropped: a thread waiting to hand over a record wakes.
    receiver: Option<Receiver<Message<R>>>,
    threads: Vec<JoinHandle<()>>,
    shared: Arc<Shared>,
    progress: Option<Box<dyn FnMut(Progress) + 'c>>,
    /// Records yielded so far.
    records: u64,
    estimated_total: Option<u64>,
}

impl<R> Exporting<'_, R> {
    /// How far the export has come.
    pub fn progress(&self) -> Progress {
        Progress {
            records: self.records,
            requests: self.shared.requests.load(Ordering::SeqCst),
            estimated_total: self.estimated_total,
        }
    }
}

impl<R> Iterator for Exporting<'_, R> {
    type Item = Result<R, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        let item = match self.receiver.as_ref()?.recv().ok()? {
            Message::Record(record) => {
                self.records += 1;
                Ok(record)
            }
            Message::Failed(error) => Err(error),
        };
        let progress = self.progress();
        if let Some(report) = &mut self.progress {
            report(progress);
        }
        Some(item)
    }
}

impl<R> Drop for Exporting<'_, R> {
    fn drop(&mut self) {
        // Waits wake, no request starts from now on, and a thread waiting to hand over a record
        // finds no one: each ends after the request it is sending, if any.
        self.shared.stop.raise();
        drop(self.receiver.take());
        for thread in self.threads.drain(..) {
            // A thread that panicked has nothing left to stop.
            drop(thread.join());
        }
    }
}

impl<R> std::fmt::Debug for Exporting<'_, R> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Exporting")
            .field("progress", &self.progress())
            .finish_non_exhaustive()
    }
}
