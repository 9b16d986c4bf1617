//! What only conversations have on a [`Client`](crate::Client).

use crate::families::conversations::{
    ConversationInput, ListConversationAttachments, ListConversationEvents, TagConversation,
};
use crate::families::models::{Conversation, Customer};
use crate::generic::handle::Handle;
use crate::generic::ops::ListUnder;
use crate::generic::paginated::Paginated;
use crate::protocol::error::Error;
use crate::protocol::str_list::StrList;
use crate::protocol::transport::Transport;

impl<'c, T: Transport> Handle<'c, T, Conversation> {
    /// Adds tags (by name or ID; 1 to 20) to a conversation; see [`TagConversation`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let tagged = client.conversations().add_tags("58228e05d4e96711004eccb7", &["vip"])?;
    /// println!("{:?}", tagged.attributes.tags);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn add_tags<'l>(
        &self,
        id: &str,
        tags: impl Into<StrList<'l>>,
    ) -> Result<Conversation, Error> {
        let tags = tags.into();
        self.client()
            .execute(&TagConversation::add(id, tags.as_slice()))
    }

    /// Removes tags from a conversation; see [`TagConversation`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// client.conversations().remove_tags("58228e05d4e96711004eccb7", &["vip"])?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn remove_tags<'l>(
        &self,
        id: &str,
        tags: impl Into<StrList<'l>>,
    ) -> Result<Conversation, Error> {
        let tags = tags.into();
        self.client()
            .execute(&TagConversation::remove(id, tags.as_slice()))
    }

    /// Every event of a conversation; see [`ListConversationEvents`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for event in client.conversations().events("58228e05d4e96711004eccb7") {
    ///     println!("{:?}", event?.attributes.get("name"));
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn events<'a>(&self, id: &'a str) -> Paginated<'c, T, ListConversationEvents<'a>> {
        Paginated::new(self.client(), ListConversationEvents::new(id))
    }

    /// Every attachment of a conversation's messages; see [`ListConversationAttachments`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let count = client.conversations().attachments("58228e05d4e96711004eccb7").count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn attachments<'a>(
        &self,
        id: &'a str,
    ) -> Paginated<'c, T, ListConversationAttachments<'a>> {
        Paginated::new(self.client(), ListConversationAttachments::new(id))
    }

    /// Every conversation of a customer, typed; see
    /// [`ListCustomerConversations`](crate::conversations::ListCustomerConversations).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for conversation in client.conversations().of_customer("58210c3db0f09110006b7953") {
    ///     println!("{:?}", conversation?.attributes.status);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_customer<'a>(
        &self,
        customer_id: &'a str,
    ) -> Paginated<'c, T, ListUnder<'a, Customer, Conversation>> {
        self.under(ListUnder::new(customer_id))
    }

    /// Creates a conversation for a customer; see
    /// [`CreateCustomerConversation`](crate::conversations::CreateCustomerConversation).
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::conversations::ConversationInput;
    ///
    /// let opened = client.conversations().create_for_customer("58210c3db0f09110006b7953", &ConversationInput::new().name("Refund"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_for_customer(
        &self,
        customer_id: &str,
        input: &ConversationInput,
    ) -> Result<Conversation, Error> {
        self.create_under::<Customer>(customer_id, input)
    }
}
