use super::history_view::ChangeHistory;
use super::phase_page::{ChangePhaseForm, PhaseHistory};
use super::response_page::{RespondForm, Responses};
use super::{load_trajectory, Milestone, MilestoneStatus, Phase, TrajectoryView};
use crate::error::ErrorCode;
use crate::form_echo::use_form_echo;
use crate::i18n::{Lang, Msg, Reader};
use crate::layout::{use_form_error, use_lang, use_route_id, use_saved, ErrorNotice, Page, ReadAloud};
use crate::translations::{ItemKind, OriginalTexts, Shown, TranslateForms};
use leptos::prelude::*;

#[component]
pub fn TrajectoryPage() -> impl IntoView {
    let lang = use_lang();
    let case_id = use_route_id("case_id");
    let error = use_form_error();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_trajectory(case_id).await {
                    Ok(view) => view! { <Timeline view error lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn Timeline(view: TrajectoryView, error: Option<ErrorCode>, lang: Lang) -> impl IntoView {
    let TrajectoryView {
        trajectory,
        may_edit,
        yours,
    } = view;
    let title = if yours {
        lang.t(Msg::TrajectoryTitle).to_string()
    } else {
        lang.fill(Msg::TrajectoryOf, &[("name", &trajectory.participant_name)])
    };
    let case_id = trajectory.case_id;
    let current = trajectory.phase;
    let empty = trajectory.milestones.is_empty();
    // Milestones grouped by phase, in the order a case goes through them.
    let groups: Vec<(Phase, Vec<Milestone>)> = Phase::ALL
        .iter()
        .map(|phase| {
            let milestones: Vec<Milestone> = trajectory
                .milestones
                .iter()
                .filter(|m| m.phase == *phase)
                .cloned()
                .collect();
            (*phase, milestones)
        })
        .filter(|(_, milestones)| !milestones.is_empty())
        .collect();
    view! {
        <leptos_meta::Title text=title.clone()/>
        <Page signed_in=true>
            <h1 id="page-title">{title}</h1>
            <p class="phase">{lang.fill(Msg::CurrentPhase, &[("phase", lang.t(current.label()))])}</p>
            <PhaseHistory history=trajectory.phase_history lang/>
            <p><a href=format!("/cases/{case_id}/release")>{lang.t(Msg::ReleaseLink)}</a></p>
            <p>{lang.t(Msg::TrajectoryIntro)}</p>
            <p id="trajectory-error" class="form-error" role="alert">{error.map(|c| lang.t(c.message()))}</p>
            {empty.then(|| view! { <p class="notice">{lang.t(Msg::NoMilestonesYet)}</p> })}
            {groups.into_iter().map(|(phase, milestones)| {
                let heading = format!("phase-{}", phase.as_str());
                let labelled_by = heading.clone();
                let label = if phase == current {
                    format!("{} ({})", lang.t(phase.label()), lang.t(Msg::PhaseNow))
                } else {
                    lang.t(phase.label()).to_string()
                };
                view! {
                    <section class="phase-group" class:phase-current=phase == current aria-labelledby=labelled_by>
                        <h2 id=heading>{label}</h2>
                        <ol class="timeline">
                            {milestones.into_iter().map(|m| view! { <MilestoneItem milestone=m may_edit yours lang/> }).collect_view()}
                        </ol>
                    </section>
                }
            }).collect_view()}
            {may_edit.then(|| view! { <ChangePhaseForm case_id current lang/> })}
            {may_edit.then(|| view! { <AddMilestoneForm case_id lang/> })}
        </Page>
    }
}

fn date_text(milestone: &Milestone, lang: Lang) -> String {
    milestone
        .expected_date
        .as_ref()
        .map(|d| d.written(lang))
        .unwrap_or_else(|| lang.t(Msg::NoDateYet).to_string())
}

#[component]
fn MilestoneItem(milestone: Milestone, may_edit: bool, yours: bool, lang: Lang) -> impl IntoView {
    let heading = format!("milestone-{}", milestone.id);
    let text = format!("milestone-{}-text", milestone.id);
    let status = milestone.status;
    let meta = format!(
        "{} · {}: {}",
        lang.t(status.label()),
        lang.t(Msg::ExpectedDate),
        date_text(&milestone, lang)
    );
    let history = milestone.history.clone();
    // The texts in the reader's language where a worker translated them, else as written,
    // each in its own language and direction (Dutch stays left to right on an Arabic page,
    // its full stop where it belongs); the page's own words in the page's.
    let shown = Shown::pick(&milestone.translations, milestone.lang, lang);
    let shown_lang = if shown.is_translated() { lang } else { milestone.lang };
    let translated = shown.is_translated();
    let texts = milestone_texts(&milestone, &shown);
    let originals = milestone_texts(&milestone, &Shown::pick(&[], milestone.lang, milestone.lang));
    let present: Vec<&'static str> = originals
        .iter()
        .filter(|(_, (t, _))| !t.is_empty())
        .map(|(f, _)| *f)
        .collect();
    view! {
        <li class="milestone card" class:milestone-open=status.is_open() aria-labelledby=heading.clone()>
            <div id=text.clone() lang=shown_lang.code() dir="auto">
                <MilestoneTexts texts heading=Some(heading.clone()) meta=Some(meta) lang/>
            </div>
            {translated.then(|| view! {
                <OriginalTexts original=milestone.lang lang>
                    <MilestoneTexts texts=originals.clone() heading=None meta=None lang/>
                </OriginalTexts>
            })}
            {use_saved(&format!("change-{}", milestone.id)).then(|| view! {
                <p class="notice" role="status">{lang.t(Msg::Saved)}</p>
            })}
            <ReadAloud target=text lang/>
            <ChangeHistory history lang/>
            <Responses milestone_id=milestone.id responses=milestone.responses.clone() lang/>
            {(yours || may_edit).then(|| view! {
                <RespondForm case_id=milestone.case_id milestone_id=milestone.id as_worker=may_edit lang/>
            })}
            {may_edit.then(|| view! { <ChangeMilestoneForm milestone=milestone.clone() lang/> })}
            {may_edit.then(|| view! {
                <TranslateForms case_id=milestone.case_id kind=ItemKind::Milestone item_id=milestone.id
                    original=milestone.lang present translations=milestone.translations.clone() lang/>
            })}
        </li>
    }
}

type Texts = Vec<(&'static str, (String, &'static str))>;

/// A milestone's texts as `shown` gives them, each with the language it is in.
fn milestone_texts(milestone: &Milestone, shown: &Shown) -> Texts {
    [
        ("title", &milestone.title),
        ("explanation", &milestone.explanation),
        ("why_it_matters", &milestone.why_it_matters),
        ("decided_by", &milestone.decided_by),
        ("what_is_needed", &milestone.what_is_needed),
    ]
    .into_iter()
    .map(|(field, original)| (field, shown.text(field, original)))
    .collect()
}

/// The title, explanation and facts of a milestone; the labels in the page's language.
#[component]
fn MilestoneTexts(texts: Texts, heading: Option<String>, meta: Option<String>, lang: Lang) -> impl IntoView {
    let text = |field: &str| {
        texts
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, t)| t.clone())
            .unwrap_or_default()
    };
    let (page, page_dir) = (lang.code(), lang.dir());
    let fact = move |label: Msg, (value, in_lang): (String, &'static str)| {
        (!value.is_empty()).then(|| {
            view! {
                <dt lang=page dir=page_dir>{lang.t(label)}</dt><dd lang=in_lang dir="auto">{value}</dd>
            }
        })
    };
    let (title, title_lang) = text("title");
    let (explanation, explanation_lang) = text("explanation");
    view! {
        {match heading {
            Some(id) => view! { <h3 id=id lang=title_lang dir="auto">{title}</h3> }.into_any(),
            None => view! { <p lang=title_lang dir="auto"><strong>{title}</strong></p> }.into_any(),
        }}
        {meta.map(|meta| view! { <p class="milestone-meta" lang=page dir=page_dir>{meta}</p> })}
        <p lang=explanation_lang dir="auto">{explanation}</p>
        <dl class="milestone-facts">
            {fact(Msg::WhyItMatters, text("why_it_matters"))}
            {fact(Msg::WhoDecides, text("decided_by"))}
            {fact(Msg::WhatIsNeeded, text("what_is_needed"))}
        </dl>
    }
}

