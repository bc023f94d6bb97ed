//! On an item's card: its original texts behind one tap when the reader sees a
//! translation, and for workers, a form per language to translate it.

use super::{ItemKind, Translation};
use crate::form_echo::use_form_echo;
use crate::i18n::{Lang, Msg};
use crate::layout::use_saved;
use leptos::prelude::*;

/// The item's texts as written, one tap away from the translation the reader sees.
#[component]
pub fn OriginalTexts(original: Lang, lang: Lang, children: Children) -> impl IntoView {
    view! {
        <details class="original-texts">
            <summary>{lang.fill(Msg::SeeOriginal, &[("language", original.native_name())])}</summary>
            <div lang=original.code() dir="auto">{children()}</div>
        </details>
    }
}

fn field_label(field: &str) -> Msg {
    match field {
        "title" => Msg::TitleLabel,
        "explanation" => Msg::ExplanationLabel,
        "why_it_matters" => Msg::WhyItMatters,
        "decided_by" => Msg::WhoDecides,
        "what_is_needed" => Msg::WhatIsNeeded,
        "custom_title" => Msg::CustomStepLabel,
        _ => Msg::ConditionsLabel,
    }
}

/// For a worker: the item's texts in each other language, to add or correct. `present`
/// names the texts the original has (only those are translated).
#[component]
pub fn TranslateForms(
    case_id: i64,
    kind: ItemKind,
    item_id: i64,
    original: Lang,
    present: Vec<&'static str>,
    translations: Vec<Translation>,
    lang: Lang,
) -> impl IntoView {
    let base = format!("translate-{}-{item_id}", kind.as_str());
    let targets: Vec<Lang> = Lang::ALL.into_iter().filter(|l| *l != original).collect();
    let echoes: Vec<_> = targets
        .iter()
        .map(|target| use_form_echo(&format!("{base}-{}", target.code())))
        .collect();
    let saved = targets
        .iter()
        .any(|target| use_saved(&format!("{base}-{}", target.code())));
    let open = saved || echoes.iter().any(Option::is_some);
    view! {
        <details class="worker-tools" open=open>
            <summary>{lang.t(Msg::TranslationsTitle)}</summary>
            {saved.then(|| view! { <p class="notice" role="status">{lang.t(Msg::Saved)}</p> })}
            {targets.into_iter().zip(echoes).map(|(target, echo)| {
                let form_id = format!("{base}-{}", target.code());
                let existing = translations.iter().find(|t| t.lang == target).cloned();
                let error_id = format!("{form_id}-error");
                let error = echo.as_ref().and_then(|e| e.error_code()).map(|c| lang.t(c.message()));
                view! {
                    <form class="stacked-form" id=form_id.clone() method="post"
                        action=format!("/cases/{case_id}/translations/{}/{item_id}/{}", kind.as_str(), target.code())>
                        <fieldset>
                            <legend lang=target.code()>{target.native_name()}</legend>
                            <p id=error_id.clone() class="form-error" role="alert">{error}</p>
                            {present.iter().map(|field| {
                                let input = format!("{form_id}-{field}");
                                let kept = echo.as_ref().and_then(|e| e.value(field)).map(str::to_string);
                                let text = kept.or_else(|| existing.as_ref().and_then(|t| t.texts.get(*field).cloned()));
                                view! {
                                    <label for=input.clone()>{lang.t(field_label(field))}</label>
                                    <textarea id=input name=*field rows="2" maxlength="2000" lang=target.code() dir="auto"
                                        aria-describedby=error_id.clone()>{text}</textarea>
                                }
                            }).collect_view()}
                            <button type="submit">{lang.t(Msg::SaveTranslation)}</button>
                        </fieldset>
                    </form>
                }
            }).collect_view()}
        </details>
    }
}
