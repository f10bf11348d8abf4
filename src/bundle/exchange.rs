//! The rules of handing cases over, apart from the bytes: which events a
//! sender may bring, how an incoming case merges with the one stored, what
//! the import report says, and what the exported file is called.
//!
//! Invariant: merging is a union by event id, so importing the same bundle
//! twice adds nothing; an incoming event that has the id of a stored one
//! but other content refuses the whole bundle (nothing is half-imported).

use serde::{Deserialize, Serialize};

use super::age::{self, Identity, Recipient};
use super::keys::{KeyPair, SecretKeys};
use super::manifest::{CaseEvents, DistrictConfig, Sender};
use super::seal::{Chain, Refusal, Trust, Warning};
use super::Random;
use crate::domain::case::{merge, Case, Event, EventKind, FeedbackState};
use crate::domain::date::{local_date, Millis};
use crate::domain::procedure::Text;
use crate::domain::storage::StorageProblem;

/// A device this one knows: for the district, a village phone (enrolled,
/// revoked, or waiting for approval); for a village phone, its district.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Peer {
    pub fingerprint: String,
    pub sender: Sender,
    pub standing: Standing,
    /// The last bundle admitted from it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub chain: Option<ChainRecord>,
    /// When feedback was last sent to it (district side).
    #[serde(default)]
    pub feedback_sent_at: Millis,
    pub added_at: Millis,
    /// The Pandu version of its latest bundle or card (empty before this
    /// was kept): the office sees which devices need an update.
    #[serde(default)]
    pub app_version: String,
    /// The vault's tag of this record (`store::vault`): a record without
    /// the right one was not written by this app.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub tag: String,
    /// Read with a tag the vault did not make: shown, trusted for nothing.
    #[serde(skip)]
    pub forged: bool,
}

