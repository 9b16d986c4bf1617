//! Following a list from page to page: a page's `next` link checked and turned into the next
//! request's path ([`resolve_next_link`]), and the state that ends every list ([`Cursor`]).

use std::collections::{HashMap, HashSet, VecDeque};

use crate::protocol::base_url::BaseUrl;
use crate::protocol::document::Record;
use crate::protocol::error::{BadRecord, Error};
use crate::protocol::list_page::PageLinks;

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
