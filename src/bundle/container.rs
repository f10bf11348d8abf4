//! The container inside the encryption: a POSIX ustar archive holding
//! `envelope.json` first and then `attachments/<sha256>` files, so the
//! district can also open a bundle with `age -d ... | tar -x`.
//!
//! The reader trusts nothing: sizes are checked against the bytes that are
//! actually there before anything is copied, names are checked against
//! the two allowed shapes, and the entry count is capped.

/// The name of the signed envelope inside the archive.
pub const ENVELOPE: &str = "envelope.json";
const ATTACHMENTS: &str = "attachments/";
const BLOCK: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ContainerError {
    /// The archive is cut short or a header is damaged.
    Damaged,
    /// An entry other than the envelope and hashed attachments.
    UnexpectedEntry(String),
    /// The same name twice.
    Duplicate(String),
    /// No `envelope.json`, or not first.
    NoEnvelope,
    /// More entries than `MAX_ENTRIES`.
    TooManyEntries,
    /// Bytes other than zeros after the archive's end, or in an entry's
    /// padding: something was added after the archive was written.
    TrailingData,
}

/// At most this many files in one bundle (the envelope and attachments).
pub const MAX_ENTRIES: usize = 100_000;

pub struct Contents<'a> {
    pub envelope: &'a [u8],
    /// (sha256 hex from the name, bytes), in archive order.
    pub attachments: Vec<(&'a str, &'a [u8])>,
}

