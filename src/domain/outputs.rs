//! Values a step produces (`Step::outputs`): Pesisir Selatan's No. PBDT,
//! Karanganyar's scheme. Typed when the step is done, checked here, kept
//! in the step's `StepCompleted` event, printed on letters as `{id}`.
//!
//! Invariants: a step with outputs is recorded only with every output
//! given and well formed (`check`, called by `lanes::check_act`); an
//! event a bundle brings may carry only the outputs its step declares,
//! each well formed (`well_formed`, called by `lanes::keeps_to_side`);
//! a case's value of an output is the one its latest step event gave.

use std::collections::BTreeMap;

use super::procedure::{NodeKind, OutputField, OutputFormat, Procedure};
use super::text::{self, TextKind};

/// The most characters a `Text` output may declare.
pub const MAX_TEXT: u32 = 200;
/// The most digits a `Digits` output may declare.
pub const MAX_DIGITS: u32 = 40;

/// Why a value is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OutputProblem {
    /// Nothing typed or chosen.
    Empty,
    /// Something other than digits.
    NotDigits,
    /// Not between `min` and `max` digits long.
    Length { min: u32, max: u32 },
    /// Longer than `max` characters.
    TooLong { max: u32 },
    /// Holds hidden (direction or control) characters.
    Hidden,
    /// Not one of the options.
    NotAnOption,
    /// The step declares no such output.
    Unknown,
}

/// `raw` as it is kept, or why it is not taken.
pub fn normalise(format: &OutputFormat, raw: &str) -> Result<String, OutputProblem> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(OutputProblem::Empty);
    }
    match format {
        OutputFormat::Digits { min, max } => {
            let digits: String = v.chars().filter(|c| *c != ' ').collect();
            if !digits.chars().all(|c| c.is_ascii_digit()) {
                return Err(OutputProblem::NotDigits);
            }
            let n = digits.len() as u32;
            if n < *min || n > *max {
                return Err(OutputProblem::Length {
                    min: *min,
                    max: *max,
                });
            }
            Ok(digits)
        }
        OutputFormat::Text { max } => {
            if v.chars().any(|c| text::is_hidden(c, TextKind::Short)) {
                return Err(OutputProblem::Hidden);
            }
            if v.chars().count() > *max as usize {
                return Err(OutputProblem::TooLong { max: *max });
            }
            Ok(v.to_string())
        }
        OutputFormat::Choice { options } => options
            .iter()
            .find(|o| o.value == v)
            .map(|o| o.value.clone())
            .ok_or(OutputProblem::NotAnOption),
    }
}

/// The outputs the step at `node` declares (none for other nodes).
pub fn declared<'p>(procedure: &'p Procedure, node: &str) -> &'p [OutputField] {
    match procedure.node(node).map(|n| &n.kind) {
        Some(NodeKind::Step(s)) => &s.outputs,
        _ => &[],
    }
}

/// Checks what was typed for the step at `node`: every declared output
/// given and well formed, nothing else. The values as kept, or every
/// problem with the output's id.
pub fn check(
    procedure: &Procedure,
    node: &str,
    typed: &BTreeMap<String, String>,
) -> Result<BTreeMap<String, String>, Vec<(String, OutputProblem)>> {
    let fields = declared(procedure, node);
    let mut kept = BTreeMap::new();
    let mut problems = Vec::new();
    for f in fields {
        match normalise(&f.format, typed.get(&f.id).map_or("", String::as_str)) {
            Ok(v) => {
                kept.insert(f.id.clone(), v);
            }
            Err(p) => problems.push((f.id.clone(), p)),
        }
    }
    for id in typed.keys() {
        if !fields.iter().any(|f| &f.id == id) {
            problems.push((id.clone(), OutputProblem::Unknown));
        }
    }
    if problems.is_empty() {
        Ok(kept)
    } else {
        Err(problems)
    }
}

/// Whether a received step event's outputs are ones its step declares,
/// each as this version would keep it (an event from before outputs, or
/// one that gives fewer, is taken).
pub fn well_formed(procedure: &Procedure, node: &str, outputs: &BTreeMap<String, String>) -> bool {
    let fields = declared(procedure, node);
    outputs.iter().all(|(id, v)| {
        fields
            .iter()
            .find(|f| &f.id == id)
            .is_some_and(|f| normalise(&f.format, v).as_deref() == Ok(v.as_str()))
    })
}

/// The output `id` of `procedure`, wherever it is declared, with its step.
pub fn find<'p>(procedure: &'p Procedure, id: &str) -> Option<(&'p str, &'p OutputField)> {
    procedure.nodes.iter().find_map(|n| match &n.kind {
        NodeKind::Step(s) => s
            .outputs
            .iter()
            .find(|f| f.id == id)
            .map(|f| (n.id.as_str(), f)),
        _ => None,
    })
}

/// How the output `id` of `procedure` is named, in `en` or Indonesian
/// (its id where the procedure lacks it).
pub fn label(procedure: Option<&Procedure>, id: &str, en: bool) -> String {
    procedure
        .and_then(|p| find(p, id))
        .map_or_else(|| id.to_string(), |(_, f)| f.label.get(en).to_string())
}

/// How a kept value reads: a choice by its label, else as kept.
pub fn shown(field: &OutputField, value: &str, en: bool) -> String {
    match &field.format {
        OutputFormat::Choice { options } => options
            .iter()
            .find(|o| o.value == value)
            .map_or_else(|| value.to_string(), |o| o.label.get(en).to_string()),
        _ => value.to_string(),
    }
}
