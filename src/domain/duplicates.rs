//! The same person's case sent by two villages: finding them from the
//! list rows, and the district's decision, as the events it appends.
//!
//! - **Merge**: one case is kept; what only the other knew (applicant
//!   fields the kept case lacks, document photos and marks) is copied into
//!   it as ordinary events, then `Merged` on the kept case and
//!   `MergedInto` on the other, which leaves every lane. Both histories
//!   stay whole; the kept case's timeline names the other.
//! - **Return**: one case is kept as it is; the other is returned to its
//!   village with the reason (a `Feedback` answer), which takes it out of
//!   the lanes until that village works on it again.
//!
//! Invariants: a decision never changes an event already recorded; it is
//! refused, with nothing to write, unless both cases are distinct, share
//! the NIK, and neither was merged already.

use std::collections::BTreeMap;

use super::applicant::Field;
use super::case::{Case, CaseStatus, CaseSummary, EventKind, FeedbackState};

/// One case of a group, as its list row tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Member {
    pub id: String,
    pub origin: String,
    pub village: String,
    pub name: String,
}

/// Cases of one NIK from more than one device, still open in the office.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Group {
    pub nik: String,
    pub cases: Vec<Member>,
}

/// Gathers the groups from list rows, one at a time.
#[derive(Debug, Default)]
pub struct Finder {
    by_nik: BTreeMap<String, Vec<Member>>,
}

impl Finder {
    pub fn add(&mut self, row: &CaseSummary) {
        let nik = row.nik.trim();
        if nik.is_empty() || row.settled || row.status == CaseStatus::Archived {
            return;
        }
        self.by_nik
            .entry(nik.to_string())
            .or_default()
            .push(Member {
                id: row.id.clone(),
                origin: row.origin.clone(),
                village: row.village.clone(),
                name: row.applicant_name.clone(),
            });
    }

    /// The NIKs with open cases from two devices or more, by NIK; each
    /// group's cases by id.
    pub fn groups(self) -> Vec<Group> {
        self.by_nik
            .into_iter()
            .filter_map(|(nik, mut cases)| {
                let mut origins: Vec<&str> = cases.iter().map(|c| c.origin.as_str()).collect();
                crate::domain::order::sort(&mut origins);
                origins.dedup();
                if origins.len() < 2 {
                    return None;
                }
                crate::domain::order::sort_by(&mut cases, |a, b| a.id.cmp(&b.id));
                Some(Group { nik, cases })
            })
            .collect()
    }
}

/// Why a decision cannot be made; nothing is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecisionError {
    SameCase,
    /// The two cases do not share a NIK.
    OtherPerson,
    /// One of them was already merged into a case.
    AlreadyMerged {
        case: String,
    },
    /// A return needs its reason.
    NoReason,
}

fn check(kept: &Case, other: &Case) -> Result<(), DecisionError> {
    if kept.id == other.id {
        return Err(DecisionError::SameCase);
    }
    let nik = |c: &Case| c.applicant.get(Field::Nik).trim().to_string();
    if nik(kept).is_empty() || nik(kept) != nik(other) {
        return Err(DecisionError::OtherPerson);
    }
    for c in [kept, other] {
        if c.merged_into.is_some() {
            return Err(DecisionError::AlreadyMerged { case: c.id.clone() });
        }
    }
    Ok(())
}

/// The events of a merge: those appended to `kept`, then to `other`.
pub fn merge(kept: &Case, other: &Case) -> Result<(Vec<EventKind>, Vec<EventKind>), DecisionError> {
    check(kept, other)?;
    let mut into = Vec::new();
    for f in Field::ALL {
        let theirs = other.applicant.get(f).trim();
        if kept.applicant.get(f).trim().is_empty() && !theirs.is_empty() {
            into.push(EventKind::FieldSet {
                field: f,
                value: theirs.to_string(),
            });
        }
    }
    for (doc, state) in &other.documents {
        let ours = kept.documents.get(doc);
        let mut copied = false;
        for p in &state.photos {
            if ours.is_some_and(|o| o.photos.iter().any(|q| q.sha256 == p.sha256)) {
                continue;
            }
            into.push(EventKind::DocumentAttached {
                document: doc.clone(),
                sha256: p.sha256.clone(),
                bytes: p.bytes,
                width: p.width,
                height: p.height,
            });
            copied = true;
        }
        let seen_here = ours.is_some_and(|o| o.is_present());
        if state.is_present() && !seen_here && !copied {
            into.push(EventKind::DocumentMarked {
                document: doc.clone(),
                present: true,
            });
        }
    }
    into.push(EventKind::Merged {
        from: other.id.clone(),
    });
    Ok((
        into,
        vec![EventKind::MergedInto {
            case: kept.id.clone(),
        }],
    ))
}

/// The event that returns `other` to its village, `kept` staying.
pub fn return_other(kept: &Case, other: &Case, reason: &str) -> Result<EventKind, DecisionError> {
    check(kept, other)?;
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(DecisionError::NoReason);
    }
    Ok(EventKind::Feedback {
        state: FeedbackState::Returned,
        reason: Some(reason.to_string()),
        missing: Vec::new(),
    })
}
