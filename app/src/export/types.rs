//! The shape of a copy of one person's data. The answer is written piece by piece (see
//! `writer`), so these types describe it for the OpenAPI document and for readers; the
//! writer keeps to them and the tests read every answer back into them.

use crate::appointments::AppointmentMode;
use crate::circle::{CaseRole, MemberKind, Relationship};
use crate::messaging::ConversationKind;
use crate::messaging::Message;
use crate::plans::{PlanKind, VersionState};
use crate::preferences::Preferences;
use crate::reunification::{AgeBand, StepKind};
use crate::sharing::Category;
use crate::trajectory::{MilestoneStatus, Phase};
use crate::transparency::AccessLogEntry;
use serde::{Deserialize, Serialize};

/// Which version of this shape an export has.
pub const EXPORT_FORMAT: &str = "brug-export/1";

/// Everything Brug holds about the person and what they wrote.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PersonalExport {
    /// `brug-export/1`.
    pub format: String,
    /// Unix seconds.
    pub exported_at: i64,
    pub profile: ExportProfile,
    /// The person's own conditions, when they wrote any.
    pub preferences: Option<Preferences>,
    /// Web sessions and phone tokens, open and ended.
    pub devices: Vec<ExportDevice>,
    /// The passkeys a member of staff signs in with: their names and dates. The keys
    /// themselves are public keys of the person's devices and are not copied.
    pub passkeys: Vec<ExportPasskey>,
    /// Every circle the person is or was in, with what they may read of it now.
    pub cases: Vec<ExportCase>,
    /// The conversations the person is in, every message oldest first.
    pub conversations: Vec<ExportConversation>,
    /// For a participant: every read and change of their case, newest first.
    pub access_logs: Vec<ExportAccessLog>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportProfile {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    /// `participant`, `family`, `worker` or `coordinator`.
    pub account_role: String,
    pub organisation: Option<String>,
    /// The language the person chose, if they chose one.
    pub language: Option<String>,
    pub created_at: i64,
    /// `day_before`, `morning_of` or `never`.
    pub remind_appointments: String,
    pub sends_read_receipts: bool,
    /// Whether "leave quickly" also signs out; `None`: not chosen, the default applies.
    pub quick_exit_signs_out: Option<bool>,
    /// Whether the person signs in with a second factor (never the secret itself).
    pub second_factor: bool,
    /// When the password was last reset with a code, if ever.
    pub password_reset_at: Option<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportDevice {
    /// `web` or `device`.
    pub kind: String,
    pub name: String,
    pub created_at: i64,
    pub last_seen_at: i64,
    pub ended_at: Option<i64>,
    /// How many notification subscriptions this session holds (their addresses are keys
    /// of the push service, not the person's data).
    pub notification_subscriptions: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportPasskey {
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
}

/// One circle and, as far as the person may read it, what it holds.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportCase {
    pub case_id: i64,
    pub participant_name: String,
    /// How the person belongs to the circle.
    pub member_kind: MemberKind,
    pub case_role: Option<CaseRole>,
    pub relationship: Option<Relationship>,
    pub joined_at: i64,
    /// When the person left the circle; then nothing of the case is included.
    pub left_at: Option<i64>,
    /// The parts of the case included below: everything for the participant and workers,
    /// what is shared (and not restricted) for a family member.
    pub included: Vec<Category>,
    /// For the participant: what they share with whom. For a family member: what is
    /// shared with them.
    pub shares: Vec<ExportShare>,
    pub milestones: Vec<ExportMilestone>,
    pub children: Vec<ExportChild>,
    pub appointments: Vec<ExportAppointment>,
    pub plans: Vec<ExportPlan>,
    pub conferences: Vec<ExportConference>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportShare {
    pub family_member: String,
    pub category: Category,
    pub since: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportMilestone {
    pub id: i64,
    pub phase: Phase,
    pub title: String,
    pub explanation: String,
    pub why_it_matters: String,
    pub decided_by: String,
    pub what_is_needed: String,
    pub expected_date: Option<String>,
    pub status: MilestoneStatus,
    pub updated_at: i64,
    /// What people in the circle answered to this step.
    pub responses: Vec<ExportWritten>,
}

/// Something a person wrote, with who and when.
#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportWritten {
    pub author: String,
    /// What kind of answer, where there are kinds (`question`, `agree`, …).
    pub kind: Option<String>,
    pub body: String,
    pub at: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportChild {
    pub alias: String,
    pub age_band: AgeBand,
    pub steps: Vec<ExportStep>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportStep {
    pub kind: StepKind,
    pub custom_title: Option<String>,
    pub status: MilestoneStatus,
    pub conditions: String,
    pub next_date: Option<String>,
    pub updated_at: i64,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportAppointment {
    pub id: i64,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub duration_minutes: i64,
    pub mode: AppointmentMode,
    pub place: String,
    pub with_whom: String,
    pub purpose: String,
    pub what_to_bring: String,
    pub cancelled_at: Option<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportPlan {
    pub id: i64,
    pub kind: PlanKind,
    pub title: String,
    /// The latest version's number and state (`draft`, `submitted`, `agreed`, …).
    pub version: i64,
    pub state: VersionState,
    pub agreed_at: Option<i64>,
    pub items: Vec<ExportPlanItem>,
    /// Who was asked to agree the latest version, and when they signed.
    pub signatures: Vec<ExportSignature>,
    pub comments: Vec<ExportWritten>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportPlanItem {
    pub what: String,
    pub owner: Option<String>,
    pub due_on: Option<String>,
    pub why: String,
    /// Each party's answer to the item: `kind` is the stance, `body` the reason.
    pub answers: Vec<ExportWritten>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportSignature {
    pub party: String,
    pub signed_at: Option<i64>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportConference {
    pub id: i64,
    pub held_on: String,
    /// Input written for the conference: the person's own, and the rest of the circle's
    /// as far as the person may read the case's plans.
    pub input: Vec<ExportWritten>,
    pub decisions: Vec<ExportDecision>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportDecision {
    pub decision: String,
    pub meaning_for_you: String,
    pub recorded_at: i64,
    pub responses: Vec<ExportWritten>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportConversation {
    pub id: i64,
    pub case_id: i64,
    pub kind: ConversationKind,
    /// Everyone in it, named as the person may see them.
    pub members: Vec<String>,
    pub messages: Vec<Message>,
}

#[derive(Clone, Debug, Serialize, Deserialize, utoipa::ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportAccessLog {
    pub case_id: i64,
    pub entries: Vec<AccessLogEntry>,
}
