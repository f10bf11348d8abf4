//! The people who share the district office's laptop: each works one
//! district role of the office's pack (operator, Kasi, Kabid, Sekdin,
//! Kadis) and switches to it with a PIN. No server: the PIN only keeps one
//! colleague from acting in another's lane by mistake.
//!
//!
//! The staff themselves are guarded by the office's head (`Pack::head_role`,
//! usually the Kadis): adding or removing a member needs a head's PIN, the
//! first member added must be a head, the last head cannot be removed, and
//! every change yields a line of the append-only staff log
//! (`StaffRules::apply`). A pack with no head role makes the first member
//! added the head, and their role the head role: another member of that
//! role is a head too, so the first can be replaced (the stored list
//! keeps a head first).
//!
//! Invariants: a PIN is never stored, only its PBKDF2-HMAC-SHA256 digest
//! with a random salt; validation reports every problem at once; time and
//! random ids and salts are the caller's, never read here.

mod pin;
mod signer;

pub use pin::*;
pub use signer::*;

use hmac::{Hmac, KeyInit, Mac};
use serde::{Deserialize, Serialize};
use sha2::Sha256;

use super::date::Millis;
use super::hex::{hex, unhex};
use super::profile::MAX_NAME_CHARS;

/// PBKDF2 rounds for a PIN digest: a few tens of milliseconds on a laptop.
pub const PIN_ROUNDS: u32 = 20_000;
/// A PIN is 4 to 8 digits.
pub const PIN_MIN: usize = 4;
pub const PIN_MAX: usize = 8;

/// One user of the office laptop.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffMember {
    /// Random, hex.
    pub id: String,
    pub name: String,
    /// A district role id of the office's pack.
    pub role: String,
    /// Hex salt and PBKDF2 digest of the PIN.
    pub salt: String,
    pub pin: String,
    /// Pangkat/golongan ("Pembina Utama Muda (IV/c)"), printed under the
    /// name on what the member signs. Left out when empty, so lists
    /// stored before it keep their tags.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub rank: String,
    /// NIP, 18 digits, printed on what the member signs; empty for staff
    /// who have none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub nip: String,
}

/// One thing wrong with a new staff member; the UI turns it into words.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StaffProblem {
    NameMissing,
    NameTooLong,
    /// Another user of this laptop has the name.
    NameTaken,
    /// Not a district role of the office's pack.
    RoleUnknown,
    /// Not 4 to 8 digits.
    PinMalformed,
    /// The PIN typed twice differs.
    PinMismatch,
    /// Longer than `MAX_RANK_CHARS`.
    RankTooLong,
    /// Not a NIP: 18 digits, the first 8 a birth date, the 15th 1 or 2.
    NipMalformed,
    /// No member holds the head role yet, and the new one does not: the
    /// first member must be the office's head.
    FirstNotHead,
    /// No member holds the head role yet: a head must be added before
    /// anyone is removed.
    NoHead,
    /// The member to remove is not (or no longer) on the staff.
    MemberUnknown,
    /// The removal was not confirmed.
    NotConfirmed,
    /// The member to remove is the last one holding the head role.
    LastHead,
    /// The one authorising the change is not a head of the office.
    NotHead,
    /// No PIN typed for the head.
    HeadPinMissing,
    /// The PIN typed is not the head's.
    HeadPinWrong,
    /// Too many wrong PINs in a row on this laptop: PIN entry waits
    /// (`PinGuard`).
    PinWait,
}

/// What the form gives for a new staff member.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NewStaff {
    pub name: String,
    pub role: String,
    pub pin: String,
    pub pin_again: String,
    /// Optional: pangkat/golongan.
    pub rank: String,
    /// Optional: the NIP; spaces are allowed and dropped.
    pub nip: String,
}

/// The longest pangkat/golongan taken.
pub const MAX_RANK_CHARS: usize = 60;

/// Whether `nip` (digits only) is a NIP: 18 digits, the first 8 a date
/// of birth (YYYYMMDD), the 15th the sex (1 or 2).
pub fn nip_well_formed(nip: &str) -> bool {
    let b = nip.as_bytes();
    if b.len() != 18 || !b.iter().all(u8::is_ascii_digit) {
        return false;
    }
    let n = |r: std::ops::Range<usize>| nip[r].parse::<u32>().unwrap_or(0);
    super::date::Date::new(n(0..4) as i32, n(4..6), n(6..8)).is_some()
        && matches!(b[14], b'1' | b'2')
}

