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

/// One thing that happened to a case.
///
/// Forward compatible (`docs/bundle-format.md`): an event written by a
/// newer Pandu, of a kind this version does not know or with fields it
/// does not know, is kept exactly as it came (`verbatim`), merged by its
/// id like any other and written back unchanged; its known part (if any)
/// counts, the rest waits for an update.
#[derive(Debug, Clone, PartialEq)]
pub struct Event {
    /// Unique across devices: the device id, the time and a random part.
    pub id: String,
    pub case_id: String,
    /// Milliseconds since the Unix epoch, by the recording device's clock.
    pub at: Millis,
    /// The recording device's id.
    pub device: String,
    /// The officer's name on that device.
    pub officer: String,
    /// The pack role the officer acted as, for steps and decisions.
    pub role: Option<String>,
    pub kind: EventKind,
    /// The event as received, when it holds something this version does
    /// not know; `None` for every event this version wrote or fully reads.
    pub verbatim: Option<Verbatim>,
}

/// An event's JSON exactly as a newer Pandu wrote it.
#[derive(Debug, Clone)]
pub struct Verbatim(Box<serde_json::value::RawValue>);

impl Verbatim {
    pub fn json(&self) -> &str {
        self.0.get()
    }
}

/// Whether two JSON texts say the same: equal text, or equal values (a
/// browser's store may have re-spaced one).
fn same_json(a: &str, b: &str) -> bool {
    a == b
        || serde_json::from_str::<serde_json::Value>(a).ok()
            == serde_json::from_str::<serde_json::Value>(b).ok()
}

impl PartialEq for Verbatim {
    fn eq(&self, other: &Verbatim) -> bool {
        same_json(self.json(), other.json())
    }
}

/// The known shape of an event, as this version writes it.
#[derive(Serialize, Deserialize)]
struct Known<'a> {
    #[serde(borrow)]
    id: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    case_id: std::borrow::Cow<'a, str>,
    at: Millis,
    #[serde(borrow)]
    device: std::borrow::Cow<'a, str>,
    #[serde(borrow)]
    officer: std::borrow::Cow<'a, str>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    role: Option<String>,
    kind: EventKind,
}

/// An event of a kind this version does not know: its common fields,
/// and the kind's name.
#[derive(Deserialize)]
struct Envelope {
    id: String,
    case_id: String,
    at: Millis,
    device: String,
    officer: String,
    #[serde(default)]
    role: Option<String>,
    kind: BTreeMap<String, serde::de::IgnoredAny>,
}

impl Serialize for Event {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if let Some(v) = &self.verbatim {
            return v.0.serialize(s);
        }
        Known {
            id: self.id.as_str().into(),
            case_id: self.case_id.as_str().into(),
            at: self.at,
            device: self.device.as_str().into(),
            officer: self.officer.as_str().into(),
            role: self.role.clone(),
            kind: self.kind.clone(),
        }
        .serialize(s)
    }
}

impl<'de> Deserialize<'de> for Event {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Event, D::Error> {
        use serde::de::Error;
        let raw = <Box<serde_json::value::RawValue>>::deserialize(d)?;
        let text = raw.get();
        match serde_json::from_str::<Known>(text) {
            Ok(k) => {
                let event = Event {
                    id: k.id.into_owned(),
                    case_id: k.case_id.into_owned(),
                    at: k.at,
                    device: k.device.into_owned(),
                    officer: k.officer.into_owned(),
                    role: k.role,
                    kind: k.kind,
                    verbatim: None,
                };
                // Written back the same: nothing unknown in it.
                let same = serde_json::to_string(&event).is_ok_and(|again| same_json(&again, text));
                Ok(Event {
                    verbatim: (!same).then_some(Verbatim(raw)),
                    ..event
                })
            }
            Err(known_error) => {
                let e: Envelope = serde_json::from_str(text).map_err(D::Error::custom)?;
                let mut names = e.kind.into_keys();
                let (Some(kind), None) = (names.next(), names.next()) else {
                    return Err(D::Error::custom(known_error));
                };
                // A kind this version knows, in a shape it cannot read, is
                // broken, unless a newer version gave one of its fields a
                // value this one has no name for (a new answer, a new
                // applicant field).
                let newer_value = known_error.to_string().starts_with("unknown variant");
                if EventKind::NAMES.contains(&kind.as_str()) && !newer_value {
                    return Err(D::Error::custom(known_error));
                }
                Ok(Event {
                    id: e.id,
                    case_id: e.case_id,
                    at: e.at,
                    device: e.device,
                    officer: e.officer,
                    role: e.role,
                    kind: EventKind::Unknown { kind },
                    verbatim: Some(Verbatim(raw)),
                })
            }
        }
    }
}

