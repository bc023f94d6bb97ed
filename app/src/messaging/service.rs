//! The messaging service. Every read and write goes through the access module's
//! conversation check (members only, and only while they are in the case's circle); reads
//! and sends are audited without the text.

use super::live::{self, NewEvent};
use super::storage::{self, ConversationRow, Which, Window};
use super::{
    Conversation, ConversationList, Message, MessagePage, NewGroup, NewMember, NewMessage, ReadReceiptSetting,
    ReadUpTo, ResponsePromise, MAX_BODY_CHARS,
};
use crate::access::{self, ConversationAccess};
use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{first_name, CircleMember};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::pagination::{Cursor, PageRequest};
use crate::sharing::Category;
use crate::state::{AppState, RequestContext};
use std::collections::hash_map::Entry;
use std::collections::{HashMap, HashSet};

fn invalid() -> AppError {
    AppError::new(ErrorCode::InvalidInput)
}

/// Unread messages per case over the conversations the person can reach, each
/// conversation counted up to [`UNREAD_COUNTED_UP_TO`](super::UNREAD_COUNTED_UP_TO).
/// Numbers only: nothing of a message is read, so nothing is audited.
pub async fn unread_by_case(tx: &mut Tx<'_>, viewer: &Viewer, now: i64) -> Result<HashMap<i64, i64>, AppError> {
    let mut by_case = HashMap::new();
    for row in storage::conversations_of(tx, viewer.user_id, Which::All, now).await? {
        *by_case.entry(row.case_id).or_insert(0) += row.unread;
    }
    Ok(by_case)
}

/// What the navigation shows on every page: how many messages wait for the person.
pub async fn unread_total(state: &AppState, viewer: &Viewer) -> Result<i64, AppError> {
    let mut tx = state.read().await?;
    let by_case = unread_by_case(&mut tx, viewer, state.clock.now()).await?;
    tx.commit().await?;
    Ok(by_case.values().sum())
}

/// Whether the viewer is a family member to whom the participant has not shown the
/// circle of the case. Messaging then names the people in it by first name only, and a
/// worker as "Sarah's support worker", never by role or organisation.
pub(super) async fn circle_hidden_from(tx: &mut Tx<'_>, viewer: &Viewer, case_id: i64) -> Result<bool, AppError> {
    Ok(!access::may_read(tx, viewer, case_id, Category::Circle).await?)
}

pub(super) async fn with_members(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    rows: Vec<ConversationRow>,
    now: i64,
) -> Result<Vec<Conversation>, AppError> {
    let mut members = storage::members_of_conversations(tx, viewer.user_id).await?;
    let mut stand_ins = storage::stand_ins_for(tx, viewer.user_id, now).await?;
    let mut hidden = HashMap::new();
    for row in &rows {
        if let Entry::Vacant(slot) = hidden.entry(row.case_id) {
            slot.insert(circle_hidden_from(tx, viewer, row.case_id).await?);
        }
    }
    Ok(rows
        .into_iter()
        .map(|row| {
            let mut members = members.remove(&row.id).unwrap_or_default();
            let mut stand_ins = stand_ins.remove(&row.id).unwrap_or_default();
            if hidden[&row.case_id] {
                members = members.into_iter().map(CircleMember::without_circle_details).collect();
                for stand_in in &mut stand_ins {
                    stand_in.away_name = first_name(&stand_in.away_name);
                    stand_in.stand_in_name = first_name(&stand_in.stand_in_name);
                }
            }
            (row, members, stand_ins)
        })
        .map(|(row, members, stand_ins)| Conversation {
            members,
            stand_ins,
            id: row.id,
            case_id: row.case_id,
            participant_name: row.participant_name,
            kind: row.kind,
            last_message_id: row.last_message_id,
            last_message_at: row.last_message_at,
            unread: row.unread,
        })
        .collect())
}

