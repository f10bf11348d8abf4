//! The village pages kept out of the first download.
//!
//! A phone's first visit needs only the case list and the new-case form;
//! the other pages (a case, send, receive, the procedures, settings,
//! about) are split into a second wasm file by `wasm-split-cli` at build
//! time (`.ci/bin/wasm-bindgen`, `.ci/split-chunks.mjs`). The service
//! worker precaches that file with the rest of the village app, so after
//! the first visit it is there offline; until then a page that needs it
//! says "Memuat…", and if the download fails it says so, keeps every
//! stored thing as it was, and offers to try again.
//!
//! The split point itself lives in the village binary (`src/split.rs`;
//! `src/main.rs` hands its `Loader` to `start`), so that neither the
//! office workspace nor the library's tests carry it.

use std::future::Future;
use std::pin::Pin;
use std::sync::OnceLock;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::{About, CasePage, ProcedureChart, Procedures, Receive, Send, Settings, StartCase};
use crate::i18n::Msg;
use crate::ui::common::components::VaultGate;
use crate::ui::use_lang;

/// A page whose code comes in the deferred wasm file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
pub enum Deferred {
    Start,
    Case,
    Procedures,
    Chart,
    Send,
    Receive,
    Settings,
    About,
}

/// A deferred page's view. Called only from the split point in
/// `src/split.rs`, so its code (and all only it reaches) lands in the
/// deferred file.
pub fn view_of(page: Deferred) -> AnyView {
    match page {
        Deferred::Start => view! { <StartCase /> }.into_any(),
        Deferred::Case => view! { <CasePage /> }.into_any(),
        Deferred::Procedures => view! { <Procedures /> }.into_any(),
        Deferred::Chart => view! { <ProcedureChart /> }.into_any(),
        Deferred::Send => view! { <VaultGate><Send /></VaultGate> }.into_any(),
        Deferred::Receive => view! { <VaultGate><Receive /></VaultGate> }.into_any(),
        Deferred::Settings => view! { <Settings /> }.into_any(),
        Deferred::About => view! { <About /> }.into_any(),
    }
}

/// A load of the deferred file: resolves to whether it arrived.
pub type Load = Pin<Box<dyn Future<Output = bool>>>;

/// How the entry point loads the deferred pages.
#[derive(Clone, Copy)]
pub struct Loader {
    /// Loads the deferred file once. After a success, later calls resolve
    /// at their first poll; after a failure, the next call tries again.
    pub load: fn() -> Load,
    /// The page's view, once `load` resolved to `true` (`None` before).
    pub view: fn(Deferred) -> Option<AnyView>,
}

static LOADER: OnceLock<Loader> = OnceLock::new();

/// Set once, by `start`.
pub(super) fn set_loader(loader: Loader) {
    let _ = LOADER.set(loader);
}

/// The future's output if it is ready at its first poll.
pub fn now<F: Future + ?Sized>(future: Pin<&mut F>) -> Option<F::Output> {
    match future.poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(out) => Some(out),
        Poll::Pending => None,
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Loading,
    Ready,
    Failed,
}

/// A route's view for a deferred page: the page once its code is here.
#[component]
pub fn DeferredPage(page: Deferred) -> impl IntoView {
    let lang = use_lang();
    let state = RwSignal::new(State::Loading);
    let fetch = move || {
        let Some(loader) = LOADER.get().copied() else {
            state.set(State::Failed);
            return;
        };
        let mut pending = (loader.load)();
        match now(pending.as_mut()) {
            Some(ok) => state.set(if ok { State::Ready } else { State::Failed }),
            None => {
                state.set(State::Loading);
                spawn_local(async move {
                    let ok = pending.await;
                    // The page may have closed meanwhile: then nothing.
                    let _ = state.try_set(if ok { State::Ready } else { State::Failed });
                });
            }
        }
    };
    fetch();
    move || match state.get() {
        State::Ready => match LOADER.get().and_then(|l| (l.view)(page)) {
            Some(view) => view,
            None => failed(lang, fetch),
        },
        State::Loading => {
            view! { <p class="muted" data-testid="deferred-loading">{lang.tr(Msg::Loading)}</p> }
                .into_any()
        }
        State::Failed => failed(lang, fetch),
    }
}

fn failed(lang: crate::ui::UiLang, retry: impl Fn() + Copy + 'static) -> AnyView {
    view! {
        <section class="card" role="alert" data-testid="deferred-failed">
            <p>{lang.tr(Msg::DeferredFailed)}</p>
            <button class="btn btn-primary" type="button" data-testid="deferred-retry"
                on:click=move |_| retry()>{lang.tr(Msg::DeferredRetry)}</button>
        </section>
    }
    .into_any()
}
