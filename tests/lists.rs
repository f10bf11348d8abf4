//! The office's lists per cycle as CSV: who is on which cycle's list, the
//! file parsed back by an independent RFC 4180 reader (NIK intact, never a
//! rounded number), Banjarbaru's cut-off on the 25th, an empty cycle, a
//! list of 10,000 rows, and broken list definitions.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::applicant::Field;
use pandu::domain::case::Case;
use pandu::domain::date::{local_midnight, Date, DAY, MINUTE};
use pandu::domain::engine::Library;
use pandu::domain::lists::{cycle_bounds, cycle_of, list_table, Cycle};
use pandu::domain::pack_check::{validate, ListFault, PackProblem};
use pandu::domain::procedure::{ListDef, Pack};

use common::history::Recorder;
use common::shipped_pack as pack;

/// RFC 4180 with `;` as the separator, after the BOM; independent of the
/// writer under test.
fn parse(csv: &str) -> Vec<Vec<String>> {
    parse_with(
        csv.strip_prefix('\u{feff}').expect("a UTF-8 BOM first"),
        ';',
    )
}

/// RFC 4180 with `separator` between fields.
fn parse_with(body: &str, separator: char) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let (mut row, mut field) = (Vec::new(), String::new());
    let mut chars = body.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, c) if c == separator => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "lines end in CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(
        row.is_empty() && field.is_empty(),
        "the file ends with a line end"
    );
    rows
}

/// What a spreadsheet shows for a cell: `="…"` is the text inside.
fn shown(cell: &str) -> &str {
    cell.strip_prefix("=\"")
        .and_then(|c| c.strip_suffix('"'))
        .unwrap_or(cell)
}

fn list<'p>(pack: &'p Pack, id: &str) -> &'p ListDef {
    pack.lists.iter().find(|l| l.id == id).unwrap()
}

fn library_of(pack: &Pack) -> (Library, i32) {
    // The test's cases start under version 1; the shipped pack is newer.
    let mut library = Library::default();
    library.add(pack.clone());
    library.add(Pack {
        version: 1,
        ..pack.clone()
    });
    (library, pack.utc_offset_minutes)
}

fn header(def: &ListDef) -> Vec<String> {
    def.columns.iter().map(|c| format!("{c:?}")).collect()
}

/// A Karanganyar case walked to the scheme decision and answered, the
/// answer given `minutes_from_t0` minutes after 09:00 WIB 23 November.
fn karanganyar_case(id: &'static str, nik: &str, scheme: &str, minutes_from_t0: i64) -> Case {
    let mut r = Recorder::new("dev", id, minutes_from_t0 - 20);
    r.created("karanganyar", "pbi_pbpu_proposal")
        .field(Field::FullName, "Suparmi; binti \"Karto\"")
        .field(Field::Nik, nik)
        .field(Field::Kk, "3313010101200001")
        .field(Field::Sex, "female")
        .field(Field::BirthDate, "1990-01-01")
        .field(Field::Rt, "003")
        .step("village_input")
        .step("verify")
        .step("check_dossier")
        .step("kabid_review")
        .step("sekdin_review")
        .step("kadis_sign");
    r.n = minutes_from_t0 - 1;
    r.answer("scheme", scheme, None);
    Case::fold(&r.events).unwrap()
}

