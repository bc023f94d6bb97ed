//! Translation queries. Each takes the proof of access to the case; a translation is
//! found and written only within that case.

use super::{ItemKind, Translation};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::i18n::Lang;
use crate::sealing::text::Column;
use sqlx::Row;

/// An item that a worker may translate.
pub(crate) trait Translatable {
    fn id(&self) -> i64;
    fn translations_mut(&mut self) -> &mut Vec<Translation>;
}

impl Translatable for crate::trajectory::Milestone {
    fn id(&self) -> i64 {
        self.id
    }

    fn translations_mut(&mut self) -> &mut Vec<Translation> {
        &mut self.translations
    }
}

impl Translatable for crate::reunification::Step {
    fn id(&self) -> i64 {
        self.id
    }

    fn translations_mut(&mut self) -> &mut Vec<Translation> {
        &mut self.translations
    }
}

/// Gives each of `items` (one page of the case's items of `kind`) its translations, in one
/// query over the span of their ids.
pub(crate) async fn attach<'a, T: Translatable + 'a>(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    kind: ItemKind,
    items: impl IntoIterator<Item = &'a mut T>,
) -> Result<(), sqlx::Error> {
    let mut items: Vec<&mut T> = items.into_iter().collect();
    let Some((first, last)) = items.iter().map(|item| item.id()).fold(None, |span, id| match span {
        None => Some((id, id)),
        Some((low, high)) => Some((i64::min(low, id), i64::max(high, id))),
    }) else {
        return Ok(());
    };
    let rows = sqlx::query(
        "SELECT item_id, lang, field, body FROM content_translations \
         WHERE case_id = $1 AND item_kind = $2 AND item_id BETWEEN $3 AND $4 ORDER BY item_id, lang, field",
    )
    .bind(access.case_id())
    .bind(kind.as_str())
    .bind(first)
    .bind(last)
    .fetch_all(&mut **tx)
    .await?;
    let keys = tx.text_keys();
    for row in rows {
        let item_id: i64 = row.try_get("item_id")?;
        let (Some(lang), Some(item)) = (
            Lang::parse(&row.try_get::<String, _>("lang")?),
            items.iter_mut().find(|item| item.id() == item_id),
        ) else {
            continue;
        };
        let (field, body): (String, String) =
            (row.try_get("field")?, keys.read(&row, "body", Column::TranslationBody)?);
        let translations = item.translations_mut();
        match translations.iter_mut().find(|t| t.lang == lang) {
            Some(translation) => {
                translation.texts.insert(field, body);
            }
            None => translations.push(Translation {
                lang,
                texts: [(field, body)].into(),
            }),
        }
    }
    Ok(())
}

/// Replaces the item's translation into `lang` by `texts` (name, text; none empty).
pub(super) async fn replace(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    (kind, item_id): (ItemKind, i64),
    lang: Lang,
    texts: &[(&str, String)],
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM content_translations WHERE item_kind = $1 AND item_id = $2 AND lang = $3 AND case_id = $4",
    )
    .bind(kind.as_str())
    .bind(item_id)
    .bind(lang.code())
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    for (field, body) in texts {
        sqlx::query(
            "INSERT INTO content_translations (case_id, item_kind, item_id, lang, field, body, translated_by, translated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(access.case_id())
        .bind(kind.as_str())
        .bind(item_id)
        .bind(lang.code())
        .bind(*field)
        .bind(tx.text_keys().seal(Column::TranslationBody, body))
        .bind(access.viewer_id())
        .bind(now)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// Forgets the translations of one text whose original changed: they no longer say the
/// same, and the reader gets the new original until someone translates it again.
pub(crate) async fn forget_field(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    (kind, item_id): (ItemKind, i64),
    field: &str,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "DELETE FROM content_translations WHERE item_kind = $1 AND item_id = $2 AND field = $3 AND case_id = $4",
    )
    .bind(kind.as_str())
    .bind(item_id)
    .bind(field)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
