//! The people who share the district office's laptop: each works one
//! district role of the office's pack (operator, Kasi, Kabid, Sekdin,
//! Kadis) and switches to it with a PIN. No server: the PIN only keeps one
//! colleague from acting in another's lane by mistake.
//!
//! Invariants: a PIN is never stored, only its PBKDF2-HMAC-SHA256 digest
//! with a random salt; validation reports every problem at once.

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::photo::hex;
use super::profile::MAX_NAME_CHARS;
use crate::bundle::codec::unhex;

/// PBKDF2 rounds for a PIN digest: a few tens of milliseconds on a laptop.
pub const PIN_ROUNDS: u32 = 20_000;
/// A PIN is 4 to 8 digits.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;

/// One user of the office laptop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// Random, hex.
    pub id: String,
    pub name: String,
    /// A district role id of the office's pack.
    pub role: String,
    /// Hex salt and PBKDF2 digest of the PIN.
    pub salt: String,
    pub pin: String,
}

/// One thing wrong with a new staff member; the UI turns it into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffProblem {
    NameMissing,
    NameTooLong,
    /// Another user of this laptop has the name.
    NameTaken,
    /// Not a district role of the office's pack.
    RoleUnknown,
    /// Not 4 to 8 digits.
    PinMalformed,
    /// The PIN typed twice differs.
    PinMismatch,
}

/// What the form gives for a new staff member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStaff {
    pub name: String,
    pub role: String,
    pub pin: String,
    pub pin_again: String,
}

impl NewStaff {
    /// Every problem, in field order; `roles` are the district roles of
    /// the office's pack.
    pub fn validate(&self, existing: &[StaffMember], roles: &[&str]) -> Vec<StaffProblem> {
        let mut out = Vec::new();
        let name = self.name();
        if name.is_empty() {
            out.push(StaffProblem::NameMissing);
        } else if name.chars().count() > MAX_NAME_CHARS {
            out.push(StaffProblem::NameTooLong);
        } else if existing
            .iter()
            .any(|m| m.name.to_lowercase() == name.to_lowercase())
        {
            out.push(StaffProblem::NameTaken);
        }
        if !roles.contains(&self.role.as_str()) {
            out.push(StaffProblem::RoleUnknown);
        }
        if !pin_well_formed(&self.pin) {
            out.push(StaffProblem::PinMalformed);
        } else if self.pin != self.pin_again {
            out.push(StaffProblem::PinMismatch);
        }
        out
    }

    /// The name with its spaces collapsed.
    pub fn name(&self) -> String {
        self.name.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The member to store, once `validate` found nothing; `id` and
    /// `salt` come from the caller's random source.
    pub fn member(&self, id: String, salt: &[u8]) -> StaffMember {
        StaffMember {
            id,
            name: self.name(),
            role: self.role.clone(),
            salt: hex(salt),
            pin: pin_digest(salt, &self.pin),
        }
    }
}

fn pin_well_formed(pin: &str) -> bool {
    (PIN_MIN..=PIN_MAX).contains(&pin.len()) && pin.bytes().all(|b| b.is_ascii_digit())
}

/// PBKDF2-HMAC-SHA256 of the PIN under `salt`, one 32-byte block, hex.
pub fn pin_digest(salt: &[u8], pin: &str) -> String {
    hex(&pbkdf2_block(pin.as_bytes(), salt, PIN_ROUNDS))
}

/// The first 32-byte block of PBKDF2-HMAC-SHA256 (RFC 8018).
fn pbkdf2_block(password: &[u8], salt: &[u8], rounds: u32) -> [u8; 32] {
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

#[cfg(test)]
mod tests {
    use super::*;
    use StaffProblem::*;

    fn new(name: &str, role: &str, pin: &str, again: &str) -> NewStaff {
        NewStaff {
            name: name.into(),
            role: role.into(),
            pin: pin.into(),
            pin_again: again.into(),
        }
    }

    const ROLES: &[&str] = &["operator", "kabid", "sekdin", "kadis"];

    #[test]
    fn validation_reports_every_problem_at_once() {
        assert_eq!(
            new(" ", "bupati", "12a4", "12a4").validate(&[], ROLES),
            [NameMissing, RoleUnknown, PinMalformed]
        );
        assert_eq!(
            new("Bu Rina", "kabid", "1234", "1243").validate(&[], ROLES),
            [PinMismatch]
        );
        assert_eq!(
            new(&"x".repeat(61), "kabid", "123", "123").validate(&[], ROLES),
            [NameTooLong, PinMalformed]
        );
        assert_eq!(
            new("Bu  Rina", "kabid", "123456789", "123456789").validate(&[], ROLES),
            [PinMalformed]
        );
        let rina = new("Bu Rina", "kabid", "2468", "2468").member("a1".into(), b"salt-1");
        assert_eq!(
            new("bu rina", "kadis", "1357", "1357").validate(&[rina], ROLES),
            [NameTaken]
        );
        assert!(new("Pak Joko", "operator", "00000000", "00000000")
            .validate(&[], ROLES)
            .is_empty());
    }

    #[test]
    fn a_pin_is_kept_only_as_a_salted_digest_and_checked_against_it() {
        let m = new("Bu  Rina ", "kabid", "2468", "2468").member("a1".into(), b"salt-1");
        assert_eq!(m.name, "Bu Rina");
        assert!(!m.pin.contains("2468") && !m.salt.contains("2468"));
        assert_eq!(m.pin.len(), 64);
        assert!(m.pin_matches("2468"));
        assert!(!m.pin_matches("2469"));
        assert!(!m.pin_matches(""));
        let other_salt = new("Bu Rina", "kabid", "2468", "2468").member("a1".into(), b"salt-2");
        assert_ne!(m.pin, other_salt.pin, "the same PIN, another digest");
        let broken = StaffMember {
            salt: "zz".into(),
            ..m
        };
        assert!(!broken.pin_matches("2468"));
    }

    #[test]
    fn the_digest_is_pbkdf2_hmac_sha256() {
        // RFC 7914 section 11's PBKDF2-HMAC-SHA256 vectors (first block).
        assert_eq!(
            hex(&pbkdf2_block(b"passwd", b"salt", 1)),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
        assert_eq!(
            hex(&pbkdf2_block(b"Password", b"NaCl", 80_000)),
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        );
        assert_eq!(
            pin_digest(b"NaCl", "2468"),
            hex(&pbkdf2_block(b"2468", b"NaCl", PIN_ROUNDS))
        );
    }
}
