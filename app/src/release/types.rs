use serde::{Deserialize, Serialize};

plain_enum!(ReleaseTopic {
    IdentityCard => "identity_card", ReleaseIdentityCard;
    Housing => "housing", ReleaseHousing;
    Income => "income", ReleaseIncome;
    HealthInsurance => "health_insurance", ReleaseHealthInsurance;
    Doctor => "gp", ReleaseDoctor;
    BankAccount => "bank_account", ReleaseBankAccount;
    Phone => "phone", ReleasePhone;
    FirstAppointments => "first_appointments", ReleaseFirstAppointments;
});

plain_enum!(ItemStatus {
    ToDo => "to_do", ReleaseToDo;
    InProgress => "in_progress", ReleaseInProgress;
    Done => "done", ReleaseDone;
    NotNeeded => "not_needed", ReleaseNotNeeded;
});

/// A line in an item's history: a comment, or a change of status or owner with what was
/// said with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReleaseNote {
    pub author: String,
    /// The status it was set to, when this was a change.
    pub status: Option<ItemStatus>,
    pub body: String,
    pub at: i64,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReleaseItem {
    pub topic: ReleaseTopic,
    pub status: ItemStatus,
    /// Who sees to it, from the circle.
    pub owner_user_id: Option<i64>,
    /// The owner as the reader knows them: "your justice assistant (Lotte)".
    pub owner: Option<String>,
    /// Oldest first.
    pub notes: Vec<ReleaseNote>,
}

/// The buddy's first meeting with her, on the calendar.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct BuddyMeeting {
    pub appointment_id: i64,
    /// Local time, `YYYY-MM-DDTHH:MM`.
    pub starts_at: String,
    pub cancelled: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReleaseChecklist {
    /// The day she is expected home (`YYYY-MM-DD`), once known.
    pub release_on: Option<String>,
    /// Every topic, in a fixed order.
    pub items: Vec<ReleaseItem>,
    pub buddy_meeting: Option<BuddyMeeting>,
    /// The case's plan for the first week after release, once made.
    pub first_week_plan_id: Option<i64>,
}

/// The page: the checklist, and what the viewer may do with it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReleaseView {
    pub case_id: i64,
    pub participant_name: String,
    pub checklist: ReleaseChecklist,
    pub is_participant: bool,
    /// A worker of the case: sets the date, owners and statuses, plans the buddy meeting.
    pub is_worker: bool,
    pub viewer_id: i64,
    /// Who may own an item, for workers: (user id, name and role).
    pub owners: Vec<(i64, String)>,
    /// The buddy's name, when the case has one.
    pub buddy: Option<String>,
}

/// The release date a worker sets; `null` when it is not known (any more).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReleaseDate {
    pub release_on: Option<String>,
}

/// A change of an item: its status, its owner (workers only; the owner may change the
/// status of what they own) and, optionally, a word about it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ItemChange {
    pub status: ItemStatus,
    pub owner_user_id: Option<i64>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewReleaseComment {
    pub body: String,
}

/// The buddy's first meeting: when and where. It goes on the calendar of everyone who
/// sees appointments, and must come before the release date.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewBuddyMeeting {
    pub starts_at: crate::appointments::LocalDateTime,
    pub duration_minutes: i64,
    pub place: String,
    pub mode: crate::appointments::AppointmentMode,
    /// Plan it even when the time goes against what she said suits her.
    #[serde(default)]
    pub despite_preferences: bool,
}
