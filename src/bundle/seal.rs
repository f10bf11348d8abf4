//! Writing a bundle (`seal`), taking one apart (`open`), and deciding
//! whether this device takes it (`admit`).
//!
//! `open` checks everything a bundle can prove about itself: it decrypts,
//! reads the archive, checks the payloadType, parses the manifest (size
//! capped, unknown fields refused), verifies the signature with the key
//! the manifest names and that the key's fingerprint is the sender's, and
//! binds every attachment to its listed hash, type and size. `admit` then
//! applies what only the receiver knows. Nothing here writes anything: a
//! refused bundle leaves no trace.

use super::age::{self, AgeError, Identity, Recipient, X25519Identity, X25519Recipient};
use super::codec::hex;
use super::container::{self, ContainerError};
use super::dsse::{self, Envelope};
use super::keys::KeyPair;
use super::manifest::{Kind, Manifest};
use super::{sha256, Random, PAYLOAD_TYPE_V1};
use crate::domain::text::{self, TextKind, TextProblem};

/// Largest bundle file taken for import.
pub const MAX_FILE_BYTES: usize = 512 << 20;
/// Largest signed envelope (the manifest, base64, and the signature).
pub const MAX_ENVELOPE_BYTES: usize = 96 << 20;
/// Largest single attachment (stored photos are at most 200 KB).
pub const MAX_ATTACHMENT_BYTES: u64 = 4 << 20;
/// Most cases in one bundle.
pub const MAX_CASES: usize = 50_000;
/// Most events for one case.
pub const MAX_EVENTS_PER_CASE: usize = 10_000;

/// Why a bundle is not taken. Each has words for the officer in
/// `i18n::refusal`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// Larger than `MAX_FILE_BYTES`.
    TooLarge { bytes: usize },
    /// Not an age file: some other file was picked.
    NotABundle,
    /// Encrypted, but not to this office or device.
    NotForThisDevice,
    /// Changed or cut short after it was written.
    Damaged,
    /// Bytes added inside the archive after its end or in its padding.
    TrailingData,
    /// A Pandu envelope of another version or another kind of file.
    WrongType(String),
    /// The manifest is not valid JSON of the v1 shape; the detail names
    /// what is wrong.
    Malformed(String),
    /// The signature does not verify with the sender's key.
    BadSignature,
    /// Meant for another district, or another device.
    WrongRecipient { district: String },
    /// A bundle kind this device does not import (a device card given as
    /// a case bundle).
    WrongKind(Kind),
    /// Signed by a device the district has revoked.
    Revoked { fingerprint: String },
    /// Already imported, or older than the last bundle from the device.
    Replay { sequence: u64, last: u64 },
    /// An attachment is missing, unlisted, or not what its hash says.
    Attachment { sha256: String },
    /// An attachment claims more bytes than any photo can have.
    AttachmentTooLarge { sha256: String, bytes: u64 },
    /// A case history that contradicts the stored one (an event changed
    /// since, or one its sender could not have recorded).
    Inconsistent(String),
    /// More cases than `MAX_CASES`.
    TooManyCases { count: usize },
    /// A case with more events than `MAX_EVENTS_PER_CASE`.
    TooManyEvents { case: String, count: usize },
    /// A case listed twice or with no events, or an event filed under
    /// another case.
    BrokenHistory(String),
    /// A text too long for its field, or holding direction or control
    /// characters (`domain::text`): `field` names it.
    Text { field: String, problem: TextProblem },
}

/// A bundle file and the digest that the sender's next bundle will name
/// as `previous`.
pub struct Sealed {
    pub file: Vec<u8>,
    pub digest: String,
}

/// The manifest as JSON bytes: the DSSE payload.
pub fn payload_bytes(manifest: &Manifest) -> Vec<u8> {
    serde_json::to_vec(manifest).unwrap_or_default()
}

