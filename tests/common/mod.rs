//! Helpers shared by the native test files.

use std::fs;
use std::path::Path;

use pandu::domain::pack_check::{load_catalogue, load_pack};
use pandu::domain::procedure::{Catalogue, Pack};

pub mod bundles;
pub mod history;

/// The shipped document catalogue.
#[allow(dead_code)]
pub fn shipped_catalogue() -> Catalogue {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/packs");
    load_catalogue(&fs::read_to_string(dir.join("documents.json")).unwrap()).unwrap()
}

/// A pack shipped in `public/packs/`, read and validated as the app does.
#[allow(dead_code)]
pub fn shipped_pack(name: &str) -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/packs");
    load_pack(
        &fs::read_to_string(dir.join(format!("{name}.json"))).unwrap(),
        &shipped_catalogue(),
    )
    .unwrap()
}

/// A deterministic `Random` for tests and the committed vectors: the
/// ChaCha20 keystream under a key made from `seed`. Never for real keys.
#[allow(dead_code)]
pub struct Seeded {
    cipher: chacha20poly1305::ChaCha20Poly1305,
    counter: u64,
    buffered: Vec<u8>,
}

#[allow(dead_code)]
impl Seeded {
    pub fn new(seed: u64) -> Seeded {
        use chacha20poly1305::aead::KeyInit;
        let mut key = [0u8; 32];
        key[..8].copy_from_slice(&seed.to_le_bytes());
        Seeded {
            cipher: chacha20poly1305::ChaCha20Poly1305::new(&key.into()),
            counter: 0,
            buffered: Vec::new(),
        }
    }
}

impl pandu::bundle::Random for Seeded {
    fn fill(&mut self, out: &mut [u8]) {
        use chacha20poly1305::aead::AeadInOut;
        while self.buffered.len() < out.len() {
            let mut block = [0u8; 64];
            let mut nonce = [0u8; 12];
            nonce[..8].copy_from_slice(&self.counter.to_le_bytes());
            self.counter += 1;
            let _ =
                self.cipher
                    .encrypt_inout_detached(&nonce.into(), &[], block.as_mut_slice().into());
            self.buffered.extend_from_slice(&block);
        }
        let rest = self.buffered.split_off(out.len());
        out.copy_from_slice(&self.buffered);
        self.buffered = rest;
    }
}

/// A valid value for every output the step at `node` declares (a
/// choice's first option), as an officer would type them.
#[allow(dead_code)]
pub fn valid_outputs(
    p: &pandu::domain::procedure::Procedure,
    node: &str,
) -> std::collections::BTreeMap<String, String> {
    use pandu::domain::procedure::OutputFormat;
    pandu::domain::outputs::declared(p, node)
        .iter()
        .map(|f| {
            let v = match &f.format {
                OutputFormat::Digits { min, .. } => "7".repeat(*min as usize),
                OutputFormat::Text { .. } => "A-1".to_string(),
                OutputFormat::Choice { options } => options[0].value.clone(),
            };
            (f.id.clone(), v)
        })
        .collect()
}

/// Dates and sexes in plain words for letters under test: `23/11/2026`,
/// `Female`.
#[allow(dead_code)]
pub struct Plain;

impl pandu::domain::letters::Words for Plain {
    fn long_date(&self, d: pandu::domain::date::Date) -> String {
        format!("{}/{}/{}", d.day, d.month, d.year)
    }
    fn sex(&self, s: pandu::domain::nik::Sex) -> String {
        format!("{s:?}")
    }
}
