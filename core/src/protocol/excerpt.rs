//! Short, printable excerpts of response bodies for error messages, and the body text they start from.

/// How many characters of a body an error message shows.
const EXCERPT_CHARS: usize = 160;

/// The first characters of `body` as one printable line: invalid UTF-8 replaced, control
/// characters escaped (so a body cannot forge log lines), `…` when cut.
pub(crate) fn excerpt(body: &[u8]) -> String {
    // Four bytes per char at most, so this slice holds every char the excerpt can show.
    let head = body.get(..EXCERPT_CHARS * 4).unwrap_or(body);
    let text = String::from_utf8_lossy(head);
    let mut out = String::with_capacity(EXCERPT_CHARS + 8);
    let mut shown = 0;
    let mut cut = head.len() < body.len();
    for c in text.trim().chars() {
        // Escaped control characters count for what they print, so the line stays short.
        let width = if c.is_control() {
            c.escape_default().count()
        } else {
            1
        };
        if shown + width > EXCERPT_CHARS {
            cut = true;
            break;
        }
        if c.is_control() {
            out.extend(c.escape_default());
        } else {
            out.push(c);
        }
        shown += width;
    }
    if cut {
        out.push('…');
    }
    out
}

/// `body` without a leading UTF-8 byte-order mark.
pub(crate) fn strip_bom(body: &[u8]) -> &[u8] {
    body.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(body)
}

/// [`excerpt`] of a string.
pub(crate) fn excerpt_str(text: &str) -> String {
    excerpt(text.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::excerpt;

    #[test]
    fn excerpts_are_short_single_lines() {
        assert_eq!(
            excerpt(b"  <html>\r\n<h1>502</h1>\n"),
            "<html>\\r\\n<h1>502</h1>"
        );
        let long = "é".repeat(1000);
        let cut = excerpt(long.as_bytes());
        assert_eq!(cut.chars().count(), 161);
        assert!(cut.ends_with('…'));
        assert_eq!(excerpt(&[0xff, b'a', 0x1b]), "\u{fffd}a\\u{1b}");
        let controls = excerpt(&[0u8; 500]);
        assert!(controls.chars().count() <= 161, "{controls}");
        assert!(controls.ends_with('…'));
        assert_eq!(excerpt(b""), "");
    }
}
