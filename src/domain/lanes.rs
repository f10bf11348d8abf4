//! The district's lanes: which role a case waits on, each role's inbox in
//! the order the office should work it, and who may act on a case now.
//!
//! A lane is a swimlane of the SOP table: the role (`actor`) of the step or
//! decision a case stands on. The list row of every case carries its lane
//! and due time (`CaseSummary::lane`, `due`, `deadline`), written with the
//! case, so an inbox is one index read, never a walk over every case.
//!
//! Invariants: an action is checked against the role acting before any
//! event is made (`check_act`), so a refused action leaves the history as
//! it was; the inbox order is the oldest deadline first, steps without a
//! time standard by the time they have waited.

use std::collections::BTreeSet;

use super::case::{Case, CaseSummary};
use super::date::Millis;
use super::engine::{Allowed, Engine, Move, MoveError, Walk};
use super::procedure::{Pack, Role, Side};

/// Where a case waits: the role at its current node and since when.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Position {
    /// The role id acting at the current node; `None` at an end.
    pub lane: Option<String>,
    pub side: Option<Side>,
    /// When the case arrived at the current node.
    pub since: Millis,
    /// When the current step runs over its time standard; `None` for a
    /// decision, which has none.
    pub deadline: Option<Millis>,
}

impl Position {
    /// The inbox sort key: the deadline, or the arrival for a node
    /// without a time standard (it has been waiting since then).
    pub fn due_key(&self) -> Millis {
        self.deadline.unwrap_or(self.since)
    }
}

/// Where `walk` leaves the case.
pub fn position(engine: &Engine, walk: &Walk) -> Position {
    let (lane, side) = match engine.allowed(walk) {
        Allowed::Complete { role, .. } | Allowed::Answer { role, .. } => (
            Some(role.to_string()),
            engine.procedure.role(role).map(|r| r.side),
        ),
        Allowed::Nothing => (None, None),
    };
    Position {
        lane,
        side,
        since: walk.since,
        deadline: engine.due(walk).map(|d| d.deadline()),
    }
}

/// Whether the village's part of the case is done: it passed a village
/// role's step and now waits on the district (Karanganyar after the PMK's
/// input). A procedure worked only in the office never hands over.
pub fn handed_to_district(engine: &Engine, walk: &Walk) -> bool {
    let side = |node: &str| {
        engine
            .procedure
            .node(node)
            .and_then(|n| n.kind.actor())
            .and_then(|a| engine.procedure.role(a))
            .map(|r| r.side)
    };
    side(&walk.current) == Some(Side::District)
        && walk
            .visits
            .iter()
            .any(|v| side(&v.node) == Some(Side::Village))
}

/// The district's roles across a pack's procedures, in the order first
/// met; a role id names one role in every procedure of a pack.
pub fn district_roles(pack: &Pack) -> Vec<&Role> {
    let mut seen = BTreeSet::new();
    pack.procedures
        .iter()
        .flat_map(|p| &p.roles)
        .filter(|r| r.side == Side::District && seen.insert(r.id.as_str()))
        .collect()
}

/// Whether any step or decision of the pack is worked by `role`.
pub fn role_has_work(pack: &Pack, role: &str) -> bool {
    pack.procedures
        .iter()
        .flat_map(|p| &p.nodes)
        .any(|n| n.kind.actor() == Some(role))
}

/// Why an action cannot be recorded; the case is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActError {
    /// The current node belongs to another lane.
    WrongRole { expected: String, acting: String },
    /// The engine refuses the move (not the current node, ended, ...).
    Move(MoveError),
}

/// Checks that `role` may make `m` on `case` now, and returns the walk
/// after it. Nothing is recorded here: the caller makes the event only on
/// `Ok`.
pub fn check_act(case: &Case, engine: &Engine, role: &str, m: &Move) -> Result<Walk, ActError> {
    let walk = case
        .walk(engine)
        .walk
        .ok_or(ActError::Move(MoveError::NoStart))?;
    match engine.allowed(&walk) {
        Allowed::Complete { role: r, .. } | Allowed::Answer { role: r, .. } if r != role => {
            return Err(ActError::WrongRole {
                expected: r.to_string(),
                acting: role.to_string(),
            })
        }
        _ => {}
    }
    case.check_move(engine, m).map_err(ActError::Move)
}

/// How an inbox row stands against its time standard at `now`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lateness {
    /// No time standard at this node (a decision).
    NoStandard,
    /// Due in this many milliseconds.
    OnTime { left: Millis },
    /// Over its standard by this many milliseconds.
    Late { by: Millis },
}

/// The lateness of a list row at `now`.
pub fn lateness(row: &CaseSummary, now: Millis) -> Lateness {
    match row.deadline {
        None => Lateness::NoStandard,
        Some(d) => {
            let d = d as Millis;
            if now > d {
                Lateness::Late { by: now - d }
            } else {
                Lateness::OnTime { left: d - now }
            }
        }
    }
}

/// Sorts rows of one lane the way an inbox shows them: oldest due first,
/// then longest waiting, then by id so every device shows the same order.
pub fn sort_inbox(rows: &mut [CaseSummary]) {
    rows.sort_by(|a, b| {
        a.due
            .total_cmp(&b.due)
            .then(a.since.total_cmp(&b.since))
            .then_with(|| a.id.cmp(&b.id))
    });
}
