//! Pages of a list, and the pure state machine that follows their `next` links.

use std::collections::{HashMap, HashSet, VecDeque};
use std::sync::Arc;

use http::Response;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use crate::protocol::base_url::BaseUrl;
use serde_json::value::RawValue;

pub use crate::protocol::error::BadRecord;
use crate::protocol::error::{DecodeError, Error};
use crate::protocol::lenient::{self, ObjectOnly};
use crate::protocol::response::decode_success;

/// One page of a list: its items, what the server said about the list, and the links to the
/// other pages. `links.next` is `None` on the last page.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Items that could not be read as `T`, kept raw (usually none).
    pub rejected: Vec<BadRecord>,
    /// Page number, size and (for top-level lists) totals.
    pub meta: PageMeta,
    /// Links to this and the neighbouring pages, relative to the host.
    pub links: PageLinks,
}

impl<T> Page<T> {
    pub(crate) fn new(
        items: Vec<T>,
        rejected: Vec<BadRecord>,
        meta: PageMeta,
        links: PageLinks,
    ) -> Self {
        Self {
            items,
            rejected,
            meta,
            links,
        }
    }
}

/// `meta` of a list page. Sub-resource lists only say `page` and `pageSize`; lists paged by
/// cursor say `count`, `total` and `cursorCount`.
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
    /// Items on this page, for lists paged by cursor (audit logs).
    #[serde(deserialize_with = "lenient::scalar")]
    pub count: Option<u64>,
    /// Items past the cursor, for lists paged by cursor.
    #[serde(deserialize_with = "lenient::scalar")]
    pub cursor_count: Option<u64>,
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

pub(crate) use crate::protocol::document::FromDocument;
pub use crate::protocol::document::Record;
pub use crate::protocol::paging::Paging;

/// Reads a list page: the typed error for an error status, else `{meta, data: [...], links}`.
///
/// One item that cannot be read (a `null` ID, a duplicate key, a number out of range) does not
/// lose the page: the other items are read, and that one is kept, raw, in [`Page::rejected`].
/// With `keep_raw`, each item keeps a copy of its own JSON (not the page's), cut out as it is read.
pub(crate) fn parse_page<T, B>(response: Response<B>, keep_raw: bool) -> Result<Page<T>, Error>
where
    T: DeserializeOwned + FromDocument,
    B: AsRef<[u8]>,
{
    #[derive(Deserialize)]
    #[serde(bound = "T: DeserializeOwned")]
    struct Doc<T> {
        #[serde(default)]
        data: Option<Vec<ObjectOnly<T>>>,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        meta: PageMeta,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        links: PageLinks,
    }
    if let Some(err) = crate::protocol::response::error_for_status(&response) {
        return Err(err);
    }
    let status = response.status();
    let body = response.body().as_ref();
    let text = crate::protocol::response::body_text(status, body)?;
    let whole = if keep_raw {
        // Each item cut out of the page as it is read; anything unusual is read item by item.
        if let Some(split) = crate::protocol::page_items::split::<T>(text)
            && let Ok(ObjectOnly(doc)) = serde_json::from_str::<ObjectOnly<Doc<T>>>(&split.envelope)
        {
            let items = split
                .items
                .into_iter()
                .map(|(mut item, raw)| {
                    item.attach(crate::protocol::document::RawSource::item(raw));
                    item
                })
                .collect();
            return Ok(Page::new(items, Vec::new(), doc.meta, doc.links));
        }
        None
    } else {
        match serde_json::from_str::<ObjectOnly<Doc<T>>>(text) {
            Ok(ObjectOnly(doc)) => {
                let items = doc.data.unwrap_or_default().into_iter().map(|i| i.0);
                return Ok(Page::new(items.collect(), Vec::new(), doc.meta, doc.links));
            }
            // Valid JSON with a bad item: read the items one by one.
            Err(e) => Some(DecodeError::json(status, body, &e)),
        }
    };
    parse_page_by_item(status, body, text, whole, keep_raw)
}

