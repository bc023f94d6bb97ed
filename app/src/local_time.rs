//! Times as people read them: in the deployment's time zone (`BRUG_TIME_ZONE`, by default
//! Europe/Brussels, where Brug's people live), daylight saving included, and never with a
//! "UTC" after them. The API keeps exact instants (unix seconds); only pages write times.

#[cfg(feature = "ssr")]
use std::sync::OnceLock;

#[cfg(feature = "ssr")]
static ZONE: OnceLock<jiff::tz::TimeZone> = OnceLock::new();

pub const DEFAULT_ZONE: &str = "Europe/Brussels";

/// Sets the zone pages write times in, once at start; `None` when the name is unknown.
#[cfg(feature = "ssr")]
pub fn set_zone(name: &str) -> Option<()> {
    let zone = jiff::tz::db().get(name).ok()?;
    let _ = ZONE.set(zone);
    Some(())
}

/// Whether the built-in time-zone database knows a zone by this name.
#[cfg(feature = "ssr")]
pub fn zone_known(name: &str) -> bool {
    jiff::tz::db().get(name).is_ok()
}

#[cfg(feature = "ssr")]
fn zone() -> &'static jiff::tz::TimeZone {
    ZONE.get_or_init(|| {
        jiff::tz::db()
            .get(DEFAULT_ZONE)
            .expect("the built-in time-zone database knows Europe/Brussels")
    })
}

/// `YYYY-MM-DD HH:MM` in the deployment's zone (on the server), or in the browser's own
/// zone (in a page's script, for what arrives live).
pub fn format_local(unix: i64) -> String {
    #[cfg(feature = "ssr")]
    {
        match jiff::Timestamp::from_second(unix) {
            Ok(instant) => zone().to_datetime(instant).strftime("%Y-%m-%d %H:%M").to_string(),
            Err(_) => String::new(),
        }
    }
    #[cfg(not(feature = "ssr"))]
    {
        browser_local(unix)
    }
}

/// A date or moment as people write it: `2026-12-15` becomes "15 december 2026" and
/// `2026-12-15 10:09` "15 december 2026, 10:09", with the month from `month_names` (twelve,
/// comma-separated, in the reader's language). The spaces do not break, so a date never
/// falls apart over two lines. Anything that is not such a date comes back as it was.
pub fn write_out(iso: &str, month_names: &str) -> String {
    // Byte arithmetic rather than number parsing: this also runs in the page's WebAssembly,
    // which must stay small.
    let b = iso.as_bytes();
    let digits = |range: std::ops::Range<usize>| b.get(range).is_some_and(|d| d.iter().all(u8::is_ascii_digit));
    let shaped = digits(0..4) && b.get(4) == Some(&b'-') && digits(5..7) && b.get(7) == Some(&b'-') && digits(8..10);
    let month = if shaped {
        usize::from((b[5] - b'0') * 10 + (b[6] - b'0'))
    } else {
        0
    };
    let name = month.checked_sub(1).and_then(|m| month_names.split(',').nth(m));
    let (Some(name), true) = (name, shaped && (b.len() == 10 || matches!(b[10], b' ' | b'T'))) else {
        return iso.to_string();
    };
    let mut text = String::with_capacity(iso.len() + name.len() + 8);
    text.push_str(iso[8..10].trim_start_matches('0'));
    text.push('\u{a0}');
    text.push_str(name.trim());
    text.push('\u{a0}');
    text.push_str(&iso[..4]);
    if let Some(time) = iso.get(11..16) {
        text.push_str(",\u{a0}");
        text.push_str(time);
    }
    text
}

/// A moment, written out in the reader's language in the deployment's zone.
pub fn written(lang: crate::i18n::Lang, unix: i64) -> String {
    write_out(&format_local(unix), lang.t(crate::i18n::Msg::MonthNames))
}

/// A day (`YYYY-MM-DD`), written out in the reader's language.
pub fn written_date(lang: crate::i18n::Lang, date: &str) -> String {
    write_out(date, lang.t(crate::i18n::Msg::MonthNames))
}

/// The last second of a day (`YYYY-MM-DD`) in the deployment's zone, as unix seconds.
#[cfg(feature = "ssr")]
pub fn end_of_local_day(date: &str) -> Option<i64> {
    let day: jiff::civil::Date = date.parse().ok()?;
    let instant = zone().to_timestamp(day.at(23, 59, 59, 0)).ok()?;
    Some(instant.as_second())
}