impl Event {
    /// Every text the event carries, named and with its kind, for the
    /// import's checks (`domain::text`).
    pub fn texts(&self) -> Vec<(&'static str, &str, TextKind)> {
        use TextKind::*;
        let mut out: Vec<(&'static str, &str, TextKind)> = vec![
            ("event.id", &self.id, Token),
            ("event.case_id", &self.case_id, Token),
            ("event.device", &self.device, Token),
            ("event.officer", &self.officer, OfficerName),
        ];
        if let Some(r) = &self.role {
            out.push(("event.role", r, Token));
        }
        match &self.kind {
            EventKind::Created {
                pack, procedure, ..
            } => {
                out.push(("created.pack", pack, Token));
                out.push(("created.procedure", procedure, Token));
            }
            EventKind::FieldSet { field, value } => {
                out.push((field.code(), value, field.text_kind()));
            }
            EventKind::DocumentAttached {
                document, sha256, ..
            } => {
                out.push(("document", document, Token));
                out.push(("document.sha256", sha256, Token));
            }
            EventKind::DocumentMarked { document, .. } => out.push(("document", document, Token)),
            EventKind::StepCompleted { node, outputs } => {
                out.push(("step", node, Token));
                for (id, v) in outputs {
                    out.push(("step.output", id, Token));
                    out.push(("step.output", v, Token));
                }
            }
            EventKind::DecisionAnswered {
                node,
                answer,
                reason,
            } => {
                out.push(("decision", node, Token));
                out.push(("decision.answer", answer, Token));
                if let Some(r) = reason {
                    out.push(("decision.reason", r, Reason));
                }
            }
            EventKind::Note { text } => out.push(("note", text, Note)),
            EventKind::LetterIssued {
                letter,
                number,
                digest,
            } => {
                out.push(("letter", letter, Token));
                out.push(("letter.number", number, Token));
                out.push(("letter.digest", digest, Token));
            }
            EventKind::Merged { from } => out.push(("merged.from", from, Token)),
            EventKind::MergedInto { case } => out.push(("merged_into", case, Token)),
            EventKind::StatusChanged { .. } | EventKind::Unknown { .. } => {}
            EventKind::Feedback {
                reason, missing, ..
            } => {
                if let Some(r) = reason {
                    out.push(("answer.reason", r, Reason));
                }
                out.extend(
                    missing
                        .iter()
                        .map(|m| ("answer.missing", m.as_str(), Token)),
                );
            }
        }
        out
    }
}

/// What happened. Externally tagged: `{"field_set": {...}}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    /// The case began under this exact pack version and procedure.
    Created {
        pack: String,
        version: u32,
        procedure: String,
    },
    FieldSet {
        field: Field,
        value: String,
    },
    /// A photo of a document, stored under its SHA-256.
    DocumentAttached {
        document: String,
        sha256: String,
        bytes: u32,
        width: u32,
        height: u32,
    },
    /// The officer saw the document (or found it missing).
    DocumentMarked {
        document: String,
        present: bool,
    },
    StepCompleted {
        node: String,
        /// What the step produced (`domain::outputs`), by output id.
        #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
        outputs: BTreeMap<String, String>,
    },
    DecisionAnswered {
        node: String,
        answer: String,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
    },
    Note {
        text: String,
    },
    /// A letter made from the pack's template (`domain::letters`), with
    /// its number from the office's register and the digest its QR code
    /// carries.
    LetterIssued {
        letter: String,
        number: String,
        digest: String,
    },
    /// District: a duplicate case of the same person, from another
    /// village, was merged into this one (its fields and documents were
    /// copied over as ordinary events just before).
    Merged {
        from: String,
    },
    /// District: this case was merged into `case` (the same person's case
    /// from another village); it leaves every lane. Sent back to the
    /// village as an answer.
    MergedInto {
        case: String,
    },
    /// A hand-over status: sent, acknowledged, archived.
    StatusChanged {
        status: CaseStatus,
    },
    /// The district's answer, recorded on the district's device and sent
    /// back to the village in a feedback bundle.
    Feedback {
        state: FeedbackState,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        reason: Option<String>,
        /// Documents the village must still bring (returned cases).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        missing: Vec<String>,
    },
    /// A kind a newer Pandu wrote, by its name: the event is kept as it
    /// came (`Event::verbatim`) and changes nothing here. Never written
    /// by this version, and never read as such (`Event`'s deserialiser
    /// makes it).
    #[serde(skip)]
    Unknown {
        kind: String,
    },
}

