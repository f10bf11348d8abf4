//! Architecture checks that fail `cargo test` when the layering breaks.
//!
//! The pure core (`domain`, `bundle`, `i18n`) must not import any crate
//! that needs a browser: that is what lets it be tested natively and keeps
//! the rules out of the components (README, Architecture invariants).

use std::fs;
use std::path::{Path, PathBuf};

const PURE: &[&str] = &["src/domain", "src/bundle", "src/i18n"];
const WEB_CRATES: &[&str] = &[
    "leptos",
    "web_sys",
    "js_sys",
    "wasm_bindgen",
    "rexie",
    "gloo",
];

fn rust_files(path: &Path, out: &mut Vec<PathBuf>) {
    if path.is_dir() {
        let mut entries: Vec<_> = fs::read_dir(path)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        entries.sort();
        for p in entries {
            rust_files(&p, out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        out.push(path.to_path_buf());
    }
}

/// The Rust files under each of `dirs` (relative to the crate), in a
/// stable order.
fn source_files(dirs: &[&str]) -> Vec<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for dir in dirs {
        rust_files(&root.join(dir), &mut files);
    }
    files
}

/// Web crates a line of Rust names as the root of a path (`web_sys::X`,
/// `use {rexie::Rexie}`, `leptos_router::A`) or in `extern crate`,
/// ignoring `//` comments. A crate counts if the identifier is its name or
/// starts with its name and `_` (`gloo_storage`, `wasm_bindgen_futures`).
fn web_crates_named(line: &str) -> Vec<&'static str> {
    let code = line.split("//").next().unwrap_or("");
    let is_ident = |c: char| c.is_alphanumeric() || c == '_';
    let mut found = Vec::new();
    let mut i = 0;
    while i < code.len() {
        let c = code[i..].chars().next().unwrap();
        if !is_ident(c) {
            i += c.len_utf8();
            continue;
        }
        let len = code[i..]
            .find(|c: char| !is_ident(c))
            .unwrap_or(code.len() - i);
        let ident = &code[i..i + len];
        let before = code[..i].trim_end();
        let path_root = code[i + len..].starts_with("::") && !before.ends_with("::");
        let extern_crate = before.ends_with("extern crate");
        if path_root || extern_crate {
            for krate in WEB_CRATES {
                let named = ident == *krate
                    || ident
                        .strip_prefix(krate)
                        .is_some_and(|rest| rest.starts_with('_'));
                if named && !found.contains(krate) {
                    found.push(*krate);
                }
            }
        }
        i += len;
    }
    found
}

#[test]
fn pure_modules_do_not_import_web_crates() {
    let files = source_files(PURE);
    assert!(files.len() >= 3, "the pure core was not found: {files:?}");
    let mut offences = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            for krate in web_crates_named(line) {
                offences.push(format!("{}:{}: imports {krate}", file.display(), n + 1));
            }
        }
    }
    assert!(
        offences.is_empty(),
        "pure modules import web crates:\n{}",
        offences.join("\n")
    );
}

#[test]
fn the_checker_recognises_imports_and_ignores_prose() {
    assert_eq!(web_crates_named("use leptos::prelude::*;"), ["leptos"]);
    assert_eq!(
        web_crates_named("    let w = web_sys::window();"),
        ["web_sys"]
    );
    assert_eq!(
        web_crates_named("use gloo_storage::LocalStorage;"),
        ["gloo"]
    );
    assert_eq!(web_crates_named("use {rexie::Rexie};"), ["rexie"]);
    assert_eq!(web_crates_named("extern crate js_sys;"), ["js_sys"]);
    assert_eq!(
        web_crates_named("use leptos_router::components::A;"),
        ["leptos"]
    );
    assert_eq!(
        web_crates_named("wasm_bindgen_futures::spawn_local(f);"),
        ["wasm_bindgen"]
    );
    assert!(web_crates_named("use crate::domain::leptos_like::X;").is_empty());
    assert!(web_crates_named("// leptos::prelude is not used here").is_empty());
    assert!(web_crates_named("/// no web crates (leptos, web_sys) here").is_empty());
    assert!(web_crates_named("let my_leptos_thing = 1;").is_empty());
}

#[test]
fn main_only_mounts_the_app() {
    let main =
        fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/main.rs")).unwrap();
    let code_lines = main
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with("//") && !l.starts_with("#["))
        .count();
    assert!(
        code_lines <= 8,
        "src/main.rs should only mount the app, it has {code_lines} lines of code"
    );
}

