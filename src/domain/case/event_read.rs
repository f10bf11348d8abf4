//! How an event's kind is read: `{"field_set": {"field": ..., "value": ...}}`.
//!
//! Serde's derived reader compiles a separate visitor, field matcher and
//! list reader for each of the twelve kinds: it was the largest reader in
//! the village wasm. Here one visitor reads the object (or list) of any
//! kind, each field of that kind as its own type and every other key
//! ignored, and then builds the kind from what it found. What it accepts
//! and refuses, and the words of its refusals, are serde's ("unknown
//! variant `x`, expected one of ...", "missing field `x`", "duplicate
//! field `x`", "invalid length 1, expected struct variant
//! EventKind::Note with 1 element"...); `tests/event_kinds.rs` holds it to
//! the derived reader for every kind. Writing stays derived.

use serde::de::{self, DeserializeSeed, EnumAccess, Error, MapAccess, SeqAccess, VariantAccess};
use serde::Deserializer;
use std::fmt;

use super::*;

/// One kind: its name in messages, its fields in their order, and how
/// many of them (at the end) may be left out. Its written name is the
/// one at the same place in `EventKind::NAMES`.
struct Shape {
    rust: &'static str,
    fields: &'static [&'static str],
    optional: usize,
}

const fn shape(rust: &'static str, fields: &'static [&'static str], optional: usize) -> Shape {
    Shape {
        rust,
        fields,
        optional,
    }
}

/// In the order of `EventKind::NAMES`, which names them.
const SHAPES: [Shape; 12] = [
    shape("Created", &["pack", "version", "procedure"], 0),
    shape("FieldSet", &["field", "value"], 0),
    shape(
        "DocumentAttached",
        &["document", "sha256", "bytes", "width", "height"],
        0,
    ),
    shape("DocumentMarked", &["document", "present"], 0),
    shape("StepCompleted", &["node", "outputs"], 1),
    shape("DecisionAnswered", &["node", "answer", "reason"], 1),
    shape("Note", &["text"], 0),
    shape("LetterIssued", &["letter", "number", "digest"], 0),
    shape("Merged", &["from"], 0),
    shape("MergedInto", &["case"], 0),
    shape("StatusChanged", &["status"], 0),
    shape("Feedback", &["state", "reason", "missing"], 2),
];

/// The fields of one kind's object, as read.
#[derive(Default)]
struct Found {
    texts: Vec<(&'static str, String)>,
    numbers: Vec<(&'static str, u32)>,
    present: Option<bool>,
    reason: Option<Option<String>>,
    outputs: Option<BTreeMap<String, String>>,
    missing: Option<Vec<String>>,
    field: Option<Field>,
    status: Option<CaseStatus>,
    state: Option<FeedbackState>,
}

/// What reading one field came to.
enum Read {
    Stored,
    /// Given twice.
    Again,
    /// A list ended before it.
    Absent,
}

/// Where a field's value comes from: the next value of a map, or the next
/// element of a list (`None` once it has ended).
trait Source<'de> {
    type Error: Error;
    fn next<T: Deserialize<'de>>(&mut self) -> Result<Option<T>, Self::Error>;
}

fn put<'de, T: Deserialize<'de>, S: Source<'de>>(
    slot: &mut Option<T>,
    source: &mut S,
) -> Result<Read, S::Error> {
    if slot.is_some() {
        return Ok(Read::Again);
    }
    *slot = source.next()?;
    Ok(if slot.is_some() {
        Read::Stored
    } else {
        Read::Absent
    })
}

fn put_in<'de, T: Deserialize<'de>, S: Source<'de>>(
    list: &mut Vec<(&'static str, T)>,
    name: &'static str,
    source: &mut S,
) -> Result<Read, S::Error> {
    if list.iter().any(|(n, _)| *n == name) {
        return Ok(Read::Again);
    }
    Ok(match source.next()? {
        Some(v) => {
            list.push((name, v));
            Read::Stored
        }
        None => Read::Absent,
    })
}

impl Found {
    /// Reads the field `name` (one of the kind's) from `source`.
    fn read<'de, S: Source<'de>>(
        &mut self,
        name: &'static str,
        source: &mut S,
    ) -> Result<Read, S::Error> {
        match name {
            "version" | "bytes" | "width" | "height" => put_in(&mut self.numbers, name, source),
            "present" => put(&mut self.present, source),
            "reason" => put(&mut self.reason, source),
            "outputs" => put(&mut self.outputs, source),
            "missing" => put(&mut self.missing, source),
            "field" => put(&mut self.field, source),
            "status" => put(&mut self.status, source),
            "state" => put(&mut self.state, source),
            _ => put_in(&mut self.texts, name, source),
        }
    }

    fn text<E: Error>(&mut self, name: &'static str) -> Result<String, E> {
        match self.texts.iter().position(|(n, _)| *n == name) {
            Some(i) => Ok(self.texts.swap_remove(i).1),
            None => Err(E::missing_field(name)),
        }
    }

    fn number<E: Error>(&self, name: &'static str) -> Result<u32, E> {
        self.numbers
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
            .ok_or_else(|| E::missing_field(name))
    }

    /// The kind, its missing fields named in their order as serde does.
    fn build<E: Error>(mut self, kind: usize) -> Result<EventKind, E> {
        fn need<T, E: Error>(v: Option<T>, name: &'static str) -> Result<T, E> {
            v.ok_or_else(|| E::missing_field(name))
        }
        Ok(match kind {
            0 => EventKind::Created {
                pack: self.text("pack")?,
                version: self.number("version")?,
                procedure: self.text("procedure")?,
            },
            1 => EventKind::FieldSet {
                field: need(self.field, "field")?,
                value: self.text("value")?,
            },
            2 => EventKind::DocumentAttached {
                document: self.text("document")?,
                sha256: self.text("sha256")?,
                bytes: self.number("bytes")?,
                width: self.number("width")?,
                height: self.number("height")?,
            },
            3 => EventKind::DocumentMarked {
                document: self.text("document")?,
                present: need(self.present, "present")?,
            },
            4 => EventKind::StepCompleted {
                node: self.text("node")?,
                outputs: self.outputs.unwrap_or_default(),
            },
            5 => EventKind::DecisionAnswered {
                node: self.text("node")?,
                answer: self.text("answer")?,
                reason: self.reason.flatten(),
            },
            6 => EventKind::Note {
                text: self.text("text")?,
            },
            7 => EventKind::LetterIssued {
                letter: self.text("letter")?,
                number: self.text("number")?,
                digest: self.text("digest")?,
            },
            8 => EventKind::Merged {
                from: self.text("from")?,
            },
            9 => EventKind::MergedInto {
                case: self.text("case")?,
            },
            10 => EventKind::StatusChanged {
                status: need(self.status, "status")?,
            },
            _ => EventKind::Feedback {
                state: need(self.state, "state")?,
                reason: self.reason.flatten(),
                missing: self.missing.unwrap_or_default(),
            },
        })
    }
}

struct FromMap<'a, M>(&'a mut M);

