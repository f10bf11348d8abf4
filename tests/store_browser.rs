//! The `store` module against a real IndexedDB in headless Chromium
//! (wasm-bindgen-test through chromedriver). Each test uses its own
//! throwaway database and deletes it.
#![cfg(target_arch = "wasm32")]

use pandu::domain::case::{CaseStatus, CaseSummary};
use pandu::domain::profile::Profile;
use pandu::domain::storage::StorageProblem;
use pandu::store::db::{stores, Db, SCHEMA_VERSION};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn case(id: &str, nik: &str, status: CaseStatus, updated_at: f64) -> CaseSummary {
    CaseSummary {
        id: id.into(),
        procedure_id: "purwakarta.enrolment".into(),
        applicant_name: format!("Pemohon {id}"),
        nik: nik.into(),
        status,
        updated_at,
        rank: -updated_at,
        created_at: updated_at,
        node: "bring_letter".into(),
        outcome: None,
        words: vec!["pemohon".into(), id.to_lowercase()],
        origin: String::new(),
        lane: "pemohon".into(),
        due: updated_at + 600_000.0,
        deadline: Some(updated_at + 600_000.0),
        since: updated_at,
        village: String::new(),
        on_time: Vec::new(),
        over: Vec::new(),
        merged_into: None,
        settled: false,
        answer: None,
        answer_reason: None,
    }
}

async fn fresh(name: &str) -> Db {
    let _ = Db::delete(name).await;
    Db::open(name, SCHEMA_VERSION)
        .await
        .expect("open a throwaway database")
}

#[wasm_bindgen_test]
async fn schema_has_every_store_and_the_indexes_later_issues_need() {
    let db = fresh("pandu-test-schema").await;
    let mut expected: Vec<String> = stores::ALL.iter().map(|s| s.to_string()).collect();
    expected.sort();
    assert_eq!(db.store_names(), expected);
    assert_eq!(
        db.index_names(stores::CASES).unwrap(),
        [
            "by_lane",
            "by_nik",
            "by_origin",
            "by_procedure_recent",
            "by_procedure_status_recent",
            "by_recent",
            "by_status_recent",
            "by_word"
        ]
    );
    assert_eq!(
        db.index_names(stores::CASE_EVENTS).unwrap(),
        ["by_case", "by_cases"]
    );
    assert_eq!(db.index_names(stores::ATTACHMENTS).unwrap(), ["by_case"]);
    db.close();
    Db::delete("pandu-test-schema").await.unwrap();
}

#[wasm_bindgen_test]
async fn probe_leaves_no_trace_and_profile_round_trips() {
    let db = fresh("pandu-test-profile").await;
    db.probe().await.expect("a writable database");
    assert_eq!(
        db.profile().await.unwrap(),
        None,
        "the probe must not leave records behind"
    );
    let profile = Profile {
        device_name: "HP Desa Sukamaju".into(),
        officer_name: "Siti Aminah".into(),
        village_code: "32.14.01.2001".into(),
    };
    db.save_profile(&profile).await.unwrap();
    db.probe().await.unwrap();
    assert_eq!(
        db.profile().await.unwrap(),
        Some(profile.clone()),
        "probe kept the profile"
    );
    db.close();

    // A new connection (as after a reload) sees the same record.
    let again = Db::open("pandu-test-profile", SCHEMA_VERSION)
        .await
        .unwrap();
    assert_eq!(again.profile().await.unwrap(), Some(profile));
    again.close();
    Db::delete("pandu-test-profile").await.unwrap();
}

#[wasm_bindgen_test]
async fn cases_are_paged_newest_first_without_loading_all() {
    let db = fresh("pandu-test-cases").await;
    assert_eq!(db.count_cases().await.unwrap(), 0);
    let rows: Vec<_> = (0..25)
        .map(|i| {
            case(
                &format!("c{i:02}"),
                "3214014101900001",
                CaseStatus::Draft,
                1_700_000_000_000.0 + i as f64,
            )
        })
        .collect();
    db.put_cases(&rows).await.unwrap();
    // A Papua NIK (above 2^53) must come back digit for digit.
    db.put_cases(&[case(
        "papua",
        "9471015501990003",
        CaseStatus::Finished,
        1_800_000_000_000.0,
    )])
    .await
    .unwrap();

    assert_eq!(db.count_cases().await.unwrap(), 26);
    let first = db.recent_cases(0, 10).await.unwrap();
    assert_eq!(first.len(), 10);
    assert_eq!(first[0].id, "papua");
    assert_eq!(first[0].nik, "9471015501990003");
    assert_eq!(first[1].id, "c24");
    let ids: Vec<_> = first.iter().map(|c| c.id.as_str()).collect();
    assert_eq!(&ids[1..4], ["c24", "c23", "c22"]);
    let second = db.recent_cases(10, 10).await.unwrap();
    assert_eq!(second[0].id, "c15");
    let last = db.recent_cases(20, 10).await.unwrap();
    assert_eq!(last.len(), 6, "the last page holds what is left");
    db.close();
    Db::delete("pandu-test-cases").await.unwrap();
}

#[wasm_bindgen_test]
async fn every_row_is_streamed_once_a_page_at_a_time_for_the_dashboard() {
    let db = fresh("pandu-test-each").await;
    let rows: Vec<_> = (0..250)
        .map(|i| {
            let mut r = case(
                &format!("c{i:03}"),
                "3214014101900001",
                CaseStatus::Draft,
                1_700_000_000_000.0 + i as f64,
            );
            r.village = if i % 2 == 0 { "Jaten" } else { "Tasikmadu" }.into();
            r
        })
        .collect();
    db.put_cases(&rows).await.unwrap();
    let mut seen = Vec::new();
    let pages = std::cell::RefCell::new(Vec::new());
    let n = db
        .each_case(
            100,
            |r| seen.push((r.id.clone(), r.village.clone())),
            |read| pages.borrow_mut().push(read),
        )
        .await
        .unwrap();
    assert_eq!(n, 250);
    assert_eq!(pages.into_inner(), [100, 200, 250]);
    let expected: Vec<_> = rows
        .iter()
        .map(|r| (r.id.clone(), r.village.clone()))
        .collect();
    assert_eq!(seen, expected, "each row once, in id order, village kept");
    db.close();
    Db::delete("pandu-test-each").await.unwrap();
}

