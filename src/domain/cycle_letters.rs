//! Cycle letters (`LetterDef::per = cycle`): one letter for the cases
//! that reached the template's node in a cycle, one per destination
//! (Karanganyar's request letter: the PBI-JK proposals to Kemensos, the
//! PBPU BP Pemda ones to Dinkes), numbered once from the register, the
//! list attached on the pages after the letter.
//!
//! Invariants: a case is on at most one issued letter of a template: the
//! next letter of a cycle and destination takes only the cases not on
//! one yet (a late case gets a letter of its own, the earlier letter is
//! never changed); a letter lists only cases of its own destination; a
//! case whose destination is not chosen is on none; the QR digest covers
//! every row and every case id (`Letter::digest`).

use std::collections::BTreeMap;

use super::case::Case;
use super::csv::Table;
use super::date::{Date, Millis};
use super::engine::Library;
use super::letters::{fill_names, letterhead, Attachment, Letter, Words};
use super::lists::{cycle_of, list_table, members, Cycle};
use super::procedure::{Column, LetterDef, ListDef, OutputFormat, Pack, Text};
use super::staff::Signer;

/// A cycle letter's cases as a list definition (row number first).
pub fn as_list(def: &LetterDef) -> ListDef {
    ListDef {
        id: def.id.clone(),
        title: def.title.clone(),
        procedure: def.procedure.clone(),
        node: def.node.clone(),
        cutoff_day: def.cutoff_day,
        columns: std::iter::once(Column::No)
            .chain(def.columns.iter().copied())
            .collect(),
    }
}

/// The cycle a case that reached the letter's node at `at` belongs to.
pub fn letter_cycle(def: &LetterDef, at: Millis, offset: i32) -> Cycle {
    cycle_of(&as_list(def), at, offset)
}

/// The register key of a cycle's letters to one destination.
pub fn letter_key(letter: &str, cycle: Cycle, destination: Option<&str>) -> String {
    match destination {
        Some(d) => format!("{letter}:{}:{d}", cycle.code()),
        None => format!("{letter}:{}", cycle.code()),
    }
}

/// A destination: its option value, its label on screen and its name on
/// the letter, in `en` or Indonesian.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Dest {
    pub value: String,
    pub label: String,
    pub name: String,
}

/// The template's destinations in the order its output offers them;
/// `[None]` for a letter without destinations.
pub fn destinations(def: &LetterDef, pack: &Pack, en: bool) -> Vec<Option<Dest>> {
    let Some(d) = &def.destination else {
        return vec![None];
    };
    let options = pack
        .procedure(&def.procedure)
        .and_then(|p| super::outputs::find(p, &d.output))
        .map(|(_, f)| match &f.format {
            OutputFormat::Choice { options } => options.clone(),
            _ => Vec::new(),
        })
        .unwrap_or_default();
    options
        .into_iter()
        .filter(|o| d.to.contains_key(&o.value))
        .map(|o| {
            Some(Dest {
                label: o.label.get(en).to_string(),
                name: d
                    .names
                    .get(&o.value)
                    .unwrap_or(&o.label)
                    .get(en)
                    .to_string(),
                value: o.value,
            })
        })
        .collect()
}

/// The cases of a cycle not yet on a letter of this template, by
/// destination, and those whose destination is not chosen.
#[derive(Debug, Clone, Default)]
pub struct Pending {
    /// Per destination value ("" for a letter without destinations), the
    /// ids of the cases in arrival order.
    pub by_destination: BTreeMap<String, Vec<String>>,
    /// Cases on no letter that cannot be placed: their destination output
    /// was never given (a case from before outputs were kept).
    pub undecided: Vec<String>,
}