/// Every conversation the viewer is in; the pair conversations with their workers (or,
/// for a worker, with the people of their cases) exist from the start.
pub async fn conversations(
    state: &AppState,
    viewer: &Viewer,
    page: &PageRequest,
) -> Result<ConversationList, AppError> {
    let now = state.clock.now();
    let mut tx = read_with_pairs(state, viewer.user_id, now).await?;
    let which = Which::Page {
        after: page.after_id(),
        limit: page.one_more(),
    };
    let rows = storage::conversations_of(&mut tx, viewer.user_id, which, now).await?;
    let (rows, next_cursor) = page.cut(rows, |row| Cursor::by_id(row.id));
    let conversations = with_members(&mut tx, viewer, rows, now).await?;
    tx.commit().await?;
    Ok(ConversationList {
        conversations,
        next_cursor,
    })
}

/// A read transaction in which the person's pair conversations exist: the first look
/// after someone joined a circle creates them (a short write), every later look only reads.
pub(super) async fn read_with_pairs(state: &AppState, user_id: i64, now: i64) -> Result<Tx<'static>, AppError> {
    let mut tx = state.read().await?;
    let missing = storage::missing_pairs(&mut tx, user_id).await?;
    if missing.is_empty() {
        return Ok(tx);
    }
    drop(tx);
    let mut write = state.begin().await?;
    storage::create_pairs(&mut write, &missing, now).await?;
    write.commit().await?;
    Ok(state.read().await?)
}

async fn conversation(tx: &mut Tx<'_>, viewer: &Viewer, id: i64, now: i64) -> Result<Conversation, AppError> {
    let rows = storage::conversations_of(tx, viewer.user_id, Which::One(id), now).await?;
    with_members(tx, viewer, rows, now)
        .await?
        .pop()
        .ok_or(AppError::new(ErrorCode::NotFound))
}

/// A stretch of a conversation: the newest messages, or those before or after a cursor.
pub async fn messages(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    conversation_id: i64,
    before: Option<&str>,
    after: Option<&str>,
    limit: Option<i64>,
) -> Result<MessagePage, AppError> {
    let page = PageRequest::new(None, limit)?;
    let window = match (before, after) {
        (None, None) => Window::Newest,
        (Some(before), None) => Window::Before(Cursor::decode(before)?.id),
        (None, Some(after)) => Window::After(Cursor::decode(after)?.id),
        (Some(_), Some(_)) => return Err(invalid()),
    };
    let mut tx = state.read().await?;
    let opened = access::open_conversation(&mut tx, ctx, viewer, conversation_id, state.clock.now()).await?;
    let mut messages = storage::messages(&mut tx, &opened, window, page.limit).await?;
    storage::fill_read_receipts(&mut tx, &opened, viewer.user_id, &mut messages).await?;
    let (older_cursor, newer_cursor) = match (messages.first(), messages.last()) {
        (Some(first), Some(last)) => (
            storage::has_message_beyond(&mut tx, &opened, first.id, false)
                .await?
                .then(|| Cursor::by_id(first.id).encode()),
            storage::has_message_beyond(&mut tx, &opened, last.id, true)
                .await?
                .then(|| Cursor::by_id(last.id).encode()),
        ),
        _ => (None, None),
    };
    let conversation = conversation(&mut tx, viewer, conversation_id, state.clock.now()).await?;
    if circle_hidden_from(&mut tx, viewer, conversation.case_id).await? {
        messages.iter_mut().for_each(Message::by_first_names);
    }
    tx.commit().await?;
    Ok(MessagePage {
        conversation,
        messages,
        older_cursor,
        newer_cursor,
    })
}

fn check_new_message(new: &NewMessage) -> Result<(), AppError> {
    let length = new.body.chars().count();
    let client_id = new.client_id.trim();
    if new.body.trim().is_empty() || length > MAX_BODY_CHARS || client_id.is_empty() || client_id.chars().count() > 100
    {
        return Err(invalid());
    }
    Ok(())
}

