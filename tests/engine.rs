//! The engine walking the shipped packs: paths down every branch, who may
//! act, missing documents, due times of every time-standard shape, running
//! over, and version pinning.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeSet;

use pandu::domain::date::{local_midnight, Date, Millis, MINUTE};
use pandu::domain::engine::{due, Allowed, Applicant, Due, Engine, Library, Move, MoveError};
use pandu::domain::procedure::{NodeKind, Outcome, TimeStandard, TimeUnit};

const WIB: i32 = 7 * 60;
const HOUR: Millis = 60 * MINUTE;

use common::shipped_pack as pack;

/// Moves as (node, answer), where the walk ends up, and its outcome.
type Path<'a> = (&'a [(&'a str, Option<&'a str>)], &'a str, Option<Outcome>);

/// Local WIB time on a date.
fn at(y: i32, m: u32, d: u32, hour: i64, minute: i64) -> Millis {
    local_midnight(Date::new(y, m, d).unwrap(), WIB) + hour * HOUR + minute * MINUTE
}

/// Moves from (node, answer) pairs, `gap` minutes apart starting at `t0`.
fn moves(t0: Millis, gap: i64, steps: &[(&str, Option<&str>)]) -> Vec<Move> {
    steps
        .iter()
        .enumerate()
        .map(|(i, (node, answer))| Move {
            node: node.to_string(),
            answer: answer.map(str::to_string),
            at: t0 + (i as i64 + 1) * gap * MINUTE,
        })
        .collect()
}

#[test]
fn purwakarta_every_branch_of_both_diamonds() {
    let pack = pack("purwakarta");
    let e = Engine::new(&pack.procedures[0], WIB);
    let t0 = at(2026, 11, 23, 9, 0);
    // (moves, where the walk ends up, outcome)
    let table: &[Path] = &[
        (&[], "bring_letter", None),
        (
            &[("bring_letter", None), ("check_bdt", None)],
            "in_bdt",
            None,
        ),
        // In the BDT, documents complete: proposed, then documented.
        (
            &[
                ("bring_letter", None),
                ("check_bdt", None),
                ("in_bdt", Some("yes")),
                ("admin_complete", Some("yes")),
                ("declare_bdt", None),
                ("propose", None),
            ],
            "documentation",
            None,
        ),
        (
            &[
                ("bring_letter", None),
                ("check_bdt", None),
                ("in_bdt", Some("yes")),
                ("admin_complete", Some("yes")),
                ("declare_bdt", None),
                ("propose", None),
                ("documentation", None),
            ],
            "end_proposed",
            Some(Outcome::Proposed),
        ),
        // Not in the BDT: the Satgas enters them first, then the same question.
        (
            &[
                ("bring_letter", None),
                ("check_bdt", None),
                ("in_bdt", Some("no")),
            ],
            "enter_bdt",
            None,
        ),
        (
            &[
                ("bring_letter", None),
                ("check_bdt", None),
                ("in_bdt", Some("no")),
                ("enter_bdt", None),
            ],
            "admin_complete",
            None,
        ),
        // Documents incomplete: returned to the village head.
        (
            &[
                ("bring_letter", None),
                ("check_bdt", None),
                ("in_bdt", Some("no")),
                ("enter_bdt", None),
                ("admin_complete", Some("no")),
                ("return_village", None),
            ],
            "end_returned",
            Some(Outcome::Returned),
        ),
    ];
    for (steps, current, outcome) in table {
        let walk = e
            .walk(t0, &moves(t0, 10, steps))
            .unwrap_or_else(|err| panic!("{steps:?}: {err:?}"));
        assert_eq!(&walk.current, current, "after {steps:?}");
        assert_eq!(walk.outcome, *outcome, "after {steps:?}");
        assert_eq!(walk.visits.len(), steps.len());
    }
}

