//! A little history writer for tests: one device, events a minute apart
//! from 09:00 WIB on 23 November 2026.
#![allow(dead_code)]

use pandu::domain::applicant::Field;
use pandu::domain::case::{Event, EventKind};
use pandu::domain::date::{local_midnight, Date, Millis, MINUTE};

pub const WIB: i32 = 7 * 60;

pub fn t0() -> Millis {
    local_midnight(Date::new(2026, 11, 23).unwrap(), WIB) + 9 * 60 * MINUTE
}

/// A little history writer: one device, events a minute apart.
pub struct Recorder {
    pub device: &'static str,
    pub case: &'static str,
    pub n: i64,
    pub events: Vec<Event>,
}

impl Recorder {
    pub fn new(device: &'static str, case: &'static str, start_minute: i64) -> Self {
        Recorder {
            device,
            case,
            n: start_minute,
            events: Vec::new(),
        }
    }

    pub fn push(&mut self, kind: EventKind) -> &mut Self {
        self.n += 1;
        self.events.push(Event {
            verbatim: None,
            id: format!("{}-{}", self.device, self.n),
            case_id: self.case.into(),
            at: t0() + self.n * MINUTE,
            device: self.device.into(),
            officer: "Ibu Sari".into(),
            role: None,
            kind,
        });
        self
    }

    pub fn created(&mut self, pack: &str, procedure: &str) -> &mut Self {
        self.push(EventKind::Created {
            pack: pack.into(),
            version: 1,
            procedure: procedure.into(),
        })
    }

    pub fn field(&mut self, field: Field, value: &str) -> &mut Self {
        self.push(EventKind::FieldSet {
            field,
            value: value.into(),
        })
    }

    /// The applicant's name and NIK, the least a record needs.
    pub fn applicant(&mut self, name: &str, nik: &str) -> &mut Self {
        self.field(Field::FullName, name).field(Field::Nik, nik)
    }

    pub fn step(&mut self, node: &str) -> &mut Self {
        self.push(EventKind::StepCompleted {
            node: node.into(),
            outputs: Default::default(),
        })
    }

    /// A step done with what it produced (`Step::outputs`).
    #[allow(dead_code)]
    pub fn step_with(&mut self, node: &str, outputs: &[(&str, &str)]) -> &mut Self {
        self.push(EventKind::StepCompleted {
            node: node.into(),
            outputs: outputs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect(),
        })
    }

    pub fn answer(&mut self, node: &str, answer: &str, reason: Option<&str>) -> &mut Self {
        self.push(EventKind::DecisionAnswered {
            node: node.into(),
            answer: answer.into(),
            reason: reason.map(str::to_string),
        })
    }

    pub fn mark(&mut self, document: &str, present: bool) -> &mut Self {
        self.push(EventKind::DocumentMarked {
            document: document.into(),
            present,
        })
    }

    pub fn photo(&mut self, document: &str, sha: &str) -> &mut Self {
        self.push(EventKind::DocumentAttached {
            document: document.into(),
            sha256: sha.into(),
            bytes: 150_000,
            width: 1600,
            height: 1200,
        })
    }
}
