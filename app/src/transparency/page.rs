use super::{load_access_log, AccessActor, AccessLog, AccessLogEntry, AccessSummary};
use crate::circle::MemberKind;
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::{use_lang, use_route_id, ErrorNotice, Page};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

#[component]
pub fn AccessLogPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let before = use_query_map()
        .with_untracked(|q| q.get("before"))
        .and_then(|b| b.parse::<i64>().ok());
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_access_log(case_id, before).await {
                    Ok(log) => view! { <Log log lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Log(log: AccessLog, lang: Lang) -> impl IntoView {
    let reader = Reader::new(log.reader == MemberKind::Participant, &log.participant_name);
    let title = reader.say(lang, Msg::AccessLogTitle, Msg::AccessLogTitleOther);
    let older = log
        .next_cursor
        .map(|cursor| format!("/cases/{}/access-log?before={cursor}", log.case_id));
    let first_page = use_query_map().with_untracked(|q| q.get("before").is_none());
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            <p>{reader.say(lang, Msg::AccessLogIntro, Msg::AccessLogIntroOther)}</p>
            {first_page.then(|| view! { <Summary lines=log.last_seven_days reader=reader.clone() lang/> })}
            <ol class="access-log">
                {log.entries.into_iter().map(|entry| view! { <Entry entry reader=reader.clone() lang/> }).collect_view()}
            </ol>
            {older.map(|href| view! { <p><a href=href>{lang.t(Msg::OlderEntries)}</a></p> })}
        </Page>
    }
}

/// Who did something, as a log line or a summary line names them; to the participant,
/// she herself is "you" and her mother "your mother".
fn who(actor: &AccessActor, reader: &Reader, lang: Lang) -> String {
    if reader.is_participant() && actor.actor_kind == Some(MemberKind::Participant) {
        return lang.t(Msg::YouLabel).to_string();
    }
    let role = match (actor.actor_case_role, actor.actor_relationship, actor.actor_kind) {
        (Some(role), _, _) => lang.t(role.label()).to_string(),
        (_, Some(relation), _) if reader.is_participant() => {
            lang.fill(Msg::YourRole, &[("role", lang.t(relation.label()))])
        }
        (_, Some(relation), _) => reader.relation(lang, lang.t(relation.label())),
        (_, _, Some(kind)) => lang.t(kind.label()).to_string(),
        _ => actor
            .actor_account_role
            .as_deref()
            .and_then(crate::accounts::AccountRole::parse)
            .map(|r| lang.t(r.label()).to_string())
            .unwrap_or_else(|| lang.t(Msg::SomeoneOutside).to_string()),
    };
    let mut text = match &actor.actor_name {
        Some(name) => format!("{name} ({role})"),
        None => role,
    };
    if let Some(organisation) = &actor.organisation {
        text.push_str(&format!(", {organisation}"));
    }
    text
}

fn category_name(category: &str) -> Option<Msg> {
    match category {
        "circle" => Some(Msg::CategoryCircle),
        "trajectory" => Some(Msg::CategoryTrajectory),
        "reunification" => Some(Msg::CategoryReunification),
        "appointments" => Some(Msg::CategoryAppointments),
        "plans" => Some(Msg::CategoryPlans),
        "access_log" => Some(Msg::CategoryAccessLog),
        "sharing" => Some(Msg::CategorySharing),
        "preferences" => Some(Msg::CategoryPreferences),
        "release" => Some(Msg::CategoryRelease),
        _ => None,
    }
}

fn what(entry: &AccessLogEntry, lang: Lang) -> String {
    let action = match entry.action.as_str() {
        // A read of something without a name of its own says only that someone looked;
        // one look at several parts names each of them.
        "case_read" => {
            let named: Vec<&str> = entry
                .categories
                .iter()
                .filter_map(|c| category_name(c))
                .map(|m| lang.t(m))
                .collect();
            let separator = if lang == Lang::Ar { "، " } else { ", " };
            return if named.is_empty() {
                lang.t(Msg::ActionLookedAtFile).to_string()
            } else {
                lang.fill(Msg::ActionLookedAt, &[("what", &named.join(separator))])
            };
        }
        "milestone_created" => Msg::ActionAddedStep,
        "milestone_changed" => Msg::ActionChangedStep,
        "phase_changed" => Msg::ActionChangedPhase,
        "release_changed" => Msg::ActionChangedRelease,
        "milestone_responded" => Msg::ActionRespondedStep,
        "data_exported" => Msg::ActionExported,
        "sharing_changed" | "sharing_restricted" => Msg::ActionSharingChanged,
        "membership_added" => Msg::ActionAddedMember,
        "invitation_created" => Msg::ActionInvited,
        "invitation_redeemed" => Msg::ActionJoined,
        "reset_code_created" => Msg::ActionResetCode,
        "password_reset" => Msg::ActionPasswordReset,
        "case_created" => Msg::ActionOpenedCase,
        "contact_created" | "contact_changed" => Msg::ActionChangedContacts,
        "reunification_changed" => Msg::ActionChangedReunification,
        "appointment_created" => Msg::ActionAddedAppointment,
        "appointment_changed" | "appointment_cancelled" => Msg::ActionChangedAppointment,
        "appointment_answered" => Msg::ActionAnsweredAppointment,
        "conversation_read" => Msg::ActionReadConversation,
        "message_sent" => Msg::ActionSentMessage,
        "conversation_created" => Msg::ActionStartedConversation,
        "conversation_member_added" => Msg::ActionAddedToConversation,
        "stand_in_started" => Msg::ActionStandInStarted,
        "stand_in_ended" => Msg::ActionStandInEnded,
        "account_disabled" => Msg::ActionAccountDisabled,
        "membership_ended" => Msg::ActionMembershipEnded,
        "case_handed_over" => Msg::ActionCaseHandedOver,
        "plan_created" | "plan_changed" | "plan_proposal_decided" | "plan_submitted" | "plan_party_removed" => {
            Msg::ActionChangedPlan
        }
        "plan_commented" | "plan_proposal_made" => Msg::ActionCommentedPlan,
        "plan_responded" | "plan_signed" => Msg::ActionAnsweredPlan,
        "conference_recorded" | "conference_decision_recorded" => Msg::ActionRecordedConference,
        "conference_input_given" | "conference_responded" => Msg::ActionWroteForConference,
        _ => Msg::ActionOther,
    };
    lang.t(action).to_string()
}

/// One entry as a sentence: who, and what they did.
pub(crate) fn entry_line(entry: &AccessLogEntry, reader: &Reader, lang: Lang) -> String {
    format!("{}: {}", who(&entry.actor, reader, lang), what(entry, lang))
}

#[component]
fn Entry(entry: AccessLogEntry, reader: Reader, lang: Lang) -> impl IntoView {
    let when = crate::local_time::written(lang, entry.at);
    let line = entry_line(&entry, &reader, lang);
    view! {
        <li class="access-log-entry">
            <span class="access-log-time">{when}</span>
            <span class="access-log-line">{line}</span>
        </li>
    }
}

/// The last seven days in a few lines: per person, each part of the case and how often.
#[component]
fn Summary(lines: Vec<AccessSummary>, reader: Reader, lang: Lang) -> impl IntoView {
    // Per person, each part by name with its looks; parts without a name of their own
    // count together as "the file".
    let mut people: Vec<(String, Vec<(&'static str, i64)>)> = Vec::new();
    for line in &lines {
        let person = who(&line.actor, &reader, lang);
        let part = lang.t(category_name(&line.category).unwrap_or(Msg::CategoryWholeFile));
        let index = match people.iter().position(|(name, _)| *name == person) {
            Some(index) => index,
            None => {
                people.push((person, Vec::new()));
                people.len() - 1
            }
        };
        let parts = &mut people[index].1;
        match parts.iter_mut().find(|(name, _)| *name == part) {
            Some((_, looks)) => *looks += line.looks,
            None => parts.push((part, line.looks)),
        }
    }
    let separator = if lang == Lang::Ar { "، " } else { ", " };
    view! {
        <section class="card access-summary" aria-labelledby="access-summary-title">
            <h2 id="access-summary-title">{lang.t(Msg::AccessSummaryTitle)}</h2>
            {people.is_empty().then(|| view! { <p>{lang.t(Msg::AccessSummaryNobody)}</p> })}
            <ul>
                {people.into_iter().map(|(person, parts)| {
                    let parts: Vec<String> = parts
                        .into_iter()
                        .map(|(part, looks)| {
                            lang.count(crate::i18n::PluralMsg::TimesCount, looks, &looks.to_string(), part)
                        })
                        .collect();
                    let line = format!("{person}: {}", lang.fill(Msg::ActionLookedAt, &[("what", &parts.join(separator))]));
                    view! { <li>{line}</li> }
                }).collect_view()}
            </ul>
        </section>
    }
}
