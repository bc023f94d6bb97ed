use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::error::AppError;
use app::sharing::{service, FamilySharing, RestrictionRequest, Sharing, SharingChoice};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;

/// Who in the family sees what, and any limits set for a child's safety.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/consents", tag = "sharing", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage), responses((status = 200, body = Sharing), (status = 403), (status = 404)))]
pub async fn list_consents(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Sharing>, AppError> {
    Ok(Json(service::sharing(&state, &ctx, &viewer, case_id, &page).await?.0))
}

/// The participant sets what one family member sees; categories left out are taken back at once.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/consents/{member_id}", tag = "sharing", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("member_id" = i64, Path)), request_body = SharingChoice,
    responses((status = 200, body = FamilySharing), (status = 403, description = "not_permitted"), (status = 404)))]
pub async fn set_consents(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, member_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<SharingChoice>,
) -> Result<Json<FamilySharing>, AppError> {
    Ok(Json(
        service::set_shares(&state, &ctx, &viewer, case_id, member_id, &body.categories).await?,
    ))
}

/// A worker of the case limits what a family member sees of reunification, with a reason.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/restrictions/{member_id}", tag = "sharing", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("member_id" = i64, Path)), request_body = RestrictionRequest,
    responses((status = 200, body = FamilySharing), (status = 403), (status = 404), (status = 422, description = "reason_required")))]
pub async fn restrict(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, member_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<RestrictionRequest>,
) -> Result<Json<FamilySharing>, AppError> {
    Ok(Json(
        service::restrict(&state, &ctx, &viewer, case_id, member_id, &body.reason).await?,
    ))
}

#[utoipa::path(delete, path = "/api/v1/cases/{case_id}/restrictions/{member_id}", tag = "sharing", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("member_id" = i64, Path)), responses((status = 204), (status = 403), (status = 404)))]
pub async fn lift_restriction(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, member_id)): Path<(i64, i64)>,
) -> Result<StatusCode, AppError> {
    service::lift_restriction(&state, &ctx, &viewer, case_id, member_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
