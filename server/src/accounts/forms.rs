//! The page forms. Each works as a plain HTML form post (answered with a redirect, so
//! it works without JavaScript) and, when a page's island posts it with
//! `Accept: application/json`, answers JSON so the page can stay where it is.

use crate::http::Ctx;
use crate::http::RequestState;
use app::accounts::service::{self, Invitee, PasswordResetNote, Redeemed, SessionKind, Viewer};
use app::accounts::SHOWN_CODE_COOKIE;
use app::accounts::{encode_reset_note, PASSWORD_RESET_COOKIE};
use app::circle::Relationship;
use app::error::{AppError, ErrorCode};
use app::i18n::Lang;
use app::second_factor::SessionStage;
use app::state::AppState;
use app::web::{session_token, LANGUAGE_COOKIE};
use axum::extract::rejection::FormRejection;
use axum::extract::Path;
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Form, Json};
use secrecy::SecretString;
use serde::Deserialize;

fn wants_json(headers: &HeaderMap) -> bool {
    headers
        .get(header::ACCEPT)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains("application/json"))
}

/// The answer to a form: JSON for an enhanced page, a redirect (303) otherwise.
pub fn answer(headers: &HeaderMap, result: Result<&str, (AppError, &str)>) -> Response {
    match (result, wants_json(headers)) {
        (Ok(target), true) => Json(serde_json::json!({ "redirect": target })).into_response(),
        (Ok(target), false) => Redirect::to(target).into_response(),
        (Err((error, _)), true) => error.into_response(),
        (Err((error, page)), false) if error.code == ErrorCode::StepUpRequired => {
            // Asked for the second factor again: the person gives it and comes back here.
            let path = page.split(['#', '?']).next().unwrap_or("/");
            Redirect::to(&format!("/signin/second-factor?next={path}")).into_response()
        }
        (Err((error, page)), false) => {
            if error.code == ErrorCode::Internal {
                tracing::warn!("a page form failed unexpectedly");
            }
            // The error goes before the fragment, which names the form it is about.
            let (path, fragment) = page
                .split_once('#')
                .map_or((page, String::new()), |(path, form)| (path, format!("#{form}")));
            Redirect::to(&format!("{path}?error={}{fragment}", error.code.as_str())).into_response()
        }
    }
}

/// What was typed into a page form, kept for the page if the form is refused.
pub struct Typed {
    /// The form's `id` (also the fragment the answer goes to).
    pub form: String,
    pub fields: Vec<(String, String)>,
    /// Which field an error is about.
    pub field_of: fn(ErrorCode) -> Option<&'static str>,
}

impl Typed {
    pub fn new(form: String, fields: &[(&str, &str)], field_of: fn(ErrorCode) -> Option<&'static str>) -> Typed {
        Typed {
            form,
            fields: fields
                .iter()
                .filter(|(_, value)| !value.is_empty())
                .map(|(key, value)| (key.to_string(), value.to_string()))
                .collect(),
            field_of,
        }
    }
}

/// Like [`answer`]; when a plain page form is refused, what was typed goes back to the
/// page in a sealed, short-lived cookie (`app::form_echo`), so nothing is lost.
pub fn answer_keeping(
    state: &AppState,
    headers: &HeaderMap,
    result: Result<&str, (AppError, &str)>,
    typed: Typed,
) -> Response {
    let code = match &result {
        Err((error, _)) => error.code,
        Ok(_) => return answer(headers, result),
    };
    let mut response = answer(headers, result);
    let keeps = !wants_json(headers) && !matches!(code, ErrorCode::StepUpRequired | ErrorCode::Internal);
    let Ok(session) = session_token(state, headers) else {
        return response;
    };
    let echo = app::form_echo::FormEcho {
        form: typed.form,
        field: (typed.field_of)(code).map(str::to_string),
        error: code.as_str().to_string(),
        fields: typed.fields,
    };
    if let Some(sealed) = keeps
        .then(|| app::form_echo::seal(&state.sealing, session, &echo))
        .flatten()
    {
        let secure = if state.secure_cookies { "; Secure" } else { "" };
        let cookie = format!(
            "{}={sealed}; Path=/; HttpOnly; SameSite=Lax; Max-Age=300{secure}",
            app::form_echo::COOKIE
        );
        if let Ok(value) = HeaderValue::from_str(&cookie) {
            response.headers_mut().append(header::SET_COOKIE, value);
        }
    }
    response
}

