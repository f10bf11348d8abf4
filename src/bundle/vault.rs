//! The device's secrets at rest: wrapped under a key only the officer's
//! PIN or passphrase opens, so another page of the same website that
//! reads the database finds no private key in plain form, and cannot
//! write a trust record (an enrolled device, the trusted office, the
//! staff) the app would believe.
//!
//! - `Lock` (stored): scrypt's salt and work factor, and a random 32-byte
//!   master key sealed with ChaCha20-Poly1305 under the key scrypt derives
//!   from the PIN. A wrong PIN fails the seal's tag; nothing else tells.
//! - `Vault` (in memory only, while unlocked): the master key. Secrets are
//!   sealed under a key derived from it per purpose (`seal`, `open`), and
//!   trust records carry an HMAC-SHA256 tag under another (`tag`,
//!   `verify`). Changing the PIN re-seals the master only.
//!
//! Pure: randomness is passed in, as everywhere in `bundle`.

use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce, Tag};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::codec::{b64_decode_strict, b64_encode};
use super::Random;

/// scrypt's work factor for a new lock: 2^15 with r = 8 (32 MiB), about
/// half a second in wasm on a cheap phone (docs/benchmark.md), once per
/// app session. Stored with the lock, so it can grow later.
pub const LOCK_LOG_N: u8 = 15;
/// The work factors a stored lock may name.
const LOG_N_RANGE: std::ops::RangeInclusive<u8> = 10..=20;
/// The shortest PIN: six digits. A passphrase (anything not all digits)
/// needs eight characters.
pub const PIN_MIN_DIGITS: usize = 6;
pub const PASSPHRASE_MIN_CHARS: usize = 8;

/// Why a PIN or passphrase is not taken when it is set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SecretProblem {
    TooShort,
    /// All one digit, or a run (123456, 654321).
    Guessable,
    Mismatch,
}

/// Every problem of a new PIN or passphrase and its repetition.
pub fn check_new_secret(secret: &str, again: &str) -> Vec<SecretProblem> {
    let mut out = Vec::new();
    let digits = !secret.is_empty() && secret.chars().all(|c| c.is_ascii_digit());
    let chars = secret.chars().count();
    if (digits && chars < PIN_MIN_DIGITS) || (!digits && chars < PASSPHRASE_MIN_CHARS) {
        out.push(SecretProblem::TooShort);
    } else if digits {
        let d: Vec<i32> = secret.bytes().map(|b| i32::from(b - b'0')).collect();
        let steps: Vec<i32> = d.windows(2).map(|w| w[1] - w[0]).collect();
        if steps.iter().all(|&s| s == steps[0]) && steps[0].abs() <= 1 {
            out.push(SecretProblem::Guessable);
        }
    }
    if secret != again {
        out.push(SecretProblem::Mismatch);
    }
    out
}

/// What is stored: the master key sealed under the PIN's key.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Lock {
    pub log_n: u8,
    /// base64, 16 bytes.
    pub salt: String,
    /// base64: the sealed master key (nonce, ciphertext and tag).
    pub master: String,
}

/// A secret sealed under the master key (base64: nonce, ciphertext, tag).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sealed(pub String);

/// The unlocked master key: in memory only.
#[derive(Clone)]
pub struct Vault {
    master: [u8; 32],
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Vault(..)")
    }
}

fn pin_key(secret: &str, salt: &[u8], log_n: u8) -> Option<[u8; 32]> {
    if !LOG_N_RANGE.contains(&log_n) {
        return None;
    }
    let params = scrypt::Params::new(log_n, 8, 1).ok()?;
    let mut key = [0u8; 32];
    let mut full_salt = b"pandu-vault-v1".to_vec();
    full_salt.extend_from_slice(salt);
    scrypt::scrypt(secret.as_bytes(), &full_salt, &params, &mut key).ok()?;
    Some(key)
}

