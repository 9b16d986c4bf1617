//! Checks of input values that the API would refuse, run before anything is sent.

use serde_json::{Map, Value};

use crate::protocol::error::InvalidInput;

/// `full-date "T" partial-time time-offset` of RFC 3339, section 5.6, with every field in range
/// (the day for its month and year, a leap second allowed).
pub(crate) fn is_date_time(value: &str) -> bool {
    let b = value.as_bytes();
    let number = |at: usize, len: usize| -> Option<u32> {
        let digits = b.get(at..at + len)?;
        digits.iter().try_fold(0u32, |n, d| {
            d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0'))
        })
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day)) = (number(0, 4), number(5, 2), number(8, 2)) else {
        return false;
    };
    let (Some(hour), Some(minute), Some(second)) = (number(11, 2), number(14, 2), number(17, 2))
    else {
        return false;
    };
    let shape = at(4, b'-')
        && at(7, b'-')
        && (at(10, b'T') || at(10, b't'))
        && at(13, b':')
        && at(16, b':');
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let days = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    if !shape || day == 0 || day > days || hour > 23 || minute > 59 || second > 60 {
        return false;
    }
    // Optional fraction, then the offset.
    let mut i = 19;
    if at(i, b'.') {
        i += 1;
        let start = i;
        while b.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == start {
            return false;
        }
    }
    match b.get(i) {
        Some(b'Z' | b'z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let (Some(h), Some(m)) = (number(i + 1, 2), number(i + 4, 2)) else {
                return false;
            };
            at(i + 3, b':') && h <= 23 && m <= 59 && i + 6 == b.len()
        }
        _ => false,
    }
}

/// Checks that a number the API stores is finite: JSON has no NaN or infinity, and serde_json
/// would send `null` instead, which clears the attribute.
pub(crate) fn finite(what: &'static str, value: f64) -> Result<(), InvalidInput> {
    if value.is_finite() {
        Ok(())
    } else {
        Err(InvalidInput::new(
            what,
            format!("{value} is not a finite number"),
        ))
    }
}

