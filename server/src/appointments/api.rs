use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::appointments::{service, Appointment, Appointments, NewAppointment};
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
