//! The district's lanes: where a case waits, who may act on it, the order
//! of an inbox and how late each case is.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::case::{Case, CaseStatus, CaseSummary};
use pandu::domain::date::{local_midnight, Date, Millis, DAY, MINUTE};
use pandu::domain::engine::{Engine, Move, MoveError};
use pandu::domain::lanes::{
    check_act_with, district_roles, handed_to_district, lateness, position, role_has_work,
    sort_inbox, ActError, Actor, Lateness, Member,
};
use pandu::domain::procedure::Side;

use common::history::{t0, Recorder, WIB};
use common::shipped_pack as pack;
use common::valid_outputs;

/// `lanes::check_act_with` with every output the move's step declares
/// given a valid value (their refusal is tested on its own).
fn check_act(
    case: &Case,
    engine: &Engine,
    actor: Actor,
    m: &Move,
    today: Date,
) -> Result<pandu::domain::lanes::Acting, ActError> {
    check_act_with(
        case,
        engine,
        actor,
        m,
        &valid_outputs(engine.procedure, &m.node),
        today,
    )
}

/// The day the tests' histories are judged on.
fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

/// The end (exclusive) of `day` November 2026, WIB.
fn end_of_november(day: u32) -> Millis {
    local_midnight(Date::new(2026, 11, day).unwrap(), WIB) + DAY
}

#[test]
fn a_karanganyar_case_moves_from_the_pmk_lane_to_the_operator_and_is_ready_to_send() {
    let pack = pack("karanganyar");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("hp-desa", "k1", 0);
    r.created("karanganyar", "pbi_pbpu_proposal");
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    let at = position(&engine, &walk);
    assert_eq!(at.lane.as_deref(), Some("pmk"));
    assert_eq!(at.side, Some(Side::Village));
    // Created on the 23rd: the village window (1-15) of December.
    let december_15 = local_midnight(Date::new(2026, 12, 15).unwrap(), WIB) + DAY;
    assert_eq!(at.deadline, Some(december_15));
    assert!(!handed_to_district(&engine, &case, &walk, today()));
    assert_eq!(case.status_with(&engine, Some(&walk)), CaseStatus::Draft);

    r.step("village_input");
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    let at = position(&engine, &walk);
    assert_eq!(at.lane.as_deref(), Some("operator"));
    assert_eq!(at.side, Some(Side::District));
    assert_eq!(at.since, t0() + 2 * MINUTE);
    assert!(handed_to_district(&engine, &case, &walk, today()));
    assert_eq!(
        case.status_with(&engine, Some(&walk)),
        CaseStatus::Finished,
        "the village's part is done: the case can be sent"
    );
    assert_eq!(
        case.status(Some(&walk)),
        CaseStatus::Draft,
        "without the pack"
    );
    let row = case.summary_with(&engine, Some(&walk));
    assert_eq!(row.lane, "operator");
    assert_eq!(row.status, CaseStatus::Finished);
    // Verification's window (15-20) of December: the 23rd is past November's.
    let december_20 = local_midnight(Date::new(2026, 12, 20).unwrap(), WIB) + DAY;
    assert_eq!(row.deadline, Some(december_20 as f64));
    assert_eq!(row.due, december_20 as f64);
    assert_eq!(row.since, (t0() + 2 * MINUTE) as f64);
}