#[wasm_bindgen_test]
async fn a_lane_is_read_oldest_due_first_through_its_index_and_staff_and_their_log_round_trip() {
    let db = fresh("pandu-test-lanes").await;
    let at = |id: &str, lane: &str, due: f64| {
        let mut r = case(id, "3214014101900001", CaseStatus::Acknowledged, 1.0e12);
        r.lane = lane.into();
        r.due = due;
        r.deadline = Some(due);
        r
    };
    db.put_cases(&[
        at("late", "operator", 1.0e12),
        at("later", "operator", 3.0e12),
        at("soon", "operator", 2.0e12),
        at("kabid", "kabid", 0.5e12),
        at("ended", "", 0.1e12),
    ])
    .await
    .unwrap();
    let (rows, total) = db.lane("operator", 2).await.unwrap();
    let ids: Vec<&str> = rows.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["late", "soon"], "oldest due first, only the page");
    assert_eq!(total, 3);
    let (rows, total) = db.lane("kabid", 10).await.unwrap();
    assert_eq!((rows.len(), total, rows[0].id.as_str()), (1, 1, "kabid"));
    assert_eq!(db.lane("kadis", 10).await.unwrap(), (Vec::new(), 0));

    // Before the first PIN nothing can be checked and nothing is stored.
    assert_eq!(db.staff().await.unwrap(), Vec::new());
    assert_eq!(
        db.save_staff(&[]).await.err(),
        Some(pandu::domain::storage::StorageProblem::Locked),
        "no staff is written without the vault"
    );
    db.set_pin("731904", "731904").await.unwrap();
    db.create_office("32.14", "Dinas Sosial", "purwakarta", 1)
        .await
        .unwrap();
    let rina = pandu::domain::staff::NewStaff {
        name: "Bu Rina".into(),
        role: "kabid".into(),
        pin: "2468".into(),
        pin_again: "2468".into(),
        ..Default::default()
    }
    .member("s1".into(), b"salt");
    db.save_staff(std::slice::from_ref(&rina)).await.unwrap();
    let back = db.staff().await.unwrap();
    assert_eq!(back, std::slice::from_ref(&rina));
    assert!(back[0].pin_matches("2468"));

    // A change: the staff and its log line together, the log appended to.
    use pandu::domain::staff::{StaffAction, StaffLogEntry};
    assert_eq!(db.staff_log().await.unwrap().entries, Vec::new());
    let line = |at: i64, action| StaffLogEntry {
        at,
        action,
        member: "s1".into(),
        name: "Bu Rina".into(),
        role: "kabid".into(),
        by: "k1".into(),
        by_name: "Bu Kadis".into(),
    };
    db.save_staff_change(&[], &line(1, StaffAction::Removed))
        .await
        .unwrap();
    assert_eq!(db.staff().await.unwrap(), Vec::new());
    db.save_staff_change(std::slice::from_ref(&rina), &line(2, StaffAction::Added))
        .await
        .unwrap();
    assert_eq!(db.staff().await.unwrap(), [rina]);
    let log = db.staff_log().await.unwrap();
    assert!(log.trusted);
    assert_eq!(
        log.entries,
        [line(1, StaffAction::Removed), line(2, StaffAction::Added)]
    );
    db.close();
    Db::delete("pandu-test-lanes").await.unwrap();
}

