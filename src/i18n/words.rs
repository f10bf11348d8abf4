//! Counts, dates, statuses, fields and columns in words.

use super::*;

/// The name of a regency's time zone: WIB, WITA, WIT (else UTC+h).
pub fn zone_name(offset_minutes: i32) -> String {
    match offset_minutes {
        420 => "WIB".to_string(),
        480 => "WITA".to_string(),
        540 => "WIT".to_string(),
        m if m % 60 == 0 => format!("UTC{:+}", m / 60),
        m => format!("UTC{:+}:{:02}", m / 60, (m % 60).abs()),
    }
}

/// "7 langkah" / "7 steps".
pub fn step_count(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} langkah"),
        (Lang::En, 1) => "1 step".to_string(),
        (Lang::En, n) => format!("{n} steps"),
    }
}

/// "3 kasus" / "3 cases".
pub fn case_count(lang: Lang, n: u32) -> String {
    match (lang, n) {
        (Lang::Id, n) => format!("{n} kasus"),
        (Lang::En, 1) => "1 case".to_string(),
        (Lang::En, n) => format!("{n} cases"),
    }
}

/// Bytes in the largest fitting unit with one decimal, using the language's
/// decimal separator: "1,5 MB" in Indonesian, "1.5 MB" in English.
pub fn format_bytes(lang: Lang, bytes: u64) -> String {
    const UNITS: [&str; 5] = ["B", "KB", "MB", "GB", "TB"];
    let mut unit = 0;
    let mut size: u128 = 1;
    while u128::from(bytes) >= size * 1024 && unit < UNITS.len() - 1 {
        size *= 1024;
        unit += 1;
    }
    let text = if unit == 0 {
        format!("{bytes}")
    } else {
        crate::domain::num::ratio(bytes.into(), size)
    };
    let text = match lang {
        Lang::Id => text.replace('.', ","),
        Lang::En => text,
    };
    format!("{text} {}", UNITS[unit])
}

/// "1,5 MB dari 2,0 GB terpakai (0,1%)" / "1.5 MB of 2.0 GB used (0.1%)".
pub fn storage_usage(lang: Lang, usage: u64, quota: u64) -> String {
    let pct = crate::domain::num::ratio(u128::from(usage) * 100, quota.into());
    let (used, total) = (format_bytes(lang, usage), format_bytes(lang, quota));
    match lang {
        Lang::Id => format!("{used} dari {total} terpakai ({}%)", pct.replace('.', ",")),
        Lang::En => format!("{used} of {total} used ({pct}%)"),
    }
}

/// A time standard as the SOP table would write it.
pub fn time_standard(lang: Lang, time: &TimeStandard) -> String {
    let en = lang == Lang::En;
    match *time {
        TimeStandard::Duration { amount, max, unit } => {
            let n = max.unwrap_or(amount);
            let word = match (unit, en) {
                (TimeUnit::Minutes, false) => "menit",
                (TimeUnit::Hours, false) => "jam",
                (TimeUnit::Days, false) => "hari",
                (TimeUnit::Months, false) => "bulan",
                (TimeUnit::Minutes, true) => {
                    if n == 1 {
                        "minute"
                    } else {
                        "minutes"
                    }
                }
                (TimeUnit::Hours, true) => {
                    if n == 1 {
                        "hour"
                    } else {
                        "hours"
                    }
                }
                (TimeUnit::Days, true) => {
                    if n == 1 {
                        "day"
                    } else {
                        "days"
                    }
                }
                (TimeUnit::Months, true) => {
                    if n == 1 {
                        "month"
                    } else {
                        "months"
                    }
                }
            };
            match max {
                Some(max) if max != amount => format!("{amount}\u{2013}{max} {word}"),
                _ => format!("{amount} {word}"),
            }
        }
        TimeStandard::MonthWindow { from_day, to_day } if en => {
            format!("Day {from_day}\u{2013}{to_day} of each month")
        }
        TimeStandard::MonthWindow { from_day, to_day } => {
            format!("Tanggal {from_day}\u{2013}{to_day} setiap bulan")
        }
        TimeStandard::MonthlyCutoff { day } if en => {
            format!("By day {day} of the month; effective the 1st of the next month")
        }
        TimeStandard::MonthlyCutoff { day } => {
            format!("Paling lambat tanggal {day}; berlaku tanggal 1 bulan berikutnya")
        }
        TimeStandard::SameDay if en => "Same day".to_string(),
        TimeStandard::SameDay => "Hari yang sama".to_string(),
    }
}

