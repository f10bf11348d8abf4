//! Letters from the packs' templates: filled from the case, every missing
//! field listed instead of a half-empty letter, the QR text carrying the
//! case, the number and a digest of everything the letter says, and
//! templates the validator refuses; Banjarbaru's decree attachment list
//! of a cycle, bound by its QR to every row.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::Case;
use pandu::domain::date::Date;
use pandu::domain::engine::Library;
use pandu::domain::letters::{
    decree_key, decree_state, render, render_decree, DecreeState, LetterProblem,
};
use pandu::domain::lists::{list_table, Cycle};
use pandu::domain::pack_check::{validate, DecreeFault, LetterFault, PackProblem};
use pandu::domain::procedure::{Column, LetterDef, Pack, Text};

use common::history::Recorder;
use common::shipped_pack as pack;

use common::Plain;

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
        .field(Field::District, "IV Jurai")
        .step_with("check_pbdt", &[("pbdt_number", "1301062010")]);
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
    let l = render(def, &pack, &case, number, DAY, None, false, &Plain).unwrap();
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
    assert!(
        l.facts.contains(&(Column::Sex, "P".to_string())),
        "the label says (L/P): the value is P, not a word"
    );
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
    // Signed: the holder's name, rank and NIP are part of the letter and
    // of its digest; another holder makes another letter.
    let kadis = pandu::domain::staff::Signer {
        name: "Drs. Hendri, M.Si".into(),
        rank: "Pembina Utama Muda (IV/c)".into(),
        nip: "197205141998031004".into(),
    };
    let signed = render(def, &pack, &case, number, DAY, Some(&kadis), false, &Plain).unwrap();
    assert_eq!(signed.signed_by.as_ref(), Some(&kadis));
    assert_ne!(signed.digest(), l.digest());
    let other = pandu::domain::staff::Signer {
        nip: "198811222015032001".into(),
        ..kadis.clone()
    };
    let by_other = render(def, &pack, &case, number, DAY, Some(&other), false, &Plain).unwrap();
    assert_ne!(by_other.digest(), signed.digest());
    // Kept as issued and read back, it is the same letter.
    let kept: pandu::domain::letters::Letter =
        serde_json::from_str(&serde_json::to_string(&signed).unwrap()).unwrap();
    assert_eq!(kept.digest(), signed.digest());
    // The English letter is another text, so another digest.
    let en = render(def, &pack, &case, number, DAY, None, true, &Plain).unwrap();
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
    let problems = render(def, &pack, &case, "x", DAY, None, false, &Plain).unwrap_err();
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
        .into_iter()
        .chain([LetterProblem::MissingOutput("pbdt_number".into())])
        .collect::<Vec<_>>()
    );
    let almost = applicant(&mut Recorder::new("laptop", "ps3", 0), "");
    assert_eq!(
        render(def, &pack, &almost, "x", DAY, None, false, &Plain).unwrap_err(),
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
        // What the procedures' steps produced (No. PBDT), as typed.
        for p in &pack.procedures {
            for n in &p.nodes {
                let outputs = common::valid_outputs(p, &n.id);
                if !outputs.is_empty() {
                    r.push(pandu::domain::case::EventKind::StepCompleted {
                        node: n.id.clone(),
                        outputs,
                    });
                }
            }
        }
        let case = Case::fold(&r.events).unwrap();
        // Cycle letters speak for many cases: `tests/cycle_letters.rs`.
        for def in pack.letters.iter().filter(|d| d.per.is_case()) {
            let l = render(def, &pack, &case, "1/2026", DAY, None, false, &Plain)
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
    // A village role cannot sign for the office.
    bad.signer_role = Some("kelurahan".into());
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
            &LetterFault::UnknownSignerRole("kelurahan".into()),
        ]
    );
    // A step working on a letter its procedure does not have.
    let mut paperless = common::shipped_pack("palembang");
    for p in &mut paperless.procedures {
        for n in &mut p.nodes {
            if let pandu::domain::procedure::NodeKind::Step(s) = &mut n.kind {
                if n.id == "draft" {
                    s.paper = Some("tidak_ada".into());
                }
            }
        }
    }
    assert_eq!(
        validate(&paperless, &catalogue),
        [PackProblem::BadLetter {
            letter: "tidak_ada".into(),
            fault: LetterFault::NoSuchPaper("draft".into())
        }]
    );
    // Letters without a register format cannot be numbered.
    let mut unnumbered = common::shipped_pack("palembang");
    unnumbered.register_format = None;
    assert_eq!(
        validate(&unnumbered, &catalogue),
        [PackProblem::BadRegisterFormat]
    );
}

