//! What a server said when it did not answer as asked: an error status with its `errors`
//! entries, or a success whose body was not the document expected. Secrets it echoes are
//! redacted.

use std::fmt;

use http::StatusCode;
use serde::{Deserialize, Serialize};

use crate::protocol::excerpt::excerpt;

/// What a 401 or 403 most likely means, and where the request went.
pub(crate) fn unauthorized_hint(error: &ApiError) -> String {
    let check = "check the API key and that it has the roles this operation needs; a key works \
                 only on the hosts of its own org's region";
    match &error.host {
        Some(host) => format!("{check} (this request went to {host})"),
        None => check.to_owned(),
    }
}

/// A non-success response: its status, every entry of its `errors` array, and an excerpt of the
/// body when that was not the API's JSON (an HTML page from a proxy, say).
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct ApiError {
    /// The HTTP status.
    pub status: StatusCode,
    /// Every entry of the body's `errors` array, in order; empty if the body had none.
    pub errors: Vec<ApiErrorEntry>,
    /// The start of the body, with control characters escaped, when it held no error entries.
    pub body_excerpt: Option<String>,
    /// The host the request went to, when the client knows it (for a 401's advice).
    pub host: Option<String>,
    /// What the operation adds to a bare status (the klass a custom object lives in, say).
    pub context: Option<String>,
}

impl ApiError {
    /// Reads an error response body. Never fails: a body that is not the API's error JSON is kept
    /// as a short excerpt.
    pub fn from_body(status: StatusCode, body: &[u8]) -> Self {
        #[derive(Deserialize)]
        struct Body {
            #[serde(default, deserialize_with = "crate::protocol::lenient::objects")]
            errors: Vec<ApiErrorEntry>,
        }
        let errors = serde_json::from_slice::<Body>(crate::protocol::excerpt::strip_bom(body))
            .map(|b| b.errors)
            .unwrap_or_default();
        let body_excerpt = (errors.is_empty() && !body.is_empty()).then(|| excerpt(body));
        let mut error = Self {
            status,
            errors,
            body_excerpt,
            host: None,
            context: None,
        };
        // A webhook's token or header value the server sent back is in no message.
        for secret in echoed_secrets(body) {
            error.redact(&secret);
        }
        if let Some(excerpt) = &mut error.body_excerpt {
            crate::protocol::scrub::scrub_text(excerpt);
        }
        error
    }
}

impl ApiError {
    pub(crate) fn redact(&mut self, secret: &str) {
        if let Some(excerpt) = &mut self.body_excerpt {
            redact(excerpt, secret);
        }
        for entry in &mut self.errors {
            let texts = [
                &mut entry.code,
                &mut entry.title,
                &mut entry.detail,
                &mut entry.message,
            ];
            for text in texts.into_iter().flatten() {
                redact(text, secret);
            }
            for value in [&mut entry.source, &mut entry.meta].into_iter().flatten() {
                redact_json(value, secret);
            }
        }
    }
}

use crate::protocol::scrub::REDACTED;

/// Secrets in a body the server sent (see [`crate::scrub`]) long enough to be told apart from
/// ordinary text wherever a message quotes them; shorter ones are removed where they stand.
fn echoed_secrets(body: &[u8]) -> Vec<String> {
    let mut secrets = crate::protocol::scrub::secret_values(body);
    secrets.retain(|s| s.chars().count() >= 4);
    secrets
}

impl DecodeError {
    /// Removes the secrets of `body` (the text this error is about) from the message and the
    /// excerpt.
    fn without_secrets_of(mut self, body: &[u8]) -> Self {
        for secret in echoed_secrets(body) {
            redact(&mut self.message, &secret);
            redact(&mut self.excerpt, &secret);
        }
        crate::protocol::scrub::scrub_text(&mut self.message);
        crate::protocol::scrub::scrub_text(&mut self.excerpt);
        self
    }
}

/// [`redact`] on every string of a JSON value, keys included. Server JSON is at most 128 levels
/// deep (serde_json's limit), so the recursion is bounded.
fn redact_json(value: &mut serde_json::Value, secret: &str) {
    use serde_json::Value;
    match value {
        Value::String(text) => redact(text, secret),
        Value::Array(items) => items.iter_mut().for_each(|v| redact_json(v, secret)),
        Value::Object(map) => {
            if map.keys().any(|k| k.contains(secret)) {
                *map = std::mem::take(map)
                    .into_iter()
                    .map(|(k, v)| (k.replace(secret, REDACTED), v))
                    .collect();
            }
            map.values_mut().for_each(|v| redact_json(v, secret));
        }
        _ => {}
    }
}

