//! Batched case writes: every record of a change is put in one
//! transaction, all requests issued at once and only the transaction's end
//! awaited (one round trip to the browser's storage, where awaiting each
//! request through rexie costs one per record), with a chosen durability:
//! relaxed for drafts, strict when a case is finished, so that must
//! survive a power cut the moment the officer is told it is saved (rexie
//! has no durability option).
//!
//! This uses a second, plain IndexedDB connection to the database rexie
//! opened: it opens the current version without upgrading, and closes
//! itself when another tab needs to upgrade.

use std::cell::RefCell;

use js_sys::{Array, Function, Object, Promise, Reflect};
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbRequest, IdbTransaction};

use crate::domain::storage::StorageProblem;

thread_local! {
    static RAW: RefCell<Option<(String, IdbDatabase)>> = const { RefCell::new(None) };
}

/// The browser's error text (DOMException name and message) as a problem.
fn problem(e: JsValue) -> StorageProblem {
    let text = e
        .dyn_ref::<js_sys::Error>()
        .map(|e| format!("{}: {}", String::from(e.name()), String::from(e.message())))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"));
    StorageProblem::from_browser_text(&text, false)
}

async fn open(name: &str) -> Result<IdbDatabase, StorageProblem> {
    let open = RAW.with(|r| r.borrow().clone());
    if let Some((open_name, db)) = open {
        if open_name == name {
            return Ok(db);
        }
        db.close();
    }
    let factory = web_sys::window()
        .and_then(|w| w.indexed_db().ok().flatten())
        .ok_or(StorageProblem::Unsupported)?;
    let request = factory.open(name).map_err(problem)?;
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        request.set_onsuccess(Some(&resolve));
        request.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.map_err(|_| {
        request
            .error()
            .ok()
            .flatten()
            .map(|e| problem(e.into()))
            .unwrap_or(StorageProblem::Closed)
    })?;
    let db: IdbDatabase = request.result().map_err(problem)?.unchecked_into();
    let handle = db.clone();
    let on_version_change = Closure::<dyn Fn()>::new(move || {
        handle.close();
        RAW.with(|r| r.borrow_mut().take());
    });
    db.set_onversionchange(Some(on_version_change.as_ref().unchecked_ref()));
    on_version_change.forget();
    RAW.with(|r| *r.borrow_mut() = Some((name.to_string(), db.clone())));
    Ok(db)
}

/// How hard the browser must try before saying a write is done.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Durability {
    /// Done once the browser has the data (a crash of the phone's OS may
    /// lose the last second).
    Relaxed,
    /// Done once the data is flushed to disk.
    Strict,
}

thread_local! {
    /// When a write last failed for want of space (ms, the page's clock).
    static FULL_SINCE: std::cell::Cell<Option<f64>> = const { std::cell::Cell::new(None) };
}

/// How long writes wait after one failed for want of space: each failed
/// write makes Chromium check the disk and may set off an eviction or
/// tear its log, so none is tried again at once.
const FULL_HOLD_MS: f64 = 20_000.0;

/// Refuses a write, without touching the database, while the disk was
/// found full less than `FULL_HOLD_MS` ago.
fn space_gate() -> Result<(), StorageProblem> {
    let now = js_sys::Date::now();
    match FULL_SINCE.with(|f| f.get()) {
        Some(since) if now - since < FULL_HOLD_MS => Err(StorageProblem::QuotaExceeded),
        _ => Ok(()),
    }
}

/// Notes how a write went, for `space_gate`.
fn note_space<T>(result: Result<T, StorageProblem>) -> Result<T, StorageProblem> {
    match &result {
        Err(StorageProblem::QuotaExceeded) => FULL_SINCE.with(|f| f.set(Some(js_sys::Date::now()))),
        Ok(_) => FULL_SINCE.with(|f| f.set(None)),
        Err(_) => {}
    }
    result
}

/// Whether writes are held after a full disk (the case page says so).
pub fn writes_held() -> bool {
    space_gate().is_err()
}

/// Puts `(store, record)` pairs into database `name` in one transaction;
/// all are stored, or none.
pub async fn put_all(
    name: &str,
    puts: &[(&str, JsValue)],
    durability: Durability,
) -> Result<(), StorageProblem> {
    space_gate()?;
    note_space(put_all_now(name, puts, durability).await)
}

