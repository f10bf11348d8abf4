//! This device's profile: who uses it and for which village.
//!
//! Invariant: `Profile::validate` reports every problem at once, and a
//! profile that validates is stored in its normalised form.

use serde::{Deserialize, Serialize};

/// Longest device or officer name we accept; long enough for
/// "HP Operator Desa Sukamaju 2" and short enough for a bundle file name.
pub const MAX_NAME_CHARS: usize = 60;

/// The profile an officer fills in on the Settings page.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Profile {
    /// A name for this phone or laptop, e.g. "HP Desa Sukamaju".
    pub device_name: String,
    /// The officer's full name.
    pub officer_name: String,
    /// Kemendagri code of the village or kelurahan, `PP.KK.CC.DDDD`.
    /// Empty on a district laptop.
    pub village_code: String,
}

/// One thing wrong with a profile; the UI turns it into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProfileProblem {
    DeviceNameMissing,
    DeviceNameTooLong,
    OfficerNameMissing,
    OfficerNameTooLong,
    /// Not ten digits in the 2.2.2.4 pattern.
    VillageCodeMalformed,
    /// Ten digits that are no Kemendagri village code: an unknown
    /// province, a regency or district `00`, or a last part that starts
    /// with neither 1 (kelurahan) nor 2 (desa).
    VillageCodeUnknown,
}

impl Profile {
    /// Trims names and writes the village code as `PP.KK.CC.DDDD`.
    /// Leaves a malformed code as typed so the officer can correct it.
    pub fn normalised(&self) -> Profile {
        Profile {
            device_name: collapse_spaces(&self.device_name),
            officer_name: collapse_spaces(&self.officer_name),
            village_code: normalise_village_code(&self.village_code)
                .unwrap_or_else(|| self.village_code.trim().to_string()),
        }
    }

    /// Every problem with this profile, in field order; empty when valid.
    pub fn validate(&self) -> Vec<ProfileProblem> {
        let p = self.normalised();
        let mut problems = Vec::new();
        check_name(
            &p.device_name,
            ProfileProblem::DeviceNameMissing,
            ProfileProblem::DeviceNameTooLong,
            &mut problems,
        );
        check_name(
            &p.officer_name,
            ProfileProblem::OfficerNameMissing,
            ProfileProblem::OfficerNameTooLong,
            &mut problems,
        );
        if !p.village_code.is_empty() {
            match normalise_village_code(&p.village_code) {
                None => problems.push(ProfileProblem::VillageCodeMalformed),
                Some(code) if !known_village_code(&code) => {
                    problems.push(ProfileProblem::VillageCodeUnknown)
                }
                Some(_) => {}
            }
        }
        problems
    }
}

fn check_name(
    name: &str,
    missing: ProfileProblem,
    too_long: ProfileProblem,
    problems: &mut Vec<ProfileProblem>,
) {
    if name.is_empty() {
        problems.push(missing);
    } else if name.chars().count() > MAX_NAME_CHARS {
        problems.push(too_long);
    }
}