/// What a browser is told when its session ends: the cookie goes, and so does whatever
/// its HTTP cache kept of the pages (the service worker forgets the pages it kept).
pub fn end_browser_session(state: &AppState, response: &mut Response) {
    let headers = response.headers_mut();
    headers.append(header::SET_COOKIE, session_cookie(state, "", true));
    headers.insert("clear-site-data", HeaderValue::from_static("\"cache\""));
}

pub fn session_cookie(state: &AppState, value: &str, clear: bool) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let expiry = if clear { "; Max-Age=0" } else { "" };
    let text = format!(
        "{}={value}; Path=/; HttpOnly; SameSite=Lax{secure}{expiry}",
        state.session_cookie_name()
    );
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}

fn language_cookie(state: &AppState, lang: Lang) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let text = format!(
        "{LANGUAGE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
        lang.code()
    );
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}

/// Carries "your password was changed on … with a code from …" to the home page, once.
fn reset_note_cookie(state: &AppState, note: &PasswordResetNote) -> HeaderValue {
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let text = format!(
        "{PASSWORD_RESET_COOKIE}={}; Path=/; Max-Age=600; HttpOnly; SameSite=Lax{secure}",
        encode_reset_note(note.at, &note.code_from)
    );
    HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static(""))
}

pub async fn web_viewer(state: &AppState, headers: &HeaderMap) -> Result<Viewer, AppError> {
    service::authenticate(state, session_token(state, headers)?).await
}

#[derive(Deserialize)]
pub struct SignInForm {
    username: String,
    password: String,
}

pub async fn sign_in(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/signin")));
    };
    match service::sign_in(
        &state,
        &ctx,
        &form.username,
        SecretString::from(form.password),
        SessionKind::Web {
            name: app::accounts::browser_name::describe(
                headers
                    .get(header::USER_AGENT)
                    .and_then(|v| v.to_str().ok())
                    .unwrap_or_default(),
            ),
        },
    )
    .await
    {
        Ok(signed_in) => {
            let next = match signed_in.stage {
                SessionStage::Full => "/",
                SessionStage::SecondFactor | SessionStage::Enrol => "/signin/second-factor",
            };
            let mut response = answer(&headers, Ok(next));
            let cookies = response.headers_mut();
            cookies.append(header::SET_COOKIE, session_cookie(&state, &signed_in.token, false));
            if let Some(lang) = signed_in.viewer.language {
                cookies.append(header::SET_COOKIE, language_cookie(&state, lang));
            }
            if let Some(note) = &signed_in.password_reset {
                cookies.append(header::SET_COOKIE, reset_note_cookie(&state, note));
            }
            response
        }
        Err(error) => {
            let retry_after = error.retry_after;
            let mut response = answer(&headers, Err((error, "/signin")));
            if let Some(seconds) = retry_after.filter(|_| !wants_json(&headers)) {
                if let Ok(value) = HeaderValue::from_str(&seconds.to_string()) {
                    response.headers_mut().insert(header::RETRY_AFTER, value);
                }
            }
            response
        }
    }
}

pub async fn sign_out(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    if let Ok(viewer) = web_viewer(&state, &headers).await {
        if let Err(error) = service::sign_out(&state, &ctx, &viewer).await {
            return answer(&headers, Err((error, "/")));
        }
    }
    let mut response = answer(&headers, Ok("/signin?notice=signed_out"));
    end_browser_session(&state, &mut response);
    response
}

#[derive(Deserialize)]
pub struct LanguageForm {
    lang: String,
    back: Option<String>,
}

pub async fn set_language(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<LanguageForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/")));
    };
    let Some(lang) = Lang::parse(&form.lang) else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/")));
    };
    if let Ok(viewer) = web_viewer(&state, &headers).await {
        if let Err(error) = service::set_language(&state, &ctx, &viewer, lang).await {
            return answer(&headers, Err((error, "/")));
        }
    }
    // Only a path on this site: never an open redirect.
    let back = form
        .back
        .filter(|b| b.starts_with('/') && !b.starts_with("//") && !b.contains('\\'))
        .unwrap_or_else(|| "/".into());
    let mut response = answer(&headers, Ok(&back));
    response
        .headers_mut()
        .append(header::SET_COOKIE, language_cookie(&state, lang));
    response
}