#[test]
fn a_procedure_worked_only_in_the_office_is_not_ready_before_its_end() {
    let pack = pack("pesisir-selatan");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("laptop", "p1", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .step("check_requirements");
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    assert!(!handed_to_district(&engine, &case, &walk, today()));
    assert_eq!(case.status_with(&engine, Some(&walk)), CaseStatus::Draft);
    let row = case.summary_with(&engine, Some(&walk));
    assert_eq!(row.lane, "staf");
    assert_eq!(row.deadline, None, "a decision has no time standard");
    assert_eq!(
        row.due,
        (t0() + 2 * MINUTE) as f64,
        "ordered by its arrival"
    );
}

#[test]
fn an_ended_case_waits_on_no_lane() {
    let pack = pack("pesisir-selatan");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("laptop", "p2", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .step("check_requirements")
        .answer("complete", "no", Some("SKTM belum ada"));
    let case = Case::fold(&r.events).unwrap();
    let walk = case.walk(&engine).walk.unwrap();
    let at = position(&engine, &walk);
    assert_eq!((at.lane, at.deadline), (None, None));
    let row = case.summary_with(&engine, Some(&walk));
    assert_eq!(row.lane, "");
    assert_eq!(row.status, CaseStatus::Finished);
}

#[test]
fn the_district_roles_are_the_packs_district_lanes_each_once() {
    let ids = |name: &str| -> Vec<String> {
        district_roles(&pack(name))
            .into_iter()
            .map(|r| r.id.clone())
            .collect()
    };
    assert_eq!(
        ids("karanganyar"),
        ["operator", "kasi", "kabid", "sekdin", "kadis"]
    );
    // Palembang's two procedures share their roles: listed once.
    assert_eq!(ids("palembang"), ["staf", "kasi", "kadis"]);
    // Banjarbaru's BPJS is a district-side lane of its own.
    assert_eq!(
        ids("banjarbaru"),
        ["staf", "bpjs", "kadis", "kabid", "kasi"]
    );
    let k = pack("karanganyar");
    assert!(role_has_work(&k, "kabid"));
    assert!(
        !role_has_work(&k, "kasi"),
        "Karanganyar's Kasi has a lane but no step"
    );
}

#[test]
fn only_the_lanes_role_may_act_and_a_refusal_changes_nothing() {
    let pack = pack("karanganyar");
    let engine = Engine::new(&pack.procedures[0], WIB);
    let mut r = Recorder::new("hp-desa", "k2", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .step("village_input");
    let case = Case::fold(&r.events).unwrap();
    let before = case.events.clone();
    let verify = Move {
        node: "verify".into(),
        answer: None,
        at: t0() + 10 * MINUTE,
    };
    let office = |role| Actor::Office {
        device: "laptop",
        member: Member::Role(role),
    };
    assert_eq!(
        check_act(&case, &engine, office("kabid"), &verify, today()),
        Err(ActError::WrongRole {
            expected: "operator".into(),
            acting: "kabid".into()
        })
    );
    assert_eq!(case.events, before, "the history is untouched");
    let acting = check_act(&case, &engine, office("operator"), &verify, today()).unwrap();
    assert_eq!(acting.walk.current, "check_dossier");
    assert_eq!(acting.role, "operator");
    // The right role, the wrong node: the engine's reason.
    let sign = Move {
        node: "kadis_sign".into(),
        answer: None,
        at: t0() + 10 * MINUTE,
    };
    assert!(matches!(
        check_act(&case, &engine, office("operator"), &sign, today()),
        Err(ActError::Move(MoveError::NotCurrent { .. }))
    ));
}

fn row(id: &str, due: f64, deadline: Option<f64>, since: f64) -> CaseSummary {
    let mut r = Case::fold(
        &Recorder::new("d", "x", 0)
            .created("karanganyar", "pbi_pbpu_proposal")
            .events,
    )
    .unwrap()
    .summary(None);
    r.id = id.into();
    r.due = due;
    r.deadline = deadline;
    r.since = since;
    r
}

#[test]
fn an_inbox_shows_the_oldest_due_first_and_how_late_each_is() {
    let now = end_of_november(20) + 2 * 60 * MINUTE;
    let mut rows = vec![
        row("c", 3000.0, Some(3000.0), 100.0),
        row("a", 1000.0, None, 1000.0),
        row("b", 3000.0, Some(3000.0), 50.0),
        row(
            "d",
            now as f64 + 5.0 * MINUTE as f64,
            Some(now as f64 + 5.0 * MINUTE as f64),
            10.0,
        ),
    ];
    sort_inbox(&mut rows);
    let order: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(
        order,
        ["a", "b", "c", "d"],
        "ties go to the longest waiting"
    );
    assert_eq!(lateness(&rows[0], now), Lateness::NoStandard);
    assert_eq!(lateness(&rows[1], now), Lateness::Late { by: now - 3000 });
    assert_eq!(
        lateness(&rows[3], now),
        Lateness::OnTime { left: 5 * MINUTE }
    );
}

// ---- sides, lanes and the checklist, over every shipped pack -------------

use std::collections::{BTreeMap, VecDeque};

use pandu::domain::applicant::Field;
use pandu::domain::case::{Event, EventKind, FeedbackState};
use pandu::domain::engine::{Due, WindowAt};
use pandu::domain::lanes::{
    answer_options, breaches, check_answer, check_sender, dossier, node_side, opens_here,
    AnswerRefusal,
};
use pandu::domain::procedure::{NodeKind, Pack, Procedure};

const PACKS: [&str; 5] = [
    "purwakarta",
    "karanganyar",
    "palembang",
    "banjarbaru",
    "pesisir-selatan",
];

/// The moves from the start to `target` along the first path found
/// (answers for decisions), or `None` when the node is not reachable.
fn path_to(p: &Procedure, target: &str) -> Option<Vec<(String, Option<String>)>> {
    let start = p.start()?;
    let NodeKind::Start { next } = &start.kind else {
        return None;
    };
    let mut queue = VecDeque::from([(next.clone(), Vec::new())]);
    let mut seen = std::collections::BTreeSet::new();
    while let Some((at, moves)) = queue.pop_front() {
        if at == target {
            return Some(moves);
        }
        if !seen.insert(at.clone()) {
            continue;
        }
        for (answer, next) in p.node(&at)?.kind.edges() {
            let mut m: Vec<(String, Option<String>)> = moves.clone();
            m.push((at.clone(), answer.map(str::to_string)));
            queue.push_back((next.to_string(), m));
        }
    }
    None
}

/// A case opened on `origin` with a complete applicant and every
/// document of the procedure photographed, walked to `target`.
fn case_at(pack: &str, p: &Procedure, origin: &'static str, target: &str) -> Case {
    let mut r = Recorder::new(origin, "t1", 0);
    r.created(pack, &p.id)
        .applicant("Siti Aminah", "3214014101900002");
    let mut docs: Vec<&str> = p
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Step(s) => Some(s.documents.iter().map(|d| d.document.as_str())),
            _ => None,
        })
        .flatten()
        .collect();
    docs.sort();
    docs.dedup();
    for (i, d) in docs.iter().enumerate() {
        r.photo(d, &format!("{i:064x}"));
    }
    // Where the pack has the district answer at a step, the answer comes
    // before the step is done.
    if p.answers
        .as_ref()
        .is_some_and(|a| a.at.iter().any(|n| n == target))
    {
        r.push(EventKind::Feedback {
            state: FeedbackState::Proposed,
            reason: None,
            missing: vec![],
        });
    }
    for (node, answer) in path_to(p, target).expect("reachable") {
        match answer {
            Some(a) => r.answer(&node, &a, None),
            None => r.push(EventKind::StepCompleted {
                outputs: valid_outputs(p, &node),
                node,
            }),
        };
    }
    // A step that works on a letter finds it issued (its refusal without
    // one is tested on its own).
    if let Some(NodeKind::Step(s)) = p.node(target).map(|n| &n.kind) {
        if let Some(paper) = &s.paper {
            r.push(EventKind::LetterIssued {
                letter: paper.clone(),
                number: "400.9/001/X".into(),
                digest: "00".repeat(32),
            });
        }
    }
    Case::fold(&r.events).unwrap()
}

#[test]
fn a_step_that_drafts_initials_or_signs_a_letter_waits_for_it() {
    let pack: Pack = pack("pesisir-selatan");
    let p = pack.procedure("bpjs_recommendation").unwrap();
    let engine = Engine::new(p, WIB);
    let office = Actor::Office {
        device: "laptop",
        member: Member::NoStaff,
    };
    for node in [
        "make_recommendation",
        "kasi_initial",
        "kabid_initial",
        "kadis_sign",
    ] {
        let with = case_at("pesisir-selatan", p, "laptop", node);
        let m = step_move(node, with.updated_at + MINUTE);
        assert!(
            check_act(&with, &engine, office, &m, today()).is_ok(),
            "{node}"
        );
        // The same case without the letter: refused, nothing recorded.
        let events: Vec<Event> = with
            .events
            .iter()
            .filter(|e| !matches!(e.kind, EventKind::LetterIssued { .. }))
            .cloned()
            .collect();
        let without = Case::fold(&events).unwrap();
        assert_eq!(
            check_act(&without, &engine, office, &m, today()).err(),
            Some(ActError::PaperMissing("rekomendasi_bpjs".into())),
            "{node}"
        );
    }
    // Steps without a paper do not wait for one.
    let at = case_at("pesisir-selatan", p, "laptop", "check_pbdt");
    let m = step_move("check_pbdt", at.updated_at + MINUTE);
    assert!(check_act(&at, &engine, office, &m, today()).is_ok());
}

/// Completing the step `node` at `at`.
fn step_move(node: &str, at: Millis) -> Move {
    Move {
        node: node.into(),
        answer: None,
        at,
    }
}

/// The move a node takes: its first answer for a decision.
fn move_at(p: &Procedure, node: &str, at: Millis) -> Move {
    let answer = match &p.node(node).unwrap().kind {
        NodeKind::Decision(d) => Some(d.answers[0].value.clone()),
        _ => None,
    };
    Move {
        node: node.into(),
        answer,
        at,
    }
}

#[test]
fn every_node_of_every_shipped_pack_is_worked_only_by_its_own_side_and_role() {
    for name in PACKS {
        let pack: Pack = pack(name);
        let roles: Vec<String> = district_roles(&pack).iter().map(|r| r.id.clone()).collect();
        for p in &pack.procedures {
            let engine = Engine::new(p, WIB);
            for n in &p.nodes {
                let Some(actor) = n.kind.actor() else {
                    continue;
                };
                let side = node_side(p, &n.id).unwrap();
                let case = case_at(name, p, "hp-desa", &n.id);
                let m = move_at(p, &n.id, case.updated_at + MINUTE);
                let what = format!("{name}/{}/{}", p.id, n.id);
                let before = case.events.clone();
                // A village phone: only village nodes.
                let village = check_act(&case, &engine, Actor::Village, &m, today());
                match side {
                    Side::Village => {
                        assert_eq!(village.map(|a| a.role).as_deref(), Ok(actor), "{what}")
                    }
                    Side::District => assert_eq!(
                        village.err(),
                        Some(ActError::OtherSide {
                            role: actor.into(),
                            side
                        }),
                        "{what}"
                    ),
                }
                // The office with no staff yet: every district node, and
                // no village node of a village's case.
                let office = |member| Actor::Office {
                    device: "laptop",
                    member,
                };
                let no_staff = check_act(&case, &engine, office(Member::NoStaff), &m, today());
                match side {
                    Side::District => {
                        assert_eq!(no_staff.map(|a| a.role).as_deref(), Ok(actor), "{what}")
                    }
                    Side::Village => assert_eq!(
                        no_staff.err(),
                        Some(ActError::OtherSide {
                            role: actor.into(),
                            side
                        }),
                        "{what}"
                    ),
                }
                // With staff: the lane's own role only, signed in.
                if side == Side::District {
                    assert_eq!(
                        check_act(&case, &engine, office(Member::SignedOut), &m, today()).err(),
                        Some(ActError::SignIn),
                        "{what}"
                    );
                    for r in &roles {
                        let got = check_act(&case, &engine, office(Member::Role(r)), &m, today());
                        if r == actor {
                            assert!(got.is_ok(), "{what} as {r}: {got:?}");
                        } else {
                            assert_eq!(
                                got.err(),
                                Some(ActError::WrongRole {
                                    expected: actor.into(),
                                    acting: r.clone()
                                }),
                                "{what} as {r}"
                            );
                        }
                    }
                }
                // A walk-in the office opened itself: it works both sides.
                let walk_in = case_at(name, p, "laptop", &n.id);
                assert!(
                    check_act(&walk_in, &engine, office(Member::NoStaff), &m, today()).is_ok(),
                    "{what} walk-in"
                );
                assert_eq!(case.events, before, "{what}: a check records nothing");
            }
        }
    }
}

#[test]
fn every_shipped_procedure_hands_over_where_the_village_part_ends() {
    // Where a village phone's part ends, per procedure: the node the case
    // waits on when it becomes ready to send.
    let expected: BTreeMap<(&str, &str), Option<&str>> = BTreeMap::from([
        (("purwakarta", "enrolment"), Some("check_bdt")),
        (("karanganyar", "pbi_pbpu_proposal"), Some("verify")),
        (("palembang", "urgent_sick"), Some("disposition")),
        (("palembang", "newborn"), Some("disposition")),
        (("banjarbaru", "mutation"), Some("submit")),
        (("banjarbaru", "verivali"), None),
        (
            ("pesisir-selatan", "bpjs_recommendation"),
            Some("check_requirements"),
        ),
    ]);
    for name in PACKS {
        let pack = pack(name);
        for p in &pack.procedures {
            let want = expected[&(name, p.id.as_str())];
            assert_eq!(opens_here(p, false), want.is_some(), "{name}/{}", p.id);
            assert!(opens_here(p, true), "the office opens every procedure");
            let Some(node) = want else { continue };
            let engine = Engine::new(p, WIB);
            let case = case_at(name, p, "hp-desa", node);
            let walk = case.walk(&engine).walk.unwrap();
            assert_eq!(walk.current, node);
            assert!(
                handed_to_district(&engine, &case, &walk, today()),
                "{name}/{}",
                p.id
            );
            assert_eq!(case.status_with(&engine, Some(&walk)), CaseStatus::Finished);
        }
    }
}

#[test]
fn pesisir_selatan_is_sent_once_the_village_prepared_the_dossier() {
    let pack = pack("pesisir-selatan");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let docs: Vec<&str> = dossier(p).iter().map(|r| r.document.as_str()).collect();
    assert_eq!(docs, ["ktp", "akte", "kk", "sktm"]);
    let mut r = Recorder::new("hp-nagari", "ps1", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .applicant("Siti Aminah", "3214014101900002");
    let status = |r: &Recorder| {
        let c = Case::fold(&r.events).unwrap();
        let w = c.walk(&engine).walk.unwrap();
        c.status_with(&engine, Some(&w))
    };
    assert_eq!(status(&r), CaseStatus::Draft, "nothing checked yet");
    r.photo("ktp", "aa").photo("kk", "bb");
    assert_eq!(status(&r), CaseStatus::Draft, "the SKTM is not checked");
    // The akte is asked only of applicants under 17; the SKTM is missing.
    r.mark("sktm", false);
    assert_eq!(
        status(&r),
        CaseStatus::Finished,
        "ready to send, SKTM marked missing"
    );
    // The phone still cannot check the requirements itself.
    let case = Case::fold(&r.events).unwrap();
    let m = move_at(p, "check_requirements", case.updated_at + MINUTE);
    assert_eq!(
        check_act(&case, &engine, Actor::Village, &m, today()).err(),
        Some(ActError::OtherSide {
            role: "staf".into(),
            side: Side::District
        })
    );
}

#[test]
fn a_decision_against_the_checklist_is_refused_in_its_terms() {
    // Pesisir Selatan: with the SKTM marked missing, "complete? yes" is
    // refused; "no" (no recommendation) stands.
    let pack = pack("pesisir-selatan");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-nagari", "ps2", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .applicant("Siti Aminah", "3214014101900002")
        .photo("ktp", "aa")
        .photo("kk", "bb")
        .mark("sktm", false)
        .step("check_requirements");
    let case = Case::fold(&r.events).unwrap();
    let office = Actor::Office {
        device: "laptop",
        member: Member::NoStaff,
    };
    let at = case.updated_at + MINUTE;
    let yes = Move {
        node: "complete".into(),
        answer: Some("yes".into()),
        at,
    };
    assert_eq!(
        check_act(&case, &engine, office, &yes, today()).err(),
        Some(ActError::Contradicts {
            answer: "yes".into(),
            missing: vec!["sktm".into()]
        })
    );
    let no = Move {
        answer: Some("no".into()),
        ..yes.clone()
    };
    assert!(check_act(&case, &engine, office, &no, today()).is_ok());

    // Purwakarta requires photos: "present" without one is not enough,
    // neither for the village's step nor for "requirements complete? yes".
    let purwakarta = pack_named("purwakarta");
    let p = &purwakarta.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-desa", "pw1", 0);
    r.created("purwakarta", "enrolment")
        .applicant("Siti Aminah", "3214014101900002")
        .photo("cover_letter", "cc")
        .mark("ktp", true)
        .photo("kk", "dd");
    let case = Case::fold(&r.events).unwrap();
    let step = step_move("bring_letter", case.updated_at + MINUTE);
    assert_eq!(
        check_act(&case, &engine, Actor::Village, &step, today()).err(),
        Some(ActError::PhotoMissing(vec!["ktp".into()]))
    );
    r.photo("ktp", "ee")
        .step("bring_letter")
        .step("check_bdt")
        .answer("in_bdt", "yes", None);
    r.mark("kk", false);
    let case = Case::fold(&r.events).unwrap();
    let yes = Move {
        node: "admin_complete".into(),
        answer: Some("yes".into()),
        at: case.updated_at + MINUTE,
    };
    assert_eq!(
        check_act(&case, &engine, office, &yes, today()).err(),
        Some(ActError::Contradicts {
            answer: "yes".into(),
            missing: vec!["kk".into()]
        })
    );
    // A step whose documents are unchecked waits for them.
    let mut r = Recorder::new("hp-desa", "pw2", 0);
    r.created("purwakarta", "enrolment")
        .applicant("Siti Aminah", "3214014101900002");
    let case = Case::fold(&r.events).unwrap();
    let step = step_move("bring_letter", case.updated_at + MINUTE);
    assert_eq!(
        check_act(&case, &engine, Actor::Village, &step, today()).err(),
        Some(ActError::Unchecked(vec![
            "cover_letter".into(),
            "ktp".into(),
            "kk".into()
        ]))
    );
}

/// Midnight starting `day` of `month` 2026 at `offset`, plus `minutes`.
fn at(month: u32, day: u32, minutes: i64, offset: i32) -> Millis {
    local_midnight(Date::new(2026, month, day).unwrap(), offset) + minutes * MINUTE
}

#[test]
fn month_windows_and_cut_offs_are_kept_only_inside_them() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    // Arrived 23 November: the PMK's window is 1-15 December.
    let walk = engine.walk(t0(), &[]).unwrap();
    let Some(Due::Window { opens, closes }) = engine.due(&walk) else {
        panic!()
    };
    assert_eq!((opens, closes), (at(12, 1, 0, WIB), at(12, 16, 0, WIB)));
    for (done, kept) in [
        (at(11, 27, 600, WIB), false), // 27 November: before it opens
        (at(12, 1, 0, WIB), true),     // the first minute
        (at(12, 15, 1439, WIB), true), // the last minute of the 15th
        (at(12, 16, 0, WIB), false),   // the 16th
    ] {
        let w = engine
            .walk(t0(), &[step_move("village_input", done)])
            .unwrap();
        assert_eq!(!w.visits[0].overran, kept, "done at {done}");
    }
    // Said before it is done: not open yet on 27 November.
    assert_eq!(
        engine.window_at(&walk, at(11, 27, 600, WIB)),
        Some(WindowAt::NotYetOpen {
            opens: at(12, 1, 0, WIB)
        })
    );
    assert_eq!(engine.window_at(&walk, at(12, 5, 0, WIB)), None);
    assert_eq!(
        engine.window_at(&walk, at(12, 17, 0, WIB)),
        Some(WindowAt::Closed {
            reopens: local_midnight(Date::new(2027, 1, 1).unwrap(), WIB)
        })
    );
    // The operator's 15-20 window, entered on the 16th: kept on the 20th,
    // not on the 21st.
    let entered = at(12, 16, 60, WIB);
    let moves = |done| {
        vec![
            step_move("village_input", entered),
            step_move("verify", done),
        ]
    };
    let w = engine
        .walk(at(12, 2, 0, WIB), &moves(at(12, 20, 600, WIB)))
        .unwrap();
    assert!(!w.visits[1].overran);
    let w = engine
        .walk(at(12, 2, 0, WIB), &moves(at(12, 21, 1, WIB)))
        .unwrap();
    assert!(w.visits[1].overran);

    // Banjarbaru (WITA): hand in by the 25th.
    let pack = pack_named("banjarbaru");
    let p = pack.procedure("mutation").unwrap();
    let wita = pack.utc_offset_minutes;
    assert_eq!(wita, 8 * 60);
    let engine = Engine::new(p, wita);
    let arrived = at(11, 20, 600, wita);
    for (done, kept) in [(at(11, 25, 1439, wita), true), (at(11, 26, 0, wita), false)] {
        let w = engine
            .walk(
                at(11, 20, 0, wita),
                &[
                    Move {
                        node: "apply".into(),
                        answer: None,
                        at: at(11, 20, 300, wita),
                    },
                    step_move("kelurahan_letter", arrived),
                    step_move("submit", done),
                ],
            )
            .unwrap();
        assert_eq!(!w.visits[2].overran, kept, "submitted at {done}");
    }
    let w = engine
        .walk(
            at(11, 20, 0, wita),
            &[
                Move {
                    node: "apply".into(),
                    answer: None,
                    at: at(11, 20, 300, wita),
                },
                step_move("kelurahan_letter", arrived),
            ],
        )
        .unwrap();
    assert_eq!(engine.window_at(&w, at(11, 25, 600, wita)), None);
    assert_eq!(
        engine.window_at(&w, at(11, 26, 1, wita)),
        Some(WindowAt::CutoffPassed)
    );
}

fn pack_named(name: &str) -> Pack {
    pack(name)
}

/// An event recorded on `device`.
fn event(device: &str, id: &str, role: Option<&str>, kind: EventKind) -> Event {
    Event {
        verbatim: None,
        id: id.into(),
        case_id: "t1".into(),
        at: t0(),
        device: device.into(),
        officer: "Wulan Sari".into(),
        role: role.map(str::to_string),
        kind,
    }
}

#[test]
fn an_import_refuses_events_outside_the_senders_side() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let step = |n: &str| EventKind::StepCompleted {
        node: n.into(),
        outputs: Default::default(),
    };
    let field = EventKind::FieldSet {
        field: Field::FullName,
        value: "Sumarni".into(),
    };
    let feedback = EventKind::Feedback {
        state: FeedbackState::Proposed,
        reason: None,
        missing: vec![],
    };
    // (sender side, event, allowed)
    let table = [
        (
            Side::Village,
            event("hp", "1", Some("pmk"), step("village_input")),
            true,
        ),
        (Side::Village, event("hp", "2", None, field.clone()), true),
        (
            Side::Village,
            event("hp", "3", Some("kadis"), step("kadis_sign")),
            false,
        ),
        (
            Side::Village,
            event("hp", "4", Some("pmk"), step("kadis_sign")),
            false,
        ),
        (
            Side::Village,
            event("hp", "5", Some("kadis"), field.clone()),
            false,
        ),
        (
            Side::Village,
            event("hp", "6", None, feedback.clone()),
            false,
        ),
        (
            Side::Village,
            event(
                "hp",
                "7",
                None,
                EventKind::DecisionAnswered {
                    node: "scheme".into(),
                    answer: "pbi_jk".into(),
                    reason: None,
                },
            ),
            false,
        ),
        (
            Side::Village,
            event(
                "hp",
                "8",
                None,
                EventKind::StatusChanged {
                    status: CaseStatus::Acknowledged,
                },
            ),
            false,
        ),
        (
            Side::Village,
            event(
                "hp",
                "9",
                None,
                EventKind::StatusChanged {
                    status: CaseStatus::Sent,
                },
            ),
            true,
        ),
        (
            Side::District,
            event("laptop", "10", Some("operator"), step("verify")),
            true,
        ),
        (Side::District, event("laptop", "11", None, feedback), true),
        (
            Side::District,
            event("laptop", "12", Some("pmk"), step("village_input")),
            false,
        ),
        (
            Side::District,
            event(
                "laptop",
                "13",
                None,
                EventKind::Created {
                    pack: "karanganyar".into(),
                    version: 1,
                    procedure: "pbi_pbpu_proposal".into(),
                },
            ),
            false,
        ),
    ];
    for (side, e, allowed) in table {
        let got = check_sender(p, "hp", side, [&e]);
        assert_eq!(got.is_ok(), allowed, "{side:?} {:?}", e.kind);
        if let Err(o) = got {
            assert_eq!(o.event, e.id);
            assert_eq!(o.case, "t1");
        }
    }
}

