//! The time as the service layer sees it: the system clock, which tests can move forward
//! to see what happens when a promise runs out, without waiting days.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Arc;

#[derive(Clone, Debug, Default)]
pub struct Clock {
    offset_secs: Arc<AtomicI64>,
}

impl Clock {
    /// Unix seconds.
    pub fn now(&self) -> i64 {
        crate::db::now() + self.offset_secs.load(Ordering::Relaxed)
    }

    pub fn advance(&self, secs: i64) {
        self.offset_secs.fetch_add(secs, Ordering::Relaxed);
    }
}

/// The moment `working_days` working days (Monday to Friday) after `from` have passed.
pub fn after_working_days(from: i64, working_days: i64) -> i64 {
    let mut due = from;
    let mut left = working_days.max(0);
    while left > 0 {
        due += 86_400;
        // 1970-01-01 was a Thursday: with Monday as 0, day 0 is 3.
        let weekday = (due.div_euclid(86_400) + 3).rem_euclid(7);
        if weekday < 5 {
            left -= 1;
        }
    }
    due
}

#[cfg(test)]
mod tests {
    use super::after_working_days;

    const DAY: i64 = 86_400;
    /// Monday 2026-11-23, 10:00 UTC.
    const MONDAY: i64 = 1_795_428_000;

    #[test]
    fn two_working_days_skip_the_weekend() {
        assert_eq!(after_working_days(MONDAY, 2), MONDAY + 2 * DAY, "Monday to Wednesday");
        let thursday = MONDAY + 3 * DAY;
        assert_eq!(
            after_working_days(thursday, 2),
            thursday + 4 * DAY,
            "Thursday to Monday"
        );
        let saturday = MONDAY + 5 * DAY;
        assert_eq!(
            after_working_days(saturday, 2),
            saturday + 3 * DAY,
            "Saturday to Tuesday"
        );
    }
}
