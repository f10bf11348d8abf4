//! A case as history: an append-only list of events from one or more
//! devices, folded into the case's state with the procedure engine.
//!
//! Invariants:
//! - Events are never edited or deleted; a correction is a new event. Each
//!   event id is unique across devices, so merging two devices' histories
//!   is the union of their events (`merge`), and folding a history gives
//!   the same state whatever order the events arrived in.
//! - The fold never fails on a move the engine refuses (two devices
//!   completing the same step): the move is kept in the history and listed
//!   in `Folded::ignored`, and the case walks on with the moves that apply.
//! - The serialised field names `status`, `nik`, `updated_at`, `rank`,
//!   `procedure_id` and `words` of `CaseSummary` are the key paths of the
//!   IndexedDB indexes in `store::db`; the status is stored as its short
//!   code so index ranges stay stable across versions, and `rank` is always
//!   `-updated_at`, so an ascending read (one `getAll`) is newest first.

mod event;
mod event_read;
mod row;

pub use event::*;
pub use row::*;

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::applicant::{name_words, Applicant, Field};
use super::date::{local_date, Millis};
use super::engine::{Engine, Move, MoveError, Walk};
use super::procedure::{NodeKind, Outcome};
use super::text::TextKind;

/// Where a case stands, as far as the lists and indexes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being captured on this device.
    Draft,
    /// Reached an end of its procedure, not yet handed over.
    Finished,
    /// Written into a bundle for the district.
    Sent,
    /// The district's receipt says it arrived.
    Acknowledged,
    /// The district returned it and the village has not worked on it
    /// since: the officer fixes what was asked and sends it again. Never
    /// set by an event; `Case::status` derives it from the answer.
    Returned,
    /// Kept for the record, hidden from the working list (a discarded
    /// draft too: archived before it was ever handed over).
    Archived,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 6] = [
        CaseStatus::Draft,
        CaseStatus::Finished,
        CaseStatus::Sent,
        CaseStatus::Acknowledged,
        CaseStatus::Returned,
        CaseStatus::Archived,
    ];

    /// The working list's order: what needs the officer first (returned,
    /// drafts, ready to send), then what waits on the district; archived
    /// cases are left out of it.
    pub const WORKING: [CaseStatus; 5] = [
        CaseStatus::Returned,
        CaseStatus::Draft,
        CaseStatus::Finished,
        CaseStatus::Sent,
        CaseStatus::Acknowledged,
    ];

    /// Whether a case in this status waits on the officer of its device.
    pub fn needs_officer(self) -> bool {
        matches!(
            self,
            CaseStatus::Returned | CaseStatus::Draft | CaseStatus::Finished
        )
    }

    /// The code stored in IndexedDB and used as the first part of the `by_status_recent` index key.
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Draft => "draft",
            CaseStatus::Finished => "finished",
            CaseStatus::Sent => "sent",
            CaseStatus::Acknowledged => "acknowledged",
            CaseStatus::Returned => "returned",
            CaseStatus::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// Where the district says a case stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeedbackState {
    /// The bundle with the case arrived at the district office.
    Received,
    /// Proposed to Kemensos in SIKS-NG (or to Dinkes / BPJS).
    Proposed,
    /// Accepted: the citizen is (re)enrolled.
    Accepted,
    /// Rejected, with the reason.
    Rejected,
    /// Returned to the village, with what is missing.
    Returned,
}

impl FeedbackState {
    pub const ALL: [FeedbackState; 5] = [
        FeedbackState::Received,
        FeedbackState::Proposed,
        FeedbackState::Accepted,
        FeedbackState::Rejected,
        FeedbackState::Returned,
    ];

    pub fn code(self) -> &'static str {
        match self {
            FeedbackState::Received => "received",
            FeedbackState::Proposed => "proposed",
            FeedbackState::Accepted => "accepted",
            FeedbackState::Rejected => "rejected",
            FeedbackState::Returned => "returned",
        }
    }
}

