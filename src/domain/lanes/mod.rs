//! The district's lanes: which role a case waits on, each role's inbox in
//! the order the office should work it, and who may act on a case now.
//!
//! A lane is a swimlane of the SOP table: the role (`actor`) of the step or
//! decision a case stands on. The list row of every case carries its lane
//! and due time (`CaseSummary::lane`, `due`, `deadline`), written with the
//! case, so an inbox is one index read, never a walk over every case.
//!
//! Invariants: an action is checked before any event is made
//! (`check_act`): on its side (a village phone never acts on a district
//! node), in its lane (the signed-in member's role), and against the
//! checklist (a decision never contradicts the documents it rests on), so
//! a refused action leaves the history as it was. An incoming bundle's
//! events are checked against their sender's side (`check_sender`). The
//! inbox order is the oldest deadline first, steps without a time
//! standard by the time they have waited.

mod answers;
mod sides;

pub use answers::*;
pub use sides::*;

use std::collections::{BTreeMap, BTreeSet};

use super::case::{Case, CaseStatus, CaseSummary, DocumentState, Event, EventKind, FeedbackState};
use super::date::{Date, Millis};
use super::engine::{
    applies, Allowed, Applicant as EngineApplicant, Engine, Move, MoveError, Walk,
};
use super::outputs::OutputProblem;
use super::procedure::{
    AnswerChoice, Intake, NodeKind, Outcome, Pack, Procedure, Requirement, Role, Side, Text,
};

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

/// The side whose role acts at `node`; `None` for capsules.
pub fn node_side(procedure: &Procedure, node: &str) -> Option<Side> {
    procedure
        .node(node)
        .and_then(|n| n.kind.actor())
        .and_then(|a| procedure.role(a))
        .map(|r| r.side)
}

/// The documents a village prepares for a procedure whose first steps are
/// the district's (Pesisir Selatan): those the district's steps ask for
/// from the start up to its first decision. Empty when a village role
/// acts first (its own steps carry their checklists).
pub fn dossier(procedure: &Procedure) -> Vec<&Requirement> {
    let mut out: Vec<&Requirement> = Vec::new();
    let Some(NodeKind::Start { next }) = procedure.start().map(|n| &n.kind) else {
        return out;
    };
    let mut at = next.as_str();
    let mut seen = BTreeSet::new();
    while seen.insert(at) {
        let Some(node) = procedure.node(at) else {
            break;
        };
        let NodeKind::Step(step) = &node.kind else {
            break;
        };
        if node_side(procedure, at) != Some(Side::District) {
            break;
        }
        for r in &step.documents {
            if !out.iter().any(|o| o.document == r.document) {
                out.push(r);
            }
        }
        at = step.next.as_str();
    }
    out
}

/// The dossier documents (`dossier`) that apply to this applicant and are
/// not yet marked either way, while the case has not left its start.
pub fn dossier_unmarked(engine: &Engine, case: &Case, today: Date) -> Vec<String> {
    let birth_date = case.applicant.birth_date(today);
    dossier(engine.procedure)
        .into_iter()
        .filter(|r| applies(r, EngineApplicant { birth_date }, today))
        .filter(|r| {
            case.documents
                .get(&r.document)
                .is_none_or(|d| d.present.is_none())
        })
        .map(|r| r.document.clone())
        .collect()
}

/// Whether the village's part of the case is done and it waits on the
/// district: it passed a village role's step (Karanganyar after the PMK's
/// input), or, where the district acts first, the village prepared the
/// dossier (the applicant without problems, every dossier document seen
/// or marked missing). A procedure the office opens never hands over.
pub fn handed_to_district(engine: &Engine, case: &Case, walk: &Walk, today: Date) -> bool {
    let side = |node: &str| node_side(engine.procedure, node);
    if side(&walk.current) != Some(Side::District) || engine.procedure.intake == Intake::Office {
        return false;
    }
    if walk
        .visits
        .iter()
        .any(|v| side(&v.node) == Some(Side::Village))
    {
        return true;
    }
    let district_first = engine
        .procedure
        .nodes
        .iter()
        .all(|n| n.kind.actor().is_none() || side(&n.id) == Some(Side::District));
    district_first
        && walk.visits.is_empty()
        && !dossier(engine.procedure).is_empty()
        && case.applicant.problems(today).is_empty()
        && dossier_unmarked(engine, case, today).is_empty()
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

/// Who is about to act on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Actor<'a> {
    /// A village phone: its officer works the village lanes only.
    Village,
    /// The district office's laptop (`device`: its id; a walk-in case it
    /// opened itself is the one village-side work it records).
    Office { device: &'a str, member: Member<'a> },
}

