//! The contacts service: read with the `circle` share, added and changed by the case's
//! workers, each change recorded in the same transaction.

use super::{Contact, ContactChange, ContactKind, Contacts, ContactsView, NewContact};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest, MAX_LIMIT};
use crate::state::{AppState, RequestContext};
use sqlx::Row;

const COLUMNS: &str = "id, case_id, member_user_id, kind, name, organisation, role, why_involved, decides, \
                       phone, office_hours, languages, stand_in, updated_at";

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
    }))
}

/// Trims every text and refuses what a card cannot show: a missing name, role or reason
/// for being involved, or a text longer than a card holds.
fn cleaned(new: NewContact) -> Result<NewContact, AppError> {
    let text = |value: String, required: bool, max: usize| crate::text::cleaned(&value, required, max);
    Ok(NewContact {
        member_user_id: new.member_user_id,
        kind: new.kind,
        name: text(new.name, true, 120)?,
        organisation: text(new.organisation, false, 120)?,
        role: text(new.role, true, 120)?,
        why_involved: text(new.why_involved, true, 1000)?,
        decides: text(new.decides, false, 1000)?,
        phone: text(new.phone, false, 40)?,
        office_hours: text(new.office_hours, false, 200)?,
        languages: text(new.languages, false, 200)?,
        stand_in: text(new.stand_in, false, 200)?,
    })
}

/// One page of contacts in id order, cut in the query itself.
async fn list(tx: &mut Tx<'_>, case_id: i64, page: &PageRequest) -> Result<(Vec<Contact>, Option<String>), AppError> {
    let limit = page.limit.min(MAX_LIMIT);
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE case_id = $1 AND id > $2 ORDER BY id LIMIT $3");
    let rows = sqlx::query(&sql)
        .bind(case_id)
        .bind(page.after.as_ref().map_or(0, |c| c.id))
        .bind(limit + 1)
        .fetch_all(&mut **tx)
        .await?;
    let mut contacts = Vec::with_capacity(rows.len());
    for row in rows.iter().take(limit as usize) {
        contacts.extend(from_row(row)?);
    }
    let next_cursor = (rows.len() as i64 > limit)
        .then(|| contacts.last().map(|c| Cursor::by_id(c.id).encode()))
        .flatten();
    Ok((contacts, next_cursor))
}

async fn participant_name(tx: &mut Tx<'_>, case_id: i64) -> Result<String, AppError> {
    sqlx::query_scalar("SELECT label FROM cases WHERE id = $1")
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))
}

async fn open(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<(CaseAccess, Contacts), AppError> {
    let case = access::open_case(tx, ctx, viewer, case_id, Category::Circle).await?;
    let participant_name = participant_name(tx, case_id).await?;
    let (contacts, next_cursor) = list(tx, case_id, page).await?;
    let contacts = Contacts {
        case_id,
        participant_name,
        contacts,
        next_cursor,
    };
    Ok((case, contacts))
}

pub async fn contacts(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<Contacts, AppError> {
    let mut tx = state.read().await?;
    let (_, contacts) = open(&mut tx, ctx, viewer, case_id, page).await?;
    tx.commit().await?;
    Ok(contacts)
}

/// The page shows up to 200 contacts at once (a case has a dozen, not hundreds).
pub async fn contacts_view(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<ContactsView, AppError> {
    let mut tx = state.read().await?;
    let first_page = PageRequest::new(None, Some(MAX_LIMIT))?;
    let (case, contacts) = open(&mut tx, ctx, viewer, case_id, &first_page).await?;
    tx.commit().await?;
    Ok(ContactsView {
        contacts,
        may_edit: case.kind() == MemberKind::Worker,
        yours: case.kind() == MemberKind::Participant,
    })
}

/// A contact may point only at a worker who is in this case's circle.
async fn check_member(tx: &mut Tx<'_>, case_id: i64, member_user_id: Option<i64>) -> Result<(), AppError> {
    let Some(user_id) = member_user_id else { return Ok(()) };
    let count: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM memberships WHERE case_id = $1 AND user_id = $2 AND member_kind = 'worker' AND ended_at IS NULL",
    )
    .bind(case_id)
    .bind(user_id)
    .fetch_one(&mut **tx)
    .await?;
    if count == 0 {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    Ok(())
}

async fn fetch(tx: &mut Tx<'_>, case_id: i64, contact_id: i64) -> Result<Contact, AppError> {
    let sql = format!("SELECT {COLUMNS} FROM contacts WHERE id = $1 AND case_id = $2");
    let row = sqlx::query(&sql)
        .bind(contact_id)
        .bind(case_id)
        .fetch_optional(&mut **tx)
        .await?;
    match row {
        Some(row) => from_row(&row)?,
        None => None,
    }
    .ok_or(AppError::new(ErrorCode::NotFound))
}

fn change_entry(viewer: &Viewer, case_id: i64, action: AuditAction, contact_id: i64) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: Some(case_id),
        object: Some(("contact", contact_id)),
    }
}

pub async fn add(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    new: NewContact,
) -> Result<Contact, AppError> {
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let new = cleaned(new)?;
    check_member(&mut tx, case_id, new.member_user_id).await?;
    let id = insert_in(&mut tx, case_id, viewer.user_id, &new).await?;
    audit::record(
        &mut tx,
        ctx,
        change_entry(viewer, case_id, AuditAction::ContactCreated, id),
    )
    .await?;
    let contact = fetch(&mut tx, case_id, id).await?;
    tx.commit().await?;
    Ok(contact)
}

/// Writes a contact without checks or audit: for `add` and for loading demo data.
pub async fn insert_in(tx: &mut Tx<'_>, case_id: i64, author: i64, new: &NewContact) -> Result<i64, AppError> {
    let at = now();
    let id = sqlx::query_scalar(
        "INSERT INTO contacts (case_id, member_user_id, kind, name, organisation, role, why_involved, decides, \
         phone, office_hours, languages, stand_in, created_by, created_at, updated_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15) RETURNING id",
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
    .bind(at)
    .bind(at)
    .fetch_one(&mut **tx)
    .await?;
    Ok(id)
}

pub async fn change(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    contact_id: i64,
    change: ContactChange,
) -> Result<Contact, AppError> {
    let mut tx = state.begin().await?;
    access::require_case_worker(&mut tx, viewer, case_id).await?;
    let current = fetch(&mut tx, case_id, contact_id).await?;
    let changed = cleaned(change.apply_to(&NewContact::from(&current)))?;
    sqlx::query(
        "UPDATE contacts SET kind = $1, name = $2, organisation = $3, role = $4, why_involved = $5, decides = $6, \
         phone = $7, office_hours = $8, languages = $9, stand_in = $10, updated_at = $11 WHERE id = $12",
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
    .bind(now())
    .bind(contact_id)
    .execute(&mut *tx)
    .await?;
    audit::record(
        &mut tx,
        ctx,
        change_entry(viewer, case_id, AuditAction::ContactChanged, contact_id),
    )
    .await?;
    let contact = fetch(&mut tx, case_id, contact_id).await?;
    tx.commit().await?;
    Ok(contact)
}
