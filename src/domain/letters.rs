//! Letters from the pack's templates: the recommendation for BPJS, the
//! newborn recommendation, the request for the Bupati's signature, filled
//! from the case and numbered from the office's register
//! (`domain::register`).
//!
//! Invariants: a letter is made only when every field it names is known
//! (`render` lists every missing one instead); its QR code carries the
//! case id, the register number and the SHA-256 of everything the letter
//! says, so a printed letter can be checked against the record.

use sha2::{Digest, Sha256};

use super::applicant::Field;
use super::case::Case;
use super::csv::Table;
use super::date::Date;
use super::hex::hex;
use super::lists::Cycle;
use super::nik::Sex;
use super::outputs;
use super::procedure::{Column, DecreeDef, LetterDef, OutputField, Pack, Per, Text};
use super::register::RegisterEntry;
use super::staff::{signer, Signer, SignerProblem, StaffMember, StaffRules};

/// What `{…}` in a decree's heading and subject may name.
const DECREE_NAMES: &[&str] = &["month", "office", "regency", "number", "date"];

/// What `{…}` in a template may name besides the applicant's fields
/// (named by their codes, `Field::from_code`) and the outputs of its
/// procedure's steps (`domain::outputs`): the letter's own facts.
const LETTER_NAMES: &[&str] = &["case_id", "office", "regency", "number", "date"];

/// What `{…}` in a cycle letter may name: it speaks for many cases.
const CYCLE_NAMES: &[&str] = &[
    "office",
    "regency",
    "number",
    "date",
    "month",
    "count",
    "destination",
];

/// The applicant field a column or placeholder names, if any.
fn field_of(c: Column) -> Option<Field> {
    Some(match c {
        Column::Nik => Field::Nik,
        Column::Kk => Field::Kk,
        Column::FullName => Field::FullName,
        Column::Sex => Field::Sex,
        Column::BirthDate => Field::BirthDate,
        Column::Address => Field::Address,
        Column::Rt => Field::Rt,
        Column::Rw => Field::Rw,
        Column::Village => Field::Village,
        Column::District => Field::District,
        Column::Phone => Field::Phone,
        Column::Kis => Field::Kis,
        Column::No
        | Column::Reached
        | Column::CaseId
        | Column::Regency
        | Column::Effective
        | Column::VillageCode => return None,
    })
}

/// The `{…}` names in a text, in order (an unclosed `{` ends the scan).
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}') else {
            break;
        };
        out.push(&rest[open + 1..open + close]);
        rest = &rest[open + close + 1..];
    }
    out
}

/// Every text of a template, both languages, for checks.
pub fn template_texts(def: &LetterDef) -> Vec<&str> {
    let mut texts: Vec<&Text> = vec![&def.subject, &def.signer];
    texts.extend(&def.to);
    texts.extend(&def.body);
    texts.extend(&def.closing);
    texts.extend(&def.attachment);
    if let Some(d) = &def.destination {
        texts.extend(d.to.values().flatten());
    }
    both_languages(texts)
}

/// The Indonesian and English wording of `texts`.
fn both_languages(texts: Vec<&Text>) -> Vec<&str> {
    texts
        .into_iter()
        .flat_map(|t| std::iter::once(t.id.as_str()).chain(t.en.as_deref()))
        .collect()
}

/// The `{…}` names in `texts` that `known` does not accept, each once.
fn unknown_names(texts: Vec<&str>, known: impl Fn(&str) -> bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for t in texts {
        for p in placeholders(t) {
            if !known(p) && !out.iter().any(|o| o == p) {
                out.push(p.to_string());
            }
        }
    }
    out
}

/// Why a letter cannot be made for a case.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LetterProblem {
    /// The case does not say this, and the letter needs it.
    MissingField(Field),
    /// The step that produces this output (`Step::outputs`) has not given
    /// it, and the letter needs it.
    MissingOutput(String),
}

