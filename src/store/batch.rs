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

/// Puts `(store, record)` pairs into database `name` in one transaction;
/// all are stored, or none.
pub async fn put_all(
    name: &str,
    puts: &[(&str, JsValue)],
    durability: Durability,
) -> Result<(), StorageProblem> {
    let db = open(name).await?;
    let names: Array = puts
        .iter()
        .map(|(s, _)| JsValue::from_str(s))
        .collect::<Array>();
    let options = Object::new();
    let level = match durability {
        Durability::Relaxed => "relaxed",
        Durability::Strict => "strict",
    };
    Reflect::set(&options, &"durability".into(), &level.into()).map_err(problem)?;
    // `transaction(names, mode, options)`: called by name, since web-sys
    // keeps the options overload behind its unstable-APIs flag.
    let transaction: Function = Reflect::get(&db, &"transaction".into())
        .map_err(problem)?
        .unchecked_into();
    let tx: IdbTransaction = transaction
        .call3(&db, &names, &"readwrite".into(), &options)
        .map_err(problem)?
        .unchecked_into();
    let done = Promise::new(&mut |resolve: Function, reject: Function| {
        tx.set_oncomplete(Some(&resolve));
        tx.set_onabort(Some(&reject));
        tx.set_onerror(Some(&reject));
    });
    for (store, record) in puts {
        let request: Result<IdbRequest, JsValue> =
            tx.object_store(store).and_then(|s| s.put(record));
        if let Err(e) = request {
            let _ = tx.abort();
            return Err(problem(e));
        }
    }
    JsFuture::from(done).await.map_err(|_| {
        tx.error()
            .map(|e| problem(e.into()))
            .unwrap_or(StorageProblem::Closed)
    })?;
    Ok(())
}
