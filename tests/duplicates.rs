//! Two villages send the same person's case: the district finds them
//! from list rows, and merges them (the kept case gains what only the
//! other knew; the other leaves every lane) or keeps one and returns the
//! other with a reason. A refused decision has nothing to write.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, CaseStatus, Event, EventKind, FeedbackState};
use pandu::domain::duplicates::{merge, return_other, DecisionError, Finder};
use pandu::domain::engine::Library;
use pandu::domain::procedure::Pack;

use common::history::Recorder;
use common::shipped_pack as pack;

const NIK: &str = "3313014101900002";

fn library() -> Library {
    let p = pack("karanganyar");
    let mut l = Library::default();
    l.add(Pack { version: 1, ..p });
    l
}

/// A case from `device`, walked past the village input.
fn village_case(device: &'static str, id: &'static str, village: &str) -> Recorder {
    let mut r = Recorder::new(device, id, 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::FullName, "Suparmi")
        .field(Field::Nik, NIK)
        .field(Field::Village, village)
        .step("village_input");
    r
}

/// The events the office appends, as its device would record them.
fn append(r: &Recorder, kinds: Vec<EventKind>) -> Case {
    let mut events: Vec<Event> = r.events.clone();
    for (i, kind) in kinds.into_iter().enumerate() {
        events.push(Event {
            verbatim: None,
            id: format!("dinas-{}-{i}", r.case),
            case_id: r.case.into(),
            at: events.last().unwrap().at + 60_000,
            device: "dinas".into(),
            officer: "Pak Budi".into(),
            role: Some("operator".into()),
            kind,
        });
    }
    Case::fold(&events).unwrap()
}

#[test]
fn groups_are_the_open_cases_of_one_nik_from_two_devices() {
    let lib = library();
    let a = village_case("jaten", "a", "Jaten");
    let b = village_case("tasik", "b", "Tasikmadu");
    // The same device twice is a village's own business, not a duplicate.
    let c = village_case("jaten", "c", "Jaten");
    let mut other = Recorder::new("tasik", "d", 0);
    other
        .created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::Nik, "3313014101900009");
    let mut finder = Finder::default();
    for r in [&a, &b, &c, &other] {
        finder.add(&Case::fold(&r.events).unwrap().summary_in(&lib));
    }
    let groups = finder.groups();
    assert_eq!(groups.len(), 1);
    assert_eq!(groups[0].nik, NIK);
    let ids: Vec<&str> = groups[0].cases.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["a", "b", "c"]);
    assert_eq!(groups[0].cases[1].village, "Tasikmadu");

    // Once b is merged into a, only jaten's cases are left: no group.
    let (_, to_b) = merge(
        &Case::fold(&a.events).unwrap(),
        &Case::fold(&b.events).unwrap(),
    )
    .unwrap();
    let b_merged = append(&b, to_b);
    let mut finder = Finder::default();
    for case in [
        Case::fold(&a.events).unwrap(),
        b_merged,
        Case::fold(&c.events).unwrap(),
    ] {
        finder.add(&case.summary_in(&lib));
    }
    assert!(finder.groups().is_empty());
}

#[test]
fn a_merge_copies_what_only_the_other_case_knew_and_settles_it() {
    let lib = library();
    let mut a = village_case("jaten", "a", "Jaten");
    a.photo("ktp", &"a1".repeat(32));
    let mut b = village_case("tasik", "b", "Tasikmadu");
    b.field(Field::Phone, "081234567890")
        .field(Field::Village, "Tasikmadu")
        .photo("ktp", &"a1".repeat(32))
        .photo("kk", &"b2".repeat(32))
        .mark("sktm", true)
        .mark("akte", false);
    let (kept, other) = (
        Case::fold(&a.events).unwrap(),
        Case::fold(&b.events).unwrap(),
    );
    let (into_a, into_b) = merge(&kept, &other).unwrap();
    assert_eq!(
        into_a,
        vec![
            EventKind::FieldSet {
                field: Field::Phone,
                value: "081234567890".into()
            },
            EventKind::DocumentAttached {
                document: "kk".into(),
                sha256: "b2".repeat(32),
                bytes: 150_000,
                width: 1600,
                height: 1200,
            },
            EventKind::DocumentMarked {
                document: "sktm".into(),
                present: true
            },
            EventKind::Merged { from: "b".into() },
        ],
        "the phone a lacked, b's KK photo and SKTM; not the KTP photo a has, not the village a named, not a missing mark"
    );
    let a2 = append(&a, into_a);
    assert_eq!(a2.applicant.get(Field::Village), "Jaten");
    assert!(a2.documents["kk"].is_present() && a2.documents["sktm"].is_present());
    assert_eq!(a2.merged_from, ["b"]);
    assert_eq!(
        a2.events[..a.events.len()],
        a.events[..],
        "a's history kept"
    );
    let row = a2.summary_in(&lib);
    assert_eq!(row.lane, "operator", "the kept case stays in its lane");
    let b2 = append(&b, into_b);
    assert_eq!(b2.merged_into.as_deref(), Some("a"));
    let row = b2.summary_in(&lib);
    assert!(row.settled && row.lane.is_empty());
    assert_eq!(
        row.status,
        CaseStatus::Acknowledged,
        "the village hears it arrived"
    );

    // Twice, or the other way round afterwards: refused.
    assert_eq!(
        merge(&a2, &b2),
        Err(DecisionError::AlreadyMerged { case: "b".into() })
    );
    assert_eq!(
        merge(&b2, &a2),
        Err(DecisionError::AlreadyMerged { case: "b".into() })
    );
}

#[test]
fn keeping_one_returns_the_other_with_its_reason() {
    let lib = library();
    let a = village_case("jaten", "a", "Jaten");
    let b = village_case("tasik", "b", "Tasikmadu");
    let (kept, other) = (
        Case::fold(&a.events).unwrap(),
        Case::fold(&b.events).unwrap(),
    );
    assert_eq!(
        return_other(&kept, &other, "  "),
        Err(DecisionError::NoReason)
    );
    let answer = return_other(&kept, &other, " Sudah diusulkan oleh Desa Jaten ").unwrap();
    assert_eq!(
        answer,
        EventKind::Feedback {
            state: FeedbackState::Returned,
            reason: Some("Sudah diusulkan oleh Desa Jaten".into()),
            missing: vec![],
        }
    );
    let b2 = append(&b, vec![answer]);
    assert!(b2.summary_in(&lib).settled);
    assert_eq!(b2.answer.unwrap().state, FeedbackState::Returned);
}

#[test]
fn a_decision_about_two_people_or_one_case_is_refused() {
    let a = Case::fold(&village_case("jaten", "a", "Jaten").events).unwrap();
    let mut r = Recorder::new("tasik", "b", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::Nik, "3313014101900009");
    let b = Case::fold(&r.events).unwrap();
    assert_eq!(merge(&a, &b), Err(DecisionError::OtherPerson));
    assert_eq!(
        return_other(&a, &b, "ganda"),
        Err(DecisionError::OtherPerson)
    );
    assert_eq!(merge(&a, &a), Err(DecisionError::SameCase));
    let mut blank = Recorder::new("x", "n1", 0);
    blank.created("karanganyar", "pbi_pbpu_proposal");
    let mut blank2 = Recorder::new("y", "n2", 0);
    blank2.created("karanganyar", "pbi_pbpu_proposal");
    assert_eq!(
        merge(
            &Case::fold(&blank.events).unwrap(),
            &Case::fold(&blank2.events).unwrap()
        ),
        Err(DecisionError::OtherPerson),
        "no NIK is no proof of one person"
    );
}
