//! Note operations: the notes family on the generic layer, and the notes of a conversation or a
//! customer.
//!
//! Roles: read `org.user.note.read` / `org.permission.note.read`; create `org.user.note.write` /
//! `org.permission.note.create`; update `.write` / `.update`; delete `org.user.note.write` /
//! `org.permission.note.delete`.

mod input;

use crate::families::models::{Conversation, Customer, Note};
use crate::generic::family::{
    BulkWritable, ChildOf, Creatable, CreatedUnder, Deletable, Gettable, Listable, Searchable,
    Updatable,
};
use crate::protocol::error::InvalidInput;
use crate::protocol::validation::{absent, required};

pub use input::{MentionInput, NoteInput, NoteUpdate};

crate::generic::declare::family! {
    impl Family for Note {
        type Scope = ();
        const PATH: &'static str = "/notes";
        const NAME: &'static str = "note";
        const ID: &'static str = "note id";
    }

    handle {
        /// Note operations through a [`Client`](crate::Client); from
        /// [`Client::notes`](crate::Client::notes).
        pub type Notes;
        /// Note operations: get, list, create, update, delete, search, bulk, a conversation's or
        /// customer's notes.
        ///
        /// ```no_run
        /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
        /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
        /// let note = client.notes().get("57cf1d65079e780006e34f79")?;
        /// # Ok::<(), kustomer::Error>(())
        /// ```
        pub fn notes;
    }

    /// Get a note by ID (`GET /v1/notes/{id}`).
    ///
    /// Roles: `org.user.note.read` or `org.permission.note.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::GetNote};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = GetNote::new("57cf1d65079e780006e34f79").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/notes/57cf1d65079e780006e34f79");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type GetNote<'a> = crate::generic::ops::Get<'a, Note> { Get => "GetNoteById" };

    /// List the org's notes (`GET /v1/notes`), one page at a time.
    ///
    /// Roles: `org.user.note.read` or `org.permission.note.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::ListNotes};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListNotes::new().page_size(100).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/notes?pageSize=100");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListNotes = crate::generic::ops::List<Note> { List => "GetNotesForOrg" };

    /// Create a note (`POST /v1/notes`; 201). A note on a conversation is created under it:
    /// [`CreateConversationNote`].
    ///
    /// Roles: `org.user.note.write` or `org.permission.note.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::{CreateNote, NoteInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateNote::new(NoteInput::new("Hey")).build(&config)?;
    /// assert_eq!(request.body(), br#"{"body":"Hey"}"#);
    /// assert!(CreateNote::new(NoteInput::new("")).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateNote<'a> = crate::generic::ops::Create<'a, Note> { Create => "CreateNote" };

    /// Update a note (`PUT /v1/notes/{id}?replace=…`, needs the conversation and the body; or
    /// `PATCH`).
    ///
    /// Roles: `org.user.note.write` or `org.permission.note.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::{NoteUpdate, UpdateNote}};
    /// use kustomer::ops::UpdateMode;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let edit = NoteUpdate::new().body("Refund sent");
    /// assert!(UpdateNote::new("57cf1d65079e780006e34f79", &edit).build(&config).is_err()); // a PUT needs the conversation
    /// let patch = UpdateNote::new("57cf1d65079e780006e34f79", &edit).mode(UpdateMode::Patch).build(&config)?;
    /// assert_eq!(patch.method(), http::Method::PATCH);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type UpdateNote<'a> = crate::generic::ops::Update<'a, Note> {
        Patch => "PatchNoteById", Put => "UpdateNoteById"
    };

    /// Delete a note (`DELETE /v1/notes/{id}`; 204).
    ///
    /// Roles: `org.user.note.write` or `org.permission.note.delete`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::DeleteNote};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = DeleteNote::new("57cf1d65079e780006e34f79").build(&config)?;
    /// assert_eq!(request.method(), http::Method::DELETE);
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type DeleteNote<'a> = crate::generic::ops::Delete<'a, Note> { Delete => "DeleteNoteById" };

    /// Search notes (`POST /v1/customers/search` with `queryContext: "note"`; not in the archive),
    /// one page at a time; criteria are named `note_<attribute>`.
    ///
    /// Roles: `org.user.search.read` or `org.permission.search.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::SearchNotes};
    /// use kustomer::search::SearchQuery;
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = SearchNotes::new(SearchQuery::new()).build(&config)?;
    /// let body: serde_json::Value = serde_json::from_slice(request.body()).unwrap();
    /// assert_eq!(body["queryContext"], "note");
    /// assert!(SearchNotes::new(SearchQuery::new()).archive(true).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type SearchNotes = crate::generic::ops::Search<Note> {};

    /// The walk through every note a search finds, past the 100-page cap, on `note_updated_at`.
    ///
    /// ```
    /// use kustomer::{search::SearchQuery, notes::NoteWalk};
    ///
    /// let first = NoteWalk::new(SearchQuery::new(), 500).next_operation().unwrap();
    /// let body = serde_json::to_value(first.query()).unwrap();
    /// assert_eq!(body["queryContext"], "note");
    /// ```
    pub type NoteWalk = crate::generic::ops::Walk<Note> {};

    /// Create or update up to 100 notes in one job (`POST`/`PUT /v1/notes/bulk`; 201 with a job).
    /// Each created note names its conversation.
    ///
    /// Roles: `org.user.note.write` or `org.permission.note.create` / `.update`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::{BulkNotes, NoteInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let notes = [NoteInput::new("Imported").conversation("58228e05d4e96711004eccb7")];
    /// let request = BulkNotes::create(&notes[..]).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/notes/bulk");
    /// assert!(BulkNotes::create(&[NoteInput::new("Nowhere")][..]).build(&config).is_err());
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type BulkNotes<'a> = crate::generic::ops::BulkWrite<'a, Note> {
        BulkCreate => "BulkCreateNotes", BulkUpdate => "BulkBatchUpdateNotes"
    };

    /// List a conversation's notes (`GET /v1/conversations/{id}/notes`), typed.
    ///
    /// Roles: `org.user.note.read` or `org.permission.note.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::ListConversationNotes};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListConversationNotes::new("58228e05d4e96711004eccb7").build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/notes");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListConversationNotes<'a> = crate::generic::ops::ListUnder<'a, Conversation, Note> {
        ListUnder(Conversation) => "GetNotesByConversation"
    };

    /// Create a note on a conversation (`POST /v1/conversations/{id}/notes`; 201).
    ///
    /// Roles: `org.user.note.write` or `org.permission.note.create`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::{CreateConversationNote, NoteInput}};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = CreateConversationNote::new("58228e05d4e96711004eccb7", NoteInput::new("Escalated")).build(&config)?;
    /// assert_eq!(request.uri().path(), "/v1/conversations/58228e05d4e96711004eccb7/notes");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type CreateConversationNote<'a> = crate::generic::ops::CreateUnder<'a, Conversation, Note> {
        CreateUnder(Conversation) => "CreateNoteWithinConversation"
    };

    /// List a customer's notes (`GET /v1/customers/{id}/notes`), typed.
    ///
    /// Roles: `org.user.note.read` or `org.permission.note.read`.
    ///
    /// ```
    /// use kustomer::{ApiKey, Config, Operation, notes::ListCustomerNotes};
    ///
    /// let config = Config::new(ApiKey::new("key")?);
    /// let request = ListCustomerNotes::new("58210c3db0f09110006b7953").page(2).build(&config)?;
    /// assert_eq!(request.uri().path_and_query().unwrap(), "/v1/customers/58210c3db0f09110006b7953/notes?page=2");
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub type ListCustomerNotes<'a> = crate::generic::ops::ListUnder<'a, Customer, Note> {
        ListUnder(Customer) => "GetNotesByCustomer"
    };
}
impl Gettable for Note {}
impl Listable for Note {
    const MAX_PAGE_SIZE: u32 = 100;
}
impl Creatable for Note {
    type Input = NoteInput;
    fn check_create(input: &NoteInput) -> Result<(), InvalidInput> {
        // `POST /notes` takes neither; a conversation's note goes under the conversation.
        absent(
            "conversation",
            &input.conversation,
            "is not taken by POST /notes: create the note under its conversation",
        )?;
        absent(
            "importedAt",
            &input.imported_at,
            "is not taken by POST /notes",
        )
    }
}
impl Updatable for Note {
    type Update = NoteUpdate;
    fn check_put(input: &NoteUpdate) -> Result<(), InvalidInput> {
        required("conversation", &input.conversation)?;
        required("body", &input.body)
    }
}
impl Deletable for Note {}
impl Searchable for Note {
    const CONTEXT: &'static str = "note";
    const PREFIX: &'static str = "note";
    const UPDATED_AT: &'static str = "note_updated_at";
    const ARCHIVED: bool = false;
    fn updated_at(&self) -> Option<&crate::protocol::date_time::DateTime> {
        self.attributes.updated_at.as_ref()
    }
}
impl BulkWritable for Note {
    fn check_bulk_create(input: &NoteInput) -> Result<(), InvalidInput> {
        required("conversation", &input.conversation)
    }
}
impl ChildOf<Conversation> for Note {
    const SEGMENT: &'static str = "notes";
}
impl CreatedUnder<Conversation> for Note {
    type Input = NoteInput;
}
impl ChildOf<Customer> for Note {
    const SEGMENT: &'static str = "notes";
}

