use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::reunification::{service, Child, NewChild, NewStep, Reunification, StepUpdate};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;

/// For each child, the steps back to family life.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/reunification", tag = "reunification", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage), responses((status = 200, body = Reunification), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn show_reunification(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Reunification>, AppError> {
    Ok(Json(
        service::reunification(&state, &ctx, &viewer, case_id, &page).await?,
    ))
}

/// A worker of the case records a child: an alias and an age band only.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/reunification/children", tag = "reunification", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewChild, responses((status = 201, body = Child), (status = 403), (status = 404)))]
pub async fn add_child(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewChild>,
) -> Result<(StatusCode, Json<Child>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::add_child(&state, &ctx, &viewer, case_id, body).await?),
    ))
}

/// A worker of the case adds the next step for a child.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/reunification/children/{child_id}/steps", tag = "reunification", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("child_id" = i64, Path)), request_body = NewStep,
    responses((status = 201, body = Reunification), (status = 403), (status = 404)))]
pub async fn add_step(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, child_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewStep>,
) -> Result<(StatusCode, Json<Reunification>), AppError> {
    Ok((
        StatusCode::CREATED,
        Json(service::add_step(&state, &ctx, &viewer, case_id, child_id, body).await?),
    ))
}

/// A worker of the case changes a step's status, next date or conditions.
#[utoipa::path(patch, path = "/api/v1/cases/{case_id}/reunification/steps/{step_id}", tag = "reunification", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("step_id" = i64, Path)), request_body = StepUpdate,
    responses((status = 200, body = Reunification), (status = 403), (status = 404)))]
pub async fn update_step(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, step_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<StepUpdate>,
) -> Result<Json<Reunification>, AppError> {
    Ok(Json(
        service::update_step(&state, &ctx, &viewer, case_id, step_id, body).await?,
    ))
}