/// The district's latest answer about a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DistrictAnswer {
    pub state: FeedbackState,
    pub reason: Option<String>,
    pub missing: Vec<String>,
    pub at: Millis,
}

/// A photo kept for a document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Photo {
    pub sha256: String,
    pub bytes: u32,
    pub width: u32,
    pub height: u32,
    pub at: Millis,
}

/// What is known of one document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct DocumentState {
    /// The latest mark; a photo counts as present unless marked missing
    /// after it.
    pub present: Option<bool>,
    pub photos: Vec<Photo>,
}

impl DocumentState {
    pub fn is_present(&self) -> bool {
        self.present == Some(true)
    }
}

/// Why events cannot be folded into a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FoldError {
    /// No `Created` event: the history's beginning is missing.
    NotCreated,
    /// Events of another case mixed in.
    ForeignEvent { id: String },
}

/// A case's state, folded from its history.
#[derive(Debug, Clone, PartialEq)]
pub struct Case {
    pub id: String,
    pub pack: String,
    pub version: u32,
    pub procedure: String,
    pub created_at: Millis,
    /// The device that created the case (its `created` event's device).
    pub origin: String,
    pub applicant: Applicant,
    pub documents: BTreeMap<String, DocumentState>,
    /// Steps completed and decisions answered, in time order.
    pub moves: Vec<Move>,
    /// The reason given with each decision answer, by node.
    pub reasons: BTreeMap<String, String>,
    /// The values steps produced (`domain::outputs`), by output id: the
    /// latest step event's.
    pub outputs: BTreeMap<String, String>,
    /// The latest hand-over status set by an event; a feedback event from
    /// the district counts as `Acknowledged`.
    pub handed_over: Option<CaseStatus>,
    /// The district's latest answer, if any.
    pub answer: Option<DistrictAnswer>,
    /// The latest return to the village: the role that recorded it (if
    /// the office has staff) and when. A village's fix after it sends the
    /// case back to that lane at the office.
    pub returned_by: Option<(Option<String>, Millis)>,
    /// The case this one was merged into, as a duplicate.
    pub merged_into: Option<String>,
    /// The duplicates merged into this case.
    pub merged_from: Vec<String>,
    /// The latest change to the applicant, documents, steps or decisions:
    /// a village's fix after a return brings the case back to its lane.
    pub worked_at: Millis,
    pub updated_at: Millis,
    /// The history, sorted by time then id.
    pub events: Vec<Event>,
}

