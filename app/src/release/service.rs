//! The release checklist: everyone who may read the trajectory sees it; workers of the
//! case set the date, the owners and the statuses; the owner of an item sets its status;
//! the participant, the workers and an item's owner comment. Load, check, change and
//! record in one transaction; the people concerned are told.

use super::{storage, ItemChange, NewBuddyMeeting, NewReleaseComment, ReleaseDate, ReleaseTopic};
use super::{ReleaseChecklist, ReleaseItem, ReleaseView};
use crate::access::{self, CaseAccess, Category};
use crate::accounts::service::Viewer;
use crate::appointments::NewAppointment;
use crate::audit::{self, AuditAction, AuditEntry};
use crate::circle::{CaseRole, CircleMember, MemberKind};
use crate::db::Tx;
use crate::error::{AppError, ErrorCode};
use crate::i18n::{Lang, Msg};
use crate::state::{AppState, RequestContext};
use crate::text::cleaned;

/// What the reader may know of the people in the circle.
struct Circle {
    members: Vec<CircleMember>,
    participant_name: String,
    shown: bool,
}

impl Circle {
    async fn of(tx: &mut Tx<'_>, viewer: &Viewer, case: &CaseAccess) -> Result<Circle, AppError> {
        let members = crate::circle::storage::members(tx, case).await?;
        let participant_name = crate::circle::storage::participant_name(tx, case)
            .await?
            .ok_or(AppError::new(ErrorCode::NotFound))?;
        let shown = access::may_read(tx, viewer, case.case_id(), Category::Circle).await?;
        Ok(Circle {
            members,
            participant_name,
            shown,
        })
    }

    /// "Lotte (your justice assistant)"; to a family member who was not shown the circle,
    /// only a first name and "Sarah's support worker".
    fn in_words(&self, user_id: i64, lang: Lang, to_participant: bool) -> Option<String> {
        let member = self.members.iter().find(|m| m.user_id == user_id)?.clone();
        if member.kind == MemberKind::Participant {
            return Some(member.display_name);
        }
        let member = if self.shown {
            member
        } else {
            member.without_circle_details()
        };
        let role = member.role_in_words(lang, &self.participant_name, to_participant);
        Some(format!("{} ({role})", member.display_name))
    }

    fn buddy(&self) -> Option<&CircleMember> {
        self.members.iter().find(|m| m.case_role == Some(CaseRole::Buddy))
    }
}

async fn checklist_in(
    tx: &mut Tx<'_>,
    viewer: &Viewer,
    case: &CaseAccess,
    circle: &Circle,
) -> Result<ReleaseChecklist, AppError> {
    let lang = viewer.language.unwrap_or_default();
    let to_participant = case.kind() == MemberKind::Participant;
    let stored = storage::items(tx, case).await?;
    let mut notes = storage::notes(tx, case).await?;
    let items = ReleaseTopic::ALL
        .iter()
        .map(|&topic| {
            let row = stored.iter().find(|item| item.topic == topic);
            let owner_user_id = row.and_then(|item| item.owner_user_id);
            ReleaseItem {
                topic,
                status: row.map_or(super::ItemStatus::ToDo, |item| item.status),
                owner_user_id,
                owner: owner_user_id.and_then(|id| circle.in_words(id, lang, to_participant)),
                notes: notes
                    .extract_if(.., |(of, _)| *of == topic)
                    .map(|(_, note)| note)
                    .collect(),
            }
        })
        .collect();
    let (release_on, buddy_meeting) = storage::plan(tx, case).await?;
    let first_week_plan_id = storage::first_week_plan(tx, case).await?;
    Ok(ReleaseChecklist {
        release_on,
        items,
        buddy_meeting,
        first_week_plan_id,
    })
}

/// Opens the checklist for reading, recorded in her access log as a look at it.
async fn open(tx: &mut Tx<'_>, ctx: &RequestContext, viewer: &Viewer, case_id: i64) -> Result<CaseAccess, AppError> {
    access::open_case_as(tx, ctx, viewer, (case_id, Category::Trajectory), "release").await
}

