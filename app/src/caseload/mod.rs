//! A worker's caseload: the cases they are in, each with its phase, next step, overdue
//! milestones and upcoming appointments, so nothing slips between the cracks.

mod page;

pub use page::CaseloadPage;

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

use crate::appointments::Appointment;
use crate::circle::CaseRole;
use crate::error::AppError;
use crate::trajectory::{Milestone, Phase};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseloadCase {
    pub case_id: i64,
    pub participant_name: String,
    pub phase: Phase,
    pub your_role: Option<CaseRole>,
    /// The first open milestone that is not overdue.
    pub next_step: Option<Milestone>,
    /// Open milestones whose expected date has passed.
    pub overdue: Vec<Milestone>,
    pub upcoming: Vec<Appointment>,
    /// Messages in the case's conversations that wait unread for this worker, each
    /// conversation counted up to a hundred.
    pub unread: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Caseload {
    /// Today's date (UTC), against which "overdue" was judged.
    pub today: String,
    pub cases: Vec<CaseloadCase>,
}

#[server(prefix = "/s", endpoint = "caseload")]
pub async fn load_caseload() -> Result<Caseload, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::caseload(&state, &ctx, &viewer).await
}
