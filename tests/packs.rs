//! The shipped SOP packs against their seed documents
//! (../shared/seeds, read in ../shared/DOMAIN.md), and the validator
//! against a table of broken packs.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::path::Path;

use pandu::domain::pack_check::{load_catalogue, load_pack, PackProblem, TimeProblem};
use pandu::domain::procedure::{
    Catalogue, NodeKind, Outcome, Pack, Procedure, Side, TimeStandard, TimeUnit,
};

fn read(name: &str) -> String {
    fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("public/packs")
            .join(name),
    )
    .unwrap()
}

fn catalogue() -> Catalogue {
    load_catalogue(&read("documents.json")).expect("the catalogue parses")
}

fn pack(name: &str) -> Pack {
    load_pack(&read(&format!("{name}.json")), &catalogue())
        .unwrap_or_else(|p| panic!("{name}: {p:#?}"))
}

fn procedure<'a>(pack: &'a Pack, id: &str) -> &'a Procedure {
    pack.procedures
        .iter()
        .find(|p| p.id == id)
        .unwrap_or_else(|| panic!("no procedure {id}"))
}

const MIN: fn(u32) -> TimeStandard = |n| TimeStandard::Duration {
    amount: n,
    max: None,
    unit: TimeUnit::Minutes,
};

/// Each step in order: node id, actor, time standard.
fn check_steps(p: &Procedure, expected: &[(&str, &str, TimeStandard)]) {
    let steps: Vec<_> = p
        .nodes
        .iter()
        .filter_map(|n| match &n.kind {
            NodeKind::Step(s) => Some((n.id.as_str(), s.actor.as_str(), s.time)),
            _ => None,
        })
        .collect();
    assert_eq!(steps, expected, "steps of {}", p.id);
}

/// A decision: its actor and where each answer leads.
fn check_decision(p: &Procedure, id: &str, actor: &str, branches: &[(&str, &str)]) {
    let node = p
        .node(id)
        .unwrap_or_else(|| panic!("{}: no node {id}", p.id));
    let NodeKind::Decision(d) = &node.kind else {
        panic!("{id} is not a decision")
    };
    assert_eq!(d.actor, actor, "{id} actor");
    let got: Vec<_> = d
        .answers
        .iter()
        .map(|a| (a.value.as_str(), a.next.as_str()))
        .collect();
    assert_eq!(got, branches, "{id} branches");
}

fn check_ends(p: &Procedure, expected: &[(&str, Outcome)]) {
    let ends: Vec<_> = p
        .nodes
        .iter()
        .filter_map(|n| match n.kind {
            NodeKind::End { outcome, .. } => Some((n.id.as_str(), outcome)),
            _ => None,
        })
        .collect();
    assert_eq!(ends, expected, "ends of {}", p.id);
}

fn next_of(p: &Procedure, id: &str) -> String {
    match &p.node(id).unwrap().kind {
        NodeKind::Step(s) => s.next.clone(),
        NodeKind::Start { next } => next.clone(),
        other => panic!("{id} has no single next: {other:?}"),
    }
}

fn documents_of(p: &Procedure, id: &str) -> Vec<String> {
    match &p.node(id).unwrap().kind {
        NodeKind::Step(s) => s.documents.iter().map(|d| d.document.clone()).collect(),
        _ => vec![],
    }
}

