//! `EventKind` is read by hand (`src/domain/case/event_read.rs`). This
//! holds it to serde's derived reader of the same shape: on every kind,
//! whole, short, with extra and repeated fields, as a list, and broken,
//! both read the same event or refuse in the same words.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;

use pandu::domain::applicant::Field;
use pandu::domain::case::{CaseStatus, EventKind, FeedbackState};
use serde::Deserialize;

/// `EventKind` as it was declared for serde's derive (its name is in
/// serde's messages).
mod derived {
    use super::*;

    #[derive(Deserialize)]
    #[serde(rename_all = "snake_case")]
    #[allow(dead_code)]
    pub enum EventKind {
        Created {
            pack: String,
            version: u32,
            procedure: String,
        },
        FieldSet {
            field: Field,
            value: String,
        },
        DocumentAttached {
            document: String,
            sha256: String,
            bytes: u32,
            width: u32,
            height: u32,
        },
        DocumentMarked {
            document: String,
            present: bool,
        },
        StepCompleted {
            node: String,
            #[serde(default)]
            outputs: BTreeMap<String, String>,
        },
        DecisionAnswered {
            node: String,
            answer: String,
            #[serde(default)]
            reason: Option<String>,
        },
        Note {
            text: String,
        },
        LetterIssued {
            letter: String,
            number: String,
            digest: String,
        },
        Merged {
            from: String,
        },
        MergedInto {
            case: String,
        },
        StatusChanged {
            status: CaseStatus,
        },
        Feedback {
            state: FeedbackState,
            #[serde(default)]
            reason: Option<String>,
            #[serde(default)]
            missing: Vec<String>,
        },
        #[serde(skip)]
        Unknown {
            kind: String,
        },
    }
}

use derived::EventKind as Derived;

impl From<Derived> for EventKind {
    fn from(d: Derived) -> EventKind {
        match d {
            Derived::Created {
                pack,
                version,
                procedure,
            } => EventKind::Created {
                pack,
                version,
                procedure,
            },
            Derived::FieldSet { field, value } => EventKind::FieldSet { field, value },
            Derived::DocumentAttached {
                document,
                sha256,
                bytes,
                width,
                height,
            } => EventKind::DocumentAttached {
                document,
                sha256,
                bytes,
                width,
                height,
            },
            Derived::DocumentMarked { document, present } => {
                EventKind::DocumentMarked { document, present }
            }
            Derived::StepCompleted { node, outputs } => EventKind::StepCompleted { node, outputs },
            Derived::DecisionAnswered {
                node,
                answer,
                reason,
            } => EventKind::DecisionAnswered {
                node,
                answer,
                reason,
            },
            Derived::Note { text } => EventKind::Note { text },
            Derived::LetterIssued {
                letter,
                number,
                digest,
            } => EventKind::LetterIssued {
                letter,
                number,
                digest,
            },
            Derived::Merged { from } => EventKind::Merged { from },
            Derived::MergedInto { case } => EventKind::MergedInto { case },
            Derived::StatusChanged { status } => EventKind::StatusChanged { status },
            Derived::Feedback {
                state,
                reason,
                missing,
            } => EventKind::Feedback {
                state,
                reason,
                missing,
            },
            Derived::Unknown { kind } => EventKind::Unknown { kind },
        }
    }
}

