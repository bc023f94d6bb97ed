//! What a person typed into a page form that was refused comes back with the page: the
//! server answers the form with a redirect (so Reload does not post again) and a short-lived
//! cookie holding the fields, sealed with `BRUG_SECRET_KEY` and bound to the session; the
//! page shows the form again with that input, the error next to the field it concerns, and
//! the browser focused there. The cookie is read once and cleared by that page.
//!
//! Why a cookie: the input may be sensitive, so it never goes into an address (history,
//! proxy logs), and the server keeps no state between the two requests, so any process
//! can show the page.

use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

pub const COOKIE: &str = "brug_form";

/// A cookie is at most about 4 kB; input that does not fit is not kept (the page still
/// says what went wrong, next to the form).
#[cfg(feature = "ssr")]
const MAX_COOKIE_BYTES: usize = 3_800;

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormEcho {
    /// The form's `id`, which is also the fragment the answer sends the browser to.
    pub form: String,
    /// The field the error is about, when it is about one.
    pub field: Option<String>,
    pub error: String,
    pub fields: Vec<(String, String)>,
}

impl FormEcho {
    pub fn value(&self, name: &str) -> Option<&str> {
        self.fields
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.as_str())
    }

    pub fn error_code(&self) -> Option<ErrorCode> {
        ErrorCode::parse(&self.error)
    }

    /// Whether the error is about this field.
    pub fn is_about(&self, name: &str) -> bool {
        self.field.as_deref() == Some(name)
    }
}

#[cfg(feature = "ssr")]
fn context(session: &str) -> String {
    format!("form-echo:{}", crate::accounts::codes::digest(session))
}

/// The cookie's value for this echo, or `None` when it would not fit in a cookie. The
/// form's id (not sensitive) stands in front, so of the many forms on a page only the one
/// it is for opens it.
#[cfg(feature = "ssr")]
pub fn seal(key: &crate::sealing::SealingKey, session: &str, echo: &FormEcho) -> Option<String> {
    let json = serde_json::to_vec(echo).ok()?;
    let value = format!("{}~{}", echo.form, key.seal(&json, &context(session)));
    (value.len() <= MAX_COOKIE_BYTES).then_some(value)
}

#[cfg(feature = "ssr")]
fn open(key: &crate::sealing::SealingKey, session: &str, sealed: &str) -> Option<FormEcho> {
    let json = key.open(sealed, &context(session)).ok()?;
    serde_json::from_slice(&json).ok()
}

/// In a page: what was typed into the form `form` before it was refused, if that is why
/// this page is shown. Clears the cookie with the page's answer.
pub fn use_form_echo(form: &str) -> Option<FormEcho> {
    #[cfg(feature = "ssr")]
    {
        let parts = leptos::prelude::use_context::<http::request::Parts>()?;
        let (for_form, sealed) = crate::web::cookie(&parts.headers, COOKIE)?.split_once('~')?;
        if for_form != form {
            return None;
        }
        if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
            response.append_header(
                http::header::SET_COOKIE,
                http::HeaderValue::from_static("brug_form=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0"),
            );
        }
        let state = parts.extensions.get::<crate::state::AppState>()?;
        let session = crate::web::session_token(state, &parts.headers).ok()?;
        open(&state.sealing, session, sealed).filter(|echo| echo.form == form)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = form;
        None
    }
}

/// A form's side of a refusal, as the page that draws it asks: what was typed into a
/// field, whether the error is about it, and the error in words.
pub struct Kept(pub Option<FormEcho>);

impl Kept {
    pub fn of(form: &str) -> Kept {
        Kept(use_form_echo(form))
    }

    /// Whether the form was refused (and so should be open).
    pub fn is_back(&self) -> bool {
        self.0.is_some()
    }

    pub fn value(&self, name: &str) -> Option<String> {
        self.0.as_ref().and_then(|e| e.value(name)).map(str::to_string)
    }

    pub fn about(&self, name: &str) -> bool {
        self.0.as_ref().is_some_and(|e| e.is_about(name))
    }

    pub fn error(&self, lang: crate::i18n::Lang) -> Option<&'static str> {
        self.0
            .as_ref()
            .and_then(|e| e.error_code())
            .map(|c| lang.t(c.message()))
    }
}

/// Whether this page is shown again because of a refused form that shows its own error:
/// the general notice at the top of the page then stays quiet.
pub fn form_shows_its_error() -> bool {
    #[cfg(feature = "ssr")]
    {
        leptos::prelude::use_context::<http::request::Parts>()
            .is_some_and(|parts| crate::web::cookie(&parts.headers, COOKIE).is_some())
    }
    #[cfg(not(feature = "ssr"))]
    {
        false
    }
}
