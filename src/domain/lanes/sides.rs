//! Which events a device of each side may record, and what an import
//! refuses or a stored history flags when one did not.

use super::*;

/// Whether an event recorded on a device of `side` keeps to that side:
/// a village records the applicant, documents, notes, its hand-over
/// statuses and the village's steps and decisions; the office records
/// the district's steps and decisions, its answers, letters and merges
/// (and documents or fields it copies in a merge), and village-side work
/// only on a walk-in case it opened itself. A role the event claims must
/// be one of the procedure's roles on that side.
pub fn keeps_to_side(procedure: &Procedure, origin: &str, e: &Event, side: Side) -> bool {
    let role_ok = e
        .role
        .as_deref()
        .is_none_or(|r| procedure.role(r).is_some_and(|r| r.side == side));
    let own_walk_in = origin == e.device;
    let kind_ok = match (&e.kind, side) {
        (EventKind::FieldSet { .. }, _)
        | (EventKind::DocumentAttached { .. }, _)
        | (EventKind::DocumentMarked { .. }, _)
        | (EventKind::Note { .. }, _) => true,
        (EventKind::Created { .. }, Side::Village) => true,
        (EventKind::Created { .. }, Side::District) => own_walk_in,
        // A village sends, archives (or discards a draft) and takes a
        // draft back; only the district's answers acknowledge.
        (EventKind::StatusChanged { status }, Side::Village) => matches!(
            status,
            CaseStatus::Sent | CaseStatus::Archived | CaseStatus::Draft
        ),
        (EventKind::StatusChanged { .. }, Side::District) => own_walk_in,
        (EventKind::StepCompleted { node, outputs }, _) => {
            sided(procedure, node, side, own_walk_in)
                && crate::domain::outputs::well_formed(procedure, node, outputs)
        }
        (EventKind::DecisionAnswered { node, .. }, _) => sided(procedure, node, side, own_walk_in),
        (
            EventKind::Feedback { .. }
            | EventKind::LetterIssued { .. }
            | EventKind::Merged { .. }
            | EventKind::MergedInto { .. },
            s,
        ) => s == Side::District,
        // A newer Pandu's kind changes nothing in this version: kept,
        // shown as such, judged by the version that knows it.
        (EventKind::Unknown { .. }, _) => true,
    };
    role_ok && kind_ok
}

/// Whether a step or decision at `node` may be recorded on `side`: its
/// own, or a village's on the office's walk-in case.
fn sided(procedure: &Procedure, node: &str, side: Side, own_walk_in: bool) -> bool {
    match node_side(procedure, node) {
        Some(s) if s == side => true,
        Some(Side::Village) => side == Side::District && own_walk_in,
        _ => false,
    }
}

/// An event its recording device had no right to record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OutOfLane {
    pub case: String,
    pub event: String,
    /// The step or decision it claims, if it is one.
    pub node: Option<String>,
}

/// The first of `new` (events a bundle brings, all recorded on the
/// sender's device, which is on `side`) that leaves the sender's side.
/// `procedure` is the case's own version; `origin` the device that opened
/// the case. An import refuses the whole bundle on `Err`.
pub fn check_sender<'e>(
    procedure: &Procedure,
    origin: &str,
    side: Side,
    new: impl IntoIterator<Item = &'e Event>,
) -> Result<(), OutOfLane> {
    for e in new {
        if !keeps_to_side(procedure, origin, e, side) {
            return Err(out_of_lane(e));
        }
    }
    Ok(())
}

fn out_of_lane(e: &Event) -> OutOfLane {
    OutOfLane {
        case: e.case_id.clone(),
        event: e.id.clone(),
        node: match &e.kind {
            EventKind::StepCompleted { node, .. } | EventKind::DecisionAnswered { node, .. } => {
                Some(node.clone())
            }
            _ => None,
        },
    }
}

/// At the office (`office_device`): the events of a stored case that a
/// village device recorded outside the village's side, such as a district
/// step imported before imports checked lanes. The case page flags them.
pub fn breaches<'c>(procedure: &Procedure, case: &'c Case, office_device: &str) -> Vec<&'c Event> {
    case.events
        .iter()
        .filter(|e| e.device != office_device)
        .filter(|e| !keeps_to_side(procedure, &case.origin, e, Side::Village))
        .collect()
}
