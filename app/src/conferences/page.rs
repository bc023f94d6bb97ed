//! One case conference: who took part, the participant's input, and each decision with
//! what it means for you, your responses, and the forms the viewer may use.

use super::{load_conference, Conference, ConferenceView, Decision};
use crate::error::ErrorCode;
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, use_saved, ErrorNotice, Page, ReadAloud};
use leptos::prelude::*;

#[component]
pub fn ConferencePage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let conference_id = use_route_id("conference_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_conference(case_id, conference_id).await {
                    Ok(view) => view! { <Record view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Record(view: ConferenceView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let ConferenceView {
        conference,
        yours,
        may_record,
    } = view;
    let title = lang.fill(Msg::ConferenceOn, &[("date", &conference.held_on.written(lang))]);
    let base = format!("/cases/{}/conferences/{}", conference.case_id, conference.id);
    let no_decisions = conference.decisions.is_empty();
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <p><a href=format!("/cases/{}/plans", conference.case_id)>{lang.t(Msg::AllPlans)}</a></p>
            <h1 id="page-title">{title}</h1>
            <p id="conference-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            <dl class="milestone-facts">
                <dt>{lang.t(Msg::ConferenceWhoLabel)}</dt><dd>{conference.participants.clone()}</dd>
            </dl>
            <Input conference=conference.clone() base=base.clone() yours lang/>
            <h2>{lang.t(Msg::DecisionsTitle)}</h2>
            {no_decisions.then(|| view! { <p class="notice">{lang.t(Msg::NoDecisionsYet)}</p> })}
            <ol class="plan-items">
                {conference.decisions.into_iter().map(|d| view! { <DecisionCard decision=d base=base.clone() yours lang/> }).collect_view()}
            </ol>
            {may_record.then(|| view! { <RecordDecisionForm base lang/> })}
        </Page>
    }
}

/// The participant's written input: shown to everyone who reads the record; the
/// participant writes it until the day of the conference.
#[component]
fn Input(conference: Conference, base: String, yours: bool, lang: Lang) -> impl IntoView {
    let written = conference.input.map(|i| i.body);
    let form = (yours && conference.input_open).then(|| {
        let kept = Kept::of("input-form");
        let current = kept.value("body").or(written.clone()).unwrap_or_default();
        view! {
            {use_saved("input-form").then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            <form class="stacked-form" id="input-form" method="post" action=format!("{base}/input")>
                <p id="input-form-error" class="form-error" role="alert">{kept.error(lang)}</p>
                <label for="conference-input">{lang.t(Msg::YourInputLabel)}</label>
                <textarea id="conference-input" name="body" rows="5" required maxlength="4000"
                    aria-describedby="input-form-error" autofocus=kept.is_back()>{current}</textarea>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        }
    });
    view! {
        <section class="card" aria-labelledby="input-title">
            <h2 id="input-title">{lang.t(Msg::ParticipantInputTitle)}</h2>
            {match (&written, yours && conference.input_open) {
                (Some(body), false) => view! { <p class="preserve-lines">{body.clone()}</p> }.into_any(),
                (None, false) => view! { <p>{lang.t(Msg::NoInputGiven)}</p> }.into_any(),
                (_, true) => view! { <p>{lang.t(Msg::InputIntro)}</p> }.into_any(),
            }}
            {form}
        </section>
    }
}

#[component]
fn DecisionCard(decision: Decision, base: String, yours: bool, lang: Lang) -> impl IntoView {
    let id = decision.id;
    view! {
        <li class="card plan-item" id=format!("decision-{id}")>
            <div id=format!("decision-{id}-text")>
                <h3>{decision.decision.clone()}</h3>
                <p class="meaning"><strong>{lang.t(Msg::WhatThisMeansForYou)}</strong> " " {decision.meaning_for_you.clone()}</p>
            </div>
            <ReadAloud target=format!("decision-{id}-text") lang/>
            {(!decision.responses.is_empty()).then(|| view! {
                <ul class="plan-comments" aria-label=lang.t(Msg::CommentsLabel)>
                    {decision.responses.iter().map(|r| view! {
                        <li><strong>{format!("{}: ", r.by.display_name)}</strong>{r.body.clone()}</li>
                    }).collect_view()}
                </ul>
            })}
            {yours.then(|| {
                let form = format!("respond-{id}");
                let kept = Kept::of(&form);
                view! {
                    {use_saved(&form).then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
                    <form class="stacked-form" id=form.clone() method="post" action=format!("{base}/decisions/{id}/responses")>
                        <p id=format!("{form}-error") class="form-error" role="alert">{kept.error(lang)}</p>
                        <label for=format!("{form}-body")>{lang.t(Msg::YourResponseLabel)}</label>
                        <textarea id=format!("{form}-body") name="body" rows="2" required maxlength="2000"
                            aria-describedby=format!("{form}-error") autofocus=kept.is_back()>{kept.value("body")}</textarea>
                        <button type="submit">{lang.t(Msg::CommentButton)}</button>
                    </form>
                }
            })}
        </li>
    }
}

#[component]
fn RecordDecisionForm(base: String, lang: Lang) -> impl IntoView {
    let kept = Kept::of("record-decision-form");
    view! {
        <section class="card" aria-labelledby="record-decision">
            <h2 id="record-decision">{lang.t(Msg::RecordDecisionTitle)}</h2>
            {use_saved("record-decision-form").then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            <form class="stacked-form" id="record-decision-form" method="post" action=format!("{base}/decisions")>
                <p id="record-decision-error" class="form-error" role="alert">{kept.error(lang)}</p>
                <label for="decision-text">{lang.t(Msg::DecisionLabel)}</label>
                <textarea id="decision-text" name="decision" rows="2" required maxlength="2000"
                    aria-describedby="record-decision-error" autofocus=kept.is_back()>{kept.value("decision")}</textarea>
                <label for="decision-meaning">{lang.t(Msg::WhatThisMeansForYou)}</label>
                <textarea id="decision-meaning" name="meaning_for_you" rows="2" required maxlength="2000">{kept.value("meaning_for_you")}</textarea>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}
