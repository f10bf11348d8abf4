//! The applicant's record on a case: the fields the officer types, and
//! the checks shown beside them.
//!
//! Every value is kept as the text typed (trimmed); the checks read it.
//! Problems are things that are certainly wrong (an empty name, a NIK that
//! cannot exist, a birth date in the future); warnings are disagreements
//! the officer should look at (the NIK says another birth date). Only
//! problems stop the first step being completed, and nothing typed is ever
//! refused storage: a half-typed NIK is saved like any other draft.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::date::Date;
use super::nik::{check_kk, compare, parse_nik, IdProblem, NikWarning, Sex};
use super::text::{self, TextKind};

/// A field of the applicant's record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    FullName,
    Nik,
    Kk,
    /// `YYYY-MM-DD`, as `<input type="date">` gives it.
    BirthDate,
    /// `male` or `female`.
    Sex,
    Address,
    Rt,
    Rw,
    /// Desa / kelurahan.
    Village,
    /// Kecamatan.
    District,
    Phone,
    /// The KIS / JKN card number, 13 digits, for someone already insured
    /// (a mutation or a reactivation); optional.
    Kis,
}

impl Field {
    pub const ALL: [Field; 12] = [
        Field::FullName,
        Field::Nik,
        Field::Kk,
        Field::BirthDate,
        Field::Sex,
        Field::Address,
        Field::Rt,
        Field::Rw,
        Field::Village,
        Field::District,
        Field::Phone,
        Field::Kis,
    ];

    /// The stable code used in events and element ids.
    pub fn code(self) -> &'static str {
        match self {
            Field::FullName => "full_name",
            Field::Nik => "nik",
            Field::Kk => "kk",
            Field::BirthDate => "birth_date",
            Field::Sex => "sex",
            Field::Address => "address",
            Field::Rt => "rt",
            Field::Rw => "rw",
            Field::Village => "village",
            Field::District => "district",
            Field::Phone => "phone",
            Field::Kis => "kis",
        }
    }

    pub fn from_code(code: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.code() == code)
    }

    /// What the field holds, for its length limit (`domain::text`).
    pub fn text_kind(self) -> TextKind {
        match self {
            Field::FullName => TextKind::PersonName,
            Field::Nik | Field::Kk => TextKind::IdNumber,
            Field::BirthDate | Field::Sex | Field::Rt | Field::Rw => TextKind::Short,
            Field::Address => TextKind::Address,
            Field::Village | Field::District => TextKind::Place,
            Field::Phone => TextKind::Phone,
            Field::Kis => TextKind::IdNumber,
        }
    }
}

/// Why a field's value cannot be right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FieldProblem {
    Required,
    /// Neither a NIK nor a KK number: the case cannot be matched to a person.
    NoIdentity,
    Id(Vec<IdProblem>),
    /// Not a date of the form the date picker gives, or no such day.
    BadDate,
    DateInFuture,
    /// RT / RW: one to three digits.
    BadNeighbourhood,
    /// A phone number: digits, spaces, dashes and an optional leading +,
    /// 8 to 15 digits.
    BadPhone,
    /// A KIS / JKN card number: 13 digits.
    BadKis,
    BadSex,
    /// Longer than the field's limit (a value stored before limits).
    TooLong {
        max: usize,
    },
}

/// The applicant's record: the latest value of each field.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applicant {
    values: BTreeMap<Field, String>,
}

/// `YYYY-MM-DD` to a date that exists.
pub fn parse_date(s: &str) -> Option<Date> {
    let mut parts = s.trim().splitn(3, '-');
    let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    Date::new(y.parse().ok()?, m.parse().ok()?, d.parse().ok()?)
}

/// A date as `YYYY-MM-DD`.
pub fn format_date(d: Date) -> String {
    format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)
}

pub fn parse_sex(s: &str) -> Option<Sex> {
    match s {
        "male" => Some(Sex::Male),
        "female" => Some(Sex::Female),
        _ => None,
    }
}

impl Applicant {
    /// The value of a field, trimmed; empty when never set.
    pub fn get(&self, field: Field) -> &str {
        self.values.get(&field).map(String::as_str).unwrap_or("")
    }

