//! The words read naturally in both languages, and none is missing.

use super::*;

#[test]
fn spans_and_dates_read_naturally() {
    assert_eq!(span(Lang::Id, 30_000), "< 1 menit");
    assert_eq!(span(Lang::Id, 45 * 60_000), "45 menit");
    assert_eq!(span(Lang::Id, (26 * 60 + 5) * 60_000), "1 hari 2 jam");
    assert_eq!(span(Lang::En, 65 * 60_000), "1 h 5 min");
    assert_eq!(span(Lang::En, -5), "< 1 min");
    let d = Date::new(1990, 1, 1).unwrap();
    assert_eq!(long_date(Lang::Id, d), "1 Januari 1990");
    assert_eq!(long_date(Lang::En, d), "1 January 1990");
    // 2026-11-23 02:05 UTC is 09:05 WIB.
    let at = crate::domain::date::local_midnight(Date::new(2026, 11, 23).unwrap(), 0)
        + (2 * 60 + 5) * 60_000;
    assert_eq!(date_time(Lang::Id, at, 420), "23 November 2026 09:05 WIB");
    // Banjarbaru's time names its zone.
    assert_eq!(date_time(Lang::Id, at, 480), "23 November 2026 10:05 WITA");
    assert_eq!(date_time(Lang::En, at, 540), "23 November 2026 11:05 WIT");
}

#[test]
fn every_id_and_field_problem_has_words_in_both_languages() {
    let problems = [
        IdProblem::WrongLength { length: 12 },
        IdProblem::NotDigits,
        IdProblem::UnknownProvince { code: "00".into() },
        IdProblem::BadRegion,
        IdProblem::ImpossibleBirthDate,
        IdProblem::BirthDateInFuture,
        IdProblem::ZeroSerial,
    ];
    for lang in Lang::ALL {
        let words: Vec<String> = problems.iter().map(|p| id_problem(lang, p)).collect();
        let mut unique = words.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), words.len(), "{lang:?}: {words:?}");
        assert!(id_problem(lang, &problems[0]).contains("12"));
        for f in Field::ALL {
            assert!(!field_label(lang, f).is_empty());
        }
        assert_eq!(
            field_problem(lang, &FieldProblem::Id(problems.to_vec())).len(),
            7
        );
    }
    assert_ne!(
        photo_problem(Lang::Id, &PhotoProblem::NotImage),
        photo_problem(Lang::En, &PhotoProblem::NotImage)
    );
}

#[test]
fn every_message_has_text_in_both_languages() {
    for &m in Msg::ALL {
        for lang in Lang::ALL {
            assert!(!t(lang, m).trim().is_empty(), "{m:?} is empty in {lang:?}");
        }
    }
    for &m in OfficeMsg::ALL {
        for lang in Lang::ALL {
            assert!(!t(lang, m).trim().is_empty(), "{m:?} is empty in {lang:?}");
        }
    }
}

#[test]
fn indonesian_is_the_default_and_differs_from_english() {
    assert_eq!(Lang::default(), Lang::Id);
    let same: Vec<_> = Msg::ALL
        .iter()
        .filter(|&&m| t(Lang::Id, m) == t(Lang::En, m))
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
    let same: Vec<_> = OfficeMsg::ALL
        .iter()
        .filter(|&&m| t(Lang::Id, m) == t(Lang::En, m))
        .collect();
    assert!(same.is_empty(), "untranslated: {same:?}");
}

#[test]
fn language_codes_round_trip_and_unknown_falls_back_to_indonesian() {
    for lang in Lang::ALL {
        assert_eq!(Lang::from_code(lang.code()), lang);
    }
    assert_eq!(Lang::from_code("fr"), Lang::Id);
    assert_eq!(Lang::from_code(""), Lang::Id);
}

#[test]
fn every_storage_problem_has_distinct_words() {
    let problems = [
        StorageProblem::Unsupported,
        StorageProblem::Denied("x".into()),
        StorageProblem::QuotaExceeded,
        StorageProblem::VersionTooNew,
        StorageProblem::Blocked,
        StorageProblem::Closed,
        StorageProblem::Corrupt("x".into()),
        StorageProblem::Other("x".into()),
    ];
    for lang in Lang::ALL {
        let mut texts: Vec<_> = problems.iter().map(|p| storage_problem(lang, p)).collect();
        texts.sort();
        texts.dedup();
        assert_eq!(
            texts.len(),
            problems.len(),
            "two problems share words in {lang:?}"
        );
    }
    assert!(storage_problem(Lang::Id, &StorageProblem::QuotaExceeded).contains("penuh"));
}

