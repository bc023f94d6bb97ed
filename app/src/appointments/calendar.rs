//! One appointment as an iCalendar file (RFC 5545), in Belgian local time.

use super::Appointment;

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

/// `stamp` is the moment the file is made, `YYYYMMDDTHHMMSSZ`.
pub fn calendar_file(appointment: &Appointment, stamp: &str) -> String {
    let mut description = format!("Met: {}", appointment.with_whom);
    if !appointment.what_to_bring.is_empty() {
        description.push_str(&format!("\nMeebrengen: {}", appointment.what_to_bring));
    }
    format!(
        "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Brug//Brug//NL\r\nCALSCALE:GREGORIAN\r\n{BRUSSELS}\
BEGIN:VEVENT\r\nUID:appointment-{}@brug\r\nSEQUENCE:{}\r\nSTATUS:{}\r\nDTSTAMP:{stamp}\r\n\
DTSTART;TZID=Europe/Brussels:{}\r\n\
DURATION:PT{}M\r\nSUMMARY:{}\r\nLOCATION:{}\r\nDESCRIPTION:{}\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n",
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
        let file = calendar_file(&appointment, "20261128T120000Z");
        assert!(file.starts_with("BEGIN:VCALENDAR\r\n"));
        assert!(file.contains("DTSTART;TZID=Europe/Brussels:20261204T140000\r\n"));
        assert!(file.contains("SUMMARY:Gesprek\\; voorwaarden\r\n"));
        assert!(file.contains("LOCATION:Justitiehuis\\, Antwerpen\r\n"));
        assert!(file.contains("DESCRIPTION:Met: Lotte\\nMeebrengen: Identiteitskaart\r\n"));
        assert!(file.ends_with("END:VCALENDAR\r\n"));
        assert!(file.contains("SEQUENCE:0\r\nSTATUS:CONFIRMED\r\n"));
        let called_off = Appointment {
            cancelled: true,
            ..appointment
        };
        assert!(calendar_file(&called_off, "20261128T120000Z").contains("STATUS:CANCELLED\r\n"));
    }
}
