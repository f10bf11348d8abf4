//! The office workspace's entry point (`<sub-path>/kantor/`, built from
//! `kantor/index.html`); the village app's is `src/main.rs`.

#[cfg(target_arch = "wasm32")]
fn main() {
    pandu::ui::office::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pandu is a web app: build it with `make serve` or `make dist`.");
}