/// Reads a page item by item: when it did not read as a whole (`whole` says why), or when each
/// item keeps its own JSON and the page could not be cut up as it was read.
fn parse_page_by_item<T>(
    status: http::StatusCode,
    body: &[u8],
    text: &str,
    whole: Option<DecodeError>,
    keep_raw: bool,
) -> Result<Page<T>, Error>
where
    T: DeserializeOwned + FromDocument,
{
    #[derive(Deserialize)]
    struct RawDoc<'a> {
        #[serde(default, borrow)]
        data: Option<Vec<&'a RawValue>>,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        meta: PageMeta,
        #[serde(default, deserialize_with = "lenient::object_or_default")]
        links: PageLinks,
    }
    let doc = match serde_json::from_str::<ObjectOnly<RawDoc<'_>>>(text) {
        Ok(ObjectOnly(doc)) => doc,
        // Not valid JSON, or not a page: the first error says why.
        Err(e) => {
            return Err(whole
                .unwrap_or_else(|| DecodeError::json(status, body, &e))
                .into());
        }
    };
    let mut items = Vec::new();
    let mut rejected = Vec::new();
    for (index, raw) in doc.data.unwrap_or_default().into_iter().enumerate() {
        match serde_json::from_str::<ObjectOnly<T>>(raw.get()) {
            Ok(ObjectOnly(mut item)) => {
                if keep_raw {
                    item.attach(crate::protocol::document::RawSource::item(raw.get()));
                }
                items.push(item);
            }
            Err(e) => rejected.push(BadRecord {
                index,
                reason: DecodeError::json(status, raw.get().as_bytes(), &e),
                raw: raw.get().to_owned(),
            }),
        }
    }
    if let Some(whole) = whole.filter(|_| rejected.is_empty()) {
        // Every item reads alone: what failed was the page itself.
        return Err(whole.into());
    }
    Ok(Page::new(items, rejected, doc.meta, doc.links))
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
        data: ObjectOnly<T>,
    }
    let (doc, raw) = decode_success::<ObjectOnly<Doc<T>>, B>(&response)?;
    let mut item = doc.0.data.0;
    item.attach(crate::protocol::document::RawSource::document(&Arc::from(
        raw,
    )));
    Ok(item)
}

/// An operation that reads one page of a list and can be pointed at the next one.
pub trait PagedOperation:
    crate::protocol::operation::Operation<Output = Page<Self::Item>> + Sized
{
    /// The list's item.
    type Item;

    /// Its paging part.
    fn paging(&self) -> &Paging;

    /// Its paging part, to move it on.
    fn paging_mut(&mut self) -> &mut Paging;

    /// The same operation moved on to the page at `path` (after `/v1`, query included), as
    /// given by [`Cursor::advance`]: sent as is, without a copy of the operation.
    #[must_use]
    fn at(mut self, path: String) -> Self {
        self.paging_mut().next = Some(path);
        self
    }

    /// How many pages the API serves from this one on, if it caps them (a search: up to page
    /// 100); `None` for a list without a cap.
    fn pages_served(&self) -> Option<u32> {
        None
    }
}

