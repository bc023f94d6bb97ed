//! What a participant or family member asks for to be reached well: a woman or a man for
//! personal conversations, an interpreter, times that fit school and child care, how to be
//! contacted, and in their own words what helps and what to avoid. They decide whether the
//! workers of their circles see it; nobody else ever does.

mod page;

pub use page::{PreferencesCard, PreferencesPage};

#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
pub(crate) mod storage;

use crate::appointments::LocalDateTime;
use crate::error::AppError;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

plain_enum!(WorkerGender {
    NoPreference => "no_preference", GenderNoPreference;
    Woman => "woman", GenderWoman;
    Man => "man", GenderMan;
});

plain_enum!(DayPart {
    Morning => "morning", DayPartMorning;
    Afternoon => "afternoon", DayPartAfternoon;
    Evening => "evening", DayPartEvening;
});

plain_enum!(ContactWay {
    NoPreference => "no_preference", ContactNoPreference;
    Message => "message", ContactByMessage;
    Phone => "phone", ContactByPhone;
    InPerson => "in_person", ContactInPerson;
});

impl DayPart {
    /// The part of the day a local time falls in: before noon, before five, or later.
    pub fn of(time: &LocalDateTime) -> DayPart {
        let hour: u32 = time.as_str().get(11..13).and_then(|h| h.parse().ok()).unwrap_or(0);
        match hour {
            0..=11 => DayPart::Morning,
            12..=16 => DayPart::Afternoon,
            _ => DayPart::Evening,
        }
    }
}

/// A person's own conditions. Free texts are in their own words.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct Preferences {
    /// For personal conversations.
    pub worker_gender: WorkerGender,
    /// The language an interpreter is needed for; empty when none is.
    #[serde(default)]
    pub interpreter_language: String,
    /// The parts of the day that suit (school, child care); empty: any time.
    #[serde(default)]
    pub day_parts: Vec<DayPart>,
    #[serde(default)]
    pub times_note: String,
    pub contact_by: ContactWay,
    #[serde(default)]
    pub what_helps: String,
    #[serde(default)]
    pub what_to_avoid: String,
    /// Whether the workers of their circles see these. Nobody else ever does.
    pub shown_to_workers: bool,
}

impl Default for Preferences {
    fn default() -> Preferences {
        Preferences {
            worker_gender: WorkerGender::NoPreference,
            interpreter_language: String::new(),
            day_parts: Vec::new(),
            times_note: String::new(),
            contact_by: ContactWay::NoPreference,
            what_helps: String::new(),
            what_to_avoid: String::new(),
            shown_to_workers: false,
        }
    }
}

impl Preferences {
    /// Whether a meeting at `time` falls outside the parts of the day that suit.
    pub fn time_goes_against(&self, time: &LocalDateTime) -> bool {
        !self.day_parts.is_empty() && !self.day_parts.contains(&DayPart::of(time))
    }

    /// Whether anything was asked for at all.
    pub fn asks_anything(&self) -> bool {
        let nothing = Preferences {
            shown_to_workers: self.shown_to_workers,
            ..Preferences::default()
        };
        *self != nothing
    }
}

/// A member's preferences as a worker of the case sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct MemberPreferences {
    pub user_id: i64,
    pub name: String,
    /// The participant of the case (else a family member).
    pub is_participant: bool,
    pub preferences: Preferences,
}

#[server(prefix = "/s", endpoint = "preferences")]
pub async fn load_preferences() -> Result<Preferences, AppError> {
    let (state, _) = crate::web::request_parts()?;
    let viewer = crate::web::viewer(&state).await?;
    service::own(&state, &viewer).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_time_goes_against_the_parts_of_the_day_that_suit() {
        let at = |t: &str| LocalDateTime::parse(t).unwrap();
        let mornings = Preferences {
            day_parts: vec![DayPart::Morning],
            ..Preferences::default()
        };
        assert!(!mornings.time_goes_against(&at("2027-01-04T09:30")));
        assert!(mornings.time_goes_against(&at("2027-01-04T12:00")));
        assert!(mornings.time_goes_against(&at("2027-01-04T17:15")));
        assert!(
            !Preferences::default().time_goes_against(&at("2027-01-04T20:00")),
            "any time suits"
        );
        assert_eq!(DayPart::of(&at("2027-01-04T16:59")), DayPart::Afternoon);
    }
}
