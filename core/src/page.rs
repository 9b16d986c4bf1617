//! Pages of a list, and the pure state machine that follows their `next` links.

use std::collections::HashSet;
use std::sync::Arc;

use http::Response;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::base_url::BaseUrl;
use crate::error::Error;
use crate::lenient;
use crate::response::decode_success;

/// One page of a list: its items, what the server said about the list, and the links to the
/// other pages. `links.next` is `None` on the last page.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Page number, size and (for top-level lists) totals.
    pub meta: PageMeta,
    /// Links to this and the neighbouring pages, relative to the host.
    pub links: PageLinks,
}

/// `meta` of a list page. Sub-resource lists only say `page` and `pageSize`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct PageMeta {
    /// The page number, from 1.
    #[serde(deserialize_with = "lenient::scalar")]
    pub page: Option<u64>,
    /// Items per page.
    #[serde(deserialize_with = "lenient::scalar")]
    pub page_size: Option<u64>,
    /// Items in the whole list.
    #[serde(deserialize_with = "lenient::scalar")]
    pub total: Option<u64>,
    /// Pages in the whole list.
    #[serde(deserialize_with = "lenient::scalar")]
    pub total_pages: Option<u64>,
    /// Search aggregations, as sent.
    pub aggregations: Option<serde_json::Value>,
}

/// `links` of a list page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
#[non_exhaustive]
pub struct PageLinks {
    /// This page.
    #[serde(rename = "self", deserialize_with = "lenient::scalar")]
    pub self_link: Option<String>,
    /// The first page.
    #[serde(deserialize_with = "lenient::scalar")]
    pub first: Option<String>,
    /// The previous page.
    #[serde(deserialize_with = "lenient::scalar")]
    pub prev: Option<String>,
    /// The next page; `None` on the last one.
    #[serde(deserialize_with = "lenient::scalar")]
    pub next: Option<String>,
    /// The last page (top-level lists only).
    #[serde(deserialize_with = "lenient::scalar")]
    pub last: Option<String>,
}

/// Items that keep a reference to the document they were read from.
pub(crate) trait FromDocument {
    /// Called once per item after parsing, with the whole document and the item's index in
    /// `data` (`None` when `data` is the item itself).
    fn attach(&mut self, _document: &Arc<str>, _index: Option<usize>) {}
}

/// Reads a list page: the typed error for an error status, else `{meta, data: [...], links}`.
pub(crate) fn parse_page<T, B>(response: Response<B>) -> Result<Page<T>, Error>
where
    T: DeserializeOwned + FromDocument,
    B: AsRef<[u8]>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct Doc<T> {
        #[serde(default)]
        data: Option<Vec<T>>,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        meta: PageMeta,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        links: PageLinks,
    }
    let (doc, raw) = decode_success::<Doc<T>, B>(&response)?;
    let mut items = doc.data.unwrap_or_default();
    if !items.is_empty() {
        let shared: Arc<str> = Arc::from(raw);
        for (i, item) in items.iter_mut().enumerate() {
            item.attach(&shared, Some(i));
        }
    }
    Ok(Page {
        items,
        meta: doc.meta,
        links: doc.links,
    })
}

/// Reads a single-resource document `{data: {...}}`.
pub(crate) fn parse_one<T, B>(response: Response<B>) -> Result<T, Error>
where
    T: DeserializeOwned + FromDocument,
    B: AsRef<[u8]>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct Doc<T> {
        data: T,
    }
    let (doc, raw) = decode_success::<Doc<T>, B>(&response)?;
    let mut item = doc.data;
    item.attach(&Arc::from(raw), None);
    Ok(item)
}

/// An operation that reads one page of a list and can be pointed at the next one.
pub trait PagedOperation: crate::Operation<Output = Page<Self::Item>> + Sized {
    /// The list's item.
    type Item;

    /// The same operation for the page at `path` (after `/v1`, query included), as given by
    /// [`Cursor::advance`].
    fn at(&self, path: String) -> Self;
}

/// Turns a page's `next` link into the path (after `/v1`) and query of the next request.
///
/// Relative links (`/v1/customers?page=2`) are joined to the configured base; an absolute link is
/// accepted only on the configured base itself, so a response can never send the key to another
/// host. Anything else is an [`Error::Pagination`].
pub fn resolve_next_link(base: &BaseUrl, link: &str) -> Result<String, Error> {
    let bad = |why: &str| Error::Pagination {
        reason: format!("{why}: {}", crate::excerpt::excerpt_str(link)),
    };
    if link.chars().any(|c| c.is_control() || c == ' ') {
        return Err(bad("the next link holds a control character or space"));
    }
    let path = if let Some(rest) = link.strip_prefix(base.as_str()) {
        rest
    } else if link.starts_with("//") || link.contains("://") {
        return Err(bad("the next link points to another host"));
    } else {
        link
    };
    match path.strip_prefix("/v1/") {
        Some(rest) if !rest.starts_with('/') => Ok(format!("/{rest}")),
        _ => Err(bad("the next link is not a /v1/ path")),
    }
}

