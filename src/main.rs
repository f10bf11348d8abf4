//! The binary only mounts the app; everything lives in the library so that
//! native tests can reach it (see README, Architecture).

#[cfg(target_arch = "wasm32")]
fn main() {
    pandu::ui::village::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pandu is a web app: build it with `make serve` or `make dist`.");
}
