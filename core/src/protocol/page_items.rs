//! A list page read in one pass with each item's own JSON: serde_json reads each item from where
//! it starts and says where it stopped, so cutting an item out of its page costs a copy of its
//! bytes, not a second scan of the page.
//!
//! Only the structure around the items (`{`, `"data"`, `:`, `[`, `,`, `]`, `}`) is read here;
//! keys, items and every other value are read by serde_json. Anything unusual (an escaped key,
//! a repeated `data`, an item that does not read) gives `None`, and the caller takes the slow
//! path, which reports it.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Deserializer;

/// A page split into its items, each with its JSON, and the rest of the document with `data`
/// emptied (`"data":[]`), to be read for `meta` and `links`.
pub(crate) struct Split<'a, T> {
    pub(crate) items: Vec<(T, &'a str)>,
    pub(crate) envelope: std::borrow::Cow<'a, str>,
}

/// `text` split as [`Split`], or `None` to read it another way.
pub(crate) fn split<T: DeserializeOwned>(text: &str) -> Option<Split<'_, T>> {
    let mut at = Cursor { text, pos: 0 };
    at.expect(b'{')?;
    let mut items = Vec::new();
    let mut data: Option<(usize, usize)> = None;
    if !at.eat(b'}') {
        loop {
            let key = at.value::<&str>()?;
            at.expect(b':')?;
            if key == "data" && data.is_some() {
                return None;
            }
            if key == "data" && at.peek() == Some(b'[') {
                let start = at.pos;
                at.items(&mut items)?;
                data = Some((start, at.pos));
            } else {
                at.value::<IgnoredAny>()?;
            }
            if at.eat(b'}') {
                break;
            }
            at.expect(b',')?;
        }
    }
    at.skip_whitespace();
    if at.pos != text.len() {
        return None;
    }
    let envelope = match data {
        Some((start, end)) => {
            let mut rest = String::with_capacity(text.len().saturating_sub(end) + start + 2);
            rest.push_str(text.get(..start)?);
            rest.push_str("[]");
            rest.push_str(text.get(end..)?);
            rest.into()
        }
        None => text.into(),
    };
    Some(Split { items, envelope })
}

