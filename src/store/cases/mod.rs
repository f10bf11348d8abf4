//! Cases in IndexedDB: a case's events and its list row are written in one
//! transaction (with the photo, when an event attaches one), so the list
//! never disagrees with the history; the list is read a page at a time
//! through indexes, never by loading every case.
//!
//! Invariants: events are only ever added (`put` of a new id; an event id
//! that exists is the same event, so writing it again changes nothing);
//! writes go through `batch` in one transaction each, and finishing a case
//! is written with strict durability.

mod parts;

pub use parts::*;

use js_sys::{Array, Object, Reflect};
use rexie::{KeyRange, TransactionMode};
use wasm_bindgen::{JsCast, JsValue};

use super::batch::{put_all, Durability};
use super::db::{from_js, rw, stores, to_js, Db};
use crate::domain::case::{Case, CaseStatus, CaseSummary, Event};
use crate::domain::storage::StorageProblem;

type Result<T> = std::result::Result<T, StorageProblem>;

/// A photo to store with the event that attaches it.
pub struct PhotoBlob {
    pub sha256: String,
    pub case_id: String,
    pub document: String,
    pub bytes: u32,
    pub width: u32,
    pub height: u32,
    pub blob: web_sys::Blob,
}

impl PhotoBlob {
    fn record(&self) -> Result<JsValue> {
        let o = Object::new();
        let set = |k: &str, v: JsValue| {
            Reflect::set(&o, &JsValue::from_str(k), &v)
                .map(|_| ())
                .map_err(|_| StorageProblem::Other("attachment record".into()))
        };
        set("sha256", self.sha256.as_str().into())?;
        set("case_id", self.case_id.as_str().into())?;
        set("document", self.document.as_str().into())?;
        set("type", "image/jpeg".into())?;
        set("bytes", self.bytes.into())?;
        set("width", self.width.into())?;
        set("height", self.height.into())?;
        set("blob", self.blob.clone().into())?;
        Ok(o.into())
    }
}

/// Which cases the list shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ListQuery {
    /// Part of a name (word prefixes) or the start of a NIK.
    pub search: String,
    /// `pack.procedure`
    pub procedure: Option<String>,
    pub status: Option<CaseStatus>,
    pub offset: u32,
    pub limit: u32,
}

/// One page of the list.
#[derive(Debug, Clone, PartialEq)]
pub struct ListPage {
    pub rows: Vec<CaseSummary>,
    /// Whether more rows follow this page.
    pub more: bool,
    /// How many cases match, for a search (without one, the counts of
    /// `case_counts` tell, and the page is not slowed by counting).
    pub matches: Option<u32>,
}

/// Most rows a search reads before filtering: a search that matches more
/// asks the officer to type more.
pub const SEARCH_CAP: u32 = 500;

fn key(parts: &[JsValue]) -> JsValue {
    parts.iter().collect::<Array>().into()
}

/// Every key starting with `prefix` (array keys: the prefix parts, then
/// any time).
fn prefix_range(prefix: &[JsValue]) -> Result<KeyRange> {
    let mut lo = prefix.to_vec();
    lo.push(JsValue::from_f64(f64::NEG_INFINITY));
    let mut hi = prefix.to_vec();
    hi.push(JsValue::from_f64(f64::INFINITY));
    KeyRange::bound(&key(&lo), &key(&hi), None, None).map_err(range_error)
}

/// The page `q` asks for out of rows read from its start: the rows
/// before the page skipped, and one more row read than the page holds
/// telling whether another page follows.
fn page_of(values: Vec<JsValue>, q: &ListQuery) -> Result<ListPage> {
    let mut rows = values
        .into_iter()
        .skip(q.offset as usize)
        .map(from_js)
        .collect::<Result<Vec<CaseSummary>>>()?;
    let more = rows.len() > q.limit as usize;
    rows.truncate(q.limit as usize);
    Ok(ListPage {
        rows,
        more,
        matches: None,
    })
}

/// `prefix_range` of one string as a plain `IDBKeyRange`, for the
/// many-ranges reads of `batch`.
pub(super) fn prefix_bound(first: &str) -> Result<JsValue> {
    let key = |end: f64| -> Array {
        [JsValue::from_str(first), JsValue::from_f64(end)]
            .iter()
            .collect()
    };
    web_sys::IdbKeyRange::bound(&key(f64::NEG_INFINITY), &key(f64::INFINITY))
        .map(JsValue::from)
        .map_err(|_| StorageProblem::Other("key range".into()))
}

