//! The person's own page of what helps them, and the card that shows a case's workers
//! what its members asked for, beside the forms where they act.

use super::{load_preferences, ContactWay, DayPart, MemberPreferences, Preferences, WorkerGender};
use crate::form_echo::Kept;
use crate::i18n::{Lang, Msg};
use crate::layout::{use_lang, use_saved, ErrorNotice, Page};
use leptos::prelude::*;

#[component]
pub fn PreferencesPage() -> impl IntoView {
    let lang = use_lang();
    view! {
        <Suspense fallback=move || view! { <p>{lang.t(Msg::Loading)}</p> }>
            {Suspend::new(async move {
                match load_preferences().await {
                    Ok(preferences) => view! { <PreferencesForm preferences lang/> }.into_any(),
                    Err(error) => view! { <Page signed_in=true><ErrorNotice error/></Page> }.into_any(),
                }
            })}
        </Suspense>
    }
}

#[component]
fn PreferencesForm(preferences: Preferences, lang: Lang) -> impl IntoView {
    let kept = Kept::of("preferences");
    let text = |name: &str, saved: &str| kept.value(name).unwrap_or_else(|| saved.to_string());
    let (interpreter, times_note) = (
        text("interpreter_language", &preferences.interpreter_language),
        text("times_note", &preferences.times_note),
    );
    let (helps, avoid) = (
        text("what_helps", &preferences.what_helps),
        text("what_to_avoid", &preferences.what_to_avoid),
    );
    let error = kept.error(lang);
    let saved = use_saved("preferences");
    view! {
        <leptos_meta::Title text=lang.t(Msg::PreferencesTitle)/>
        <Page signed_in=true>
            <h1 id="page-title">{lang.t(Msg::PreferencesTitle)}</h1>
            <p>{lang.t(Msg::PreferencesIntro)}</p>
            {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            <form class="stacked-form card" id="preferences" method="post" action="/preferences">
                <p id="preferences-error" class="form-error" role="alert">{error}</p>
                <fieldset>
                    <legend>{lang.t(Msg::WorkerGenderLegend)}</legend>
                    {WorkerGender::ALL.iter().map(|g| view! {
                        <label class="choice">
                            <input type="radio" name="worker_gender" value=g.as_str() checked=*g == preferences.worker_gender/>
                            <span>{lang.t(g.label())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for="interpreter">{lang.t(Msg::InterpreterLabel)}</label>
                <input id="interpreter" name="interpreter_language" type="text" maxlength="60" value=interpreter
                    aria-describedby="preferences-error"/>
                <fieldset>
                    <legend>{lang.t(Msg::DayPartsLegend)}</legend>
                    {DayPart::ALL.iter().map(|d| view! {
                        <label class="choice">
                            <input type="checkbox" name="day_parts" value=d.as_str() checked=preferences.day_parts.contains(d)/>
                            <span>{lang.t(d.label())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for="times-note">{lang.t(Msg::TimesNoteLabel)}</label>
                <textarea id="times-note" name="times_note" rows="2" maxlength="500" dir="auto">{times_note}</textarea>
                <fieldset>
                    <legend>{lang.t(Msg::ContactByLegend)}</legend>
                    {ContactWay::ALL.iter().map(|c| view! {
                        <label class="choice">
                            <input type="radio" name="contact_by" value=c.as_str() checked=*c == preferences.contact_by/>
                            <span>{lang.t(c.label())}</span>
                        </label>
                    }).collect_view()}
                </fieldset>
                <label for="what-helps">{lang.t(Msg::WhatHelpsLabel)}</label>
                <textarea id="what-helps" name="what_helps" rows="3" maxlength="1000" dir="auto">{helps}</textarea>
                <label for="what-to-avoid">{lang.t(Msg::WhatToAvoidLabel)}</label>
                <textarea id="what-to-avoid" name="what_to_avoid" rows="3" maxlength="1000" dir="auto">{avoid}</textarea>
                <label class="choice">
                    <input type="checkbox" name="shown_to_workers" value="1" checked=preferences.shown_to_workers/>
                    <span>{lang.t(Msg::ShownToWorkersLabel)}</span>
                </label>
                <button type="submit" class="primary">{lang.t(Msg::SaveButton)}</button>
            </form>
        </Page>
    }
}

/// For a case's workers: what its members asked for, shown where they plan and write.
/// `folded` keeps it behind one tap (in a conversation, above the messages).
#[component]
pub fn PreferencesCard(members: Vec<MemberPreferences>, #[prop(optional)] folded: bool, lang: Lang) -> impl IntoView {
    let members: Vec<MemberPreferences> = members.into_iter().filter(|m| m.preferences.asks_anything()).collect();
    (!members.is_empty()).then(|| {
        let facts = members
            .into_iter()
            .map(|m| view! { <MemberFacts member=m lang/> })
            .collect_view();
        if folded {
            view! {
                <details class="card preferences-card">
                    <summary>{lang.t(Msg::PreferencesOfCircleTitle)}</summary>
                    {facts}
                </details>
            }
            .into_any()
        } else {
            view! {
                <section class="card preferences-card" aria-labelledby="preferences-card">
                    <h2 id="preferences-card">{lang.t(Msg::PreferencesOfCircleTitle)}</h2>
                    {facts}
                </section>
            }
            .into_any()
        }
    })
}

#[component]
fn MemberFacts(member: MemberPreferences, lang: Lang) -> impl IntoView {
    let p = member.preferences;
    let fact = move |label: Msg, value: String| {
        (!value.is_empty()).then(|| view! { <dt>{lang.t(label)}</dt><dd dir="auto">{value}</dd> })
    };
    // "No preference" says nothing a worker needs to act on, so it is left out.
    let said = |none: bool, label: Msg| if none { String::new() } else { lang.t(label).to_string() };
    let gender = said(p.worker_gender == WorkerGender::NoPreference, p.worker_gender.label());
    let separator = if lang == Lang::Ar { "، " } else { ", " };
    let parts: Vec<&str> = p.day_parts.iter().map(|d| lang.t(d.label())).collect();
    let contact = said(p.contact_by == ContactWay::NoPreference, p.contact_by.label());
    view! {
        <h3>{member.name}</h3>
        <dl class="milestone-facts">
            {fact(Msg::WorkerGenderLegend, gender)}
            {fact(Msg::InterpreterLabel, p.interpreter_language)}
            {fact(Msg::DayPartsLegend, parts.join(separator))}
            {fact(Msg::TimesNoteLabel, p.times_note)}
            {fact(Msg::ContactByLegend, contact)}
            {fact(Msg::WhatHelpsLabel, p.what_helps)}
            {fact(Msg::WhatToAvoidLabel, p.what_to_avoid)}
        </dl>
    }
}
