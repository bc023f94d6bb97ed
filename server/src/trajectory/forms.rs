//! Workers' forms on the trajectory page. They answer with a redirect back to the page,
//! with `?error=code` when something needs correcting.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::error::{AppError, ErrorCode};
use app::trajectory::{
    phases, responses, service, Date, MilestoneStatus, MilestoneUpdate, NewMilestone, NewPhase, NewResponse, Phase,
    ResponseKind,
};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

fn optional_date(raw: &str) -> Result<Option<Date>, AppError> {
    let raw = raw.trim();
    if raw.is_empty() {
        Ok(None)
    } else {
        Date::parse(raw).map(Some).map_err(AppError::new)
    }
}

#[derive(Deserialize)]
pub struct AddForm {
    phase: String,
    title: String,
    explanation: String,
    #[serde(default)]
    why_it_matters: String,
    decided_by: String,
    #[serde(default)]
    what_is_needed: String,
    #[serde(default)]
    expected_date: String,
}

pub async fn add(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<AddForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/trajectory");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewMilestone {
            phase: Phase::parse(&form.phase).ok_or(AppError::new(ErrorCode::InvalidInput))?,
            title: form.title,
            explanation: form.explanation,
            why_it_matters: form.why_it_matters,
            decided_by: form.decided_by,
            what_is_needed: form.what_is_needed,
            expected_date: optional_date(&form.expected_date)?,
            status: None,
            lang: None,
        };
        service::add_milestone(&state, &ctx, &viewer, case_id, new).await
    }
    .await;
    match result {
        Ok(milestone) => answer(&headers, Ok(&format!("{page}#milestone-{}", milestone.id))),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}

#[derive(Deserialize)]
pub struct ChangeForm {
    status: String,
    #[serde(default)]
    expected_date: String,
    #[serde(default)]
    reason: String,
}

pub async fn change(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, milestone_id)): Path<(i64, i64)>,
    form: Result<Form<ChangeForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/trajectory");
    let form_id = format!("change-{milestone_id}");
    let typed = form.as_ref().ok().map(|Form(f)| {
        Typed::new(
            form_id.clone(),
            &[
                ("status", &f.status),
                ("expected_date", &f.expected_date),
                ("reason", &f.reason),
            ],
            |code| match code {
                ErrorCode::ReasonRequired => Some("reason"),
                ErrorCode::InvalidDate => Some("expected_date"),
                _ => None,
            },
        )
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let update = MilestoneUpdate {
            status: Some(MilestoneStatus::parse(&form.status).ok_or(AppError::new(ErrorCode::InvalidInput))?),
            expected_date: optional_date(&form.expected_date)?,
            reason: Some(form.reason),
        };
        service::update_milestone(&state, &ctx, &viewer, case_id, milestone_id, update).await
    }
    .await;
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(milestone), _) => answer(
            &headers,
            Ok(&format!("{page}?saved={form_id}#milestone-{}", milestone.id)),
        ),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

#[derive(Deserialize)]
pub struct PhaseForm {
    phase: String,
    effective_on: String,
    #[serde(default)]
    decided_by: String,
    #[serde(default)]
    reason: String,
}

pub async fn change_phase(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<PhaseForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/trajectory");
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("phase", f.phase.as_str()),
            ("effective_on", &f.effective_on),
            ("decided_by", &f.decided_by),
            ("reason", &f.reason),
        ];
        Typed::new("phase-change".into(), &fields, |code| match code {
            ErrorCode::ReasonRequired => Some("reason"),
            ErrorCode::InvalidDate | ErrorCode::ClosingNeedsNotice => Some("effective_on"),
            _ => None,
        })
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewPhase {
            phase: Phase::parse(&form.phase).ok_or(AppError::new(ErrorCode::InvalidInput))?,
            effective_on: Date::parse(&form.effective_on).map_err(AppError::new)?,
            decided_by: form.decided_by,
            reason: form.reason,
        };
        phases::change_phase(&state, &ctx, &viewer, case_id, new).await
    }
    .await;
    let back = format!("{page}#phase-change");
    match (result, typed) {
        (Ok(_), _) => answer(&headers, Ok(&format!("{page}?saved#phase-history"))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

#[derive(Deserialize)]
pub struct ResponseForm {
    kind: String,
    #[serde(default)]
    body: String,
}

pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, milestone_id)): Path<(i64, i64)>,
    form: Result<Form<ResponseForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/trajectory");
    let form_id = format!("respond-{milestone_id}");
    let typed = form.as_ref().ok().map(|Form(f)| {
        Typed::new(
            form_id.clone(),
            &[("kind", &f.kind), ("body", &f.body)],
            |code| match code {
                ErrorCode::InvalidInput | ErrorCode::ReasonRequired => Some("body"),
                _ => None,
            },
        )
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewResponse {
            kind: ResponseKind::parse(&form.kind).ok_or(AppError::new(ErrorCode::InvalidInput))?,
            body: form.body,
        };
        responses::respond(&state, &ctx, &viewer, case_id, milestone_id, new).await
    }
    .await;
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(_), _) => answer(&headers, Ok(&format!("{page}?saved#responses-{milestone_id}"))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}
