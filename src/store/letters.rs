//! The office's letter register (`domain::register`) in the `settings`
//! store (key `register`), and issuing a letter: the register's next
//! number, the register, the case's `LetterIssued` event and its list row
//! are written in one transaction, so a number is never given twice (two
//! tabs) and never lost (a failed write gives none).

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::db::{from_js, rw, stores, to_js, Db, Setting};
use crate::domain::case::{CaseSummary, Event};
use crate::domain::register::RegisterEntry;
use crate::domain::storage::StorageProblem;

const REGISTER_KEY: &str = "register";

type Result<T> = std::result::Result<T, StorageProblem>;

impl Db {
    /// Every letter the office issued, in the order issued.
    pub async fn register(&self) -> Result<Vec<RegisterEntry>> {
        Ok(self.get_setting(REGISTER_KEY).await?.unwrap_or_default())
    }

    /// Issues a letter: `make` gets the register as it stands in the
    /// transaction and gives the new entry, the case's event and its new
    /// list row, or its own error (then nothing is written).
    pub async fn issue_letter<E>(
        &self,
        make: impl FnOnce(
            &[RegisterEntry],
        ) -> std::result::Result<(RegisterEntry, Event, CaseSummary), E>,
    ) -> Result<std::result::Result<(RegisterEntry, Event), E>> {
        let tx = self
            .rexie()
            .transaction(
                &[stores::SETTINGS, stores::CASE_EVENTS, stores::CASES],
                TransactionMode::ReadWrite,
            )
            .map_err(rw)?;
        let settings = tx.store(stores::SETTINGS).map_err(rw)?;
        let stored = settings
            .get(JsValue::from_str(REGISTER_KEY))
            .await
            .map_err(rw)?;
        let mut entries: Vec<RegisterEntry> = match stored {
            Some(v) if !v.is_undefined() => from_js::<Setting<Vec<RegisterEntry>>>(v)?.value,
            _ => Vec::new(),
        };
        let (entry, event, row) = match make(&entries) {
            Ok(made) => made,
            Err(e) => {
                let _ = tx.abort();
                return Ok(Err(e));
            }
        };
        entries.push(entry.clone());
        settings
            .put(
                &to_js(&Setting {
                    key: REGISTER_KEY.to_string(),
                    value: &entries,
                })?,
                None,
            )
            .await
            .map_err(rw)?;
        tx.store(stores::CASE_EVENTS)
            .map_err(rw)?
            .put(&to_js(&event)?, None)
            .await
            .map_err(rw)?;
        tx.store(stores::CASES)
            .map_err(rw)?
            .put(&to_js(&row)?, None)
            .await
            .map_err(rw)?;
        tx.done().await.map_err(rw)?;
        Ok(Ok((entry, event)))
    }
}
