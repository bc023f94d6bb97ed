//! Appointments: visits, meetings and hearings — when, where or how, with whom, what for
//! and what to bring — with a calendar file per appointment.

mod calendar;
mod page;
mod types;

pub use calendar::calendar_file;
pub use page::{AppointmentsPage, UpcomingAppointments};
pub use types::*;

#[cfg(feature = "ssr")]
pub mod service;

use crate::error::AppError;
use leptos::prelude::*;

#[server(prefix = "/s", endpoint = "appointments")]
pub async fn load_appointments(case_id: i64) -> Result<Appointments, AppError> {
    let (state, ctx) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::appointments(&state, &ctx, &viewer, case_id).await
}
