use super::worker_tools::{EndMembershipButton, InviteForm, ResetCodeButton};
use super::{load_home, CaseCircle, CircleMember, HomeView, MemberKind};
use crate::accounts::{AccountRole, PasswordResetNotice};
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::{use_lang, ErrorNotice, FormAnswer, Page};
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let lang = use_lang();
    let after = leptos_router::hooks::use_query_map().with_untracked(|q| q.get("after").and_then(|a| a.parse().ok()));
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_home(after).await {
                    Ok(home) => view! { <Home home lang/> }.into_any(),
                    Err(error) => view! { <Page><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Home(home: HomeView, lang: Lang) -> impl IntoView {
    let greeting = lang.fill(Msg::HomeGreeting, &[("name", &home.me.display_name)]);
    let role = lang.t(home.me.role.label());
    let is_coordinator = home.me.role == AccountRole::Coordinator;
    let no_cases = home.cases.is_empty() && !is_coordinator;
    let me_id = home.me.id;
    view! {
        <leptos_meta::Title text=greeting.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{greeting}</h1>
            <PasswordResetNotice/>
            <FormAnswer/>
            <p>{lang.fill(Msg::YouAreSignedInAs, &[("role", role)])}</p>
            {is_coordinator.then(|| view! {
                <p>{lang.t(Msg::CoordinatorHomeIntro)}</p>
                <p><a href="/admin">{lang.t(Msg::AdminTitle)}</a></p>
            })}
            {(home.me.role == AccountRole::Worker).then(|| view! {
                <p><a href="/caseload">{lang.t(Msg::CaseloadTitle)}</a></p>
            })}
            {no_cases.then(|| view! { <p class="notice">{lang.t(Msg::NoCasesYet)}</p> })}
            {home.cases.into_iter().map(|case| view! { <Circle case me_id lang/> }).collect_view()}
            {home.next_cursor.map(|after| view! {
                <p><a id="more-cases" href=format!("/?after={after}")>{lang.t(Msg::MoreCases)}</a></p>
            })}
        </Page>
    }
}

#[component]
fn Circle(case: CaseCircle, me_id: i64, lang: Lang) -> impl IntoView {
    let title = if case.your_kind == MemberKind::Participant {
        lang.t(Msg::YourCircles).to_string()
    } else {
        lang.fill(Msg::CircleOf, &[("name", &case.participant_name)])
    };
    let participant_name = case.participant_name.clone();
    let i_am_worker = case.your_kind == MemberKind::Worker;
    let case_id = case.case_id;
    let next_step = case.trajectory_visible.then(|| case.next_step.clone());
    let upcoming = case.upcoming.clone();
    let plans_waiting = case.plans_waiting.clone();
    let last_looked_at = case.last_looked_at;
    let to_participant = case.your_kind == MemberKind::Participant;
    let reader = Reader::new(to_participant, &case.participant_name);
    let (access_log, sharing) = (
        reader.say(lang, Msg::AccessLogTitle, Msg::AccessLogTitleOther),
        reader.say(lang, Msg::SharingTitle, Msg::SharingTitleOther),
    );
    view! {
        <section class="circle card" aria-labelledby=format!("circle-{}", case.case_id)>
            <h2 id=format!("circle-{}", case.case_id)>{title}</h2>
            {next_step.map(|step| view! { <crate::trajectory::NextStep case_id step reader=reader.clone() last_looked_at lang/> })}
            {plans_waiting.map(|plans| view! { <PlansWaiting case_id plans lang/> })}
            {upcoming.map(|upcoming| view! { <crate::appointments::UpcomingAppointments case_id upcoming reader=reader.clone() last_looked_at lang/> })}
            {match case.members {
                Some(members) => view! {
                    <p>{lang.t(Msg::CircleIntro)}</p>
                    <ul class="circle-members">
                        {members.into_iter().map(|member| view! {
                            <Member case_id member me_id participant_name=participant_name.clone() i_am_worker to_participant lang/>
                        }).collect_view()}
                    </ul>
                    <p><a href=format!("/cases/{case_id}/contacts")>{lang.t(Msg::SeeContacts)}</a></p>
                }.into_any(),
                None => view! {
                    <p class="notice">{lang.fill(Msg::CircleNotShared, &[("name", &case.participant_name)])}</p>
                }.into_any(),
            }}
            {case.reunification_visible.then(|| view! {
                <p><a href=format!("/cases/{case_id}/reunification")>{lang.t(Msg::SeeReunification)}</a></p>
            })}
            {(case.your_kind != MemberKind::Family).then(|| view! {
                <p><a href=format!("/cases/{case_id}/access-log")>{access_log}</a></p>
                <p><a href=format!("/cases/{case_id}/sharing")>{sharing}</a></p>
            })}
            {i_am_worker.then(|| view! { <InviteForm case_id lang/> })}
        </section>
    }
}

/// Plans that wait for the viewer's signature, first thing on the home page, and the
/// way to every plan of the case.
#[component]
fn PlansWaiting(case_id: i64, plans: Vec<crate::plans::PlanSummary>, lang: Lang) -> impl IntoView {
    view! {
        <div class="plans-waiting">
            {(!plans.is_empty()).then(|| view! {
                <h3>{lang.t(Msg::PlansWaitingTitle)}</h3>
                <ul>
                    {plans.into_iter().map(|plan| view! {
                        <li><a href=format!("/cases/{case_id}/plans/{}", plan.id)>
                            {crate::plans::plan_title(plan.kind, &plan.title, lang)}
                        </a></li>
                    }).collect_view()}
                </ul>
            })}
            <p><a href=format!("/cases/{case_id}/plans")>{lang.t(Msg::SeePlans)}</a></p>
        </div>
    }
}

#[component]
fn Member(
    case_id: i64,
    member: CircleMember,
    me_id: i64,
    participant_name: String,
    i_am_worker: bool,
    to_participant: bool,
    lang: Lang,
) -> impl IntoView {
    let role = member.role_in_words(lang, &participant_name, to_participant);
    let is_you = member.user_id == me_id;
    // A family member leaves; the participant and the workers may take one out. Workers
    // leave a case through the coordinator, who names who takes over.
    let may_end = member.kind == MemberKind::Family && (is_you || i_am_worker || to_participant);
    view! {
        <li class="circle-member">
            <span class="member-name">{member.display_name.clone()}</span>
            {is_you.then(|| view! { " " <span class="member-you">{lang.t(Msg::YouInCircle)}</span> })}
            <span class="member-role">{role}</span>
            {member.organisation.clone().map(|org| view! { <span class="member-organisation">{org}</span> })}
            {i_am_worker.then(|| view! { <ResetCodeButton member=member.clone() lang/> })}
            {may_end.then(|| view! { <EndMembershipButton case_id member=member.clone() is_you lang/> })}
        </li>
    }
}
