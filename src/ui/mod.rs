//! The Leptos interface, in two wings built from this one crate:
//!
//! - `village`: the app a village officer's phone downloads (home, new
//!   case, the case page's village work, send, receive, procedures,
//!   settings without office setup). Entry: `src/main.rs`.
//! - `office`: the district workspace at `<sub-path>/kantor/`, everything
//!   the office uses and the village pages for walk-ins. Entry:
//!   `src/bin/kantor.rs`.
//! - `common`: the shell, the contexts and the components both use.
//!
//! Arrows (checked by `tests/tidy.rs`): `common` names no wing, `village`
//! names `common` and never `office`, `office` may name both. The office
//! adds its parts to shared pages through small contexts of function
//! pointers (`village::case::OfficeCase`, `village::keys::OfficeKeys`,
//! `village::settings::OfficeSettings`), so the village app links none of
//! their code.

pub mod common;
pub mod office;
pub mod village;

pub use common::*;