#[test]
fn moves_that_do_not_fit_are_refused_with_a_reason() {
    let pack = pack("purwakarta");
    let e = Engine::new(&pack.procedures[0], WIB);
    let t0 = at(2026, 11, 23, 9, 0);
    let check = |steps: &[(&str, Option<&str>)], expected: MoveError| {
        assert_eq!(
            e.walk(t0, &moves(t0, 5, steps)).unwrap_err(),
            expected,
            "{steps:?}"
        );
    };
    check(
        &[("check_bdt", None)],
        MoveError::NotCurrent {
            current: "bring_letter".into(),
            got: "check_bdt".into(),
        },
    );
    check(
        &[("bring_letter", Some("yes"))],
        MoveError::UnexpectedAnswer {
            node: "bring_letter".into(),
        },
    );
    check(
        &[
            ("bring_letter", None),
            ("check_bdt", None),
            ("in_bdt", None),
        ],
        MoveError::MissingAnswer {
            node: "in_bdt".into(),
        },
    );
    check(
        &[
            ("bring_letter", None),
            ("check_bdt", None),
            ("in_bdt", Some("maybe")),
        ],
        MoveError::UnknownAnswer {
            node: "in_bdt".into(),
            answer: "maybe".into(),
        },
    );
    let back_in_time = vec![Move {
        node: "bring_letter".into(),
        answer: None,
        at: t0 - MINUTE,
    }];
    assert_eq!(
        e.walk(t0, &back_in_time).unwrap_err(),
        MoveError::OutOfOrder {
            node: "bring_letter".into()
        }
    );
    let mut done = moves(
        t0,
        5,
        &[
            ("bring_letter", None),
            ("check_bdt", None),
            ("in_bdt", Some("no")),
            ("enter_bdt", None),
            ("admin_complete", Some("no")),
            ("return_village", None),
        ],
    );
    done.push(Move {
        node: "end_returned".into(),
        answer: None,
        at: t0 + 60 * MINUTE,
    });
    assert_eq!(e.walk(t0, &done).unwrap_err(), MoveError::AlreadyEnded);
}

#[test]
fn who_may_act_and_where_answers_lead() {
    let pack = pack("pesisir-selatan");
    let e = Engine::new(&pack.procedures[0], WIB);
    let t0 = at(2026, 11, 23, 8, 0);
    let walk = e.walk(t0, &[]).unwrap();
    assert!(matches!(
        e.allowed(&walk),
        Allowed::Complete {
            node: "check_requirements",
            role: "staf"
        }
    ));
    assert!(e.may_act(&walk, "staf"));
    assert!(
        !e.may_act(&walk, "kadis"),
        "the Kadis cannot act on the staff's step"
    );
    let walk = e
        .walk(t0, &moves(t0, 1, &[("check_requirements", None)]))
        .unwrap();
    match e.allowed(&walk) {
        Allowed::Answer {
            node,
            role,
            decision,
        } => {
            assert_eq!((node, role), ("complete", "staf"));
            assert_eq!(decision.answers.len(), 2);
        }
        other => panic!("expected a decision, got {other:?}"),
    }
    let branches: Vec<_> = e.branches("complete").into_iter().collect();
    assert_eq!(branches, [("no", "end_refused"), ("yes", "check_pbdt")]);
    // Refused for a missing SKTM: the walk ends, nobody may act.
    let walk = e
        .walk(
            t0,
            &moves(
                t0,
                1,
                &[("check_requirements", None), ("complete", Some("no"))],
            ),
        )
        .unwrap();
    assert_eq!(walk.outcome, Some(Outcome::Refused));
    assert_eq!(e.allowed(&walk), Allowed::Nothing);
    assert!(
        !e.is_late(&walk, t0 + 1000 * HOUR),
        "an ended case is never late"
    );
}

#[test]
fn missing_documents_follow_the_applicants_age() {
    let pack = pack("pesisir-selatan");
    let e = Engine::new(&pack.procedures[0], WIB);
    let walk = e.walk(0, &[]).unwrap();
    let today = Date::new(2026, 11, 23).unwrap();
    let adult = Applicant {
        birth_date: Date::new(1990, 1, 1),
    };
    let child = Applicant {
        birth_date: Date::new(2015, 5, 5),
    };
    let unknown = Applicant::default();
    let provided = |ids: &[&str]| ids.iter().map(|s| s.to_string()).collect::<BTreeSet<_>>();
    assert_eq!(
        e.missing_documents(&walk, adult, &provided(&[]), today),
        ["ktp", "kk", "sktm"]
    );
    assert_eq!(
        e.missing_documents(&walk, child, &provided(&[]), today),
        ["akte", "kk", "sktm"]
    );
    assert_eq!(
        e.missing_documents(&walk, unknown, &provided(&["kk"]), today),
        ["ktp", "akte", "sktm"]
    );
    assert_eq!(
        e.missing_documents(&walk, adult, &provided(&["ktp", "kk"]), today),
        ["sktm"]
    );
    // Turning 17 today means the KTP, not the Akte.
    let seventeen = Applicant {
        birth_date: Date::new(2009, 11, 23),
    };
    assert_eq!(
        e.missing_documents(&walk, seventeen, &provided(&["kk", "sktm"]), today),
        ["ktp"]
    );
}

