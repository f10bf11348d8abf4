//! The office workspace (`<sub-path>/kantor/`): everything the district
//! office uses on its laptop, and the village pages for walk-ins. A phone
//! downloads it only if opened there.

mod case_parts;
mod check;
mod cycle_letter;
mod dashboard;
mod decree;
mod desk;
mod devices;
mod duplicates;
pub(crate) mod keys;
mod letter;
mod letterhead;

pub use check::CheckPage;
pub use cycle_letter::CycleLetterPage;
pub use dashboard::Dashboard;
pub use decree::DecreePage;
pub use desk::Inbox;
pub use devices::Devices;
pub use duplicates::DuplicatePage;
pub use letter::{LetterPage, PaperPage};

use leptos::prelude::*;
use leptos_router::components::{Route, Routes, A};
use leptos_router::path;

use crate::domain::site::OFFICE_DIR;
use crate::i18n::OfficeMsg;
use crate::ui::common::components::VaultGate;
use crate::ui::common::shell::{self, Wing};
use crate::ui::village::settings::{LanguagePicker, OfficeSettings, ProfileForm};
use crate::ui::village::{
    About, CasePage, Home, NewCase, NotFound, ProcedureChart, Procedures, Receive, Send, Settings,
    StartCase,
};
use crate::ui::{loading_note, use_base, use_desk, use_lang, use_storage, DbState};

/// The office workspace's entry point (`src/bin/kantor.rs`).
pub fn start() {
    crate::store::platform::restore_deep_link();
    shell::start(Wing {
        dir: OFFICE_DIR,
        nav,
        main,
        serves_office: true,
        staff: Some(crate::store::staff::read_desk),
    });
}

/// The office's tabs (once this device is the office).
fn nav() -> AnyView {
    let lang = use_lang();
    let desk = use_desk();
    let base = use_base();
    view! {
        <Show when=move || desk.is_office()>
            <A href=base.href("inbox") attr:data-testid="nav-inbox">
                {lang.tr(OfficeMsg::NavInbox)}
            </A>
            <A href=base.href("dashboard") attr:data-testid="nav-dashboard">
                {lang.tr(OfficeMsg::NavDashboard)}
            </A>
        </Show>
    }
    .into_any()
}

/// What the office adds to Settings.
fn settings_parts() -> AnyView {
    view! {
        <desk::StaffSection />
        <letterhead::LetterheadSection />
    }
    .into_any()
}

/// On the office, every page opens with the device PIN; elsewhere the
/// workspace says what it is, links back, and offers the office setup.
fn main(office: Memo<bool>) -> AnyView {
    provide_context(case_parts::OFFICE_CASE);
    provide_context(keys::OFFICE_KEYS);
    provide_context(devices::OFFICE_REPORT);
    provide_context(OfficeSettings(settings_parts));
    let storage = use_storage();
    let lang = use_lang();
    // Whether this is the office, once storage is open to say.
    let known = Memo::new(move |_| (storage.get() == DbState::Ready).then(|| office.get()));
    (move || match known.get() {
        Some(true) => view! { <VaultGate office=true>{routes()}</VaultGate> }.into_any(),
        Some(false) => view! { <Intro /> }.into_any(),
        None => loading_note(storage.0.get_untracked(), lang.untracked()).into_any(),
    })
    .into_any()
}

/// The office workspace's pages: the village app's and the office's.
fn routes() -> impl IntoView {
    view! {
        <Routes fallback=NotFound>
            <Route path=path!("") view=Home />
            <Route path=path!("cases/new") view=NewCase />
            <Route path=path!("cases/start") view=StartCase />
            <Route path=path!("cases/:id") view=CasePage />
            <Route path=path!("cases/:id/letters/:letter") view=LetterPage />
            <Route path=path!("procedures") view=Procedures />
            <Route path=path!("procedures/:pack/:procedure") view=ProcedureChart />
            <Route path=path!("inbox") view=Inbox />
            <Route path=path!("dashboard") view=Dashboard />
            <Route path=path!("decrees/:decree/:cycle") view=DecreePage />
            <Route path=path!("letters/:letter/:cycle") view=CycleLetterPage />
            <Route path=path!("surat/:year/:seq") view=PaperPage />
            <Route path=path!("periksa") view=CheckPage />
            <Route path=path!("duplicates/:nik") view=DuplicatePage />
            <Route path=path!("send") view=|| view! { <VaultGate><Send /></VaultGate> } />
            <Route path=path!("receive") view=|| view! { <VaultGate><Receive /></VaultGate> } />
            <Route path=path!("devices") view=|| view! { <VaultGate><Devices /></VaultGate> } />
            <Route path=path!("settings") view=Settings />
            <Route path=path!("about") view=About />
        </Routes>
    }
}

/// The workspace on a device that is not the office (a phone that opened
/// the address, or the laptop before its setup): what it is, the way
/// back, and the office setup.
#[component]
fn Intro() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    view! {
        <section class="card" data-testid="wing-office-intro">
            <h1>{lang.tr(OfficeMsg::WingOfficeTitle)}</h1>
            <p>{lang.tr(OfficeMsg::WingOfficeWhat)}</p>
            <p>{lang.tr(OfficeMsg::WingOfficeVillage)}</p>
            <a class="btn btn-primary" href=base.app_href("") rel="external" data-testid="wing-back">{lang.tr(OfficeMsg::WingBackToVillage)}</a>
        </section>
        <p class="hint" data-testid="wing-office-setup">{lang.tr(OfficeMsg::WingOfficeSetup)}</p>
        <LanguagePicker />
        <ProfileForm />
        <VaultGate><crate::ui::village::keys::KeysSection /></VaultGate>
    }
}
