//! Under each milestone: what the participant asked or said and the workers' answers, and
//! the form to add one.

use super::{MilestoneResponse, ResponseKind};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn Responses(milestone_id: i64, responses: Vec<MilestoneResponse>, lang: Lang) -> impl IntoView {
    (!responses.is_empty()).then(|| {
        view! {
            <ul class="responses" id=format!("responses-{milestone_id}")>
                {responses.into_iter().map(|r| {
                    let when = crate::local_time::written(lang, r.created_at);
                    view! {
                        <li class="response" class:response-answer=r.kind == ResponseKind::Answer>
                            <p class="milestone-meta">{format!("{} · {} · {}", r.author, lang.t(r.kind.label()), when)}</p>
                            <p>{r.body}</p>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    })
}

/// The participant asks, disagrees or asks to talk; a worker answers.
#[component]
pub fn RespondForm(case_id: i64, milestone_id: i64, as_worker: bool, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("{name}-{milestone_id}");
    let kinds = if as_worker {
        vec![]
    } else {
        vec![ResponseKind::Question, ResponseKind::Disagree, ResponseKind::Talk]
    };
    let summary = if as_worker { Msg::AnswerTitle } else { Msg::RespondTitle };
    let echo = crate::form_echo::use_form_echo(&id("respond"));
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("kind"))
        .and_then(ResponseKind::parse);
    let body = echo
        .as_ref()
        .and_then(|e| e.value("body"))
        .unwrap_or_default()
        .to_string();
    let about_body = echo.as_ref().is_some_and(|e| e.is_about("body"));
    let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
    view! {
        <details class="worker-tools" open=echo.is_some()>
            <summary>{lang.t(summary)}</summary>
            <form class="stacked-form" id=id("respond") method="post"
                action=format!("/cases/{case_id}/milestones/{milestone_id}/responses")>
                {if as_worker {
                    view! { <input type="hidden" name="kind" value="answer"/> }.into_any()
                } else {
                    view! {
                        <fieldset>
                            <legend>{lang.t(Msg::RespondKindLegend)}</legend>
                            {kinds.into_iter().enumerate().map(|(i, kind)| {
                                let option = id(&format!("respond-{}", kind.as_str()));
                                view! {
                                    <label class="choice" for=option.clone()>
                                        <input type="radio" id=option.clone() name="kind" value=kind.as_str()
                                            checked=chosen.map_or(i == 0, |c| c == kind)/>
                                        <span>{lang.t(kind.label())}</span>
                                    </label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }.into_any()
                }}
                <label for=id("respond-body")>{lang.t(Msg::RespondBodyLabel)}</label>
                <textarea id=id("respond-body") name="body" rows="3" required maxlength="2000"
                    aria-describedby=id("respond-error") aria-invalid=about_body.then_some("true") autofocus=about_body>{body}</textarea>
                <p id=id("respond-error") class="form-error" role="alert">{error}</p>
                <button type="submit">{lang.t(Msg::SendButton)}</button>
            </form>
        </details>
    }
}