#[component]
fn ChangeMilestoneForm(milestone: Milestone, lang: Lang) -> impl IntoView {
    let id = |name: &str| format!("{name}-{}", milestone.id);
    // Refused before: open, with what the worker chose and typed, the error at its field.
    let echo = use_form_echo(&id("change"));
    let kept = |name: &str| echo.as_ref().and_then(|e| e.value(name)).map(str::to_string);
    let date = kept("expected_date")
        .or_else(|| milestone.expected_date.as_ref().map(|d| d.as_str().to_string()))
        .unwrap_or_default();
    let status = kept("status")
        .and_then(|s| MilestoneStatus::parse(&s))
        .unwrap_or(milestone.status);
    let reason = kept("reason").unwrap_or_default();
    let about = |name: &str| echo.as_ref().is_some_and(|e| e.is_about(name));
    let (about_date, about_reason) = (about("expected_date"), about("reason"));
    let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
    view! {
        <details class="worker-tools" open=echo.is_some()>
            <summary>{lang.t(Msg::ChangeMilestoneTitle)}</summary>
            <form class="stacked-form" id=id("change") method="post" action=format!("/cases/{}/milestones/{}", milestone.case_id, milestone.id)>
                <label for=id("status")>{lang.t(Msg::StatusLabel)}</label>
                <select id=id("status") name="status">
                    {MilestoneStatus::ALL.iter().map(|s| view! {
                        <option value=s.as_str() selected=*s == status>{lang.t(s.label())}</option>
                    }).collect_view()}
                </select>
                <label for=id("date")>{lang.t(Msg::ExpectedDate)}</label>
                <input id=id("date") name="expected_date" type="date" value=date
                    aria-describedby=id("change-error") aria-invalid=about_date.then_some("true") autofocus=about_date/>
                <label for=id("reason")>{lang.t(Msg::ReasonLabel)}</label>
                <textarea id=id("reason") name="reason" rows="2" maxlength="1000" aria-describedby=id("change-error")
                    aria-invalid=about_reason.then_some("true") autofocus=about_reason>{reason}</textarea>
                <p id=id("change-error") class="form-error" role="alert">{error}</p>
                <button type="submit">{lang.t(Msg::SaveButton)}</button>
            </form>
        </details>
    }
}

