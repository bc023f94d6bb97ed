//! The frame every page shares: header, language switcher, main landmark.

mod islands;

pub use islands::{EnhancedForms, IslandLoader, LiveLabels, LiveSettings};

mod quick_exit;
#[cfg(feature = "ssr")]
pub(crate) use quick_exit::SCRIPT as QUICK_EXIT_SCRIPT;
pub use quick_exit::{QuickExitLink, QuickExitScript};

mod read_aloud;
pub use read_aloud::ReadAloud;

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

pub fn use_lang() -> Lang {
    use_context::<Lang>().unwrap_or_default()
}

/// The route's numeric parameter `name`, or -1 (which names no record, so the page answers
/// "not found") when it is missing or not a number.
pub fn use_route_id(name: &str) -> i64 {
    leptos_router::hooks::use_params_map()
        .with_untracked(|p| p.get(name))
        .and_then(|id| id.parse::<i64>().ok())
        .unwrap_or(-1)
}

/// The error code a page form sent back as `?error=code`, to show on the page.
pub fn use_form_error() -> Option<crate::error::ErrorCode> {
    // A form that kept what was typed shows the error itself, next to the field.
    if crate::form_echo::form_shows_its_error() {
        return None;
    }
    leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("error"))
        .and_then(|c| crate::error::ErrorCode::parse(&c))
}

#[component]
pub fn Page(
    /// Whether to show the signed-in navigation.
    #[prop(optional)]
    signed_in: bool,
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <a class="skip-link" href="#main">{lang.t(Msg::SkipToContent)}</a>
        <header class="site-header">
            <div class="site-header-top">
                <a class="brand" href="/">"Brug"</a>
                <QuickExitLink/>
            </div>
            {signed_in.then(|| view! {
                <nav class="site-nav" aria-label=lang.t(Msg::MainNavigation)>
                    <a href="/">{lang.t(Msg::Home)}</a>
                    // Reaching a worker is always the second entry, on every page, named as
                    // the page it opens.
                    <a href="/messages" class="contact-entry">{lang.t(Msg::MessagesTitle)}<UnreadInNav/></a>
                    <a href="/devices">{lang.t(Msg::MyDevices)}</a>
                    <a href="/settings">{lang.t(Msg::SettingsTitle)}</a>
                    <form method="post" action="/signout" class="inline-form">
                        <button type="submit" class="link-button">{lang.t(Msg::SignOut)}</button>
                    </form>
                </nav>
            })}
        </header>
        <main id="main" class="page" tabindex="-1">{children()}</main>
        <footer class="site-footer">
            <LanguageSwitcher/>
        </footer>
    }
}

/// How many messages wait, beside the navigation's messages entry on every page.
#[component]
fn UnreadInNav() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=|| ()>
            {Suspend::new(async move {
                let count = crate::messaging::load_unread_total().await.unwrap_or(0);
                (count > 0).then(|| view! { " " <span class="nav-count">{crate::messaging::unread_text(lang, count)}</span> })
            })}
        </Suspense>
    }
}

#[component]
fn LanguageSwitcher() -> impl IntoView {
    let lang = use_lang();
    let back = current_path();
    view! {
        <form class="language-switcher" method="post" action="/language">
            <label for="language-select">{lang.t(Msg::LanguageLabel)}</label>
            <select id="language-select" name="lang">
                {Lang::ALL.into_iter().map(|option| view! {
                    <option value=option.code() selected=option == lang lang=option.code()>
                        {option.native_name()}
                    </option>
                }).collect_view()}
            </select>
            <input type="hidden" name="back" value=back/>
            <button type="submit">{lang.t(Msg::ChangeLanguage)}</button>
        </form>
    }
}

fn current_path() -> String {
    #[cfg(feature = "ssr")]
    {
        use_context::<http::request::Parts>()
            .map(|p| p.uri.path().to_string())
            .unwrap_or_else(|| "/".into())
    }
    #[cfg(not(feature = "ssr"))]
    {
        "/".to_string()
    }
}

/// Sends a person who is not signed in to the sign-in page.
pub fn redirect_to_sign_in() {
    redirect_page_to("/signin");
}

/// A page navigation always gets a real redirect, whatever its `Accept` header says
/// (leptos_axum::redirect would answer a non-HTML client with a custom header instead).
fn redirect_page_to(_target: &'static str) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::FOUND);
        response.insert_header(http::header::LOCATION, http::HeaderValue::from_static(_target));
    }
}

/// Whether the page is shown after the form `form` was saved (`?saved=form`), to confirm
/// it in words where the person acted.
pub fn use_saved(form: &str) -> bool {
    leptos_router::hooks::use_query_map().with_untracked(|q| q.get("saved").is_some_and(|saved| saved == form))
}

/// A calm, translated message for an error that reached a page.
#[component]
pub fn ErrorNotice(error: crate::error::AppError) -> impl IntoView {
    let lang = use_lang();
    if error.code == crate::error::ErrorCode::Unauthenticated {
        redirect_to_sign_in();
    } else if error.code == crate::error::ErrorCode::SecondFactorRequired {
        redirect_page_to("/signin/second-factor");
    } else {
        #[cfg(feature = "ssr")]
        if let (Some(response), Ok(status)) = (
            use_context::<leptos_axum::ResponseOptions>(),
            http::StatusCode::from_u16(error.code.status()),
        ) {
            response.set_status(status);
        }
    }
    view! { <p class="notice" role="status">{error.text(lang)}</p> }
}

/// What a page form answered when the page is shown again: `?saved` or `?error=code`
/// in the address, as a calm sentence where the person is looking.
#[component]
pub fn FormAnswer() -> impl IntoView {
    let lang = use_lang();
    let query = leptos_router::hooks::use_query_map();
    let error = query
        .with_untracked(|q| q.get("error"))
        .and_then(|c| crate::error::ErrorCode::parse(&c));
    // `?saved=form` is confirmed by that form itself.
    let saved = query.with_untracked(|q| q.get("saved")).is_some_and(|s| s.is_empty());
    view! {
        {error.map(|c| view! { <p class="form-error" role="alert">{lang.t(c.message())}</p> })}
        {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
    }
}

#[component]
pub fn NotFound() -> impl IntoView {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }
    let lang = use_lang();
    view! {
        <leptos_meta::Title text=lang.t(Msg::NotFoundTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::NotFoundTitle)}</h1>
            <p><a href="/">{lang.t(Msg::BackHome)}</a></p>
        </Page>
    }
}
