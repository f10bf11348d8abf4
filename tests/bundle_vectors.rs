//! The committed bundle test vectors (tests/vectors/bundle) and interop:
//! the vectors are regenerated here from fixed seeds and must match the
//! committed bytes; the bundle opens with the standard `age` tool into the
//! committed container, `tar` lists it, and Python's `cryptography`
//! verifies the DSSE signature.
//!
//! To rewrite the vectors after a deliberate format change:
//! `PANDU_WRITE_VECTORS=1 cargo test --test bundle_vectors`.
#![cfg(not(target_arch = "wasm32"))]

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use common::bundles::*;
use pandu::bundle::container;
use pandu::bundle::seal::{open, payload_bytes};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/bundle")
}

fn identity_json(keys: &pandu::bundle::keys::KeyPair) -> Vec<u8> {
    let v = serde_json::json!({
        "fingerprint": keys.fingerprint(),
        "public": keys.public(),
        "secret": keys.to_secret(),
    });
    let mut out = serde_json::to_vec_pretty(&v).unwrap();
    out.push(b'\n');
    out
}

/// Every vector file, as the current code writes it.
fn generate() -> Vec<(&'static str, Vec<u8>)> {
    let (m, sealed) = village_bundle(1);
    let d = district_keys();
    let tar = pandu::bundle::age::decrypt(
        &sealed.file,
        &[pandu::bundle::age::Identity::X25519(d.age_identity())],
    )
    .unwrap();
    let envelope = container::read(&tar).unwrap().envelope.to_vec();
    vec![
        ("village.json", identity_json(&village_keys())),
        ("district.json", identity_json(&d)),
        (
            "district.agekey",
            format!("{}\n", d.to_secret().age).into_bytes(),
        ),
        ("bundle.pandu", sealed.file),
        ("container.tar", tar),
        ("envelope.json", envelope),
        ("manifest.json", payload_bytes(&m)),
    ]
}

#[test]
fn the_committed_vectors_are_what_the_code_writes() {
    let files = generate();
    if std::env::var_os("PANDU_WRITE_VECTORS").is_some() {
        for (name, bytes) in &files {
            fs::write(dir().join(name), bytes).unwrap();
        }
    }
    for (name, bytes) in &files {
        let committed = fs::read(dir().join(name))
            .unwrap_or_else(|_| panic!("tests/vectors/bundle/{name} is missing"));
        assert!(
            &committed == bytes,
            "tests/vectors/bundle/{name} differs from what the code writes \
             (PANDU_WRITE_VECTORS=1 rewrites it after a deliberate change)"
        );
    }
}

#[test]
fn the_committed_bundle_opens_into_the_committed_manifest() {
    let file = fs::read(dir().join("bundle.pandu")).unwrap();
    let d = district_keys();
    let opened = open(&file, &[d.age_identity()]).unwrap();
    let manifest = fs::read(dir().join("manifest.json")).unwrap();
    assert_eq!(payload_bytes(&opened.manifest), manifest);
    assert_eq!(opened.manifest, village_manifest(1, None));
}

fn run(cmd: &mut Command) -> std::process::Output {
    let program = cmd.get_program().to_string_lossy().into_owned();
    cmd.output().unwrap_or_else(|e| {
        panic!("`{program}` is needed for the interop tests ({e}); `make test` installs it")
    })
}

#[test]
fn the_age_tool_opens_the_bundle_and_tar_lists_it() {
    let out = run(Command::new("age")
        .arg("-d")
        .arg("-i")
        .arg(dir().join("district.agekey"))
        .arg(dir().join("bundle.pandu")));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, fs::read(dir().join("container.tar")).unwrap());

    let out = run(Command::new("tar")
        .arg("-tf")
        .arg(dir().join("container.tar")));
    assert!(out.status.success());
    let listing = String::from_utf8(out.stdout).unwrap();
    let photo = pandu::bundle::codec::hex(&pandu::bundle::sha256(PHOTO));
    assert_eq!(listing, format!("envelope.json\nattachments/{photo}\n"));
}

#[test]
fn python_cryptography_verifies_the_signature_and_refuses_a_changed_one() {
    let village = village_keys();
    let key = village.public().sign_key;
    let script = dir().join("verify_dsse.py");
    let out = run(Command::new("python3")
        .arg(&script)
        .arg(dir().join("envelope.json"))
        .arg(&key)
        .arg(village.fingerprint()));
    assert!(
        out.status.success(),
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stdout).starts_with("verified: cases bundle"));

    // The same envelope with one payload character changed.
    let env = fs::read_to_string(dir().join("envelope.json")).unwrap();
    let at = env.find("\"payload\":\"").unwrap() + 20;
    let mut bytes = env.into_bytes();
    bytes[at] = if bytes[at] == b'A' { b'B' } else { b'A' };
    let tmp = std::env::temp_dir().join(format!("pandu-env-{}.json", std::process::id()));
    fs::write(&tmp, &bytes).unwrap();
    let out = run(Command::new("python3").arg(&script).arg(&tmp).arg(&key));
    let _ = fs::remove_file(&tmp);
    assert!(!out.status.success(), "a changed payload verified");
}