#[component]
fn AddMilestoneForm(case_id: i64, lang: Lang) -> impl IntoView {
    view! {
        <section class="card" aria-labelledby="add-milestone">
            <h2 id="add-milestone">{lang.t(Msg::AddMilestoneTitle)}</h2>
            <form class="stacked-form" method="post" action=format!("/cases/{case_id}/milestones")>
                <label for="new-phase">{lang.t(Msg::PhaseLabel)}</label>
                <select id="new-phase" name="phase">
                    {Phase::ALL.iter().map(|p| view! { <option value=p.as_str()>{lang.t(p.label())}</option> }).collect_view()}
                </select>
                <label for="new-title">{lang.t(Msg::TitleLabel)}</label>
                <input id="new-title" name="title" type="text" required maxlength="120"/>
                <label for="new-explanation">{lang.t(Msg::ExplanationLabel)}</label>
                <textarea id="new-explanation" name="explanation" rows="3" required maxlength="2000"></textarea>
                <label for="new-why">{lang.t(Msg::WhyItMatters)}</label>
                <textarea id="new-why" name="why_it_matters" rows="2" maxlength="2000"></textarea>
                <label for="new-decides">{lang.t(Msg::WhoDecides)}</label>
                <input id="new-decides" name="decided_by" type="text" required maxlength="120"/>
                <label for="new-needed">{lang.t(Msg::WhatIsNeeded)}</label>
                <textarea id="new-needed" name="what_is_needed" rows="2" maxlength="2000"></textarea>
                <label for="new-date">{lang.t(Msg::ExpectedDate)}</label>
                <input id="new-date" name="expected_date" type="date"/>
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
        </section>
    }
}

/// The date a milestone had before it first moved after `since`, when it moved since: `Some(None)`
/// when it had no date then.
fn moved_since(milestone: &Milestone, since: Option<i64>) -> Option<Option<&str>> {
    let since = since?;
    milestone
        .history
        .iter()
        .filter(|change| change.field == "expected_date" && change.changed_at > since)
        .min_by_key(|change| change.changed_at)
        .map(|change| change.old_value.as_deref())
}

/// "Your next step" (or "Sarah's next step") on the home page, with a way to the whole
/// trajectory.
#[component]
pub fn NextStep(
    case_id: i64,
    step: Option<Milestone>,
    reader: Reader,
    /// When the reader last looked at the case: a date that moved since is flagged.
    last_looked_at: Option<i64>,
    lang: Lang,
) -> impl IntoView {
    view! {
        <div class="next-step">
            <h3>{reader.say(lang, Msg::NextStepTitle, Msg::NextStepTitleOther)}</h3>
            {match step {
                Some(step) => {
                    let (title, title_lang) = Shown::pick(&step.translations, step.lang, lang).text("title", &step.title);
                    let moved_from = moved_since(&step, last_looked_at).map(|was| {
                        let was = was.map_or_else(|| lang.t(Msg::NoDateYet).to_string(), |d| crate::local_time::written_date(lang, d));
                        lang.fill(Msg::DateMovedFrom, &[("date", &was)])
                    });
                    view! {
                        <p class="next-step-title" lang=title_lang dir="auto"><strong>{title}</strong></p>
                        <p>{format!("{} · {}", lang.t(step.status.label()), date_text(&step, lang))}</p>
                        {moved_from.map(|text| view! { <p class="date-moved"><strong>{text}</strong></p> })}
                    }.into_any()
                }
                None => view! { <p>{lang.t(Msg::NoNextStep)}</p> }.into_any(),
            }}
            <p><a href=format!("/cases/{case_id}/trajectory")>{lang.t(Msg::SeeTrajectory)}</a></p>
        </div>
    }
}
