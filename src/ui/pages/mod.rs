//! One page per file.

mod about;
mod home;
mod not_found;
mod procedures;
mod settings;

pub use about::About;
pub use home::Home;
pub use not_found::NotFound;
pub use procedures::{ProcedureChart, Procedures};
pub use settings::Settings;
