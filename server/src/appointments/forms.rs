//! The worker's form on the appointments page. It answers with a redirect back to the
//! page, with `?error=code` when something needs correcting.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::Ctx;
use crate::http::RequestState;
use app::appointments::{service, AppointmentMode, LocalDateTime, NewAppointment};
use app::error::{AppError, ErrorCode};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct PlanForm {
    starts_at: String,
    duration_minutes: String,
    mode: String,
    place: String,
    with_whom: String,
    purpose: String,
    #[serde(default)]
    what_to_bring: String,
}

impl PlanForm {
    fn into_new(self) -> Result<NewAppointment, AppError> {
        let invalid = || AppError::new(ErrorCode::InvalidInput);
        Ok(NewAppointment {
            starts_at: LocalDateTime::parse(&self.starts_at).map_err(AppError::new)?,
            duration_minutes: self.duration_minutes.trim().parse().map_err(|_| invalid())?,
            mode: AppointmentMode::parse(&self.mode).ok_or_else(invalid)?,
            place: self.place,
            with_whom: self.with_whom,
            purpose: self.purpose,
            what_to_bring: self.what_to_bring,
        })
    }
}

pub async fn plan(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<PlanForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/appointments");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::add(&state, &ctx, &viewer, case_id, form.into_new()?).await
    }
    .await;
    match result {
        Ok(appointment) => answer(&headers, Ok(&format!("{page}#appointment-{}", appointment.id))),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}