#[test]
fn the_office_sees_district_records_a_village_device_made_flagged() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let mut r = Recorder::new("hp-desa", "k9", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .step("village_input")
        .step("verify");
    let case = Case::fold(&r.events).unwrap();
    let flagged: Vec<&str> = breaches(p, &case, "laptop")
        .iter()
        .map(|e| e.id.as_str())
        .collect();
    assert_eq!(flagged, ["hp-desa-3"], "the village's verify step");
    let mut r = Recorder::new("hp-desa", "k10", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .step("village_input");
    assert!(breaches(p, &Case::fold(&r.events).unwrap(), "laptop").is_empty());
}

#[test]
fn answers_come_from_the_packs_roles_at_its_nodes_in_its_words() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let operator = Actor::Office {
        device: "laptop",
        member: Member::Role("operator"),
    };
    let early = case_at("karanganyar", p, "hp-desa", "verify");
    let walk = early.walk(&engine).walk.unwrap();
    assert_eq!(
        answer_options(p, &early, &walk, operator),
        Err(AnswerRefusal::NotYet {
            at: vec!["feedback".into()]
        }),
        "an answer while the operator verifies is refused"
    );
    assert_eq!(
        answer_options(p, &early, &walk, Actor::Village),
        Err(AnswerRefusal::NotOffice)
    );
    let at_feedback = case_at("karanganyar", p, "hp-desa", "feedback");
    let walk = at_feedback.walk(&engine).walk.unwrap();
    let kabid = Actor::Office {
        device: "laptop",
        member: Member::Role("kabid"),
    };
    assert!(matches!(
        answer_options(p, &at_feedback, &walk, kabid),
        Err(AnswerRefusal::WrongRole { .. })
    ));
    let signed_out = Actor::Office {
        device: "laptop",
        member: Member::SignedOut,
    };
    assert_eq!(
        answer_options(p, &at_feedback, &walk, signed_out),
        Err(AnswerRefusal::SignIn)
    );
    // The path answered "pbi_jk": Kemensos is offered, Dinkes is not.
    let options = answer_options(p, &at_feedback, &walk, operator).unwrap();
    let labels: Vec<&str> = options
        .iter()
        .map(|o| o.label.unwrap().id.as_str())
        .collect();
    assert!(labels[0].contains("Kemensos"), "{labels:?}");
    assert!(
        !labels.iter().any(|l| l.contains("Dinas Kesehatan")),
        "{labels:?}"
    );
    assert_eq!(
        options.iter().map(|o| o.state).collect::<Vec<_>>(),
        [
            FeedbackState::Proposed,
            FeedbackState::Accepted,
            FeedbackState::Rejected,
            FeedbackState::Returned
        ]
    );
    assert_eq!(
        check_answer(p, &at_feedback, &walk, operator, FeedbackState::Received),
        Err(AnswerRefusal::NotOffered)
    );
    assert!(check_answer(p, &at_feedback, &walk, operator, FeedbackState::Accepted).is_ok());
    // The PBPU path names Dinkes.
    let mut r = Recorder::new("hp-desa", "k11", 0);
    r.created("karanganyar", "pbi_pbpu_proposal");
    karanganyar_to_scheme(&mut r);
    r.answer("scheme", "pbpu_bp_pemda", None)
        .step("send_dinkes");
    let pbpu = Case::fold(&r.events).unwrap();
    let walk = pbpu.walk(&engine).walk.unwrap();
    let options = answer_options(p, &pbpu, &walk, operator).unwrap();
    assert!(options[0].label.unwrap().id.contains("Dinas Kesehatan"));
}

