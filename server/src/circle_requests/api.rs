use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::circle_requests::{service, CircleRequest, CircleRequestAnswer, CircleRequestsView, NewCircleRequest};
use app::error::AppError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Serialize;

/// The case's circle requests, newest first, for the participant and the case's workers.
#[derive(Serialize, utoipa::ToSchema)]
pub struct CircleRequests {
    pub requests: Vec<CircleRequest>,
}

#[utoipa::path(get, path = "/api/v1/cases/{case_id}/circle-requests", tag = "circle", security(("bearer" = [])),
    params(("case_id" = i64, Path)),
    responses((status = 200, body = CircleRequests), (status = 401), (status = 403, description = "not_permitted: family"), (status = 404)))]
pub async fn list(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
) -> Result<Json<CircleRequests>, AppError> {
    let CircleRequestsView { requests, .. } = service::view(&state, &ctx, &viewer, case_id).await?;
    Ok(Json(CircleRequests { requests }))
}

/// The participant asks for someone to be invited (`invite`, `about` says whom) or for a
/// worker of the case to be replaced (`replace_worker`, `worker_user_id`), and says why.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/circle-requests", tag = "circle", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewCircleRequest,
    responses((status = 201, body = CircleRequest), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "invalid_input")))]
pub async fn ask(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewCircleRequest>,
) -> Result<(StatusCode, Json<CircleRequest>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::ask(&state, &ctx, &viewer, case_id, body).await?),
    ))
}

/// A worker of the case answers an open request; a no needs a reason.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/circle-requests/{request_id}/answer", tag = "circle",
    security(("bearer" = [])), params(("case_id" = i64, Path), ("request_id" = i64, Path)), request_body = CircleRequestAnswer,
    responses((status = 200, body = CircleRequest), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 409, description = "request_answered"), (status = 422, description = "invalid_input: a no without a reason")))]
pub async fn answer(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, request_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<CircleRequestAnswer>,
) -> Result<Json<CircleRequest>, AppError> {
    Ok(Json(
        service::answer(&state, &ctx, &viewer, (case_id, request_id), body).await?,
    ))
}
