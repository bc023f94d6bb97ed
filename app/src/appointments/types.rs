use crate::error::ErrorCode;
use crate::trajectory::Date;
use serde::{Deserialize, Serialize};

plain_enum!(AppointmentMode {
    InPerson => "in_person", ModeInPerson;
    Phone => "phone", ModePhone;
    Video => "video", ModeVideo;
});

/// A local Belgian date and time, `YYYY-MM-DDTHH:MM`, checked to exist.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
#[cfg_attr(feature = "ssr", schema(value_type = String, example = "2026-12-04T14:00"))]
pub struct LocalDateTime(String);

impl LocalDateTime {
    pub fn parse(raw: &str) -> Result<LocalDateTime, ErrorCode> {
        let raw = raw.trim();
        let (date, time) = raw.split_once('T').ok_or(ErrorCode::InvalidTime)?;
        Date::parse(date).map_err(|_| ErrorCode::InvalidTime)?;
        let (hours, minutes) = time.split_once(':').ok_or(ErrorCode::InvalidTime)?;
        let valid = hours.len() == 2
            && minutes.len() == 2
            && hours.parse::<u32>().is_ok_and(|h| h < 24)
            && minutes.parse::<u32>().is_ok_and(|m| m < 60);
        if valid {
            Ok(LocalDateTime(raw.to_string()))
        } else {
            Err(ErrorCode::InvalidTime)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// `YYYYMMDDTHHMM00`, as calendar files write it.
    pub fn compact(&self) -> String {
        format!("{}00", self.0.replace(['-', ':'], ""))
    }

    /// The same moment as people write it in `lang`: "4 december 2026, 14:00".
    pub fn written(&self, lang: crate::i18n::Lang) -> String {
        crate::local_time::written_date(lang, &self.0)
    }
}

impl TryFrom<String> for LocalDateTime {
    type Error = String;

    fn try_from(value: String) -> Result<Self, Self::Error> {
        LocalDateTime::parse(&value).map_err(|code| code.as_str().to_string())
    }
}

impl From<LocalDateTime> for String {
    fn from(value: LocalDateTime) -> String {
        value.0
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Appointment {
    pub id: i64,
    pub case_id: i64,
    pub starts_at: LocalDateTime,
    pub duration_minutes: i64,
    pub mode: AppointmentMode,
    /// An address, or how to join by phone or video.
    pub place: String,
    pub with_whom: String,
    pub purpose: String,
    pub what_to_bring: String,
    /// A worker called it off (the reason is in `history`).
    pub cancelled: bool,
    /// The language its texts are written in.
    #[serde(default)]
    pub lang: crate::i18n::Lang,
    /// Every move, cancellation and "I can't make it", oldest first, each with its reason.
    pub history: Vec<AppointmentChange>,
}

plain_enum!(AppointmentChangeKind {
    Moved => "moved", AppointmentMoved;
    Cancelled => "cancelled", AppointmentCancelled;
    CannotCome => "cannot_come", AppointmentCannotCome;
});

/// One change of an appointment, with the reason the people in it read.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AppointmentChange {
    pub kind: AppointmentChangeKind,
    pub changed_at: i64,
    pub changed_by: String,
    /// For a move: the time before and after (absent when only the place changed).
    pub old_starts_at: Option<LocalDateTime>,
    pub new_starts_at: Option<LocalDateTime>,
    /// For a move: the place before and after (absent when only the time changed).
    pub old_place: Option<String>,
    pub new_place: Option<String>,
    pub reason: String,
}

/// A worker moves an appointment: a new time, a new place, or both, and why.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AppointmentUpdate {
    pub starts_at: Option<LocalDateTime>,
    pub place: Option<String>,
    #[serde(default)]
    pub reason: String,
    /// Move it even to a time outside the parts of the day the participant said suit her
    /// (else refused with `time_against_preferences`).
    #[serde(default)]
    pub despite_preferences: bool,
}

/// Why an appointment is called off, or why the participant cannot come.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct AppointmentReason {
    #[serde(default)]
    pub reason: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct NewAppointment {
    pub starts_at: LocalDateTime,
    pub duration_minutes: i64,
    pub mode: AppointmentMode,
    pub place: String,
    pub with_whom: String,
    pub purpose: String,
    #[serde(default)]
    pub what_to_bring: String,
    /// Plan it even though the time falls outside the parts of the day the participant
    /// said suit her (else refused with `time_against_preferences`).
    #[serde(default)]
    pub despite_preferences: bool,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Appointments {
    pub case_id: i64,
    pub participant_name: String,
    pub appointments: Vec<Appointment>,
    /// Pass as `after` to get the next page; absent on the last page.
    pub next_cursor: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_local_time_must_exist() {
        assert!(LocalDateTime::parse("2026-12-04T14:00").is_ok());
        assert_eq!(LocalDateTime::parse("2026-12-04T24:00"), Err(ErrorCode::InvalidTime));
        assert_eq!(LocalDateTime::parse("2026-02-30T10:00"), Err(ErrorCode::InvalidTime));
        assert_eq!(LocalDateTime::parse("2026-12-04 14:00"), Err(ErrorCode::InvalidTime));
    }

    #[test]
    fn calendar_files_get_the_compact_form() {
        assert_eq!(
            LocalDateTime::parse("2026-12-04T14:05").unwrap().compact(),
            "20261204T140500"
        );
    }
}
