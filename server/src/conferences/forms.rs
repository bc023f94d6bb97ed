//! The conference page's forms: they post, call the same service as the API, and come
//! back to the page (or the plans page), with `?error=code` when something needs fixing.

use crate::accounts::forms::{answer, web_viewer};
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
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let input = NewInput { body: form.body };
        service::give_input(&state, &ctx, &viewer, case_id, conference_id, input).await
    }
    .await;
    match result {
        Ok(_) => answer(&headers, Ok(&format!("{back}#input-title"))),
        Err(error) => answer(&headers, Err((error, &back))),
    }
}

pub async fn record_decision(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, conference_id)): Path<(i64, i64)>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let back = page(case_id, conference_id);
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
    match result {
        Ok(_) => answer(&headers, Ok(&format!("{back}#record-decision"))),
        Err(error) => answer(&headers, Err((error, &back))),
    }
}

pub async fn respond(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, conference_id, decision_id)): Path<(i64, i64, i64)>,
    form: Result<Form<ConferenceForm>, FormRejection>,
) -> Response {
    let back = page(case_id, conference_id);
    let result = async {
        let form = parsed(form)?;
        let viewer = web_viewer(&state, &headers).await?;
        let response = NewDecisionResponse { body: form.body };
        service::respond(&state, &ctx, &viewer, case_id, (conference_id, decision_id), response).await
    }
    .await;
    match result {
        Ok(_) => answer(&headers, Ok(&format!("{back}#decision-{decision_id}"))),
        Err(error) => answer(&headers, Err((error, &back))),
    }
}
