//! PINs: digests (PBKDF2-HMAC-SHA256, never the PIN itself), checking
//! one without an early exit, and the guard that makes wrong ones wait.

use super::*;

pub(super) fn pin_well_formed(pin: &str) -> bool {
    (PIN_MIN..=PIN_MAX).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// PBKDF2-HMAC-SHA256 of the PIN under `salt`, one 32-byte block, hex.
pub fn pin_digest(salt: &[u8], pin: &str) -> String {
    hex(&pbkdf2_block(pin.as_bytes(), salt, PIN_ROUNDS))
}

/// The first 32-byte block of PBKDF2-HMAC-SHA256 (RFC 8018).
pub(super) fn pbkdf2_block(password: &[u8], salt: &[u8], rounds: u32) -> [u8; 32] {
    let mac =
        <Hmac<Sha256> as KeyInit>::new_from_slice(password).expect("HMAC takes any key length");
    let mut m = mac.clone();
    m.update(salt);
    m.update(&1u32.to_be_bytes());
    let mut u: [u8; 32] = m.finalize().into_bytes().into();
    let mut out = u;
    for _ in 1..rounds {
        let mut m = mac.clone();
        m.update(&u);
        u = m.finalize().into_bytes().into();
        for (o, x) in out.iter_mut().zip(u) {
            *o ^= x;
        }
    }
    out
}

impl StaffMember {
    /// Whether `pin` is this member's PIN (compared without an early exit).
    pub fn pin_matches(&self, pin: &str) -> bool {
        let Some(salt) = unhex(&self.salt) else {
            return false;
        };
        let typed = pin_digest(&salt, pin);
        typed.len() == self.pin.len()
            && typed
                .bytes()
                .zip(self.pin.bytes())
                .fold(0u8, |acc, (a, b)| acc | (a ^ b))
                == 0
    }
}

/// Wrong PINs typed in a row on this laptop, and until when PIN entry
/// waits: the first three are free, then 30 seconds, doubling to at most
/// 15 minutes, so a 4-digit PIN cannot be tried through by hand or by a
/// script in an afternoon. A right PIN clears it. The store keeps it across
/// reloads; time is passed in.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinGuard {
    pub failures: u32,
    pub until: crate::domain::date::Millis,
}

impl PinGuard {
    /// Wrong PINs allowed before the first wait.
    pub const FREE_TRIES: u32 = 3;

    /// How long PIN entry still waits at `now`, if it does.
    pub fn wait_left(
        &self,
        now: crate::domain::date::Millis,
    ) -> Option<crate::domain::date::Millis> {
        (now < self.until).then(|| self.until - now)
    }

    /// The guard after one more wrong PIN at `now`.
    pub fn failed(self, now: crate::domain::date::Millis) -> PinGuard {
        let failures = self.failures.saturating_add(1);
        let wait = match failures.checked_sub(Self::FREE_TRIES + 1) {
            None => 0,
            Some(n) => (30_000i64 << n.min(5)).min(15 * 60_000),
        };
        PinGuard {
            failures,
            until: now + wait,
        }
    }
}
