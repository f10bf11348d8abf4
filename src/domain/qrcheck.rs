//! Checking a printed paper's QR code against the office's record: the
//! text a letter's or decree sheet's QR carries (`Letter::qr_text`,
//! `Decree::qr_text`) is read back, its number looked up in the register,
//! and its SHA-256 compared with the one the record keeps.
//!
//! Invariant: a paper is called genuine only when the register holds its
//! number for the same case or decree cycle and the digests are equal;
//! anything else is named (altered, not in this office's register, not a
//! Pandu code).

use super::register::RegisterEntry;

/// What a QR code claims.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Claim {
    /// `pandu-surat|1|<case>|<number>|<digest>`
    Letter {
        case: String,
        number: String,
        digest: String,
    },
    /// `pandu-lampiran|1|<decree>|<cycle>|<number>|<digest>`
    Decree {
        decree: String,
        cycle: String,
        number: String,
        digest: String,
    },
}

impl Claim {
    pub fn number(&self) -> &str {
        match self {
            Claim::Letter { number, .. } | Claim::Decree { number, .. } => number,
        }
    }

    fn digest(&self) -> &str {
        match self {
            Claim::Letter { digest, .. } | Claim::Decree { digest, .. } => digest,
        }
    }

    /// The register entry's `case_id` this paper must have.
    fn register_key(&self) -> String {
        match self {
            Claim::Letter { case, .. } => case.clone(),
            Claim::Decree { decree, cycle, .. } => format!("{decree}:{cycle}"),
        }
    }
}

/// Reads a QR code's text; `None` when it is not one Pandu prints.
pub fn parse(text: &str) -> Option<Claim> {
    let text = text.trim();
    let parts: Vec<&str> = text.split('|').collect();
    let hex64 = |d: &str| d.len() == 64 && d.bytes().all(|b| b.is_ascii_hexdigit());
    let ok = |s: &str| !s.is_empty() && s.len() <= 200 && !s.chars().any(char::is_control);
    match parts.as_slice() {
        ["pandu-surat", "1", case, number, digest] if ok(case) && ok(number) && hex64(digest) => {
            Some(Claim::Letter {
                case: case.to_string(),
                number: number.to_string(),
                digest: digest.to_ascii_lowercase(),
            })
        }
        ["pandu-lampiran", "1", decree, cycle, number, digest]
            if ok(decree) && ok(cycle) && ok(number) && hex64(digest) =>
        {
            Some(Claim::Decree {
                decree: decree.to_string(),
                cycle: cycle.to_string(),
                number: number.to_string(),
                digest: digest.to_ascii_lowercase(),
            })
        }
        _ => None,
    }
}

/// What the check found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Verdict {
    /// Not a code Pandu prints.
    NotPandu,
    /// No such number in this office's register (another office's paper,
    /// or a made-up number).
    Unknown,
    /// The number is this office's, but for another case or cycle.
    OtherPaper(RegisterEntry),
    /// The number and its paper are the office's, but the words differ
    /// from what was issued: altered, or printed from a changed record.
    Altered(RegisterEntry),
    /// Issued by this office exactly as printed.
    Genuine(RegisterEntry),
}

/// Checks `claim` against the register; `issued_digest` is the digest
/// the record keeps for the paper (a letter's `letter_issued` event, a
/// decree's register entry), found by the caller for that entry.
pub fn check(
    claim: &Claim,
    register: &[RegisterEntry],
    issued_digest: impl Fn(&RegisterEntry) -> Option<String>,
) -> Verdict {
    let Some(entry) = register.iter().find(|e| e.number == claim.number()) else {
        return Verdict::Unknown;
    };
    if entry.case_id != claim.register_key() {
        return Verdict::OtherPaper(entry.clone());
    }
    match issued_digest(entry) {
        Some(d) if d.eq_ignore_ascii_case(claim.digest()) => Verdict::Genuine(entry.clone()),
        _ => Verdict::Altered(entry.clone()),
    }
}
