//! Architecture checks that fail `cargo test` when the layering breaks.
//!
//! The pure core (`domain`, `bundle`, `i18n`) must not import any crate
//! that needs a browser: that is what lets it be tested natively and keeps
//! the rules out of the components (README, Architecture invariants).

use std::fs;
use std::path::{Path, PathBuf};

const PURE: &[&str] = &["src/domain", "src/bundle", "src/i18n.rs"];
const WEB_CRATES: &[&str] = &["leptos", "web_sys", "js_sys", "wasm_bindgen", "rexie", "gloo"];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path).unwrap().map(|e| e.unwrap().path()).collect();
        entries.sort();
        for p in entries {
            rust_files(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// Crate names a line of Rust refers to as a path root, e.g. `use web_sys::X`
/// or `leptos::prelude::*` inside an expression, ignoring comments.
fn web_crates_named(line: &str) -> Vec<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    WEB_CRATES
        .iter()
        .copied()
        .filter(|krate| {
            code.match_indices(krate).any(|(i, _)| {
                let before = code[..i].chars().last();
                let after = &code[i + krate.len()..];
                let starts_word = before.is_none_or(|c| !(c.is_alphanumeric() || c == '_'));
                // `gloo` also covers `gloo_storage`, `gloo_utils`, ...
                let rest = after.trim_start_matches(|c: char| c.is_alphanumeric() || c == '_');
                let is_crate_path = rest.starts_with("::") || rest.starts_with(';') || rest.starts_with(" as ") || rest.starts_with('{');
                let name_ok = *krate == "gloo" || after.starts_with("::") || after.starts_with(';') || after.starts_with(" as ");
                starts_word && is_crate_path && name_ok
            })
        })
        .collect()
}

#[test]
fn pure_modules_do_not_import_web_crates() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for p in PURE {
        rust_files(&root.join(p), &mut files);
    }
    assert!(files.len() >= 3, "the pure core was not found: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            for krate in web_crates_named(line) {
                offences.push(format!("{}:{}: imports {krate}", file.display(), n + 1));
            }
        }
    }
    assert!(offences.is_empty(), "pure modules import web crates:\n{}", offences.join("\n"));
}

#[test]
fn the_checker_recognises_imports_and_ignores_prose() {
    assert_eq!(web_crates_named("use leptos::prelude::*;"), ["leptos"]);
    assert_eq!(web_crates_named("    let w = web_sys::window();"), ["web_sys"]);
    assert_eq!(web_crates_named("use gloo_storage::LocalStorage;"), ["gloo"]);
    assert_eq!(web_crates_named("use {rexie::Rexie};"), ["rexie"]);
    assert_eq!(web_crates_named("extern crate js_sys;"), ["js_sys"]);
    assert!(web_crates_named("// leptos::prelude is not used here").is_empty());
    assert!(web_crates_named("/// no web crates (leptos, web_sys) here").is_empty());
    assert!(web_crates_named("let my_leptos_thing = 1;").is_empty());
}

#[test]
fn main_only_mounts_the_app() {
    let main = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    let code_lines = main
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#["))
        .count();
    assert!(code_lines <= 8, "src/main.rs should only mount the app, it has {code_lines} lines of code");
}
