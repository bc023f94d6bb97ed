//! Co-decided plans: a worker drafts, the participant and the family members she shares
//! plans with comment and propose changes item by item, and everyone who must agree says
//! agree or disagree per item, with a reason, then signs. Every version and every
//! signature stays on record.

mod item_view;
mod page;
mod plan_forms;
mod types;

pub use page::{plan_title, PlanPage, PlansPage};
pub use types::*;

#[cfg(feature = "ssr")]
pub mod agreement;
#[cfg(feature = "ssr")]
pub mod compare;
#[cfg(feature = "ssr")]
pub mod page_service;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;
#[cfg(feature = "ssr")]
pub mod talk;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "plans")]
pub async fn load_plans(case_id: i64) -> Result<PlansView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    page_service::plans_view(&state, &ctx, &viewer, case_id).await
}

#[server(prefix = "/s", endpoint = "plan")]
pub async fn load_plan(case_id: i64, plan_id: i64, version: Option<i64>) -> Result<PlanPageView, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    page_service::plan_page(&state, &ctx, &viewer, case_id, plan_id, version).await
}