/// Whether app version `theirs` is older than `ours`, both dotted numbers
/// (`0.6.0`); a version that is not one is never called older.
pub fn is_older_version(theirs: &str, ours: &str) -> bool {
    let parse = |v: &str| -> Option<Vec<u64>> { v.split('.').map(|p| p.parse().ok()).collect() };
    match (parse(theirs), parse(ours)) {
        (Some(a), Some(b)) => a < b,
        _ => false,
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Standing {
    /// Read back by phone and approved.
    Enrolled,
    /// Seen (a card or a bundle) but not approved yet.
    Pending,
    /// No longer trusted: its bundles are refused.
    Revoked,
}

/// The last bundle a device sent along one chain: to one recipient.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChainRecord {
    pub sequence: u64,
    pub digest: String,
}

impl ChainRecord {
    /// The next bundle's number and `previous` link towards a recipient:
    /// after the last one sent to it (`own`), or, for a recipient with no
    /// count of its own yet, after the device-wide count kept before
    /// numbers were per recipient (`shared`), so no number a recipient
    /// may already hold is given twice. A recipient's numbers then run
    /// one by one, whoever else the device writes to in between.
    pub fn next(own: Option<&ChainRecord>, shared: Option<&ChainRecord>) -> (u64, Option<String>) {
        match own.or(shared) {
            Some(last) => (last.sequence + 1, Some(last.digest.clone())),
            None => (1, None),
        }
    }
}

impl Peer {
    pub fn trust(&self) -> Trust {
        match self.standing {
            Standing::Enrolled => Trust::Enrolled,
            Standing::Pending => Trust::Unknown,
            Standing::Revoked => Trust::Revoked,
        }
    }

    pub fn chain(&self) -> Option<Chain> {
        self.chain.as_ref().map(|c| Chain {
            sequence: c.sequence,
            digest: c.digest.clone(),
        })
    }
}

/// One incoming case merged with what is stored.
#[derive(Debug, Clone, PartialEq)]
pub struct Merged {
    pub case: Case,
    /// Where the events not stored before are in `case.events`, in order.
    pub added: Vec<usize>,
    pub is_new: bool,
}

/// Merges an incoming case into the `stored` history. `may_author` says
/// whether the sender may bring a new event recorded on the given device
/// (a village may bring only its own; the district may not bring events
/// claiming to be the receiving device's). `receipt`, if given, is added
/// unless the history already has a `received` answer from its device
/// (the district's receipt, recorded as the case arrives).
pub fn merge_case(
    incoming: &CaseEvents,
    stored: &[Event],
    may_author: &dyn Fn(&str) -> bool,
    receipt: Option<Event>,
) -> Result<Merged, Refusal> {
    let known: std::collections::HashMap<&str, &Event> =
        stored.iter().map(|e| (e.id.as_str(), e)).collect();
    let mut new_ids: std::collections::HashSet<&str> = std::collections::HashSet::new();
    for e in &incoming.events {
        match known.get(e.id.as_str()) {
            Some(s) if *s == e => {}
            Some(_) => {
                return Err(Refusal::Inconsistent(format!(
                    "event {} differs from the stored one",
                    e.id
                )))
            }
            None if !may_author(&e.device) => {
                return Err(Refusal::Inconsistent(format!(
                    "event {} was not recorded by the sender",
                    e.id
                )))
            }
            None => {
                new_ids.insert(e.id.as_str());
            }
        }
    }
    let mut history = merge(stored, &incoming.events);
    let mut receipt_id = None;
    if let Some(r) = receipt {
        // One receipt for each sending: none yet, or the village sent the
        // case again since the last one (a returned case fixed and sent).
        let last_receipt = history
            .iter()
            .filter(|e| {
                e.device == r.device
                    && matches!(
                        e.kind,
                        EventKind::Feedback {
                            state: FeedbackState::Received,
                            ..
                        }
                    )
            })
            .map(|e| e.at)
            .max();
        let last_sent = history
            .iter()
            .filter(|e| {
                matches!(
                    e.kind,
                    EventKind::StatusChanged {
                        status: crate::domain::case::CaseStatus::Sent
                    }
                )
            })
            .map(|e| e.at)
            .max();
        let due = match (last_receipt, last_sent) {
            (None, _) => true,
            (Some(got), Some(sent)) => sent > got,
            (Some(_), None) => false,
        };
        if due {
            receipt_id = Some(r.id.clone());
            history.push(r);
        }
    }
    let case = Case::fold_owned(history)
        .map_err(|e| Refusal::BrokenHistory(format!("case {}: {e:?}", incoming.id)))?;
    let added = case
        .events
        .iter()
        .enumerate()
        .filter(|(_, e)| new_ids.contains(e.id.as_str()) || receipt_id.as_ref() == Some(&e.id))
        .map(|(i, _)| i)
        .collect();
    Ok(Merged {
        case,
        added,
        is_new: stored.is_empty(),
    })
}

/// A case whose NIK the receiver already has under another case from
/// another village.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NikElsewhere {
    pub nik: String,
    pub case_id: String,
    pub name: String,
    pub other_case: String,
    pub other_village: String,
}

/// What an import did, for the officer.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportReport {
    pub sender: Option<Sender>,
    pub sequence: u64,
    /// (case id, applicant name) of cases not seen before.
    pub new_cases: Vec<(String, String)>,
    /// (case id, applicant name, events added).
    pub updated: Vec<(String, String, usize)>,
    /// Cases that brought nothing new.
    pub unchanged: usize,
    pub nik_elsewhere: Vec<NikElsewhere>,
    pub warnings: Vec<Warning>,
    pub photos: usize,
}

/// Why handing over did not happen; `i18n::exchange_problem` words it.
#[derive(Debug, Clone, PartialEq)]
pub enum ExchangeProblem {
    /// The bundle itself was refused.
    Refused(Refusal),
    Storage(StorageProblem),
    /// A village device without its district's config.
    NoDistrict,
    /// An office task on a device not in district mode.
    NotOffice,
    /// A feedback bundle signed by a key that is not the district's.
    NotFromDistrict,
    /// Verified, but from a device not enrolled: kept aside.
    Quarantined {
        sender: Sender,
    },
    /// No cases (or answers) to send.
    NothingToSend,
    /// The profile (device and officer names) is not filled in.
    NoProfile,
    /// A key backup that does not open with this passphrase.
    WrongPassphrase,
    /// A file that is not a Pandu key backup.
    NotABackup,
    /// The passphrase is too short to protect the keys.
    WeakPassphrase,
    /// A case under a procedure version this device does not hold: its
    /// events cannot be checked against their lanes.
    UnknownProcedure {
        pack: String,
        version: u32,
        procedure: String,
    },
    /// A village's case under another regency's procedures than the
    /// office's: no lane of this office could work it. `pack` and
    /// `office` name the two regencies.
    ForeignPack {
        case: String,
        applicant: String,
        pack: String,
        office: String,
    },
    /// An event outside its sender's side (a district step recorded on a
    /// village phone, a village step by the office): the whole bundle is
    /// refused (`domain::lanes::check_sender`).
    OutOfLane {
        case: String,
        applicant: String,
        /// The step or decision, in the pack's words, if the event is one.
        step: Option<Text>,
        /// The role that owns it.
        role: Option<Text>,
    },
}