/// Sends a message, at most once per client id: a retry returns the message already sent.
/// The answer comes only after the message is committed.
pub async fn send(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    conversation_id: i64,
    new: NewMessage,
) -> Result<Message, AppError> {
    check_new_message(&new)?;
    let client_id = new.client_id.trim();
    let mut tx = state.begin().await?;
    let conversation = access::require_conversation_member(&mut tx, viewer, conversation_id, state.clock.now()).await?;
    let at = state.clock.now();
    // Written in the sender's language, which pages mark and read-aloud speaks.
    let lang = viewer.language.unwrap_or_default();
    let Some(id) =
        storage::insert_message(&mut tx, &conversation, viewer.user_id, client_id, &new.body, lang, at).await?
    else {
        // A retry: the message with this id was sent before, so answer with it. (Or, with
        // another conversation, a client's mistake.)
        let sent = storage::message_by_client_id(&mut tx, viewer.user_id, client_id).await?;
        tx.commit().await?;
        return sent
            .filter(|m| m.conversation_id == conversation_id)
            .ok_or_else(invalid);
    };
    audit::record(
        &mut tx,
        ctx,
        audit_entry(viewer, &conversation, AuditAction::MessageSent, ("message", id)),
    )
    .await?;
    let members = storage::member_ids(&mut tx, &conversation).await?;
    let event = NewEvent {
        kind: "message",
        message_id: id,
        actor_id: viewer.user_id,
        at,
        recipients: &members,
    };
    live::record(&mut tx, state.backend, &conversation, event).await?;
    let sent = Message {
        id,
        conversation_id,
        sender_id: viewer.user_id,
        sender_name: viewer.display_name.clone(),
        body: new.body.clone(),
        client_id: client_id.to_string(),
        sent_at: at,
        lang,
        read_by: Vec::new(),
    };
    // The two rows every send to this conversation shares come last, so their locks are
    // held only for the commit: on PostgreSQL, sends to one conversation queue on them.
    let from_worker = viewer.role == AccountRole::Worker;
    storage::advance_last_message(&mut tx, &conversation, id, from_worker, at).await?;
    // Your own message counts as read by you.
    storage::move_read_up_to(&mut tx, &conversation, viewer.user_id, id).await?;
    tx.commit().await?;
    state.events.wake(&members);
    let others: Vec<i64> = members.iter().copied().filter(|m| *m != viewer.user_id).collect();
    crate::push::service::notify(state, &others);
    Ok(sent)
}

fn audit_entry(
    viewer: &Viewer,
    conversation: &ConversationAccess,
    action: AuditAction,
    object: (&'static str, i64),
) -> AuditEntry {
    AuditEntry {
        actor: Some(viewer.user_id),
        action,
        case_id: conversation.participant_is_member().then_some(conversation.case_id()),
        object: Some(object),
    }
}

/// Marks the conversation read up to a message; never moves backwards.
pub async fn mark_read(
    state: &AppState,
    viewer: &Viewer,
    conversation_id: i64,
    read: ReadUpTo,
) -> Result<(), AppError> {
    let mut tx = state.begin().await?;
    let conversation = access::require_conversation_member(&mut tx, viewer, conversation_id, state.clock.now()).await?;
    if !storage::has_message(&mut tx, &conversation, read.up_to).await? {
        return Err(invalid());
    }
    if !storage::move_read_up_to(&mut tx, &conversation, viewer.user_id, read.up_to).await? {
        return Ok(());
    }
    let at = state.clock.now();
    storage::insert_read_mark(&mut tx, &conversation, viewer.user_id, read.up_to, at).await?;
    // The reader's own devices learn their unread count; the others learn of the reading
    // only when the reader shares read receipts.
    let shares_receipts = storage::sends_read_receipts(&mut tx, viewer.user_id).await?;
    let recipients: Vec<i64> = storage::member_ids(&mut tx, &conversation)
        .await?
        .into_iter()
        .filter(|id| *id == viewer.user_id || shares_receipts)
        .collect();
    let event = NewEvent {
        kind: "read",
        message_id: read.up_to,
        actor_id: viewer.user_id,
        at,
        recipients: &recipients,
    };
    live::record(&mut tx, state.backend, &conversation, event).await?;
    tx.commit().await?;
    state.events.wake(&recipients);
    Ok(())
}

/// The participant starts a conversation with several of their workers at once.
pub async fn start_group(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    group: NewGroup,
) -> Result<Conversation, AppError> {
    let mut workers = group.worker_ids.clone();
    workers.sort_unstable();
    workers.dedup();
    let mut tx = state.begin().await?;
    let case = access::require_participant(&mut tx, viewer, group.case_id).await?;
    if workers.len() < 2 {
        return Err(invalid());
    }
    let case_workers: HashSet<i64> = storage::case_workers(&mut tx, &case).await?.into_iter().collect();
    if workers.iter().any(|id| !case_workers.contains(id)) {
        return Err(invalid());
    }
    let at = state.clock.now();
    // The participant first, then the workers.
    let members: Vec<i64> = std::iter::once(viewer.user_id).chain(workers).collect();
    let id = storage::insert_group(&mut tx, &case, &members, at).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::ConversationCreated,
        case_id: Some(group.case_id),
        object: Some(("conversation", id)),
    };
    audit::record(&mut tx, ctx, entry).await?;
    let conversation = conversation(&mut tx, viewer, id, state.clock.now()).await?;
    tx.commit().await?;
    Ok(conversation)
}