impl<'de, M: MapAccess<'de>> Source<'de> for FromMap<'_, M> {
    type Error = M::Error;
    fn next<T: Deserialize<'de>>(&mut self) -> Result<Option<T>, M::Error> {
        self.0.next_value().map(Some)
    }
}

struct FromSeq<'a, S>(&'a mut S);

impl<'de, S: SeqAccess<'de>> Source<'de> for FromSeq<'_, S> {
    type Error = S::Error;
    fn next<T: Deserialize<'de>>(&mut self) -> Result<Option<T>, S::Error> {
        self.0.next_element()
    }
}

/// One kind's object (or list), by its index in `SHAPES`.
struct KindVisitor(usize);

impl<'de> de::Visitor<'de> for KindVisitor {
    type Value = EventKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "struct variant EventKind::{}", SHAPES[self.0].rust)
    }

    fn visit_map<M: MapAccess<'de>>(self, mut map: M) -> Result<EventKind, M::Error> {
        let fields = SHAPES[self.0].fields;
        let mut found = Found::default();
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match fields.iter().find(|f| **f == key) {
                Some(name) => {
                    if let Read::Again = found.read(name, &mut FromMap(&mut map))? {
                        return Err(M::Error::duplicate_field(name));
                    }
                }
                None => {
                    map.next_value::<de::IgnoredAny>()?;
                }
            }
        }
        found.build(self.0)
    }

    fn visit_seq<S: SeqAccess<'de>>(self, mut seq: S) -> Result<EventKind, S::Error> {
        let shape = &SHAPES[self.0];
        let required = shape.fields.len() - shape.optional;
        let count = shape.fields.len();
        let mut found = Found::default();
        for (i, name) in shape.fields.iter().enumerate() {
            if let Read::Absent = found.read(name, &mut FromSeq(&mut seq))? {
                if i < required {
                    return Err(S::Error::invalid_length(i, &ElementCount(self.0, count)));
                }
            }
        }
        found.build(self.0)
    }
}

/// Serde's words for a list too short: "struct variant EventKind::X with
/// N element(s)".
struct ElementCount(usize, usize);

impl de::Expected for ElementCount {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        let s = if self.1 == 1 { "" } else { "s" };
        write!(
            f,
            "struct variant EventKind::{} with {} element{s}",
            SHAPES[self.0].rust, self.1
        )
    }
}

/// The kind's name, the one key of the outer object, as its index in
/// `EventKind::NAMES` (and `SHAPES`).
struct KindName;

impl<'de> DeserializeSeed<'de> for KindName {
    type Value = usize;
    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<usize, D::Error> {
        let name = std::borrow::Cow::<'de, str>::deserialize(d)?;
        EventKind::NAMES
            .iter()
            .position(|n| *n == name)
            .ok_or_else(|| D::Error::unknown_variant(&name, &EventKind::NAMES))
    }
}

struct EnumVisitor;

impl<'de> de::Visitor<'de> for EnumVisitor {
    type Value = EventKind;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("enum EventKind")
    }

    fn visit_enum<A: EnumAccess<'de>>(self, data: A) -> Result<EventKind, A::Error> {
        let (kind, variant) = data.variant_seed(KindName)?;
        variant.struct_variant(SHAPES[kind].fields, KindVisitor(kind))
    }
}

impl<'de> Deserialize<'de> for EventKind {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<EventKind, D::Error> {
        d.deserialize_enum("EventKind", &EventKind::NAMES, EnumVisitor)
    }
}
