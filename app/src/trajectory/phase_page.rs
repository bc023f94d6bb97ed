//! The phases on the trajectory page: what is announced, how the case moved so far, and
//! the worker's form to record a move.

use super::{Phase, PhaseChange};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// A move dated ahead (a closing always is) stands out at the top; the history of moves
/// folds open below it.
#[component]
pub fn PhaseHistory(history: Vec<PhaseChange>, lang: Lang) -> impl IntoView {
    let announced: Vec<PhaseChange> = history.iter().filter(|c| c.announced).cloned().collect();
    let has_history = !history.is_empty();
    view! {
        {announced.into_iter().map(|c| view! {
            <p class="notice phase-announced" role="status">
                {lang.fill(Msg::PhaseAnnounced, &[
                    ("date", &c.effective_on.written(lang)),
                    ("phase", lang.t(c.phase.label())),
                    ("reason", &c.reason),
                ])}
            </p>
        }).collect_view()}
        {has_history.then(|| view! {
            <details class="phase-history" id="phase-history">
                <summary>{lang.t(Msg::PhaseHistoryTitle)}</summary>
                <ul>
                    {history.into_iter().map(|c| view! {
                        <li class="phase-change">
                            {lang.fill(Msg::PhaseHistoryLine, &[
                                ("date", &c.effective_on.written(lang)),
                                ("phase", lang.t(c.phase.label())),
                                ("who", &c.decided_by),
                                ("reason", &c.reason),
                            ])}
                        </li>
                    }).collect_view()}
                </ul>
            </details>
        })}
    }
}

/// A worker of the case records a move to another phase, with its day, who decided and why.
#[component]
pub fn ChangePhaseForm(case_id: i64, current: Phase, lang: Lang) -> impl IntoView {
    let echo = crate::form_echo::use_form_echo("phase-change");
    let kept = |name: &str| {
        echo.as_ref()
            .and_then(|e| e.value(name))
            .unwrap_or_default()
            .to_string()
    };
    let chosen = echo
        .as_ref()
        .and_then(|e| e.value("phase"))
        .and_then(Phase::parse)
        .unwrap_or(current);
    let about = |name: &str| echo.as_ref().is_some_and(|e| e.is_about(name));
    let (about_date, about_reason) = (about("effective_on"), about("reason"));
    let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
    view! {
        <details class="worker-tools" id="phase-form" open=echo.is_some()>
            <summary>{lang.t(Msg::ChangePhaseTitle)}</summary>
            <form class="stacked-form" id="phase-change" method="post" action=format!("/cases/{case_id}/phase")>
                <p id="phase-error" class="form-error" role="alert">{error}</p>
                <label for="phase-new">{lang.t(Msg::PhaseLabel)}</label>
                <select id="phase-new" name="phase">
                    {Phase::ALL.iter().map(|p| view! {
                        <option value=p.as_str() selected=*p == chosen>{lang.t(p.label())}</option>
                    }).collect_view()}
                </select>
                <label for="phase-date">{lang.t(Msg::PhaseDateLabel)}</label>
                <input id="phase-date" name="effective_on" type="date" required value=kept("effective_on")
                    aria-describedby="phase-error" aria-invalid=about_date.then_some("true") autofocus=about_date/>
                <label for="phase-decided-by">{lang.t(Msg::WhoDecides)}</label>
                <input id="phase-decided-by" name="decided_by" type="text" required maxlength="120"
                    value=kept("decided_by") aria-describedby="phase-decided-by-hint"/>
                <p id="phase-decided-by-hint" class="hint">{lang.t(Msg::PhaseDecidedByHint)}</p>
                <label for="phase-reason">{lang.t(Msg::ReasonLabel)}</label>
                <textarea id="phase-reason" name="reason" required maxlength="1000" aria-describedby="phase-closing-hint phase-error"
                    aria-invalid=about_reason.then_some("true") autofocus=about_reason>{kept("reason")}</textarea>
                <p id="phase-closing-hint" class="hint">{lang.t(Msg::ClosingNoticeHint)}</p>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}
