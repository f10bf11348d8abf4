//! Import parts: the new events of up to 100 cases of one bundle in one
//! `case_events` record, and reading a case's history back from its single
//! events and its slices of the parts.

use super::*;

/// Cases per import part. Every IndexedDB `put` costs the page about the
/// same whatever the record's size (0.2-0.5 ms at 4x CPU throttling, see
/// docs/benchmark.md), so an import of 10,000 cases writes 100 parts, not
/// 10,000 records; reading one case's history reads one part of at most
/// this many cases.
pub const PART_CASES: usize = 100;

/// The `case_events` records of an import: the new events of up to
/// `PART_CASES` cases of one bundle in one record,
/// `{id, cases: [case id, ...], ends: [byte offset, ...], events: Uint8Array}`,
/// where case `i`'s events are the JSON array at
/// `events[ends[i-1]..ends[i]]` (from 0 for the first). `cases` feeds the
/// multi-entry `by_cases` index; a part has no `case_id`, so `by_case`
/// (single events, written by the case page) never lists it. The bytes
/// cross from wasm into IndexedDB as one copy, never decoded to text.
pub struct Parts {
    prefix: String,
    head: PartHead,
    bytes: Vec<u8>,
    done: Vec<JsValue>,
}

#[derive(serde::Serialize, Default)]
pub(super) struct PartHead {
    id: String,
    cases: Vec<String>,
    ends: Vec<usize>,
}

impl Parts {
    /// Parts named `<prefix>~p<n>` (the prefix is the bundle id).
    pub fn new(prefix: &str) -> Self {
        Parts {
            prefix: prefix.to_string(),
            head: PartHead::default(),
            bytes: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Adds one case's new events (none: nothing to add).
    pub fn push(&mut self, case_id: &str, events: &[&Event]) -> Result<()> {
        if events.is_empty() {
            return Ok(());
        }
        serde_json::to_writer(&mut self.bytes, events)
            .map_err(|e| StorageProblem::Other(e.to_string()))?;
        self.head.cases.push(case_id.to_string());
        self.head.ends.push(self.bytes.len());
        if self.head.cases.len() == PART_CASES {
            self.close()?;
        }
        Ok(())
    }

    fn close(&mut self) -> Result<()> {
        if self.head.cases.is_empty() {
            return Ok(());
        }
        let mut head = std::mem::take(&mut self.head);
        head.id = format!("{}~p{}", self.prefix, self.done.len());
        let record = to_js(&head)?;
        let bytes = js_sys::Uint8Array::from(&self.bytes[..]);
        Reflect::set(&record, &JsValue::from_str("events"), &bytes)
            .map_err(|_| StorageProblem::Other("part record".into()))?;
        self.bytes.clear();
        self.done.push(record);
        Ok(())
    }

    /// The part records, ready to put.
    pub fn finish(mut self) -> Result<Vec<JsValue>> {
        self.close()?;
        Ok(self.done)
    }
}

/// Case `case_id`'s JSON bytes in one part record; `None` if the part does
/// not name it, an error if the part is damaged.
pub(super) fn part_slice(part: &JsValue, case_id: &str) -> Result<Option<Vec<u8>>> {
    let damaged = || StorageProblem::Corrupt("case_events part".into());
    let get = |k: &str| Reflect::get(part, &JsValue::from_str(k)).map_err(|_| damaged());
    let cases: Array = get("cases")?.dyn_into().map_err(|_| damaged())?;
    let Some(i) = cases
        .iter()
        .position(|c| c.as_string().as_deref() == Some(case_id))
    else {
        return Ok(None);
    };
    let ends: Array = get("ends")?.dyn_into().map_err(|_| damaged())?;
    let end_at = |k: u32| ends.get(k).as_f64().map(|f| f as u32).ok_or_else(damaged);
    let start = if i == 0 { 0 } else { end_at(i as u32 - 1)? };
    let end = end_at(i as u32)?;
    let bytes: js_sys::Uint8Array = get("events")?.dyn_into().map_err(|_| damaged())?;
    if start > end || end > bytes.length() {
        return Err(damaged());
    }
    Ok(Some(bytes.subarray(start, end).to_vec()))
}

/// The events of case `case_id`: its single `case_events` records (read
/// through `by_case`) and its slices of the import parts naming it (read
/// through `by_cases`), each event once, in fold order. A damaged part is
/// an error, never skipped.
pub fn events_of_records(
    singles: Vec<JsValue>,
    parts: &[JsValue],
    case_id: &str,
) -> Result<Vec<Event>> {
    let mut out: Vec<Event> = if singles.is_empty() {
        Vec::new()
    } else {
        from_js(singles.into_iter().collect::<Array>().into())?
    };
    for part in parts {
        if let Some(json) = part_slice(part, case_id)? {
            // Read as text: one JSON reader in the wasm, not two.
            let text = std::str::from_utf8(&json)
                .map_err(|_| StorageProblem::Corrupt("events part not UTF-8".into()))?;
            out.extend(
                serde_json::from_str::<Vec<Event>>(text)
                    .map_err(|e| StorageProblem::Corrupt(e.to_string()))?,
            );
        }
    }
    let mut seen = std::collections::HashSet::new();
    out.retain(|e| seen.insert(e.id.clone()));
    crate::domain::case::sort_events(&mut out);
    Ok(out)
}
