//! IndexedDB through rexie: the versioned schema, the start-up write probe,
//! and typed reads and writes.
//!
//! What is stored where (schema version 6):
//! - `procedures`: SOP packs, key `id`, index `by_pack` (`pack_id`).
//! - `cases`: one list row per case, key `id`; indexes `by_nik` (`nik`);
//!   since version 2 `by_recent` (`rank` = -updated_at),
//!   `by_status_recent` (`[status, rank]`),
//!   `by_procedure_recent` (`[procedure_id, rank]`),
//!   `by_procedure_status_recent` (`[procedure_id, status, rank]`), so a
//!   page of the list, filtered or not, is one ascending `getAll`, newest
//!   first; `by_word` (`words`, multi-entry) for name search; since
//!   version 3 `by_origin` (`origin`, the creating device) for answering a
//!   village device; since version 4 `by_lane` (`[lane, due]`): a role's
//!   inbox, oldest due first (`domain::lanes`). Rows written before
//!   version 4 have no lane and join the index when next written. Version
//!   6 dropped `by_status`, `by_procedure` and `by_updated`: the
//!   `*_recent` indexes answer the same questions through a key prefix,
//!   and every index is work for every row written (an import of 10,000
//!   cases writes 10,000 rows).
//! - `case_events`: the append-only history, key `id`. A record is one
//!   event (the case page), found through `by_case` (`[case_id, at]`), or
//!   (imports, since version 5) one part of a bundle: the new events of up
//!   to 100 cases as JSON bytes (`cases::Parts`), found through `by_cases`
//!   (`cases`, multi-entry).
//! - `attachments`: photo blobs with their case and document, key
//!   `sha256`; index `by_case` (`case_id`).
//! - `keys`: key `id`: `device` (this device's secret keys), `office`
//!   (district mode: the office's secret keys and config), `district` (a
//!   village device's trusted district config), `outbox` (this device's
//!   last bundle: sequence and digest), `peer:<fingerprint>` (devices
//!   known: standing, last bundle admitted).
//! - `inbox` (version 3): bundles kept aside, key `id` (bundle id), from
//!   devices not enrolled yet; index `by_sender` (`fingerprint`).
//! - `settings`: small records such as the profile and (district mode)
//!   the office's staff with their PIN digests (`staff`) and the staff
//!   log (`staff_log`, append-only: who authorised which change, when),
//!   key `key`.
//!
//! Invariant: opening never deletes or rewrites stored records; the write
//! probe touches only its own key in `settings`.

use std::cell::RefCell;
use std::rc::Rc;

use rexie::{Direction, Index, ObjectStore, Rexie, TransactionMode};
use serde::{de::DeserializeOwned, Deserialize, Serialize};
use wasm_bindgen::JsValue;

use crate::domain::case::CaseSummary;
use crate::domain::profile::Profile;
use crate::domain::storage::StorageProblem;

/// The app's database name.
pub const DB_NAME: &str = "pandu";
/// Bump with every schema change, and add the change to `schema`.
pub const SCHEMA_VERSION: u32 = 6;

/// Object store names.
pub mod stores {
    pub const PROCEDURES: &str = "procedures";
    pub const CASES: &str = "cases";
    pub const CASE_EVENTS: &str = "case_events";
    pub const ATTACHMENTS: &str = "attachments";
    pub const KEYS: &str = "keys";
    pub const SETTINGS: &str = "settings";
    pub const INBOX: &str = "inbox";
    pub const ALL: [&str; 7] = [
        PROCEDURES,
        CASES,
        CASE_EVENTS,
        ATTACHMENTS,
        KEYS,
        SETTINGS,
        INBOX,
    ];
}

const PROBE_KEY: &str = "_write_probe";
const PROFILE_KEY: &str = "profile";
const DEVICE_KEY: &str = "device_id";

type Result<T> = std::result::Result<T, StorageProblem>;

/// An open Pandu database.
pub struct Db {
    rexie: Rexie,
}

thread_local! {
    static CURRENT: RefCell<Option<Rc<Db>>> = const { RefCell::new(None) };
}

/// Opens the app's database, checks that it can write, and keeps the handle
/// for `current()`. Safe to call again: a second call reuses the handle.
pub async fn open_app_db() -> Result<Rc<Db>> {
    if let Some(db) = current() {
        return Ok(db);
    }
    let db = Rc::new(Db::open(DB_NAME, SCHEMA_VERSION).await?);
    db.probe().await?;
    CURRENT.with(|c| *c.borrow_mut() = Some(db.clone()));
    Ok(db)
}

/// The database opened by `open_app_db`, if it is open.
pub fn current() -> Option<Rc<Db>> {
    CURRENT.with(|c| c.borrow().clone())
}

/// The database opened by `open_app_db`, or `Closed` if it never opened.
pub fn require() -> Result<Rc<Db>> {
    current().ok_or(StorageProblem::Closed)
}

