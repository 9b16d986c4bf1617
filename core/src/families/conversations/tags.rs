//! A conversation's tags, events and attachments.

use std::borrow::Cow;

use http::{Method, Request, Response};

use crate::families::models::{Conversation, Resource};
use crate::generic::family::Family;
use crate::protocol::config::Config;
use crate::protocol::error::Error;
use crate::protocol::json_body::json_body;
use crate::protocol::operation::Operation;
use crate::protocol::page::{Page, PagedOperation, parse_one, parse_page};
use crate::protocol::paging::{Paging, paging_methods};
use crate::protocol::path::segment;
use crate::protocol::query::Query;
use crate::protocol::str_list::StrList;
use crate::protocol::validation::check_tags;

/// Add tags to a conversation or remove them (`POST` / `DELETE /v1/conversations/{id}/tags`,
/// Kustomer's `AppendTagsToConversation` and `RemoveTagsFromConversation`), by name or tag ID;
/// a name that does not exist yet is created. Answers the conversation.
///
/// Roles: `org.user.conversation.write` or `org.permission.conversation.update` (add),
/// `.delete` (remove).
///
/// ```
/// use kustomer::{ApiKey, Config, Operation, conversations::TagConversation};
///
/// let config = Config::new(ApiKey::new("key")?);
/// let tags = ["vip".to_string(), "refund".to_string()];
/// let request = TagConversation::add("58228e05d4e96711004eccb7", &tags[..]).build(&config)?;
/// assert_eq!(request.method(), http::Method::POST);
/// assert_eq!(request.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/tags");
/// assert_eq!(request.body(), br#"["vip","refund"]"#);
/// let remove = TagConversation::remove("58228e05d4e96711004eccb7", &tags[..1]).build(&config)?;
/// assert_eq!(remove.method(), http::Method::DELETE);
/// # Ok::<(), kustomer::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TagConversation<'a> {
    id: Cow<'a, str>,
    tags: Cow<'a, [String]>,
    remove: bool,
}

impl<'a> TagConversation<'a> {
    /// Adds `tags` (1 to 20) to conversation `id`.
    pub fn add(id: impl Into<Cow<'a, str>>, tags: impl Into<StrList<'a>>) -> Self {
        Self {
            id: id.into(),
            tags: tags.into().into_cow(),
            remove: false,
        }
    }

    /// Removes `tags` (1 to 20) from conversation `id`.
    pub fn remove(id: impl Into<Cow<'a, str>>, tags: impl Into<StrList<'a>>) -> Self {
        Self {
            remove: true,
            ..Self::add(id, tags)
        }
    }
}

impl Operation for TagConversation<'_> {
    type Output = Conversation;

    fn operation_id(&self) -> &'static str {
        if self.remove {
            "RemoveTagsFromConversation"
        } else {
            "AppendTagsToConversation"
        }
    }

    fn resource_id(&self) -> Option<&str> {
        Some(&self.id)
    }

    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if self.tags.is_empty() {
            return Err(crate::protocol::error::InvalidInput::new("tags", "names no tag").into());
        }
        check_tags(Some(&self.tags))?;
        let id = segment(Conversation::ID, &self.id)?;
        let method = if self.remove {
            Method::DELETE
        } else {
            Method::POST
        };
        config.request(
            method,
            format_args!("/conversations/{id}/tags"),
            Some(json_body(&*self.tags)?),
        )
    }

    fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Conversation, Error> {
        parse_one(response)
    }
}

/// What of a conversation's to list, untyped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Below {
    Events,
    Attachments,
}

/// A page of a conversation's events or attachments, as [`Resource`]s.
#[derive(Debug, Clone, PartialEq, Eq)]
struct ListBelow<'a> {
    id: Cow<'a, str>,
    below: Below,
    paging: Paging,
}

impl ListBelow<'_> {
    fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
        if let Some(path) = self.paging.next_path() {
            return config.request(Method::GET, path, None);
        }
        self.paging.check(100)?;
        let mut query = Query::new();
        self.paging.push(&mut query);
        let id = segment(Conversation::ID, &self.id)?;
        let what = match self.below {
            Below::Events => "events",
            Below::Attachments => "attachments",
        };
        config.request(
            Method::GET,
            format_args!("/conversations/{id}/{what}{}", query.as_str()),
            None,
        )
    }
}

macro_rules! conversation_list {
    ($(#[$doc:meta])* $name:ident, $below:expr) => {
        $(#[$doc])*
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct $name<'a>(ListBelow<'a>);

        impl<'a> $name<'a> {
            /// The first page of conversation `id`'s.
            pub fn new(id: impl Into<Cow<'a, str>>) -> Self {
                Self(ListBelow {
                    id: id.into(),
                    below: $below,
                    paging: Paging::default(),
                })
            }

            paging_methods!(0.paging);
        }

        impl Operation for $name<'_> {
            type Output = Page<Resource>;

            fn operation_id(&self) -> &'static str {
                match self.0.below {
                    Below::Events => "GetConversationEvents",
                    Below::Attachments => "GetConversationAttachments",
                }
            }

            fn resource_id(&self) -> Option<&str> {
                Some(&self.0.id)
            }

            fn build(&self, config: &Config) -> Result<Request<Vec<u8>>, Error> {
                self.0.build(config)
            }

            fn parse<B: AsRef<[u8]>>(&self, response: Response<B>) -> Result<Page<Resource>, Error> {
                parse_page(response, self.0.paging.keeps_raw())
            }
        }

        impl PagedOperation for $name<'_> {
            type Item = Resource;

            fn paging(&self) -> &Paging {
                &self.0.paging
            }

            fn paging_mut(&mut self) -> &mut Paging {
                &mut self.0.paging
            }
        }
    };
}

conversation_list!(
    /// List a conversation's events (`GET /v1/conversations/{id}/events`, Kustomer's
    /// `GetConversationEvents`), as [`Resource`]s (`customer_event` records with their
    /// `changes`).
    ///
    /// Roles: `org.user.conversation.read` or `org.permission.conversation.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::ListConversationEvents};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversationEvents::new("58228e05d4e96711004eccb7").page_size(50).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/conversations/58228e05d4e96711004eccb7/events?pageSize=50");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ListConversationEvents,
    Below::Events
);

conversation_list!(
    /// List the attachments of a conversation's messages (`GET /v1/conversations/{id}/attachments`,
    /// Kustomer's `GetConversationAttachments`), as [`Resource`]s (attachments carry no `id`).
    ///
    /// Roles: `org.user.attachment.read` or `org.permission.attachment.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, conversations::ListConversationAttachments};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversationAttachments::new("58228e05d4e96711004eccb7").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/attachments");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    ListConversationAttachments,
    Below::Attachments
);
