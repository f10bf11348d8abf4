//! The pure engine that walks a procedure: given the procedure version a
//! case started under and the case's moves so far, it tells where the case
//! stands, who may act now, which documents are still missing, where each
//! answer leads, when the current step is due and which steps ran over.
//!
//! Invariants: the engine reads no clock (`now` is passed in) and never
//! looks up "the latest" pack: a case is always replayed against the exact
//! version it started under, so publishing a new pack version cannot change
//! an open case's path.

use std::collections::{BTreeMap, BTreeSet};

use super::date::{days_in_month, local_date, local_midnight, Date, Millis, MINUTE};
use super::procedure::{
    Condition, Decision, NodeKind, Outcome, Pack, Procedure, Requirement, TimeStandard, TimeUnit,
};

/// One thing done in a case: a step completed, or a decision answered.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Move {
    pub node: String,
    /// The answer's value, for a decision.
    pub answer: Option<String>,
    pub at: Millis,
}

/// A node the case passed through.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Visit {
    pub node: String,
    pub arrived: Millis,
    pub left: Millis,
    pub answer: Option<String>,
    /// Whether it took longer than its time standard.
    pub overran: bool,
}

/// Where a case stands after its moves.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Walk {
    pub visits: Vec<Visit>,
    /// The node the case is at now (an end when finished).
    pub current: String,
    pub since: Millis,
    pub outcome: Option<Outcome>,
}

/// Why a move cannot be applied; the history itself is never changed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MoveError {
    NoStart,
    AlreadyEnded,
    /// The move is for another node than the current one.
    NotCurrent {
        current: String,
        got: String,
    },
    MissingAnswer {
        node: String,
    },
    UnknownAnswer {
        node: String,
        answer: String,
    },
    /// An answer given to a step, which has none.
    UnexpectedAnswer {
        node: String,
    },
    /// Moves must not go back in time.
    OutOfOrder {
        node: String,
    },
}

/// What may be done now, and by which role.
#[derive(Debug, Clone, PartialEq)]
pub enum Allowed<'p> {
    Complete {
        node: &'p str,
        role: &'p str,
    },
    Answer {
        node: &'p str,
        role: &'p str,
        decision: &'p Decision,
    },
    Nothing,
}

/// When the current step is due.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Due {
    /// Finish by this instant (durations, same day).
    By(Millis),
    /// Only within a window of the month: opens, closes (exclusive).
    Window { opens: Millis, closes: Millis },
    /// Hand in before the cut-off closes; takes effect at `effective`.
    Cutoff { closes: Millis, effective: Millis },
}

impl Due {
    /// Whether a step done at `at` keeps its standard: by the deadline,
    /// and for a window also not before it opens.
    pub fn kept_at(self, at: Millis) -> bool {
        match self {
            Due::By(t) => at <= t,
            Due::Window { opens, closes } => opens <= at && at < closes,
            Due::Cutoff { closes, .. } => at < closes,
        }
    }

    /// The instant after which the step has run over.
    pub fn deadline(self) -> Millis {
        match self {
            Due::By(t) => t,
            Due::Window { closes, .. } | Due::Cutoff { closes, .. } => closes,
        }
    }
}

/// Where a month window or cut-off stands now, said before the step is
/// done so the officer knows it will be out of standard.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WindowAt {
    /// The window of the step's cycle opens later.
    NotYetOpen { opens: Millis },
    /// It has closed; the next window opens then.
    Closed { reopens: Millis },
    /// The cut-off has passed.
    CutoffPassed,
}

/// The facts about the applicant that requirement conditions look at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Applicant {
    pub birth_date: Option<Date>,
}

/// The engine over one procedure version.
pub struct Engine<'p> {
    pub procedure: &'p Procedure,
    /// The regency's offset from UTC in minutes (WIB 420).
    pub utc_offset: i32,
}

impl<'p> Engine<'p> {
    pub fn new(procedure: &'p Procedure, utc_offset: i32) -> Self {
        Engine {
            procedure,
            utc_offset,
        }
    }

    /// Replays `moves` from the start capsule, entered at `started`.
    pub fn walk(&self, started: Millis, moves: &[Move]) -> Result<Walk, MoveError> {
        let start = self.procedure.start().ok_or(MoveError::NoStart)?;
        let NodeKind::Start { next } = &start.kind else {
            return Err(MoveError::NoStart);
        };
        let mut walk = Walk {
            visits: Vec::new(),
            current: next.clone(),
            since: started,
            outcome: None,
        };
        self.settle(&mut walk);
        for m in moves {
            self.apply(&mut walk, m)?;
        }
        Ok(walk)
    }

