use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::error::AppError;
use app::reminders::{service, ReminderChoice};
use axum::Json;

/// When the participant or family member is reminded of an appointment they see: the
/// evening before, the morning of, or not at all. Staff are not reminded (403).
#[utoipa::path(get, path = "/api/v1/me/reminders", tag = "appointments", security(("bearer" = [])),
    responses((status = 200, body = ReminderChoice), (status = 401), (status = 403, description = "not_permitted: staff")))]
pub async fn reminder_choice(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<ReminderChoice>, AppError> {
    Ok(Json(service::choice(&state, &viewer).await?))
}

/// Chooses when. A push says only that there is a reminder, in the person's language; a
/// calendar file downloaded afterwards carries an alarm at the same moment.
#[utoipa::path(put, path = "/api/v1/me/reminders", tag = "appointments", security(("bearer" = [])),
    request_body = ReminderChoice,
    responses((status = 200, body = ReminderChoice), (status = 401), (status = 403, description = "not_permitted: staff"),
        (status = 422, description = "invalid_input: an unknown choice")))]
pub async fn choose_reminders(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<ReminderChoice>,
) -> Result<Json<ReminderChoice>, AppError> {
    Ok(Json(service::set_choice(&state, &ctx, &viewer, body).await?))
}
