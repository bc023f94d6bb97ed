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

/// Everything the home page shows: who you are and the circles you belong to.
#[server(prefix = "/s", endpoint = "home")]
pub async fn load_home() -> Result<HomeView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::home(&state, &ctx, &viewer).await
}

#[cfg(feature = "ssr")]
pub(crate) fn hot_queries() -> Vec<crate::db::hot_queries::HotQuery> {
    vec![crate::db::hot_queries::HotQuery::page(
        "a person's cases",
        storage::CASES_OF,
        3,
    )]
}
