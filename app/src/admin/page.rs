use super::{load_admin, AdminOverview, AdminSearch};
use crate::accounts::AccountRole;
use crate::circle::CaseRole;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, ErrorNotice, FormAnswer, Page};
use leptos::prelude::*;

#[component]
pub fn AdminPage() -> impl IntoView {
    let lang = use_lang();
    let search = leptos_router::hooks::use_query_map().with_untracked(|q| AdminSearch {
        people: q.get("people").unwrap_or_default(),
        cases: q.get("cases").unwrap_or_default(),
        people_after: q.get("people_after").filter(|c| !c.is_empty()),
        cases_after: q.get("cases_after").filter(|c| !c.is_empty()),
    });
    view! {
        <leptos_meta::Title text=lang.t(Msg::AdminTitle)/>
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_admin(Some(search)).await {
                    Ok(overview) => view! {
                        <Page signed_in=true>
                            <h1 id="page-title">{lang.t(Msg::AdminTitle)}</h1>
                            <FormAnswer/>
                            <p><a href="/admin/erasure-requests">{lang.t(Msg::ErasureRequestsLink)}</a></p>
                            <Admin overview lang/>
                        </Page>
                    }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

/// A query string value, percent-encoded (names may hold spaces, `&` or letters beyond
/// ASCII).
fn query_value(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// The address of the overview with this search, one list moved on to its next page.
fn admin_link(search: &AdminSearch, people_after: Option<&str>, cases_after: Option<&str>) -> String {
    let mut link = format!(
        "/admin?people={}&cases={}",
        query_value(&search.people),
        query_value(&search.cases)
    );
    for (name, cursor) in [("people_after", people_after), ("cases_after", cases_after)] {
        if let Some(cursor) = cursor {
            link.push_str(&format!("&{name}={}", query_value(cursor)));
        }
    }
    link
}

/// A search form for one list; it keeps the other list's search.
#[component]
fn SearchForm(
    field: &'static str,
    value: String,
    keep: (&'static str, String),
    label: Msg,
    lang: Lang,
) -> impl IntoView {
    let id = format!("search-{field}");
    view! {
        <form class="stacked-form search-form" method="get" action="/admin" role="search">
            <input type="hidden" name=keep.0 value=keep.1/>
            <label for=id.clone()>{lang.t(label)}</label>
            <input id=id name=field type="search" value=value maxlength="80"/>
            <button type="submit">{lang.t(Msg::SearchButton)}</button>
        </form>
    }
}

#[component]
fn Admin(overview: AdminOverview, lang: Lang) -> impl IntoView {
    let search = overview.search.clone();
    let more_people = overview
        .people_next
        .as_deref()
        .map(|next| admin_link(&search, Some(next), search.cases_after.as_deref()));
    let more_cases = overview
        .cases_next
        .as_deref()
        .map(|next| admin_link(&search, search.people_after.as_deref(), Some(next)));
    let workers: Vec<_> = overview
        .people
        .iter()
        .filter(|p| p.role == AccountRole::Worker)
        .cloned()
        .collect();
    let resettable: Vec<_> = overview
        .people
        .iter()
        .filter(|p| p.role == AccountRole::Worker && !p.disabled)
        .cloned()
        .collect();
    let organisation_options = overview
        .organisations
        .iter()
        .map(|o| view! { <option value=o.id.to_string()>{o.name.clone()}</option> })
        .collect_view();
    let case_options = overview
        .cases
        .iter()
        .map(|c| view! { <option value=c.case_id.to_string()>{c.participant_name.clone()}</option> })
        .collect_view();
    let worker_options = workers
        .iter()
        .filter(|w| !w.disabled)
        .map(|w| view! { <option value=w.id.to_string()>{format!("{} ({})", w.display_name, w.username)}</option> })
        .collect_view();
    let handover_case_options = overview
        .cases
        .iter()
        .map(|c| view! { <option value=c.case_id.to_string()>{c.participant_name.clone()}</option> })
        .collect_view();
    let worker_option = |w: &crate::admin::Person| {
        view! { <option value=w.id.to_string()>{format!("{} ({})", w.display_name, w.username)}</option> }
    };
    let leaving_options = workers.iter().map(worker_option).collect_view();
    let successor_options = workers.iter().filter(|w| !w.disabled).map(worker_option).collect_view();
    let role_options = CaseRole::ALL
        .iter()
        .map(|r| view! { <option value=r.as_str()>{lang.t(r.label())}</option> })
        .collect_view();
    let person_options = resettable
        .iter()
        .map(|p| view! { <option value=p.id.to_string()>{format!("{} ({})", p.display_name, p.username)}</option> })
        .collect_view();
    let none_yet = lang.t(Msg::NoneYet);
    view! {
        <section class="card" aria-labelledby="organisations-title">
            <h2 id="organisations-title">{lang.t(Msg::OrganisationsTitle)}</h2>
            <ul>{overview.organisations.iter().map(|o| view! { <li>{o.name.clone()}</li> }).collect_view()}</ul>
            <form class="stacked-form" method="post" action="/admin/organisations">
                <label for="organisation-name">{lang.t(Msg::NewOrganisationLabel)}</label>
                <input id="organisation-name" name="name" type="text" required maxlength="80"/>
                <button type="submit">{lang.t(Msg::AddButton)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="workers-title">
            <h2 id="workers-title">{lang.t(Msg::WorkersTitle)}</h2>
            <SearchForm field="people" value=search.people.clone() keep=("cases", search.cases.clone())
                label=Msg::SearchPeopleLabel lang/>
            <ul id="admin-workers">
                {workers.iter().map(|w| view! {
                    <li>
                        {format!("{} ({}) — {}", w.display_name, w.username, w.organisation.clone().unwrap_or_default())}
                        {match w.disabled {
                            true => view! { " · " <span class="member-role">{lang.t(Msg::AccountDisabledLabel)}</span> }.into_any(),
                            false => view! {
                                <form class="inline-form" method="post" action=format!("/admin/users/{}/disable", w.id)>
                                    <button type="submit" class="link-button">{lang.t(Msg::DisableAccountButton)}</button>
                                </form>
                            }.into_any(),
                        }}
                        {w.has_second_factor.then(|| view! {
                            <form class="inline-form" method="post" action=format!("/admin/users/{}/second-factor/reset", w.id)>
                                <button type="submit" class="link-button">{lang.t(Msg::ResetSecondFactorButton)}</button>
                            </form>
                        })}
                    </li>
                }).collect_view()}
            </ul>
            {more_people.map(|href| view! { <p><a id="more-people" href=href>{lang.t(Msg::MorePeople)}</a></p> })}
            <p class="hint">{lang.t(Msg::ResetSecondFactorIntro)}</p>
            <h3>{lang.t(Msg::InviteWorkerTitle)}</h3>
            <form class="stacked-form" method="post" action="/admin/workers">
                <label for="worker-organisation">{lang.t(Msg::OrganisationLabel)}</label>
                <select id="worker-organisation" name="organisation_id" required>{organisation_options}</select>
                <label for="worker-name">{lang.t(Msg::NameLabel)}</label>
                <input id="worker-name" name="display_name" type="text" required maxlength="80"/>
                <button type="submit">{lang.t(Msg::CreateCodeButton)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="cases-title">
            <h2 id="cases-title">{lang.t(Msg::CasesTitle)}</h2>
            <SearchForm field="cases" value=search.cases.clone() keep=("people", search.people.clone())
                label=Msg::SearchCasesLabel lang/>
            <ul id="admin-cases">
                {overview.cases.iter().map(|c| {
                    let names = if c.workers.is_empty() { none_yet.to_string() } else { c.workers.join(", ") };
                    view! { <li><strong>{c.participant_name.clone()}</strong> " — " {lang.fill(Msg::AssignedWorkers, &[("names", &names)])}</li> }
                }).collect_view()}
            </ul>
            {more_cases.map(|href| view! { <p><a id="more-cases" href=href>{lang.t(Msg::MoreCases)}</a></p> })}
            <form class="stacked-form" method="post" action="/admin/cases">
                <label for="case-name">{lang.t(Msg::NewCaseLabel)}</label>
                <input id="case-name" name="participant_name" type="text" required maxlength="80"/>
                <button type="submit">{lang.t(Msg::OpenCaseButton)}</button>
            </form>
            <h3>{lang.t(Msg::HandOverTitle)}</h3>
            <p>{lang.t(Msg::HandOverIntro)}</p>
            <form class="stacked-form" method="post" action="/admin/handovers">
                <label for="handover-case">{lang.t(Msg::CaseLabel)}</label>
                <select id="handover-case" name="case_id" required>{handover_case_options}</select>
                <label for="handover-worker">{lang.t(Msg::LeavingWorkerLabel)}</label>
                <select id="handover-worker" name="user_id" required>{leaving_options}</select>
                <label for="handover-successor">{lang.t(Msg::SuccessorLabel)}</label>
                <select id="handover-successor" name="successor_user_id">
                    <option value="">{lang.t(Msg::NoSuccessor)}</option>
                    {successor_options}
                </select>
                <button type="submit">{lang.t(Msg::HandOverButton)}</button>
            </form>
            <h3>{lang.t(Msg::AssignTitle)}</h3>
            <form class="stacked-form" method="post" action="/admin/assignments">
                <label for="assign-case">{lang.t(Msg::CaseLabel)}</label>
                <select id="assign-case" name="case_id" required>{case_options}</select>
                <label for="assign-worker">{lang.t(Msg::WorkerLabel)}</label>
                <select id="assign-worker" name="user_id" required>{worker_options}</select>
                <label for="assign-role">{lang.t(Msg::CaseRoleLabel)}</label>
                <select id="assign-role" name="case_role" required>{role_options}</select>
                <button type="submit">{lang.t(Msg::AssignButton)}</button>
            </form>
        </section>
        <section class="card" aria-labelledby="people-title">
            <h2 id="people-title">{lang.t(Msg::PeopleTitle)}</h2>
            <form class="stacked-form" method="post" action="/reset-codes">
                <label for="reset-person">{lang.t(Msg::PersonLabel)}</label>
                <select id="reset-person" name="user_id" required>{person_options}</select>
                <button type="submit">{lang.t(Msg::ResetCodeButton)}</button>
            </form>
        </section>
    }
}
