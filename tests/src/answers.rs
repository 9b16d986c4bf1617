//! How the fake answers: a status and a JSON body, Kustomer's error shape, pages with their
//! links, and the query helpers every route uses. Below every route, above nothing of the fake.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, percent_decode_str, utf8_percent_encode};
use serde_json::{Value, json};

/// What a route answers: status and body (empty for 204).
pub(crate) type Answer = (u16, String);

const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

pub(crate) fn bad(title: &str) -> Answer {
    (400, error_body(400, "badparam", title))
}

pub(crate) fn not_found(parameter: &str) -> Answer {
    (
        404,
        json!({"errors": [{"status": 404, "code": "notfound", "title": "Not Found",
        "source": {"parameter": parameter}}]})
        .to_string(),
    )
}

pub(crate) fn one(status: u16, data: &Value) -> Answer {
    (status, json!({"data": data}).to_string())
}

/// Percent-decoded `key=value` pairs; `+` stays `+`.
pub(crate) fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|pair| {
            let (k, v) = pair.split_once('=').unwrap_or((pair, ""));
            let decode = |s: &str| percent_decode_str(s).decode_utf8_lossy().into_owned();
            (decode(k), decode(v))
        })
        .collect()
}

pub(crate) fn param<'q>(pairs: &'q [(String, String)], key: &str) -> Option<&'q str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
}

/// `page` and `pageSize`, checked against `max`.
pub(crate) fn paging(
    pairs: &[(String, String)],
    default_size: usize,
    max_size: usize,
) -> Result<(usize, usize), Answer> {
    let number = |key: &str, default: usize| match param(pairs, key) {
        None => Ok(default),
        Some(v) => v
            .parse::<usize>()
            .ok()
            .filter(|n| *n >= 1)
            .ok_or_else(|| bad(&format!("{key} must be a positive integer"))),
    };
    let page = number("page", 1)?;
    let size = number("pageSize", default_size)?;
    if size > max_size {
        return Err(bad(&format!("pageSize must be at most {max_size}")));
    }
    Ok((page, size))
}

/// The items of page `page` (from 1) of `size`.
pub(crate) fn window<T: Clone>(items: &[T], page: usize, size: usize) -> Vec<T> {
    items
        .iter()
        .skip((page - 1) * size)
        .take(size)
        .cloned()
        .collect()
}

/// The page the request asks for (`page`, `pageSize` up to `max_size`, 100 by default) of
/// `items`, as a list answer; a 400 for a bad page or size.
pub(crate) fn list_answer(
    path: &str,
    pairs: &[(String, String)],
    items: &[Value],
    max_size: usize,
    top_level: bool,
) -> Answer {
    match paging(pairs, 100, max_size) {
        Ok((page, size)) => page_answer(
            path,
            pairs,
            &window(items, page, size),
            items.len(),
            page,
            size,
            top_level,
        ),
        Err(answer) => answer,
    }
}

/// `{meta, data, links}` for page `page` of a list of `total` items, whose items are `data`;
/// `top_level` lists also have totals and `last`.
pub(crate) fn page_answer(
    path: &str,
    pairs: &[(String, String)],
    data: &[Value],
    total: usize,
    page: usize,
    size: usize,
    top_level: bool,
) -> Answer {
    let total_pages = total.div_ceil(size).max(1);
    let link = |p: usize| {
        let mut query: Vec<String> = pairs
            .iter()
            .filter(|(k, _)| k != "page")
            .map(|(k, v)| {
                format!(
                    "{}={}",
                    utf8_percent_encode(k, ENCODE),
                    utf8_percent_encode(v, ENCODE)
                )
            })
            .collect();
        query.insert(0, format!("page={p}"));
        format!("/v1{path}?{}", query.join("&"))
    };
    let (prev, next) = (
        (page > 1).then(|| link(page - 1)),
        (page * size < total).then(|| link(page + 1)),
    );
    let (meta, links) = if top_level {
        (
            json!({"page": page, "pageSize": size, "total": total, "totalPages": total_pages}),
            json!({"self": link(page), "first": link(1), "prev": prev, "next": next, "last": link(total_pages)}),
        )
    } else {
        (
            json!({"page": page, "pageSize": size}),
            json!({"self": link(page), "first": link(1), "prev": prev, "next": next}),
        )
    };
    (
        200,
        json!({"meta": meta, "data": data, "links": links}).to_string(),
    )
}

/// Kustomer's JSON:API error body.
pub(crate) fn error_body(status: u16, code: &str, title: &str) -> String {
    json!({"errors": [{"status": status, "code": code, "title": title}]}).to_string()
}
