//! Small preferences kept in localStorage (gloo-storage): they must be
//! readable synchronously at start-up, before IndexedDB opens, so the very
//! first paint is in the officer's language.

use gloo_storage::{LocalStorage, Storage};

use crate::i18n::Lang;

const LANG_KEY: &str = "pandu.lang";

/// The saved interface language; Indonesian when nothing (or nothing
/// readable) is saved, e.g. where localStorage is blocked.
pub fn language() -> Lang {
    LocalStorage::get::<String>(LANG_KEY)
        .map(|code| Lang::from_code(&code))
        .unwrap_or_default()
}

/// Saves the interface language. Returns false when the browser refused;
/// the choice then lasts until the page is closed.
pub fn set_language(lang: Lang) -> bool {
    LocalStorage::set(LANG_KEY, lang.code()).is_ok()
}

const PACK_KEY: &str = "pandu.pack";

/// The regency pack chosen on this device, if any.
pub fn pack() -> Option<String> {
    LocalStorage::get::<String>(PACK_KEY).ok()
}

/// Remembers the regency pack; false when the browser refused.
pub fn set_pack(id: &str) -> bool {
    LocalStorage::set(PACK_KEY, id).is_ok()
}
