//! Checks of input values that the API would refuse, run before anything is sent.

use crate::error::InvalidInput;

/// Checks that `value` is an RFC 3339 date-time (`2024-01-31T23:59:59.999Z`,
/// `2024-01-31T23:59:59+02:00`), the API's `format: date-time`: a date alone is not one.
pub(crate) fn date_time(what: &'static str, value: &str) -> Result<(), InvalidInput> {
    if is_date_time(value) {
        Ok(())
    } else {
        Err(InvalidInput::new(
            what,
            format!(
                "{:?} is not an RFC 3339 date-time such as 2024-01-31T00:00:00.000Z",
                crate::excerpt::excerpt_str(value)
            ),
        ))
    }
}

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
