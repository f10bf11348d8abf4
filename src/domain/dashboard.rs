//! The district's dashboard, tallied from list rows alone (never a case
//! history): counts per village, procedure and status; how each step kept
//! its time standard; how many cases wait in each lane; and, for each
//! step bound to a month window or cut-off, what is due this cycle and
//! what will miss it.
//!
//! Rows are added one at a time (`Tally::add`), so the store can stream
//! every case through it in pages without holding them all.
//!
//! "Will miss it" is an estimate a Kasi can check by hand: a case on its
//! way to a windowed step arrives after this cycle's window closes, when
//! each step before it goes at the SOP's pace (a duration takes all of it,
//! a month window is worked the day it opens, a cut-off at once) and no
//! step is left before now.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::case::{CaseStatus, CaseSummary};
use super::date::Millis;
use super::engine::{due, Due};
use super::lanes::{lateness, Lateness};
use super::procedure::{NodeKind, Pack, Procedure, TimeStandard};

/// Counts by status, in `CaseStatus::ALL` order.
pub type ByStatus = [u32; 5];

/// Cases waiting in a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Load {
    pub waiting: u32,
    /// Of those, over their step's time standard.
    pub late: u32,
}

/// How a step kept its time standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct StepLoad {
    /// Passed within the standard.
    pub on_time: u32,
    /// Passed after it ran over.
    pub over: u32,
    /// There now, within the standard.
    pub open: u32,
    /// There now, over it.
    pub open_late: u32,
}

/// What one windowed step faces this cycle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Window {
    pub procedure: String,
    pub node: String,
    /// This cycle's window or cut-off: the next one to close.
    pub due: Due,
    /// At the step, due this cycle.
    pub waiting: u32,
    /// At the step, its own window closed before now.
    pub missed: u32,
    /// On the way, arriving in time if each step takes its standard.
    pub coming: u32,
    /// On the way, arriving after the close at that pace.
    pub at_risk: u32,
    /// Each node before the step: the steps still to pass between it and
    /// the windowed step (the shortest way, never through the step).
    paths: BTreeMap<String, Vec<String>>,
}

/// Where a window stands at a moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// It opens at this instant.
    NotOpen { opens: Millis },
    /// It closes at this instant (exclusive).
    Open { closes: Millis },
}

impl Window {
    pub fn phase(&self, now: Millis) -> Phase {
        match self.due {
            Due::Window { opens, .. } if now < opens => Phase::NotOpen { opens },
            d => Phase::Open {
                closes: d.deadline(),
            },
        }
    }
}

/// The dashboard's figures, for the office's pack.
#[derive(Debug, Clone)]
pub struct Tally {
    pack: Pack,
    /// `<pack id>.`: a row's `procedure_id` in this pack starts with it.
    prefix: String,
    now: Millis,
    offset: i32,
    pub total: u32,
    pub by_status: ByStatus,
    /// Village name (empty: not filled in) to counts by status.
    pub villages: BTreeMap<String, ByStatus>,
    /// Procedure id within the pack (or the full `pack.procedure` of
    /// another pack's case) to counts by status.
    pub procedures: BTreeMap<String, ByStatus>,
    /// Role id to the cases waiting on it.
    pub lanes: BTreeMap<String, Load>,
    /// (procedure, step) to its compliance.
    pub steps: BTreeMap<(String, String), StepLoad>,
    pub windows: Vec<Window>,
}