    /// Applies one move to a walk (used by `walk`, and to check a move
    /// before it is recorded).
    pub fn apply(&self, walk: &mut Walk, m: &Move) -> Result<(), MoveError> {
        if walk.outcome.is_some() {
            return Err(MoveError::AlreadyEnded);
        }
        if m.node != walk.current {
            return Err(MoveError::NotCurrent {
                current: walk.current.clone(),
                got: m.node.clone(),
            });
        }
        if m.at < walk.since {
            return Err(MoveError::OutOfOrder {
                node: m.node.clone(),
            });
        }
        let node = self
            .procedure
            .node(&walk.current)
            .expect("a validated pack");
        let next = match (&node.kind, &m.answer) {
            (NodeKind::Step(s), None) => s.next.clone(),
            (NodeKind::Step(_), Some(_)) => {
                return Err(MoveError::UnexpectedAnswer {
                    node: m.node.clone(),
                })
            }
            (NodeKind::Decision(_), None) => {
                return Err(MoveError::MissingAnswer {
                    node: m.node.clone(),
                })
            }
            (NodeKind::Decision(d), Some(answer)) => d
                .answers
                .iter()
                .find(|a| &a.value == answer)
                .map(|a| a.next.clone())
                .ok_or_else(|| MoveError::UnknownAnswer {
                    node: m.node.clone(),
                    answer: answer.clone(),
                })?,
            (NodeKind::Start { next }, _) => next.clone(),
            (NodeKind::End { .. }, _) => return Err(MoveError::AlreadyEnded),
        };
        let overran = self
            .due_at(&walk.current, walk.since)
            .is_some_and(|due| !due.kept_at(m.at));
        walk.visits.push(Visit {
            node: walk.current.clone(),
            arrived: walk.since,
            left: m.at,
            answer: m.answer.clone(),
            overran,
        });
        walk.current = next;
        walk.since = m.at;
        self.settle(walk);
        Ok(())
    }

    /// Marks the walk ended when it stands on an end capsule.
    fn settle(&self, walk: &mut Walk) {
        if let Some(NodeKind::End { outcome, .. }) =
            self.procedure.node(&walk.current).map(|n| &n.kind)
        {
            walk.outcome = Some(*outcome);
        }
    }

    /// What may be done now, and by whom.
    pub fn allowed(&self, walk: &Walk) -> Allowed<'p> {
        match self
            .procedure
            .node(&walk.current)
            .map(|n| (n.id.as_str(), &n.kind))
        {
            Some((node, NodeKind::Step(s))) => Allowed::Complete {
                node,
                role: &s.actor,
            },
            Some((node, NodeKind::Decision(d))) => Allowed::Answer {
                node,
                role: &d.actor,
                decision: d,
            },
            _ => Allowed::Nothing,
        }
    }

    /// Whether `role` may act on the case now.
    pub fn may_act(&self, walk: &Walk, role: &str) -> bool {
        match self.allowed(walk) {
            Allowed::Complete { role: r, .. } | Allowed::Answer { role: r, .. } => r == role,
            Allowed::Nothing => false,
        }
    }

    /// The documents the current step requires of this applicant that are
    /// not among `provided`, in the pack's order.
    pub fn missing_documents(
        &self,
        walk: &Walk,
        applicant: Applicant,
        provided: &BTreeSet<String>,
        today: Date,
    ) -> Vec<&'p str> {
        match self.procedure.node(&walk.current).map(|n| &n.kind) {
            Some(NodeKind::Step(s)) => s
                .documents
                .iter()
                .filter(|r| applies(r, applicant, today))
                .map(|r| r.document.as_str())
                .filter(|d| !provided.contains(*d))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// Where each answer of a decision leads: value -> node id.
    pub fn branches(&self, node: &str) -> BTreeMap<&'p str, &'p str> {
        match self.procedure.node(node).map(|n| &n.kind) {
            Some(NodeKind::Decision(d)) => crate::domain::order::map_of(
                d.answers
                    .iter()
                    .map(|a| (a.value.as_str(), a.next.as_str())),
            ),
            _ => BTreeMap::new(),
        }
    }

    /// When the node `node`, entered at `since`, is due; `None` for
    /// decisions and capsules, which carry no time standard.
    pub fn due_at(&self, node: &str, since: Millis) -> Option<Due> {
        match self.procedure.node(node).map(|n| &n.kind) {
            Some(NodeKind::Step(s)) => Some(due(s.time, since, self.utc_offset)),
            _ => None,
        }
    }

    /// When the current step is due.
    pub fn due(&self, walk: &Walk) -> Option<Due> {
        self.due_at(&walk.current, walk.since)
    }

    /// How the current step's month window or cut-off stands at `now`:
    /// `None` for other standards and for a window that is open.
    pub fn window_at(&self, walk: &Walk, now: Millis) -> Option<WindowAt> {
        let Some(NodeKind::Step(s)) = self.procedure.node(&walk.current).map(|n| &n.kind) else {
            return None;
        };
        match (s.time, self.due(walk)?) {
            (TimeStandard::MonthWindow { .. }, Due::Window { opens, closes }) => {
                if now < opens {
                    Some(WindowAt::NotYetOpen { opens })
                } else if now >= closes {
                    // The window of now's own cycle: next month's once
                    // this month's has closed.
                    match due(s.time, now, self.utc_offset) {
                        Due::Window { opens: next, .. } if next > now => {
                            Some(WindowAt::Closed { reopens: next })
                        }
                        Due::Window { .. } => None,
                        _ => None,
                    }
                } else {
                    None
                }
            }
            (TimeStandard::MonthlyCutoff { .. }, Due::Cutoff { closes, .. }) if now >= closes => {
                Some(WindowAt::CutoffPassed)
            }
            _ => None,
        }
    }

    /// Whether the current step has run over its standard at `now`.
    pub fn is_late(&self, walk: &Walk, now: Millis) -> bool {
        walk.outcome.is_none() && self.due(walk).is_some_and(|d| now > d.deadline())
    }
}