/// A Banjarbaru mutation handed to BPJS `minutes` after 09:00 WIB on 23
/// November 2026 (the pack's cycle closes on the 25th, WITA).
fn bjb_case(id: &'static str, name: &str, nik: &str, minutes: i64) -> Case {
    let mut r = Recorder::new("kel", id, minutes - 10);
    r.created("banjarbaru", "mutation")
        .field(Field::FullName, name)
        .field(Field::Nik, nik)
        .field(Field::Kk, "6372010101200001")
        .field(Field::Address, "Jl. A. Yani Km 33")
        .field(Field::Village, "Loktabat Utara")
        .step("apply")
        .step("kelurahan_letter")
        .step("submit");
    Case::fold(&r.events).unwrap()
}

fn decree_table(pack: &Pack, cases: &[Case], cycle: Cycle) -> pandu::domain::csv::Table {
    let def = &pack.decrees[0];
    let mut list = pack
        .lists
        .iter()
        .find(|l| l.id == def.list)
        .unwrap()
        .clone();
    list.columns = std::iter::once(Column::No)
        .chain(def.columns.iter().copied())
        .collect();
    let mut library = Library::default();
    library.add(Pack {
        version: 1,
        ..pack.clone()
    });
    let header = list.columns.iter().map(|c| format!("{c:?}")).collect();
    list_table(
        &list,
        "banjarbaru",
        cases,
        &library,
        pack.utc_offset_minutes,
        cycle,
        header,
        &Default::default(),
    )
}

#[test]
fn banjarbarus_decree_attachment_lists_a_cycle_and_its_qr_binds_every_row() {
    let pack = pack("banjarbaru");
    let def = &pack.decrees[0];
    let november = Cycle {
        year: 2026,
        month: 11,
    };
    let cases = [
        bjb_case("a", "Siti Aminah", "6372014101900002", 0),
        bjb_case("b", "Ahmad Fauzi", "6372010101850003", 60),
        // Handed over on 26 November (WITA), after the cut-off: December.
        bjb_case("c", "Rudi", "6372010101850004", 3 * 24 * 60),
    ];
    let table = decree_table(&pack, &cases, november);
    let date = Date::new(2026, 11, 25).unwrap();
    let sheet = render_decree(
        def,
        &pack,
        &table,
        november,
        "November 2026",
        "400.9/001/Dinsos-BJB/XI/2026",
        date,
        None,
        false,
        &Plain,
    );
    assert_eq!(sheet.cycle, "2026-11");
    assert_eq!(sheet.head[0], "PEMERINTAH KOTA BANJARBARU");
    assert_eq!(
        sheet.heading,
        [
            "LAMPIRAN KEPUTUSAN KEPALA DINAS SOSIAL KOTA BANJARBARU",
            "NOMOR 400.9/001/Dinsos-BJB/XI/2026",
            "TANGGAL 25/11/2026"
        ]
    );
    assert!(sheet.subject.ends_with("SIKLUS November 2026"));
    assert_eq!(
        sheet.columns,
        ["No", "FullName", "Nik", "Kk", "Address", "Village"]
    );
    assert_eq!(
        sheet.rows,
        [
            [
                "1",
                "Siti Aminah",
                "6372014101900002",
                "6372010101200001",
                "Jl. A. Yani Km 33",
                "Loktabat Utara"
            ],
            [
                "2",
                "Ahmad Fauzi",
                "6372010101850003",
                "6372010101200001",
                "Jl. A. Yani Km 33",
                "Loktabat Utara"
            ],
        ],
        "the November cycle, in order of arrival; the NIK as digits"
    );
    assert_eq!(sheet.place_date, "Banjarbaru, 25/11/2026");
    let qr = sheet.qr_text();
    assert_eq!(
        qr,
        format!(
            "pandu-lampiran|1|lampiran_sk_pbi_apbd|2026-11|400.9/001/Dinsos-BJB/XI/2026|{}",
            sheet.digest()
        )
    );
    // Any row changed, added or taken away changes the digest.
    let mut other = sheet.clone();
    other.rows[1][2] = "6372010101850009".into();
    assert_ne!(other.digest(), sheet.digest());
    let mut fewer = sheet.clone();
    fewer.rows.pop();
    assert_ne!(fewer.digest(), sheet.digest());
    assert_eq!(
        decree_key(&def.id, november),
        "lampiran_sk_pbi_apbd:2026-11"
    );
    // An empty cycle still renders: the heading over an empty table.
    let empty = decree_table(&pack, &[], november);
    let sheet = render_decree(
        def,
        &pack,
        &empty,
        november,
        "November 2026",
        "-",
        date,
        None,
        false,
        &Plain,
    );
    assert!(sheet.rows.is_empty() && sheet.columns.len() == 6);
}