#[wasm_bindgen_test]
async fn the_upgrade_drops_the_list_indexes_version_6_replaced_and_keeps_the_rows() {
    let name = "pandu-test-v5";
    let _ = Db::delete(name).await;
    raw::call("v5", name, 5).await;
    let db = Db::open(name, SCHEMA_VERSION).await.unwrap();
    let names = db.index_names(stores::CASES).unwrap();
    for gone in ["by_status", "by_updated", "by_procedure"] {
        assert!(!names.iter().any(|n| n == gone), "{gone} in {names:?}");
    }
    let rows = db.recent_cases(0, 10).await.unwrap();
    assert_eq!(rows.len(), 1);
    assert_eq!(rows[0].id, "old");
    assert_eq!(rows[0].status, CaseStatus::Finished);
    // Counts come from the composite indexes now.
    let (statuses, procedures) = db.case_counts(&["p.q".to_string()]).await.unwrap();
    assert!(statuses.contains(&(CaseStatus::Finished, 1)));
    assert!(statuses.contains(&(CaseStatus::Draft, 0)));
    assert_eq!(procedures, vec![("p.q".to_string(), 1)]);
    assert_eq!(db.sendable_cases().await.unwrap().len(), 1);
    db.close();
    Db::delete(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn a_newer_database_is_refused_with_a_reason_and_left_intact() {
    let name = "pandu-test-newer";
    let _ = Db::delete(name).await;
    let newer = Db::open(name, SCHEMA_VERSION + 1).await.unwrap();
    newer
        .save_profile(&Profile {
            device_name: "d".into(),
            officer_name: "o".into(),
            village_code: String::new(),
        })
        .await
        .unwrap();
    newer.close();

    match Db::open(name, SCHEMA_VERSION).await {
        Err(problem) => assert_eq!(problem, StorageProblem::VersionTooNew),
        Ok(_) => panic!("opening an older schema over newer data must fail"),
    }
    let still = Db::open(name, SCHEMA_VERSION + 1).await.unwrap();
    assert!(
        still.profile().await.unwrap().is_some(),
        "the refused open touched nothing"
    );
    still.close();
    Db::delete(name).await.unwrap();
}

#[wasm_bindgen_test]
async fn an_upgrade_blocked_by_another_connection_waits_instead_of_failing() {
    use futures::future::{select, Either};
    let name = "pandu-test-blocked";
    let _ = Db::delete(name).await;
    // An "old tab": a raw connection at version 1 that ignores versionchange.
    let old = raw::call("open", name, 1).await;
    let upgrade = Box::pin(Db::open(name, SCHEMA_VERSION + 1));
    let pending = match select(upgrade, Box::pin(raw::sleep(1500))).await {
        Either::Left(_) => panic!("the upgrade must wait while the old connection is open"),
        Either::Right((_, pending)) => pending,
    };
    raw::close(&old);
    let db = pending
        .await
        .expect("the upgrade goes on once the old tab let go");
    assert!(db.store_names().contains(&stores::CASES.to_string()));
    db.close();
    Db::delete(name).await.unwrap();
}

/// Plain IndexedDB and timers, written in JavaScript so the test can act
/// as another tab would, outside the store module.
mod raw {
    use js_sys::{Function, Promise, Reflect};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;

    const JS: &str = r#"
        if (op === "v5") return new Promise((resolve, reject) => {
            // A list as schema version 5 had it, with one row.
            const r = indexedDB.open(name, 5);
            r.onupgradeneeded = () => {
                const s = r.result.createObjectStore("cases", { keyPath: "id" });
                s.createIndex("by_status", "status");
                s.createIndex("by_updated", "updated_at");
                s.createIndex("by_procedure", "procedure_id");
                s.createIndex("by_recent", "rank");
                s.createIndex("by_status_recent", ["status", "rank"]);
                s.createIndex("by_procedure_recent", ["procedure_id", "rank"]);
                s.put({ id: "old", procedure_id: "p.q", applicant_name: "Siti", nik: "", status: "finished",
                        updated_at: 5, rank: -5, created_at: 1, node: "n", outcome: null, words: ["siti"] });
            };
            r.onsuccess = () => { r.result.close(); resolve(true); };
            r.onerror = () => reject(r.error);
        });
        if (op === "put" || op === "delete") return new Promise((resolve, reject) => {
            // What another page of the same site can do to a store.
            const r = indexedDB.open(name);
            r.onsuccess = () => {
                const tx = r.result.transaction(version, "readwrite");
                const s = tx.objectStore(version);
                if (op === "put") s.put(JSON.parse(arg)); else s.delete(arg);
                tx.oncomplete = () => { r.result.close(); resolve(true); };
                tx.onerror = () => reject(tx.error);
            };
            r.onerror = () => reject(r.error);
        });
        if (op === "open") return new Promise((resolve, reject) => {
            const r = indexedDB.open(name, version);
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
        });
        return new Promise((resolve) => setTimeout(resolve, version));
    "#;

    pub async fn call(op: &str, name: &str, version: u32) -> JsValue {
        call_with(op, name, &version.into(), "").await
    }

    async fn call_with(op: &str, name: &str, version: &JsValue, arg: &str) -> JsValue {
        let f = Function::new_with_args("op, name, version, arg", JS);
        let p = f
            .call4(
                &JsValue::NULL,
                &op.into(),
                &name.into(),
                version,
                &arg.into(),
            )
            .expect("call the helper");
        JsFuture::from(p.unchecked_into::<Promise>())
            .await
            .expect("the helper resolves")
    }

    /// Puts `json` into `store` of database `name`, as another page could.
    pub async fn put(name: &str, store: &str, json: &str) {
        call_with("put", name, &store.into(), json).await;
    }

    /// Deletes `key` from `store`, as another page could.
    pub async fn delete(name: &str, store: &str, key: &str) {
        call_with("delete", name, &store.into(), key).await;
    }

    pub async fn sleep(ms: u32) {
        call("sleep", "", ms).await;
    }

    pub fn close(db: &JsValue) {
        let close: Function = Reflect::get(db, &"close".into()).unwrap().unchecked_into();
        close.call0(db).unwrap();
    }
}

mod capture {
    use super::*;
    use pandu::domain::applicant::Field;
    use pandu::domain::case::{Case, Event, EventKind};
    use pandu::domain::photo::{PhotoProblem, MAX_SIDE, MAX_STORED_BYTES};
    use pandu::store::cases::ListQuery;
    use pandu::store::photos;
    use wasm_bindgen::JsCast;

    fn event(case: &str, n: i64, kind: EventKind) -> Event {
        Event {
            verbatim: None,
            id: format!("dev-{case}-{n}"),
            case_id: case.into(),
            at: 1_700_000_000_000 + n,
            device: "dev".into(),
            officer: "Ibu Sari".into(),
            role: None,
            kind,
        }
    }

    fn created(case: &str) -> Event {
        event(
            case,
            0,
            EventKind::Created {
                pack: "purwakarta".into(),
                version: 1,
                procedure: "enrolment".into(),
            },
        )
    }

    fn name(case: &str, n: i64, value: &str) -> Event {
        event(
            case,
            n,
            EventKind::FieldSet {
                field: Field::FullName,
                value: value.into(),
            },
        )
    }

    #[wasm_bindgen_test]
    async fn events_and_the_list_row_are_written_together_and_read_back_in_order() {
        let db = fresh("pandu-test-events").await;
        let mut history = vec![
            created("a"),
            name("a", 2, "Siti Aminah"),
            name("a", 1, "Siti"),
        ];
        let case = Case::fold(&history).unwrap();
        db.append(&history, &case.summary(None), None)
            .await
            .unwrap();
        // Another case's events stay out of this one's history.
        let other = vec![created("b")];
        db.append(&other, &Case::fold(&other).unwrap().summary(None), None)
            .await
            .unwrap();
        // Writing the same event again changes nothing.
        db.append(&history[1..2], &case.summary(None), None)
            .await
            .unwrap();

        let back = db.case_events("a").await.unwrap();
        history.sort_by_key(|e| e.at);
        assert_eq!(back, history, "all three, in time order, once");
        assert_eq!(Case::fold(&back).unwrap().applicant.name(), "Siti Aminah");
        let rows = db.cases_with_nik("").await.unwrap();
        assert!(rows.is_empty(), "an empty NIK matches nothing");
        db.close();
        Db::delete("pandu-test-events").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_procedures_cases_changed_since_a_time_are_read_whole() {
        let db = fresh("pandu-test-changed").await;
        // "old" was last changed at +1 ms, "new" at +50 ms, "late" at +90.
        for (case, last) in [("old", 1), ("new", 50), ("late", 90)] {
            let history = vec![created(case), name(case, last, case)];
            let row = Case::fold(&history).unwrap().summary(None);
            db.append(&history, &row, None).await.unwrap();
        }
        let since = 1_700_000_000_000.0 + 50.0;
        let mut cases = db
            .cases_changed_since("purwakarta.enrolment", since)
            .await
            .unwrap();
        cases.sort_by(|a, b| a.id.cmp(&b.id));
        let ids: Vec<&str> = cases.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, ["late", "new"], "changed at or after the time");
        assert_eq!(cases[1].events.len(), 2, "each history whole");
        assert_eq!(cases[1].applicant.name(), "new");
        assert!(db
            .cases_changed_since("karanganyar.pbi_pbpu_proposal", 0.0)
            .await
            .unwrap()
            .is_empty());
        db.close();
        Db::delete("pandu-test-changed").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn letters_take_the_registers_next_number_once_each_with_their_event() {
        use pandu::domain::register::{issue, Issue};
        let db = fresh("pandu-test-register").await;
        let history = vec![created("a")];
        let row = Case::fold(&history).unwrap().summary(None);
        db.append(&history, &row, None).await.unwrap();
        // The letter as issued, signer included (its fields do not matter here).
        let paper = |number: &str| pandu::domain::letters::Letter {
            letter: "rekomendasi".into(),
            case_id: "a".into(),
            number: number.into(),
            head: vec![],
            address: None,
            to: vec![],
            subject: "Rekomendasi".into(),
            paragraphs: vec![],
            facts: vec![],
            closing: None,
            place_date: "Painan".into(),
            signer: "Kepala Dinas".into(),
            signed_by: Some(pandu::domain::staff::Signer {
                name: "Bu Kadis".into(),
                rank: String::new(),
                nip: "197205141998031004".into(),
            }),
            attachment: None,
        };
        let give = |n: i64| {
            let (db, row) = (&db, row.clone());
            async move {
                db.issue_letter(|entries| {
                    let entry = issue(
                        entries,
                        &Issue {
                            format: "400.9/{seq:3}/Dinsos/{month_roman}/{year}",
                            case_id: "a",
                            letter: "rekomendasi",
                            at: 1_700_000_000_000 + n,
                            offset: 420,
                            officer: "Bu Kadis",
                            applicant: "",
                            nik: "",
                        },
                    )
                    .map_err(|_| "format")?;
                    let event = event(
                        "a",
                        n,
                        EventKind::LetterIssued {
                            letter: "rekomendasi".into(),
                            number: entry.number.clone(),
                            digest: "00".into(),
                        },
                    );
                    let letter = paper(&entry.number);
                    Ok::<_, &str>((entry, event, row, letter))
                })
                .await
                .unwrap()
                .unwrap()
            }
        };
        // Two at once (two tabs): each its own number.
        let (one, two) = futures::join!(give(10), give(20));
        let mut numbers = vec![one.0.number, two.0.number];
        numbers.sort();
        assert_eq!(
            numbers,
            ["400.9/001/Dinsos/XI/2023", "400.9/002/Dinsos/XI/2023"]
        );
        // A refused letter writes nothing and uses no number.
        let refused = db
            .issue_letter(|_| {
                Err::<(_, Event, _, pandu::domain::letters::Letter), _>("missing address")
            })
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err(), "missing address");
        let register = db.register().await.unwrap();
        assert_eq!(register.iter().map(|e| e.seq).collect::<Vec<_>>(), [1, 2]);
        let back = db.case_events("a").await.unwrap();
        assert_eq!(back.len(), 3, "created and the two letters");
        // Each letter is kept as issued, under its number.
        for n in &numbers {
            assert_eq!(db.letter_sheet(n).await.unwrap(), Some(paper(n)));
        }
        assert_eq!(
            db.letter_sheet("400.9/009/Dinsos/XI/2023").await.unwrap(),
            None
        );
        // A decree's number: the register and the sheet it numbers, kept
        // under the number, after the letters'.
        let sheet = |number: &str| pandu::domain::letters::Decree {
            decree: "lampiran".into(),
            cycle: "2023-11".into(),
            number: number.into(),
            head: vec!["PEMERINTAH KOTA BANJARBARU".into()],
            address: None,
            heading: vec![],
            subject: "DAFTAR".into(),
            columns: vec!["No".into(), "NIK".into()],
            rows: vec![vec!["1".into(), "6372014101900002".into()]],
            place_date: "Banjarbaru".into(),
            signer: "Kepala Dinas".into(),
            signed_by: None,
        };
        let decree = db
            .issue_decree(|entries| {
                let mut e = issue(
                    entries,
                    &Issue {
                        format: "400.9/{seq:3}/Dinsos/{month_roman}/{year}",
                        case_id: "lampiran:2023-11",
                        letter: "lampiran",
                        at: 1_700_000_000_030,
                        offset: 420,
                        officer: "Bu Kadis",
                        applicant: "Lampiran",
                        nik: "",
                    },
                )
                .map_err(|_| "format")?;
                let made = sheet(&e.number);
                e.digest = made.digest();
                Ok::<_, &str>((e, made))
            })
            .await
            .unwrap()
            .unwrap();
        assert_eq!(decree.number, "400.9/003/Dinsos/XI/2023");
        let register = db.register().await.unwrap();
        assert_eq!(
            register[2].digest,
            sheet(&decree.number).digest(),
            "the digest is kept"
        );
        assert_eq!(
            db.decree_sheet(&decree.number).await.unwrap(),
            Some(sheet(&decree.number)),
            "the sheet is kept as numbered"
        );
        // A refused one keeps no sheet and spends no number.
        let refused = db
            .issue_decree(|_| Err::<(_, pandu::domain::letters::Decree), _>("empty"))
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err(), "empty");
        assert_eq!(db.register().await.unwrap().len(), 3);
        assert_eq!(
            db.case_events("a").await.unwrap().len(),
            3,
            "no case touched"
        );
        db.close();
        Db::delete("pandu-test-register").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_cycle_letter_gives_every_listed_case_its_event_in_one_transaction() {
        use pandu::domain::letters::{Attachment, Letter};
        use pandu::domain::qrcheck::Verdict;
        use pandu::domain::register::{issue, Issue};
        let db = fresh("pandu-test-cycle-letter").await;
        for id in ["k1", "k2"] {
            let history = vec![created(id)];
            let row = Case::fold(&history).unwrap().summary(None);
            db.append(&history, &row, None).await.unwrap();
        }
        let key = "permohonan_usulan:2023-11:pbi_jk";
        let make = |entries: &[pandu::domain::register::RegisterEntry]| {
            let mut entry = issue(
                entries,
                &Issue {
                    format: "460/{seq:3}/Dinsos/{month_roman}/{year}",
                    case_id: key,
                    letter: "permohonan_usulan",
                    at: 1_700_000_000_100,
                    offset: 420,
                    officer: "Pak Operator",
                    applicant: "PBI-JK",
                    nik: "",
                },
            )
            .map_err(|_| "format")?;
            let letter = Letter {
                letter: "permohonan_usulan".into(),
                case_id: key.into(),
                number: entry.number.clone(),
                head: vec![],
                address: None,
                to: vec!["Yth. Menteri Sosial".into()],
                subject: "Permohonan".into(),
                paragraphs: vec![],
                facts: vec![],
                closing: None,
                place_date: "Karanganyar".into(),
                signer: "Kepala Dinas".into(),
                signed_by: None,
                attachment: Some(Attachment {
                    title: "Daftar".into(),
                    columns: vec!["No".into(), "Nama".into()],
                    rows: vec![vec!["1".into(), "k1".into()], vec!["2".into(), "k2".into()]],
                    cases: vec!["k1".into(), "k2".into()],
                }),
            };
            entry.digest = letter.digest();
            let cases = ["k1", "k2"]
                .iter()
                .enumerate()
                .map(|(i, id)| {
                    let e = event(
                        id,
                        100 + i as i64,
                        EventKind::LetterIssued {
                            letter: "permohonan_usulan".into(),
                            number: entry.number.clone(),
                            digest: entry.digest.clone(),
                        },
                    );
                    let all = vec![created(id), e.clone()];
                    (e, Case::fold(&all).unwrap().summary(None))
                })
                .collect();
            Ok::<_, &str>((entry, cases, letter))
        };
        // A refused letter touches no case and spends no number.
        let refused = db
            .issue_for_cases(|_| Err::<(_, Vec<(Event, _)>, Letter), _>("no signer"))
            .await
            .unwrap();
        assert_eq!(refused.unwrap_err(), "no signer");
        assert!(db.register().await.unwrap().is_empty());
        let (entry, events) = db.issue_for_cases(make).await.unwrap().unwrap();
        assert_eq!(entry.number, "460/001/Dinsos/XI/2023");
        assert_eq!(events.len(), 2);
        for id in ["k1", "k2"] {
            let back = db.case_events(id).await.unwrap();
            assert!(
                matches!(&back[1].kind, EventKind::LetterIssued { number, .. } if *number == entry.number),
                "{id} has the letter's event"
            );
        }
        // Kept as issued; its QR is genuine against the register's digest.
        let kept = db.letter_sheet(&entry.number).await.unwrap().unwrap();
        assert_eq!(kept.digest(), entry.digest);
        assert!(matches!(
            db.check_qr(&kept.qr_text()).await.unwrap(),
            Verdict::Genuine(_)
        ));
        let mut altered = kept.clone();
        altered.attachment.as_mut().unwrap().rows[1][1] = "k3".into();
        assert!(matches!(
            db.check_qr(&altered.qr_text()).await.unwrap(),
            Verdict::Altered(_)
        ));
        db.close();
        Db::delete("pandu-test-cycle-letter").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_duplicates_decision_writes_both_cases_in_one_transaction() {
        let db = fresh("pandu-test-decision").await;
        let (a, b) = (vec![created("a")], vec![created("b")]);
        for h in [&a, &b] {
            let row = Case::fold(h).unwrap().summary(None);
            db.append(h, &row, None).await.unwrap();
        }
        let merged = event("a", 5, EventKind::Merged { from: "b".into() });
        let into = event("b", 6, EventKind::MergedInto { case: "a".into() });
        let fold = |h: &[Event], e: &Event| {
            let mut all = h.to_vec();
            all.push(e.clone());
            Case::fold(&all).unwrap().summary(None)
        };
        db.append_cases(&[
            (vec![merged.clone()], fold(&a, &merged)),
            (vec![into.clone()], fold(&b, &into)),
        ])
        .await
        .unwrap();
        assert_eq!(db.case_events("a").await.unwrap().last(), Some(&merged));
        assert_eq!(db.case_events("b").await.unwrap().last(), Some(&into));
        let mut seen = Vec::new();
        db.each_case(10, |r| seen.push((r.id.clone(), r.settled)), |_| {})
            .await
            .unwrap();
        assert_eq!(seen, [("a".to_string(), false), ("b".to_string(), true)]);
        db.close();
        Db::delete("pandu-test-decision").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn strict_writes_land_like_the_others() {
        let db = fresh("pandu-test-strict").await;
        let history = vec![created("s"), name("s", 1, "Budi")];
        let row = Case::fold(&history).unwrap().summary(None);
        db.append_strict(&history, &row).await.unwrap();
        assert_eq!(db.case_events("s").await.unwrap(), history);
        assert_eq!(db.recent_cases(0, 5).await.unwrap(), vec![row]);
        db.close();
        Db::delete("pandu-test-strict").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn the_working_list_puts_what_needs_the_officer_first_and_leaves_archived_out() {
        let db = fresh("pandu-test-working").await;
        let rows: Vec<CaseSummary> = [
            ("sent", CaseStatus::Sent, 5.0),
            ("draft", CaseStatus::Draft, 2.0),
            ("returned", CaseStatus::Returned, 1.0),
            ("archived", CaseStatus::Archived, 9.0),
            ("received", CaseStatus::Acknowledged, 7.0),
            ("ready", CaseStatus::Finished, 3.0),
        ]
        .into_iter()
        .map(|(id, st, at)| case(id, "3214014101900002", st, 1_700_000_000_000.0 + at))
        .collect();
        db.put_cases(&rows).await.unwrap();
        let q = |status: Option<CaseStatus>| ListQuery {
            search: String::new(),
            procedure: None,
            status,
            offset: 0,
            limit: 20,
        };
        let working = db.list_cases(&q(None)).await.unwrap();
        assert_eq!(
            working
                .rows
                .iter()
                .map(|r| r.id.as_str())
                .collect::<Vec<_>>(),
            ["returned", "draft", "ready", "sent", "received"],
            "returned, drafts and ready cases first; archived left out"
        );
        let archived = db.list_cases(&q(Some(CaseStatus::Archived))).await.unwrap();
        assert_eq!(
            archived.rows.len(),
            1,
            "archived cases stay reachable by their filter"
        );
        db.close();
        Db::delete("pandu-test-working").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn the_list_filters_searches_and_counts_through_indexes() {
        let db = fresh("pandu-test-list").await;
        let mut rows = Vec::new();
        for i in 0..30u32 {
            let mut r = case(
                &format!("c{i:02}"),
                &format!("32140141019{i:05}"),
                if i % 3 == 0 {
                    CaseStatus::Finished
                } else {
                    CaseStatus::Draft
                },
                1_700_000_000_000.0 + f64::from(i),
            );
            if i % 2 == 0 {
                r.procedure_id = "karanganyar.pbi_pbpu_proposal".into();
            }
            r.applicant_name = if i == 7 {
                "Siti Aminah".into()
            } else {
                format!("Warga {i}")
            };
            r.words = pandu::domain::applicant::name_words(&r.applicant_name);
            rows.push(r);
        }
        db.put_cases(&rows).await.unwrap();

        let q = |search: &str, procedure: Option<&str>, status: Option<CaseStatus>| ListQuery {
            search: search.into(),
            procedure: procedure.map(str::to_string),
            status,
            offset: 0,
            limit: 5,
        };
        let all = db.list_cases(&q("", None, None)).await.unwrap();
        assert_eq!((all.more, all.rows.len(), all.matches), (true, 5, None));
        assert_eq!(all.rows[0].id, "c29", "newest first");

        let finished = db
            .list_cases(&q("", None, Some(CaseStatus::Finished)))
            .await
            .unwrap();
        assert!(finished.more);
        assert_eq!(finished.rows[0].id, "c27");
        assert!(finished
            .rows
            .iter()
            .all(|r| r.status == CaseStatus::Finished));

        let both = db
            .list_cases(&q(
                "",
                Some("karanganyar.pbi_pbpu_proposal"),
                Some(CaseStatus::Finished),
            ))
            .await
            .unwrap();
        // Even and divisible by 3: 0, 6, 12, 18, 24.
        assert!(!both.more, "exactly one page");
        assert_eq!(
            both.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c24", "c18", "c12", "c06", "c00"]
        );
        // The working list: drafts (which need the officer) before the
        // finished ones, each newest first, a page at a time across both.
        let mut page2 = q("", Some("purwakarta.enrolment"), None);
        page2.offset = 5;
        let page2 = db.list_cases(&page2).await.unwrap();
        assert_eq!(
            page2.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c13", "c11", "c07", "c05", "c01"]
        );
        assert!(page2.more, "15 cases: a third page follows");
        let mut page3 = q("", Some("purwakarta.enrolment"), None);
        page3.offset = 10;
        let page3 = db.list_cases(&page3).await.unwrap();
        assert_eq!(
            page3.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c27", "c21", "c15", "c09", "c03"]
        );
        assert!(!page3.more);

        // Name search by word prefixes, any order, any case.
        let siti = db.list_cases(&q("amin SIT", None, None)).await.unwrap();
        assert_eq!(
            siti.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c07"]
        );
        let none = db.list_cases(&q("amin budi", None, None)).await.unwrap();
        assert_eq!(none.matches, Some(0));
        // NIK search by prefix.
        let nik = db
            .list_cases(&q("3214014101900012", None, None))
            .await
            .unwrap();
        assert_eq!(
            nik.rows.iter().map(|r| r.id.as_str()).collect::<Vec<_>>(),
            ["c12"]
        );
        let prefix = db
            .list_cases(&q("321401410190001", None, None))
            .await
            .unwrap();
        assert_eq!(prefix.matches, Some(10), "NIKs ...10 to ...19");
        let exact = db.cases_with_nik("3214014101900012").await.unwrap();
        assert_eq!(exact.len(), 1);

        let (statuses, procedures) = db
            .case_counts(&["purwakarta.enrolment".into(), "nowhere.x".into()])
            .await
            .unwrap();
        assert!(statuses.contains(&(CaseStatus::Draft, 20)));
        assert!(statuses.contains(&(CaseStatus::Finished, 10)));
        assert_eq!(
            procedures,
            vec![("purwakarta.enrolment".into(), 15), ("nowhere.x".into(), 0)]
        );
        db.close();
        Db::delete("pandu-test-list").await.unwrap();
    }

    /// A busy 3000 x 2000 picture (coloured blocks with noise), as PNG:
    /// much larger than a stored photo may be.
    async fn test_picture() -> web_sys::Blob {
        let document = web_sys::window().unwrap().document().unwrap();
        let canvas: web_sys::HtmlCanvasElement =
            document.create_element("canvas").unwrap().unchecked_into();
        canvas.set_width(3000);
        canvas.set_height(2000);
        let ctx: web_sys::CanvasRenderingContext2d =
            canvas.get_context("2d").unwrap().unwrap().unchecked_into();
        // Smooth colour gradients with grain, like a photo of paper.
        let (w, h) = (3000u32, 2000u32);
        let mut seed = 7u32;
        let mut data = vec![0u8; (w * h * 4) as usize];
        for y in 0..h {
            for x in 0..w {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                let grain = (seed >> 16) % 48;
                let i = ((y * w + x) * 4) as usize;
                data[i] = ((x * 255 / w + grain) % 256) as u8;
                data[i + 1] = ((y * 255 / h + grain) % 256) as u8;
                data[i + 2] = (((x + y) * 128 / (w + h)) + grain) as u8;
                data[i + 3] = 255;
            }
        }
        let image = web_sys::ImageData::new_with_u8_clamped_array_and_sh(
            wasm_bindgen::Clamped(&data),
            w,
            h,
        )
        .unwrap();
        ctx.put_image_data(&image, 0.0, 0.0).unwrap();
        let promise = js_sys::Promise::new(&mut |resolve, _| {
            canvas.to_blob_with_type(&resolve, "image/png").unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .unwrap()
            .unchecked_into()
    }

    #[wasm_bindgen_test]
    async fn a_large_photo_is_shrunk_hashed_and_stored_with_its_event() {
        let picture = test_picture().await;
        assert!(picture.size() > f64::from(MAX_STORED_BYTES) * 2.0);
        let photo = photos::prepare(&picture, "p", "ktp").await.unwrap();
        assert!(photo.bytes <= MAX_STORED_BYTES, "{} bytes", photo.bytes);
        assert_eq!(photo.blob.type_(), "image/jpeg");
        assert!(photo.width <= MAX_SIDE && photo.height <= MAX_SIDE);
        assert!(
            (photo.width * 2).abs_diff(photo.height * 3) <= 3,
            "shape kept"
        );
        assert_eq!(photo.width, MAX_SIDE, "long side at the limit");
        assert_eq!(photo.sha256.len(), 64);
        assert_eq!(photos::sha256(&photo.blob).await.unwrap(), photo.sha256);

        let db = fresh("pandu-test-photo").await;
        let history = vec![
            created("p"),
            event(
                "p",
                1,
                EventKind::DocumentAttached {
                    document: "ktp".into(),
                    sha256: photo.sha256.clone(),
                    bytes: photo.bytes,
                    width: photo.width,
                    height: photo.height,
                },
            ),
        ];
        let row = Case::fold(&history).unwrap().summary(None);
        db.append(&history, &row, Some(&photo)).await.unwrap();
        let back = db.attachment(&photo.sha256).await.unwrap().expect("stored");
        assert_eq!(back.size() as u32, photo.bytes);
        assert_eq!(photos::sha256(&back).await.unwrap(), photo.sha256);
        assert!(db.attachment("0000").await.unwrap().is_none());
        db.close();
        Db::delete("pandu-test-photo").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_file_that_is_no_image_is_refused_with_a_reason() {
        let parts = js_sys::Array::of1(&"%PDF-1.4 not a picture".into());
        let bag = web_sys::BlobPropertyBag::new();
        bag.set_type("application/pdf");
        let pdf = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).unwrap();
        assert_eq!(
            photos::prepare(&pdf, "p", "ktp").await.err(),
            Some(PhotoProblem::NotImage)
        );
        // Claiming to be an image does not make it one.
        bag.set_type("image/jpeg");
        let fake = web_sys::Blob::new_with_str_sequence_and_options(&parts, &bag).unwrap();
        assert_eq!(
            photos::prepare(&fake, "p", "ktp").await.err(),
            Some(PhotoProblem::NotImage)
        );
    }
}

/// Bundles between two databases standing for a village phone and the
/// district laptop: export, quarantine, approval, import once, replay
/// refused, an answer back; and the batch writer's all-or-nothing.
mod exchange {
    use super::*;
    use pandu::bundle::exchange::{ExchangeProblem, Standing};
    use pandu::bundle::seal::Refusal;
    use pandu::domain::applicant::Field;
    use pandu::domain::case::{Case, Event, EventKind, FeedbackState};
    use pandu::domain::engine::Library;
    use pandu::domain::pack_check::{load_catalogue, load_pack};
    use pandu::store::batch::{put_rows, Durability, Rows};
    use wasm_bindgen::JsCast;

    /// The shipped Purwakarta pack, as the app loads it: imports check
    /// each event's lane against the case's procedure.
    fn purwakarta() -> Library {
        let catalogue = load_catalogue(include_str!("../public/packs/documents.json")).unwrap();
        let pack = load_pack(include_str!("../public/packs/purwakarta.json"), &catalogue).unwrap();
        let mut library = Library::default();
        library.add(pack);
        library
    }

    fn profile(village: &str) -> Profile {
        Profile {
            device_name: "HP Desa Sukamaju".into(),
            officer_name: "Siti Aminah".into(),
            village_code: village.into(),
        }
    }

    fn ev(device: &str, case: &str, n: i64, kind: EventKind) -> Event {
        Event {
            verbatim: None,
            id: format!("{device}-{case}-{n}"),
            case_id: case.into(),
            at: 1_795_399_200_000 + n * 60_000,
            device: device.into(),
            officer: "Siti Aminah".into(),
            role: None,
            kind,
        }
    }

    #[wasm_bindgen_test]
    async fn only_a_staff_list_the_vault_wrote_is_trusted_and_only_the_device_pin_settles_another()
    {
        use pandu::domain::staff::{NewStaff, StaffAction};
        use pandu::store::staff::{remember_member, remembered_member, StaffList};
        use pandu::store::vault::VaultProblem;
        let name = "pandu-test-staff-trust";
        let db = fresh(name).await;
        db.set_pin("731904", "731904").await.unwrap();
        db.create_office("32.14", "Dinas Sosial", "purwakarta", 1)
            .await
            .unwrap();
        // A new office: an empty list, vouched for.
        assert_eq!(db.staff_list().await.unwrap(), StaffList::Trusted(vec![]));
        let kadis = NewStaff {
            name: "Bu Kadis".into(),
            role: "kadis".into(),
            pin: "2468".into(),
            pin_again: "2468".into(),
            ..Default::default()
        }
        .member("k1".into(), b"salt");
        db.save_staff(std::slice::from_ref(&kadis)).await.unwrap();
        assert_eq!(
            db.staff_list().await.unwrap(),
            StaffList::Trusted(vec![kadis.clone()])
        );

        // The tab's sign-in note is the vault's: a forged one signs nobody in.
        remember_member(&db, Some("k1"));
        assert_eq!(
            remembered_member(&db, std::slice::from_ref(&kadis)),
            Some(kadis.clone())
        );
        use gloo_storage::{SessionStorage, Storage};
        for forged in ["k1", "k1 00ff"] {
            SessionStorage::set("pandu.staff", forged).unwrap();
            assert_eq!(
                remembered_member(&db, std::slice::from_ref(&kadis)),
                None,
                "{forged}"
            );
        }

        // Another page writes its own head, with a PIN it knows: plain, with
        // a made-up tag, or deletes the list to switch the lanes off.
        let fake = r#"{"id":"x","name":"Kadis Palsu","role":"kadis","salt":"00","pin":"00"}"#;
        for value in [
            format!("[{fake}]"),
            format!(r#"{{"list":[{fake}],"tag":"00ff"}}"#),
        ] {
            raw::put(
                name,
                "settings",
                &format!(r#"{{"key":"staff","value":{value}}}"#),
            )
            .await;
            match db.staff_list().await.unwrap() {
                StaffList::Forged(found) => assert_eq!(found[0].name, "Kadis Palsu"),
                other => panic!("trusted a forged list: {other:?}"),
            }
            assert!(matches!(db.staff().await, Err(StorageProblem::Corrupt(_))));
        }
        raw::delete(name, "settings", "staff").await;
        assert_eq!(db.staff_list().await.unwrap(), StaffList::Forged(vec![]));
        // A forged log is shown as unverified and never extended.
        raw::put(name, "settings", r#"{"key":"staff_log","value":[]}"#).await;
        assert!(!db.staff_log().await.unwrap().trusted);

        // A locked vault vouches for nobody.
        db.lock();
        assert_eq!(db.staff_list().await.unwrap(), StaffList::Locked);
        assert_eq!(db.staff_log().await.err(), Some(StorageProblem::Locked));
        assert_eq!(remembered_member(&db, std::slice::from_ref(&kadis)), None);

        // Only the device PIN settles it: wrong, nothing written.
        assert_eq!(
            db.settle_staff("000000", false, 5).await,
            Err(VaultProblem::WrongPin)
        );
        assert_eq!(db.staff_list().await.unwrap(), StaffList::Locked);
        db.settle_staff("731904", false, 6).await.unwrap();
        assert_eq!(db.staff_list().await.unwrap(), StaffList::Trusted(vec![]));
        let log = db.staff_log().await.unwrap();
        assert!(log.trusted);
        assert_eq!(
            log.entries.last().map(|e| e.action),
            Some(StaffAction::Cleared)
        );

        // Accepting keeps the members as found, and says how many.
        raw::put(
            name,
            "settings",
            &format!(r#"{{"key":"staff","value":[{fake}]}}"#),
        )
        .await;
        db.settle_staff("731904", true, 7).await.unwrap();
        match db.staff_list().await.unwrap() {
            StaffList::Trusted(m) => assert_eq!(m[0].name, "Kadis Palsu"),
            other => panic!("{other:?}"),
        }
        let last = db.staff_log().await.unwrap().entries.pop().unwrap();
        assert_eq!(
            (last.action, last.name.as_str()),
            (StaffAction::Accepted, "1")
        );
        db.close();
        Db::delete(name).await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn a_case_goes_to_the_district_once_and_its_answer_comes_back() {
        let village = fresh("pandu-test-x-village").await;
        let district = fresh("pandu-test-x-district").await;
        // No key is made or trusted without each side's PIN (its vault).
        assert_eq!(
            district
                .create_office("32.14", "Dinas Sosial", "purwakarta", 1)
                .await
                .err(),
            Some(StorageProblem::Locked)
        );
        village.set_pin("482915", "482915").await.unwrap();
        district.set_pin("731904", "731904").await.unwrap();
        let summ = |c: &Case| c.summary(None);
        let library = purwakarta();
        let version = library.latest("purwakarta").unwrap().version;
        let office = district
            .create_office("32.14", "Dinas Sosial", "purwakarta", version)
            .await
            .unwrap();
        village.trust_district(&office.config).await.unwrap();

        let me = village.device_id().await.unwrap();
        let history = vec![
            ev(
                &me,
                "k1",
                0,
                EventKind::Created {
                    pack: "purwakarta".into(),
                    version,
                    procedure: "enrolment".into(),
                },
            ),
            ev(
                &me,
                "k1",
                1,
                EventKind::FieldSet {
                    field: Field::FullName,
                    value: "Siti Aminah".into(),
                },
            ),
            ev(
                &me,
                "k1",
                2,
                EventKind::FieldSet {
                    field: Field::Nik,
                    value: "3214014101900002".into(),
                },
            ),
        ];
        village
            .append(&history, &Case::fold(&history).unwrap().summary(None), None)
            .await
            .unwrap();
        // Without a profile nothing is signed.
        assert_eq!(
            village
                .export_cases(&["k1".into()], &Profile::default(), 1, 420, &summ)
                .await
                .err(),
            Some(ExchangeProblem::NoProfile)
        );
        let sent = village
            .export_cases(
                &["k1".into()],
                &profile("32.14.01.2001"),
                1_795_400_000_000,
                420,
                &summ,
            )
            .await
            .unwrap();
        assert_eq!(sent.cases, 1);
        assert!(sent.name.starts_with("pandu-3214012001-2026-11-23-001"));
        assert_eq!(
            village.case_events("k1").await.unwrap().len(),
            4,
            "a sent event was added"
        );

        // Unknown device: quarantined, nothing in the case list.
        let now = 1_795_410_000_000;
        let q = district
            .import_bundle(&sent.bytes, now, &library, &|_| {})
            .await;
        let Err(ExchangeProblem::Quarantined { sender }) = q else {
            panic!("{q:?}")
        };
        assert_eq!(district.count_cases().await.unwrap(), 0);
        district
            .set_standing(&sender.fingerprint, Standing::Enrolled)
            .await
            .unwrap();
        let waiting = district.quarantined(&sender.fingerprint).await.unwrap();
        assert_eq!(waiting.len(), 1);
        let report = district
            .import_bundle(&waiting[0].1, now, &library, &|_| {})
            .await
            .unwrap();
        assert_eq!(
            report.new_cases,
            vec![("k1".to_string(), "Siti Aminah".to_string())]
        );
        let at_district = district.case_events("k1").await.unwrap();
        assert_eq!(
            at_district.len(),
            5,
            "the village's four events and the receipt"
        );
        // Again: a replay, refused, nothing written.
        assert_eq!(
            district
                .import_bundle(&sent.bytes, now, &library, &|_| {})
                .await
                .err(),
            Some(ExchangeProblem::Refused(Refusal::Replay {
                sequence: 1,
                last: 1
            }))
        );
        assert_eq!(district.case_events("k1").await.unwrap().len(), 5);

        // The office answers; the village takes the answer.
        let office_device = district.device_id().await.unwrap();
        let answer = ev(
            &office_device,
            "k1",
            100,
            EventKind::Feedback {
                state: FeedbackState::Accepted,
                reason: None,
                missing: vec![],
            },
        );
        let mut all = at_district.clone();
        all.push(answer.clone());
        district
            .append(&[answer], &Case::fold(&all).unwrap().summary(None), None)
            .await
            .unwrap();
        let peers = district.peers().await.unwrap();
        let back = district
            .export_feedback(&peers[0].fingerprint, &profile(""), now + 1, 420)
            .await
            .unwrap();
        assert_eq!(back.cases, 1);
        let report = village
            .import_bundle(&back.bytes, now + 2, &library, &|_| {})
            .await
            .unwrap();
        assert_eq!(report.updated.len(), 1);
        let folded = Case::fold(&village.case_events("k1").await.unwrap()).unwrap();
        assert_eq!(
            folded.answer.map(|a| a.state),
            Some(FeedbackState::Accepted)
        );
        assert_eq!(folded.handed_over, Some(CaseStatus::Acknowledged));
        // Nothing new to answer now.
        assert_eq!(
            district
                .export_feedback(&peers[0].fingerprint, &profile(""), now + 3, 420)
                .await
                .err(),
            Some(ExchangeProblem::NothingToSend)
        );
        // The village works on the case again and sends it: the district
        // adds the new events to the history it holds in an import part,
        // and both now hold the same events.
        let held = district.case_events("k1").await.unwrap().len();
        let note = ev(
            &me,
            "k1",
            200,
            EventKind::Note {
                text: "lagi".into(),
            },
        );
        let mut mine = village.case_events("k1").await.unwrap();
        mine.push(note.clone());
        village
            .append(&[note], &Case::fold(&mine).unwrap().summary(None), None)
            .await
            .unwrap();
        let again = village
            .export_cases(
                &["k1".into()],
                &profile("32.14.01.2001"),
                1_795_420_000_000,
                420,
                &summ,
            )
            .await
            .unwrap();
        let report = district
            .import_bundle(&again.bytes, now + 10, &library, &|_| {})
            .await
            .unwrap();
        assert!(report.new_cases.is_empty());
        assert_eq!(report.updated.len(), 1);
        let ids = |h: Vec<Event>| {
            h.into_iter()
                .map(|e| e.id)
                .collect::<std::collections::BTreeSet<_>>()
        };
        let at_district = district.case_events("k1").await.unwrap();
        let there = ids(at_district.clone());
        let here = ids(village.case_events("k1").await.unwrap());
        assert!(here.is_subset(&there), "the district holds every event");
        // Beyond them, only its receipt of this second sending.
        let extra: Vec<&Event> = at_district
            .iter()
            .filter(|e| !here.contains(&e.id))
            .collect();
        assert_eq!(extra.len(), 1);
        assert!(matches!(
            extra[0].kind,
            EventKind::Feedback {
                state: FeedbackState::Received,
                ..
            }
        ));
        assert!(there.len() > held);

        // A village phone that records the Kasi's step and sends it: the
        // whole bundle is refused, naming the case, and nothing changes.
        let forged = Event {
            verbatim: None,
            role: Some("kasi".into()),
            ..ev(
                &me,
                "k1",
                300,
                EventKind::StepCompleted {
                    node: "check_bdt".into(),
                    outputs: Default::default(),
                },
            )
        };
        let mut mine = village.case_events("k1").await.unwrap();
        mine.push(forged.clone());
        village
            .append(&[forged], &Case::fold(&mine).unwrap().summary(None), None)
            .await
            .unwrap();
        let bad = village
            .export_cases(
                &["k1".into()],
                &profile("32.14.01.2001"),
                1_795_430_000_000,
                420,
                &summ,
            )
            .await
            .unwrap();
        let before = district.case_events("k1").await.unwrap().len();
        let refused = district
            .import_bundle(&bad.bytes, now + 20, &library, &|_| {})
            .await
            .err();
        assert!(
            matches!(&refused, Some(ExchangeProblem::OutOfLane { case, step: Some(_), .. }) if case == "k1"),
            "{refused:?}"
        );
        assert_eq!(district.case_events("k1").await.unwrap().len(), before);

        // A case under another regency's procedures: no lane of this
        // office could work it, so the bundle is refused whole.
        let foreign = vec![ev(
            &me,
            "k2",
            400,
            EventKind::Created {
                pack: "karanganyar".into(),
                version: 1,
                procedure: "pbi_pbpu_proposal".into(),
            },
        )];
        village
            .append(&foreign, &Case::fold(&foreign).unwrap().summary(None), None)
            .await
            .unwrap();
        let other = village
            .export_cases(
                &["k2".into()],
                &profile("32.14.01.2001"),
                1_795_440_000_000,
                420,
                &summ,
            )
            .await
            .unwrap();
        let refused = district
            .import_bundle(&other.bytes, now + 30, &library, &|_| {})
            .await
            .err();
        assert!(
            matches!(&refused, Some(ExchangeProblem::ForeignPack { case, .. }) if case == "k2"),
            "{refused:?}"
        );
        assert!(district.case_events("k2").await.unwrap().is_empty());
        village.close();
        district.close();
        Db::delete("pandu-test-x-village").await.unwrap();
        Db::delete("pandu-test-x-district").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn single_events_and_import_parts_read_back_once_in_order() {
        // A case's history may sit in single events (the case page) and in
        // parts of several imports, overlapping: each event comes back
        // once, in order, and only the case's own slice of a part.
        use pandu::store::cases::{Parts, PART_CASES};
        let db = fresh("pandu-test-x-forms").await;
        let note = |case: &str, n: i64| {
            ev(
                "d",
                case,
                n,
                EventKind::Note {
                    text: format!("{case}{n}"),
                },
            )
        };
        let created = ev(
            "d",
            "f",
            0,
            EventKind::Created {
                pack: "p".into(),
                version: 1,
                procedure: "q".into(),
            },
        );
        let single = serde_json::to_string(&note("f", 3)).unwrap();
        // Bundle a: other cases around f, and more than one part.
        let others: Vec<Event> = (0..PART_CASES as i64 + 5)
            .map(|i| note(&format!("o{i}"), i))
            .collect();
        let mut a = Parts::new("a");
        for o in &others[..50] {
            a.push(&o.case_id, &[o]).unwrap();
        }
        a.push("f", &[&created, &note("f", 1)]).unwrap();
        for o in &others[50..] {
            a.push(&o.case_id, &[o]).unwrap();
        }
        a.push("empty", &[]).unwrap();
        let a = a.finish().unwrap();
        assert_eq!(a.len(), 2, "{} cases make two parts", PART_CASES + 6);
        assert!(js_sys::Reflect::get(&a[0], &"events".into())
            .unwrap()
            .is_instance_of::<js_sys::Uint8Array>());
        // Bundle b: f again, overlapping a.
        let (n1, n2) = (note("f", 1), note("f", 2));
        let mut b = Parts::new("b");
        b.push("f", &[&n1, &n2]).unwrap();
        let rows = vec![
            Rows::Json(stores::CASE_EVENTS, format!("[{single}]")),
            Rows::Values(stores::CASE_EVENTS, a),
            Rows::Values(stores::CASE_EVENTS, b.finish().unwrap()),
        ];
        put_rows("pandu-test-x-forms", rows, Durability::Strict)
            .await
            .unwrap();
        let back = db.case_events("f").await.unwrap();
        assert_eq!(
            back,
            vec![created, note("f", 1), note("f", 2), note("f", 3)]
        );
        assert_eq!(db.case_events("o60").await.unwrap(), vec![note("o60", 60)]);
        assert_eq!(
            db.case_events("o104").await.unwrap(),
            vec![note("o104", 104)]
        );
        assert!(db.case_events("empty").await.unwrap().is_empty());
        // Many cases at once (an import's stored histories), each part read once.
        let mut ids = vec!["f".to_string(), "nowhere".to_string()];
        ids.extend(others.iter().map(|o| o.case_id.clone()));
        let many = db.histories(&ids).await.unwrap();
        assert_eq!(many[0], back);
        assert!(many[1].is_empty());
        for (o, h) in others.iter().zip(&many[2..]) {
            assert_eq!(h, &vec![o.clone()]);
        }
        // A damaged part is reported, not skipped.
        let mut c = Parts::new("c");
        c.push("f", &[&note("f", 4)]).unwrap();
        let broken = c.finish().unwrap().remove(0);
        js_sys::Reflect::set(&broken, &"ends".into(), &js_sys::Array::of1(&999.into())).unwrap();
        put_rows(
            "pandu-test-x-forms",
            vec![Rows::Values(stores::CASE_EVENTS, vec![broken])],
            Durability::Strict,
        )
        .await
        .unwrap();
        assert!(db.case_events("f").await.is_err());
        assert!(db.histories(&["f".to_string()]).await.is_err());
        db.close();
        Db::delete("pandu-test-x-forms").await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn which_cases_are_stored_is_answered_per_id_or_from_every_key() {
        use pandu::store::batch::{ask_per_id, stored_keys};
        let name = "pandu-test-x-stored";
        let db = fresh(name).await;
        let rows: Vec<CaseSummary> = (0..60)
            .map(|i| {
                case(
                    &format!("s{i:02}"),
                    "",
                    CaseStatus::Draft,
                    1000.0 + i as f64,
                )
            })
            .collect();
        db.put_cases(&rows).await.unwrap();
        // Two ids among 60 stored: asked one by one.
        assert!(ask_per_id(2, 60));
        let few = ["s07".to_string(), "x1".to_string()];
        assert_eq!(
            stored_keys(name, stores::CASES, &few).await.unwrap(),
            [true, false]
        );
        // Ten ids: every key read once.
        assert!(!ask_per_id(10, 60));
        let many: Vec<String> = (0..10).map(|i| format!("s{:02}", i * 7)).collect();
        let answer = stored_keys(name, stores::CASES, &many).await.unwrap();
        assert_eq!(answer, (0..10).map(|i| i * 7 < 60).collect::<Vec<_>>());
        assert!(stored_keys(name, stores::CASES, &[])
            .await
            .unwrap()
            .is_empty());
        db.close();
        Db::delete(name).await.unwrap();
    }

    #[wasm_bindgen_test]
    async fn the_browsers_sha256_is_the_bundles_sha256() {
        // The import's chain digest comes from WebCrypto; the sender's
        // from `bundle::sha256`. They must agree byte for byte.
        let big: Vec<u8> = (0..3_000_000u32).map(|i| (i * 7 % 251) as u8).collect();
        for bytes in [&b""[..], &b"abc"[..], &big[..]] {
            assert_eq!(
                pandu::store::platform::sha256_hex(bytes).await,
                pandu::bundle::codec::hex(&pandu::bundle::sha256(bytes))
            );
        }
        assert_eq!(
            pandu::store::platform::sha256_hex(b"abc").await,
            "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"
        );
    }

    #[wasm_bindgen_test]
    async fn a_batch_with_one_bad_record_writes_nothing() {
        let db = fresh("pandu-test-x-batch").await;
        let good = ev("d", "z", 0, EventKind::Note { text: "a".into() });
        let good_json = serde_json::to_string(&good).unwrap();
        // The second record has no `id`, the store's key path: the whole
        // transaction must abort.
        let rows = vec![Rows::Json(
            stores::CASE_EVENTS,
            format!("[{good_json},{{\"case_id\":\"z\"}}]"),
        )];
        assert!(put_rows("pandu-test-x-batch", rows, Durability::Strict)
            .await
            .is_err());
        assert!(db.case_events("z").await.unwrap().is_empty());
        db.close();
        Db::delete("pandu-test-x-batch").await.unwrap();
    }
}
