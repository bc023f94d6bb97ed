use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::trajectory::{
    phases, responses, service, Milestone, MilestoneResponse, MilestoneUpdate, NewMilestone, NewPhase, NewResponse,
    PhaseChange, Trajectory,
};
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

/// A worker of the case records a move to another phase: the day it takes effect, who
/// decided and why. A closing is dated at least 14 days ahead, so the participant hears of
/// it first. The participant, and those she shares her trajectory with, are told.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/phase", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewPhase,
    responses((status = 201, body = PhaseChange), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "reason_required, invalid_date, invalid_input or closing_needs_notice")))]
pub async fn change_phase(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewPhase>,
) -> Result<(StatusCode, Json<PhaseChange>), AppError> {
    let change = phases::change_phase(&state, &ctx, &viewer, case_id, body).await?;
    Ok((StatusCode::CREATED, Json(change)))
}

/// Under a milestone, the participant asks a question, says she disagrees or asks to talk
/// about it (`question`, `disagree`, `talk`); a worker of the case answers (`answer`).
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/milestones/{milestone_id}/responses", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("milestone_id" = i64, Path)), request_body = NewResponse,
    responses((status = 201, body = MilestoneResponse), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "invalid_input")))]
pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, milestone_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewResponse>,
) -> Result<(StatusCode, Json<MilestoneResponse>), AppError> {
    let response = responses::respond(&state, &ctx, &viewer, case_id, milestone_id, body).await?;
    Ok((StatusCode::CREATED, Json(response)))
}
