//! Small components shared by the pages.

pub mod flowchart;
mod regency_select;
mod storage_banner;
mod update_banner;
mod vault_gate;

pub use flowchart::Flowchart;
pub use regency_select::RegencySelect;
pub use storage_banner::StorageBanner;
pub use update_banner::UpdateBanner;
pub use vault_gate::{problem_words as vault_problem_words, VaultGate};
