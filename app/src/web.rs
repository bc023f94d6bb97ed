//! Helpers for server functions and page rendering: the state, the request's facts and
//! the signed-in person, taken from the Leptos request context.

use crate::accounts::service::{self, Viewer};
use crate::error::{AppError, ErrorCode};
use crate::state::{AppState, RequestContext};
use http::request::Parts;
use leptos::prelude::*;

pub const LANGUAGE_COOKIE: &str = "brug_lang";

/// The state with this request's unit of work (put on the request by the server's
/// request layer), and the request's facts.
pub fn request_parts() -> Result<(AppState, RequestContext), AppError> {
    let parts = use_context::<Parts>().ok_or(AppError::new(ErrorCode::Internal))?;
    let state = parts
        .extensions
        .get::<AppState>()
        .cloned()
        .ok_or(AppError::new(ErrorCode::Internal))?;
    let ctx = parts
        .extensions
        .get::<RequestContext>()
        .cloned()
        .ok_or(AppError::new(ErrorCode::Internal))?;
    Ok((state, ctx))
}

/// A cookie's value from a request's headers.
pub fn cookie<'a>(headers: &'a http::HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(key, _)| *key == name)
        .map(|(_, value)| value)
}

/// The person signed in with this request's session cookie.
pub async fn viewer(state: &AppState) -> Result<Viewer, AppError> {
    let parts = use_context::<Parts>().ok_or(AppError::new(ErrorCode::Internal))?;
    service::authenticate(state, session_token(state, &parts.headers)?).await
}

/// The session cookie's value; without one, the person is not signed in.
pub fn session_token<'a>(state: &AppState, headers: &'a http::HeaderMap) -> Result<&'a str, AppError> {
    cookie(headers, state.session_cookie_name()).ok_or(AppError::new(ErrorCode::Unauthenticated))
}

/// The person with this request's session cookie, also while the session waits for its
/// second factor: for the second-factor page only.
pub async fn viewer_at_any_stage(state: &AppState) -> Result<(Viewer, crate::second_factor::SessionStage), AppError> {
    let parts = use_context::<Parts>().ok_or(AppError::new(ErrorCode::Internal))?;
    service::authenticate_any(state, session_token(state, &parts.headers)?).await
}

/// The language of this request: the person's choice (cookie), else the browser's.
pub fn request_language(headers: &http::HeaderMap) -> crate::i18n::Lang {
    let accept = headers.get(http::header::ACCEPT_LANGUAGE).and_then(|v| v.to_str().ok());
    crate::i18n::choose_language(cookie(headers, LANGUAGE_COOKIE), accept)
}
