//! The conference page's forms: they post, call the same service as the API, and come
//! back to the page (or the plans page), with `?error=code` when something needs fixing.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::conferences::{service, NewConference, NewDecision, NewDecisionResponse, NewInput};
use app::error::{AppError, ErrorCode};
use app::trajectory::Date;
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize, Default)]
#[serde(default)]
pub struct ConferenceForm {
    held_on: String,
    participants: String,
    body: String,
    decision: String,
    meaning_for_you: String,
}

fn page(case_id: i64, conference_id: i64) -> String {
    format!("/cases/{case_id}/conferences/{conference_id}")
}

/// Back to `anchor` on the conference page with a confirmation, or to the form `form_id`
/// with the error and what was typed.
fn back_to<T>(
    (state, headers): (&app::state::AppState, &HeaderMap),
    page: &str,
    (form_id, anchor): (&str, &str),
    typed: Option<Typed>,
    result: Result<T, AppError>,
) -> Response {
    let back = format!("{page}#{form_id}");
    match (result, typed) {
        (Ok(_), _) => answer(headers, Ok(&format!("{page}?saved={form_id}#{anchor}"))),
        (Err(error), Some(typed)) => answer_keeping(state, headers, Err((error, &back)), typed),
        (Err(error), None) => answer(headers, Err((error, &back))),
    }
}

/// What was typed into the conference form `form_id`.
fn typed(form: &Result<Form<ConferenceForm>, FormRejection>, form_id: &str) -> Option<Typed> {
    form.as_ref().ok().map(|Form(f)| {
        let fields = [
            ("body", f.body.as_str()),
            ("decision", &f.decision),
            ("meaning_for_you", &f.meaning_for_you),
        ];
        Typed::new(form_id.to_string(), &fields, |_| None)
    })
}

fn parsed(form: Result<Form<ConferenceForm>, FormRejection>) -> Result<ConferenceForm, AppError> {
    form.map(|Form(form)| form)
        .map_err(|_| AppError::new(ErrorCode::InvalidInput))
}

pub async fn schedule(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewConference {
            held_on: Date::parse(&form.held_on).map_err(AppError::new)?,
            participants: form.participants,
        };
        service::schedule(&state, &ctx, &viewer, case_id, new).await
    }
    .await;
    match result {
        Ok(conference) => answer(&headers, Ok(&page(case_id, conference.id))),
        Err(error) => answer(&headers, Err((error, &format!("/cases/{case_id}/plans")))),
    }
}

pub async fn give_input(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, conference_id)): Path<(i64, i64)>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let back = page(case_id, conference_id);
    let kept = typed(&form, "input-form");
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let input = NewInput { body: form.body };
        service::give_input(&state, &ctx, &viewer, case_id, conference_id, input).await
    }
    .await;
    back_to((&state, &headers), &back, ("input-form", "input-title"), kept, result)
}

pub async fn record_decision(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, conference_id)): Path<(i64, i64)>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let back = page(case_id, conference_id);
    let kept = typed(&form, "record-decision-form");
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewDecision {
            decision: form.decision,
            meaning_for_you: form.meaning_for_you,
        };
        service::record_decision(&state, &ctx, &viewer, case_id, conference_id, new).await
    }
    .await;
    back_to(
        (&state, &headers),
        &back,
        ("record-decision-form", "record-decision"),
        kept,
        result,
    )
}

pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, conference_id, decision_id)): Path<(i64, i64, i64)>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let back = page(case_id, conference_id);
    let form_id = format!("respond-{decision_id}");
    let kept = typed(&form, &form_id);
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let response = NewDecisionResponse { body: form.body };
        service::respond(&state, &ctx, &viewer, case_id, (conference_id, decision_id), response).await
    }
    .await;
    let anchor = format!("decision-{decision_id}");
    back_to((&state, &headers), &back, (&form_id, &anchor), kept, result)
}
