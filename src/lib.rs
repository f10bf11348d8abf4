//! Pandu: an offline-first guide through PBI-JKN procedures.
//!
//! The crate is split as the README's Architecture section describes:
//! a pure core (`domain`, `bundle`, `i18n`) that knows nothing of the
//! browser and is tested natively, `store`, the only module that does I/O,
//! and `ui`, the Leptos components. `store` and `ui` exist only on wasm32.

pub mod bundle;
pub mod domain;
pub mod i18n;

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;
