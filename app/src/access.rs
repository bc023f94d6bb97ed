//! The one place that decides who may see or change what of a case. Deny by default:
//! a person reaches case data only as a member of that case's circle, a family member
//! only for the categories the participant shared, and every opening is recorded.

use crate::accounts::service::Viewer;
use crate::accounts::AccountRole;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{CaseRole, MemberKind};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::state::RequestContext;
use sqlx::Row;
use std::collections::HashMap;

pub use crate::sharing::Category;

/// Proof that the viewer passed the check for one case. Code that touches a case's data
/// takes one of these, so it cannot run without the check. Its fields are private: only
/// this module makes one, and the case it names is the case that was checked.
#[derive(Clone, Debug)]
pub struct CaseAccess {
    case_id: i64,
    viewer_id: i64,
    kind: MemberKind,
    case_role: Option<CaseRole>,
}

impl CaseAccess {
    pub fn case_id(&self) -> i64 {
        self.case_id
    }

    pub fn viewer_id(&self) -> i64 {
        self.viewer_id
    }

    /// How the viewer belongs to the case's circle.
    pub fn kind(&self) -> MemberKind {
        self.kind
    }

    /// The viewer's role in the case, for a worker.
    pub fn case_role(&self) -> Option<CaseRole> {
        self.case_role
    }
}

#[derive(Clone)]
struct Membership {
    kind: MemberKind,
    case_role: Option<CaseRole>,
    /// For a family member: what the participant shares with them and no worker has
    /// restricted for a child's safety. Empty for everyone else (they need no share).
    shared: Vec<Category>,
}

impl Membership {
    /// Whether this member may read `category`: everyone in the circle but family, and
    /// family only what is shared with them.
    fn may_read(&self, category: Category) -> bool {
        self.kind != MemberKind::Family || self.shared.contains(&category)
    }
}

/// Memberships a read transaction has looked up, by (user, case).
#[derive(Default)]
struct KnownMemberships(HashMap<(i64, i64), Option<Membership>>);

/// A person's membership of a case's circle and, for family, what is shared with them:
/// one query, once per read transaction however many parts of the case a page shows.
async fn membership(tx: &mut Tx<'_>, user_id: i64, case_id: i64) -> Result<Option<Membership>, AppError> {
    if let Some(known) = tx
        .read_memo::<KnownMemberships>()
        .and_then(|m| m.0.get(&(user_id, case_id)))
    {
        return Ok(known.clone());
    }
    let rows = sqlx::query(
        "SELECT m.member_kind, m.case_role, c.category FROM memberships m \
         LEFT JOIN consents c ON m.member_kind = 'family' AND c.case_id = m.case_id AND c.family_user_id = m.user_id \
         AND NOT EXISTS (SELECT 1 FROM sharing_restrictions r WHERE r.case_id = c.case_id \
         AND r.family_user_id = c.family_user_id AND r.category = c.category) \
         WHERE m.case_id = $1 AND m.user_id = $2 AND m.ended_at IS NULL",
    )
    .bind(case_id)
    .bind(user_id)
    .fetch_all(&mut **tx)
    .await?;
    let mut found = None;
    if let Some(first) = rows.first() {
        let kind: String = first.try_get("member_kind")?;
        let case_role: Option<String> = first.try_get("case_role")?;
        let mut shared = Vec::new();
        for row in &rows {
            let category: Option<String> = row.try_get("category")?;
            shared.extend(category.as_deref().and_then(Category::parse));
        }
        found = MemberKind::parse(&kind).map(|kind| Membership {
            kind,
            case_role: case_role.as_deref().and_then(CaseRole::parse),
            shared,
        });
    }
    if let Some(known) = tx.read_memo::<KnownMemberships>() {
        known.0.insert((user_id, case_id), found.clone());
    }
    Ok(found)
}

/// Whether a family member of the case may read `category` (shared and not restricted):
/// for deciding whom else a participant may ask to agree a plan.
pub async fn family_member_may_read(
    tx: &mut Tx<'_>,
    case_id: i64,
    user_id: i64,
    category: Category,
) -> Result<bool, AppError> {
    Ok(match membership(tx, user_id, case_id).await? {
        Some(member) => member.kind == MemberKind::Family && member.may_read(category),
        None => false,
    })
}

