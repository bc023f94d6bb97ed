use super::{load_caseload, Caseload, CaseloadCase};
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, ErrorNotice, Page};
use crate::trajectory::Milestone;
use leptos::prelude::*;

#[component]
pub fn CaseloadPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_caseload().await {
                    Ok(caseload) => view! { <CaseloadList caseload lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn CaseloadList(caseload: Caseload, lang: Lang) -> impl IntoView {
    let empty = caseload.cases.is_empty();
    view! {
        <leptos_meta::Title text=lang.t(Msg::CaseloadTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::CaseloadTitle)}</h1>
            <p>{lang.t(Msg::CaseloadIntro)}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoCasesYet)}</p> })}
            {caseload.cases.into_iter().map(|case| view! { <CaseCard case lang/> }).collect_view()}
        </Page>
    }
}

fn milestone_line(milestone: &Milestone, lang: Lang) -> String {
    match &milestone.expected_date {
        Some(date) => format!("{} — {}", date.written(lang), milestone.title),
        None => format!("{} — {}", lang.t(Msg::NoDateYet), milestone.title),
    }
}

#[component]
fn CaseCard(case: CaseloadCase, lang: Lang) -> impl IntoView {
    let id = case.case_id;
    let heading = format!("case-{id}");
    let role = case.your_role.map(|r| lang.t(r.label())).unwrap_or_default();
    let facts = format!(
        "{} · {}",
        lang.t(case.phase.label()),
        lang.fill(Msg::YourRoleIs, &[("role", role)])
    );
    let overdue = (!case.overdue.is_empty()).then(|| {
        view! {
            <div class="overdue">
                <h3>{lang.fill(Msg::OverdueTitle, &[("count", &case.overdue.len().to_string())])}</h3>
                <ul>{case.overdue.iter().map(|m| view! { <li>{milestone_line(m, lang)}</li> }).collect_view()}</ul>
            </div>
        }
    });
    let next = case
        .next_step
        .as_ref()
        .map(|m| milestone_line(m, lang))
        .unwrap_or_else(|| lang.t(Msg::NoNextStep).to_string());
    view! {
        <section class="card caseload-case" aria-labelledby=heading.clone()>
            <h2 id=heading.clone()>{case.participant_name.clone()}</h2>
            <p class="milestone-meta">{facts}</p>
            {(case.unread > 0).then(|| {
                let count = crate::messaging::unread_label(case.unread);
                view! { <p><a class="unread" href="/messages">{lang.fill(Msg::UnreadMessagesInCase, &[("count", &count)])}</a></p> }
            })}
            {overdue}
            <h3>{lang.t(Msg::WhatComesNext)}</h3>
            <p>{next}</p>
            <crate::appointments::UpcomingAppointments case_id=id upcoming=case.upcoming.clone()
                reader=crate::i18n::Reader::new(false, &case.participant_name) last_looked_at=None lang/>
            <ul class="case-links">
                <li><a href=format!("/cases/{id}/trajectory")>{lang.t(Msg::SeeTrajectory)}</a></li>
                <li><a href=format!("/cases/{id}/reunification")>{lang.t(Msg::SeeReunification)}</a></li>
                <li><a href=format!("/cases/{id}/contacts")>{lang.t(Msg::SeeContacts)}</a></li>
                <li><a href=format!("/cases/{id}/access-log")>{lang.fill(Msg::AccessLogTitleOther, &[("name", &case.participant_name)])}</a></li>
            </ul>
        </section>
    }
}
