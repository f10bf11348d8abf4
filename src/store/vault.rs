//! The officer's PIN and the device's secrets (`bundle::vault`): the lock
//! is stored in `keys`; the unlocked vault lives in this tab's memory only
//! and is dropped after `IDLE_LOCK_MS` without use, or on "Kunci".
//!
//! Until a PIN is set, keys made before this version stay as they were;
//! setting the PIN seals them and tags every trust record, and no new key
//! is ever made or stored without the vault.

use std::cell::RefCell;
use std::collections::HashMap;

use leptos::prelude::*;
use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::cases::text_prefix_range;
use super::db::{from_js, rw, stores, Db};
use super::exchange::{DEVICE, DISTRICT, OFFICE, PEER_PREFIX};
use super::platform::{now, SystemRandom};
use crate::bundle::vault::{check_new_secret, Lock, SecretProblem, Vault, LOCK_LOG_N};
use crate::domain::staff::PinGuard;
use crate::domain::storage::StorageProblem;

/// The key of the lock in the `keys` store.
pub(super) const LOCK: &str = "lock";
/// Fifteen minutes without a tap or a key: locked again.
pub const IDLE_LOCK_MS: f64 = 15.0 * 60_000.0;

thread_local! {
    /// The open vault of each database (the app has one; the browser
    /// tests hold a village's and an office's side by side), with when it
    /// was last used.
    static OPEN: RefCell<HashMap<String, (Vault, f64)>> = RefCell::new(HashMap::new());
    /// Whether the vault is open, for pages to follow (reference-counted:
    /// no page's owner may dispose of it).
    static STATE: ArcRwSignal<bool> = ArcRwSignal::new(false);
}

/// Where the vault stands on this device.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum VaultStatus {
    /// No PIN set yet.
    NoPin,
    Locked,
    Open,
}

/// Why the PIN was not taken.
#[derive(Debug, Clone, PartialEq)]
pub enum VaultProblem {
    New(Vec<SecretProblem>),
    WrongPin,
    /// Wrong PINs in a row: wait this long (ms).
    Wait(i64),
    Storage(StorageProblem),
}

impl From<StorageProblem> for VaultProblem {
    fn from(p: StorageProblem) -> VaultProblem {
        VaultProblem::Storage(p)
    }
}

/// The open vault of database `name`, or `Locked`; each use counts as
/// activity. One past its idle time is dropped.
fn open_vault(name: &str) -> Result<Vault, StorageProblem> {
    let t = js_sys::Date::now();
    OPEN.with(|o| {
        let mut o = o.borrow_mut();
        match o.get_mut(name) {
            Some((v, last)) if t - *last < IDLE_LOCK_MS => {
                *last = t;
                Ok(v.clone())
            }
            _ => {
                if o.remove(name).is_some() {
                    STATE.with(|s| s.set(false));
                }
                Err(StorageProblem::Locked)
            }
        }
    })
}

/// The officer did something: the idle time starts again.
pub fn touch() {
    let t = js_sys::Date::now();
    OPEN.with(|o| {
        for (_, last) in o.borrow_mut().values_mut() {
            if t - *last < IDLE_LOCK_MS {
                *last = t;
            }
        }
    });
}

/// Locks every vault whose idle time ran out (called from a timer).
pub fn lock_if_idle() {
    let t = js_sys::Date::now();
    let dropped = OPEN.with(|o| {
        let mut o = o.borrow_mut();
        let before = o.len();
        o.retain(|_, (_, last)| t - *last < IDLE_LOCK_MS);
        before != o.len()
    });
    if dropped {
        STATE.with(|s| s.set(false));
    }
}

/// Whether a vault was opened or locked, as a signal pages can follow.
pub fn is_open() -> bool {
    STATE.with(|s| s.get())
}

/// `is_open` without following it.
pub fn is_open_untracked() -> bool {
    STATE.with(|s| s.get_untracked())
}

fn opened(name: &str, v: Vault) {
    OPEN.with(|o| {
        o.borrow_mut()
            .insert(name.to_string(), (v, js_sys::Date::now()))
    });
    STATE.with(|s| {
        if !s.get_untracked() {
            s.set(true)
        }
    });
}

