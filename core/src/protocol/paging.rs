//! The one paging part every list and search operation is built with: which page, how many
//! per page, whether items keep their own JSON, and where the next page is once a walk moves
//! the operation on.

use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::query::Query;

/// Which page a list or search operation reads. Every paged operation holds one (its `page`,
/// `page_size` and `keep_raw` methods set it), and a walk moves it to the next page's link
/// instead of copying the operation ([`PagedOperation::at`](crate::page::PagedOperation::at)).
///
/// ```
/// use kustomer::page::{PagedOperation, Paging};
/// use kustomer::customers::ListCustomers;
///
/// let first = ListCustomers::new().page_size(50);
/// assert_eq!(first.paging().page_size(), Some(50));
/// let next = first.at("/customers?page=2&pageSize=50".to_owned());
/// assert_eq!(next.paging().next_path(), Some("/customers?page=2&pageSize=50"));
/// assert!(Paging::default().keeps_raw());
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paging {
    pub(crate) page: Option<u32>,
    pub(crate) page_size: Option<u32>,
    pub(crate) keep_raw: bool,
    /// The next page's path (after `/v1`, query included), sent as the server gave it.
    pub(crate) next: Option<String>,
}

impl Default for Paging {
    fn default() -> Self {
        Self {
            page: None,
            page_size: None,
            keep_raw: true,
            next: None,
        }
    }
}

impl Paging {
    /// The page asked for, if one was.
    pub fn page(&self) -> Option<u32> {
        self.page
    }

    /// The page size asked for, if one was.
    pub fn page_size(&self) -> Option<u32> {
        self.page_size
    }

    /// Whether each item keeps its own JSON.
    pub fn keeps_raw(&self) -> bool {
        self.keep_raw
    }

    /// The next page's path, once a walk moved the operation on.
    pub fn next_path(&self) -> Option<&str> {
        self.next.as_deref()
    }

    /// Refuses a page size outside `1..=max`.
    pub(crate) fn check(&self, max: u32) -> Result<(), Error> {
        match self.page_size {
            Some(n) if n == 0 || n > max => {
                Err(InvalidInput::new("pageSize", format!("must be 1 to {max}, not {n}")).into())
            }
            _ => Ok(()),
        }
    }

    /// Adds `page` and `pageSize`, as set.
    pub(crate) fn push(&self, query: &mut Query) {
        query
            .push_opt("page", self.page)
            .push_opt("pageSize", self.page_size);
    }
}

/// The builder methods of the paging part, for an operation with a `paging: Paging` field (or
/// the part at another path: `paging_methods!(0.paging)`).
macro_rules! paging_methods {
    () => {
        $crate::protocol::paging::paging_methods!(paging);
    };
    ($($part:tt)+) => {
        /// Asks for page `page` (from 1).
        #[must_use]
        pub fn page(mut self, page: u32) -> Self {
            self.$($part)+.page = Some(page);
            self
        }

        /// Items per page, 1 to the list's largest page.
        #[must_use]
        pub fn page_size(mut self, size: u32) -> Self {
            self.$($part)+.page_size = Some(size);
            self
        }

        /// Whether each item keeps its own JSON (never the page's), for
        /// [`raw_document`](crate::models::Customer::raw_document) and `attribute(name)`: the
        /// attributes the model does not name. On by default; `false` saves a copy of each
        /// item's bytes, for a walk that never asks.
        ///
        /// ```
        /// use kustomer::{Operation, customers::ListCustomers};
        ///
        /// let body = br#"{"data":[{"type":"customer","id":"c1","attributes":{"tier":"gold"}}]}"#;
        /// let kept = ListCustomers::new().parse(http::Response::new(&body[..]))?;
        /// assert_eq!(
        ///     kept.items[0].raw_document(),
        ///     Some(r#"{"type":"customer","id":"c1","attributes":{"tier":"gold"}}"#)
        /// );
        /// let bare = ListCustomers::new().keep_raw(false).parse(http::Response::new(&body[..]))?;
        /// assert_eq!(bare.items[0].raw_document(), None);
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        #[must_use]
        pub fn keep_raw(mut self, keep: bool) -> Self {
            self.$($part)+.keep_raw = keep;
            self
        }
    };
}

pub(crate) use paging_methods;
