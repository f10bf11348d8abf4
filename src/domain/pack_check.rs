//! Reading and validating SOP packs. Every problem is reported at once,
//! with where it is, so a regency fixes its pack in one round; a pack with
//! any problem is refused whole and the last good pack stays in use.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

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

fn check_lists(pack: &Pack, problems: &mut Vec<PackProblem>) {
    let mut ids = BTreeSet::new();
    for l in &pack.lists {
        let mut fault = |fault| {
            problems.push(PackProblem::BadList {
                list: l.id.clone(),
                fault,
            })
        };
        if !ids.insert(l.id.as_str()) {
            fault(ListFault::Duplicate);
        }
        match pack.procedure(&l.procedure) {
            None => fault(ListFault::UnknownProcedure(l.procedure.clone())),
            Some(p) if p.node(&l.node).is_none() => fault(ListFault::UnknownNode(l.node.clone())),
            Some(_) => {}
        }
        if l.cutoff_day.is_some_and(|d| !(1..=31).contains(&d)) {
            fault(ListFault::CutoffOutOfMonth);
        }
        if l.columns.is_empty() {
            fault(ListFault::NoColumns);
        }
    }
}

fn check_letters(pack: &Pack, problems: &mut Vec<PackProblem>) {
    use super::letters::{fact_allowed, unknown_placeholders};
    let format_ok = pack
        .register_format
        .as_deref()
        .is_some_and(|f| super::register::check_format(f).is_empty());
    if (!pack.letters.is_empty() || pack.register_format.is_some()) && !format_ok {
        problems.push(PackProblem::BadRegisterFormat);
    }
    let mut ids = BTreeSet::new();
    for l in &pack.letters {
        let mut fault = |fault| {
            problems.push(PackProblem::BadLetter {
                letter: l.id.clone(),
                fault,
            })
        };
        if !ids.insert(l.id.as_str()) {
            fault(LetterFault::Duplicate);
        }
        match pack.procedure(&l.procedure) {
            None => fault(LetterFault::UnknownProcedure(l.procedure.clone())),
            Some(p) if p.node(&l.node).is_none() => fault(LetterFault::UnknownNode(l.node.clone())),
            Some(_) => {}
        }
        for name in unknown_placeholders(l, pack) {
            fault(LetterFault::UnknownPlaceholder(name));
        }
        if l.facts.iter().any(|c| !fact_allowed(*c)) {
            fault(LetterFault::NotAFact);
        }
        if l.per == Per::Cycle && (l.columns.is_empty() || !l.facts.is_empty()) {
            fault(LetterFault::BadCycle);
        }
        if let Some(d) = &l.destination {
            let options: Option<BTreeSet<&str>> = pack
                .procedure(&l.procedure)
                .and_then(|p| super::outputs::find(p, &d.output))
                .and_then(|(_, f)| match &f.format {
                    OutputFormat::Choice { options } => {
                        Some(options.iter().map(|o| o.value.as_str()).collect())
                    }
                    _ => None,
                });
            let addressed: BTreeSet<&str> = d.to.keys().map(String::as_str).collect();
            let named_ok = d
                .names
                .keys()
                .all(|k| options.as_ref().is_some_and(|o| o.contains(k.as_str())));
            if options.as_ref() != Some(&addressed) || d.to.values().any(Vec::is_empty) || !named_ok
            {
                fault(LetterFault::BadDestination(d.output.clone()));
            }
        }
        if let Some(role) = l
            .signer_role
            .as_deref()
            .filter(|r| !is_district_role(pack, r))
        {
            fault(LetterFault::UnknownSignerRole(role.to_string()));
        }
    }
    for p in &pack.procedures {
        for n in &p.nodes {
            let NodeKind::Step(step) = &n.kind else {
                continue;
            };
            let Some(paper) = &step.paper else { continue };
            if !pack
                .letters
                .iter()
                .any(|l| &l.id == paper && l.procedure == p.id)
            {
                problems.push(PackProblem::BadLetter {
                    letter: paper.clone(),
                    fault: LetterFault::NoSuchPaper(n.id.clone()),
                });
            }
        }
    }
}