/// Every string key starting with `text`.
pub(super) fn text_prefix_range(text: &str) -> Result<KeyRange> {
    KeyRange::bound(
        &JsValue::from_str(text),
        &JsValue::from_str(&format!("{text}\u{ffff}")),
        None,
        None,
    )
    .map_err(range_error)
}

fn range_error(e: impl std::fmt::Display) -> StorageProblem {
    StorageProblem::Other(format!("key range: {e}"))
}

/// Whether `row` matches every word of a name search.
fn name_matches(row: &CaseSummary, words: &[String]) -> bool {
    words
        .iter()
        .all(|q| row.words.iter().any(|w| w.starts_with(q.as_str())))
}

impl Db {
    /// Up to `limit` records of `store` through one of its indexes, in the
    /// index's order: one request.
    async fn index_get_all(
        &self,
        store: &str,
        index: &str,
        range: Option<KeyRange>,
        limit: Option<u32>,
    ) -> Result<Vec<JsValue>> {
        let tx = self
            .rexie()
            .transaction(&[store], TransactionMode::ReadOnly)
            .map_err(rw)?;
        tx.store(store)
            .map_err(rw)?
            .index(index)
            .map_err(rw)?
            .get_all(range, limit)
            .await
            .map_err(rw)
    }

    /// Appends events and writes the case's new list row (and a photo) in
    /// one transaction: all of it is stored, or none.
    pub async fn append(
        &self,
        events: &[Event],
        summary: &CaseSummary,
        photo: Option<&PhotoBlob>,
    ) -> Result<()> {
        self.write(events, summary, photo, Durability::Relaxed)
            .await
    }

    /// Like `append`, with strict durability: the browser reports success
    /// only once the data is flushed to disk. For finishing a case.
    pub async fn append_strict(&self, events: &[Event], summary: &CaseSummary) -> Result<()> {
        self.write(events, summary, None, Durability::Strict).await
    }

    async fn write(
        &self,
        events: &[Event],
        summary: &CaseSummary,
        photo: Option<&PhotoBlob>,
        durability: Durability,
    ) -> Result<()> {
        let timing = super::platform::Timing::start("pandu:save");
        let result = async {
            let mut puts = Vec::with_capacity(events.len() + 2);
            for e in events {
                puts.push((stores::CASE_EVENTS, to_js(e)?));
            }
            puts.push((stores::CASES, to_js(summary)?));
            if let Some(photo) = photo {
                puts.push((stores::ATTACHMENTS, photo.record()?));
            }
            put_all(&self.rexie().name(), &puts, durability).await
        }
        .await;
        timing.end();
        if result.is_ok() {
            super::tabs::announce(&summary.id);
        }
        result
    }

    /// Appends events to several cases and writes their list rows in one
    /// strict transaction: a district decision about duplicates is stored
    /// whole, or not at all.
    pub async fn append_cases(&self, writes: &[(Vec<Event>, CaseSummary)]) -> Result<()> {
        let mut puts = Vec::new();
        for (events, summary) in writes {
            for e in events {
                puts.push((stores::CASE_EVENTS, to_js(e)?));
            }
            puts.push((stores::CASES, to_js(summary)?));
        }
        put_all(&self.rexie().name(), &puts, Durability::Strict).await
    }

    /// A case's whole history, in time order: its single events and its
    /// slices of the import parts (`histories` of one case).
    pub async fn case_events(&self, case_id: &str) -> Result<Vec<Event>> {
        let mut one = self.histories(&[case_id.to_string()]).await?;
        Ok(one.pop().unwrap_or_default())
    }

    /// The list rows of cases with exactly this NIK.
    pub async fn cases_with_nik(&self, nik: &str) -> Result<Vec<CaseSummary>> {
        if nik.trim().is_empty() {
            return Ok(Vec::new());
        }
        let timing = super::platform::Timing::start("pandu:nik");
        let result = async {
            let range = KeyRange::only(&JsValue::from_str(nik.trim())).map_err(range_error)?;
            let values = self
                .index_get_all(stores::CASES, "by_nik", Some(range), None)
                .await?;
            values.into_iter().map(from_js).collect()
        }
        .await;
        timing.end();
        result
    }

    /// A photo's blob, by its SHA-256.
    pub async fn attachment(&self, sha256: &str) -> Result<Option<web_sys::Blob>> {
        let tx = self
            .rexie()
            .transaction(&[stores::ATTACHMENTS], TransactionMode::ReadOnly)
            .map_err(rw)?;
        let value = tx
            .store(stores::ATTACHMENTS)
            .map_err(rw)?
            .get(JsValue::from_str(sha256))
            .await
            .map_err(rw)?;
        Ok(value
            .filter(|v| v.is_object())
            .and_then(|v| Reflect::get(&v, &JsValue::from_str("blob")).ok())
            .and_then(|b| b.dyn_into::<web_sys::Blob>().ok()))
    }