#[test]
fn a_cycles_list_holds_the_cases_that_reached_its_node_in_that_month() {
    let pack = pack("karanganyar");
    let (library, offset) = library_of(&pack);
    let kemensos = list(&pack, "usulan_pbi_jk");
    let days = 24 * 60;
    let cases = [
        karanganyar_case("a", "3313014101900002", "pbi_jk", -3 * days),
        karanganyar_case("b", "3313014101900003", "pbpu_bp_pemda", -2 * days),
        karanganyar_case("c", "9471015501990003", "pbi_jk", 9 * days),
        karanganyar_case("d", "3313014101900004", "pbi_jk", -days),
    ];
    // The rows of a 2026 month's list, parsed back; the cases came from
    // device "dev", enrolled for village 33.13.01.2001.
    let villages = [("dev".to_string(), "33.13.01.2001".to_string())].into();
    let rows_of = |def: &ListDef, month: u32| {
        let cycle = Cycle { year: 2026, month };
        let table = list_table(
            def,
            "karanganyar",
            &cases,
            &library,
            offset,
            cycle,
            header(def),
            &villages,
        );
        parse(&table.to_csv())
    };
    let rows = rows_of(kemensos, 11);
    assert_eq!(rows[0][0], "No");
    assert_eq!(
        rows.len(),
        3,
        "a and d reached the Kemensos step in November"
    );
    assert_eq!(rows[1][0], "1");
    assert_eq!(
        shown(&rows[1][1]),
        "3313014101900002",
        "the NIK, digit for digit"
    );
    assert_eq!(rows[1][1], "=\"3313014101900002\"", "kept as text");
    assert_eq!(shown(&rows[1][2]), "3313010101200001");
    assert_eq!(rows[1][3], "Suparmi; binti \"Karto\"", "quoting survives");
    assert_eq!(rows[1][4], "P");
    assert_eq!(rows[1][5], "1990-01-01");
    assert_eq!(shown(&rows[1][7]), "003", "RT keeps its zeros");
    assert_eq!(
        rows[1][9], "=\"33.13.01.2001\"",
        "the sending device's village code, as text"
    );
    assert_eq!(rows[1][12], "Kabupaten Karanganyar", "the regency");
    assert_eq!(rows[1][13], "2026-11-20", "the day it reached the step");
    assert_eq!(rows[1][14], "a");
    assert_eq!(rows[2][14], "d");

    let rows = rows_of(kemensos, 12);
    assert_eq!(rows.len(), 2);
    assert_eq!(
        shown(&rows[1][1]),
        "9471015501990003",
        "a Papua NIK above 2^53"
    );

    let dinkes = list(&pack, "usulan_pbpu_bp_pemda");
    let rows = rows_of(dinkes, 11);
    assert_eq!(rows.len(), 2);
    assert_eq!(rows[1][14], "b");

    // A cycle with no case: a file with its header and nothing else.
    assert_eq!(rows_of(kemensos, 10).len(), 1);
}

#[test]
fn banjarbaru_cycles_close_on_the_25th() {
    let banjarbaru = pack("banjarbaru");
    let wita = banjarbaru.utc_offset_minutes;
    let bnba = list(&banjarbaru, "bnba_mutasi");
    let at = |day: u32, hour: i64| {
        local_midnight(Date::new(2026, 11, day).unwrap(), wita) + hour * 60 * MINUTE
    };
    let nov = Cycle {
        year: 2026,
        month: 11,
    };
    let dec = Cycle {
        year: 2026,
        month: 12,
    };
    assert_eq!(cycle_of(bnba, at(25, 23), wita), nov);
    assert_eq!(cycle_of(bnba, at(26, 0), wita), dec);
    assert_eq!(cycle_of(bnba, at(1, 0), wita), nov);
    let (from, to) = cycle_bounds(bnba, dec, wita);
    assert_eq!((from, to), (at(26, 0), at(25, 0) + 31 * DAY));
    // A cycle of the calendar month runs from the 1st to the last day.
    let karanganyar = pack("karanganyar");
    let kemensos = list(&karanganyar, "usulan_pbi_jk");
    let wib = karanganyar.utc_offset_minutes;
    let (from, to) = cycle_bounds(
        kemensos,
        Cycle {
            year: 2027,
            month: 2,
        },
        wib,
    );
    assert_eq!(from, local_midnight(Date::new(2027, 2, 1).unwrap(), wib));
    assert_eq!(to, local_midnight(Date::new(2027, 3, 1).unwrap(), wib));
    assert_eq!(
        cycle_of(
            kemensos,
            local_midnight(Date::new(2026, 12, 31).unwrap(), wib) + 23 * 60 * MINUTE,
            wib
        ),
        Cycle {
            year: 2026,
            month: 12
        }
    );
}