#[test]
fn bytes_use_the_languages_decimal_separator() {
    for (lang, bytes, expected) in [
        (Lang::Id, 0, "0 B"),
        (Lang::Id, 1023, "1023 B"),
        (Lang::Id, 1536, "1,5 KB"),
        (Lang::En, 1536, "1.5 KB"),
        (Lang::En, 5 * 1024 * 1024 * 1024, "5.0 GB"),
    ] {
        assert_eq!(format_bytes(lang, bytes), expected);
    }
    assert_eq!(
        storage_usage(Lang::Id, 1536, 1024 * 1024),
        "1,5 KB dari 1,0 MB terpakai (0,1%)"
    );
    assert_eq!(storage_usage(Lang::En, 0, 0), "0 B of 0 B used (0.0%)");
}

#[test]
fn case_count_agrees_in_number() {
    assert_eq!(case_count(Lang::Id, 1), "1 kasus");
    assert_eq!(case_count(Lang::En, 1), "1 case");
    assert_eq!(case_count(Lang::En, 2), "2 cases");
}

#[test]
fn time_standards_read_as_the_sop_writes_them() {
    use TimeStandard::*;
    let minutes = |n| Duration {
        amount: n,
        max: None,
        unit: TimeUnit::Minutes,
    };
    for (time, id, en) in [
        (minutes(10), "10 menit", "10 minutes"),
        (minutes(1), "1 menit", "1 minute"),
        (
            Duration {
                amount: 2,
                max: Some(3),
                unit: TimeUnit::Hours,
            },
            "2\u{2013}3 jam",
            "2\u{2013}3 hours",
        ),
        (
            Duration {
                amount: 1,
                max: None,
                unit: TimeUnit::Months,
            },
            "1 bulan",
            "1 month",
        ),
        (
            MonthWindow {
                from_day: 1,
                to_day: 15,
            },
            "Tanggal 1\u{2013}15 setiap bulan",
            "Day 1\u{2013}15 of each month",
        ),
        (
            MonthlyCutoff { day: 25 },
            "Paling lambat tanggal 25; berlaku tanggal 1 bulan berikutnya",
            "By day 25 of the month; effective the 1st of the next month",
        ),
        (SameDay, "Hari yang sama", "Same day"),
    ] {
        assert_eq!(time_standard(Lang::Id, &time), id);
        assert_eq!(time_standard(Lang::En, &time), en);
    }
}

#[test]
fn pack_problems_say_where_in_both_languages() {
    let p = PackProblem::UnknownRole {
        procedure: "enrolment".into(),
        node: "s1".into(),
        role: "lurah".into(),
    };
    assert_eq!(pack_problem(Lang::Id, &p), "Prosedur \u{ab}enrolment\u{bb}, simpul \u{ab}s1\u{bb}: peran \u{ab}lurah\u{bb} tidak ada di daftar pelaksana.");
    assert_eq!(pack_problem(Lang::En, &p), "Procedure \u{ab}enrolment\u{bb}, node \u{ab}s1\u{bb}: role \u{ab}lurah\u{bb} is not among the roles.");
    let m = PackProblem::Malformed {
        line: 3,
        column: 7,
        message: "missing field `version`".into(),
    };
    assert!(pack_problem(Lang::Id, &m).starts_with("Baris 3, kolom 7"));
    let t = PackProblem::BadTime {
        procedure: "p".into(),
        node: "a".into(),
        reason: TimeProblem::WindowReversed,
    };
    assert!(pack_problem(Lang::Id, &t).ends_with("tanggal awal sesudah tanggal akhir."));
    for o in [
        Outcome::Served,
        Outcome::Proposed,
        Outcome::Recommended,
        Outcome::Returned,
        Outcome::Refused,
        Outcome::Completed,
    ] {
        assert_ne!(outcome(Lang::Id, o), outcome(Lang::En, o));
    }
}
