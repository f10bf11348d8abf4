//! The frame around every page of either wing: the shared contexts, the
//! tab bar, the banners, and the `<main>` the wing fills. An entry point
//! hands in its `Wing`; only the code it names is linked into it, so the
//! village app carries none of the office's pages.

use leptos::prelude::*;
use leptos_router::components::{Router, A};
use wasm_bindgen::JsCast;

use super::components::{StorageBanner, UpdateBanner};
use super::*;

/// What an entry point puts into the shell.
#[derive(Clone, Copy)]
pub struct Wing {
    /// The wing's folder below the app: "" for the village app,
    /// `site::OFFICE_DIR` for the office workspace.
    pub dir: &'static str,
    /// Tab bar links after "Prosedur" (the office's inbox and dashboard).
    pub nav: fn() -> AnyView,
    /// What `<main>` shows, given whether this device is the office
    /// (tracked): the wing's routes, or a page saying where to go.
    pub main: fn(Memo<bool>) -> AnyView,
    /// Whether this wing shows its pages (and so its tabs) on a device
    /// that is the office (`true`) or is not (`false`).
    pub serves_office: bool,
    /// How the office's staff and the tab's signed-in member are read
    /// (`store::staff`); `None` in the village app, which sends an office
    /// device on to the office workspace and signs no staff in.
    pub staff: Option<StaffReader>,
}

/// Mounts a wing into `#app` (or the body) and keeps it for the page's life.
pub fn start(wing: Wing) {
    console_error_panic_hook::set_once();
    platform::set_wing_dir(wing.dir);
    let parent = document()
        .get_element_by_id("app")
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| document().body().expect("a document body"));
    leptos::mount::mount_to(parent, move || view! { <App wing=wing /> }).forget();
    platform::remove_boot_placeholder();
}

#[component]
fn App(wing: Wing) -> impl IntoView {
    let lang = prefs::language();
    platform::set_document_lang(lang.code());
    let lang = UiLang(RwSignal::new(lang));
    provide_context(lang);

    let db_state = RwSignal::new(DbState::Opening);
    provide_context(StorageState(db_state));
    let desk = Desk::new(wing.staff);
    provide_context(desk);
    open_storage(db_state, desk);
    provide_context(Packs::new(StorageState(db_state)));

    // Tracked apart from the desk's other reads, so pages are not made
    // again each time the desk is read.
    let office = Memo::new(move |_| desk.is_office());
    // The vault opened or locked: who may sign in is read again.
    // Locked after being open (idle time, or "Kunci"): whoever was signed
    // in is signed out, so the next person to type the device PIN is not
    // them. A reload starts locked and keeps the tab's sign-in.
    Effect::watch(
        crate::store::vault::is_open,
        move |open, before, _| {
            if !*open && before == Some(&true) {
                desk.sign_out();
            }
            desk.refresh()
        },
        false,
    );

    let base_path: &'static str = Box::leak(platform::base_path().into_boxed_str());
    let base = BasePath(base_path);
    provide_context(base);

    view! {
        <Router base=base_path>
            <a class="skip-link" href="#main">{lang.tr(Msg::SkipToContent)}</a>
            <nav class="tabs" aria-label=lang.tr(Msg::NavMain)>
                // No tabs while `<main>` says where to go instead.
                <Show when=move || db_state.get() != DbState::Ready || office.get() == wing.serves_office>
                <A href=base.href("") exact=true attr:data-testid="nav-home">
                    {lang.tr(Msg::NavHome)}
                </A>
                <A href=base.href("procedures") attr:data-testid="nav-procedures">
                    {lang.tr(Msg::NavProcedures)}
                </A>
                {(wing.nav)()}
                <A href=base.href("send") attr:data-testid="nav-send">
                    {lang.tr(Msg::NavSend)}
                </A>
                <A href=base.href("receive") attr:data-testid="nav-receive">
                    {lang.tr(Msg::NavReceive)}
                </A>
                <A href=base.href("settings") attr:data-testid="nav-settings">
                    {lang.tr(Msg::NavSettings)}
                </A>
                <A href=base.href("about") attr:data-testid="nav-about">
                    {lang.tr(Msg::NavAbout)}
                </A>
                </Show>
            </nav>
            <UpdateBanner />
            <StorageBanner />
            // Which side this device is, once storage is open (tests wait
            // on it), and which wing runs.
            <main id="main" tabindex="-1" data-wing=if wing.dir.is_empty() { "village" } else { "office" }
                data-desk=move || match db_state.get() {
                DbState::Ready if office.get() => "office",
                DbState::Ready => "village",
                DbState::Failed(_) => "failed",
                DbState::Waiting => "waiting",
                DbState::Opening => "opening",
            }>
                {(wing.main)(office)}
            </main>
        </Router>
    }
}
