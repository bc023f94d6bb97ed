//! The copy for people signed in on the web: a printable page and the JSON as a file.

use super::{file_name, place, streamed};
use crate::accounts::forms::web_viewer;
use crate::http::{Ctx, RequestState};
use app::error::{AppError, ErrorCode};
use app::export::{service, JsonExport, PrintableExport};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};

/// `GET /settings/my-data`
pub async fn printable(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    let lang = app::web::request_language(&headers);
    let viewer = match web_viewer(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refused(error, "/settings/my-data"),
    };
    let opened = match place() {
        Ok(place) => service::open(&state, &ctx, &viewer).await.map(|export| (export, place)),
        Err(error) => Err(error),
    };
    match opened {
        Ok((export, place)) => {
            let writer = PrintableExport::new(lang, &state.assets.stylesheet);
            streamed(export, writer, place, "text/html; charset=utf-8", None)
        }
        Err(error) => refused(error, "/settings/my-data"),
    }
}

/// `GET /settings/my-data.json`
pub async fn download(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    let viewer = match web_viewer(&state, &headers).await {
        Ok(viewer) => viewer,
        Err(error) => return refused(error, "/settings/my-data.json"),
    };
    let opened = match place() {
        Ok(place) => service::open(&state, &ctx, &viewer).await.map(|export| (export, place)),
        Err(error) => Err(error),
    };
    match opened {
        Ok((export, place)) => {
            let disposition = file_name(&export);
            streamed(
                export,
                JsonExport::default(),
                place,
                "application/json",
                Some(disposition),
            )
        }
        Err(error) => refused(error, "/settings/my-data.json"),
    }
}

/// Not signed in: to the sign-in page; the second factor is due again: give it and come
/// back; anything else: the settings page says what went wrong.
fn refused(error: AppError, here: &str) -> Response {
    match error.code {
        ErrorCode::Unauthenticated => Redirect::to("/signin").into_response(),
        ErrorCode::StepUpRequired => Redirect::to(&format!("/signin/second-factor?next={here}")).into_response(),
        code => Redirect::to(&format!("/settings?error={}#my-data", code.as_str())).into_response(),
    }
}
