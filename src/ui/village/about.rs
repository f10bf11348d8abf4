//! About: what Pandu is, and the build's version.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::use_lang;

#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{lang.tr(Msg::AboutTitle)}</h1>
        <p>{lang.tr(Msg::AboutBody)}</p>
        <p>{lang.tr(Msg::AboutOffline)}</p>
        <p class="muted" data-testid="about-version">
            {lang.tr(Msg::AboutVersion)} " " {env!("CARGO_PKG_VERSION")}
        </p>
    }
}
