//! The circle: a case per participant and everyone involved in it, with their role in
//! plain words. Answers "who are all these people and what do they want from me?".

mod home_page;
mod types;
mod worker_tools;

pub use home_page::HomePage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod leaving;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;

use crate::error::AppError;
use leptos::prelude::*;

/// Circles on one home page. A worker may be in dozens of cases; each circle is a card
/// with its next step, appointments and plans, so a page of them is what a phone shows
/// and what a request reads. The caseload page lists all of a worker's cases at once.
pub const HOME_CIRCLES: i64 = 10;

/// Everything the home page shows: who you are and the circles you belong to, a page at a
/// time (after the case `after`).
#[server(prefix = "/s", endpoint = "home")]
pub async fn load_home(after: Option<i64>) -> Result<HomeView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::home(&state, &ctx, &viewer, after.unwrap_or(0)).await
}

#[cfg(feature = "ssr")]
pub(crate) fn hot_queries() -> Vec<crate::db::hot_queries::HotQuery> {
    vec![crate::db::hot_queries::HotQuery::page(
        "a person's cases",
        storage::CASES_OF,
        3,
    )]
}