/// The pagination state machine: which page to ask for next, given the last page's links. Pure:
/// no I/O, so every case is a unit test. It stops with [`Error::Pagination`] rather than loop if
/// a `next` link repeats.
#[derive(Debug, Clone, Default)]
pub struct Cursor {
    seen: HashSet<String>,
    done: bool,
}

impl Cursor {
    /// A cursor before the first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// Records a page's links: `Ok(Some(path))` for the next page (after `/v1`), `Ok(None)` when
    /// the list is done.
    ///
    /// ```
    /// use kustomer::{BaseUrl, Region, page::{Cursor, PageLinks}};
    ///
    /// let base = BaseUrl::from(Region::Us);
    /// let mut cursor = Cursor::new();
    /// let mut links = PageLinks::default();
    /// links.next = Some("/v1/customers?page=2&pageSize=100".into());
    /// assert_eq!(cursor.advance(&base, &links)?, Some("/customers?page=2&pageSize=100".into()));
    /// // The same link again would loop forever: it is an error instead.
    /// assert!(cursor.advance(&base, &links).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn advance(&mut self, base: &BaseUrl, links: &PageLinks) -> Result<Option<String>, Error> {
        if self.done {
            return Ok(None);
        }
        let Some(next) = links.next.as_deref().filter(|n| !n.is_empty()) else {
            self.done = true;
            return Ok(None);
        };
        let path = resolve_next_link(base, next)?;
        if !self.seen.insert(path.clone()) {
            self.done = true;
            return Err(Error::Pagination {
                reason: format!(
                    "the next link repeats: {}",
                    crate::excerpt::excerpt_str(next)
                ),
            });
        }
        Ok(Some(path))
    }

    /// Whether the last page has been seen.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base_url::Region;

    #[test]
    fn links_join_the_base_and_never_leave_it() {
        let us = BaseUrl::from(Region::Us);
        let proxy: BaseUrl = "https://gw.example.com/kustomer".parse().unwrap();
        let ok = [
            (
                &us,
                "/v1/customers?page=2&pageSize=100",
                "/customers?page=2&pageSize=100",
            ),
            (
                &us,
                "https://api.kustomerapp.com/v1/customers?page=3",
                "/customers?page=3",
            ),
            (&proxy, "/v1/customers?page=2", "/customers?page=2"),
            (
                &proxy,
                "https://gw.example.com/kustomer/v1/customers?page=2",
                "/customers?page=2",
            ),
        ];
        for (base, link, want) in ok {
            assert_eq!(resolve_next_link(base, link).unwrap(), want, "{link}");
        }
        for link in [
            "https://evil.example/v1/customers?page=2",
            "//evil.example/v1/customers",
            "http://api.kustomerapp.com/v1/customers",
            "/v2/customers",
            "customers?page=2",
            "/v1//evil.example/x",
            "/v1/customers?page=2\r\nX: y",
            "",
        ] {
            assert!(
                matches!(resolve_next_link(&us, link), Err(Error::Pagination { .. })),
                "{link:?}"
            );
        }
    }

    #[test]
    fn a_cursor_ends_on_a_null_next_and_refuses_a_repeat() {
        let base = BaseUrl::from(Region::Us);
        let mut cursor = Cursor::new();
        let page = |next: Option<&str>| PageLinks {
            next: next.map(str::to_owned),
            ..PageLinks::default()
        };
        assert_eq!(
            cursor
                .advance(&base, &page(Some("/v1/c?page=2")))
                .unwrap()
                .as_deref(),
            Some("/c?page=2")
        );
        assert_eq!(
            cursor
                .advance(&base, &page(Some("/v1/c?page=3")))
                .unwrap()
                .as_deref(),
            Some("/c?page=3")
        );
        assert!(cursor.advance(&base, &page(Some("/v1/c?page=2"))).is_err());
        assert!(cursor.is_done());
        let mut cursor = Cursor::new();
        assert_eq!(cursor.advance(&base, &page(None)).unwrap(), None);
        assert!(cursor.is_done());
        assert_eq!(
            cursor.advance(&base, &page(Some("/v1/c?page=9"))).unwrap(),
            None
        );
    }
}
