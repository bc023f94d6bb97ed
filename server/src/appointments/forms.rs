//! The worker's form on the appointments page. It answers with a redirect back to the
//! page, with `?error=code` when something needs correcting.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::accounts::service::Viewer;
use app::appointments::{
    changes, service, Appointment, AppointmentMode, AppointmentUpdate, LocalDateTime, NewAppointment,
};
use app::error::{AppError, ErrorCode};
use app::state::{AppState, RequestContext};
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
    /// Ticked after the time was refused for going against the participant's times.
    despite_preferences: Option<String>,
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
            despite_preferences: self.despite_preferences.is_some(),
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
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("starts_at", f.starts_at.as_str()),
            ("duration_minutes", &f.duration_minutes),
            ("mode", &f.mode),
            ("place", &f.place),
            ("with_whom", &f.with_whom),
            ("purpose", &f.purpose),
            ("what_to_bring", &f.what_to_bring),
        ];
        Typed::new("new-appointment".into(), &fields, |code| match code {
            ErrorCode::InvalidTime | ErrorCode::InvalidDate | ErrorCode::TimeAgainstPreferences => Some("starts_at"),
            _ => None,
        })
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::add(&state, &ctx, &viewer, case_id, form.into_new()?).await
    }
    .await;
    let back = format!("{page}#new-appointment");
    match (result, typed) {
        (Ok(appointment), _) => answer(&headers, Ok(&format!("{page}#appointment-{}", appointment.id))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

#[derive(Deserialize)]
pub struct MoveForm {
    starts_at: String,
    place: String,
    #[serde(default)]
    reason: String,
    /// Ticked after the time was refused for going against the participant's times.
    despite_preferences: Option<String>,
}

#[derive(Deserialize)]
pub struct ReasonForm {
    #[serde(default)]
    reason: String,
}

/// Back to the appointment on its page with its confirmation, or to the form `form_id`
/// with the error and what the person typed.
fn back(
    (state, headers): (&AppState, &HeaderMap),
    (case_id, appointment_id): (i64, i64),
    typed: Option<Typed>,
    result: Result<Appointment, AppError>,
) -> Response {
    let page = format!("/cases/{case_id}/appointments");
    match (result, typed) {
        (Ok(_), Some(typed)) => answer(
            headers,
            Ok(&format!("{page}?saved={}#appointment-{appointment_id}", typed.form)),
        ),
        (Ok(_), None) => answer(headers, Ok(&format!("{page}#appointment-{appointment_id}"))),
        (Err(error), Some(typed)) => {
            let form = format!("{page}#{}", typed.form);
            answer_keeping(state, headers, Err((error, &form)), typed)
        }
        (Err(error), None) => answer(headers, Err((error, &format!("{page}#appointment-{appointment_id}")))),
    }
}

/// Where an error of these forms belongs: the time, or else the reason.
fn field_of(code: ErrorCode) -> Option<&'static str> {
    match code {
        ErrorCode::InvalidTime | ErrorCode::InvalidDate | ErrorCode::TimeAgainstPreferences => Some("starts_at"),
        ErrorCode::ReasonRequired | ErrorCode::InvalidInput => Some("reason"),
        _ => None,
    }
}

pub async fn move_appointment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, appointment_id)): Path<(i64, i64)>,
    form: Result<Form<MoveForm>, FormRejection>,
) -> Response {
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("starts_at", f.starts_at.as_str()),
            ("place", &f.place),
            ("reason", &f.reason),
        ];
        Typed::new(format!("move-{appointment_id}"), &fields, field_of)
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let update = AppointmentUpdate {
            starts_at: Some(LocalDateTime::parse(&form.starts_at).map_err(AppError::new)?),
            place: Some(form.place),
            reason: form.reason,
            despite_preferences: form.despite_preferences.is_some(),
        };
        changes::move_appointment(&state, &ctx, &viewer, case_id, appointment_id, update).await
    }
    .await;
    back((&state, &headers), (case_id, appointment_id), typed, result)
}

pub async fn cancel(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(ids): Path<(i64, i64)>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> Response {
    let form_id = format!("cancel-{}", ids.1);
    with_reason(&state, &ctx, &headers, (ids, form_id), form, changes::cancel).await
}

pub async fn cannot_come(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(ids): Path<(i64, i64)>,
    form: Result<Form<ReasonForm>, FormRejection>,
) -> Response {
    let form_id = format!("cannot-come-{}", ids.1);
    with_reason(&state, &ctx, &headers, (ids, form_id), form, changes::cannot_come).await
}

/// A form that brings only a reason, handed to `action` as the holder of the session.
async fn with_reason<F>(
    state: &AppState,
    ctx: &RequestContext,
    headers: &HeaderMap,
    ((case_id, appointment_id), form_id): ((i64, i64), String),
    form: Result<Form<ReasonForm>, FormRejection>,
    action: F,
) -> Response
where
    F: AsyncFn(&AppState, &RequestContext, &Viewer, i64, i64, &str) -> Result<Appointment, AppError>,
{
    let typed = form
        .as_ref()
        .ok()
        .map(|Form(f)| Typed::new(form_id, &[("reason", &f.reason)], field_of));
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(state, headers).await?;
        action(state, ctx, &viewer, case_id, appointment_id, &form.reason).await
    }
    .await;
    back((state, headers), (case_id, appointment_id), typed, result)
}
