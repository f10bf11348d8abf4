//! Text that people type and bundles carry: hidden controls taken out,
//! lengths capped.
//!
//! Invariants (README):
//! - Text direction controls (U+061C, U+200E, U+200F, U+202A..U+202E,
//!   U+2066..U+2069) and other control characters (C0 but tab and line
//!   feed, DEL, C1) are never shown: a form removes them as they are typed
//!   (`clean`), the case fold removes them from stored values
//!   (`Applicant::set`, reasons), and an import refuses a bundle whose
//!   strings carry them (`check`), naming the field.
//! - Every text has a length limit in characters (`TextKind::max_chars`):
//!   forms stop at it (`maxlength`, and `clean` cuts a paste), and an
//!   import refuses a longer string, naming the field and the limit.

/// What a piece of text is, for its limit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextKind {
    /// A person's full name.
    PersonName,
    /// A street address.
    Address,
    /// A village or district name typed by the officer.
    Place,
    /// RT, RW, a birth date, a sex code: a few characters.
    Short,
    /// A NIK or KK number as typed (a half-typed one is kept too).
    IdNumber,
    Phone,
    /// An officer's or a device's name.
    OfficerName,
    /// An office's or a district's name.
    OfficeName,
    /// A decision's or an answer's reason.
    Reason,
    /// A free note.
    Note,
    /// An id: an event, case, device, node, document, role, letter number
    /// or digest.
    Token,
}

impl TextKind {
    /// The most characters (Unicode scalar values) a value may have.
    pub fn max_chars(self) -> usize {
        match self {
            TextKind::PersonName => 100,
            TextKind::Address => 200,
            TextKind::Place => 60,
            TextKind::Short => 10,
            TextKind::IdNumber => 32,
            TextKind::Phone => 20,
            TextKind::OfficerName => super::profile::MAX_NAME_CHARS,
            TextKind::OfficeName => 120,
            TextKind::Reason => 500,
            TextKind::Note => 2000,
            TextKind::Token => 200,
        }
    }

    /// Whether line breaks belong in it.
    pub fn multiline(self) -> bool {
        matches!(self, TextKind::Address | TextKind::Reason | TextKind::Note)
    }
}

/// A character that changes how the text around it is shown (direction
/// overrides, marks and isolates), or a control character.
pub fn is_direction_control(c: char) -> bool {
    matches!(c, '\u{061C}' | '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// A character that never belongs in a value of `kind`: a direction
/// control, or a control character (line breaks only where they belong).
pub fn is_hidden(c: char, kind: TextKind) -> bool {
    is_direction_control(c) || (c.is_control() && !(kind.multiline() && matches!(c, '\n' | '\t')))
}

/// Why a string is not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum TextProblem {
    /// Longer than its kind's limit.
    TooLong { max: usize },
    /// Holds a direction or control character.
    Hidden,
}

/// Whether `s` may be stored as a `kind`.
pub fn check(s: &str, kind: TextKind) -> Result<(), TextProblem> {
    let max = kind.max_chars();
    // Bytes bound characters from above: most values skip the count.
    if s.len() > max && s.chars().count() > max {
        return Err(TextProblem::TooLong { max });
    }
    if s.chars().any(|c| is_hidden(c, kind)) {
        return Err(TextProblem::Hidden);
    }
    Ok(())
}

/// `s` with hidden characters removed (a line break becomes a space where
/// it does not belong) and cut to its kind's limit: what a form keeps of
/// what was typed or pasted.
pub fn clean(s: &str, kind: TextKind) -> String {
    let max = kind.max_chars();
    if s.len() <= max && !s.chars().any(|c| is_hidden(c, kind)) {
        return s.to_string();
    }
    s.chars()
        .filter_map(|c| match c {
            '\n' | '\r' | '\t' if !kind.multiline() => Some(' '),
            '\r' => None,
            c if is_hidden(c, kind) => None,
            c => Some(c),
        })
        .take(max)
        .collect()
}

/// `s` with direction controls and control characters removed, whatever
/// its length: for values already stored, shown as they were kept.
pub fn visible(s: &str) -> std::borrow::Cow<'_, str> {
    if s.chars().any(|c| is_hidden(c, TextKind::Note)) {
        std::borrow::Cow::Owned(
            s.chars()
                .filter(|&c| !is_hidden(c, TextKind::Note))
                .collect(),
        )
    } else {
        std::borrow::Cow::Borrowed(s)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_overrides_are_removed_as_typed() {
        assert_eq!(
            clean("Budi \u{202E}gnp.exe", TextKind::PersonName),
            "Budi gnp.exe"
        );
        assert_eq!(clean("a\u{2066}b\u{2069}\u{200F}", TextKind::Note), "ab");
        assert_eq!(
            clean("Jl. Mawar\r\nRT 3", TextKind::PersonName),
            "Jl. Mawar  RT 3"
        );
        assert_eq!(
            clean("Jl. Mawar\r\nRT 3", TextKind::Address),
            "Jl. Mawar\nRT 3"
        );
        assert_eq!(
            check("Budi \u{202E}x", TextKind::PersonName),
            Err(TextProblem::Hidden)
        );
        assert_eq!(check("a\u{0}", TextKind::Token), Err(TextProblem::Hidden));
        assert_eq!(check("a\nb", TextKind::Reason), Ok(()));
        assert_eq!(check("a\nb", TextKind::Token), Err(TextProblem::Hidden));
        assert_eq!(visible("x\u{202E}y"), "xy");
    }

    #[test]
    fn limits_count_characters_not_bytes() {
        let name = "é".repeat(100);
        assert_eq!(check(&name, TextKind::PersonName), Ok(()));
        assert_eq!(
            check(&format!("{name}e"), TextKind::PersonName),
            Err(TextProblem::TooLong { max: 100 })
        );
        assert_eq!(clean(&"a".repeat(10_000), TextKind::PersonName).len(), 100);
        assert_eq!(
            clean(&"é".repeat(300), TextKind::Address).chars().count(),
            200
        );
    }
}
