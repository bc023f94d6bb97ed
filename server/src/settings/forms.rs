//! `/leave` (the quick exit: a beacon from the page's script, or the link without
//! JavaScript) and `/settings` (text size and the quick exit's sign-out).

use crate::accounts::forms::{answer, end_browser_session, web_viewer};
use crate::http::Ctx;
use crate::http::RequestState;
use app::error::{AppError, ErrorCode};
use app::reminders::{self, RemindWhen, ReminderChoice};
use app::settings::{service, TextSize, OWN_PHONE_COOKIE, TEXT_SIZE_COOKIE};
use app::state::{AppState, RequestContext};
use axum::extract::rejection::FormRejection;
use axum::http::{header, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use axum::Form;
use serde::Deserialize;

/// Signs the person out when their setting says so, and clears the cookie then.
async fn leave(state: &AppState, ctx: &RequestContext, headers: &HeaderMap, mut response: Response) -> Response {
    if let Ok(viewer) = web_viewer(state, headers).await {
        match service::leave(state, ctx, &viewer).await {
            Ok(true) => end_browser_session(state, &mut response),
            Ok(false) => {}
            // Leaving must never fail in front of the person; the cause is logged.
            Err(error) => tracing::warn!(code = error.code.as_str(), "quick exit could not sign out"),
        }
    }
    response
}

/// The page's script posts here while it replaces the page.
pub async fn leave_beacon(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    leave(&state, &ctx, &headers, StatusCode::NO_CONTENT.into_response()).await
}

/// Without JavaScript the link comes here, and goes on to the neutral page.
pub async fn leave_link(RequestState(state): RequestState, Ctx(ctx): Ctx, headers: HeaderMap) -> Response {
    let onward = Redirect::to(&state.quick_exit_url).into_response();
    leave(&state, &ctx, &headers, onward).await
}

#[derive(Deserialize)]
pub struct SettingsForm {
    text_size: Option<String>,
    quick_exit_signs_out: Option<String>,
    own_phone: Option<String>,
    /// Absent for staff, whose form has no reminders.
    remind_appointments: Option<String>,
}

pub async fn save(
    RequestState(state): RequestState,
    Ctx(ctx): Ctx,
    headers: HeaderMap,
    form: Result<Form<SettingsForm>, FormRejection>,
) -> Response {
    let result = async {
        let Form(form) = form.map_err(|_| AppError::new(ErrorCode::InvalidInput))?;
        let viewer = web_viewer(&state, &headers).await?;
        let size = match form.text_size.as_deref() {
            None => TextSize::Normal,
            Some(raw) => TextSize::parse(raw).ok_or(AppError::new(ErrorCode::InvalidInput))?,
        };
        let reminders = form
            .remind_appointments
            .as_deref()
            .map(|raw| RemindWhen::parse(raw).ok_or(AppError::new(ErrorCode::InvalidInput)))
            .transpose()?;
        service::set_quick_exit_signs_out(&state, &ctx, &viewer, form.quick_exit_signs_out.is_some()).await?;
        if let Some(when) = reminders {
            reminders::service::set_choice(&state, &ctx, &viewer, ReminderChoice { when }).await?;
        }
        Ok((size, form.own_phone.is_some()))
    }
    .await;
    match result {
        Ok((size, own_phone)) => {
            let mut response = answer(&headers, Ok("/settings"));
            let secure = if state.secure_cookies { "; Secure" } else { "" };
            // Both are about this device, not the account: a shared phone keeps its own.
            let cookies = [
                format!(
                    "{TEXT_SIZE_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
                    size.as_str()
                ),
                match own_phone {
                    true => format!("{OWN_PHONE_COOKIE}=1; Path=/; Max-Age=31536000; SameSite=Lax{secure}"),
                    false => format!("{OWN_PHONE_COOKIE}=; Path=/; Max-Age=0; SameSite=Lax{secure}"),
                },
            ];
            for cookie in cookies {
                if let Ok(value) = HeaderValue::from_str(&cookie) {
                    response.headers_mut().append(header::SET_COOKIE, value);
                }
            }
            response
        }
        Err(error) => answer(&headers, Err((error, "/settings"))),
    }
}