impl NewStaff {
    /// Every problem, in field order; `roles` are the district roles of
    /// the office's pack.
    pub fn validate(&self, existing: &[StaffMember], roles: &[&str]) -> Vec<StaffProblem> {
        let mut out = Vec::new();
        let name = self.name();
        if name.is_empty() {
            out.push(StaffProblem::NameMissing);
        } else if name.chars().count() > MAX_NAME_CHARS {
            out.push(StaffProblem::NameTooLong);
        } else if existing
            .iter()
            .any(|m| m.name.to_lowercase() == name.to_lowercase())
        {
            out.push(StaffProblem::NameTaken);
        }
        if !roles.contains(&self.role.as_str()) {
            out.push(StaffProblem::RoleUnknown);
        }
        if !pin_well_formed(&self.pin) {
            out.push(StaffProblem::PinMalformed);
        } else if self.pin != self.pin_again {
            out.push(StaffProblem::PinMismatch);
        }
        if self.rank().chars().count() > MAX_RANK_CHARS {
            out.push(StaffProblem::RankTooLong);
        }
        let nip = self.nip();
        if !nip.is_empty() && !nip_well_formed(&nip) {
            out.push(StaffProblem::NipMalformed);
        }
        out
    }

    /// The rank as stored: spaces collapsed, hidden characters dropped.
    pub fn rank(&self) -> String {
        super::text::visible(&self.rank)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The NIP as stored: without its spaces.
    pub fn nip(&self) -> String {
        self.nip.chars().filter(|c| !c.is_whitespace()).collect()
    }

    /// The name with its spaces collapsed.
    /// The name as stored: spaces collapsed, direction and control
    /// characters dropped.
    pub fn name(&self) -> String {
        super::text::visible(&self.name)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ")
    }

    /// The member to store, once `validate` found nothing; `id` and
    /// `salt` come from the caller's random source.
    pub fn member(&self, id: String, salt: &[u8]) -> StaffMember {
        StaffMember {
            id,
            name: self.name(),
            role: self.role.clone(),
            salt: hex(salt),
            pin: pin_digest(salt, &self.pin),
            rank: self.rank(),
            nip: self.nip(),
        }
    }
}

/// The log line of a change to `member` that the head `by` authorised
/// (`authorise` found them among `heads`).
fn logged(
    at: Millis,
    action: StaffAction,
    member: &StaffMember,
    heads: &[&StaffMember],
    by: &Authority,
) -> StaffLogEntry {
    let head = heads
        .iter()
        .find(|m| m.id == by.member)
        .expect("authorise found the head");
    StaffLogEntry {
        at,
        action,
        member: member.id.clone(),
        name: member.name.clone(),
        role: member.role.clone(),
        by: head.id.clone(),
        by_name: head.name.clone(),
    }
}

/// What a staff change did, as the log says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StaffAction {
    Added,
    Removed,
    /// A member's rank or NIP changed.
    Updated,
    /// A staff list the vault did not vouch for, accepted with the
    /// device's PIN (`name` holds how many members it had).
    Accepted,
    /// Such a list emptied with the device's PIN.
    Cleared,
}

/// One line of the office's staff log, which is only ever appended to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffLogEntry {
    /// When, from the caller's clock (Unix ms).
    pub at: Millis,
    pub action: StaffAction,
    /// The member added or removed: id, name and role at the time.
    pub member: String,
    pub name: String,
    pub role: String,
    /// The head who authorised the change with their PIN: id and name.
    /// The first head added authorises their own addition.
    pub by: String,
    pub by_name: String,
}

/// A change to the office's staff.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StaffChange {
    /// A new member from the form; `id` and `salt` come from the caller's
    /// random source.
    Add {
        new: NewStaff,
        id: String,
        salt: Vec<u8>,
    },
    /// Removing the member `id`; `confirmed` once the officer said yes to
    /// the confirmation step.
    Remove { id: String, confirmed: bool },
    /// The rank and NIP of member `id`, as typed (`NewStaff::rank`,
    /// `NewStaff::nip` rules).
    Details {
        id: String,
        rank: String,
        nip: String,
    },
}

/// Who authorises a change: a staff member's id and the PIN typed for
/// them (empty when none was typed).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Authority {
    pub member: String,
    pub pin: String,
}

/// The staff after a change, and the log line recording it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Changed {
    pub staff: Vec<StaffMember>,
    pub entry: StaffLogEntry,
}

/// The office's rules for its staff, from its pack: the district roles a
/// member may hold and the head role (`Pack::head_role`).
#[derive(Debug, Clone, Copy)]
pub struct StaffRules<'a> {
    pub roles: &'a [&'a str],
    pub head: Option<&'a str>,
}