#[test]
fn a_returned_case_leaves_the_offices_lanes_until_its_village_works_on_it() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-desa", "k12", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .applicant("Sumarni", "3214014101900002")
        .step("village_input")
        .push(EventKind::Feedback {
            state: FeedbackState::Returned,
            reason: Some("Duplikat".into()),
            missing: vec![],
        });
    let case = Case::fold(&r.events).unwrap();
    let verify = move_at(p, "verify", case.updated_at + MINUTE);
    let office = Actor::Office {
        device: "laptop",
        member: Member::NoStaff,
    };
    assert_eq!(
        check_act(&case, &engine, office, &verify, today()).err(),
        Some(ActError::Settled)
    );
    // The village corrects a field: the case is back in the lanes.
    r.field(Field::Phone, "081234567890");
    let case = Case::fold(&r.events).unwrap();
    let verify = move_at(p, "verify", case.updated_at + MINUTE);
    assert!(check_act(&case, &engine, office, &verify, today()).is_ok());
}

#[test]
fn an_office_task_needs_a_signed_in_member_once_the_office_has_staff() {
    use pandu::domain::lanes::check_office_task;
    assert_eq!(check_office_task(Member::NoStaff), Ok(()));
    assert_eq!(check_office_task(Member::Role("operator")), Ok(()));
    assert_eq!(check_office_task(Member::SignedOut), Err(ActError::SignIn));
}

