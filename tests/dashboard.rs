//! The district's dashboard from list rows: Karanganyar's month windows
//! (village input 1-15, verification 15-20, dossier check 18-20) and
//! Banjarbaru's cut-off on the 25th, counted as due this cycle, missed,
//! coming in time or going to miss it; lanes and their late cases; how
//! each step kept its time standard; counts per village, procedure and
//! status; and a returned or merged case out of every lane.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, CaseStatus, CaseSummary, EventKind, FeedbackState};
use pandu::domain::dashboard::{Load, Phase, StepLoad, Tally, Window};
use pandu::domain::date::{local_midnight, Date, Millis, MINUTE};
use pandu::domain::engine::Library;
use pandu::domain::procedure::Pack;

use common::history::{t0, Recorder};
use common::shipped_pack as pack;

const HOUR: Millis = 60 * MINUTE;

/// Local time in the pack's zone.
fn local(pack: &Pack, month: u32, day: u32, hour: i64) -> Millis {
    local_midnight(
        Date::new(2026, month, day).unwrap(),
        pack.utc_offset_minutes,
    ) + hour * HOUR
}

/// A history writer whose next event is at `at`.
fn at(r: &mut Recorder, at: Millis) -> &mut Recorder {
    r.n = (at - t0()) / MINUTE - 1;
    r
}

fn library(pack: &Pack) -> Library {
    let mut l = Library::default();
    l.add(Pack {
        version: 1,
        ..pack.clone()
    });
    l
}

fn row(library: &Library, r: &Recorder) -> CaseSummary {
    Case::fold(&r.events).unwrap().summary_in(library)
}

fn window<'a>(t: &'a Tally, node: &str) -> &'a Window {
    t.windows.iter().find(|w| w.node == node).unwrap()
}

fn counts(w: &Window) -> [u32; 4] {
    [w.waiting, w.missed, w.coming, w.at_risk]
}

/// Karanganyar on 19 November 2026, 12:00: seven cases.
fn karanganyar() -> (Pack, Vec<CaseSummary>, Millis) {
    let p = pack("karanganyar");
    let lib = library(&p);
    let d = |day, hour| local(&p, 11, day, hour);
    let new = |id: &'static str, created: Millis, village: &str| {
        let mut r = Recorder::new("desa", id, 0);
        at(&mut r, created).created("karanganyar", "pbi_pbpu_proposal");
        if !village.is_empty() {
            r.field(Field::Village, village);
        }
        r
    };
    let mut rows = Vec::new();
    // At the village input since 3 November: its window closed on the 15th.
    rows.push(row(&lib, &new("early", d(3, 9), "Jaten")));
    // Arrived on the 17th, after this month's input window: next cycle's.
    rows.push(row(&lib, &new("fresh", d(17, 9), "Jaten")));
    // At verification since the 16th: due by the 20th.
    let mut r = new("verifying", d(10, 9), "Tasikmadu");
    at(&mut r, d(16, 10)).step("village_input");
    rows.push(row(&lib, &r));
    // At verification since 10 October: October's window has closed.
    let mut r = Recorder::new("desa", "late_verify", 0);
    at(&mut r, local(&p, 10, 1, 9)).created("karanganyar", "pbi_pbpu_proposal");
    at(&mut r, local(&p, 10, 10, 9)).step("village_input");
    rows.push(row(&lib, &r));
    // Walked to the Kemensos step on the 18th; the Kabid took 30 minutes
    // of a 10-minute standard; sending (3 hours at most) has run over.
    let mut r = new("signed", d(18, 9), "Jaten");
    r.step("village_input").step("verify").step("check_dossier");
    let n = r.n;
    r.n = n + 30;
    r.step("kabid_review")
        .step("sekdin_review")
        .step("kadis_sign");
    r.answer("scheme", "pbi_jk", None);
    rows.push(row(&lib, &r));
    // Walked to its end.
    let mut r = new("done", d(18, 10), "Tasikmadu");
    r.step("village_input").step("verify").step("check_dossier");
    r.step("kabid_review")
        .step("sekdin_review")
        .step("kadis_sign");
    r.answer("scheme", "pbpu_bp_pemda", None);
    r.step("send_dinkes").step("feedback");
    rows.push(row(&lib, &r));
    // Returned to the village at verification: out of the lanes.
    let mut r = new("returned", d(12, 9), "");
    at(&mut r, d(16, 9)).step("village_input");
    r.push(EventKind::Feedback {
        state: FeedbackState::Returned,
        reason: Some("KK tidak terbaca".into()),
        missing: vec!["kk".into()],
    });
    rows.push(row(&lib, &r));
    let now = d(19, 12);
    (p, rows, now)
}

#[test]
fn karanganyar_windows_say_what_is_due_this_cycle_and_what_will_miss_it() {
    let (p, rows, now) = karanganyar();
    let mut t = Tally::new(p.clone(), now);
    for r in &rows {
        t.add(r);
    }
    let order: Vec<&str> = t.windows.iter().map(|w| w.node.as_str()).collect();
    assert_eq!(
        order,
        ["verify", "check_dossier", "village_input"],
        "the next to close first: the 20th this month, then the 15th of December"
    );
    // Village input: this cycle's window is 1-15 December.
    let input = window(&t, "village_input");
    assert_eq!(
        input.phase(now),
        Phase::NotOpen {
            opens: local(&p, 12, 1, 0)
        }
    );
    assert_eq!(counts(input), [1, 1, 0, 0], "fresh is due, early missed");
    // Verification, 15-20 November: open until the end of the 20th.
    let verify = window(&t, "verify");
    assert_eq!(
        verify.phase(now),
        Phase::Open {
            closes: local(&p, 11, 21, 0)
        }
    );
    assert_eq!(
        counts(verify),
        [1, 1, 1, 1],
        "verifying due, late_verify missed, early can still come, fresh waits for December's input"
    );
    // The dossier check, 18-20 November: early, verifying and late_verify
    // can reach it by the 20th; fresh cannot.
    assert_eq!(counts(window(&t, "check_dossier")), [0, 0, 3, 1]);
}

