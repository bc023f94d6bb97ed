//! Case conferences: the coordination meetings between the services around a case. The
//! participant gives written input before the date, reads every decision with what it
//! means for her in plain words, and responds to each one.

mod page;
mod types;

pub use page::ConferencePage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "conference")]
pub async fn load_conference(case_id: i64, conference_id: i64) -> Result<ConferenceView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::conference(&state, &ctx, &viewer, case_id, conference_id).await
}
