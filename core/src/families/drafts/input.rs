//! Request bodies for drafts and forwards.

use serde::Serialize;
use serde_json::{Map, Value};

use crate::families::drafts::send_at::SendAt;
use crate::families::models::vocabulary::{Channel, DraftStatus, MessageSource};
use crate::generic::family::Input;
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{chars_between, check_list_of, max_chars, not_empty, one_of};

/// An email address to send to or from (`{email, name}`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct AddressInput {
    /// The address, 3 to 256 characters.
    pub email: String,
    /// The name shown.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub name: Option<String>,
}

impl AddressInput {
    /// An address with no name.
    pub fn new(email: impl Into<String>) -> Self {
        Self {
            email: email.into(),
            name: None,
        }
    }

    fn validate(&self, what: &'static str) -> Result<(), InvalidInput> {
        chars_between(what, &self.email, 3, 256)?;
        if let Some(name) = &self.name {
            not_empty(what, name)?;
        }
        Ok(())
    }
}

/// Who a draft goes to: email addresses, or the channel's own handle (a phone number, a chat
/// or social ID).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Recipient {
    /// Email addresses (the `email` channel).
    Addresses(Vec<AddressInput>),
    /// A phone number or handle (other channels).
    Handle(String),
}

/// Who a draft comes from: an email address, or the channel's own handle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(untagged)]
pub enum Sender {
    /// An email address (the `email` channel).
    Address(AddressInput),
    /// A phone number or handle (other channels).
    Handle(String),
}

/// The channels a draft may be for, and the keys only the `email` channel takes.
const CHANNELS: [Channel; 8] = [
    Channel::Email,
    Channel::Sms,
    Channel::Chat,
    Channel::Facebook,
    Channel::TwitterTweet,
    Channel::TwitterDm,
    Channel::Instagram,
    Channel::Note,
];

/// A draft to create for a customer (`POST /v1/customers/{id}/drafts`) or changes to one
/// (`PUT /v1/drafts/{id}`). The spec gives one body per channel; the input checks that the
/// fields set belong to the channel's. Only the fields that are set are sent.
///
/// ```
/// use kustomer::drafts::{AddressInput, DraftInput};
///
/// let reply = DraftInput::email()
///     .to(AddressInput::new("ada@example.com"))
///     .subject("Your order")
///     .body("It ships tomorrow.");
/// assert!(kustomer::family::Input::validate(&reply).is_ok());
/// let sms = DraftInput::sms("+15555550100").subject("no subjects on SMS");
/// assert!(kustomer::family::Input::validate(&sms).is_err());
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct DraftInput {
    /// `email`, `sms`, `chat`, `facebook`, `twitter-tweet`, `twitter-dm`, `instagram` or
    /// `note`.
    pub channel: Channel,
    /// The conversation it belongs to.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub conversation: Option<String>,
    /// The sending app (`postmark`, `gmail` for email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    /// The customer (drafts under a customer name them in the path).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Whether a workflow wrote it (excluded from reporting).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub auto: Option<bool>,
    /// When to send it: RFC 3339, or Kustomer's date math (`now+1h`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_at: Option<SendAt>,
    /// Bulk or satisfaction.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub source: Option<MessageSource>,
    /// Language, at most 100 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Shortcut IDs used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub shortcuts: Option<Vec<String>>,
    /// Knowledge-base article IDs used.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kb_articles: Option<Vec<String>>,
    /// Who it goes to (not for notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Recipient>,
    /// Who it comes from (not for notes).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<Sender>,
    /// The text, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// Copies (email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub cc: Option<Vec<AddressInput>>,
    /// Blind copies (email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub bcc: Option<Vec<AddressInput>>,
    /// The subject (email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The reply-to address (email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The email template's ID (email).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Channel data, as the channel wants it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<Map<String, Value>>,
}

impl DraftInput {
    /// A draft for `channel`.
    pub fn new(channel: Channel) -> Self {
        Self {
            channel,
            conversation: None,
            app: None,
            customer: None,
            auto: None,
            send_at: None,
            source: None,
            lang: None,
            shortcuts: None,
            kb_articles: None,
            to: None,
            from: None,
            body: None,
            cc: None,
            bcc: None,
            subject: None,
            reply_to: None,
            template: None,
            payload: None,
        }
    }

    /// An email draft.
    pub fn email() -> Self {
        Self::new(Channel::Email)
    }

    /// An SMS draft to a phone number.
    pub fn sms(to: impl Into<String>) -> Self {
        Self {
            to: Some(Recipient::Handle(to.into())),
            ..Self::new(Channel::Sms)
        }
    }

    /// An internal note draft.
    pub fn note(body: impl Into<String>) -> Self {
        Self::new(Channel::Note).body(body)
    }

    /// Sets the recipient whole: a handle (a phone number, a chat visitor) or a list of
    /// addresses.
    #[must_use]
    pub fn recipient(mut self, to: Recipient) -> Self {
        self.to = Some(to);
        self
    }

