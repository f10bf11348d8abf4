//! Small preferences kept in localStorage (gloo-storage): they must be
//! readable synchronously at start-up, before IndexedDB opens, so the very
//! first paint is in the officer's language. The staff member working the
//! office laptop is kept in sessionStorage: closing the tab signs out.

use gloo_storage::{LocalStorage, SessionStorage, Storage};

use crate::domain::staff::PinGuard;
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

const PIN_GUARD_KEY: &str = "pandu.pin_guard";

/// Wrong PINs in a row on this laptop (`staff::PinGuard`); kept in
/// localStorage so a reload does not clear it.
pub fn pin_guard() -> PinGuard {
    LocalStorage::get::<PinGuard>(PIN_GUARD_KEY).unwrap_or_default()
}

/// Saves the guard after a PIN was checked.
pub fn set_pin_guard(guard: PinGuard) {
    let _ = LocalStorage::set(PIN_GUARD_KEY, guard);
}

const STAFF_KEY: &str = "pandu.staff";

/// The id of the staff member signed in in this tab (district mode).
pub fn active_staff() -> Option<String> {
    SessionStorage::get::<String>(STAFF_KEY).ok()
}

/// Signs a staff member in for this tab (`None` signs out).
pub fn set_active_staff(id: Option<&str>) {
    match id {
        Some(id) => {
            let _ = SessionStorage::set(STAFF_KEY, id);
        }
        None => SessionStorage::delete(STAFF_KEY),
    }
}

/// The fingerprint of this device's key, kept beside IndexedDB: Chromium
/// evicts a site's IndexedDB (not its localStorage) when the disk fills,
/// so a key remembered here but missing there means the browser deleted
/// the data, and the officer is told instead of silently starting over.
const DEVICE_KEY: &str = "pandu.device";
const WIPED_KEY: &str = "pandu.wiped";

pub fn remembered_device() -> Option<String> {
    LocalStorage::get::<String>(DEVICE_KEY).ok()
}

pub fn remember_device(fingerprint: &str) {
    let _ = LocalStorage::set(DEVICE_KEY, fingerprint);
}

/// When the browser was found to have deleted the data (until the
/// officer has read the message).
pub fn wiped() -> Option<String> {
    LocalStorage::get::<String>(WIPED_KEY).ok()
}

/// Records the finding, or (`None`, once the officer has read it)
/// forgets it and the lost key, so the next key made is remembered anew.
pub fn set_wiped(fingerprint: Option<&str>) {
    match fingerprint {
        Some(f) => {
            let _ = LocalStorage::set(WIPED_KEY, f);
        }
        None => {
            LocalStorage::delete(WIPED_KEY);
            LocalStorage::delete(DEVICE_KEY);
        }
    }
}
