//! Forward compatibility and hostile text (`docs/bundle-format.md`,
//! "Versions" and "Texts"): a bundle from a simulated newer Pandu is taken
//! as far as this version understands it, its unknown parts kept byte for
//! byte; hidden direction characters, over-long texts, trailing data and
//! oversized histories are refused with their own reasons.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::bundles::*;
use common::Seeded;
use pandu::bundle::age::{self, Recipient};
use pandu::bundle::container;
use pandu::bundle::dsse;
use pandu::bundle::exchange::{is_older_version, merge_case};
use pandu::bundle::manifest::Manifest;
use pandu::bundle::seal::{
    open, payload_bytes, seal, Opened, Refusal, MAX_CASES, MAX_EVENTS_PER_CASE,
};
use pandu::bundle::PAYLOAD_TYPE_V1;
use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, Event, EventKind, FeedbackState};
use pandu::domain::text::TextProblem;

fn district_open(file: &[u8]) -> Result<Opened, Refusal> {
    open(file, &[district_keys().age_identity()])
}

/// Signs, packs and encrypts a payload exactly as given: what a newer
/// version's `seal` would write.
fn seal_payload(payload: &str, files: &[(&str, &[u8])]) -> Vec<u8> {
    let env = dsse::sign(PAYLOAD_TYPE_V1, payload.as_bytes(), &village_keys());
    let tar = container::write(&env, files);
    let to = district_keys().public().age_recipient().unwrap();
    age::encrypt(&tar, &[Recipient::X25519(to)], &mut Seeded::new(5))
}

fn seal_manifest(m: &Manifest) -> Vec<u8> {
    let to = [district_keys().public().age_recipient().unwrap()];
    seal(m, &[PHOTO], &village_keys(), &to, &mut Seeded::new(6)).file
}

/// An event of a kind this version has never heard of.
const NEWER_KIND: &str = r#"{"id":"dev-x-c1-90","case_id":"c1","at":1795399800000,"device":"DEVICE","officer":"Ibu Sari Wulandari","kind":{"consent_recorded":{"by":"applicant","witness":"Pak RT","signed_at":1795399800000,"scale":1.50}}}"#;
/// A known kind with a field this version does not know.
const NEWER_FIELD: &str = r#"{"id":"dev-x-c1-91","case_id":"c1","at":1795399860000,"device":"DEVICE","officer":"Ibu Sari Wulandari","kind":{"note":{"text":"Rumah di belakang masjid","audio_sha256":"ab12"}},"gps":[-7.6,111.1]}"#;
/// A known field given a value this version has no name for.
const NEWER_VALUE: &str = r#"{"id":"dev-x-c1-92","case_id":"c1","at":1795399920000,"device":"DEVICE","officer":"Ibu Sari Wulandari","kind":{"field_set":{"field":"mother_name","value":"Painem"}}}"#;

fn newer(template: &str) -> String {
    let device = village_case().events[0].device.clone();
    template.replace("DEVICE", &device)
}

fn village_case() -> pandu::bundle::manifest::CaseEvents {
    case(&village_keys(), "c1", "3313044507650002", Some(PHOTO))
}

/// The payload of the village's bundle, as a newer Pandu would write it:
/// three newer events in case c1, a manifest field this version does not
/// know, and its app version.
fn newer_payload() -> String {
    let m = village_manifest(1, None);
    let json = String::from_utf8(payload_bytes(&m)).unwrap();
    let first_event = "\"events\":[";
    let at = json.find(first_event).unwrap() + first_event.len();
    let mut out = json.clone();
    out.insert_str(
        at,
        &format!(
            "{},{},{},",
            newer(NEWER_KIND),
            newer(NEWER_FIELD),
            newer(NEWER_VALUE)
        ),
    );
    out.replacen(
        "\"app_version\":\"0.1.0\"",
        "\"app_version\":\"9.2.0\",\"priority\":\"urgent\"",
        1,
    )
}