#[test]
fn a_list_of_ten_thousand_cases_is_a_correct_file() {
    let pack = pack("karanganyar");
    let (library, offset) = library_of(&pack);
    let kemensos = list(&pack, "usulan_pbi_jk");
    let niks: Vec<String> = (0..10_000).map(|i| format!("9471015501{:06}", i)).collect();
    let cases: Vec<Case> = niks
        .iter()
        .map(|nik| {
            let id: &'static str = Box::leak(format!("k{nik}").into_boxed_str());
            karanganyar_case(id, nik, "pbi_jk", -3 * 24 * 60)
        })
        .collect();
    let table = list_table(
        kemensos,
        "karanganyar",
        &cases,
        &library,
        offset,
        Cycle {
            year: 2026,
            month: 11,
        },
        header(kemensos),
        &Default::default(),
    );
    assert_eq!(table.len(), 10_000);
    let rows = parse(&table.to_csv());
    assert_eq!(rows.len(), 10_001);
    let mut got: Vec<&str> = rows[1..].iter().map(|r| shown(&r[1])).collect();
    got.sort_unstable();
    assert_eq!(got, niks.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(rows.iter().all(|r| r.len() == kemensos.columns.len()));
    assert_eq!(rows[10_000][0], "10000");
}

#[test]
fn broken_list_definitions_are_refused_with_every_fault() {
    let catalogue = common::shipped_catalogue();
    let mut pack = pack("karanganyar");
    let mut bad = pack.lists[0].clone();
    bad.procedure = "nope".into();
    bad.cutoff_day = Some(32);
    bad.columns.clear();
    let mut dup = pack.lists[1].clone();
    dup.id = pack.lists[0].id.clone();
    dup.node = "nowhere".into();
    pack.lists.push(bad);
    pack.lists.push(dup);
    let problems = validate(&pack, &catalogue);
    let faults: Vec<&ListFault> = problems
        .iter()
        .filter_map(|p| match p {
            PackProblem::BadList { fault, .. } => Some(fault),
            _ => None,
        })
        .collect();
    assert_eq!(
        faults,
        [
            &ListFault::Duplicate,
            &ListFault::UnknownProcedure("nope".into()),
            &ListFault::CutoffOutOfMonth,
            &ListFault::NoColumns,
            &ListFault::Duplicate,
            &ListFault::UnknownNode("nowhere".into()),
        ]
    );
}

#[test]
fn a_cycle_is_named_yyyy_mm_and_read_back() {
    let c = Cycle {
        year: 2026,
        month: 3,
    };
    assert_eq!(c.code(), "2026-03");
    assert_eq!(Cycle::parse("2026-03"), Some(c));
    for bad in ["2026-13", "2026-00", "2026", "x-1", ""] {
        assert_eq!(Cycle::parse(bad), None, "{bad}");
    }
}

#[test]
fn the_plain_file_for_software_has_bare_niks_commas_and_no_bom() {
    use pandu::domain::csv::{Cell, Table};
    let mut t = Table::new(vec!["NIK".into(), "Nama".into(), "Tanggal".into()]);
    t.push(vec![
        Cell::Id("3313014101900002".into()),
        Cell::Text("Sumarni, \"Bu Sum\"".into()),
        Cell::Date(pandu::domain::date::Date::new(2026, 11, 23).unwrap()),
    ])
    .unwrap();
    t.push(vec![
        Cell::Id("0013014101900002".into()),
        Cell::Text("=SUM(A1)".into()),
        Cell::Empty,
    ])
    .unwrap();
    let plain = t.to_plain_csv();
    assert!(
        !plain.starts_with('\u{feff}'),
        "no BOM: software reads the first header as is"
    );
    let rows = parse_with(&plain, ',');
    assert_eq!(rows[0], ["NIK", "Nama", "Tanggal"]);
    assert_eq!(
        rows[1],
        ["3313014101900002", "Sumarni, \"Bu Sum\"", "2026-11-23"]
    );
    assert_eq!(
        rows[2],
        ["0013014101900002", "=SUM(A1)", ""],
        "as typed, leading zeros kept"
    );
    // The spreadsheet file of the same table still defuses and quotes.
    let sheet = parse(&t.to_csv());
    assert_eq!(sheet[1][0], "=\"3313014101900002\"");
    assert_eq!(sheet[2][1], "'=SUM(A1)");
}

#[test]
fn the_xlsx_keeps_identity_numbers_as_text_and_dates_as_dates_for_an_independent_reader() {
    use pandu::domain::csv::{Cell, Table};
    use pandu::domain::date::Date;
    use pandu::domain::xlsx::workbook;
    let mut t = Table::new(vec![
        "No".into(),
        "NIK".into(),
        "Nama".into(),
        "RT".into(),
        "Tanggal".into(),
    ]);
    t.push(vec![
        Cell::Number(1),
        Cell::Id("3313014101900002".into()),
        Cell::Text("Sumarni & <Putri> \"Ayu\"".into()),
        Cell::Id("003".into()),
        Cell::Date(Date::new(2026, 11, 23).unwrap()),
    ])
    .unwrap();
    t.push(vec![
        Cell::Number(2),
        Cell::Id("0013014101900002".into()),
        Cell::Text("=SUM(A1)\u{1}".into()),
        Cell::Empty,
        Cell::Empty,
    ])
    .unwrap();
    let path = std::env::temp_dir().join(format!("pandu-list-{}.xlsx", std::process::id()));
    std::fs::write(&path, workbook(&t, "Usulan PBI-JK 2026/11")).unwrap();
    let out = std::process::Command::new("python3")
        .arg(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/xlsx_reader.py"))
        .arg(&path)
        .output()
        .expect("python3 reads the workbook");
    let _ = std::fs::remove_file(&path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let read: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(
        read["sheet"], "Usulan PBI-JK 202611",
        "a sheet name without '/'"
    );
    assert_eq!(read["frozen"], true, "the header row frozen");
    let rows = read["rows"].as_array().unwrap();
    assert_eq!(
        rows[0][1],
        serde_json::json!(["text", "NIK", true]),
        "a bold header"
    );
    assert_eq!(rows[1][0], serde_json::json!(["number", 1.0, false]));
    assert_eq!(
        rows[1][1],
        serde_json::json!(["text", "3313014101900002", false]),
        "NIK as text, all 16 digits"
    );
    assert_eq!(
        rows[1][2],
        serde_json::json!(["text", "Sumarni & <Putri> \"Ayu\"", false])
    );
    assert_eq!(
        rows[1][3],
        serde_json::json!(["text", "003", false]),
        "RT keeps its zeros"
    );
    // 23 November 2026 is Excel's day 46349.
    assert_eq!(rows[1][4], serde_json::json!(["date", 46349, false]));
    assert_eq!(rows[2][1][1], "0013014101900002");
    assert_eq!(
        rows[2][2],
        serde_json::json!(["text", "=SUM(A1)", false]),
        "a text cell, never a formula"
    );
    assert_eq!(rows[2].as_array().unwrap().len(), 3, "empty cells left out");
}

#[test]
fn banjarbarus_mutation_list_names_the_regency_and_the_day_it_takes_effect() {
    let pack = pack("banjarbaru");
    let (library, offset) = library_of(&pack);
    let bnba = list(&pack, "bnba_mutasi");
    let mut r = Recorder::new("dev", "m1", -10);
    r.created("banjarbaru", "mutation")
        .field(Field::FullName, "Siti Aminah")
        .field(Field::Nik, "6372014101900002")
        .field(Field::Kis, "0001234567890")
        .step("apply")
        .step("kelurahan_letter")
        .step("submit");
    let case = Case::fold(&r.events).unwrap();
    let november = Cycle {
        year: 2026,
        month: 11,
    };
    let table = list_table(
        bnba,
        "banjarbaru",
        &[case],
        &library,
        offset,
        november,
        header(bnba),
        &Default::default(),
    );
    let rows = parse(&table.to_csv());
    assert_eq!(rows.len(), 2, "the case handed over in November");
    let at = |name: &str| rows[0].iter().position(|h| h == name).unwrap();
    assert_eq!(rows[1][at("Regency")], "Kota Banjarbaru");
    assert_eq!(
        rows[1][at("Kis")],
        "=\"0001234567890\"",
        "the KIS number as text, zeros kept"
    );
    assert_eq!(
        rows[1][at("Effective")],
        "2026-12-01",
        "in force from the first of the next month"
    );
}
