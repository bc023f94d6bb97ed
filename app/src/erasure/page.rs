//! For coordinators: the requests to be erased that wait for an answer. For the person:
//! the part of the settings page where they ask and read the answer.

use super::{load_erasure_requests, ErasureRequest, ErasureStatus};
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, ErrorNotice, FormAnswer, Page};
use crate::local_time::written;
use leptos::prelude::*;

#[component]
pub fn ErasureRequestsPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <leptos_meta::Title text=lang.t(Msg::ErasureRequestsTitle)/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_erasure_requests().await {
                    Ok(requests) => view! {
                        <Page signed_in=true>
                            <h1 id="page-title">{lang.t(Msg::ErasureRequestsTitle)}</h1>
                            <FormAnswer/>
                            <p>{lang.t(Msg::ErasureRequestsIntro)}</p>
                            {requests.is_empty().then(|| view! { <p>{lang.t(Msg::ErasureRequestsNone)}</p> })}
                            <ul class="plain-list">
                                {requests.into_iter().map(|request| view! { <Waiting request lang/> }).collect_view()}
                            </ul>
                        </Page>
                    }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Waiting(request: ErasureRequest, lang: Lang) -> impl IntoView {
    let id = request.id;
    let role = crate::accounts::AccountRole::parse(&request.account_role)
        .map(|r| lang.t(r.label()))
        .unwrap_or_default();
    view! {
        <li class="card" id=format!("erasure-{id}")>
            <h2>{format!("{} ({role})", request.display_name)}</h2>
            <p class="milestone-meta">{written(lang, request.requested_at)}</p>
            {(!request.reason.is_empty()).then(|| view! { <p dir="auto">{request.reason.clone()}</p> })}
            <form class="stacked-form" method="post" action=format!("/admin/erasure-requests/{id}/confirm")>
                <button type="submit" class="primary">{lang.t(Msg::ErasureConfirmButton)}</button>
            </form>
            <form class="stacked-form" method="post" action=format!("/admin/erasure-requests/{id}/decline")>
                <label for=format!("explanation-{id}")>{lang.t(Msg::ErasureExplanationLabel)}</label>
                <textarea id=format!("explanation-{id}") name="explanation" rows="3" required maxlength="2000" dir="auto"></textarea>
                <button type="submit">{lang.t(Msg::ErasureDeclineButton)}</button>
            </form>
        </li>
    }
}

/// On the settings page: ask to be erased, or where the request stands.
#[component]
pub fn ErasureChoice(request: Option<ErasureRequest>, lang: Lang) -> impl IntoView {
    let open = request
        .as_ref()
        .is_some_and(|r| matches!(r.status, ErasureStatus::Asked | ErasureStatus::Confirmed));
    let standing = request.map(|r| {
        let line = match r.status {
            ErasureStatus::Asked => lang.fill(Msg::ErasureAskedOn, &[("time", &written(lang, r.requested_at))]),
            ErasureStatus::Confirmed | ErasureStatus::Done => {
                let when = r.erase_account_at.map(|at| written(lang, at)).unwrap_or_default();
                lang.fill(Msg::ErasureConfirmedUntil, &[("time", &when)])
            }
            ErasureStatus::Declined => lang.t(Msg::ErasureDeclinedBecause).to_string(),
        };
        let explanation = (r.status == ErasureStatus::Declined).then_some(r.explanation);
        view! {
            <p role="status">{line}</p>
            {explanation.map(|text| view! { <blockquote dir="auto">{text}</blockquote> })}
        }
    });
    view! {
        <section class="card" id="erasure" aria-labelledby="erasure-title">
            <h2 id="erasure-title">{lang.t(Msg::ErasureTitle)}</h2>
            <p>{lang.t(Msg::ErasureIntro)}</p>
            {standing}
            {(!open).then(|| view! {
                <form class="stacked-form" method="post" action="/settings/erasure">
                    <label for="erasure-reason">{lang.t(Msg::ErasureReasonLabel)}</label>
                    <textarea id="erasure-reason" name="reason" rows="2" maxlength="2000" dir="auto"></textarea>
                    <button type="submit">{lang.t(Msg::ErasureAskButton)}</button>
                </form>
            })}
        </section>
    }
}
