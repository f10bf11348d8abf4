//! The signed manifest: what a bundle says about itself. The DSSE payload
//! is this, as UTF-8 JSON, exactly as the sender serialised it.
//!
//! Forward compatible within version 1 (`docs/bundle-format.md`): a
//! newer Pandu may add optional fields here and new event kinds or event
//! fields; this version ignores manifest fields it does not know (they
//! are signed with the rest) and keeps unknown event content verbatim
//! (`domain::case::Event`). A change an older reader must understand to
//! stay safe means a new payloadType version.

use serde::{Deserialize, Serialize};

use super::keys::PublicKeys;
use crate::domain::case::Event;
use crate::domain::date::Millis;
use crate::domain::text::TextKind;

/// What a bundle is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// Village -> district: cases with their events and photos.
    Cases,
    /// District -> village: the district's answers about cases.
    Feedback,
    /// District -> village: "these cases arrived" (feedback events of
    /// state `received` only).
    Receipt,
    /// A device's public keys, for enrolment (signed, not encrypted).
    DeviceCard,
    /// The district's public keys and id (signed, not encrypted).
    DistrictConfig,
}

/// Who signed the bundle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sender {
    /// SHA-256 of the signing key (hex): the device's enrolled name.
    pub fingerprint: String,
    /// The id this device writes into its events' `device` field.
    pub device_id: String,
    pub keys: PublicKeys,
    /// The device's name ("HP Desa Sukamaju").
    pub device_name: String,
    pub officer: String,
    /// Kemendagri village code `PP.KK.CC.DDDD`; the district id for the
    /// district office.
    pub village: String,
}

impl Sender {
    /// The sender's texts and their kinds, for the import's checks.
    pub fn texts(&self) -> [(&'static str, &str, TextKind); 5] {
        [
            ("sender.fingerprint", &self.fingerprint, TextKind::Token),
            ("sender.device_id", &self.device_id, TextKind::Token),
            (
                "sender.device_name",
                &self.device_name,
                TextKind::OfficerName,
            ),
            ("sender.officer", &self.officer, TextKind::OfficerName),
            ("sender.village", &self.village, TextKind::Token),
        ]
    }
}

/// Who the bundle is for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Addressee {
    /// The district (regency) id, Kemendagri `PP.KK`.
    pub district: String,
    /// For district -> village bundles: the device's fingerprint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub device: Option<String>,
}

/// One case's events, as the sender has them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseEvents {
    pub id: String,
    pub events: Vec<Event>,
}

/// A file carried beside the envelope, bound by its hash.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Attachment {
    /// SHA-256 of the bytes, lower-case hex; also the file's name.
    pub sha256: String,
    pub media_type: String,
    pub bytes: u64,
}

/// What village devices need to know about their district office.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DistrictConfig {
    /// Kemendagri regency code `PP.KK`.
    pub id: String,
    /// "Dinas Sosial Kabupaten Karanganyar".
    pub name: String,
    pub keys: PublicKeys,
    /// An optional second recipient (an age key kept offline).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub backup: Option<String>,
    /// The procedure pack the district works with, and its version.
    pub pack: String,
    pub pack_version: u32,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Random, hex; unique per bundle.
    pub id: String,
    pub kind: Kind,
    pub sender: Sender,
    pub recipient: Addressee,
    /// 1 for the device's first bundle, then +1 for each.
    pub sequence: u64,
    /// SHA-256 (hex) of the previous bundle's manifest bytes; none for the
    /// first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    pub created_at: Millis,
    pub app_version: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cases: Vec<CaseEvents>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attachments: Vec<Attachment>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<DistrictConfig>,
}
