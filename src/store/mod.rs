//! The only module that does I/O: IndexedDB (`db`), small preferences in
//! localStorage (`prefs`), and the browser's storage manager and service
//! worker (`platform`).
//!
//! Architecture invariant: browser handles and `JsValue`s stay in here.
//! Callers get domain types and `StorageProblem` reason codes back; the UI
//! never sees a `JsValue`.

pub mod db;
pub mod packs;
pub mod platform;
pub mod prefs;

pub use db::Db;
