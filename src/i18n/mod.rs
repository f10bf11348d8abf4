//! Every word the officer reads, in Bahasa Indonesia first and English
//! second (pure; no web crates).
//!
//! Invariant: the UI never writes user-facing text of its own; it asks this
//! module, and each message exists in both languages (the `messages!` table
//! makes a missing translation a compile error, the tests catch empty ones).

use crate::bundle::exchange::ExchangeProblem;
use crate::bundle::seal::{Refusal, Warning};
use crate::domain::applicant::{Field, FieldProblem};
use crate::domain::case::{CaseStatus, FeedbackState};
use crate::domain::date::{local_date, Date};
use crate::domain::lanes::{ActError, AnswerRefusal, Lateness};
use crate::domain::nik::{IdProblem, NikWarning, Sex};
use crate::domain::outputs::OutputProblem;
use crate::domain::pack_check::{
    AnswersFault, DecreeFault, LetterFault, ListFault, PackProblem, TimeProblem,
};
use crate::domain::photo::PhotoProblem;
use crate::domain::procedure::{Column, Outcome, Side, TimeStandard, TimeUnit};
use crate::domain::profile::ProfileProblem;
use crate::domain::staff::{SignerProblem, StaffAction, StaffProblem};
use crate::domain::standing::Standing;
use crate::domain::storage::StorageProblem;
use crate::domain::text::TextProblem;

/// The two interface languages. Indonesian is the default.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    #[default]
    Id,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Id, Lang::En];

    /// BCP 47 code, used for `<html lang>` and in storage.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Id => "id",
            Lang::En => "en",
        }
    }

    /// Unknown or missing codes fall back to Indonesian.
    pub fn from_code(code: &str) -> Lang {
        match code.trim() {
            "en" => Lang::En,
            _ => Lang::Id,
        }
    }

    /// The language's name in itself, for the language picker.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Id => "Bahasa Indonesia",
            Lang::En => "English",
        }
    }
}

/// A fixed piece of interface text in both languages (`Msg`, `OfficeMsg`).
pub trait Words: Copy {
    /// The Indonesian and the English text.
    fn texts(self) -> (&'static str, &'static str);
}

/// Makes a table of fixed texts: an enum of keys, each with its
/// Indonesian and English text (a missing translation does not compile).
macro_rules! messages {
    ($name:ident; $($key:ident => $id:literal, $en:literal;)*) => {
        /// A fixed piece of interface text.
        #[derive(Debug, Clone, Copy, PartialEq, Eq)]
        pub enum $name { $($key),* }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$key),*];
        }

        impl Words for $name {
            fn texts(self) -> (&'static str, &'static str) {
                match self { $($name::$key => ($id, $en)),* }
            }
        }
    };
}

mod messages;
mod office_messages;
mod pack_problems;
mod problems;
#[cfg(test)]
mod tests;
mod words;

pub use messages::{t, Msg};
pub use office_messages::OfficeMsg;
pub use pack_problems::pack_problem;
pub use problems::*;
pub use words::*;
