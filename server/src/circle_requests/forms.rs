//! The circle requests page's forms. They answer with a redirect back to the page.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::{Ctx, RequestState};
use app::circle_requests::{service, CircleRequestAnswer, NewCircleRequest, RequestKind};
use app::error::{AppError, ErrorCode};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct AskForm {
    kind: String,
    #[serde(default)]
    about: String,
    #[serde(default)]
    worker_user_id: String,
    #[serde(default)]
    reason: String,
}

pub async fn ask(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(case_id): Path<i64>,
    form: Result<Form<AskForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/circle-requests");
    let typed = form.as_ref().ok().map(|Form(f)| {
        let fields = [("kind", f.kind.as_str()), ("about", &f.about), ("reason", &f.reason)];
        Typed::new("ask".into(), &fields, |_| None)
    });
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let new = NewCircleRequest {
            kind: RequestKind::parse(&form.kind).ok_or(AppError::new(ErrorCode::InvalidInput))?,
            about: form.about,
            worker_user_id: form.worker_user_id.trim().parse().ok(),
            reason: form.reason,
        };
        service::ask(&state, &ctx, &viewer, case_id, new).await
    }
    .await;
    let back = format!("{page}#ask");
    match (result, typed) {
        (Ok(made), _) => answer(&headers, Ok(&format!("{page}?saved=ask#request-{}", made.id))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

#[derive(Deserialize)]
pub struct AnswerForm {
    accept: String,
    #[serde(default)]
    answer: String,
}

pub async fn answer_request(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, request_id)): Path<(i64, i64)>,
    form: Result<Form<AnswerForm>, FormRejection>,
) -> Response {
    let page = format!("/cases/{case_id}/circle-requests");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let given = CircleRequestAnswer {
            accept: form.accept == "1",
            answer: form.answer,
        };
        service::answer(&state, &ctx, &viewer, (case_id, request_id), given).await
    }
    .await;
    let back = format!("{page}#request-{request_id}");
    match result {
        Ok(_) => answer(&headers, Ok(&back)),
        Err(error) => answer(&headers, Err((error, &back))),
    }
}
