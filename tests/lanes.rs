//! The district's lanes: where a case waits, who may act on it, the order
//! of an inbox and how late each case is.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::case::{Case, CaseStatus, CaseSummary};
use pandu::domain::date::{local_midnight, Date, Millis, DAY, MINUTE};
use pandu::domain::engine::{Engine, Move, MoveError};
use pandu::domain::lanes::{
    check_act, district_roles, handed_to_district, lateness, position, role_has_work, sort_inbox,
    ActError, Actor, Lateness, Member,
};
use pandu::domain::procedure::Side;

use common::history::{t0, Recorder, WIB};
use common::shipped_pack as pack;

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
