//! The plans pages: the case's plans, and one plan to read, talk about and agree on.

use super::item_view::{ItemCard, ItemContext};
use super::plan_forms::{
    AddItemForm, AskFamilyForm, ProposalList, ProposeItemForm, ScheduleConferenceForm, SignForm, StartPlanForm,
    SubmitForm,
};
use super::{load_plan, load_plans, PlanPageView, PlanSummary, PlanVersion, PlansView, VersionState, VersionSummary};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, Page};
use leptos::prelude::*;

/// "Release plan", or the worker's own title for a custom plan.
pub fn plan_title(kind: super::PlanKind, title: &str, lang: Lang) -> String {
    if title.is_empty() {
        lang.t(kind.label()).to_string()
    } else {
        title.to_string()
    }
}

fn names(people: impl Iterator<Item = String>) -> String {
    people.collect::<Vec<_>>().join(", ")
}

#[component]
pub fn PlansPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_plans(case_id).await {
                    Ok(view) => view! { <PlanList view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PlanList(view: PlansView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let case_id = view.plans.case_id;
    let empty = view.plans.plans.is_empty();
    let reader = crate::i18n::Reader::new(
        view.plans.reader == crate::circle::MemberKind::Participant,
        &view.plans.participant_name,
    );
    view! {
        <leptos_meta::Title text=lang.t(Msg::PlansTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::PlansTitle)}</h1>
            <p>{lang.t(Msg::PlansIntro)}</p>
            <p id="plans-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoPlansYet)}</p> })}
            <ul class="plans">
                {view.plans.plans.into_iter().map(|plan| view! { <PlanLine case_id plan lang/> }).collect_view()}
            </ul>
            {view.may_edit.then(|| view! { <StartPlanForm case_id lang/> })}
            <ConferenceList case_id conferences=view.conferences may_edit=view.may_edit reader lang/>
        </Page>
    }
}

#[component]
fn ConferenceList(
    case_id: i64,
    conferences: Vec<crate::conferences::Conference>,
    may_edit: bool,
    reader: crate::i18n::Reader,
    lang: Lang,
) -> impl IntoView {
    let empty = conferences.is_empty();
    view! {
        <section class="card" aria-labelledby="conferences-title">
            <h2 id="conferences-title">{lang.t(Msg::ConferencesTitle)}</h2>
            <p>{reader.say(lang, Msg::ConferencesIntro, Msg::ConferencesIntroOther)}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoConferencesYet)}</p> })}
            <ul class="conferences">
                {conferences.into_iter().map(|c| view! {
                    <li><a href=format!("/cases/{case_id}/conferences/{}", c.id)>
                        {lang.fill(Msg::ConferenceOn, &[("date", &c.held_on.written(lang))])}
                    </a></li>
                }).collect_view()}
            </ul>
            {may_edit.then(|| view! { <ScheduleConferenceForm case_id lang/> })}
        </section>
    }
}

#[component]
fn PlanLine(case_id: i64, plan: PlanSummary, lang: Lang) -> impl IntoView {
    let state = lang.fill(
        Msg::PlanVersionLine,
        &[
            ("number", &plan.latest_number.to_string()),
            ("state", lang.t(plan.state.label())),
        ],
    );
    let waiting = (!plan.waiting_for.is_empty()).then(|| {
        let who = names(plan.waiting_for.iter().map(|p| p.display_name.clone()));
        lang.fill(Msg::WaitingForSignaturesOf, &[("names", &who)])
    });
    view! {
        <li class="card plan-line">
            <h2><a href=format!("/cases/{case_id}/plans/{}", plan.id)>{plan_title(plan.kind, &plan.title, lang)}</a></h2>
            <p>{state}</p>
            {waiting.map(|text| view! { <p>{text}</p> })}
            {plan.waiting_for_you.then(|| view! { <p class="badge">{lang.t(Msg::WaitingForYouBadge)}</p> })}
        </li>
    }
}