    /// Adds an email recipient.
    #[must_use]
    pub fn to(mut self, address: AddressInput) -> Self {
        match &mut self.to {
            Some(Recipient::Addresses(list)) => list.push(address),
            _ => self.to = Some(Recipient::Addresses(vec![address])),
        }
        self
    }
}

impl Input for DraftInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if self.channel.is_known() && !CHANNELS.contains(&self.channel) {
            return Err(InvalidInput::new(
                "channel",
                format!("a draft cannot be on {}", self.channel),
            ));
        }
        let email = self.channel == Channel::Email;
        let only_email = [
            ("cc", self.cc.is_some()),
            ("bcc", self.bcc.is_some()),
            ("subject", self.subject.is_some()),
            ("replyTo", self.reply_to.is_some()),
            ("template", self.template.is_some()),
        ];
        if let Some((key, _)) = only_email.iter().find(|(_, set)| *set && !email) {
            return Err(InvalidInput::new(key, "is for email drafts only"));
        }
        if self.channel == Channel::Note && (self.to.is_some() || self.from.is_some()) {
            return Err(InvalidInput::new("to", "a note goes to no one"));
        }
        match (&self.to, email) {
            (Some(Recipient::Handle(_)), true) => {
                return Err(InvalidInput::new("to", "an email goes to email addresses"));
            }
            (Some(Recipient::Addresses(_)), false) => {
                return Err(InvalidInput::new(
                    "to",
                    "only an email goes to email addresses",
                ));
            }
            (Some(Recipient::Addresses(list)), true) => {
                list.iter().try_for_each(|a| a.validate("to"))?;
            }
            _ => {}
        }
        match (&self.from, email) {
            (Some(Sender::Handle(_)), true) => {
                return Err(InvalidInput::new(
                    "from",
                    "an email comes from an email address",
                ));
            }
            (Some(Sender::Address(_)), false) => {
                return Err(InvalidInput::new(
                    "from",
                    "only an email comes from an email address",
                ));
            }
            (Some(Sender::Address(a)), true) => a.validate("from")?,
            _ => {}
        }
        for (what, list) in [("cc", &self.cc), ("bcc", &self.bcc)] {
            list.iter().flatten().try_for_each(|a| a.validate(what))?;
        }
        one_of(
            "app",
            self.app.as_deref().filter(|_| email),
            &["gmail", "postmark"],
        )?;
        if let Some(source) = &self.source
            && *source == MessageSource::BizRules
        {
            return Err(InvalidInput::new(
                "source",
                "biz-rules is Kustomer's own: a request sends bulk or satisfaction",
            ));
        }
        max_chars("lang", self.lang.as_deref(), 100)?;
        max_chars("body", self.body.as_deref(), 10_240)?;
        check_list_of("shortcuts", self.shortcuts.as_deref(), usize::MAX)?;
        check_list_of("kbArticles", self.kb_articles.as_deref(), usize::MAX)?;
        Ok(())
    }
}

/// An attachment already uploaded, named on a forward.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct AttachmentRef {
    /// The attachment's ID.
    pub id: String,
    /// The file's name.
    pub name: String,
    /// Its MIME type.
    pub content_type: String,
    /// Its size in bytes.
    pub content_length: u64,
}

/// A forward to create on a conversation (`POST /v1/conversations/{id}/forwards`) or changes
/// to one (`PUT /v1/forwards/{id}`): an email. Only the fields that are set are sent.
///
/// ```
/// use kustomer::drafts::{AddressInput, ForwardInput};
///
/// let forward = ForwardInput::email().to(AddressInput::new("billing@example.com")).subject("FYI");
/// assert_eq!(
///     serde_json::to_string(&forward).unwrap(),
///     r#"{"channel":"email","to":[{"email":"billing@example.com"}],"subject":"FYI"}"#
/// );
/// ```
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
#[serde(rename_all = "camelCase")]
#[non_exhaustive]
pub struct ForwardInput {
    /// [`Email`](Channel::Email) (creates only; required there).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    /// `gmail` or `postmark` (creates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub app: Option<String>,
    /// The customer (creates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub customer: Option<String>,
    /// Draft, sent or failed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub status: Option<DraftStatus>,
    /// When to send it.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub send_at: Option<SendAt>,
    /// Language, at most 100 characters (updates only).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
    /// Who it goes to, at most 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub to: Option<Vec<AddressInput>>,
    /// Who it comes from.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub from: Option<AddressInput>,
    /// The text, at most 10,240 characters.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub body: Option<String>,
    /// The subject.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub subject: Option<String>,
    /// The reply-to address.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reply_to: Option<String>,
    /// The email template's ID.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub template: Option<String>,
    /// Channel data.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub payload: Option<Map<String, Value>>,
    /// Attachments already uploaded.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attachments: Option<Vec<AttachmentRef>>,
}

impl ForwardInput {
    /// An email forward (what a create takes).
    pub fn email() -> Self {
        Self {
            channel: Some(Channel::Email),
            ..Self::default()
        }
    }

    /// An update: nothing set, nothing sent.
    pub fn update() -> Self {
        Self::default()
    }

