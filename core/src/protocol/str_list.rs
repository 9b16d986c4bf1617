//! A list of IDs or names, taken as readily from `&[&str]` as from `&[String]`.

use std::borrow::Cow;

/// A list of IDs or names an operation sends: built from `&[&str]`, `[&str; N]`, `Vec<&str>`,
/// `&[String]`, `Vec<String>` or a `Cow<[String]>`. A list of `String`s is borrowed, not
/// copied; a list of `&str` is copied once.
///
/// ```
/// use kustomer::{StrList, conversations::TagConversation};
///
/// let tags = vec!["vip".to_string(), "refund".to_string()];
/// let from_strings = TagConversation::add("58228e05d4e96711004eccb7", &tags);
/// let from_strs = TagConversation::add("58228e05d4e96711004eccb7", &["vip", "refund"]);
/// assert_eq!(from_strings, from_strs);
/// assert_eq!(StrList::from(&["a", "b"]).as_slice(), ["a", "b"]);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct StrList<'a>(Cow<'a, [String]>);

impl<'a> StrList<'a> {
    /// The items.
    pub fn as_slice(&self) -> &[String] {
        &self.0
    }

    /// The items, borrowed where they were.
    pub fn into_cow(self) -> Cow<'a, [String]> {
        self.0
    }
}

impl<'a> From<Cow<'a, [String]>> for StrList<'a> {
    fn from(list: Cow<'a, [String]>) -> Self {
        Self(list)
    }
}

impl<'a> From<&'a [String]> for StrList<'a> {
    fn from(list: &'a [String]) -> Self {
        Self(Cow::Borrowed(list))
    }
}

impl<'a> From<&'a Vec<String>> for StrList<'a> {
    fn from(list: &'a Vec<String>) -> Self {
        Self(Cow::Borrowed(list))
    }
}

impl<'a, const N: usize> From<&'a [String; N]> for StrList<'a> {
    fn from(list: &'a [String; N]) -> Self {
        Self(Cow::Borrowed(list))
    }
}

impl From<Vec<String>> for StrList<'_> {
    fn from(list: Vec<String>) -> Self {
        Self(Cow::Owned(list))
    }
}

impl From<&[&str]> for StrList<'_> {
    fn from(list: &[&str]) -> Self {
        Self(list.iter().map(|s| (*s).to_owned()).collect())
    }
}

impl<const N: usize> From<&[&str; N]> for StrList<'_> {
    fn from(list: &[&str; N]) -> Self {
        Self::from(&list[..])
    }
}

impl<const N: usize> From<[&str; N]> for StrList<'_> {
    fn from(list: [&str; N]) -> Self {
        Self::from(&list[..])
    }
}

impl From<Vec<&str>> for StrList<'_> {
    fn from(list: Vec<&str>) -> Self {
        Self::from(&list[..])
    }
}

impl From<&Vec<&str>> for StrList<'_> {
    fn from(list: &Vec<&str>) -> Self {
        Self::from(&list[..])
    }
}
