//! Pages of a list: one page as the API sends it ([`Page`]), the operations that read one
//! ([`PagedOperation`], with its [`Paging`] part), and the pure state machine that follows
//! their `next` links ([`Cursor`]).

pub use crate::protocol::cursor::{
    Cursor, MAX_PAGES_WITHOUT_NEW_ITEMS, RECENT_PAGES, resolve_next_link,
};
pub use crate::protocol::document::Record;
pub use crate::protocol::error::BadRecord;
pub use crate::protocol::list_page::{Page, PageLinks, PageMeta, PagedOperation};
pub(crate) use crate::protocol::list_page::{parse_one, parse_page};
pub use crate::protocol::paging::Paging;
