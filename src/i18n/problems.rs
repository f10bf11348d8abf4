//! Why something was refused or went wrong, in the officer's words.

use super::*;

/// The officer's words for a storage problem.
pub fn storage_problem(lang: Lang, problem: &StorageProblem) -> &'static str {
    let msg = match problem {
        StorageProblem::Unsupported => Msg::ProblemUnsupported,
        StorageProblem::Denied(_) => Msg::ProblemDenied,
        StorageProblem::QuotaExceeded => Msg::ProblemQuota,
        StorageProblem::VersionTooNew => Msg::ProblemVersionTooNew,
        StorageProblem::Blocked => Msg::ProblemBlocked,
        StorageProblem::Closed => Msg::ProblemClosed,
        StorageProblem::Corrupt(_) => Msg::ProblemCorrupt,
        StorageProblem::Other(_) => Msg::ProblemOther,
        StorageProblem::Locked => Msg::ProblemLocked,
    };
    t(lang, msg)
}

/// The officer's words for a profile problem.
pub fn profile_problem(lang: Lang, problem: ProfileProblem) -> &'static str {
    let msg = match problem {
        ProfileProblem::DeviceNameMissing => Msg::ProfileDeviceNameMissing,
        ProfileProblem::DeviceNameTooLong => Msg::ProfileDeviceNameTooLong,
        ProfileProblem::OfficerNameMissing => Msg::ProfileOfficerNameMissing,
        ProfileProblem::OfficerNameTooLong => Msg::ProfileOfficerNameTooLong,
        ProfileProblem::VillageCodeMalformed => Msg::ProfileVillageCodeMalformed,
        ProfileProblem::VillageCodeUnknown => Msg::ProfileVillageCodeUnknown,
    };
    t(lang, msg)
}

/// The officer's words for a problem with a staff change.
pub fn staff_problem(lang: Lang, problem: StaffProblem) -> &'static str {
    let msg = match problem {
        StaffProblem::NameMissing => Msg::StaffNameMissing,
        StaffProblem::NameTooLong => Msg::StaffNameTooLong,
        StaffProblem::NameTaken => Msg::StaffNameTaken,
        StaffProblem::RoleUnknown => Msg::StaffRoleUnknown,
        StaffProblem::PinMalformed => Msg::StaffPinMalformed,
        StaffProblem::PinMismatch => Msg::StaffPinMismatch,
        StaffProblem::RankTooLong => Msg::StaffRankTooLong,
        StaffProblem::NipMalformed => Msg::StaffNipMalformed,
        StaffProblem::FirstNotHead => Msg::StaffFirstNotHead,
        StaffProblem::NoHead => Msg::StaffNoHead,
        StaffProblem::MemberUnknown => Msg::StaffMemberUnknown,
        StaffProblem::NotConfirmed => Msg::StaffNotConfirmed,
        StaffProblem::LastHead => Msg::StaffLastHead,
        StaffProblem::NotHead => Msg::StaffNotHead,
        StaffProblem::HeadPinMissing => Msg::StaffHeadPinMissing,
        StaffProblem::HeadPinWrong => Msg::StaffHeadPinWrong,
        StaffProblem::PinWait => Msg::PinWait,
    };
    t(lang, msg)
}

/// Why a paper cannot be signed, and what to do; `role` names a role.
pub fn signer_problem(lang: Lang, p: &SignerProblem, role: &dyn Fn(&str) -> String) -> String {
    match p {
        SignerProblem::NoHolder { role: r } => format!(
            "{} {}. {}",
            t(lang, Msg::SignerNoHolder),
            role(r),
            t(lang, Msg::SignerAddHint)
        ),
        SignerProblem::NoNip { name } => format!(
            "{name} {} {}",
            t(lang, Msg::SignerNoNip),
            t(lang, Msg::SignerAddHint)
        ),
    }
}

