//! One page per file.

mod about;
mod case;
mod new_case;
mod home;
mod not_found;
mod procedures;
mod settings;

pub use about::About;
pub use case::CasePage;
pub use new_case::NewCase;
pub use home::Home;
pub use not_found::NotFound;
pub use procedures::{ProcedureChart, Procedures};
pub use settings::Settings;
