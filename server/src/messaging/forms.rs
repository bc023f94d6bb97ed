//! The send form on a conversation's page, and the read mark its live updates post. It answers with a redirect back to the thread,
//! at the message sent, or with `?error=code` when something needs correcting.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::Ctx;
use app::error::{AppError, ErrorCode};
use app::messaging::{service, NewMessage, ReadUpTo};
use app::state::AppState;
use axum::extract::rejection::FormRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Form;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct SendForm {
    body: String,
    client_id: String,
}

pub async fn send(
    State(state): State<AppState>,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(conversation_id): Path<i64>,
    form: Result<Form<SendForm>, FormRejection>,
) -> Response {
    let page = format!("/messages/{conversation_id}");
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        // Browsers send line breaks as CRLF; keep the text as the person typed it.
        let new = NewMessage {
            body: form.body.replace("\r\n", "\n"),
            client_id: form.client_id,
        };
        service::send(&state, &ctx, &viewer, conversation_id, new).await
    }
    .await;
    match result {
        Ok(message) => answer(&headers, Ok(&format!("{page}#message-{}", message.id))),
        Err(error) => answer(&headers, Err((error, &page))),
    }
}

#[derive(Deserialize)]
pub struct ReadForm {
    up_to: i64,
}

/// The open thread's page says it has read a message that arrived live.
pub async fn read(
    State(state): State<AppState>,
    headers: HeaderMap,
    Path(conversation_id): Path<i64>,
    form: Result<Form<ReadForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        service::mark_read(&state, &viewer, conversation_id, ReadUpTo { up_to: form.up_to }).await
    }
    .await;
    match result {
        Ok(()) => StatusCode::NO_CONTENT.into_response(),
        Err(error) => error.into_response(),
    }
}
