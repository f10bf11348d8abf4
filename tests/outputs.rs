//! What a step produces (`Step::outputs`): Pesisir Selatan's No. PBDT is
//! typed when the PBDT check is done, checked, kept in the step's event
//! and printed on the recommendation; Karanganyar's scheme is chosen when
//! the operator verifies, and the later "PBI-JK or PBPU BP Pemda?"
//! decision takes only that answer. A file that claims an output its step
//! does not declare, or a malformed one, is refused at the import.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::collections::BTreeMap;

use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, EventKind};
use pandu::domain::date::{Date, MINUTE};
use pandu::domain::engine::{Engine, Move};
use pandu::domain::lanes::{check_act, check_act_with, check_sender, ActError, Actor, Member};
use pandu::domain::letters::{render, LetterProblem};
use pandu::domain::outputs::{normalise, OutputProblem};
use pandu::domain::pack_check::{validate, OutputFault, PackProblem};
use pandu::domain::procedure::{NodeKind, OutputFormat, Side};

use common::history::{Recorder, WIB};
use common::shipped_pack as pack;

use common::Plain;

fn today() -> Date {
    Date::new(2026, 11, 23).unwrap()
}

const OFFICE: Actor = Actor::Office {
    device: "laptop",
    member: Member::NoStaff,
};

