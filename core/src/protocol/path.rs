//! Untrusted values placed in a URL path, each kept inside its own segment.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, PercentEncode, utf8_percent_encode};

use crate::protocol::error::InvalidInput;

/// Everything but RFC 3986 "unreserved" characters is encoded, so `/`, `?`, `#`, `%`, `+`, `@`,
/// spaces and non-ASCII cannot end or change a segment.
const SEGMENT: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'.')
    .remove(b'_')
    .remove(b'~');

/// Longest value accepted in one segment; Kustomer IDs are 24 characters.
const MAX_SEGMENT_LEN: usize = 1024;

/// Checks `value` and returns it percent-encoded for one path segment, so that no input can
/// reach another path: everything but `A-Z a-z 0-9 - . _ ~` is encoded (`/`, `?`, `#`, `%`, `+`,
/// `@`, spaces, non-ASCII).
///
/// Refused: the empty string, `.` and `..` (dot segments that servers and proxies collapse), control
/// characters (no legitimate ID holds one) and values over 1 KiB. The error names `what`.
///
/// ```
/// use kustomer::encode_path_segment;
///
/// assert_eq!(encode_path_segment("id", "../a b")?.to_string(), "..%2Fa%20b");
/// assert!(encode_path_segment("id", "..").is_err());
/// # Ok::<(), kustomer::InvalidInput>(())
/// ```
pub fn segment<'a>(what: &'static str, value: &'a str) -> Result<PercentEncode<'a>, InvalidInput> {
    if value.is_empty() {
        return Err(InvalidInput::new(what, "is empty"));
    }
    if value == "." || value == ".." {
        return Err(InvalidInput::new(what, "is a dot segment ('.' or '..')"));
    }
    if let Some(pos) = value.chars().position(char::is_control) {
        return Err(InvalidInput::new(
            what,
            format!("holds a control character at character {pos}"),
        ));
    }
    if value.len() > MAX_SEGMENT_LEN {
        return Err(InvalidInput::new(
            what,
            format!("is longer than {MAX_SEGMENT_LEN} bytes"),
        ));
    }
    Ok(utf8_percent_encode(value, SEGMENT))
}

/// One segment holding 1 to `max` IDs separated by commas (`a1,b2`), each encoded as
/// [`segment`] encodes it: an ID holding a comma is refused, as it would split in two.
pub(crate) fn id_list(
    what: &'static str,
    ids: &[String],
    max: usize,
) -> Result<String, InvalidInput> {
    if ids.is_empty() || ids.len() > max {
        return Err(InvalidInput::new(what, format!("takes 1 to {max} IDs")));
    }
    let mut joined = String::new();
    for id in ids {
        if id.contains(',') {
            return Err(InvalidInput::new(
                what,
                "holds a comma, which separates IDs",
            ));
        }
        if !joined.is_empty() {
            joined.push(',');
        }
        joined.push_str(&segment(what, id)?.to_string());
    }
    Ok(joined)
}

#[cfg(test)]
mod tests {
    use super::segment;

    #[test]
    fn hostile_values_stay_in_their_segment() {
        let cases = [
            ("58210c3db0f09110006b7953", "58210c3db0f09110006b7953"),
            ("../orgs", "..%2Forgs"),
            ("a/b", "a%2Fb"),
            ("a?b=c", "a%3Fb%3Dc"),
            ("a#b", "a%23b"),
            ("100%", "100%25"),
            ("%2e%2e", "%252e%252e"),
            ("a b", "a%20b"),
            ("+1 555@x", "%2B1%20555%40x"),
            ("é", "%C3%A9"),
            ("...", "..."),
            ("a-b.c_d~e", "a-b.c_d~e"),
        ];
        for (input, want) in cases {
            assert_eq!(segment("id", input).unwrap().to_string(), want, "{input:?}");
        }
    }

    #[test]
    fn unusable_values_are_refused() {
        for bad in ["", ".", "..", "a\r\nb", "a\nb", "\0", "a\x7f", "a\u{85}b"] {
            let err = segment("customer id", bad).unwrap_err();
            assert_eq!(err.what(), "customer id", "{bad:?}");
        }
        assert!(segment("id", &"a".repeat(1025)).is_err());
        assert!(segment("id", &"a".repeat(1024)).is_ok());
    }
}
