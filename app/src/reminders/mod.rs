//! Reminders of appointments that always arrive. Each person chooses when: the evening
//! before, the morning of, or not at all. The reminders due are kept in the database, so a
//! restart or a crash loses none, and the scheduler sends each one once, also with several
//! server processes. The push says only that there is a reminder, in the person's language.

use serde::{Deserialize, Serialize};

#[cfg(feature = "ssr")]
pub mod schedule;
#[cfg(feature = "ssr")]
pub mod service;
#[cfg(feature = "ssr")]
mod storage;

plain_enum!(RemindWhen {
    DayBefore => "day_before", RemindDayBefore;
    MorningOf => "morning_of", RemindMorningOf;
    Never => "never", RemindNever;
});

/// A person's choice of when to be reminded of an appointment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "ssr", derive(utoipa::ToSchema))]
pub struct ReminderChoice {
    /// `day_before` (18:00 the evening before), `morning_of` (7:00 that day, or two hours
    /// before an earlier start) or `never`.
    pub when: RemindWhen,
}
