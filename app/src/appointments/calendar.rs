//! One appointment as an iCalendar file (RFC 5545), in Belgian local time, with its
//! labels and a reminder when the reader chose to be reminded, in the reader's language.

use super::Appointment;
use crate::i18n::{Lang, Msg};
use crate::reminders::schedule::moment;
use crate::reminders::RemindWhen;

const BRUSSELS: &str = "BEGIN:VTIMEZONE\r\nTZID:Europe/Brussels\r\nBEGIN:DAYLIGHT\r\nTZOFFSETFROM:+0100\r\n\
TZOFFSETTO:+0200\r\nTZNAME:CEST\r\nDTSTART:19700329T020000\r\nRRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n\
END:DAYLIGHT\r\nBEGIN:STANDARD\r\nTZOFFSETFROM:+0200\r\nTZOFFSETTO:+0100\r\nTZNAME:CET\r\n\
DTSTART:19701025T030000\r\nRRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU\r\nEND:STANDARD\r\nEND:VTIMEZONE\r\n";

fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace('\r', "")
        .replace('\n', "\\n")
}

/// `stamp` is the moment the file is made, `YYYYMMDDTHHMMSSZ`; `lang` is the reader's and
/// `reminded` when they chose to be reminded. The worker's texts keep the language they
/// were written in (`LANGUAGE`).
pub fn calendar_file(appointment: &Appointment, stamp: &str, lang: Lang, reminded: RemindWhen) -> String {
    let mut description = format!("{}: {}", lang.t(Msg::WithWhomLabel), appointment.with_whom);
    if !appointment.what_to_bring.is_empty() {
        description.push_str(&format!("\n{}: {}", lang.t(Msg::BringLabel), appointment.what_to_bring));
    }
    // The calendar app reminds the person at the moment Brug's own reminder comes, as an
    // instant in UTC; not of one called off, nor when they want no reminders.
    let due = moment(appointment.starts_at.as_str(), reminded).filter(|_| !appointment.cancelled);
    let alarm = match due {
        None => String::new(),
        Some(due) => {
            let said = match reminded {
                RemindWhen::MorningOf => Msg::CalendarReminderToday,
                _ => Msg::CalendarReminder,
            };
            let reminder = lang.fill(said, &[("what", &appointment.purpose)]);
            format!(
                "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;VALUE=DATE-TIME:{}00Z\r\nDESCRIPTION:{}\r\nEND:VALARM\r\n",
                crate::local_time::civil(due).replace(['-', ':'], "").replace(' ', "T"),
                escape(&reminder)
            )
        }
    };
    let (content, reader) = (appointment.lang.code(), lang.code());
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Brug//Brug//{}\r\nCALSCALE:GREGORIAN\r\n{BRUSSELS}\
BEGIN:VEVENT\r\nUID:appointment-{}@brug\r\nSEQUENCE:{}\r\nSTATUS:{}\r\nDTSTAMP:{stamp}\r\n\
DTSTART;TZID=Europe/Brussels:{}\r\n\
DURATION:PT{}M\r\nSUMMARY;LANGUAGE={content}:{}\r\nLOCATION;LANGUAGE={content}:{}\r\n\
DESCRIPTION;LANGUAGE={reader}:{}\r\n{alarm}END:VEVENT\r\nEND:VCALENDAR\r\n",
        reader.to_uppercase(),
        appointment.id,
        // Each move or cancellation is a new version, so a calendar app replaces its copy.
        appointment.history.len(),
        if appointment.cancelled {
            "CANCELLED"
        } else {
            "CONFIRMED"
        },
        appointment.starts_at.compact(),
        appointment.duration_minutes,
        escape(&appointment.purpose),
        escape(&appointment.place),
        escape(&description),
    )
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
        let file = calendar_file(&appointment, "20261128T120000Z", Lang::Nl, RemindWhen::DayBefore);
        assert!(file.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(file.contains("DTSTART;TZID=Europe/Brussels:20261204T140000\r\n"));
        assert!(file.contains("SUMMARY;LANGUAGE=nl:Gesprek\\; voorwaarden\r\n"));
        assert!(file.contains("LOCATION;LANGUAGE=nl:Justitiehuis\\, Antwerpen\r\n"));
        assert!(file.contains("DESCRIPTION;LANGUAGE=nl:Met wie: Lotte\\nMee te brengen: Identiteitskaart\r\n"));
        assert!(file.contains(
            "BEGIN:VALARM\r\nACTION:DISPLAY\r\nTRIGGER;VALUE=DATE-TIME:20261203T170000Z\r\n\
             DESCRIPTION:Morgen: Gesprek\\; voorwaarden\r\n"
        ));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("SEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"));

        // Read in Arabic: the labels and the reminder in Arabic, her worker's text as written.
        let arabic = calendar_file(&appointment, "20261128T120000Z", Lang::Ar, RemindWhen::DayBefore);
        assert!(arabic.contains("DESCRIPTION;LANGUAGE=ar:مع من: Lotte\\nما يجب إحضاره: Identiteitskaart\r\n"));
        assert!(arabic.contains("DESCRIPTION:غدًا: Gesprek\\; voorwaarden\r\n"));
        assert!(arabic.contains("SUMMARY;LANGUAGE=nl:"));

        // The morning of: 7:00 in Brussels, 6:00 UTC in winter; and none for who wants none.
        let morning = calendar_file(&appointment, "20261128T120000Z", Lang::En, RemindWhen::MorningOf);
        assert!(morning.contains("TRIGGER;VALUE=DATE-TIME:20261204T060000Z\r\nDESCRIPTION:Today: Gesprek"));
        let none = calendar_file(&appointment, "20261128T120000Z", Lang::En, RemindWhen::Never);
        assert!(!none.contains("VALARM"), "no reminder for who wants none");

        let called_off = Appointment {
            cancelled: true,
            ..appointment
        };
        let file = calendar_file(&called_off, "20261128T120000Z", Lang::Nl, RemindWhen::DayBefore);
        assert!(
            file.contains("STATUS:CANCELLED\r\n") && !file.contains("VALARM"),
            "no reminder of what is off"
        );
    }
}
