//! A pack's lists, letters and decrees: what they name must exist, and
//! what they print must be fillable.

use super::*;

pub(super) fn check_lists(pack: &Pack, problems: &mut Vec<PackProblem>) {
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

pub(super) fn check_letters(pack: &Pack, problems: &mut Vec<PackProblem>) {
    use crate::domain::letters::{fact_allowed, unknown_placeholders};
    let format_ok = pack
        .register_format
        .as_deref()
        .is_some_and(|f| crate::domain::register::check_format(f).is_empty());
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
                .and_then(|p| crate::domain::outputs::find(p, &d.output))
                .and_then(|(_, f)| match &f.format {
                    OutputFormat::Choice { options } => {
                        Some(set_of(options.iter().map(|o| o.value.as_str())))
                    }
                    _ => None,
                });
            let addressed: BTreeSet<&str> = set_of(d.to.keys().map(String::as_str));
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

pub(super) fn check_decrees(pack: &Pack, problems: &mut Vec<PackProblem>) {
    use crate::domain::letters::{fact_allowed, unknown_decree_placeholders};
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
        .any(|r| r.side == crate::domain::procedure::Side::District)
}
