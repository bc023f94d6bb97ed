use crate::accounts::api::Created;
use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Coordinator, Ctx, ListPage, Paging};
use app::circle::{leaving, service, CaseList, CaseRole};
use app::error::AppError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;
use serde::Deserialize;
use utoipa::ToSchema;

/// The cases the person belongs to, each with its circle when they may see it.
#[utoipa::path(get, path = "/api/v1/cases", tag = "circle", security(("bearer" = [])), params(ListPage),
    responses((status = 200, body = CaseList), (status = 401)))]
pub async fn my_cases(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Paging(page): Paging,
) -> Result<Json<CaseList>, AppError> {
    Ok(Json(service::case_page(&state, &ctx, &viewer, &page).await?))
}

#[derive(Deserialize, ToSchema)]
pub struct CaseRequest {
    /// The first name or alias the circle uses for the participant.
    pub participant_name: String,
}

#[utoipa::path(post, path = "/api/v1/cases", tag = "circle", security(("bearer" = [])), request_body = CaseRequest,
    responses((status = 201, body = Created), (status = 403)))]
pub async fn create_case(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    ApiJson(body): ApiJson<CaseRequest>,
) -> Result<(StatusCode, Json<Created>), AppError> {
    let id = service::create_case(&state, &ctx, &viewer, &body.participant_name).await?;
    Ok((StatusCode::CREATED, Json(Created { id })))
}

#[derive(Deserialize, ToSchema)]
pub struct AssignWorkerRequest {
    pub user_id: i64,
    pub case_role: CaseRole,
}

#[utoipa::path(post, path = "/api/v1/cases/{case_id}/workers", tag = "circle", security(("bearer" = [])), request_body = AssignWorkerRequest,
    params(("case_id" = i64, Path)), responses((status = 204), (status = 403), (status = 404)))]
pub async fn assign_worker(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    Coordinator(viewer): Coordinator,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<AssignWorkerRequest>,
) -> Result<StatusCode, AppError> {
    service::assign_worker(&state, &ctx, &viewer, case_id, body.user_id, body.case_role).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize, ToSchema)]
pub struct EndMembershipRequest {
    /// For a worker who leaves: the worker who takes the case over (joining it in the
    /// same role unless already in it) with the conversations and places in plans. The
    /// last worker of a case must name one.
    #[serde(default)]
    pub successor_user_id: Option<i64>,
}

/// Ends someone's place in the case's circle: a worker or family member leaves, the
/// participant or a worker takes a family member out, a coordinator takes a worker off
/// (or hands the case over). Their access ends at once; the history stays.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/members/{user_id}/end", tag = "circle", security(("bearer" = [])),
    request_body = EndMembershipRequest, params(("case_id" = i64, Path), ("user_id" = i64, Path)),
    responses((status = 204), (status = 401), (status = 403), (status = 404),
        (status = 409, description = "last_worker or participant_stays"), (status = 422)))]
pub async fn end_membership(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, user_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<EndMembershipRequest>,
) -> Result<StatusCode, AppError> {
    leaving::end_membership(&state, &ctx, &viewer, case_id, user_id, body.successor_user_id).await?;
    Ok(StatusCode::NO_CONTENT)
}
