//! Identity numbers: the NIK (16 digits on the KTP) and the family-card
//! number. Always strings: Papua's region codes put a NIK above 2^53.
//!
//! NIK layout: digits 1-2 province, 3-4 regency/city, 5-6 district,
//! 7-12 birth date DDMMYY with 40 added to the day for women, 13-16 serial.
//! A NIK that disagrees with what the officer typed is a warning, never a
//! refusal: the NIK on the card never changes, the typing may be wrong.

use super::date::Date;

/// Province codes in use (Kemendagri), Papua's new provinces included.
pub const PROVINCES: [u32; 38] = [
    11, 12, 13, 14, 15, 16, 17, 18, 19, 21, 31, 32, 33, 34, 35, 36, 51, 52, 53, 61, 62, 63, 64, 65,
    71, 72, 73, 74, 75, 76, 81, 82, 91, 92, 93, 94, 95, 96,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sex {
    Male,
    Female,
}

impl Sex {
    /// As Indonesian forms write it: `L` (laki-laki) or `P` (perempuan).
    pub fn letter(self) -> &'static str {
        match self {
            Sex::Male => "L",
            Sex::Female => "P",
        }
    }
}

/// What a NIK says about its holder.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NikInfo {
    /// `PP`, `PPKK`, `PPKKCC`: province, regency/city, district codes.
    pub province: String,
    pub regency: String,
    pub district: String,
    pub birth_date: Date,
    pub sex: Sex,
    pub serial: String,
}

/// Why a string is not a possible NIK or KK number.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum IdProblem {
    WrongLength {
        length: usize,
    },
    NotDigits,
    UnknownProvince {
        code: String,
    },
    /// Regency or district code `00`.
    BadRegion,
    /// Digits 7-12 are no calendar date (e.g. day 32, month 13, 30 Feb).
    ImpossibleBirthDate,
    /// The birth date would lie after `today` in either century.
    BirthDateInFuture,
    ZeroSerial,
}

/// A disagreement between the NIK and what was typed: shown, not enforced.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NikWarning {
    BirthDateDiffers { from_nik: Date, typed: Date },
    SexDiffers { from_nik: Sex, typed: Sex },
}

fn digits_only(s: &str) -> Result<&str, Vec<IdProblem>> {
    let s = s.trim();
    let mut problems = Vec::new();
    if !s.chars().all(|c| c.is_ascii_digit()) {
        problems.push(IdProblem::NotDigits);
    }
    if s.chars().count() != 16 {
        problems.push(IdProblem::WrongLength {
            length: s.chars().count(),
        });
    }
    if problems.is_empty() {
        Ok(s)
    } else {
        Err(problems)
    }
}

fn num(s: &str) -> u32 {
    s.parse().unwrap_or(0)
}

fn region_problems(s: &str, problems: &mut Vec<IdProblem>) {
    if !PROVINCES.contains(&num(&s[0..2])) {
        problems.push(IdProblem::UnknownProvince {
            code: s[0..2].to_string(),
        });
    }
    if &s[2..4] == "00" || &s[4..6] == "00" {
        problems.push(IdProblem::BadRegion);
    }
    if &s[12..16] == "0000" {
        problems.push(IdProblem::ZeroSerial);
    }
}

/// Reads a NIK, reporting every problem. `today` decides the century of a
/// two-digit year: the latest year not after today.
pub fn parse_nik(nik: &str, today: Date) -> Result<NikInfo, Vec<IdProblem>> {
    let s = digits_only(nik)?;
    let mut problems = Vec::new();
    region_problems(s, &mut problems);

    let raw_day = num(&s[6..8]);
    let (day, sex) = if raw_day > 40 {
        (raw_day - 40, Sex::Female)
    } else {
        (raw_day, Sex::Male)
    };
    let (month, yy) = (num(&s[8..10]), num(&s[10..12]) as i32);
    let this_century = today.year - today.year.rem_euclid(100);
    let birth = [this_century + yy, this_century - 100 + yy]
        .into_iter()
        .filter_map(|year| Date::new(year, month, day))
        .find(|d| *d <= today);
    let exists = Date::new(this_century + yy, month, day).is_some()
        || Date::new(this_century - 100 + yy, month, day).is_some();
    match birth {
        Some(_) => {}
        None if exists => problems.push(IdProblem::BirthDateInFuture),
        None => problems.push(IdProblem::ImpossibleBirthDate),
    }

    match birth {
        Some(birth_date) if problems.is_empty() => Ok(NikInfo {
            province: s[0..2].to_string(),
            regency: s[0..4].to_string(),
            district: s[0..6].to_string(),
            birth_date,
            sex,
            serial: s[12..16].to_string(),
        }),
        _ => Err(problems),
    }
}

/// Checks a family-card (KK) number: 16 digits, a known province, a
/// non-zero serial. Its middle digits are an issue date, not checked.
pub fn check_kk(kk: &str) -> Vec<IdProblem> {
    match digits_only(kk) {
        Err(problems) => problems,
        Ok(s) => {
            let mut problems = Vec::new();
            region_problems(s, &mut problems);
            problems
        }
    }
}

