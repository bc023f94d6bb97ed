use crate::i18n::Msg;
use crate::layout::{use_lang, Page};
use leptos::prelude::*;

/// The cookie that carries a freshly issued code to `/code`, once: codes never travel in
/// a URL, where browser history and proxy logs would keep them.
pub const SHOWN_CODE_COOKIE: &str = "brug_code";

/// The code this request carries, taken out of its cookie: the page clears the cookie,
/// so the code is shown once.
fn take_shown_code() -> Option<String> {
    #[cfg(feature = "ssr")]
    {
        let parts = use_context::<http::request::Parts>()?;
        let code = crate::web::cookie(&parts.headers, SHOWN_CODE_COOKIE)?.to_string();
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let clear = format!("{SHOWN_CODE_COOKIE}=; Path=/code; Max-Age=0; HttpOnly; SameSite=Strict");
            if let Ok(clear) = http::HeaderValue::from_str(&clear) {
                response.append_header(http::header::SET_COOKIE, clear);
            }
        }
        Some(code)
    }
    #[cfg(not(feature = "ssr"))]
    None
}

/// Shows a freshly issued one-time code in large letters, to read aloud or copy.
#[component]
pub fn CodePage() -> impl IntoView {
    let lang = use_lang();
    // Only something shaped like a code is shown: this page never echoes arbitrary text.
    let code = take_shown_code().filter(|c| {
        c.len() == 9
            && c.chars()
                .enumerate()
                .all(|(i, ch)| if i == 4 { ch == '-' } else { ch.is_ascii_alphanumeric() })
    });
    view! {
        <leptos_meta::Title text=lang.t(Msg::CodeTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::CodeTitle)}</h1>
            {code.map(|c| view! { <p class="one-time-code" lang="en" dir="ltr">{c}</p> })}
            <p>{lang.t(Msg::CodeInstructions)}</p>
            <p><a href="/">{lang.t(Msg::BackHome)}</a></p>
        </Page>
    }
}
