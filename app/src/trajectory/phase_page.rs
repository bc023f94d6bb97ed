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
    view! {
        <details class="worker-tools" id="phase-form">
            <summary>{lang.t(Msg::ChangePhaseTitle)}</summary>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/phase")>
                <label for="phase-new">{lang.t(Msg::PhaseLabel)}</label>
                <select id="phase-new" name="phase">
                    {Phase::ALL.iter().map(|p| view! {
                        <option value=p.as_str() selected=*p == current>{lang.t(p.label())}</option>
                    }).collect_view()}
                </select>
                <label for="phase-date">{lang.t(Msg::PhaseDateLabel)}</label>
                <input id="phase-date" name="effective_on" type="date" required/>
                <label for="phase-decided-by">{lang.t(Msg::WhoDecides)}</label>
                <input id="phase-decided-by" name="decided_by" type="text" required maxlength="120"
                    aria-describedby="phase-decided-by-hint"/>
                <p id="phase-decided-by-hint" class="hint">{lang.t(Msg::PhaseDecidedByHint)}</p>
                <label for="phase-reason">{lang.t(Msg::ReasonLabel)}</label>
                <textarea id="phase-reason" name="reason" required maxlength="1000" aria-describedby="phase-closing-hint"></textarea>
                <p id="phase-closing-hint" class="hint">{lang.t(Msg::ClosingNoticeHint)}</p>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}