fn check_decrees(pack: &Pack, problems: &mut Vec<PackProblem>) {
    use super::letters::{fact_allowed, unknown_decree_placeholders};
    if !pack.decrees.is_empty() && pack.register_format.is_none() {
        problems.push(PackProblem::BadRegisterFormat);
    }
    let mut ids = BTreeSet::new();
    for d in &pack.decrees {
        let mut fault = |fault| {
            problems.push(PackProblem::BadDecree {
                decree: d.id.clone(),
                fault,
            })
        };
        if !ids.insert(d.id.as_str()) {
            fault(DecreeFault::Duplicate);
        }
        if !pack.lists.iter().any(|l| l.id == d.list) {
            fault(DecreeFault::UnknownList(d.list.clone()));
        }
        for name in unknown_decree_placeholders(d) {
            fault(DecreeFault::UnknownPlaceholder(name));
        }
        if d.columns.is_empty() || d.columns.iter().any(|c| !fact_allowed(*c)) {
            fault(DecreeFault::BadColumns);
        }
        if let Some(role) = d
            .signer_role
            .as_deref()
            .filter(|r| !is_district_role(pack, r))
        {
            fault(DecreeFault::UnknownSignerRole(role.to_string()));
        }
    }
}

/// Whether `role` is a district role of one of the pack's procedures.
fn is_district_role(pack: &Pack, role: &str) -> bool {
    pack.procedures
        .iter()
        .filter_map(|p| p.role(role))
        .any(|r| r.side == super::procedure::Side::District)
}

fn check_procedure(p: &Procedure, catalogue: &Catalogue, problems: &mut Vec<PackProblem>) {
    let pid = || p.id.clone();
    let mut roles = BTreeSet::new();
    for r in &p.roles {
        if !roles.insert(r.id.as_str()) {
            problems.push(PackProblem::DuplicateRole {
                procedure: pid(),
                role: r.id.clone(),
            });
        }
    }
    let mut ids = BTreeSet::new();
    for n in &p.nodes {
        if !ids.insert(n.id.as_str()) {
            problems.push(PackProblem::DuplicateNode {
                procedure: pid(),
                node: n.id.clone(),
            });
        }
    }
    let starts: Vec<_> = p
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::Start { .. }))
        .collect();
    match starts.len() {
        0 => problems.push(PackProblem::NoStart { procedure: pid() }),
        1 => {}
        count => problems.push(PackProblem::ManyStarts {
            procedure: pid(),
            count,
        }),
    }

    for n in &p.nodes {
        let at = || n.id.clone();
        if let Some(actor) = n.kind.actor() {
            if !roles.contains(actor) {
                problems.push(PackProblem::UnknownRole {
                    procedure: pid(),
                    node: at(),
                    role: actor.to_string(),
                });
            }
        }
        match &n.kind {
            NodeKind::Step(s) => {
                for req in &s.documents {
                    if catalogue.get(&req.document).is_none() {
                        problems.push(PackProblem::UnknownDocument {
                            procedure: pid(),
                            node: at(),
                            document: req.document.clone(),
                        });
                    }
                }
                if let Some(reason) = time_problem(&s.time) {
                    problems.push(PackProblem::BadTime {
                        procedure: pid(),
                        node: at(),
                        reason,
                    });
                }
            }
            NodeKind::Decision(d) => {
                if d.answers.len() < 2 {
                    problems.push(PackProblem::TooFewAnswers {
                        procedure: pid(),
                        node: at(),
                    });
                }
                let mut values = BTreeSet::new();
                for a in &d.answers {
                    if !values.insert(a.value.as_str()) {
                        problems.push(PackProblem::DuplicateAnswer {
                            procedure: pid(),
                            node: at(),
                            value: a.value.clone(),
                        });
                    }
                    for req in &a.requires {
                        if catalogue.get(&req.document).is_none() {
                            problems.push(PackProblem::UnknownDocument {
                                procedure: pid(),
                                node: at(),
                                document: req.document.clone(),
                            });
                        }
                    }
                }
            }
            NodeKind::Start { .. } | NodeKind::End { .. } => {}
        }
        for (_, target) in n.kind.edges() {
            if !ids.contains(target) {
                problems.push(PackProblem::UnknownTarget {
                    procedure: pid(),
                    node: at(),
                    target: target.to_string(),
                });
            }
        }
    }

    check_paths(p, problems);
    check_intake(p, problems);
    check_answers(p, problems);
    check_outputs(p, problems);
}