fn problem(e: rexie::Error, during_open: bool) -> StorageProblem {
    // rexie's own Display is just "idb error"; the browser's DOMException
    // name is in the wrapped error's text.
    let text = match &e {
        rexie::Error::IdbError(inner) => inner.to_string(),
        other => other.to_string(),
    };
    StorageProblem::from_browser_text(&text, during_open)
}

pub(super) fn rw(e: rexie::Error) -> StorageProblem {
    problem(e, false)
}

/// A record as a plain JS object, so IndexedDB key paths (`status`,
/// `nik`, ...) reach its fields. Written as JSON and parsed by the
/// browser's own `JSON.parse`: one crossing into JavaScript instead of one
/// per field, which is what makes a draft save cheap on a slow phone.
pub(super) fn to_js<T: Serialize>(value: &T) -> Result<JsValue> {
    let text = serde_json::to_string(value).map_err(|e| StorageProblem::Other(e.to_string()))?;
    js_sys::JSON::parse(&text).map_err(|_| StorageProblem::Other("JSON.parse".into()))
}

/// A stored record back as a Rust value (the reverse of `to_js`).
pub(super) fn from_js<T: DeserializeOwned>(value: JsValue) -> Result<T> {
    let text: String = js_sys::JSON::stringify(&value)
        .map_err(|_| StorageProblem::Corrupt("not JSON".into()))?
        .into();
    serde_json::from_str(&text).map_err(|e| StorageProblem::Corrupt(e.to_string()))
}

/// A small record in the `settings` store.
#[derive(Serialize, Deserialize)]
pub(super) struct Setting<T> {
    pub(super) key: String,
    pub(super) value: T,
}

impl Db {
    /// The schema, as the builder applies it on upgrade. Every version's
    /// stores and indexes are listed; rexie creates what is missing.
    fn schema(name: &str, version: u32) -> rexie::RexieBuilder {
        Rexie::builder(name)
            .version(version)
            .add_object_store(
                ObjectStore::new(stores::PROCEDURES)
                    .key_path("id")
                    .add_index(Index::new("by_pack", "pack_id")),
            )
            .add_object_store(
                ObjectStore::new(stores::CASES)
                    .key_path("id")
                    .add_index(Index::new("by_nik", "nik"))
                    .add_index(Index::new("by_recent", "rank"))
                    .add_index(Index::new_array("by_status_recent", ["status", "rank"]))
                    .add_index(Index::new_array(
                        "by_procedure_recent",
                        ["procedure_id", "rank"],
                    ))
                    .add_index(Index::new_array(
                        "by_procedure_status_recent",
                        ["procedure_id", "status", "rank"],
                    ))
                    .add_index(Index::new("by_word", "words").multi_entry(true))
                    .add_index(Index::new("by_origin", "origin"))
                    .add_index(Index::new_array("by_lane", ["lane", "due"])),
            )
            .add_object_store(
                ObjectStore::new(stores::CASE_EVENTS)
                    .key_path("id")
                    .add_index(Index::new_array("by_case", ["case_id", "at"]))
                    .add_index(Index::new("by_cases", "cases").multi_entry(true)),
            )
            .add_object_store(
                ObjectStore::new(stores::ATTACHMENTS)
                    .key_path("sha256")
                    .add_index(Index::new("by_case", "case_id")),
            )
            .add_object_store(ObjectStore::new(stores::KEYS).key_path("id"))
            .add_object_store(ObjectStore::new(stores::SETTINGS).key_path("key"))
            .add_object_store(
                ObjectStore::new(stores::INBOX)
                    .key_path("id")
                    .add_index(Index::new("by_sender", "fingerprint")),
            )
    }

    /// Opens (creating or upgrading) the database `name` at `version`.
    /// A blocked upgrade keeps this future pending until the other tab
    /// lets go; the UI shows a waiting message meanwhile.
    pub async fn open(name: &str, version: u32) -> Result<Db> {
        let rexie = Self::schema(name, version)
            .build()
            .await
            .map_err(|e| problem(e, true))?;
        Ok(Db { rexie })
    }

    pub(super) fn rexie(&self) -> &Rexie {
        &self.rexie
    }

    /// Deletes a database; for tests and throwaway databases only.
    pub async fn delete(name: &str) -> Result<()> {
        Rexie::delete(name).await.map_err(rw)
    }

    /// Closes the handle, letting other tabs upgrade or delete.
    pub fn close(self) {
        self.rexie.close();
    }

    /// Store names present in the database, sorted.
    pub fn store_names(&self) -> Vec<String> {
        let mut names = self.rexie.store_names();
        crate::domain::order::sort(&mut names);
        names
    }

    /// Index names of one store, sorted.
    pub fn index_names(&self, store: &str) -> Result<Vec<String>> {
        let tx = self
            .rexie
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let mut names = tx.store(store).map_err(rw)?.index_names();
        crate::domain::order::sort(&mut names);
        Ok(names)
    }

