//! Calendar dates and local time for the core, without a clock: the
//! caller passes "now" in. Indonesia has no daylight saving, so a local
//! time is UTC plus a fixed offset (WIB +7, WITA +8, WIT +9).

use serde::{Deserialize, Serialize};

/// A date in the proleptic Gregorian calendar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Date {
    pub year: i32,
    pub month: u32,
    pub day: u32,
}

pub fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

impl Date {
    /// A date, if it exists (no 31 April, no 29 February 2023).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Date> {
        (day >= 1 && day <= days_in_month(year, month)).then_some(Date { year, month, day })
    }

    /// Days since 1970-01-01 (Howard Hinnant's days_from_civil).
    pub fn days_since_epoch(self) -> i64 {
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01 (civil_from_days).
    pub fn from_days_since_epoch(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }

    /// Whole years from `self` (a birth date) to `on`.
    pub fn age_on(self, on: Date) -> i32 {
        let mut age = on.year - self.year;
        if (on.month, on.day) < (self.month, self.day) {
            age -= 1;
        }
        age
    }

    /// The first day of the following month.
    pub fn first_of_next_month(self) -> Date {
        if self.month == 12 {
            Date {
                year: self.year + 1,
                month: 1,
                day: 1,
            }
        } else {
            Date {
                year: self.year,
                month: self.month + 1,
                day: 1,
            }
        }
    }
}

/// Milliseconds since the Unix epoch, as the browser's `Date.now()`.
pub type Millis = i64;

pub const MINUTE: Millis = 60_000;
pub const DAY: Millis = 24 * 60 * MINUTE;

/// The local calendar date of `at` in a zone `offset_minutes` east of UTC.
pub fn local_date(at: Millis, offset_minutes: i32) -> Date {
    let local = at + Millis::from(offset_minutes) * MINUTE;
    Date::from_days_since_epoch(local.div_euclid(DAY))
}

/// The instant local midnight starts `date` in that zone.
pub fn local_midnight(date: Date, offset_minutes: i32) -> Millis {
    date.days_since_epoch() * DAY - Millis::from(offset_minutes) * MINUTE
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_exist_only_when_the_calendar_has_them() {
        assert!(Date::new(2024, 2, 29).is_some());
        assert!(Date::new(2023, 2, 29).is_none());
        assert!(Date::new(1900, 2, 29).is_none());
        assert!(Date::new(2000, 2, 29).is_some());
        assert!(Date::new(2024, 4, 31).is_none());
        assert!(Date::new(2024, 13, 1).is_none());
        assert!(Date::new(2024, 1, 0).is_none());
    }

    #[test]
    fn epoch_days_round_trip() {
        for (date, days) in [
            ((1970, 1, 1), 0),
            ((2000, 3, 1), 11_017),
            ((1969, 12, 31), -1),
            ((2026, 11, 23), 20_780),
        ] {
            let d = Date::new(date.0, date.1, date.2).unwrap();
            assert_eq!(d.days_since_epoch(), days, "{d:?}");
            assert_eq!(Date::from_days_since_epoch(days), d);
        }
    }

    #[test]
    fn local_date_follows_the_offset() {
        // 2026-11-23 18:30 UTC is already the 24th in WIB (+7).
        let at =
            local_midnight(Date::new(2026, 11, 23).unwrap(), 0) + 18 * 60 * MINUTE + 30 * MINUTE;
        assert_eq!(local_date(at, 0), Date::new(2026, 11, 23).unwrap());
        assert_eq!(local_date(at, 7 * 60), Date::new(2026, 11, 24).unwrap());
        assert_eq!(
            local_date(local_midnight(Date::new(2026, 1, 1).unwrap(), 420), 420),
            Date::new(2026, 1, 1).unwrap()
        );
    }

    #[test]
    fn age_counts_whole_years() {
        let born = Date::new(2009, 6, 15).unwrap();
        assert_eq!(born.age_on(Date::new(2026, 6, 14).unwrap()), 16);
        assert_eq!(born.age_on(Date::new(2026, 6, 15).unwrap()), 17);
        assert_eq!(
            Date::new(2026, 12, 31).unwrap().first_of_next_month(),
            Date::new(2027, 1, 1).unwrap()
        );
    }
}
