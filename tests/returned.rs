//! After the hand-over, on the village phone and at the office: where a
//! case stands in the officer's terms (`CaseSummary::standing`) for every
//! status and answer, the returned loop (returned, fixed, sent again,
//! received, back in the lane that returned it), discarded drafts, and
//! statuses a village may not claim.

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, CaseStatus, CaseSummary, EventKind, FeedbackState};
use pandu::domain::engine::Engine;
use pandu::domain::lanes::keeps_to_side;
use pandu::domain::procedure::Side;
use pandu::domain::standing::Standing;

use common::history::{Recorder, WIB};
use common::shipped_pack as pack;

fn feedback(state: FeedbackState, reason: Option<&str>, missing: &[&str]) -> EventKind {
    EventKind::Feedback {
        state,
        reason: reason.map(str::to_string),
        missing: missing.iter().map(|m| m.to_string()).collect(),
    }
}

fn status(s: CaseStatus) -> EventKind {
    EventKind::StatusChanged { status: s }
}

/// The list row of a Purwakarta history, walked with its pack.
fn row(events: &[pandu::domain::case::Event]) -> CaseSummary {
    let pack = pack("purwakarta");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let case = Case::fold(events).unwrap();
    let walk = case.walk(&engine).walk;
    case.summary_with(&engine, walk.as_ref())
}

/// A Purwakarta case whose village part is done (the applicant brought
/// the letter with the documents).
fn handed_over(r: &mut Recorder) {
    r.created("purwakarta", "enrolment")
        .applicant("Siti Aminah", "3214014101900002");
    for d in ["cover_letter", "ktp", "kk"] {
        r.photo(d, &format!("sha-{d}"));
    }
    r.step("bring_letter");
}

#[test]
fn every_status_and_answer_has_one_standing_in_the_officers_terms() {
    use CaseStatus as S;
    use FeedbackState as F;
    let cases: &[(CaseStatus, Option<FeedbackState>, Standing, bool)] = &[
        (S::Draft, None, Standing::Draft, true),
        (S::Finished, None, Standing::Ready, true),
        (S::Finished, Some(F::Returned), Standing::Resend, true),
        (S::Sent, None, Standing::Sent, false),
        (S::Sent, Some(F::Returned), Standing::Sent, false),
        (S::Acknowledged, None, Standing::Received, false),
        (
            S::Acknowledged,
            Some(F::Received),
            Standing::Received,
            false,
        ),
        (
            S::Acknowledged,
            Some(F::Proposed),
            Standing::Answered(F::Proposed),
            false,
        ),
        (
            S::Acknowledged,
            Some(F::Accepted),
            Standing::Answered(F::Accepted),
            false,
        ),
        (
            S::Acknowledged,
            Some(F::Rejected),
            Standing::Answered(F::Rejected),
            false,
        ),
        (
            S::Returned,
            Some(F::Returned),
            Standing::Answered(F::Returned),
            true,
        ),
        (S::Archived, None, Standing::Discarded, false),
        (S::Archived, Some(F::Rejected), Standing::Archived, false),
        (S::Archived, Some(F::Accepted), Standing::Archived, false),
    ];
    for (st, answer, expected, needs) in cases {
        let r = row_of(*st, *answer);
        assert_eq!(r.standing(), *expected, "{st:?} with {answer:?}");
        assert_eq!(
            r.standing().needs_officer(),
            *needs,
            "{st:?} with {answer:?}"
        );
        assert_eq!(
            st.needs_officer(),
            *needs,
            "the home page's count (by status) and the badge agree: {st:?} with {answer:?}"
        );
    }
    // Codes are distinct: styles and tests tell them apart.
    let mut codes: Vec<&str> = cases.iter().map(|c| c.2.code()).collect();
    codes.sort_unstable();
    codes.dedup();
    assert_eq!(codes.len(), 11);
}

fn row_of(status: CaseStatus, answer: Option<FeedbackState>) -> CaseSummary {
    let mut r = Recorder::new("hp", "c", 0);
    r.created("purwakarta", "enrolment");
    let mut row = row(&r.events);
    row.status = status;
    row.answer = answer;
    row
}

