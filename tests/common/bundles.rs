//! Fixed identities and bundles for the bundle tests and vectors.
#![allow(dead_code)]

use pandu::bundle::codec::hex;
use pandu::bundle::keys::KeyPair;
use pandu::bundle::manifest::{Addressee, Attachment, CaseEvents, Kind, Manifest, Sender};
use pandu::bundle::seal::{seal, Sealed};
use pandu::bundle::sha256;
use pandu::domain::applicant::Field;
use pandu::domain::case::{Event, EventKind};

use super::Seeded;

pub const DISTRICT: &str = "33.13";
pub const VILLAGE: &str = "33.13.04.2005";
/// 2026-11-23 09:00 WIB.
pub const T0: i64 = 1_795_399_200_000;

pub fn village_keys() -> KeyPair {
    KeyPair::generate(&mut Seeded::new(10))
}
pub fn district_keys() -> KeyPair {
    KeyPair::generate(&mut Seeded::new(20))
}
pub fn other_keys(seed: u64) -> KeyPair {
    KeyPair::generate(&mut Seeded::new(1000 + seed))
}

pub fn sender(keys: &KeyPair, village: &str) -> Sender {
    Sender {
        fingerprint: keys.fingerprint(),
        device_id: format!("dev-{}", &keys.fingerprint()[..8]),
        keys: keys.public(),
        device_name: "HP Desa Jatiyoso".into(),
        officer: "Ibu Sari Wulandari".into(),
        village: village.into(),
    }
}

/// A case of `n` events recorded on the sender's device.
pub fn case(keys: &KeyPair, id: &str, nik: &str, photo: Option<&[u8]>) -> CaseEvents {
    let device = format!("dev-{}", &keys.fingerprint()[..8]);
    let mut kinds = vec![
        EventKind::Created {
            pack: "karanganyar".into(),
            version: 1,
            procedure: "pbi-baru".into(),
        },
        EventKind::FieldSet {
            field: Field::FullName,
            value: "Sutarmi".into(),
        },
        EventKind::FieldSet {
            field: Field::Nik,
            value: nik.into(),
        },
    ];
    if let Some(p) = photo {
        kinds.push(EventKind::DocumentAttached {
            document: "ktp".into(),
            sha256: hex(&sha256(p)),
            bytes: p.len() as u32,
            width: 1600,
            height: 1200,
        });
    }
    let events = kinds
        .into_iter()
        .enumerate()
        .map(|(i, kind)| Event {
            verbatim: None,
            id: format!("{device}-{id}-{i}"),
            case_id: id.into(),
            at: T0 + i as i64 * 60_000,
            device: device.clone(),
            officer: "Ibu Sari Wulandari".into(),
            role: None,
            kind,
        })
        .collect();
    CaseEvents {
        id: id.into(),
        events,
    }
}

pub const PHOTO: &[u8] = b"\xff\xd8\xff\xe0 a small stand-in for a JPEG of a KTP \xff\xd9";

/// The village's first case bundle: two cases, one photo.
pub fn village_manifest(sequence: u64, previous: Option<String>) -> Manifest {
    let v = village_keys();
    Manifest {
        id: format!("b{sequence:031x}"),
        kind: Kind::Cases,
        sender: sender(&v, VILLAGE),
        recipient: Addressee {
            district: DISTRICT.into(),
            device: None,
        },
        sequence,
        previous,
        created_at: T0 + 3_600_000,
        app_version: "0.1.0".into(),
        cases: vec![
            case(&v, "c1", "3313044507650002", Some(PHOTO)),
            case(&v, "c2", "3313041203800001", None),
        ],
        attachments: vec![Attachment {
            sha256: hex(&sha256(PHOTO)),
            media_type: "image/jpeg".into(),
            bytes: PHOTO.len() as u64,
        }],
        district: None,
    }
}

pub fn village_bundle(seed: u64) -> (Manifest, Sealed) {
    let m = village_manifest(1, None);
    let s = seal(
        &m,
        &[PHOTO],
        &village_keys(),
        &[district_keys().public().age_recipient().unwrap()],
        &mut Seeded::new(seed),
    );
    (m, s)
}