#[test]
fn the_village_wasm_has_one_split_point() {
    // README, "Deferred pages": the split point lives in the village
    // binary alone, so the office workspace and the library's tests never
    // carry it, and it hands over only the deferred pages' views.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let found = lines_where("src", |code| code.contains("wasm_split("));
    assert_eq!(found.len(), 1, "one split point: {found:?}");
    assert!(found[0].contains("src/split.rs"), "{found:?}");
    let split = fs::read_to_string(root.join("src/split.rs")).unwrap();
    assert!(split.contains("Ok(view_of(which))"));
    let main = fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(main.contains("mod split;"));
    let lib = fs::read_to_string(root.join("src/lib.rs")).unwrap();
    assert!(
        !lib.contains("mod split"),
        "the library never has the split point"
    );
}

#[test]
fn only_the_store_touches_storage_or_holds_js_values() {
    let files = source_files(&["src/ui"]);
    assert!(files.len() >= 5, "the ui was not found: {files:?}");
    const FORBIDDEN: [&str; 6] = [
        "rexie",
        "JsValue",
        "indexed_db",
        "Idb",
        "gloo_storage",
        "js_sys",
    ];
    let mut offences = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            for word in FORBIDDEN {
                if code.contains(word) {
                    offences.push(format!("{}:{}: {word}", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        offences.is_empty(),
        "the ui reaches past the store:\n{}",
        offences.join("\n")
    );
}

/// Lines of the Rust files under `dir` whose code (not comments) holds
/// `needle`, as `file:line`.
fn lines_naming(dir: &str, needle: &str) -> Vec<String> {
    lines_where(dir, |code| code.contains(needle))
}

/// Lines of the Rust files under `dir` whose code (not comments) `keep`
/// takes, as `file:line`.
fn lines_where(dir: &str, keep: impl Fn(&str) -> bool) -> Vec<String> {
    let files = source_files(&[dir]);
    assert!(!files.is_empty(), "{dir} was not found");
    let mut out = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            if keep(code) {
                out.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    out
}

#[test]
fn arrows_stay_one_way() {
    // The core never takes the wire format: `bundle` builds on `domain`.
    let core_on_wire = lines_naming("src/domain", "bundle::");
    assert!(
        core_on_wire.is_empty(),
        "domain imports bundle:\n{}",
        core_on_wire.join("\n")
    );
    // `lanes` reads cases; a case does not read the lanes (the list row
    // that needs both is `domain::summary`).
    let case_on_lanes = lines_naming("src/domain/case", "lanes::");
    assert!(
        case_on_lanes.is_empty(),
        "domain::case imports lanes:\n{}",
        case_on_lanes.join("\n")
    );
    // The core and the wire format never reach up into the store or the ui.
    for dir in ["src/domain", "src/bundle"] {
        for up in ["crate::store", "crate::ui"] {
            let found = lines_naming(dir, up);
            assert!(
                found.is_empty(),
                "{dir} imports {up}:\n{}",
                found.join("\n")
            );
        }
    }
}

/// About 600 lines at most: a file past it is split along its parts.
const MAX_LINES: usize = 640;
/// Files that are one table, read a line at a time: every interface text
/// in both languages.
const TABLES: &[&str] = &["src/i18n/messages.rs"];

#[test]
fn files_stay_small_enough_to_read() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = source_files(&["src"]);
    let mut long = Vec::new();
    for file in &files {
        let rel = file
            .strip_prefix(root)
            .unwrap()
            .to_string_lossy()
            .replace('\\', "/");
        let lines = fs::read_to_string(file).unwrap().lines().count();
        if lines > MAX_LINES && !TABLES.contains(&rel.as_str()) {
            long.push(format!("{rel}: {lines} lines"));
        }
    }
    assert!(
        long.is_empty(),
        "split these along their parts (at most {MAX_LINES} lines):\n{}",
        long.join("\n")
    );
}

#[test]
fn wings_import_one_way() {
    // `common` serves both wings and names neither; the village app never
    // names the office workspace, so none of its code is linked in.
    for (dir, names) in [
        ("src/ui/common", &["village::", "office::", "OfficeMsg"][..]),
        ("src/ui/village", &["office::", "OfficeMsg"][..]),
    ] {
        for name in names {
            let found = lines_naming(dir, name);
            assert!(
                found.is_empty(),
                "{dir} names {name}:\n{}",
                found.join("\n")
            );
        }
    }
    // Each entry point mounts its own wing.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let village = fs::read_to_string(root.join("src/main.rs")).unwrap();
    assert!(village.contains("pandu::ui::village::start(split::LOADER)"));
    let office = fs::read_to_string(root.join("src/bin/kantor.rs")).unwrap();
    assert!(office.contains("pandu::ui::office::start()"));
}

#[test]
fn shared_texts_are_used_outside_the_office() {
    // `Msg` is linked into both wings; a text only the office shows
    // belongs in `OfficeMsg`, so the village app does not carry it, and a
    // text nobody shows is removed.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let table = fs::read_to_string(root.join("src/i18n/messages.rs")).unwrap();
    let keys: Vec<&str> = table
        .lines()
        .filter_map(|l| l.strip_prefix("    ")?.split_once(" =>"))
        .map(|(key, _)| key)
        .filter(|k| k.chars().all(|c| c.is_ascii_alphanumeric()))
        .collect();
    assert!(
        keys.len() > 300,
        "the table was not read: {} keys",
        keys.len()
    );
    let code: String = source_files(&["src"])
        .iter()
        .filter(|f| {
            let f = f.to_string_lossy();
            !f.contains("src/ui/office/")
                && !f.ends_with("i18n/messages.rs")
                && !f.ends_with("tests.rs")
        })
        .map(|f| fs::read_to_string(f).unwrap())
        .collect();
    let office_only: Vec<&str> = keys
        .iter()
        .copied()
        .filter(|k| {
            let name = format!("Msg::{k}");
            !code.match_indices(&name).any(|(at, _)| {
                let after = code[at + name.len()..].chars().next();
                let before = code[..at].chars().next_back();
                !after.is_some_and(|c| c.is_ascii_alphanumeric()) && before != Some('e')
            })
        })
        .collect();
    assert!(
        office_only.is_empty(),
        "shown only by the office or by nobody (move them to OfficeMsg or remove them): {office_only:?}"
    );
}

#[test]
fn serde_never_buffers_what_pandu_reads() {
    // `tag`, `flatten` and `untagged` make serde's derived readers buffer
    // a record and read every nested type a second time (README, "Keeping
    // the village wasm small"): they may shape what is written, never
    // what is read. Each one's nearest `#[derive(...)]` above has no
    // `Deserialize`.
    let files = source_files(&["src"]);
    let mut found = Vec::new();
    for file in &files {
        let text = fs::read_to_string(file).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        for (n, line) in lines.iter().enumerate() {
            let code = line.split("//").next().unwrap_or("");
            let buffered = code.contains("#[serde(")
                && (code.contains("flatten")
                    || code.contains("untagged")
                    || code.contains("tag = "));
            if !buffered {
                continue;
            }
            let derive = lines[..n]
                .iter()
                .rev()
                .find(|l| l.trim_start().starts_with("#[derive("));
            if derive.is_none_or(|d| d.contains("Deserialize")) {
                found.push(format!("{}:{}", file.display(), n + 1));
            }
        }
    }
    assert!(
        found.is_empty(),
        "read through serde's buffering:\n{}",
        found.join("\n")
    );
}

/// The routes a wing's `routes()` lists (`path!("...")`), with each
/// `:param` written `{}`, as a link built with `format!` reads.
fn routes_of(file: &str) -> Vec<String> {
    let text = fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join(file)).unwrap();
    text.split("path!(\"")
        .skip(1)
        .filter_map(|rest| rest.split_once('"').map(|(route, _)| route))
        .map(|route| {
            route
                .split('/')
                .map(|s| if s.starts_with(':') { "{}" } else { s })
                .collect::<Vec<_>>()
                .join("/")
        })
        .collect()
}

/// The string literals in a line of code (not its comment), with each
/// `{...}` of a format string written `{}`.
fn literals(line: &str) -> Vec<String> {
    let code = line.split("//").next().unwrap_or("");
    code.split('"')
        .skip(1)
        .step_by(2)
        .map(|lit| {
            let mut out = String::new();
            let mut inside = false;
            for c in lit.chars() {
                match c {
                    '{' => {
                        inside = true;
                        out.push_str("{}");
                    }
                    '}' => inside = false,
                    c if !inside => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect()
}

#[test]
fn the_village_entry_never_links_office_only_pages() {
    let village = routes_of("src/ui/village/mod.rs");
    let office_only: Vec<String> = routes_of("src/ui/office/mod.rs")
        .into_iter()
        .filter(|r| !village.contains(r))
        .collect();
    for expected in [
        "inbox",
        "dashboard",
        "devices",
        "cases/{}/letters/{}",
        "periksa",
    ] {
        assert!(
            office_only.iter().any(|r| r == expected),
            "{expected} is not an office-only route: {office_only:?}"
        );
    }
    assert!(village.iter().any(|r| r == "cases/{}"), "{village:?}");
    let files = source_files(&["src/ui/village", "src/ui/common"]);
    let mut links = Vec::new();
    for file in &files {
        for (n, line) in fs::read_to_string(file).unwrap().lines().enumerate() {
            for lit in literals(line) {
                if office_only.contains(&lit) {
                    links.push(format!("{}:{}: \"{lit}\"", file.display(), n + 1));
                }
            }
        }
    }
    assert!(
        links.is_empty(),
        "the village app links office-only pages (use BasePath::office_href, or move the link to ui::office):\n{}",
        links.join("\n")
    );
    // The checker sees a link built with format!.
    assert_eq!(
        literals(r#"base.href(&format!("cases/{}/letters/{}", ctx.case_id, def.id))"#),
        ["cases/{}/letters/{}"]
    );
    assert_eq!(literals(r#"base.href("inbox") // "dashboard""#), ["inbox"]);
}

#[test]
fn sorting_is_compiled_once() {
    // Every `slice::sort*` and every `collect()` into a B-tree (which
    // sorts first) compiles the sort algorithm again for its type (README,
    // "Keeping the village wasm small"). `domain::order` sorts, and builds
    // maps and sets by inserting. This finds the spelled-out forms and a
    // `let` typed as a B-tree whose statement ends in `.collect()`.
    const SPELLED: [&str; 10] = [
        ".sort(",
        ".sort_by(",
        ".sort_by_key(",
        ".sort_by_cached_key(",
        ".sort_unstable",
        "BTreeMap::from(",
        "BTreeSet::from(",
        "BTreeMap::from_iter",
        "BTreeSet::from_iter",
        "collect::<BTree",
    ];
    let files = source_files(&["src"]);
    let mut found = Vec::new();
    for file in &files {
        if file.ends_with("domain/order.rs") || file.ends_with("tests.rs") {
            continue;
        }
        let text = fs::read_to_string(file).unwrap();
        // Unit tests at the end of a file may sort as they like.
        let text = text.split("#[cfg(test)]").next().unwrap_or("");
        let lines: Vec<&str> = text
            .lines()
            .map(|l| l.split("//").next().unwrap_or(""))
            .collect();
        for (n, code) in lines.iter().enumerate() {
            let typed_let = code.contains("let ")
                && (code.contains(": BTreeMap<") || code.contains(": BTreeSet<"));
            let collected = typed_let && {
                let statement: String = lines[n..]
                    .iter()
                    .scan(false, |done, l| {
                        (!*done).then(|| {
                            *done = l.contains(';');
                            *l
                        })
                    })
                    .collect();
                let statement: String = statement.split_whitespace().collect();
                statement.ends_with(".collect();")
            };
            if collected || SPELLED.iter().any(|s| code.contains(s)) {
                found.push(format!("{}:{}: {}", file.display(), n + 1, code.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "sorts outside domain::order:\n{}",
        found.join("\n")
    );
}

#[test]
fn links_are_plain_anchors_outside_the_navigation_bars() {
    // The router takes a click on any plain `<a href>` inside the wing;
    // `leptos_router`'s `<A>` adds only `aria-current`, which only a
    // navigation bar needs, and compiles its component again for every
    // kind of children and attributes it is given (README, "Keeping the
    // village wasm small").
    const BARS: [&str; 2] = ["ui/common/shell.rs", "ui/office/mod.rs"];
    // `<A ...>`, `<leptos_router::components::A ...>`, or `A` in a
    // `use leptos_router::...` line.
    let found: Vec<String> = lines_where("src", |code| {
        let tag = code.contains("<A ") || code.contains("<A>") || code.contains("::A ");
        let imported = code.contains("leptos_router")
            && code
                .split(|c: char| !c.is_alphanumeric() && c != '_')
                .any(|w| w == "A");
        tag || imported
    })
    .into_iter()
    .filter(|at| {
        !BARS
            .iter()
            .any(|b| at.split(':').next().is_some_and(|f| f.ends_with(b)))
    })
    .collect();
    assert!(
        found.is_empty(),
        "router <A> outside a navigation bar:\n{}",
        found.join("\n")
    );
}