/// Who works at the office laptop now.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Member<'a> {
    /// No staff registered yet: the office works every district lane.
    NoStaff,
    /// Staff exist and nobody is signed in.
    SignedOut,
    /// The signed-in member's role.
    Role(&'a str),
}

/// Why an action cannot be recorded; the case is left as it was.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ActError {
    /// The current node belongs to another lane.
    WrongRole { expected: String, acting: String },
    /// The current node belongs to the other side: a district step on a
    /// village phone (send the case instead), or a village step of a
    /// village's case at the office.
    OtherSide { role: String, side: Side },
    /// The office has staff and nobody is signed in.
    SignIn,
    /// The district returned, rejected or merged the case: it is out of
    /// the lanes until its village works on it again.
    Settled,
    /// The applicant's record has problems; the step waits for it.
    Applicant,
    /// These documents of the step are neither seen nor marked missing.
    Unchecked(Vec<String>),
    /// The procedure requires photos: these are marked present without
    /// one.
    PhotoMissing(Vec<String>),
    /// The answer rests on documents that are not provided (marked
    /// missing, not seen, or without the photo the procedure requires).
    Contradicts {
        answer: String,
        missing: Vec<String>,
    },
    /// A step where the pack has the district answer the village
    /// (Karanganyar's "feedback"): the answer is recorded before the step
    /// is done, so no case ends without one.
    AnswerFirst,
    /// The step works on a letter (`Step::paper`) not issued yet.
    PaperMissing(String),
    /// Values the step produces (`Step::outputs`) are missing or not well
    /// formed: each output's id and what is wrong.
    Outputs(Vec<(String, OutputProblem)>),
    /// The decision was answered earlier, as an output of a step
    /// (`Decision::from_output`): only this answer is accepted.
    Decided { answer: String },
    /// The engine refuses the move (not the current node, ended, ...).
    Move(MoveError),
}

/// What `check_act` allows: the role to record the event under, and the
/// walk after it.
#[derive(Debug, Clone, PartialEq)]
pub struct Acting {
    pub role: String,
    pub walk: Walk,
    /// The step's outputs as kept (`domain::outputs::check`).
    pub outputs: BTreeMap<String, String>,
}

/// Checks that `actor` may make `m` on `case` now, on this side, in this
/// lane, with the checklist as recorded (`today` judges age conditions).
/// Nothing is recorded here: the caller makes the event only on `Ok`,
/// under the returned role. A step that produces outputs is refused here:
/// see `check_act_with`.
pub fn check_act(
    case: &Case,
    engine: &Engine,
    actor: Actor,
    m: &Move,
    today: Date,
) -> Result<Acting, ActError> {
    check_act_with(case, engine, actor, m, &BTreeMap::new(), today)
}

/// `check_act` with the values typed for the step's outputs; the values
/// as kept are in the returned `Acting`.
pub fn check_act_with(
    case: &Case,
    engine: &Engine,
    actor: Actor,
    m: &Move,
    typed: &BTreeMap<String, String>,
    today: Date,
) -> Result<Acting, ActError> {
    let walk = case
        .walk(engine)
        .walk
        .ok_or(ActError::Move(MoveError::NoStart))?;
    let (role, node) = match engine.allowed(&walk) {
        Allowed::Complete { role, node } | Allowed::Answer { role, node, .. } => (role, node),
        Allowed::Nothing => {
            return Err(ActError::Move(
                case.check_move(engine, m)
                    .err()
                    .unwrap_or(MoveError::AlreadyEnded),
            ))
        }
    };
    let side = engine
        .procedure
        .role(role)
        .map_or(Side::District, |r| r.side);
    let role_name = role.to_string();
    match (actor, side) {
        (Actor::Village, Side::District) => {
            return Err(ActError::OtherSide {
                role: role_name,
                side,
            })
        }
        (Actor::Village, Side::Village) => {}
        (Actor::Office { device, .. }, Side::Village) => {
            if case.origin != device {
                return Err(ActError::OtherSide {
                    role: role_name,
                    side,
                });
            }
        }
        (Actor::Office { member, .. }, Side::District) => {
            if case.off_lanes() {
                return Err(ActError::Settled);
            }
            match member {
                Member::NoStaff => {}
                Member::SignedOut => return Err(ActError::SignIn),
                Member::Role(r) if r != role => {
                    return Err(ActError::WrongRole {
                        expected: role_name,
                        acting: r.to_string(),
                    })
                }
                Member::Role(_) => {}
            }
        }
    }
    let mut outputs = BTreeMap::new();
    if m.node == node {
        checklist(case, engine, &walk, m, today)?;
        if m.answer.is_none() {
            outputs = super::outputs::check(engine.procedure, &m.node, typed)
                .map_err(ActError::Outputs)?;
        }
    }
    let walk = case.check_move(engine, m).map_err(ActError::Move)?;
    Ok(Acting {
        role: role_name,
        walk,
        outputs,
    })
}

