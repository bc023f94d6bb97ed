use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::appointments::{
    changes, service, Appointment, AppointmentReason, AppointmentUpdate, Appointments, NewAppointment,
};
use app::error::AppError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::response::Response;
use axum::Json;

/// The case's appointments, by date.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/appointments", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage), responses((status = 200, body = Appointments), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn list_appointments(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Appointments>, AppError> {
    Ok(Json(
        service::appointments(&state, &ctx, &viewer, case_id, &page).await?,
    ))
}

/// A worker of the case plans an appointment.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/appointments", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewAppointment,
    responses((status = 201, body = Appointment), (status = 403), (status = 404), (status = 422, description = "invalid_time or invalid_input")))]
pub async fn create_appointment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewAppointment>,
) -> Result<(StatusCode, Json<Appointment>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::add(&state, &ctx, &viewer, case_id, body).await?),
    ))
}

/// One appointment as a calendar file (iCalendar).
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/appointments/{appointment_id}/calendar.ics", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("appointment_id" = i64, Path)),
    responses((status = 200, content_type = "text/calendar", body = String), (status = 403), (status = 404)))]
pub async fn appointment_calendar(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, appointment_id)): Path<(i64, i64)>,
) -> Result<Response, AppError> {
    let file = service::calendar(&state, &ctx, &viewer, case_id, appointment_id).await?;
    Ok(super::files::calendar_response(file))
}

/// A worker of the case moves the appointment: a new time, a new place, or both, always
/// with a reason. Those who see appointments read the change and are told.
#[utoipa::path(patch, path = "/api/v1/cases/{case_id}/appointments/{appointment_id}", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("appointment_id" = i64, Path)), request_body = AppointmentUpdate,
    responses((status = 200, body = Appointment), (status = 403), (status = 404), (status = 409, description = "appointment_cancelled"),
        (status = 422, description = "reason_required, invalid_time or invalid_input (nothing changes)")))]
pub async fn move_appointment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, appointment_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<AppointmentUpdate>,
) -> Result<Json<Appointment>, AppError> {
    Ok(Json(
        changes::move_appointment(&state, &ctx, &viewer, case_id, appointment_id, body).await?,
    ))
}

/// A worker of the case calls the appointment off, with a reason.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/appointments/{appointment_id}/cancel", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("appointment_id" = i64, Path)), request_body = AppointmentReason,
    responses((status = 200, body = Appointment), (status = 403), (status = 404), (status = 409, description = "appointment_cancelled"),
        (status = 422, description = "reason_required")))]
pub async fn cancel_appointment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, appointment_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<AppointmentReason>,
) -> Result<Json<Appointment>, AppError> {
    Ok(Json(
        changes::cancel(&state, &ctx, &viewer, case_id, appointment_id, &body.reason).await?,
    ))
}

/// The participant says she cannot come, and why; her workers read it with the appointment.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/appointments/{appointment_id}/cannot-come", tag = "appointments", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("appointment_id" = i64, Path)), request_body = AppointmentReason,
    responses((status = 200, body = Appointment), (status = 403), (status = 404), (status = 409, description = "appointment_cancelled"),
        (status = 422, description = "reason_required")))]
pub async fn cannot_come(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, appointment_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<AppointmentReason>,
) -> Result<Json<Appointment>, AppError> {
    Ok(Json(
        changes::cannot_come(&state, &ctx, &viewer, case_id, appointment_id, &body.reason).await?,
    ))
}
