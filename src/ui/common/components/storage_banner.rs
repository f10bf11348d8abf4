//! Explains, in the officer's language, why storage is not usable yet:
//! still waiting for another tab, or failed (private mode, full disk,
//! newer data). Stored data is never touched on these paths.

use leptos::prelude::*;

use crate::i18n::{storage_problem, Msg};
use crate::store::platform;
use crate::ui::{use_lang, use_storage, DbState};

#[component]
pub fn StorageBanner() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();

    let wiped = RwSignal::new(false);
    Effect::new(move |_| {
        if storage.is_ready() {
            wiped.set(crate::store::prefs::wiped().is_some());
        }
    });
    let dismiss = move |_| {
        crate::store::prefs::set_wiped(None);
        wiped.set(false);
    };
    move || {
        match storage.get() {
        DbState::Ready if wiped.get() => Some(
            view! {
                <div class="banner banner-error" role="alert" data-testid="storage-wiped">
                    <h2>{lang.tr(Msg::WipedTitle)}</h2>
                    <p>{lang.tr(Msg::WipedBody)}</p>
                    <p>{lang.tr(Msg::WipedNext)}</p>
                    <button type="button" class="btn btn-primary" data-testid="storage-wiped-ok" on:click=dismiss>
                        {lang.tr(Msg::WipedOk)}
                    </button>
                </div>
            }
            .into_any(),
        ),
        DbState::Opening | DbState::Ready => None,
        DbState::Waiting => Some(
            view! {
                <div class="banner banner-info" role="status" data-testid="storage-waiting">
                    <p>{lang.tr(Msg::StorageWaiting)}</p>
                </div>
            }
            .into_any(),
        ),
        DbState::Failed(problem) => {
            let retry = problem.reload_may_help();
            let words = problem.clone();
            Some(
                view! {
                    <div class="banner banner-error" role="alert" data-testid="storage-problem">
                        <h2>{lang.tr(Msg::StorageTitle)}</h2>
                        <p>{move || storage_problem(lang.get(), &words)}</p>
                        <p>{lang.tr(Msg::StorageSafe)}</p>
                        <Show when=move || retry>
                            <button class="btn btn-primary" on:click=move |_| platform::reload()>
                                {lang.tr(Msg::StorageReload)}
                            </button>
                        </Show>
                    </div>
                }
                .into_any(),
            )
        }
    }
    }
}
