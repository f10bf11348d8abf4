//! The office's letter register (`domain::register`) in the `settings`
//! store (key `register`), and issuing a letter: the register's next
//! number, the register, the case's `LetterIssued` event and its list row
//! are written in one transaction, so a number is never given twice (two
//! tabs) and never lost (a failed write gives none).

use rexie::TransactionMode;
use wasm_bindgen::JsValue;

use super::db::{from_js, rw, stores, to_js, Db, Setting};
use crate::domain::case::{CaseSummary, Event, EventKind};
use crate::domain::letters::{Decree, Letter};
use crate::domain::qrcheck::{self, Claim, Verdict};
use crate::domain::register::RegisterEntry;
use crate::domain::storage::StorageProblem;

const REGISTER_KEY: &str = "register";
/// The office's own address for its letterhead, if it set one.
const ADDRESS_KEY: &str = "letterhead_address";

/// Where an issued letter is kept in `settings`.
fn letter_key(number: &str) -> String {
    format!("letter:{number}")
}

/// Where a numbered decree sheet is kept in `settings`.
fn sheet_key(number: &str) -> String {
    format!("decree-sheet:{number}")
}

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
        )
            -> std::result::Result<(RegisterEntry, Event, CaseSummary, Letter), E>,
    ) -> Result<std::result::Result<(RegisterEntry, Event), E>> {
        let result = self
            .issue_for_cases(|entries| {
                let (entry, event, row, letter) = make(entries)?;
                Ok((entry, vec![(event, row)], letter))
            })
            .await?;
        Ok(result.map(|(entry, mut events)| (entry, events.remove(0))))
    }

    /// Issues a letter for several cases at once (a cycle letter): `make`
    /// gives the entry, each case's `LetterIssued` event with its new list
    /// row, and the letter; all are written in one transaction, or none.
    pub async fn issue_for_cases<E>(
        &self,
        make: impl FnOnce(
            &[RegisterEntry],
        )
            -> std::result::Result<(RegisterEntry, Vec<(Event, CaseSummary)>, Letter), E>,
    ) -> Result<std::result::Result<(RegisterEntry, Vec<Event>), E>> {
        let mut made = Vec::new();
        let result = self
            .issue_with(&[stores::CASE_EVENTS, stores::CASES], |entries| {
                let (entry, cases, letter) = make(entries)?;
                let mut puts = Vec::new();
                for (event, row) in cases {
                    puts.push((stores::CASE_EVENTS, to_js(&event)));
                    puts.push((stores::CASES, to_js(&row)));
                    made.push(event);
                }
                // The letter as issued, signer included, kept to print again.
                puts.push((
                    stores::SETTINGS,
                    to_js(&Setting {
                        key: letter_key(&entry.number),
                        value: &letter,
                    }),
                ));
                Ok((entry, puts))
            })
            .await?;
        Ok(result.map(|entry| (entry, made)))
    }

    /// Issues a register number for a decree's attachment list: `make`
    /// gives the entry and the sheet it numbers; the sheet is kept beside
    /// the register, in the same transaction, under its number.
    pub async fn issue_decree<E>(
        &self,
        make: impl FnOnce(&[RegisterEntry]) -> std::result::Result<(RegisterEntry, Decree), E>,
    ) -> Result<std::result::Result<RegisterEntry, E>> {
        self.issue_with(&[], |entries| {
            let (entry, sheet) = make(entries)?;
            let put = to_js(&Setting {
                key: sheet_key(&entry.number),
                value: &sheet,
            });
            Ok((entry, vec![(stores::SETTINGS, put)]))
        })
        .await
    }

    /// The office's letterhead address, printed instead of the pack's when
    /// set.
    pub async fn letterhead_address(&self) -> Result<Option<String>> {
        Ok(self
            .get_setting::<String>(ADDRESS_KEY)
            .await?
            .filter(|a| !a.trim().is_empty()))
    }

    /// Saves the letterhead address (empty: the pack's again).
    pub async fn save_letterhead_address(&self, address: &str) -> Result<()> {
        self.put_setting(ADDRESS_KEY, &address.trim().to_string())
            .await
    }

    /// Checks a printed paper's QR text against the register and the
    /// record (`domain::qrcheck`): a letter's digest is its case's
    /// `letter_issued` event's, a decree sheet's the register entry's.
    pub async fn check_qr(&self, text: &str) -> Result<Verdict> {
        let Some(claim) = qrcheck::parse(text) else {
            return Ok(Verdict::NotPandu);
        };
        let register = self.register().await?;
        let events = match &claim {
            Claim::Letter { case, .. } => self.case_events(case).await?,
            Claim::Decree { .. } => Vec::new(),
        };
        Ok(qrcheck::check(&claim, &register, |entry| match &claim {
            Claim::Decree { .. } => Some(entry.digest.clone()),
            // A cycle letter keeps its digest in the register.
            Claim::Letter { .. } if !entry.digest.is_empty() => Some(entry.digest.clone()),
            Claim::Letter { .. } => events.iter().rev().find_map(|e| match &e.kind {
                EventKind::LetterIssued { number, digest, .. } if *number == entry.number => {
                    Some(digest.clone())
                }
                _ => None,
            }),
        }))
    }

    /// The letter a register number was given to, as issued (none for
    /// letters issued before they were kept).
    pub async fn letter_sheet(&self, number: &str) -> Result<Option<Letter>> {
        self.get_setting(&letter_key(number)).await
    }

    /// The sheet a decree's register number stands for, as numbered.
    pub async fn decree_sheet(&self, number: &str) -> Result<Option<Decree>> {
        self.get_setting(&sheet_key(number)).await
    }

    /// The register read and written in one transaction with `puts`.
    async fn issue_with<E>(
        &self,
        stores_too: &[&str],
        make: impl FnOnce(
            &[RegisterEntry],
        ) -> std::result::Result<
            (RegisterEntry, Vec<(&'static str, Result<JsValue>)>),
            E,
        >,
    ) -> Result<std::result::Result<RegisterEntry, E>> {
        let mut names = vec![stores::SETTINGS];
        names.extend_from_slice(stores_too);
        let tx = self
            .rexie()
            .transaction(&names, TransactionMode::ReadWrite)
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
        let (entry, puts) = match make(&entries) {
            Ok(made) => made,
            Err(e) => {
                // Nothing was written; the abort only ends it sooner.
                let _ = tx.abort().await;
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
        for (store, value) in puts {
            tx.store(store)
                .map_err(rw)?
                .put(&value?, None)
                .await
                .map_err(rw)?;
        }
        tx.done().await.map_err(rw)?;
        Ok(Ok(entry))
    }
}
