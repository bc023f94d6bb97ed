//! Release without a gap: a checklist per case of what must be in place on the day she
//! comes home (identity card, housing, income, health insurance, a GP, a bank account, a
//! phone, the first appointments), each with an owner from her circle and a status she
//! sees and comments on; the buddy's first meeting on the calendar before the release
//! date; and a plan of its own for the first week after (a plan of kind `first_week`).

mod page;
mod types;

pub use page::ReleasePage;
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "release")]
pub async fn load_release(case_id: i64) -> Result<ReleaseView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::view(&state, &ctx, &viewer, case_id).await
}
