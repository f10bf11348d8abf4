//! age v1 as `pandu::bundle::age` implements it, against the C2SP/CCTV
//! test vectors (tests/vectors/age) and the `age` command-line tool.
#![cfg(not(target_arch = "wasm32"))]

use std::fs;
use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

use pandu::bundle::age::{self, AgeError, Identity, Recipient, X25519Identity};
use pandu::bundle::codec::hex;
use pandu::bundle::sha256;

mod common;
use common::Seeded;

struct Vector {
    name: String,
    expect: String,
    payload: Option<String>,
    identities: Vec<X25519Identity>,
    passphrases: Vec<String>,
    file: Vec<u8>,
}

fn load(path: &Path) -> Option<Vector> {
    let raw = fs::read(path).unwrap();
    let split = raw.windows(2).position(|w| w == b"\n\n")?;
    let header = std::str::from_utf8(&raw[..split]).ok()?;
    let mut v = Vector {
        name: path.file_name()?.to_string_lossy().into_owned(),
        expect: String::new(),
        payload: None,
        identities: Vec::new(),
        passphrases: Vec::new(),
        file: raw[split + 2..].to_vec(),
    };
    let mut compressed = false;
    for line in header.lines() {
        let (k, val) = line.split_once(": ")?;
        match k {
            "expect" => v.expect = val.to_string(),
            "payload" => v.payload = Some(val.to_string()),
            "identity" => v.identities.push(X25519Identity::decode(val)?),
            "passphrase" => v.passphrases.push(val.to_string()),
            "compressed" => compressed = val == "zlib",
            "armored" if val == "yes" => return None,
            _ => {}
        }
    }
    if compressed {
        v.file = miniz_oxide::inflate::decompress_to_vec_zlib(&v.file).ok()?;
    }
    Some(v)
}

#[test]
fn every_cctv_vector_gives_its_expected_outcome() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors/age");
    let mut paths: Vec<_> = fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_none())
        .collect();
    paths.sort();
    let mut checked = 0;
    let mut failures = Vec::new();
    for path in &paths {
        let v = load(path).unwrap_or_else(|| panic!("unreadable vector {}", path.display()));
        let mut ids: Vec<Identity> = v.identities.iter().map(Identity::X25519).collect();
        ids.extend(v.passphrases.iter().map(|p| Identity::Passphrase(p)));
        let got = age::decrypt(&v.file, &ids);
        let ok = match (v.expect.as_str(), &got) {
            ("success", Ok(plain)) => v.payload.as_deref() == Some(hex(&sha256(plain)).as_str()),
            ("no match", Err(AgeError::NoMatch)) => true,
            ("HMAC failure", Err(AgeError::Hmac)) => true,
            ("header failure", Err(AgeError::Header(_))) => true,
            ("payload failure", Err(AgeError::Payload)) => true,
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{}: expected {}, got {:?}",
                v.name,
                v.expect,
                got.map(|p| p.len())
            ));
        }
        checked += 1;
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert!(checked >= 90, "only {checked} vectors found");
}

#[test]
fn files_round_trip_to_several_recipients_and_by_passphrase() {
    let mut rng = Seeded::new(1);
    let a = X25519Identity::generate(&mut rng);
    let b = X25519Identity::generate(&mut rng);
    let stranger = X25519Identity::generate(&mut rng);
    for len in [0usize, 1, 65_535, 65_536, 65_537, 200_000] {
        let plain: Vec<u8> = (0..len).map(|i| (i * 31 % 251) as u8).collect();
        let file = age::encrypt(
            &plain,
            &[
                Recipient::X25519(a.recipient()),
                Recipient::X25519(b.recipient()),
            ],
            &mut rng,
        );
        assert_eq!(age::decrypt(&file, &[Identity::X25519(&a)]).unwrap(), plain);
        assert_eq!(age::decrypt(&file, &[Identity::X25519(&b)]).unwrap(), plain);
        assert_eq!(
            age::decrypt(&file, &[Identity::X25519(&stranger)]),
            Err(AgeError::NoMatch)
        );
    }
    let file = age::encrypt(
        b"kunci cadangan",
        &[Recipient::Scrypt {
            passphrase: "sandi panjang sekali",
            log_n: 10,
        }],
        &mut rng,
    );
    assert_eq!(
        age::decrypt(&file, &[Identity::Passphrase("sandi panjang sekali")]).unwrap(),
        b"kunci cadangan"
    );
    assert_eq!(
        age::decrypt(&file, &[Identity::Passphrase("salah")]),
        Err(AgeError::NoMatch)
    );
}

fn age_cli() -> &'static str {
    assert!(
        Command::new("age").arg("--version").output().is_ok(),
        "the `age` command is needed (Debian package `age`; `make test` installs it)"
    );
    "age"
}

#[test]
fn the_age_tool_opens_our_files_and_we_open_its_files() {
    let dir = std::env::temp_dir().join(format!("pandu-age-{}", std::process::id()));
    fs::create_dir_all(&dir).unwrap();
    let mut rng = Seeded::new(2);
    let id = X25519Identity::generate(&mut rng);
    let key_file = dir.join("key.txt");
    fs::write(&key_file, format!("{}\n", id.encode())).unwrap();
    let plain: Vec<u8> = (0..150_000u32).map(|i| (i % 253) as u8).collect();

    // Ours -> age.
    let ours = age::encrypt(&plain, &[Recipient::X25519(id.recipient())], &mut rng);
    let enc = dir.join("ours.age");
    fs::write(&enc, &ours).unwrap();
    let out = Command::new(age_cli())
        .args(["-d", "-i"])
        .arg(&key_file)
        .arg(&enc)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "age -d: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.stdout, plain);

    // age -> ours, to the recipient string we print.
    let theirs = dir.join("theirs.age");
    let mut child = Command::new(age_cli())
        .args(["-r", &id.recipient().encode(), "-o"])
        .arg(&theirs)
        .stdin(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(&plain).unwrap();
    assert!(child.wait().unwrap().success());
    let file = fs::read(&theirs).unwrap();
    assert_eq!(
        age::decrypt(&file, &[Identity::X25519(&id)]).unwrap(),
        plain
    );
    let _ = fs::remove_dir_all(&dir);
}