#[test]
fn every_shipped_pack_validates_and_the_index_lists_them_all() {
    let index: serde_json::Value = serde_json::from_str(&read("index.json")).unwrap();
    let listed: Vec<_> = index["packs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_string())
        .collect();
    assert_eq!(listed.len(), 5);
    let mut procedures = 0;
    for file in listed {
        let p = load_pack(&read(&file), &catalogue()).unwrap_or_else(|e| panic!("{file}: {e:#?}"));
        procedures += p.procedures.len();
    }
    assert_eq!(procedures, 7, "seven procedures from five regencies");
}

#[test]
fn purwakarta_enrolment_follows_sop_61_1_c_041() {
    let pack = pack("purwakarta");
    let p = procedure(&pack, "enrolment");
    assert_eq!(p.sop_number.as_deref(), Some("61.1.C.041/1/2020"));
    check_steps(
        p,
        &[
            ("bring_letter", "pemohon", MIN(10)),
            ("check_bdt", "kasi", MIN(10)),
            ("enter_bdt", "pelaksana", MIN(10)),
            ("declare_bdt", "kasi", MIN(10)),
            ("propose", "pelaksana", MIN(20)),
            // The SOP's officer returns the dossier (step 6): a district
            // step, so a village phone never records it.
            ("return_village", "pelaksana", MIN(10)),
            ("documentation", "pelaksana", MIN(25)),
        ],
    );
    check_decision(
        p,
        "in_bdt",
        "kasi",
        &[("yes", "admin_complete"), ("no", "enter_bdt")],
    );
    check_decision(
        p,
        "admin_complete",
        "kasi",
        &[("yes", "declare_bdt"), ("no", "return_village")],
    );
    assert_eq!(
        next_of(p, "enter_bdt"),
        "admin_complete",
        "after entering the BDT the documents are judged"
    );
    assert_eq!(next_of(p, "propose"), "documentation");
    assert_eq!(
        documents_of(p, "documentation"),
        ["photo"],
        "the photo is mandatory"
    );
    assert!(documents_of(p, "bring_letter").contains(&"cover_letter".to_string()));
    check_ends(
        p,
        &[
            ("end_proposed", Outcome::Proposed),
            ("end_returned", Outcome::Returned),
        ],
    );
    assert_eq!(next_of(p, "return_village"), "end_returned");
}

#[test]
fn karanganyar_has_six_lanes_day_windows_and_the_split_to_kemensos_or_dinkes() {
    let pack = pack("karanganyar");
    let p = procedure(&pack, "pbi_pbpu_proposal");
    let lanes: Vec<_> = p.roles.iter().map(|r| (r.id.as_str(), r.side)).collect();
    assert_eq!(
        lanes,
        [
            ("pmk", Side::Village),
            ("operator", Side::District),
            ("kasi", Side::District),
            ("kabid", Side::District),
            ("sekdin", Side::District),
            ("kadis", Side::District),
        ]
    );
    let window = |from_day, to_day| TimeStandard::MonthWindow { from_day, to_day };
    let hours = TimeStandard::Duration {
        amount: 2,
        max: Some(3),
        unit: TimeUnit::Hours,
    };
    check_steps(
        p,
        &[
            ("village_input", "pmk", window(1, 15)),
            ("verify", "operator", window(15, 20)),
            ("check_dossier", "operator", window(18, 20)),
            ("kabid_review", "kabid", MIN(10)),
            ("sekdin_review", "sekdin", MIN(10)),
            ("kadis_sign", "kadis", MIN(15)),
            ("send_kemensos", "operator", hours),
            ("send_dinkes", "operator", hours),
            ("feedback", "operator", TimeStandard::SameDay),
        ],
    );
    assert_eq!(documents_of(p, "village_input"), ["kk", "ktp", "akte"]);
    check_decision(
        p,
        "scheme",
        "operator",
        &[
            ("pbi_jk", "send_kemensos"),
            ("pbpu_bp_pemda", "send_dinkes"),
        ],
    );
    assert_eq!(next_of(p, "send_kemensos"), "feedback");
    assert_eq!(
        next_of(p, "send_dinkes"),
        "feedback",
        "feedback goes back to the PMK either way"
    );
    check_ends(p, &[("end_proposed", Outcome::Proposed)]);
}

#[test]
fn palembang_procedures_are_marked_reconstructed_and_the_urgent_one_is_same_day() {
    let pack = pack("palembang");
    let urgent = procedure(&pack, "urgent_sick");
    let newborn = procedure(&pack, "newborn");
    for p in [urgent, newborn] {
        assert_eq!(
            p.provenance,
            pandu::domain::procedure::Provenance::Reconstructed,
            "{}",
            p.id
        );
        assert!(
            p.note.as_ref().unwrap().id.contains("dikonfirmasi"),
            "{}",
            p.id
        );
    }
    for n in &urgent.nodes {
        if let NodeKind::Step(s) = &n.kind {
            assert_eq!(
                s.time,
                TimeStandard::SameDay,
                "urgent step {} must be same day",
                n.id
            );
        }
    }
    assert!(documents_of(urgent, "intake").contains(&"hospital_letter".to_string()));
    let intake = documents_of(newborn, "intake");
    assert!(intake.contains(&"kk".to_string()) && intake.contains(&"birth_letter".to_string()));
    check_decision(
        newborn,
        "parent_pbi",
        "staf",
        &[("yes", "draft"), ("no", "end_refused")],
    );
    check_ends(
        urgent,
        &[
            ("end_proposed", Outcome::Proposed),
            ("end_returned", Outcome::Returned),
        ],
    );
}

#[test]
fn banjarbaru_mutation_has_the_25th_cut_off_and_the_verivali_round_ends_in_the_decree() {
    let pack = pack("banjarbaru");
    let m = procedure(&pack, "mutation");
    assert!(m.nodes.iter().any(|n| matches!(&n.kind, NodeKind::Step(s) if s.time == TimeStandard::MonthlyCutoff { day: 25 })));
    let docs: Vec<String> = ["apply", "kelurahan_letter", "submit"]
        .iter()
        .flat_map(|id| documents_of(m, id))
        .collect();
    for d in [
        "ktp",
        "kk",
        "kis",
        "resignation_statement",
        "kelurahan_letter",
        "employer_letter",
    ] {
        assert!(docs.contains(&d.to_string()), "mutation needs {d}");
    }
    let v = procedure(&pack, "verivali");
    let days = |n| TimeStandard::Duration {
        amount: n,
        max: None,
        unit: TimeUnit::Days,
    };
    check_steps(
        v,
        &[
            ("instruct", "kadis", MIN(15)),
            ("meeting", "kabid", MIN(60)),
            ("notify", "kasi", days(1)),
            ("collect", "staf", days(15)),
            ("report", "staf", days(1)),
        ],
    );
    let NodeKind::Step(collect) = &v.node("collect").unwrap().kind else {
        unreachable!()
    };
    assert!(collect.output.id.contains("SK"));
    assert!(collect.inputs.iter().any(|i| i.id.contains("BNBA")));
    check_ends(v, &[("end_done", Outcome::Completed)]);
}

#[test]
fn pesisir_selatan_refuses_when_incomplete() {
    let pack = pack("pesisir-selatan");
    let p = procedure(&pack, "bpjs_recommendation");
    check_steps(
        p,
        &[
            ("check_requirements", "staf", MIN(1)),
            ("check_pbdt", "staf", MIN(5)),
            ("make_recommendation", "staf", MIN(5)),
            ("kasi_initial", "kasi", MIN(3)),
            ("kabid_initial", "kabid", MIN(3)),
            ("kadis_sign", "kadis", MIN(3)),
            ("hand_over", "staf", MIN(3)),
        ],
    );
    check_decision(
        p,
        "complete",
        "staf",
        &[("yes", "check_pbdt"), ("no", "end_refused")],
    );
    assert_eq!(
        documents_of(p, "check_requirements"),
        ["ktp", "akte", "kk", "sktm"]
    );
    check_ends(
        p,
        &[
            ("end_recommended", Outcome::Recommended),
            ("end_refused", Outcome::Refused),
        ],
    );
}

// ---- broken packs ---------------------------------------------------------

/// A small valid pack to break in one place at a time.
fn good() -> serde_json::Value {
    serde_json::json!({
        "id": "uji", "version": 1, "regency": "Kabupaten Uji", "office": "Dinas Sosial",
        "procedures": [{
            "id": "p", "title": {"id": "Prosedur"},
            "roles": [{"id": "staf", "name": {"id": "Staf"}, "side": "district"}],
            "nodes": [
                {"id": "start", "kind": "start", "next": "a"},
                {"id": "a", "kind": "step", "actor": "staf", "title": {"id": "Cek"},
                 "documents": [{"document": "ktp"}],
                 "time": {"kind": "duration", "amount": 5, "unit": "minutes"},
                 "output": {"id": "Hasil"}, "next": "d"},
                {"id": "d", "kind": "decision", "actor": "staf", "question": {"id": "Lengkap?"},
                 "answers": [{"value": "yes", "label": {"id": "Ya"}, "next": "end"},
                             {"value": "no", "label": {"id": "Tidak"}, "next": "refused"}]},
                {"id": "end", "kind": "end", "outcome": "served"},
                {"id": "refused", "kind": "end", "outcome": "refused"}
            ]
        }]
    })
}

fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> String {
    let mut v = good();
    edit(&mut v);
    v.to_string()
}

fn problems(json: &str) -> Vec<PackProblem> {
    load_pack(json, &catalogue()).err().unwrap_or_default()
}

fn nodes(v: &mut serde_json::Value) -> &mut Vec<serde_json::Value> {
    v["procedures"][0]["nodes"].as_array_mut().unwrap()
}

#[test]
fn the_good_pack_is_good() {
    assert_eq!(problems(&good().to_string()), []);
}

/// The pack is refused as one `Malformed` with a line, saying `needle`.
fn assert_malformed(json: &str, needle: &str) {
    match problems(json).as_slice() {
        [PackProblem::Malformed { line, message, .. }] => {
            assert!(*line >= 1);
            assert!(
                message.contains(needle),
                "{message:?} should mention {needle:?}"
            );
        }
        other => panic!("expected one Malformed for {needle}, got {other:?}"),
    }
}

#[test]
fn malformed_json_and_wrong_shapes_are_reported_with_a_position() {
    for (json, needle) in [
        ("{ \"id\": ", "EOF"),
        (
            &broken(|v| {
                v.as_object_mut().unwrap().remove("version");
            }) as &str,
            "missing field `version`",
        ),
        (&broken(|v| v["version"] = "satu".into()), "invalid type"),
        (
            &broken(|v| nodes(v)[1]["time"] = serde_json::json!({"kind": "fortnight"})),
            "unknown variant `fortnight`",
        ),
        (
            &broken(|v| nodes(v)[3]["outcome"] = "lost".into()),
            "unknown variant `lost`",
        ),
        (
            &broken(|v| v["colour"] = "red".into()),
            "unknown field `colour`",
        ),
    ] {
        assert_malformed(json, needle);
    }
}

#[test]
fn graph_problems_are_all_reported_at_once() {
    use PackProblem::*;
    let p = || "p".to_string();
    let table: Vec<(String, Vec<PackProblem>)> = vec![
        (
            broken(|v| nodes(v)[1]["actor"] = "lurah".into()),
            vec![UnknownRole {
                procedure: p(),
                node: "a".into(),
                role: "lurah".into(),
            }],
        ),
        (
            broken(|v| nodes(v)[1]["documents"][0]["document"] = "paspor".into()),
            vec![UnknownDocument {
                procedure: p(),
                node: "a".into(),
                document: "paspor".into(),
            }],
        ),
        (
            broken(|v| {
                let a = nodes(v)[1].clone();
                nodes(v).push(a);
            }),
            vec![DuplicateNode {
                procedure: p(),
                node: "a".into(),
            }],
        ),
        (
            broken(|v| {
                nodes(v).remove(0);
            }),
            vec![NoStart { procedure: p() }],
        ),
        (
            broken(|v| {
                let mut other = v["procedures"][0].clone();
                other["id"] = "q".into();
                other["roles"][0]["side"] = "village".into();
                v["procedures"].as_array_mut().unwrap().push(other);
            }),
            vec![RoleSideDiffers {
                procedure: "q".into(),
                role: "staf".into(),
            }],
        ),
        (
            broken(|v| nodes(v)[2]["answers"].as_array_mut().unwrap().truncate(1)),
            vec![
                TooFewAnswers {
                    procedure: p(),
                    node: "d".into(),
                },
                Unreachable {
                    procedure: p(),
                    node: "refused".into(),
                },
            ],
        ),
        (
            broken(|v| nodes(v)[2]["answers"][1]["value"] = "yes".into()),
            vec![DuplicateAnswer {
                procedure: p(),
                node: "d".into(),
                value: "yes".into(),
            }],
        ),
        (
            broken(|v| nodes(v)[2]["answers"][1]["next"] = "nowhere".into()),
            vec![
                UnknownTarget {
                    procedure: p(),
                    node: "d".into(),
                    target: "nowhere".into(),
                },
                Unreachable {
                    procedure: p(),
                    node: "refused".into(),
                },
            ],
        ),
        (
            // A cycle with no way out: the decision's answers both loop back.
            broken(|v| {
                nodes(v)[2]["answers"][0]["next"] = "a".into();
                nodes(v)[2]["answers"][1]["next"] = "a".into();
            }),
            vec![
                Unreachable {
                    procedure: p(),
                    node: "end".into(),
                },
                Unreachable {
                    procedure: p(),
                    node: "refused".into(),
                },
                NeverEnds {
                    procedure: p(),
                    node: "start".into(),
                },
                NeverEnds {
                    procedure: p(),
                    node: "a".into(),
                },
                NeverEnds {
                    procedure: p(),
                    node: "d".into(),
                },
            ]
            .into_iter()
            .collect::<Vec<_>>(),
        ),
        (
            broken(|v| {
                nodes(v)[1]["time"] =
                    serde_json::json!({"kind": "month_window", "from_day": 20, "to_day": 15})
            }),
            vec![BadTime {
                procedure: p(),
                node: "a".into(),
                reason: TimeProblem::WindowReversed,
            }],
        ),
        (
            broken(|v| {
                nodes(v)[1]["time"] = serde_json::json!({"kind": "monthly_cutoff", "day": 32})
            }),
            vec![BadTime {
                procedure: p(),
                node: "a".into(),
                reason: TimeProblem::DayOutOfMonth,
            }],
        ),
        (
            broken(|v| {
                nodes(v)[1]["time"] =
                    serde_json::json!({"kind": "duration", "amount": 0, "unit": "hours"})
            }),
            vec![BadTime {
                procedure: p(),
                node: "a".into(),
                reason: TimeProblem::ZeroDuration,
            }],
        ),
        (
            broken(|v| {
                nodes(v)[1]["time"] =
                    serde_json::json!({"kind": "duration", "amount": 3, "max": 2, "unit": "hours"})
            }),
            vec![BadTime {
                procedure: p(),
                node: "a".into(),
                reason: TimeProblem::MaxBelowAmount,
            }],
        ),
        (
            broken(|v| {
                nodes(v)[1]["time"] =
                    serde_json::json!({"kind": "duration", "amount": 400, "unit": "days"})
            }),
            vec![BadTime {
                procedure: p(),
                node: "a".into(),
                reason: TimeProblem::TooLong,
            }],
        ),
        (
            broken(|v| v["procedures"] = serde_json::json!([])),
            vec![NoProcedures],
        ),
        (
            // Several problems in one pack come back together.
            broken(|v| {
                nodes(v)[1]["actor"] = "lurah".into();
                nodes(v)[1]["documents"][0]["document"] = "paspor".into();
                nodes(v)[2]["answers"][1]["value"] = "yes".into();
            }),
            vec![
                UnknownRole {
                    procedure: p(),
                    node: "a".into(),
                    role: "lurah".into(),
                },
                UnknownDocument {
                    procedure: p(),
                    node: "a".into(),
                    document: "paspor".into(),
                },
                DuplicateAnswer {
                    procedure: p(),
                    node: "d".into(),
                    value: "yes".into(),
                },
            ],
        ),
    ];
    for (json, expected) in table {
        let mut got = problems(&json);
        let mut want = expected.clone();
        got.sort_by_key(|p| format!("{p:?}"));
        want.sort_by_key(|p| format!("{p:?}"));
        assert_eq!(got, want, "for {json}");
    }
}

#[test]
fn a_misspelt_field_inside_a_node_is_refused() {
    let json = broken(|v| nodes(v)[1]["waktu"] = serde_json::json!("10 menit"));
    match problems(&json).as_slice() {
        [PackProblem::Malformed { message, .. }] => assert!(message.contains("waktu"), "{message}"),
        other => panic!("expected Malformed, got {other:?}"),
    }
}

#[test]
fn hidden_direction_characters_in_a_pack_are_refused_where_they_are() {
    let json = broken(|v| {
        nodes(v)[1]["title"]["id"] = "Cek \u{202E}gnp.exe".into();
        v["office"] = "Dinas\u{2066} Sosial".into();
    });
    let found = problems(&json);
    assert!(found.contains(&PackProblem::HiddenText {
        at: "/procedures/0/nodes/1/title/id".into()
    }));
    assert!(found.contains(&PackProblem::HiddenText {
        at: "/office".into()
    }));
    // Line breaks in a note are fine.
    let json = broken(|v| nodes(v)[1]["title"]["id"] = "Cek\nberkas".into());
    assert_eq!(problems(&json), []);
}

#[test]
fn each_kind_takes_only_its_own_fields_in_serde_words() {
    // Nodes, time standards, output formats and conditions are read as
    // one flat record and checked against their kind (`procedure::wire`):
    // the words are serde's, and the position is given.
    use serde_json::json;
    for (edit, needle) in [
        (
            Box::new(|v: &mut serde_json::Value| nodes(v)[0]["actor"] = json!("staf"))
                as Box<dyn FnOnce(&mut serde_json::Value)>,
            "unknown field `actor`, expected `next`",
        ),
        (
            Box::new(|v| nodes(v)[3]["next"] = json!("a")),
            "unknown field `next`, expected `outcome` or `label`",
        ),
        (
            Box::new(|v| {
                nodes(v)[2]["time"] = json!({"kind": "duration", "amount": 1, "unit": "days"})
            }),
            "unknown field `time`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1].as_object_mut().unwrap().remove("time");
            }),
            "missing field `time`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1].as_object_mut().unwrap().remove("kind");
            }),
            "missing field `kind`",
        ),
        (
            Box::new(|v| nodes(v)[1]["kind"] = json!("rhombus")),
            "unknown variant `rhombus`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1]["time"] = json!({"kind": "monthly_cutoff", "day": 25, "amount": 1})
            }),
            "unknown field `amount`, expected `day`",
        ),
        // A field its kind does not have is refused even as `null`; a
        // list that may be left out is not `null` either; a kind is a name.
        (
            Box::new(|v| nodes(v)[0]["time"] = json!(null)),
            "invalid type: null",
        ),
        (
            Box::new(|v| nodes(v)[1]["documents"] = json!(null)),
            "invalid type: null",
        ),
        (
            Box::new(|v| nodes(v)[1]["kind"] = json!(2)),
            "invalid type: integer",
        ),
        (
            Box::new(|v| nodes(v)[1]["time"] = json!({"kind": "month_window", "from_day": 1})),
            "missing field `to_day`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1]["outputs"] = json!([{"id": "pbdt", "label": {"id": "PBDT"},
                    "format": {"kind": "digits", "min": 8, "options": []}}])
            }),
            "unknown field `options`, expected `min` or `max`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1]["outputs"] = json!([{"id": "pbdt", "label": {"id": "PBDT"},
                    "format": {"kind": "text"}}])
            }),
            "missing field `max`",
        ),
        (
            Box::new(|v| {
                nodes(v)[1]["documents"] =
                    json!([{"document": "ktp", "when": {"kind": "age_over", "years": 17}}])
            }),
            "unknown variant `age_over`",
        ),
        (
            Box::new(
                |v| nodes(v)[1]["documents"] = json!([{"document": "ktp", "when": {"kind": "age_under", "years": 17, "months": 2}}]),
            ),
            "unknown field `months`, expected `kind` or `years`",
        ),
    ] {
        assert_malformed(&broken(edit), needle);
    }
}