/// The cycle's cases that the next letters would carry.
pub fn pending(
    def: &LetterDef,
    pack: &Pack,
    cases: &[Case],
    library: &Library,
    offset: i32,
    cycle: Cycle,
) -> Pending {
    let list = as_list(def);
    let mut out = Pending::default();
    for (_, case) in members(&list, &pack.id, cases, library, offset, cycle) {
        if case.has_letter(&def.id) {
            continue;
        }
        let dest = match &def.destination {
            None => Some(String::new()),
            Some(d) => case
                .outputs
                .get(&d.output)
                .filter(|v| d.to.contains_key(*v))
                .cloned(),
        };
        match dest {
            Some(v) => out
                .by_destination
                .entry(v)
                .or_default()
                .push(case.id.clone()),
            None => out.undecided.push(case.id.clone()),
        }
    }
    out
}

/// The attachment's table for `ids`: the template's columns, row
/// numbers from 1, under `header`.
#[allow(clippy::too_many_arguments)]
pub fn attachment_table(
    def: &LetterDef,
    pack: &Pack,
    cases: &[Case],
    ids: &[String],
    library: &Library,
    offset: i32,
    cycle: Cycle,
    header: Vec<String>,
    villages: &BTreeMap<String, String>,
) -> Table {
    let chosen: Vec<Case> = cases
        .iter()
        .filter(|c| ids.contains(&c.id))
        .cloned()
        .collect();
    list_table(
        &as_list(def),
        &pack.id,
        &chosen,
        library,
        offset,
        cycle,
        header,
        villages,
    )
}

/// What a cycle letter is made of besides its template.
pub struct CycleParts<'a> {
    pub cycle: Cycle,
    /// The cycle's month in words ("November 2026").
    pub month: &'a str,
    pub destination: Option<&'a Dest>,
    /// The attachment's rows (`attachment_table`) and their cases.
    pub table: &'a Table,
    pub cases: Vec<String>,
    pub number: &'a str,
    pub date: Date,
    pub signed_by: Option<&'a Signer>,
}

/// Fills a cycle letter (`{month}`, `{count}`, `{destination}`, `{office}`,
/// `{regency}`, `{number}`, `{date}`).
pub fn render_cycle(
    def: &LetterDef,
    pack: &Pack,
    parts: CycleParts<'_>,
    en: bool,
    words: &dyn Words,
) -> Letter {
    let count = parts.table.len().to_string();
    let dest_name = parts
        .destination
        .map(|d| d.name.clone())
        .unwrap_or_default();
    let names = [
        ("month", parts.month.to_string()),
        ("count", count),
        ("destination", dest_name),
        ("office", pack.office.clone()),
        ("regency", pack.regency.clone()),
        ("number", parts.number.to_string()),
        ("date", words.long_date(parts.date)),
    ];
    let fill = |t: &Text| fill_names(t.get(en), &names);
    let to_lines = match (&def.destination, parts.destination) {
        (Some(d), Some(dest)) => d.to.get(&dest.value).cloned().unwrap_or_default(),
        _ => def.to.clone(),
    };
    let (head, address) = letterhead(pack, en);
    Letter {
        letter: def.id.clone(),
        case_id: letter_key(
            &def.id,
            parts.cycle,
            parts.destination.map(|d| d.value.as_str()),
        ),
        number: parts.number.to_string(),
        head,
        address,
        to: to_lines.iter().map(fill).collect(),
        subject: fill(&def.subject),
        paragraphs: def.body.iter().map(fill).collect(),
        facts: Vec::new(),
        closing: def.closing.as_ref().map(fill),
        place_date: format!("{}, {}", def.place, words.long_date(parts.date)),
        signer: fill(&def.signer),
        signed_by: parts.signed_by.cloned(),
        attachment: Some(Attachment {
            title: def.attachment.as_ref().map(fill).unwrap_or_default(),
            columns: parts.table.header().to_vec(),
            rows: parts
                .table
                .rows()
                .iter()
                .map(|r| r.iter().map(|c| c.shown()).collect())
                .collect(),
            cases: parts.cases,
        }),
    }
}
