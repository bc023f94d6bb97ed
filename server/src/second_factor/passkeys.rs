//! The passkey doors of the pages: the browser's script asks for a challenge and brings
//! the answer as JSON, with the session cookie. Both ceremonies run in the service
//! (`app::second_factor::passkeys`); these only read the request.

use super::forms::local_path;
use crate::accounts::forms::{answer, web_viewer};
use crate::http::{ApiJson, Ctx, RequestState};
use app::accounts::service::{self as accounts, Viewer};
use app::error::{AppError, ErrorCode};
use app::second_factor::passkeys::{self, PublicKeyCredential, RegisterPublicKeyCredential};
use app::second_factor::SessionStage;
use app::state::AppState;
use app::web::session_token;
use axum::extract::{FromRequestParts, Path};
use axum::http::request::Parts;
use axum::http::{header, HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::Deserialize;

/// The site as the browser sees it. With `BRUG_PUBLIC_URL` set it is that address, and a
/// request that names another host gets no passkey ceremony; without it, the scheme Brug
/// is served with and the host the request names (`Host`, or the authority of an HTTP/2
/// request). A passkey answers only for the domain it was made on, so a host named
/// falsely finds no passkey to answer for it.
fn origin(state: &AppState, headers: &HeaderMap, uri: &Uri) -> Result<String, AppError> {
    let host = headers
        .get(header::HOST)
        .and_then(|v| v.to_str().ok())
        .or_else(|| uri.authority().map(|a| a.as_str()))
        .ok_or(AppError::new(ErrorCode::PasskeyRefused))?;
    let scheme = if state.secure_cookies { "https" } else { "http" };
    let named = format!("{scheme}://{host}");
    match state.public_origin.as_deref() {
        Some(public) if public.eq_ignore_ascii_case(&named) => Ok(public.to_string()),
        Some(_) => Err(AppError::new(ErrorCode::PasskeyRefused)),
        None => Ok(named),
    }
}

/// Who holds the session cookie, at whatever stage the session is, and the site their
/// browser is on: what every step of a passkey ceremony starts from.
pub struct Ceremony {
    viewer: Viewer,
    stage: SessionStage,
    origin: String,
}

impl<S: Send + Sync> FromRequestParts<S> for Ceremony {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let RequestState(state) = RequestState::from_request_parts(parts, state).await?;
        let (viewer, stage) = accounts::authenticate_any(&state, session_token(&state, &parts.headers)?).await?;
        let origin = origin(&state, &parts.headers, &parts.uri)?;
        Ok(Ceremony { viewer, stage, origin })
    }
}

/// The challenge for giving a passkey: at sign-in or before a sensitive action.
pub async fn sign_in_challenge(
    RequestState(state): RequestState,
    with: Ceremony,
) -> Result<impl IntoResponse, AppError> {
    let options = passkeys::start_authentication(&state, &with.viewer, with.stage, &with.origin).await?;
    Ok(Json(options))
}

#[derive(Deserialize)]
pub struct SignInAnswer {
    credential: PublicKeyCredential,
    #[serde(default)]
    next: String,
}

/// The passkey's answer: the session is in, and the page says where to go on.
pub async fn sign_in(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    with: Ceremony,
    ApiJson(body): ApiJson<SignInAnswer>,
) -> Result<impl IntoResponse, AppError> {
    passkeys::finish_authentication(&state, &ctx, &with.viewer, with.stage, &with.origin, &body.credential).await?;
    Ok(Json(serde_json::json!({ "next": local_path(&body.next) })))
}

/// The challenge for making a new passkey (staff, on the settings page).
pub async fn add_challenge(RequestState(state): RequestState, with: Ceremony) -> Result<impl IntoResponse, AppError> {
    let options = passkeys::start_registration(&state, &with.viewer, with.stage, &with.origin).await?;
    Ok(Json(options))
}

#[derive(Deserialize)]
pub struct NewPasskey {
    name: String,
    credential: RegisterPublicKeyCredential,
}

pub async fn add(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    with: Ceremony,
    ApiJson(body): ApiJson<NewPasskey>,
) -> Result<impl IntoResponse, AppError> {
    let (viewer, stage, origin) = (&with.viewer, with.stage, &with.origin);
    let id = passkeys::finish_registration(&state, &ctx, viewer, stage, origin, &body.name, &body.credential).await?;
    Ok((StatusCode::CREATED, Json(serde_json::json!({ "id": id }))))
}

/// A plain form: removing a passkey needs no script.
pub async fn remove(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(passkey_id): Path<i64>,
) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => passkeys::remove(&state, &ctx, &viewer, passkey_id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => answer(&headers, Ok("/settings?saved")),
        Err(error) => answer(&headers, Err((error, "/settings"))),
    }
}
