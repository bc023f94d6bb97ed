//! The copy for people signed in on the web: a printable page and the JSON as a file.

use super::{file_name, place, streamed};
use crate::accounts::forms::web_viewer;
use crate::http::{Ctx, RequestState};
use app::error::{AppError, ErrorCode};
use app::export::{service, JsonExport, PageFrame, PrintableExport};
use axum::http::{header, HeaderMap, HeaderValue};
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
            let nonce = hex::encode(rand::random::<[u8; 16]>());
            let policy = format!(
                "default-src 'none'; script-src 'nonce-{nonce}'; style-src 'self'; img-src 'self' data:; \
                 connect-src 'self'; worker-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
            );
            let frame = PageFrame {
                stylesheet: state.assets.stylesheet.clone(),
                quick_exit_url: state.quick_exit_url.to_string(),
                nonce,
            };
            let mut response = streamed(
                export,
                PrintableExport::new(lang, frame),
                place,
                "text/html; charset=utf-8",
                None,
            );
            if let Ok(policy) = HeaderValue::from_str(&policy) {
                response.headers_mut().insert(header::CONTENT_SECURITY_POLICY, policy);
            }
            response
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