/// Turns a page's `next` link into the path (after `/v1`) and query of the next request.
///
/// Relative links (`/v1/customers?page=2`) are joined to the configured base; an absolute link is
/// accepted only on the configured base's origin (scheme, host and port compared after
/// normalisation: case, a trailing dot, a default port), so a response can never send the key to
/// another host. The path must stay under `/v1/` of the base: dot segments (`..`, `%2e%2e`),
/// backslashes, encoded slashes and empty segments are refused, so a link cannot climb out of a
/// proxy base's path prefix. Anything else is an [`Error::Pagination`].
///
/// ```
/// use kustomer::{BaseUrl, Region, page::resolve_next_link};
///
/// let base = BaseUrl::from(Region::Us);
/// assert_eq!(resolve_next_link(&base, "/v1/customers?page=2")?, "/customers?page=2");
/// assert_eq!(resolve_next_link(&base, "https://API.kustomerapp.com.:443/v1/customers?page=2")?, "/customers?page=2");
/// assert!(resolve_next_link(&base, "https://evil.example/v1/customers?page=2").is_err());
/// assert!(resolve_next_link(&base, "/v1/customers/../../orgs").is_err());
/// # Ok::<(), kustomer::Error>(())
/// ```
pub fn resolve_next_link(base: &BaseUrl, link: &str) -> Result<String, Error> {
    let bad = |why: &str| Error::Pagination {
        reason: format!("{why}: {}", crate::protocol::excerpt::excerpt_str(link)),
    };
    if link
        .chars()
        .any(|c| c.is_control() || c == ' ' || c == '\\')
    {
        return Err(bad(
            "the next link holds a control character, a space or a backslash",
        ));
    }
    // A fragment is never sent; the query is kept as it is.
    let link = link.split('#').next().unwrap_or_default();
    let (target, query) = match link.find('?') {
        Some(at) => (
            link.get(..at).unwrap_or_default(),
            link.get(at..).unwrap_or_default(),
        ),
        None => (link, ""),
    };
    let (base_origin, prefix) =
        Origin::of_base(base).ok_or_else(|| bad("the base URL cannot be read"))?;
    let absolute_path;
    let path = if target.starts_with('/') && !target.starts_with("//") {
        target
    } else {
        // Absolute (`https://host/...`) or scheme-relative (`//host/...`).
        let absolute = match target.strip_prefix("//") {
            Some(rest) => format!("{}://{rest}", base_origin.scheme),
            None => target.to_owned(),
        };
        let uri: http::Uri = absolute
            .parse()
            .map_err(|_| bad("the next link is not a path or a URL"))?;
        if Origin::of_uri(&uri).as_ref() != Some(&base_origin) {
            return Err(bad("the next link points to another host"));
        }
        absolute_path = uri.path().to_owned();
        absolute_path.as_str()
    };
    // Links may or may not repeat the base's own path prefix.
    let under_base = path.strip_prefix(prefix).filter(|p| p.starts_with("/v1/"));
    let rest = under_base
        .or(Some(path))
        .and_then(|p| p.strip_prefix("/v1/"))
        .ok_or_else(|| bad("the next link is not a /v1/ path"))?;
    for segment in rest.split('/') {
        let decoded = percent_encoding::percent_decode_str(segment).decode_utf8_lossy();
        if segment.is_empty() || decoded == "." || decoded == ".." || decoded.contains(['/', '\\'])
        {
            return Err(bad(
                "the next link holds an empty or dot segment, or an encoded slash",
            ));
        }
    }
    Ok(format!("/{rest}{query}"))
}

/// Scheme, host and port, normalised: lower case, no trailing dot, the scheme's default port
/// made explicit.
#[derive(Debug, PartialEq, Eq)]
struct Origin {
    scheme: String,
    host: String,
    port: u16,
}

impl Origin {
    fn of_uri(uri: &http::Uri) -> Option<Self> {
        let scheme = uri.scheme_str()?.to_ascii_lowercase();
        let authority = uri.authority()?;
        if authority.as_str().contains('@') {
            return None;
        }
        let default = match scheme.as_str() {
            "https" => 443,
            "http" => 80,
            _ => return None,
        };
        let host = authority.host().trim_end_matches('.').to_ascii_lowercase();
        Some(Self {
            scheme,
            host,
            port: authority.port_u16().unwrap_or(default),
        })
    }

    /// The base's origin and its path prefix (empty, or like `/kustomer`).
    fn of_base(base: &BaseUrl) -> Option<(Self, &str)> {
        let root = base.as_str();
        let uri: http::Uri = root.parse().ok()?;
        let origin = Self::of_uri(&uri)?;
        let after_scheme = root.find("://")? + 3;
        let prefix = match root.get(after_scheme..)?.find('/') {
            Some(at) => root.get(after_scheme + at..)?,
            None => "",
        };
        Some((origin, prefix))
    }
}

/// How many pages in a row may bring no new item (empty pages that still link to a next one, or
/// items already yielded) before a list is given up with [`Error::Pagination`].
pub const MAX_PAGES_WITHOUT_NEW_ITEMS: u32 = 3;

/// How many recent pages a list remembers the items of: an item repeated within them is not
/// yielded again.
pub const RECENT_PAGES: usize = 10;

/// The pagination state machine: which page to ask for next, given the last page's links, and
/// which of a page's items are new. Pure: no I/O, so every case is a unit test.
///
/// It ends every list: a `next` link that repeats a page already asked for (the first request
/// included) is an [`Error::Pagination`], and so are [`MAX_PAGES_WITHOUT_NEW_ITEMS`] pages in a
/// row that bring nothing new. Items repeated within the last [`RECENT_PAGES`] pages (as happens
/// when records are added while a list is read) are yielded once. Memory stays bounded by those
/// pages and one path per page.
#[derive(Debug, Clone, Default)]
pub struct Cursor {
    seen: HashSet<String>,
    recent: VecDeque<Vec<u64>>,
    recent_ids: HashMap<u64, u32>,
    stale_pages: u32,
    done: bool,
}