pub async fn view(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<ReleaseView, AppError> {
    let mut tx = state.read().await?;
    let case = open(&mut tx, ctx, viewer, case_id).await?;
    let circle = Circle::of(&mut tx, viewer, &case).await?;
    let checklist = checklist_in(&mut tx, viewer, &case, &circle).await?;
    let lang = viewer.language.unwrap_or_default();
    let is_worker = case.kind() == MemberKind::Worker;
    // A worker chooses owners among those who see the checklist: the participant and the
    // workers always do, a family member when the trajectory is shared with them.
    let mut owners = Vec::new();
    for member in circle.members.iter().filter(|_| is_worker) {
        let sees = member.kind != MemberKind::Family
            || access::member_may_read(&mut tx, case_id, member.user_id, Category::Trajectory).await?;
        if sees {
            owners.extend(
                circle
                    .in_words(member.user_id, lang, false)
                    .map(|words| (member.user_id, words)),
            );
        }
    }
    tx.commit().await?;
    Ok(ReleaseView {
        case_id,
        buddy: circle.buddy().map(|b| b.display_name.clone()),
        participant_name: circle.participant_name,
        checklist,
        is_participant: case.kind() == MemberKind::Participant,
        is_worker,
        viewer_id: viewer.user_id,
        owners,
    })
}

/// The checklist alone, for phone apps: no owners to choose from.
pub async fn checklist(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
) -> Result<ReleaseChecklist, AppError> {
    let mut tx = state.read().await?;
    let case = open(&mut tx, ctx, viewer, case_id).await?;
    let circle = Circle::of(&mut tx, viewer, &case).await?;
    let checklist = checklist_in(&mut tx, viewer, &case, &circle).await?;
    tx.commit().await?;
    Ok(checklist)
}

/// Records the change, reads the checklist back, commits and tells the people who see it.
async fn finish(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    mut tx: Tx<'_>,
    (case, object): (&CaseAccess, (&'static str, i64)),
    also_tell: Vec<i64>,
) -> Result<ReleaseChecklist, AppError> {
    let entry = AuditEntry {
        actor: Some(viewer.user_id),
        action: AuditAction::ReleaseChanged,
        case_id: Some(case.case_id()),
        object: Some(object),
    };
    audit::record(&mut tx, ctx, entry).await?;
    let circle = Circle::of(&mut tx, viewer, case).await?;
    let checklist = checklist_in(&mut tx, viewer, case, &circle).await?;
    let mut told = access::people_to_tell(&mut tx, case.case_id(), Category::Trajectory).await?;
    told.extend(also_tell);
    told.retain(|user| *user != viewer.user_id);
    told.sort_unstable();
    told.dedup();
    tx.commit().await?;
    crate::push::service::notify(state, &told);
    Ok(checklist)
}

pub async fn set_date(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    date: ReleaseDate,
) -> Result<ReleaseChecklist, AppError> {
    let release_on = match date.release_on.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(raw) => Some(crate::trajectory::Date::parse(raw).map_err(AppError::new)?),
        None => None,
    };
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let release_on = release_on.as_ref().map(|d| d.as_str());
    storage::set_release_on(&mut tx, &case, release_on, state.clock.now()).await?;
    finish(state, ctx, viewer, tx, (&case, ("release", case_id)), Vec::new()).await
}

pub async fn change_item(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    (case_id, topic): (i64, ReleaseTopic),
    change: ItemChange,
) -> Result<ReleaseChecklist, AppError> {
    let note = cleaned(&change.note, false, 1000)?;
    let mut tx = state.begin().await?;
    let case = open(&mut tx, ctx, viewer, case_id).await?;
    let now = state.clock.now();
    let item = storage::item_row(&mut tx, &case, topic, now).await?;
    let owner_moves = change.owner_user_id != item.owner_user_id;
    match case.kind() {
        MemberKind::Worker => {}
        // The owner of an item says how it stands, and nothing about who owns it.
        _ if item.owner_user_id == Some(viewer.user_id) && !owner_moves => {}
        _ => return Err(AppError::new(ErrorCode::NotPermitted)),
    }
    if let Some(owner) = change.owner_user_id.filter(|_| owner_moves) {
        // Only someone of the circle who sees the checklist can see to an item of it.
        if !access::member_may_read(&mut tx, case_id, owner, Category::Trajectory).await? {
            return Err(AppError::new(ErrorCode::InvalidInput));
        }
    }
    let status_moves = change.status != item.status;
    if !status_moves && !owner_moves && note.is_empty() {
        return Err(AppError::new(ErrorCode::InvalidInput));
    }
    storage::change_item(&mut tx, item.id, (change.status, change.owner_user_id), now).await?;
    if status_moves || !note.is_empty() {
        let status = status_moves.then_some(change.status);
        storage::add_note(&mut tx, item.id, viewer.user_id, (status, &note), now).await?;
    }
    let new_owner = change.owner_user_id.filter(|_| owner_moves).into_iter().collect();
    finish(state, ctx, viewer, tx, (&case, ("release_item", item.id)), new_owner).await
}

pub async fn comment(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    (case_id, topic): (i64, ReleaseTopic),
    comment: NewReleaseComment,
) -> Result<ReleaseChecklist, AppError> {
    let body = cleaned(&comment.body, true, 1000)?;
    let mut tx = state.begin().await?;
    let case = open(&mut tx, ctx, viewer, case_id).await?;
    let now = state.clock.now();
    let item = storage::item_row(&mut tx, &case, topic, now).await?;
    let may = match case.kind() {
        MemberKind::Participant | MemberKind::Worker => true,
        MemberKind::Family => item.owner_user_id == Some(viewer.user_id),
    };
    if !may {
        return Err(AppError::new(ErrorCode::NotPermitted));
    }
    storage::add_note(&mut tx, item.id, viewer.user_id, (None, &body), now).await?;
    let owner = item.owner_user_id.into_iter().collect();
    finish(state, ctx, viewer, tx, (&case, ("release_item", item.id)), owner).await
}

/// A worker puts the buddy's first meeting with her on the calendar, before the release.
pub async fn plan_buddy_meeting(
    state: &AppState,
    ctx: &RequestContext,
    viewer: &Viewer,
    case_id: i64,
    meeting: NewBuddyMeeting,
) -> Result<ReleaseChecklist, AppError> {
    let mut tx = state.begin().await?;
    let case = access::require_case_worker(&mut tx, viewer, case_id).await?;
    let circle = Circle::of(&mut tx, viewer, &case).await?;
    let buddy = circle.buddy().ok_or(AppError::new(ErrorCode::NoBuddy))?;
    let (release_on, planned) = storage::plan(&mut tx, &case).await?;
    if planned.is_some_and(|m| !m.cancelled) {
        return Err(AppError::new(ErrorCode::BuddyMeetingPlanned));
    }
    let day = &meeting.starts_at.as_str()[..10];
    if release_on.as_deref().is_some_and(|release| day >= release) {
        return Err(AppError::new(ErrorCode::MeetingAfterRelease));
    }
    let lang = viewer.language.unwrap_or_default();
    let new = NewAppointment {
        starts_at: meeting.starts_at,
        duration_minutes: meeting.duration_minutes,
        mode: meeting.mode,
        place: meeting.place,
        with_whom: format!("{} ({})", buddy.display_name, lang.t(Msg::CaseRoleBuddy)),
        purpose: lang.t(Msg::BuddyMeetingPurpose).to_string(),
        what_to_bring: String::new(),
        despite_preferences: meeting.despite_preferences,
    };
    let (appointment, told) = crate::appointments::service::add_in(&mut tx, ctx, viewer, &case, new, state).await?;
    storage::set_buddy_meeting(&mut tx, &case, appointment.id, state.clock.now()).await?;
    finish(state, ctx, viewer, tx, (&case, ("release", case_id)), told).await
}
