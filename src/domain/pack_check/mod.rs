//! Reading and validating SOP packs. Every problem is reported at once,
//! with where it is, so a regency fixes its pack in one round; a pack with
//! any problem is refused whole and the last good pack stays in use.
//!
//! Parts: the problems and reading (here), each procedure's graph and
//! steps (`graph`), the pack's lists, letters and decrees (`papers`).

mod graph;
mod papers;

use graph::check_procedure;
use papers::{check_decrees, check_letters, check_lists};

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::order::{map_of, set_of};

use super::case::FeedbackState;
use super::procedure::{
    Catalogue, Intake, NodeKind, OutputFormat, Pack, Per, Procedure, Side, TimeStandard, TimeUnit,
};

/// One thing wrong with a pack. `procedure` and `node` say where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PackProblem {
    /// Not JSON, or JSON of the wrong shape (missing field, wrong type).
    Malformed {
        line: usize,
        column: usize,
        message: String,
    },
    NoProcedures,
    DuplicateProcedure {
        procedure: String,
    },
    DuplicateRole {
        procedure: String,
        role: String,
    },
    /// A role id names one lane in the whole pack (the district's inbox
    /// and staff go by it): here it is on the other side than before.
    RoleSideDiffers {
        procedure: String,
        role: String,
    },
    /// One of the pack's `lists` cannot be made.
    BadList {
        list: String,
        fault: ListFault,
    },
    /// One of the pack's `letters` cannot be made.
    BadLetter {
        letter: String,
        fault: LetterFault,
    },
    /// One of the pack's `decrees` cannot be made.
    BadDecree {
        decree: String,
        fault: DecreeFault,
    },
    /// Letters need a `register_format` with `{seq}` and known names.
    BadRegisterFormat,
    DuplicateNode {
        procedure: String,
        node: String,
    },
    NoStart {
        procedure: String,
    },
    ManyStarts {
        procedure: String,
        count: usize,
    },
    UnknownRole {
        procedure: String,
        node: String,
        role: String,
    },
    UnknownDocument {
        procedure: String,
        node: String,
        document: String,
    },
    /// An edge leads to a node id that does not exist.
    UnknownTarget {
        procedure: String,
        node: String,
        target: String,
    },
    /// A diamond needs at least two answers.
    TooFewAnswers {
        procedure: String,
        node: String,
    },
    DuplicateAnswer {
        procedure: String,
        node: String,
        value: String,
    },
    /// No path from the start reaches this node.
    Unreachable {
        procedure: String,
        node: String,
    },
    /// No end can be reached from this node: a dead end or a cycle with no
    /// way out.
    NeverEnds {
        procedure: String,
        node: String,
    },
    BadTime {
        procedure: String,
        node: String,
        reason: TimeProblem,
    },
    /// A step's output (or a decision's `from_output`) cannot be used.
    BadOutput {
        procedure: String,
        node: String,
        output: String,
        fault: OutputFault,
    },
    /// `head_role` is not a district role of the pack.
    BadHeadRole {
        role: String,
    },
    /// Every step and decision is the district's, yet the procedure is
    /// opened by villages and its first district steps ask for no
    /// document the village could bring: declare `"intake": "office"`.
    NoVillageIntake {
        procedure: String,
    },
    /// The procedure's `answers` cannot be used.
    BadAnswers {
        procedure: String,
        fault: AnswersFault,
    },
    /// A text holds direction or control characters (`domain::text`):
    /// `at` is its place in the file, as a JSON pointer.
    HiddenText {
        at: String,
    },
}

/// What is wrong with a procedure's `answers`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswersFault {
    /// A role that is not a district role of the procedure.
    NotDistrictRole(String),
    UnknownNode(String),
    NoChoices,
    /// `received` is the office's receipt, never a choice.
    ReceivedIsNoChoice,
    /// `when` names no decision of the procedure with that answer.
    UnknownWhen {
        node: String,
        answer: String,
    },
}

/// Why a time standard makes no sense.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimeProblem {
    ZeroDuration,
    MaxBelowAmount,
    /// Longer than a step could plausibly take (over a year).
    TooLong,
    DayOutOfMonth,
    WindowReversed,
}

/// What is wrong with a list definition.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ListFault {
    /// Another list has the id.
    Duplicate,
    UnknownProcedure(String),
    UnknownNode(String),
    /// A cut-off day outside 1-31.
    CutoffOutOfMonth,
    NoColumns,
}

