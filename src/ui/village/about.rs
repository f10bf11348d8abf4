//! About: what Pandu is, and the build's version.

use leptos::prelude::*;

use crate::i18n::Msg;
use crate::ui::use_lang;

#[component]
pub fn About() -> impl IntoView {
    let lang = use_lang();
    view! {
        <h1>{move || lang.t(Msg::AboutTitle)}</h1>
        <p>{move || lang.t(Msg::AboutBody)}</p>
        <p>{move || lang.t(Msg::AboutOffline)}</p>
        <p class="muted" data-testid="about-version">
            {move || lang.t(Msg::AboutVersion)} " " {env!("CARGO_PKG_VERSION")}
        </p>
    }
}