impl Cursor {
    /// A cursor before the first page.
    pub fn new() -> Self {
        Self::default()
    }

    /// A cursor for a list whose first request went to `path` (after `/v1`, query included): a
    /// `next` link back to it is a repeat.
    pub fn starting_at(path: impl Into<String>) -> Self {
        let mut cursor = Self::default();
        cursor.seen.insert(path.into());
        cursor
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
        // This page itself, by the name the server gives it, is not a page to come back to.
        if let Some(own) = links.self_link.as_deref()
            && let Ok(path) = resolve_next_link(base, own)
        {
            self.seen.insert(path);
        }
        let Some(next) = links.next.as_deref().filter(|n| !n.is_empty()) else {
            self.done = true;
            return Ok(None);
        };
        let path = resolve_next_link(base, next).inspect_err(|_| self.done = true)?;
        if !self.seen.insert(path.clone()) {
            self.done = true;
            return Err(Error::Pagination {
                reason: format!(
                    "the next link repeats a page already read: {}",
                    crate::protocol::excerpt::excerpt_str(next)
                ),
            });
        }
        Ok(Some(path))
    }

    /// Keeps the items of a page that were not yielded within the last [`RECENT_PAGES`] pages,
    /// in order. `has_next` says whether the page links to another.
    ///
    /// # Errors
    /// [`Error::Pagination`] when this is the [`MAX_PAGES_WITHOUT_NEW_ITEMS`]th page in a row
    /// that links on without bringing a new item.
    ///
    /// ```
    /// use kustomer::page::{Cursor, Record};
    ///
    /// struct Item(&'static str);
    /// impl Record for Item {
    ///     fn record_id(&self) -> Option<&str> { Some(self.0) }
    /// }
    /// let mut cursor = Cursor::new();
    /// assert_eq!(cursor.fresh(vec![Item("a"), Item("b")], true)?.len(), 2);
    /// let again = cursor.fresh(vec![Item("b"), Item("c")], true)?;
    /// assert_eq!(again.iter().map(|i| i.0).collect::<Vec<_>>(), ["c"]);
    /// // Pages that bring nothing new end the list.
    /// assert!(cursor.fresh(Vec::<Item>::new(), true).is_ok());
    /// assert!(cursor.fresh(vec![Item("a")], true).is_ok());
    /// assert!(cursor.fresh(vec![Item("c")], true).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn fresh<T: Record>(&mut self, items: Vec<T>, has_next: bool) -> Result<Vec<T>, Error> {
        self.fresh_page(items, Vec::new(), has_next)
            .map(|(fresh, _)| fresh)
    }

    /// [`fresh`](Self::fresh) for a page with unreadable items too: those not reported within
    /// the last [`RECENT_PAGES`] pages (told apart by their JSON) are new, as readable items
    /// are; one already reported is neither yielded again nor counted as new, so a page that
    /// repeats only it still counts towards [`MAX_PAGES_WITHOUT_NEW_ITEMS`].
    ///
    /// # Errors
    /// As [`fresh`](Self::fresh).
    pub fn fresh_page<T: Record>(
        &mut self,
        items: Vec<T>,
        rejected: Vec<BadRecord>,
        has_next: bool,
    ) -> Result<(Vec<T>, Vec<BadRecord>), Error> {
        let mut hashes = Vec::with_capacity(items.len() + rejected.len());
        let mut fresh = Vec::with_capacity(items.len());
        let mut fresh_rejected = Vec::new();
        for record in rejected {
            // Keyed apart from IDs: an unreadable item is known by its JSON.
            let hash = fingerprint(&("\0bad", &record.raw));
            if self.recent_ids.contains_key(&hash) || hashes.contains(&hash) {
                continue;
            }
            hashes.push(hash);
            fresh_rejected.push(record);
        }
        for item in items {
            let Some(id) = item.record_id() else {
                // Without an ID an item cannot be recognised: it is new.
                fresh.push(item);
                continue;
            };
            let hash = fingerprint(&id);
            if self.recent_ids.contains_key(&hash) || hashes.contains(&hash) {
                continue;
            }
            hashes.push(hash);
            fresh.push(item);
        }
        for &hash in &hashes {
            *self.recent_ids.entry(hash).or_default() += 1;
        }
        self.recent.push_back(hashes);
        if self.recent.len() > RECENT_PAGES
            && let Some(old) = self.recent.pop_front()
        {
            for hash in old {
                if let Some(count) = self.recent_ids.get_mut(&hash) {
                    *count = count.saturating_sub(1);
                    if *count == 0 {
                        self.recent_ids.remove(&hash);
                    }
                }
            }
        }
        if !fresh.is_empty() || !fresh_rejected.is_empty() || !has_next {
            self.stale_pages = 0;
            return Ok((fresh, fresh_rejected));
        }
        self.stale_pages = self.stale_pages.saturating_add(1);
        if self.stale_pages >= MAX_PAGES_WITHOUT_NEW_ITEMS {
            self.done = true;
            return Err(Error::Pagination {
                reason: format!(
                    "{MAX_PAGES_WITHOUT_NEW_ITEMS} pages in a row brought no new item; the list does not end"
                ),
            });
        }
        Ok((fresh, fresh_rejected))
    }

    /// Whether the last page has been seen.
    pub fn is_done(&self) -> bool {
        self.done
    }
}