/// Words the letter needs from `i18n`.
pub trait Words {
    fn long_date(&self, d: Date) -> String;
    fn sex(&self, s: Sex) -> String;
}

/// A letter, filled in, ready to lay out on A4; kept as issued beside the
/// register (`store::letters`).
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Letter {
    pub letter: String,
    pub case_id: String,
    pub number: String,
    pub head: Vec<String>,
    pub address: Option<String>,
    pub to: Vec<String>,
    pub subject: String,
    pub paragraphs: Vec<String>,
    /// The facts under the body, with their values.
    pub facts: Vec<(Column, String)>,
    pub closing: Option<String>,
    /// "Painan, 23 November 2026".
    pub place_date: String,
    pub signer: String,
    /// Who signs: the signing role's holder when it was issued (none on
    /// letters issued before signers were printed).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<Signer>,
    /// A cycle letter's list, printed on the pages after the letter.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub attachment: Option<Attachment>,
}

/// The list a cycle letter carries: its rows as printed, and the cases
/// they are, so the QR code binds every row.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Attachment {
    pub title: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    /// The case ids, row by row.
    pub cases: Vec<String>,
}

impl Letter {
    /// SHA-256 (hex) over everything the letter says, line by line.
    pub fn digest(&self) -> String {
        let mut lines: Vec<String> = vec!["pandu-letter-v1".into()];
        lines.extend([&self.letter, &self.case_id, &self.number].map(String::clone));
        lines.extend(self.head.iter().cloned());
        lines.push(self.address.clone().unwrap_or_default());
        lines.extend(self.to.iter().cloned());
        lines.push(self.subject.clone());
        lines.extend(self.paragraphs.iter().cloned());
        for (c, v) in &self.facts {
            lines.push(format!("{}={v}", field_of(*c).map_or("", Field::code)));
        }
        lines.push(self.closing.clone().unwrap_or_default());
        lines.push(self.place_date.clone());
        lines.push(self.signer.clone());
        signed_lines(&self.signed_by, &mut lines);
        // None on case letters, so their digests stay as they were.
        if let Some(a) = &self.attachment {
            lines.push("attachment".into());
            lines.push(a.title.clone());
            lines.push(a.columns.join("\t"));
            lines.extend(a.rows.iter().map(|r| r.join("\t")));
            lines.push(a.cases.join("\t"));
        }
        digest_lines(&lines)
    }

    /// What the letter's QR code says: case (a cycle letter's register
    /// key), number and digest.
    pub fn qr_text(&self) -> String {
        format!(
            "pandu-surat|1|{}|{}|{}",
            self.case_id,
            self.number,
            self.digest()
        )
    }
}

/// The signer's lines of a digest: none without a signer, so papers made
/// before signers were printed keep their digests.
fn signed_lines(signed_by: &Option<Signer>, lines: &mut Vec<String>) {
    if let Some(s) = signed_by {
        lines.extend([
            "signed-by".to_string(),
            s.name.clone(),
            s.rank.clone(),
            s.nip.clone(),
        ]);
    }
}

/// SHA-256 (hex) over `lines`, each ended by a line feed.
fn digest_lines(lines: &[String]) -> String {
    let mut h = Sha256::new();
    for l in lines {
        h.update(l.as_bytes());
        h.update(b"\n");
    }
    hex(&h.finalize())
}

