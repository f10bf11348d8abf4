//! One page per file.

mod about;
mod case;
mod check;
mod cycle_letter;
mod dashboard;
mod decree;
mod desk;
mod duplicates;
mod exchange;
mod home;
mod keys;
mod letter;
mod new_case;
mod not_found;
mod procedures;
mod settings;

pub use about::About;
pub use case::CasePage;
pub use check::CheckPage;
pub use cycle_letter::CycleLetterPage;
pub use dashboard::Dashboard;
pub use decree::DecreePage;
pub use desk::Inbox;
pub use duplicates::DuplicatePage;
pub use exchange::{Devices, Receive, Send};
pub use home::Home;
pub use letter::{LetterPage, PaperPage};
pub use new_case::NewCase;
pub use not_found::NotFound;
pub use procedures::{ProcedureChart, Procedures};
pub use settings::Settings;
