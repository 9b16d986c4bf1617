//! The second half of an attachment: the file, to the storage host the API named.

use std::io::Read;
use std::net::IpAddr;
use std::sync::Mutex;

use http::header::{CONTENT_TYPE, USER_AGENT};
use http::{HeaderValue, Method, Request, Response, Uri};

use crate::families::models::UploadPolicy;
use crate::protocol::config::{Config, USER_AGENT_VALUE};
use crate::protocol::error::{Error, InvalidInput, TransportError, TransportErrorKind};
use crate::protocol::idempotency::Idempotency;
use crate::protocol::operation::Operation;
use crate::protocol::response::error_for_status;

/// Upload a file to the storage host an attachment's [`UploadPolicy`] names: a
/// `multipart/form-data` POST of the policy's fields, then the file last under `file`.
///
/// It goes to the storage host, not Kustomer: it never carries the API key or any Kustomer
/// header, and only to an `https` URL (or plain `http` on loopback, for a test server). The file
/// is read once from any [`Read`] into the request's body, its size checked against the size the
/// attachment declared; it is held in memory once, and sent at most once (the operation gives
/// up its body when built, and is never retried).
///
/// ```
/// use std::collections::BTreeMap;
/// use kustomer::{ApiKey, Config, Operation, attachments::UploadFile, models::UploadPolicy};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let policy = UploadPolicy::new("https://storage.example.com/bucket", BTreeMap::from([("key".to_string(), "a/1.txt".to_string())]));
/// let upload = UploadFile::from_reader(&policy, "1.txt", "text/plain", &b"hello"[..], 5)?;
/// let request = upload.build(&config)?;
/// assert_eq!(request.uri(), "https://storage.example.com/bucket");
/// assert!(request.headers().get("authorization").is_none());
/// let body = String::from_utf8(request.body().clone()).unwrap();
/// assert!(body.find("name=\"key\"").unwrap() < body.find("name=\"file\"").unwrap());
/// assert!(UploadFile::from_reader(&policy, "1.txt", "text/plain", &b"hello!"[..], 5).is_err()); // 6 bytes, not 5
/// # Ok::<(), kustomer::Error>(())
/// ```
///
/// Its `Debug` shows the storage host, the policy's field names and the sizes, never the signed
/// URL, a field's value (the policy's signature) or the file.
pub struct UploadFile {
    url: Uri,
    content_type: HeaderValue,
    body: Mutex<Option<Vec<u8>>>,
    /// The policy's field names, for `Debug`.
    fields: Vec<String>,
    /// The file's size in bytes.
    file_bytes: u64,
}

impl std::fmt::Debug for UploadFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let pending = self
            .body
            .lock()
            .map(|body| body.as_ref().map(Vec::len))
            .unwrap_or_default();
        f.debug_struct("UploadFile")
            .field("host", &self.url.host().unwrap_or_default())
            .field("fields", &self.fields)
            .field("file_bytes", &self.file_bytes)
            .field("body_bytes", &pending)
            .finish()
    }
}

impl UploadFile {
    /// The upload of `declared` bytes read from `file`, named `file_name`, of type
    /// `content_type`, as `policy` asks.
    ///
    /// # Errors
    /// [`Error::InvalidInput`] if the policy's URL is not `https` (or loopback `http`), a field
    /// or the name cannot go into a multipart header, or the file does not hold exactly
    /// `declared` bytes; [`Error::Transport`] if reading fails.
    pub fn from_reader(
        policy: &UploadPolicy,
        file_name: &str,
        content_type: &str,
        file: impl Read,
        declared: u64,
    ) -> Result<Self, Error> {
        let url = storage_url(&policy.url)?;
        check_file_name(file_name)?;
        let boundary = boundary(file_name);
        let mut body = Vec::new();
        for (name, value) in &policy.fields {
            part_header(&mut body, &boundary, name, None, None)?;
            body.extend_from_slice(value.as_bytes());
            body.extend_from_slice(b"\r\n");
        }
        part_header(
            &mut body,
            &boundary,
            "file",
            Some(file_name),
            Some(content_type),
        )?;
        let start = body.len();
        // One byte more than declared tells a longer file from an exact one.
        let read = file
            .take(declared.saturating_add(1))
            .read_to_end(&mut body)
            .map_err(|e| Error::Transport(TransportError::new(TransportErrorKind::Io, e)))?;
        if u64::try_from(read).ok() != Some(declared) {
            return Err(InvalidInput::new(
                "file",
                format!(
                    "holds {read}{} bytes; the attachment declared {declared}",
                    if u64::try_from(read).is_ok_and(|r| r > declared) {
                        " or more"
                    } else {
                        ""
                    }
                ),
            )
            .into());
        }
        // The boundary must not occur in the file; one derived from it rarely does, so check.
        let delimiter = format!("\r\n--{boundary}");
        if body.get(start..).is_some_and(|file| {
            file.windows(delimiter.len())
                .any(|w| w == delimiter.as_bytes())
        }) {
            return Err(InvalidInput::new(
                "file",
                "holds the multipart boundary; rename it and retry",
            )
            .into());
        }
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let content_type =
            HeaderValue::try_from(format!("multipart/form-data; boundary={boundary}"))
                .map_err(|_| InvalidInput::new("upload", "cannot form its content type"))?;
        Ok(Self {
            url,
            content_type,
            body: Mutex::new(Some(body)),
            fields: policy.fields.keys().cloned().collect(),
            file_bytes: declared,
        })
    }