async fn put_all_now(
    name: &str,
    puts: &[(&str, JsValue)],
    durability: Durability,
) -> Result<(), StorageProblem> {
    let db = open(name).await?;
    let names: Vec<&str> = puts.iter().map(|(s, _)| *s).collect();
    let tx = transaction(&db, &names, "readwrite", durability)?;
    for (store, record) in puts {
        let request: Result<IdbRequest, JsValue> =
            tx.object_store(store).and_then(|s| s.put(record));
        if let Err(e) = request {
            let _ = tx.abort();
            return Err(problem(e));
        }
    }
    finished(&tx).await
}

/// Records for one store, given as a JSON array (parsed by the browser in
/// one `JSON.parse`), or as ready JS values (blobs).
pub enum Rows<'a> {
    Json(&'a str, String),
    Values(&'a str, Vec<JsValue>),
}

fn transaction(
    db: &IdbDatabase,
    names: &[&str],
    mode: &str,
    durability: Durability,
) -> Result<IdbTransaction, StorageProblem> {
    let names: Array = names.iter().map(|s| JsValue::from_str(s)).collect();
    let options = Object::new();
    let level = match durability {
        Durability::Relaxed => "relaxed",
        Durability::Strict => "strict",
    };
    Reflect::set(&options, &"durability".into(), &level.into()).map_err(problem)?;
    let transaction: Function = Reflect::get(db, &"transaction".into())
        .map_err(problem)?
        .unchecked_into();
    Ok(transaction
        .call3(db, &names, &mode.into(), &options)
        .map_err(problem)?
        .unchecked_into())
}

async fn finished(tx: &IdbTransaction) -> Result<(), StorageProblem> {
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
        tx.set_onerror(Some(&reject));
    });
    JsFuture::from(done).await.map_err(|_| {
        tx.error()
            .map(|e| problem(e.into()))
            .unwrap_or(StorageProblem::Closed)
    })?;
    Ok(())
}

/// Writes every row of every store in one transaction: all or nothing.
/// Large imports go through here: one `JSON.parse` per store instead of
/// one crossing per record, every request issued at once.
pub async fn put_rows(
    name: &str,
    rows: Vec<Rows<'_>>,
    durability: Durability,
) -> Result<(), StorageProblem> {
    space_gate()?;
    note_space(put_rows_now(name, rows, durability).await)
}

async fn put_rows_now(
    name: &str,
    rows: Vec<Rows<'_>>,
    durability: Durability,
) -> Result<(), StorageProblem> {
    let db = open(name).await?;
    let mut names: Vec<&str> = rows
        .iter()
        .map(|r| match r {
            Rows::Json(s, _) | Rows::Values(s, _) => *s,
        })
        .collect();
    crate::domain::order::sort(&mut names);
    names.dedup();
    if names.is_empty() {
        return Ok(());
    }
    let tx = transaction(&db, &names, "readwrite", durability)?;
    let fail = |e: JsValue| {
        let _ = tx.abort();
        problem(e)
    };
    for r in rows {
        match r {
            Rows::Json(store, json) => {
                let store = tx.object_store(store).map_err(fail)?;
                let parsed: Array = js_sys::JSON::parse(&json).map_err(fail)?.unchecked_into();
                for v in parsed.iter() {
                    store.put(&v).map_err(fail)?;
                }
            }
            Rows::Values(store, values) => {
                let store = tx.object_store(store).map_err(fail)?;
                for v in values {
                    store.put(&v).map_err(fail)?;
                }
            }
        }
    }
    finished(&tx).await
}

/// Reads many records by primary key in one transaction (all requests at
/// once); `None` where a key is absent.
pub async fn get_many(
    name: &str,
    store: &str,
    keys: &[JsValue],
) -> Result<Vec<Option<JsValue>>, StorageProblem> {
    read_many(name, store, None, keys, Read::One).await
}

/// `getAll` on an index for each key range, in one transaction.
pub async fn index_get_all_many(
    name: &str,
    store: &str,
    index: &str,
    ranges: &[JsValue],
) -> Result<Vec<Option<JsValue>>, StorageProblem> {
    read_many(name, store, Some(index), ranges, Read::All).await
}

/// `getAllKeys` (primary keys) on an index for each key range, in one
/// transaction.
pub async fn index_get_all_keys_many(
    name: &str,
    store: &str,
    index: &str,
    ranges: &[JsValue],
) -> Result<Vec<Option<JsValue>>, StorageProblem> {
    read_many(name, store, Some(index), ranges, Read::Keys).await
}

