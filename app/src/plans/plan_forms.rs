//! The forms on a plan as a whole: start a plan, add or propose an item, decide on
//! proposals, put a draft up for agreement, ask family to agree, sign. All work without
//! JavaScript: they post and come back to the page.

use super::{Person, PlanKind, Proposal, ProposalStatus};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

#[component]
pub fn StartPlanForm(case_id: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="start-plan">
            <h2 id="start-plan">{lang.t(Msg::StartPlanTitle)}</h2>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/plans/new")>
                <label for="plan-kind">{lang.t(Msg::PlanKindLabel)}</label>
                <select id="plan-kind" name="kind">
                    {PlanKind::ALL.iter().map(|k| view! { <option value=k.as_str()>{lang.t(k.label())}</option> }).collect_view()}
                </select>
                <label for="plan-title">{lang.t(Msg::PlanTitleLabel)}</label>
                <input id="plan-title" name="title" type="text" maxlength="120"/>
                <button type="submit" class="primary">{lang.t(Msg::StartPlanButton)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ScheduleConferenceForm(case_id: i64, lang: Lang) -> impl IntoView {
    view! {
        <form class="stacked-form" method="post" action=format!("/cases/{case_id}/conferences/new")>
            <h3>{lang.t(Msg::ScheduleConferenceTitle)}</h3>
            <label for="conference-date">{lang.t(Msg::ConferenceDateLabel)}</label>
            <input id="conference-date" name="held_on" type="date" required/>
            <label for="conference-who">{lang.t(Msg::ConferenceWhoLabel)}</label>
            <textarea id="conference-who" name="participants" rows="2" required maxlength="1000"></textarea>
            <button type="submit">{lang.t(Msg::SaveButton)}</button>
        </form>
    }
}

/// What, who, by when and why: the fields of a new item.
#[component]
fn NewItemFields(prefix: &'static str, owners: Option<Vec<Person>>, lang: Lang) -> impl IntoView {
    let id = move |name: &str| format!("{prefix}-{name}");
    view! {
        <label for=id("what")>{lang.t(Msg::ItemWhatLabel)}</label>
        <textarea id=id("what") name="what" rows="2" required maxlength="500"></textarea>
        {owners.map(|owners| view! {
            <label for=id("owner")>{lang.t(Msg::ItemWhoLabel)}</label>
            <select id=id("owner") name="owner_user_id">
                <option value="">{lang.t(Msg::NobodyNamedYet)}</option>
                {owners.into_iter().map(|p| view! { <option value=p.user_id.to_string()>{p.display_name}</option> }).collect_view()}
            </select>
        })}
        <label for=id("due")>{lang.t(Msg::ItemWhenLabel)}</label>
        <input id=id("due") name="due_on" type="date"/>
        <label for=id("why")>{lang.t(Msg::ItemWhyLabel)}</label>
        <textarea id=id("why") name="why" rows="2" required maxlength="1000"></textarea>
    }
}

#[component]
pub fn AddItemForm(base: String, owners: Vec<Person>, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="add-item">
            <h2 id="add-item">{lang.t(Msg::AddItemTitle)}</h2>
            <form class="stacked-form" method="post" action=format!("{base}/items/new")>
                <NewItemFields prefix="new-item" owners=Some(owners) lang/>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn ProposeItemForm(base: String, lang: Lang) -> impl IntoView {
    view! {
        <details class="card item-tools">
            <summary>{lang.t(Msg::ProposeItemSummary)}</summary>
            <form class="stacked-form" method="post" action=format!("{base}/proposals")>
                <input type="hidden" name="kind" value="add"/>
                <NewItemFields prefix="propose-item" owners=None lang/>
                <label for="propose-item-reason">{lang.t(Msg::ProposalReasonLabel)}</label>
                <textarea id="propose-item-reason" name="reason" rows="2" required maxlength="1000"></textarea>
                <button type="submit">{lang.t(Msg::ProposeButton)}</button>
            </form>
        </details>
    }
}

#[component]
pub fn ProposalList(proposals: Vec<Proposal>, base: String, may_decide: bool, lang: Lang) -> impl IntoView {
    (!proposals.is_empty()).then(|| {
        view! {
            <section class="card" aria-labelledby="proposals-title">
                <h2 id="proposals-title">{lang.t(Msg::ProposalsTitle)}</h2>
                <ul class="proposals">
                    {proposals.into_iter().map(|p| view! { <ProposalLine proposal=p base=base.clone() may_decide lang/> }).collect_view()}
                </ul>
            </section>
        }
    })
}

#[component]
fn ProposalLine(proposal: Proposal, base: String, may_decide: bool, lang: Lang) -> impl IntoView {
    let id = proposal.id;
    let what = match (&proposal.due_on, proposal.what.is_empty()) {
        (Some(date), _) => date.written(lang),
        (None, false) => proposal.what.clone(),
        (None, true) => String::new(),
    };
    let headline = lang.fill(
        Msg::ProposalBy,
        &[
            ("name", &proposal.by.display_name),
            ("kind", lang.t(proposal.kind.label())),
        ],
    );
    let open = proposal.status == ProposalStatus::Open;
    view! {
        <li class="proposal" id=format!("proposal-{id}")>
            <p><strong>{headline}</strong>{(!what.is_empty()).then(|| format!(": {what}"))}</p>
            <p>{lang.fill(Msg::ProposalBecause, &[("reason", &proposal.reason)])}</p>
            <p class="proposal-status">{lang.t(proposal.status.label())}</p>
            {proposal.decline_reason.clone().map(|reason| view! {
                <p>{lang.fill(Msg::DeclinedBecause, &[("reason", &reason)])}</p>
            })}
            {(open && may_decide).then(|| view! {
                <form method="post" action=format!("{base}/proposals/{id}/accept")>
                    <button type="submit">{lang.t(Msg::AcceptProposalButton)}</button>
                </form>
                <form class="stacked-form" method="post" action=format!("{base}/proposals/{id}/decline")>
                    <label for=format!("decline-{id}")>{lang.t(Msg::DeclineReasonLabel)}</label>
                    <textarea id=format!("decline-{id}") name="reason" rows="2" required maxlength="1000"></textarea>
                    <button type="submit">{lang.t(Msg::DeclineProposalButton)}</button>
                </form>
            })}
        </li>
    }
}

#[component]
pub fn SubmitForm(base: String, number: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="submit-plan">
            <h2 id="submit-plan">{lang.t(Msg::SubmitPlanTitle)}</h2>
            <p>{lang.t(Msg::SubmitPlanIntro)}</p>
            <form method="post" action=format!("{base}/submit")>
                <input type="hidden" name="number" value=number.to_string()/>
                <button type="submit" class="primary">{lang.t(Msg::SubmitPlanButton)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn SignForm(base: String, number: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="sign-plan">
            <h2 id="sign-plan">{lang.t(Msg::SignPlanTitle)}</h2>
            <p>{lang.t(Msg::SignPlanIntro)}</p>
            <form method="post" action=format!("{base}/versions/{number}/sign")>
                <button type="submit" class="primary">{lang.t(Msg::SignPlanButton)}</button>
            </form>
        </section>
    }
}

#[component]
pub fn AskFamilyForm(base: String, people: Vec<Person>, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="ask-family">
            <h2 id="ask-family">{lang.t(Msg::AskFamilyTitle)}</h2>
            <form class="stacked-form" method="post" action=format!("{base}/parties")>
                <label for="ask-family-who">{lang.t(Msg::AskFamilyLabel)}</label>
                <select id="ask-family-who" name="user_id">
                    {people.into_iter().map(|p| view! { <option value=p.user_id.to_string()>{p.display_name}</option> }).collect_view()}
                </select>
                <button type="submit">{lang.t(Msg::AskFamilyButton)}</button>
            </form>
        </section>
    }
}
