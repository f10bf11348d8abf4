//! The page for an address Pandu does not know.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::{use_base, use_lang};

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    view! {
        <section data-testid="not-found">
            <h1>{lang.tr(Msg::NotFoundTitle)}</h1>
            <p>{lang.tr(Msg::NotFoundBody)}</p>
            <a href=base.href("") class="btn btn-primary">{lang.tr(Msg::NotFoundBack)}</a>
        </section>
    }
}