/// Where the NIK and the typed birth date or sex disagree.
pub fn compare(
    info: &NikInfo,
    typed_birth: Option<Date>,
    typed_sex: Option<Sex>,
) -> Vec<NikWarning> {
    let mut warnings = Vec::new();
    if let Some(typed) = typed_birth.filter(|t| *t != info.birth_date) {
        warnings.push(NikWarning::BirthDateDiffers {
            from_nik: info.birth_date,
            typed,
        });
    }
    if let Some(typed) = typed_sex.filter(|t| *t != info.sex) {
        warnings.push(NikWarning::SexDiffers {
            from_nik: info.sex,
            typed,
        });
    }
    warnings
}

#[cfg(test)]
mod tests {
    use super::*;
    use IdProblem::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn d(y: i32, m: u32, day: u32) -> Date {
        Date::new(y, m, day).unwrap()
    }

    fn check(nik: &str, expected: Result<(Date, Sex, &str), Vec<IdProblem>>) {
        let got = parse_nik(nik, today()).map(|i| (i.birth_date, i.sex, i.district.clone()));
        let expected = expected.map(|(b, s, dist)| (b, s, dist.to_string()));
        assert_eq!(got, expected, "NIK {nik:?}");
    }

    #[test]
    fn nik_table() {
        // A man from Purwakarta (32.14), born 1 Jan 1990.
        check("3214010101900001", Ok((d(1990, 1, 1), Sex::Male, "321401")));
        // A woman: 40 added to the day (41 -> 1 Jan).
        check(
            "3214014101900002",
            Ok((d(1990, 1, 1), Sex::Female, "321401")),
        );
        // A woman born 31 Dec 2005 (day 71).
        check(
            "3214017112050003",
            Ok((d(2005, 12, 31), Sex::Female, "321401")),
        );
        // Papua (91) and Papua Pegunungan (95): above 2^53 as a number, exact as a string.
        check(
            "9471015501990003",
            Ok((d(1999, 1, 15), Sex::Female, "947101")),
        );
        check(
            "9501012802240001",
            Ok((d(2024, 2, 28), Sex::Male, "950101")),
        );
        // A child born this year and one born "in 2027" (so 1927).
        check(
            "3214011511260001",
            Ok((d(2026, 11, 15), Sex::Male, "321401")),
        );
        check("3214010101270001", Ok((d(1927, 1, 1), Sex::Male, "321401")));
        // Impossible dates.
        check("3214013202900001", Err(vec![ImpossibleBirthDate]));
        check("3214013002900001", Err(vec![ImpossibleBirthDate]));
        check("3214010113900001", Err(vec![ImpossibleBirthDate]));
        check("3214017202900001", Err(vec![ImpossibleBirthDate]));
        check("3214012902230001", Err(vec![ImpossibleBirthDate]));
        // Wrong lengths and non-digits, all reported.
        check("321401010190000", Err(vec![WrongLength { length: 15 }]));
        check("32140101019000011", Err(vec![WrongLength { length: 17 }]));
        check("32140101019O0001", Err(vec![NotDigits]));
        check(
            "3214-0101-0190",
            Err(vec![NotDigits, WrongLength { length: 14 }]),
        );
        check("", Err(vec![WrongLength { length: 0 }]));
        // Region and serial problems come together with date problems.
        check(
            "9914010101900001",
            Err(vec![UnknownProvince { code: "99".into() }]),
        );
        check(
            "3200003202900000",
            Err(vec![BadRegion, ZeroSerial, ImpossibleBirthDate]),
        );
        // Surrounding spaces from a paste are forgiven.
        check(
            " 3214010101900001 ",
            Ok((d(1990, 1, 1), Sex::Male, "321401")),
        );
    }

    #[test]
    fn twenty_ninth_february_needs_a_leap_year_in_the_chosen_century() {
        // 29-02-00: 2000 was a leap year.
        check(
            "3214012902000001",
            Ok((d(2000, 2, 29), Sex::Male, "321401")),
        );
        // 29-02-24: 2024 was.
        check(
            "3214016902240001",
            Ok((d(2024, 2, 29), Sex::Female, "321401")),
        );
    }

    #[test]
    fn mismatches_with_typed_data_are_warnings() {
        let info = parse_nik("3214014101900002", today()).unwrap();
        assert_eq!(compare(&info, Some(d(1990, 1, 1)), Some(Sex::Female)), []);
        assert_eq!(
            compare(&info, Some(d(1990, 1, 2)), Some(Sex::Male)),
            [
                NikWarning::BirthDateDiffers {
                    from_nik: d(1990, 1, 1),
                    typed: d(1990, 1, 2)
                },
                NikWarning::SexDiffers {
                    from_nik: Sex::Female,
                    typed: Sex::Male
                },
            ]
        );
        assert_eq!(compare(&info, None, None), []);
    }

    #[test]
    fn kk_numbers_are_checked_for_shape_and_region() {
        assert_eq!(check_kk("3214012304150007"), []);
        assert_eq!(check_kk("9471012304150007"), []);
        assert_eq!(check_kk("321401230415000"), [WrongLength { length: 15 }]);
        assert_eq!(
            check_kk("1014012304150000"),
            [UnknownProvince { code: "10".into() }, ZeroSerial]
        );
        assert_eq!(check_kk("abc"), [NotDigits, WrongLength { length: 3 }]);
    }
}
