//! CSV files the district office opens in Excel or LibreOffice Calc set to
//! Indonesian, where the comma is the decimal separator and the list
//! separator is the semicolon.
//!
//! The file is UTF-8 with a byte-order mark (so Excel reads "Ü" and "é"
//! right), fields are separated by `;`, lines end in CRLF, and a field is
//! quoted (RFC 4180) when it holds `;`, `"`, a line break or edge spaces.
//! Identity numbers are written as the formula `="3313014101900002"`,
//! which both spreadsheets show as the text of the digits: a bare
//! 16-digit number would be rounded to 15 significant digits and shown as
//! 3,31301E+15. Text that a spreadsheet would run as a formula (starting
//! with `=`, `+`, `-`, `@`, a tab or a carriage return) gets a leading
//! apostrophe, so a name typed in a village cannot become a formula at the
//! district.
//!
//! Upload tools and scripts read the plain flavour instead
//! (`Table::to_plain_csv`): RFC 4180 as it is written, comma-separated,
//! no byte-order mark, identity numbers as their bare digits and text as
//! typed. It is not meant to be opened in a spreadsheet.
//!
//! Invariant: every row has the header's number of fields (`Table::push`
//! refuses another length), so a column never shifts.

use super::date::Date;

/// One field of a row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cell {
    Text(String),
    /// Digits that must stay text (NIK, KK, register numbers).
    Id(String),
    Number(i64),
    /// Written `YYYY-MM-DD`, which both spreadsheets read as a date.
    Date(Date),
    Empty,
}

impl Cell {
    /// The cell as a printed page shows it: digits as they are, dates as
    /// `23-11-2026`.
    pub fn shown(&self) -> String {
        match self {
            Cell::Text(t) | Cell::Id(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
            Cell::Date(d) => format!("{:02}-{:02}-{:04}", d.day, d.month, d.year),
            Cell::Empty => String::new(),
        }
    }
}

/// A header and rows of the same width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Table {
    header: Vec<String>,
    rows: Vec<Vec<Cell>>,
}

/// A row whose width is not the header's.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WidthMismatch {
    pub expected: usize,
    pub got: usize,
}

/// The byte-order mark that tells Excel the file is UTF-8.
pub const BOM: &str = "\u{feff}";
pub const SEPARATOR: char = ';';

impl Table {
    pub fn new(header: Vec<String>) -> Table {
        Table {
            header,
            rows: Vec::new(),
        }
    }

    pub fn push(&mut self, row: Vec<Cell>) -> Result<(), WidthMismatch> {
        if row.len() != self.header.len() {
            return Err(WidthMismatch {
                expected: self.header.len(),
                got: row.len(),
            });
        }
        self.rows.push(row);
        Ok(())
    }

    pub fn len(&self) -> usize {
        self.rows.len()
    }

    pub fn header(&self) -> &[String] {
        &self.header
    }

    pub fn rows(&self) -> &[Vec<Cell>] {
        &self.rows
    }

    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The file's text, BOM first.
    /// The spreadsheet flavour: BOM, `;`, identity numbers as `="…"`,
    /// formulas defused.
    pub fn to_csv(&self) -> String {
        self.write(true)
    }

    /// The plain flavour for software: no BOM, `,`, identity numbers as
    /// bare digits, text as typed.
    pub fn to_plain_csv(&self) -> String {
        self.write(false)
    }

    fn write(&self, spreadsheet: bool) -> String {
        let mut out = String::with_capacity(64 * (self.rows.len() + 1));
        if spreadsheet {
            out.push_str(BOM);
        }
        let header: Vec<Cell> = self.header.iter().cloned().map(Cell::Text).collect();
        line(&mut out, &header, spreadsheet);
        for row in &self.rows {
            line(&mut out, row, spreadsheet);
        }
        out
    }
}

fn line(out: &mut String, cells: &[Cell], spreadsheet: bool) {
    let separator = if spreadsheet { SEPARATOR } else { ',' };
    for (i, cell) in cells.iter().enumerate() {
        if i > 0 {
            out.push(separator);
        }
        match cell {
            Cell::Text(t) if spreadsheet => field(out, &guard(t), separator),
            Cell::Text(t) => field(out, t, separator),
            Cell::Id(digits) if spreadsheet => {
                field(out, &format!("=\"{}\"", digits.replace('"', "")), separator)
            }
            Cell::Id(digits) => field(out, digits, separator),
            Cell::Number(n) => out.push_str(&n.to_string()),
            Cell::Date(d) => out.push_str(&format!("{:04}-{:02}-{:02}", d.year, d.month, d.day)),
            Cell::Empty => {}
        }
    }
    out.push_str("\r\n");
}

/// Text a spreadsheet would evaluate gets an apostrophe in front.
fn guard(text: &str) -> std::borrow::Cow<'_, str> {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}").into(),
        _ => text.into(),
    }
}

/// Writes one field, quoted when it must be.
fn field(out: &mut String, text: &str, separator: char) {
    let needs =
        text.contains([separator, '"', '\n', '\r']) || text.starts_with(' ') || text.ends_with(' ');
    if needs {
        out.push('"');
        out.push_str(&text.replace('"', "\"\""));
        out.push('"');
    } else {
        out.push_str(text);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_they_must_be() {
        let mut t = Table::new(vec!["a".into(), "b; c".into()]);
        t.push(vec![
            Cell::Text("Jl. Veteran; No 5".into()),
            Cell::Text("say \"hi\"".into()),
        ])
        .unwrap();
        t.push(vec![
            Cell::Text("two\nlines".into()),
            Cell::Text(" edge ".into()),
        ])
        .unwrap();
        t.push(vec![Cell::Number(-12), Cell::Empty]).unwrap();
        assert_eq!(
            t.to_csv(),
            "\u{feff}a;\"b; c\"\r\n\"Jl. Veteran; No 5\";\"say \"\"hi\"\"\"\r\n\"two\nlines\";\" edge \"\r\n-12;\r\n"
        );
    }

    #[test]
    fn ids_stay_text_and_formulas_are_defused() {
        let mut t = Table::new(vec!["NIK".into(), "Nama".into(), "Tanggal".into()]);
        t.push(vec![
            Cell::Id("3313014101900002".into()),
            Cell::Text("=HYPERLINK(\"x\")".into()),
            Cell::Date(Date::new(2026, 11, 23).unwrap()),
        ])
        .unwrap();
        let csv = t.to_csv();
        assert!(csv.contains("\"=\"\"3313014101900002\"\"\";"), "{csv}");
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\")\";2026-11-23\r\n"),
            "{csv}"
        );
        for risky in ["+62", "-1", "@x", "\tx"] {
            let mut t = Table::new(vec!["a".into()]);
            t.push(vec![Cell::Text(risky.into())]).unwrap();
            assert_eq!(t.to_csv(), format!("\u{feff}a\r\n'{risky}\r\n"));
        }
    }

    #[test]
    fn a_row_of_another_width_is_refused() {
        let mut t = Table::new(vec!["a".into(), "b".into()]);
        assert_eq!(
            t.push(vec![Cell::Empty]),
            Err(WidthMismatch {
                expected: 2,
                got: 1
            })
        );
        assert!(t.is_empty());
    }
}