/// A line of the staff log, after its date and time: "Ditambahkan: Bu
/// Rina (Kabid), disetujui oleh Bu Kadis". `role` is the role's name.
pub fn staff_log_line(lang: Lang, action: StaffAction, name: &str, role: &str, by: &str) -> String {
    let what = match action {
        StaffAction::Added => Msg::StaffLogAdded,
        StaffAction::Removed => Msg::StaffLogRemoved,
        StaffAction::Updated => Msg::StaffLogUpdated,
        // `name` holds how many members the accepted list had.
        StaffAction::Accepted => return format!("{}: {name}", t(lang, Msg::StaffLogAccepted)),
        StaffAction::Cleared => return t(lang, Msg::StaffLogCleared).to_string(),
    };
    format!(
        "{}: {name} ({role}), {} {by}",
        t(lang, what),
        t(lang, Msg::StaffLogBy)
    )
}

/// How an inbox row stands: "Terlambat 2 hari 3 jam", "Sisa waktu 45 menit".
pub fn lateness(lang: Lang, l: Lateness) -> String {
    match l {
        Lateness::NoStandard => t(lang, Msg::InboxNoStandard).to_string(),
        Lateness::Late { by } => format!("{} {}", t(lang, Msg::InboxLate), span(lang, by)),
        Lateness::OnTime { left } => format!("{} {}", t(lang, Msg::InboxLeft), span(lang, left)),
    }
}

/// "Langkah ini dikerjakan oleh Kabid; Anda masuk sebagai Operator."
pub fn wrong_role(lang: Lang, expected: &str, acting: &str) -> String {
    format!(
        "{} {expected}; {} {acting}. {}",
        t(lang, Msg::ActWrongRole),
        t(lang, Msg::ActYouAre),
        t(lang, Msg::ActSwitchUser)
    )
}

