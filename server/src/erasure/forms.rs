//! The settings page's request to be erased and the admin page's answers. They answer with
//! a redirect back to the page.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::{Ctx, RequestState};
use app::erasure::{service, ErasureDecline, NewErasureRequest};
use app::error::{AppError, ErrorCode};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct AskForm {
    #[serde(default)]
    reason: String,
}

/// `POST /settings/erasure`
pub async fn ask(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<AskForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::ask(&state, &ctx, &viewer, NewErasureRequest { reason: form.reason }).await
    }
    .await;
    match result {
        Ok(_) => answer(&headers, Ok("/settings#erasure")),
        Err(error) => answer(&headers, Err((error, "/settings#erasure"))),
    }
}

/// `POST /admin/erasure-requests/{id}/confirm`
pub async fn confirm(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let result = async {
        let viewer = web_viewer(&state, &headers).await?;
        service::confirm(&state, &ctx, &viewer, id).await
    }
    .await;
    let page = "/admin/erasure-requests";
    match result {
        Ok(_) => answer(&headers, Ok(&format!("{page}?saved=1"))),
        Err(error) => answer(&headers, Err((error, &format!("{page}#erasure-{id}")))),
    }
}

#[derive(Deserialize)]
pub struct DeclineForm {
    #[serde(default)]
    explanation: String,
}

/// `POST /admin/erasure-requests/{id}/decline`
pub async fn decline(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
    form: Result<Form<DeclineForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let decline = ErasureDecline {
            explanation: form.explanation,
        };
        service::decline(&state, &ctx, &viewer, id, decline).await
    }
    .await;
    let page = "/admin/erasure-requests";
    match result {
        Ok(_) => answer(&headers, Ok(&format!("{page}?saved=1"))),
        Err(error) => answer(&headers, Err((error, &format!("{page}#erasure-{id}")))),
    }
}
