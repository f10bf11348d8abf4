//! SOP packs as data: one versioned pack per regency, holding its
//! procedures as graphs of capsules (start/end), rectangles (steps) and
//! diamonds (decisions), in the shape of the SOP tables (swimlane actor,
//! required inputs, time standard, output per row).
//!
//! Invariant: a pack is only used after `validate` returned no problem, so
//! the engine may assume every reference resolves and every path ends.

mod papers;
mod wire;

pub use papers::*;

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// A short text in Bahasa Indonesia, with an optional English rendering.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Text {
    pub id: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

impl Text {
    /// The text in `english` or Indonesian; Indonesian when no English exists.
    pub fn get(&self, english: bool) -> &str {
        match (&self.en, english) {
            (Some(en), true) => en,
            _ => &self.id,
        }
    }
}

/// A regency's pack.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Pack {
    /// Stable id, e.g. `purwakarta`.
    pub id: String,
    /// Increases with every published change; a case keeps the version it
    /// started under.
    pub version: u32,
    pub regency: String,
    pub office: String,
    /// The regency's offset from UTC in minutes, for due times: WIB 420
    /// (the default), WITA 480, WIT 540.
    #[serde(default = "wib")]
    pub utc_offset_minutes: i32,
    pub procedures: Vec<Procedure>,
    /// The lists the office sends on each cycle (SIKS-NG proposals, BNBA),
    /// as CSV; see `domain::lists`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub lists: Vec<ListDef>,
    /// The top of the office's letters ("kop surat").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub letterhead: Option<Letterhead>,
    /// How the office numbers its letters (`domain::register`), e.g.
    /// `400.9/{seq:3}/Dinsos/{month_roman}/{year}`; needed with `letters`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub register_format: Option<String>,
    /// The letters the office prints for a case; see `domain::letters`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub letters: Vec<LetterDef>,
    /// Decree attachment lists: one cycle of a list under a decree's
    /// heading; see `domain::letters::render_decree`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decrees: Vec<DecreeDef>,
    /// The office's head role: its holder's PIN authorises every change
    /// to the office's staff. Without it, `kadis` when the pack has that
    /// district role (`Pack::head_role`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head_role: Option<String>,
}

fn wib() -> i32 {
    7 * 60
}

/// Whether the procedure is taken from a surviving SOP table or rebuilt
/// from its description and waiting for the office to confirm it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Provenance {
    #[default]
    Seed,
    Reconstructed,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Unique within the pack, e.g. `enrolment`.
    pub id: String,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sop_number: Option<String>,
    /// Dates as the SOP writes them ("Januari 2020", "20 Mei 2017").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub made: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revised: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective: Option<String>,
    #[serde(default)]
    pub provenance: Provenance,
    /// Shown to the officer when the procedure is reconstructed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    /// The SOP's warning ("Peringatan").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub warning: Option<Text>,
    pub roles: Vec<Role>,
    pub nodes: Vec<Node>,
    /// Who opens a case of this procedure: a village device (the
    /// default), or only the office (an office procedure such as
    /// Banjarbaru's verivali is not offered on village phones).
    #[serde(default, skip_serializing_if = "Intake::is_village")]
    pub intake: Intake,
    /// Purwakarta's warning "Harus ada Berkas dan Dokumen/Foto": a
    /// document the catalogue photographs counts as provided only with
    /// its photo ("present without photo" is not enough).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub photos_required: bool,
    /// Who may record the district's answer, where, and its words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answers: Option<AnswerRule>,
    /// Whom a case is about: a person (the default) or a newborn, whose
    /// record is named by the birth letter, not a KTP.
    #[serde(default, skip_serializing_if = "Subject::is_person")]
    pub subject: Subject,
}

/// Whom a procedure's case is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Subject {
    #[default]
    Person,
    /// A newborn baby: the name field asks for the baby's name as on the
    /// birth letter.
    Newborn,
}

impl Subject {
    pub fn is_person(&self) -> bool {
        *self == Subject::Person
    }
}

/// Who opens a case of a procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Intake {
    /// A village device opens the case. When the first step or decision
    /// is the district's (Pesisir Selatan), the village prepares the
    /// dossier: the applicant and the documents the district's steps ask
    /// for before its first decision, then sends it.
    #[default]
    Village,
    /// Only the office opens it; village phones do not offer it.
    Office,
}

