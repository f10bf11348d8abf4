//! Cases as history: folding events into state with the engine, merging
//! two devices' histories, refused moves kept but ignored, documents,
//! statuses and summaries.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::{
    merge, reachable_outcomes, Case, CaseStatus, Event, EventKind, FoldError,
};
use pandu::domain::date::MINUTE;
use pandu::domain::engine::{Engine, Move, MoveError};
use pandu::domain::procedure::Outcome;

use common::history::{t0, Recorder, WIB};
use common::shipped_pack as pack;

#[test]
fn a_case_folds_into_its_applicant_documents_and_walk() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("dev-a", "case-1", 0);
    r.created("purwakarta", "enrolment")
        .field(Field::FullName, "Siti")
        .field(Field::FullName, "Siti Aminah")
        .field(Field::Nik, "3214014101900002")
        .photo("ktp", "aa")
        .mark("kk", true)
        .mark("akte", false)
        .step("bring_letter");
    let case = Case::fold(&r.events).unwrap();
    assert_eq!(case.id, "case-1");
    assert_eq!((case.pack.as_str(), case.version), ("purwakarta", 1));
    assert_eq!(
        case.applicant.name(),
        "Siti Aminah",
        "the latest value wins"
    );
    assert_eq!(case.events.len(), 8, "every change is kept in the history");
    assert_eq!(
        case.provided().into_iter().collect::<Vec<_>>(),
        vec!["kk", "ktp"]
    );
    assert_eq!(case.documents["ktp"].photos.len(), 1);
    assert!(!case.documents["akte"].is_present());
    assert_eq!(case.updated_at, t0() + 8 * MINUTE);

    let folded = case.walk(&engine);
    let walk = folded.walk.unwrap();
    assert!(folded.ignored.is_empty());
    assert_eq!(walk.current, "check_bdt");
    assert_eq!(case.status(Some(&walk)), CaseStatus::Draft);
    let row = case.summary(Some(&walk));
    assert_eq!(row.procedure_id, "purwakarta.enrolment");
    assert_eq!(row.nik, "3214014101900002");
    assert_eq!(row.node, "check_bdt");
    assert_eq!(row.words, vec!["aminah", "siti"]);
    assert_eq!(row.rank, -row.updated_at, "the list's indexes sort by rank");
    // Cover letter never provided, akte marked missing (the applicant is an
    // adult, so the akte is not asked for at all).
    assert_eq!(
        case.missing_documents(&engine, &walk, WIB),
        vec!["cover_letter"]
    );
}

#[test]
fn the_fold_does_not_depend_on_arrival_order() {
    let mut r = Recorder::new("dev-a", "case-1", 0);
    r.created("purwakarta", "enrolment")
        .field(Field::FullName, "A")
        .field(Field::FullName, "B")
        .step("bring_letter");
    let forward = Case::fold(&r.events).unwrap();
    let mut reversed = r.events.clone();
    reversed.reverse();
    assert_eq!(Case::fold(&reversed).unwrap(), forward);
    assert_eq!(forward.applicant.name(), "B");
}

#[test]
fn merging_two_devices_is_a_union_and_idempotent() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut village = Recorder::new("village", "case-1", 0);
    village
        .created("purwakarta", "enrolment")
        .field(Field::FullName, "Siti Aminah")
        .step("bring_letter");
    // The district's device continues from the village's history.
    let mut district = Recorder::new("district", "case-1", 10);
    district.step("check_bdt").answer("in_bdt", "yes", None);
    let ours = merge(&village.events, &district.events);
    assert_eq!(ours.len(), 5);
    assert_eq!(merge(&ours, &district.events), ours, "same events twice");
    assert_eq!(merge(&district.events, &village.events), ours, "either way");
    let case = Case::fold(&ours).unwrap();
    assert_eq!(case.walk(&engine).walk.unwrap().current, "admin_complete");
}

#[test]
fn a_move_two_devices_both_made_is_kept_but_ignored() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut a = Recorder::new("a", "case-1", 0);
    a.created("purwakarta", "enrolment").step("bring_letter");
    let mut b = Recorder::new("b", "case-1", 5);
    b.step("bring_letter");
    let case = Case::fold(&merge(&a.events, &b.events)).unwrap();
    assert_eq!(case.events.len(), 3, "nothing is dropped from history");
    let folded = case.walk(&engine);
    assert_eq!(folded.walk.unwrap().current, "check_bdt");
    assert_eq!(folded.ignored.len(), 1);
    assert!(matches!(
        folded.ignored[0].1,
        MoveError::NotCurrent { ref got, .. } if got == "bring_letter"
    ));
}

