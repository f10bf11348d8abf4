//! The office's letter register ("buku rekomendasi", "agenda surat"):
//! every letter the office issues gets the next number of its year, in a
//! format the office sets, such as `400.9/{seq:3}/Dinsos/{month_roman}/{year}`
//! (classification code / number / unit / Roman month / year, the way
//! Indonesian government letters are numbered). The register also gives
//! Pesisir Selatan's recap file ("file arsip rekap rekomendasi").
//!
//! Invariants: numbers of a year run 1, 2, 3 ... without a gap or a
//! repeat (`next_seq` counts the year's entries); an entry is never
//! changed once written; a format with an unknown placeholder is refused
//! whole, before any number is given.

use serde::{Deserialize, Serialize};

use super::csv::{Cell, Table};
use super::date::{local_date, Date, Millis};

/// One letter in the register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RegisterEntry {
    /// The number as printed on the letter.
    pub number: String,
    /// Its place in the year, from 1.
    pub seq: u32,
    pub year: i32,
    pub case_id: String,
    /// The letter template (pack) it was made from.
    pub letter: String,
    pub issued_at: Millis,
    pub officer: String,
    /// The applicant, as the letter names them.
    pub applicant: String,
    pub nik: String,
    /// The SHA-256 of what was issued, where the register keeps it (a
    /// decree's attachment list; a case's letter keeps it in its event).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub digest: String,
}

/// What is wrong with a number format.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FormatProblem {
    /// `{…}` naming nothing this module knows.
    UnknownPlaceholder(String),
    /// A `{` without its `}`.
    Unclosed,
    /// No `{seq}`: every letter would get the same number.
    NoSequence,
}

/// The Roman numeral of a month, as letter numbers write it.
pub fn roman_month(month: u32) -> &'static str {
    const ROMAN: [&str; 12] = [
        "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII",
    ];
    ROMAN
        .get(month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?")
}

enum Part<'a> {
    Text(&'a str),
    Seq(usize),
    Month,
    MonthRoman,
    Year,
}

fn parse(format: &str) -> Result<Vec<Part<'_>>, Vec<FormatProblem>> {
    let mut parts = Vec::new();
    let mut problems = Vec::new();
    let mut rest = format;
    while let Some(open) = rest.find('{') {
        parts.push(Part::Text(&rest[..open]));
        let Some(close) = rest[open..].find('}') else {
            problems.push(FormatProblem::Unclosed);
            rest = "";
            break;
        };
        let name = &rest[open + 1..open + close];
        match name {
            "seq" => parts.push(Part::Seq(1)),
            "month" => parts.push(Part::Month),
            "month_roman" => parts.push(Part::MonthRoman),
            "year" => parts.push(Part::Year),
            _ => match name
                .strip_prefix("seq:")
                .and_then(|w| w.parse::<usize>().ok())
                .filter(|w| (1..=6).contains(w))
            {
                Some(width) => parts.push(Part::Seq(width)),
                None => problems.push(FormatProblem::UnknownPlaceholder(name.to_string())),
            },
        }
        rest = &rest[open + close + 1..];
    }
    parts.push(Part::Text(rest));
    if !parts.iter().any(|p| matches!(p, Part::Seq(_))) {
        problems.push(FormatProblem::NoSequence);
    }
    if problems.is_empty() {
        Ok(parts)
    } else {
        Err(problems)
    }
}

/// Every problem of a number format; empty when it can be used.
pub fn check_format(format: &str) -> Vec<FormatProblem> {
    parse(format).err().unwrap_or_default()
}

/// The number for `seq` issued on `date`.
pub fn format_number(format: &str, seq: u32, date: Date) -> Result<String, Vec<FormatProblem>> {
    Ok(parse(format)?
        .into_iter()
        .map(|p| match p {
            Part::Text(t) => t.to_string(),
            Part::Seq(width) => format!("{seq:0width$}"),
            Part::Month => format!("{:02}", date.month),
            Part::MonthRoman => roman_month(date.month).to_string(),
            Part::Year => date.year.to_string(),
        })
        .collect())
}

/// The next number of `year`: one after the year's last.
pub fn next_seq(entries: &[RegisterEntry], year: i32) -> u32 {
    entries
        .iter()
        .filter(|e| e.year == year)
        .map(|e| e.seq)
        .max()
        .unwrap_or(0)
        + 1
}

/// What issuing a letter needs besides the register.
pub struct Issue<'a> {
    pub format: &'a str,
    pub case_id: &'a str,
    pub letter: &'a str,
    pub at: Millis,
    pub offset: i32,
    pub officer: &'a str,
    pub applicant: &'a str,
    pub nik: &'a str,
}

/// The entry for a new letter: the year's next number, in the format.
/// The caller stores it in the same transaction that read `entries`, so
/// two letters never share a number.
pub fn issue(entries: &[RegisterEntry], i: &Issue) -> Result<RegisterEntry, Vec<FormatProblem>> {
    let date = local_date(i.at, i.offset);
    let seq = next_seq(entries, date.year);
    Ok(RegisterEntry {
        number: format_number(i.format, seq, date)?,
        seq,
        year: date.year,
        case_id: i.case_id.to_string(),
        letter: i.letter.to_string(),
        issued_at: i.at,
        officer: i.officer.to_string(),
        applicant: i.applicant.to_string(),
        nik: i.nik.to_string(),
        digest: String::new(),
    })
}

