//! One appointment as an iCalendar file (RFC 5545), written by the `icalendar` crate (it
//! escapes the texts and folds long lines as the standard asks), with its labels and a
//! reminder when the reader chose to be reminded, in the reader's language.

use super::Appointment;
use crate::i18n::{Lang, Msg};
use crate::reminders::schedule::moment;
use crate::reminders::RemindWhen;
use chrono::{DateTime, Utc};
use icalendar::{Alarm, Calendar, Component, EventLike, EventStatus, Property};

/// A text as one iCalendar value: line breaks as the crate writes them, no carriage return
/// left to break a content line.
fn plain(text: &str) -> String {
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// A text property in the language it is written in (`LANGUAGE`).
fn in_language(key: &str, text: &str, lang: Lang) -> Property {
    Property::new(key, plain(text))
        .add_parameter("LANGUAGE", lang.code())
        .done()
}

fn instant(unix: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(unix, 0).unwrap_or_default()
}

/// `stamp` is the moment the file is made (unix seconds); `lang` is the reader's and
/// `reminded` when they chose to be reminded. The worker's texts keep the language they
/// were written in. Times are exact instants (UTC), so a phone shows them in its own zone
/// and no time-zone definition has to travel with the file.
pub fn calendar_file(appointment: &Appointment, stamp: i64, lang: Lang, reminded: RemindWhen) -> String {
    let mut description = format!("{}: {}", lang.t(Msg::WithWhomLabel), appointment.with_whom);
    if !appointment.what_to_bring.is_empty() {
        description.push_str(&format!("\n{}: {}", lang.t(Msg::BringLabel), appointment.what_to_bring));
    }
    let mut event = icalendar::Event::new();
    event
        .uid(&format!("appointment-{}@brug", appointment.id))
        // Each move or cancellation is a new version, so a calendar app replaces its copy.
        .sequence(appointment.history.len() as u32)
        .status(if appointment.cancelled {
            EventStatus::Cancelled
        } else {
            EventStatus::Confirmed
        })
        .timestamp(instant(stamp))
        .add_property("DURATION", format!("PT{}M", appointment.duration_minutes))
        .append_property(in_language("SUMMARY", &appointment.purpose, appointment.lang))
        .append_property(in_language("LOCATION", &appointment.place, appointment.lang))
        .append_property(in_language("DESCRIPTION", &description, lang));
    if let Some(starts) = crate::local_time::shifted_instant(appointment.starts_at.as_str(), 0, None) {
        event.starts(instant(starts));
    }
    // The calendar app reminds the person at the moment Brug's own reminder comes; not of
    // one called off, nor when they want no reminders.
    if let Some(due) = moment(appointment.starts_at.as_str(), reminded).filter(|_| !appointment.cancelled) {
        let said = match reminded {
            RemindWhen::MorningOf => Msg::CalendarReminderToday,
            _ => Msg::CalendarReminder,
        };
        let reminder = lang.fill(said, &[("what", &appointment.purpose)]);
        let mut alarm = Alarm::display(&plain(&reminder), instant(due));
        // Fixed, so a file downloaded twice says the same.
        alarm
            .uid(&format!("appointment-{}-reminder@brug", appointment.id))
            .timestamp(instant(stamp));
        event.alarm(alarm);
    }
    let mut calendar = Calendar::empty();
    calendar
        .append_property(Property::new("VERSION", "2.0"))
        .append_property(Property::new(
            "PRODID",
            format!("-//Brug//Brug//{}", lang.code().to_uppercase()),
        ))
        .append_property(Property::new("CALSCALE", "GREGORIAN"))
        .push(event.done());
    calendar.done().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::appointments::{AppointmentMode, LocalDateTime};

    #[test]
    fn a_calendar_file_carries_the_local_time_and_escapes_text() {
        let appointment = Appointment {
            id: 7,
            case_id: 1,
            starts_at: LocalDateTime::parse("2026-12-04T14:00").unwrap(),
            lang: Default::default(),
            duration_minutes: 60,
            mode: AppointmentMode::InPerson,
            place: "Justitiehuis, Antwerpen".into(),
            with_whom: "Lotte".into(),
            purpose: "Gesprek; voorwaarden".into(),
            what_to_bring: "Identiteitskaart".into(),
            cancelled: false,
            history: Vec::new(),
        };
        let file = calendar_file(&appointment, 1_795_867_200, Lang::Nl, RemindWhen::DayBefore);
        assert!(file.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\n"));
        // 14:00 in Brussels in winter is 13:00 UTC: an exact instant, no zone to define.
        assert!(file.contains("\r\nDTSTART:20261204T130000Z\r\n"));
        assert!(file.contains("\r\nDTSTAMP:20261128T120000Z\r\n"));
        assert!(file.contains("\r\nSUMMARY;LANGUAGE=nl:Gesprek\\; voorwaarden\r\n"));
        assert!(file.contains("\r\nLOCATION;LANGUAGE=nl:Justitiehuis\\, Antwerpen\r\n"));
        assert!(file.contains("\r\nDESCRIPTION;LANGUAGE=nl:Met wie: Lotte\\nMee te brengen: Identiteitskaart\r\n"));
        let alarm = file
            .split("BEGIN:VALARM\r\n")
            .nth(1)
            .expect("a reminder")
            .split("END:VALARM")
            .next()
            .unwrap();
        assert!(alarm.contains("ACTION:DISPLAY\r\n"));
        assert!(
            alarm.contains("TRIGGER;VALUE=DATE-TIME:20261203T170000Z\r\n"),
            "18:00 the evening before"
        );
        assert!(alarm.contains("DESCRIPTION:Morgen: Gesprek\\; voorwaarden\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("\r\nSEQUENCE:0\r\n") && file.contains("\r\nSTATUS:CONFIRMED\r\n"));
        assert_eq!(
            file,
            calendar_file(&appointment, 1_795_867_200, Lang::Nl, RemindWhen::DayBefore),
            "the same file each time it is downloaded"
        );

        // Read in Arabic: the labels and the reminder in Arabic, her worker's text as written.
        // (Arabic takes two octets a letter, so its long lines are folded: read them unfolded.)
        let arabic = calendar_file(&appointment, 1_795_867_200, Lang::Ar, RemindWhen::DayBefore).replace("\r\n ", "");
        assert!(arabic.contains("DESCRIPTION;LANGUAGE=ar:مع من: Lotte\\nما يجب إحضاره: Identiteitskaart\r\n"));
        assert!(arabic.contains("\r\nDESCRIPTION:غدًا: Gesprek\\; voorwaarden\r\n"));
        assert!(arabic.contains("SUMMARY;LANGUAGE=nl:"));

        // The morning of: 7:00 in Brussels, 6:00 UTC in winter; and none for who wants none.
        let morning = calendar_file(&appointment, 1_795_867_200, Lang::En, RemindWhen::MorningOf);
        assert!(morning.contains("TRIGGER;VALUE=DATE-TIME:20261204T060000Z\r\n"));
        assert!(morning.contains("\r\nDESCRIPTION:Today: Gesprek"));
        let none = calendar_file(&appointment, 1_795_867_200, Lang::En, RemindWhen::Never);
        assert!(!none.contains("VALARM"), "no reminder for who wants none");

        // A long text is folded at 75 octets, as RFC 5545 asks, and reads back whole.
        let long = Appointment {
            purpose: "Gesprek over de voorwaarden van je vrijlating en wat je de eerste week nodig hebt".into(),
            ..appointment.clone()
        };
        let folded = calendar_file(&long, 1_795_867_200, Lang::Nl, RemindWhen::Never);
        assert!(folded.split("\r\n").all(|line| line.len() <= 75), "{folded}");
        assert!(folded.replace("\r\n ", "").contains(&long.purpose));

        let called_off = Appointment {
            cancelled: true,
            ..appointment
        };
        let file = calendar_file(&called_off, 1_795_867_200, Lang::Nl, RemindWhen::DayBefore);
        assert!(
            file.contains("STATUS:CANCELLED\r\n") && !file.contains("VALARM"),
            "no reminder of what is off"
        );
    }
}