/// Whether a document counts as provided for this procedure: present,
/// and photographed where the procedure requires photos.
pub fn provided(procedure: &Procedure, doc: Option<&DocumentState>) -> bool {
    doc.is_some_and(|d| d.is_present() && (!procedure.photos_required || !d.photos.is_empty()))
}

/// The checklist rules of the node `m` acts on.
fn checklist(
    case: &Case,
    engine: &Engine,
    walk: &Walk,
    m: &Move,
    today: Date,
) -> Result<(), ActError> {
    let procedure = engine.procedure;
    let applicant = EngineApplicant {
        birth_date: case.applicant.birth_date(today),
    };
    match (procedure.node(&m.node).map(|n| &n.kind), &m.answer) {
        (Some(NodeKind::Step(step)), None) => {
            let answers_here = procedure
                .answers
                .as_ref()
                .is_some_and(|r| r.at.contains(&m.node));
            let answered = case
                .answer
                .as_ref()
                .is_some_and(|a| a.state != FeedbackState::Received);
            if answers_here && !answered {
                return Err(ActError::AnswerFirst);
            }
            // The record is taken where the dossier is: village steps
            // and steps with a checklist.
            let takes_record =
                !step.documents.is_empty() || node_side(procedure, &m.node) == Some(Side::Village);
            if takes_record && !case.applicant.problems(today).is_empty() {
                return Err(ActError::Applicant);
            }
            let docs = engine.missing_documents(walk, applicant, &BTreeSet::new(), today);
            let state = |d: &str| case.documents.get(d);
            let unchecked: Vec<String> = docs
                .iter()
                .filter(|d| state(d).is_none_or(|s| s.present.is_none()))
                .map(|d| d.to_string())
                .collect();
            if !unchecked.is_empty() {
                return Err(ActError::Unchecked(unchecked));
            }
            if let Some(paper) = &step.paper {
                if !case.has_letter(paper) {
                    return Err(ActError::PaperMissing(paper.clone()));
                }
            }
            if procedure.photos_required {
                let bare: Vec<String> = docs
                    .iter()
                    .filter(|d| {
                        state(d).is_some_and(|s| s.is_present()) && !provided(procedure, state(d))
                    })
                    .map(|d| d.to_string())
                    .collect();
                if !bare.is_empty() {
                    return Err(ActError::PhotoMissing(bare));
                }
            }
            Ok(())
        }
        (Some(NodeKind::Decision(d)), Some(value)) => {
            let Some(answer) = d.answers.iter().find(|a| &a.value == value) else {
                return Ok(()); // the engine words an unknown answer
            };
            // Chosen at an earlier step: that choice stands (a case from
            // before outputs were kept answers freely).
            let chosen = d.from_output.as_ref().and_then(|o| case.outputs.get(o));
            if let Some(chosen) = chosen.filter(|c| *c != value) {
                return Err(ActError::Decided {
                    answer: chosen.clone(),
                });
            }
            let missing: Vec<String> = answer
                .requires
                .iter()
                .filter(|r| applies(r, applicant, today))
                .filter(|r| !provided(procedure, case.documents.get(&r.document)))
                .map(|r| r.document.clone())
                .collect();
            if missing.is_empty() {
                Ok(())
            } else {
                Err(ActError::Contradicts {
                    answer: value.clone(),
                    missing,
                })
            }
        }
        _ => Ok(()),
    }
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
    crate::domain::order::sort_by(rows, |a, b| {
        a.due
            .total_cmp(&b.due)
            .then(a.since.total_cmp(&b.since))
            .then_with(|| a.id.cmp(&b.id))
    });
}

/// Whether a device may open a case of `procedure`: the office opens
/// any; a village phone only those a village takes in (`Intake::Village`).
pub fn opens_here(procedure: &Procedure, office: bool) -> bool {
    office || procedure.intake == Intake::Village
}

/// Whether an office task that belongs to no lane (issuing a letter or
/// decree number, enrolling or revoking a village device, a duplicates
/// decision) may be done now: once the office has staff, only by a
/// signed-in member, whose name it is recorded under.
pub fn check_office_task(member: Member) -> Result<(), ActError> {
    match member {
        Member::SignedOut => Err(ActError::SignIn),
        Member::NoStaff | Member::Role(_) => Ok(()),
    }
}

/// The pack a village phone opens new cases under: the trusted district's
/// when it trusts one (its office refuses cases of another regency's
/// procedures), else the regency the officer chose.
pub fn new_case_pack<'a>(trusted: Option<&'a str>, chosen: Option<&'a str>) -> Option<&'a str> {
    trusted.or(chosen)
}