/// What is wrong with a letter template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterFault {
    Duplicate,
    UnknownProcedure(String),
    UnknownNode(String),
    /// `{name}` that names nothing a letter can be filled with.
    UnknownPlaceholder(String),
    /// A fact that is not one of the applicant's fields.
    NotAFact,
    /// `signer_role` names no district role of the pack.
    UnknownSignerRole(String),
    /// A step (named) works on this letter as its `paper`, but the pack
    /// has no such letter for the step's procedure.
    NoSuchPaper(String),
    /// A cycle letter without attachment columns, or with facts (it
    /// speaks for many cases).
    BadCycle,
    /// `destination` names no `Choice` output of the letter's procedure,
    /// or its addressees are not one per option of that output.
    BadDestination(String),
}

/// What is wrong with one of a step's `outputs`, or a decision's
/// `from_output`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OutputFault {
    /// The id is used twice in the procedure, or is not lowercase
    /// letters, digits and `_`, or is an applicant field's code.
    BadId,
    /// Digits with `min` over `max` or none; a text of no or too many
    /// characters; a choice without options or with an option twice.
    BadFormat,
    /// A decision's `from_output` is no `Choice` output of an earlier
    /// step, or its options are not the decision's answers.
    NotTheAnswers,
}

/// What is wrong with one of the pack's `decrees`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecreeFault {
    Duplicate,
    /// It names no list of the pack.
    UnknownList(String),
    /// `{name}` that names nothing a decree can be filled with.
    UnknownPlaceholder(String),
    /// No columns, or one that is not one of the applicant's fields.
    BadColumns,
    /// `signer_role` names no district role of the pack.
    UnknownSignerRole(String),
}

/// Parses and validates a pack. A pack is returned only without problems.
pub fn load_pack(json: &str, catalogue: &Catalogue) -> Result<Pack, Vec<PackProblem>> {
    let pack: Pack = serde_json::from_str(json).map_err(|e| {
        vec![PackProblem::Malformed {
            line: e.line(),
            column: e.column(),
            message: e.to_string(),
        }]
    })?;
    let mut problems = hidden_texts(json);
    problems.extend(validate(&pack, catalogue));
    if problems.is_empty() {
        Ok(pack)
    } else {
        Err(problems)
    }
}

/// Every string of the file holding direction or control characters
/// (line breaks and tabs allowed: a pack's notes may have them).
fn hidden_texts(json: &str) -> Vec<PackProblem> {
    fn walk(v: &serde_json::Value, at: &mut String, out: &mut Vec<PackProblem>) {
        match v {
            serde_json::Value::String(s)
                if s.chars()
                    .any(|c| super::text::is_hidden(c, super::text::TextKind::Note)) =>
            {
                out.push(PackProblem::HiddenText { at: at.clone() });
            }
            serde_json::Value::Array(a) => {
                for (i, v) in a.iter().enumerate() {
                    let len = at.len();
                    at.push_str(&format!("/{i}"));
                    walk(v, at, out);
                    at.truncate(len);
                }
            }
            serde_json::Value::Object(o) => {
                for (k, v) in o {
                    let len = at.len();
                    at.push('/');
                    at.push_str(k);
                    walk(v, at, out);
                    at.truncate(len);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(json) {
        walk(&v, &mut String::new(), &mut out);
    }
    out
}

/// Parses the document catalogue.
pub fn load_catalogue(json: &str) -> Result<Catalogue, PackProblem> {
    serde_json::from_str(json).map_err(|e| PackProblem::Malformed {
        line: e.line(),
        column: e.column(),
        message: e.to_string(),
    })
}

/// Every problem of a parsed pack, in a stable order.
pub fn validate(pack: &Pack, catalogue: &Catalogue) -> Vec<PackProblem> {
    let mut problems = Vec::new();
    if pack.procedures.is_empty() {
        problems.push(PackProblem::NoProcedures);
    }
    let mut seen = BTreeSet::new();
    for p in &pack.procedures {
        if !seen.insert(p.id.as_str()) {
            problems.push(PackProblem::DuplicateProcedure {
                procedure: p.id.clone(),
            });
        }
        check_procedure(p, catalogue, &mut problems);
    }
    check_lists(pack, &mut problems);
    check_letters(pack, &mut problems);
    check_decrees(pack, &mut problems);
    if let Some(role) = &pack.head_role {
        if pack.role(role).is_none_or(|r| r.side != Side::District) {
            problems.push(PackProblem::BadHeadRole { role: role.clone() });
        }
    }
    let mut sides = std::collections::BTreeMap::new();
    for p in &pack.procedures {
        for r in &p.roles {
            if *sides.entry(r.id.as_str()).or_insert(r.side) != r.side {
                problems.push(PackProblem::RoleSideDiffers {
                    procedure: p.id.clone(),
                    role: r.id.clone(),
                });
            }
        }
    }
    problems
}
