//! Reason codes for storage failures, and how browser errors map to them.
//!
//! The browser reports IndexedDB failures as DOMException names inside
//! error text; `StorageProblem::from_browser_text` reads that text so the
//! mapping is pure and tested natively. The UI turns a problem into words
//! (`i18n::storage_problem`); the `Display` text here stays technical.

use thiserror::Error;

/// Why local storage cannot be used. Machine-readable: one UI function
/// turns each variant into the words an officer reads.
#[derive(Debug, Clone, PartialEq, Eq, Error)]
pub enum StorageProblem {
    /// The browser has no IndexedDB at all (very old browser, or disabled).
    #[error("IndexedDB is not available")]
    Unsupported,
    /// The browser refuses storage: private/incognito mode, or site data
    /// blocked by settings (SecurityError, InvalidStateError on open).
    #[error("storage denied by the browser: {0}")]
    Denied(String),
    /// The disk or the origin's quota is full.
    #[error("storage quota exceeded")]
    QuotaExceeded,
    /// The stored database is newer than this app (an older app version
    /// was loaded after a newer one).
    #[error("stored database is newer than this app")]
    VersionTooNew,
    /// Another tab holds an older version open and blocks the upgrade.
    #[error("schema upgrade blocked by another open tab")]
    Blocked,
    /// The connection was closed, e.g. a newer Pandu in another tab
    /// upgraded the database.
    #[error("database connection closed")]
    Closed,
    /// A stored record could not be read back as the expected type.
    #[error("stored data could not be read: {0}")]
    Corrupt(String),
    /// The device's keys are locked: the officer's PIN opens them
    /// (`store::vault`).
    #[error("keys locked")]
    Locked,
    /// Anything else, with the browser's text for the log.
    #[error("storage error: {0}")]
    Other(String),
}

impl StorageProblem {
    /// Classifies an error from the browser by the DOMException name it
    /// carries (`QuotaExceededError`, `VersionError`, ...). `during_open`
    /// tells whether the failure came from opening the database, where an
    /// `InvalidStateError` means private mode rather than a closed handle.
    pub fn from_browser_text(text: &str, during_open: bool) -> StorageProblem {
        let has = |name: &str| text.contains(name);
        // A write Chromium could not commit to a full disk fails as an
        // UnknownError (an I/O error), not always as QuotaExceededError.
        let io_on_write = !during_open && has("UnknownError");
        if has("QuotaExceededError") || has("quota") || io_on_write {
            StorageProblem::QuotaExceeded
        } else if has("VersionError") {
            StorageProblem::VersionTooNew
        } else if has("SecurityError") || has("NotAllowedError") {
            StorageProblem::Denied(text.to_string())
        } else if has("InvalidStateError") || has("connection is closing") {
            if during_open {
                StorageProblem::Denied(text.to_string())
            } else {
                StorageProblem::Closed
            }
        } else if has("indexed db not found") || has("IndexedDbNotFound") {
            StorageProblem::Unsupported
        } else {
            StorageProblem::Other(text.to_string())
        }
    }

    /// Whether retrying after a reload can help (closed handle, blocked
    /// upgrade, newer data) as opposed to a browser setting or a full disk.
    pub fn reload_may_help(&self) -> bool {
        matches!(
            self,
            StorageProblem::Closed | StorageProblem::Blocked | StorageProblem::VersionTooNew
        )
    }
}

/// How much the browser lets Pandu keep, as shown on the Settings page.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct StorageStatus {
    /// `navigator.storage.persisted()`; `None` where the browser lacks it.
    pub persistent: Option<bool>,
    /// Bytes used by this origin, if the browser tells.
    pub usage: Option<u64>,
    /// Bytes this origin may use, if the browser tells.
    pub quota: Option<u64>,
}

impl StorageStatus {
    /// Share of the quota used, 0.0 to 1.0, when both numbers are known.
    pub fn used_fraction(&self) -> Option<f64> {
        match (self.usage, self.quota) {
            (Some(u), Some(q)) if q > 0 => Some((u as f64 / q as f64).min(1.0)),
            _ => None,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(text: &str, during_open: bool, expected: StorageProblem) {
        assert_eq!(
            StorageProblem::from_browser_text(text, during_open),
            expected,
            "text {text:?}"
        );
    }

    #[test]
    fn browser_errors_map_to_reason_codes() {
        check(
            "DOM exception: QuotaExceededError: The quota has been exceeded.",
            false,
            StorageProblem::QuotaExceeded,
        );
        check(
            "failed to add a value: QuotaExceededError",
            false,
            StorageProblem::QuotaExceeded,
        );
        check("DOM exception: VersionError: The requested version (1) is less than the existing version (2).", true, StorageProblem::VersionTooNew);
        check(
            "SecurityError: access denied",
            true,
            StorageProblem::Denied("SecurityError: access denied".into()),
        );
        check(
            "InvalidStateError: private mode",
            true,
            StorageProblem::Denied("InvalidStateError: private mode".into()),
        );
        check("failed to open new transaction: InvalidStateError: The database connection is closing.", false, StorageProblem::Closed);
        check("indexed db not found", true, StorageProblem::Unsupported);
        // An I/O error on a write: the disk is full (what Chromium reports
        // when it cannot commit); on open it is something else.
        check(
            "UnknownError: Internal error committing transaction.",
            false,
            StorageProblem::QuotaExceeded,
        );
        check(
            "UnknownError: Internal error opening backing store for indexedDB.open.",
            true,
            StorageProblem::Other(
                "UnknownError: Internal error opening backing store for indexedDB.open.".into(),
            ),
        );
    }

    #[test]
    fn only_transient_problems_suggest_a_reload() {
        assert!(StorageProblem::Blocked.reload_may_help());
        assert!(StorageProblem::Closed.reload_may_help());
        assert!(!StorageProblem::QuotaExceeded.reload_may_help());
        assert!(!StorageProblem::Denied(String::new()).reload_may_help());
    }

    #[test]
    fn used_fraction_needs_both_numbers_and_a_quota() {
        let s = |usage, quota| StorageStatus {
            persistent: None,
            usage,
            quota,
        };
        assert_eq!(s(Some(50), Some(200)).used_fraction(), Some(0.25));
        assert_eq!(s(Some(50), Some(0)).used_fraction(), None);
        assert_eq!(s(None, Some(200)).used_fraction(), None);
        assert_eq!(s(Some(500), Some(200)).used_fraction(), Some(1.0));
    }
}
