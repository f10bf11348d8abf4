//! How the pack's tagged shapes are read: a node (`{"id", "kind", ...}`),
//! a time standard, an output's format and a requirement's condition.
//!
//! Serde's own reading of an internally tagged enum (`#[serde(tag =
//! "kind")]`, and `flatten` for a node) first copies every object into a
//! buffer and then reads every nested type a second time from it, which
//! doubled the wasm that reads packs. Here each shape is read once into a
//! flat record of every field any of its kinds has, and then checked
//! against its kind: the same packs are accepted, and a field its kind
//! does not have, a missing one or an unknown kind is refused in serde's
//! own words ("unknown field `x`, expected ...", "missing field `x`",
//! "unknown variant `x`"). Writing is unchanged (derived).
//!
//! Where this differs from serde's tagged reading: a `kind` must be a
//! string (serde's buffer also took a variant's index, `"kind": 2`).
//! Like serde's, `same_day` ignores other keys and a `null` is a value of
//! the wrong type, not a field left out.

use serde::de::Error;
use serde::{Deserialize, Deserializer};

use super::*;

/// Refuses the first field present that the kind does not have, in
/// serde's words; `fields` names each field of the record and whether it
/// was given.
fn only<E: Error>(
    fields: &[(&'static str, bool)],
    allowed: &'static [&'static str],
) -> Result<(), E> {
    match fields
        .iter()
        .find(|(name, given)| *given && !allowed.contains(name))
    {
        Some((name, _)) => Err(E::unknown_field(name, allowed)),
        None => Ok(()),
    }
}

/// A field that is there, even as `null`: `null` is read as the field's
/// type (refused where it must have a value, `None` where it is an
/// `Option`, as serde's own reading did), and the field counts as given
/// when its kind is checked.
fn given<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Option<T>, D::Error> {
    T::deserialize(d).map(Some)
}

/// The field's value, or serde's "missing field".
fn need<T, E: Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

/// Every field of every kind of node.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeRecord {
    id: String,
    kind: String,
    #[serde(default, deserialize_with = "given")]
    next: Option<String>,
    #[serde(default, deserialize_with = "given")]
    outcome: Option<Outcome>,
    #[serde(default, deserialize_with = "given")]
    label: Option<Option<Text>>,
    #[serde(default, deserialize_with = "given")]
    row: Option<Option<u32>>,
    #[serde(default, deserialize_with = "given")]
    actor: Option<String>,
    #[serde(default, deserialize_with = "given")]
    title: Option<Text>,
    #[serde(default, deserialize_with = "given")]
    documents: Option<Vec<Requirement>>,
    #[serde(default, deserialize_with = "given")]
    inputs: Option<Vec<Text>>,
    #[serde(default, deserialize_with = "given")]
    time: Option<TimeStandard>,
    #[serde(default, deserialize_with = "given")]
    output: Option<Text>,
    #[serde(default, deserialize_with = "given")]
    paper: Option<Option<String>>,
    #[serde(default, deserialize_with = "given")]
    outputs: Option<Vec<OutputField>>,
    #[serde(default, deserialize_with = "given")]
    question: Option<Text>,
    #[serde(default, deserialize_with = "given")]
    legal_basis: Option<Vec<String>>,
    #[serde(default, deserialize_with = "given")]
    answers: Option<Vec<Answer>>,
    #[serde(default, deserialize_with = "given")]
    from_output: Option<Option<String>>,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        let r = NodeRecord::deserialize(d)?;
        let fields = [
            ("next", r.next.is_some()),
            ("outcome", r.outcome.is_some()),
            ("label", r.label.is_some()),
            ("row", r.row.is_some()),
            ("actor", r.actor.is_some()),
            ("title", r.title.is_some()),
            ("documents", r.documents.is_some()),
            ("inputs", r.inputs.is_some()),
            ("time", r.time.is_some()),
            ("output", r.output.is_some()),
            ("paper", r.paper.is_some()),
            ("outputs", r.outputs.is_some()),
            ("question", r.question.is_some()),
            ("legal_basis", r.legal_basis.is_some()),
            ("answers", r.answers.is_some()),
            ("from_output", r.from_output.is_some()),
        ];
        let kind = match r.kind.as_str() {
            "start" => {
                only(&fields, &["next"])?;
                NodeKind::Start {
                    next: need(r.next, "next")?,
                }
            }
            "end" => {
                only(&fields, &["outcome", "label"])?;
                NodeKind::End {
                    outcome: need(r.outcome, "outcome")?,
                    label: r.label.flatten(),
                }
            }
            "step" => {
                only(
                    &fields,
                    &[
                        "row",
                        "actor",
                        "title",
                        "documents",
                        "inputs",
                        "time",
                        "output",
                        "next",
                        "paper",
                        "outputs",
                    ],
                )?;
                NodeKind::Step(Step {
                    row: r.row.flatten(),
                    actor: need(r.actor, "actor")?,
                    title: need(r.title, "title")?,
                    documents: r.documents.unwrap_or_default(),
                    inputs: r.inputs.unwrap_or_default(),
                    time: need(r.time, "time")?,
                    output: need(r.output, "output")?,
                    next: need(r.next, "next")?,
                    paper: r.paper.flatten(),
                    outputs: r.outputs.unwrap_or_default(),
                })
            }
            "decision" => {
                only(
                    &fields,
                    &[
                        "row",
                        "actor",
                        "question",
                        "legal_basis",
                        "answers",
                        "from_output",
                    ],
                )?;
                NodeKind::Decision(Decision {
                    row: r.row.flatten(),
                    actor: need(r.actor, "actor")?,
                    question: need(r.question, "question")?,
                    legal_basis: r.legal_basis.unwrap_or_default(),
                    answers: need(r.answers, "answers")?,
                    from_output: r.from_output.flatten(),
                })
            }
            other => {
                return Err(D::Error::unknown_variant(
                    other,
                    &["start", "end", "step", "decision"],
                ))
            }
        };
        Ok(Node { id: r.id, kind })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeRecord {
    kind: String,
    #[serde(default, deserialize_with = "given")]
    amount: Option<u32>,
    #[serde(default, deserialize_with = "given")]
    max: Option<Option<u32>>,
    #[serde(default, deserialize_with = "given")]
    unit: Option<TimeUnit>,
    #[serde(default, deserialize_with = "given")]
    from_day: Option<u32>,
    #[serde(default, deserialize_with = "given")]
    to_day: Option<u32>,
    #[serde(default, deserialize_with = "given")]
    day: Option<u32>,
}

impl<'de> Deserialize<'de> for TimeStandard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TimeStandard, D::Error> {
        let r = TimeRecord::deserialize(d)?;
        let fields = [
            ("amount", r.amount.is_some()),
            ("max", r.max.is_some()),
            ("unit", r.unit.is_some()),
            ("from_day", r.from_day.is_some()),
            ("to_day", r.to_day.is_some()),
            ("day", r.day.is_some()),
        ];
        Ok(match r.kind.as_str() {
            "duration" => {
                only(&fields, &["amount", "max", "unit"])?;
                TimeStandard::Duration {
                    amount: need(r.amount, "amount")?,
                    max: r.max.flatten(),
                    unit: need(r.unit, "unit")?,
                }
            }
            "month_window" => {
                only(&fields, &["from_day", "to_day"])?;
                TimeStandard::MonthWindow {
                    from_day: need(r.from_day, "from_day")?,
                    to_day: need(r.to_day, "to_day")?,
                }
            }
            "monthly_cutoff" => {
                only(&fields, &["day"])?;
                TimeStandard::MonthlyCutoff {
                    day: need(r.day, "day")?,
                }
            }
            // Serde's reading of a unit kind ignored any other key.
            "same_day" => TimeStandard::SameDay,
            other => {
                return Err(D::Error::unknown_variant(
                    other,
                    &["duration", "month_window", "monthly_cutoff", "same_day"],
                ))
            }
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatRecord {
    kind: String,
    #[serde(default, deserialize_with = "given")]
    min: Option<u32>,
    #[serde(default, deserialize_with = "given")]
    max: Option<u32>,
    #[serde(default, deserialize_with = "given")]
    options: Option<Vec<OutputOption>>,
}

impl<'de> Deserialize<'de> for OutputFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OutputFormat, D::Error> {
        let r = FormatRecord::deserialize(d)?;
        let fields = [
            ("min", r.min.is_some()),
            ("max", r.max.is_some()),
            ("options", r.options.is_some()),
        ];
        Ok(match r.kind.as_str() {
            "digits" => {
                only(&fields, &["min", "max"])?;
                OutputFormat::Digits {
                    min: need(r.min, "min")?,
                    max: need(r.max, "max")?,
                }
            }
            "text" => {
                only(&fields, &["max"])?;
                OutputFormat::Text {
                    max: need(r.max, "max")?,
                }
            }
            "choice" => {
                only(&fields, &["options"])?;
                OutputFormat::Choice {
                    options: need(r.options, "options")?,
                }
            }
            other => {
                return Err(D::Error::unknown_variant(
                    other,
                    &["digits", "text", "choice"],
                ))
            }
        })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionRecord {
    kind: String,
    #[serde(default, deserialize_with = "given")]
    years: Option<u32>,
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Condition, D::Error> {
        let r = ConditionRecord::deserialize(d)?;
        Ok(match r.kind.as_str() {
            "age_under" => Condition::AgeUnder {
                years: need(r.years, "years")?,
            },
            "age_at_least" => Condition::AgeAtLeast {
                years: need(r.years, "years")?,
            },
            other => {
                return Err(D::Error::unknown_variant(
                    other,
                    &["age_under", "age_at_least"],
                ))
            }
        })
    }
}
