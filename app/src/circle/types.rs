use crate::accounts::Me;
use crate::i18n::{Lang, Msg};
use serde::{Deserialize, Serialize};

plain_enum!(MemberKind {
    Participant => "participant", RoleParticipant;
    Family => "family", RoleFamily;
    Worker => "worker", RoleWorker;
});

plain_enum!(CaseRole {
    JusticeAssistant => "justice_assistant", CaseRoleJusticeAssistant;
    PsychosocialService => "psychosocial_service", CaseRolePsychosocialService;
    SocialWorker => "social_worker", CaseRoleSocialWorker;
    YouthCare => "youth_care", CaseRoleYouthCare;
    ReligiousCounsellor => "religious_counsellor", CaseRoleReligiousCounsellor;
    Buddy => "buddy", CaseRoleBuddy;
    PreventionCounsellor => "prevention_counsellor", CaseRolePreventionCounsellor;
});

plain_enum!(Relationship {
    Mother => "mother", RelationMother;
    Father => "father", RelationFather;
    Partner => "partner", RelationPartner;
    Sister => "sister", RelationSister;
    Brother => "brother", RelationBrother;
    Child => "child", RelationChild;
    Guardian => "guardian", RelationGuardian;
    Other => "other", RelationOther;
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CircleMember {
    pub user_id: i64,
    pub display_name: String,
    pub kind: MemberKind,
    pub case_role: Option<CaseRole>,
    pub relationship: Option<Relationship>,
    pub organisation: Option<String>,
}

impl CircleMember {
    /// The member's role in plain words: "your justice assistant" to the participant,
    /// "Sarah's justice assistant" or "Sarah's mother" to everyone else.
    pub fn role_in_words(&self, lang: Lang, participant_name: &str, to_participant: bool) -> String {
        match (self.kind, self.case_role, self.relationship) {
            (MemberKind::Worker, Some(role), _) if to_participant => {
                lang.fill(Msg::YourRole, &[("role", lang.t(role.label()))])
            }
            (MemberKind::Worker, Some(role), _) => lang.fill(
                Msg::FamilyOf,
                &[("relation", lang.t(role.label())), ("name", participant_name)],
            ),
            (MemberKind::Family, _, Some(relation)) if to_participant => {
                lang.fill(Msg::YourRole, &[("role", lang.t(relation.label()))])
            }
            (MemberKind::Family, _, Some(relation)) => lang.fill(
                Msg::FamilyOf,
                &[("relation", lang.t(relation.label())), ("name", participant_name)],
            ),
            (MemberKind::Worker, None, _) if !to_participant => lang.fill(
                Msg::FamilyOf,
                &[
                    ("relation", lang.t(MemberKind::Worker.label())),
                    ("name", participant_name),
                ],
            ),
            (kind, _, _) => lang.t(kind.label()).to_string(),
        }
    }

    /// A worker as a family member sees them who was not shown the circle: a first name
    /// and "Sarah's support worker", nothing of their role or organisation.
    pub fn without_circle_details(self) -> Self {
        match self.kind {
            MemberKind::Worker => CircleMember {
                display_name: first_name(&self.display_name),
                case_role: None,
                organisation: None,
                ..self
            },
            _ => self,
        }
    }
}

/// The first word of a display name.
pub fn first_name(display_name: &str) -> String {
    display_name
        .split_whitespace()
        .next()
        .unwrap_or(display_name)
        .to_string()
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseCircle {
    pub case_id: i64,
    /// How the circle names its participant (a first name).
    pub participant_name: String,
    pub your_kind: MemberKind,
    /// `None` when the participant has not shared the circle with this family member.
    pub members: Option<Vec<CircleMember>>,
    /// Whether the viewer may see the trajectory, and its next open milestone.
    pub trajectory_visible: bool,
    pub next_step: Option<crate::trajectory::Milestone>,
    pub reunification_visible: bool,
    /// `None` when the viewer may not see appointments; else the next few.
    pub upcoming: Option<Vec<crate::appointments::Appointment>>,
    /// `None` when the viewer may not read plans; else the plans waiting for their signature.
    pub plans_waiting: Option<Vec<crate::plans::PlanSummary>>,
    /// When the viewer last looked at this case before (unix seconds); what changed after
    /// it is new to them. `None` the first time.
    #[serde(default)]
    pub last_looked_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct HomeView {
    pub me: Me,
    /// At most [`HOME_CIRCLES`](super::HOME_CIRCLES), in the order the cases were opened.
    pub cases: Vec<CaseCircle>,
    /// Pass as `after` for the next page of circles; absent on the last page.
    pub next_cursor: Option<String>,
}

/// One page of the cases a person belongs to, in the order they were opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct CaseList {
    pub cases: Vec<CaseCircle>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}
