//! Inputs for the import benchmark (`make bench`, tests/bench/import.mjs):
//! an office key backup, a village device card, and case bundles of 1,000
//! and 10,000 Purwakarta cases walked to their end, signed by that device
//! and encrypted to the office. Ignored by `cargo test`; the benchmark
//! runs it with `PANDU_BENCH_OUT=<dir>`:
//! `cargo test --release --test bench_bundles -- --ignored`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::PathBuf;

use common::Seeded;
use pandu::bundle::exchange::backup_file;
use pandu::bundle::keys::KeyPair;
use pandu::bundle::manifest::{Addressee, CaseEvents, DistrictConfig, Kind, Manifest, Sender};
use pandu::bundle::seal::{seal, sign_public};
use pandu::domain::applicant::Field;
use pandu::domain::case::{Event, EventKind};

const DISTRICT: &str = "32.14";
/// The shipped Purwakarta pack's version: an import checks each case's
/// lanes against the very version it was opened under.
const PACK_VERSION: u32 = 2;
/// The passphrase of the benchmark's office backup.
pub const PASSPHRASE: &str = "benchmark passphrase";
const T0: i64 = 1_795_399_200_000;

fn sender(keys: &KeyPair) -> Sender {
    Sender {
        fingerprint: keys.fingerprint(),
        device_id: "dbenchvillage".into(),
        keys: keys.public(),
        device_name: "HP Bench".into(),
        officer: "Petugas Bench".into(),
        village: "32.14.01.2001".into(),
    }
}

fn case(i: usize) -> CaseEvents {
    let id = format!("imp{i:07}");
    let nik = format!("3214{:08}{:04}", 20_000_000 + i, 1000 + i % 9000);
    let mut kinds = vec![
        EventKind::Created {
            pack: "purwakarta".into(),
            version: PACK_VERSION,
            procedure: "enrolment".into(),
        },
        EventKind::FieldSet {
            field: Field::FullName,
            value: format!("Warga Bench {i}"),
        },
        EventKind::FieldSet {
            field: Field::Nik,
            value: nik,
        },
        EventKind::FieldSet {
            field: Field::Kk,
            value: format!("3214{:012}", i),
        },
        EventKind::FieldSet {
            field: Field::Sex,
            value: if i.is_multiple_of(2) {
                "female"
            } else {
                "male"
            }
            .into(),
        },
        EventKind::FieldSet {
            field: Field::Address,
            value: format!("Jl. Merdeka No. {}", i % 300),
        },
    ];
    let step = |node: &str| EventKind::StepCompleted {
        node: node.into(),
        outputs: Default::default(),
    };
    let present = |document: &str| EventKind::DocumentMarked {
        document: document.into(),
        present: true,
    };
    // Only the village's part: an import refuses a district step a
    // village device recorded (`lanes::check_sender`).
    kinds.extend([
        present("cover_letter"),
        present("ktp"),
        present("kk"),
        present("akte"),
        EventKind::Note {
            text: format!("Pemohon datang sendiri, berkas {i}"),
        },
        step("bring_letter"),
    ]);
    let events = kinds
        .into_iter()
        .enumerate()
        .map(|(n, kind)| Event {
            verbatim: None,
            id: format!("dbenchvillage-{id}-{n}"),
            case_id: id.clone(),
            at: T0 + (i as i64) * 60_000 + n as i64 * 1000,
            device: "dbenchvillage".into(),
            officer: "Petugas Bench".into(),
            role: None,
            kind,
        })
        .collect();
    CaseEvents { id, events }
}

/// A manifest from the benchmark's village device to the office.
fn manifest(village: &KeyPair, kind: Kind, sequence: u64, previous: Option<String>) -> Manifest {
    Manifest {
        id: format!("bench{sequence}"),
        kind,
        sender: sender(village),
        recipient: Addressee {
            district: DISTRICT.into(),
            device: None,
        },
        sequence,
        previous,
        created_at: T0 + 86_400_000,
        app_version: "bench".into(),
        cases: vec![],
        attachments: vec![],
        district: None,
    }
}

#[test]
#[ignore]
fn write_benchmark_inputs() {
    let out = PathBuf::from(std::env::var("PANDU_BENCH_OUT").expect("PANDU_BENCH_OUT"));
    fs::create_dir_all(&out).unwrap();
    let mut rng = Seeded::new(500);
    let office = KeyPair::generate(&mut rng);
    let village = KeyPair::generate(&mut rng);
    let config = DistrictConfig {
        id: DISTRICT.into(),
        name: "Dinas Sosial Bench".into(),
        keys: office.public(),
        backup: None,
        pack: "purwakarta".into(),
        pack_version: PACK_VERSION,
    };
    fs::write(
        out.join("office.age"),
        backup_file(&office, &config, PASSPHRASE, 10, &mut rng).unwrap(),
    )
    .unwrap();
    let card = manifest(&village, Kind::DeviceCard, 0, None);
    fs::write(out.join("card.json"), sign_public(&card, &village)).unwrap();
    let to = [office.public().age_recipient().unwrap()];
    let mut previous = None;
    let mut start = 0;
    for (sequence, count) in [(1u64, 1_000usize), (2, 10_000)] {
        let m = Manifest {
            cases: (start..start + count).map(case).collect(),
            ..manifest(&village, Kind::Cases, sequence, previous.clone())
        };
        let sealed = seal(&m, &[], &village, &to, &mut rng);
        fs::write(out.join(format!("cases-{count}.pandu")), &sealed.file).unwrap();
        previous = Some(sealed.digest);
        start += count;
    }
}