#[test]
fn due_times_for_every_shape_of_time_standard() {
    let minutes = |n| TimeStandard::Duration {
        amount: n,
        max: None,
        unit: TimeUnit::Minutes,
    };
    let t = at(2026, 11, 23, 9, 0);
    let check = |time: TimeStandard, since: Millis, expected: Due| {
        assert_eq!(due(time, since, WIB), expected, "{time:?} from {since}")
    };
    check(minutes(10), t, Due::By(t + 10 * MINUTE));
    check(
        TimeStandard::Duration {
            amount: 2,
            max: Some(3),
            unit: TimeUnit::Hours,
        },
        t,
        Due::By(t + 3 * HOUR),
    );
    check(
        TimeStandard::Duration {
            amount: 15,
            max: None,
            unit: TimeUnit::Days,
        },
        t,
        Due::By(t + 15 * 24 * HOUR),
    );
    check(
        TimeStandard::Duration {
            amount: 1,
            max: None,
            unit: TimeUnit::Months,
        },
        at(2026, 1, 31, 9, 0),
        Due::By(at(2026, 2, 28, 9, 0)),
    );
    check(TimeStandard::SameDay, t, Due::By(at(2026, 11, 24, 0, 0)));
    // Late evening in WIB is still the same day, though UTC has moved on.
    check(
        TimeStandard::SameDay,
        at(2026, 11, 23, 23, 30),
        Due::By(at(2026, 11, 24, 0, 0)),
    );
    // Karanganyar's village window, day 1-15: inside, before, after.
    let window = TimeStandard::MonthWindow {
        from_day: 1,
        to_day: 15,
    };
    check(
        window,
        at(2026, 11, 3, 9, 0),
        Due::Window {
            opens: at(2026, 11, 1, 0, 0),
            closes: at(2026, 11, 16, 0, 0),
        },
    );
    check(
        window,
        at(2026, 11, 23, 9, 0),
        Due::Window {
            opens: at(2026, 12, 1, 0, 0),
            closes: at(2026, 12, 16, 0, 0),
        },
    );
    let verify = TimeStandard::MonthWindow {
        from_day: 15,
        to_day: 20,
    };
    check(
        verify,
        at(2026, 11, 10, 9, 0),
        Due::Window {
            opens: at(2026, 11, 15, 0, 0),
            closes: at(2026, 11, 21, 0, 0),
        },
    );
    check(
        verify,
        at(2026, 12, 21, 9, 0),
        Due::Window {
            opens: at(2027, 1, 15, 0, 0),
            closes: at(2027, 1, 21, 0, 0),
        },
    );
    // Banjarbaru's cut-off on the 25th, effective the 1st of next month.
    let cutoff = TimeStandard::MonthlyCutoff { day: 25 };
    check(
        cutoff,
        at(2026, 11, 23, 9, 0),
        Due::Cutoff {
            closes: at(2026, 11, 26, 0, 0),
            effective: at(2026, 12, 1, 0, 0),
        },
    );
    check(
        cutoff,
        at(2026, 11, 25, 16, 0),
        Due::Cutoff {
            closes: at(2026, 11, 26, 0, 0),
            effective: at(2026, 12, 1, 0, 0),
        },
    );
    check(
        cutoff,
        at(2026, 11, 26, 8, 0),
        Due::Cutoff {
            closes: at(2026, 12, 26, 0, 0),
            effective: at(2027, 1, 1, 0, 0),
        },
    );
    check(
        cutoff,
        at(2026, 12, 27, 8, 0),
        Due::Cutoff {
            closes: at(2027, 1, 26, 0, 0),
            effective: at(2027, 2, 1, 0, 0),
        },
    );
    // A window to the 31st closes at the end of a 30-day month.
    check(
        TimeStandard::MonthWindow {
            from_day: 25,
            to_day: 31,
        },
        at(2026, 4, 26, 9, 0),
        Due::Window {
            opens: at(2026, 4, 25, 0, 0),
            closes: at(2026, 5, 1, 0, 0),
        },
    );
}