/// Fills `def` for `case` with register number `number`, issued on
/// `date`; every field the letter needs and the case lacks is listed.
#[allow(clippy::too_many_arguments)]
pub fn render(
    def: &LetterDef,
    pack: &Pack,
    case: &Case,
    number: &str,
    date: Date,
    signed_by: Option<&Signer>,
    en: bool,
    words: &dyn Words,
) -> Result<Letter, Vec<LetterProblem>> {
    let mut missing: Vec<Field> = Vec::new();
    let mut missing_outputs: Vec<String> = Vec::new();
    let value = |f: Field, missing: &mut Vec<Field>| -> String {
        let raw = case.applicant.get(f).trim().to_string();
        if raw.is_empty() {
            if !missing.contains(&f) {
                missing.push(f);
            }
            return String::new();
        }
        match f {
            Field::BirthDate => case
                .applicant
                .birth_date(date)
                .map_or(raw, |d| words.long_date(d)),
            Field::Sex => case.applicant.sex().map_or(raw, |s| words.sex(s)),
            _ => raw,
        }
    };
    let mut fill = |t: &Text| -> String {
        let text = t.get(en);
        let mut out = String::with_capacity(text.len());
        let mut rest = text;
        while let Some(open) = rest.find('{') {
            let Some(close) = rest[open..].find('}') else {
                break;
            };
            out.push_str(&rest[..open]);
            let name = &rest[open + 1..open + close];
            let v = match name {
                "office" => pack.office.clone(),
                "regency" => pack.regency.clone(),
                "number" => number.to_string(),
                "date" => words.long_date(date),
                "case_id" => case.id.clone(),
                other => match Field::from_code(other) {
                    Some(f) => value(f, &mut missing),
                    None => match output_of(pack, def, other) {
                        Some(field) => match case.outputs.get(other) {
                            Some(v) => outputs::shown(field, v, en),
                            None => {
                                push_once(&mut missing_outputs, other);
                                String::new()
                            }
                        },
                        // The validator refuses unknown names; kept as typed.
                        None => format!("{{{other}}}"),
                    },
                },
            };
            out.push_str(&v);
            rest = &rest[open + close + 1..];
        }
        out.push_str(rest);
        out
    };
    let (head, address) = letterhead(pack, en);
    // The addressee: the pack's, or the one of the case's destination.
    let destined = def
        .destination
        .as_ref()
        .map(|d| (d, case.outputs.get(&d.output).and_then(|v| d.to.get(v))));
    let to: Vec<String> = match destined {
        None => def.to.iter().map(&mut fill).collect(),
        Some((_, Some(lines))) => lines.iter().map(&mut fill).collect(),
        Some((_, None)) => Vec::new(),
    };
    let subject = fill(&def.subject);
    let paragraphs = def.body.iter().map(&mut fill).collect();
    let closing = def.closing.as_ref().map(&mut fill);
    let signer = fill(&def.signer);
    let facts = def
        .facts
        .iter()
        .filter_map(|c| Some((*c, field_of(*c)?)))
        .map(|(c, f)| match (c, case.applicant.sex()) {
            // The fact's label says "(L/P)": the value agrees.
            (Column::Sex, Some(s)) => (c, s.letter().to_string()),
            _ => (c, value(f, &mut missing)),
        })
        .collect();
    if let Some((d, None)) = destined {
        push_once(&mut missing_outputs, &d.output);
    }
    if !missing.is_empty() || !missing_outputs.is_empty() {
        return Err(missing
            .into_iter()
            .map(LetterProblem::MissingField)
            .chain(
                missing_outputs
                    .into_iter()
                    .map(LetterProblem::MissingOutput),
            )
            .collect());
    }
    Ok(Letter {
        letter: def.id.clone(),
        case_id: case.id.clone(),
        number: number.to_string(),
        head,
        address,
        to,
        subject,
        paragraphs,
        facts,
        closing,
        place_date: format!("{}, {}", def.place, words.long_date(date)),
        signer,
        signed_by: signed_by.cloned(),
        attachment: None,
    })
}

/// `name` added to `names` unless it is there.
fn push_once(names: &mut Vec<String>, name: &str) {
    if !names.iter().any(|n| n == name) {
        names.push(name.to_string());
    }
}

/// The output `name` of the letter's procedure, if it declares one.
fn output_of<'p>(pack: &'p Pack, def: &LetterDef, name: &str) -> Option<&'p OutputField> {
    let procedure = pack.procedure(&def.procedure)?;
    outputs::find(procedure, name).map(|(_, f)| f)
}

