//! Transparency: the participant (and the case's workers) see every read and change of
//! the case's data — when, who, which part, and why. Reading this log is logged too.

mod page;

#[cfg(feature = "ssr")]
pub(crate) use page::entry_line;

pub use page::AccessLogPage;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;
#[cfg(feature = "ssr")]
pub(crate) use storage::{count_looks, previous_look};

use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// Who did something in the access log, named as the participant may see them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessActor {
    /// The person's name when they are (or were) in the circle; else `None`.
    pub actor_name: Option<String>,
    /// How the person belongs to the circle, if they do.
    pub actor_kind: Option<MemberKind>,
    pub actor_case_role: Option<CaseRole>,
    pub actor_relationship: Option<Relationship>,
    /// The person's account role, for someone outside the circle.
    pub actor_account_role: Option<String>,
    pub organisation: Option<String>,
}

/// One line of the access log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessLogEntry {
    pub id: i64,
    pub at: i64,
    #[serde(flatten)]
    pub actor: AccessActor,
    /// What happened, e.g. `case_read`, `milestone_changed`.
    pub action: String,
    /// Which part of the case, for reads: `circle`, `trajectory`, `access_log`, …; for a
    /// look at several parts at once (the home page), the first of `categories`.
    pub category: Option<String>,
    /// Every part of the case one look showed, in the order it showed them.
    #[serde(default)]
    pub categories: Vec<String>,
}

/// How often one person looked at one part of the case in the last seven days: the log
/// in a sentence ("Lotte looked at the trajectory 14 times"), however long it is.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessSummary {
    /// Who, named as in the entries.
    #[serde(flatten)]
    pub actor: AccessActor,
    /// Which part of the case, as in the entries' `categories`.
    pub category: String,
    /// How many looks showed it.
    pub looks: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AccessLog {
    pub case_id: i64,
    pub participant_name: String,
    /// How the person reading belongs to the circle: the participant reads her own log.
    pub reader: MemberKind,
    /// Everyone but the reader, per part of the case, most looks first. Only on the first
    /// page (without `before`); empty on older pages.
    #[serde(default)]
    pub last_seven_days: Vec<AccessSummary>,
    pub entries: Vec<AccessLogEntry>,
    /// Pass as `before` to get the next, older page; `None` on the last page.
    pub next_cursor: Option<i64>,
}

#[server(prefix = "/s", endpoint = "access_log")]
pub async fn load_access_log(case_id: i64, before: Option<i64>) -> Result<AccessLog, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::access_log(&state, &ctx, &viewer, case_id, before, service::PAGE_SIZE).await
}

#[cfg(feature = "ssr")]
pub(crate) fn hot_queries() -> Vec<crate::db::hot_queries::HotQuery> {
    vec![
        crate::db::hot_queries::HotQuery::page("a page of the access log", storage::ENTRIES, 3),
        crate::db::hot_queries::HotQuery::new("the access log's last seven days", storage::SUMMARY, 3),
        crate::db::hot_queries::HotQuery::new("when a person last looked at a case", storage::PREVIOUS_LOOK, 2),
    ]
}
