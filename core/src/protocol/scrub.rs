//! Secrets a server may send back, found and removed from what an error shows: the values of a
//! body's secret-named keys (a webhook's `token`, its headers' `value`s, any `secret` or
//! `password`) and a `Bearer` credential echoed by a proxy. Pure text work, so an error built by
//! [`Operation::parse`](crate::Operation::parse) alone, without a client, is as clean as one
//! through it.

/// JSON keys whose string values are secrets, wherever they stand in a body.
const SECRET_KEYS: [&str; 5] = ["token", "secret", "password", "value", "apiKey"];

/// What stands in for a removed secret.
pub(crate) const REDACTED: &str = "[redacted]";

/// The values of `body`'s secret-named keys (strings, and scalars written without quotes), read
/// as JSON would, however the body is cut or malformed around them.
pub(crate) fn secret_values(body: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(body);
    let mut values = Vec::new();
    for (start, end) in secret_spans(&text) {
        let Some(raw) = text.get(start..end) else {
            continue;
        };
        // A whole JSON string reads back unescaped; a cut one, or a bare scalar, as it stands.
        let value = serde_json::from_str::<String>(&format!("\"{raw}\""))
            .unwrap_or_else(|_| raw.to_owned());
        if !value.is_empty() && !values.contains(&value) {
            values.push(value);
        }
    }
    values
}

/// `text` with every secret-named key's value and every `Bearer` credential replaced by
/// `[redacted]`, in place: for excerpts, whose end may cut a value short.
pub(crate) fn scrub_text(text: &mut String) {
    let mut spans = secret_spans(text);
    spans.extend(bearer_spans(text));
    if spans.is_empty() {
        return;
    }
    spans.sort_unstable();
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for (start, end) in spans {
        if start < at {
            continue;
        }
        out.push_str(text.get(at..start).unwrap_or_default());
        out.push_str(REDACTED);
        at = end;
    }
    out.push_str(text.get(at..).unwrap_or_default());
    *text = out;
}

/// Byte ranges of the values of secret-named keys: `"token": "…"` gives the inside of the
/// quotes (to the end of the text if the string is cut), `"value": 1234` the scalar.
fn secret_spans(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(found) = text.get(from..).and_then(|rest| rest.find('"')) {
        let open = from + found;
        let key_start = open + 1;
        let Some(key_len) = text.get(key_start..).and_then(|rest| rest.find('"')) else {
            break;
        };
        let key_end = key_start + key_len;
        from = key_end + 1;
        let Some(key) = text.get(key_start..key_end) else {
            continue;
        };
        if !SECRET_KEYS.iter().any(|k| k.eq_ignore_ascii_case(key)) {
            // Not a secret's key: carry on from its closing quote, which may open the next key.
            from = key_end;
            continue;
        }
        let mut at = skip_space(bytes, key_end + 1);
        if bytes.get(at) != Some(&b':') {
            from = key_end;
            continue;
        }
        at = skip_space(bytes, at + 1);
        match bytes.get(at) {
            Some(b'"') => {
                let start = at + 1;
                let end = string_end(bytes, start);
                spans.push((start, end));
                from = end + 1;
            }
            Some(b'{' | b'[') | None => {}
            Some(_) => {
                let end = (at..bytes.len())
                    .find(|&i| matches!(bytes.get(i), Some(b',' | b'}' | b']' | b' ' | b'\n')))
                    .unwrap_or(bytes.len());
                if text.get(at..end).is_none_or(|v| v != "null") {
                    spans.push((at, end));
                }
                from = end;
            }
        }
    }
    spans
}

/// The index of the quote closing a JSON string that starts at `start`, or the text's end.
fn string_end(bytes: &[u8], start: usize) -> usize {
    let mut at = start;
    while let Some(&b) = bytes.get(at) {
        match b {
            b'\\' => at += 2,
            b'"' => return at,
            _ => at += 1,
        }
    }
    bytes.len()
}

fn skip_space(bytes: &[u8], mut at: usize) -> usize {
    while bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
        at += 1;
    }
    at
}

/// Byte ranges of credentials after `Bearer ` (any case), as a proxy's debug page echoes the
/// `Authorization` header.
fn bearer_spans(text: &str) -> Vec<(usize, usize)> {
    let lower = text.to_ascii_lowercase();
    let bytes = text.as_bytes();
    let mut spans = Vec::new();
    let mut from = 0;
    while let Some(found) = lower.get(from..).and_then(|rest| rest.find("bearer ")) {
        let start = skip_space(bytes, from + found + "bearer ".len());
        let end = (start..bytes.len())
            .find(|&i| {
                bytes.get(i).is_none_or(|b| {
                    b.is_ascii_whitespace() || matches!(b, b'"' | b'<' | b'\'' | b'\\')
                })
            })
            .unwrap_or(bytes.len());
        if end > start {
            spans.push((start, end));
        }
        from = end.max(from + found + 1);
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scrubbed(text: &str) -> String {
        let mut text = text.to_owned();
        scrub_text(&mut text);
        text
    }

    #[test]
    fn secret_values_are_found_in_whole_cut_and_odd_bodies() {
        let body = br#"{"data":{"attributes":{"name":"hook","token":"whsec-1\"2","headers":[{"name":"X-S","value":"hdr-secret"}],"password":42,"secret":null}}}"#;
        assert_eq!(secret_values(body), ["whsec-1\"2", "hdr-secret", "42"]);
        assert_eq!(secret_values(br#"{"token":"cut-sho"#), ["cut-sho"]);
        assert!(secret_values(b"<html>no json</html>").is_empty());
        assert!(secret_values(br#"{"tokens":["a"],"name":"token"}"#).is_empty());
    }

    #[test]
    fn excerpts_lose_secret_values_and_bearer_credentials() {
        assert_eq!(
            scrubbed(r#"{"name":"n","token":"whsec-abc","url":"https://x"}"#),
            r#"{"name":"n","token":"[redacted]","url":"https://x"}"#
        );
        assert_eq!(
            scrubbed(r#"{"value" : "cut-of"#),
            r#"{"value" : "[redacted]"#
        );
        assert_eq!(
            scrubbed("<pre>Authorization: Bearer sk_live_0123</pre>"),
            "<pre>Authorization: Bearer [redacted]</pre>"
        );
        assert_eq!(scrubbed("plain text"), "plain text");
        assert_eq!(scrubbed(r#"{"name":"value"}"#), r#"{"name":"value"}"#);
    }
}