fn header(name: &str, size: usize) -> [u8; BLOCK] {
    let mut h = [0u8; BLOCK];
    h[..name.len()].copy_from_slice(name.as_bytes());
    h[100..107].copy_from_slice(b"0000644");
    h[108..115].copy_from_slice(b"0000000");
    h[116..123].copy_from_slice(b"0000000");
    h[124..135].copy_from_slice(format!("{size:011o}").as_bytes());
    h[136..147].copy_from_slice(b"00000000000");
    h[156] = b'0';
    h[257..263].copy_from_slice(b"ustar\0");
    h[263..265].copy_from_slice(b"00");
    h[148..156].copy_from_slice(b"        ");
    let sum: u32 = h.iter().map(|&b| b as u32).sum();
    h[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
    h
}

fn push_entry(out: &mut Vec<u8>, name: &str, data: &[u8]) {
    out.extend_from_slice(&header(name, data.len()));
    out.extend_from_slice(data);
    out.resize(out.len().div_ceil(BLOCK) * BLOCK, 0);
}

/// Writes the archive. Attachment names are their SHA-256 hex.
pub fn write(envelope: &[u8], attachments: &[(&str, &[u8])]) -> Vec<u8> {
    let total: usize = attachments.iter().map(|(_, d)| d.len() + 2 * BLOCK).sum();
    let mut out = Vec::with_capacity(envelope.len() + total + 4 * BLOCK);
    push_entry(&mut out, ENVELOPE, envelope);
    for (sha, data) in attachments {
        push_entry(&mut out, &format!("{ATTACHMENTS}{sha}"), data);
    }
    out.extend_from_slice(&[0u8; 2 * BLOCK]);
    out
}

fn octal(field: &[u8]) -> Option<usize> {
    let digits: &[u8] = field
        .split(|&b| b == 0 || b == b' ')
        .find(|s| !s.is_empty())
        .unwrap_or_default();
    if digits.is_empty() || digits.len() > 11 {
        return None;
    }
    digits.iter().try_fold(0usize, |acc, &d| {
        (b'0'..=b'7')
            .contains(&d)
            .then(|| acc * 8 + (d - b'0') as usize)
    })
}

fn is_sha256_hex(s: &str) -> bool {
    s.len() == 64
        && s.bytes()
            .all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
}

/// Reads the archive without copying: every slice borrows `data`.
pub fn read(data: &[u8]) -> Result<Contents<'_>, ContainerError> {
    let mut pos = 0;
    let mut envelope = None;
    let mut attachments: Vec<(&str, &[u8])> = Vec::new();
    let mut seen = std::collections::HashSet::new();
    loop {
        let h = data.get(pos..pos + BLOCK).ok_or(ContainerError::Damaged)?;
        if h.iter().all(|&b| b == 0) {
            // The end: two zero blocks, then nothing but zeros (a tar
            // program may pad to its record size).
            let rest = &data[pos + BLOCK..];
            if rest.len() < BLOCK {
                return Err(ContainerError::Damaged);
            }
            if rest.iter().any(|&b| b != 0) {
                return Err(ContainerError::TrailingData);
            }
            break;
        }
        let stored: u32 = octal(&h[148..156]).ok_or(ContainerError::Damaged)? as u32;
        let sum: u32 = h
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                if (148..156).contains(&i) {
                    b' ' as u32
                } else {
                    b as u32
                }
            })
            .sum();
        if sum != stored || !(h[156] == b'0' || h[156] == 0) {
            return Err(ContainerError::Damaged);
        }
        let name_len = h[..100].iter().position(|&b| b == 0).unwrap_or(100);
        let name = std::str::from_utf8(&h[..name_len]).map_err(|_| ContainerError::Damaged)?;
        if h[345] != 0 {
            // A ustar prefix would make the name longer than it looks.
            return Err(ContainerError::UnexpectedEntry(name.to_string()));
        }
        let size = octal(&h[124..136]).ok_or(ContainerError::Damaged)?;
        let start = pos + BLOCK;
        let end = start.checked_add(size).ok_or(ContainerError::Damaged)?;
        let body = data.get(start..end).ok_or(ContainerError::Damaged)?;
        if !seen.insert(name) {
            return Err(ContainerError::Duplicate(name.to_string()));
        }
        if seen.len() > MAX_ENTRIES {
            return Err(ContainerError::TooManyEntries);
        }
        if name == ENVELOPE {
            if pos != 0 {
                return Err(ContainerError::NoEnvelope);
            }
            envelope = Some(body);
        } else if let Some(sha) = name.strip_prefix(ATTACHMENTS).filter(|s| is_sha256_hex(s)) {
            if envelope.is_none() {
                return Err(ContainerError::NoEnvelope);
            }
            attachments.push((sha, body));
        } else {
            return Err(ContainerError::UnexpectedEntry(name.to_string()));
        }
        let next = end.div_ceil(BLOCK) * BLOCK;
        let padding = data.get(end..next).ok_or(ContainerError::Damaged)?;
        if padding.iter().any(|&b| b != 0) {
            return Err(ContainerError::TrailingData);
        }
        pos = next;
    }
    Ok(Contents {
        envelope: envelope.ok_or(ContainerError::NoEnvelope)?,
        attachments,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHA: &str = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08";

    #[test]
    fn archives_round_trip() {
        let tar = write(b"{\"a\":1}", &[(SHA, b"photo bytes")]);
        assert_eq!(tar.len() % 512, 0);
        let c = read(&tar).unwrap();
        assert_eq!(c.envelope, b"{\"a\":1}");
        assert_eq!(c.attachments, vec![(SHA, &b"photo bytes"[..])]);
    }

    #[test]
    fn damaged_or_foreign_archives_are_refused() {
        let tar = write(b"{}", &[(SHA, b"x")]);
        assert_eq!(read(&tar[..700]).err(), Some(ContainerError::Damaged));
        let mut bad_sum = tar.clone();
        bad_sum[0] = b'E';
        assert_eq!(read(&bad_sum).err(), Some(ContainerError::Damaged));
        // A size that claims more than the archive holds.
        let mut huge = write(b"{}", &[]);
        huge[124..136].copy_from_slice(b"77777777777\0");
        let sum: u32 = huge[..512]
            .iter()
            .enumerate()
            .map(|(i, &b)| {
                if (148..156).contains(&i) {
                    32
                } else {
                    b as u32
                }
            })
            .sum();
        huge[148..155].copy_from_slice(format!("{sum:06o}\0").as_bytes());
        assert_eq!(read(&huge).err(), Some(ContainerError::Damaged));
        let other = {
            let mut out = Vec::new();
            push_entry(&mut out, ENVELOPE, b"{}");
            push_entry(&mut out, "../etc/passwd", b"x");
            out.extend_from_slice(&[0u8; 1024]);
            out
        };
        assert!(matches!(
            read(&other),
            Err(ContainerError::UnexpectedEntry(_))
        ));
        let twice = write(b"{}", &[(SHA, b"x"), (SHA, b"y")]);
        assert!(matches!(read(&twice), Err(ContainerError::Duplicate(_))));
        let no_env = {
            let mut out = Vec::new();
            push_entry(&mut out, &format!("attachments/{SHA}"), b"x");
            out.extend_from_slice(&[0u8; 1024]);
            out
        };
        assert_eq!(read(&no_env).err(), Some(ContainerError::NoEnvelope));
        assert_eq!(read(&[]).err(), Some(ContainerError::Damaged));
    }

    #[test]
    fn data_after_the_end_or_in_padding_is_refused() {
        let tar = write(b"{}", &[(SHA, b"x")]);
        let mut junk = tar.clone();
        junk.extend_from_slice(&[0xAB; 700]);
        assert_eq!(read(&junk).err(), Some(ContainerError::TrailingData));
        let mut late = tar.clone();
        let n = late.len();
        late[n - 1] = 1;
        assert_eq!(read(&late).err(), Some(ContainerError::TrailingData));
        let mut padded = tar.clone();
        padded[512 + 2] = b' ';
        assert_eq!(read(&padded).err(), Some(ContainerError::TrailingData));
        // One end block only: cut short.
        assert_eq!(
            read(&tar[..tar.len() - 512]).err(),
            Some(ContainerError::Damaged)
        );
        // Zeros to a tar program's record size are fine.
        let mut record = tar.clone();
        record.resize(10240, 0);
        assert!(read(&record).is_ok());
    }
}
