//! Taking a copy of one's own data (GDPR articles 15 and 20).
//!
//! Two steps on the request's one connection. `open` checks what the person may copy of
//! each case and conversation and records the copy in the access log; it returns once
//! that record is durable, before any data leaves. `write` then reads everything in one
//! read transaction (one consistent snapshot) and hands it to a writer piece by piece:
//! the long lists go a page at a time, so a copy of a case with a million messages never
//! holds more than a page in memory.

use super::storage;
use super::types::*;
use crate::access::{self, ConversationAccess, ExportAccess};
use crate::accounts::service::Viewer;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{first_name, CaseRole, MemberKind, Relationship};
use crate::error::{AppError, ErrorCode};
use crate::messaging::Message;
use crate::second_factor::service::require_recent as require_recent_second_factor;
use crate::sharing::Category;
use crate::state::{AppState, RequestContext};
use crate::transparency::AccessLogEntry;

/// Messages and access-log entries per page read and written.
const PAGE: i64 = 500;

/// A copy that was checked and recorded, ready to be written.
pub struct OpenExport {
    state: AppState,
    viewer: Viewer,
    exported_at: i64,
    cases: Vec<(storage::MembershipRow, Option<ExportAccess>)>,
    conversations: Vec<ConversationAccess>,
}

impl OpenExport {
    pub fn exported_at(&self) -> i64 {
        self.exported_at
    }
}

/// The start of a copy: everything before the cases.
pub struct ExportHead {
    pub exported_at: i64,
    pub profile: ExportProfile,
    pub preferences: Option<crate::preferences::Preferences>,
    pub devices: Vec<ExportDevice>,
    pub passkeys: Vec<ExportPasskey>,
}

/// A conversation's heading, before its messages.
pub struct ConversationHead {
    pub id: i64,
    pub case_id: i64,
    pub kind: crate::messaging::ConversationKind,
    pub members: Vec<String>,
}

/// Turns the pieces of a copy into text: JSON for `/api/v1/me/export`, a printable page for
/// people. The pieces come in this order: `head`, each `case`, `conversations`, per
/// conversation `conversation`, its `messages` pages and `conversation_end`, then
/// `access_logs`, per log `access_log`, its `entries` pages and `access_log_end`, and `end`.
pub trait ExportWriter: Send + 'static {
    fn head(&mut self, head: &ExportHead) -> String;
    fn case(&mut self, case: &ExportCase) -> String;
    fn conversations(&mut self) -> String;
    fn conversation(&mut self, head: &ConversationHead) -> String;
    fn messages(&mut self, messages: &[Message]) -> String;
    fn conversation_end(&mut self) -> String;
    fn access_logs(&mut self) -> String;
    fn access_log(&mut self, case_id: i64, participant_name: &str) -> String;
    fn entries(&mut self, entries: &[AccessLogEntry]) -> String;
    fn access_log_end(&mut self) -> String;
    fn end(&mut self) -> String;
}

/// Checks and records the copy. Staff give their second factor again first, as for other
/// sensitive actions.
pub async fn open(state: &AppState, ctx: &RequestContext, viewer: &Viewer) -> Result<OpenExport, AppError> {
    require_recent_second_factor(viewer)?;
    let now = state.clock.now();
    let mut tx = state.read().await?;
    // The copy is the person's own act, recorded also when it comes from no case (staff
    // outside every circle), and in the access log of each case it takes something from.
    let own = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::DataExported,
        case_id: None,
        object: Some(("user", viewer.user_id)),
    };
    audit::record(&mut tx, ctx, own).await?;
    let memberships = storage::memberships(&mut tx, viewer.user_id).await?;
    let mut cases = Vec::with_capacity(memberships.len());
    for membership in memberships {
        let access = match membership.left_at {
            None => access::open_case_for_export(&mut tx, ctx, viewer, membership.case_id).await?,
            Some(_) => None,
        };
        cases.push((membership, access));
    }
    let mut conversations = Vec::new();
    for id in storage::conversation_ids(&mut tx, viewer.user_id).await? {
        conversations.push(access::open_conversation(&mut tx, ctx, viewer, id, now).await?);
    }
    tx.commit().await?;
    Ok(OpenExport {
        state: state.clone(),
        viewer: viewer.clone(),
        exported_at: now,
        cases,
        conversations,
    })
}

