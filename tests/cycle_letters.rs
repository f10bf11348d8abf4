//! Karanganyar's request letter, one per cycle and destination: the
//! cases verified in a cycle go on one letter to Kemensos (PBI-JK) or
//! one to Dinkes (PBPU BP Pemda), by the scheme chosen at verification;
//! the list is attached and bound by the QR digest; a case on a numbered
//! letter is on no later one; a case without a scheme is on none.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::{Case, EventKind};
use pandu::domain::cycle_letters::{
    as_list, attachment_table, destinations, letter_cycle, letter_key, pending, render_cycle,
    CycleParts,
};
use pandu::domain::date::{Date, MINUTE};
use pandu::domain::engine::Library;
use pandu::domain::letters::Letter;
use pandu::domain::lists::Cycle;
use pandu::domain::pack_check::{validate, LetterFault, PackProblem};
use pandu::domain::procedure::{Column, Pack, Per};
use pandu::domain::qrcheck::{self, Verdict};
use pandu::domain::register::RegisterEntry;

use common::history::{t0, Recorder, WIB};
use common::shipped_pack as pack;

use common::Plain;

const NOVEMBER: Cycle = Cycle {
    year: 2026,
    month: 11,
};

/// A village's proposal, verified by the operator `minutes` after the
/// tests' start with `scheme` (none: verified by a Pandu before outputs).
fn proposal(
    id: &'static str,
    name: &str,
    village: &str,
    minutes: i64,
    scheme: Option<&str>,
) -> Case {
    let mut r = Recorder::new("hp-desa", id, minutes);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::FullName, name)
        .field(Field::Nik, "3313134303700007")
        .field(Field::Kk, "3313130101200001")
        .field(Field::Sex, "female")
        .field(Field::BirthDate, "1970-03-03")
        .field(Field::Address, "Dusun Krajan")
        .field(Field::Village, village)
        .field(Field::District, "Tawangmangu")
        .step("village_input");
    match scheme {
        Some(s) => r.step_with("verify", &[("scheme", s)]),
        None => r.step("verify"),
    };
    Case::fold(&r.events).unwrap()
}

fn library(pack: &Pack) -> Library {
    let mut l = Library::default();
    l.add(Pack {
        version: 1,
        ..pack.clone()
    });
    l
}

/// The letter to `dest` for `ids`, numbered `number`.
fn letter_for(pack: &Pack, cases: &[Case], ids: &[String], dest: &str, number: &str) -> Letter {
    let def = &pack.letters[0];
    let lib = library(pack);
    let header = as_list(def)
        .columns
        .iter()
        .map(|c| format!("{c:?}"))
        .collect();
    let table = attachment_table(
        def,
        pack,
        cases,
        ids,
        &lib,
        WIB,
        NOVEMBER,
        header,
        &Default::default(),
    );
    let all = destinations(def, pack, false);
    let dest = all.iter().flatten().find(|d| d.value == dest).unwrap();
    render_cycle(
        def,
        pack,
        CycleParts {
            cycle: NOVEMBER,
            month: "November 2026",
            destination: Some(dest),
            table: &table,
            cases: ids.to_vec(),
            number,
            date: Date::new(2026, 11, 23).unwrap(),
            signed_by: None,
        },
        false,
        &Plain,
    )
}

#[test]
fn one_letter_per_cycle_and_destination_with_its_list_attached() {
    let pack = pack("karanganyar");
    let def = &pack.letters[0];
    assert_eq!(def.per, Per::Cycle);
    let lib = library(&pack);
    let cases = vec![
        proposal("k-a", "Sumarni", "Tawangmangu", 0, Some("pbi_jk")),
        proposal("k-b", "Paiman", "Kalisoro", 30, Some("pbpu_bp_pemda")),
        proposal("k-c", "Sumarni", "Blumbang", 60, Some("pbi_jk")),
        proposal("k-d", "Wagiyem", "Gondosuli", 90, None),
    ];
    let now = pending(def, &pack, &cases, &lib, WIB, NOVEMBER);
    assert_eq!(now.by_destination["pbi_jk"], ["k-a", "k-c"]);
    assert_eq!(now.by_destination["pbpu_bp_pemda"], ["k-b"]);
    assert_eq!(now.undecided, ["k-d"], "no scheme: on no letter, named");
    // The case's cycle is the one it was verified in.
    assert_eq!(letter_cycle(def, t0() + 10 * MINUTE, WIB), NOVEMBER);
    assert!(pending(def, &pack, &cases, &lib, WIB, NOVEMBER.previous())
        .by_destination
        .is_empty());

    let ids = now.by_destination["pbi_jk"].clone();
    let kemensos = letter_for(&pack, &cases, &ids, "pbi_jk", "460/001/Dinsos/XI/2026");
    assert_eq!(kemensos.to[0], "Yth. Menteri Sosial Republik Indonesia");
    // The letter names the scheme, not the screen's label for it.
    assert!(
        kemensos.subject.contains("peserta PBI-JK bulan"),
        "{}",
        kemensos.subject
    );
    assert!(!kemensos.subject.contains("(ke Kemensos)"));
    assert!(
        kemensos.paragraphs[0]
            .contains("usulan 2 calon peserta Jaminan Kesehatan Nasional skema PBI-JK,"),
        "{}",
        kemensos.paragraphs[0]
    );
    assert!(
        kemensos.facts.is_empty(),
        "it speaks for many: no one applicant's facts"
    );
    let a = kemensos.attachment.as_ref().unwrap();
    assert_eq!(a.cases, ids);
    assert_eq!(a.rows.len(), 2);
    assert_eq!(a.rows[0][0], "1");
    assert_eq!(a.columns[0], "No");
    assert!(a.rows[1].contains(&"Blumbang".to_string()));
    assert!(a.title.contains("November 2026"));
    assert_eq!(
        kemensos.case_id,
        letter_key(&def.id, NOVEMBER, Some("pbi_jk"))
    );

    let dinkes = letter_for(
        &pack,
        &cases,
        &now.by_destination["pbpu_bp_pemda"],
        "pbpu_bp_pemda",
        "460/002/Dinsos/XI/2026",
    );
    assert_eq!(
        dinkes.to[0],
        "Yth. Kepala Dinas Kesehatan Kabupaten Karanganyar"
    );
    assert!(dinkes.paragraphs[0].contains("skema PBPU BP Pemda,"));
    assert_eq!(dinkes.attachment.as_ref().unwrap().rows.len(), 1);

    // The QR digest binds every row and every case id.
    let mut forged = kemensos.clone();
    forged.attachment.as_mut().unwrap().rows[1][3] = "Sumarni Binti".into();
    assert_ne!(forged.digest(), kemensos.digest());
    let mut swapped = kemensos.clone();
    swapped.attachment.as_mut().unwrap().cases.reverse();
    assert_ne!(swapped.digest(), kemensos.digest());
    // Kept and read back, the same letter.
    let kept: Letter = serde_json::from_str(&serde_json::to_string(&kemensos).unwrap()).unwrap();
    assert_eq!(kept.digest(), kemensos.digest());

    // The check screen: the letter's QR against the register entry that
    // keeps its digest.
    let entry = RegisterEntry {
        number: kemensos.number.clone(),
        seq: 1,
        year: 2026,
        case_id: kemensos.case_id.clone(),
        letter: def.id.clone(),
        issued_at: t0(),
        officer: "Operator".into(),
        applicant: "PBI-JK".into(),
        nik: String::new(),
        digest: kemensos.digest(),
    };
    let claim = qrcheck::parse(&kemensos.qr_text()).unwrap();
    let verdict = qrcheck::check(&claim, std::slice::from_ref(&entry), |e| {
        Some(e.digest.clone())
    });
    assert!(matches!(verdict, Verdict::Genuine(_)));
    let altered = qrcheck::parse(&forged.qr_text()).unwrap();
    assert!(matches!(
        qrcheck::check(&altered, &[entry], |e| Some(e.digest.clone())),
        Verdict::Altered(_)
    ));
}

