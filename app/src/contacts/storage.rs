//! Contact queries. Each takes the proof of access to the case, and a contact named by
//! its id is found only within that case.

use super::{Contact, ContactKind, NewContact};
use crate::access::CaseAccess;
use crate::db::Tx;
use crate::i18n::Lang;
use sqlx::Row;

const COLUMNS: &str = "id, case_id, member_user_id, kind, name, organisation, role, why_involved, decides, \
                       phone, office_hours, languages, stand_in, updated_at, content_lang";

fn from_row(row: &sqlx::any::AnyRow) -> Result<Option<Contact>, sqlx::Error> {
    let kind: String = row.try_get("kind")?;
    let Some(kind) = ContactKind::parse(&kind) else {
        return Ok(None);
    };
    Ok(Some(Contact {
        id: row.try_get("id")?,
        case_id: row.try_get("case_id")?,
        member_user_id: row.try_get("member_user_id")?,
        kind,
        name: row.try_get("name")?,
        organisation: row.try_get("organisation")?,
        role: row.try_get("role")?,
        why_involved: row.try_get("why_involved")?,
        decides: row.try_get("decides")?,
        phone: row.try_get("phone")?,
        office_hours: row.try_get("office_hours")?,
        languages: row.try_get("languages")?,
        stand_in: row.try_get("stand_in")?,
        updated_at: row.try_get("updated_at")?,
        lang: Lang::parse(&row.try_get::<String, _>("content_lang")?).unwrap_or_default(),
    }))
}

/// Up to `limit` contacts in id order after the id `after`, and whether more follow.
pub(super) async fn page(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    after: i64,
    limit: i64,
) -> Result<(Vec<Contact>, bool), sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3");
    let rows = sqlx::query(&sql)
        .bind(access.case_id())
        .bind(after)
        .bind(limit + 1)
        .fetch_all(&mut **tx)
        .await?;
    let mut contacts = Vec::with_capacity(rows.len());
    for row in rows.iter().take(limit as usize) {
        contacts.extend(from_row(row)?);
    }
    Ok((contacts, rows.len() as i64 > limit))
}

pub(super) async fn contact(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    contact_id: i64,
) -> Result<Option<Contact>, sqlx::Error> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(contact_id)
        .bind(access.case_id())
        .fetch_optional(&mut **tx)
        .await?;
    Ok(match row {
        Some(row) => from_row(&row)?,
        None => None,
    })
}

/// Whether someone is a worker in the case's circle now (a contact may point only at one).
pub(super) async fn is_worker(tx: &mut Tx<'_>, access: &CaseAccess, user_id: i64) -> Result<bool, sqlx::Error> {
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND member_kind = 'worker' AND ended_at IS NULL",
    )
    .bind(access.case_id())
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    Ok(count > 0)
}

/// A new contact written by the viewer who passed the check.
pub(super) async fn insert(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    new: &NewContact,
    (lang, now): (Lang, i64),
) -> Result<i64, sqlx::Error> {
    insert_row(tx, (access.case_id(), access.viewer_id()), new, (lang, now)).await
}

/// Demo data is loaded before anyone signs in, so there is no viewer to check: the one
/// way to write a contact without a proof, and nothing else may call it.
pub(super) async fn insert_seed(
    tx: &mut Tx<'_>,
    case_id: i64,
    author: i64,
    new: &NewContact,
    now: i64,
) -> Result<i64, sqlx::Error> {
    insert_row(tx, (case_id, author), new, (Lang::Nl, now)).await
}

async fn insert_row(
    tx: &mut Tx<'_>,
    (case_id, author): (i64, i64),
    new: &NewContact,
    (lang, now): (Lang, i64),
) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar(
        "INSERT INTO contacts (case_id, member_user_id, kind, name, organisation, role, why_involved, decides, \
         phone, office_hours, languages, stand_in, created_by, created_at, updated_at, content_lang) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $14, $15) RETURNING id",
    )
    .bind(case_id)
    .bind(new.member_user_id)
    .bind(new.kind.as_str())
    .bind(&new.name)
    .bind(&new.organisation)
    .bind(&new.role)
    .bind(&new.why_involved)
    .bind(&new.decides)
    .bind(&new.phone)
    .bind(&new.office_hours)
    .bind(&new.languages)
    .bind(&new.stand_in)
    .bind(author)
    .bind(now)
    .bind(lang.code())
    .fetch_one(&mut **tx)
    .await
}

/// Writes every changeable field of a contact of the case (all but whom it points at).
pub(super) async fn update(
    tx: &mut Tx<'_>,
    access: &CaseAccess,
    contact_id: i64,
    changed: &NewContact,
    now: i64,
) -> Result<(), sqlx::Error> {
    sqlx::query(
        "UPDATE contacts SET kind = $1, name = $2, organisation = $3, role = $4, why_involved = $5, decides = $6, \
         phone = $7, office_hours = $8, languages = $9, stand_in = $10, updated_at = $11 \
         WHERE id = $12 AND case_id = $13",
    )
    .bind(changed.kind.as_str())
    .bind(&changed.name)
    .bind(&changed.organisation)
    .bind(&changed.role)
    .bind(&changed.why_involved)
    .bind(&changed.decides)
    .bind(&changed.phone)
    .bind(&changed.office_hours)
    .bind(&changed.languages)
    .bind(&changed.stand_in)
    .bind(now)
    .bind(contact_id)
    .bind(access.case_id())
    .execute(&mut **tx)
    .await?;
    Ok(())
}
