use super::change_page::{AppointmentHistory, CannotComeForm, MoveAppointmentForm};
use super::{load_appointments, Appointment, AppointmentMode, AppointmentsView};
use crate::error::ErrorCode;
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::{use_form_error, use_lang, use_route_id, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn AppointmentsPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_appointments(case_id).await {
                    Ok(data) => view! { <List data error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn List(data: AppointmentsView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let AppointmentsView {
        appointments: data,
        may_edit,
        yours,
        preferences,
    } = data;
    let case_id = data.case_id;
    let empty = data.appointments.is_empty();
    let title =
        Reader::new(yours, &data.participant_name).say(lang, Msg::AppointmentsTitle, Msg::AppointmentsTitleOther);
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            <p id="appointments-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoAppointments)}</p> })}
            <ul class="appointments">
                {data.appointments.into_iter().map(|a| view! { <AppointmentCard appointment=a may_edit yours lang/> }).collect_view()}
            </ul>
            {may_edit.then(|| view! {
                <crate::preferences::PreferencesCard members=preferences lang/>
                <PlanAppointmentForm case_id lang/>
            })}
        </Page>
    }
}

#[component]
fn AppointmentCard(appointment: Appointment, may_edit: bool, yours: bool, lang: Lang) -> impl IntoView {
    let heading = format!("appointment-{}", appointment.id);
    let when = format!(
        "{} · {}",
        appointment.starts_at.written(lang),
        lang.fill(
            Msg::MinutesLong,
            &[("minutes", &appointment.duration_minutes.to_string())]
        )
    );
    let calendar = format!("/cases/{}/appointments/{}.ics", appointment.case_id, appointment.id);
    let cancelled = appointment.cancelled;
    let open = !cancelled;
    let history = appointment.history.clone();
    // What the worker wrote, in its own language and direction; the labels in the page's.
    let content = appointment.lang.code();
    view! {
        <li class="card appointment" class:appointment-cancelled=cancelled aria-labelledby=heading.clone()>
            <h2 id=heading.clone() lang=content dir="auto">{appointment.purpose.clone()}</h2>
            {cancelled.then(|| view! { <p class="notice">{lang.t(Msg::AppointmentCancelledNotice)}</p> })}
            <p class="milestone-meta">{when}</p>
            <dl class="milestone-facts">
                <dt>{lang.t(Msg::WhereLabel)}</dt>
                <dd>{lang.t(appointment.mode.label())}" — "<span lang=content dir="auto">{appointment.place.clone()}</span></dd>
                <dt>{lang.t(Msg::WithWhomLabel)}</dt>
                <dd lang=content dir="auto">{appointment.with_whom.clone()}</dd>
                {(!appointment.what_to_bring.is_empty()).then(|| view! {
                    <dt>{lang.t(Msg::BringLabel)}</dt><dd lang=content dir="auto">{appointment.what_to_bring.clone()}</dd>
                })}
            </dl>
            <p><a href=calendar download="afspraak.ics">{lang.t(Msg::AddToCalendar)}</a></p>
            {["move", "cancel", "cannot-come"].iter().any(|form| crate::layout::use_saved(&format!("{form}-{}", appointment.id))).then(|| view! {
                <p class="notice" role="status">{lang.t(Msg::Saved)}</p>
            })}
            <AppointmentHistory history lang/>
            {(open && may_edit).then(|| view! { <MoveAppointmentForm appointment=appointment.clone() lang/> })}
            {(open && yours).then(|| view! { <CannotComeForm appointment=appointment.clone() lang/> })}
        </li>
    }
}

/// The next appointments on the home page and the caseload.
#[component]
pub fn UpcomingAppointments(
    case_id: i64,
    upcoming: Vec<Appointment>,
    reader: Reader,
    /// When the reader last looked at the case: a time that moved since is flagged.
    last_looked_at: Option<i64>,
    lang: Lang,
) -> impl IntoView {
    let empty = upcoming.is_empty();
    view! {
        <div class="upcoming">
            <h3>{reader.say(lang, Msg::UpcomingAppointments, Msg::UpcomingAppointmentsOther)}</h3>
            {empty.then(|| view! { <p>{lang.t(Msg::NoAppointments)}</p> })}
            <ul>
                {upcoming.into_iter().map(|a| {
                    let moved_from = moved_since(&a, last_looked_at)
                        .map(|was| lang.fill(Msg::DateMovedFrom, &[("date", &was.written(lang))]));
                    view! {
                        <li>
                            {a.starts_at.written(lang)}" — "<span lang=a.lang.code() dir="auto">{a.purpose.clone()}</span>
                            {moved_from.map(|text| view! { <br/><strong class="date-moved">{text}</strong> })}
                        </li>
                    }
                }).collect_view()}
            </ul>
            <p><a href=format!("/cases/{case_id}/appointments")>{lang.t(Msg::SeeAppointments)}</a></p>
        </div>
    }
}

/// The time an appointment had before its first move since `since`, if it moved since.
fn moved_since(appointment: &Appointment, since: Option<i64>) -> Option<super::LocalDateTime> {
    let since = since?;
    appointment
        .history
        .iter()
        .filter(|change| change.changed_at > since)
        .find_map(|change| change.old_starts_at.clone())
}

#[component]
fn PlanAppointmentForm(case_id: i64, lang: Lang) -> impl IntoView {
    // Refused before: everything as the worker typed it, the error at the time.
    let echo = crate::form_echo::use_form_echo("new-appointment");
    let kept = |name: &str| echo.as_ref().and_then(|e| e.value(name)).map(str::to_string);
    let mode = kept("mode").and_then(|m| AppointmentMode::parse(&m));
    let about_time = echo.as_ref().is_some_and(|e| e.is_about("starts_at"));
    let against = echo
        .as_ref()
        .is_some_and(|e| e.error_code() == Some(ErrorCode::TimeAgainstPreferences));
    let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
    view! {
        <section class="card" aria-labelledby="plan-appointment">
            <h2 id="plan-appointment">{lang.t(Msg::PlanAppointmentTitle)}</h2>
            <form class="stacked-form" id="new-appointment" method="post" action=format!("/cases/{case_id}/appointments/new")>
                <p id="new-appointment-error" class="form-error" role="alert">{error}</p>
                <label for="new-starts-at">{lang.t(Msg::WhenLabel)}</label>
                <input id="new-starts-at" name="starts_at" type="datetime-local" required value=kept("starts_at")
                    aria-describedby="new-appointment-error" aria-invalid=about_time.then_some("true") autofocus=about_time/>
                <label for="new-duration">{lang.t(Msg::DurationLabel)}</label>
                <input id="new-duration" name="duration_minutes" type="number" min="5" max="600" required
                    value=kept("duration_minutes").unwrap_or_else(|| "60".into())/>
                <label for="new-mode">{lang.t(Msg::HowLabel)}</label>
                <select id="new-mode" name="mode">
                    {AppointmentMode::ALL.iter().map(|m| view! {
                        <option value=m.as_str() selected=mode == Some(*m)>{lang.t(m.label())}</option>
                    }).collect_view()}
                </select>
                <label for="new-place">{lang.t(Msg::WhereLabel)}</label>
                <input id="new-place" name="place" type="text" required maxlength="500" value=kept("place")/>
                <label for="new-with">{lang.t(Msg::WithWhomLabel)}</label>
                <input id="new-with" name="with_whom" type="text" required maxlength="500" value=kept("with_whom")/>
                <label for="new-purpose">{lang.t(Msg::PurposeLabel)}</label>
                <input id="new-purpose" name="purpose" type="text" required maxlength="500" value=kept("purpose")/>
                <label for="new-bring">{lang.t(Msg::BringLabel)}</label>
                <textarea id="new-bring" name="what_to_bring" rows="2" maxlength="500">{kept("what_to_bring")}</textarea>
                {against.then(|| view! {
                    <label class="choice">
                        <input type="checkbox" name="despite_preferences" value="1"/>
                        <span>{lang.t(Msg::PlanDespitePreferences)}</span>
                    </label>
                })}
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}