#[test]
fn a_returned_case_is_fixed_on_the_phone_and_goes_back_as_the_same_case() {
    let mut village = Recorder::new("hp-desa", "p1", 0);
    handed_over(&mut village);
    village.push(status(CaseStatus::Sent));
    assert_eq!(row(&village.events).standing(), Standing::Sent);

    // The office receives it, then returns it asking for a new KK photo.
    let mut office = Recorder::new("laptop", "p1", 100);
    office.push(feedback(FeedbackState::Received, None, &[]));
    let mut returned = office.events.clone();
    office.push(feedback(
        FeedbackState::Returned,
        Some("Foto KK tidak terbaca, mohon foto ulang"),
        &["kk"],
    ));
    office.events.last_mut().unwrap().role = Some("kasi".into());
    returned.push(office.events.last().unwrap().clone());
    let mut all = village.events.clone();
    all.extend(returned);
    let r = row(&all);
    assert_eq!(r.status, CaseStatus::Returned);
    assert_eq!(r.standing(), Standing::Answered(FeedbackState::Returned));
    assert!(r.standing().needs_officer());
    assert_eq!(
        r.answer_reason.as_deref(),
        Some("Foto KK tidak terbaca, mohon foto ulang")
    );
    assert!(
        r.settled,
        "out of the office's lanes until the village acts"
    );
    let case = Case::fold(&all).unwrap();
    assert!(case.awaits_fix() && !case.reopened());

    // A second receipt (the same bundle imported again) hides nothing.
    let mut receipt_again = all.clone();
    let mut late = Recorder::new("laptop", "p1", 150);
    late.push(feedback(FeedbackState::Received, None, &[]));
    receipt_again.extend(late.events);
    assert_eq!(
        row(&receipt_again).standing(),
        Standing::Answered(FeedbackState::Returned),
        "a receipt never hides an answer the village has not acted on"
    );

    // The village retakes the KK photo: ready to send again, same case.
    let mut fix = Recorder::new("hp-desa", "p1", 200);
    fix.photo("kk", "sha-kk-2");
    all.extend(fix.events.clone());
    let r = row(&all);
    assert_eq!(r.status, CaseStatus::Finished, "sendable again");
    assert_eq!(r.standing(), Standing::Resend);
    assert!(r.standing().needs_officer());
    assert!(!r.settled);
    let case = Case::fold(&all).unwrap();
    assert!(case.reopened() && !case.awaits_fix());
    assert_eq!(
        case.documents["kk"].photos.len(),
        2,
        "the history keeps both photos"
    );
    assert!(
        case.events.iter().any(|e| matches!(
            e.kind,
            EventKind::Feedback {
                state: FeedbackState::Returned,
                ..
            }
        )),
        "the answer stays in the history"
    );

    // Sent again, then received: the office's receipt now shows.
    fix.push(status(CaseStatus::Sent));
    all.push(fix.events.last().unwrap().clone());
    assert_eq!(row(&all).standing(), Standing::Sent);
    let mut receipt = Recorder::new("laptop", "p1", 300);
    receipt.push(feedback(FeedbackState::Received, None, &[]));
    all.extend(receipt.events);
    let r = row(&all);
    assert_eq!(r.standing(), Standing::Received);
    assert!(!r.settled);
    // The walk stands at the Kasi's check: the case waits there.
    assert_eq!(r.lane, "kasi");
}

#[test]
fn a_fixed_case_whose_walk_had_ended_waits_on_the_lane_that_returned_it() {
    let pack = pack("purwakarta");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-desa", "p2", 0);
    handed_over(&mut r);
    // At the office (a walk to its returned end), answered by the Kasi.
    let mut office = Recorder::new("laptop", "p2", 50);
    office
        .step("check_bdt")
        .answer("in_bdt", "yes", None)
        .answer("admin_complete", "no", Some("SKTM kurang"))
        .step("return_village")
        .push(feedback(FeedbackState::Returned, Some("SKTM kurang"), &[]));
    office.events.last_mut().unwrap().role = Some("kasi".into());
    let mut all = r.events.clone();
    all.extend(office.events);
    let case = Case::fold(&all).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    assert!(walk.outcome.is_some());
    let row = case.summary_with(&engine, Some(&walk));
    assert_eq!(row.lane, "", "returned: in no lane");

    let mut fix = Recorder::new("hp-desa", "p2", 100);
    fix.field(Field::Phone, "081234567890");
    all.extend(fix.events);
    let case = Case::fold(&all).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    let row = case.summary_with(&engine, Some(&walk));
    assert_eq!(row.lane, "kasi", "back to the role that returned it");
    assert_eq!(row.since, case.worked_at as f64);
    assert_eq!(row.standing(), Standing::Resend);
    assert_eq!(case.reopened_lane(&engine).as_deref(), Some("kasi"));

    // Returned by an office without staff: the first role that answers.
    let mut unnamed = all.clone();
    for e in &mut unnamed {
        if matches!(e.kind, EventKind::Feedback { .. }) {
            e.role = None;
        }
    }
    let case = Case::fold(&unnamed).unwrap();
    assert_eq!(case.reopened_lane(&engine).as_deref(), Some("pelaksana"));
}

