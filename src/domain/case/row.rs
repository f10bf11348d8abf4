//! A case's row in the case list, read without its history.

use super::*;

/// The key of a procedure in the case list's `by_procedure_recent` index.
pub fn procedure_key(pack: &str, procedure: &str) -> String {
    format!("{pack}.{procedure}")
}

/// One row of the case list. NIK is a string: Papua's region codes put a
/// 16-digit NIK above 2^53, where a JavaScript number loses digits.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CaseSummary {
    pub id: String,
    /// `pack.procedure`; the first part of the `by_procedure_recent` index key.
    pub procedure_id: String,
    pub applicant_name: String,
    pub nik: String,
    pub status: CaseStatus,
    /// Milliseconds since the Unix epoch; `rank` is its negative.
    pub updated_at: f64,
    /// `-updated_at`: the list's indexes sort by it, newest first.
    #[serde(default)]
    pub rank: f64,
    #[serde(default)]
    pub created_at: f64,
    /// The node the case stands on.
    #[serde(default)]
    pub node: String,
    #[serde(default)]
    pub outcome: Option<Outcome>,
    /// The name's words, lower case: the `by_word` multi-entry index.
    #[serde(default)]
    pub words: Vec<String>,
    /// The device id that created the case: the `by_origin` index, which
    /// finds a village device's cases when the district answers it.
    #[serde(default)]
    pub origin: String,
    /// The role the case waits on (`domain::lanes`); empty at an end or
    /// without its pack. With `due`, the `by_lane` index key.
    #[serde(default)]
    pub lane: String,
    /// The inbox order: the current step's deadline, or its arrival when
    /// it has no time standard (`Position::due_key`).
    #[serde(default)]
    pub due: f64,
    /// When the current step runs over its standard, if it has one.
    #[serde(default)]
    pub deadline: Option<f64>,
    /// When the case arrived at its current node.
    #[serde(default)]
    pub since: f64,
    /// The applicant's village (desa / kelurahan), for the dashboard.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub village: String,
    /// The steps passed within their time standard, and those that ran
    /// over (a step passed twice is listed twice): the dashboard's
    /// compliance per step, without reading any history.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub on_time: Vec<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub over: Vec<String>,
    /// The case it was merged into, as a duplicate.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub merged_into: Option<String>,
    /// Out of the district's lanes (`Case::off_lanes`): merged, or
    /// rejected or returned and not worked since.
    #[serde(default)]
    pub settled: bool,
    /// The district's latest answer, so the list shows it without the
    /// history.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer: Option<FeedbackState>,
    /// Its reason, cut to `REASON_CLIP` characters for the list.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub answer_reason: Option<String>,
}

/// How much of an answer's reason a list row carries.
pub const REASON_CLIP: usize = 140;

/// `text` cut to at most `max` characters, with an ellipsis when cut.
pub fn clip(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out: String = text.chars().take(max.saturating_sub(1)).collect();
    out.push('\u{2026}');
    out
}

impl Case {
    /// The case list's row for this case.
    pub fn summary(&self, walk: Option<&Walk>) -> CaseSummary {
        CaseSummary {
            id: self.id.clone(),
            procedure_id: procedure_key(&self.pack, &self.procedure),
            applicant_name: self.applicant.name().to_string(),
            nik: self.applicant.nik().to_string(),
            status: self.status(walk),
            updated_at: self.updated_at as f64,
            rank: -(self.updated_at as f64),
            created_at: self.created_at as f64,
            node: walk.map(|w| w.current.clone()).unwrap_or_default(),
            outcome: walk.and_then(|w| w.outcome),
            words: name_words(self.applicant.name()),
            origin: self.origin.clone(),
            lane: String::new(),
            due: 0.0,
            deadline: None,
            since: walk.map_or(self.created_at, |w| w.since) as f64,
            village: self.applicant.get(Field::Village).trim().to_string(),
            on_time: Vec::new(),
            over: Vec::new(),
            merged_into: self.merged_into.clone(),
            settled: self.off_lanes(),
            answer: self.answer.as_ref().map(|a| a.state),
            answer_reason: self
                .answer
                .as_ref()
                .and_then(|a| a.reason.as_deref())
                .map(|r| clip(r, REASON_CLIP)),
        }
    }
}