    /// Writes, reads back and removes a probe record, proving that this
    /// browser lets Pandu store data now (private mode and full disks fail
    /// here rather than when the officer saves a case).
    pub async fn probe(&self) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[stores::SETTINGS], TransactionMode::ReadWrite)
            .map_err(rw)?;
        let store = tx.store(stores::SETTINGS).map_err(rw)?;
        let record = to_js(&Setting {
            key: PROBE_KEY.into(),
            value: js_sys::Date::now(),
        })?;
        store.put(&record, None).await.map_err(rw)?;
        let back = store.get(JsValue::from_str(PROBE_KEY)).await.map_err(rw)?;
        if back.is_none() {
            return Err(StorageProblem::Other("probe record not read back".into()));
        }
        store
            .delete(JsValue::from_str(PROBE_KEY))
            .await
            .map_err(rw)?;
        tx.done().await.map_err(rw)?;
        Ok(())
    }

    pub(super) async fn get_setting<T: DeserializeOwned>(&self, key: &str) -> Result<Option<T>> {
        let tx = self
            .rexie
            .transaction(&[stores::SETTINGS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let store = tx.store(stores::SETTINGS).map_err(rw)?;
        match store.get(JsValue::from_str(key)).await.map_err(rw)? {
            None => Ok(None),
            Some(v) if v.is_undefined() => Ok(None),
            Some(v) => Ok(Some(from_js::<Setting<T>>(v)?.value)),
        }
    }

    pub(super) async fn put_setting<T: Serialize>(&self, key: &str, value: &T) -> Result<()> {
        let tx = self
            .rexie
            .transaction(&[stores::SETTINGS], TransactionMode::ReadWrite)
            .map_err(rw)?;
        let store = tx.store(stores::SETTINGS).map_err(rw)?;
        store
            .put(
                &to_js(&Setting {
                    key: key.to_string(),
                    value,
                })?,
                None,
            )
            .await
            .map_err(rw)?;
        tx.done().await.map_err(rw)?;
        Ok(())
    }

    /// This device's profile, if one was saved.
    pub async fn profile(&self) -> Result<Option<Profile>> {
        self.get_setting(PROFILE_KEY).await
    }

    /// The officer's name from the profile (empty before one is saved):
    /// the name events are recorded under when no staff member signs.
    pub async fn officer_name(&self) -> Result<String> {
        Ok(self
            .profile()
            .await?
            .map(|p| p.officer_name)
            .unwrap_or_default())
    }

    /// This device's id, made once (random) and kept: it prefixes every
    /// event id, so ids from different devices never collide.
    pub async fn device_id(&self) -> Result<String> {
        if let Some(id) = self.get_setting::<String>(DEVICE_KEY).await? {
            return Ok(id);
        }
        let id = format!("d{}", super::platform::random_hex(8));
        self.put_setting(DEVICE_KEY, &id).await?;
        Ok(id)
    }

    /// Saves the profile (the caller has validated it).
    pub async fn save_profile(&self, profile: &Profile) -> Result<()> {
        self.put_setting(PROFILE_KEY, profile).await
    }

    /// Writes `rows` into `store` in one transaction: batched, all or none.
    pub(super) async fn put_rows<T: Serialize>(&self, store: &str, rows: &[T]) -> Result<()> {
        if rows.is_empty() {
            return Ok(());
        }
        let tx = self
            .rexie
            .transaction(&[store], TransactionMode::ReadWrite)
            .map_err(rw)?;
        let values = rows.iter().map(to_js).collect::<Result<Vec<_>>>()?;
        tx.store(store)
            .map_err(rw)?
            .put_all(values.into_iter().map(|v| (v, None)))
            .await
            .map_err(rw)?;
        tx.done().await.map_err(rw)?;
        Ok(())
    }

    /// Writes case summary rows in one transaction (batched, all or none).
    pub async fn put_cases(&self, rows: &[CaseSummary]) -> Result<()> {
        self.put_rows(stores::CASES, rows).await
    }

    /// How many cases this device holds (a count, not a load).
    pub async fn count_cases(&self) -> Result<u32> {
        let tx = self
            .rexie
            .transaction(&[stores::CASES], TransactionMode::ReadOnly)
            .map_err(rw)?;
        tx.store(stores::CASES)
            .map_err(rw)?
            .count(None)
            .await
            .map_err(rw)
    }

    /// One page of cases, most recently updated first, read through the
    /// `by_recent` index so only `limit` rows are loaded.
    pub async fn recent_cases(&self, offset: u32, limit: u32) -> Result<Vec<CaseSummary>> {
        let tx = self
            .rexie
            .transaction(&[stores::CASES], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let index = tx
            .store(stores::CASES)
            .map_err(rw)?
            .index("by_recent")
            .map_err(rw)?;
        let offset = (offset > 0).then_some(offset);
        let rows = index
            .scan(None, Some(limit), offset, Some(Direction::Next))
            .await
            .map_err(rw)?;
        rows.into_iter().map(|(_, v)| from_js(v)).collect()
    }
}