    /// A role's inbox: the first `limit` cases waiting on `role`, oldest
    /// due first, read through `by_lane`; with how many wait in all.
    pub async fn lane(&self, role: &str, limit: u32) -> Result<(Vec<CaseSummary>, u32)> {
        let timing = super::platform::Timing::start("pandu:lane");
        let result = async {
            let range = prefix_range(&[JsValue::from_str(role)])?;
            let tx = self
                .rexie()
                .transaction(&[stores::CASES], TransactionMode::ReadOnly)
                .map_err(rw)?;
            let total = tx
                .store(stores::CASES)
                .map_err(rw)?
                .index("by_lane")
                .map_err(rw)?
                .count(Some(range.clone()))
                .await
                .map_err(rw)?;
            let values = self
                .index_get_all(stores::CASES, "by_lane", Some(range), Some(limit))
                .await?;
            let rows = values
                .into_iter()
                .map(from_js)
                .collect::<Result<Vec<CaseSummary>>>()?;
            Ok((rows, total))
        }
        .await;
        timing.end();
        result
    }

    /// The cases of a procedure (`pack.procedure`) changed since `since`,
    /// folded: read through `by_procedure_recent`, so a cycle's list never
    /// reads cases untouched since before the cycle began.
    pub async fn cases_changed_since(&self, procedure_id: &str, since: f64) -> Result<Vec<Case>> {
        let timing = super::platform::Timing::start("pandu:changed");
        let result = async {
            let lo = key(&[
                JsValue::from_str(procedure_id),
                JsValue::from_f64(f64::NEG_INFINITY),
            ]);
            let hi = key(&[JsValue::from_str(procedure_id), JsValue::from_f64(-since)]);
            let range = KeyRange::bound(&lo, &hi, None, None).map_err(range_error)?;
            let values = self
                .index_get_all(stores::CASES, "by_procedure_recent", Some(range), None)
                .await?;
            let ids = values
                .into_iter()
                .map(|v| from_js::<CaseSummary>(v).map(|r| r.id))
                .collect::<Result<Vec<String>>>()?;
            let histories = self.histories(&ids).await?;
            Ok(histories
                .into_iter()
                .filter_map(|events| Case::fold_owned(events).ok())
                .collect())
        }
        .await;
        timing.end();
        result
    }

    /// Every case's list row, `page` at a time in id order, each page
    /// handed to `f` (never the events, never all rows at once), yielding
    /// to the page between pages; `progress` hears how many were read.
    /// Returns how many rows there were.
    pub async fn each_case(
        &self,
        page: u32,
        mut f: impl FnMut(&CaseSummary),
        progress: impl Fn(u32),
    ) -> Result<u32> {
        let timing = super::platform::Timing::start("pandu:each_case");
        let result = async {
            let mut after: Option<String> = None;
            let mut read = 0u32;
            loop {
                let range = match &after {
                    Some(id) => Some(
                        KeyRange::lower_bound(&JsValue::from_str(id), Some(true))
                            .map_err(range_error)?,
                    ),
                    None => None,
                };
                let tx = self
                    .rexie()
                    .transaction(&[stores::CASES], TransactionMode::ReadOnly)
                    .map_err(rw)?;
                let values = tx
                    .store(stores::CASES)
                    .map_err(rw)?
                    .get_all(range, Some(page))
                    .await
                    .map_err(rw)?;
                let n = values.len() as u32;
                for v in values {
                    let row: CaseSummary = from_js(v)?;
                    f(&row);
                    after = Some(row.id);
                }
                read += n;
                progress(read);
                if n < page {
                    return Ok(read);
                }
                super::platform::yield_now().await;
            }
        }
        .await;
        timing.end();
        result
    }

    /// Counts per status and per procedure, read from the indexes.
    pub async fn case_counts(
        &self,
        procedures: &[String],
    ) -> Result<(Vec<(CaseStatus, u32)>, Vec<(String, u32)>)> {
        let timing = super::platform::Timing::start("pandu:counts");
        let result = async {
            let tx = self
                .rexie()
                .transaction(&[stores::CASES], TransactionMode::ReadOnly)
                .map_err(rw)?;
            let store = tx.store(stores::CASES).map_err(rw)?;
            let by_status = store.index("by_status_recent").map_err(rw)?;
            let mut statuses = Vec::new();
            for s in CaseStatus::ALL {
                let range = prefix_range(&[JsValue::from_str(s.code())])?;
                statuses.push((s, by_status.count(Some(range)).await.map_err(rw)?));
            }
            let by_procedure = store.index("by_procedure_recent").map_err(rw)?;
            let mut per_procedure = Vec::new();
            for p in procedures {
                let range = prefix_range(&[JsValue::from_str(p)])?;
                per_procedure.push((
                    p.clone(),
                    by_procedure.count(Some(range)).await.map_err(rw)?,
                ));
            }
            Ok((statuses, per_procedure))
        }
        .await;
        timing.end();
        result
    }