impl From<StorageProblem> for ExchangeProblem {
    fn from(p: StorageProblem) -> Self {
        ExchangeProblem::Storage(p)
    }
}

impl From<Refusal> for ExchangeProblem {
    fn from(r: Refusal) -> Self {
        ExchangeProblem::Refused(r)
    }
}

/// The district office's keys and config, as a key backup holds them.
#[derive(Clone, Serialize, Deserialize)]
pub struct OfficeBackup {
    pub kind: String,
    pub secret: SecretKeys,
    pub config: DistrictConfig,
}

const BACKUP_KIND: &str = "pandu-office-keys-v1";
/// Shortest passphrase accepted for a key backup.
pub const MIN_PASSPHRASE_CHARS: usize = 12;

/// The office's keys encrypted under a passphrase (age scrypt), so they
/// also open with `age -d`.
pub fn backup_file(
    keys: &KeyPair,
    config: &DistrictConfig,
    passphrase: &str,
    log_n: u8,
    rng: &mut dyn Random,
) -> Result<Vec<u8>, ExchangeProblem> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(ExchangeProblem::WeakPassphrase);
    }
    let content = OfficeBackup {
        kind: BACKUP_KIND.into(),
        secret: keys.to_secret(),
        config: config.clone(),
    };
    let json = serde_json::to_vec(&content).unwrap_or_default();
    Ok(age::encrypt(
        &json,
        &[Recipient::Scrypt { passphrase, log_n }],
        rng,
    ))
}

/// Opens a key backup.
pub fn restore_backup(
    file: &[u8],
    passphrase: &str,
) -> Result<(KeyPair, DistrictConfig), ExchangeProblem> {
    let header = &file[..file.len().min(1024)];
    if !header.windows(10).any(|w| w == b"\n-> scrypt") {
        return Err(ExchangeProblem::NotABackup);
    }
    let json = age::decrypt(file, &[Identity::Passphrase(passphrase)]).map_err(|e| match e {
        age::AgeError::NoMatch => ExchangeProblem::WrongPassphrase,
        _ => ExchangeProblem::NotABackup,
    })?;
    let b: OfficeBackup = serde_json::from_slice(&json).map_err(|_| ExchangeProblem::NotABackup)?;
    let keys = KeyPair::from_secret(&b.secret).ok_or(ExchangeProblem::NotABackup)?;
    if b.kind != BACKUP_KIND || keys.public() != b.config.keys {
        return Err(ExchangeProblem::NotABackup);
    }
    Ok((keys, b.config))
}

/// The exported file's name: the village code's digits, the local date
/// and the sequence, e.g. `pandu-3313042005-2026-11-23-007.pandu`, which
/// an officer recognises in a WhatsApp chat or a Downloads folder.
pub fn file_name(place: &str, created_at: Millis, offset_minutes: i32, sequence: u64) -> String {
    let digits: String = place.chars().filter(char::is_ascii_digit).collect();
    let place = if digits.is_empty() {
        "dinsos".to_string()
    } else {
        digits
    };
    let d = local_date(created_at, offset_minutes);
    format!(
        "pandu-{place}-{:04}-{:02}-{:02}-{sequence:03}.pandu",
        d.year, d.month, d.day
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_carry_the_place_date_and_sequence() {
        // 2026-11-23 23:30 WIB is already the 24th in Jakarta.
        let t = 1_795_451_400_000 + 30 * 60_000;
        assert_eq!(
            file_name("33.13.04.2005", t, 420, 7),
            "pandu-3313042005-2026-11-24-007.pandu"
        );
        assert_eq!(file_name("", t, 0, 12), "pandu-dinsos-2026-11-23-012.pandu");
    }
}