fn seal_with(key: &[u8; 32], plaintext: &[u8], aad: &[u8], rng: &mut dyn Random) -> String {
    let mut nonce = [0u8; 12];
    rng.fill(&mut nonce);
    let mut buf = plaintext.to_vec();
    let tag = ChaCha20Poly1305::new(key.into())
        .encrypt_inout_detached(&Nonce::from(nonce), aad, buf.as_mut_slice().into())
        .expect("a secret far below ChaCha20's limit");
    let mut out = nonce.to_vec();
    out.extend_from_slice(&buf);
    out.extend_from_slice(&tag);
    b64_encode(&out, false)
}

fn open_with(key: &[u8; 32], sealed: &str, aad: &[u8]) -> Option<Vec<u8>> {
    let bytes = b64_decode_strict(sealed)?;
    if bytes.len() < 28 {
        return None;
    }
    let (nonce, rest) = bytes.split_at(12);
    let (body, tag) = rest.split_at(rest.len() - 16);
    let mut buf = body.to_vec();
    let nonce: [u8; 12] = nonce.try_into().ok()?;
    let tag = Tag::try_from(tag).ok()?;
    ChaCha20Poly1305::new(key.into())
        .decrypt_inout_detached(&Nonce::from(nonce), aad, buf.as_mut_slice().into(), &tag)
        .ok()?;
    Some(buf)
}

impl Vault {
    /// A new master key, and its lock under `secret`.
    pub fn create(secret: &str, log_n: u8, rng: &mut dyn Random) -> Option<(Vault, Lock)> {
        let mut master = [0u8; 32];
        rng.fill(&mut master);
        let vault = Vault { master };
        let lock = vault.lock(secret, log_n, rng)?;
        Some((vault, lock))
    }

    /// The master key sealed under `secret` (a new PIN, same secrets).
    pub fn lock(&self, secret: &str, log_n: u8, rng: &mut dyn Random) -> Option<Lock> {
        let mut salt = [0u8; 16];
        rng.fill(&mut salt);
        let key = pin_key(secret, &salt, log_n)?;
        Some(Lock {
            log_n,
            salt: b64_encode(&salt, false),
            master: seal_with(&key, &self.master, b"master", rng),
        })
    }

    /// Opens `lock` with `secret`; `None` for a wrong PIN or a lock that
    /// was changed.
    pub fn unlock(lock: &Lock, secret: &str) -> Option<Vault> {
        let salt = b64_decode_strict(&lock.salt)?;
        let key = pin_key(secret, &salt, lock.log_n)?;
        let master: [u8; 32] = open_with(&key, &lock.master, b"master")?.try_into().ok()?;
        Some(Vault { master })
    }

    fn key(&self, purpose: &str) -> [u8; 32] {
        let mut out = [0u8; 32];
        Hkdf::<Sha256>::new(Some(b"pandu-vault-v1"), &self.master)
            .expand(purpose.as_bytes(), &mut out)
            .expect("32 bytes is a valid HKDF output");
        out
    }

    /// Seals a secret for `purpose` (`device`, `office`): another purpose's
    /// sealed bytes never open as this one.
    pub fn seal(&self, purpose: &str, secret: &[u8], rng: &mut dyn Random) -> Sealed {
        Sealed(seal_with(
            &self.key("seal"),
            secret,
            purpose.as_bytes(),
            rng,
        ))
    }

    pub fn open(&self, purpose: &str, sealed: &Sealed) -> Option<Vec<u8>> {
        open_with(&self.key("seal"), &sealed.0, purpose.as_bytes())
    }

    /// HMAC-SHA256 under the trust key over the record's kind and bytes.
    fn mac(&self, kind: &str, record: &[u8]) -> Hmac<Sha256> {
        let mut mac = <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(&self.key("trust"))
            .expect("HMAC takes any key length");
        mac.update(kind.as_bytes());
        mac.update(&[0]);
        mac.update(record);
        mac
    }

    /// The tag a trust record carries.
    pub fn tag(&self, kind: &str, record: &[u8]) -> String {
        b64_encode(&self.mac(kind, record).finalize().into_bytes(), false)
    }

    /// Whether `tag` is this vault's tag of the record (constant time).
    pub fn verify(&self, kind: &str, record: &[u8], tag: &str) -> bool {
        b64_decode_strict(tag).is_some_and(|t| self.mac(kind, record).verify_slice(&t).is_ok())
    }
}
