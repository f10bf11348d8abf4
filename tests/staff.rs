//! The office staff are guarded by the office's head: who may add or
//! remove a member, the first member and the last head, and the staff log
//! (`domain::staff::StaffRules::apply`).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use pandu::domain::staff::{
    Authority, Changed, NewStaff, StaffAction, StaffChange, StaffLogEntry, StaffMember,
    StaffProblem::{self, *},
    StaffRules,
};

use common::shipped_pack as pack;
use pandu::domain::lanes::district_roles;

const ROLES: &[&str] = &["operator", "kabid", "sekdin", "kadis"];
/// Karanganyar's office: the Kadis heads it.
const KADIS: StaffRules = StaffRules {
    roles: ROLES,
    head: Some("kadis"),
};
/// A pack with no head role: the first member added heads the office.
const NO_HEAD: StaffRules = StaffRules {
    roles: ROLES,
    head: None,
};
/// What a change should give: the ids of the staff after it, or every
/// problem.
type Expected<'a> = Result<&'a [&'a str], &'a [StaffProblem]>;

/// 1 December 2026, 09:00 WIB.
const AT: i64 = 1_796_090_400_000;

/// Adding `name` in `role` with `pin`; the id doubles as the salt.
fn add(id: &str, name: &str, role: &str, pin: &str) -> StaffChange {
    StaffChange::Add {
        new: NewStaff {
            name: name.into(),
            role: role.into(),
            pin: pin.into(),
            pin_again: pin.into(),
            ..Default::default()
        },
        id: id.into(),
        salt: format!("salt-{id}").into_bytes(),
    }
}

fn remove(id: &str, confirmed: bool) -> StaffChange {
    StaffChange::Remove {
        id: id.into(),
        confirmed,
    }
}

fn by(member: &str, pin: &str) -> Authority {
    Authority {
        member: member.into(),
        pin: pin.into(),
    }
}

/// Applies `change` and checks the outcome against `expected` (`Ok` with
/// the ids of the staff after it). A refusal must leave `staff` as it was.
fn check(
    rules: StaffRules,
    staff: &[StaffMember],
    change: &StaffChange,
    who: &Authority,
    expected: Expected,
) -> Option<Changed> {
    let before = staff.to_vec();
    let got = rules.apply(staff, change, who, AT);
    assert_eq!(staff, before, "the staff given are never changed in place");
    match (got, expected) {
        (Ok(changed), Ok(ids)) => {
            let now: Vec<&str> = changed.staff.iter().map(|m| m.id.as_str()).collect();
            assert_eq!(now, ids, "{change:?} by {who:?}");
            Some(changed)
        }
        (Err(problems), Err(want)) => {
            assert_eq!(problems, want, "{change:?} by {who:?}");
            None
        }
        (got, want) => panic!("{change:?} by {who:?}: got {got:?}, expected {want:?}"),
    }
}

/// Applies changes that must succeed, one after another.
fn build(
    rules: StaffRules,
    steps: &[(StaffChange, Authority)],
) -> (Vec<StaffMember>, Vec<StaffLogEntry>) {
    let mut staff = Vec::new();
    let mut log = Vec::new();
    for (change, who) in steps {
        let changed = rules
            .apply(&staff, change, who, AT + log.len() as i64 * 60_000)
            .unwrap_or_else(|p| panic!("{change:?}: {p:?}"));
        staff = changed.staff;
        log.push(changed.entry);
    }
    (staff, log)
}

/// Bu Kadis (k1, PIN 4444) and Bu Rina, Kabid (r1, PIN 2222).
fn office() -> Vec<StaffMember> {
    build(
        KADIS,
        &[
            (add("k1", "Bu Kadis", "kadis", "4444"), Authority::default()),
            (add("r1", "Bu Rina", "kabid", "2222"), by("k1", "4444")),
        ],
    )
    .0
}

#[test]
fn the_first_member_must_hold_the_head_role() {
    let none = Authority::default();
    let cases: &[(&str, Expected)] = &[
        ("operator", Err(&[FirstNotHead])),
        ("kabid", Err(&[FirstNotHead])),
        ("bupati", Err(&[RoleUnknown])),
        ("", Err(&[RoleUnknown])),
        ("kadis", Ok(&["k1"])),
    ];
    for (role, expected) in cases {
        check(
            KADIS,
            &[],
            &add("k1", "Bu Kadis", role, "4444"),
            &none,
            *expected,
        );
    }
    // Every problem at once, the head rule among them.
    check(
        KADIS,
        &[],
        &add("k1", " ", "kabid", "44"),
        &none,
        Err(&[NameMissing, FirstNotHead, PinMalformed]),
    );

    // The first head authorises their own addition: no one else can.
    let first = check(
        KADIS,
        &[],
        &add("k1", "Bu Kadis", "kadis", "4444"),
        &none,
        Ok(&["k1"]),
    )
    .unwrap();
    assert_eq!(
        (first.entry.by.as_str(), first.entry.by_name.as_str()),
        ("k1", "Bu Kadis")
    );
    assert_eq!(KADIS.heads(&first.staff), [&first.staff[0]]);
    assert!(!KADIS.needs_head(&first.staff));
}

#[test]
fn with_no_head_role_in_the_pack_the_first_member_added_is_the_head() {
    assert!(NO_HEAD.needs_head(&[]));
    let (staff, _) = build(
        NO_HEAD,
        &[
            (
                add("o1", "Pak Operator", "operator", "1111"),
                Authority::default(),
            ),
            (add("r1", "Bu Rina", "kabid", "2222"), by("o1", "1111")),
        ],
    );
    let heads: Vec<&str> = NO_HEAD
        .heads(&staff)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(heads, ["o1"], "the first added, whatever its role");
    // Another role gives no headship: only the first member's role.
    check(
        NO_HEAD,
        &staff,
        &add("x1", "Pak Lain", "kadis", "5555"),
        &by("r1", "2222"),
        Err(&[NotHead]),
    );
    check(
        NO_HEAD,
        &staff,
        &add("x1", "Pak Lain", "kadis", "5555"),
        &by("o1", "1111"),
        Ok(&["o1", "r1", "x1"]),
    );
    check(
        NO_HEAD,
        &staff,
        &remove("r1", true),
        &by("o1", "1111"),
        Ok(&["o1"]),
    );
    check(
        NO_HEAD,
        &staff,
        &remove("o1", true),
        &by("o1", "1111"),
        Err(&[LastHead]),
    );
    // Another member of the first member's role is a head too, so the
    // first can be replaced; the remaining head moves to the front.
    let two = check(
        NO_HEAD,
        &staff,
        &add("o2", "Bu Operator", "operator", "3333"),
        &by("o1", "1111"),
        Ok(&["o1", "r1", "o2"]),
    )
    .unwrap()
    .staff;
    let heads: Vec<&str> = NO_HEAD.heads(&two).iter().map(|m| m.id.as_str()).collect();
    assert_eq!(heads, ["o1", "o2"]);
    let after = check(
        NO_HEAD,
        &two,
        &remove("o1", true),
        &by("o2", "3333"),
        Ok(&["o2", "r1"]),
    )
    .unwrap()
    .staff;
    let heads: Vec<&str> = NO_HEAD
        .heads(&after)
        .iter()
        .map(|m| m.id.as_str())
        .collect();
    assert_eq!(heads, ["o2"], "the operator role still heads the office");
    check(
        NO_HEAD,
        &after,
        &remove("r1", true),
        &by("r1", "2222"),
        Err(&[NotHead]),
    );
}

#[test]
fn an_addition_needs_a_heads_pin() {
    let staff = office();
    let new = add("s1", "Pak Sekdin", "sekdin", "3333");
    let cases: &[(Authority, Expected)] = &[
        (by("k1", "4444"), Ok(&["k1", "r1", "s1"])),
        (by("k1", "4445"), Err(&[HeadPinWrong])),
        (by("k1", ""), Err(&[HeadPinMissing])),
        (by("k1", "  "), Err(&[HeadPinMissing])),
        (by("r1", "2222"), Err(&[NotHead])),
        (by("r1", ""), Err(&[NotHead, HeadPinMissing])),
        (by("", "4444"), Err(&[NotHead])),
        (by("nobody", "4444"), Err(&[NotHead])),
    ];
    for (who, expected) in cases {
        check(KADIS, &staff, &new, who, *expected);
    }
    // The form's problems and the authority's, all at once.
    check(
        KADIS,
        &staff,
        &add("s1", "bu rina", "bupati", "33"),
        &by("k1", "9999"),
        Err(&[NameTaken, RoleUnknown, PinMalformed, HeadPinWrong]),
    );
    // A head may add another head.
    check(
        KADIS,
        &staff,
        &add("k2", "Pak Plt Kadis", "kadis", "5555"),
        &by("k1", "4444"),
        Ok(&["k1", "r1", "k2"]),
    );
}

#[test]
fn a_removal_needs_confirmation_and_a_heads_pin() {
    let staff = office();
    let cases: &[(StaffChange, Authority, Expected)] = &[
        (remove("r1", true), by("k1", "4444"), Ok(&["k1"])),
        (remove("r1", false), by("k1", "4444"), Err(&[NotConfirmed])),
        (remove("r1", true), by("k1", ""), Err(&[HeadPinMissing])),
        (remove("r1", true), by("k1", "0000"), Err(&[HeadPinWrong])),
        // Bu Rina cannot remove herself, nor anyone else, with her PIN.
        (remove("r1", true), by("r1", "2222"), Err(&[NotHead])),
        (
            remove("r1", false),
            by("", ""),
            Err(&[NotConfirmed, NotHead, HeadPinMissing]),
        ),
        (remove("zz", true), by("k1", "4444"), Err(&[MemberUnknown])),
    ];
    for (change, who, expected) in cases {
        check(KADIS, &staff, change, who, *expected);
    }
}

#[test]
fn the_last_head_cannot_be_removed() {
    let staff = office();
    check(
        KADIS,
        &staff,
        &remove("k1", true),
        &by("k1", "4444"),
        Err(&[LastHead]),
    );
    check(
        KADIS,
        &staff,
        &remove("k1", true),
        &by("k1", "1"),
        Err(&[LastHead, HeadPinWrong]),
    );
    // With a second head, either may go, authorised by either.
    let two = check(
        KADIS,
        &staff,
        &add("k2", "Pak Plt Kadis", "kadis", "5555"),
        &by("k1", "4444"),
        Ok(&["k1", "r1", "k2"]),
    )
    .unwrap()
    .staff;
    let one = check(
        KADIS,
        &two,
        &remove("k1", true),
        &by("k2", "5555"),
        Ok(&["r1", "k2"]),
    )
    .unwrap()
    .staff;
    check(
        KADIS,
        &one,
        &remove("k2", true),
        &by("k2", "5555"),
        Err(&[LastHead]),
    );
}

#[test]
fn staff_stored_before_heads_were_required_must_add_a_head_first() {
    // Added freely by an older version: no Kadis among them.
    let old: Vec<StaffMember> = [
        ("o1", "Pak Operator", "operator", "1111"),
        ("r1", "Bu Rina", "kabid", "2222"),
    ]
    .iter()
    .map(|(id, name, role, pin)| {
        NewStaff {
            name: (*name).into(),
            role: (*role).into(),
            pin: (*pin).into(),
            pin_again: (*pin).into(),
            ..Default::default()
        }
        .member((*id).into(), id.as_bytes())
    })
    .collect();
    assert!(KADIS.needs_head(&old));
    check(
        KADIS,
        &old,
        &remove("o1", true),
        &by("o1", "1111"),
        Err(&[NoHead]),
    );
    check(
        KADIS,
        &old,
        &add("s1", "Pak Sekdin", "sekdin", "3333"),
        &by("r1", "2222"),
        Err(&[FirstNotHead]),
    );
    let fixed = check(
        KADIS,
        &old,
        &add("k1", "Bu Kadis", "kadis", "4444"),
        &Authority::default(),
        Ok(&["o1", "r1", "k1"]),
    )
    .unwrap()
    .staff;
    check(
        KADIS,
        &fixed,
        &remove("o1", true),
        &by("k1", "4444"),
        Ok(&["r1", "k1"]),
    );
}

#[test]
fn the_log_records_who_when_and_what() {
    let (staff, log) = build(
        KADIS,
        &[
            (
                add("k1", "Bu  Kadis", "kadis", "4444"),
                Authority::default(),
            ),
            (add("r1", "Bu Rina", "kabid", "2222"), by("k1", "4444")),
            (
                add("k2", "Pak Plt Kadis", "kadis", "5555"),
                by("k1", "4444"),
            ),
            (remove("r1", true), by("k2", "5555")),
        ],
    );
    let ids: Vec<&str> = staff.iter().map(|m| m.id.as_str()).collect();
    assert_eq!(ids, ["k1", "k2"]);
    let rows: Vec<(i64, StaffAction, &str, &str, &str, &str, &str)> = log
        .iter()
        .map(|e| {
            let StaffLogEntry {
                at,
                action,
                member,
                name,
                role,
                by,
                by_name,
            } = e;
            (
                *at,
                *action,
                member.as_str(),
                name.as_str(),
                role.as_str(),
                by.as_str(),
                by_name.as_str(),
            )
        })
        .collect();
    use StaffAction::{Added, Removed};
    assert_eq!(
        rows,
        [
            (AT, Added, "k1", "Bu Kadis", "kadis", "k1", "Bu Kadis"),
            (
                AT + 60_000,
                Added,
                "r1",
                "Bu Rina",
                "kabid",
                "k1",
                "Bu Kadis"
            ),
            (
                AT + 120_000,
                Added,
                "k2",
                "Pak Plt Kadis",
                "kadis",
                "k1",
                "Bu Kadis"
            ),
            (
                AT + 180_000,
                Removed,
                "r1",
                "Bu Rina",
                "kabid",
                "k2",
                "Pak Plt Kadis"
            ),
        ]
    );
    // Stored as JSON in `settings`: the action as a word, never a PIN.
    let json = serde_json::to_string(&log[3]).unwrap();
    assert!(json.contains(r#""action":"removed""#), "{json}");
    assert!(!json.contains("5555") && !json.contains("2222"), "{json}");
    assert_eq!(
        serde_json::from_str::<StaffLogEntry>(&json).unwrap(),
        log[3]
    );
}

#[test]
fn each_shipped_pack_has_its_head_among_its_district_roles_or_none() {
    // Purwakarta's SOP stops at the village and the operator: no Kadis,
    // so its first staff member added heads the office.
    for (name, head) in [
        ("karanganyar", Some("kadis")),
        ("palembang", Some("kadis")),
        ("pesisir-selatan", Some("kadis")),
        ("purwakarta", None),
    ] {
        let pack = pack(name);
        assert_eq!(pack.head_role(), head, "{name}");
        if let Some(head) = head {
            assert!(district_roles(&pack).iter().any(|r| r.id == head), "{name}");
        }
    }
}

#[test]
fn wrong_pins_in_a_row_make_the_laptop_wait_longer_each_time() {
    use pandu::domain::staff::PinGuard;
    let now = 1_000_000;
    let mut g = PinGuard::default();
    assert_eq!(g.wait_left(now), None);
    // The first three wrong PINs are free.
    for _ in 0..3 {
        g = g.failed(now);
        assert_eq!(g.wait_left(now), None);
    }
    // Then 30 s, doubling, at most 15 minutes.
    let mut waits = Vec::new();
    for _ in 0..8 {
        g = g.failed(now);
        waits.push(g.wait_left(now).unwrap());
    }
    assert_eq!(
        waits,
        [30_000, 60_000, 120_000, 240_000, 480_000, 900_000, 900_000, 900_000]
    );
    assert_eq!(g.wait_left(now + 900_000), None, "over when the wait is");
    assert_eq!(
        PinGuard::default(),
        PinGuard {
            failures: 0,
            until: 0
        },
        "a right PIN starts over"
    );
}

#[test]
fn a_nip_is_18_digits_with_a_birth_date_and_sex_and_a_rank_has_a_limit() {
    use pandu::domain::staff::nip_well_formed;
    assert!(nip_well_formed("197205141998031004"));
    assert!(nip_well_formed("198811222015032001"));
    for bad in [
        "",
        "19720514199803100",   // 17 digits
        "1972051419980310045", // 19
        "19721314199803100a",
        "197213141998031004", // month 13
        "197205141998033004", // sex digit 3
    ] {
        assert!(!nip_well_formed(bad), "{bad}");
    }
    let typed = |rank: &str, nip: &str| NewStaff {
        name: "Bu Kadis".into(),
        role: "kadis".into(),
        pin: "4444".into(),
        pin_again: "4444".into(),
        rank: rank.into(),
        nip: nip.into(),
    };
    // Spaces in a NIP as printed on an ID card are dropped; none is fine.
    let ok = typed("Pembina Utama Muda (IV/c)", "19720514 199803 1 004");
    assert!(ok.validate(&[], ROLES).is_empty());
    assert_eq!(ok.member("k1".into(), b"s").nip, "197205141998031004");
    assert!(typed("", "").validate(&[], ROLES).is_empty());
    assert_eq!(typed("", "1972").validate(&[], ROLES), [NipMalformed]);
    assert_eq!(
        typed(&"x".repeat(61), "").validate(&[], ROLES),
        [RankTooLong]
    );
}

#[test]
fn a_rank_and_nip_change_needs_a_heads_pin_and_is_logged() {
    let staff = office();
    let details = |nip: &str| StaffChange::Details {
        id: "k1".into(),
        rank: "Pembina Utama Muda (IV/c)".into(),
        nip: nip.into(),
    };
    // Refused: no PIN, a non-head's, a bad NIP, an unknown member.
    check(
        KADIS,
        &staff,
        &details("197205141998031004"),
        &by("k1", ""),
        Err(&[HeadPinMissing]),
    );
    check(
        KADIS,
        &staff,
        &details("197205141998031004"),
        &by("r1", "2222"),
        Err(&[NotHead]),
    );
    check(
        KADIS,
        &staff,
        &details("1972"),
        &by("k1", "4444"),
        Err(&[NipMalformed]),
    );
    let unknown = StaffChange::Details {
        id: "zz".into(),
        rank: String::new(),
        nip: String::new(),
    };
    check(
        KADIS,
        &staff,
        &unknown,
        &by("k1", "4444"),
        Err(&[MemberUnknown]),
    );
    let changed = check(
        KADIS,
        &staff,
        &details("197205141998031004"),
        &by("k1", "4444"),
        Ok(&["k1", "r1"]),
    )
    .unwrap();
    assert_eq!(changed.staff[0].nip, "197205141998031004");
    assert_eq!(changed.staff[0].rank, "Pembina Utama Muda (IV/c)");
    assert!(changed.staff[0].pin_matches("4444"), "the PIN is kept");
    assert_eq!(changed.staff[1], staff[1], "nobody else changes");
    assert_eq!(
        (changed.entry.action, changed.entry.by_name.as_str()),
        (StaffAction::Updated, "Bu Kadis")
    );
}

#[test]
fn a_paper_is_signed_by_its_roles_holder_with_a_nip_or_refused() {
    use pandu::domain::letters::paper_signer;
    use pandu::domain::staff::{Signer, SignerProblem};
    let karanganyar = pack("karanganyar");
    let def = &karanganyar.letters[0];
    assert_eq!(def.signer_role.as_deref(), Some("kadis"));
    // No staff: nobody signs.
    assert_eq!(
        paper_signer(&karanganyar, def.signer_role.as_deref(), &[]),
        Err(SignerProblem::NoHolder {
            role: "kadis".into()
        })
    );
    // The Kadis is on the staff without a NIP: refused, named.
    let staff = office();
    assert_eq!(
        paper_signer(&karanganyar, Some("kadis"), &staff),
        Err(SignerProblem::NoNip {
            name: "Bu Kadis".into()
        })
    );
    let staff = KADIS
        .apply(
            &staff,
            &StaffChange::Details {
                id: "k1".into(),
                rank: "Pembina (IV/a)".into(),
                nip: "197205141998031004".into(),
            },
            &by("k1", "4444"),
            AT,
        )
        .unwrap()
        .staff;
    let kadis = Signer {
        name: "Bu Kadis".into(),
        rank: "Pembina (IV/a)".into(),
        nip: "197205141998031004".into(),
    };
    assert_eq!(
        paper_signer(&karanganyar, Some("kadis"), &staff),
        Ok(kadis.clone())
    );
    // A role held by nobody, though others are on the staff.
    assert_eq!(
        paper_signer(&karanganyar, Some("sekdin"), &staff),
        Err(SignerProblem::NoHolder {
            role: "sekdin".into()
        })
    );
    // No role named, no head role in the pack: the office's head signs.
    assert_eq!(paper_signer(&karanganyar, None, &staff), Ok(kadis));
    // Every shipped letter and decree names a district role that signs.
    for id in ["pesisir-selatan", "karanganyar", "palembang", "banjarbaru"] {
        let p = pack(id);
        let roles: Vec<String> = district_roles(&p)
            .into_iter()
            .map(|r| r.id.clone())
            .collect();
        for role in p
            .letters
            .iter()
            .map(|l| &l.signer_role)
            .chain(p.decrees.iter().map(|d| &d.signer_role))
        {
            assert!(roles.contains(role.as_ref().unwrap()), "{id}: {role:?}");
        }
    }
}
