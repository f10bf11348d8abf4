//! Bundles: how cases travel between devices as files (docs/bundle-format.md).
//!
//! Pure: no web crates, no clock, no randomness of its own (a `Random` is
//! passed in), so every rule is tested natively and the test vectors in
//! `tests/vectors/` are reproducible byte for byte.
//!
//! Layers, outside in: an age v1 file (`age`) holding a ustar archive
//! (`container`) of a DSSE envelope (`dsse`) whose payload is the JSON
//! `Manifest`, plus attachments bound by their SHA-256. `seal` builds one;
//! `open` takes one apart and checks everything that needs no local state;
//! `admit` applies what the receiving device knows (its district, the
//! enrolled and revoked devices, each device's last sequence).
//!
//! Invariant: the signature is always computed over
//! `pae(payload_type, payload)` of the payload bytes exactly as received,
//! never over a re-serialised manifest.

pub mod age;
pub mod codec;
pub mod container;
pub mod dsse;
pub mod exchange;
pub mod keys;
pub mod manifest;
pub mod qr;
pub mod seal;
pub mod vault;

use sha2::{Digest, Sha256};

/// The payloadType of a version-1 case bundle. One fixed suite per
/// version: Ed25519 over PAE, no algorithm field to negotiate.
pub const PAYLOAD_TYPE_V1: &str = "application/vnd.pandu.bundle+json; version=1";

/// A source of random bytes: `store::platform::SystemRandom` in the app
/// (the core never reads randomness itself); a seeded one in the tests and
/// for the committed vectors.
pub trait Random {
    fn fill(&mut self, out: &mut [u8]);
}

pub fn sha256(bytes: &[u8]) -> [u8; 32] {
    Sha256::digest(bytes).into()
}

/// DSSE's Pre-Authentication Encoding:
/// `"DSSEv1" SP len(type) SP type SP len(body) SP body`, lengths as ASCII
/// decimal byte counts.
pub fn pae(payload_type: &str, payload: &[u8]) -> Vec<u8> {
    let t = payload_type.as_bytes();
    let mut out = Vec::with_capacity(payload.len() + t.len() + 32);
    out.extend_from_slice(b"DSSEv1 ");
    out.extend_from_slice(t.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(t);
    out.push(b' ');
    out.extend_from_slice(payload.len().to_string().as_bytes());
    out.push(b' ');
    out.extend_from_slice(payload);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pae_matches_the_dsse_specification_example() {
        // The worked example of the DSSE v1 protocol document.
        assert_eq!(
            pae("http://example.com/HelloWorld", b"hello world"),
            b"DSSEv1 29 http://example.com/HelloWorld 11 hello world".to_vec()
        );
    }

    #[test]
    fn pae_counts_bytes_not_characters() {
        // "Rp" + non-breaking space: 4 bytes in UTF-8, 3 characters.
        let body = "Rp\u{a0}".as_bytes();
        assert_eq!(pae("t", body), b"DSSEv1 1 t 4 Rp\xc2\xa0".to_vec());
        assert_eq!(pae("", b""), b"DSSEv1 0  0 ".to_vec());
    }

    #[test]
    fn pae_of_the_v1_type_declares_its_length() {
        let out = pae(PAYLOAD_TYPE_V1, b"{}");
        let expected = format!(
            "DSSEv1 {} {} 2 {{}}",
            PAYLOAD_TYPE_V1.len(),
            PAYLOAD_TYPE_V1
        );
        assert_eq!(out, expected.into_bytes());
    }
}