#[derive(Deserialize)]
pub struct JoinForm {
    code: String,
    username: Option<String>,
    password: String,
}

pub async fn join(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<JoinForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/join")));
    };
    match service::redeem(&state, &ctx, &form.code, form.username.as_deref(), &form.password).await {
        Ok(Redeemed::AccountCreated | Redeemed::PasswordReset) => answer(&headers, Ok("/signin?notice=joined")),
        Err(error) => answer(&headers, Err((error, "/join"))),
    }
}

pub async fn revoke_device(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    Path(id): Path<i64>,
) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::revoke_device(&state, &ctx, &viewer, id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => answer(&headers, Ok("/devices")),
        Err(error) if error.code == ErrorCode::Unauthenticated => answer(&headers, Err((error, "/signin"))),
        Err(error) => answer(&headers, Err((error, "/devices"))),
    }
}

#[derive(Deserialize)]
pub struct PasswordForm {
    current_password: String,
    new_password: String,
}

/// The settings page's password form. Its errors go back to the settings page, which
/// shows a password error beside this form.
pub async fn change_password(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<PasswordForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let current = SecretString::from(form.current_password);
        service::change_password(&state, &ctx, &viewer, current, &form.new_password).await
    }
    .await;
    match result {
        Ok(()) => answer(&headers, Ok("/settings?saved=password#password")),
        Err(error) if error.code == ErrorCode::Unauthenticated => answer(&headers, Err((error, "/signin"))),
        Err(error) => answer(&headers, Err((error, "/settings#password"))),
    }
}

pub async fn sign_out_everywhere(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::sign_out_everywhere(&state, &ctx, &viewer).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(()) => {
            let mut response = answer(&headers, Ok("/signin?notice=signed_out"));
            end_browser_session(&state, &mut response);
            response
        }
        Err(error) => answer(&headers, Err((error, "/signin"))),
    }
}

/// Sends the person to `/code` to see a freshly issued code. The code goes there in a
/// short-lived cookie that only `/code` receives and that the page clears, never in the
/// URL, which browser history and proxy logs keep.
pub fn show_code(state: &AppState, headers: &HeaderMap, code: &str) -> Response {
    let mut response = answer(headers, Ok("/code"));
    let secure = if state.secure_cookies { "; Secure" } else { "" };
    let cookie = format!("{SHOWN_CODE_COOKIE}={code}; Path=/code; Max-Age=600; HttpOnly; SameSite=Strict{secure}");
    if let Ok(cookie) = HeaderValue::from_str(&cookie) {
        response.headers_mut().append(header::SET_COOKIE, cookie);
    }
    response
}

#[derive(Deserialize)]
pub struct InviteForm {
    case_id: i64,
    display_name: String,
    kind: String,
    relationship: Option<String>,
}

/// A worker invites the participant or a family member into a case's circle.
pub async fn invite(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<InviteForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/")));
    };
    let invitee = match form.kind.as_str() {
        "participant" => Invitee::Participant {
            case_id: form.case_id,
            display_name: form.display_name,
        },
        "family" => match form.relationship.as_deref().and_then(Relationship::parse) {
            Some(relationship) => Invitee::Family {
                case_id: form.case_id,
                display_name: form.display_name,
                relationship,
            },
            None => return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/"))),
        },
        _ => return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/"))),
    };
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::invite(&state, &ctx, &viewer, invitee).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(code) => show_code(&state, &headers, &code),
        Err(error) => answer(&headers, Err((error, "/"))),
    }
}

#[derive(Deserialize)]
pub struct ResetCodeForm {
    user_id: i64,
}

/// A worker (for their case's participant and family) or a coordinator issues a reset code.
pub async fn reset_code(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<ResetCodeForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return answer(&headers, Err((AppError::new(ErrorCode::InvalidInput), "/")));
    };
    let result = match web_viewer(&state, &headers).await {
        Ok(viewer) => service::issue_reset_code(&state, &ctx, &viewer, form.user_id).await,
        Err(error) => Err(error),
    };
    match result {
        Ok(code) => show_code(&state, &headers, &code),
        Err(error) => answer(&headers, Err((error, "/"))),
    }
}