#[test]
fn unknown_kinds_and_fields_are_kept_verbatim() {
    for (template, known) in [
        (NEWER_KIND, false),
        (NEWER_FIELD, true),
        (NEWER_VALUE, false),
    ] {
        let json = newer(template);
        let e: Event = serde_json::from_str(&json).unwrap();
        assert!(e.verbatim.is_some(), "{json}");
        assert_eq!(
            matches!(e.kind, EventKind::Unknown { .. }),
            !known,
            "{json}"
        );
        // Written back byte for byte, numbers and all ("1.50" stays).
        assert_eq!(serde_json::to_string(&e).unwrap(), json);
        // Read again, it is the same event.
        let again: Event = serde_json::from_str(&serde_json::to_string(&e).unwrap()).unwrap();
        assert_eq!(again, e);
    }
    let note: Event = serde_json::from_str(&newer(NEWER_FIELD)).unwrap();
    assert_eq!(
        note.kind,
        EventKind::Note {
            text: "Rumah di belakang masjid".into()
        },
        "the known part of a newer event still counts"
    );
    // An event this version wrote carries nothing verbatim.
    let own = &village_case().events[1];
    let back: Event = serde_json::from_str(&serde_json::to_string(own).unwrap()).unwrap();
    assert_eq!(back.verbatim, None);
    assert_eq!(&back, own);
    // A browser's store may re-space the JSON: still the same event.
    let spaced = newer(NEWER_KIND).replace(",\"", ", \"");
    let a: Event = serde_json::from_str(&spaced).unwrap();
    let b: Event = serde_json::from_str(&newer(NEWER_KIND)).unwrap();
    assert_eq!(a, b);
    // A known kind in a shape no version writes is still broken.
    let broken = newer(NEWER_FIELD).replace("\"text\":\"Rumah di belakang masjid\"", "\"text\":5");
    assert!(serde_json::from_str::<Event>(&broken).is_err());
    let no_kind = newer(NEWER_KIND).replace("\"consent_recorded\"", "\"a\":1,\"b\"");
    assert!(serde_json::from_str::<Event>(&no_kind).is_err());
}

#[test]
fn a_newer_bundle_is_imported_as_far_as_it_is_understood_and_re_exported_unchanged() {
    let payload = newer_payload();
    let file = seal_payload(&payload, &[(&hex_photo(), PHOTO)]);
    let opened = district_open(&file).expect("a newer bundle opens");
    assert_eq!(opened.manifest.app_version, "9.2.0");
    assert!(is_older_version("0.1.0", &opened.manifest.app_version));
    assert!(!is_older_version("9.2.0", "9.2.0"));
    assert!(!is_older_version("dev", "9.2.0"));
    assert!(is_older_version("0.9.9", "0.10.0"));
    let c1 = &opened.manifest.cases[0];
    assert_eq!(c1.events.len(), village_case().events.len() + 3);
    // Merged into the district's (empty) store: the known events count,
    // the newer ones are kept and change nothing.
    let device = village_case().events[0].device.clone();
    let own = |d: &str| d == device;
    let merged = merge_case(c1, &[], &own, None).unwrap();
    let plain = merge_case(&village_case(), &[], &own, None).unwrap();
    assert_eq!(merged.case.applicant, plain.case.applicant);
    assert_eq!(merged.case.moves, plain.case.moves);
    assert_eq!(merged.added.len(), c1.events.len());
    // Merged again (a second copy of the same bundle): nothing new, no
    // contradiction.
    let again = merge_case(c1, &merged.case.events, &own, None).unwrap();
    assert!(again.added.is_empty());
    // Re-exported (the history written out again, as a feedback bundle or
    // a store does): each newer event byte for byte.
    let written = serde_json::to_string(&merged.case.events).unwrap();
    for template in [NEWER_KIND, NEWER_FIELD, NEWER_VALUE] {
        assert!(written.contains(&newer(template)), "{template}");
    }
    // And folded back from what was written: the same case.
    let read: Vec<Event> = serde_json::from_str(&written).unwrap();
    assert_eq!(Case::fold(&read).unwrap(), merged.case);
}

#[test]
fn a_newer_answer_does_not_block_the_known_ones() {
    // The office (newer) answers with a new kind beside a known answer.
    let mut c = village_case();
    let device = c.events[0].device.clone();
    let answer = Event {
        verbatim: None,
        id: "dev-district-1".into(),
        case_id: "c1".into(),
        at: T0 + 86_400_000,
        device: "dev-district".into(),
        officer: "Pak Operator".into(),
        role: None,
        kind: EventKind::Feedback {
            state: FeedbackState::Accepted,
            reason: None,
            missing: vec![],
        },
    };
    let newer_answer: Event = serde_json::from_str(
        r#"{"id":"dev-district-2","case_id":"c1","at":1795486300000,"device":"dev-district","officer":"Pak Operator","kind":{"card_printed":{"number":"0001234567890"}}}"#,
    )
    .unwrap();
    c.events.push(answer);
    c.events.push(newer_answer);
    let stored = merge_case(&village_case(), &[], &|d: &str| d == device, None)
        .unwrap()
        .case
        .events;
    let at_village = merge_case(&c, &stored, &|d: &str| d != device, None).unwrap();
    assert_eq!(at_village.added.len(), 2);
    assert_eq!(
        at_village.case.answer.as_ref().map(|a| a.state),
        Some(FeedbackState::Accepted)
    );
}

