use crate::http::{ApiJson, ApiViewer, Coordinator, Ctx, RequestState};
use app::erasure::{service, ErasureDecline, ErasureRequest, NewErasureRequest};
use app::error::{AppError, ErrorCode};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

/// The signed-in person asks for their account to be erased, with a reason if they like.
/// A coordinator answers; one request at a time.
#[utoipa::path(post, path = "/api/v1/me/erasure", tag = "accounts", security(("bearer" = [])),
    request_body = NewErasureRequest,
    responses((status = 201, body = ErasureRequest), (status = 401), (status = 409, description = "erasure_asked: a request waits or is confirmed"),
        (status = 422, description = "invalid_input")))]
pub async fn ask_erasure(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    ApiJson(body): ApiJson<NewErasureRequest>,
) -> Result<(StatusCode, Json<ErasureRequest>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::ask(&state, &ctx, &viewer, body).await?),
    ))
}

/// The person's latest request to be erased and what became of it: when a confirmed
/// erasure takes their account data and their writings, or why a coordinator said no.
#[utoipa::path(get, path = "/api/v1/me/erasure", tag = "accounts", security(("bearer" = [])),
    responses((status = 200, body = ErasureRequest), (status = 401), (status = 404, description = "not_found: never asked")))]
pub async fn my_erasure(
    RequestState(state): RequestState,
    ApiViewer(viewer): ApiViewer,
) -> Result<Json<ErasureRequest>, AppError> {
    service::own(&state, &viewer)
        .await?
        .map(Json)
        .ok_or(AppError::new(ErrorCode::NotFound))
}

#[derive(Serialize, utoipa::ToSchema)]
pub struct ErasureRequests {
    pub requests: Vec<ErasureRequest>,
}

/// For coordinators: the requests to be erased that wait for an answer, oldest first.
#[utoipa::path(get, path = "/api/v1/erasure-requests", tag = "admin", security(("bearer" = [])),
    responses((status = 200, body = ErasureRequests), (status = 401), (status = 403, description = "not_permitted")))]
pub async fn waiting_erasures(
    RequestState(state): RequestState,
    Coordinator(viewer): Coordinator,
) -> Result<Json<ErasureRequests>, AppError> {
    Ok(Json(ErasureRequests {
        requests: service::waiting(&state, &viewer).await?,
    }))
}

/// A coordinator confirms: the account closes at once, and its data and the person's
/// writings are erased when their retention periods end (dates in the answer).
#[utoipa::path(post, path = "/api/v1/erasure-requests/{id}/confirm", tag = "admin", security(("bearer" = [])),
    params(("id" = i64, Path)),
    responses((status = 200, body = ErasureRequest), (status = 401), (status = 403, description = "not_permitted, step_up_required"),
        (status = 404), (status = 409, description = "request_answered")))]
pub async fn confirm_erasure(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    Path(id): Path<i64>,
) -> Result<Json<ErasureRequest>, AppError> {
    Ok(Json(service::confirm(&state, &ctx, &viewer, id).await?))
}

/// A coordinator says no, and which legal duty keeps the data (`explanation`, required).
#[utoipa::path(post, path = "/api/v1/erasure-requests/{id}/decline", tag = "admin", security(("bearer" = [])),
    params(("id" = i64, Path)), request_body = ErasureDecline,
    responses((status = 200, body = ErasureRequest), (status = 401), (status = 403, description = "not_permitted, step_up_required"),
        (status = 404), (status = 409, description = "request_answered"), (status = 422, description = "invalid_input: no explanation")))]
pub async fn decline_erasure(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    Path(id): Path<i64>,
    ApiJson(body): ApiJson<ErasureDecline>,
) -> Result<Json<ErasureRequest>, AppError> {
    Ok(Json(service::decline(&state, &ctx, &viewer, id, body).await?))
}