/// Whether the template's names are all known; the unknown ones. A case
/// letter names the applicant's fields, its procedure's outputs and
/// `LETTER_NAMES`; a cycle letter only `CYCLE_NAMES`.
pub fn unknown_placeholders(def: &LetterDef, pack: &Pack) -> Vec<String> {
    match def.per {
        Per::Case => unknown_names(template_texts(def), |name| {
            Field::from_code(name).is_some()
                || LETTER_NAMES.contains(&name)
                || output_of(pack, def, name).is_some()
        }),
        Per::Cycle => unknown_names(template_texts(def), |name| CYCLE_NAMES.contains(&name)),
    }
}

/// Whether a fact column can be listed on a letter (the applicant's).
pub fn fact_allowed(c: Column) -> bool {
    field_of(c).is_some()
}

/// A decree's attachment list, filled in, ready to lay out on A4; kept
/// as numbered beside the register (`store::letters`), so the sheet a
/// number stands for can be printed again as it was.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct Decree {
    pub decree: String,
    /// The cycle, `YYYY-MM`.
    pub cycle: String,
    pub number: String,
    pub head: Vec<String>,
    pub address: Option<String>,
    pub heading: Vec<String>,
    pub subject: String,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub place_date: String,
    pub signer: String,
    /// As `Letter::signed_by`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signed_by: Option<Signer>,
}

/// The key a decree's cycle has in the register (`RegisterEntry::case_id`).
pub fn decree_key(decree: &str, cycle: Cycle) -> String {
    format!("{decree}:{}", cycle.code())
}

impl Decree {
    /// SHA-256 (hex) over everything the sheet says, line by line.
    pub fn digest(&self) -> String {
        let mut lines: Vec<String> = vec!["pandu-decree-v1".into()];
        lines.extend([&self.decree, &self.cycle, &self.number].map(String::clone));
        lines.extend(self.head.iter().cloned());
        lines.push(self.address.clone().unwrap_or_default());
        lines.extend(self.heading.iter().cloned());
        lines.push(self.subject.clone());
        lines.push(self.columns.join("\t"));
        lines.extend(self.rows.iter().map(|r| r.join("\t")));
        lines.push(self.place_date.clone());
        lines.push(self.signer.clone());
        signed_lines(&self.signed_by, &mut lines);
        digest_lines(&lines)
    }

    /// What the sheet's QR code says: decree, cycle, number and digest.
    pub fn qr_text(&self) -> String {
        format!(
            "pandu-lampiran|1|{}|{}|{}|{}",
            self.decree,
            self.cycle,
            self.number,
            self.digest()
        )
    }
}

/// Fills `def` for one cycle's `table` (from `lists::list_table` with the
/// decree's columns, row number first) with register number `number`,
/// issued on `date`; `month` names the cycle ("November 2026").
#[allow(clippy::too_many_arguments)]
pub fn render_decree(
    def: &DecreeDef,
    pack: &Pack,
    table: &Table,
    cycle: Cycle,
    month: &str,
    number: &str,
    date: Date,
    signed_by: Option<&Signer>,
    en: bool,
    words: &dyn Words,
) -> Decree {
    let names = [
        ("month", month.to_string()),
        ("office", pack.office.clone()),
        ("regency", pack.regency.clone()),
        ("number", number.to_string()),
        ("date", words.long_date(date)),
    ];
    let fill = |t: &Text| fill_names(t.get(en), &names);
    let (head, address) = letterhead(pack, en);
    Decree {
        decree: def.id.clone(),
        cycle: cycle.code(),
        number: number.to_string(),
        head,
        address,
        heading: def.heading.iter().map(fill).collect(),
        subject: fill(&def.subject),
        columns: table.header().to_vec(),
        rows: table
            .rows()
            .iter()
            .map(|r| r.iter().map(|c| c.shown()).collect())
            .collect(),
        place_date: format!("{}, {}", def.place, words.long_date(date)),
        signer: fill(&def.signer),
        signed_by: signed_by.cloned(),
    }
}