#[test]
fn what_serde_accepted_in_a_kind_is_still_accepted() {
    use serde_json::json;
    // `null` for a field that may be left out; a `same_day` with keys it
    // ignores, as serde's own reading ignored them.
    for edit in [
        Box::new(|v: &mut serde_json::Value| nodes(v)[1]["paper"] = json!(null))
            as Box<dyn FnOnce(&mut serde_json::Value)>,
        Box::new(|v| nodes(v)[2]["from_output"] = json!(null)),
        Box::new(|v| nodes(v)[3]["label"] = json!(null)),
        Box::new(|v| nodes(v)[1]["row"] = json!(null)),
        Box::new(|v| {
            nodes(v)[1]["time"] =
                json!({"kind": "duration", "amount": 5, "max": null, "unit": "minutes"})
        }),
        Box::new(|v| nodes(v)[1]["time"] = json!({"kind": "same_day", "amount": 1})),
    ] {
        let json = broken(edit);
        assert_eq!(problems(&json), [], "{json}");
    }
}

#[test]
fn every_shipped_pack_reads_back_as_written() {
    // What Pandu stores (written by the derived serializers) reads back
    // to the same pack through `procedure::wire`.
    for file in [
        "purwakarta.json",
        "karanganyar.json",
        "palembang.json",
        "banjarbaru.json",
        "pesisir-selatan.json",
    ] {
        let p = load_pack(&read(file), &catalogue()).unwrap_or_else(|e| panic!("{file}: {e:#?}"));
        let again: Pack = serde_json::from_str(&serde_json::to_string(&p).unwrap()).unwrap();
        assert_eq!(again, p, "{file}");
    }
}