#[test]
fn steps_that_run_over_their_standard_are_flagged() {
    let pack = pack("pesisir-selatan");
    let e = Engine::new(&pack.procedures[0], WIB);
    let t0 = at(2026, 11, 23, 8, 0);
    // The requirements check has 1 minute: done in 1, then the PBDT check (5 minutes) takes 9.
    let walk = e
        .walk(
            t0,
            &[
                Move {
                    node: "check_requirements".into(),
                    answer: None,
                    at: t0 + MINUTE,
                },
                Move {
                    node: "complete".into(),
                    answer: Some("yes".into()),
                    at: t0 + 2 * MINUTE,
                },
                Move {
                    node: "check_pbdt".into(),
                    answer: None,
                    at: t0 + 11 * MINUTE,
                },
            ],
        )
        .unwrap();
    let overran: Vec<_> = walk
        .visits
        .iter()
        .map(|v| (v.node.as_str(), v.overran))
        .collect();
    assert_eq!(
        overran,
        [
            ("check_requirements", false),
            ("complete", false),
            ("check_pbdt", true)
        ]
    );
    assert_eq!(walk.current, "make_recommendation");
    assert_eq!(e.due(&walk), Some(Due::By(t0 + 16 * MINUTE)));
    assert!(!e.is_late(&walk, t0 + 16 * MINUTE));
    assert!(e.is_late(&walk, t0 + 16 * MINUTE + 1));
}

#[test]
fn a_new_pack_version_never_changes_an_open_cases_path() {
    let v1 = pack("pesisir-selatan");
    let (old_version, new_version) = (v1.version, v1.version + 1);
    let mut v2 = v1.clone();
    v2.version = new_version;
    // Version 2 drops the Kabid's initials: the Kasi's step leads to the Kadis.
    let proc2 = &mut v2.procedures[0];
    proc2.nodes.retain(|n| n.id != "kabid_initial");
    for n in &mut proc2.nodes {
        if let NodeKind::Step(s) = &mut n.kind {
            if s.next == "kabid_initial" {
                s.next = "kadis_sign".into();
            }
        }
    }
    let mut library = Library::default();
    library.add(v1.clone());
    library.add(v2);
    assert_eq!(
        library.latest("pesisir-selatan").unwrap().version,
        new_version
    );

    let t0 = at(2026, 11, 23, 8, 0);
    let steps = [
        ("check_requirements", None),
        ("complete", Some("yes")),
        ("check_pbdt", None),
        ("make_recommendation", None),
        ("kasi_initial", None),
    ];
    let old = library
        .procedure("pesisir-selatan", old_version, "bpjs_recommendation")
        .unwrap();
    let new = library
        .procedure("pesisir-selatan", new_version, "bpjs_recommendation")
        .unwrap();
    let old_walk = Engine::new(old, WIB)
        .walk(t0, &moves(t0, 1, &steps))
        .unwrap();
    let new_walk = Engine::new(new, WIB)
        .walk(t0, &moves(t0, 1, &steps))
        .unwrap();
    assert_eq!(
        old_walk.current, "kabid_initial",
        "the case started under v1 keeps v1's path"
    );
    assert_eq!(new_walk.current, "kadis_sign");

    // Re-adding version 1 with changes does not overwrite what was published.
    let mut tampered = v1.clone();
    tampered.procedures[0].nodes.truncate(3);
    library.add(tampered);
    assert_eq!(library.get("pesisir-selatan", old_version).unwrap(), &v1);
}

#[test]
fn banjarbaru_cut_off_is_counted_in_wita() {
    assert_eq!(pack("purwakarta").utc_offset_minutes, 420, "WIB by default");
    let banjarbaru = pack("banjarbaru");
    assert_eq!(banjarbaru.utc_offset_minutes, 480, "Banjarbaru is in WITA");
    let e = Engine::new(&banjarbaru.procedures[0], banjarbaru.utc_offset_minutes);
    let wita = |d, h| local_midnight(Date::new(2026, 11, d).unwrap(), 480) + h * HOUR;
    // 25 November 23:30 WITA is still before the cut-off; in WIB terms it is 22:30.
    let due = e.due_at("submit", wita(25, 23)).unwrap();
    assert_eq!(
        due,
        Due::Cutoff {
            closes: wita(26, 0),
            effective: local_midnight(Date::new(2026, 12, 1).unwrap(), 480)
        }
    );
}
