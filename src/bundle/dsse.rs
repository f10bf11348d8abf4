//! DSSE v1 envelopes (https://github.com/secure-systems-lab/dsse):
//! `{"payloadType", "payload" (base64), "signatures": [{"keyid", "sig"}]}`,
//! Ed25519 over `pae(payloadType, payload)`.
//!
//! `keyid` is a hint (the signer's fingerprint); whether a key is trusted
//! is decided by the receiver from its enrolled devices, never from here.

use ed25519_dalek::VerifyingKey;
use serde::{Deserialize, Serialize};

use super::codec::{b64_decode_lenient, b64_encode};
use super::keys::{verify, KeyPair};
use super::pae;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Signature {
    #[serde(default)]
    pub keyid: String,
    pub sig: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Envelope {
    #[serde(rename = "payloadType")]
    pub payload_type: String,
    pub payload: String,
    pub signatures: Vec<Signature>,
}

/// Signs `payload` bytes as they are and returns the envelope's JSON.
pub fn sign(payload_type: &str, payload: &[u8], signer: &KeyPair) -> Vec<u8> {
    let sig = signer.sign(&pae(payload_type, payload));
    let env = Envelope {
        payload_type: payload_type.to_string(),
        payload: b64_encode(payload, true),
        signatures: vec![Signature {
            keyid: signer.fingerprint(),
            sig: b64_encode(&sig, true),
        }],
    };
    serde_json::to_vec(&env).unwrap_or_default()
}

/// The envelope's payload bytes, decoded but not yet trusted.
pub fn payload(env: &Envelope) -> Option<Vec<u8>> {
    b64_decode_lenient(&env.payload)
}

/// True if any signature on the envelope verifies with `key` over the
/// payload bytes as received.
pub fn verified_by(env: &Envelope, payload: &[u8], key: &VerifyingKey) -> bool {
    let message = pae(&env.payload_type, payload);
    env.signatures
        .iter()
        .any(|s| b64_decode_lenient(&s.sig).is_some_and(|sig| verify(key, &message, &sig)))
}