/// The participant, and the family members who may read `category` of the case: whom to
/// tell (without saying what) that something new is there.
pub async fn people_to_tell(tx: &mut Tx<'_>, case_id: i64, category: Category) -> Result<Vec<i64>, AppError> {
    Ok(sqlx::query_scalar(
        "SELECT m.user_id FROM memberships m WHERE m.case_id = $1 AND m.ended_at IS NULL \
         AND (m.member_kind = 'participant' OR (m.member_kind = 'family' AND EXISTS (SELECT 1 FROM consents c \
         WHERE c.case_id = m.case_id AND c.family_user_id = m.user_id AND c.category = $2 \
         AND NOT EXISTS (SELECT 1 FROM sharing_restrictions r WHERE r.case_id = c.case_id \
         AND r.family_user_id = c.family_user_id AND r.category = c.category)))) ORDER BY m.user_id",
    )
    .bind(case_id)
    .bind(category.as_str())
    .fetch_all(&mut **tx)
    .await?)
}

/// Checks that the viewer may read `category` of the case and records the read, in the
/// caller's transaction. Coordinators are not let in unless they are members.
pub async fn open_case(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    category: Category,
) -> Result<CaseAccess, AppError> {
    open_case_as(tx, ctx, viewer, (case_id, category), category.as_str()).await
}

/// Like [`open_case`] for a part of the case that has a name of its own in her access log
/// (`record`, such as the release checklist) and is read by whoever may read `category`.
pub async fn open_case_as(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    (case_id, category): (i64, Category),
    record: &'static str,
) -> Result<CaseAccess, AppError> {
    // A case you are not in is not revealed to exist.
    let member = membership(tx, viewer.user_id, case_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    if !member.may_read(category) {
        return Err(AppError::new(ErrorCode::NotShared));
    }
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::CaseRead,
        case_id: Some(case_id),
        object: Some((record, case_id)),
    };
    audit::record(tx, ctx, entry).await?;
    Ok(CaseAccess {
        case_id,
        viewer_id: viewer.user_id,
        kind: member.kind,
        case_role: member.case_role,
    })
}

