//! The binary only mounts the app; everything lives in the library so that
//! native tests can reach it (see README, Architecture), but for the
//! village wasm's split point (`split.rs`).

#[cfg(target_arch = "wasm32")]
mod split;

#[cfg(target_arch = "wasm32")]
fn main() {
    pandu::ui::village::start(split::LOADER);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pandu is a web app: build it with `make serve` or `make dist`.");
}
