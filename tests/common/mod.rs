//! Helpers shared by the native test files.

use std::fs;
use std::path::Path;

use pandu::domain::pack_check::{load_catalogue, load_pack};
use pandu::domain::procedure::Pack;

/// A pack shipped in `public/packs/`, read and validated as the app does.
pub fn shipped_pack(name: &str) -> Pack {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/packs");
    let catalogue =
        load_catalogue(&fs::read_to_string(dir.join("documents.json")).unwrap()).unwrap();
    load_pack(
        &fs::read_to_string(dir.join(format!("{name}.json"))).unwrap(),
        &catalogue,
    )
    .unwrap()
}