/// Each kind with a good value for every field, in declaration order.
fn kinds() -> Vec<(&'static str, Vec<(&'static str, &'static str)>)> {
    vec![
        (
            "created",
            vec![
                ("pack", r#""p""#),
                ("version", "3"),
                ("procedure", r#""x""#),
            ],
        ),
        (
            "field_set",
            vec![("field", r#""nik""#), ("value", r#""1""#)],
        ),
        (
            "document_attached",
            vec![
                ("document", r#""ktp""#),
                ("sha256", r#""ab""#),
                ("bytes", "10"),
                ("width", "20"),
                ("height", "30"),
            ],
        ),
        (
            "document_marked",
            vec![("document", r#""ktp""#), ("present", "true")],
        ),
        (
            "step_completed",
            vec![("node", r#""s1""#), ("outputs", r#"{"o":"v"}"#)],
        ),
        (
            "decision_answered",
            vec![
                ("node", r#""d1""#),
                ("answer", r#""ya""#),
                ("reason", r#""r""#),
            ],
        ),
        ("note", vec![("text", r#""t""#)]),
        (
            "letter_issued",
            vec![
                ("letter", r#""l""#),
                ("number", r#""n""#),
                ("digest", r#""g""#),
            ],
        ),
        ("merged", vec![("from", r#""c1""#)]),
        ("merged_into", vec![("case", r#""c2""#)]),
        ("status_changed", vec![("status", r#""sent""#)]),
        (
            "feedback",
            vec![
                ("state", r#""returned""#),
                ("reason", r#""r""#),
                ("missing", r#"["kk"]"#),
            ],
        ),
    ]
}

fn object(fields: &[(&str, &str)]) -> String {
    let inner: Vec<String> = fields
        .iter()
        .map(|(k, v)| format!(r#""{k}":{v}"#))
        .collect();
    format!("{{{}}}", inner.join(","))
}

/// Every input tried: each kind whole, with each field left out, with a
/// field of another kind of another type, with a field twice, with a
/// `null` in each field, with each field of the wrong type, as a list
/// whole and cut short; and broken outer shapes.
fn inputs() -> Vec<String> {
    let mut out = Vec::new();
    for (name, fields) in kinds() {
        let wrap = |body: String| format!(r#"{{"{name}":{body}}}"#);
        out.push(wrap(object(&fields)));
        out.push(wrap("{}".into()));
        for i in 0..fields.len() {
            let mut less = fields.clone();
            less.remove(i);
            out.push(wrap(object(&less)));
            let mut null = fields.clone();
            null[i].1 = "null";
            out.push(wrap(object(&null)));
            let mut wrong = fields.clone();
            wrong[i].1 = if fields[i].1.starts_with('"') {
                "7"
            } else {
                r#""seven""#
            };
            out.push(wrap(object(&wrong)));
            let mut twice = fields.clone();
            twice.push(fields[i]);
            out.push(wrap(object(&twice)));
            let list: Vec<&str> = fields[..i].iter().map(|f| f.1).collect();
            out.push(wrap(format!("[{}]", list.join(","))));
        }
        let mut extra = fields.clone();
        extra.insert(0, ("status", "5"));
        extra.push(("newer_field", r#"{"deep":[1,2]}"#));
        out.push(wrap(object(&extra)));
        let list: Vec<&str> = fields.iter().map(|f| f.1).collect();
        out.push(wrap(format!("[{}]", list.join(","))));
        out.push(wrap(format!("[{},1]", list.join(","))));
        out.push(wrap(r#""text""#.into()));
        out.push(wrap("null".into()));
        out.push(format!(r#""{name}""#));
    }
    for broken in [
        r#"{"rhombus":{}}"#,
        r#"{"unknown":{"kind":"x"}}"#,
        r#"{}"#,
        r#"{"note":{"text":"a"},"merged":{"from":"b"}}"#,
        r#"[]"#,
        r#"5"#,
        r#"null"#,
        r#"{"field_set":{"field":"newer_field","value":"1"}}"#,
        r#"{"status_changed":{"status":"newer_status"}}"#,
        r#"{"feedback":{"state":"newer_state"}}"#,
        r#"{"note":{"text":"a\u0000b"}}"#,
    ] {
        out.push(broken.into());
    }
    out
}

#[test]
fn each_kind_reads_as_serde_derived_reader_read_it() {
    let mut compared = 0;
    for input in inputs() {
        let ours = serde_json::from_str::<EventKind>(&input).map_err(|e| e.to_string());
        let derived = serde_json::from_str::<Derived>(&input)
            .map(EventKind::from)
            .map_err(|e| e.to_string());
        assert_eq!(ours, derived, "input {input}");
        compared += 1;
    }
    assert!(compared > 200, "only {compared} inputs");
}

#[test]
fn the_shapes_agree_with_the_kinds_names() {
    // Every kind this version writes is read back as itself.
    for (name, fields) in kinds() {
        let text = format!(r#"{{"{name}":{}}}"#, object(&fields));
        let kind: EventKind = serde_json::from_str(&text).unwrap();
        let again = serde_json::to_string(&kind).unwrap();
        assert_eq!(
            serde_json::from_str::<serde_json::Value>(&again).unwrap(),
            serde_json::from_str::<serde_json::Value>(&text).unwrap(),
            "{name}"
        );
        assert!(EventKind::NAMES.contains(&name));
    }
    assert_eq!(kinds().len(), EventKind::NAMES.len());
}