fn hex_photo() -> String {
    pandu::bundle::codec::hex(&pandu::bundle::sha256(PHOTO))
}

#[test]
fn hidden_direction_characters_and_long_texts_are_refused_by_name() {
    let mut m = village_manifest(1, None);
    m.sender.officer = "Ibu Sari \u{202E}gnp.exe".into();
    assert_eq!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::Text {
            field: "sender.officer".into(),
            problem: TextProblem::Hidden
        })
    );
    let mut m = village_manifest(1, None);
    m.cases[0].events[1].kind = EventKind::FieldSet {
        field: Field::FullName,
        value: "A".repeat(10_000),
    };
    assert_eq!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::Text {
            field: "full_name".into(),
            problem: TextProblem::TooLong { max: 100 }
        })
    );
    let mut m = village_manifest(1, None);
    m.cases[0].events[1].kind = EventKind::FieldSet {
        field: Field::Address,
        value: "Jl. Mawar\u{2067} 3".into(),
    };
    assert!(matches!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::Text {
            problem: TextProblem::Hidden,
            ..
        })
    ));
    // A line break belongs in an address, not in a name.
    let mut m = village_manifest(1, None);
    m.cases[0].events[1].kind = EventKind::FieldSet {
        field: Field::Address,
        value: "Jl. Mawar 3\nRT 02".into(),
    };
    assert!(district_open(&seal_manifest(&m)).is_ok());
    m.cases[0].events[1].kind = EventKind::FieldSet {
        field: Field::FullName,
        value: "Sutarmi\nbinti".into(),
    };
    assert!(matches!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::Text {
            problem: TextProblem::Hidden,
            ..
        })
    ));
}

#[test]
fn too_many_cases_or_events_and_broken_histories_say_so() {
    let v = village_keys();
    let mut m = village_manifest(1, None);
    let template = case(&v, "c", "3313044507650002", None);
    m.cases = (0..=MAX_CASES)
        .map(|i| {
            let mut c = template.clone();
            c.id = format!("c{i}");
            c.events.truncate(1);
            c.events[0].case_id = c.id.clone();
            c.events[0].id = format!("e{i}");
            c
        })
        .collect();
    m.attachments.clear();
    let to = [district_keys().public().age_recipient().unwrap()];
    let file = seal(&m, &[], &v, &to, &mut Seeded::new(7)).file;
    assert_eq!(
        district_open(&file).err(),
        Some(Refusal::TooManyCases {
            count: MAX_CASES + 1
        })
    );
    let mut m = village_manifest(1, None);
    let first = m.cases[1].events[0].clone();
    m.cases[1].events = (0..=MAX_EVENTS_PER_CASE)
        .map(|i| Event {
            id: format!("e{i}"),
            ..first.clone()
        })
        .collect();
    assert_eq!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::TooManyEvents {
            case: "c2".into(),
            count: MAX_EVENTS_PER_CASE + 1
        })
    );
    let mut m = village_manifest(1, None);
    m.cases[1].events.clear();
    assert!(matches!(
        district_open(&seal_manifest(&m)).err(),
        Some(Refusal::BrokenHistory(_))
    ));
}

#[test]
fn junk_after_the_archive_is_refused() {
    let m = village_manifest(1, None);
    let env = dsse::sign(PAYLOAD_TYPE_V1, &payload_bytes(&m), &village_keys());
    let mut tar = container::write(&env, &[(&hex_photo(), PHOTO)]);
    tar.extend_from_slice(&[0x41; 700]);
    let to = district_keys().public().age_recipient().unwrap();
    let file = age::encrypt(&tar, &[Recipient::X25519(to)], &mut Seeded::new(9));
    assert_eq!(district_open(&file).err(), Some(Refusal::TrailingData));
    // The same bytes appended outside the encryption: damaged.
    let mut outside = seal_manifest(&m);
    outside.extend_from_slice(&[0x41; 700]);
    assert_eq!(district_open(&outside).err(), Some(Refusal::Damaged));
}
