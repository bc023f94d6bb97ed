//! The second-factor page forms: the code after the password (or before a sensitive
//! action), the setup of an authenticator app, and a coordinator's reset of a lost one.

use crate::accounts::forms::{answer, web_viewer};
use crate::http::{Ctx, RequestState};
use app::accounts::service::{self as accounts, Viewer};
use app::error::{AppError, ErrorCode};
use app::second_factor::service::{self, ResetOutcome};
use app::second_factor::{SessionStage, RECOVERY_CODES_COOKIE};
use app::state::AppState;
use app::web::session_token;
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::Response;
use axum::Form;
use serde::Deserialize;

const PAGE: &str = "/signin/second-factor";

/// The person of the session cookie, also while the session waits for its second factor.
async fn session(state: &AppState, headers: &HeaderMap) -> Result<(Viewer, SessionStage), AppError> {
    accounts::authenticate_any(state, session_token(state, headers)?).await
}

#[derive(Deserialize)]
pub struct CodeForm {
    code: String,
    #[serde(default)]
    next: String,
}

/// Only a path on this site: a form never sends anyone elsewhere.
pub(super) fn local_path(next: &str) -> &str {
    if app::second_factor::is_local_path(next) {
        next
    } else {
        "/"
    }
}

/// Runs `action` with the form's code as the holder of the session cookie, at whatever
/// stage the session is.
async fn with_code<T, F, Fut>(
    state: &AppState,
    headers: &HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
    action: F,
) -> (Result<T, AppError>, String)
where
    F: FnOnce(Viewer, SessionStage, String) -> Fut,
    Fut: std::future::Future<Output = Result<T, AppError>>,
{
    let Ok(Form(form)) = form else {
        return (Err(AppError::new(ErrorCode::InvalidInput)), String::new());
    };
    let result = match session(state, headers).await {
        Ok((viewer, stage)) => action(viewer, stage, form.code).await,
        Err(error) => Err(error),
    };
    (result, form.next)
}

pub async fn verify(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    let (state_ref, ctx_ref) = (&state, &ctx);
    let (result, next) = with_code(&state, &headers, form, |viewer, stage, code| async move {
        service::verify(state_ref, ctx_ref, &viewer, stage, &code).await
    })
    .await;
    match result {
        Ok(()) => answer(&headers, Ok(local_path(&next))),
        Err(error) => answer(&headers, Err((error, PAGE))),
    }
}

pub async fn enrol(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<CodeForm>, FormRejection>,
) -> Response {
    let (state_ref, ctx_ref) = (&state, &ctx);
    let (result, _) = with_code(&state, &headers, form, |viewer, stage, code| async move {
        service::confirm_enrolment(state_ref, ctx_ref, &viewer, stage, &code).await
    })
    .await;
    match result {
        Ok(codes) => {
            let mut response = answer(&headers, Ok("/signin/recovery-codes"));
            let secure = if state.secure_cookies { "; Secure" } else { "" };
            let cookie = format!(
                "{RECOVERY_CODES_COOKIE}={}; Path=/signin/recovery-codes; Max-Age=600; HttpOnly; SameSite=Strict{secure}",
                codes.join(".")
            );
            if let Ok(cookie) = HeaderValue::from_str(&cookie) {
                response.headers_mut().append(header::SET_COOKIE, cookie);
            }
            response
        }
        Err(error) => answer(&headers, Err((error, PAGE))),
    }
}

/// A coordinator asks for, or confirms, the reset of a worker's lost second factor.
pub async fn reset(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(user_id): Path<i64>,
) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::reset(&state, &ctx, &viewer, user_id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(ResetOutcome::AwaitingSecondCoordinator) => answer(&headers, Ok("/admin?saved=reset_asked")),
        Ok(ResetOutcome::Reset) => answer(&headers, Ok("/admin?saved")),
        Err(error) => answer(&headers, Err((error, "/admin"))),
    }
}
