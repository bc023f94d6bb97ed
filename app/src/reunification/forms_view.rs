//! The worker's forms on the reunification page: add a child, add a step, change a step.
//! Plain forms that work without JavaScript.

use super::{AgeBand, Step, StepKind};
use crate::i18n::{Lang, Msg};
use crate::trajectory::MilestoneStatus;
use leptos::prelude::*;

#[component]
pub fn ChangeStepForm(case_id: i64, step: Step, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("step-{}-{name}", step.id);
    let date = step
        .next_date
        .as_ref()
        .map(|d| d.as_str().to_string())
        .unwrap_or_default();
    view! {
        <details class="worker-tools">
            <summary>{lang.t(Msg::ChangeStepTitle)}</summary>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/reunification/steps/{}", step.id)>
                <label for=id("status")>{lang.t(Msg::StatusLabel)}</label>
                <select id=id("status") name="status">
                    {MilestoneStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=*s == step.status>{lang.t(s.label())}</option>
                    }).collect_view()}
                </select>
                <label for=id("date")>{lang.t(Msg::NextDateLabel)}</label>
                <input id=id("date") name="next_date" type="date" value=date aria-describedby="reunification-error"/>
                <label for=id("conditions")>{lang.t(Msg::ConditionsLabel)}</label>
                <textarea id=id("conditions") name="conditions" rows="2" maxlength="1000">{step.conditions.clone()}</textarea>
                <label for=id("reason")>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id("reason") name="reason" rows="2" maxlength="1000" aria-describedby=id("reason-hint")></textarea>
                <p id=id("reason-hint") class="hint">{lang.t(Msg::StepReasonHint)}</p>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}

#[component]
pub fn AddStepForm(case_id: i64, child_id: i64, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("child-{child_id}-new-{name}");
    view! {
        <details class="worker-tools">
            <summary>{lang.t(Msg::AddStepTitle)}</summary>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/reunification/children/{child_id}/steps")>
                <label for=id("kind")>{lang.t(Msg::StepKindLabel)}</label>
                <select id=id("kind") name="kind">
                    {StepKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{lang.t(k.label())}</option> }).collect_view()}
                </select>
                <label for=id("title")>{lang.t(Msg::CustomStepLabel)}</label>
                <input id=id("title") name="custom_title" type="text" maxlength="120" aria-describedby="reunification-error"/>
                <label for=id("conditions")>{lang.t(Msg::ConditionsLabel)}</label>
                <textarea id=id("conditions") name="conditions" rows="2" maxlength="1000"></textarea>
                <label for=id("date")>{lang.t(Msg::NextDateLabel)}</label>
                <input id=id("date") name="next_date" type="date"/>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}

#[component]
pub fn AddChildForm(case_id: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="add-child">
            <h2 id="add-child">{lang.t(Msg::AddChildTitle)}</h2>
            <p>{lang.t(Msg::AddChildIntro)}</p>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/reunification/children")>
                <label for="new-child-alias">{lang.t(Msg::AliasLabel)}</label>
                <input id="new-child-alias" name="alias" type="text" required maxlength="40" aria-describedby="reunification-error"/>
                <label for="new-child-age">{lang.t(Msg::AgeBandLabel)}</label>
                <select id="new-child-age" name="age_band">
                    {AgeBand::ALL.iter().map(|a| view! { <option value=a.as_str()>{lang.t(a.label())}</option> }).collect_view()}
                </select>
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}