/// Signs, packs and encrypts. `files[i]` holds the bytes of
/// `manifest.attachments[i]`.
pub fn seal(
    manifest: &Manifest,
    files: &[&[u8]],
    signer: &KeyPair,
    recipients: &[X25519Recipient],
    rng: &mut dyn Random,
) -> Sealed {
    let payload = payload_bytes(manifest);
    let digest = hex(&sha256(&payload));
    let envelope = dsse::sign(PAYLOAD_TYPE_V1, &payload, signer);
    let named: Vec<(&str, &[u8])> = manifest
        .attachments
        .iter()
        .zip(files)
        .map(|(a, f)| (a.sha256.as_str(), *f))
        .collect();
    let tar = container::write(&envelope, &named);
    let to: Vec<Recipient> = recipients.iter().map(|r| Recipient::X25519(*r)).collect();
    Sealed {
        file: age::encrypt(&tar, &to, rng),
        digest,
    }
}

/// A bundle that opened and proved itself; not yet admitted.
#[derive(Debug)]
pub struct Opened {
    pub manifest: Manifest,
    /// SHA-256 (hex) of the payload bytes: this bundle's link in the chain.
    pub digest: String,
    /// Attachment bytes, in manifest order.
    pub files: Vec<Vec<u8>>,
}

/// Decrypts with any of `identities` and checks everything the bundle can
/// prove about itself.
pub fn open(file: &[u8], identities: &[&X25519Identity]) -> Result<Opened, Refusal> {
    let unhashed = open_unhashed(file, identities)?;
    let digest = hex(&sha256(&unhashed.payload));
    Ok(unhashed.with_digest(digest))
}

/// A bundle `open_unhashed` opened and proved, before its payload is
/// hashed for the chain: the browser hashes `payload` with its own SHA-256
/// (native code, many times faster than wasm's on a slow machine; a
/// 10,000-case payload is 30 MB) and completes it with `with_digest`.
#[derive(Debug)]
pub struct Unhashed {
    /// The payload bytes exactly as signed.
    pub payload: Vec<u8>,
    opened: Opened,
}

impl Unhashed {
    /// The opened bundle, given the lowercase hex SHA-256 of `payload`.
    pub fn with_digest(self, digest: String) -> Opened {
        Opened {
            digest,
            ..self.opened
        }
    }
}

/// `open`, all but the chain digest (see `Unhashed`).
pub fn open_unhashed(file: &[u8], identities: &[&X25519Identity]) -> Result<Unhashed, Refusal> {
    if file.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge { bytes: file.len() });
    }
    let ids: Vec<Identity> = identities.iter().map(|k| Identity::X25519(k)).collect();
    let tar = age::decrypt(file, &ids).map_err(|e| match e {
        AgeError::Header(_) if !file.starts_with(b"age-encryption.org/") => Refusal::NotABundle,
        AgeError::NoMatch => Refusal::NotForThisDevice,
        _ => Refusal::Damaged,
    })?;
    let contents = container::read(&tar).map_err(|e| match e {
        ContainerError::Damaged => Refusal::Damaged,
        ContainerError::TrailingData => Refusal::TrailingData,
        other => Refusal::Malformed(format!("{other:?}")),
    })?;
    let (manifest, payload, env) = verify_envelope(contents.envelope)?;
    if !matches!(manifest.kind, Kind::Cases | Kind::Feedback | Kind::Receipt) {
        return Err(Refusal::WrongKind(manifest.kind));
    }
    // Attachments: each listed one present once with its exact bytes, no
    // unlisted ones, sizes within the cap before anything is compared.
    for a in &manifest.attachments {
        if a.bytes > MAX_ATTACHMENT_BYTES {
            return Err(Refusal::AttachmentTooLarge {
                sha256: a.sha256.clone(),
                bytes: a.bytes,
            });
        }
    }
    if contents.attachments.len() != manifest.attachments.len() {
        let listed: std::collections::HashSet<&str> = manifest
            .attachments
            .iter()
            .map(|a| a.sha256.as_str())
            .collect();
        let stray = contents
            .attachments
            .iter()
            .find(|(sha, _)| !listed.contains(sha))
            .map(|(sha, _)| sha.to_string());
        let missing = manifest
            .attachments
            .iter()
            .find(|a| !contents.attachments.iter().any(|(sha, _)| *sha == a.sha256))
            .map(|a| a.sha256.clone());
        return Err(Refusal::Attachment {
            sha256: stray.or(missing).unwrap_or_default(),
        });
    }
    let mut files = Vec::with_capacity(manifest.attachments.len());
    for (a, (name, data)) in manifest.attachments.iter().zip(&contents.attachments) {
        if *name != a.sha256 || data.len() as u64 != a.bytes || hex(&sha256(data)) != a.sha256 {
            return Err(Refusal::Attachment {
                sha256: a.sha256.clone(),
            });
        }
        files.push(data.to_vec());
    }
    drop(env);
    Ok(Unhashed {
        payload,
        opened: Opened {
            manifest,
            digest: String::new(),
            files,
        },
    })
}

