//! The lists the district office sends each cycle, from the pack's
//! `lists`: the cases that arrived at one node of a procedure within one
//! cycle (the PBI-JK proposals sent to Kemensos in November; Banjarbaru's
//! BNBA of the mutations handed to BPJS by the 25th), as a CSV `Table`.
//!
//! Invariants: a case is on exactly one cycle's list of a definition (the
//! cycle of its first arrival at the node); rows are in arrival order,
//! then by case id, so the same cases always give the same file.

use std::collections::BTreeMap;

use super::applicant::Field;
use super::case::Case;
use super::csv::{Cell, Table};
use super::date::{days_in_month, local_date, local_midnight, Date, Millis, DAY};
use super::engine::{cycle_month, Engine, Library, Walk};
use super::procedure::{Column, ListDef};

/// A cycle, named by the month whose list it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cycle {
    pub year: i32,
    pub month: u32,
}

impl Cycle {
    /// `YYYY-MM`: how a cycle is named in addresses, file names and the
    /// register.
    pub fn code(self) -> String {
        format!("{:04}-{:02}", self.year, self.month)
    }

    /// The cycle a `code` names, if it is one.
    pub fn parse(code: &str) -> Option<Cycle> {
        let (y, m) = code.split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (1..=12).contains(&month).then_some(Cycle { year, month })
    }

    pub fn previous(self) -> Cycle {
        if self.month == 1 {
            Cycle {
                year: self.year - 1,
                month: 12,
            }
        } else {
            Cycle {
                month: self.month - 1,
                ..self
            }
        }
    }

    fn first_day(self) -> Date {
        Date {
            year: self.year,
            month: self.month,
            day: 1,
        }
    }
}

/// The last day of a definition's cycle (31: the calendar month).
fn last_day(def: &ListDef) -> u32 {
    def.cutoff_day.unwrap_or(31)
}

/// The cycle an instant belongs to under `def`.
pub fn cycle_of(def: &ListDef, at: Millis, offset: i32) -> Cycle {
    let d = cycle_month(local_date(at, offset), last_day(def));
    Cycle {
        year: d.year,
        month: d.month,
    }
}

/// Where a cycle begins and ends (exclusive), in local time: the day
/// after the previous cycle's last day, to the end of this one's.
pub fn cycle_bounds(def: &ListDef, cycle: Cycle, offset: i32) -> (Millis, Millis) {
    let end_of = |c: Cycle| {
        let first = c.first_day();
        let day = last_day(def).min(days_in_month(first.year, first.month));
        local_midnight(Date { day, ..first }, offset) + DAY
    };
    (end_of(cycle.previous()), end_of(cycle))
}

/// When the walk first arrived at `node`, if it did.
pub fn arrival(walk: &Walk, node: &str) -> Option<Millis> {
    walk.visits
        .iter()
        .find(|v| v.node == node)
        .map(|v| v.arrived)
        .or_else(|| (walk.current == node).then_some(walk.since))
}

/// The cases on the list of `cycle`, with when each arrived at the
/// definition's node, in arrival order, then by case id.
pub fn members<'c>(
    def: &ListDef,
    pack: &str,
    cases: &'c [Case],
    library: &Library,
    offset: i32,
    cycle: Cycle,
) -> Vec<(Millis, &'c Case)> {
    let (from, to) = cycle_bounds(def, cycle, offset);
    let mut on: Vec<(Millis, &Case)> = cases
        .iter()
        .filter(|c| c.pack == pack && c.procedure == def.procedure)
        .filter_map(|c| {
            let procedure = library.procedure(&c.pack, c.version, &c.procedure)?;
            let walk = c.walk(&Engine::new(procedure, offset)).walk?;
            let at = arrival(&walk, &def.node)?;
            // A duplicate merged away, or a case that reached the node
            // only after the office returned or rejected it (and nothing
            // was worked since), is out of the lanes and off the list.
            let out = c.merged_into.is_some()
                || (c.off_lanes() && c.answer.as_ref().is_some_and(|a| a.at <= at));
            (from <= at && at < to && !out).then_some((at, c))
        })
        .collect();
    crate::domain::order::sort_by(&mut on, |a, b| {
        a.0.cmp(&b.0).then_with(|| a.1.id.cmp(&b.1.id))
    });
    on
}

/// The list of `cycle`: the cases of `pack`'s procedure that first
/// arrived at the definition's node in that cycle, one row each, under
/// `header` (one title per column, from `i18n`). Each case walks with the
/// pack version it started under, from `library`; `offset` is the
/// regency's.
#[allow(clippy::too_many_arguments)]
pub fn list_table(
    def: &ListDef,
    pack: &str,
    cases: &[Case],
    library: &Library,
    offset: i32,
    cycle: Cycle,
    header: Vec<String>,
    villages: &BTreeMap<String, String>,
) -> Table {
    let on = members(def, pack, cases, library, offset, cycle);
    let mut table = Table::new(header);
    for (i, (at, case)) in on.into_iter().enumerate() {
        let row = def
            .columns
            .iter()
            .map(|col| match col {
                // The sending device's village code (walk-ins have none).
                Column::VillageCode => villages
                    .get(&case.origin)
                    .map_or(Cell::Empty, |v| Cell::Id(v.clone())),
                _ => cell(*col, i + 1, at, case, offset, library, cycle),
            })
            .collect();
        // The header has one title per column, so the widths agree.
        let _ = table.push(row);
    }
    table
}

fn cell(
    col: Column,
    n: usize,
    at: Millis,
    case: &Case,
    offset: i32,
    library: &Library,
    cycle: Cycle,
) -> Cell {
    let a = &case.applicant;
    let text = |f: Field| {
        let v = a.get(f).trim();
        if v.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(v.to_string())
        }
    };
    let id = |f: Field| {
        let v = a.get(f).trim();
        if v.is_empty() {
            Cell::Empty
        } else {
            Cell::Id(v.to_string())
        }
    };
    match col {
        Column::No => Cell::Number(n as i64),
        Column::Nik => id(Field::Nik),
        Column::Kk => id(Field::Kk),
        Column::FullName => text(Field::FullName),
        // The letters Indonesian registers use: Laki-laki / Perempuan.
        Column::Sex => match a.sex() {
            Some(s) => Cell::Text(s.letter().into()),
            None => Cell::Empty,
        },
        Column::BirthDate => a
            .birth_date(local_date(at, offset))
            .map_or(Cell::Empty, Cell::Date),
        Column::Address => text(Field::Address),
        Column::Rt => id(Field::Rt),
        Column::Rw => id(Field::Rw),
        Column::Village => text(Field::Village),
        Column::District => text(Field::District),
        Column::Phone => id(Field::Phone),
        Column::Kis => id(Field::Kis),
        Column::Reached => Cell::Date(local_date(at, offset)),
        Column::CaseId => Cell::Text(case.id.clone()),
        Column::Regency => library
            .get(&case.pack, case.version)
            .map_or(Cell::Empty, |p| Cell::Text(p.regency.clone())),
        Column::Effective => Date::new(cycle.year, cycle.month, 1)
            .map_or(Cell::Empty, |d| Cell::Date(d.first_of_next_month())),
        Column::VillageCode => Cell::Empty,
    }
}
