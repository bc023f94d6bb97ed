use crate::i18n::Msg;
use crate::layout::{use_lang, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Shows a freshly issued one-time code in large letters, to read aloud or copy.
#[component]
pub fn CodePage() -> impl IntoView {
    let lang = use_lang();
    let query = use_query_map();
    // Only something shaped like a code is shown: this page never echoes arbitrary text.
    let code = query.with_untracked(|q| q.get("value")).filter(|c| {
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