#[test]
fn a_numbered_decree_prints_only_the_sheet_it_numbered_and_a_changed_list_needs_a_new_number() {
    use pandu::domain::register::RegisterEntry;
    let pack = pack("banjarbaru");
    let def = &pack.decrees[0];
    let november = Cycle {
        year: 2026,
        month: 11,
    };
    let date = Date::new(2026, 11, 25).unwrap();
    let two = [
        bjb_case("c1", "Siti Aminah", "6372014101900002", 10),
        bjb_case("c2", "Ahmad Fauzi", "6372010101850003", 20),
    ];
    let three = [
        two[0].clone(),
        two[1].clone(),
        bjb_case("c3", "Sumarni", "6372014101900004", 30),
    ];
    let number = "400.9/001/Dinsos-BJB/XI/2026";
    let sheet = |cases: &[Case], number: &str| {
        let table = decree_table(&pack, cases, november);
        render_decree(
            def,
            &pack,
            &table,
            november,
            "November 2026",
            number,
            date,
            None,
            false,
            &Plain,
        )
    };
    let numbered = sheet(&two, number);
    let entry = RegisterEntry {
        number: number.into(),
        seq: 1,
        year: 2026,
        case_id: decree_key(&def.id, november),
        letter: def.id.clone(),
        issued_at: 0,
        officer: "Pak Operator".into(),
        applicant: String::new(),
        nik: String::new(),
        digest: numbered.digest(),
    };

    // No number: a draft of the list as it is.
    let draft = sheet(&two, "\u{2026}");
    assert_eq!(
        decree_state(None, None, draft.clone()),
        DecreeState::Draft(draft)
    );
    // Numbered and unchanged: the kept sheet prints.
    assert_eq!(
        decree_state(Some(&entry), Some(numbered.clone()), sheet(&two, number)),
        DecreeState::Numbered(numbered.clone())
    );
    // A third case arrived: the old sheet still prints, two rows, under
    // its number and digest; the three-row list only under a new number.
    let now = sheet(&three, number);
    match decree_state(Some(&entry), Some(numbered.clone()), now.clone()) {
        DecreeState::Changed {
            sheet,
            now: current,
        } => {
            assert_eq!(sheet.rows.len(), 2);
            assert_eq!(sheet.digest(), entry.digest, "its QR matches the register");
            assert_eq!(current.rows.len(), 3);
        }
        other => panic!("{other:?}"),
    }
    // A kept sheet that is not what the register numbered never prints.
    let mut tampered = numbered.clone();
    tampered.rows[0][1] = "Orang Lain".into();
    assert_eq!(
        decree_state(Some(&entry), Some(tampered), now.clone()),
        DecreeState::Unprintable { now: now.clone() }
    );
    // Numbered by an older Pandu (no sheet kept): today's list prints if
    // it is the one numbered, else nothing until a new number.
    assert_eq!(
        decree_state(Some(&entry), None, sheet(&two, number)),
        DecreeState::Numbered(numbered)
    );
    assert_eq!(
        decree_state(Some(&entry), None, now.clone()),
        DecreeState::Unprintable { now }
    );
}