impl Db {
    /// This database's open vault, or `Locked`.
    pub fn vault(&self) -> Result<Vault, StorageProblem> {
        open_vault(&self.rexie().name())
    }

    async fn lock_record(&self) -> Result<Option<Lock>, StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::KEYS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let store = tx.store(stores::KEYS).map_err(rw)?;
        match store.get(JsValue::from_str(LOCK)).await.map_err(rw)? {
            Some(v) if v.is_object() => Ok(Some(from_js::<LockRecord>(v)?.lock)),
            _ => Ok(None),
        }
    }

    pub async fn vault_status(&self) -> Result<VaultStatus, StorageProblem> {
        if self.vault().is_ok() {
            return Ok(VaultStatus::Open);
        }
        Ok(match self.lock_record().await? {
            None => VaultStatus::NoPin,
            Some(_) => VaultStatus::Locked,
        })
    }

    /// Sets the first PIN: a new vault, the keys made before it sealed and
    /// the trust records tagged, in one transaction.
    pub async fn set_pin(&self, pin: &str, again: &str) -> Result<(), VaultProblem> {
        let problems = check_new_secret(pin, again);
        if !problems.is_empty() {
            return Err(VaultProblem::New(problems));
        }
        if self.lock_record().await?.is_some() {
            return Err(VaultProblem::Storage(StorageProblem::Other(
                "a PIN is set".into(),
            )));
        }
        let (vault, lock) =
            Vault::create(pin, LOCK_LOG_N, &mut SystemRandom).ok_or(VaultProblem::WrongPin)?;
        self.seal_existing(&vault, lock).await?;
        opened(&self.rexie().name(), vault);
        Ok(())
    }

    /// Opens the vault with the PIN; wrong PINs in a row make it wait
    /// (`PinGuard`, kept with the staff PINs' in localStorage).
    pub async fn unlock(&self, pin: &str) -> Result<(), VaultProblem> {
        let guard = super::prefs::pin_guard();
        if let Some(wait) = guard.wait_left(now()) {
            return Err(VaultProblem::Wait(wait));
        }
        let lock = self
            .lock_record()
            .await?
            .ok_or(VaultProblem::Storage(StorageProblem::Locked))?;
        match Vault::unlock(&lock, pin) {
            Some(v) => {
                super::prefs::set_pin_guard(PinGuard::default());
                opened(&self.rexie().name(), v);
                Ok(())
            }
            None => {
                super::prefs::set_pin_guard(guard.failed(now()));
                Err(VaultProblem::WrongPin)
            }
        }
    }
}

impl Db {
    /// Locks this database's vault now ("Kunci" on the office laptop).
    pub fn lock(&self) {
        if OPEN.with(|o| o.borrow_mut().remove(&self.rexie().name()).is_some()) {
            STATE.with(|s| s.set(false));
        }
    }

    /// A forgotten PIN: the lock and everything only it opened or vouched
    /// for (the device's and the office's keys, the trusted district, the
    /// known devices) are deleted in one transaction, so a new PIN starts
    /// afresh. Cases, photos and the profile stay.
    pub async fn forget_keys(&self) -> Result<(), StorageProblem> {
        let tx = self
            .rexie()
            .transaction(&[stores::KEYS], TransactionMode::ReadWrite)
            .map_err(rw)?;
        let store = tx.store(stores::KEYS).map_err(rw)?;
        for key in [LOCK, DEVICE, OFFICE, DISTRICT] {
            store.delete(JsValue::from_str(key)).await.map_err(rw)?;
        }
        let peers = text_prefix_range(PEER_PREFIX)?;
        store.delete(peers.into()).await.map_err(rw)?;
        tx.done().await.map_err(rw)?;
        OPEN.with(|o| o.borrow_mut().remove(&self.rexie().name()));
        STATE.with(|s| s.set(false));
        // A missing key is now expected: not a sign the browser wiped it.
        super::prefs::set_wiped(None);
        Ok(())
    }
}

#[derive(serde::Serialize, serde::Deserialize)]
pub(super) struct LockRecord {
    pub(super) lock: Lock,
}