    /// The upload of `bytes`.
    ///
    /// # Errors
    /// As [`from_reader`](Self::from_reader).
    pub fn from_bytes(
        policy: &UploadPolicy,
        file_name: &str,
        content_type: &str,
        bytes: &[u8],
    ) -> Result<Self, Error> {
        let declared = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
        Self::from_reader(policy, file_name, content_type, bytes, declared)
    }
}

impl Operation for UploadFile {
    type Output = ();

    /// Not Kustomer's: the storage host's form POST.
    fn operation_id(&self) -> &'static str {
        "UploadFile"
    }

    fn build(&self, _config: &Config) -> Result<Request<Vec<u8>>, Error> {
        let body = self
            .body
            .lock()
            .map_err(|_| InvalidInput::new("upload", "its body was lost to a panic"))?
            .take()
            .ok_or_else(|| {
                InvalidInput::new("upload", "was already sent: an upload is sent once")
            })?;
        // No Authorization, no Kustomer header: this goes to the storage host.
        let mut request = Request::builder()
            .method(Method::POST)
            .uri(self.url.clone())
            .header(CONTENT_TYPE, self.content_type.clone())
            .header(USER_AGENT, HeaderValue::from_static(USER_AGENT_VALUE))
            .body(body)
            .map_err(|_| InvalidInput::new("upload", "could not be built"))?;
        // Never sent again, whatever the policy: no copy of the file is kept to resend.
        Idempotency::Once.mark(&mut request);
        Ok(request)
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<(), Error> {
        error_for_status(&response).map_or(Ok(()), Err)
    }
}

/// The storage URL: `https`, or `http` on a loopback host.
fn storage_url(url: &str) -> Result<Uri, InvalidInput> {
    let bad = || InvalidInput::new("upload url", "must be an https URL with a host");
    let uri: Uri = url.parse().map_err(|_| bad())?;
    let host = uri.host().ok_or_else(bad)?.trim_matches(['[', ']']);
    let loopback = host.eq_ignore_ascii_case("localhost")
        || host.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback());
    match uri.scheme_str() {
        Some("https") => Ok(uri),
        Some("http") if loopback => Ok(uri),
        _ => Err(bad()),
    }
}

/// A boundary unlikely to occur in the file: from the clock and the name.
fn boundary(file_name: &str) -> String {
    use std::hash::{BuildHasher, Hasher};
    let mut hasher = std::collections::hash_map::RandomState::new().build_hasher();
    hasher.write(file_name.as_bytes());
    format!("kustomer-rs-{:016x}", hasher.finish())
}

/// Checks a file's name for an upload's multipart header, before anything is created: not
/// empty, no quote, no control character (CR and LF included), no trailing backslash (which a
/// parser would read as escaping the closing quote).
pub(crate) fn check_file_name(name: &str) -> Result<(), InvalidInput> {
    if name.is_empty() {
        return Err(InvalidInput::new("file name", "is empty"));
    }
    if !header_safe(name) || name.ends_with('\\') {
        return Err(InvalidInput::new(
            "file name",
            "holds a quote, a control character (CR, LF...) or a trailing backslash, which no \
             upload header can carry unambiguously",
        ));
    }
    Ok(())
}

/// Whether `text` can stand in a multipart header as is: no quote, no control character (CR
/// and LF included).
pub(crate) fn header_safe(text: &str) -> bool {
    !text.contains('"') && !text.chars().any(char::is_control)
}

/// What RFC 8187 lets stand unencoded in an extended parameter (`attr-char`).
const NOT_ATTR_CHAR: &percent_encoding::AsciiSet = &percent_encoding::NON_ALPHANUMERIC
    .remove(b'!')
    .remove(b'#')
    .remove(b'$')
    .remove(b'&')
    .remove(b'+')
    .remove(b'-')
    .remove(b'.')
    .remove(b'^')
    .remove(b'_')
    .remove(b'`')
    .remove(b'|')
    .remove(b'~');

/// The `filename` parameter(s) of a checked name: the name itself when it is plain ASCII
/// without `\` or `%`, which every parser reads alike; otherwise a plain stand-in (`_` for each
/// other character) and the exact name as RFC 8187's `filename*=UTF-8''…`, which parsers that
/// know it prefer.
fn file_name_params(name: &str) -> String {
    let plain = |c: char| c.is_ascii_graphic() && c != '\\' && c != '%' || c == ' ';
    if name.chars().all(plain) {
        return format!("; filename=\"{name}\"");
    }
    let stand_in: String = name
        .chars()
        .map(|c| if plain(c) { c } else { '_' })
        .collect();
    let exact = percent_encoding::utf8_percent_encode(name, NOT_ATTR_CHAR);
    format!("; filename=\"{stand_in}\"; filename*=UTF-8''{exact}")
}

/// One part's header, refusing what would break out of it.
fn part_header(
    body: &mut Vec<u8>,
    boundary: &str,
    name: &str,
    file_name: Option<&str>,
    content_type: Option<&str>,
) -> Result<(), InvalidInput> {
    if !header_safe(name) || !content_type.is_none_or(header_safe) {
        return Err(InvalidInput::new(
            "upload",
            "a field name or type holds a line break, a control character or a quote",
        ));
    }
    body.extend_from_slice(
        format!("--{boundary}\r\nContent-Disposition: form-data; name=\"{name}\"").as_bytes(),
    );
    if let Some(file_name) = file_name {
        check_file_name(file_name)?;
        body.extend_from_slice(file_name_params(file_name).as_bytes());
    }
    body.extend_from_slice(b"\r\n");
    if let Some(content_type) = content_type {
        body.extend_from_slice(format!("Content-Type: {content_type}\r\n").as_bytes());
    }
    body.extend_from_slice(b"\r\n");
    Ok(())
}
