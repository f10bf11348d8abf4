//! The binary only mounts the app; everything lives in the library so that
//! native tests can reach it (see README, Architecture). It also holds the
//! one split point of the village wasm (`ui::village::deferred`): only
//! this binary is split, so the office workspace and the library's tests
//! never see it.

#[cfg(target_arch = "wasm32")]
fn main() {
    pandu::ui::village::start(split::LOADER);
}

#[cfg(target_arch = "wasm32")]
mod split {
    use leptos::prelude::AnyView;
    use leptos::wasm_split::{wasm_split, SplitLoaderError};
    use pandu::ui::village::deferred::{now, view_of, Deferred, Load, Loader};

    /// `wasm-split-cli` moves this function, and all only it reaches,
    /// into the deferred file; a call loads that file first.
    #[wasm_split(village_pages, wasm_split_path = ::leptos::wasm_split, preload(load_pages), fallible)]
    fn page(which: Deferred) -> Result<AnyView, SplitLoaderError> {
        Ok(view_of(which))
    }

    fn load() -> Load {
        Box::pin(async { load_pages().await.is_ok() })
    }

    /// Once loaded, the call's future is ready at its first poll, so the
    /// view is made now, inside the page's reactive owner.
    fn view(which: Deferred) -> Option<AnyView> {
        now(std::pin::pin!(page(which)).as_mut()).and_then(Result::ok)
    }

    pub const LOADER: Loader = Loader { load, view };
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Pandu is a web app: build it with `make serve` or `make dist`.");
}
