//! The worker's forms on the reunification page: add a child, add a step, change a step.
//! Plain forms that work without JavaScript.

use super::{AgeBand, Step, StepKind};
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use crate::layout::use_saved;
use crate::trajectory::MilestoneStatus;
use leptos::prelude::*;

#[component]
pub fn ChangeStepForm(case_id: i64, step: Step, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("step-{}-{name}", step.id);
    let kept = Kept::of(&id("change"));
    let date = kept.value("next_date").unwrap_or_else(|| {
        step.next_date
            .as_ref()
            .map(|d| d.as_str().to_string())
            .unwrap_or_default()
    });
    let status = kept
        .value("status")
        .and_then(|s| MilestoneStatus::parse(&s))
        .unwrap_or(step.status);
    let conditions = kept.value("conditions").unwrap_or_else(|| step.conditions.clone());
    let saved = use_saved(&id("change"));
    view! {
        {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
        <details class="worker-tools" open=kept.is_back()>
            <summary>{lang.t(Msg::ChangeStepTitle)}</summary>
            <form class="stacked-form" id=id("change") method="post" action=format!("/cases/{case_id}/reunification/steps/{}", step.id)>
                <p id=id("change-error") class="form-error" role="alert">{kept.error(lang)}</p>
                <label for=id("status")>{lang.t(Msg::StatusLabel)}</label>
                <select id=id("status") name="status">
                    {MilestoneStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=*s == status>{lang.t(s.label())}</option>
                    }).collect_view()}
                </select>
                <label for=id("date")>{lang.t(Msg::NextDateLabel)}</label>
                <input id=id("date") name="next_date" type="date" value=date aria-describedby=id("change-error")
                    aria-invalid=kept.about("next_date").then_some("true") autofocus=kept.about("next_date")/>
                <label for=id("conditions")>{lang.t(Msg::ConditionsLabel)}</label>
                <textarea id=id("conditions") name="conditions" rows="2" maxlength="1000">{conditions}</textarea>
                <label for=id("reason")>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id("reason") name="reason" rows="2" maxlength="1000"
                    aria-describedby=format!("{} {}", id("change-error"), id("reason-hint"))
                    aria-invalid=kept.about("reason").then_some("true") autofocus=kept.about("reason")>{kept.value("reason")}</textarea>
                <p id=id("reason-hint") class="hint">{lang.t(Msg::StepReasonHint)}</p>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}

#[component]
pub fn AddStepForm(case_id: i64, child_id: i64, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("child-{child_id}-new-{name}");
    let form = format!("child-{child_id}-new");
    let kept = Kept::of(&form);
    let kind = kept.value("kind").and_then(|k| StepKind::parse(&k));
    let saved = use_saved(&form);
    view! {
        {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
        <details class="worker-tools" open=kept.is_back()>
            <summary>{lang.t(Msg::AddStepTitle)}</summary>
            <form class="stacked-form" id=form.clone() method="post" action=format!("/cases/{case_id}/reunification/children/{child_id}/steps")>
                <p id=id("error") class="form-error" role="alert">{kept.error(lang)}</p>
                <label for=id("kind")>{lang.t(Msg::StepKindLabel)}</label>
                <select id=id("kind") name="kind">
                    {StepKind::ALL.iter().map(|k| view! { <option value=k.as_str() selected=Some(*k) == kind>{lang.t(k.label())}</option> }).collect_view()}
                </select>
                <label for=id("title")>{lang.t(Msg::CustomStepLabel)}</label>
                <input id=id("title") name="custom_title" type="text" maxlength="120" value=kept.value("custom_title")
                    aria-describedby=id("error") aria-invalid=kept.about("custom_title").then_some("true")
                    autofocus=kept.about("custom_title")/>
                <label for=id("conditions")>{lang.t(Msg::ConditionsLabel)}</label>
                <textarea id=id("conditions") name="conditions" rows="2" maxlength="1000">{kept.value("conditions")}</textarea>
                <label for=id("date")>{lang.t(Msg::NextDateLabel)}</label>
                <input id=id("date") name="next_date" type="date" value=kept.value("next_date")
                    aria-describedby=id("error") aria-invalid=kept.about("next_date").then_some("true")
                    autofocus=kept.about("next_date")/>
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
