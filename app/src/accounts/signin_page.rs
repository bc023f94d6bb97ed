use crate::error::ErrorCode;
use crate::i18n::Msg;
use crate::layout::{use_lang, EnhancedForms, IslandLoader, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn SignInPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let error = query
        .with_untracked(|q| q.get("error"))
        .and_then(|c| ErrorCode::parse(&c))
        .map(|c| lang.t(c.message()));
    let notice = query
        .with_untracked(|q| q.get("notice"))
        .and_then(|n| match n.as_str() {
            "signed_out" => Some(Msg::SignedOutNotice),
            "joined" => Some(Msg::JoinDone),
            _ => None,
        });
    // The translations ride on the error element (see `EnhancedForms`), so the
    // WebAssembly carries no translation tables.
    let message = move |code: ErrorCode| lang.t(code.message());
    view! {
        <leptos_meta::Title text=lang.t(Msg::SignInTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::SignInTitle)}</h1>
            <p>{lang.t(Msg::SignInIntro)}</p>
            {notice.map(|n| view! { <p class="notice" role="status">{lang.t(n)}</p> })}
            <EnhancedForms>
                <form id="signin-form" class="stacked-form" method="post" action="/signin">
                    <p
                        id="signin-error"
                        class="form-error"
                        role="alert"
                        data-invalid-credentials=message(ErrorCode::InvalidCredentials)
                        data-too-many-attempts=message(ErrorCode::TooManyAttempts)
                        data-invalid-input=message(ErrorCode::InvalidInput)
                        data-cross-site-request=message(ErrorCode::CrossSiteRequest)
                        data-internal=message(ErrorCode::Internal)
                    >
                        {error}
                    </p>
                    <label for="username">{lang.t(Msg::UsernameLabel)}</label>
                    <input id="username" name="username" type="text" autocomplete="username" autocapitalize="none"
                        spellcheck="false" required aria-describedby="signin-error"/>
                    <label for="password">{lang.t(Msg::PasswordLabel)}</label>
                    <input id="password" name="password" type="password" autocomplete="current-password" required
                        aria-describedby="signin-error"/>
                    <button id="signin-submit" type="submit" class="primary">{lang.t(Msg::SignInButton)}</button>
                </form>
            </EnhancedForms>
            <p><a href="/join">{lang.t(Msg::HaveACode)}</a></p>
            <IslandLoader/>
        </Page>
    }
}
