//! Settings' letterhead card on the office laptop.

use crate::domain::text::TextKind;
use leptos::prelude::*;

use crate::i18n::storage_problem;
use crate::i18n::OfficeMsg;
use crate::store::db;
use crate::ui::use_lang;

/// The office's own address for its letterhead (district mode): printed
/// on letters and decree sheets instead of the pack's.
#[component]
pub fn LetterheadSection() -> impl IntoView {
    let lang = use_lang();
    let address = RwSignal::new(String::new());
    let saved = RwSignal::new(None::<Result<(), String>>);
    let (stored, _) =
        crate::ui::when_stored(|| async { db::require()?.letterhead_address().await });
    Effect::new(move |_| {
        if let Some(Ok(Some(a))) = stored.get().flatten() {
            address.set(a);
        }
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let typed = crate::domain::text::clean(&address.get_untracked(), TextKind::Address);
        leptos::task::spawn_local(async move {
            let result = match db::require() {
                Ok(db) => db.save_letterhead_address(&typed).await,
                Err(p) => Err(p),
            };
            saved.set(Some(
                result.map_err(|p| storage_problem(lang.untracked(), &p).to_string()),
            ));
        });
    };
    view! {
        <section class="card" data-testid="letterhead" aria-labelledby="letterhead-title">
            <h2 id="letterhead-title">{lang.tr(OfficeMsg::LetterheadTitle)}</h2>
            <form on:submit=save novalidate=true>
                <label for="letterhead-address">{lang.tr(OfficeMsg::LetterheadAddress)}</label>
                <input id="letterhead-address" data-testid="letterhead-address" autocomplete="street-address"
                    maxlength=TextKind::Address.max_chars()
                    prop:value=move || address.get() on:input:target=move |ev| { saved.set(None); address.set(ev.target().value()) } />
                <p class="hint">{lang.tr(OfficeMsg::LetterheadHint)}</p>
                <button type="submit" class="btn" data-testid="letterhead-save">{lang.tr(OfficeMsg::LetterheadSave)}</button>
                {move || saved.get().map(|r| match r {
                    Ok(()) => view! { <p class="ok" role="status" data-testid="letterhead-saved">{lang.t(OfficeMsg::LetterheadSaved)}</p> }.into_any(),
                    Err(e) => view! { <p class="error" role="alert">{e}</p> }.into_any(),
                })}
            </form>
        </section>
    }
}
