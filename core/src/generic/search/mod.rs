//! Search for every family: the query language, one page of results, and the walk past the
//! search's 100-page cap. One endpoint (`POST /v1/customers/search`) serves every family; its
//! `queryContext` says which.

pub(crate) mod op;
pub(crate) mod query;
pub(crate) mod value;
pub(crate) mod walk;

pub use crate::generic::export::{ExportBuilder, Exporting};
pub use crate::generic::export_plan::{
    ExportWindow, MAX_SPLITS_PER_THREAD, Progress, plan_windows,
};
pub use op::Search;
pub use query::{
    Criterion, MAX_CRITERIA_DEPTH, MAX_SEARCH_PAGE_SIZE, MAX_SEARCH_PAGES, SearchQuery, SortOrder,
};
pub use value::SearchValue;
pub use walk::Walk;
