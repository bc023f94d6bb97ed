use crate::circle::Relationship;
use serde::{Deserialize, Serialize};

plain_enum!(Category {
    Circle => "circle", CategoryCircle;
    Trajectory => "trajectory", CategoryTrajectory;
    Reunification => "reunification", CategoryReunification;
    Appointments => "appointments", CategoryAppointments;
    Plans => "plans", CategoryPlans;
});

/// A worker's limit on what a family member sees, with the reason the participant reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Restriction {
    pub category: Category,
    pub reason: String,
    pub restricted_by: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct FamilySharing {
    pub user_id: i64,
    pub display_name: String,
    pub relationship: Option<Relationship>,
    /// What the participant shares with this person.
    pub shared: Vec<Category>,
    pub restrictions: Vec<Restriction>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Sharing {
    pub case_id: i64,
    pub participant_name: String,
    pub family: Vec<FamilySharing>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// What the participant shares with one family member: the whole set, replacing the old.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct SharingChoice {
    pub categories: Vec<Category>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct RestrictionRequest {
    pub reason: String,
}
