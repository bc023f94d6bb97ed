use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::error::AppError;
use app::preferences::{service, Preferences};
use axum::Json;

/// The participant's or family member's own conditions: what helps them be reached well,
/// and whether the workers of their circles see it. Others have none (403).
#[utoipa::path(get, path = "/api/v1/me/preferences", tag = "preferences", security(("bearer" = [])),
    responses((status = 200, body = Preferences), (status = 401), (status = 403, description = "not_permitted: staff")))]
pub async fn show(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<Preferences>, AppError> {
    Ok(Json(service::own(&state, &viewer).await?))
}

/// Saves them whole. `shown_to_workers` decides whether the workers of their circles see
/// them (beside the appointment form and in conversations); nobody else ever does.
#[utoipa::path(put, path = "/api/v1/me/preferences", tag = "preferences", security(("bearer" = [])),
    request_body = Preferences,
    responses((status = 200, body = Preferences), (status = 401), (status = 403, description = "not_permitted: staff"),
        (status = 422, description = "invalid_input: a text too long")))]
pub async fn save(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<Preferences>,
) -> Result<Json<Preferences>, AppError> {
    Ok(Json(service::save_own(&state, &ctx, &viewer, body).await?))
}