/// Who signs a paper of `pack` whose template names `role` (else the
/// office's head role): its holder on `staff`, refused when there is none
/// or it lacks a NIP.
pub fn paper_signer(
    pack: &Pack,
    role: Option<&str>,
    staff: &[StaffMember],
) -> Result<Signer, SignerProblem> {
    let rules = StaffRules {
        roles: &[],
        head: pack.head_role(),
    };
    let role = role.or_else(|| rules.head_role(staff)).unwrap_or_default();
    signer(staff, role)
}

/// What a cycle's decree page shows and may print.
#[derive(Debug, Clone, PartialEq, Eq)]
#[allow(clippy::large_enum_variant)] // one per page, never stored or copied
pub enum DecreeState {
    /// No number yet: the list as it is, a draft that does not print.
    Draft(Decree),
    /// Numbered, and the list is still what was numbered: that sheet prints.
    Numbered(Decree),
    /// Numbered, but the list changed since: the numbered sheet still
    /// prints exactly as it was (`sheet`); the list as it is now (`now`)
    /// prints only under a new number.
    Changed { sheet: Decree, now: Decree },
    /// Numbered, but the sheet the number stands for is not kept (an
    /// older Pandu numbered it) or does not match the register's digest,
    /// and the list differs: nothing prints until a new number.
    Unprintable { now: Decree },
}

/// Where a cycle's decree stands: `entry` is its newest register entry,
/// `stored` the sheet kept with it, `now` the list as it is today filled
/// with that entry's number and date (or, with no entry, as a draft).
/// A sheet prints only if its digest is the one the register holds.
pub fn decree_state(
    entry: Option<&RegisterEntry>,
    stored: Option<Decree>,
    now: Decree,
) -> DecreeState {
    let Some(entry) = entry else {
        return DecreeState::Draft(now);
    };
    let kept = stored.filter(|s| s.number == entry.number && s.digest() == entry.digest);
    let same = now.digest() == entry.digest || unsigned_digest(&now) == entry.digest;
    match (kept, same) {
        (Some(sheet), true) => DecreeState::Numbered(sheet),
        (Some(sheet), false) => DecreeState::Changed { sheet, now },
        // Numbered before sheets were kept (and signers printed): today's
        // list is the same one.
        (None, _) if unsigned_digest(&now) == entry.digest => DecreeState::Numbered(Decree {
            signed_by: None,
            ..now
        }),
        (None, _) => DecreeState::Unprintable { now },
    }
}

fn unsigned_digest(d: &Decree) -> String {
    Decree {
        signed_by: None,
        ..d.clone()
    }
    .digest()
}

/// `text` with each `{name}` of `names` replaced by its value (a paper
/// that speaks for many cases: a decree sheet, a cycle letter).
pub(super) fn fill_names(text: &str, names: &[(&str, String)]) -> String {
    let mut out = text.to_string();
    for (name, v) in names {
        out = out.replace(&format!("{{{name}}}"), v);
    }
    out
}

/// The names in a decree's texts that it cannot fill.
pub fn unknown_decree_placeholders(def: &DecreeDef) -> Vec<String> {
    let mut texts: Vec<&Text> = vec![&def.subject, &def.signer];
    texts.extend(&def.heading);
    unknown_names(both_languages(texts), |p| DECREE_NAMES.contains(&p))
}

/// The letterhead's lines and address (the office and regency without one).
pub(super) fn letterhead(pack: &Pack, en: bool) -> (Vec<String>, Option<String>) {
    let head = pack
        .letterhead
        .as_ref()
        .map(|h| h.lines.iter().map(|l| l.get(en).to_string()).collect())
        .unwrap_or_else(|| vec![pack.office.clone(), pack.regency.clone()]);
    let address = pack
        .letterhead
        .as_ref()
        .and_then(|h| h.address.as_ref())
        .map(|a| a.get(en).to_string());
    (head, address)
}