struct Cursor<'a> {
    text: &'a str,
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn skip_whitespace(&mut self) {
        let rest = self.text.as_bytes().get(self.pos..).unwrap_or_default();
        self.pos += rest
            .iter()
            .take_while(|b| matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
            .count();
    }

    fn peek(&mut self) -> Option<u8> {
        self.skip_whitespace();
        self.text.as_bytes().get(self.pos).copied()
    }

    fn eat(&mut self, byte: u8) -> bool {
        let found = self.peek() == Some(byte);
        if found {
            self.pos += 1;
        }
        found
    }

    fn expect(&mut self, byte: u8) -> Option<()> {
        self.eat(byte).then_some(())
    }

    /// One JSON value read by serde_json from here; the cursor moves past it.
    fn value<T: Deserialize<'a>>(&mut self) -> Option<T> {
        self.skip_whitespace();
        let rest = self.text.get(self.pos..)?;
        let mut stream = Deserializer::from_str(rest).into_iter::<T>();
        let value = stream.next()?.ok()?;
        self.pos += stream.byte_offset();
        Some(value)
    }

    /// The items of the array at the cursor, each with the text it was read from.
    fn items<T: DeserializeOwned>(&mut self, items: &mut Vec<(T, &'a str)>) -> Option<()> {
        self.expect(b'[')?;
        if self.eat(b']') {
            return Some(());
        }
        loop {
            self.skip_whitespace();
            let start = self.pos;
            let crate::protocol::lenient::ObjectOnly(item) =
                self.value::<crate::protocol::lenient::ObjectOnly<T>>()?;
            items.push((item, self.text.get(start..self.pos)?));
            if self.eat(b']') {
                return Some(());
            }
            self.expect(b',')?;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Item {
        id: String,
    }

    fn ids_and_raw(text: &str) -> Option<(Vec<(String, String)>, String)> {
        let split = split::<Item>(text)?;
        let items = split
            .items
            .into_iter()
            .map(|(item, raw)| (item.id, raw.to_owned()))
            .collect();
        Some((items, split.envelope.into_owned()))
    }

    #[test]
    fn items_come_with_exactly_their_own_text() {
        let text = " {\"meta\" : {\"page\":1,\"x\":[1,{\"data\":[2]}]} ,\n\"data\" :\t[ {\"id\":\"a\",\"n\":[1,2]} ,{\"id\":\"b\\\"]}\"}\r\n] , \"links\":{\"next\":null}} \n";
        let (items, envelope) = ids_and_raw(text).unwrap();
        assert_eq!(
            items,
            [
                ("a".to_owned(), r#"{"id":"a","n":[1,2]}"#.to_owned()),
                ("b\"]}".to_owned(), r#"{"id":"b\"]}"}"#.to_owned()),
            ]
        );
        let envelope: serde_json::Value = serde_json::from_str(&envelope).unwrap();
        assert_eq!(
            envelope,
            serde_json::json!({"meta":{"page":1,"x":[1,{"data":[2]}]},"data":[],"links":{"next":null}})
        );
    }

    #[test]
    fn empty_and_missing_data_split_too() {
        assert_eq!(ids_and_raw("{}").unwrap().0, []);
        assert_eq!(ids_and_raw(r#"{"data":[]}"#).unwrap().1, r#"{"data":[]}"#);
        assert_eq!(
            ids_and_raw(r#"{"data":null}"#).unwrap().1,
            r#"{"data":null}"#
        );
    }

    #[test]
    fn anything_unusual_is_left_to_the_slow_path() {
        for text in [
            "",
            "[]",
            "{",
            r#"{"data":[{"id":"a"}"#,
            r#"{"data":[{"id":"a"},]}"#,
            r#"{"data":[{"id":"a"}]} x"#,
            r#"{"data":[{"id":"a"}],}"#,
            r#"{"data":[{"id":"a"}],"data":[]}"#,
            r#"{"data":[{"id":1}]}"#,
            r#"{"data":[[1]]}"#,
            r#"{"d\u0061ta":[{"id":"a"}]}"#,
            r#"{"data" [{"id":"a"}]}"#,
        ] {
            assert!(ids_and_raw(text).is_none(), "{text}");
        }
    }

    use proptest::prelude::*;

    fn json_value() -> impl Strategy<Value = serde_json::Value> {
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(serde_json::Value::from),
            any::<i64>().prop_map(serde_json::Value::from),
            any::<String>().prop_map(serde_json::Value::from),
            Just(serde_json::Value::from("]},\"\\[{")),
        ];
        leaf.prop_recursive(3, 24, 4, |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..4).prop_map(serde_json::Value::from),
                prop::collection::btree_map(any::<String>(), inner, 0..4)
                    .prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    fn space() -> impl Strategy<Value = &'static str> {
        prop_oneof![Just(""), Just(" "), Just("\n"), Just("\t "), Just("\r\n")]
    }

    proptest! {
        /// Whatever the items hold and however the page is spaced, each item comes with exactly
        /// the text serde_json's own `RawValue` finds for it, and the rest reads as before.
        #[test]
        fn split_agrees_with_raw_values(
            items in prop::collection::vec((any::<String>(), json_value()), 0..5),
            meta in json_value(),
            spaces in prop::collection::vec(space(), 8),
        ) {
            let s = |i: usize| spaces[i % spaces.len()];
            let texts: Vec<String> = items
                .iter()
                .map(|(id, x)| serde_json::json!({"id": id, "x": x}).to_string())
                .collect();
            let joined = texts.join(&format!("{},{}", s(0), s(1)));
            let text = format!(
                "{}{{{}\"meta\"{}:{meta}{},\"data\":{}[{}{joined}{}]{},\"links\":{{}}}}{}",
                s(2), s(3), s(4), s(5), s(6), s(7), s(0), s(1), s(2)
            );
            #[derive(serde::Deserialize)]
            struct Raw<'a> {
                #[serde(borrow)]
                data: Vec<&'a serde_json::value::RawValue>,
            }
            let raw: Raw<'_> = serde_json::from_str(&text).unwrap();
            let split = split::<Item>(&text).unwrap();
            prop_assert_eq!(split.items.len(), items.len());
            for (((item, cut), (id, _)), raw) in split.items.iter().zip(&items).zip(&raw.data) {
                prop_assert_eq!(&item.id, id);
                prop_assert_eq!(*cut, raw.get());
            }
            let envelope: serde_json::Value = serde_json::from_str(&split.envelope).unwrap();
            prop_assert_eq!(envelope, serde_json::json!({"meta": meta, "data": [], "links": {}}));
        }
    }
}
