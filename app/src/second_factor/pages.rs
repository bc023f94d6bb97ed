use super::{load_second_factor, Enrolment, SecondFactorStep, RECOVERY_CODES_COOKIE};
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, ErrorNotice, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// `/signin/second-factor`: the code after the password, the same code again before a
/// sensitive action, or the setup of an authenticator app where one is still missing.
#[component]
pub fn SecondFactorPage() -> impl IntoView {
    let lang = use_lang();
    let error = use_form_error().map(|code| lang.t(code.message()));
    // Only a path on this site: the form never sends anyone elsewhere.
    let next = use_query_map()
        .with_untracked(|q| q.get("next"))
        .filter(|n| n.starts_with('/') && !n.starts_with("//"))
        .unwrap_or_else(|| "/".to_string());
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new({
                let next = next.clone();
                async move {
                    match load_second_factor().await {
                        Ok(SecondFactorStep::Verify { step_up }) => view! { <Verify step_up error next lang/> }.into_any(),
                        Ok(SecondFactorStep::Enrol(enrolment)) => view! { <Enrol enrolment error lang/> }.into_any(),
                        Err(error) => view! { <Page><ErrorNotice error/></Page> }.into_any(),
                    }
                }
            })}
        </Suspense>
    }
}

#[component]
fn Verify(step_up: bool, error: Option<&'static str>, next: String, lang: Lang) -> impl IntoView {
    let intro = if step_up {
        Msg::ErrStepUpRequired
    } else {
        Msg::SecondFactorIntro
    };
    view! {
        <leptos_meta::Title text=lang.t(Msg::SecondFactorTitle)/>
        <Page signed_in=step_up>
            <h1 id="page-title">{lang.t(Msg::SecondFactorTitle)}</h1>
            <p>{lang.t(intro)}</p>
            <form id="second-factor-form" class="stacked-form" method="post" action="/signin/second-factor">
                <p id="second-factor-error" class="form-error" role="alert">{error}</p>
                <input type="hidden" name="next" value=next/>
                <label for="second-factor-code">{lang.t(Msg::SecondFactorCodeLabel)}</label>
                <input id="second-factor-code" name="code" type="text" autocomplete="one-time-code"
                    autocapitalize="characters" spellcheck="false" required maxlength="12"
                    aria-describedby="second-factor-error" dir="ltr"/>
                <button type="submit" class="primary">{lang.t(Msg::ConfirmButton)}</button>
            </form>
        </Page>
    }
}

#[component]
fn Enrol(enrolment: Enrolment, error: Option<&'static str>, lang: Lang) -> impl IntoView {
    view! {
        <leptos_meta::Title text=lang.t(Msg::EnrolTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::EnrolTitle)}</h1>
            <p>{lang.t(Msg::EnrolIntro)}</p>
            // The SVG is made on the server from the setup address, never from input.
            <div class="setup-qr" role="img" aria-label=lang.t(Msg::EnrolTitle) inner_html=enrolment.qr_svg></div>
            <p>{lang.t(Msg::EnrolKeyLabel)} ": " <code id="setup-key" class="setup-key" dir="ltr">{enrolment.key}</code></p>
            <form id="enrol-form" class="stacked-form" method="post" action="/signin/enrol">
                <p id="enrol-error" class="form-error" role="alert">{error}</p>
                <label for="enrol-code">{lang.t(Msg::SecondFactorCodeLabel)}</label>
                <input id="enrol-code" name="code" type="text" inputmode="numeric" autocomplete="one-time-code"
                    required maxlength="6" aria-describedby="enrol-error" dir="ltr"/>
                <button type="submit" class="primary">{lang.t(Msg::ConfirmButton)}</button>
            </form>
        </Page>
    }
}

/// The recovery codes this request carries, taken out of their cookie: shown once.
fn take_recovery_codes() -> Vec<String> {
    #[cfg(feature = "ssr")]
    {
        let Some(parts) = use_context::<http::request::Parts>() else {
            return Vec::new();
        };
        let Some(value) = crate::web::cookie(&parts.headers, RECOVERY_CODES_COOKIE) else {
            return Vec::new();
        };
        if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
            let clear =
                format!("{RECOVERY_CODES_COOKIE}=; Path=/signin/recovery-codes; Max-Age=0; HttpOnly; SameSite=Strict");
            if let Ok(clear) = http::HeaderValue::from_str(&clear) {
                response.append_header(http::header::SET_COOKIE, clear);
            }
        }
        // Only what is shaped like a code is shown: this page never echoes other text.
        value
            .split('.')
            .filter(|c| {
                c.len() == 9
                    && c.chars()
                        .enumerate()
                        .all(|(i, ch)| if i == 4 { ch == '-' } else { ch.is_ascii_alphanumeric() })
            })
            .map(str::to_string)
            .collect()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = RECOVERY_CODES_COOKIE;
        Vec::new()
    }
}

#[component]
pub fn RecoveryCodesPage() -> impl IntoView {
    let lang = use_lang();
    let codes = take_recovery_codes();
    view! {
        <leptos_meta::Title text=lang.t(Msg::RecoveryCodesTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::RecoveryCodesTitle)}</h1>
            <p>{lang.t(Msg::RecoveryCodesIntro)}</p>
            <ol id="recovery-codes" class="recovery-codes" lang="en" dir="ltr">
                {codes.into_iter().map(|c| view! { <li>{c}</li> }).collect_view()}
            </ol>
            <p><a href="/">{lang.t(Msg::BackHome)}</a></p>
        </Page>
    }
}