/// The instant of a wall-clock moment (`YYYY-MM-DDTHH:MM`) in the deployment's zone,
/// moved by `days` whole days and set to `at` (hour, minute) when given: "the evening
/// before" is `(-1, Some((18, 0)))`. Daylight saving is the zone's on that day.
#[cfg(feature = "ssr")]
pub fn shifted_instant(local: &str, days: i32, at: Option<(i8, i8)>) -> Option<i64> {
    let moment: jiff::civil::DateTime = local.trim().parse().ok()?;
    let date = moment.date().checked_add(jiff::Span::new().days(days)).ok()?;
    let time = match at {
        Some((hour, minute)) => jiff::civil::time(hour, minute, 0, 0),
        None => moment.time(),
    };
    Some(zone().to_timestamp(date.to_datetime(time)).ok()?.as_second())
}

/// The date (`YYYY-MM-DD`) of a moment in the deployment's zone.
pub fn local_date(unix: i64) -> String {
    format_local(unix).chars().take(10).collect()
}

/// `YYYY-MM-DD HH:MM` of a unix time read as a wall clock with no zone of its own.
pub fn civil(unix: i64) -> String {
    let days = unix.div_euclid(86_400);
    let seconds = unix.rem_euclid(86_400);
    // Civil-from-days (Howard Hinnant's algorithm).
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    format!(
        "{year:04}-{month:02}-{day:02} {:02}:{:02}",
        seconds / 3600,
        (seconds % 3600) / 60
    )
}

/// The browser's own wall clock: one call for the zone's offset at that moment (daylight
/// saving included), the arithmetic above for the rest, so the page's WebAssembly grows
/// by almost nothing.
#[cfg(not(feature = "ssr"))]
fn browser_local(unix: i64) -> String {
    #[cfg(feature = "hydrate")]
    let offset_minutes =
        js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(unix as f64 * 1000.0)).get_timezone_offset() as i64;
    #[cfg(not(feature = "hydrate"))]
    let offset_minutes = 0;
    civil(unix - offset_minutes * 60)
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::format_local;

    #[test]
    fn times_are_written_in_brussels_time_with_daylight_saving() {
        // 2026-11-28 13:20 UTC is 14:20 in Brussels in winter (CET, UTC+1).
        assert_eq!(format_local(1_795_872_000), "2026-11-28 14:20");
        // 2026-07-01 10:00 UTC is 12:00 in summer (CEST, UTC+2).
        assert_eq!(format_local(1_782_900_000), "2026-07-01 12:00");
        assert!(!format_local(0).contains("UTC"));
    }

    #[test]
    fn dates_are_written_out_per_language_and_never_break() {
        use crate::i18n::Lang;
        assert_eq!(
            super::written_date(Lang::Nl, "2026-12-15"),
            "15\u{a0}december\u{a0}2026"
        );
        assert_eq!(super::written_date(Lang::Fr, "2026-12-05"), "5\u{a0}décembre\u{a0}2026");
        assert_eq!(super::written_date(Lang::Ar, "2026-12-15"), "15\u{a0}ديسمبر\u{a0}2026");
        assert_eq!(
            super::written(Lang::En, 1_795_872_000),
            "28\u{a0}November\u{a0}2026,\u{a0}14:20"
        );
        assert_eq!(super::written_date(Lang::Nl, "not a date"), "not a date");
        assert_eq!(super::written_date(Lang::Nl, "2026-13-01"), "2026-13-01");
    }

    #[test]
    fn a_moment_moves_by_days_in_local_time_across_daylight_saving() {
        // The clocks go forward in the night to 2027-03-28: the evening before is still CET.
        let evening_before = super::shifted_instant("2027-03-28T10:00", -1, Some((18, 0))).unwrap();
        assert_eq!(format_local(evening_before), "2027-03-27 18:00");
        let start = super::shifted_instant("2027-03-28T10:00", 0, None).unwrap();
        assert_eq!(format_local(start), "2027-03-28 10:00");
        assert_eq!(start - evening_before, 15 * 3600, "one hour less that night");
        assert_eq!(super::shifted_instant("not a time", 0, None), None);
    }

    #[test]
    fn a_day_ends_at_midnight_in_brussels() {
        let end = super::end_of_local_day("2099-01-31").unwrap();
        assert_eq!(format_local(end), "2099-01-31 23:59");
        assert_eq!(format_local(end + 1), "2099-02-01 00:00");
    }
}
