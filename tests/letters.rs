//! Letters from the packs' templates: filled from the case, every missing
//! field listed instead of a half-empty letter, the QR text carrying the
//! case, the number and a digest of everything the letter says, and
//! templates the validator refuses.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::Case;
use pandu::domain::date::Date;
use pandu::domain::letters::{render, LetterProblem, Words};
use pandu::domain::nik::Sex;
use pandu::domain::pack_check::{validate, LetterFault, PackProblem};
use pandu::domain::procedure::{Column, LetterDef, Pack, Text};

use common::history::Recorder;
use common::shipped_pack as pack;

struct Plain;

impl Words for Plain {
    fn long_date(&self, d: Date) -> String {
        format!("{}/{}/{}", d.day, d.month, d.year)
    }
    fn sex(&self, s: Sex) -> String {
        format!("{s:?}")
    }
}

fn letter<'p>(pack: &'p Pack, id: &str) -> &'p LetterDef {
    pack.letters.iter().find(|l| l.id == id).unwrap()
}

fn applicant(r: &mut Recorder, address: &str) -> Case {
    r.created("pesisir-selatan", "bpjs_recommendation")
        .field(Field::FullName, "Rosmaniar")
        .field(Field::Nik, "1301014101900002")
        .field(Field::Kk, "1301010101200001")
        .field(Field::BirthDate, "1990-01-01")
        .field(Field::Sex, "female")
        .field(Field::Village, "Nagari Painan")
        .field(Field::District, "IV Jurai");
    if !address.is_empty() {
        r.field(Field::Address, address);
    }
    Case::fold(&r.events).unwrap()
}

const DAY: Date = Date {
    year: 2026,
    month: 11,
    day: 23,
};

#[test]
fn a_recommendation_is_filled_from_the_case_and_its_qr_binds_every_word() {
    let pack = pack("pesisir-selatan");
    let def = letter(&pack, "rekomendasi_bpjs");
    let case = applicant(&mut Recorder::new("laptop", "ps1", 0), "Jl. Ilyas Yakub 5");
    let number = "400.9/001/DSPPrPA-PS/XI/2026";
    let l = render(def, &pack, &case, number, DAY, false, &Plain).unwrap();
    assert_eq!(l.head[0], "PEMERINTAH KABUPATEN PESISIR SELATAN");
    assert_eq!(l.number, number);
    assert!(
        l.paragraphs[0].contains("Kepala Dinas Sosial, Pemberdayaan Perempuan dan Perlindungan Anak Kabupaten Pesisir Selatan"),
        "{}",
        l.paragraphs[0]
    );
    assert!(
        !l.paragraphs.iter().any(|p| p.contains('{')),
        "every name filled"
    );
    assert_eq!(l.facts[0], (Column::FullName, "Rosmaniar".to_string()));
    assert!(l
        .facts
        .contains(&(Column::Nik, "1301014101900002".to_string())));
    assert!(l
        .facts
        .contains(&(Column::BirthDate, "1/1/1990".to_string())));
    assert!(l.facts.contains(&(Column::Sex, "Female".to_string())));
    assert_eq!(l.place_date, "Painan, 23/11/2026");
    let qr = l.qr_text();
    let parts: Vec<&str> = qr.split('|').collect();
    assert_eq!(parts[..4], ["pandu-surat", "1", "ps1", number]);
    assert_eq!(parts[4], l.digest());
    assert_eq!(parts[4].len(), 64);
    // One changed word in the letter changes its digest.
    let mut forged = l.clone();
    forged.facts[0].1 = "Rosmaniar Binti".into();
    assert_ne!(forged.digest(), l.digest());
    // The English letter is another text, so another digest.
    let en = render(def, &pack, &case, number, DAY, true, &Plain).unwrap();
    assert_eq!(
        en.subject,
        "Recommendation for health-insurance contribution assistance"
    );
    assert_ne!(en.digest(), l.digest());
}

#[test]
fn a_case_that_lacks_what_the_letter_says_gets_the_list_not_a_letter() {
    let pack = pack("pesisir-selatan");
    let def = letter(&pack, "rekomendasi_bpjs");
    let mut r = Recorder::new("laptop", "ps2", 0);
    r.created("pesisir-selatan", "bpjs_recommendation")
        .field(Field::FullName, "Rosmaniar");
    let case = Case::fold(&r.events).unwrap();
    let problems = render(def, &pack, &case, "x", DAY, false, &Plain).unwrap_err();
    assert_eq!(
        problems,
        [
            Field::Nik,
            Field::Kk,
            Field::BirthDate,
            Field::Sex,
            Field::Address,
            Field::Village,
            Field::District
        ]
        .map(LetterProblem::MissingField)
    );
    let almost = applicant(&mut Recorder::new("laptop", "ps3", 0), "");
    assert_eq!(
        render(def, &pack, &almost, "x", DAY, false, &Plain).unwrap_err(),
        [LetterProblem::MissingField(Field::Address)]
    );
}

#[test]
fn every_shipped_letter_renders_for_a_complete_case() {
    for name in ["pesisir-selatan", "palembang", "karanganyar"] {
        let pack = pack(name);
        assert!(!pack.letters.is_empty(), "{name} has letters");
        let mut r = Recorder::new("laptop", "any", 0);
        applicant(&mut r, "Jl. Merdeka 1");
        for f in [Field::Rt, Field::Rw, Field::Phone] {
            r.field(f, "001");
        }
        let case = Case::fold(&r.events).unwrap();
        for def in &pack.letters {
            let l = render(def, &pack, &case, "1/2026", DAY, false, &Plain)
                .unwrap_or_else(|p| panic!("{name}/{}: {p:?}", def.id));
            assert!(!l.subject.is_empty() && !l.paragraphs.is_empty());
        }
    }
}

#[test]
fn templates_naming_unknown_things_are_refused() {
    let catalogue = common::shipped_catalogue();
    let mut pack = pack("pesisir-selatan");
    let mut bad = pack.letters[0].clone();
    bad.node = "nowhere".into();
    bad.body.push(Text {
        id: "Nomor {nomor_surat} untuk {full_name}".into(),
        en: Some("{alamat}".into()),
    });
    bad.facts.push(Column::Reached);
    pack.letters.push(bad);
    pack.register_format = Some("400/{tahun}".into());
    let problems = validate(&pack, &catalogue);
    assert!(problems.contains(&PackProblem::BadRegisterFormat));
    let faults: Vec<&LetterFault> = problems
        .iter()
        .filter_map(|p| match p {
            PackProblem::BadLetter { fault, .. } => Some(fault),
            _ => None,
        })
        .collect();
    assert_eq!(
        faults,
        [
            &LetterFault::Duplicate,
            &LetterFault::UnknownNode("nowhere".into()),
            &LetterFault::UnknownPlaceholder("nomor_surat".into()),
            &LetterFault::UnknownPlaceholder("alamat".into()),
            &LetterFault::NotAFact,
        ]
    );
    // Letters without a register format cannot be numbered.
    let mut unnumbered = common::shipped_pack("palembang");
    unnumbered.register_format = None;
    assert_eq!(
        validate(&unnumbered, &catalogue),
        [PackProblem::BadRegisterFormat]
    );
}
