//! The district's answer: who may record it, when, with which of the
//! pack's choices, and in the pack's words.

use super::*;

/// One choice of the district's answer: its state, and the pack's words
/// for it (`None`: the app's own word for the state).
#[derive(Debug, Clone, PartialEq)]
pub struct AnswerOption<'p> {
    pub state: FeedbackState,
    pub label: Option<&'p Text>,
}

/// Why the district's answer cannot be recorded now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnswerRefusal {
    /// Only the office records answers.
    NotOffice,
    /// Staff exist and nobody is signed in.
    SignIn,
    /// The signed-in member's role is not among those that answer.
    WrongRole {
        allowed: Vec<String>,
        acting: String,
    },
    /// The case has not reached an end or a node where the pack allows
    /// an answer; `at` names those nodes.
    NotYet { at: Vec<String> },
    /// The choice is not among those offered now.
    NotOffered,
    /// The office returned, rejected or merged the case: nothing more is
    /// answered (or proposed) until its village works on it again.
    Settled,
}

/// The states offered when a procedure's pack says nothing.
const DEFAULT_ANSWERS: [FeedbackState; 4] = [
    FeedbackState::Proposed,
    FeedbackState::Accepted,
    FeedbackState::Rejected,
    FeedbackState::Returned,
];

/// The district's answer choices for `case` now, in the pack's order and
/// words (a choice bound to a decision's answer only when the case
/// answered it so), or why none may be recorded: only at the office, by
/// the roles the pack names (any district role without `answers`), once
/// the case reached an end or passed one of the pack's `at` nodes.
pub fn answer_options<'p>(
    procedure: &'p Procedure,
    case: &Case,
    walk: &Walk,
    actor: Actor,
) -> Result<Vec<AnswerOption<'p>>, AnswerRefusal> {
    let Actor::Office { member, .. } = actor else {
        return Err(AnswerRefusal::NotOffice);
    };
    if case.off_lanes() {
        return Err(AnswerRefusal::Settled);
    }
    let rule = procedure.answers.as_ref();
    let allowed: Vec<String> = match rule {
        Some(r) => r.roles.clone(),
        None => procedure
            .roles
            .iter()
            .filter(|r| r.side == Side::District)
            .map(|r| r.id.clone())
            .collect(),
    };
    match member {
        Member::NoStaff => {}
        Member::SignedOut => return Err(AnswerRefusal::SignIn),
        Member::Role(r) if !allowed.iter().any(|a| a == r) => {
            return Err(AnswerRefusal::WrongRole {
                allowed,
                acting: r.to_string(),
            })
        }
        Member::Role(_) => {}
    }
    let at: &[String] = rule.map_or(&[], |r| &r.at);
    let reached = walk.outcome.is_some()
        || at.contains(&walk.current)
        || walk.visits.iter().any(|v| at.contains(&v.node));
    if !reached {
        return Err(AnswerRefusal::NotYet { at: at.to_vec() });
    }
    let options: Vec<AnswerOption<'p>> = match rule {
        Some(r) => r
            .choices
            .iter()
            .filter(|c| applies_to(c, walk))
            .map(|c| AnswerOption {
                state: c.state,
                label: Some(&c.label),
            })
            .collect(),
        None => DEFAULT_ANSWERS
            .into_iter()
            .map(|state| AnswerOption { state, label: None })
            .collect(),
    };
    // A case its village fixed after a return is judged again: any answer.
    let outcome = walk.outcome.filter(|_| !case.reopened());
    Ok(options
        .into_iter()
        .filter(|o| fits_outcome(o.state, outcome))
        .collect())
}

/// The pack's words for an answer given in `state` to a case that walked
/// `walk`: the first of the pack's choices of that state whose condition
/// the walk meets (Karanganyar's "proposed" is "to Kemensos" after a
/// PBI-JK case, "to Dinkes" after a PBPU BP Pemda one); `None` without one.
pub fn answer_label<'p>(
    procedure: &'p Procedure,
    walk: &Walk,
    state: FeedbackState,
) -> Option<&'p Text> {
    procedure
        .answers
        .as_ref()?
        .choices
        .iter()
        .filter(|c| c.state == state)
        .find(|c| applies_to(c, walk))
        .map(|c| &c.label)
}

/// Whether a choice of the pack applies to a case that walked `walk`:
/// it has no condition, or the case answered its decision so.
fn applies_to(choice: &AnswerChoice, walk: &Walk) -> bool {
    choice.when.as_ref().is_none_or(|w| {
        walk.visits
            .iter()
            .any(|v| v.node == w.node && v.answer.as_deref() == Some(w.answer.as_str()))
    })
}

/// Whether an answer agrees with the end the walk reached: a case the
/// SOP ended as returned is answered "returned", one it refused
/// "rejected" (or returned, to be completed); a positive end takes any
/// answer (the ministry may still refuse it).
fn fits_outcome(state: FeedbackState, outcome: Option<Outcome>) -> bool {
    match outcome {
        Some(Outcome::Returned) => state == FeedbackState::Returned,
        Some(Outcome::Refused) => {
            matches!(state, FeedbackState::Rejected | FeedbackState::Returned)
        }
        _ => true,
    }
}

/// Checks an answer before it is recorded: `state` must be one of
/// `answer_options` now.
pub fn check_answer(
    procedure: &Procedure,
    case: &Case,
    walk: &Walk,
    actor: Actor,
    state: FeedbackState,
) -> Result<(), AnswerRefusal> {
    let options = answer_options(procedure, case, walk, actor)?;
    if options.iter().any(|o| o.state == state) {
        Ok(())
    } else {
        Err(AnswerRefusal::NotOffered)
    }
}
