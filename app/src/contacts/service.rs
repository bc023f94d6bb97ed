//! The contacts service: read with the `circle` share, added and changed by the case's
//! workers, each change recorded in the same transaction.

use super::storage;
use super::{Contact, ContactChange, Contacts, ContactsView, NewContact};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::MemberKind;
use crate::db::{now, Tx};
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest, MAX_LIMIT};
use crate::state::{AppState, RequestContext};

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
async fn list(
    tx: &mut Tx<'_>,
    case: &CaseAccess,
    page: &PageRequest,
) -> Result<(Vec<Contact>, Option<String>), AppError> {
    let after = page.after.as_ref().map_or(0, |c| c.id);
    let (contacts, more) = storage::page(tx, case, after, page.limit.min(MAX_LIMIT)).await?;
    let next_cursor = more
        .then(|| contacts.last().map(|c| Cursor::by_id(c.id).encode()))
        .flatten();
    Ok((contacts, next_cursor))
}

async fn open(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    page: &PageRequest,
) -> Result<(CaseAccess, Contacts), AppError> {
    let case = access::open_case(tx, ctx, viewer, case_id, Category::Circle).await?;
    let participant_name = crate::circle::storage::participant_name(tx, &case)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let (contacts, next_cursor) = list(tx, &case, page).await?;
    let contacts = Contacts {
        case_id,
        participant_name,
        reader: case.kind(),
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
async fn check_member(tx: &mut Tx<'_>, case: &CaseAccess, member_user_id: Option<i64>) -> Result<(), AppError> {
    let Some(user_id) = member_user_id else { return Ok(()) };
    if !storage::is_worker(tx, case, user_id).await? {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    Ok(())
}

async fn fetch(tx: &mut Tx<'_>, case: &CaseAccess, contact_id: i64) -> Result<Contact, AppError> {
    storage::contact(tx, case, contact_id)
        .await?
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let new = cleaned(new)?;
    check_member(&mut tx, &case, new.member_user_id).await?;
    let id = storage::insert(&mut tx, &case, &new, (viewer.language.unwrap_or_default(), now())).await?;
    audit::record(
        &mut tx,
        ctx,
        change_entry(viewer, case_id, AuditAction::ContactCreated, id),
    )
    .await?;
    let contact = fetch(&mut tx, &case, id).await?;
    tx.commit().await?;
    Ok(contact)
}

/// Writes a contact without checks or audit: only for loading demo data, which has no
/// signed-in viewer to check.
pub async fn insert_in(tx: &mut Tx<'_>, case_id: i64, author: i64, new: &NewContact) -> Result<i64, AppError> {
    Ok(storage::insert_seed(tx, case_id, author, new, now()).await?)
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
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let current = fetch(&mut tx, &case, contact_id).await?;
    let changed = cleaned(change.apply_to(&NewContact::from(&current)))?;
    storage::update(&mut tx, &case, contact_id, &changed, now()).await?;
    audit::record(
        &mut tx,
        ctx,
        change_entry(viewer, case_id, AuditAction::ContactChanged, contact_id),
    )
    .await?;
    let contact = fetch(&mut tx, &case, contact_id).await?;
    tx.commit().await?;
    Ok(contact)
}
