//! What a plan looks like through the API and on the pages.

use crate::trajectory::Date;
use serde::{Deserialize, Serialize};

plain_enum!(PlanKind {
    Release => "release", PlanKindRelease;
    Reunification => "reunification", PlanKindReunification;
    EducationWork => "education_work", PlanKindEducationWork;
    Support => "support", PlanKindSupport;
    FirstWeek => "first_week", PlanKindFirstWeek;
    Custom => "custom", PlanKindCustom;
});

plain_enum!(VersionState {
    Draft => "draft", VersionDraft;
    AwaitingSignatures => "awaiting_signatures", VersionAwaitingSignatures;
    Agreed => "agreed", VersionAgreed;
    Superseded => "superseded", VersionSuperseded;
});

plain_enum!(ProposalKind {
    Reword => "reword", ProposalReword;
    Date => "date", ProposalDate;
    Add => "add", ProposalAdd;
    Remove => "remove", ProposalRemove;
});

plain_enum!(ProposalStatus {
    Open => "open", ProposalOpen;
    Accepted => "accepted", ProposalAccepted;
    Declined => "declined", ProposalDeclined;
});

plain_enum!(Stance {
    Agree => "agree", StanceAgree;
    Disagree => "disagree", StanceDisagree;
});

/// Someone of the circle, by name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Person {
    pub user_id: i64,
    pub display_name: String,
}

/// The fields of an item that a version fixes; compared between versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemFields {
    /// What will happen.
    pub what: String,
    /// Who does it: the participant or a worker of the circle, or nobody named yet.
    pub owner: Option<Person>,
    pub due_on: Option<Date>,
    /// Why it is in the plan.
    pub why: String,
    pub milestone_id: Option<i64>,
    pub reunification_step_id: Option<i64>,
}

/// A party's word on one item: agree, or disagree with a reason.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemResponse {
    pub by: Person,
    pub stance: Stance,
    pub reason: String,
    pub responded_at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Comment {
    pub id: i64,
    pub item_key: i64,
    /// The version the comment was written on.
    pub version_number: i64,
    pub by: Person,
    pub body: String,
    pub created_at: i64,
}

/// One item of a version. `key` is the same item in every version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanItem {
    pub key: i64,
    #[serde(flatten)]
    pub fields: ItemFields,
    pub responses: Vec<ItemResponse>,
    /// Comments on this item, from every version, oldest first.
    pub comments: Vec<Comment>,
}

/// Someone who must agree a version, and when they signed it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Party {
    pub person: Person,
    pub signed_at: Option<i64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Proposal {
    pub id: i64,
    /// The version that was current when it was made.
    pub version_number: i64,
    pub kind: ProposalKind,
    /// The item it is about; absent for a new item.
    pub item_key: Option<i64>,
    /// The new wording (reword) or the new item's text (add).
    pub what: String,
    pub due_on: Option<Date>,
    /// Why the new item belongs in the plan (add).
    pub why: String,
    /// Why the proposer asks for it.
    pub reason: String,
    pub by: Person,
    pub proposed_at: i64,
    pub status: ProposalStatus,
    pub decided_by: Option<Person>,
    pub decided_at: Option<i64>,
    /// Why it was declined, for the proposer to read.
    pub decline_reason: Option<String>,
}

/// One version of a plan with everything said about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanVersion {
    pub plan_id: i64,
    pub case_id: i64,
    pub kind: PlanKind,
    pub title: String,
    pub number: i64,
    pub state: VersionState,
    /// The newest version's number: when it is not this one, this one is history.
    pub latest_number: i64,
    pub created_at: i64,
    pub submitted_at: Option<i64>,
    pub agreed_at: Option<i64>,
    pub items: Vec<PlanItem>,
    /// Who must agree (set when the version is put up for agreement).
    pub parties: Vec<Party>,
    /// Every proposal on the plan, newest first.
    pub proposals: Vec<Proposal>,
    /// Whether the viewer must still answer and sign this version.
    pub waiting_for_you: bool,
    /// Whether the viewer is a worker of the case (drafts, decides on proposals).
    pub you_may_edit: bool,
}

/// A version in the plan's history: when, and who signed.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct VersionSummary {
    pub number: i64,
    pub state: VersionState,
    pub created_at: i64,
    pub submitted_at: Option<i64>,
    pub agreed_at: Option<i64>,
    pub parties: Vec<Party>,
}

