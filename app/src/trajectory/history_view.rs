//! What changed in a milestone or a reunification step, and why, as the people who see it
//! read it.

use super::{MilestoneChange, MilestoneStatus};
use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

fn value_text(field: &str, value: Option<&str>, lang: Lang) -> String {
    match (field, value) {
        ("status", Some(v)) => MilestoneStatus::parse(v)
            .map(|s| lang.t(s.label()).to_string())
            .unwrap_or_default(),
        (_, Some(v)) => crate::local_time::written_date(lang, v),
        (_, None) => lang.t(Msg::NoDateYet).to_string(),
    }
}

#[component]
pub fn ChangeHistory(history: Vec<MilestoneChange>, lang: Lang) -> impl IntoView {
    (!history.is_empty()).then(|| {
        view! {
            <details class="milestone-history">
                <summary>{lang.t(Msg::HistoryTitle)}</summary>
                <ul>
                    {history.into_iter().map(|change| {
                        let label = match change.field.as_str() {
                            "status" => Msg::StatusLabel,
                            "next_date" => Msg::NextDateLabel,
                            _ => Msg::ExpectedDate,
                        };
                        let what = format!(
                            "{}: {} → {}",
                            lang.t(label),
                            value_text(&change.field, change.old_value.as_deref(), lang),
                            value_text(&change.field, change.new_value.as_deref(), lang),
                        );
                        let when = crate::local_time::written(lang, change.changed_at);
                        view! {
                            <li class="milestone-change">
                                {lang.fill(Msg::HistoryLine, &[("when", &when), ("who", &change.changed_by), ("change", &what), ("reason", &change.reason)])}
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        }
    })
}