/// Where a case stands, in words.
pub fn case_status(lang: Lang, status: CaseStatus) -> &'static str {
    match (status, lang) {
        (CaseStatus::Draft, Lang::Id) => "Draf",
        (CaseStatus::Draft, Lang::En) => "Draft",
        (CaseStatus::Finished, Lang::Id) => "Selesai, siap dikirim",
        (CaseStatus::Finished, Lang::En) => "Finished, ready to send",
        (CaseStatus::Sent, Lang::Id) => "Terkirim",
        (CaseStatus::Sent, Lang::En) => "Sent",
        (CaseStatus::Acknowledged, Lang::Id) => "Diterima Dinas",
        (CaseStatus::Acknowledged, Lang::En) => "Received by the district",
        (CaseStatus::Returned, Lang::Id) => "Dikembalikan Dinas",
        (CaseStatus::Returned, Lang::En) => "Returned by the district",
        (CaseStatus::Archived, Lang::Id) => "Diarsipkan",
        (CaseStatus::Archived, Lang::En) => "Archived",
    }
}

/// Where a case stands, in the officer's words (the list's and the case
/// page's badge).
pub fn standing(lang: Lang, s: Standing) -> &'static str {
    let id = lang == Lang::Id;
    match s {
        Standing::Draft => {
            if id {
                "Draf"
            } else {
                "Draft"
            }
        }
        Standing::Discarded => {
            if id {
                "Draf dibuang"
            } else {
                "Discarded draft"
            }
        }
        Standing::Ready => {
            if id {
                "Siap dikirim"
            } else {
                "Ready to send"
            }
        }
        Standing::Resend => {
            if id {
                "Sudah diperbaiki, siap dikirim ulang"
            } else {
                "Fixed, ready to send again"
            }
        }
        Standing::Sent => {
            if id {
                "Terkirim, menunggu Dinas"
            } else {
                "Sent, waiting for the district"
            }
        }
        Standing::Received => {
            if id {
                "Diterima Dinas"
            } else {
                "Received by the district"
            }
        }
        Standing::Answered(FeedbackState::Proposed) => {
            if id {
                "Diusulkan"
            } else {
                "Proposed"
            }
        }
        Standing::Answered(FeedbackState::Accepted) => {
            if id {
                "Disetujui"
            } else {
                "Approved"
            }
        }
        Standing::Answered(FeedbackState::Rejected) => {
            if id {
                "Ditolak"
            } else {
                "Rejected"
            }
        }
        Standing::Answered(FeedbackState::Returned) => {
            if id {
                "Dikembalikan: perlu diperbaiki"
            } else {
                "Returned: needs fixing"
            }
        }
        Standing::Answered(FeedbackState::Received) => {
            if id {
                "Diterima Dinas"
            } else {
                "Received by the district"
            }
        }
        Standing::Archived => {
            if id {
                "Diarsipkan"
            } else {
                "Archived"
            }
        }
    }
}

/// The district's answer, in words.
pub fn feedback_state(lang: Lang, state: FeedbackState) -> &'static str {
    match (state, lang) {
        (FeedbackState::Received, Lang::Id) => "Diterima di Dinas",
        (FeedbackState::Received, Lang::En) => "Received at the district",
        (FeedbackState::Proposed, Lang::Id) => "Diusulkan di SIKS-NG",
        (FeedbackState::Proposed, Lang::En) => "Proposed in SIKS-NG",
        (FeedbackState::Accepted, Lang::Id) => "Disetujui",
        (FeedbackState::Accepted, Lang::En) => "Accepted",
        (FeedbackState::Rejected, Lang::Id) => "Ditolak",
        (FeedbackState::Rejected, Lang::En) => "Rejected",
        (FeedbackState::Returned, Lang::Id) => "Dikembalikan ke desa",
        (FeedbackState::Returned, Lang::En) => "Returned to the village",
    }
}

