//! Small components shared by the pages.

mod storage_banner;
mod update_banner;

pub use storage_banner::StorageBanner;
pub use update_banner::UpdateBanner;
