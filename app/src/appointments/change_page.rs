//! The changes of an appointment on its card: what changed and why, the worker's forms to
//! move it or call it off, and the participant's "I can't make it".

use super::{Appointment, AppointmentChange, AppointmentChangeKind};
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

fn change_text(change: &AppointmentChange, lang: Lang) -> String {
    let mut parts = vec![lang.t(change.kind.label()).to_string()];
    if let (Some(old), Some(new)) = (&change.old_starts_at, &change.new_starts_at) {
        parts.push(format!("{} → {}", old.written(lang), new.written(lang)));
    }
    if let (Some(old), Some(new)) = (&change.old_place, &change.new_place) {
        parts.push(format!("{old} → {new}"));
    }
    parts.join(", ")
}

#[component]
pub fn AppointmentHistory(history: Vec<AppointmentChange>, lang: Lang) -> impl IntoView {
    (!history.is_empty()).then(|| {
        view! {
            <details class="milestone-history" open=true>
                <summary>{lang.t(Msg::HistoryTitle)}</summary>
                <ul>
                    {history.into_iter().map(|change| {
                        let when = crate::local_time::written(lang, change.changed_at);
                        let what = change_text(&change, lang);
                        view! {
                            <li class="appointment-change" class:cannot-come=change.kind == AppointmentChangeKind::CannotCome>
                                {lang.fill(Msg::HistoryLine, &[("when", &when), ("who", &change.changed_by), ("change", &what), ("reason", &change.reason)])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}

/// A worker moves the appointment (a new time or place) or calls it off, with a reason.
/// A refused form comes back with what was typed and the error at its field.
#[component]
pub fn MoveAppointmentForm(appointment: Appointment, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("{name}-{}", appointment.id);
    let action = format!("/cases/{}/appointments/{}", appointment.case_id, appointment.id);
    let (moving, cancelling) = (Kept::of(&id("move")), Kept::of(&id("cancel")));
    let open = moving.is_back() || cancelling.is_back();
    let starts_at = moving
        .value("starts_at")
        .unwrap_or_else(|| appointment.starts_at.as_str().to_string());
    let place = moving.value("place").unwrap_or_else(|| appointment.place.clone());
    view! {
        <details class="worker-tools" open=open>
            <summary>{lang.t(Msg::MoveAppointmentTitle)}</summary>
            <form class="stacked-form" id=id("move") method="post" action=action.clone()>
                <p id=id("move-error") class="form-error" role="alert">{moving.error(lang)}</p>
                <label for=id("move-when")>{lang.t(Msg::WhenLabel)}</label>
                <input id=id("move-when") name="starts_at" type="datetime-local" value=starts_at required
                    aria-describedby=id("move-error") aria-invalid=moving.about("starts_at").then_some("true")
                    autofocus=moving.about("starts_at")/>
                <label for=id("move-place")>{lang.t(Msg::WhereLabel)}</label>
                <input id=id("move-place") name="place" type="text" value=place required maxlength="500"/>
                <label for=id("move-reason")>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id("move-reason") name="reason" rows="2" required maxlength="1000"
                    aria-describedby=id("move-error") aria-invalid=moving.about("reason").then_some("true")
                    autofocus=moving.about("reason")>{moving.value("reason")}</textarea>
                {moving.0.as_ref().is_some_and(|e| e.error_code() == Some(crate::error::ErrorCode::TimeAgainstPreferences)).then(|| view! {
                    <label class="choice">
                        <input type="checkbox" name="despite_preferences" value="1"/>
                        <span>{lang.t(Msg::PlanDespitePreferences)}</span>
                    </label>
                })}
                <button type="submit">{lang.t(Msg::MoveButton)}</button>
            </form>
            <form class="stacked-form" id=id("cancel") method="post" action=format!("{action}/cancel")>
                <p id=id("cancel-error") class="form-error" role="alert">{cancelling.error(lang)}</p>
                <label for=id("cancel-reason")>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id("cancel-reason") name="reason" rows="2" required maxlength="1000"
                    aria-describedby=id("cancel-error") aria-invalid=cancelling.about("reason").then_some("true")
                    autofocus=cancelling.about("reason")>{cancelling.value("reason")}</textarea>
                <button type="submit">{lang.t(Msg::CancelAppointmentButton)}</button>
            </form>
        </details>
    }
}

/// The participant lets her workers know she cannot come, and why.
#[component]
pub fn CannotComeForm(appointment: Appointment, lang: Lang) -> impl IntoView {
    let form = format!("cannot-come-{}", appointment.id);
    let id = format!("{form}-reason");
    let (hint, error_id) = (format!("{form}-hint"), format!("{form}-error"));
    let kept = Kept::of(&form);
    let about = kept.about("reason");
    view! {
        <details class="worker-tools" open=kept.is_back()>
            <summary>{lang.t(Msg::CannotComeTitle)}</summary>
            <form class="stacked-form" id=form.clone() method="post"
                action=format!("/cases/{}/appointments/{}/cannot-come", appointment.case_id, appointment.id)>
                <p id=error_id.clone() class="form-error" role="alert">{kept.error(lang)}</p>
                <label for=id.clone()>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id name="reason" rows="2" required maxlength="1000" aria-describedby=format!("{error_id} {hint}")
                    aria-invalid=about.then_some("true") autofocus=about>{kept.value("reason")}</textarea>
                <p id=hint class="hint">{lang.t(Msg::CannotComeHint)}</p>
                <button type="submit">{lang.t(Msg::CannotComeButton)}</button>
            </form>
        </details>
    }
}
