//! "A new version is available": shown when the service worker has a new
//! build waiting. Reloads only when the officer taps, never by itself, so
//! no half-typed form is lost.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::store::platform;
use crate::ui::use_lang;

#[component]
pub fn UpdateBanner() -> impl IntoView {
    let lang = use_lang();
    let (waiting, set_waiting) = signal(false);
    let (dismissed, set_dismissed) = signal(false);
    platform::on_update_ready(move || set_waiting.set(true));

    view! {
        <Show when=move || waiting.get() && !dismissed.get()>
            <div class="banner banner-info" role="status" data-testid="update-banner">
                <p>{lang.tr(Msg::UpdateAvailable)}</p>
                <div class="banner-actions">
                    <button class="btn btn-primary" data-testid="update-reload"
                        on:click=move |_| platform::apply_update()>
                        {lang.tr(Msg::UpdateReload)}
                    </button>
                    <button class="btn" on:click=move |_| set_dismissed.set(true)>
                        {lang.tr(Msg::UpdateLater)}
                    </button>
                </div>
            </div>
        </Show>
    }
}
