//! Device and district identities: an Ed25519 key that signs bundles and
//! an X25519 (age) key that bundles are encrypted to.
//!
//! A key's fingerprint is the SHA-256 of the Ed25519 public key, as hex.
//! It is the DSSE `keyid`, the name a device is enrolled under, and what
//! two officers read to each other over the phone (`spoken`).

use ed25519_dalek::{Signature, Signer, SigningKey, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::age::{X25519Identity, X25519Recipient};
use super::codec::{b64_decode_strict, b64_encode, hex};
use super::{sha256, Random};

/// Both secret keys of a device (or of the district office).
#[derive(Clone)]
pub struct KeyPair {
    sign: SigningKey,
    agree: X25519Identity,
}

/// The stored form of a key pair (IndexedDB `keys` store, key backups).
#[derive(Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SecretKeys {
    /// The Ed25519 seed, base64.
    pub sign: String,
    /// The age identity, "AGE-SECRET-KEY-1...".
    pub age: String,
}

impl std::fmt::Debug for SecretKeys {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKeys(..)")
    }
}

/// The public half: what a device card or district config carries.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PublicKeys {
    /// The Ed25519 public key, base64 (unpadded).
    pub sign_key: String,
    /// The X25519 public key as an age recipient, "age1...".
    pub age: String,
}

impl KeyPair {
    pub fn generate(rng: &mut dyn Random) -> KeyPair {
        let mut seed = [0u8; 32];
        rng.fill(&mut seed);
        KeyPair {
            sign: SigningKey::from_bytes(&seed),
            agree: X25519Identity::generate(rng),
        }
    }

    pub fn to_secret(&self) -> SecretKeys {
        SecretKeys {
            sign: b64_encode(&self.sign.to_bytes(), false),
            age: self.agree.encode(),
        }
    }

    pub fn from_secret(s: &SecretKeys) -> Option<KeyPair> {
        let seed: [u8; 32] = b64_decode_strict(&s.sign)?.try_into().ok()?;
        Some(KeyPair {
            sign: SigningKey::from_bytes(&seed),
            agree: X25519Identity::decode(&s.age)?,
        })
    }

    pub fn public(&self) -> PublicKeys {
        PublicKeys {
            sign_key: b64_encode(self.sign.verifying_key().as_bytes(), false),
            age: self.agree.recipient().encode(),
        }
    }

    pub fn fingerprint(&self) -> String {
        fingerprint(self.sign.verifying_key().as_bytes())
    }

    pub fn sign(&self, message: &[u8]) -> [u8; 64] {
        self.sign.sign(message).to_bytes()
    }

    pub fn age_identity(&self) -> &X25519Identity {
        &self.agree
    }
}

impl PublicKeys {
    /// The Ed25519 key, if it is 32 bytes of a valid point.
    pub fn verifying_key(&self) -> Option<VerifyingKey> {
        let bytes: [u8; 32] = b64_decode_strict(&self.sign_key)?.try_into().ok()?;
        VerifyingKey::from_bytes(&bytes).ok()
    }

    pub fn age_recipient(&self) -> Option<X25519Recipient> {
        X25519Recipient::decode(&self.age)
    }

    /// The fingerprint of the signing key, or `None` if it is malformed.
    pub fn fingerprint(&self) -> Option<String> {
        self.verifying_key().map(|k| fingerprint(k.as_bytes()))
    }

    /// Both keys are well formed.
    pub fn is_valid(&self) -> bool {
        self.verifying_key().is_some() && self.age_recipient().is_some()
    }
}

/// SHA-256 of an Ed25519 public key, lower-case hex.
pub fn fingerprint(sign_key: &[u8; 32]) -> String {
    hex(&sha256(sign_key))
}

/// Checks an Ed25519 signature strictly (no malleable or small-order
/// forms).
pub fn verify(key: &VerifyingKey, message: &[u8], sig: &[u8]) -> bool {
    let Ok(sig) = <[u8; 64]>::try_from(sig) else {
        return false;
    };
    key.verify_strict(message, &Signature::from_bytes(&sig))
        .is_ok()
}

/// A fingerprint as six groups of five digits, for reading aloud over the
/// phone: each group is five bytes of the digest modulo 100000 (~100 bits
/// in all). `None` if the text is not a 64-digit hex fingerprint.
pub fn spoken(fingerprint: &str) -> Option<String> {
    let bytes = super::codec::unhex(fingerprint).filter(|b| b.len() == 32)?;
    let groups: Vec<String> = bytes
        .chunks(5)
        .take(6)
        .map(|c| {
            let n = c.iter().fold(0u64, |acc, &b| acc << 8 | b as u64);
            format!("{:05}", n % 100_000)
        })
        .collect();
    Some(groups.join(" "))
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Counter(u8);
    impl Random for Counter {
        fn fill(&mut self, out: &mut [u8]) {
            for b in out {
                self.0 = self.0.wrapping_add(1);
                *b = self.0;
            }
        }
    }

    #[test]
    fn keys_survive_their_stored_form_and_sign_verifiably() {
        let keys = KeyPair::generate(&mut Counter(0));
        let back = KeyPair::from_secret(&keys.to_secret()).unwrap();
        assert_eq!(back.public(), keys.public());
        assert_eq!(back.fingerprint(), keys.fingerprint());
        let public = keys.public();
        assert!(public.is_valid());
        assert_eq!(public.fingerprint().unwrap(), keys.fingerprint());
        let sig = keys.sign(b"surat");
        let vk = public.verifying_key().unwrap();
        assert!(verify(&vk, b"surat", &sig));
        assert!(!verify(&vk, b"surat!", &sig));
        assert!(!verify(&vk, b"surat", &sig[..63]));
        assert!(public.age.starts_with("age1"));
        assert!(keys.to_secret().age.starts_with("AGE-SECRET-KEY-1"));
    }

    #[test]
    fn the_spoken_fingerprint_is_six_groups_of_five_digits() {
        let fp = KeyPair::generate(&mut Counter(9)).fingerprint();
        let s = spoken(&fp).unwrap();
        assert_eq!(s.len(), 6 * 5 + 5);
        assert!(s
            .split(' ')
            .all(|g| g.len() == 5 && g.bytes().all(|c| c.is_ascii_digit())));
        assert_eq!(spoken("abc"), None);
        assert_ne!(
            spoken(&fp),
            spoken(&KeyPair::generate(&mut Counter(10)).fingerprint())
        );
    }

    #[test]
    fn malformed_public_keys_are_refused() {
        let mut p = KeyPair::generate(&mut Counter(3)).public();
        p.sign_key.pop();
        assert!(!p.is_valid());
        assert_eq!(p.fingerprint(), None);
        let mut q = KeyPair::generate(&mut Counter(3)).public();
        q.age = q.age.replace("age1", "age2");
        assert!(!q.is_valid());
    }
}