/// Replaces `secret` in `text`, and a cut-off start of it at the end of an excerpt.
pub(crate) fn redact(text: &mut String, secret: &str) {
    if secret.is_empty() {
        return;
    }
    if text.contains(secret) {
        *text = text.replace(secret, REDACTED);
    }
    // An excerpt cut in the middle of the key ends with its first characters, then `…`.
    let body = text.strip_suffix('…').unwrap_or(text);
    let cut = (4..secret.len())
        .rev()
        .filter_map(|n| secret.get(..n))
        .find(|start| body.ends_with(start));
    if let Some(start) = cut {
        let keep = body.len() - start.len();
        text.truncate(keep);
        text.push_str(REDACTED);
        text.push('…');
    }
}

impl fmt::Display for ApiError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.status)?;
        for (i, entry) in self.errors.iter().enumerate() {
            f.write_str(if i == 0 { ": " } else { "; " })?;
            write!(f, "{entry}")?;
        }
        if let Some(body) = &self.body_excerpt {
            write!(f, ": {body}")?;
        }
        if let Some(context) = &self.context {
            write!(f, " ({context})")?;
        }
        Ok(())
    }
}

/// One entry of a Kustomer `errors` array, in either of the API's two shapes:
/// JSON:API style (`status`, `code`, `title`, `detail`, `source`) or the newer one (`code`, `message`,
/// `meta`). Every field is optional; nothing about an entry makes parsing fail.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(default, rename_all = "camelCase")]
#[non_exhaustive]
pub struct ApiErrorEntry {
    /// The status the entry reports (sent as a number or a string).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub status: Option<u16>,
    /// A machine-readable code such as `notfound`, `badparam` or `bad_request`.
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub code: Option<String>,
    /// A short summary (JSON:API shape).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub title: Option<String>,
    /// Details (JSON:API shape), e.g. a JSON pointer into the request schema.
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub detail: Option<String>,
    /// The message (newer shape).
    #[serde(deserialize_with = "crate::protocol::lenient::scalar")]
    pub message: Option<String>,
    /// Which input the error is about (`parameter` or `parameters`), as sent.
    pub source: Option<serde_json::Value>,
    /// Extra data (newer shape), as sent.
    pub meta: Option<serde_json::Value>,
}

impl fmt::Display for ApiErrorEntry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut parts = [&self.code, &self.title, &self.message, &self.detail]
            .into_iter()
            .flatten()
            .peekable();
        if parts.peek().is_none() {
            f.write_str("(no details)")?;
        }
        let mut first = true;
        for part in parts {
            if !first {
                f.write_str(": ")?;
            }
            f.write_str(&excerpt(part.as_bytes()))?;
            first = false;
        }
        if let Some(source) = &self.source {
            write!(f, " (source: {})", excerpt(source.to_string().as_bytes()))?;
        }
        Ok(())
    }
}

/// A response with a success status whose body was not the expected document: malformed or
/// truncated JSON, an HTML page, a wrong shape. Names the position and shows the body's start.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "could not decode the {status} response: {message} at line {line} column {column} (body starts: {excerpt})"
)]
#[non_exhaustive]
pub struct DecodeError {
    /// The response's status.
    pub status: StatusCode,
    /// What was wrong, as the JSON parser said it.
    pub message: String,
    /// The 1-based line of the error (0 when the body was not text).
    pub line: usize,
    /// The 1-based column of the error.
    pub column: usize,
    /// The start of the body, control characters escaped.
    pub excerpt: String,
}

impl DecodeError {
    pub(crate) fn json(status: StatusCode, body: &[u8], err: &serde_json::Error) -> Self {
        // serde_json's message ends in " at line L column C"; keep the reason alone.
        let full = err.to_string();
        let message = match full.rfind(" at line ") {
            Some(at) => full.get(..at).unwrap_or(&full).to_owned(),
            None => full,
        };
        Self {
            status,
            // serde's messages may quote server text as is: no raw line breaks in a log line.
            message: excerpt(message.as_bytes()),
            line: err.line(),
            column: err.column(),
            excerpt: excerpt(body),
        }
        .without_secrets_of(body)
    }

    pub(crate) fn not_utf8(status: StatusCode, body: &[u8], err: std::str::Utf8Error) -> Self {
        Self {
            status,
            message: format!(
                "body is not UTF-8 (invalid byte at offset {})",
                err.valid_up_to()
            ),
            line: 0,
            column: 0,
            excerpt: excerpt(body),
        }
        .without_secrets_of(body)
    }
}
