//! The release page: the date she is expected home, the buddy's first meeting, the plan
//! for the first week, and the checklist with an owner, a status and a conversation per
//! item. Plain forms that work without JavaScript.

use super::{load_release, ItemStatus, ReleaseItem, ReleaseView};
use crate::appointments::AppointmentMode;
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::{use_lang, use_route_id, use_saved, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn ReleasePage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_release(case_id).await {
                    Ok(view) => view! { <Release view lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Release(view: ReleaseView, lang: Lang) -> impl IntoView {
    let reader = Reader::new(view.is_participant, &view.participant_name);
    let title = reader.say(lang, Msg::ReleaseTitle, Msg::ReleaseTitleOther);
    let case_id = view.case_id;
    let checklist = view.checklist.clone();
    let kept = Kept::of("release-date");
    let error = kept.error(lang);
    let date_line = match &checklist.release_on {
        Some(date) => lang.fill(
            Msg::ReleaseOnKnown,
            &[("date", &crate::local_time::written_date(lang, date))],
        ),
        None => lang.t(Msg::ReleaseOnUnknown).to_string(),
    };
    let items = checklist.items.clone();
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            <p>{lang.t(Msg::ReleaseIntro)}</p>
            {use_saved("release").then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            <section class="card" id="release-date" aria-labelledby="release-date-title">
                <h2 id="release-date-title">{lang.t(Msg::ReleaseOnLabel)}</h2>
                <p>{date_line}</p>
                <p id="release-date-error" class="form-error" role="alert">{error}</p>
                {view.is_worker.then(|| view! {
                    <form class="stacked-form" method="post" action=format!("/cases/{case_id}/release")>
                        <label for="release-on">{lang.t(Msg::ReleaseOnLabel)}</label>
                        <input id="release-on" name="release_on" type="date"
                            value=kept.value("release_on").or(checklist.release_on.clone())
                            aria-describedby="release-date-error" autofocus=kept.is_back()/>
                        <button type="submit">{lang.t(Msg::SaveButton)}</button>
                    </form>
                })}
            </section>
            <BuddyMeetingCard view=view.clone() lang/>
            <FirstWeekCard view=view.clone() lang/>
            <h2 id="release-checklist">{lang.t(Msg::ReleaseChecklistTitle)}</h2>
            <ol class="plan-items" aria-labelledby="release-checklist">
                {items.into_iter().map(|item| view! { <ItemCard view=view.clone() item lang/> }).collect_view()}
            </ol>
        </Page>
    }
}

#[component]
fn BuddyMeetingCard(view: ReleaseView, lang: Lang) -> impl IntoView {
    let case_id = view.case_id;
    let meeting = view.checklist.buddy_meeting.clone();
    let planned = meeting.as_ref().filter(|m| !m.cancelled).map(|m| {
        let when = crate::local_time::written_date(lang, &m.starts_at);
        lang.fill(Msg::BuddyMeetingPlanned, &[("when", &when)])
    });
    let called_off = meeting.as_ref().is_some_and(|m| m.cancelled);
    let may_plan = view.is_worker && view.buddy.is_some() && planned.is_none();
    let no_buddy = view.is_worker && view.buddy.is_none();
    let kept = Kept::of("buddy-meeting");
    let error = kept.error(lang);
    let mode = kept.value("mode").and_then(|m| AppointmentMode::parse(&m));
    view! {
        <section class="card" id="buddy-meeting" aria-labelledby="buddy-meeting-title">
            <h2 id="buddy-meeting-title">{lang.t(Msg::BuddyMeetingTitle)}</h2>
            {planned.map(|line| view! {
                <p>{line}" "<a href=format!("/cases/{case_id}/appointments")>{lang.t(Msg::SeeAppointments)}</a></p>
            })}
            {called_off.then(|| view! { <p class="notice">{lang.t(Msg::BuddyMeetingCalledOff)}</p> })}
            {no_buddy.then(|| view! { <p>{lang.t(Msg::NoBuddyYet)}</p> })}
            <p id="buddy-meeting-error" class="form-error" role="alert">{error}</p>
            {may_plan.then(|| view! {
                <form class="stacked-form" method="post" action=format!("/cases/{case_id}/release/buddy-meeting")>
                    <label for="buddy-starts-at">{lang.t(Msg::WhenLabel)}</label>
                    <input id="buddy-starts-at" name="starts_at" type="datetime-local" required value=kept.value("starts_at")
                        aria-describedby="buddy-meeting-error" autofocus=kept.is_back()/>
                    <label for="buddy-duration">{lang.t(Msg::DurationLabel)}</label>
                    <input id="buddy-duration" name="duration_minutes" type="number" min="5" max="600" required
                        value=kept.value("duration_minutes").unwrap_or_else(|| "60".into())/>
                    <label for="buddy-mode">{lang.t(Msg::HowLabel)}</label>
                    <select id="buddy-mode" name="mode">
                        {AppointmentMode::ALL.iter().map(|m| view! {
                            <option value=m.as_str() selected=mode == Some(*m)>{lang.t(m.label())}</option>
                        }).collect_view()}
                    </select>
                    <label for="buddy-place">{lang.t(Msg::WhereLabel)}</label>
                    <input id="buddy-place" name="place" type="text" required maxlength="500" value=kept.value("place")/>
                    <label class="choice" for="buddy-despite">
                        <input type="checkbox" id="buddy-despite" name="despite_preferences"/>
                        <span>{lang.t(Msg::PlanDespitePreferences)}</span>
                    </label>
                    <button type="submit" class="primary">{lang.t(Msg::BuddyMeetingPlanButton)}</button>
                </form>
            })}
        </section>
    }
}

#[component]
fn FirstWeekCard(view: ReleaseView, lang: Lang) -> impl IntoView {
    let case_id = view.case_id;
    let plan = view.checklist.first_week_plan_id;
    view! {
        <section class="card" id="first-week" aria-labelledby="first-week-title">
            <h2 id="first-week-title">{lang.t(Msg::FirstWeekTitle)}</h2>
            <p>{lang.t(Msg::FirstWeekIntro)}</p>
            {match plan {
                Some(id) => view! {
                    <p><a href=format!("/cases/{case_id}/plans/{id}")>{lang.t(Msg::FirstWeekOpen)}</a></p>
                }.into_any(),
                None if view.is_worker => view! {
                    <form method="post" action=format!("/cases/{case_id}/plans/new")>
                        <input type="hidden" name="kind" value="first_week"/>
                        <input type="hidden" name="title" value=""/>
                        <button type="submit">{lang.t(Msg::FirstWeekMake)}</button>
                    </form>
                }.into_any(),
                None => view! { <p>{lang.t(Msg::FirstWeekNone)}</p> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn ItemCard(view: ReleaseView, item: ReleaseItem, lang: Lang) -> impl IntoView {
    let case_id = view.case_id;
    let topic = item.topic.as_str();
    let form = format!("item-{topic}");
    let kept = Kept::of(&form);
    let error = kept.error(lang);
    let owns = item.owner_user_id == Some(view.viewer_id);
    let may_change = view.is_worker || owns;
    let may_comment = view.is_worker || view.is_participant || owns;
    let owner = item
        .owner
        .clone()
        .unwrap_or_else(|| lang.t(Msg::ReleaseNoOwner).to_string());
    let base = format!("/cases/{case_id}/release/items/{topic}");
    let error_id = format!("{form}-error");
    view! {
        <li class="card plan-item" id=format!("release-{topic}")>
            <h3>{lang.t(item.topic.label())}</h3>
            <p class="milestone-meta">
                {format!("{} · {}: {owner}", lang.t(item.status.label()), lang.t(Msg::ReleaseOwnerLabel))}
            </p>
            {(!item.notes.is_empty()).then(|| view! {
                <ul class="history">
                    {item.notes.iter().map(|note| {
                        let when = crate::local_time::written(lang, note.at);
                        let set = note.status.map(|s| lang.fill(Msg::ReleaseSetTo, &[("status", lang.t(s.label()))]));
                        view! {
                            <li>
                                <strong>{note.author.clone()}</strong>{format!(" · {when}")}
                                {set.map(|s| view! { " · " {s} })}
                                {(!note.body.is_empty()).then(|| view! { <p dir="auto">{note.body.clone()}</p> })}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            })}
            <p id=error_id.clone() class="form-error" role="alert">{error}</p>
            {may_change.then(|| view! {
                <form class="stacked-form" method="post" action=base.clone()>
                    <label for=format!("{form}-status")>{lang.t(Msg::ReleaseStatusLabel)}</label>
                    <select id=format!("{form}-status") name="status">
                        {ItemStatus::ALL.iter().map(|s| view! {
                            <option value=s.as_str() selected=*s == item.status>{lang.t(s.label())}</option>
                        }).collect_view()}
                    </select>
                    {match view.is_worker {
                        true => view! {
                            <label for=format!("{form}-owner")>{lang.t(Msg::ReleaseOwnerLabel)}</label>
                            <select id=format!("{form}-owner") name="owner_user_id">
                                <option value="">{lang.t(Msg::ReleaseNoOwner)}</option>
                                {view.owners.iter().map(|(id, name)| view! {
                                    <option value=id.to_string() selected=item.owner_user_id == Some(*id)>{name.clone()}</option>
                                }).collect_view()}
                            </select>
                        }.into_any(),
                        false => view! {
                            <input type="hidden" name="owner_user_id" value=item.owner_user_id.map(|id| id.to_string())/>
                        }.into_any(),
                    }}
                    <label for=format!("{form}-note")>{lang.t(Msg::ReleaseNoteLabel)}</label>
                    <textarea id=format!("{form}-note") name="note" rows="2" maxlength="1000" dir="auto"
                        aria-describedby=error_id.clone() autofocus=kept.is_back()>{kept.value("note")}</textarea>
                    <button type="submit">{lang.t(Msg::SaveButton)}</button>
                </form>
            })}
            {(may_comment && !may_change).then(|| view! {
                <form class="stacked-form" method="post" action=format!("{base}/comments")>
                    <label for=format!("{form}-comment")>{lang.t(Msg::ReleaseCommentLabel)}</label>
                    <textarea id=format!("{form}-comment") name="body" rows="2" required maxlength="1000" dir="auto"
                        aria-describedby=error_id.clone() autofocus=kept.is_back()>{kept.value("body")}</textarea>
                    <button type="submit">{lang.t(Msg::ReleaseCommentButton)}</button>
                </form>
            })}
        </li>
    }
}
