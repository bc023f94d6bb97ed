//! The audit trail: one row for every sign-in, invitation, reset, membership change and
//! every read or write of case data, written in the same transaction as the change.

use crate::db::{now, PendingWrite, Tx};
use crate::state::RequestContext;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AuditAction {
    SignIn,
    SignInFailed,
    SignOut,
    SessionRevoked,
    InvitationCreated,
    InvitationRedeemed,
    ResetCodeCreated,
    PasswordReset,
    PasswordChanged,
    PasswordChangeRefused,
    OrganisationCreated,
    CaseCreated,
    MembershipAdded,
    CaseRead,
    LanguageChanged,
    MilestoneCreated,
    MilestoneChanged,
    SharingChanged,
    SharingRestricted,
    ReunificationChanged,
    AppointmentCreated,
    ContactCreated,
    ContactChanged,
    ConversationRead,
    ConversationCreated,
    MessageSent,
    ConversationMemberAdded,
    PlanCreated,
    PlanChanged,
    PlanCommented,
    PlanProposalMade,
    PlanProposalDecided,
    PlanSubmitted,
    PlanResponded,
    PlanSigned,
    PlanPartyRemoved,
    ConferenceRecorded,
    ConferenceDecisionRecorded,
    ConferenceInputGiven,
    ConferenceResponded,
    SettingsChanged,
    StandInStarted,
    StandInEnded,
    AccountDisabled,
    MembershipEnded,
    CircleRequestMade,
    CircleRequestAnswered,
    ReleaseChanged,
    CaseHandedOver,
    SecondFactorEnrolled,
    SecondFactorGiven,
    SecondFactorFailed,
    RecoveryCodeUsed,
    SecondFactorResetRequested,
    SecondFactorReset,
    PhaseChanged,
    AppointmentChanged,
    AppointmentCancelled,
    AppointmentAnswered,
    MilestoneResponded,
    DataExported,
    CoordinatorCreated,
}

impl AuditAction {
    pub fn as_str(self) -> &'static str {
        use AuditAction::*;
        match self {
            SignIn => "sign_in",
            SignInFailed => "sign_in_failed",
            SignOut => "sign_out",
            SessionRevoked => "session_revoked",
            InvitationCreated => "invitation_created",
            InvitationRedeemed => "invitation_redeemed",
            ResetCodeCreated => "reset_code_created",
            PasswordReset => "password_reset",
            PasswordChanged => "password_changed",
            PasswordChangeRefused => "password_change_refused",
            StandInStarted => "stand_in_started",
            StandInEnded => "stand_in_ended",
            AccountDisabled => "account_disabled",
            MembershipEnded => "membership_ended",
            CircleRequestMade => "circle_request_made",
            CircleRequestAnswered => "circle_request_answered",
            ReleaseChanged => "release_changed",
            CaseHandedOver => "case_handed_over",
            SecondFactorEnrolled => "second_factor_enrolled",
            SecondFactorGiven => "second_factor_given",
            SecondFactorFailed => "second_factor_failed",
            RecoveryCodeUsed => "recovery_code_used",
            SecondFactorResetRequested => "second_factor_reset_requested",
            SecondFactorReset => "second_factor_reset",
            PhaseChanged => "phase_changed",
            AppointmentChanged => "appointment_changed",
            AppointmentCancelled => "appointment_cancelled",
            AppointmentAnswered => "appointment_answered",
            MilestoneResponded => "milestone_responded",
            DataExported => "data_exported",
            CoordinatorCreated => "coordinator_created",
            OrganisationCreated => "organisation_created",
            CaseCreated => "case_created",
            MembershipAdded => "membership_added",
            CaseRead => "case_read",
            LanguageChanged => "language_changed",
            MilestoneCreated => "milestone_created",
            MilestoneChanged => "milestone_changed",
            SharingChanged => "sharing_changed",
            SharingRestricted => "sharing_restricted",
            ReunificationChanged => "reunification_changed",
            AppointmentCreated => "appointment_created",
            ContactCreated => "contact_created",
            ContactChanged => "contact_changed",
            ConversationRead => "conversation_read",
            ConversationCreated => "conversation_created",
            MessageSent => "message_sent",
            ConversationMemberAdded => "conversation_member_added",
            PlanCreated => "plan_created",
            PlanChanged => "plan_changed",
            PlanCommented => "plan_commented",
            PlanProposalMade => "plan_proposal_made",
            PlanProposalDecided => "plan_proposal_decided",
            PlanSubmitted => "plan_submitted",
            PlanResponded => "plan_responded",
            PlanSigned => "plan_signed",
            PlanPartyRemoved => "plan_party_removed",
            ConferenceRecorded => "conference_recorded",
            ConferenceDecisionRecorded => "conference_decision_recorded",
            ConferenceInputGiven => "conference_input_given",
            ConferenceResponded => "conference_responded",
            SettingsChanged => "settings_changed",
        }
    }
}

pub struct AuditEntry {
    pub actor: Option<i64>,
    pub action: AuditAction,
    pub case_id: Option<i64>,
    pub object: Option<(&'static str, i64)>,
}

/// Records an entry in the caller's transaction. A write transaction writes it with its
/// change; a read transaction keeps it for the group-commit writer, and its `commit`
/// returns once the entry is durable.
pub async fn record(tx: &mut Tx<'_>, ctx: &RequestContext, entry: AuditEntry) -> Result<(), sqlx::Error> {
    let pending = PendingWrite::Audit {
        at: now(),
        actor: entry.actor,
        action: entry.action.as_str(),
        case_id: entry.case_id,
        object_type: entry.object.map(|(kind, _)| kind.to_string()),
        object_id: entry.object.map(|(_, id)| id),
        request_id: ctx.request_id.clone(),
    };
    if tx.is_read_only() {
        tx.defer_audit(pending);
        Ok(())
    } else {
        crate::db::apply_write(tx, &pending).await
    }
}
