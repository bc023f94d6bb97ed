//! The send form on a conversation's page, and the read mark its live updates post. It answers with a redirect back to the thread,
//! at the message sent, or with `?error=code` when something needs correcting.

use crate::accounts::forms::{answer, answer_keeping, web_viewer, Typed};
use crate::http::Ctx;
use crate::http::RequestState;
use app::error::{AppError, ErrorCode};
use app::messaging::{away, service, AwayRequest, NewMessage, ReadReceiptSetting, ReadUpTo};
use app::trajectory::Date;
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
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
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(conversation_id): Path<i64>,
    form: Result<Form<SendForm>, FormRejection>,
) -> Response {
    let page = format!("/messages/{conversation_id}");
    let typed = form.as_ref().ok().map(|Form(f)| {
        Typed::new("reply".into(), &[("body", &f.body)], |code| match code {
            ErrorCode::InvalidInput => Some("body"),
            _ => None,
        })
    });
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
    let back = format!("{page}#reply");
    match (result, typed) {
        (Ok(message), _) => answer(&headers, Ok(&format!("{page}#message-{}", message.id))),
        (Err(error), Some(typed)) => answer_keeping(&state, &headers, Err((error, &back)), typed),
        (Err(error), None) => answer(&headers, Err((error, &back))),
    }
}

#[derive(Deserialize)]
pub struct ReadForm {
    up_to: i64,
}

/// The open thread's page says it has read a message that arrived live.
pub async fn read(
    RequestState(state): RequestState,
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

#[derive(Deserialize)]
pub struct AwayForm {
    until: String,
    stand_in_id: i64,
}

/// Back to the messages page after a settings form, with `?error=code` when needed.
fn back(headers: &HeaderMap, result: Result<(), AppError>) -> Response {
    match result {
        Ok(()) => answer(headers, Ok("/messages")),
        Err(error) => answer(headers, Err((error, "/messages"))),
    }
}

pub async fn set_away(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<AwayForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let until = Date::parse(&form.until).map_err(AppError::new)?;
        let request = AwayRequest {
            until,
            stand_in_id: form.stand_in_id,
        };
        away::set_away(&state, &ctx, &viewer, request).await
    }
    .await;
    back(&headers, result)
}

pub async fn end_away(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    let result = async {
        let viewer = web_viewer(&state, &headers).await?;
        away::end_away(&state, &ctx, &viewer).await
    }
    .await;
    back(&headers, result)
}

#[derive(Deserialize)]
pub struct ReceiptsForm {
    /// Present ("on") when the box is ticked; browsers leave an unticked box out.
    #[serde(default)]
    send: Option<String>,
}

pub async fn set_read_receipts(
    RequestState(state): RequestState,
    headers: HeaderMap,
    form: Result<Form<ReceiptsForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let setting = ReadReceiptSetting {
            send: form.send.is_some(),
        };
        service::set_read_receipts(&state, &viewer, setting).await
    }
    .await;
    back(&headers, result)
}
