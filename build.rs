//! Keeps the linker's relocations in the village wasm (`--emit-relocs`),
//! which `wasm-split-cli` needs to split off the deferred pages
//! (`src/split.rs`, `src/ui/village/deferred.rs`). Only the `pandu`
//! binary on wasm32.

fn main() {
    println!("cargo:rerun-if-changed=build.rs");
    if std::env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32") {
        println!("cargo:rustc-link-arg-bin=pandu=--emit-relocs");
    }
}