/// What became of a case, in words.
pub fn outcome(lang: Lang, outcome: Outcome) -> &'static str {
    match (outcome, lang) {
        (Outcome::Served, Lang::Id) => "Terlayani",
        (Outcome::Served, Lang::En) => "Served",
        (Outcome::Proposed, Lang::Id) => "Diusulkan",
        (Outcome::Proposed, Lang::En) => "Proposed",
        (Outcome::Recommended, Lang::Id) => "Direkomendasikan",
        (Outcome::Recommended, Lang::En) => "Recommended",
        (Outcome::Returned, Lang::Id) => "Dikembalikan",
        (Outcome::Returned, Lang::En) => "Returned",
        (Outcome::Refused, Lang::Id) => "Ditolak",
        (Outcome::Refused, Lang::En) => "Refused",
        (Outcome::Completed, Lang::Id) => "Selesai",
        (Outcome::Completed, Lang::En) => "Completed",
    }
}

/// A field's label.
pub fn field_label(lang: Lang, field: Field) -> &'static str {
    t(
        lang,
        match field {
            Field::FullName => Msg::FieldFullName,
            Field::Nik => Msg::FieldNik,
            Field::Kk => Msg::FieldKk,
            Field::BirthDate => Msg::FieldBirthDate,
            Field::Sex => Msg::FieldSex,
            Field::Address => Msg::FieldAddress,
            Field::Rt => Msg::FieldRt,
            Field::Rw => Msg::FieldRw,
            Field::Village => Msg::FieldVillage,
            Field::District => Msg::FieldDistrict,
            Field::Phone => Msg::FieldPhone,
            Field::Kis => Msg::FieldKis,
        },
    )
}

/// The titles of the register's recap (`domain::register::recap`); the
/// office's own archive, always in Indonesian.
pub fn recap_header() -> Vec<String> {
    [
        "No",
        "Nomor surat",
        "Tanggal",
        "Nama",
        "NIK",
        "Jenis surat",
        "Petugas",
        "ID kasus",
    ]
    .map(str::to_string)
    .to_vec()
}

/// A date as officers write it: "1 Januari 1990" / "1 January 1990".
pub fn long_date(lang: Lang, d: Date) -> String {
    const ID: [&str; 12] = [
        "Januari",
        "Februari",
        "Maret",
        "April",
        "Mei",
        "Juni",
        "Juli",
        "Agustus",
        "September",
        "Oktober",
        "November",
        "Desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let months = if lang == Lang::En { EN } else { ID };
    let month = months
        .get(d.month.saturating_sub(1) as usize)
        .copied()
        .unwrap_or("?");
    format!("{} {} {}", d.day, month, d.year)
}

/// "November 2026": a cycle named by its month.
pub fn month_year(lang: Lang, year: i32, month: u32) -> String {
    let d = long_date(
        lang,
        Date {
            year,
            month,
            day: 1,
        },
    );
    d.split_once(' ')
        .map_or(d.clone(), |(_, rest)| rest.to_string())
}

/// A list column's title in the file (Indonesian: the lists go to
/// Kemensos, Dinkes and BPJS).
pub fn list_column(lang: Lang, c: Column) -> &'static str {
    match (c, lang) {
        (Column::No, _) => "No",
        (Column::Nik, _) => "NIK",
        (Column::Kk, Lang::Id) => "No. KK",
        (Column::Kk, Lang::En) => "KK number",
        (Column::FullName, Lang::Id) => "Nama",
        (Column::FullName, Lang::En) => "Name",
        (Column::Sex, Lang::Id) => "Jenis Kelamin (L/P)",
        (Column::Sex, Lang::En) => "Sex (L/P)",
        (Column::BirthDate, Lang::Id) => "Tanggal Lahir",
        (Column::BirthDate, Lang::En) => "Date of birth",
        (Column::Address, Lang::Id) => "Alamat",
        (Column::Address, Lang::En) => "Address",
        (Column::Rt, _) => "RT",
        (Column::Rw, _) => "RW",
        (Column::Village, Lang::Id) => "Desa/Kelurahan",
        (Column::Village, Lang::En) => "Village",
        (Column::District, Lang::Id) => "Kecamatan",
        (Column::District, Lang::En) => "Subdistrict",
        (Column::Phone, Lang::Id) => "No. HP",
        (Column::Phone, Lang::En) => "Phone",
        (Column::Reached, Lang::Id) => "Tanggal Usul",
        (Column::Reached, Lang::En) => "Date proposed",
        (Column::CaseId, Lang::Id) => "ID Kasus Pandu",
        (Column::CaseId, Lang::En) => "Pandu case id",
        (Column::Kis, Lang::Id) => "No. Kartu KIS/JKN",
        (Column::Kis, Lang::En) => "KIS/JKN card number",
        (Column::VillageCode, Lang::Id) => "Kode Desa/Kelurahan",
        (Column::VillageCode, Lang::En) => "Village code",
        (Column::Regency, Lang::Id) => "Kabupaten/Kota",
        (Column::Regency, Lang::En) => "Regency/city",
        (Column::Effective, Lang::Id) => "Tanggal Berlaku",
        (Column::Effective, Lang::En) => "Effective date",
    }
}

