//! The spam lists: senders always or never treated as spam.
//!
//! Roles: read `org.user.spam.read` / `org.permission.spam.read`; write
//! `org.admin.spam.write` / `org.permission.spam.create`, `.delete`.

use std::borrow::Cow;

use http::{Method, Request, Response};
use serde::Serialize;

use crate::families::models::SpamSender;
use crate::generic::family::{Deletable, Input, Listable};
use crate::protocol::config::Config;
use crate::protocol::error::{Error, InvalidInput};
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::parse_one;
use crate::protocol::validation::{not_empty, one_of};

crate::generic::declare::family! {
    impl Family for SpamSender {
        type Scope = ();
        const PATH: &'static str = "/spam/senders";
        const NAME: &'static str = "spam sender";
        const ID: &'static str = "spam sender id";
    }

    handle {
        /// Spam-sender operations through a [`Client`](crate::Client); from
        /// [`Client::spam_senders`](crate::Client::spam_senders).
        pub type SpamSenders;
        /// Spam list operations: list, delete, and [`upsert`](crate::Handle::upsert_sender).
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// use kustomer::spam::SpamSenderInput;
        ///
        /// client.spam_senders().upsert_sender(&SpamSenderInput::block("spam@example.com"))?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn spam_senders;
    }

    /// List the spam lists' senders (`GET /v1/spam/senders`).
    ///
    /// Roles: `org.user.spam.read` or `org.permission.spam.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, spam::ListSpamSenders};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(ListSpamSenders::new().build(&config)?.uri().path(), "/v1/spam/senders");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListSpamSenders = crate::generic::ops::List<SpamSender> { List => "GetSpamSenders" };

    /// Take a sender off the spam lists (`DELETE /v1/spam/senders/{id}`; 204).
    ///
    /// Roles: `org.admin.spam.write` or `org.permission.spam.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, spam::DeleteSpamSender};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// assert_eq!(DeleteSpamSender::new("5f52b303775dbe9e4ed8f9a3").build(&config)?.uri().path(), "/v1/spam/senders/5f52b303775dbe9e4ed8f9a3");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteSpamSender<'a> = crate::generic::ops::Delete<'a, SpamSender> {
        Delete => "DeleteSpamSender"
    };
}
impl Listable for SpamSender {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Deletable for SpamSender {}

/// A sender to put on a spam list (`PUT /v1/spam/senders`): the spec gives no schema; the
/// body is its example's `{channel, sender, list}`.
///
/// ```
/// use kustomer::spam::SpamSenderInput;
///
/// let ok = SpamSenderInput::allow("allow@me.com");
/// assert_eq!(serde_json::to_string(&ok).unwrap(), r#"{"channel":"email","sender":"allow@me.com","list":"whitelist"}"#);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct SpamSenderInput {
    /// The channel (`email`).
    pub channel: String,
    /// The address.
    pub sender: String,
    /// `whitelist` (never spam) or `blacklist` (always spam).
    pub list: String,
}

impl SpamSenderInput {
    /// An email sender never treated as spam.
    pub fn allow(sender: impl Into<String>) -> Self {
        Self {
            channel: "email".into(),
            sender: sender.into(),
            list: "whitelist".into(),
        }
    }

    /// An email sender always treated as spam.
    pub fn block(sender: impl Into<String>) -> Self {
        Self {
            list: "blacklist".into(),
            ..Self::allow(sender)
        }
    }
}

impl Input for SpamSenderInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        not_empty("channel", &self.channel)?;
        not_empty("sender", &self.sender)?;
        one_of("list", Some(&self.list), &["whitelist", "blacklist"])
    }
}

/// Put a sender on a spam list, or move it (`PUT /v1/spam/senders`, Kustomer's
/// `UpsertSpamSender`).
///
/// Roles: `org.admin.spam.write` or `org.permission.spam.create`.
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, spam::{SpamSenderInput, UpsertSpamSender}};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let request = UpsertSpamSender::new(SpamSenderInput::block("spam@example.com")).build(&config)?;
/// assert_eq!((request.method(), request.uri().path()), (&http::Method::PUT, "/v1/spam/senders"));
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpsertSpamSender<'a> {
    input: Cow<'a, SpamSenderInput>,
}

impl<'a> UpsertSpamSender<'a> {
    /// The operation for `input`.
    pub fn new(input: impl Into<Cow<'a, SpamSenderInput>>) -> Self {
        Self {
            input: input.into(),
        }
    }
}

crate::generic::ops::helpers::input_cow!(SpamSenderInput);

impl Operation for UpsertSpamSender<'_> {
    type Output = SpamSender;

    fn operation_id(&self) -> &'static str {
        "UpsertSpamSender"
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        self.input.validate()?;
        config.request(Method::PUT, "/spam/senders", Some(json_body(&*self.input)?))
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<SpamSender, Error> {
        parse_one(response)
    }
}

impl<T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'_, T, SpamSender> {
    /// Puts a sender on a spam list; see [`UpsertSpamSender`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::spam::SpamSenderInput;
    ///
    /// let sender = client.spam_senders().upsert_sender(&SpamSenderInput::allow("vip@example.com"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn upsert_sender(&self, input: &SpamSenderInput) -> Result<SpamSender, Error> {
        self.client().execute(&UpsertSpamSender::new(input))
    }
}

crate::generic::ops::helpers::setters!(SpamSenderInput {
    #[doc = "Sets `channel`: the channel (`email`)."]
    channel: set String,
    #[doc = "Sets `sender`: the address."]
    sender: set String,
    #[doc = "Sets `list`: `whitelist` (never spam) or `blacklist` (always spam)."]
    list: set String,
});
