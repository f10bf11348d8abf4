//! The only module that does I/O: IndexedDB (`db`, `cases`, `packs`,
//! `batch`, `letters`), photos (`photos`: decode, resize, re-encode, hash), small
//! preferences in localStorage (`prefs`), the other tabs (`tabs`), and the browser's storage manager
//! and service worker (`platform`).
//!
//! Architecture invariant: browser handles and `JsValue`s stay in here.
//! Callers get domain types and `StorageProblem` reason codes back; the UI
//! never sees a `JsValue` (it hands over the `File` the officer picked and
//! gets a prepared photo back).

pub mod batch;
pub mod cases;
pub mod db;
pub mod exchange;
pub mod letters;
pub mod packs;
pub mod photos;
pub mod platform;
pub mod prefs;
pub mod staff;
pub mod tabs;
pub mod vault;

pub use db::Db;
