use crate::error::ErrorCode;
use serde::{Deserialize, Serialize};

plain_enum!(Phase {
    InDetention => "in_detention", PhaseInDetention;
    Leave => "leave", PhaseLeave;
    ConditionalRelease => "conditional_release", PhaseConditionalRelease;
    AfterCare => "after_care", PhaseAfterCare;
    Closed => "closed", PhaseClosed;
});

plain_enum!(MilestoneStatus {
    Planned => "planned", StatusPlanned;
    InProgress => "in_progress", StatusInProgress;
    Done => "done", StatusDone;
    Postponed => "postponed", StatusPostponed;
    NotGoingAhead => "not_going_ahead", StatusNotGoingAhead;
});

plain_enum!(ResponseKind {
    Question => "question", ResponseQuestion;
    Disagree => "disagree", ResponseDisagree;
    Talk => "talk", ResponseTalk;
    Answer => "answer", ResponseAnswer;
});

/// What someone wrote under a milestone: the participant's question, disagreement or wish
/// to talk, or a worker's answer.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MilestoneResponse {
    pub id: i64,
    pub kind: ResponseKind,
    pub body: String,
    pub author: String,
    pub created_at: i64,
}

/// A response to add: `question`, `disagree` or `talk` from the participant, `answer` from
/// a worker of the case.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewResponse {
    pub kind: ResponseKind,
    pub body: String,
}

impl MilestoneStatus {
    /// Whether the milestone still lies ahead of the person.
    pub fn is_open(self) -> bool {
        matches!(
            self,
            MilestoneStatus::Planned | MilestoneStatus::InProgress | MilestoneStatus::Postponed
        )
    }
}

/// A calendar date, `YYYY-MM-DD`, checked to exist.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(value_type = String, format = Date))]
pub struct Date(String);

impl Date {
    pub fn parse(raw: &str) -> Result<Date, ErrorCode> {
        let raw = raw.trim();
        let parts: Vec<&str> = raw.split('-').collect();
        let [year, month, day] = parts.as_slice() else {
            return Err(ErrorCode::InvalidDate);
        };
        let valid_shape = year.len() == 4 && month.len() == 2 && day.len() == 2;
        let (Ok(year), Ok(month), Ok(day)) = (year.parse::<u32>(), month.parse::<u32>(), day.parse::<u32>()) else {
            return Err(ErrorCode::InvalidDate);
        };
        let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        let days_in_month = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return Err(ErrorCode::InvalidDate),
        };
        if valid_shape && (1900..=2200).contains(&year) && (1..=days_in_month).contains(&day) {
            Ok(Date(raw.to_string()))
        } else {
            Err(ErrorCode::InvalidDate)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The day as people write it in `lang`: "15 december 2026".
    pub fn written(&self, lang: crate::i18n::Lang) -> String {
        crate::local_time::written_date(lang, &self.0)
    }
}

impl TryFrom<String> for Date {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        Date::parse(&value).map_err(|code| code.as_str().to_string())
    }
}

impl From<Date> for String {
    fn from(date: Date) -> String {
        date.0
    }
}

/// One change of a milestone's date or status, with the reason the person reads.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MilestoneChange {
    pub changed_at: i64,
    pub changed_by: String,
    /// `status` or `expected_date`.
    pub field: String,
    pub old_value: Option<String>,
    pub new_value: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Milestone {
    pub id: i64,
    pub case_id: i64,
    pub phase: Phase,
    pub title: String,
    pub explanation: String,
    pub why_it_matters: String,
    /// A member of the circle or an institution, in plain words.
    pub decided_by: String,
    pub what_is_needed: String,
    pub expected_date: Option<Date>,
    pub status: MilestoneStatus,
    /// The language its texts are written in.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    pub history: Vec<MilestoneChange>,
    /// Its texts in other languages, added by a worker.
    #[serde(default)]
    pub translations: Vec<crate::translations::Translation>,
    /// What the participant and the workers wrote under it, oldest first (in the list of
    /// milestones).
    #[serde(default)]
    pub responses: Vec<MilestoneResponse>,
}

/// One move of the case to another phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct PhaseChange {
    pub id: i64,
    pub phase: Phase,
    /// The day the move takes effect.
    pub effective_on: Date,
    /// Who decided, in plain words (for example the sentence implementation court).
    pub decided_by: String,
    pub reason: String,
    /// The worker who recorded it.
    pub changed_by: String,
    pub changed_at: i64,
    /// Dated ahead: announced, not in effect yet.
    pub announced: bool,
}

/// What a worker records when the case moves to another phase.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewPhase {
    pub phase: Phase,
    pub effective_on: Date,
    pub decided_by: String,
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Trajectory {
    pub case_id: i64,
    pub participant_name: String,
    /// The phase the case is in today.
    pub phase: Phase,
    /// Every move of the case by its date, the ones dated ahead (announced) last.
    pub phase_history: Vec<PhaseChange>,
    pub milestones: Vec<Milestone>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

/// What a worker fills in for a new milestone.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewMilestone {
    pub phase: Phase,
    pub title: String,
    pub explanation: String,
    #[serde(default)]
    pub why_it_matters: String,
    pub decided_by: String,
    #[serde(default)]
    pub what_is_needed: String,
    pub expected_date: Option<Date>,
    pub status: Option<MilestoneStatus>,
    /// The language the texts are written in; by default the writer's own.
    #[serde(default)]
    pub lang: Option<crate::i18n::Lang>,
}

/// A change to a milestone. A new date or status needs a reason.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MilestoneUpdate {
    pub status: Option<MilestoneStatus>,
    pub expected_date: Option<Date>,
    pub reason: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn real_dates_parse_and_impossible_ones_do_not() {
        assert!(Date::parse("2027-02-28").is_ok());
        assert!(Date::parse("2028-02-29").is_ok());
        assert_eq!(Date::parse("2027-02-29"), Err(ErrorCode::InvalidDate));
        assert_eq!(Date::parse("2027-13-01"), Err(ErrorCode::InvalidDate));
        assert_eq!(Date::parse("28/02/2027"), Err(ErrorCode::InvalidDate));
        assert_eq!(Date::parse("2027-2-8"), Err(ErrorCode::InvalidDate));
    }

    proptest! {
        #[test]
        fn every_parsed_date_is_written_yyyy_mm_dd(raw in "\\PC{0,12}|[0-9]{4}-[0-9]{2}-[0-9]{2}") {
            if let Ok(date) = Date::parse(&raw) {
                let text = date.as_str();
                prop_assert_eq!(text.len(), 10);
                prop_assert_eq!(Date::parse(text).unwrap(), date.clone());
            }
        }
    }
}
