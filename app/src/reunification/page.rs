use super::forms_view::{AddChildForm, AddStepForm, ChangeStepForm};
use super::{load_reunification, Child, ReunificationView, Step, StepKind};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, Page};
use crate::trajectory::ChangeHistory;
use crate::trajectory::MilestoneStatus;
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

fn step_title(step: &Step, lang: Lang) -> String {
    match (&step.kind, &step.custom_title) {
        (StepKind::Custom, Some(title)) => title.clone(),
        (kind, _) => lang.t(kind.label()).to_string(),
    }
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
                    let title = step_title(&step, lang);
                    // News that may upset (a step put off, or not going ahead) is announced
                    // first and shown when the person chooses to open it.
                    let upsetting = matches!(step.status, MilestoneStatus::Postponed | MilestoneStatus::NotGoingAhead);
                    let details = view! {
                        <h3>{title}</h3>
                        <p class="milestone-meta">{lang.t(step.status.label())}</p>
                        {(!step.conditions.is_empty()).then(|| view! {
                            <p><strong>{lang.t(Msg::ConditionsLabel)}</strong>": " {step.conditions.clone()}</p>
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
                        </li>
                    }
                }).collect_view()}
            </ol>
            {may_edit.then(|| view! { <AddStepForm case_id child_id lang/> })}
        </section>
    }
}