impl<'a> StaffRules<'a> {
    /// The role that heads the office: the pack's, or, when the pack has
    /// none, the role of the first member added (the staff list keeps
    /// a head first), so a second member of that role is a head too and
    /// the first can be replaced.
    pub fn head_role<'s>(&self, staff: &'s [StaffMember]) -> Option<&'s str>
    where
        'a: 's,
    {
        self.head.or_else(|| staff.first().map(|m| m.role.as_str()))
    }

    /// The members who may authorise staff changes: those holding the
    /// head role (`head_role`).
    pub fn heads<'s>(&self, staff: &'s [StaffMember]) -> Vec<&'s StaffMember>
    where
        'a: 's,
    {
        match self.head_role(staff) {
            Some(role) => staff.iter().filter(|m| m.role == role).collect(),
            None => Vec::new(),
        }
    }

    /// Whether the member `id` is a head of the office.
    pub fn is_head(&self, staff: &[StaffMember], id: &str) -> bool {
        self.heads(staff).iter().any(|m| m.id == id)
    }

    /// Whether the next member added must hold the head role because none
    /// does yet (no staff, or staff stored before heads were required).
    pub fn needs_head(&self, staff: &[StaffMember]) -> bool {
        self.heads(staff).is_empty()
    }

    /// Applies `change` to `staff`, authorised by `by`, at `at`: the new
    /// staff and the log line, or every problem (then nothing may be
    /// written). While no member is a head, the only change allowed is
    /// adding one, which needs no other PIN than the new member's own.
    pub fn apply(
        &self,
        staff: &[StaffMember],
        change: &StaffChange,
        by: &Authority,
        at: Millis,
    ) -> Result<Changed, Vec<StaffProblem>> {
        let heads = self.heads(staff);
        match change {
            StaffChange::Add { new, id, salt } => {
                let mut problems = new.validate(staff, self.roles);
                let headless = heads.is_empty();
                if headless {
                    if let Some(role) = self.head {
                        if new.role != role && !problems.contains(&StaffProblem::RoleUnknown) {
                            // A problem of the role: before the PIN's, in field order.
                            let at = problems
                                .iter()
                                .position(|p| {
                                    matches!(
                                        p,
                                        StaffProblem::PinMalformed | StaffProblem::PinMismatch
                                    )
                                })
                                .unwrap_or(problems.len());
                            problems.insert(at, StaffProblem::FirstNotHead);
                        }
                    }
                } else {
                    problems.extend(authorise(&heads, by));
                }
                if !problems.is_empty() {
                    return Err(problems);
                }
                let member = new.member(id.clone(), salt);
                let (by, by_name) = match heads.iter().find(|m| m.id == by.member) {
                    Some(head) if !headless => (head.id.clone(), head.name.clone()),
                    _ => (member.id.clone(), member.name.clone()),
                };
                let entry = StaffLogEntry {
                    at,
                    action: StaffAction::Added,
                    member: member.id.clone(),
                    name: member.name.clone(),
                    role: member.role.clone(),
                    by,
                    by_name,
                };
                let mut all = staff.to_vec();
                all.push(member);
                Ok(Changed { staff: all, entry })
            }
            StaffChange::Details { id, rank, nip } => {
                let typed = NewStaff {
                    rank: rank.clone(),
                    nip: nip.clone(),
                    ..NewStaff::default()
                };
                let mut problems = Vec::new();
                let member = staff.iter().find(|m| &m.id == id);
                if member.is_none() {
                    problems.push(StaffProblem::MemberUnknown);
                }
                if typed.rank().chars().count() > MAX_RANK_CHARS {
                    problems.push(StaffProblem::RankTooLong);
                }
                if !typed.nip().is_empty() && !nip_well_formed(&typed.nip()) {
                    problems.push(StaffProblem::NipMalformed);
                }
                if heads.is_empty() {
                    problems.push(StaffProblem::NoHead);
                } else {
                    problems.extend(authorise(&heads, by));
                }
                let Some(member) = member.filter(|_| problems.is_empty()) else {
                    return Err(problems);
                };
                let entry = logged(at, StaffAction::Updated, member, &heads, by);
                let all = staff
                    .iter()
                    .map(|m| match &m.id == id {
                        true => StaffMember {
                            rank: typed.rank(),
                            nip: typed.nip(),
                            ..m.clone()
                        },
                        false => m.clone(),
                    })
                    .collect();
                Ok(Changed { staff: all, entry })
            }
            StaffChange::Remove { id, confirmed } => {
                let mut problems = Vec::new();
                let gone = staff.iter().find(|m| &m.id == id);
                if gone.is_none() {
                    problems.push(StaffProblem::MemberUnknown);
                }
                if !confirmed {
                    problems.push(StaffProblem::NotConfirmed);
                }
                if heads.is_empty() {
                    problems.push(StaffProblem::NoHead);
                } else {
                    if heads.len() == 1 && heads[0].id == *id {
                        problems.push(StaffProblem::LastHead);
                    }
                    problems.extend(authorise(&heads, by));
                }
                let Some(gone) = gone.filter(|_| problems.is_empty()) else {
                    return Err(problems);
                };
                let entry = logged(at, StaffAction::Removed, gone, &heads, by);
                let mut all: Vec<StaffMember> =
                    staff.iter().filter(|m| &m.id != id).cloned().collect();
                // Without a head role in the pack, the first member's role
                // heads the office: a head stays first.
                if self.head.is_none() {
                    if let Some(i) = all.iter().position(|m| m.role == gone.role) {
                        if staff.first().is_some_and(|f| f.id == gone.id) {
                            let head = all.remove(i);
                            all.insert(0, head);
                        }
                    }
                }
                Ok(Changed { staff: all, entry })
            }
        }
    }
}