/// A plan as the list shows it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanSummary {
    pub id: i64,
    pub kind: PlanKind,
    pub title: String,
    pub latest_number: i64,
    pub state: VersionState,
    /// Who has still to sign the newest version.
    pub waiting_for: Vec<Person>,
    pub waiting_for_you: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Plans {
    pub case_id: i64,
    pub participant_name: String,
    /// How the person reading belongs to the circle: pages say "you" to the participant
    /// and "Sarah's" to everyone else.
    pub reader: crate::circle::MemberKind,
    pub plans: Vec<PlanSummary>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// A plan: its newest version and the history of every version.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PlanDetail {
    pub current: PlanVersion,
    pub versions: Vec<VersionSummary>,
}

plain_enum!(Difference {
    Added => "added", DifferenceAdded;
    Removed => "removed", DifferenceRemoved;
    Changed => "changed", DifferenceChanged;
});

/// How one item differs between two versions.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemDifference {
    pub item_key: i64,
    pub difference: Difference,
    pub before: Option<ItemFields>,
    pub after: Option<ItemFields>,
}

/// What changed from version `from` to version `to`; items that stayed the same are left out.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Comparison {
    pub plan_id: i64,
    pub from: i64,
    pub to: i64,
    pub differences: Vec<ItemDifference>,
}

/// A new item: what, who (the participant or a worker of the circle), by when, and why.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewItem {
    pub what: String,
    #[serde(default)]
    pub owner_user_id: Option<i64>,
    #[serde(default)]
    pub due_on: Option<Date>,
    pub why: String,
    #[serde(default)]
    pub milestone_id: Option<i64>,
    #[serde(default)]
    pub reunification_step_id: Option<i64>,
}

/// A change to an item: only the fields given change. For `owner_user_id` and `due_on`,
/// an explicit `null` clears the field ("nobody named yet", "no date") while leaving the
/// field out keeps it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemChange {
    pub what: Option<String>,
    #[serde(default, deserialize_with = "given", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<i64>))]
    pub owner_user_id: Option<Option<i64>>,
    #[serde(default, deserialize_with = "given", skip_serializing_if = "Option::is_none")]
    #[cfg_attr(feature = "ssr", schema(value_type = Option<String>, format = Date))]
    pub due_on: Option<Option<Date>>,
    pub why: Option<String>,
}

/// A field that is present, with its value or `null`; serde's `default` covers absence.
fn given<'de, D, T>(deserializer: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(deserializer).map(Some)
}

/// A worker starts a plan. `title` is needed for a custom plan; the other kinds have one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPlan {
    pub kind: PlanKind,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub items: Vec<NewItem>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewComment {
    pub body: String,
}

/// A proposed change, with the reason for it. `reword` needs `item_key` and `what`;
/// `date` needs `item_key` and `due_on`; `add` needs `what` and `why`; `remove` needs
/// `item_key`.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewProposal {
    pub kind: ProposalKind,
    #[serde(default)]
    pub item_key: Option<i64>,
    #[serde(default)]
    pub what: String,
    #[serde(default)]
    pub due_on: Option<Date>,
    #[serde(default)]
    pub why: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Decline {
    pub reason: String,
}

/// A party's word on an item; `reason` is required to disagree.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewResponse {
    pub stance: Stance,
    #[serde(default)]
    pub reason: String,
}

/// Put the draft up for agreement; `number` is the draft the worker read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Submit {
    pub number: i64,
}

/// The participant asks a family member to agree the plan too.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewParty {
    pub user_id: i64,
}

/// A plan as its page shows it: one version (the newest unless asked), what changed
/// since the version before, the history, and the people the viewer may name.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanPageView {
    pub shown: PlanVersion,
    pub versions: Vec<VersionSummary>,
    /// What changed from the version before the shown one.
    pub changes: Option<Comparison>,
    /// For workers: the circle, whom an item may name as who does it.
    pub owners: Vec<Person>,
    /// For the participant: family members who may read plans and are not yet asked to agree.
    pub may_ask: Vec<Person>,
    /// Who is looking: their own answers fill the answer forms.
    pub viewer_id: i64,
}

/// The plans page: the list, and whether the viewer may start one.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlansView {
    pub plans: Plans,
    pub may_edit: bool,
    /// The case conferences, newest first.
    pub conferences: Vec<crate::conferences::Conference>,
}
