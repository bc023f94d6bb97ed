use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer};
use app::error::AppError;
use app::push::{service, NewSubscription, PushKey, Unsubscribe};
use axum::http::StatusCode;
use axum::Json;

/// The server's VAPID public key, to subscribe with (`applicationServerKey`).
#[utoipa::path(get, path = "/api/v1/push/key", tag = "push", security(("bearer" = [])),
    responses((status = 200, body = PushKey), (status = 401)))]
pub async fn key(RequestState(state): RequestState, ApiViewer(_viewer): ApiViewer) -> Json<PushKey> {
    Json(service::key(&state))
}

/// Registers where this phone or browser receives push messages. They only ever say that
/// something new is there, in the person's language; never who or what.
#[utoipa::path(post, path = "/api/v1/push/subscriptions", tag = "push", security(("bearer" = [])),
    request_body = NewSubscription,
    responses((status = 201), (status = 401), (status = 422, description = "invalid_input")))]
pub async fn subscribe(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<NewSubscription>,
) -> Result<StatusCode, AppError> {
    service::subscribe(&state, &viewer, body).await?;
    Ok(StatusCode::CREATED)
}

/// Removes one of the person's own subscriptions.
#[utoipa::path(delete, path = "/api/v1/push/subscriptions", tag = "push", security(("bearer" = [])),
    request_body = Unsubscribe,
    responses((status = 204), (status = 401), (status = 422, description = "invalid_input")))]
pub async fn unsubscribe(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<Unsubscribe>,
) -> Result<StatusCode, AppError> {
    service::unsubscribe(&state, &viewer, body).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The same for a browser, from the settings page's script, with the session cookie.
pub async fn subscribe_page(
    RequestState(state): RequestState,
    headers: axum::http::HeaderMap,
    ApiJson(body): ApiJson<NewSubscription>,
) -> Result<StatusCode, AppError> {
    let viewer = crate::accounts::forms::web_viewer(&state, &headers).await?;
    service::subscribe(&state, &viewer, body).await?;
    Ok(StatusCode::CREATED)
}