impl Intake {
    pub fn is_village(&self) -> bool {
        *self == Intake::Village
    }
}

/// The district's answer to the village ("Catat jawaban"): which roles
/// record it, at which nodes, and the choices in the pack's words.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerRule {
    /// District roles that may record an answer.
    pub roles: Vec<String>,
    /// Nodes at which an answer may be recorded besides the ends (a
    /// step such as Karanganyar's "feedback"); at an end it always may.
    #[serde(default)]
    pub at: Vec<String>,
    /// The choices, in order; none is preselected.
    pub choices: Vec<AnswerChoice>,
}

/// One choice of the district's answer.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AnswerChoice {
    /// `proposed`, `accepted`, `rejected` or `returned`.
    pub state: super::case::FeedbackState,
    pub label: Text,
    /// Offered only when the case answered this decision so (Karanganyar:
    /// PBI-JK goes to Kemensos, PBPU BP Pemda to Dinkes).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Chosen>,
}

/// A decision answered a certain way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Chosen {
    pub node: String,
    pub answer: String,
}

/// Which side of the hand-over a role works on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Side {
    Village,
    District,
}

/// A swimlane of the SOP table.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    pub id: String,
    pub name: Text,
    pub side: Side,
}

/// One shape of the flowchart (read by `wire`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Node {
    pub id: String,
    #[serde(flatten)]
    pub kind: NodeKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum NodeKind {
    /// The capsule where the procedure begins.
    Start { next: String },
    /// A capsule where it ends, with what became of the case.
    End {
        outcome: Outcome,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        label: Option<Text>,
    },
    /// A rectangle: one row of the SOP table.
    Step(Step),
    /// A diamond: a question whose answers lead on.
    Decision(Decision),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// The SOP table's row number, where the step is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    pub actor: String,
    pub title: Text,
    /// Documents from the catalogue ("kelengkapan").
    #[serde(default)]
    pub documents: Vec<Requirement>,
    /// Other required inputs: equipment, data, a prior output.
    #[serde(default)]
    pub inputs: Vec<Text>,
    pub time: TimeStandard,
    pub output: Text,
    pub next: String,
    /// The pack's letter this step works on (drafts, initials, signs):
    /// the step is done only once that letter was issued for the case,
    /// and the history names its number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paper: Option<String>,
    /// Values the step produces that the office types in when it is done
    /// (Pesisir Selatan's No. PBDT, Karanganyar's scheme): checked
    /// (`domain::outputs`), kept in the step's event, printable on the
    /// procedure's letters as `{id}`. `output` above is the SOP's own
    /// wording of what the step yields.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub outputs: Vec<OutputField>,
}

/// A value a step produces (`Step::outputs`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputField {
    /// Unique within the procedure; lowercase letters, digits and `_`.
    pub id: String,
    pub label: Text,
    /// What to type, shown under the label.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<Text>,
    pub format: OutputFormat,
}

/// What an output value may be.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum OutputFormat {
    /// Digits only, `min` to `max` of them (spaces typed are dropped).
    Digits { min: u32, max: u32 },
    /// One line of text, at most `max` characters.
    Text { max: u32 },
    /// One of the options, recorded by its value.
    Choice { options: Vec<OutputOption> },
}

/// One option of a `Choice` output.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OutputOption {
    pub value: String,
    pub label: Text,
}

/// A document a step needs, possibly only under a condition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Requirement {
    pub document: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub when: Option<Condition>,
}

/// When a requirement applies, judged on the applicant.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Condition {
    /// e.g. the birth certificate for applicants under 17.
    AgeUnder {
        years: u32,
    },
    AgeAtLeast {
        years: u32,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub row: Option<u32>,
    pub actor: String,
    pub question: Text,
    #[serde(default)]
    pub legal_basis: Vec<String>,
    pub answers: Vec<Answer>,
    /// The answer was chosen earlier, as this `Choice` output of a step
    /// (Karanganyar's scheme, chosen when the operator verifies, so the
    /// request letter knows its addressee): only the recorded value is
    /// accepted here, and the answers' values are the output's options.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from_output: Option<String>,
}