/// What is wrong with `by` authorising a change, given the office's
/// heads: not a head, no PIN, or a PIN that is not theirs.
fn authorise(heads: &[&StaffMember], by: &Authority) -> Vec<StaffProblem> {
    let head = heads.iter().find(|m| m.id == by.member);
    let mut out = Vec::new();
    if head.is_none() {
        out.push(StaffProblem::NotHead);
    }
    if by.pin.trim().is_empty() {
        out.push(StaffProblem::HeadPinMissing);
    } else if head.is_some_and(|h| !h.pin_matches(&by.pin)) {
        out.push(StaffProblem::HeadPinWrong);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use StaffProblem::*;

    fn new(name: &str, role: &str, pin: &str, again: &str) -> NewStaff {
        NewStaff {
            name: name.into(),
            role: role.into(),
            pin: pin.into(),
            pin_again: again.into(),
            ..Default::default()
        }
    }

    const ROLES: &[&str] = &["operator", "kabid", "sekdin", "kadis"];

    #[test]
    fn validation_reports_every_problem_at_once() {
        assert_eq!(
            new(" ", "bupati", "12a4", "12a4").validate(&[], ROLES),
            [NameMissing, RoleUnknown, PinMalformed]
        );
        assert_eq!(
            new("Bu Rina", "kabid", "1234", "1243").validate(&[], ROLES),
            [PinMismatch]
        );
        assert_eq!(
            new(&"x".repeat(61), "kabid", "123", "123").validate(&[], ROLES),
            [NameTooLong, PinMalformed]
        );
        assert_eq!(
            new("Bu  Rina", "kabid", "123456789", "123456789").validate(&[], ROLES),
            [PinMalformed]
        );
        let rina = new("Bu Rina", "kabid", "2468", "2468").member("a1".into(), b"salt-1");
        assert_eq!(
            new("bu rina", "kadis", "1357", "1357").validate(&[rina], ROLES),
            [NameTaken]
        );
        assert!(new("Pak Joko", "operator", "00000000", "00000000")
            .validate(&[], ROLES)
            .is_empty());
    }

    #[test]
    fn a_pin_is_kept_only_as_a_salted_digest_and_checked_against_it() {
        let m = new("Bu  Rina ", "kabid", "2468", "2468").member("a1".into(), b"salt-1");
        assert_eq!(m.name, "Bu Rina");
        assert!(!m.pin.contains("2468") && !m.salt.contains("2468"));
        assert_eq!(m.pin.len(), 64);
        assert!(m.pin_matches("2468"));
        assert!(!m.pin_matches("2469"));
        assert!(!m.pin_matches(""));
        let other_salt = new("Bu Rina", "kabid", "2468", "2468").member("a1".into(), b"salt-2");
        assert_ne!(m.pin, other_salt.pin, "the same PIN, another digest");
        let broken = StaffMember {
            salt: "zz".into(),
            ..m
        };
        assert!(!broken.pin_matches("2468"));
    }

    #[test]
    fn the_digest_is_pbkdf2_hmac_sha256() {
        // RFC 7914 section 11's PBKDF2-HMAC-SHA256 vectors (first block).
        assert_eq!(
            hex(&pbkdf2_block(b"passwd", b"salt", 1)),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
        );
        assert_eq!(
            hex(&pbkdf2_block(b"Password", b"NaCl", 80_000)),
            "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
        );
        assert_eq!(
            pin_digest(b"NaCl", "2468"),
            hex(&pbkdf2_block(b"2468", b"NaCl", PIN_ROUNDS))
        );
    }
}
