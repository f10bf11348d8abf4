//! age v1 file encryption (https://age-encryption.org/v1), built from its
//! primitives: X25519 and scrypt recipients, HKDF-SHA-256, HMAC-SHA-256,
//! ChaCha20-Poly1305 in 64 KiB STREAM chunks. Files written here open with
//! the standard `age` tool and files from it open here.
//!
//! Checked against the C2SP/CCTV age test vectors (`tests/vectors/age`).
//! The API is all or nothing: `decrypt` returns the whole plaintext or an
//! error, never a prefix.

use chacha20poly1305::aead::{AeadInOut, KeyInit};
use chacha20poly1305::{ChaCha20Poly1305, Nonce, Tag};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;

use super::codec::{b64_decode_strict, b64_encode, bech32_decode, bech32_encode};
use super::Random;

const VERSION_LINE: &[u8] = b"age-encryption.org/v1\n";
const X25519_LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const SCRYPT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";
const CHUNK: usize = 64 * 1024;
const TAG: usize = 16;
const BASEPOINT: [u8; 32] = {
    let mut b = [0u8; 32];
    b[0] = 9;
    b
};
/// The highest scrypt work factor accepted (2^22: several seconds on a
/// laptop); higher claims are refused before any work is done.
pub const MAX_SCRYPT_LOG_N: u8 = 22;
/// The work factor used for passphrase-protected key backups; age's own
/// default is 18 (256 MB of memory, ~1 s on a laptop).
pub const BACKUP_SCRYPT_LOG_N: u8 = 18;

/// Why a file did not decrypt; the categories of the age test vectors.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AgeError {
    /// Not an age v1 file, or its header is malformed.
    Header(&'static str),
    /// Well formed, but none of the given keys opens it.
    NoMatch,
    /// A key opened it, but the header was changed after it was written.
    Hmac,
    /// The encrypted contents are damaged or cut short.
    Payload,
}

/// An X25519 secret key ("AGE-SECRET-KEY-1...").
#[derive(Clone, PartialEq, Eq)]
pub struct X25519Identity(pub [u8; 32]);

impl std::fmt::Debug for X25519Identity {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("X25519Identity(..)")
    }
}

impl X25519Identity {
    pub fn generate(rng: &mut dyn Random) -> Self {
        let mut k = [0u8; 32];
        rng.fill(&mut k);
        X25519Identity(k)
    }

    pub fn recipient(&self) -> X25519Recipient {
        X25519Recipient(x25519_dalek::x25519(self.0, BASEPOINT))
    }

    /// The Bech32 form `age-keygen` writes, upper case.
    pub fn encode(&self) -> String {
        bech32_encode("age-secret-key-", &self.0).to_ascii_uppercase()
    }

    pub fn decode(s: &str) -> Option<Self> {
        match bech32_decode(s.trim())? {
            (hrp, data) if hrp == "age-secret-key-" => Some(X25519Identity(data.try_into().ok()?)),
            _ => None,
        }
    }
}

/// An X25519 public key ("age1...").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct X25519Recipient(pub [u8; 32]);

impl X25519Recipient {
    pub fn encode(&self) -> String {
        bech32_encode("age", &self.0)
    }

    pub fn decode(s: &str) -> Option<Self> {
        match bech32_decode(s.trim())? {
            (hrp, data) if hrp == "age" => Some(X25519Recipient(data.try_into().ok()?)),
            _ => None,
        }
    }
}

/// Who a file is encrypted to.
pub enum Recipient<'a> {
    X25519(X25519Recipient),
    /// A passphrase, stretched with scrypt at 2^log_n. Must be alone.
    Scrypt {
        passphrase: &'a str,
        log_n: u8,
    },
}