/// Parses and verifies a signed envelope: payloadType, manifest shape,
/// signature by the key the manifest names, that key's fingerprint, and
/// that every case's events belong to it.
fn verify_envelope(bytes: &[u8]) -> Result<(Manifest, Vec<u8>, Envelope), Refusal> {
    if bytes.len() > MAX_ENVELOPE_BYTES {
        return Err(Refusal::Malformed("envelope too large".into()));
    }
    let env: Envelope =
        serde_json::from_slice(bytes).map_err(|e| Refusal::Malformed(e.to_string()))?;
    if env.payload_type != PAYLOAD_TYPE_V1 {
        return Err(Refusal::WrongType(
            env.payload_type.chars().take(80).collect(),
        ));
    }
    let payload = dsse::payload(&env).ok_or_else(|| Refusal::Malformed("payload".into()))?;
    let manifest: Manifest =
        serde_json::from_slice(&payload).map_err(|e| Refusal::Malformed(e.to_string()))?;
    let key = manifest
        .sender
        .keys
        .verifying_key()
        .ok_or_else(|| Refusal::Malformed("sender key".into()))?;
    if !dsse::verified_by(&env, &payload, &key)
        || manifest.sender.keys.fingerprint().as_deref() != Some(&manifest.sender.fingerprint)
    {
        return Err(Refusal::BadSignature);
    }
    check_cases(&manifest)?;
    Ok((manifest, payload, env))
}

fn check_cases(m: &Manifest) -> Result<(), Refusal> {
    if m.cases.len() > MAX_CASES {
        return Err(Refusal::TooManyCases {
            count: m.cases.len(),
        });
    }
    check_texts(&m.sender.texts())?;
    check_texts(&[("app_version", &m.app_version, TextKind::Token)])?;
    if let Some(d) = &m.district {
        check_texts(&[
            ("district.id", &d.id, TextKind::Token),
            ("district.name", &d.name, TextKind::OfficeName),
            ("district.pack", &d.pack, TextKind::Token),
        ])?;
    }
    let mut ids = std::collections::HashSet::new();
    for c in &m.cases {
        if !ids.insert(c.id.as_str()) {
            return Err(Refusal::BrokenHistory(format!("case {} twice", c.id)));
        }
        if c.events.is_empty() {
            return Err(Refusal::BrokenHistory(format!(
                "case {} has no events",
                c.id
            )));
        }
        if c.events.len() > MAX_EVENTS_PER_CASE {
            return Err(Refusal::TooManyEvents {
                case: c.id.clone(),
                count: c.events.len(),
            });
        }
        for e in &c.events {
            if e.case_id != c.id {
                return Err(Refusal::BrokenHistory(format!(
                    "event {} in case {}",
                    e.id, c.id
                )));
            }
            check_texts(&e.texts())?;
        }
    }
    Ok(())
}

/// Every text against its kind's rules (`domain::text`); the first that
/// fails names the refusal.
fn check_texts(texts: &[(&str, &str, TextKind)]) -> Result<(), Refusal> {
    for (field, value, kind) in texts {
        if let Err(problem) = text::check(value, *kind) {
            return Err(Refusal::Text {
                field: field.to_string(),
                problem,
            });
        }
    }
    Ok(())
}

/// Signs a public file (device card, district config): a DSSE envelope,
/// not encrypted, since it carries only public keys.
pub fn sign_public(manifest: &Manifest, signer: &KeyPair) -> Vec<u8> {
    dsse::sign(PAYLOAD_TYPE_V1, &payload_bytes(manifest), signer)
}

