//! A worker of the case translates one of its items: load the original, check the worker
//! and the texts, write the translation and record it, in one transaction.

use super::{storage, ItemKind, NewTranslation, Translation};
use crate::access;
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::db::now;
use crate::error::{AppError, ErrorCode};
use crate::i18n::Lang;
use crate::state::{AppState, RequestContext};

/// The item's language and its texts by name, as written.
pub(crate) struct Original {
    pub lang: Lang,
    pub texts: Vec<(&'static str, String)>,
}

#[allow(clippy::too_many_arguments)]
pub async fn translate(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    (kind, item_id): (ItemKind, i64),
    lang: Lang,
    new: NewTranslation,
) -> Result<Translation, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let original = match kind {
        ItemKind::Milestone => crate::trajectory::storage::original_texts(&mut tx, &case, item_id).await?,
        ItemKind::ReunificationStep => crate::reunification::original_texts(&mut tx, &case, item_id).await?,
    }
    .ok_or(AppError::new(ErrorCode::NotFound))?;
    let texts = checked(kind, &original, lang, new)?;
    storage::replace(&mut tx, &case, (kind, item_id), lang, &texts, now()).await?;
    let action = match kind {
        ItemKind::Milestone => AuditAction::MilestoneChanged,
        ItemKind::ReunificationStep => AuditAction::ReunificationChanged,
    };
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some((kind.as_str(), item_id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    tx.commit().await?;
    Ok(Translation {
        lang,
        texts: texts
            .into_iter()
            .map(|(field, text)| (field.to_string(), text))
            .collect(),
    })
}

/// The translated texts worth keeping: only texts the original has, each within its
/// length, at least one of them, and not into the language it was written in.
fn checked(
    kind: ItemKind,
    original: &Original,
    lang: Lang,
    new: NewTranslation,
) -> Result<Vec<(&'static str, String)>, AppError> {
    let refused = || AppError::new(ErrorCode::InvalidInput);
    if lang == original.lang {
        return Err(refused());
    }
    let mut texts = Vec::new();
    for (field, text) in new.texts {
        let &(name, max) = kind
            .fields()
            .iter()
            .find(|(name, _)| *name == field)
            .ok_or_else(refused)?;
        let text = crate::text::cleaned(&text, false, max)?;
        let has_original = original.texts.iter().any(|(n, t)| *n == name && !t.is_empty());
        match (text.is_empty(), has_original) {
            (true, _) => {}
            (false, true) => texts.push((name, text)),
            (false, false) => return Err(refused()),
        }
    }
    if texts.is_empty() {
        return Err(refused());
    }
    Ok(texts)
}
