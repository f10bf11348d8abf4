//! What an office prints and sends from a pack: lists per cycle, letters
//! (per case or per cycle), decree attachments, the letterhead.

use super::*;

/// A decree's attachment list ("lampiran keputusan"): the cases of one
/// cycle of `list`, printed on A4 under the decree's heading, numbered
/// from the register and signed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DecreeDef {
    pub id: String,
    pub title: Text,
    /// The list (`Pack::lists`) whose cycle it prints.
    pub list: String,
    /// The lines above the table ("LAMPIRAN KEPUTUSAN KEPALA DINAS ...");
    /// `{placeholders}`: `month` (the cycle), `office`, `regency`,
    /// `number`, `date`.
    pub heading: Vec<Text>,
    /// "TENTANG ...", with the same placeholders.
    pub subject: Text,
    /// The applicant's facts in the table, after the row number.
    pub columns: Vec<Column>,
    pub place: String,
    pub signer: Text,
    /// As `LetterDef::signer_role`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_role: Option<String>,
}

/// The letterhead: the government and office lines, then the address.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Letterhead {
    pub lines: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<Text>,
}

/// A letter template: offered for a case once it reached `node`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LetterDef {
    pub id: String,
    pub title: Text,
    pub procedure: String,
    pub node: String,
    pub subject: Text,
    /// The addressee, line by line ("Yth. Kepala BPJS Kesehatan ...").
    pub to: Vec<Text>,
    /// Paragraphs; `{placeholder}`s are filled from the case
    /// (the applicant's field codes, and `case_id`, `office`, `regency`,
    /// `number`, `date`).
    pub body: Vec<Text>,
    /// The applicant's facts listed under the body, in order.
    #[serde(default)]
    pub facts: Vec<Column>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing: Option<Text>,
    /// Where the letter is signed ("Painan").
    pub place: String,
    /// Who signs ("Kepala Dinas Sosial").
    pub signer: Text,
    /// The district role whose holder signs (name, rank and NIP printed
    /// from the office's staff); the office's head role when not named.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer_role: Option<String>,
    /// `case` (the default): one letter per case. `cycle`: one letter for
    /// the cases that reached `node` in a cycle (one per destination),
    /// numbered once, its list attached (`columns`).
    #[serde(default, skip_serializing_if = "Per::is_case")]
    pub per: Per,
    /// A cycle letter's attachment columns, after the row number.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<Column>,
    /// A cycle letter's attachment title ("Daftar usulan ..."), with the
    /// cycle letter's placeholders.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Text>,
    /// The last day of a cycle letter's cycle, as `ListDef::cutoff_day`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff_day: Option<u32>,
    /// The addressee follows a case's `Choice` output (Karanganyar: PBI-JK
    /// to Kemensos, PBPU BP Pemda to Dinkes); `to` is then unused.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub destination: Option<Destination>,
}

/// How many cases a letter covers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Per {
    #[default]
    Case,
    Cycle,
}

impl Per {
    pub fn is_case(&self) -> bool {
        *self == Per::Case
    }
}

/// Where a letter goes, by a case's choice.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Destination {
    /// A `Choice` output of the letter's procedure (`Step::outputs`).
    pub output: String,
    /// The addressee's lines for each of its options' values.
    pub to: BTreeMap<String, Vec<Text>>,
    /// How `{destination}` reads on the letter, per option ("PBI-JK");
    /// the option's label where not given.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub names: BTreeMap<String, Text>,
}

/// A list of the cases that reached one node of a procedure in a cycle:
/// "the PBI-JK proposals sent to Kemensos in November".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListDef {
    /// Unique within the pack; part of the file name.
    pub id: String,
    pub title: Text,
    pub procedure: String,
    /// A case is on the list of the cycle in which it arrived here.
    pub node: String,
    /// The last day of a cycle (BPJS: the 25th; later arrivals belong to
    /// the next month's list); without it the cycle is the calendar month.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cutoff_day: Option<u32>,
    pub columns: Vec<Column>,
}

/// A column a list may have.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Column {
    /// The row number, from 1.
    No,
    Nik,
    Kk,
    FullName,
    Sex,
    BirthDate,
    Address,
    Rt,
    Rw,
    Village,
    District,
    Phone,
    /// When the case arrived at the list's node (local date).
    Reached,
    /// Pandu's case id, to find the record again.
    CaseId,
    /// The KIS / JKN card number (`Field::Kis`).
    Kis,
    /// The regency or city of the pack ("Kota Banjarbaru").
    Regency,
    /// The village code of the device that sent the case (Kemendagri's
    /// `PP.RR.DD.VVVV`), from its enrolment; empty for a walk-in.
    VillageCode,
    /// When a cycle's changes take effect: the first day of the month
    /// after the cycle (Banjarbaru's mutations to BPJS).
    Effective,
}
