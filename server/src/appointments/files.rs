//! The calendar file for the appointments page (signed in with the session cookie).

use crate::accounts::forms::web_viewer;
use crate::http::Ctx;
use crate::http::RequestState;
use app::appointments::service;
use app::error::{AppError, ErrorCode};
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Response};

pub fn calendar_response(file: String) -> Response {
    let mut response = file.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/calendar; charset=utf-8"),
    );
    headers.insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"afspraak.ics\""),
    );
    response
}

/// `GET /cases/{case_id}/appointments/{id}.ics`
pub async fn calendar(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path((case_id, file)): Path<(i64, String)>,
) -> Result<Response, AppError> {
    let appointment_id = file
        .strip_suffix(".ics")
        .and_then(|id| id.parse::<i64>().ok())
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let viewer = web_viewer(&state, &headers).await?;
    Ok(calendar_response(
        service::calendar(&state, &ctx, &viewer, case_id, appointment_id).await?,
    ))
}