#[test]
fn decrees_naming_unknown_things_are_refused() {
    let mut p = pack("banjarbaru");
    let mut bad = p.decrees[0].clone();
    bad.list = "nowhere".into();
    bad.subject = Text {
        id: "TENTANG {nama_kades}".into(),
        en: None,
    };
    bad.columns = vec![Column::Reached];
    bad.signer_role = Some("bupati".into());
    p.decrees.push(bad);
    let problems = validate(&p, &common::shipped_catalogue());
    let faults: Vec<&DecreeFault> = problems
        .iter()
        .filter_map(|pr| match pr {
            PackProblem::BadDecree { fault, .. } => Some(fault),
            _ => None,
        })
        .collect();
    assert_eq!(
        faults,
        [
            &DecreeFault::Duplicate,
            &DecreeFault::UnknownList("nowhere".into()),
            &DecreeFault::UnknownPlaceholder("nama_kades".into()),
            &DecreeFault::BadColumns,
            &DecreeFault::UnknownSignerRole("bupati".into()),
        ]
    );
    let mut p = pack("banjarbaru");
    p.register_format = None;
    assert!(validate(&p, &common::shipped_catalogue()).contains(&PackProblem::BadRegisterFormat));
}

#[test]
fn a_printed_papers_qr_is_genuine_only_as_issued_and_registered() {
    use pandu::domain::qrcheck::{check, parse, Claim, Verdict};
    use pandu::domain::register::RegisterEntry;
    let pack = pack("pesisir-selatan");
    let def = letter(&pack, "rekomendasi_bpjs");
    let case = applicant(&mut Recorder::new("laptop", "ps1", 0), "Jl. Ilyas Yakub 5");
    let number = "400.9/001/DSPPrPA-PS/XI/2026";
    let l = render(def, &pack, &case, number, DAY, None, false, &Plain).unwrap();
    let entry = RegisterEntry {
        number: number.into(),
        seq: 1,
        year: 2026,
        case_id: "ps1".into(),
        letter: def.id.clone(),
        issued_at: 0,
        officer: "Bu Staf".into(),
        applicant: "Rosmaniar".into(),
        nik: "1301014101900002".into(),
        digest: String::new(),
    };
    let register = vec![entry.clone()];
    // The letter's digest is what the case's event keeps.
    let issued = |_: &RegisterEntry| Some(l.digest());
    let claim = parse(&l.qr_text()).unwrap();
    assert_eq!(claim.number(), number);
    assert_eq!(
        check(&claim, &register, issued),
        Verdict::Genuine(entry.clone())
    );
    // One word changed on paper: another digest.
    let mut forged = l.clone();
    forged.facts[0].1 = "Orang Lain".into();
    let altered = parse(&forged.qr_text()).unwrap();
    assert_eq!(
        check(&altered, &register, issued),
        Verdict::Altered(entry.clone())
    );
    // The number of another case, or one this office never gave.
    let other = Claim::Letter {
        case: "zz".into(),
        number: number.into(),
        digest: l.digest(),
    };
    assert_eq!(
        check(&other, &register, issued),
        Verdict::OtherPaper(entry.clone())
    );
    let foreign = parse(&format!(
        "pandu-surat|1|ps1|400.9/777/Lain/XI/2026|{}",
        l.digest()
    ))
    .unwrap();
    assert_eq!(check(&foreign, &register, issued), Verdict::Unknown);
    // A decree sheet: its register entry keeps its digest.
    let d = Claim::Decree {
        decree: "lampiran".into(),
        cycle: "2026-11".into(),
        number: "400.9/002/X".into(),
        digest: "ab".repeat(32),
    };
    let sheet_entry = RegisterEntry {
        number: "400.9/002/X".into(),
        case_id: "lampiran:2026-11".into(),
        digest: "ab".repeat(32),
        ..entry.clone()
    };
    assert_eq!(
        check(&d, std::slice::from_ref(&sheet_entry), |e| Some(
            e.digest.clone()
        )),
        Verdict::Genuine(sheet_entry)
    );
    // Not a code Pandu prints.
    for text in [
        "",
        "https://example.org",
        "pandu-surat|2|ps1|1|00",
        "pandu-surat|1|ps1|1|xyz",
        "pandu-surat|1||1|0000000000000000000000000000000000000000000000000000000000000000",
        "pandu-lampiran|1|a|b|c",
    ] {
        assert_eq!(parse(text), None, "{text}");
    }
}