/// A 64-bit fingerprint of an ID (or of an unreadable item's JSON): the recent-items window
/// holds these, not the IDs.
pub(crate) fn fingerprint(id: &impl std::hash::Hash) -> u64 {
    use std::hash::{DefaultHasher, Hasher};
    let mut hasher = DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::protocol::base_url::Region;

    const PAGE: &str = r#"{"meta":{"page":1},"data":[
        {"type":"customer","id":"c1","attributes":{"name":"Ada","loyaltyTier":"gold"}},
        {"type":"customer","id":"c2","attributes":{"name":"Grace"},"extra":[1,2,3]}],
        "links":{"self":"/v1/customers?page=1","next":null}}"#;

    fn page(keep_raw: bool, body: &str) -> Page<crate::families::models::Customer> {
        parse_page(Response::new(body.as_bytes()), keep_raw).unwrap()
    }

    #[test]
    fn list_items_keep_their_own_json_only_when_asked() {
        let plain = page(false, PAGE);
        assert_eq!(plain.items.len(), 2);
        assert!(plain.items.iter().all(|c| c.raw_document().is_none()));
        assert_eq!(plain.items[0].attribute("loyaltyTier"), None);

        let kept = page(true, PAGE);
        assert_eq!(plain.items.len(), kept.items.len());
        assert_eq!(plain.meta, kept.meta);
        assert_eq!(plain.links, kept.links);
        // Exactly the item's bytes, not the page's: what one kept item costs.
        assert_eq!(
            kept.items[0].raw_document(),
            Some(
                r#"{"type":"customer","id":"c1","attributes":{"name":"Ada","loyaltyTier":"gold"}}"#
            )
        );
        assert_eq!(
            kept.items[1].raw_document(),
            Some(r#"{"type":"customer","id":"c2","attributes":{"name":"Grace"},"extra":[1,2,3]}"#)
        );
        assert_eq!(
            kept.items[0].attribute("loyaltyTier"),
            Some(serde_json::json!("gold"))
        );
        assert_eq!(kept.items[1].attribute("loyaltyTier"), None);
        assert_eq!(kept.items[1].attributes.name.as_deref(), Some("Grace"));
    }

    #[test]
    fn keeping_raw_json_loses_no_bad_record_and_no_error() {
        let bad = r#"{"data":[{"type":"customer","id":"c1"},{"type":"customer","id":null}]}"#;
        for keep_raw in [false, true] {
            let p = page(keep_raw, bad);
            assert_eq!(p.items.len(), 1, "{keep_raw}");
            assert_eq!(p.rejected.len(), 1, "{keep_raw}");
            assert_eq!(p.rejected[0].raw, r#"{"type":"customer","id":null}"#);
            for body in ["{\"data\":[", "<html>502</html>", "[1,2]"] {
                let err = parse_page::<crate::families::models::Customer, _>(
                    Response::new(body.as_bytes()),
                    keep_raw,
                )
                .unwrap_err();
                assert!(
                    matches!(err, Error::Decode(_)),
                    "{keep_raw} {body}: {err:?}"
                );
            }
            let status = Response::builder().status(404).body(&b"{}"[..]).unwrap();
            let err =
                parse_page::<crate::families::models::Customer, _>(status, keep_raw).unwrap_err();
            assert!(err.is_not_found(), "{keep_raw}: {err:?}");
        }
    }

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