    /// Adds a recipient.
    #[must_use]
    pub fn to(mut self, address: AddressInput) -> Self {
        self.to.get_or_insert_with(Vec::new).push(address);
        self
    }
}

impl Input for ForwardInput {
    fn validate(&self) -> Result<(), InvalidInput> {
        if let Some(channel) = self.channel.as_ref().filter(|c| c.is_known())
            && *channel != Channel::Email
        {
            return Err(InvalidInput::new(
                "channel",
                format!("a forward is an email, not {channel}"),
            ));
        }
        one_of("app", self.app.as_deref(), &["gmail", "postmark"])?;
        if let Some(to) = &self.to {
            crate::protocol::validation::check_count("to", to.len(), 100)?;
            to.iter().try_for_each(|a| a.validate("to"))?;
        }
        if let Some(from) = &self.from {
            from.validate("from")?;
        }
        if let Some(subject) = &self.subject {
            not_empty("subject", subject)?;
        }
        if let Some(reply_to) = &self.reply_to {
            chars_between("replyTo", reply_to, 3, 256)?;
        }
        max_chars("body", self.body.as_deref(), 10_240)?;
        max_chars("lang", self.lang.as_deref(), 100)?;
        Ok(())
    }
}

crate::generic::ops::helpers::setters!(AddressInput {
    #[doc = "Sets `email`: the address, 3 to 256 characters."]
    email: set String,
    #[doc = "Sets `name`: the name shown."]
    name: opt String,
});

crate::generic::ops::helpers::setters!(AttachmentRef {
    #[doc = "Sets `id`: the attachment's ID."]
    id: set String,
    #[doc = "Sets `name`: the file's name."]
    name: set String,
    #[doc = "Sets `content_type`: its MIME type."]
    content_type: set String,
    #[doc = "Sets `content_length`: its size in bytes."]
    content_length: val u64,
});

crate::generic::ops::helpers::setters!(DraftInput {
    #[doc = "Sets the subject."]
    subject: opt String,
    #[doc = "Sets the text."]
    body: opt String,
    #[doc = "Sets `channel`: the channel it is for."]
    channel: val Channel,
    #[doc = "Sets `conversation`: the conversation it belongs to."]
    conversation: opt String,
    #[doc = "Sets `app`: the sending app (`postmark`, `gmail` for email)."]
    app: opt String,
    #[doc = "Sets `customer`: the customer (drafts under a customer name them in the path)."]
    customer: opt String,
    #[doc = "Sets `auto`: whether a workflow wrote it (excluded from reporting)."]
    auto: num bool,
    #[doc = "Sets `send_at`: when to send it: RFC 3339, or Kustomer's date math (`now+1h`)."]
    send_at: opt SendAt,
    #[doc = "Sets `source`: bulk or satisfaction."]
    source: num MessageSource,
    #[doc = "Sets `lang`: language, at most 100 characters."]
    lang: opt String,
    #[doc = "Sets `shortcuts`: shortcut IDs used."]
    shortcuts: opt Vec<String>,
    #[doc = "Sets `kb_articles`: knowledge-base article IDs used."]
    kb_articles: opt Vec<String>,
    #[doc = "Sets `from`: who it comes from (not for notes)."]
    from: opt Sender,
    #[doc = "Sets `cc`: copies (email)."]
    cc: opt Vec<AddressInput>,
    #[doc = "Sets `bcc`: blind copies (email)."]
    bcc: opt Vec<AddressInput>,
    #[doc = "Sets `reply_to`: the reply-to address (email)."]
    reply_to: opt String,
    #[doc = "Sets `template`: the email template's ID (email)."]
    template: opt String,
    #[doc = "Sets `payload`: channel data, as the channel wants it."]
    payload: opt Map<String, Value>,
});

crate::generic::ops::helpers::setters!(ForwardInput {
    #[doc = "Sets the subject."]
    subject: opt String,
    #[doc = "Sets `channel`: email (creates only; required there)."]
    channel: num Channel,
    #[doc = "Sets `app`: `gmail` or `postmark` (creates only)."]
    app: opt String,
    #[doc = "Sets `customer`: the customer (creates only)."]
    customer: opt String,
    #[doc = "Sets `status`: draft, sent or failed."]
    status: num DraftStatus,
    #[doc = "Sets `send_at`: when to send it: a point in time, or Kustomer's date math (`now+1h`)."]
    send_at: opt SendAt,
    #[doc = "Sets `lang`: language, at most 100 characters (updates only)."]
    lang: opt String,
    #[doc = "Sets `from`: who it comes from."]
    from: opt AddressInput,
    #[doc = "Sets `body`: the text, at most 10,240 characters."]
    body: opt String,
    #[doc = "Sets `reply_to`: the reply-to address."]
    reply_to: opt String,
    #[doc = "Sets `template`: the email template's ID."]
    template: opt String,
    #[doc = "Sets `payload`: channel data."]
    payload: opt Map<String, Value>,
    #[doc = "Sets `attachments`: attachments already uploaded."]
    attachments: opt Vec<AttachmentRef>,
});