/// Karanganyar's steps from the PMK's input to the Kadis's signature.
fn karanganyar_to_scheme(r: &mut Recorder) {
    for n in [
        "village_input",
        "verify",
        "check_dossier",
        "kabid_review",
        "sekdin_review",
        "kadis_sign",
    ] {
        r.step(n);
    }
}

#[test]
fn the_step_where_the_district_answers_waits_for_the_answer() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-desa", "k13", 0);
    r.created("karanganyar", "pbi_pbpu_proposal");
    karanganyar_to_scheme(&mut r);
    r.answer("scheme", "pbi_jk", None).step("send_kemensos");
    let operator = Actor::Office {
        device: "laptop",
        member: Member::Role("operator"),
    };
    let case = Case::fold(&r.events).unwrap();
    let feedback = step_move("feedback", case.updated_at + MINUTE);
    assert_eq!(
        check_act(&case, &engine, operator, &feedback, today()).err(),
        Some(ActError::AnswerFirst),
        "the case may not end without the district's answer"
    );
    r.push(EventKind::Feedback {
        state: FeedbackState::Proposed,
        reason: None,
        missing: vec![],
    });
    let case = Case::fold(&r.events).unwrap();
    let feedback = step_move("feedback", case.updated_at + MINUTE);
    assert!(check_act(&case, &engine, operator, &feedback, today()).is_ok());
}
