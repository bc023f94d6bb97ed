use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::trajectory::{service, Milestone, MilestoneUpdate, NewMilestone, Trajectory};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;

/// The case's phase and milestones, each with its history of changes and reasons.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/milestones", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage),
    responses((status = 200, body = Trajectory), (status = 403, description = "not_shared"), (status = 404, description = "not a case you are in")))]
pub async fn list_milestones(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Trajectory>, AppError> {
    Ok(Json(service::trajectory(&state, &ctx, &viewer, case_id, &page).await?))
}

/// A worker of the case adds a milestone.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/milestones", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewMilestone,
    responses((status = 201, body = Milestone), (status = 403, description = "not_permitted"), (status = 404), (status = 422)))]
pub async fn create_milestone(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewMilestone>,
) -> Result<(StatusCode, Json<Milestone>), AppError> {
    let milestone = service::add_milestone(&state, &ctx, &viewer, case_id, body).await?;
    Ok((StatusCode::CREATED, Json(milestone)))
}

/// A worker of the case changes a milestone's status or date, with a reason.
#[utoipa::path(patch, path = "/api/v1/cases/{case_id}/milestones/{milestone_id}", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("milestone_id" = i64, Path)), request_body = MilestoneUpdate,
    responses((status = 200, body = Milestone), (status = 403), (status = 404), (status = 422, description = "reason_required or invalid_date")))]
pub async fn update_milestone(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, milestone_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<MilestoneUpdate>,
) -> Result<Json<Milestone>, AppError> {
    Ok(Json(
        service::update_milestone(&state, &ctx, &viewer, case_id, milestone_id, body).await?,
    ))
}