#[test]
fn histories_without_a_beginning_or_mixed_cases_are_refused() {
    let mut r = Recorder::new("a", "case-1", 0);
    r.field(Field::FullName, "A");
    assert_eq!(Case::fold(&r.events), Err(FoldError::NotCreated));
    r.created("purwakarta", "enrolment");
    let mut other = Recorder::new("a", "case-2", 5);
    other.field(Field::FullName, "B");
    assert_eq!(
        Case::fold(&merge(&r.events, &other.events)),
        Err(FoldError::ForeignEvent { id: "a-6".into() })
    );
}

#[test]
fn purwakarta_returned_keeps_the_reason_and_finishes() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("a", "case-1", 0);
    r.created("purwakarta", "enrolment")
        .field(Field::FullName, "Siti")
        .step("bring_letter")
        .step("check_bdt")
        .answer("in_bdt", "no", None)
        .step("enter_bdt")
        .answer("admin_complete", "no", Some("  KK belum diperbarui "))
        .step("return_village");
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    assert_eq!(walk.outcome, Some(Outcome::Returned));
    assert_eq!(case.reasons["admin_complete"], "KK belum diperbarui");
    assert_eq!(case.status(Some(&walk)), CaseStatus::Finished);
    // Hand-over statuses move forward, never back to draft.
    r.push(EventKind::StatusChanged {
        status: CaseStatus::Sent,
    });
    let sent = Case::fold(&r.events).unwrap();
    assert_eq!(sent.status(Some(&walk)), CaseStatus::Sent);
}

#[test]
fn pesisir_selatan_refused_lists_the_missing_sktm() {
    let pack = pack("pesisir-selatan");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("a", "case-1", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .field(Field::FullName, "Budi")
        .field(Field::Nik, "1301010101900001")
        .photo("ktp", "k1")
        .photo("kk", "k2")
        .mark("sktm", false)
        .step("check_requirements")
        .answer("complete", "no", None);
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    assert_eq!(walk.outcome, Some(Outcome::Refused));
    // Akte is only for under-17s; the NIK says 1990.
    assert_eq!(case.missing_documents(&engine, &walk, WIB), vec!["sktm"]);
}

#[test]
fn a_photo_then_a_missing_mark_counts_as_missing_and_photos_are_kept_once() {
    let mut r = Recorder::new("a", "case-1", 0);
    r.created("purwakarta", "enrolment")
        .photo("ktp", "same")
        .photo("ktp", "same")
        .mark("ktp", false);
    let case = Case::fold(&r.events).unwrap();
    assert_eq!(case.documents["ktp"].photos.len(), 1);
    assert!(!case.documents["ktp"].is_present());
    assert!(case.provided().is_empty());
}

#[test]
fn check_move_tells_before_anything_is_recorded() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("a", "case-1", 0);
    r.created("purwakarta", "enrolment");
    let case = Case::fold(&r.events).unwrap();
    let m = |node: &str, answer: Option<&str>| Move {
        node: node.into(),
        answer: answer.map(str::to_string),
        at: t0() + 30 * MINUTE,
    };
    assert_eq!(
        case.check_move(&engine, &m("bring_letter", None))
            .unwrap()
            .current,
        "check_bdt"
    );
    assert!(matches!(
        case.check_move(&engine, &m("in_bdt", Some("yes"))),
        Err(MoveError::NotCurrent { .. })
    ));
}

#[test]
fn reachable_outcomes_tell_when_a_reason_is_needed() {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let returned = reachable_outcomes(&engine, "return_village");
    assert_eq!(
        returned.into_iter().collect::<Vec<_>>(),
        vec![Outcome::Returned]
    );
    let both = reachable_outcomes(&engine, "admin_complete");
    assert!(both.contains(&Outcome::Returned) && both.contains(&Outcome::Proposed));
}

#[test]
fn events_serialise_with_string_niks_and_tagged_kinds() {
    let mut r = Recorder::new("a", "case-1", 0);
    r.field(Field::Nik, "9471015501990003");
    let json = serde_json::to_string(&r.events[0]).unwrap();
    assert!(
        json.contains(r#""kind":{"field_set":{"field":"nik","value":"9471015501990003"}}"#),
        "{json}"
    );
    let back: Event = serde_json::from_str(&json).unwrap();
    assert_eq!(back, r.events[0]);
}