/// What a file may be opened with.
pub enum Identity<'a> {
    X25519(&'a X25519Identity),
    Passphrase(&'a str),
}

fn hkdf(salt: &[u8], ikm: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    // 32 bytes is always a valid HKDF-SHA-256 output length.
    let _ = Hkdf::<Sha256>::new(Some(salt), ikm).expand(info, &mut out);
    out
}

fn aead(key: &[u8; 32]) -> ChaCha20Poly1305 {
    ChaCha20Poly1305::new(&(*key).into())
}

/// ChaCha20-Poly1305 with a zero nonce, as stanza bodies use it.
fn wrap(key: &[u8; 32], file_key: &[u8; 16]) -> Vec<u8> {
    let mut buf = file_key.to_vec();
    let tag = aead(key)
        .encrypt_inout_detached(&Nonce::default(), &[], buf.as_mut_slice().into())
        .unwrap_or_default();
    buf.extend_from_slice(&tag);
    buf
}

fn unwrap_key(key: &[u8; 32], body: &[u8]) -> Option<[u8; 16]> {
    let (ct, tag) = body.split_at_checked(16)?;
    let mut buf: [u8; 16] = ct.try_into().ok()?;
    let tag = Tag::try_from(tag).ok()?;
    aead(key)
        .decrypt_inout_detached(&Nonce::default(), &[], buf.as_mut_slice().into(), &tag)
        .ok()?;
    Some(buf)
}

fn scrypt_key(passphrase: &str, salt: &[u8], log_n: u8) -> Option<[u8; 32]> {
    let mut full_salt = SCRYPT_LABEL.to_vec();
    full_salt.extend_from_slice(salt);
    let params = scrypt::Params::new(log_n, 8, 1).ok()?;
    let mut key = [0u8; 32];
    scrypt::scrypt(passphrase.as_bytes(), &full_salt, &params, &mut key).ok()?;
    Some(key)
}

struct Stanza {
    args: Vec<String>,
    body: Vec<u8>,
}

fn write_stanza(out: &mut Vec<u8>, args: &[&str], body: &[u8]) {
    out.extend_from_slice(b"->");
    for a in args {
        out.push(b' ');
        out.extend_from_slice(a.as_bytes());
    }
    out.push(b'\n');
    let b64 = b64_encode(body, false);
    let bytes = b64.as_bytes();
    let mut lines = bytes.chunks(64).peekable();
    while let Some(line) = lines.next() {
        out.extend_from_slice(line);
        out.push(b'\n');
        if lines.peek().is_none() && line.len() == 64 {
            out.push(b'\n');
        }
    }
    if bytes.is_empty() {
        out.push(b'\n');
    }
}

fn payload_nonce(counter: u64, last: bool) -> Nonce {
    let mut n = [0u8; 12];
    n[3..11].copy_from_slice(&counter.to_be_bytes());
    n[11] = last as u8;
    n.into()
}

/// Encrypts `plaintext` to `recipients`. A scrypt recipient must be the
/// only one (the format forbids mixing), so it is used alone if given.
pub fn encrypt(plaintext: &[u8], recipients: &[Recipient], rng: &mut dyn Random) -> Vec<u8> {
    let mut file_key = [0u8; 16];
    rng.fill(&mut file_key);
    let mut out = Vec::with_capacity(plaintext.len() + plaintext.len() / CHUNK * TAG + 512);
    out.extend_from_slice(VERSION_LINE);
    let scrypt = recipients
        .iter()
        .find(|r| matches!(r, Recipient::Scrypt { .. }));
    let chosen: Vec<&Recipient> = match scrypt {
        Some(s) => vec![s],
        None => recipients.iter().collect(),
    };
    for r in chosen {
        match r {
            Recipient::X25519(to) => {
                let mut eph = [0u8; 32];
                rng.fill(&mut eph);
                let share = x25519_dalek::x25519(eph, BASEPOINT);
                let shared = x25519_dalek::x25519(eph, to.0);
                let mut salt = share.to_vec();
                salt.extend_from_slice(&to.0);
                let key = hkdf(&salt, &shared, X25519_LABEL);
                write_stanza(
                    &mut out,
                    &["X25519", &b64_encode(&share, false)],
                    &wrap(&key, &file_key),
                );
            }
            Recipient::Scrypt { passphrase, log_n } => {
                let mut salt = [0u8; 16];
                rng.fill(&mut salt);
                let key = scrypt_key(passphrase, &salt, *log_n).unwrap_or_default();
                write_stanza(
                    &mut out,
                    &["scrypt", &b64_encode(&salt, false), &log_n.to_string()],
                    &wrap(&key, &file_key),
                );
            }
        }
    }
    out.extend_from_slice(b"---");
    let mac = header_mac(&file_key, &out);
    out.push(b' ');
    out.extend_from_slice(b64_encode(&mac, false).as_bytes());
    out.push(b'\n');

    let mut nonce = [0u8; 16];
    rng.fill(&mut nonce);
    out.extend_from_slice(&nonce);
    let cipher = aead(&hkdf(&nonce, &file_key, b"payload"));
    let chunks: Vec<&[u8]> = if plaintext.is_empty() {
        vec![&[][..]]
    } else {
        plaintext.chunks(CHUNK).collect()
    };
    let count = chunks.len();
    for (i, chunk) in chunks.into_iter().enumerate() {
        let start = out.len();
        out.extend_from_slice(chunk);
        let tag = cipher
            .encrypt_inout_detached(
                &payload_nonce(i as u64, i + 1 == count),
                &[],
                (&mut out[start..]).into(),
            )
            .unwrap_or_default();
        out.extend_from_slice(&tag);
    }
    out
}

fn header_mac(file_key: &[u8; 16], header: &[u8]) -> [u8; 32] {
    let key = hkdf(&[], file_key, b"header");
    let mut mac =
        <Hmac<Sha256> as hmac::KeyInit>::new_from_slice(&key).expect("HMAC takes any key length");
    mac.update(header);
    mac.finalize().into_bytes().into()
}

/// Reads one `\n`-terminated line starting at `pos`.
fn line(file: &[u8], pos: usize) -> Result<(&[u8], usize), AgeError> {
    let rest = file.get(pos..).unwrap_or_default();
    let end = rest
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(AgeError::Header("unterminated header line"))?;
    Ok((&rest[..end], pos + end + 1))
}

fn is_arg(a: &str) -> bool {
    !a.is_empty() && a.bytes().all(|c| (33..=126).contains(&c))
}

/// Parses the header: stanzas, the MAC, where the MAC's input ends and
/// where the payload starts.
fn parse_header(file: &[u8]) -> Result<(Vec<Stanza>, [u8; 32], usize, usize), AgeError> {
    if !file.starts_with(VERSION_LINE) {
        return Err(AgeError::Header("not an age v1 file"));
    }
    let mut pos = VERSION_LINE.len();
    let mut stanzas = Vec::new();
    loop {
        let (l, next) = line(file, pos)?;
        if let Some(rest) = l.strip_prefix(b"-> ") {
            let text = std::str::from_utf8(rest).map_err(|_| AgeError::Header("bad stanza"))?;
            let args: Vec<String> = text.split(' ').map(str::to_string).collect();
            if !args.iter().all(|a| is_arg(a)) {
                return Err(AgeError::Header("bad stanza argument"));
            }
            pos = next;
            let mut b64 = String::new();
            loop {
                let (body_line, after) = line(file, pos)?;
                pos = after;
                if body_line.len() > 64 {
                    return Err(AgeError::Header("stanza body line too long"));
                }
                b64.push_str(
                    std::str::from_utf8(body_line)
                        .map_err(|_| AgeError::Header("bad stanza body"))?,
                );
                if body_line.len() < 64 {
                    break;
                }
            }
            let body = b64_decode_strict(&b64).ok_or(AgeError::Header("bad stanza body"))?;
            stanzas.push(Stanza { args, body });
        } else if let Some(mac_b64) = l.strip_prefix(b"--- ") {
            if stanzas.is_empty() {
                return Err(AgeError::Header("no recipients"));
            }
            let mac = std::str::from_utf8(mac_b64)
                .ok()
                .and_then(b64_decode_strict)
                .and_then(|m| <[u8; 32]>::try_from(m).ok())
                .ok_or(AgeError::Header("bad header MAC"))?;
            return Ok((stanzas, mac, pos + 3, next));
        } else {
            return Err(AgeError::Header("malformed header line"));
        }
    }
}

/// Finds the file key in the stanzas with the identities given.
fn unwrap_file_key(stanzas: &[Stanza], identities: &[Identity]) -> Result<[u8; 16], AgeError> {
    if stanzas.iter().any(|s| s.args[0] == "scrypt") && stanzas.len() != 1 {
        return Err(AgeError::Header("a passphrase stanza must be alone"));
    }
    for id in identities {
        for s in stanzas {
            match (id, s.args[0].as_str()) {
                (Identity::X25519(key), "X25519") => {
                    if s.args.len() != 2 {
                        return Err(AgeError::Header("bad X25519 stanza"));
                    }
                    let share: [u8; 32] = b64_decode_strict(&s.args[1])
                        .and_then(|v| v.try_into().ok())
                        .ok_or(AgeError::Header("bad X25519 share"))?;
                    if s.body.len() != 32 {
                        return Err(AgeError::Header("bad X25519 body"));
                    }
                    let shared = x25519_dalek::x25519(key.0, share);
                    if shared == [0u8; 32] {
                        return Err(AgeError::Header("X25519 share of low order"));
                    }
                    let mut salt = share.to_vec();
                    salt.extend_from_slice(&key.recipient().0);
                    if let Some(fk) = unwrap_key(&hkdf(&salt, &shared, X25519_LABEL), &s.body) {
                        return Ok(fk);
                    }
                }
                (Identity::Passphrase(pass), "scrypt") => {
                    if s.args.len() != 3 {
                        return Err(AgeError::Header("bad scrypt stanza"));
                    }
                    let salt = b64_decode_strict(&s.args[1])
                        .filter(|v| v.len() == 16)
                        .ok_or(AgeError::Header("bad scrypt salt"))?;
                    let log_n = parse_work_factor(&s.args[2])?;
                    if s.body.len() != 32 {
                        return Err(AgeError::Header("bad scrypt body"));
                    }
                    let key = scrypt_key(pass, &salt, log_n)
                        .ok_or(AgeError::Header("bad scrypt work factor"))?;
                    if let Some(fk) = unwrap_key(&key, &s.body) {
                        return Ok(fk);
                    }
                }
                _ => {}
            }
        }
    }
    Err(AgeError::NoMatch)
}

/// A decimal work factor in 1..=MAX_SCRYPT_LOG_N, no sign, no leading zero.
fn parse_work_factor(s: &str) -> Result<u8, AgeError> {
    let bad = AgeError::Header("bad scrypt work factor");
    if s.is_empty() || s.len() > 2 || s.starts_with('0') || !s.bytes().all(|c| c.is_ascii_digit()) {
        return Err(bad);
    }
    match s.parse::<u8>() {
        Ok(n) if (1..=MAX_SCRYPT_LOG_N).contains(&n) => Ok(n),
        _ => Err(bad),
    }
}

/// Decrypts a whole age file with any of `identities`.
pub fn decrypt(file: &[u8], identities: &[Identity]) -> Result<Vec<u8>, AgeError> {
    let (stanzas, mac, mac_end, payload_start) = parse_header(file)?;
    let file_key = unwrap_file_key(&stanzas, identities)?;
    let expected = header_mac(&file_key, &file[..mac_end]);
    if !constant_time_eq(&expected, &mac) {
        return Err(AgeError::Hmac);
    }
    let payload = &file[payload_start..];
    let (nonce, mut rest) = payload
        .split_at_checked(16)
        .ok_or(AgeError::Header("missing payload nonce"))?;
    let cipher = aead(&hkdf(nonce, &file_key, b"payload"));
    let mut out = Vec::with_capacity(rest.len());
    let mut counter = 0u64;
    loop {
        let take = rest.len().min(CHUNK + TAG);
        let (chunk, after) = rest.split_at(take);
        let last = after.is_empty();
        if chunk.len() < TAG || (last && chunk.len() == TAG && counter > 0) {
            return Err(AgeError::Payload);
        }
        let (ct, tag) = chunk.split_at(chunk.len() - TAG);
        let start = out.len();
        out.extend_from_slice(ct);
        let tag = Tag::try_from(tag).map_err(|_| AgeError::Payload)?;
        cipher
            .decrypt_inout_detached(
                &payload_nonce(counter, last),
                &[],
                (&mut out[start..]).into(),
                &tag,
            )
            .map_err(|_| AgeError::Payload)?;
        if last {
            return Ok(out);
        }
        counter += 1;
        rest = after;
    }
}

fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