/// The events in fold order: by time, then id (ties broken the same way
/// on every device).
pub fn sort_events(events: &mut [Event]) {
    crate::domain::order::sort_by(events, |a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
}

/// The union of two histories, each event once, in fold order.
pub fn merge(a: &[Event], b: &[Event]) -> Vec<Event> {
    let mut seen = std::collections::HashSet::with_capacity(a.len() + b.len());
    let mut out: Vec<Event> = a
        .iter()
        .chain(b)
        .filter(|e| seen.insert(e.id.as_str()))
        .cloned()
        .collect();
    sort_events(&mut out);
    out
}

impl Case {
    /// Folds a case's events (in any order) into its state.
    pub fn fold(events: &[Event]) -> Result<Case, FoldError> {
        Case::fold_owned(events.to_vec())
    }

    /// `fold` taking the events by value: they become the case's history
    /// without a copy (an import folds tens of thousands of cases).
    pub fn fold_owned(mut events: Vec<Event>) -> Result<Case, FoldError> {
        sort_events(&mut events);
        let (created, pack, version, procedure) = events
            .iter()
            .find_map(|e| match &e.kind {
                EventKind::Created {
                    pack,
                    version,
                    procedure,
                } => Some((e, pack.clone(), *version, procedure.clone())),
                _ => None,
            })
            .ok_or(FoldError::NotCreated)?;
        let id = created.case_id.clone();
        let created_at = created.at;
        let origin = created.device.clone();
        if let Some(e) = events.iter().find(|e| e.case_id != id) {
            return Err(FoldError::ForeignEvent { id: e.id.clone() });
        }
        let mut case = Case {
            id,
            pack,
            version,
            procedure,
            created_at,
            origin,
            applicant: Applicant::default(),
            documents: BTreeMap::new(),
            moves: Vec::new(),
            reasons: BTreeMap::new(),
            outputs: BTreeMap::new(),
            handed_over: None,
            answer: None,
            returned_by: None,
            merged_into: None,
            merged_from: Vec::new(),
            worked_at: created_at,
            updated_at: created_at,
            events: Vec::new(),
        };
        for e in &events {
            case.updated_at = case.updated_at.max(e.at);
            if matches!(
                e.kind,
                EventKind::FieldSet { .. }
                    | EventKind::DocumentAttached { .. }
                    | EventKind::DocumentMarked { .. }
                    | EventKind::StepCompleted { .. }
                    | EventKind::DecisionAnswered { .. }
            ) {
                case.worked_at = case.worked_at.max(e.at);
                // Work after a return reopens the case: it is the
                // village's again, to send once more.
                let after_return = case
                    .answer
                    .as_ref()
                    .is_some_and(|a| a.state == FeedbackState::Returned && e.at > a.at);
                if after_return && case.handed_over == Some(CaseStatus::Acknowledged) {
                    case.handed_over = None;
                }
                // The village changed a case after sending it: ready to
                // send again (the office holds the older copy).
                if e.device == case.origin && case.handed_over == Some(CaseStatus::Sent) {
                    case.handed_over = None;
                }
            }
            match &e.kind {
                EventKind::Created { .. }
                | EventKind::Note { .. }
                | EventKind::LetterIssued { .. }
                | EventKind::Unknown { .. } => {}
                EventKind::FieldSet { field, value } => case.applicant.set(*field, value),
                EventKind::DocumentAttached {
                    document,
                    sha256,
                    bytes,
                    width,
                    height,
                } => {
                    let doc = case.documents.entry(document.clone()).or_default();
                    if !doc.photos.iter().any(|p| &p.sha256 == sha256) {
                        doc.photos.push(Photo {
                            sha256: sha256.clone(),
                            bytes: *bytes,
                            width: *width,
                            height: *height,
                            at: e.at,
                        });
                    }
                    doc.present = Some(true);
                }
                EventKind::DocumentMarked { document, present } => {
                    case.documents.entry(document.clone()).or_default().present = Some(*present);
                }
                EventKind::StepCompleted { node, outputs } => {
                    case.moves.push(Move {
                        node: node.clone(),
                        answer: None,
                        at: e.at,
                    });
                    case.outputs
                        .extend(outputs.iter().map(|(k, v)| (k.clone(), v.clone())));
                }
                EventKind::DecisionAnswered {
                    node,
                    answer,
                    reason,
                } => {
                    case.moves.push(Move {
                        node: node.clone(),
                        answer: Some(answer.clone()),
                        at: e.at,
                    });
                    if let Some(r) = reason.as_ref().filter(|r| !r.trim().is_empty()) {
                        case.reasons
                            .insert(node.clone(), super::text::visible(r).trim().to_string());
                    }
                }
                // `returned` is derived from the answer, never set.
                EventKind::StatusChanged {
                    status: CaseStatus::Returned,
                } => {}
                EventKind::StatusChanged { status } => case.handed_over = Some(*status),
                EventKind::Merged { from } => {
                    if !case.merged_from.contains(from) {
                        case.merged_from.push(from.clone());
                    }
                }
                EventKind::MergedInto { case: into } => {
                    case.merged_into = Some(into.clone());
                    // The district's answer: the case arrived.
                    case.handed_over =
                        Some(case.handed_over.map_or(CaseStatus::Acknowledged, |s| {
                            s.max(CaseStatus::Acknowledged)
                        }));
                }
                EventKind::Feedback {
                    state,
                    reason,
                    missing,
                } => {
                    // Any answer means the case arrived; archiving stays.
                    case.handed_over =
                        Some(case.handed_over.map_or(CaseStatus::Acknowledged, |s| {
                            s.max(CaseStatus::Acknowledged)
                        }));
                    // A receipt never hides an answer given before it,
                    // unless the village worked on the case since (a
                    // returned case fixed and sent again).
                    let substantive = case.answer.as_ref().is_some_and(|a| {
                        a.state != FeedbackState::Received && a.at >= case.worked_at
                    });
                    if *state == FeedbackState::Received && substantive {
                        continue;
                    }
                    match state {
                        FeedbackState::Returned => {
                            case.returned_by = Some((e.role.clone(), e.at));
                        }
                        FeedbackState::Received => {}
                        _ => case.returned_by = None,
                    }
                    case.answer = Some(DistrictAnswer {
                        state: *state,
                        reason: reason
                            .as_deref()
                            .map(|r| super::text::visible(r).into_owned())
                            .filter(|r| !r.trim().is_empty()),
                        missing: missing.clone(),
                        at: e.at,
                    });
                }
            }
        }
        case.events = events;
        Ok(case)
    }

    /// The documents provided (present), for the engine's checklist.
    pub fn provided(&self) -> BTreeSet<String> {
        crate::domain::order::set_of(
            self.documents
                .iter()
                .filter(|(_, d)| d.is_present())
                .map(|(id, _)| id.clone()),
        )
    }

    /// Walks the case with the engine of its own procedure version.
    pub fn walk(&self, engine: &Engine) -> Folded {
        let mut ignored = Vec::new();
        let mut walk = match engine.walk(self.created_at, &[]) {
            Ok(w) => w,
            Err(e) => {
                return Folded {
                    walk: None,
                    ignored: vec![(None, e)],
                }
            }
        };
        for m in &self.moves {
            if let Err(e) = engine.apply(&mut walk, m) {
                ignored.push((Some(m.clone()), e));
            }
        }
        Folded {
            walk: Some(walk),
            ignored,
        }
    }

    /// The status for lists: hand-over statuses once set, else finished
    /// when the walk reached an end, else draft; a case the district
    /// returned and nobody worked on since is `Returned`.
    pub fn status(&self, walk: Option<&Walk>) -> CaseStatus {
        let derived = match walk.and_then(|w| w.outcome) {
            Some(_) => CaseStatus::Finished,
            None => CaseStatus::Draft,
        };
        let status = self.handed_over.map_or(derived, |s| s.max(derived));
        if status == CaseStatus::Acknowledged && self.awaits_fix() {
            CaseStatus::Returned
        } else {
            status
        }
    }

    /// Whether the latest answer returned the case and nothing was
    /// worked on it after that answer.
    pub fn awaits_fix(&self) -> bool {
        self.answer
            .as_ref()
            .is_some_and(|a| a.state == FeedbackState::Returned && a.at >= self.worked_at)
    }

    /// Whether the district returned the case and the village has worked
    /// on it since: a fix, to be sent (or already sent) again.
    pub fn reopened(&self) -> bool {
        self.merged_into.is_none()
            && self
                .returned_by
                .as_ref()
                .is_some_and(|(_, at)| self.worked_at > *at)
            && self.answer.as_ref().is_some_and(|a| {
                matches!(a.state, FeedbackState::Returned | FeedbackState::Received)
            })
    }

    /// Whether the district has put the case out of its lanes: merged
    /// into a duplicate, or rejected or returned to the village with
    /// nothing worked on it since (a village's fix brings it back).
    pub fn off_lanes(&self) -> bool {
        self.merged_into.is_some()
            || self.answer.as_ref().is_some_and(|a| {
                matches!(a.state, FeedbackState::Rejected | FeedbackState::Returned)
                    && a.at >= self.worked_at
            })
    }

    /// Whether a letter of the template `letter` was issued for the case
    /// (a `letter_issued` event names it).
    pub fn has_letter(&self, letter: &str) -> bool {
        self.events
            .iter()
            .any(|e| matches!(&e.kind, EventKind::LetterIssued { letter: l, .. } if l == letter))
    }

    /// How a move would change the walk, without recording it: `Err` says
    /// why it cannot be made now.
    pub fn check_move(&self, engine: &Engine, m: &Move) -> Result<Walk, MoveError> {
        let mut walk = self.walk(engine).walk.ok_or(MoveError::NoStart)?;
        engine.apply(&mut walk, m)?;
        Ok(walk)
    }

    /// Documents asked for by the steps the case went through (and the one
    /// it is on) that were never provided, in the order first asked:
    /// the list shown when a case ends refused or returned.
    pub fn missing_documents(&self, engine: &Engine, walk: &Walk, offset: i32) -> Vec<String> {
        let today = local_date(walk.since, offset);
        let applicant = super::engine::Applicant {
            birth_date: self.applicant.birth_date(today),
        };
        let provided = self.provided();
        let mut out: Vec<String> = Vec::new();
        let nodes = walk
            .visits
            .iter()
            .map(|v| v.node.as_str())
            .chain(std::iter::once(walk.current.as_str()));
        for node in nodes {
            let probe = Walk {
                visits: Vec::new(),
                current: node.to_string(),
                since: walk.since,
                outcome: None,
            };
            for d in engine.missing_documents(&probe, applicant, &provided, today) {
                if !out.iter().any(|o| o == d) {
                    out.push(d.to_string());
                }
            }
        }
        out
    }
}

/// Where a case's walk stands, and the moves the engine refused.
#[derive(Debug, Clone, PartialEq)]
pub struct Folded {
    /// `None` only when the procedure has no start (a broken pack).
    pub walk: Option<Walk>,
    pub ignored: Vec<(Option<Move>, MoveError)>,
}

/// The outcomes reachable from `node`: a reason is required before an
/// answer that can only lead to a return.
pub fn reachable_outcomes(engine: &Engine, node: &str) -> BTreeSet<Outcome> {
    let mut seen = BTreeSet::new();
    let mut stack = vec![node.to_string()];
    let mut out = BTreeSet::new();
    while let Some(id) = stack.pop() {
        if !seen.insert(id.clone()) {
            continue;
        }
        if let Some(n) = engine.procedure.node(&id) {
            if let NodeKind::End { outcome, .. } = n.kind {
                out.insert(outcome);
            }
            stack.extend(n.kind.edges().into_iter().map(|(_, next)| next.to_string()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_code_round_trips_and_matches_its_serialised_form() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_code(s.code()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", s.code()),
                "index keys are the codes"
            );
        }
        assert_eq!(CaseStatus::from_code("open"), None);
    }

    #[test]
    fn summary_keeps_a_papua_nik_exact() {
        let row = CaseSummary {
            id: "c1".into(),
            procedure_id: "purwakarta.enrolment".into(),
            applicant_name: "Yohana Wenda".into(),
            nik: "9471015501990003".into(),
            status: CaseStatus::Draft,
            updated_at: 1.0,
            rank: -1.0,
            created_at: 1.0,
            node: "bring_letter".into(),
            outcome: None,
            words: vec!["wenda".into(), "yohana".into()],
            origin: "d1".into(),
            lane: "pemohon".into(),
            due: 600_001.0,
            deadline: Some(600_001.0),
            since: 1.0,
            village: "Wamena".into(),
            on_time: vec!["check".into()],
            over: vec![],
            merged_into: None,
            settled: false,
            answer: None,
            answer_reason: None,
        };
        let json = serde_json::to_string(&row).unwrap();
        assert!(json.contains("\"nik\":\"9471015501990003\""), "{json}");
        let back: CaseSummary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, row);
    }
}