#[test]
fn lanes_steps_and_counts_come_from_the_rows_alone() {
    let (p, rows, now) = karanganyar();
    let mut t = Tally::new(p.clone(), now);
    for r in &rows {
        t.add(r);
    }
    assert_eq!(t.total, 7);
    assert_eq!(t.by_status.iter().sum::<u32>(), 7);
    assert_eq!(
        t.lanes.get("pmk"),
        Some(&Load {
            waiting: 2,
            late: 1
        }),
        "early is late, fresh is not"
    );
    assert_eq!(
        t.lanes.get("operator"),
        Some(&Load {
            waiting: 3,
            late: 2
        }),
        "verifying on time; late_verify and the Kemensos sending late; returned and done not waiting"
    );
    let step = |node: &str| {
        t.steps
            .get(&("pbi_pbpu_proposal".to_string(), node.to_string()))
            .copied()
            .unwrap_or_default()
    };
    assert_eq!(
        step("kabid_review"),
        StepLoad {
            on_time: 1,
            over: 1,
            open: 0,
            open_late: 0
        }
    );
    assert_eq!(
        step("verify"),
        StepLoad {
            on_time: 2,
            over: 0,
            open: 1,
            open_late: 1
        },
        "signed and done passed it; verifying is there in time, late_verify over; returned is out of the lanes"
    );
    assert_eq!(step("send_kemensos").open_late, 1);
    assert_eq!(step("send_dinkes").on_time, 1);
    let village = |v: &str| t.villages.get(v).map_or(0, |s| s.iter().sum::<u32>());
    assert_eq!(village("Jaten"), 3);
    assert_eq!(village("Tasikmadu"), 2);
    assert_eq!(village(""), 2, "late_verify and returned name no village");
    let procedure = t.procedures.get("pbi_pbpu_proposal").unwrap();
    assert_eq!(procedure.iter().sum::<u32>(), 7);
    let finished = CaseStatus::ALL
        .iter()
        .position(|s| *s == CaseStatus::Finished)
        .unwrap();
    assert!(
        procedure[finished] >= 1,
        "done ended; cases past the village's input count as finished for it"
    );
}

#[test]
fn a_returned_case_leaves_its_lane_until_the_village_works_on_it_again() {
    let p = pack("karanganyar");
    let lib = library(&p);
    let mut r = Recorder::new("desa", "c", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .step("village_input");
    assert_eq!(row(&lib, &r).lane, "operator");
    r.push(EventKind::Feedback {
        state: FeedbackState::Returned,
        reason: Some("KK tidak terbaca".into()),
        missing: vec!["kk".into()],
    });
    let back = row(&lib, &r);
    assert!(back.settled && back.lane.is_empty());
    // A note by the office changes nothing; the village's new photo does.
    r.push(EventKind::Note {
        text: "ditelepon".into(),
    });
    assert!(row(&lib, &r).lane.is_empty());
    r.photo("kk", "ab".repeat(32).as_str());
    let again = row(&lib, &r);
    assert_eq!(again.lane, "operator");
    assert!(!again.settled);
    // Merged into another case: out of the lanes for good.
    r.push(EventKind::MergedInto { case: "x".into() });
    let merged = row(&lib, &r);
    assert!(merged.settled && merged.lane.is_empty());
    assert_eq!(merged.merged_into.as_deref(), Some("x"));
}

#[test]
fn banjarbaru_cut_off_on_the_25th() {
    let p = pack("banjarbaru");
    let lib = library(&p);
    let now = local(&p, 11, 24, 11);
    let new = |id: &'static str, created: Millis| {
        let mut r = Recorder::new("kel", id, 0);
        at(&mut r, created).created("banjarbaru", "mutation");
        r
    };
    let mut rows = Vec::new();
    // The kelurahan's letter, one day's work, is late; handed in now it
    // still makes the 25th.
    let mut r = new("letter", local(&p, 11, 20, 8));
    r.step("apply");
    rows.push(row(&lib, &r));
    // Applied this morning: the same day, then a day for the letter,
    // reaches the office at midnight of the 25th, after the cut-off.
    rows.push(row(&lib, &new("applied", local(&p, 11, 24, 10))));
    // At the office since the 22nd: due by the 25th.
    let mut r = new("submitted", local(&p, 11, 21, 8));
    r.step("apply").step("kelurahan_letter");
    rows.push(row(&lib, &r));
    // Arrived on 28 October, after October's cut-off: November's list.
    let mut r = new("october_late", local(&p, 10, 28, 8));
    r.step("apply").step("kelurahan_letter");
    rows.push(row(&lib, &r));
    // Arrived on 20 October and never handed in: missed October.
    let mut r = new("missed", local(&p, 10, 20, 8));
    r.step("apply").step("kelurahan_letter");
    rows.push(row(&lib, &r));
    let mut t = Tally::new(p.clone(), now);
    for r in &rows {
        t.add(r);
    }
    assert_eq!(t.windows.len(), 1, "verivali has no window");
    let submit = window(&t, "submit");
    assert_eq!(
        submit.phase(now),
        Phase::Open {
            closes: local(&p, 11, 26, 0)
        }
    );
    assert_eq!(counts(submit), [2, 1, 1, 1]);
}
