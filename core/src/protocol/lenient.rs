//! Field deserializers that take what real Kustomer responses send.
//!
//! Real documents hold `null` where a string is typed, `{}` where a structure is, placeholders and
//! values of an unexpected JSON type. Each function here reads the expected shape and turns anything
//! else into `None` (or skips the list item) after consuming it, so one odd attribute never fails a
//! whole response; the raw document stays on the model for what was skipped. Syntax errors still fail.
//! All of it streams: nothing is buffered into an intermediate `Value`.

use std::fmt;
use std::marker::PhantomData;

use serde::Deserialize;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// A JSON scalar a field may be typed as; each conversion says whether a JSON value fits.
pub(crate) trait Scalar: Sized {
    const EXPECTING: &'static str;
    fn from_bool(_: bool) -> Option<Self> {
        None
    }
    fn from_i64(_: i64) -> Option<Self> {
        None
    }
    fn from_u64(_: u64) -> Option<Self> {
        None
    }
    fn from_f64(_: f64) -> Option<Self> {
        None
    }
    fn from_str(_: &str) -> Option<Self> {
        None
    }
    fn from_string(s: String) -> Option<Self> {
        Self::from_str(&s)
    }
}

impl Scalar for String {
    const EXPECTING: &'static str = "a string";
    fn from_str(v: &str) -> Option<Self> {
        Some(v.to_owned())
    }
    fn from_string(v: String) -> Option<Self> {
        Some(v)
    }
}

impl Scalar for bool {
    const EXPECTING: &'static str = "a boolean";
    fn from_bool(v: bool) -> Option<Self> {
        Some(v)
    }
}

impl Scalar for u64 {
    const EXPECTING: &'static str = "a non-negative integer";
    fn from_i64(v: i64) -> Option<Self> {
        u64::try_from(v).ok()
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v)
    }
    fn from_f64(v: f64) -> Option<Self> {
        // 37.0 is still 37; 0.5 is not a count.
        (v.fract() == 0.0 && v >= 0.0 && v < u64::MAX as f64).then_some(v as u64)
    }
}

impl Scalar for i64 {
    const EXPECTING: &'static str = "an integer";
    fn from_i64(v: i64) -> Option<Self> {
        Some(v)
    }
    fn from_u64(v: u64) -> Option<Self> {
        i64::try_from(v).ok()
    }
    fn from_f64(v: f64) -> Option<Self> {
        (v.fract() == 0.0 && v >= i64::MIN as f64 && v < i64::MAX as f64).then_some(v as i64)
    }
}

impl Scalar for f64 {
    const EXPECTING: &'static str = "a number";
    fn from_i64(v: i64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_u64(v: u64) -> Option<Self> {
        Some(v as f64)
    }
    fn from_f64(v: f64) -> Option<Self> {
        Some(v)
    }
}

/// An HTTP status inside an error entry: sent as `404` or `"404"`.
impl Scalar for u16 {
    const EXPECTING: &'static str = "a status code";
    fn from_u64(v: u64) -> Option<Self> {
        u16::try_from(v).ok()
    }
    fn from_i64(v: i64) -> Option<Self> {
        u16::try_from(v).ok()
    }
    fn from_str(v: &str) -> Option<Self> {
        v.trim().parse().ok()
    }
}

struct ScalarVisitor<T>(PhantomData<T>);

impl<'de, T: Scalar> Visitor<'de> for ScalarVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(T::EXPECTING)
    }
    fn visit_bool<E: de::Error>(self, v: bool) -> Result<Self::Value, E> {
        Ok(T::from_bool(v))
    }
    fn visit_i64<E: de::Error>(self, v: i64) -> Result<Self::Value, E> {
        Ok(T::from_i64(v))
    }
    fn visit_u64<E: de::Error>(self, v: u64) -> Result<Self::Value, E> {
        Ok(T::from_u64(v))
    }
    fn visit_f64<E: de::Error>(self, v: f64) -> Result<Self::Value, E> {
        Ok(T::from_f64(v))
    }
    fn visit_str<E: de::Error>(self, v: &str) -> Result<Self::Value, E> {
        Ok(T::from_str(v))
    }
    fn visit_string<E: de::Error>(self, v: String) -> Result<Self::Value, E> {
        Ok(T::from_string(v))
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
}

/// A scalar field: the value when its JSON type fits, `None` for null or any other type.
pub(crate) fn scalar<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Option<T>, D::Error> {
    d.deserialize_any(ScalarVisitor(PhantomData))
}

struct ObjectVisitor<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectVisitor<T> {
    type Value = Option<T>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an object")
    }
    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Self::Value, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map)).map(Some)
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        while seq.next_element::<IgnoredAny>()?.is_some() {}
        Ok(None)
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(None)
    }
}

/// An object field (a model struct or a JSON map): `None` for null or a value that is not an object.
/// The struct's own fields should be lenient too, so that `{}` and partial objects parse.
pub(crate) fn object<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Option<T>, D::Error> {
    d.deserialize_any(ObjectVisitor(PhantomData))
}

/// An object field that is always there for the caller: absent, null or odd reads as `T::default()`.
pub(crate) fn object_or_default<'de, D: Deserializer<'de>, T: Deserialize<'de> + Default>(
    d: D,
) -> Result<T, D::Error> {
    object(d).map(Option::unwrap_or_default)
}

/// How a list reads its items: as objects or as scalars.
trait ItemKind<'de> {
    type Item;
    fn read<D: Deserializer<'de>>(d: D) -> Result<Option<Self::Item>, D::Error>;
}