    /// Sets a field (the case fold calls this for each `FieldSet`).
    /// Direction and control characters are dropped: a value stored
    /// before they were refused is shown without them.
    pub fn set(&mut self, field: Field, value: &str) {
        let value = text::visible(value);
        let value = value.trim();
        if value.is_empty() {
            self.values.remove(&field);
        } else {
            self.values.insert(field, value.to_string());
        }
    }

    pub fn name(&self) -> &str {
        self.get(Field::FullName)
    }

    pub fn nik(&self) -> &str {
        self.get(Field::Nik)
    }

    /// The birth date: as typed, else as the NIK says.
    pub fn birth_date(&self, today: Date) -> Option<Date> {
        parse_date(self.get(Field::BirthDate))
            .or_else(|| parse_nik(self.nik(), today).ok().map(|i| i.birth_date))
    }

    pub fn sex(&self) -> Option<Sex> {
        parse_sex(self.get(Field::Sex))
    }

    /// Every problem, field by field, in the form's order.
    pub fn problems(&self, today: Date) -> Vec<(Field, FieldProblem)> {
        let mut out = Vec::new();
        if self.name().is_empty() {
            out.push((Field::FullName, FieldProblem::Required));
        }
        let (nik, kk) = (self.get(Field::Nik), self.get(Field::Kk));
        if nik.is_empty() && kk.is_empty() {
            out.push((Field::Nik, FieldProblem::NoIdentity));
        }
        if !nik.is_empty() {
            if let Err(p) = parse_nik(nik, today) {
                out.push((Field::Nik, FieldProblem::Id(p)));
            }
        }
        if !kk.is_empty() {
            let p = check_kk(kk);
            if !p.is_empty() {
                out.push((Field::Kk, FieldProblem::Id(p)));
            }
        }
        let birth = self.get(Field::BirthDate);
        if !birth.is_empty() {
            match parse_date(birth) {
                None => out.push((Field::BirthDate, FieldProblem::BadDate)),
                Some(d) if d > today => out.push((Field::BirthDate, FieldProblem::DateInFuture)),
                Some(_) => {}
            }
        }
        let sex = self.get(Field::Sex);
        if !sex.is_empty() && parse_sex(sex).is_none() {
            out.push((Field::Sex, FieldProblem::BadSex));
        }
        for field in [Field::Rt, Field::Rw] {
            let v = self.get(field);
            let digits = v.len() <= 3 && v.chars().all(|c| c.is_ascii_digit());
            if !v.is_empty() && !digits {
                out.push((field, FieldProblem::BadNeighbourhood));
            }
        }
        let phone = self.get(Field::Phone);
        if !phone.is_empty() && !phone_ok(phone) {
            out.push((Field::Phone, FieldProblem::BadPhone));
        }
        let kis = self.get(Field::Kis);
        if !kis.is_empty() && (kis.len() != 13 || !kis.bytes().all(|b| b.is_ascii_digit())) {
            out.push((Field::Kis, FieldProblem::BadKis));
        }
        for (&field, value) in &self.values {
            if let Err(text::TextProblem::TooLong { max }) = text::check(value, field.text_kind()) {
                out.push((field, FieldProblem::TooLong { max }));
            }
        }
        out
    }

    /// Where the NIK disagrees with the typed birth date or sex.
    pub fn warnings(&self, today: Date) -> Vec<NikWarning> {
        match parse_nik(self.nik(), today) {
            Ok(info) => compare(&info, parse_date(self.get(Field::BirthDate)), self.sex()),
            Err(_) => Vec::new(),
        }
    }
}

fn phone_ok(phone: &str) -> bool {
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    rest.chars()
        .all(|c| c.is_ascii_digit() || c == ' ' || c == '-')
        && (8..=15).contains(&digits)
}