/// Spaces collapsed, direction and control characters dropped.
fn collapse_spaces(s: &str) -> String {
    super::text::visible(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Whether a dotted code `PP.KK.CC.DDDD` can be a Kemendagri village: a
/// province in use, a regency and a district other than `00`, and a last
/// part starting with 1 (kelurahan) or 2 (desa).
fn known_village_code(code: &str) -> bool {
    let d: Vec<&str> = code.split('.').collect();
    let num = |s: &str| s.parse::<u32>().unwrap_or(0);
    d.len() == 4
        && super::nik::PROVINCES.contains(&num(d[0]))
        && num(d[1]) > 0
        && num(d[2]) > 0
        && matches!(d[3].as_bytes().first(), Some(b'1' | b'2'))
}

/// The regency of a village code or a district office's code: its first
/// four digits (`PP.KK`), if it has them.
pub fn regency_code(code: &str) -> Option<String> {
    let digits: String = code.chars().filter(char::is_ascii_digit).take(4).collect();
    (digits.len() == 4).then(|| format!("{}.{}", &digits[0..2], &digits[2..4]))
}

/// Whether a village code lies outside the regency of the district office
/// whose config the phone trusts (or is about to): both codes known, and
/// their `PP.KK` differ. A warning, never a refusal: the officer checks
/// which of the two is wrong.
pub fn outside_district(village_code: &str, district_code: &str) -> bool {
    match (regency_code(village_code), regency_code(district_code)) {
        (Some(v), Some(d)) => v != d,
        _ => false,
    }
}

/// `3214012001`, `32.14.01.2001` or `32 14 01 2001` become `32.14.01.2001`;
/// anything that is not exactly ten digits (separators aside) is `None`.
pub fn normalise_village_code(code: &str) -> Option<String> {
    let mut digits = String::with_capacity(10);
    for c in code.trim().chars() {
        match c {
            '0'..='9' => digits.push(c),
            '.' | ' ' | '-' => {}
            _ => return None,
        }
    }
    if digits.len() != 10 {
        return None;
    }
    Some(format!(
        "{}.{}.{}.{}",
        &digits[0..2],
        &digits[2..4],
        &digits[4..6],
        &digits[6..10]
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ProfileProblem::*;

    fn profile(device: &str, officer: &str, village: &str) -> Profile {
        Profile {
            device_name: device.into(),
            officer_name: officer.into(),
            village_code: village.into(),
        }
    }

    fn check(p: Profile, expected: &[ProfileProblem]) {
        assert_eq!(p.validate(), expected, "for {p:?}");
    }

    #[test]
    fn validation_reports_every_problem_at_once() {
        check(
            profile("", "  ", "12"),
            &[DeviceNameMissing, OfficerNameMissing, VillageCodeMalformed],
        );
        check(profile("HP Desa", "Siti", ""), &[]);
        check(profile("HP Desa", "Siti", "32.14.01.2001"), &[]);
        check(
            profile(&"x".repeat(61), &"y".repeat(61), "3214012001"),
            &[DeviceNameTooLong, OfficerNameTooLong],
        );
        check(
            profile(&"é".repeat(60), "Siti", "32140120O1"),
            &[VillageCodeMalformed],
        );
        for unknown in [
            "99.99.99.9999",
            "32.00.01.2001",
            "32.14.00.2001",
            "32.14.01.3001",
            "10.14.01.2001",
        ] {
            check(profile("HP Desa", "Siti", unknown), &[VillageCodeUnknown]);
        }
        check(profile("HP Desa", "Siti", "16.71.01.1001"), &[]);
        check(profile("HP Desa", "Siti", "95.01.01.2001"), &[]);
    }

    #[test]
    fn a_village_outside_the_offices_regency_is_told_apart() {
        assert!(outside_district("16.71.01.1001", "32.14"));
        assert!(!outside_district("32.14.01.2001", "32.14"));
        assert!(!outside_district("3214012001", "32.14"));
        assert!(
            !outside_district("", "32.14"),
            "no village code: nothing to compare"
        );
        assert!(
            !outside_district("32.14.01.2001", "dinas"),
            "an office code without digits"
        );
        assert_eq!(regency_code("33.13.02.2002").as_deref(), Some("33.13"));
    }

    #[test]
    fn village_code_is_normalised_to_the_dotted_kemendagri_form() {
        for (input, expected) in [
            ("3214012001", Some("32.14.01.2001")),
            (" 32.14.01.2001 ", Some("32.14.01.2001")),
            ("32 14 01 2001", Some("32.14.01.2001")),
            ("32-14-01-2001", Some("32.14.01.2001")),
            ("321401200", None),
            ("32140120011", None),
            ("32.14.01.200a", None),
            ("", None),
        ] {
            assert_eq!(
                normalise_village_code(input).as_deref(),
                expected,
                "input {input:?}"
            );
        }
    }

    #[test]
    fn normalised_profile_trims_and_collapses_names() {
        let p = profile("  HP   Desa ", " Siti  Aminah", "3214012001").normalised();
        assert_eq!(p, profile("HP Desa", "Siti Aminah", "32.14.01.2001"));
    }
}