/// A member adds a worker of the same case to the conversation (it becomes a group). Only
/// this way do workers of a case see each other's conversations.
pub async fn add_member(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    conversation_id: i64,
    new: NewMember,
) -> Result<Conversation, AppError> {
    let now = state.clock.now();
    let mut tx = state.begin().await?;
    let conversation = access::require_conversation_member(&mut tx, viewer, conversation_id, now).await?;
    let worker_of_case = storage::is_case_worker(&mut tx, &conversation, new.user_id).await?;
    let already = storage::is_member(&mut tx, &conversation, new.user_id).await?;
    if !worker_of_case || already {
        return Err(invalid());
    }
    storage::add_member(&mut tx, &conversation, new.user_id, now).await?;
    storage::make_group(&mut tx, &conversation).await?;
    let entry = audit_entry(
        viewer,
        &conversation,
        AuditAction::ConversationMemberAdded,
        ("user", new.user_id),
    );
    audit::record(&mut tx, ctx, entry).await?;
    let result = self::conversation(&mut tx, viewer, conversation_id, now).await?;
    tx.commit().await?;
    Ok(result)
}

/// A worker who leaves a case hands their conversations in it to their successor, inside
/// the transaction that ends their place in the circle.
pub async fn hand_over(
    tx: &mut Tx<'_>,
    ending: &access::MembershipEnding,
    successor: i64,
    now: i64,
) -> Result<(), AppError> {
    storage::hand_over(tx, ending.departing(), successor, now).await?;
    Ok(())
}

/// A coordinator sets how many working days an organisation promises for an answer.
pub async fn set_response_promise(
    state: &AppState,
    viewer: &Viewer,
    organisation_id: i64,
    promise: ResponsePromise,
) -> Result<(), AppError> {
    access::require_coordinator(viewer)?;
    if !(1..=10).contains(&promise.working_days) {
        return Err(invalid());
    }
    let mut tx = state.begin().await?;
    if !storage::set_response_promise(&mut tx, organisation_id, promise.working_days).await? {
        return Err(AppError::new(ErrorCode::NotFound));
    }
    tx.commit().await?;
    Ok(())
}

/// Participants and family members may stop others from seeing when they read.
pub async fn set_read_receipts(state: &AppState, viewer: &Viewer, setting: ReadReceiptSetting) -> Result<(), AppError> {
    if !matches!(viewer.role, AccountRole::Participant | AccountRole::Family) {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let mut tx = state.begin().await?;
    storage::set_sends_read_receipts(&mut tx, viewer.user_id, setting.send).await?;
    tx.commit().await?;
    Ok(())
}