#[test]
fn a_case_on_a_numbered_letter_is_on_no_later_one_and_a_late_case_gets_its_own() {
    let pack = pack("karanganyar");
    let def = &pack.letters[0];
    let lib = library(&pack);
    let mut cases = vec![
        proposal("k-a", "Sumarni", "Tawangmangu", 0, Some("pbi_jk")),
        proposal("k-b", "Paiman", "Kalisoro", 30, Some("pbi_jk")),
    ];
    // Numbered: each case got the letter's event.
    for (c, id) in cases.iter_mut().zip(["k-a", "k-b"]) {
        let mut r = Recorder::new("laptop", id, 200);
        r.events = c.events.clone();
        r.push(EventKind::LetterIssued {
            letter: def.id.clone(),
            number: "460/001/Dinsos/XI/2026".into(),
            digest: "ab".repeat(32),
        });
        *c = Case::fold(&r.events).unwrap();
    }
    assert!(pending(def, &pack, &cases, &lib, WIB, NOVEMBER)
        .by_destination
        .is_empty());
    // A proposal verified later in the cycle waits for a letter of its own.
    cases.push(proposal("k-c", "Tukiyem", "Blumbang", 300, Some("pbi_jk")));
    let late = pending(def, &pack, &cases, &lib, WIB, NOVEMBER);
    assert_eq!(late.by_destination["pbi_jk"], ["k-c"]);
    let supplement = letter_for(
        &pack,
        &cases,
        &late.by_destination["pbi_jk"],
        "pbi_jk",
        "460/003/Dinsos/XI/2026",
    );
    assert_eq!(supplement.attachment.unwrap().rows.len(), 1);
}

#[test]
fn cycle_letters_naming_what_they_cannot_fill_are_refused() {
    let catalogue = common::shipped_catalogue();
    let mut k = pack("karanganyar");
    let def = &mut k.letters[0];
    // One applicant's field in a letter for many; no columns; facts.
    def.body[0].id.push_str(" {full_name}");
    def.columns.clear();
    def.facts.push(Column::Nik);
    // A destination without an addressee for each option, and a name
    // for an option the output does not have.
    def.destination.as_mut().unwrap().to.remove("pbpu_bp_pemda");
    def.destination.as_mut().unwrap().names.insert(
        "pbi".into(),
        pandu::domain::procedure::Text {
            id: "PBI".into(),
            en: None,
        },
    );
    let faults: Vec<LetterFault> = validate(&k, &catalogue)
        .into_iter()
        .filter_map(|p| match p {
            PackProblem::BadLetter { fault, .. } => Some(fault),
            _ => None,
        })
        .collect();
    assert_eq!(
        faults,
        [
            LetterFault::UnknownPlaceholder("full_name".into()),
            LetterFault::BadCycle,
            LetterFault::BadDestination("scheme".into()),
        ]
    );
    // A destination naming an output that is not a choice.
    let mut ps = pack("pesisir-selatan");
    ps.letters[0].destination = Some(pandu::domain::procedure::Destination {
        output: "pbdt_number".into(),
        to: Default::default(),
        names: Default::default(),
    });
    assert!(validate(&ps, &catalogue).contains(&PackProblem::BadLetter {
        letter: "rekomendasi_bpjs".into(),
        fault: LetterFault::BadDestination("pbdt_number".into())
    }));
}
