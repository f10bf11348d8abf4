//! The case as the case list sees it: a summary row kept beside the
//! case's event history (issue 4 adds the events).
//!
//! Invariant: the serialised field names `status`, `nik` and `updated_at`
//! are the key paths of the IndexedDB indexes in `store::db`, and the status
//! is stored as its short code so index ranges stay stable across versions.

use serde::{Deserialize, Serialize};

/// Where a case stands, as far as the lists and indexes care.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CaseStatus {
    /// Being captured on this device.
    Draft,
    /// Reached an end of its procedure, not yet handed over.
    Finished,
    /// Written into a bundle for the district.
    Sent,
    /// The district's receipt says it arrived.
    Acknowledged,
    /// Kept for the record, hidden from the working list.
    Archived,
}

impl CaseStatus {
    pub const ALL: [CaseStatus; 5] = [
        CaseStatus::Draft,
        CaseStatus::Finished,
        CaseStatus::Sent,
        CaseStatus::Acknowledged,
        CaseStatus::Archived,
    ];

    /// The code stored in IndexedDB and used as the `by_status` index key.
    pub fn code(self) -> &'static str {
        match self {
            CaseStatus::Draft => "draft",
            CaseStatus::Finished => "finished",
            CaseStatus::Sent => "sent",
            CaseStatus::Acknowledged => "acknowledged",
            CaseStatus::Archived => "archived",
        }
    }

    pub fn from_code(code: &str) -> Option<CaseStatus> {
        CaseStatus::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// One row of the case list. NIK is a string: Papua's region codes put a
/// 16-digit NIK above 2^53, where a JavaScript number loses digits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    pub procedure_id: String,
    pub applicant_name: String,
    pub nik: String,
    pub status: CaseStatus,
    /// Milliseconds since the Unix epoch; the `by_updated` index key.
    pub updated_at: f64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn status_code_round_trips_and_matches_its_serialised_form() {
        for s in CaseStatus::ALL {
            assert_eq!(CaseStatus::from_code(s.code()), Some(s));
            let json = serde_json::to_string(&s).unwrap();
            assert_eq!(
                json,
                format!("\"{}\"", s.code()),
                "index keys are the codes"
            );
        }
        assert_eq!(CaseStatus::from_code("open"), None);
    }

    #[test]
    fn summary_keeps_a_papua_nik_exact() {
        let row = CaseSummary {
            id: "c1".into(),
            procedure_id: "purwakarta.enrolment".into(),
            applicant_name: "Yohana Wenda".into(),
            nik: "9471015501990003".into(),
            status: CaseStatus::Draft,
            updated_at: 1.0,
        };
        let json = serde_json::to_string(&row).unwrap();
        assert!(json.contains("\"nik\":\"9471015501990003\""), "{json}");
        let back: CaseSummary = serde_json::from_str(&json).unwrap();
        assert_eq!(back, row);
    }
}
