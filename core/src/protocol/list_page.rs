//! One page of a list as the API sends it, read item by item, and the operations that read one.

use std::sync::Arc;

use http::Response;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Serialize};

use serde_json::value::RawValue;

use crate::protocol::error::{BadRecord, DecodeError, Error};
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

use crate::protocol::document::FromDocument;
use crate::protocol::paging::Paging;

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

/// Reads the answer to a get by several IDs: `data` is an object for one ID and an array for
/// several; both read as a list. An item that cannot be read is an [`Error::BadRecord`].
pub(crate) fn parse_one_or_many<T, B>(response: Response<B>) -> Result<Vec<T>, Error>
where
    T: DeserializeOwned + FromDocument,
    B: AsRef<[u8]>,
{
    let one = serde_json::from_slice::<serde_json::Value>(response.body().as_ref())
        .ok()
        .is_some_and(|doc| doc.get("data").is_some_and(serde_json::Value::is_object));
    if one {
        return parse_one(response).map(|item| vec![item]);
    }
    let page = parse_page::<T, B>(response, true)?;
    if let Some(bad) = page.rejected.into_iter().next() {
        return Err(Error::BadRecord(Box::new(bad)));
    }
    Ok(page.items)
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
    /// given by [`Cursor::advance`](crate::page::Cursor::advance): sent as is, without a copy of the operation.
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
