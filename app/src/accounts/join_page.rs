use crate::error::ErrorCode;
use crate::i18n::Msg;
use crate::layout::{use_lang, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Turning a one-time code into an account, or into a new password. A plain form: it
/// works the same with and without JavaScript.
#[component]
pub fn JoinPage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    let error = query
        .with_untracked(|q| q.get("error"))
        .and_then(|c| ErrorCode::parse(&c));
    view! {
        <leptos_meta::Title text=lang.t(Msg::JoinTitle)/>
        <Page>
            <h1 id="page-title">{lang.t(Msg::JoinTitle)}</h1>
            <p>{lang.t(Msg::JoinIntro)}</p>
            <form id="join-form" class="stacked-form" method="post" action="/join">
                <p id="join-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
                <label for="code">{lang.t(Msg::CodeLabel)}</label>
                <input id="code" name="code" type="text" autocomplete="one-time-code" autocapitalize="characters" spellcheck="false" required aria-describedby="join-error"/>
                <label for="new-username">{lang.t(Msg::NewUsernameLabel)}</label>
                <input id="new-username" name="username" type="text" autocomplete="username" autocapitalize="none" spellcheck="false" aria-describedby="username-hint join-error"/>
                <p id="username-hint" class="hint">{lang.t(Msg::UsernameHint)}</p>
                <label for="new-password">{lang.t(Msg::NewPasswordLabel)}</label>
                <input id="new-password" name="password" type="password" autocomplete="new-password" required minlength="8" aria-describedby="password-hint join-error"/>
                <p id="password-hint" class="hint">{lang.t(Msg::PasswordHint)}</p>
                <button type="submit" class="primary">{lang.t(Msg::JoinButton)}</button>
            </form>
        </Page>
    }
}