/// Records about the case itself (its access log, who shares what) are for the participant
/// and the case's workers, not for family members. Reading one is recorded as `record`.
pub async fn open_case_record(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    record: &'static str,
) -> Result<CaseAccess, AppError> {
    let member = membership(tx, viewer.user_id, case_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    if member.kind == MemberKind::Family {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::CaseRead,
        case_id: Some(case_id),
        object: Some((record, case_id)),
    };
    audit::record(tx, ctx, entry).await?;
    Ok(CaseAccess {
        case_id,
        viewer_id: viewer.user_id,
        kind: member.kind,
        case_role: member.case_role,
    })
}

/// Opens the case's changes feed for any member and records the read. Returns the
/// categories whose changes the viewer may see: all for the participant and workers,
/// what is shared (and not restricted) for a family member.
pub async fn open_case_changes(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Vec<Category>, AppError> {
    let member = membership(tx, viewer.user_id, case_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let mut visible = Vec::new();
    for category in Category::ALL.iter().copied() {
        if member.may_read(category) {
            visible.push(category);
        }
    }
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::CaseRead,
        case_id: Some(case_id),
        object: Some(("changes", case_id)),
    };
    audit::record(tx, ctx, entry).await?;
    Ok(visible)
}

/// What a person takes with a copy of their own data from one case they are in: the proof
/// for the case and the parts of it they may read. The participant takes the whole case;
/// a family member what is shared with them (and not restricted); a worker, whose copy is
/// of their own data, none of the case's content.
#[derive(Clone, Debug)]
pub struct ExportAccess {
    pub case: CaseAccess,
    pub included: Vec<Category>,
}

/// Checks what the viewer may copy of the case and records the copy in its access log, in
/// the caller's transaction. `None` when the viewer is not in the circle (any more).
pub async fn open_case_for_export(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<Option<ExportAccess>, AppError> {
    let Some(member) = membership(tx, viewer.user_id, case_id).await? else {
        return Ok(None);
    };
    let included = match member.kind {
        MemberKind::Worker => Vec::new(),
        MemberKind::Participant | MemberKind::Family => {
            Category::ALL.iter().copied().filter(|c| member.may_read(*c)).collect()
        }
    };
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::DataExported,
        case_id: Some(case_id),
        object: Some(("export", case_id)),
    };
    audit::record(tx, ctx, entry).await?;
    Ok(Some(ExportAccess {
        case: CaseAccess {
            case_id,
            viewer_id: viewer.user_id,
            kind: member.kind,
            case_role: member.case_role,
        },
        included,
    }))
}

/// Proof that the viewer is in a conversation and still in its case's circle.
#[derive(Clone, Debug)]
pub struct ConversationAccess {
    conversation_id: i64,
    case_id: i64,
    participant_is_member: bool,
}

impl ConversationAccess {
    pub fn conversation_id(&self) -> i64 {
        self.conversation_id
    }

    pub fn case_id(&self) -> i64 {
        self.case_id
    }

    /// Whether the participant is in it: only then is it part of the participant's file
    /// (and its reads shown in their access log). A family member's conversation with a
    /// worker is theirs, not the participant's.
    pub fn participant_is_member(&self) -> bool {
        self.participant_is_member
    }
}

/// Who may reach a conversation, as SQL over `c` (conversations) and `cm` (the viewer's
/// conversation_members row), with the viewer's id as `$2` and the time as `$3`: a member
/// who is in the case's circle, or a stand-in while the away period of the worker they
/// stand in for lasts and that worker is still in the circle.
pub const CONVERSATION_REACHABLE: &str = "((cm.standing_in_for IS NULL AND EXISTS (SELECT 1 FROM memberships m \
     WHERE m.case_id = c.case_id AND m.user_id = $2 AND m.ended_at IS NULL)) \
     OR (cm.standing_in_for IS NOT NULL AND EXISTS (SELECT 1 FROM away_periods a \
     WHERE a.user_id = cm.standing_in_for AND a.stand_in_user_id = $2 AND a.until_at > $3) \
     AND EXISTS (SELECT 1 FROM memberships m WHERE m.case_id = c.case_id \
     AND m.user_id = cm.standing_in_for AND m.ended_at IS NULL)))";

/// Only a conversation's members, and only while they are in the case's circle (or stand
/// in for someone who is), reach it. Anyone else is told it does not exist.
pub async fn require_conversation_member(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    conversation_id: i64,
    now: i64,
) -> Result<ConversationAccess, AppError> {
    let sql = format!(
        "SELECT c.case_id, (SELECT COUNT(*) FROM conversation_members p JOIN memberships m \
         ON m.user_id = p.user_id AND m.case_id = c.case_id AND m.member_kind = 'participant' \
         WHERE p.conversation_id = c.id) AS participants FROM conversations c \
         JOIN conversation_members cm ON cm.conversation_id = c.id AND cm.user_id = $2 \
         WHERE c.id = $1 AND {CONVERSATION_REACHABLE}"
    );
    let found: Option<(i64, i64)> = sqlx::query_as(&sql)
        .bind(conversation_id)
        .bind(viewer.user_id)
        .bind(now)
        .fetch_optional(&mut **tx)
        .await?;
    let (case_id, participants) = found.ok_or(AppError::new(ErrorCode::NotFound))?;
    Ok(ConversationAccess {
        conversation_id,
        case_id,
        participant_is_member: participants > 0,
    })
}

/// As `require_conversation_member`, and records that the viewer read the conversation
/// (never its text).
pub async fn open_conversation(
    tx: &mut Tx<'_>,
    ctx: &RequestContext,
    viewer: &Viewer,
    conversation_id: i64,
    now: i64,
) -> Result<ConversationAccess, AppError> {
    let conversation = require_conversation_member(tx, viewer, conversation_id, now).await?;
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::ConversationRead,
        case_id: conversation.participant_is_member.then_some(conversation.case_id),
        object: Some(("conversation", conversation_id)),
    };
    audit::record(tx, ctx, entry).await?;
    Ok(conversation)
}

/// The viewer must be the participant of this case.
pub async fn require_participant(tx: &mut Tx<'_>, viewer: &Viewer, case_id: i64) -> Result<CaseAccess, AppError> {
    match membership(tx, viewer.user_id, case_id).await? {
        Some(m) if m.kind == MemberKind::Participant => Ok(CaseAccess {
            case_id,
            viewer_id: viewer.user_id,
            kind: m.kind,
            case_role: m.case_role,
        }),
        Some(_) => Err(AppError::new(ErrorCode::NotPermitted)),
        None => Err(AppError::new(ErrorCode::NotFound)),
    }
}

/// Whether the viewer may read a category of the case, without reading (or recording)
/// anything: used to decide which links a page offers.
pub async fn may_read(tx: &mut Tx<'_>, viewer: &Viewer, case_id: i64, category: Category) -> Result<bool, AppError> {
    member_may_read(tx, case_id, viewer.user_id, category).await
}

/// Whether someone may read a category of the case now: a member of its circle, and for
/// a family member only what is shared. For deciding whether a person can still take part
/// in something (an agreement) that they were asked to join earlier.
pub async fn member_may_read(
    tx: &mut Tx<'_>,
    case_id: i64,
    user_id: i64,
    category: Category,
) -> Result<bool, AppError> {
    Ok(match membership(tx, user_id, case_id).await? {
        Some(member) => member.may_read(category),
        None => false,
    })
}

pub fn require_coordinator(viewer: &Viewer) -> Result<(), AppError> {
    if viewer.role == AccountRole::Coordinator {
        Ok(())
    } else {
        Err(AppError::new(ErrorCode::NotPermitted))
    }
}

/// The viewer must be a worker in this case's circle.
pub async fn require_case_worker(tx: &mut Tx<'_>, viewer: &Viewer, case_id: i64) -> Result<CaseAccess, AppError> {
    match membership(tx, viewer.user_id, case_id).await? {
        Some(m) if m.kind == MemberKind::Worker => Ok(CaseAccess {
            case_id,
            viewer_id: viewer.user_id,
            kind: m.kind,
            case_role: m.case_role,
        }),
        Some(_) => Err(AppError::new(ErrorCode::NotPermitted)),
        // A case you are not in is not revealed to exist.
        None => Err(AppError::new(ErrorCode::NotFound)),
    }
}

/// Proof that the viewer may end someone's place in a case's circle. It carries the
/// departing member's own access to the case (checked: they are in the circle now), so
/// that what they held there (conversations, places in plans) can be handed on.
#[derive(Clone, Debug)]
pub struct MembershipEnding {
    departing: CaseAccess,
}

impl MembershipEnding {
    /// The departing member's access to the case, as it was when checked.
    pub fn departing(&self) -> &CaseAccess {
        &self.departing
    }
}

/// Who may end whose place in a circle. A worker or family member may leave; the
/// participant and the case's workers may take a family member out; a coordinator, who
/// manages assignments, may take a worker off a case. The participant stays: a case is
/// closed another way. Someone not in the circle (and no coordinator) is told the case
/// does not exist; a member who is not in it any more is not found.
pub async fn require_may_end_membership(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    case_id: i64,
    member_id: i64,
) -> Result<MembershipEnding, AppError> {
    let viewer_kind = match membership(tx, viewer.user_id, case_id).await? {
        Some(m) => Some(m.kind),
        None if viewer.role == AccountRole::Coordinator => None,
        None => return Err(AppError::new(ErrorCode::NotFound)),
    };
    let member = membership(tx, member_id, case_id)
        .await?
        .ok_or(AppError::new(ErrorCode::NotFound))?;
    let allowed = match (member.kind, viewer_kind) {
        (MemberKind::Participant, _) => return Err(AppError::new(ErrorCode::ParticipantStays)),
        _ if member_id == viewer.user_id => true,
        (MemberKind::Worker, None) => true,
        (MemberKind::Family, Some(MemberKind::Participant | MemberKind::Worker)) => true,
        _ => false,
    };
    if !allowed {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    Ok(MembershipEnding {
        departing: CaseAccess {
            case_id,
            viewer_id: member_id,
            kind: member.kind,
            case_role: member.case_role,
        },
    })
}

/// Who may issue a password-reset code for whom. Returns the case through which a worker
/// is allowed, for the audit row.
pub async fn require_may_reset(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    target_id: i64,
    target_role: &str,
) -> Result<Option<i64>, AppError> {
    match viewer.role {
        // Someone outside the coordinator's reach is not revealed to exist: a code for
        // another organisation's worker would let the coordinator sign in as them.
        AccountRole::Coordinator if !crate::circle::storage::person_in_reach(tx, viewer, target_id).await? => {
            Err(AppError::new(ErrorCode::NotFound))
        }
        // A coordinator's code for a participant or family member would let the
        // coordinator, who reads no case content, sign in as them; only a worker of their
        // case may issue one, and it shows in the participant's access log.
        AccountRole::Coordinator if target_role == "worker" => Ok(None),
        AccountRole::Worker if target_role == "participant" || target_role == "family" => {
            let shared_case: Option<i64> = sqlx::query_scalar(
                "SELECT w.case_id FROM memberships w JOIN memberships t ON t.case_id = w.case_id \
                 WHERE w.user_id = $1 AND w.member_kind = 'worker' AND w.ended_at IS NULL \
                 AND t.user_id = $2 AND t.ended_at IS NULL ORDER BY w.case_id LIMIT 1",
            )
            .bind(viewer.user_id)
            .bind(target_id)
            .fetch_optional(&mut **tx)
            .await?;
            shared_case.map(Some).ok_or(AppError::new(ErrorCode::NotInCircle))
        }
        _ => Err(AppError::new(ErrorCode::NotPermitted)),
    }
}