#[test]
fn a_later_answer_closes_the_returned_loop() {
    let mut r = Recorder::new("hp-desa", "p3", 0);
    handed_over(&mut r);
    r.push(feedback(FeedbackState::Returned, Some("KK buram"), &["kk"]));
    r.photo("kk", "sha-kk-3");
    r.push(feedback(FeedbackState::Proposed, None, &[]));
    let case = Case::fold(&r.events).unwrap();
    assert!(!case.reopened() && !case.awaits_fix());
    assert!(case.returned_by.is_none());
    assert_eq!(
        row(&r.events).standing(),
        Standing::Answered(FeedbackState::Proposed)
    );
}

#[test]
fn a_draft_is_discarded_and_taken_back_by_events() {
    let mut r = Recorder::new("hp-desa", "p4", 0);
    r.created("purwakarta", "enrolment");
    r.push(status(CaseStatus::Archived));
    let discarded = row(&r.events);
    assert_eq!(discarded.status, CaseStatus::Archived);
    assert_eq!(discarded.standing(), Standing::Discarded);
    assert!(
        !CaseStatus::WORKING.contains(&discarded.status),
        "hidden from the working list"
    );
    r.push(status(CaseStatus::Draft));
    let back = row(&r.events);
    assert_eq!(back.standing(), Standing::Draft);
    assert_eq!(
        Case::fold(&r.events).unwrap().events.len(),
        3,
        "both kept in the history"
    );
}

#[test]
fn a_village_may_claim_only_its_own_statuses() {
    let pack = pack("purwakarta");
    let p = &pack.procedures[0];
    let mut r = Recorder::new("hp-desa", "p5", 0);
    r.created("purwakarta", "enrolment");
    for (s, ok) in [
        (CaseStatus::Sent, true),
        (CaseStatus::Archived, true),
        (CaseStatus::Draft, true),
        (CaseStatus::Finished, false),
        (CaseStatus::Acknowledged, false),
        (CaseStatus::Returned, false),
    ] {
        r.push(status(s));
        let e = r.events.last().unwrap();
        assert_eq!(keeps_to_side(p, "hp-desa", e, Side::Village), ok, "{s:?}");
    }
    // A `returned` status is never taken from an event.
    let mut forged = Recorder::new("hp-desa", "p6", 0);
    forged
        .created("purwakarta", "enrolment")
        .push(status(CaseStatus::Returned));
    assert_eq!(row(&forged.events).status, CaseStatus::Draft);
}

#[test]
fn answers_are_numbered_per_village_so_none_sees_another_villages_as_a_gap() {
    use pandu::bundle::exchange::ChainRecord;
    use std::collections::BTreeMap;
    // The office answers Sukamaju, Cibatu, Cibatu, Sukamaju, Jaten.
    let mut chains: BTreeMap<&str, ChainRecord> = BTreeMap::new();
    let mut numbers: BTreeMap<&str, Vec<u64>> = BTreeMap::new();
    for (i, village) in ["sukamaju", "cibatu", "cibatu", "sukamaju", "jaten"]
        .into_iter()
        .enumerate()
    {
        let (sequence, previous) = ChainRecord::next(chains.get(village), None);
        assert_eq!(
            previous.as_deref(),
            chains.get(village).map(|c| c.digest.as_str()),
            "each bundle links to the last one that village received"
        );
        chains.insert(
            village,
            ChainRecord {
                sequence,
                digest: format!("d{i}"),
            },
        );
        numbers.entry(village).or_default().push(sequence);
    }
    assert_eq!(numbers["sukamaju"], vec![1, 2]);
    assert_eq!(numbers["cibatu"], vec![1, 2]);
    assert_eq!(numbers["jaten"], vec![1]);

    // A recipient without a count of its own continues after the
    // device-wide count kept before, never below a number it may hold.
    let shared = ChainRecord {
        sequence: 7,
        digest: "old".into(),
    };
    assert_eq!(
        ChainRecord::next(None, Some(&shared)),
        (8, Some("old".into()))
    );
    let own = ChainRecord {
        sequence: 2,
        digest: "mine".into(),
    };
    assert_eq!(
        ChainRecord::next(Some(&own), Some(&shared)),
        (3, Some("mine".into()))
    );
    assert_eq!(ChainRecord::next(None, None), (1, None));
}

