//! An event of a case's history, and how it is read and written so that
//! a newer Pandu's events are kept as they came.

use super::*;

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

/// What happened. Externally tagged: `{"field_set": {...}}`; read by
/// hand (`event_read.rs`), in serde's terms.
#[derive(Debug, Clone, PartialEq, Serialize)]
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
