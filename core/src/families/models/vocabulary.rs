//! Kustomer's closed vocabularies as enums: a conversation's status, a message's direction and
//! channel, a user's type, and the others the spec lists. Each is `#[non_exhaustive]` and has an
//! `Other(String)`, so a value Kustomer adds tomorrow still reads, and can still be sent by
//! naming it on purpose.

use std::fmt;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::generic::search::value::SearchValue;
use crate::protocol::error::InvalidInput;
use crate::protocol::lenient::Scalar;
use crate::protocol::validation::one_of;

/// Declares a vocabulary: its variants and their API text, and the conversions every one has.
macro_rules! vocabulary {
    (
        $(#[$doc:meta])*
        $name:ident as $what:literal {
            $( $(#[$vdoc:meta])* $variant:ident = $text:literal, )+
        }
    ) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq, Hash)]
        #[non_exhaustive]
        pub enum $name {
            $( $(#[$vdoc])* #[doc = concat!("`", $text, "`")] $variant, )+
            /// A value this version does not know, as sent or to send. Reading never makes one
            /// of a known value; build one only to send a value Kustomer added since.
            Other(String),
        }

        impl $name {
            /// Every value this version knows.
            pub const KNOWN: &'static [$name] = &[$($name::$variant),+];

            /// The API's text for it.
            pub fn as_str(&self) -> &str {
                match self {
                    $( $name::$variant => $text, )+
                    $name::Other(text) => text,
                }
            }

            /// The value the API's `text` names; [`Other`](Self::Other) for text this version
            /// does not know.
            pub fn from_api(text: &str) -> Self {
                match text {
                    $( $text => $name::$variant, )+
                    other => $name::Other(other.to_owned()),
                }
            }

            /// Whether this version knows it (it is not [`Other`](Self::Other)).
            pub fn is_known(&self) -> bool {
                !matches!(self, $name::Other(_))
            }
        }

        /// Strict: only a value this version knows parses; build [`Other`](Self::Other)
        /// yourself to send another.
        impl std::str::FromStr for $name {
            type Err = InvalidInput;

            fn from_str(text: &str) -> Result<Self, InvalidInput> {
                let known: Vec<&str> = Self::KNOWN.iter().map(Self::as_str).collect();
                one_of($what, Some(text), &known)?;
                Ok(Self::from_api(text))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.as_str() == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.as_str() == *other
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(self.as_str())
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let text = std::borrow::Cow::<'de, str>::deserialize(d)?;
                Ok(Self::from_api(&text))
            }
        }

        impl Scalar for $name {
            const EXPECTING: &'static str = "a string";
            fn from_str(text: &str) -> Option<Self> {
                Some(Self::from_api(text))
            }
        }

        impl From<$name> for SearchValue {
            fn from(value: $name) -> Self {
                SearchValue::from(value.as_str())
            }
        }

        impl From<&$name> for SearchValue {
            fn from(value: &$name) -> Self {
                SearchValue::from(value.as_str())
            }
        }
    };
}

vocabulary! {
    /// A conversation's status.
    ///
    /// ```
    /// use kustomer::models::ConversationStatus;
    ///
    /// assert_eq!("snoozed".parse::<ConversationStatus>()?, ConversationStatus::Snoozed);
    /// assert!("closed".parse::<ConversationStatus>().is_err());
    /// assert_eq!(ConversationStatus::from_api("pending"), ConversationStatus::Other("pending".into()));
    /// assert_eq!(ConversationStatus::Done, "done");
    /// # Ok::<(), kustomer::InvalidInput>(())
    /// ```
    ConversationStatus as "status" {
        /// Waiting on an agent.
        Open = "open",
        /// Set aside until a time (see the conversation's snooze).
        Snoozed = "snoozed",
        /// Closed.
        Done = "done",
    }
}

vocabulary! {
    /// Which way a message (or a conversation's first message) went: from the customer (`in`)
    /// or to them (`out`).
    Direction as "direction" {
        /// From the customer.
        In = "in",
        /// To the customer.
        Out = "out",
    }
}

vocabulary! {
    /// The channel a message came or goes through.
    Channel as "channel" {
        /// Email.
        Email = "email",
        /// Text message.
        Sms = "sms",
        /// Kustomer's chat.
        Chat = "chat",
        /// Facebook Messenger.
        Facebook = "facebook",
        /// A Twitter direct message.
        TwitterDm = "twitter-dm",
        /// A tweet.
        TwitterTweet = "twitter-tweet",
        /// A call.
        Voice = "voice",
        /// Instagram.
        Instagram = "instagram",
        /// A comment on Instagram.
        InstagramComment = "instagram-comment",
        /// WhatsApp.
        Whatsapp = "whatsapp",
        /// A web form.
        Form = "form",
        /// An internal note (drafts).
        Note = "note",
    }
}

vocabulary! {
    /// A user's type.
    UserType as "userType" {
        /// A person with a seat.
        User = "user",
        /// An integration or a bot.
        Machine = "machine",
        /// A person with limited access.
        Limited = "limited",
        /// A person paid by the hour.
        Hourly = "hourly",
    }
}

vocabulary! {
    /// Where a message's delivery stands.
    MessageStatus as "status" {
        /// Sent to the customer.
        Sent = "sent",
        /// Received from the customer.
        Received = "received",
        /// Sending failed (the message's `error` says why).
        Error = "error",
    }
}

vocabulary! {
    /// Where a conversation's snooze stands.
    SnoozeStatus as "snooze" {
        /// Waiting for its time.
        Scheduled = "scheduled",
        /// Called off.
        Canceled = "canceled",
        /// Its time came.
        Elapsed = "elapsed",
    }
}

vocabulary! {
    /// Where a draft stands.
    DraftStatus as "status" {
        /// Not sent yet.
        Draft = "draft",
        /// Sent.
        Sent = "sent",
        /// Sending failed.
        Failed = "failed",
    }
}

vocabulary! {
    /// What made a message or a draft outside a conversation's flow.
    MessageSource as "source" {
        /// A bulk send.
        Bulk = "bulk",
        /// A satisfaction survey.
        Satisfaction = "satisfaction",
        /// A business rule.
        BizRules = "biz-rules",
    }
}

vocabulary! {
    /// What an email address, a phone number, a web address or a postal location is: each list
    /// takes some of these (emails and locations home, work or other; phones mobile, home, work,
    /// fax or other; WhatsApp numbers mobile; web addresses website, blog or other), and a
    /// request naming another is refused before it is sent.
    ContactKind as "type" {
        /// At home.
        Home = "home",
        /// At work.
        Work = "work",
        /// A mobile phone.
        Mobile = "mobile",
        /// A fax line.
        Fax = "fax",
        /// A website.
        Website = "website",
        /// A blog.
        Blog = "blog",
        /// None of the others (Kustomer's `other`; [`Other`](Self::Other) is a value this
        /// version does not know).
        OtherKind = "other",
    }
}

vocabulary! {
    /// The network of a social profile.
    SocialNetwork as "type" {
        /// Twitter.
        Twitter = "twitter",
        /// Facebook.
        Facebook = "facebook",
        /// Instagram.
        Instagram = "instagram",
        /// LinkedIn.
        Linkedin = "linkedin",
        /// Pinterest.
        Pinterest = "pinterest",
    }
}

vocabulary! {
    /// A customer's gender, as Kustomer records it.
    Gender as "gender" {
        /// Male.
        M = "m",
        /// Female.
        F = "f",
    }
}

/// A conversation's priority: 1 (lowest) to 5 (highest), checked when built. Sent and read as
/// the number; a model reads any other value as absent (its raw document keeps it).
///
/// ```
/// use kustomer::models::Priority;
///
/// assert_eq!(Priority::new(4)?.get(), 4);
/// assert!(Priority::new(0).is_err() && Priority::new(6).is_err());
/// assert!(Priority::HIGHEST > Priority::LOWEST);
/// # Ok::<(), kustomer::InvalidInput>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Priority(u8);

impl Priority {
    /// 1.
    pub const LOWEST: Priority = Priority(1);
    /// 3, Kustomer's default.
    pub const NORMAL: Priority = Priority(3);
    /// 5.
    pub const HIGHEST: Priority = Priority(5);

    /// Priority `level`.
    ///
    /// # Errors
    /// [`InvalidInput`] for a level outside 1 to 5.
    pub fn new(level: u8) -> Result<Self, InvalidInput> {
        if (1..=5).contains(&level) {
            Ok(Priority(level))
        } else {
            Err(InvalidInput::new(
                "priority",
                format!("must be 1 to 5, not {level}"),
            ))
        }
    }

    /// The level, 1 to 5.
    pub fn get(self) -> u8 {
        self.0
    }
}

impl fmt::Display for Priority {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl Serialize for Priority {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_u8(self.0)
    }
}

impl<'de> Deserialize<'de> for Priority {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let level = u64::deserialize(d)?;
        u8::try_from(level)
            .ok()
            .and_then(|level| Priority::new(level).ok())
            .ok_or_else(|| serde::de::Error::custom("a priority is 1 to 5"))
    }
}

impl Scalar for Priority {
    const EXPECTING: &'static str = "a priority, 1 to 5";
    fn from_u64(level: u64) -> Option<Self> {
        u8::try_from(level).ok().and_then(|l| Priority::new(l).ok())
    }
    fn from_i64(level: i64) -> Option<Self> {
        u64::try_from(level).ok().and_then(Self::from_u64)
    }
    fn from_f64(level: f64) -> Option<Self> {
        (level.fract() == 0.0 && (1.0..=5.0).contains(&level)).then_some(Priority(level as u8))
    }
}

impl From<Priority> for SearchValue {
    fn from(priority: Priority) -> Self {
        SearchValue::from(u32::from(priority.0))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_values_round_trip_and_unknown_ones_are_kept() {
        for status in ConversationStatus::KNOWN {
            let json = serde_json::to_string(status).unwrap_or_default();
            let back: Option<ConversationStatus> = serde_json::from_str(&json).ok();
            assert_eq!(back.as_ref(), Some(status));
        }
        let new: Option<Channel> = serde_json::from_str(r#""tiktok""#).ok();
        assert_eq!(new, Some(Channel::Other("tiktok".into())));
        assert_eq!(
            serde_json::to_string(&Channel::Other("tiktok".into())).ok(),
            Some(r#""tiktok""#.into()),
            "an unknown value is sent as it is"
        );
        assert_eq!(Channel::from_api("twitter-dm"), Channel::TwitterDm);
        let err = "closed".parse::<ConversationStatus>().err();
        assert_eq!(
            err.map(|e| e.to_string()),
            Some(r#"invalid status: "closed" is not one of open, snoozed, done"#.into())
        );
    }

    #[test]
    fn a_priority_is_one_to_five_however_it_comes() {
        assert_eq!(Priority::from_u64(5), Some(Priority::HIGHEST));
        assert_eq!(Priority::from_f64(2.0), Priority::new(2).ok());
        for odd in [0, 6, 255, 256] {
            assert_eq!(Priority::from_u64(odd), None, "{odd}");
        }
        assert_eq!(Priority::from_i64(-1), None);
        assert_eq!(Priority::from_f64(2.5), None);
        assert!(serde_json::from_str::<Priority>("9").is_err());
    }
}