struct Objects<T>(PhantomData<T>);
impl<'de, T: Deserialize<'de>> ItemKind<'de> for Objects<T> {
    type Item = T;
    fn read<D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        object(d)
    }
}

struct Scalars<T>(PhantomData<T>);
impl<'de, T: Scalar> ItemKind<'de> for Scalars<T> {
    type Item = T;
    fn read<D: Deserializer<'de>>(d: D) -> Result<Option<T>, D::Error> {
        scalar(d)
    }
}

struct ItemSeed<K>(PhantomData<K>);
impl<'de, K: ItemKind<'de>> DeserializeSeed<'de> for ItemSeed<K> {
    type Value = Option<K::Item>;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        K::read(d)
    }
}

struct ListVisitor<K>(PhantomData<K>);

impl<'de, K: ItemKind<'de>> Visitor<'de> for ListVisitor<K> {
    type Value = Vec<K::Item>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("an array")
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Self::Value, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element_seed(ItemSeed::<K>(PhantomData))? {
            items.extend(item);
        }
        Ok(items)
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        while map.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(Vec::new())
    }
    fn visit_bool<E: de::Error>(self, _: bool) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_i64<E: de::Error>(self, _: i64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_u64<E: de::Error>(self, _: u64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_f64<E: de::Error>(self, _: f64) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_str<E: de::Error>(self, _: &str) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
    fn visit_none<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(Vec::new())
    }
}

/// A list of objects: empty for null or a non-array; items that are not objects are skipped.
pub(crate) fn objects<'de, D: Deserializer<'de>, T: Deserialize<'de>>(
    d: D,
) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(ListVisitor::<Objects<T>>(PhantomData))
}

/// A list of scalars (IDs, tags): empty for null or a non-array; items of another type are skipped.
pub(crate) fn scalars<'de, D: Deserializer<'de>, T: Scalar>(d: D) -> Result<Vec<T>, D::Error> {
    d.deserialize_any(ListVisitor::<Scalars<T>>(PhantomData))
}

/// A value that must be a JSON object: serde would otherwise read an array as a struct's fields
/// in order, and a top-level array as a resource.
pub(crate) struct ObjectOnly<T>(pub(crate) T);

impl<'de, T: Deserialize<'de>> Deserialize<'de> for ObjectOnly<T> {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Only<T>(std::marker::PhantomData<T>);
        impl<'de, T: Deserialize<'de>> serde::de::Visitor<'de> for Only<T> {
            type Value = ObjectOnly<T>;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("a JSON object")
            }
            fn visit_map<A: serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> Result<Self::Value, A::Error> {
                T::deserialize(serde::de::value::MapAccessDeserializer::new(map)).map(ObjectOnly)
            }
        }
        d.deserialize_map(Only(std::marker::PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Inner {
        #[serde(deserialize_with = "super::scalar")]
        n: Option<f64>,
    }

    #[derive(Debug, Default, PartialEq, Deserialize)]
    #[serde(default)]
    struct Probe {
        #[serde(deserialize_with = "super::scalar")]
        s: Option<String>,
        #[serde(deserialize_with = "super::scalar")]
        b: Option<bool>,
        #[serde(deserialize_with = "super::scalar")]
        u: Option<u64>,
        #[serde(deserialize_with = "super::scalar")]
        i: Option<i64>,
        #[serde(deserialize_with = "super::scalar")]
        code: Option<u16>,
        #[serde(deserialize_with = "super::object")]
        o: Option<Inner>,
        #[serde(deserialize_with = "super::objects")]
        os: Vec<Inner>,
        #[serde(deserialize_with = "super::scalars")]
        ss: Vec<String>,
    }

    fn probe(json: &str) -> Probe {
        serde_json::from_str(json).unwrap()
    }

    #[test]
    fn fitting_values_are_read() {
        let p = probe(
            r#"{"s":"x","b":true,"u":37.0,"i":-4,"code":"404","o":{"n":1},"os":[{"n":2},{}],"ss":["a","b"]}"#,
        );
        assert_eq!(p.s.as_deref(), Some("x"));
        assert_eq!(p.b, Some(true));
        assert_eq!(p.u, Some(37));
        assert_eq!(p.i, Some(-4));
        assert_eq!(p.code, Some(404));
        assert_eq!(p.o, Some(Inner { n: Some(1.0) }));
        assert_eq!(p.os, vec![Inner { n: Some(2.0) }, Inner { n: None }]);
        assert_eq!(p.ss, ["a", "b"]);
    }

    #[test]
    fn odd_values_become_absent_and_the_rest_still_parses() {
        let p = probe(
            r#"{"s":{"a":[1,{"b":null}]},"b":"yes","u":-1,"i":0.5,"code":70000,"o":"marker",
                "os":[1,"x",null,{"n":"NaN"},[{}]],"ss":[null,{"x":1},"kept",3],"extra":{"deep":[1,2]}}"#,
        );
        assert_eq!(
            p,
            Probe {
                os: vec![Inner { n: None }],
                ss: vec!["kept".into()],
                ..Probe::default()
            }
        );
        assert_eq!(
            probe(r#"{"s":null,"os":null,"ss":{},"o":[1]}"#),
            Probe::default()
        );
        assert_eq!(probe("{}"), Probe::default());
    }

    #[test]
    fn syntax_errors_still_fail() {
        for bad in [
            r#"{"s":"x""#,
            r#"{"o":{"n":1}"#,
            r#"{"os":[{"n":1},]}"#,
            r#"{"s":tru}"#,
        ] {
            assert!(serde_json::from_str::<Probe>(bad).is_err(), "{bad}");
        }
    }
}
