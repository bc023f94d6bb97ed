use crate::trajectory::{Date, MilestoneStatus};
use serde::{Deserialize, Serialize};

plain_enum!(StepKind {
    PhoneOrVideo => "contact_by_phone_or_video", StepPhoneOrVideo;
    SupervisedVisit => "supervised_visit", StepSupervisedVisit;
    UnsupervisedVisit => "unsupervised_visit", StepUnsupervisedVisit;
    DayVisit => "day_visit", StepDayVisit;
    OvernightStay => "overnight_stay", StepOvernightStay;
    LivingTogether => "living_together", StepLivingTogether;
    Custom => "custom", StepCustom;
});

plain_enum!(AgeBand {
    Age0To3 => "0_3", AgeBand0to3;
    Age4To7 => "4_7", AgeBand4to7;
    Age8To11 => "8_11", AgeBand8to11;
    Age12To15 => "12_15", AgeBand12to15;
    Age16To17 => "16_17", AgeBand16to17;
});

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Step {
    pub id: i64,
    pub position: i64,
    pub kind: StepKind,
    /// For a custom step, its name.
    pub custom_title: Option<String>,
    pub status: MilestoneStatus,
    pub conditions: String,
    pub next_date: Option<Date>,
    /// The youth-care contact, by name.
    pub contact: Option<String>,
    /// The language its texts are written in.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// Its texts in other languages, added by a worker.
    #[serde(default)]
    pub translations: Vec<crate::translations::Translation>,
    /// Every change of its status or date, oldest first, each with its reason.
    #[serde(default)]
    pub history: Vec<crate::trajectory::MilestoneChange>,
}

/// A child: a first name or alias and an age band, nothing more.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Child {
    pub id: i64,
    pub alias: String,
    pub age_band: AgeBand,
    pub steps: Vec<Step>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Reunification {
    pub case_id: i64,
    pub participant_name: String,
    /// How the person reading belongs to the circle: pages say "you" to the participant
    /// and "Sarah's" to everyone else.
    pub reader: crate::circle::MemberKind,
    pub children: Vec<Child>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewChild {
    pub alias: String,
    pub age_band: AgeBand,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewStep {
    pub kind: StepKind,
    pub custom_title: Option<String>,
    #[serde(default)]
    pub conditions: String,
    pub next_date: Option<Date>,
    /// A member of the circle (usually youth care) to contact about this step.
    pub contact_user_id: Option<i64>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct StepUpdate {
    pub status: Option<MilestoneStatus>,
    pub next_date: Option<Date>,
    pub conditions: Option<String>,
    /// Why: needed when the status or the date changes, which the family reads.
    pub reason: Option<String>,
}