/// The words of a name for the search index: lower case, letters and
/// digits only, each word once.
pub fn name_words(name: &str) -> Vec<String> {
    let mut words: Vec<String> = name
        .split(|c: char| !c.is_alphanumeric() && c != '\'')
        .map(|w| w.replace('\'', "").to_lowercase())
        .filter(|w| !w.is_empty())
        .collect();
    crate::domain::order::sort(&mut words);
    words.dedup();
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> Date {
        Date::new(2026, 11, 23).unwrap()
    }

    fn applicant(pairs: &[(Field, &str)]) -> Applicant {
        let mut a = Applicant::default();
        for (f, v) in pairs {
            a.set(*f, v);
        }
        a
    }

    #[test]
    fn an_empty_record_needs_a_name_and_an_identity() {
        assert_eq!(
            Applicant::default().problems(today()),
            vec![
                (Field::FullName, FieldProblem::Required),
                (Field::Nik, FieldProblem::NoIdentity)
            ]
        );
        // A newborn has no NIK yet: the family card is enough.
        let a = applicant(&[
            (Field::FullName, "Bayi Ny. Sari"),
            (Field::Kk, "1671010101200001"),
        ]);
        assert_eq!(a.problems(today()), vec![]);
    }

    #[test]
    fn every_bad_field_is_named() {
        let a = applicant(&[
            (Field::FullName, "  "),
            (Field::Nik, "32140101019A"),
            (Field::Kk, "0014010101900001"),
            (Field::BirthDate, "2027-01-01"),
            (Field::Sex, "x"),
            (Field::Rt, "1234"),
            (Field::Rw, "0a"),
            (Field::Phone, "0812"),
            (Field::Kis, "12345678901234"),
        ]);
        let fields: Vec<Field> = a.problems(today()).into_iter().map(|(f, _)| f).collect();
        assert_eq!(
            fields,
            vec![
                Field::FullName,
                Field::Nik,
                Field::Kk,
                Field::BirthDate,
                Field::Sex,
                Field::Rt,
                Field::Rw,
                Field::Phone,
                Field::Kis
            ]
        );
        let nik = &a.problems(today())[1].1;
        assert_eq!(
            nik,
            &FieldProblem::Id(vec![
                IdProblem::NotDigits,
                IdProblem::WrongLength { length: 12 }
            ])
        );
        assert_eq!(
            a.problems(today())[3].1,
            FieldProblem::DateInFuture,
            "a birth date after today"
        );
        assert_eq!(
            applicant(&[(Field::BirthDate, "2023-02-29")]).problems(today())[2],
            (Field::BirthDate, FieldProblem::BadDate)
        );
    }

    #[test]
    fn good_values_pass_and_the_nik_fills_a_missing_birth_date() {
        let a = applicant(&[
            (Field::FullName, "Siti Aminah"),
            (Field::Nik, "3214014101900002"),
            (Field::Phone, "+62 812-3456-7890"),
            (Field::Rt, "003"),
            (Field::Rw, "12"),
            (Field::Kis, "0001234567890"),
        ]);
        assert_eq!(a.problems(today()), vec![]);
        assert_eq!(a.birth_date(today()), Date::new(1990, 1, 1));
        assert_eq!(a.warnings(today()), vec![]);
        let mut typed = a.clone();
        typed.set(Field::BirthDate, "1990-01-02");
        typed.set(Field::Sex, "male");
        assert_eq!(typed.birth_date(today()), Date::new(1990, 1, 2));
        assert_eq!(typed.warnings(today()).len(), 2, "both disagreements shown");
    }

    #[test]
    fn setting_an_empty_value_clears_the_field() {
        let mut a = applicant(&[(Field::FullName, "A")]);
        a.set(Field::FullName, "   ");
        assert_eq!(a.name(), "");
        assert_eq!(a, Applicant::default());
    }

    #[test]
    fn name_words_are_lower_case_and_unique() {
        assert_eq!(
            name_words("Siti  AMINAH binti Ma'ruf, siti"),
            vec!["aminah", "binti", "maruf", "siti"]
        );
        assert!(name_words(" - ").is_empty());
    }

    #[test]
    fn field_codes_round_trip_and_match_serde() {
        for f in Field::ALL {
            assert_eq!(Field::from_code(f.code()), Some(f));
            assert_eq!(
                serde_json::to_string(&f).unwrap(),
                format!("\"{}\"", f.code())
            );
        }
    }
}
