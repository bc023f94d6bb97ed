use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx, ListPage, Paging};
use app::conferences::{service, Conference, Conferences, NewConference, NewDecision, NewDecisionResponse, NewInput};
use app::error::AppError;
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;

/// The case's conferences, newest first. Family members need the `plans` share.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/conferences", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ListPage),
    responses((status = 200, body = Conferences), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn list_conferences(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    Paging(page): Paging,
) -> Result<Json<Conferences>, AppError> {
    Ok(Json(service::conferences(&state, &ctx, &viewer, case_id, &page).await?))
}

/// A worker of the case records a conference: its date and who takes part.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/conferences", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = NewConference,
    responses((status = 201, body = Conference), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn create_conference(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewConference>,
) -> Result<(StatusCode, Json<Conference>), AppError> {
    let conference = service::schedule(&state, &ctx, &viewer, case_id, body).await?;
    Ok((StatusCode::CREATED, Json(conference)))
}

/// One conference's record: the participant's input, the decisions and the responses.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/conferences/{conference_id}", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("conference_id" = i64, Path)),
    responses((status = 200, body = Conference), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn show_conference(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, conference_id)): Path<(i64, i64)>,
) -> Result<Json<Conference>, AppError> {
    let view = service::conference(&state, &ctx, &viewer, case_id, conference_id).await?;
    Ok(Json(view.conference))
}

/// The participant writes (or rewrites) her input, until the day of the conference.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/conferences/{conference_id}/input", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("conference_id" = i64, Path)), request_body = NewInput,
    responses((status = 200, body = Conference), (status = 403, description = "not_permitted"), (status = 404), (status = 409, description = "conference_held"), (status = 422, description = "invalid_input")))]
pub async fn give_input(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, conference_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewInput>,
) -> Result<Json<Conference>, AppError> {
    Ok(Json(
        service::give_input(&state, &ctx, &viewer, case_id, conference_id, body).await?,
    ))
}

/// A worker of the case writes down a decision and what it means for the participant.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/conferences/{conference_id}/decisions", tag = "plans", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("conference_id" = i64, Path)), request_body = NewDecision,
    responses((status = 201, body = Conference), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn record_decision(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, conference_id)): Path<(i64, i64)>,
    ApiJson(body): ApiJson<NewDecision>,
) -> Result<(StatusCode, Json<Conference>), AppError> {
    let conference = service::record_decision(&state, &ctx, &viewer, case_id, conference_id, body).await?;
    Ok((StatusCode::CREATED, Json(conference)))
}

/// The participant responds to a decision.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/conferences/{conference_id}/decisions/{decision_id}/responses", tag = "plans", operation_id = "respond_to_decision", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("conference_id" = i64, Path), ("decision_id" = i64, Path)), request_body = NewDecisionResponse,
    responses((status = 201, body = Conference), (status = 403, description = "not_permitted"), (status = 404), (status = 422, description = "invalid_input")))]
pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, conference_id, decision_id)): Path<(i64, i64, i64)>,
    ApiJson(body): ApiJson<NewDecisionResponse>,
) -> Result<(StatusCode, Json<Conference>), AppError> {
    let target = (conference_id, decision_id);
    let conference = service::respond(&state, &ctx, &viewer, case_id, target, body).await?;
    Ok((StatusCode::CREATED, Json(conference)))
}
