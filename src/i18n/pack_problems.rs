//! A pack's problems in words, so a regency fixes its pack in one round.

use super::*;

/// One problem of a broken pack, saying where, for the regency's admin.
pub fn pack_problem(lang: Lang, problem: &PackProblem) -> String {
    use PackProblem::*;
    let id = lang == Lang::Id;
    let at = |p: &str, n: &str| {
        if id {
            format!("Prosedur \u{ab}{p}\u{bb}, simpul \u{ab}{n}\u{bb}: ")
        } else {
            format!("Procedure \u{ab}{p}\u{bb}, node \u{ab}{n}\u{bb}: ")
        }
    };
    let inp = |p: &str| {
        if id {
            format!("Prosedur \u{ab}{p}\u{bb}: ")
        } else {
            format!("Procedure \u{ab}{p}\u{bb}: ")
        }
    };
    match problem {
        Malformed {
            line,
            column,
            message,
        } if id => format!("Baris {line}, kolom {column}: berkas tidak bisa dibaca ({message})."),
        Malformed {
            line,
            column,
            message,
        } => format!("Line {line}, column {column}: the file cannot be read ({message})."),
        HiddenText { at } if id => format!(
            "Teks di \u{ab}{at}\u{bb} berisi karakter tersembunyi yang membalik atau mengubah arah tulisan."
        ),
        HiddenText { at } => format!(
            "The text at \u{ab}{at}\u{bb} holds hidden characters that reverse or change the text direction."
        ),
        NoProcedures if id => "Paket tidak berisi prosedur.".into(),
        NoProcedures => "The pack holds no procedure.".into(),
        DuplicateProcedure { procedure } if id => {
            format!("Id prosedur \u{ab}{procedure}\u{bb} dipakai lebih dari sekali.")
        }
        DuplicateProcedure { procedure } => {
            format!("Procedure id \u{ab}{procedure}\u{bb} is used more than once.")
        }
        DuplicateRole { procedure, role } if id => format!(
            "{}peran \u{ab}{role}\u{bb} ditulis lebih dari sekali.",
            inp(procedure)
        ),
        DuplicateRole { procedure, role } => format!(
            "{}role \u{ab}{role}\u{bb} is listed more than once.",
            inp(procedure)
        ),
        BadRegisterFormat if id => "Surat perlu \u{ab}register_format\u{bb} dengan {seq} dan nama yang dikenal (seq, month, month_roman, year).".to_string(),
        BadRegisterFormat => "Letters need a \u{ab}register_format\u{bb} with {seq} and known names (seq, month, month_roman, year).".to_string(),
        BadLetter { letter, fault } => {
            let what = match (fault, id) {
                (LetterFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (LetterFault::Duplicate, false) => "the id is used more than once".to_string(),
                (LetterFault::UnknownProcedure(p), true) => format!("prosedur \u{ab}{p}\u{bb} tidak ada"),
                (LetterFault::UnknownProcedure(p), false) => format!("there is no procedure \u{ab}{p}\u{bb}"),
                (LetterFault::UnknownNode(n), true) => format!("langkah \u{ab}{n}\u{bb} tidak ada di prosedurnya"),
                (LetterFault::UnknownNode(n), false) => format!("its procedure has no node \u{ab}{n}\u{bb}"),
                (LetterFault::UnknownPlaceholder(n), true) => format!("isian \u{ab}{{{n}}}\u{bb} tidak dikenal"),
                (LetterFault::UnknownPlaceholder(n), false) => format!("\u{ab}{{{n}}}\u{bb} names nothing a letter can be filled with"),
                (LetterFault::NotAFact, true) => "data pemohon yang dicantumkan hanya boleh isian pemohon".to_string(),
                (LetterFault::NotAFact, false) => "its facts may only be the applicant's fields".to_string(),
                (LetterFault::UnknownSignerRole(r), true) => format!("penanda tangan \u{ab}{r}\u{bb} bukan peran kantor di paket ini"),
                (LetterFault::UnknownSignerRole(r), false) => format!("the signer \u{ab}{r}\u{bb} is no office role of this pack"),
                (LetterFault::NoSuchPaper(n), true) => format!("langkah \u{ab}{n}\u{bb} mengerjakan surat ini, tetapi prosedurnya tidak punya surat itu"),
                (LetterFault::NoSuchPaper(n), false) => format!("step \u{ab}{n}\u{bb} works on this letter, but its procedure has no such letter"),
                (LetterFault::BadCycle, true) => "surat per siklus perlu kolom lampiran dan tidak memuat data satu pemohon".to_string(),
                (LetterFault::BadCycle, false) => "a cycle letter needs attachment columns and lists no one applicant's facts".to_string(),
                (LetterFault::BadDestination(o), true) => format!("tujuan surat harus pilihan \u{ab}{o}\u{bb} dari langkah prosedurnya, dengan alamat untuk setiap pilihan"),
                (LetterFault::BadDestination(o), false) => format!("its destination must be the choice \u{ab}{o}\u{bb} of a step of its procedure, with an addressee for every option"),
            };
            if id {
                format!("Surat \u{ab}{letter}\u{bb}: {what}.")
            } else {
                format!("Letter \u{ab}{letter}\u{bb}: {what}.")
            }
        }
        BadDecree { decree, fault } => {
            let what = match (fault, id) {
                (DecreeFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (DecreeFault::Duplicate, false) => "the id is used more than once".to_string(),
                (DecreeFault::UnknownList(l), true) => format!("daftar \u{ab}{l}\u{bb} tidak ada"),
                (DecreeFault::UnknownList(l), false) => format!("there is no list \u{ab}{l}\u{bb}"),
                (DecreeFault::UnknownPlaceholder(n), true) => format!("isian \u{ab}{{{n}}}\u{bb} tidak dikenal"),
                (DecreeFault::UnknownPlaceholder(n), false) => format!("\u{ab}{{{n}}}\u{bb} names nothing a decree can be filled with"),
                (DecreeFault::BadColumns, true) => "kolomnya harus isian pemohon, paling sedikit satu".to_string(),
                (DecreeFault::BadColumns, false) => "its columns must be the applicant's fields, at least one".to_string(),
                (DecreeFault::UnknownSignerRole(r), true) => format!("penanda tangan \u{ab}{r}\u{bb} bukan peran kantor di paket ini"),
                (DecreeFault::UnknownSignerRole(r), false) => format!("the signer \u{ab}{r}\u{bb} is no office role of this pack"),
            };
            if id {
                format!("Lampiran keputusan \u{ab}{decree}\u{bb}: {what}.")
            } else {
                format!("Decree attachment \u{ab}{decree}\u{bb}: {what}.")
            }
        }
        BadList { list, fault } => {
            let what = match (fault, id) {
                (ListFault::Duplicate, true) => "id dipakai lebih dari sekali".to_string(),
                (ListFault::Duplicate, false) => "the id is used more than once".to_string(),
                (ListFault::UnknownProcedure(p), true) => format!("prosedur \u{ab}{p}\u{bb} tidak ada"),
                (ListFault::UnknownProcedure(p), false) => format!("there is no procedure \u{ab}{p}\u{bb}"),
                (ListFault::UnknownNode(n), true) => format!("langkah \u{ab}{n}\u{bb} tidak ada di prosedurnya"),
                (ListFault::UnknownNode(n), false) => format!("its procedure has no node \u{ab}{n}\u{bb}"),
                (ListFault::CutoffOutOfMonth, true) => "tanggal batas harus 1 sampai 31".to_string(),
                (ListFault::CutoffOutOfMonth, false) => "the cut-off day must be 1 to 31".to_string(),
                (ListFault::NoColumns, true) => "tidak ada kolom".to_string(),
                (ListFault::NoColumns, false) => "it has no columns".to_string(),
            };
            if id {
                format!("Daftar \u{ab}{list}\u{bb}: {what}.")
            } else {
                format!("List \u{ab}{list}\u{bb}: {what}.")
            }
        }
        BadOutput {
            procedure,
            node,
            output,
            fault,
        } => {
            use crate::domain::pack_check::OutputFault;
            let what = match (fault, id) {
                (OutputFault::BadId, true) => "id-nya dipakai dua kali, memakai huruf selain a-z, 0-9 dan _, atau sama dengan isian pemohon",
                (OutputFault::BadId, false) => "its id is used twice, has characters other than a-z, 0-9 and _, or is an applicant field's code",
                (OutputFault::BadFormat, true) => "formatnya tidak bisa dipenuhi (jumlah angka atau huruf, atau pilihannya)",
                (OutputFault::BadFormat, false) => "its format cannot be met (the number of digits or characters, or its options)",
                (OutputFault::NotTheAnswers, true) => "bukan hasil pilihan yang pilihannya sama dengan jawaban keputusan ini",
                (OutputFault::NotTheAnswers, false) => "is no choice output whose options are this decision's answers",
            };
            if id {
                format!("{}hasil langkah \u{ab}{output}\u{bb}: {what}.", at(procedure, node))
            } else {
                format!("{}step output \u{ab}{output}\u{bb}: {what}.", at(procedure, node))
            }
        }
        BadHeadRole { role } if id => format!(
            "Peran kepala kantor \u{ab}{role}\u{bb} bukan peran Dinas di paket ini."
        ),
        BadHeadRole { role } => {
            format!("The office head role \u{ab}{role}\u{bb} is not a district role of this pack.")
        }
        NoVillageIntake { procedure } if id => format!(
            "{}semua langkahnya milik Dinas dan tidak ada berkas yang bisa disiapkan desa: tulis \u{ab}\"intake\": \"office\"\u{bb}.",
            inp(procedure)
        ),
        NoVillageIntake { procedure } => format!(
            "{}every step is the district's and there is no dossier a village could prepare: declare \u{ab}\"intake\": \"office\"\u{bb}.",
            inp(procedure)
        ),
        BadAnswers { procedure, fault } => {
            let what = match (fault, id) {
                (AnswersFault::NotDistrictRole(r), true) => format!("peran \u{ab}{r}\u{bb} bukan peran Dinas prosedur ini"),
                (AnswersFault::NotDistrictRole(r), false) => format!("\u{ab}{r}\u{bb} is not a district role of the procedure"),
                (AnswersFault::UnknownNode(n), true) => format!("simpul \u{ab}{n}\u{bb} tidak ada"),
                (AnswersFault::UnknownNode(n), false) => format!("there is no node \u{ab}{n}\u{bb}"),
                (AnswersFault::NoChoices, true) => "tidak ada pilihan jawaban".to_string(),
                (AnswersFault::NoChoices, false) => "there are no choices".to_string(),
                (AnswersFault::ReceivedIsNoChoice, true) => "\u{ab}received\u{bb} adalah tanda terima, bukan pilihan jawaban".to_string(),
                (AnswersFault::ReceivedIsNoChoice, false) => "\u{ab}received\u{bb} is the receipt, not a choice".to_string(),
                (AnswersFault::UnknownWhen { node, answer }, true) => format!("tidak ada keputusan \u{ab}{node}\u{bb} dengan jawaban \u{ab}{answer}\u{bb}"),
                (AnswersFault::UnknownWhen { node, answer }, false) => format!("there is no decision \u{ab}{node}\u{bb} with the answer \u{ab}{answer}\u{bb}"),
            };
            if id {
                format!("{}jawaban Dinas: {what}.", inp(procedure))
            } else {
                format!("{}district answers: {what}.", inp(procedure))
            }
        }
        RoleSideDiffers { procedure, role } if id => format!(
            "{}peran \u{ab}{role}\u{bb} ada di sisi lain (desa/Dinas) daripada di prosedur sebelumnya.",
            inp(procedure)
        ),
        RoleSideDiffers { procedure, role } => format!(
            "{}role \u{ab}{role}\u{bb} is on the other side (village/district) than in an earlier procedure.",
            inp(procedure)
        ),
        DuplicateNode { procedure, node } if id => format!(
            "{}id \u{ab}{node}\u{bb} dipakai lebih dari sekali.",
            inp(procedure)
        ),
        DuplicateNode { procedure, node } => format!(
            "{}id \u{ab}{node}\u{bb} is used more than once.",
            inp(procedure)
        ),
        NoStart { procedure } if id => format!("{}tidak ada simbol mulai.", inp(procedure)),
        NoStart { procedure } => format!("{}there is no start capsule.", inp(procedure)),
        ManyStarts { procedure, count } if id => {
            format!("{}ada {count} simbol mulai; harus satu.", inp(procedure))
        }
        ManyStarts { procedure, count } => format!(
            "{}there are {count} start capsules; there must be one.",
            inp(procedure)
        ),
        UnknownRole {
            procedure,
            node,
            role,
        } if id => format!(
            "{}peran \u{ab}{role}\u{bb} tidak ada di daftar pelaksana.",
            at(procedure, node)
        ),
        UnknownRole {
            procedure,
            node,
            role,
        } => format!(
            "{}role \u{ab}{role}\u{bb} is not among the roles.",
            at(procedure, node)
        ),
        UnknownDocument {
            procedure,
            node,
            document,
        } if id => format!(
            "{}dokumen \u{ab}{document}\u{bb} tidak ada di katalog.",
            at(procedure, node)
        ),
        UnknownDocument {
            procedure,
            node,
            document,
        } => format!(
            "{}document \u{ab}{document}\u{bb} is not in the catalogue.",
            at(procedure, node)
        ),
        UnknownTarget {
            procedure,
            node,
            target,
        } if id => format!(
            "{}menuju \u{ab}{target}\u{bb} yang tidak ada.",
            at(procedure, node)
        ),
        UnknownTarget {
            procedure,
            node,
            target,
        } => format!(
            "{}leads to \u{ab}{target}\u{bb}, which does not exist.",
            at(procedure, node)
        ),
        TooFewAnswers { procedure, node } if id => format!(
            "{}keputusan butuh paling sedikit dua jawaban.",
            at(procedure, node)
        ),
        TooFewAnswers { procedure, node } => format!(
            "{}a decision needs at least two answers.",
            at(procedure, node)
        ),
        DuplicateAnswer {
            procedure,
            node,
            value,
        } if id => format!(
            "{}jawaban \u{ab}{value}\u{bb} ditulis dua kali.",
            at(procedure, node)
        ),
        DuplicateAnswer {
            procedure,
            node,
            value,
        } => format!(
            "{}answer \u{ab}{value}\u{bb} is given twice.",
            at(procedure, node)
        ),
        Unreachable { procedure, node } if id => {
            format!("{}tidak bisa dicapai dari awal.", at(procedure, node))
        }
        Unreachable { procedure, node } => {
            format!("{}cannot be reached from the start.", at(procedure, node))
        }
        NeverEnds { procedure, node } if id => format!(
            "{}jalur dari sini tidak pernah selesai.",
            at(procedure, node)
        ),
        NeverEnds { procedure, node } => {
            format!("{}no path from here ever ends.", at(procedure, node))
        }
        BadTime {
            procedure,
            node,
            reason,
        } => {
            let why = match (reason, id) {
                (TimeProblem::ZeroDuration, true) => "waktu nol",
                (TimeProblem::ZeroDuration, false) => "zero time",
                (TimeProblem::MaxBelowAmount, true) => "batas atas lebih kecil dari batas bawah",
                (TimeProblem::MaxBelowAmount, false) => "the upper bound is below the lower one",
                (TimeProblem::TooLong, true) => "lebih dari satu tahun",
                (TimeProblem::TooLong, false) => "longer than a year",
                (TimeProblem::DayOutOfMonth, true) => "tanggal di luar 1\u{2013}31",
                (TimeProblem::DayOutOfMonth, false) => "a day outside 1\u{2013}31",
                (TimeProblem::WindowReversed, true) => "tanggal awal sesudah tanggal akhir",
                (TimeProblem::WindowReversed, false) => "the first day is after the last",
            };
            if id {
                format!(
                    "{}standar waktu tidak masuk akal: {why}.",
                    at(procedure, node)
                )
            } else {
                format!(
                    "{}the time standard makes no sense: {why}.",
                    at(procedure, node)
                )
            }
        }
    }
}
