//! Which backups stay: every copy from today, the newest copy of each of the six days before,
//! and the newest copy of each of the last four ISO weeks (this one and the three before).
//! Pure: the copies' local times and today's date come in, the names to remove go out.

use std::collections::BTreeMap;

use chrono::{Datelike, Days, IsoWeek, NaiveDate, NaiveDateTime};

/// Days whose newest copy is kept, today included.
const DAILY: u64 = 7;
/// ISO weeks whose newest copy is kept, this week included.
const WEEKLY: u64 = 4;

/// The names among `copies` (name, local time taken) that the rotation removes. A copy dated
/// after today (the clock was turned back) is kept: its age cannot be told.
pub fn to_remove(copies: &[(String, NaiveDateTime)], today: NaiveDate) -> Vec<String> {
    let kept_days: Vec<NaiveDate> =
        (0..DAILY).filter_map(|back| today.checked_sub_days(Days::new(back))).collect();
    let kept_weeks: Vec<IsoWeek> = (0..WEEKLY)
        .filter_map(|back| today.checked_sub_days(Days::new(7 * back)))
        .map(|day| day.iso_week())
        .collect();
    let mut newest_of_day: BTreeMap<NaiveDate, (NaiveDateTime, &str)> = BTreeMap::new();
    let mut newest_of_week: BTreeMap<IsoWeek, (NaiveDateTime, &str)> = BTreeMap::new();
    for (name, taken) in copies {
        keep_newest(&mut newest_of_day, taken.date(), *taken, name);
        keep_newest(&mut newest_of_week, taken.date().iso_week(), *taken, name);
    }
    let is_kept = |name: &str, taken: NaiveDateTime| {
        taken.date() >= today
            || kept_days.iter().any(|day| newest_of_day.get(day).is_some_and(|(_, newest)| *newest == name))
            || kept_weeks
                .iter()
                .any(|week| newest_of_week.get(week).is_some_and(|(_, newest)| *newest == name))
    };
    copies.iter().filter(|(name, taken)| !is_kept(name, *taken)).map(|(name, _)| name.clone()).collect()
}

/// Remembers `name` for `key` if it is newer than what is there; of two taken in the same
/// second the later name (the `-2` one) wins, so the choice does not depend on listing order.
fn keep_newest<'a, K: Ord>(
    newest: &mut BTreeMap<K, (NaiveDateTime, &'a str)>,
    key: K,
    taken: NaiveDateTime,
    name: &'a str,
) {
    let entry = newest.entry(key).or_insert((taken, name));
    if (taken, name) > *entry {
        *entry = (taken, name);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(date: &str, time: &str) -> NaiveDateTime {
        NaiveDateTime::parse_from_str(&format!("{date} {time}"), "%Y-%m-%d %H:%M").expect("a valid test time")
    }

    fn copies(times: &[(&str, &str)]) -> Vec<(String, NaiveDateTime)> {
        times.iter().map(|(date, time)| (format!("{date}-{time}"), at(date, time))).collect()
    }

    fn day(text: &str) -> NaiveDate {
        NaiveDate::parse_from_str(text, "%Y-%m-%d").expect("a valid test date")
    }

    #[test]
    fn every_copy_of_today_stays() {
        let all = copies(&[("2025-09-02", "08:00"), ("2025-09-02", "12:00"), ("2025-09-02", "16:00")]);
        assert!(
            to_remove(&all, day("2025-09-02")).is_empty(),
            "today's copies are the ones a mistake today needs"
        );
    }

    #[test]
    fn of_an_earlier_day_only_the_newest_copy_stays() {
        let all = copies(&[("2025-09-01", "08:00"), ("2025-09-01", "17:30"), ("2025-09-01", "12:00")]);
        assert_eq!(to_remove(&all, day("2025-09-02")), ["2025-09-01-08:00", "2025-09-01-12:00"]);
    }

    #[test]
    fn seven_days_are_kept_daily_and_older_days_by_their_week() {
        // Tuesday 2025-09-16 (ISO week 38). One copy each evening from Monday 2025-08-11 on.
        let start = day("2025-08-11");
        let all: Vec<(String, NaiveDateTime)> = (0..37)
            .map(|n| start.checked_add_days(Days::new(n)).expect("in range"))
            .map(|date| (date.to_string(), date.and_hms_opt(18, 0, 0).expect("valid")))
            .collect();
        let removed = to_remove(&all, day("2025-09-16"));
        let kept: Vec<&str> = all
            .iter()
            .map(|(name, _)| name.as_str())
            .filter(|name| !removed.iter().any(|r| r == name))
            .collect();
        assert_eq!(
            kept,
            [
                // The newest of ISO weeks 35 and 36 (their Sundays); week 37 and 38 are inside
                // the seven days, whose newest copies are kept one by one.
                "2025-08-31",
                "2025-09-07",
                "2025-09-10",
                "2025-09-11",
                "2025-09-12",
                "2025-09-13",
                "2025-09-14",
                "2025-09-15",
                "2025-09-16",
            ]
        );
    }

    #[test]
    fn a_week_older_than_four_weeks_loses_its_last_copy() {
        let all = copies(&[("2025-08-17", "18:00"), ("2025-08-24", "18:00")]);
        // Today is in ISO week 38; the four weeks kept are 35 to 38. 2025-08-24 is week 34.
        assert_eq!(to_remove(&all, day("2025-09-16")), ["2025-08-17-18:00", "2025-08-24-18:00"]);
    }

    #[test]
    fn weeks_are_iso_weeks_across_the_new_year() {
        // 2026-01-01 is a Thursday of ISO week 2026-W01, which began on Monday 2025-12-29.
        let all = copies(&[("2025-12-20", "10:00"), ("2025-12-21", "10:00"), ("2025-12-22", "10:00")]);
        let removed = to_remove(&all, day("2026-01-12"));
        // Weeks kept: 2026-W03 back to 2025-W52 (Dec 22-28). Dec 20 and 21 are 2025-W51.
        assert_eq!(removed, ["2025-12-20-10:00", "2025-12-21-10:00"]);
    }

    #[test]
    fn a_copy_dated_after_today_is_kept() {
        let all = copies(&[("2025-09-20", "09:00"), ("2025-09-20", "10:00")]);
        assert!(
            to_remove(&all, day("2025-09-02")).is_empty(),
            "a copy from a clock set ahead cannot be aged"
        );
    }
}
