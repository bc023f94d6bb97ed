use super::forms_view::{AddChildForm, AddStepForm, ChangeStepForm};
use super::{load_reunification, Child, ReunificationView, Step, StepKind};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, Page};
use crate::trajectory::ChangeHistory;
use crate::trajectory::MilestoneStatus;
use crate::translations::{ItemKind, OriginalTexts, Shown, TranslateForms};
use leptos::prelude::*;

#[component]
pub fn ReunificationPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_reunification(case_id).await {
                    Ok(data) => view! { <Children data error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Children(data: ReunificationView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let ReunificationView {
        reunification: data,
        may_edit,
    } = data;
    let case_id = data.case_id;
    let empty = data.children.is_empty();
    view! {
        <leptos_meta::Title text=lang.t(Msg::ReunificationTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::ReunificationTitle)}</h1>
            <p>{crate::i18n::Reader::new(data.reader == crate::circle::MemberKind::Participant, &data.participant_name)
                .say(lang, Msg::ReunificationIntro, Msg::ReunificationIntroOther)}</p>
            <p id="reunification-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoChildrenYet)}</p> })}
            {data.children.into_iter().map(|child| view! { <ChildSteps case_id child may_edit lang/> }).collect_view()}
            {may_edit.then(|| view! { <AddChildForm case_id lang/> })}
        </Page>
    }
}

/// The step's name and conditions as `shown` gives them, each with its language (a
/// step of a known kind is named in the page's).
fn step_texts(step: &Step, shown: &Shown, lang: Lang) -> ((String, &'static str), (String, &'static str)) {
    let title = match (&step.kind, &step.custom_title) {
        (StepKind::Custom, Some(title)) => shown.text("custom_title", title),
        (kind, _) => (lang.t(kind.label()).to_string(), lang.code()),
    };
    (title, shown.text("conditions", &step.conditions))
}

#[component]
fn ChildSteps(case_id: i64, child: Child, may_edit: bool, lang: Lang) -> impl IntoView {
    let heading = format!("child-{}", child.id);
    let child_id = child.id;
    let next = child.steps.iter().find(|s| s.status.is_open()).map(|s| s.id);
    view! {
        <section class="card child" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{format!("{} · {}", child.alias, lang.t(child.age_band.label()))}</h2>
            <ol class="reunification-steps">
                {child.steps.into_iter().map(|step| {
                    let is_next = Some(step.id) == next;
                    let shown = Shown::pick(&step.translations, step.lang, lang);
                    let ((title, title_lang), (conditions, conditions_lang)) = step_texts(&step, &shown, lang);
                    let translated = shown.is_translated();
                    let as_written = Shown::pick(&[], step.lang, step.lang);
                    let ((original_title, _), (original_conditions, _)) = step_texts(&step, &as_written, lang);
                    let custom = step.kind == StepKind::Custom;
                    let present: Vec<&'static str> = [("custom_title", custom), ("conditions", !step.conditions.is_empty())]
                        .into_iter()
                        .filter_map(|(field, has)| has.then_some(field))
                        .collect();
                    // News that may upset (a step put off, or not going ahead) is announced
                    // first and shown when the person chooses to open it.
                    let upsetting = matches!(step.status, MilestoneStatus::Postponed | MilestoneStatus::NotGoingAhead);
                    let details = view! {
                        <h3 lang=title_lang dir="auto">{title}</h3>
                        <p class="milestone-meta">{lang.t(step.status.label())}</p>
                        {(!conditions.is_empty()).then(|| view! {
                            <p><strong>{lang.t(Msg::ConditionsLabel)}</strong>": " <span lang=conditions_lang dir="auto">{conditions}</span></p>
                        })}
                        {translated.then(|| view! {
                            <OriginalTexts original=step.lang lang>
                                {custom.then(|| view! { <p><strong>{original_title.clone()}</strong></p> })}
                                <p>{original_conditions.clone()}</p>
                            </OriginalTexts>
                        })}
                        {step.next_date.as_ref().map(|d| view! {
                            <p><strong>{lang.t(Msg::NextDateLabel)}</strong>": " {d.written(lang)}</p>
                        })}
                        {step.contact.clone().map(|c| view! {
                            <p><strong>{lang.t(Msg::ContactLabel)}</strong>": " {c}</p>
                        })}
                    };
                    let shown = if upsetting {
                        view! {
                            <details class="gentle-news">
                                <summary>{lang.t(Msg::StepChangedAnnounce)}</summary>
                                {details}
                            </details>
                        }.into_any()
                    } else {
                        details.into_any()
                    };
                    view! {
                        <li class="reunification-step" id=format!("step-{}", step.id) class:step-next=is_next class:step-done=!step.status.is_open()>
                            {is_next.then(|| view! { <p class="step-next-label">{lang.t(Msg::WhatComesNext)}</p> })}
                            {shown}
                            <ChangeHistory history=step.history.clone() lang/>
                            {may_edit.then(|| view! { <ChangeStepForm case_id step=step.clone() lang/> })}
                            {(may_edit && !present.is_empty()).then(|| view! {
                                <TranslateForms case_id kind=ItemKind::ReunificationStep item_id=step.id original=step.lang
                                    present=present.clone() translations=step.translations.clone() lang/>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ol>
            {may_edit.then(|| view! { <AddStepForm case_id child_id lang/> })}
        </section>
    }
}
