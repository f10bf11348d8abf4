//! The one split point of the village wasm (README, "Deferred pages"):
//! a module of the village binary only (`src/main.rs`), so neither the
//! office workspace nor the library's tests carry it.

use leptos::prelude::AnyView;
use leptos::wasm_split::{wasm_split, SplitLoaderError};
use pandu::ui::village::deferred::{now, view_of, Deferred, Load, Loader};

/// `wasm-split-cli` moves this function, and all only it reaches, into
/// the deferred file; a call loads that file first.
#[wasm_split(village_pages, wasm_split_path = ::leptos::wasm_split, preload(load_pages), fallible)]
fn page(which: Deferred) -> Result<AnyView, SplitLoaderError> {
    Ok(view_of(which))
}

fn load() -> Load {
    Box::pin(async { load_pages().await.is_ok() })
}

/// Once loaded, the call's future is ready at its first poll, so the view
/// is made now, inside the page's reactive owner.
fn view(which: Deferred) -> Option<AnyView> {
    now(std::pin::pin!(page(which)).as_mut()).and_then(Result::ok)
}

/// How the village app loads its deferred pages.
pub const LOADER: Loader = Loader { load, view };
