//! Where a case stands in its officer's terms (`Standing`): draft, ready
//! to send, sent, received, the district's latest answer. Read from the
//! list row alone, so the case list's badge and the case page's never
//! disagree, and the home page counts what needs the officer by status.

use super::case::{CaseStatus, CaseSummary, FeedbackState};

/// Where a case stands in its officer's terms: the list's badge and the
/// case page's, from the same row so the two never disagree.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Standing {
    /// Being captured.
    Draft,
    /// A draft the officer discarded (archived before any hand-over).
    Discarded,
    /// The village's part is done: waiting to be sent.
    Ready,
    /// Returned, fixed by the village: waiting to be sent again.
    Resend,
    /// Sent, no receipt yet.
    Sent,
    /// The district's receipt arrived, no answer yet.
    Received,
    /// The district's latest answer (proposed, accepted, rejected,
    /// returned).
    Answered(FeedbackState),
    /// Kept for the record.
    Archived,
}

impl Standing {
    /// A short code for styles and tests.
    pub fn code(self) -> &'static str {
        match self {
            Standing::Draft => "draft",
            Standing::Discarded => "discarded",
            Standing::Ready => "ready",
            Standing::Resend => "resend",
            Standing::Sent => "sent",
            Standing::Received => "received",
            Standing::Answered(s) => s.code(),
            Standing::Archived => "archived",
        }
    }

    /// Whether the officer of the device has something to do.
    pub fn needs_officer(self) -> bool {
        matches!(
            self,
            Standing::Draft
                | Standing::Ready
                | Standing::Resend
                | Standing::Answered(FeedbackState::Returned)
        )
    }
}

impl CaseSummary {
    /// Where the case stands, from its status and the district's answer.
    pub fn standing(&self) -> Standing {
        Standing::of(self.status, self.answer)
    }
}

impl Standing {
    /// Where a case in `status` stands given the district's latest answer:
    /// what `CaseSummary::standing` says of its row, for a page that
    /// already holds the status and the answer.
    pub fn of(status: CaseStatus, answer: Option<FeedbackState>) -> Standing {
        let answered = answer.filter(|a| *a != FeedbackState::Received);
        match status {
            CaseStatus::Draft => Standing::Draft,
            CaseStatus::Archived if answer.is_none() => Standing::Discarded,
            CaseStatus::Archived => Standing::Archived,
            CaseStatus::Finished if answered == Some(FeedbackState::Returned) => Standing::Resend,
            CaseStatus::Finished => Standing::Ready,
            CaseStatus::Sent => Standing::Sent,
            CaseStatus::Returned => Standing::Answered(FeedbackState::Returned),
            CaseStatus::Acknowledged => answered.map_or(Standing::Received, Standing::Answered),
        }
    }
}
