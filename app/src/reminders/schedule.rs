//! When a reminder is due: the evening before at 18:00, or the morning of at 7:00 (two
//! hours before an earlier start), in the deployment's time zone.

use super::RemindWhen;

/// The moment an appointment starting at `starts_at` (`YYYY-MM-DDTHH:MM`, local) is
/// reminded of for someone who chose `when`; `None` for `never`.
pub fn moment(starts_at: &str, when: RemindWhen) -> Option<i64> {
    let local = crate::local_time::shifted_instant;
    match when {
        RemindWhen::DayBefore => local(starts_at, -1, Some((18, 0))),
        RemindWhen::MorningOf => Some(local(starts_at, 0, Some((7, 0)))?.min(local(starts_at, 0, None)? - 2 * 3600)),
        RemindWhen::Never => None,
    }
}

/// The moments a new or moved appointment is reminded of, leaving out those already past
/// at `now`: the people concerned were just told of it by the appointment's own notice.
pub fn due_moments(starts_at: &str, now: i64) -> Vec<(RemindWhen, i64)> {
    [RemindWhen::DayBefore, RemindWhen::MorningOf]
        .into_iter()
        .filter_map(|when| Some((when, moment(starts_at, when)?)))
        .filter(|(_, due)| *due > now)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::due_moments;
    use crate::local_time::format_local;
    use crate::reminders::RemindWhen;

    fn written(moments: Vec<(RemindWhen, i64)>) -> Vec<(RemindWhen, String)> {
        moments
            .into_iter()
            .map(|(kind, due)| (kind, format_local(due)))
            .collect()
    }

    #[test]
    fn the_evening_before_and_the_morning_of_in_local_time() {
        assert_eq!(
            written(due_moments("2030-01-10T10:00", 0)),
            vec![
                (RemindWhen::DayBefore, "2030-01-09 18:00".to_string()),
                (RemindWhen::MorningOf, "2030-01-10 07:00".to_string()),
            ]
        );
    }

    #[test]
    fn an_early_start_is_reminded_two_hours_before() {
        let moments = written(due_moments("2030-01-10T08:00", 0));
        assert_eq!(moments[1], (RemindWhen::MorningOf, "2030-01-10 06:00".to_string()));
    }

    #[test]
    fn a_moment_already_past_is_not_scheduled() {
        let evening_before = crate::local_time::shifted_instant("2030-01-10T10:00", -1, Some((18, 0))).unwrap();
        let moments = due_moments("2030-01-10T10:00", evening_before + 60);
        assert_eq!(moments.len(), 1, "only the morning is still to come");
        assert_eq!(moments[0].0, RemindWhen::MorningOf);
        assert!(due_moments("not a time", 0).is_empty());
    }
}
