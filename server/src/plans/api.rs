//! Reading plans and their versions, drafting items, comments and proposals.

use crate::http::RequestState;
use crate::http::{ApiJson, ApiQuery, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::plans::{
    service, talk, Comment, Comparison, Decline, ItemChange, NewComment, NewItem, NewPlan, NewProposal, PlanDetail,
    PlanVersion, Plans, Proposal,
};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa::IntoParams;

/// The case's plans, with the state of each newest version and whose signature it waits for.
/// Family members need the `plans` share.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/plans", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage),
    responses((status = 200, body = Plans), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn list_plans(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Plans>, AppError> {
    Ok(Json(service::plans(&state, &ctx, &viewer, case_id, &page).await?))
}

/// A worker of the case starts a plan: version 1, a draft.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewPlan,
    responses((status = 201, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn create_plan(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewPlan>,
) -> Result<(StatusCode, Json<PlanVersion>), AppError> {
    let plan = service::create(&state, &ctx, &viewer, case_id, body).await?;
    Ok((StatusCode::CREATED, Json(plan)))
}

/// The plan's newest version, and every version in its history with who signed when.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/plans/{plan_id}", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path)),
    responses((status = 200, body = PlanDetail), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn show_plan(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
) -> Result<Json<PlanDetail>, AppError> {
    Ok(Json(service::plan(&state, &ctx, &viewer, case_id, plan_id).await?))
}

/// One version exactly as it stands (an agreed version never changes).
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/plans/{plan_id}/versions/{number}", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("number" = i64, Path)),
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn show_version(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, number)): Path<(i64, i64, i64)>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        service::version(&state, &ctx, &viewer, case_id, plan_id, number).await?,
    ))
}

#[derive(Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
pub struct Versions {
    /// The older version's number.
    from: i64,
    /// The newer version's number.
    to: i64,
}

/// What changed between two versions, item by item.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/plans/{plan_id}/compare", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), Versions),
    responses((status = 200, body = Comparison), (status = 403, description = "not_shared"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn compare_versions(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    ApiQuery(versions): ApiQuery<Versions>,
) -> Result<Json<Comparison>, AppError> {
    let comparison = service::compare(&state, &ctx, &viewer, case_id, plan_id, versions.from, versions.to).await?;
    Ok(Json(comparison))
}

/// A worker adds an item. After a version was put up for agreement, this starts the next version.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/items", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path)), request_body = NewItem,
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn add_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewItem>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        service::add_item(&state, &ctx, &viewer, case_id, plan_id, body).await?,
    ))
}

/// A worker changes an item; fields left out stay as they are.
#[utoipa::path(patch, path = "/api/v1/cases/{case_id}/plans/{plan_id}/items/{item_key}", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("item_key" = i64, Path)), request_body = ItemChange,
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn change_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
    ApiJson(body): ApiJson<ItemChange>,
) -> Result<Json<PlanVersion>, AppError> {
    let version = service::change_item(&state, &ctx, &viewer, case_id, plan_id, key, body).await?;
    Ok(Json(version))
}

/// A worker removes an item.
#[utoipa::path(delete, path = "/api/v1/cases/{case_id}/plans/{plan_id}/items/{item_key}", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("item_key" = i64, Path)),
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404)))]
pub async fn remove_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        service::remove_item(&state, &ctx, &viewer, case_id, plan_id, key).await?,
    ))
}

/// Anyone who may read the plan comments on an item.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/items/{item_key}/comments", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("item_key" = i64, Path)), request_body = NewComment,
    responses((status = 201, body = Comment), (status = 403, description = "not_shared"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn comment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, key)): Path<(i64, i64, i64)>,
    ApiJson(body): ApiJson<NewComment>,
) -> Result<(StatusCode, Json<Comment>), AppError> {
    let comment = talk::comment(&state, &ctx, &viewer, case_id, plan_id, key, body).await?;
    Ok((StatusCode::CREATED, Json(comment)))
}

/// Anyone who may read the plan proposes a change, with a reason.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/proposals", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path)), request_body = NewProposal,
    responses((status = 201, body = Proposal), (status = 403, description = "not_shared"), (status = 404), (status = 422, description = "invalid_input or reason_required")))]
pub async fn propose(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewProposal>,
) -> Result<(StatusCode, Json<Proposal>), AppError> {
    let proposal = talk::propose(&state, &ctx, &viewer, case_id, plan_id, body).await?;
    Ok((StatusCode::CREATED, Json(proposal)))
}

/// A worker of the case accepts a proposal: the plan changes as proposed.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/accept", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("proposal_id" = i64, Path)),
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 409, description = "proposal_decided or stale_version")))]
pub async fn accept_proposal(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, proposal_id)): Path<(i64, i64, i64)>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        talk::accept(&state, &ctx, &viewer, case_id, plan_id, proposal_id).await?,
    ))
}

/// A worker of the case declines a proposal, with a reason the proposer reads.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/proposals/{proposal_id}/decline", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("proposal_id" = i64, Path)), request_body = Decline,
    responses((status = 200, body = Proposal), (status = 403, description = "not_permitted"), (status = 404), (status = 409, description = "proposal_decided"), (status = 422, description = "reason_required")))]
pub async fn decline_proposal(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, proposal_id)): Path<(i64, i64, i64)>,
    ApiJson(body): ApiJson<Decline>,
) -> Result<Json<Proposal>, AppError> {
    let proposal = talk::decline(&state, &ctx, &viewer, case_id, plan_id, proposal_id, body).await?;
    Ok(Json(proposal))
}