/// Opens a public file of the `expected` kind. Self-signed: it proves the
/// file was not changed and names its key; whether to trust that key is
/// the officer's call after reading the fingerprint back by phone.
pub fn open_public(bytes: &[u8], expected: Kind) -> Result<Manifest, Refusal> {
    let trimmed = bytes.trim_ascii();
    if !trimmed.starts_with(b"{") {
        return Err(if trimmed.starts_with(b"age-encryption.org/") {
            Refusal::WrongKind(Kind::Cases)
        } else {
            Refusal::NotABundle
        });
    }
    let (manifest, _, _) = verify_envelope(trimmed)?;
    if manifest.kind != expected {
        return Err(Refusal::WrongKind(manifest.kind));
    }
    let valid = match (&manifest.kind, &manifest.district) {
        (Kind::DistrictConfig, Some(d)) => d.keys == manifest.sender.keys && d.keys.is_valid(),
        (Kind::DeviceCard, None) => manifest.sender.keys.is_valid(),
        _ => false,
    };
    if !valid {
        return Err(Refusal::Malformed("keys".into()));
    }
    Ok(manifest)
}

/// How the receiver regards a signing key.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Trust {
    Enrolled,
    Revoked,
    Unknown,
}

/// The last bundle admitted from a sender.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Chain {
    pub sequence: u64,
    pub digest: String,
}

/// What the receiving device knows.
pub struct Receiver<'a> {
    /// This office's district id (village devices: their district's).
    pub district: &'a str,
    /// This device's fingerprint, for bundles addressed to one device.
    pub device: Option<&'a str>,
    /// The kinds this device imports.
    pub kinds: &'a [Kind],
    /// The sender's standing, by fingerprint.
    pub trust: Trust,
    /// The last bundle admitted from the sender, if any.
    pub chain: Option<Chain>,
}

/// Something the officer should know about an admitted bundle.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Warning {
    /// Bundles `from..=to` from this device never arrived.
    Gap { from: u64, to: u64 },
    /// The bundle does not name the last one received as its previous
    /// (the device was reset, or a bundle was made on a copy of it).
    ChainBroken,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Admission {
    Accept(Vec<Warning>),
    /// Verified, but from a device not enrolled yet: kept aside until the
    /// district approves its fingerprint.
    Quarantine,
}

/// Applies the receiver's rules to an opened bundle.
pub fn admit(opened: &Opened, r: &Receiver) -> Result<Admission, Refusal> {
    let m = &opened.manifest;
    let to_device_ok = match (&m.recipient.device, r.device) {
        (Some(want), Some(me)) => want == me,
        (Some(_), None) => false,
        (None, _) => true,
    };
    if m.recipient.district != r.district || !to_device_ok {
        return Err(Refusal::WrongRecipient {
            district: m.recipient.district.clone(),
        });
    }
    if !r.kinds.contains(&m.kind) {
        return Err(Refusal::WrongKind(m.kind));
    }
    match r.trust {
        Trust::Revoked => {
            return Err(Refusal::Revoked {
                fingerprint: m.sender.fingerprint.clone(),
            })
        }
        Trust::Unknown => return Ok(Admission::Quarantine),
        Trust::Enrolled => {}
    }
    let mut warnings = Vec::new();
    match &r.chain {
        Some(last) if m.sequence <= last.sequence => {
            return Err(Refusal::Replay {
                sequence: m.sequence,
                last: last.sequence,
            })
        }
        Some(last)
            if m.sequence == last.sequence + 1
                && m.previous.as_deref() != Some(last.digest.as_str()) =>
        {
            warnings.push(Warning::ChainBroken)
        }
        Some(last) if m.sequence == last.sequence + 1 => {}
        Some(last) => warnings.push(Warning::Gap {
            from: last.sequence + 1,
            to: m.sequence - 1,
        }),
        None if m.sequence > 1 => warnings.push(Warning::Gap {
            from: 1,
            to: m.sequence - 1,
        }),
        None => {}
    }
    Ok(Admission::Accept(warnings))
}
