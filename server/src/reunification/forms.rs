//! Workers' forms on the reunification page. They answer with a redirect back to the
//! page, with `?error=code` when something needs correcting; a refused step form comes
//! back with what was typed.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::error::{AppError, ErrorCode};
use app::reunification::{service, AgeBand, NewChild, NewStep, StepKind, StepUpdate};
use app::trajectory::{Date, MilestoneStatus};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

/// Where a step form's error belongs.
fn field_of(code: ErrorCode) -> Option<&'static str> {
    match code {
        ErrorCode::ReasonRequired => Some("reason"),
        ErrorCode::InvalidDate => Some("next_date"),
        _ => None,
    }
}

/// Back to the step's place with a confirmation, or to its form with what was typed.
fn step_answer<T>(
    (state, headers): (&app::state::AppState, &HeaderMap),
    case_id: i64,
    (form_id, anchor): (String, String),
    typed: Option<Typed>,
    result: Result<T, AppError>,
) -> Response {
    let page = format!("/cases/{case_id}/reunification");
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(_), _) => answer(headers, Ok(&format!("{page}?saved={form_id}#{anchor}"))),
        (Err(error), Some(typed)) => answer_keeping(state, headers, Err((error, &back)), typed),
        (Err(error), None) => answer(headers, Err((error, &back))),
    }
}

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

fn optional_date(raw: &str) -> Result<Option<Date>, AppError> {
    match raw.trim() {
        "" => Ok(None),
        date => Date::parse(date).map(Some).map_err(AppError::new),
    }
}

/// Runs one form's change and answers: back to the page, at `anchor` when it worked.
async fn respond<T>(
    headers: &HeaderMap,
    case_id: i64,
    anchor: impl FnOnce(&T) -> String,
    result: Result<T, AppError>,
) -> Response {
    let page = format!("/cases/{case_id}/reunification");
    match result {
        Ok(value) => answer(headers, Ok(&format!("{page}#{}", anchor(&value)))),
        Err(error) => answer(headers, Err((error, &page))),
    }
}

#[derive(Deserialize)]
pub struct ChildForm {
    alias: String,
    age_band: String,
}

pub async fn add_child(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<ChildForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewChild {
            alias: form.alias,
            age_band: AgeBand::parse(&form.age_band).ok_or_else(invalid)?,
        };
        service::add_child(&state, &ctx, &viewer, case_id, new).await
    }
    .await;
    respond(&headers, case_id, |child| format!("child-{}", child.id), result).await
}

#[derive(Deserialize)]
pub struct StepForm {
    kind: String,
    #[serde(default)]
    custom_title: String,
    #[serde(default)]
    conditions: String,
    #[serde(default)]
    next_date: String,
}

pub async fn add_step(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, child_id)): Path<(i64, i64)>,
    form: Result<Form<StepForm>, FormRejection>,
) -> Response {
    let form_id = format!("child-{child_id}-new");
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("kind", f.kind.as_str()),
            ("custom_title", &f.custom_title),
            ("conditions", &f.conditions),
            ("next_date", &f.next_date),
        ];
        Typed::new(form_id.clone(), &fields, |code| match code {
            ErrorCode::InvalidInput => Some("custom_title"),
            other => field_of(other),
        })
    });
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        let title = form.custom_title.trim();
        let new = NewStep {
            kind: StepKind::parse(&form.kind).ok_or_else(invalid)?,
            custom_title: (!title.is_empty()).then(|| title.to_string()),
            conditions: form.conditions,
            next_date: optional_date(&form.next_date)?,
            contact_user_id: None,
        };
        service::add_step(&state, &ctx, &viewer, case_id, child_id, new).await
    }
    .await;
    let ids = (form_id, format!("child-{child_id}"));
    step_answer((&state, &headers), case_id, ids, typed, result)
}

#[derive(Deserialize)]
pub struct ChangeForm {
    status: String,
    #[serde(default)]
    next_date: String,
    #[serde(default)]
    conditions: String,
    #[serde(default)]
    reason: String,
}

pub async fn change_step(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, step_id)): Path<(i64, i64)>,
    form: Result<Form<ChangeForm>, FormRejection>,
) -> Response {
    let form_id = format!("step-{step_id}-change");
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("status", f.status.as_str()),
            ("next_date", &f.next_date),
            ("conditions", &f.conditions),
            ("reason", &f.reason),
        ];
        Typed::new(form_id.clone(), &fields, field_of)
    });
    let result = async {
        let Form(form) = form.map_err(|_| invalid())?;
        let viewer = web_viewer(&state, &headers).await?;
        let update = StepUpdate {
            status: Some(MilestoneStatus::parse(&form.status).ok_or_else(invalid)?),
            next_date: optional_date(&form.next_date)?,
            conditions: Some(form.conditions),
            reason: Some(form.reason),
        };
        service::update_step(&state, &ctx, &viewer, case_id, step_id, update).await
    }
    .await;
    step_answer(
        (&state, &headers),
        case_id,
        (form_id, format!("step-{step_id}")),
        typed,
        result,
    )
}