#[test]
fn the_answer_agrees_with_the_end_the_sop_reached() {
    use pandu::domain::lanes::{answer_options, check_answer, Actor, AnswerRefusal, Member};
    let pack = pack("purwakarta");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let office = Actor::Office {
        device: "laptop",
        member: Member::Role("pelaksana"),
    };
    let walked = |complete: &str| {
        let mut r = Recorder::new("hp-desa", "p7", 0);
        handed_over(&mut r);
        let mut o = Recorder::new("laptop", "p7", 50);
        o.step("check_bdt").answer("in_bdt", "yes", None);
        if complete == "no" {
            o.answer("admin_complete", "no", Some("KTP kurang"))
                .step("return_village");
        } else {
            o.answer("admin_complete", "yes", None)
                .step("declare_bdt")
                .step("propose")
                .photo("photo", "sha-photo")
                .step("documentation");
        }
        let mut all = r.events.clone();
        all.extend(o.events);
        let case = Case::fold(&all).unwrap();
        let walk = case.walk(&engine).walk.unwrap();
        (case, walk)
    };
    // Ended "returned" by the SOP: only "returned" may be answered.
    let (case, walk) = walked("no");
    let states: Vec<FeedbackState> = answer_options(p, &case, &walk, office)
        .unwrap()
        .iter()
        .map(|o| o.state)
        .collect();
    assert_eq!(states, [FeedbackState::Returned]);
    assert_eq!(
        check_answer(p, &case, &walk, office, FeedbackState::Accepted),
        Err(AnswerRefusal::NotOffered),
        "approving a case the SOP returned is refused"
    );
    // Returned, then fixed by the village: judged again, any answer.
    let mut fixed = case.events.clone();
    let mut o = Recorder::new("laptop", "p7", 80);
    o.push(feedback(
        FeedbackState::Returned,
        Some("KTP kurang"),
        &["ktp"],
    ));
    let mut v = Recorder::new("hp-desa", "p7", 90);
    v.photo("ktp", "sha-ktp-2");
    fixed.extend(o.events);
    fixed.extend(v.events);
    let case = Case::fold(&fixed).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    assert!(case.reopened());
    assert!(check_answer(p, &case, &walk, office, FeedbackState::Accepted).is_ok());
    // Ended "proposed": every answer of the pack.
    let (case, walk) = walked("yes");
    assert_eq!(answer_options(p, &case, &walk, office).unwrap().len(), 4);
}

#[test]
fn a_case_changed_after_it_was_sent_is_ready_to_send_again() {
    let mut r = Recorder::new("hp-desa", "p8", 0);
    handed_over(&mut r);
    r.push(status(CaseStatus::Sent));
    assert_eq!(row(&r.events).standing(), Standing::Sent);
    r.field(Field::FullName, "Siti Aminah Putri");
    let changed = row(&r.events);
    assert_eq!(changed.status, CaseStatus::Finished);
    assert_eq!(
        changed.standing(),
        Standing::Ready,
        "the office holds the older copy"
    );
    // The office's own work after a village's sending changes nothing of it.
    let mut office = Recorder::new("laptop", "p8", 100);
    office
        .push(feedback(FeedbackState::Received, None, &[]))
        .step("check_bdt");
    let mut at_office = r.events.clone();
    let mut sent_again = Recorder::new("hp-desa", "p8", 50);
    sent_again.push(status(CaseStatus::Sent));
    at_office.extend(sent_again.events);
    at_office.extend(office.events);
    assert_eq!(row(&at_office).standing(), Standing::Received);
}
