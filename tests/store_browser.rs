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
        ["by_nik", "by_procedure", "by_status", "by_updated"]
    );
    assert_eq!(db.index_names(stores::CASE_EVENTS).unwrap(), ["by_case"]);
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
        if (op === "open") return new Promise((resolve, reject) => {
            const r = indexedDB.open(name, version);
            r.onsuccess = () => resolve(r.result);
            r.onerror = () => reject(r.error);
        });
        return new Promise((resolve) => setTimeout(resolve, version));
    "#;

    pub async fn call(op: &str, name: &str, version: u32) -> JsValue {
        let f = Function::new_with_args("op, name, version", JS);
        let p = f
            .call3(&JsValue::NULL, &op.into(), &name.into(), &version.into())
            .expect("call the helper");
        JsFuture::from(p.unchecked_into::<Promise>())
            .await
            .expect("the helper resolves")
    }

    pub async fn sleep(ms: u32) {
        call("sleep", "", ms).await;
    }

    pub fn close(db: &JsValue) {
        let close: Function = Reflect::get(db, &"close".into()).unwrap().unchecked_into();
        close.call0(db).unwrap();
    }
}
