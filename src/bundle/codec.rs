//! Text encodings the bundle format needs: base64 (age's strict unpadded
//! form and DSSE's padded form), Bech32 for age keys, and hex.
//!
//! Hand-written because each is a few dozen lines and the strictness is
//! the point: age requires canonical unpadded base64 and refuses anything
//! else, and a decoder that is lenient there would accept files other
//! implementations refuse.

const B64: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Standard base64; with `pad`, `=`-padded to a multiple of 4.
pub fn b64_encode(bytes: &[u8], pad: bool) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = (chunk[0] as u32) << 16
            | (*chunk.get(1).unwrap_or(&0) as u32) << 8
            | *chunk.get(2).unwrap_or(&0) as u32;
        let chars = chunk.len() + 1;
        for i in 0..4 {
            if i < chars {
                out.push(B64[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else if pad {
                out.push('=');
            }
        }
    }
    out
}

/// Sextet values by byte for one alphabet; `INVALID` elsewhere.
const INVALID: u8 = 0xff;
const fn b64_table(url_safe: bool) -> [u8; 256] {
    let mut t = [INVALID; 256];
    let mut i = 0;
    while i < 64 {
        t[B64[i] as usize] = i as u8;
        i += 1;
    }
    if url_safe {
        t[b'+' as usize] = INVALID;
        t[b'/' as usize] = INVALID;
        t[b'-' as usize] = 62;
        t[b'_' as usize] = 63;
    }
    t
}
static B64_STD: [u8; 256] = b64_table(false);
static B64_URL: [u8; 256] = b64_table(true);

/// Decodes unpadded base64 in one alphabet, refusing any other byte and
/// non-canonical trailing bits. Bundle payloads are tens of megabytes, so
/// whole quads go through a table without per-byte branches.
fn b64_decode_with(s: &[u8], url_safe: bool) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let t = if url_safe { &B64_URL } else { &B64_STD };
    let whole = s.len() / 4 * 4;
    let (quads, tail) = s.split_at(whole);
    let mut out = vec![0u8; whole / 4 * 3];
    for (q, o) in quads.chunks_exact(4).zip(out.chunks_exact_mut(3)) {
        let (a, b, c, d) = (
            t[q[0] as usize],
            t[q[1] as usize],
            t[q[2] as usize],
            t[q[3] as usize],
        );
        // Sextets are below 64; INVALID has the top bits set.
        if (a | b | c | d) & 0xc0 != 0 {
            return None;
        }
        let n = (a as u32) << 18 | (b as u32) << 12 | (c as u32) << 6 | d as u32;
        o[0] = (n >> 16) as u8;
        o[1] = (n >> 8) as u8;
        o[2] = n as u8;
    }
    if !tail.is_empty() {
        let mut n = 0u32;
        for (i, &c) in tail.iter().enumerate() {
            let v = t[c as usize];
            if v == INVALID {
                return None;
            }
            n |= (v as u32) << (18 - 6 * i);
        }
        let bytes = tail.len() - 1;
        // Canonical: the bits past the last whole byte are zero.
        if n & ((1u32 << (24 - 8 * bytes)) - 1) != 0 {
            return None;
        }
        for i in 0..bytes {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

/// age's base64: standard alphabet, no padding, canonical (unused trailing
/// bits zero). Anything else is refused.
pub fn b64_decode_strict(s: &str) -> Option<Vec<u8>> {
    b64_decode_with(s.as_bytes(), false)
}

/// DSSE readers accept standard or URL-safe base64, padded or not; the
/// encoding must still be canonical and the padding, if any, correct.
pub fn b64_decode_lenient(s: &str) -> Option<Vec<u8>> {
    let bytes = s.as_bytes();
    let body = bytes
        .iter()
        .rposition(|&c| c != b'=')
        .map_or(&bytes[..0], |i| &bytes[..=i]);
    let padding = bytes.len() - body.len();
    if padding > 0 && (!bytes.len().is_multiple_of(4) || padding > 2) {
        return None;
    }
    // The standard alphabet first; a text with `-` or `_` is tried as
    // URL-safe only when the standard one refuses it.
    b64_decode_with(body, false).or_else(|| b64_decode_with(body, true))
}

pub use crate::domain::hex::{hex, unhex};

// ---- Bech32 (BIP 173), as age uses it: no 90-character limit ----

const BECH32: &[u8; 32] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";

fn polymod(values: impl Iterator<Item = u8>) -> u32 {
    const GEN: [u32; 5] = [0x3b6a57b2, 0x26508e6d, 0x1ea119fa, 0x3d4233dd, 0x2a1462b3];
    let mut chk = 1u32;
    for v in values {
        let top = chk >> 25;
        chk = (chk & 0x1ff_ffff) << 5 ^ v as u32;
        for (i, g) in GEN.iter().enumerate() {
            if top >> i & 1 == 1 {
                chk ^= g;
            }
        }
    }
    chk
}

fn hrp_expand(hrp: &[u8]) -> impl Iterator<Item = u8> + '_ {
    hrp.iter()
        .map(|c| c >> 5)
        .chain(std::iter::once(0))
        .chain(hrp.iter().map(|c| c & 31))
}

fn regroup(data: &[u8], from: u32, to: u32, pad: bool) -> Option<Vec<u8>> {
    let mut acc = 0u32;
    let mut bits = 0u32;
    let mut out = Vec::with_capacity(data.len() * from as usize / to as usize + 1);
    let max = (1u32 << to) - 1;
    for &v in data {
        acc = acc << from | v as u32;
        bits += from;
        while bits >= to {
            bits -= to;
            out.push((acc >> bits & max) as u8);
        }
    }
    if pad {
        if bits > 0 {
            out.push((acc << (to - bits) & max) as u8);
        }
    } else if bits >= from || (acc << (to - bits)) & max != 0 {
        return None;
    }
    Some(out)
}

/// Bech32 of `data` under a lower-case `hrp`, in lower case.
pub fn bech32_encode(hrp: &str, data: &[u8]) -> String {
    let values = regroup(data, 8, 5, true).unwrap_or_default();
    let hrp_b = hrp.as_bytes();
    let chk = polymod(
        hrp_expand(hrp_b)
            .chain(values.iter().copied())
            .chain([0u8; 6]),
    ) ^ 1;
    let mut s = String::with_capacity(hrp.len() + 1 + values.len() + 6);
    s.push_str(hrp);
    s.push('1');
    for v in values {
        s.push(BECH32[v as usize] as char);
    }
    for i in 0..6 {
        s.push(BECH32[(chk >> (5 * (5 - i)) & 31) as usize] as char);
    }
    s
}

/// Decodes Bech32 written all in lower or all in upper case; returns the
/// human-readable part in lower case and the data bytes.
pub fn bech32_decode(s: &str) -> Option<(String, Vec<u8>)> {
    if s.bytes().any(|c| !(33..=126).contains(&c)) {
        return None;
    }
    let lower = s.to_ascii_lowercase();
    if s != lower && s != s.to_ascii_uppercase() {
        return None;
    }
    let sep = lower.rfind('1')?;
    let (hrp, rest) = (&lower[..sep], &lower.as_bytes()[sep + 1..]);
    if hrp.is_empty() || rest.len() < 6 {
        return None;
    }
    let values = rest
        .iter()
        .map(|c| BECH32.iter().position(|b| b == c).map(|p| p as u8))
        .collect::<Option<Vec<u8>>>()?;
    if polymod(hrp_expand(hrp.as_bytes()).chain(values.iter().copied())) != 1 {
        return None;
    }
    let data = regroup(&values[..values.len() - 6], 5, 8, false)?;
    Some((hrp.to_string(), data))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn base64_round_trips_and_refuses_non_canonical_forms() {
        for len in 0..20 {
            let data: Vec<u8> = (0..len as u8).map(|i| i.wrapping_mul(37) ^ 0xa5).collect();
            let unpadded = b64_encode(&data, false);
            assert_eq!(b64_decode_strict(&unpadded), Some(data.clone()));
            let padded = b64_encode(&data, true);
            assert_eq!(padded.len() % 4, 0);
            assert_eq!(b64_decode_lenient(&padded), Some(data.clone()));
            assert_eq!(b64_decode_lenient(&unpadded), Some(data.clone()));
        }
        assert_eq!(b64_encode(b"hello world", true), "aGVsbG8gd29ybGQ=");
        // Padding, a stray bit and other alphabets are not age's base64.
        assert_eq!(b64_decode_strict("aGVsbG8gd29ybGQ="), None);
        assert_eq!(b64_decode_strict("aGVsbG8gd29ybGR"), None);
        assert_eq!(b64_decode_strict("a-_b"), None);
        assert_eq!(b64_decode_strict("a"), None);
        assert_eq!(b64_decode_lenient("aGVsbG8gd29ybGQ=="), None);
        assert_eq!(b64_decode_lenient("-_-_"), Some(vec![0xfb, 0xff, 0xbf]));
        // One alphabet per text: URL-safe and standard characters never mix.
        assert_eq!(b64_decode_lenient("-/AA"), None);
        assert_eq!(b64_decode_lenient("+_AA"), None);
    }

    #[test]
    fn base64_refuses_every_byte_outside_the_alphabet_at_every_position() {
        for b in 0..=255u8 {
            let standard = B64.contains(&b);
            for pos in 0..8 {
                // A whole quad and a three-character tail.
                let mut text = b"QUJDRA".to_vec();
                text.insert(pos.min(text.len()), b);
                let quad_and_tail = String::from_utf8_lossy(&text).into_owned();
                let decoded = b64_decode_strict(&quad_and_tail);
                if !standard {
                    assert_eq!(decoded, None, "byte {b} at {pos}");
                }
            }
            if standard {
                let quad = [b'Q', b, b'A', b'A'];
                let text = std::str::from_utf8(&quad).unwrap();
                assert!(b64_decode_strict(text).is_some(), "byte {b}");
            }
        }
    }

    #[test]
    fn bech32_matches_bip173_and_refuses_mixed_case() {
        // BIP 173's valid test string (empty data).
        assert_eq!(bech32_decode("A12UEL5L"), Some(("a".into(), vec![])));
        assert_eq!(bech32_encode("a", &[]), "a12uel5l");
        let key = [7u8; 32];
        let s = bech32_encode("age", &key);
        assert_eq!(bech32_decode(&s), Some(("age".into(), key.to_vec())));
        assert_eq!(
            bech32_decode(&s.to_ascii_uppercase()),
            Some(("age".into(), key.to_vec()))
        );
        let mut mixed = s.clone();
        mixed.replace_range(5..6, &s[5..6].to_ascii_uppercase());
        assert_eq!(bech32_decode(&mixed), None);
        let mut typo = s.into_bytes();
        let last = typo.len() - 1;
        typo[last] = if typo[last] == b'q' { b'p' } else { b'q' };
        assert_eq!(bech32_decode(std::str::from_utf8(&typo).unwrap()), None);
    }

    #[test]
    fn hex_round_trips() {
        assert_eq!(hex(&[0, 0xab, 0xff]), "00abff");
        assert_eq!(unhex("00ABff"), Some(vec![0, 0xab, 0xff]));
        assert_eq!(unhex("0"), None);
        assert_eq!(unhex("zz"), None);
    }
}