/// Where the written text goes; `false` when nobody reads it any more (the client left).
pub trait Sink: Send {
    fn send(&mut self, text: String) -> impl std::future::Future<Output = bool> + Send;
}

/// Writes the copy to `sink`. An error ends it half-way: the caller must make the reader
/// see a broken copy, never a short one that looks whole.
pub async fn write<W: ExportWriter, S: Sink>(export: OpenExport, mut writer: W, mut sink: S) -> Result<(), AppError> {
    let OpenExport {
        state,
        viewer,
        exported_at,
        cases,
        conversations,
    } = export;
    let mut tx = state.read().await?;
    let profile = storage::profile(&mut tx, viewer.user_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let head = ExportHead {
        exported_at,
        profile,
        preferences: crate::preferences::storage::own(&mut tx, viewer.user_id).await?,
        devices: storage::devices(&mut tx, viewer.user_id).await?,
        passkeys: crate::second_factor::passkey_summaries(&mut tx, viewer.user_id)
            .await?
            .into_iter()
            .map(|passkey| ExportPasskey {
                name: passkey.name,
                created_at: passkey.created_at,
                last_used_at: passkey.last_used_at,
            })
            .collect(),
    };
    if !sink.send(writer.head(&head)).await {
        return Ok(());
    }
    let mut own_cases = Vec::new();
    for (membership, access) in &cases {
        let case = case_of(&mut tx, &viewer, membership, access.as_ref()).await?;
        if case.member_kind == MemberKind::Participant && access.is_some() {
            own_cases.push((case.case_id, case.participant_name.clone()));
        }
        if !sink.send(writer.case(&case)).await {
            return Ok(());
        }
    }
    if !sink.send(writer.conversations()).await {
        return Ok(());
    }
    // Staff take their own messages; the participant's and family's words stay in the file.
    let only_from = viewer.role.is_staff().then_some(viewer.user_id);
    for conversation in &conversations {
        let naming = naming_in(&cases, conversation.case_id());
        let (kind, members) = storage::conversation_head(&mut tx, conversation).await?;
        let head = ConversationHead {
            id: conversation.conversation_id(),
            case_id: conversation.case_id(),
            kind,
            members: members.iter().map(|name| naming.name(name, &viewer)).collect(),
        };
        if !sink.send(writer.conversation(&head)).await {
            return Ok(());
        }
        let mut after = 0;
        loop {
            let mut page = storage::messages_after(&mut tx, conversation, after, only_from, PAGE).await?;
            let Some(last) = page.last() else { break };
            after = last.id;
            for message in &mut page {
                message.sender_name = naming.name(&message.sender_name, &viewer);
            }
            if !sink.send(writer.messages(&page)).await {
                return Ok(());
            }
            if (page.len() as i64) < PAGE {
                break;
            }
        }
        if !sink.send(writer.conversation_end()).await {
            return Ok(());
        }
    }
    if !sink.send(writer.access_logs()).await {
        return Ok(());
    }
    for (case_id, participant_name) in own_cases {
        let Some(access) = cases
            .iter()
            .find_map(|(_, a)| a.as_ref().filter(|a| a.case.case_id() == case_id))
        else {
            continue;
        };
        if !sink.send(writer.access_log(case_id, &participant_name)).await {
            return Ok(());
        }
        let mut before = i64::MAX;
        loop {
            let page = crate::transparency::storage::entries(&mut tx, &access.case, before, PAGE).await?;
            let Some(last) = page.last() else { break };
            before = last.id;
            if !sink.send(writer.entries(&page)).await {
                return Ok(());
            }
            if (page.len() as i64) < PAGE {
                break;
            }
        }
        if !sink.send(writer.access_log_end()).await {
            return Ok(());
        }
    }
    tx.commit().await?;
    sink.send(writer.end()).await;
    Ok(())
}

/// How a copy names people: in full, except for a family member who was not shown the
/// circle, who sees first names only (as on their pages).
#[derive(Clone, Copy)]
struct Naming {
    first_names: bool,
}

impl Naming {
    fn name(self, name: &str, viewer: &Viewer) -> String {
        if self.first_names && name != viewer.display_name {
            first_name(name)
        } else {
            name.to_string()
        }
    }
}

fn naming_in(cases: &[(storage::MembershipRow, Option<ExportAccess>)], case_id: i64) -> Naming {
    let first_names = cases.iter().any(|(membership, access)| {
        membership.case_id == case_id
            && membership.member_kind == MemberKind::Family.as_str()
            && !access.as_ref().is_some_and(|a| a.included.contains(&Category::Circle))
    });
    Naming { first_names }
}

async fn case_of(
    tx: &mut crate::db::Tx<'_>,
    viewer: &Viewer,
    membership: &storage::MembershipRow,
    access: Option<&ExportAccess>,
) -> Result<ExportCase, AppError> {
    let member_kind = MemberKind::parse(&membership.member_kind).ok_or(AppError::new(ErrorCode::Internal))?;
    let mut case = ExportCase {
        case_id: membership.case_id,
        participant_name: membership.participant_name.clone(),
        member_kind,
        case_role: membership.case_role.as_deref().and_then(CaseRole::parse),
        relationship: membership.relationship.as_deref().and_then(Relationship::parse),
        joined_at: membership.joined_at,
        left_at: membership.left_at,
        included: Vec::new(),
        shares: Vec::new(),
        milestones: Vec::new(),
        children: Vec::new(),
        appointments: Vec::new(),
        plans: Vec::new(),
        conferences: Vec::new(),
    };
    let Some(access) = access else {
        return Ok(case);
    };
    let proof = &access.case;
    case.included = access.included.clone();
    match member_kind {
        MemberKind::Participant => case.shares = storage::shares(tx, proof, false).await?,
        MemberKind::Family => case.shares = storage::shares(tx, proof, true).await?,
        MemberKind::Worker => {}
    }
    for category in &access.included {
        match category {
            Category::Circle => {}
            Category::Trajectory => case.milestones = storage::milestones(tx, proof).await?,
            Category::Reunification => case.children = storage::children(tx, proof).await?,
            Category::Appointments => case.appointments = storage::appointments(tx, proof).await?,
            Category::Plans => {
                case.plans = storage::plans(tx, proof).await?;
                case.conferences = storage::conferences(tx, proof).await?;
            }
        }
    }
    let naming = Naming {
        first_names: member_kind == MemberKind::Family && !access.included.contains(&Category::Circle),
    };
    if naming.first_names {
        rename_people(&mut case, naming, viewer);
    }
    Ok(case)
}

fn rename_people(case: &mut ExportCase, naming: Naming, viewer: &Viewer) {
    let mut written: Vec<&mut ExportWritten> = Vec::new();
    for milestone in &mut case.milestones {
        written.extend(milestone.responses.iter_mut());
    }
    for plan in &mut case.plans {
        written.extend(plan.comments.iter_mut());
        for item in &mut plan.items {
            written.extend(item.answers.iter_mut());
            if let Some(owner) = &mut item.owner {
                *owner = naming.name(owner, viewer);
            }
        }
        for signature in &mut plan.signatures {
            signature.party = naming.name(&signature.party, viewer);
        }
    }
    for conference in &mut case.conferences {
        written.extend(conference.input.iter_mut());
        for decision in &mut conference.decisions {
            written.extend(decision.responses.iter_mut());
        }
    }
    for w in written {
        w.author = naming.name(&w.author, viewer);
    }
}