/// A field's stored value as the officer reads it: a date in words
/// ("12 Maret 1985"), the sex in words, anything else as typed.
pub fn field_value(lang: Lang, field: Field, value: &str) -> String {
    use crate::domain::applicant::{parse_date, parse_sex};
    let value = value.trim();
    match field {
        Field::BirthDate => {
            parse_date(value).map_or_else(|| value.to_string(), |d| long_date(lang, d))
        }
        Field::Sex => match parse_sex(value) {
            Some(Sex::Male) => t(lang, Msg::FieldSexMale).to_string(),
            Some(Sex::Female) => t(lang, Msg::FieldSexFemale).to_string(),
            None => value.to_string(),
        },
        _ => value.to_string(),
    }
}

/// The words a letter needs, in this language (`domain::letters`).
impl crate::domain::letters::Words for Lang {
    fn long_date(&self, d: Date) -> String {
        long_date(*self, d)
    }
    fn sex(&self, s: Sex) -> String {
        t(
            *self,
            match s {
                Sex::Male => Msg::FieldSexMale,
                Sex::Female => Msg::FieldSexFemale,
            },
        )
        .to_string()
    }
}

/// A span of time, to the minute: "2 hari 3 jam", "45 menit", "< 1 menit".
pub fn span(lang: Lang, millis: i64) -> String {
    let minutes = millis.max(0) / 60_000;
    let (d, h, m) = (minutes / 1440, minutes / 60 % 24, minutes % 60);
    let words = match lang {
        Lang::Id => ("hari", "jam", "menit", "< 1 menit"),
        Lang::En => ("d", "h", "min", "< 1 min"),
    };
    let mut parts = Vec::new();
    if d > 0 {
        parts.push(format!("{d} {}", words.0));
    }
    if h > 0 {
        parts.push(format!("{h} {}", words.1));
    }
    if m > 0 && d == 0 {
        parts.push(format!("{m} {}", words.2));
    }
    if parts.is_empty() {
        words.3.to_string()
    } else {
        parts.join(" ")
    }
}

/// "23 November 2026 09:05 WIB": the regency's local time, its zone named.
pub fn date_time(lang: Lang, at: i64, offset_minutes: i32) -> String {
    let date = local_date(at, offset_minutes);
    let minute_of_day = (at + i64::from(offset_minutes) * 60_000).rem_euclid(86_400_000) / 60_000;
    format!(
        "{} {:02}:{:02} {}",
        long_date(lang, date),
        minute_of_day / 60,
        minute_of_day % 60,
        zone_name(offset_minutes)
    )
}