impl EventKind {
    /// The kinds this version reads, by their serialised names.
    pub const NAMES: [&'static str; 12] = [
        "created",
        "field_set",
        "document_attached",
        "document_marked",
        "step_completed",
        "decision_answered",
        "note",
        "letter_issued",
        "merged",
        "merged_into",
        "status_changed",
        "feedback",
    ];
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
    events.sort_by(|a, b| a.at.cmp(&b.at).then_with(|| a.id.cmp(&b.id)));
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
        self.documents
            .iter()
            .filter(|(_, d)| d.is_present())
            .map(|(id, _)| id.clone())
            .collect()
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

    /// The case list's row for this case.
    pub fn summary(&self, walk: Option<&Walk>) -> CaseSummary {
        CaseSummary {
            id: self.id.clone(),
            procedure_id: procedure_key(&self.pack, &self.procedure),
            applicant_name: self.applicant.name().to_string(),
            nik: self.applicant.nik().to_string(),
            status: self.status(walk),
            updated_at: self.updated_at as f64,
            rank: -(self.updated_at as f64),
            created_at: self.created_at as f64,
            node: walk.map(|w| w.current.clone()).unwrap_or_default(),
            outcome: walk.and_then(|w| w.outcome),
            words: name_words(self.applicant.name()),
            origin: self.origin.clone(),
            lane: String::new(),
            due: 0.0,
            deadline: None,
            since: walk.map_or(self.created_at, |w| w.since) as f64,
            village: self.applicant.get(Field::Village).trim().to_string(),
            on_time: Vec::new(),
            over: Vec::new(),
            merged_into: self.merged_into.clone(),
            settled: self.off_lanes(),
            answer: self.answer.as_ref().map(|a| a.state),
            answer_reason: self
                .answer
                .as_ref()
                .and_then(|a| a.reason.as_deref())
                .map(|r| clip(r, REASON_CLIP)),
        }
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

/// The key of a procedure in the case list's `by_procedure_recent` index.
pub fn procedure_key(pack: &str, procedure: &str) -> String {
    format!("{pack}.{procedure}")
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

/// One row of the case list. NIK is a string: Papua's region codes put a
/// 16-digit NIK above 2^53, where a JavaScript number loses digits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    /// `pack.procedure`; the first part of the `by_procedure_recent` index key.
    pub procedure_id: String,
    pub applicant_name: String,
    pub nik: String,
    pub status: CaseStatus,
    /// Milliseconds since the Unix epoch; `rank` is its negative.
    pub updated_at: f64,
    /// `-updated_at`: the list's indexes sort by it, newest first.
    #[serde(default)]
    pub rank: f64,
    #[serde(default)]
    pub created_at: f64,
    /// The node the case stands on.
    #[serde(default)]
    pub node: String,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The name's words, lower case: the `by_word` multi-entry index.
    #[serde(default)]
    pub words: Vec<String>,
    /// The device id that created the case: the `by_origin` index, which
    /// finds a village device's cases when the district answers it.
    #[serde(default)]
    pub origin: String,
    /// The role the case waits on (`domain::lanes`); empty at an end or
    /// without its pack. With `due`, the `by_lane` index key.
    #[serde(default)]
    pub lane: String,
    /// The inbox order: the current step's deadline, or its arrival when
    /// it has no time standard (`Position::due_key`).
    #[serde(default)]
    pub due: f64,
    /// When the current step runs over its standard, if it has one.
    #[serde(default)]
    pub deadline: Option<f64>,
    /// When the case arrived at its current node.
    #[serde(default)]
    pub since: f64,
    /// The applicant's village (desa / kelurahan), for the dashboard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub village: String,
    /// The steps passed within their time standard, and those that ran
    /// over (a step passed twice is listed twice): the dashboard's
    /// compliance per step, without reading any history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_time: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub over: Vec<String>,
    /// The case it was merged into, as a duplicate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// Out of the district's lanes (`Case::off_lanes`): merged, or
    /// rejected or returned and not worked since.
    #[serde(default)]
    pub settled: bool,
    /// The district's latest answer, so the list shows it without the
    /// history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<FeedbackState>,
    /// Its reason, cut to `REASON_CLIP` characters for the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_reason: Option<String>,
}

/// How much of an answer's reason a list row carries.
pub const REASON_CLIP: usize = 140;

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('\u{2026}');
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