    /// The working list (no status chosen, no search): what needs the
    /// officer first, then what waits on the district, each newest
    /// first; archived cases left out (`CaseStatus::WORKING`). Each
    /// status is one index range, read only as far as the page needs.
    async fn working_list(&self, q: &ListQuery) -> Result<ListPage> {
        let (index, base) = match &q.procedure {
            None => ("by_status_recent", Vec::new()),
            Some(p) => ("by_procedure_status_recent", vec![JsValue::from_str(p)]),
        };
        let wanted = (q.offset + q.limit + 1) as usize;
        let mut values = Vec::new();
        for status in CaseStatus::WORKING {
            if values.len() >= wanted {
                break;
            }
            let mut prefix = base.clone();
            prefix.push(JsValue::from_str(status.code()));
            let left = (wanted - values.len()) as u32;
            values.extend(
                self.index_get_all(
                    stores::CASES,
                    index,
                    Some(prefix_range(&prefix)?),
                    Some(left),
                )
                .await?,
            );
        }
        page_of(values, q)
    }

    /// One page of the case list, newest first (the working list when no
    /// status is chosen). Without a search the page is read straight from
    /// the index that fits the filters; a search reads at most
    /// `SEARCH_CAP` candidates from `by_nik` or `by_word`.
    pub async fn list_cases(&self, q: &ListQuery) -> Result<ListPage> {
        let timing = super::platform::Timing::start("pandu:list");
        let result = async {
            let search = q.search.trim().to_lowercase();
            if search.is_empty() && q.status.is_none() {
                return self.working_list(q).await;
            }
            if search.is_empty() {
                let mut prefix = Vec::new();
                let index = match (&q.procedure, q.status) {
                    (None, None) => "by_recent",
                    (None, Some(_)) => "by_status_recent",
                    (Some(_), None) => "by_procedure_recent",
                    (Some(_), Some(_)) => "by_procedure_status_recent",
                };
                if let Some(p) = &q.procedure {
                    prefix.push(JsValue::from_str(p));
                }
                if let Some(s) = q.status {
                    prefix.push(JsValue::from_str(s.code()));
                }
                let range = if prefix.is_empty() {
                    None
                } else {
                    Some(prefix_range(&prefix)?)
                };
                // One request: the rows before the page, the page, and one
                // more row that tells whether another page follows.
                let values = self
                    .index_get_all(stores::CASES, index, range, Some(q.offset + q.limit + 1))
                    .await?;
                return page_of(values, q);
            }

            let digits = search.chars().all(|c| c.is_ascii_digit());
            let words: Vec<String> = crate::domain::applicant::name_words(&search);
            let (index, range) = if digits {
                ("by_nik", text_prefix_range(&search)?)
            } else {
                // The longest word narrows the range most.
                let longest = words
                    .iter()
                    .max_by_key(|w| w.len())
                    .cloned()
                    .unwrap_or_default();
                ("by_word", text_prefix_range(&longest)?)
            };
            let values = self
                .index_get_all(stores::CASES, index, Some(range), Some(SEARCH_CAP))
                .await?;
            let mut rows: Vec<CaseSummary> = values
                .into_iter()
                .map(from_js)
                .collect::<Result<Vec<CaseSummary>>>()?
                .into_iter()
                .filter(|r| digits || name_matches(r, &words))
                .filter(|r| q.status.is_none_or(|s| r.status == s))
                .filter(|r| q.procedure.as_ref().is_none_or(|p| &r.procedure_id == p))
                .collect();
            // A multi-entry index can list a case once per matching word.
            crate::domain::order::sort_by(&mut rows, |a, b| a.id.cmp(&b.id));
            rows.dedup_by(|a, b| a.id == b.id);
            crate::domain::order::sort_by(&mut rows, |a, b| b.updated_at.total_cmp(&a.updated_at));
            let total = rows.len() as u32;
            let more = total > q.offset + q.limit;
            let rows = rows
                .into_iter()
                .skip(q.offset as usize)
                .take(q.limit as usize)
                .collect();
            Ok(ListPage {
                rows,
                more,
                matches: Some(total),
            })
        }
        .await;
        timing.end();
        result
    }
}
