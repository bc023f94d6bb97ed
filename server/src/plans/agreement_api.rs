//! Putting a version up for agreement, asking a family member to agree too, answering
//! per item, and signing.

use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::error::AppError;
use app::plans::{agreement, NewParty, NewResponse, PlanVersion, Submit};
use axum::extract::Path;
use axum::Json;

/// A worker puts the draft up for agreement. From then on the version never changes; who
/// must agree is fixed now.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/submit", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path)), request_body = Submit,
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 409, description = "stale_version"), (status = 422, description = "plan_empty")))]
pub async fn submit(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<Submit>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        agreement::submit(&state, &ctx, &viewer, case_id, plan_id, body).await?,
    ))
}

/// The participant asks a family member who may read the plan to agree it too.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/parties", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path)), request_body = NewParty,
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn add_party(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewParty>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        agreement::add_party(&state, &ctx, &viewer, case_id, plan_id, body).await?,
    ))
}

/// A party says agree or disagree (with a reason) to one item of the version.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/plans/{plan_id}/versions/{number}/items/{item_key}/response", tag = "plans", operation_id = "respond_to_plan_item", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("number" = i64, Path), ("item_key" = i64, Path)), request_body = NewResponse,
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_shared or not_a_party"), (status = 404),
        (status = 409, description = "stale_version, already_signed or not_open_for_agreement"), (status = 422, description = "reason_required")))]
pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, number, key)): Path<(i64, i64, i64, i64)>,
    ApiJson(body): ApiJson<NewResponse>,
) -> Result<Json<PlanVersion>, AppError> {
    let version = agreement::respond(&state, &ctx, &viewer, (case_id, plan_id, number), key, body).await?;
    Ok(Json(version))
}

/// A party signs the version as a whole, once they answered every item. The version is
/// agreed when every party has signed.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/plans/{plan_id}/versions/{number}/signatures", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("plan_id" = i64, Path), ("number" = i64, Path)),
    responses((status = 200, body = PlanVersion), (status = 403, description = "not_shared or not_a_party"), (status = 404),
        (status = 409, description = "stale_version, already_signed, items_unanswered or not_open_for_agreement")))]
pub async fn sign(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, plan_id, number)): Path<(i64, i64, i64)>,
) -> Result<Json<PlanVersion>, AppError> {
    Ok(Json(
        agreement::sign(&state, &ctx, &viewer, case_id, plan_id, number).await?,
    ))
}
