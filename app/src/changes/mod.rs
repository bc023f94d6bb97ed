//! The changes-since feed: what changed in a case after a cursor, so a phone that was
//! offline knows which lists to fetch again. Built on the audit trail, which already
//! records every change in the same transaction as the change itself.

use crate::sharing::Category;
use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

/// One change: what kind of object, which one, and how it changed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Change {
    /// Pass the last one you handled as `since` next time.
    pub cursor: i64,
    /// Unix seconds.
    pub at: i64,
    pub category: Category,
    /// `milestone`, `phase_change`, `child`, `reunification_step`, `appointment`, `contact`,
    /// `plan` or `conference`.
    pub object_type: String,
    pub object_id: i64,
    /// `created` or `changed`.
    pub change: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Changes {
    pub case_id: i64,
    /// Oldest first; only categories the viewer may see.
    pub changes: Vec<Change>,
    /// Where to continue: pass as `since`. Equals the `since` given when nothing changed.
    pub cursor: i64,
    /// Whether more changes wait after `cursor`.
    pub more: bool,
}

#[cfg(feature = "ssr")]
pub(crate) fn hot_queries() -> Vec<crate::db::hot_queries::HotQuery> {
    vec![crate::db::hot_queries::HotQuery::page("the changes feed", storage::CHANGES, 3).through("audit_log_changes")]
}
