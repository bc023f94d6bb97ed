//! "Your password was changed on … with a code from …": shown once on the home page after
//! the first sign-in that follows a reset, so someone whose account was taken over with a
//! code hears of it and can tell their worker.

use crate::i18n::Msg;
use crate::layout::use_lang;
use leptos::prelude::*;

/// The cookie that carries the note from the sign-in to the home page.
pub const PASSWORD_RESET_COOKIE: &str = "brug_reset";

/// `{unix seconds}.{base64url of the issuer's name}`: names may hold any letter.
#[cfg(feature = "ssr")]
pub fn encode_reset_note(at: i64, code_from: &str) -> String {
    use base64::Engine;
    format!(
        "{at}.{}",
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(code_from.as_bytes())
    )
}

/// The note this request carries, taken out of its cookie.
fn take_reset_note() -> Option<(i64, String)> {
    #[cfg(feature = "ssr")]
    {
        use base64::Engine;
        let parts = use_context::<http::request::Parts>()?;
        let value = crate::web::cookie(&parts.headers, PASSWORD_RESET_COOKIE)?.to_string();
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let clear = format!("{PASSWORD_RESET_COOKIE}=; Path=/; Max-Age=0; HttpOnly; SameSite=Lax");
            if let Ok(clear) = http::HeaderValue::from_str(&clear) {
                response.append_header(http::header::SET_COOKIE, clear);
            }
        }
        let (at, name) = value.split_once('.')?;
        let name = base64::engine::general_purpose::URL_SAFE_NO_PAD.decode(name).ok()?;
        Some((at.parse().ok()?, String::from_utf8(name).ok()?))
    }
    #[cfg(not(feature = "ssr"))]
    None
}

#[component]
pub fn PasswordResetNotice() -> impl IntoView {
    let lang = use_lang();
    take_reset_note().map(|(at, code_from)| {
        let when = crate::local_time::written(lang, at);
        view! {
            <p class="notice" role="status" id="password-reset-note">
                {lang.fill(Msg::PasswordResetNote, &[("when", &when), ("who", &code_from)])}
            </p>
        }
    })
}
