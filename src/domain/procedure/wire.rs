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
//! "unknown variant `x`"). Writing is unchanged (derived). One leniency:
//! `null` where a field may be left out counts as left out.

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

/// The field's value, or serde's "missing field".
fn need<T, E: Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum NodeTag {
    Start,
    End,
    Step,
    Decision,
}

/// Every field of every kind of node.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NodeRecord {
    id: String,
    kind: NodeTag,
    next: Option<String>,
    outcome: Option<Outcome>,
    label: Option<Text>,
    row: Option<u32>,
    actor: Option<String>,
    title: Option<Text>,
    documents: Option<Vec<Requirement>>,
    inputs: Option<Vec<Text>>,
    time: Option<TimeStandard>,
    output: Option<Text>,
    paper: Option<String>,
    outputs: Option<Vec<OutputField>>,
    question: Option<Text>,
    legal_basis: Option<Vec<String>>,
    answers: Option<Vec<Answer>>,
    from_output: Option<String>,
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Node, D::Error> {
        let r = NodeRecord::deserialize(d)?;
        let given = [
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
        let kind = match r.kind {
            NodeTag::Start => {
                only(&given, &["next"])?;
                NodeKind::Start {
                    next: need(r.next, "next")?,
                }
            }
            NodeTag::End => {
                only(&given, &["outcome", "label"])?;
                NodeKind::End {
                    outcome: need(r.outcome, "outcome")?,
                    label: r.label,
                }
            }
            NodeTag::Step => {
                only(
                    &given,
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
                    row: r.row,
                    actor: need(r.actor, "actor")?,
                    title: need(r.title, "title")?,
                    documents: r.documents.unwrap_or_default(),
                    inputs: r.inputs.unwrap_or_default(),
                    time: need(r.time, "time")?,
                    output: need(r.output, "output")?,
                    next: need(r.next, "next")?,
                    paper: r.paper,
                    outputs: r.outputs.unwrap_or_default(),
                })
            }
            NodeTag::Decision => {
                only(
                    &given,
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
                    row: r.row,
                    actor: need(r.actor, "actor")?,
                    question: need(r.question, "question")?,
                    legal_basis: r.legal_basis.unwrap_or_default(),
                    answers: need(r.answers, "answers")?,
                    from_output: r.from_output,
                })
            }
        };
        Ok(Node { id: r.id, kind })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum TimeTag {
    Duration,
    MonthWindow,
    MonthlyCutoff,
    SameDay,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeRecord {
    kind: TimeTag,
    amount: Option<u32>,
    max: Option<u32>,
    unit: Option<TimeUnit>,
    from_day: Option<u32>,
    to_day: Option<u32>,
    day: Option<u32>,
}

impl<'de> Deserialize<'de> for TimeStandard {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<TimeStandard, D::Error> {
        let r = TimeRecord::deserialize(d)?;
        let given = [
            ("amount", r.amount.is_some()),
            ("max", r.max.is_some()),
            ("unit", r.unit.is_some()),
            ("from_day", r.from_day.is_some()),
            ("to_day", r.to_day.is_some()),
            ("day", r.day.is_some()),
        ];
        Ok(match r.kind {
            TimeTag::Duration => {
                only(&given, &["amount", "max", "unit"])?;
                TimeStandard::Duration {
                    amount: need(r.amount, "amount")?,
                    max: r.max,
                    unit: need(r.unit, "unit")?,
                }
            }
            TimeTag::MonthWindow => {
                only(&given, &["from_day", "to_day"])?;
                TimeStandard::MonthWindow {
                    from_day: need(r.from_day, "from_day")?,
                    to_day: need(r.to_day, "to_day")?,
                }
            }
            TimeTag::MonthlyCutoff => {
                only(&given, &["day"])?;
                TimeStandard::MonthlyCutoff {
                    day: need(r.day, "day")?,
                }
            }
            TimeTag::SameDay => {
                only(&given, &[])?;
                TimeStandard::SameDay
            }
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum FormatTag {
    Digits,
    Text,
    Choice,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FormatRecord {
    kind: FormatTag,
    min: Option<u32>,
    max: Option<u32>,
    options: Option<Vec<OutputOption>>,
}

impl<'de> Deserialize<'de> for OutputFormat {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<OutputFormat, D::Error> {
        let r = FormatRecord::deserialize(d)?;
        let given = [
            ("min", r.min.is_some()),
            ("max", r.max.is_some()),
            ("options", r.options.is_some()),
        ];
        Ok(match r.kind {
            FormatTag::Digits => {
                only(&given, &["min", "max"])?;
                OutputFormat::Digits {
                    min: need(r.min, "min")?,
                    max: need(r.max, "max")?,
                }
            }
            FormatTag::Text => {
                only(&given, &["max"])?;
                OutputFormat::Text {
                    max: need(r.max, "max")?,
                }
            }
            FormatTag::Choice => {
                only(&given, &["options"])?;
                OutputFormat::Choice {
                    options: need(r.options, "options")?,
                }
            }
        })
    }
}

#[derive(Deserialize)]
#[serde(rename_all = "snake_case")]
enum ConditionTag {
    AgeUnder,
    AgeAtLeast,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ConditionRecord {
    kind: ConditionTag,
    years: Option<u32>,
}

impl<'de> Deserialize<'de> for Condition {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Condition, D::Error> {
        let r = ConditionRecord::deserialize(d)?;
        let years = need(r.years, "years")?;
        Ok(match r.kind {
            ConditionTag::AgeUnder => Condition::AgeUnder { years },
            ConditionTag::AgeAtLeast => Condition::AgeAtLeast { years },
        })
    }
}