/// Steps' outputs: ids unique and plain, formats that can be met; a
/// decision answered by an output offers exactly that output's options.
fn check_outputs(p: &Procedure, problems: &mut Vec<PackProblem>) {
    use super::outputs::{MAX_DIGITS, MAX_TEXT};
    let mut seen = BTreeSet::new();
    let mut fault = |node: &str, output: &str, fault| {
        problems.push(PackProblem::BadOutput {
            procedure: p.id.clone(),
            node: node.to_string(),
            output: output.to_string(),
            fault,
        })
    };
    for n in &p.nodes {
        match &n.kind {
            NodeKind::Step(s) => {
                for o in &s.outputs {
                    let plain = !o.id.is_empty()
                        && o.id
                            .bytes()
                            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_');
                    let taken = super::applicant::Field::from_code(&o.id).is_some()
                        || ["case_id", "office", "regency", "number", "date"]
                            .contains(&o.id.as_str());
                    if !seen.insert(o.id.as_str()) || !plain || taken {
                        fault(&n.id, &o.id, OutputFault::BadId);
                    }
                    let format_ok = match &o.format {
                        OutputFormat::Digits { min, max } => {
                            *min >= 1 && min <= max && *max <= MAX_DIGITS
                        }
                        OutputFormat::Text { max } => (1..=MAX_TEXT).contains(max),
                        OutputFormat::Choice { options } => {
                            let values: BTreeSet<&str> =
                                options.iter().map(|o| o.value.as_str()).collect();
                            !options.is_empty()
                                && values.len() == options.len()
                                && !values.contains("")
                        }
                    };
                    if !format_ok {
                        fault(&n.id, &o.id, OutputFault::BadFormat);
                    }
                }
            }
            NodeKind::Decision(d) => {
                let Some(from) = &d.from_output else { continue };
                let options: Option<BTreeSet<&str>> =
                    super::outputs::find(p, from).and_then(|(_, f)| match &f.format {
                        OutputFormat::Choice { options } => {
                            Some(options.iter().map(|o| o.value.as_str()).collect())
                        }
                        _ => None,
                    });
                let answers: BTreeSet<&str> = d.answers.iter().map(|a| a.value.as_str()).collect();
                if options.as_ref() != Some(&answers) {
                    fault(&n.id, from, OutputFault::NotTheAnswers);
                }
            }
            _ => {}
        }
    }
}

/// A village-opened procedure whose steps are all the district's needs a
/// dossier the village can prepare (`lanes::dossier`).
fn check_intake(p: &Procedure, problems: &mut Vec<PackProblem>) {
    if p.intake == Intake::Office || p.start().is_none() {
        return;
    }
    // Only when every actor is a known district role (an unknown role is
    // reported on its own).
    let all_district = p.nodes.iter().all(|n| {
        n.kind
            .actor()
            .is_none_or(|a| p.role(a).is_some_and(|r| r.side == Side::District))
    });
    if all_district && super::lanes::dossier(p).is_empty() {
        problems.push(PackProblem::NoVillageIntake {
            procedure: p.id.clone(),
        });
    }
}