fn typed(pairs: &[(&str, &str)]) -> BTreeMap<String, String> {
    pairs
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

/// A Pesisir Selatan walk-in at the PBDT check, documents seen.
fn ps_at_pbdt() -> Recorder {
    let mut r = Recorder::new("laptop", "ps-o1", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .field(Field::FullName, "Rosmaniar")
        .field(Field::Nik, "1301014101900002")
        .field(Field::Kk, "1301010101200001")
        .field(Field::BirthDate, "1990-01-01")
        .field(Field::Sex, "female")
        .field(Field::Address, "Jl. Ilyas Yakub 5")
        .field(Field::Village, "Nagari Painan")
        .field(Field::District, "IV Jurai");
    for d in ["ktp", "kk", "sktm"] {
        r.mark(d, true);
    }
    r.step("check_requirements").answer("complete", "yes", None);
    r
}

#[test]
fn the_pbdt_number_is_typed_at_its_step_checked_and_printed_on_the_letter() {
    let pack = pack("pesisir-selatan");
    let p = pack.procedure("bpjs_recommendation").unwrap();
    let engine = Engine::new(p, WIB);
    let r = ps_at_pbdt();
    let case = Case::fold(&r.events).unwrap();
    assert_eq!(case.walk(&engine).walk.unwrap().current, "check_pbdt");
    let m = Move {
        node: "check_pbdt".into(),
        answer: None,
        at: case.updated_at + MINUTE,
    };
    // Nothing typed: refused, in the lanes' words, nothing recorded.
    assert_eq!(
        check_act(&case, &engine, OFFICE, &m, today()).err(),
        Some(ActError::Outputs(vec![(
            "pbdt_number".into(),
            OutputProblem::Empty
        )]))
    );
    let refused = |v: &str| {
        check_act_with(
            &case,
            &engine,
            OFFICE,
            &m,
            &typed(&[("pbdt_number", v)]),
            today(),
        )
        .err()
    };
    assert_eq!(
        refused("13010A2010"),
        Some(ActError::Outputs(vec![(
            "pbdt_number".into(),
            OutputProblem::NotDigits
        )]))
    );
    assert_eq!(
        refused("1234"),
        Some(ActError::Outputs(vec![(
            "pbdt_number".into(),
            OutputProblem::Length { min: 8, max: 20 }
        )]))
    );
    // An output the step does not declare is refused with the rest.
    let extra = check_act_with(
        &case,
        &engine,
        OFFICE,
        &m,
        &typed(&[("pbdt_number", "1301062010"), ("skema", "x")]),
        today(),
    );
    assert_eq!(
        extra.err(),
        Some(ActError::Outputs(vec![(
            "skema".into(),
            OutputProblem::Unknown
        )]))
    );
    // Typed with spaces between groups: kept as digits.
    let acting = check_act_with(
        &case,
        &engine,
        OFFICE,
        &m,
        &typed(&[("pbdt_number", " 1301 0620 1000 12 ")]),
        today(),
    )
    .unwrap();
    assert_eq!(acting.outputs, typed(&[("pbdt_number", "13010620100012")]));

    // Before the step, the letter is refused for the missing number, and
    // names it; after it, the number is in the letter and its digest.
    let def = &pack.letters[0];
    assert_eq!(
        render(def, &pack, &case, "1", today(), None, false, &Plain).unwrap_err(),
        [LetterProblem::MissingOutput("pbdt_number".into())]
    );
    let mut r = r;
    r.push(EventKind::StepCompleted {
        node: "check_pbdt".into(),
        outputs: acting.outputs,
    });
    let done = Case::fold(&r.events).unwrap();
    assert_eq!(done.outputs["pbdt_number"], "13010620100012");
    let letter = render(def, &pack, &done, "1", today(), None, false, &Plain).unwrap();
    assert!(
        letter.paragraphs[0].contains("data PBDT nomor 13010620100012,"),
        "{}",
        letter.paragraphs[0]
    );
    // Its English text names it too.
    let en = render(def, &pack, &done, "1", today(), None, true, &Plain).unwrap();
    assert!(en.paragraphs[0].contains("(number 13010620100012)"));
}

#[test]
fn karanganyars_scheme_chosen_at_verification_decides_the_later_diamond() {
    let pack = pack("karanganyar");
    let p = &pack.procedures[0];
    let engine = Engine::new(p, WIB);
    let mut r = Recorder::new("hp-desa", "k-o1", 0);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::FullName, "Sumarni")
        .field(Field::Nik, "3313134303700007")
        .step("village_input");
    for d in ["kk", "ktp", "akte"] {
        r.mark(d, true);
    }
    let case = Case::fold(&r.events).unwrap();
    let verify = Move {
        node: "verify".into(),
        answer: None,
        at: case.updated_at + MINUTE,
    };
    let choose = |v: &str| {
        check_act_with(
            &case,
            &engine,
            OFFICE,
            &verify,
            &typed(&[("scheme", v)]),
            today(),
        )
    };
    assert_eq!(
        choose("pbi").err(),
        Some(ActError::Outputs(vec![(
            "scheme".into(),
            OutputProblem::NotAnOption
        )]))
    );
    let acting = choose("pbpu_bp_pemda").unwrap();
    r.push(EventKind::StepCompleted {
        node: "verify".into(),
        outputs: acting.outputs,
    });
    for n in [
        "check_dossier",
        "kabid_review",
        "sekdin_review",
        "kadis_sign",
    ] {
        if n == "check_dossier" {
            r.push(EventKind::LetterIssued {
                letter: "permohonan_usulan".into(),
                number: "460/002/Dinsos/XI/2026".into(),
                digest: "00".repeat(32),
            });
        }
        r.step(n);
    }
    let case = Case::fold(&r.events).unwrap();
    assert_eq!(case.walk(&engine).walk.unwrap().current, "scheme");
    let answer = |a: &str| Move {
        node: "scheme".into(),
        answer: Some(a.into()),
        at: case.updated_at + MINUTE,
    };
    // The other answer contradicts what was chosen: refused, named.
    assert_eq!(
        check_act(&case, &engine, OFFICE, &answer("pbi_jk"), today()).err(),
        Some(ActError::Decided {
            answer: "pbpu_bp_pemda".into()
        })
    );
    let ok = check_act(&case, &engine, OFFICE, &answer("pbpu_bp_pemda"), today()).unwrap();
    assert_eq!(ok.walk.current, "send_dinkes");
    // A case verified before outputs were kept answers freely.
    let mut old = Recorder::new("hp-desa", "k-o2", 0);
    old.created("karanganyar", "pbi_pbpu_proposal")
        .step("village_input")
        .step("verify");
    let old_case = Case::fold(&old.events).unwrap();
    assert!(old_case.outputs.is_empty());
}

#[test]
fn an_import_refuses_outputs_a_step_does_not_declare_or_that_are_malformed() {
    let pack = pack("pesisir-selatan");
    let p = pack.procedure("bpjs_recommendation").unwrap();
    let mut r = ps_at_pbdt();
    let good = r
        .push(EventKind::StepCompleted {
            node: "check_pbdt".into(),
            outputs: typed(&[("pbdt_number", "1301062010")]),
        })
        .events
        .last()
        .cloned()
        .unwrap();
    assert!(check_sender(p, "laptop", Side::District, [&good]).is_ok());
    // Without any output (a Pandu from before outputs): taken.
    let bare = r
        .step("make_recommendation")
        .events
        .last()
        .cloned()
        .unwrap();
    assert!(check_sender(p, "laptop", Side::District, [&bare]).is_ok());
    for outputs in [
        typed(&[("pbdt_number", "12AB5678")]),
        typed(&[("pbdt_number", "1301 0620 10")]), // not as kept
        typed(&[("pbdt_number", "1301062010"), ("scheme", "pbi_jk")]),
        typed(&[("pbdt_number", "\u{202e}1301062010")]),
    ] {
        let mut bad = good.clone();
        bad.kind = EventKind::StepCompleted {
            node: "check_pbdt".into(),
            outputs: outputs.clone(),
        };
        assert!(
            check_sender(p, "laptop", Side::District, [&bad]).is_err(),
            "{outputs:?}"
        );
    }
    // On a step that declares none, any output is foreign.
    let mut other = good.clone();
    other.kind = EventKind::StepCompleted {
        node: "make_recommendation".into(),
        outputs: typed(&[("pbdt_number", "1301062010")]),
    };
    assert!(check_sender(p, "laptop", Side::District, [&other]).is_err());
}

#[test]
fn formats_normalise_what_officers_type() {
    let digits = OutputFormat::Digits { min: 3, max: 5 };
    assert_eq!(normalise(&digits, " 1 2 3 "), Ok("123".into()));
    assert_eq!(normalise(&digits, ""), Err(OutputProblem::Empty));
    assert_eq!(normalise(&digits, "1-23"), Err(OutputProblem::NotDigits));
    assert_eq!(normalise(&digits, "１２３"), Err(OutputProblem::NotDigits));
    let text = OutputFormat::Text { max: 4 };
    assert_eq!(normalise(&text, " A-12 "), Ok("A-12".into()));
    assert_eq!(
        normalise(&text, "A-123"),
        Err(OutputProblem::TooLong { max: 4 })
    );
    assert_eq!(normalise(&text, "A\u{202e}1"), Err(OutputProblem::Hidden));
    assert_eq!(normalise(&text, "A\n1"), Err(OutputProblem::Hidden));
}

#[test]
fn outputs_and_diamonds_answered_by_them_are_validated() {
    let catalogue = common::shipped_catalogue();
    let mut k = pack("karanganyar");
    for n in &mut k.procedures[0].nodes {
        match (&n.id[..], &mut n.kind) {
            ("verify", NodeKind::Step(s)) => {
                let mut twice = s.outputs[0].clone();
                twice.format = OutputFormat::Digits { min: 5, max: 2 };
                s.outputs.push(twice);
                let mut field = s.outputs[0].clone();
                field.id = "nik".into();
                field.format = OutputFormat::Text { max: 0 };
                s.outputs.push(field);
            }
            ("scheme", NodeKind::Decision(d)) => d.answers[1].value = "pbpu".into(),
            _ => {}
        }
    }
    let problems: Vec<(String, OutputFault)> = validate(&k, &catalogue)
        .into_iter()
        .filter_map(|p| match p {
            PackProblem::BadOutput { output, fault, .. } => Some((output, fault)),
            _ => None,
        })
        .collect();
    assert_eq!(
        problems,
        [
            ("scheme".to_string(), OutputFault::BadId),
            ("scheme".to_string(), OutputFault::BadFormat),
            ("nik".to_string(), OutputFault::BadId),
            ("nik".to_string(), OutputFault::BadFormat),
            ("scheme".to_string(), OutputFault::NotTheAnswers),
        ]
    );
}
