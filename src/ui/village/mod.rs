//! The village app: what a village officer's phone downloads and keeps
//! offline. The office workspace reuses these pages for walk-ins.

mod about;
pub(crate) mod case;
pub mod deferred;
pub(crate) mod exchange;
mod home;
pub(crate) mod keys;
mod new_case;
mod not_found;
mod procedures;
pub(crate) mod settings;
mod start_case;

pub use about::About;
pub use case::CasePage;
pub use exchange::{Receive, Send};
pub use home::Home;
pub use new_case::NewCase;
pub use not_found::NotFound;
pub use procedures::{ProcedureChart, Procedures};
pub use settings::Settings;
pub use start_case::StartCase;

use leptos::prelude::*;
use leptos_router::components::{Route, Routes};
use leptos_router::path;

use crate::i18n::Msg;
use crate::ui::common::shell::{self, Wing};
use crate::ui::{use_base, use_lang};

use deferred::{Deferred, DeferredPage};

/// The village app's entry point (`src/main.rs`), which hands in how the
/// deferred pages are loaded (`deferred`).
pub fn start(loader: deferred::Loader) {
    deferred::set_loader(loader);
    shell::start(Wing {
        dir: "",
        nav: || ().into_any(),
        main,
        serves_office: false,
        staff: None,
    });
}

/// The village app's pages; a device that is the office is sent on to
/// the office workspace, since its work needs the office's sign-in.
fn main(office: Memo<bool>) -> AnyView {
    (move || {
        if office.get() {
            view! { <OfficeDevice /> }.into_any()
        } else {
            routes().into_any()
        }
    })
    .into_any()
}

/// The village app's pages. Never an office-only page (`tests/tidy.rs`);
/// all but the first two come in the deferred file (`deferred`).
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("") view=Home />
            <Route path=path!("cases/new") view=NewCase />
            <Route path=path!("cases/start") view=|| view! { <DeferredPage page=Deferred::Start /> } />
            <Route path=path!("cases/:id") view=|| view! { <DeferredPage page=Deferred::Case /> } />
            <Route path=path!("procedures") view=|| view! { <DeferredPage page=Deferred::Procedures /> } />
            <Route path=path!("procedures/:pack/:procedure") view=|| view! { <DeferredPage page=Deferred::Chart /> } />
            <Route path=path!("send") view=|| view! { <DeferredPage page=Deferred::Send /> } />
            <Route path=path!("receive") view=|| view! { <DeferredPage page=Deferred::Receive /> } />
            <Route path=path!("settings") view=|| view! { <DeferredPage page=Deferred::Settings /> } />
            <Route path=path!("about") view=|| view! { <DeferredPage page=Deferred::About /> } />
        </Routes>
    }
}

/// This device is the district office: the same address in the office
/// workspace is opened instead (the link is there if it does not happen).
#[component]
fn OfficeDevice() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let route = crate::store::platform::route_in_wing();
    let href = base.office_href(&route);
    let target = href.clone();
    Effect::new(move || crate::store::platform::replace_location(&target));
    view! {
        <section class="card" data-testid="wing-office-device">
            <p>{lang.tr(Msg::WingOfficeDevice)}</p>
            <a class="btn btn-primary" href=href rel="external" data-testid="wing-open-office">{lang.tr(Msg::WingOpenOffice)}</a>
        </section>
    }
}
