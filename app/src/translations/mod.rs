//! Translations of what workers write: a milestone or a reunification step is written in
//! one language, and a worker may add its texts in others. Each reader sees the item in
//! their own language where a translation exists, with the original one tap away.

mod page;

pub use page::{OriginalTexts, TranslateForms};

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;

use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// What can be translated, and which of its texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ItemKind {
    Milestone,
    ReunificationStep,
}

impl ItemKind {
    pub fn as_str(self) -> &'static str {
        match self {
            ItemKind::Milestone => "milestone",
            ItemKind::ReunificationStep => "reunification_step",
        }
    }

    pub fn parse(raw: &str) -> Option<ItemKind> {
        [ItemKind::Milestone, ItemKind::ReunificationStep]
            .into_iter()
            .find(|kind| kind.as_str() == raw)
    }

    /// The texts of an item of this kind that a translation may give, with the most
    /// characters each may hold (as for the original).
    pub fn fields(self) -> &'static [(&'static str, usize)] {
        match self {
            ItemKind::Milestone => &[
                ("title", 120),
                ("explanation", 2000),
                ("why_it_matters", 2000),
                ("decided_by", 120),
                ("what_is_needed", 2000),
            ],
            ItemKind::ReunificationStep => &[("custom_title", 120), ("conditions", 2000)],
        }
    }
}

/// An item's texts in one more language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Translation {
    pub lang: Lang,
    /// The translated texts by name (for a milestone `title`, `explanation`,
    /// `why_it_matters`, `decided_by`, `what_is_needed`; for a step `custom_title`,
    /// `conditions`). A text that is not here is read in the original.
    pub texts: BTreeMap<String, String>,
}

/// A worker's translation of an item into one language; it replaces an earlier one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewTranslation {
    /// The texts by name, as in `Translation`; an empty text is read in the original.
    pub texts: BTreeMap<String, String>,
}

/// What a reader sees of an item written in `original`: its translation into the
/// reader's language where there is one, text by text.
pub struct Shown<'a> {
    translation: Option<&'a Translation>,
    original: Lang,
}

impl<'a> Shown<'a> {
    pub fn pick(translations: &'a [Translation], original: Lang, reader: Lang) -> Shown<'a> {
        let translation = (reader != original)
            .then(|| translations.iter().find(|t| t.lang == reader))
            .flatten();
        Shown { translation, original }
    }

    pub fn is_translated(&self) -> bool {
        self.translation.is_some()
    }

    /// The text to show for `field` and the code of the language it is in.
    pub fn text(&self, field: &str, original: &str) -> (String, &'static str) {
        match self
            .translation
            .and_then(|t| t.texts.get(field).map(|text| (text, t.lang)))
        {
            Some((text, lang)) if !text.is_empty() => (text.clone(), lang.code()),
            _ => (original.to_string(), self.original.code()),
        }
    }
}