#[derive(Clone, Copy, PartialEq)]
enum Read {
    One,
    All,
    Keys,
}

async fn read_many(
    name: &str,
    store: &str,
    index: Option<&str>,
    keys: &[JsValue],
    read: Read,
) -> Result<Vec<Option<JsValue>>, StorageProblem> {
    if keys.is_empty() {
        return Ok(Vec::new());
    }
    let db = open(name).await?;
    let tx = transaction(&db, &[store], "readonly", Durability::Relaxed)?;
    let os = tx.object_store(store).map_err(problem)?;
    let mut requests = Vec::with_capacity(keys.len());
    for k in keys {
        let request = match (index, read) {
            (Some(i), Read::All) => os.index(i).and_then(|ix| ix.get_all_with_key(k)),
            (Some(i), Read::Keys) => os.index(i).and_then(|ix| ix.get_all_keys_with_key(k)),
            (Some(i), Read::One) => os.index(i).and_then(|ix| ix.get(k)),
            (None, Read::All) => os.get_all_with_key(k),
            (None, Read::Keys) => os.get_all_keys_with_key(k),
            (None, Read::One) => os.get(k),
        }
        .map_err(problem)?;
        requests.push(request);
    }
    finished(&tx).await?;
    Ok(requests
        .into_iter()
        .map(|r| r.result().ok().filter(|v| !v.is_undefined()))
        .collect())
}

/// Whether asking for each id is cheaper than reading every key: one
/// request costs the page about as much as twenty keys of a `getAllKeys`
/// (measured at 4x throttling), so a 1,000-case bundle into 100,000
/// stored cases asks per id, and a 10,000-case bundle reads every key.
pub fn ask_per_id(ids: usize, stored: u32) -> bool {
    ids.saturating_mul(20) < stored as usize
}

/// Which of `ids` are primary keys of `store`: one count request per id
/// when there are few (`ask_per_id`), else every key read in one request
/// and put in a JS `Set` by the browser, then one lookup per id (no key is
/// copied into wasm: a district holds 100,000 cases).
pub async fn stored_keys(
    name: &str,
    store: &str,
    ids: &[String],
) -> Result<Vec<bool>, StorageProblem> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let db = open(name).await?;
    let tx = transaction(&db, &[store], "readonly", Durability::Relaxed)?;
    let count = tx
        .object_store(store)
        .and_then(|s| s.count())
        .map_err(problem)?;
    finished(&tx).await?;
    let stored = count.result().ok().and_then(|c| c.as_f64()).unwrap_or(0.0) as u32;
    let tx = transaction(&db, &[store], "readonly", Durability::Relaxed)?;
    let os = tx.object_store(store).map_err(problem)?;
    if ask_per_id(ids.len(), stored) {
        let requests = ids
            .iter()
            .map(|id| os.count_with_key(&JsValue::from_str(id)).map_err(problem))
            .collect::<Result<Vec<_>, _>>()?;
        finished(&tx).await?;
        return Ok(requests
            .iter()
            .map(|r| r.result().ok().and_then(|c| c.as_f64()).unwrap_or(0.0) > 0.0)
            .collect());
    }
    let request = os.get_all_keys().map_err(problem)?;
    finished(&tx).await?;
    let keys = request.result().map_err(problem)?;
    let set = js_sys::Set::new(&keys);
    Ok(ids
        .iter()
        .map(|id| set.has(&JsValue::from_str(id)))
        .collect())
}

/// `getAll` on `index` over the text range `lo..=hi`, at most `limit`
/// records; `None` if there are more (the caller asks key by key then).
pub async fn index_range(
    name: &str,
    store: &str,
    index: &str,
    lo: &str,
    hi: &str,
    limit: u32,
) -> Result<Option<Array>, StorageProblem> {
    let db = open(name).await?;
    let tx = transaction(&db, &[store], "readonly", Durability::Relaxed)?;
    let range = web_sys::IdbKeyRange::bound(&JsValue::from_str(lo), &JsValue::from_str(hi))
        .map_err(problem)?;
    let request = tx
        .object_store(store)
        .and_then(|s| s.index(index))
        .and_then(|i| i.get_all_with_key_and_limit(&range, limit + 1))
        .map_err(problem)?;
    finished(&tx).await?;
    let rows: Array = request.result().map_err(problem)?.unchecked_into();
    Ok((rows.length() <= limit).then_some(rows))
}
