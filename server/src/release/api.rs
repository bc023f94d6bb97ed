use crate::http::RequestState;
use crate::http::{ApiJson, ApiViewer, Ctx};
use app::error::{AppError, ErrorCode};
use app::release::{
    service, ItemChange, NewBuddyMeeting, NewReleaseComment, ReleaseChecklist, ReleaseDate, ReleaseTopic,
};
use axum::extract::Path;
use axum::http::StatusCode;
use axum::Json;

/// An item's topic from the path; one that does not exist is not found.
fn topic_of(raw: &str) -> Result<ReleaseTopic, AppError> {
    ReleaseTopic::parse(raw).ok_or(AppError::new(ErrorCode::NotFound))
}

/// The case's release checklist, for everyone who may read its trajectory: the date she
/// is expected home, each item with its owner, status and history, the buddy's first
/// meeting and the plan for the first week.
#[utoipa::path(get, path = "/api/v1/cases/{case_id}/release", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path)),
    responses((status = 200, body = ReleaseChecklist), (status = 401), (status = 403, description = "not_shared"), (status = 404)))]
pub async fn show_release(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
) -> Result<Json<ReleaseChecklist>, AppError> {
    Ok(Json(service::checklist(&state, &ctx, &viewer, case_id).await?))
}

/// A worker of the case sets the release date (`YYYY-MM-DD`), or `null` when it is no
/// longer known.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/release", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path)), request_body = ReleaseDate,
    responses((status = 200, body = ReleaseChecklist), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 422, description = "invalid_date")))]
pub async fn set_release_date(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<ReleaseDate>,
) -> Result<Json<ReleaseChecklist>, AppError> {
    Ok(Json(service::set_date(&state, &ctx, &viewer, case_id, body).await?))
}

/// A worker sets an item's status and owner (someone of the circle who sees the
/// checklist); the item's owner sets its status. A note goes into the item's history.
#[utoipa::path(put, path = "/api/v1/cases/{case_id}/release/items/{topic}", tag = "trajectory", security(("bearer" = [])),
    params(("case_id" = i64, Path), ("topic" = ReleaseTopic, Path)), request_body = ItemChange,
    responses((status = 200, body = ReleaseChecklist), (status = 401), (status = 403, description = "not_permitted or not_shared"),
        (status = 404), (status = 422, description = "invalid_input: nothing changes, or an owner outside the circle")))]
pub async fn change_release_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, topic)): Path<(i64, String)>,
    ApiJson(body): ApiJson<ItemChange>,
) -> Result<Json<ReleaseChecklist>, AppError> {
    let topic = topic_of(&topic)?;
    Ok(Json(
        service::change_item(&state, &ctx, &viewer, (case_id, topic), body).await?,
    ))
}

/// The participant, a worker or the item's owner writes under an item: a question, a
/// worry, how it goes.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/release/items/{topic}/comments", tag = "trajectory",
    security(("bearer" = [])), params(("case_id" = i64, Path), ("topic" = ReleaseTopic, Path)), request_body = NewReleaseComment,
    responses((status = 201, body = ReleaseChecklist), (status = 401), (status = 403, description = "not_permitted or not_shared"),
        (status = 404), (status = 422, description = "invalid_input: an empty comment")))]
pub async fn comment_release_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path((case_id, topic)): Path<(i64, String)>,
    ApiJson(body): ApiJson<NewReleaseComment>,
) -> Result<(StatusCode, Json<ReleaseChecklist>), AppError> {
    let topic = topic_of(&topic)?;
    let checklist = service::comment(&state, &ctx, &viewer, (case_id, topic), body).await?;
    Ok((StatusCode::CREATED, Json(checklist)))
}

/// A worker puts the buddy's first meeting with her on the calendar, before the release
/// date; everyone who sees appointments is told and reminded.
#[utoipa::path(post, path = "/api/v1/cases/{case_id}/release/buddy-meeting", tag = "trajectory",
    security(("bearer" = [])), params(("case_id" = i64, Path)), request_body = NewBuddyMeeting,
    responses((status = 201, body = ReleaseChecklist), (status = 401), (status = 403, description = "not_permitted"), (status = 404),
        (status = 409, description = "no_buddy, buddy_meeting_planned or time_against_preferences"),
        (status = 422, description = "meeting_after_release, invalid_time or invalid_input")))]
pub async fn plan_buddy_meeting(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    ApiViewer(viewer): ApiViewer,
    Path(case_id): Path<i64>,
    ApiJson(body): ApiJson<NewBuddyMeeting>,
) -> Result<(StatusCode, Json<ReleaseChecklist>), AppError> {
    let checklist = service::plan_buddy_meeting(&state, &ctx, &viewer, case_id, body).await?;
    Ok((StatusCode::CREATED, Json(checklist)))
}
