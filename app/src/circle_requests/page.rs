//! The circle requests page: the participant asks and reads the answers; a worker of the
//! case answers. Plain forms that work without JavaScript.

use super::{load_circle_requests, CircleRequest, CircleRequestsView, RequestKind, RequestStatus};
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, use_route_id, use_saved, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn CircleRequestsPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_circle_requests(case_id).await {
                    Ok(view) => view! { <Requests view lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Requests(view: CircleRequestsView, lang: Lang) -> impl IntoView {
    let CircleRequestsView {
        case_id,
        participant_name,
        requests,
        yours,
        workers,
    } = view;
    let empty = requests.is_empty();
    let title = crate::i18n::Reader::new(yours, &participant_name).say(
        lang,
        Msg::CircleRequestsTitle,
        Msg::CircleRequestsTitleOther,
    );
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            {yours.then(|| view! { <p>{lang.t(Msg::CircleRequestsIntro)}</p> })}
            {yours.then(|| view! { <AskForm case_id workers lang/> })}
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoRequestsYet)}</p> })}
            <ol class="plan-items">
                {requests.into_iter().map(|r| view! { <RequestCard case_id request=r may_answer=!yours lang/> }).collect_view()}
            </ol>
        </Page>
    }
}

#[component]
fn AskForm(case_id: i64, workers: Vec<(i64, String)>, lang: Lang) -> impl IntoView {
    let kept = Kept::of("ask");
    let kind = kept.value("kind").and_then(|k| RequestKind::parse(&k));
    let (saved, error) = (use_saved("ask"), kept.error(lang));
    view! {
        {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
        <form class="stacked-form card" id="ask" method="post" action=format!("/cases/{case_id}/circle-requests")>
            <p id="ask-error" class="form-error" role="alert">{error}</p>
            <fieldset>
                <legend>{lang.t(Msg::RequestKindLegend)}</legend>
                {RequestKind::ALL.iter().enumerate().map(|(i, k)| view! {
                    <label class="choice">
                        <input type="radio" name="kind" value=k.as_str() checked=kind.map_or(i == 0, |c| c == *k)/>
                        <span>{lang.t(k.label())}</span>
                    </label>
                }).collect_view()}
            </fieldset>
            <label for="ask-about">{lang.t(Msg::RequestAboutLabel)}</label>
            <input id="ask-about" name="about" type="text" maxlength="200" value=kept.value("about") aria-describedby="ask-error"/>
            <label for="ask-worker">{lang.t(Msg::RequestWorkerLabel)}</label>
            <select id="ask-worker" name="worker_user_id">
                <option value="">"—"</option>
                {workers.into_iter().map(|(id, name)| view! { <option value=id.to_string()>{name}</option> }).collect_view()}
            </select>
            <label for="ask-reason">{lang.t(Msg::RequestReasonLabel)}</label>
            <textarea id="ask-reason" name="reason" rows="3" required maxlength="1000" dir="auto"
                aria-describedby="ask-error" autofocus=kept.is_back()>{kept.value("reason")}</textarea>
            <button type="submit" class="primary">{lang.t(Msg::AskButton)}</button>
        </form>
    }
}

#[component]
fn RequestCard(case_id: i64, request: CircleRequest, may_answer: bool, lang: Lang) -> impl IntoView {
    let id = request.id;
    let asked = crate::local_time::written(lang, request.requested_at);
    let open = request.status == RequestStatus::Open;
    let answered = request.answered_by.clone().map(|by| {
        let when = request
            .answered_at
            .map(|at| crate::local_time::written(lang, at))
            .unwrap_or_default();
        format!("{by} · {when}")
    });
    view! {
        <li class="card plan-item" id=format!("request-{id}")>
            <h2>{format!("{}: ", lang.t(request.kind.label()))}<span dir="auto">{request.about.clone()}</span></h2>
            <p class="milestone-meta">{format!("{asked} · {}", lang.t(request.status.label()))}</p>
            <p dir="auto">{request.reason.clone()}</p>
            {answered.map(|by| view! {
                <p><strong>{by}</strong>": " <span dir="auto">{request.answer.clone().unwrap_or_default()}</span></p>
            })}
            {(open && may_answer).then(|| view! {
                <form class="stacked-form" method="post" action=format!("/cases/{case_id}/circle-requests/{id}/answer")>
                    <label for=format!("answer-{id}")>{lang.t(Msg::RequestAnswerLabel)}</label>
                    <textarea id=format!("answer-{id}") name="answer" rows="2" maxlength="1000" dir="auto"></textarea>
                    <button type="submit" name="accept" value="1">{lang.t(Msg::AnswerYesButton)}</button>
                    <button type="submit" name="accept" value="0">{lang.t(Msg::AnswerNoButton)}</button>
                </form>
            })}
        </li>
    }
}