/// A labelled edge out of a diamond.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    /// Stable value recorded in the case history, e.g. `yes`.
    pub value: String,
    pub label: Text,
    pub next: String,
    /// Documents that must be provided (and photographed, where the
    /// procedure requires photos) before this answer may be given:
    /// "complete? yes" rests on the checklist.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub requires: Vec<Requirement>,
}

/// What became of a case at an end capsule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// The citizen was served (registered, documented).
    Served,
    /// Proposed onwards (SIKS-NG, Kemensos, Dinkes).
    Proposed,
    /// A recommendation or letter was issued.
    Recommended,
    /// The dossier went back to the village with what is missing.
    Returned,
    /// Refused, e.g. incomplete documents.
    Refused,
    /// An office procedure completed (decree, report).
    Completed,
}

/// The SOP's "mutu baku waktu" in the shapes the seeds use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum TimeStandard {
    /// `amount` units, or a range up to `max` ("2-3 jam").
    Duration {
        amount: u32,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        max: Option<u32>,
        unit: TimeUnit,
    },
    /// Only between these days of each month ("setiap tanggal 1-15").
    MonthWindow { from_day: u32, to_day: u32 },
    /// Accepted up to `day` of each month; takes effect on the first of the
    /// next month (BPJS mutations: the 25th).
    MonthlyCutoff { day: u32 },
    /// Finished on the day it starts.
    SameDay,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TimeUnit {
    Minutes,
    Hours,
    Days,
    Months,
}

impl Pack {
    /// The procedure `id` of this pack.
    pub fn procedure(&self, id: &str) -> Option<&Procedure> {
        self.procedures.iter().find(|p| p.id == id)
    }

    /// The office's head role: `head_role`, else `kadis` when it is a
    /// district role of the pack, else none (the first staff member added
    /// then heads the office: `domain::staff::StaffRules`).
    pub fn head_role(&self) -> Option<&str> {
        match &self.head_role {
            Some(r) => Some(r.as_str()),
            None => self
                .role("kadis")
                .filter(|r| r.side == Side::District)
                .map(|r| r.id.as_str()),
        }
    }

    /// The role `id` in any procedure of the pack (a role id names one
    /// role in a whole pack; the validator refuses one that changes side).
    pub fn role(&self, id: &str) -> Option<&Role> {
        self.procedures
            .iter()
            .flat_map(|p| &p.roles)
            .find(|r| r.id == id)
    }
}

impl Procedure {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }

    pub fn role(&self, id: &str) -> Option<&Role> {
        self.roles.iter().find(|r| r.id == id)
    }

    /// The start capsule, if there is exactly one.
    pub fn start(&self) -> Option<&Node> {
        let mut starts = self
            .nodes
            .iter()
            .filter(|n| matches!(n.kind, NodeKind::Start { .. }));
        match (starts.next(), starts.next()) {
            (Some(s), None) => Some(s),
            _ => None,
        }
    }
}

impl NodeKind {
    /// Where this node leads, with the answer value for a decision's edges.
    pub fn edges(&self) -> Vec<(Option<&str>, &str)> {
        match self {
            NodeKind::Start { next } => vec![(None, next.as_str())],
            NodeKind::Step(s) => vec![(None, s.next.as_str())],
            NodeKind::Decision(d) => d
                .answers
                .iter()
                .map(|a| (Some(a.value.as_str()), a.next.as_str()))
                .collect(),
            NodeKind::End { .. } => vec![],
        }
    }

    /// The role acting at this node, for steps and decisions.
    pub fn actor(&self) -> Option<&str> {
        match self {
            NodeKind::Step(s) => Some(&s.actor),
            NodeKind::Decision(d) => Some(&d.actor),
            _ => None,
        }
    }
}

/// The shared catalogue of documents packs may require.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Catalogue {
    pub version: u32,
    pub documents: Vec<DocumentKind>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocumentKind {
    /// e.g. `ktp`, `kk`, `akte`, `sktm`.
    pub id: String,
    pub name: Text,
    /// Whether the officer photographs it (a dossier needs photos).
    #[serde(default = "yes")]
    pub photo: bool,
}

fn yes() -> bool {
    true
}

impl Catalogue {
    pub fn get(&self, id: &str) -> Option<&DocumentKind> {
        self.documents.iter().find(|d| d.id == id)
    }
}
