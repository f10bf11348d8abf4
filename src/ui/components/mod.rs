//! Small components shared by the pages.

pub mod flowchart;
mod storage_banner;
mod update_banner;

pub use flowchart::Flowchart;
pub use storage_banner::StorageBanner;
pub use update_banner::UpdateBanner;