/// A record of a bulk note update: its ID and the changes.
pub type NoteBulkUpdate = crate::generic::bulk::BulkUpdate<NoteUpdate>;

impl<'c, T: crate::protocol::transport::Transport> crate::generic::handle::Handle<'c, T, Note> {
    /// Every note of a conversation, typed; see [`ListConversationNotes`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// for note in client.notes().of_conversation("58228e05d4e96711004eccb7") {
    ///     println!("{:?}", note?.attributes.body);
    /// }
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_conversation<'a>(
        &self,
        conversation_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListConversationNotes<'a>> {
        self.under(crate::generic::ops::ListUnder::new(conversation_id))
    }

    /// Every note of a customer, typed; see [`ListCustomerNotes`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// let count = client.notes().of_customer("58210c3db0f09110006b7953").count();
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn of_customer<'a>(
        &self,
        customer_id: &'a str,
    ) -> crate::generic::paginated::Paginated<'c, T, ListCustomerNotes<'a>> {
        self.under(crate::generic::ops::ListUnder::new(customer_id))
    }

    /// Writes a note on a conversation; see [`CreateConversationNote`].
    ///
    /// ```no_run
    /// # let client = kustomer::Client::new(kustomer::Config::new(kustomer::ApiKey::new("key")?),
    /// #     |_r: http::Request<Vec<u8>>| Ok::<http::Response<Vec<u8>>, std::io::Error>(http::Response::new(Vec::new())));
    /// use kustomer::notes::NoteInput;
    ///
    /// client.notes().create_in_conversation("58228e05d4e96711004eccb7", &NoteInput::new("Escalated to billing"))?;
    /// # Ok::<(), kustomer::Error>(())
    /// ```
    pub fn create_in_conversation(
        &self,
        conversation_id: &str,
        input: &NoteInput,
    ) -> Result<Note, crate::protocol::error::Error> {
        self.create_under::<Conversation>(conversation_id, input)
    }
}