/// Whether requirement `r` applies to this applicant `today`.
pub fn applies(r: &Requirement, applicant: Applicant, today: Date) -> bool {
    let age = applicant.birth_date.map(|b| b.age_on(today));
    match (r.when, age) {
        (None, _) => true,
        // Without a birth date every alternative is asked for.
        (Some(_), None) => true,
        (Some(Condition::AgeUnder { years }), Some(age)) => age < years as i32,
        (Some(Condition::AgeAtLeast { years }), Some(age)) => age >= years as i32,
    }
}

/// The date `months` calendar months after `d`, the day clamped to the
/// month's length (31 Jan + 1 month = 28/29 Feb).
fn add_months(d: Date, months: u32) -> Date {
    let total = d.year * 12 + d.month as i32 - 1 + months as i32;
    let (year, month) = (total.div_euclid(12), total.rem_euclid(12) as u32 + 1);
    Date {
        year,
        month,
        day: d.day.min(days_in_month(year, month)),
    }
}

/// The end (next midnight) of `day` in `date`'s month, the day clamped to
/// the month's length, so "until the 31st" works in April too.
fn end_of_day_in_month(date: Date, day: u32, offset: i32) -> Millis {
    let day = day.min(days_in_month(date.year, date.month));
    local_midnight(Date { day, ..date }, offset) + super::date::DAY
}

/// The first day of the month whose cycle `today` belongs to: this month's
/// until its `last_day` (clamped to the month's length) has passed, then
/// next month's. Month windows and cut-offs both count this way.
pub fn cycle_month(today: Date, last_day: u32) -> Date {
    let this_month = Date { day: 1, ..today };
    if today.day > last_day.min(days_in_month(today.year, today.month)) {
        this_month.first_of_next_month()
    } else {
        this_month
    }
}

/// The due time of a time standard for a step entered at `since`.
pub fn due(time: TimeStandard, since: Millis, offset: i32) -> Due {
    let today = local_date(since, offset);
    match time {
        TimeStandard::Duration { amount, max, unit } => {
            let n = max.unwrap_or(amount);
            let minutes = |m: u32| since + Millis::from(n) * Millis::from(m) * MINUTE;
            Due::By(match unit {
                TimeUnit::Minutes => minutes(1),
                TimeUnit::Hours => minutes(60),
                TimeUnit::Days => minutes(24 * 60),
                TimeUnit::Months => {
                    let time_of_day = since - local_midnight(today, offset);
                    local_midnight(add_months(today, n), offset) + time_of_day
                }
            })
        }
        TimeStandard::SameDay => Due::By(local_midnight(today, offset) + super::date::DAY),
        TimeStandard::MonthWindow { from_day, to_day } => {
            let month = cycle_month(today, to_day);
            let opens = local_midnight(
                Date {
                    day: from_day.min(days_in_month(month.year, month.month)),
                    ..month
                },
                offset,
            );
            Due::Window {
                opens,
                closes: end_of_day_in_month(month, to_day, offset),
            }
        }
        TimeStandard::MonthlyCutoff { day } => {
            let month = cycle_month(today, day);
            Due::Cutoff {
                closes: end_of_day_in_month(month, day, offset),
                effective: local_midnight(month.first_of_next_month(), offset),
            }
        }
    }
}

/// Every version of every pack this device has seen. Cases look up the
/// version they started under; new versions are only for new cases.
#[derive(Debug, Default, Clone)]
pub struct Library {
    packs: BTreeMap<(String, u32), Pack>,
}

impl Library {
    /// Adds a validated pack version; an existing version is kept as it
    /// was (a published version never changes).
    pub fn add(&mut self, pack: Pack) {
        self.packs
            .entry((pack.id.clone(), pack.version))
            .or_insert(pack);
    }

    pub fn get(&self, pack: &str, version: u32) -> Option<&Pack> {
        self.packs.get(&(pack.to_string(), version))
    }

    /// The newest version of a pack, for starting new cases.
    pub fn latest(&self, pack: &str) -> Option<&Pack> {
        self.packs
            .range((pack.to_string(), 0)..=(pack.to_string(), u32::MAX))
            .next_back()
            .map(|(_, p)| p)
    }

    pub fn procedure(&self, pack: &str, version: u32, procedure: &str) -> Option<&Procedure> {
        self.get(pack, version)?.procedure(procedure)
    }
}