/// Why an action was refused, in the officer's words; `role` and `doc`
/// name a role and a document in the pack's words, `answer` a decision's
/// answer.
pub fn act_refused(
    lang: Lang,
    err: &ActError,
    role: &dyn Fn(&str) -> String,
    doc: &dyn Fn(&str) -> String,
    answer: &dyn Fn(&str) -> String,
    output: &dyn Fn(&str) -> String,
) -> String {
    let docs = |ds: &[String]| ds.iter().map(|d| doc(d)).collect::<Vec<_>>().join(", ");
    match err {
        ActError::WrongRole { expected, acting } => {
            wrong_role(lang, &role(expected), &role(acting))
        }
        ActError::OtherSide {
            role: r,
            side: Side::District,
        } => format!(
            "{} {}. {}",
            t(lang, Msg::ActDistrictStep),
            role(r),
            t(lang, Msg::ActSendInstead)
        ),
        ActError::OtherSide {
            role: r,
            side: Side::Village,
        } => format!("{} {}.", t(lang, Msg::ActVillageStep), role(r)),
        ActError::SignIn => t(lang, Msg::ActSignIn).to_string(),
        ActError::Settled => t(lang, Msg::ActSettled).to_string(),
        ActError::Applicant => t(lang, Msg::CaseFixApplicant).to_string(),
        ActError::Unchecked(ds) => format!("{}: {}.", t(lang, Msg::ActUnchecked), docs(ds)),
        ActError::PhotoMissing(ds) => format!("{}: {}.", t(lang, Msg::ActPhotoMissing), docs(ds)),
        ActError::Contradicts { answer: a, missing } => format!(
            "{} {}: {} \u{ab}{}\u{bb} {}",
            docs(missing),
            t(lang, Msg::ActContradictsMissing),
            t(lang, Msg::ActContradictsNot),
            answer(a),
            t(lang, Msg::ActContradictsFits)
        ),
        ActError::AnswerFirst => t(lang, Msg::ActAnswerFirst).to_string(),
        ActError::PaperMissing(_) => t(lang, Msg::ActPaperMissing).to_string(),
        ActError::Outputs(problems) => format!(
            "{} {}.",
            t(lang, Msg::ActOutputs),
            problems
                .iter()
                .map(|(id, p)| format!("{} ({})", output(id), output_problem(lang, p)))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        ActError::Decided { answer: a } => format!(
            "{} \u{ab}{}\u{bb}. {}",
            t(lang, Msg::ActDecided),
            answer(a),
            t(lang, Msg::ActDecidedPick)
        ),
        ActError::Move(_) => t(lang, Msg::CaseConflict).to_string(),
    }
}

/// What is wrong with a step's output value, in words.
pub fn output_problem(lang: Lang, p: &OutputProblem) -> String {
    match p {
        OutputProblem::Empty => t(lang, Msg::OutputEmpty).to_string(),
        OutputProblem::NotDigits => t(lang, Msg::OutputNotDigits).to_string(),
        OutputProblem::Length { min, max } if min == max => {
            format!("{min} {}", t(lang, Msg::OutputDigits))
        }
        OutputProblem::Length { min, max } => {
            format!("{min}\u{2013}{max} {}", t(lang, Msg::OutputDigits))
        }
        OutputProblem::TooLong { max } => format!(
            "{} {max} {}",
            t(lang, Msg::OutputTooLong),
            t(lang, Msg::OutputChars)
        ),
        OutputProblem::Hidden => t(lang, Msg::OutputHidden).to_string(),
        OutputProblem::NotAnOption => t(lang, Msg::OutputNotAnOption).to_string(),
        OutputProblem::Unknown => t(lang, Msg::OutputUnknown).to_string(),
    }
}

/// Why the district's answer cannot be recorded now.
pub fn answer_refused(
    lang: Lang,
    e: &AnswerRefusal,
    role: &dyn Fn(&str) -> String,
    node: &dyn Fn(&str) -> String,
) -> String {
    let list = |xs: &[String], f: &dyn Fn(&str) -> String| {
        xs.iter().map(|x| f(x)).collect::<Vec<_>>().join(", ")
    };
    match e {
        AnswerRefusal::NotOffice => String::new(),
        AnswerRefusal::SignIn => t(lang, Msg::AnswerSignIn).to_string(),
        AnswerRefusal::WrongRole { allowed, acting } => format!(
            "{} {}; {} {}.",
            t(lang, Msg::AnswerByRoles),
            list(allowed, role),
            t(lang, Msg::ActYouAre),
            role(acting)
        ),
        AnswerRefusal::NotYet { at } if at.is_empty() => t(lang, Msg::AnswerAtEnd).to_string(),
        AnswerRefusal::NotYet { at } => format!(
            "{} \u{ab}{}\u{bb} {}.",
            t(lang, Msg::AnswerNotYet),
            list(at, node),
            t(lang, Msg::AnswerOrEnd)
        ),
        AnswerRefusal::NotOffered => t(lang, Msg::AnswerNotOffered).to_string(),
        AnswerRefusal::Settled => t(lang, Msg::ActSettled).to_string(),
    }
}

/// Why a bundle was refused, and what to do.
pub fn refusal(lang: Lang, r: &Refusal) -> String {
    let msg = match r {
        Refusal::TooLarge { .. } => Msg::RfTooLarge,
        Refusal::NotABundle => Msg::RfNotABundle,
        Refusal::NotForThisDevice => Msg::RfNotForThisDevice,
        Refusal::Damaged => Msg::RfDamaged,
        Refusal::TrailingData => Msg::RfTrailingData,
        Refusal::WrongType(_) => Msg::RfWrongType,
        Refusal::Malformed(_) => Msg::RfMalformed,
        Refusal::BadSignature => Msg::RfBadSignature,
        Refusal::WrongRecipient { .. } => Msg::RfWrongRecipient,
        Refusal::WrongKind(_) => Msg::RfWrongKind,
        Refusal::Revoked { .. } => Msg::RfRevoked,
        Refusal::Replay { .. } => Msg::RfReplay,
        Refusal::Attachment { .. } => Msg::RfAttachment,
        Refusal::AttachmentTooLarge { .. } => Msg::RfAttachmentTooLarge,
        Refusal::Inconsistent(_) => Msg::RfInconsistent,
        Refusal::BrokenHistory(_) => Msg::RfBrokenHistory,
        Refusal::TooManyCases { count } => {
            return format!(
                "{} ({count}; {} {}). {}",
                t(lang, Msg::RfTooManyCases),
                t(lang, Msg::RfAtMost),
                crate::bundle::seal::MAX_CASES,
                t(lang, Msg::RfNothingImported)
            )
        }
        Refusal::TooManyEvents { count, .. } => {
            return format!(
                "{} ({count}; {} {}). {}",
                t(lang, Msg::RfTooManyEvents),
                t(lang, Msg::RfAtMost),
                crate::bundle::seal::MAX_EVENTS_PER_CASE,
                t(lang, Msg::RfNothingImported)
            )
        }
        Refusal::Text { field, problem } => {
            let why = match problem {
                TextProblem::TooLong { max } => format!(
                    "{} {max} {}",
                    t(lang, Msg::TextTooLong),
                    t(lang, Msg::TextChars)
                ),
                TextProblem::Hidden => t(lang, Msg::RfHiddenText).to_string(),
            };
            return format!(
                "{} \u{ab}{field}\u{bb}: {why}. {}",
                t(lang, Msg::RfText),
                t(lang, Msg::RfNothingImported)
            );
        }
    };
    t(lang, msg).to_string()
}

/// Why a hand-over did not happen.
pub fn exchange_problem(lang: Lang, p: &ExchangeProblem) -> String {
    match p {
        ExchangeProblem::Refused(r) => refusal(lang, r).to_string(),
        ExchangeProblem::Storage(s) => storage_problem(lang, s).to_string(),
        ExchangeProblem::Quarantined { .. } => t(lang, Msg::RecvQuarantined).to_string(),
        ExchangeProblem::UnknownProcedure {
            pack,
            version,
            procedure,
        } => format!(
            "{} \u{ab}{pack}/{procedure}\u{bb} {} {version}. {}",
            t(lang, Msg::ExUnknownProcedure),
            t(lang, Msg::ExVersion),
            t(lang, Msg::ExUnknownProcedureFix)
        ),
        ExchangeProblem::ForeignPack {
            case,
            applicant,
            pack,
            office,
        } => {
            let who = case_who(case, applicant);
            format!(
                "{} {who} {} {pack}, {} {office}. {}",
                t(lang, Msg::ExForeignPack),
                t(lang, Msg::ExForeignPackUses),
                t(lang, Msg::ExForeignPackOffice),
                t(lang, Msg::ExForeignPackFix)
            )
        }
        ExchangeProblem::OutOfLane {
            case,
            applicant,
            step,
            role,
        } => {
            let en = lang == Lang::En;
            let who = case_who(case, applicant);
            let what = match (step, role) {
                (Some(s), Some(r)) => format!(" \u{ab}{}\u{bb} ({})", s.get(en), r.get(en)),
                (Some(s), None) => format!(" \u{ab}{}\u{bb}", s.get(en)),
                _ => String::new(),
            };
            format!(
                "{} {who}: {}{what}. {}",
                t(lang, Msg::ExOutOfLaneCase),
                t(lang, Msg::ExOutOfLane),
                t(lang, Msg::ExNothingImported)
            )
        }
        other => t(
            lang,
            match other {
                ExchangeProblem::NoDistrict => Msg::ExNoDistrict,
                ExchangeProblem::NotOffice => Msg::ExNotOffice,
                ExchangeProblem::NotFromDistrict => Msg::ExNotFromDistrict,
                ExchangeProblem::NothingToSend => Msg::ExNothingToSend,
                ExchangeProblem::NoProfile => Msg::KeysNeedProfile,
                ExchangeProblem::WrongPassphrase => Msg::ExWrongPassphrase,
                ExchangeProblem::WeakPassphrase => Msg::ExWeakPassphrase,
                _ => Msg::ExNotABackup,
            },
        )
        .to_string(),
    }
}

/// A case as an import refusal names it: "Siti Aminah (c1a2…)", or its id.
fn case_who(case: &str, applicant: &str) -> String {
    if applicant.trim().is_empty() {
        case.to_string()
    } else {
        format!("{applicant} ({case})")
    }
}

/// A warning about an imported bundle.
pub fn import_warning(lang: Lang, w: &Warning) -> String {
    match w {
        Warning::Gap { from, to } if from == to => format!("{} {from}.", t(lang, Msg::WarnGap)),
        Warning::Gap { from, to } => format!("{} {from}\u{2013}{to}.", t(lang, Msg::WarnGap)),
        Warning::ChainBroken => t(lang, Msg::WarnChainBroken).to_string(),
    }
}

/// One NIK / KK problem in words.
pub fn id_problem(lang: Lang, problem: &IdProblem) -> String {
    match problem {
        IdProblem::WrongLength { length } => match lang {
            Lang::Id => format!("Harus 16 digit, tertulis {length}."),
            Lang::En => format!("Must be 16 digits, {length} typed."),
        },
        IdProblem::NotDigits => t(lang, Msg::IdNotDigits).into(),
        IdProblem::UnknownProvince { .. } => t(lang, Msg::IdUnknownProvince).into(),
        IdProblem::BadRegion => t(lang, Msg::IdBadRegion).into(),
        IdProblem::ImpossibleBirthDate => t(lang, Msg::IdImpossibleBirthDate).into(),
        IdProblem::BirthDateInFuture => t(lang, Msg::IdBirthDateInFuture).into(),
        IdProblem::ZeroSerial => t(lang, Msg::IdZeroSerial).into(),
    }
}

/// A field problem in words (an identity number may have several).
pub fn field_problem(lang: Lang, problem: &FieldProblem) -> Vec<String> {
    let one = |m| vec![t(lang, m).to_string()];
    match problem {
        FieldProblem::Required => one(Msg::FieldRequired),
        FieldProblem::NoIdentity => one(Msg::FieldNoIdentity),
        FieldProblem::Id(problems) => problems.iter().map(|p| id_problem(lang, p)).collect(),
        FieldProblem::BadDate => one(Msg::FieldBadDate),
        FieldProblem::DateInFuture => one(Msg::FieldDateInFuture),
        FieldProblem::BadNeighbourhood => one(Msg::FieldBadNeighbourhood),
        FieldProblem::BadPhone => one(Msg::FieldBadPhone),
        FieldProblem::BadKis => one(Msg::FieldBadKis),
        FieldProblem::BadSex => one(Msg::FieldBadSex),
        FieldProblem::TooLong { max } => vec![format!(
            "{} {max} {}.",
            t(lang, Msg::TextTooLong),
            t(lang, Msg::TextChars)
        )],
    }
}

/// A NIK disagreement in words.
pub fn nik_warning(lang: Lang, warning: &NikWarning) -> String {
    let sex = |s: Sex| match s {
        Sex::Male => t(lang, Msg::FieldSexMale),
        Sex::Female => t(lang, Msg::FieldSexFemale),
    };
    match (warning, lang) {
        (NikWarning::BirthDateDiffers { from_nik, .. }, Lang::Id) => format!(
            "Menurut NIK, tanggal lahir {}. Periksa lagi NIK atau tanggal lahir.",
            long_date(lang, *from_nik)
        ),
        (NikWarning::BirthDateDiffers { from_nik, .. }, Lang::En) => format!(
            "The NIK says born {}. Check the NIK or the date of birth.",
            long_date(lang, *from_nik)
        ),
        (NikWarning::SexDiffers { from_nik, .. }, Lang::Id) => format!(
            "Menurut NIK, jenis kelamin {}. Periksa lagi.",
            sex(*from_nik).to_lowercase()
        ),
        (NikWarning::SexDiffers { from_nik, .. }, Lang::En) => {
            format!(
                "The NIK says {}. Check again.",
                sex(*from_nik).to_lowercase()
            )
        }
    }
}

/// A photo problem in words.
pub fn photo_problem(lang: Lang, problem: &PhotoProblem) -> &'static str {
    t(
        lang,
        match problem {
            PhotoProblem::NotImage => Msg::PhotoNotImage,
            PhotoProblem::TooLarge { .. } => Msg::PhotoTooLarge,
            PhotoProblem::CannotShrink => Msg::PhotoCannotShrink,
            PhotoProblem::Failed(_) => Msg::PhotoFailed,
        },
    )
}