/// A year's entries in number order.
pub fn of_year(entries: &[RegisterEntry], year: i32) -> Vec<&RegisterEntry> {
    let mut of_year: Vec<&RegisterEntry> = entries.iter().filter(|e| e.year == year).collect();
    crate::domain::order::sort_by_key(&mut of_year, |e| e.seq);
    of_year
}

/// The recap of a year's register, in number order, under `header` (No,
/// number, date, name, NIK, letter, officer, case id; titles from `i18n`).
/// `title` names a letter or decree template (its title, not its id).
pub fn recap(
    entries: &[RegisterEntry],
    year: i32,
    offset: i32,
    header: Vec<String>,
    title: &dyn Fn(&str) -> String,
) -> Table {
    let mut table = Table::new(header);
    for e in of_year(entries, year) {
        let _ = table.push(vec![
            Cell::Number(i64::from(e.seq)),
            Cell::Text(e.number.clone()),
            Cell::Date(local_date(e.issued_at, offset)),
            Cell::Text(e.applicant.clone()),
            Cell::Id(e.nik.clone()),
            Cell::Text(title(&e.letter)),
            Cell::Text(e.officer.clone()),
            Cell::Text(e.case_id.clone()),
        ]);
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::local_midnight;

    const WIB: i32 = 420;
    const FORMAT: &str = "400.9/{seq:3}/Dinsos/{month_roman}/{year}";

    fn at(y: i32, m: u32, d: u32) -> Millis {
        local_midnight(Date::new(y, m, d).unwrap(), WIB) + 10 * 3_600_000
    }

    fn give(entries: &mut Vec<RegisterEntry>, when: Millis, case: &str) -> RegisterEntry {
        let e = issue(
            entries,
            &Issue {
                format: FORMAT,
                case_id: case,
                letter: "rekomendasi_bpjs",
                at: when,
                offset: WIB,
                officer: "Bu Kadis",
                applicant: "Suparmi",
                nik: "1301014101900002",
            },
        )
        .unwrap();
        entries.push(e.clone());
        e
    }

    #[test]
    fn numbers_run_in_order_within_a_year_and_restart_with_the_next() {
        let mut reg = Vec::new();
        assert_eq!(
            give(&mut reg, at(2026, 11, 23), "c1").number,
            "400.9/001/Dinsos/XI/2026"
        );
        assert_eq!(
            give(&mut reg, at(2026, 12, 31), "c2").number,
            "400.9/002/Dinsos/XII/2026"
        );
        let jan = give(&mut reg, at(2027, 1, 2), "c3");
        assert_eq!(
            (jan.seq, jan.number.as_str()),
            (1, "400.9/001/Dinsos/I/2027")
        );
        assert_eq!(next_seq(&reg, 2026), 3);
        assert_eq!(next_seq(&reg, 2027), 2);
        // Past the padding the number simply grows.
        assert_eq!(
            format_number(FORMAT, 1234, Date::new(2026, 4, 1).unwrap()).unwrap(),
            "400.9/1234/Dinsos/IV/2026"
        );
        assert_eq!(
            format_number("{seq}-{month}.{year}", 7, Date::new(2026, 4, 1).unwrap()).unwrap(),
            "7-04.2026"
        );
    }

    #[test]
    fn a_bad_format_is_refused_with_every_problem() {
        assert_eq!(check_format(FORMAT), []);
        assert_eq!(
            check_format("400/{nomor}/{year"),
            [
                FormatProblem::UnknownPlaceholder("nomor".into()),
                FormatProblem::Unclosed,
                FormatProblem::NoSequence
            ]
        );
        assert_eq!(
            check_format("{seq:9}"),
            [
                FormatProblem::UnknownPlaceholder("seq:9".into()),
                FormatProblem::NoSequence
            ]
        );
        let mut reg = Vec::new();
        let refused = issue(
            &reg,
            &Issue {
                format: "{tahun}",
                case_id: "c1",
                letter: "x",
                at: at(2026, 11, 23),
                offset: WIB,
                officer: "",
                applicant: "",
                nik: "",
            },
        );
        assert!(refused.is_err());
        assert_eq!(
            give(&mut reg, at(2026, 11, 23), "c1").seq,
            1,
            "nothing was used up"
        );
    }

    #[test]
    fn the_recap_lists_a_year_in_number_order_with_nik_as_text() {
        let mut reg = Vec::new();
        give(&mut reg, at(2026, 3, 1), "c1");
        give(&mut reg, at(2026, 5, 1), "c2");
        give(&mut reg, at(2027, 1, 1), "c3");
        reg.swap(0, 1);
        let header: Vec<String> = (0..8).map(|i| format!("h{i}")).collect();
        let title = |id: &str| match id {
            "rekomendasi_bpjs" => "Rekomendasi BPJS".to_string(),
            other => other.to_string(),
        };
        let csv = recap(&reg, 2026, WIB, header, &title).to_csv();
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(lines.len(), 4, "header, two letters, the final line end");
        assert!(lines[1].starts_with(
            "1;400.9/001/Dinsos/III/2026;2026-03-01;Suparmi;\"=\"\"1301014101900002\"\"\";"
        ));
        assert!(lines[2].starts_with("2;400.9/002/Dinsos/V/2026;2026-05-01;"));
        assert!(
            lines[1].contains(";Rekomendasi BPJS;"),
            "the letter's title, not its id: {}",
            lines[1]
        );
    }
}