fn check_answers(p: &Procedure, problems: &mut Vec<PackProblem>) {
    let Some(rule) = &p.answers else { return };
    let mut fault = |fault| {
        problems.push(PackProblem::BadAnswers {
            procedure: p.id.clone(),
            fault,
        })
    };
    for r in &rule.roles {
        if p.role(r).is_none_or(|r| r.side != Side::District) {
            fault(AnswersFault::NotDistrictRole(r.clone()));
        }
    }
    for n in &rule.at {
        if p.node(n).is_none() {
            fault(AnswersFault::UnknownNode(n.clone()));
        }
    }
    if rule.choices.is_empty() {
        fault(AnswersFault::NoChoices);
    }
    for c in &rule.choices {
        if c.state == FeedbackState::Received {
            fault(AnswersFault::ReceivedIsNoChoice);
        }
        if let Some(w) = &c.when {
            let known = matches!(
                p.node(&w.node).map(|n| &n.kind),
                Some(NodeKind::Decision(d)) if d.answers.iter().any(|a| a.value == w.answer)
            );
            if !known {
                fault(AnswersFault::UnknownWhen {
                    node: w.node.clone(),
                    answer: w.answer.clone(),
                });
            }
        }
    }
}

/// Reachability from the start, and whether an end is reachable from each
/// node (a backwards search from the ends).
fn check_paths(p: &Procedure, problems: &mut Vec<PackProblem>) {
    let Some(start) = p.start() else { return };
    let edges: BTreeMap<&str, Vec<&str>> = p
        .nodes
        .iter()
        .map(|n| {
            (
                n.id.as_str(),
                n.kind.edges().into_iter().map(|(_, t)| t).collect(),
            )
        })
        .collect();

    let mut reached = BTreeSet::from([start.id.as_str()]);
    let mut queue = VecDeque::from([start.id.as_str()]);
    while let Some(id) = queue.pop_front() {
        for &t in edges.get(id).into_iter().flatten() {
            if edges.contains_key(t) && reached.insert(t) {
                queue.push_back(t);
            }
        }
    }

    let mut ends: BTreeSet<&str> = p
        .nodes
        .iter()
        .filter(|n| matches!(n.kind, NodeKind::End { .. }))
        .map(|n| n.id.as_str())
        .collect();
    // Grow the set of nodes that can reach an end until nothing changes.
    loop {
        let before = ends.len();
        for (id, targets) in &edges {
            if targets.iter().any(|t| ends.contains(t)) {
                ends.insert(id);
            }
        }
        if ends.len() == before {
            break;
        }
    }

    let mut flagged = BTreeSet::new();
    for n in &p.nodes {
        if !flagged.insert(n.id.as_str()) {
            continue; // a duplicate id, already reported
        }
        if !reached.contains(n.id.as_str()) {
            problems.push(PackProblem::Unreachable {
                procedure: p.id.clone(),
                node: n.id.clone(),
            });
        } else if !ends.contains(n.id.as_str()) {
            problems.push(PackProblem::NeverEnds {
                procedure: p.id.clone(),
                node: n.id.clone(),
            });
        }
    }
}

fn time_problem(t: &TimeStandard) -> Option<TimeProblem> {
    let valid_day = |d: u32| (1..=31).contains(&d);
    match *t {
        TimeStandard::Duration { amount: 0, .. } => Some(TimeProblem::ZeroDuration),
        TimeStandard::Duration {
            amount,
            max: Some(max),
            ..
        } if max < amount => Some(TimeProblem::MaxBelowAmount),
        TimeStandard::Duration { amount, max, unit } => {
            let longest = max.unwrap_or(amount) as u64;
            let minutes = longest
                * match unit {
                    TimeUnit::Minutes => 1,
                    TimeUnit::Hours => 60,
                    TimeUnit::Days => 60 * 24,
                    TimeUnit::Months => 60 * 24 * 31,
                };
            (minutes > 60 * 24 * 366).then_some(TimeProblem::TooLong)
        }
        TimeStandard::MonthWindow { from_day, to_day }
            if !valid_day(from_day) || !valid_day(to_day) =>
        {
            Some(TimeProblem::DayOutOfMonth)
        }
        TimeStandard::MonthWindow { from_day, to_day } if from_day > to_day => {
            Some(TimeProblem::WindowReversed)
        }
        TimeStandard::MonthlyCutoff { day } if !valid_day(day) => Some(TimeProblem::DayOutOfMonth),
        _ => None,
    }
}