/// Custom attribute suffixes the API knows, and the JSON type each holds.
const CUSTOM_SUFFIXES: [(&str, CustomType); 6] = [
    ("Str", CustomType::Text),
    ("Txt", CustomType::Text),
    ("Url", CustomType::Text),
    ("At", CustomType::Time),
    ("Num", CustomType::Number),
    ("Bool", CustomType::Bool),
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum CustomType {
    Text,
    Time,
    Number,
    Bool,
}

pub(crate) fn max_chars(
    what: &'static str,
    text: Option<&str>,
    max: usize,
) -> Result<(), InvalidInput> {
    match text {
        Some(t) if t.chars().count() > max => Err(InvalidInput::new(
            what,
            format!("is longer than {max} characters"),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn chars_between(
    what: &'static str,
    text: &str,
    min: usize,
    max: usize,
) -> Result<(), InvalidInput> {
    let n = text.chars().count();
    if n < min || n > max {
        return Err(InvalidInput::new(
            what,
            format!("must be {min} to {max} characters, not {n}"),
        ));
    }
    Ok(())
}

pub(crate) fn not_empty(what: &'static str, text: &str) -> Result<(), InvalidInput> {
    if text.trim().is_empty() {
        return Err(InvalidInput::new(what, "holds an empty value"));
    }
    Ok(())
}

pub(crate) fn one_of(
    what: &'static str,
    value: Option<&str>,
    allowed: &[&str],
) -> Result<(), InvalidInput> {
    match value {
        Some(v) if !allowed.contains(&v) => Err(InvalidInput::new(
            what,
            format!(
                "{:?} is not one of {}",
                crate::protocol::excerpt::excerpt_str(v),
                allowed.join(", ")
            ),
        )),
        _ => Ok(()),
    }
}

pub(crate) fn check_count(what: &'static str, n: usize, max: usize) -> Result<(), InvalidInput> {
    if n > max {
        return Err(InvalidInput::new(
            what,
            format!("has {n} items; at most {max} are allowed"),
        ));
    }
    Ok(())
}

pub(crate) fn check_unique<T: PartialEq>(
    what: &'static str,
    items: &[T],
) -> Result<(), InvalidInput> {
    let repeated = items
        .iter()
        .enumerate()
        .any(|(i, item)| items.iter().skip(i + 1).any(|other| other == item));
    if repeated {
        return Err(InvalidInput::new(what, "holds the same item twice"));
    }
    Ok(())
}

/// At most 10 unique items, each passing `check`.
pub(crate) fn check_list<T: PartialEq>(
    what: &'static str,
    items: Option<&[T]>,
    check: impl Fn(&T) -> Result<(), InvalidInput>,
) -> Result<(), InvalidInput> {
    check_list_max(what, items, 10, check)
}

/// Tags: 1 to 64 characters of letters (Latin-1 included), digits, space and `_/<>-.`, not
/// starting with a space (the API's pattern).
pub(crate) fn check_tag(tag: &str) -> Result<(), InvalidInput> {
    chars_between("tags", tag, 1, 64)?;
    let allowed = |c: char| {
        c.is_ascii_alphanumeric() || ('\u{c0}'..='\u{ff}').contains(&c) || "_/<>-. ".contains(c)
    };
    if tag.starts_with(' ') || !tag.chars().all(allowed) {
        return Err(InvalidInput::new(
            "tags",
            format!(
                "{:?} holds a character tags may not",
                crate::protocol::excerpt::excerpt_str(tag)
            ),
        ));
    }
    Ok(())
}

/// A number custom attribute's value. NaN and infinities have no JSON form: they are kept
/// visible, as a string the `Num` suffix refuses, rather than sent as `null`, which would clear
/// the attribute.
pub(crate) fn custom_number(value: f64) -> Value {
    serde_json::Number::from_f64(value)
        .map_or_else(|| Value::String(value.to_string()), Value::Number)
}

pub(crate) fn check_custom(custom: &Map<String, Value>) -> Result<(), InvalidInput> {
    check_count("custom", custom.len(), 100)?;
    for (name, value) in custom {
        let shown = crate::protocol::excerpt::excerpt_str(name);
        let kind = CUSTOM_SUFFIXES
            .iter()
            .find(|(suffix, _)| name.len() > suffix.len() && name.ends_with(suffix))
            .map(|(_, kind)| *kind)
            .ok_or_else(|| {
                InvalidInput::new(
                    "custom",
                    format!("{shown:?} must end in a type suffix: Str, Txt, Url, At, Num or Bool"),
                )
            })?;
        let fits = match (kind, value) {
            (_, Value::Null) => true,
            (CustomType::Text, Value::String(s)) => s.chars().count() <= 1024,
            (CustomType::Time, Value::String(s)) => is_date_time(s),
            (CustomType::Number, Value::Number(_)) => true,
            (CustomType::Bool, Value::Bool(_)) => true,
            _ => false,
        };
        if kind == CustomType::Number && value.is_string() {
            return Err(InvalidInput::new(
                "custom",
                format!("{shown:?} is not a finite number"),
            ));
        }
        if !fits {
            return Err(InvalidInput::new(
                "custom",
                format!("{shown:?} holds a value its suffix does not allow"),
            ));
        }
    }
    Ok(())
}

/// Tags as the spec wants them: at most 20, unique, each 1 to 64 allowed characters.
pub(crate) fn check_tags(tags: Option<&[String]>) -> Result<(), InvalidInput> {
    let Some(tags) = tags else { return Ok(()) };
    check_count("tags", tags.len(), 20)?;
    check_unique("tags", tags)?;
    tags.iter().try_for_each(|t| check_tag(t))
}

/// A list of IDs: at most `max`, unique, none empty.
pub(crate) fn check_list_of(
    what: &'static str,
    ids: Option<&[String]>,
    max: usize,
) -> Result<(), InvalidInput> {
    check_list_max(what, ids, max, |id| not_empty(what, id))
}

/// At most `max` unique items, each passing `check`.
pub(crate) fn check_list_max<T: PartialEq>(
    what: &'static str,
    items: Option<&[T]>,
    max: usize,
    check: impl Fn(&T) -> Result<(), InvalidInput>,
) -> Result<(), InvalidInput> {
    let Some(items) = items else { return Ok(()) };
    check_count(what, items.len(), max)?;
    check_unique(what, items)?;
    items.iter().try_for_each(check)
}

/// `field` must be set for this operation.
pub(crate) fn required<T>(what: &'static str, field: &Option<T>) -> Result<(), InvalidInput> {
    match field {
        Some(_) => Ok(()),
        None => Err(InvalidInput::new(what, "is required here")),
    }
}

/// `field` must not be set for this operation (its schema does not have it).
pub(crate) fn absent<T>(
    what: &'static str,
    field: &Option<T>,
    why: &'static str,
) -> Result<(), InvalidInput> {
    match field {
        Some(_) => Err(InvalidInput::new(what, why)),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::is_date_time;

    #[test]
    fn rfc3339_date_times_and_nothing_else() {
        for good in [
            "2024-01-01T00:00:00Z",
            "2024-01-01T00:00:00.000Z",
            "2016-11-09T04:23:01.925Z",
            "2024-02-29T23:59:60.5+02:00",
            "2024-12-31t10:00:00-11:30",
            "2000-02-29T00:00:00z",
        ] {
            assert!(is_date_time(good), "{good}");
        }
        for bad in [
            "2024-01-01",
            "2024",
            "",
            "2024-01-01T00:00:00",
            "2024-01-01 00:00:00Z",
            "2024-13-01T00:00:00Z",
            "2023-02-29T00:00:00Z",
            "1900-02-29T00:00:00Z",
            "2024-04-31T00:00:00Z",
            "2024-01-00T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T00:60:00Z",
            "2024-01-01T00:00:61Z",
            "2024-01-01T00:00:00.Z",
            "2024-01-01T00:00:00+2:00",
            "2024-01-01T00:00:00+24:00",
            "2024-01-01T00:00:00Zjunk",
            "２０２４-01-01T00:00:00Z",
            "next week",
        ] {
            assert!(!is_date_time(bad), "{bad}");
        }
    }
}
