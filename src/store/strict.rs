//! Writes with strict durability. rexie opens transactions with the
//! browser's default durability (Chromium: relaxed, which is fine for a
//! draft field); finishing a case must survive a power cut the moment the
//! officer is told it is saved, so those writes go through a second, plain
//! IndexedDB connection and `{durability: "strict"}`.
//!
//! The connection opens the current version without upgrading, and closes
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

/// Puts `(store, record)` pairs into database `name` in one
/// strict-durability transaction; all are stored, or none.
pub async fn put_strict(name: &str, puts: &[(&str, JsValue)]) -> Result<(), StorageProblem> {
    let db = open(name).await?;
    let names: Array = puts
        .iter()
        .map(|(s, _)| JsValue::from_str(s))
        .collect::<Array>();
    let options = Object::new();
    Reflect::set(&options, &"durability".into(), &"strict".into()).map_err(problem)?;
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