#[component]
pub fn PlanPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let plan_id = use_route_id("plan_id");
    let version = leptos_router::hooks::use_query_map()
        .with_untracked(|q| q.get("version"))
        .and_then(|v| v.parse::<i64>().ok());
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_plan(case_id, plan_id, version).await {
                    Ok(view) => view! { <OnePlan view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// "Version 2: waiting for signatures", and whose signature it waits for or when it was agreed.
#[component]
fn StateLine(version: PlanVersion, lang: Lang) -> impl IntoView {
    let line = lang.fill(
        Msg::PlanVersionLine,
        &[
            ("number", &version.number.to_string()),
            ("state", lang.t(version.state.label())),
        ],
    );
    let unsigned: Vec<String> = version
        .parties
        .iter()
        .filter(|p| p.signed_at.is_none())
        .map(|p| p.person.display_name.clone())
        .collect();
    let detail = match (version.state, version.agreed_at) {
        (VersionState::AwaitingSignatures, _) => {
            Some(lang.fill(Msg::WaitingForSignaturesOf, &[("names", &unsigned.join(", "))]))
        }
        (VersionState::Agreed, Some(at)) => {
            Some(lang.fill(Msg::AgreedOn, &[("time", &crate::local_time::written(lang, at))]))
        }
        _ => None,
    };
    view! {
        <div class="plan-state" id="plan-state">
            <p><strong>{line}</strong></p>
            {detail.map(|d| view! { <p>{d}</p> })}
        </div>
    }
}

#[component]
fn OnePlan(view: PlanPageView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let PlanPageView {
        shown,
        versions,
        changes,
        owners,
        may_ask,
        viewer_id,
    } = view;
    let title = plan_title(shown.kind, &shown.title, lang);
    let base = format!("/cases/{}/plans/{}", shown.case_id, shown.plan_id);
    let is_latest = shown.number == shown.latest_number;
    let context = ItemContext {
        base: base.clone(),
        number: shown.number,
        open: is_latest,
        answering: shown.waiting_for_you,
        may_edit: shown.you_may_edit && is_latest,
        owners: owners.clone(),
        viewer_id,
    };
    let draft = shown.state == VersionState::Draft && is_latest;
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <p><a href=format!("/cases/{}/plans", shown.case_id)>{lang.t(Msg::AllPlans)}</a></p>
            <h1 id="page-title">{title}</h1>
            <StateLine version=shown.clone() lang/>
            <p id="plan-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {shown.waiting_for_you.then(|| view! { <p class="notice" id="waits-for-you">{lang.t(Msg::PlanWaitsForYou)}</p> })}
            {(!is_latest).then(|| view! {
                <p class="notice">{lang.t(Msg::OlderVersionNotice)} " " <a href=base.clone()>{lang.t(Msg::SeeNewestVersion)}</a></p>
            })}
            {changes.filter(|c| !c.differences.is_empty()).map(|c| view! { <Changes changes=c lang/> })}
            <ol class="plan-items">
                {shown.items.iter().cloned().map(|item| view! { <ItemCard item context=context.clone() lang/> }).collect_view()}
            </ol>
            {shown.waiting_for_you.then(|| view! { <SignForm base=base.clone() number=shown.number lang/> })}
            <ProposalList proposals=shown.proposals.clone() base=base.clone() may_decide=context.may_edit lang/>
            {is_latest.then(|| view! { <ProposeItemForm base=base.clone() lang/> })}
            {context.may_edit.then(|| view! { <AddItemForm base=base.clone() owners lang/> })}
            {(draft && shown.you_may_edit).then(|| view! { <SubmitForm base=base.clone() number=shown.number lang/> })}
            {(!may_ask.is_empty()).then(|| view! { <AskFamilyForm base=base.clone() people=may_ask lang/> })}
            <History base versions lang/>
        </Page>
    }
}

#[component]
fn Changes(changes: super::Comparison, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="changes-title">
            <h2 id="changes-title">{lang.fill(Msg::ChangesSincePrevious, &[("number", &changes.from.to_string())])}</h2>
            <ul>
                {changes.differences.into_iter().map(|d| {
                    let fields = d.after.or(d.before).map(|f| f.what).unwrap_or_default();
                    view! { <li>{format!("{}: {}", lang.t(d.difference.label()), fields)}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}

#[component]
fn History(base: String, versions: Vec<VersionSummary>, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="history-title">
            <h2 id="history-title">{lang.t(Msg::PlanHistoryTitle)}</h2>
            <ul class="plan-history">
                {versions.into_iter().rev().map(|v| {
                    let line = lang.fill(Msg::PlanVersionLine, &[("number", &v.number.to_string()), ("state", lang.t(v.state.label()))]);
                    let signed = names(v.parties.iter().filter_map(|p| p.signed_at.map(|at| format!("{} ({})", p.person.display_name, crate::local_time::written(lang, at)))));
                    view! {
                        <li>
                            <a href=format!("{base}?version={}", v.number)>{line}</a>
                            {(!signed.is_empty()).then(|| view! { <span>{format!(" — {}", lang.fill(Msg::SignedBy, &[("names", &signed)]))}</span> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}