fn status_index(s: CaseStatus) -> usize {
    CaseStatus::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

impl Tally {
    /// An empty tally at `now`, for `pack` (its windows found here).
    pub fn new(pack: Pack, now: Millis) -> Tally {
        let offset = pack.utc_offset_minutes;
        let mut windows = Vec::new();
        for p in &pack.procedures {
            for n in &p.nodes {
                if let NodeKind::Step(s) = &n.kind {
                    if matches!(
                        s.time,
                        TimeStandard::MonthWindow { .. } | TimeStandard::MonthlyCutoff { .. }
                    ) {
                        windows.push(Window {
                            procedure: p.id.clone(),
                            node: n.id.clone(),
                            due: due(s.time, now, offset),
                            waiting: 0,
                            missed: 0,
                            coming: 0,
                            at_risk: 0,
                            paths: paths_to(p, &n.id),
                        });
                    }
                }
            }
        }
        crate::domain::order::sort_by(&mut windows, |a, b| {
            a.due
                .deadline()
                .cmp(&b.due.deadline())
                .then_with(|| a.procedure.cmp(&b.procedure))
        });
        Tally {
            prefix: format!("{}.", pack.id),
            pack,
            now,
            offset,
            total: 0,
            by_status: [0; 5],
            villages: BTreeMap::new(),
            procedures: BTreeMap::new(),
            lanes: BTreeMap::new(),
            steps: BTreeMap::new(),
            windows,
        }
    }

    pub fn pack(&self) -> &Pack {
        &self.pack
    }

    pub fn now(&self) -> Millis {
        self.now
    }

    /// Counts one case's list row.
    pub fn add(&mut self, row: &CaseSummary) {
        let s = status_index(row.status);
        self.total += 1;
        self.by_status[s] += 1;
        self.villages.entry(row.village.clone()).or_default()[s] += 1;
        let procedure = row.procedure_id.strip_prefix(&self.prefix);
        let key = procedure.unwrap_or(&row.procedure_id).to_string();
        self.procedures.entry(key).or_default()[s] += 1;
        let Some(procedure) = procedure else {
            return;
        };
        for (list, on_time) in [(&row.on_time, true), (&row.over, false)] {
            for node in list {
                let e = self
                    .steps
                    .entry((procedure.to_string(), node.clone()))
                    .or_default();
                if on_time {
                    e.on_time += 1;
                } else {
                    e.over += 1;
                }
            }
        }
        // Only a case standing in a lane is waiting anywhere.
        if row.lane.is_empty() || row.settled || row.outcome.is_some() {
            return;
        }
        let late = matches!(lateness(row, self.now), Lateness::Late { .. });
        let lane = self.lanes.entry(row.lane.clone()).or_default();
        lane.waiting += 1;
        lane.late += u32::from(late);
        if row.deadline.is_some() {
            let step = self
                .steps
                .entry((procedure.to_string(), row.node.clone()))
                .or_default();
            if late {
                step.open_late += 1;
            } else {
                step.open += 1;
            }
        }
        let Some(steps) = self.pack.procedure(procedure) else {
            return;
        };
        for w in self.windows.iter_mut().filter(|w| w.procedure == procedure) {
            if w.node == row.node {
                if late {
                    w.missed += 1;
                } else {
                    w.waiting += 1;
                }
            } else if let Some(path) = w.paths.get(&row.node) {
                let time = |node: &str| match steps.node(node).map(|n| &n.kind) {
                    Some(NodeKind::Step(s)) => Some(s.time),
                    _ => None,
                };
                let mut t = match time(&row.node) {
                    Some(tm) => leave_at(tm, row.since as Millis, self.now, self.offset),
                    None => self.now,
                };
                for node in path {
                    if let Some(tm) = time(node) {
                        t = leave_at(tm, t, t, self.offset);
                    }
                }
                if t < w.due.deadline() {
                    w.coming += 1;
                } else {
                    w.at_risk += 1;
                }
            }
        }
    }
}

/// When a step entered at `entered` is left, at the SOP's pace and not
/// before `at_least`: a duration takes all of it; a month window is worked
/// as soon as it opens; a cut-off step is handed in at once.
fn leave_at(time: TimeStandard, entered: Millis, at_least: Millis, offset: i32) -> Millis {
    let left = match due(time, entered, offset) {
        Due::By(t) => t,
        Due::Window { opens, .. } => opens,
        Due::Cutoff { .. } => entered,
    };
    left.max(at_least)
}

/// For each node from which `target` is reached before passing it (from
/// the start, without going through `target`): the nodes between it and
/// `target` on the shortest way there.
fn paths_to(p: &Procedure, target: &str) -> BTreeMap<String, Vec<String>> {
    // Nodes reached from the start without passing the target.
    let mut before = BTreeSet::new();
    if let Some(start) = p.start() {
        let mut queue = VecDeque::from([start.id.as_str()]);
        while let Some(id) = queue.pop_front() {
            if id == target || !before.insert(id) {
                continue;
            }
            if let Some(n) = p.node(id) {
                queue.extend(n.kind.edges().into_iter().map(|(_, next)| next));
            }
        }
    }
    let mut out = BTreeMap::new();
    for &from in &before {
        // Breadth first from `from`, within `before`, to the target.
        let mut parent: BTreeMap<&str, &str> = BTreeMap::new();
        let mut queue = VecDeque::from([from]);
        let mut found = false;
        while let Some(id) = queue.pop_front() {
            let Some(n) = p.node(id) else { continue };
            for (_, next) in n.kind.edges() {
                if next == target {
                    parent.insert(target, id);
                    found = true;
                    break;
                }
                if before.contains(next) && next != from && !parent.contains_key(next) {
                    parent.insert(next, id);
                    queue.push_back(next);
                }
            }
            if found {
                break;
            }
        }
        if !found {
            continue;
        }
        let mut between = Vec::new();
        let mut at = parent[target];
        while at != from {
            between.push(at.to_string());
            at = parent[at];
        }
        between.reverse();
        out.insert(from.to_string(), between);
    }
    out
}
