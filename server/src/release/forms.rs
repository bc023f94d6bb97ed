//! The release page's forms. They answer with a redirect back to the page; a refused one
//! comes back with what was typed.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::{Ctx, RequestState};
use app::appointments::{AppointmentMode, LocalDateTime};
use app::error::{AppError, ErrorCode};
use app::release::{service, ItemChange, ItemStatus, NewBuddyMeeting, NewReleaseComment, ReleaseDate, ReleaseTopic};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

/// Sends the browser back to the form it came from: to the page with the change saved,
/// or with the error and what was typed.
fn back_to(
    state: &app::state::AppState,
    headers: &HeaderMap,
    (case_id, form): (i64, &str),
    result: Result<(), AppError>,
    typed: Option<Typed>,
) -> Response {
    let page = format!("/cases/{case_id}/release");
    match (result, typed) {
        (Ok(()), _) => answer(headers, Ok(&format!("{page}?saved=release#{form}"))),
        (Err(error), Some(typed)) => answer_keeping(state, headers, Err((error, &format!("{page}#{form}"))), typed),
        (Err(error), None) => answer(headers, Err((error, &format!("{page}#{form}")))),
    }
}

#[derive(Deserialize)]
pub struct DateForm {
    #[serde(default)]
    release_on: String,
}

pub async fn set_date(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<DateForm>, FormRejection>,
) -> Response {
    let typed = form.as_ref().ok().map(|Form(f)| {
        Typed::new("release-date".into(), &[("release_on", f.release_on.as_str())], |_| {
            Some("release_on")
        })
    });
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        let date = ReleaseDate {
            release_on: Some(form.release_on),
        };
        service::set_date(&state, &ctx, &viewer, case_id, date)
            .await
            .map(|_| ())
    }
    .await;
    back_to(&state, &headers, (case_id, "release-date"), result, typed)
}

#[derive(Deserialize)]
pub struct ItemForm {
    status: String,
    #[serde(default)]
    owner_user_id: String,
    #[serde(default)]
    note: String,
}

pub async fn change_item(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, topic)): Path<(i64, String)>,
    form: Result<Form<ItemForm>, FormRejection>,
) -> Response {
    let id = format!("item-{topic}");
    let typed = form
        .as_ref()
        .ok()
        .map(|Form(f)| Typed::new(id.clone(), &[("note", f.note.as_str())], |_| Some("note")));
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let topic = ReleaseTopic::parse(&topic).ok_or(AppError::new(ErrorCode::NotFound))?;
        let viewer = web_viewer(&state, &headers).await?;
        let change = ItemChange {
            status: ItemStatus::parse(&form.status).ok_or_else(invalid)?,
            owner_user_id: match form.owner_user_id.trim() {
                "" => None,
                raw => Some(raw.parse().map_err(|_| invalid())?),
            },
            note: form.note,
        };
        service::change_item(&state, &ctx, &viewer, (case_id, topic), change)
            .await
            .map(|_| ())
    }
    .await;
    back_to(&state, &headers, (case_id, &format!("release-{topic}")), result, typed)
}

#[derive(Deserialize)]
pub struct CommentForm {
    #[serde(default)]
    body: String,
}

pub async fn comment(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, topic)): Path<(i64, String)>,
    form: Result<Form<CommentForm>, FormRejection>,
) -> Response {
    let id = format!("item-{topic}");
    let typed = form
        .as_ref()
        .ok()
        .map(|Form(f)| Typed::new(id.clone(), &[("body", f.body.as_str())], |_| Some("body")));
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let topic = ReleaseTopic::parse(&topic).ok_or(AppError::new(ErrorCode::NotFound))?;
        let viewer = web_viewer(&state, &headers).await?;
        let comment = NewReleaseComment { body: form.body };
        service::comment(&state, &ctx, &viewer, (case_id, topic), comment)
            .await
            .map(|_| ())
    }
    .await;
    back_to(&state, &headers, (case_id, &format!("release-{topic}")), result, typed)
}

#[derive(Deserialize)]
pub struct BuddyMeetingForm {
    starts_at: String,
    duration_minutes: String,
    mode: String,
    #[serde(default)]
    place: String,
    despite_preferences: Option<String>,
}

pub async fn plan_buddy_meeting(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<BuddyMeetingForm>, FormRejection>,
) -> Response {
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("starts_at", f.starts_at.as_str()),
            ("duration_minutes", &f.duration_minutes),
            ("mode", &f.mode),
            ("place", &f.place),
        ];
        Typed::new("buddy-meeting".into(), &fields, |_| Some("starts_at"))
    });
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        let meeting = NewBuddyMeeting {
            starts_at: LocalDateTime::parse(&form.starts_at).map_err(AppError::new)?,
            duration_minutes: form.duration_minutes.trim().parse().map_err(|_| invalid())?,
            mode: AppointmentMode::parse(&form.mode).ok_or_else(invalid)?,
            place: form.place,
            despite_preferences: form.despite_preferences.is_some(),
        };
        service::plan_buddy_meeting(&state, &ctx, &viewer, case_id, meeting)
            .await
            .map(|_| ())
    }
    .await;
    back_to(&state, &headers, (case_id, "buddy-meeting"), result, typed)
}
