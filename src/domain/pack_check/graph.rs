//! One procedure: roles, nodes, documents, edges, time standards, every
//! node reachable and every path ending; who answers; step outputs.

use super::*;

pub(super) fn check_procedure(
    p: &Procedure,
    catalogue: &Catalogue,
    problems: &mut Vec<PackProblem>,
) {
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
    use crate::domain::outputs::{MAX_DIGITS, MAX_TEXT};
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
                    let taken = crate::domain::applicant::Field::from_code(&o.id).is_some()
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
                                set_of(options.iter().map(|o| o.value.as_str()));
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
                let options: Option<BTreeSet<&str>> = crate::domain::outputs::find(p, from)
                    .and_then(|(_, f)| match &f.format {
                        OutputFormat::Choice { options } => {
                            Some(set_of(options.iter().map(|o| o.value.as_str())))
                        }
                        _ => None,
                    });
                let answers: BTreeSet<&str> = set_of(d.answers.iter().map(|a| a.value.as_str()));
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
    if all_district && crate::domain::lanes::dossier(p).is_empty() {
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
    let edges: BTreeMap<&str, Vec<&str>> = map_of(p.nodes.iter().map(|n| {
        (
            n.id.as_str(),
            n.kind.edges().into_iter().map(|(_, t)| t).collect(),
        )
    }));

    let mut reached = set_of([start.id.as_str()]);
    let mut queue = VecDeque::from([start.id.as_str()]);
    while let Some(id) = queue.pop_front() {
        for &t in edges.get(id).into_iter().flatten() {
            if edges.contains_key(t) && reached.insert(t) {
                queue.push_back(t);
            }
        }
    }

    let mut ends: BTreeSet<&str> = set_of(
        p.nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::End { .. }))
            .map(|n| n.id.as_str()),
    );
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
