//! What both wings share: the shell around the pages, the components and
//! the small contexts the pages use. Components ask `i18n` for every word,
//! `store` for data and `domain` for rules; they hold no rules of their
//! own. Nothing here names a wing (`tests/tidy.rs`).

pub mod components;
mod loaded;
pub mod shell;

pub use loaded::Loaded;

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::time::Duration;

use crate::domain::lanes::{check_office_task, ActError, Member};
use crate::domain::procedure::Pack;
use crate::domain::site;
use crate::domain::staff::StaffMember;
use crate::domain::storage::StorageProblem;
use crate::i18n::{t, Lang, Msg, Words};
use crate::store::packs::PackLoad;
use crate::store::staff::StaffList;
use crate::store::{self, db, platform, prefs};

/// How long opening storage may take before the officer is told that
/// another tab may be blocking it.
const OPEN_PATIENCE: Duration = Duration::from_secs(3);

/// The interface language, shared by every component.
#[derive(Clone, Copy)]
pub struct UiLang(pub(crate) RwSignal<Lang>);

impl UiLang {
    pub fn get(self) -> Lang {
        self.0.get()
    }

    /// The language now, without tracking it (for event handlers).
    pub fn untracked(self) -> Lang {
        self.0.get_untracked()
    }

    /// Switches the language, remembers it on this device and tells the
    /// document, so screen readers follow.
    pub fn set(self, lang: Lang) {
        prefs::set_language(lang);
        platform::set_document_lang(lang.code());
        self.0.set(lang);
    }

    /// The text of `msg` in the current language (tracks the language).
    pub fn t(self, msg: impl Words) -> &'static str {
        t(self.0.get(), msg)
    }

    /// `msg` as text that follows the language. Every label shares this
    /// one closure type, so the view code for it is made once rather
    /// than once per label (a smaller wasm).
    pub fn tr<W: Words + Send + Sync + 'static>(
        self,
        msg: W,
    ) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        move || self.t(msg)
    }
}

pub fn use_lang() -> UiLang {
    expect_context()
}

/// Where opening the database stands.
#[derive(Debug, Clone, PartialEq)]
pub enum DbState {
    Opening,
    /// Still opening after `OPEN_PATIENCE`: probably blocked by another tab.
    Waiting,
    Ready,
    Failed(StorageProblem),
}

/// The database state, shared by every component.
#[derive(Clone, Copy)]
pub struct StorageState(pub(crate) RwSignal<DbState>);

impl StorageState {
    pub fn get(self) -> DbState {
        self.0.get()
    }

    pub fn is_ready(self) -> bool {
        self.0.with(|s| *s == DbState::Ready)
    }

    /// Records a problem met later (e.g. the handle closed by a newer tab)
    /// so the banner explains it; a quota error on one save is shown by the
    /// form that saved instead.
    pub fn report(self, problem: &StorageProblem) {
        if matches!(problem, StorageProblem::Closed) {
            self.0.set(DbState::Failed(problem.clone()));
        }
    }
}

pub fn use_storage() -> StorageState {
    expect_context()
}

/// District mode and who works the office laptop in this tab
/// (`domain::staff`): read once storage opens, changed by Settings and
/// the inbox's sign-in.
#[derive(Clone, Copy)]
pub struct Desk {
    /// The office's pack id when this device holds the district
    /// office's keys (district mode); `None` on a village device.
    pub office: RwSignal<Option<String>>,
    /// The office's staff this device vouches for; none (and trusted)
    /// means no lane is enforced.
    pub staff: RwSignal<Vec<StaffMember>>,
    /// Whether the vault vouches for the stored staff list
    /// (`store::staff`): locked or not vouched for, nobody signs in.
    pub trust: RwSignal<StaffList>,
    /// The staff member signed in in this tab.
    pub member: RwSignal<Option<StaffMember>>,
    /// Whether the vault was open (`store::vault::is_open`) when the
    /// staff were last read; `None` before the first read. Who may act
    /// is known only once this matches the vault (`knows_vault`).
    read_with_vault: RwSignal<Option<bool>>,
    /// The number of the latest read started: a read overtaken by a
    /// newer one (the vault opened meanwhile) changes nothing.
    reads: StoredValue<u32>,
    /// The wing's reader of the staff (`Wing::staff`).
    staff_reader: Option<StaffReader>,
}

/// Reads the office's staff as this device vouches for it, and the member
/// this tab remembers as signed in (`store::staff`); only the office
/// workspace links it in.
pub type StaffReader = fn(
    std::rc::Rc<db::Db>,
) -> std::pin::Pin<
    Box<dyn std::future::Future<Output = (StaffList, Option<StaffMember>)>>,
>;

impl Desk {
    pub(crate) fn new(staff_reader: Option<StaffReader>) -> Desk {
        Desk {
            office: RwSignal::new(None),
            staff: RwSignal::new(Vec::new()),
            trust: RwSignal::new(StaffList::Locked),
            member: RwSignal::new(None),
            read_with_vault: RwSignal::new(None),
            reads: StoredValue::new(0),
            staff_reader,
        }
    }

    /// Reads district mode and the staff again (after Settings changed
    /// them, or the vault opened or locked); a signed-in member who was
    /// removed is signed out.
    pub fn refresh(self) {
        spawn_local(self.read());
    }

    /// Reads district mode, the staff and the signed-in member.
    pub(crate) async fn read(self) {
        let vault = crate::store::vault::is_open_untracked();
        self.reads.update_value(|n| *n += 1);
        let ticket = self.reads.get_value();
        let Ok(db) = db::require() else {
            self.read_with_vault.set(Some(vault));
            return;
        };
        let office = db.office_mode().await.ok().flatten();
        let (list, member) = match (&office, self.staff_reader) {
            (Some(_), Some(read)) => read(db).await,
            // The village app never signs staff in: nobody may.
            (Some(_), None) => (StaffList::Locked, None),
            (None, _) => {
                // Not the office (any more): nobody is signed in here.
                prefs::set_active_staff(None);
                (StaffList::Trusted(Vec::new()), None)
            }
        };
        if ticket != self.reads.get_value() {
            return;
        }
        let staff = match &list {
            StaffList::Trusted(members) => members.clone(),
            _ => Vec::new(),
        };
        self.office.set(office);
        self.staff.set(staff);
        self.trust.set(list);
        self.member.set(member);
        self.read_with_vault.set(Some(vault));
    }

    /// Whether the staff and the signed-in member were read with the
    /// vault as it is now (tracks both). Just after the PIN opens the
    /// vault they are read again; until then the desk still holds what
    /// a locked vault allows (nobody may act), so what needs the keys
    /// waits for this (`VaultGate`) rather than refusing a quick click.
    pub fn knows_vault(self) -> bool {
        self.read_with_vault.get() == Some(crate::store::vault::is_open())
    }

    /// Whether this device is the district office (tracks it).
    pub fn is_office(self) -> bool {
        self.office.with(Option::is_some)
    }

    /// The office's pack, newest version in `load` (tracks district
    /// mode); `None` on a village device or without the pack.
    pub fn pack(self, load: &PackLoad) -> Option<Pack> {
        self.office
            .with(|id| id.as_ref().and_then(|id| load.library.latest(id).cloned()))
    }

    pub fn sign_in(self, member: StaffMember) {
        if let Ok(db) = db::require() {
            store::staff::remember_member(&db, Some(&member.id));
        }
        self.member.set(Some(member));
    }

    pub fn sign_out(self) {
        prefs::set_active_staff(None);
        self.member.set(None);
    }

    /// `lanes::check_office_task` for whoever works at the laptop now.
    pub fn office_task(self) -> Result<(), ActError> {
        let member = self.member.get_untracked();
        let rule = match (&member, self.enforced()) {
            (_, false) => Member::NoStaff,
            (None, true) => Member::SignedOut,
            (Some(m), true) => Member::Role(&m.role),
        };
        check_office_task(rule)
    }

    /// Whether acting on a step needs a signed-in member of its lane:
    /// on an office, unless the vault vouches for an empty staff list.
    pub fn enforced(self) -> bool {
        self.office.with_untracked(Option::is_some) && !self.open_to_all_untracked()
    }

    /// Whether the office has no staff yet, by a list the vault vouches
    /// for (tracks it): anyone at the laptop may act.
    pub fn open_to_all(self) -> bool {
        self.trust
            .with(|t| matches!(t, StaffList::Trusted(m) if m.is_empty()))
    }

    /// Whether a page that names every applicant (the lists, the
    /// register, a cycle's letters) is shown: no staff yet, or a member
    /// signed in (tracks both).
    pub fn names_shown(self) -> bool {
        self.open_to_all() || self.member.with(Option::is_some)
    }

    fn open_to_all_untracked(self) -> bool {
        self.trust
            .with_untracked(|t| matches!(t, StaffList::Trusted(m) if m.is_empty()))
    }
}

pub fn use_desk() -> Desk {
    expect_context()
}

/// Asks a `when_stored` resource to read the store again.
#[derive(Clone, Copy)]
pub struct Reload(RwSignal<u32>);

impl Reload {
    pub fn again(&self) {
        self.0.update(|n| *n += 1);
    }
}

/// A value read from the store: `None` until storage is ready, then what
/// `load` gives, read again whenever the `Reload` is asked to.
pub fn when_stored<T, Fut>(load: impl Fn() -> Fut + 'static) -> (Loaded<Option<T>>, Reload)
where
    T: 'static,
    Fut: std::future::Future<Output = T> + 'static,
{
    let storage = use_storage();
    let reload = RwSignal::new(0u32);
    let value = Loaded::new(move || {
        reload.track();
        let pending = storage.is_ready().then(&load);
        async move {
            match pending {
                Some(f) => Some(f.await),
                None => None,
            }
        }
    });
    (value, Reload(reload))
}

/// "Loading…" while storage opens or data is read; nothing once storage
/// failed, since the storage banner already says why.
pub fn loading_note(storage: DbState, lang: Lang) -> Option<AnyView> {
    (!matches!(storage, DbState::Failed(_)))
        .then(|| view! { <p class="muted">{t(lang, Msg::Loading)}</p> }.into_any())
}

/// The sub-path the app is served under, for building in-app links.
#[derive(Clone, Copy)]
pub struct BasePath(pub(crate) &'static str);

impl BasePath {
    /// A link inside the running wing.
    pub fn href(self, route: &str) -> String {
        site::join(self.0, route)
    }

    /// A link to the village app from either wing (a full page load: give
    /// the `<a>` `rel="external"`, or the router would take it).
    pub fn app_href(self, route: &str) -> String {
        site::join(&platform::app_root(), route)
    }

    /// A link into the office workspace from either wing (a full page
    /// load, `rel="external"`: the village app does not carry its code).
    pub fn office_href(self, route: &str) -> String {
        self.app_href(&format!(
            "{}/{}",
            site::OFFICE_DIR,
            route.trim_start_matches('/')
        ))
    }
}

pub fn use_base() -> BasePath {
    expect_context()
}

/// The SOP packs, loaded once per visit after storage opened, and only
/// once a page needs them (a first visit's empty Home does not): fetched
/// (from the network or the service worker's cache), validated, stored.
#[derive(Clone, Copy)]
pub struct Packs {
    load: Loaded<Option<Result<std::rc::Rc<PackLoad>, StorageProblem>>>,
    wanted: RwSignal<bool>,
}

/// The packs, asking for them to be loaded if they are not yet.
pub fn use_packs() -> Packs {
    let packs: Packs = expect_context();
    if !packs.wanted.get_untracked() {
        packs.wanted.set(true);
    }
    packs
}

impl Packs {
    pub(crate) fn new(storage: StorageState) -> Packs {
        let wanted = RwSignal::new(false);
        let load = Loaded::new(move || {
            let go = storage.is_ready() && wanted.get();
            async move {
                if !go {
                    return None;
                }
                let result = async { db::require()?.load_packs().await }.await;
                Some(result.map(std::rc::Rc::new))
            }
        });
        Packs { load, wanted }
    }

    /// The loaded packs through `ok`; meanwhile "loading" (nothing when
    /// storage failed: the banner says why), or the storage problem in words.
    pub fn with(
        self,
        storage: DbState,
        lang: Lang,
        ok: impl FnOnce(std::rc::Rc<PackLoad>) -> AnyView,
    ) -> AnyView {
        match self.load.get().flatten() {
            None => loading_note(storage, lang).into_any(),
            Some(Err(p)) => {
                view! { <p class="error" role="alert">{crate::i18n::storage_problem(lang, &p)}</p> }
                    .into_any()
            }
            Some(Ok(load)) => ok(load),
        }
    }

    /// The packs once loaded.
    pub fn loaded(self) -> Option<std::rc::Rc<PackLoad>> {
        self.load.get().flatten().and_then(Result::ok)
    }
}

pub(crate) fn open_storage(state: RwSignal<DbState>, desk: Desk) {
    set_timeout(
        move || {
            if state.get_untracked() == DbState::Opening {
                state.set(DbState::Waiting);
            }
        },
        OPEN_PATIENCE,
    );
    spawn_local(async move {
        match db::open_app_db().await {
            Ok(db) => {
                // Before anything could make a new key: did the browser
                // delete what was stored? (`StorageBanner` says so.)
                let _ = db.check_wiped().await;
                // Pages read district mode untracked: known before Ready.
                desk.read().await;
                state.set(DbState::Ready);
                // Ask once storage works, and again once Pandu is
                // installed (Chrome grants it to installed apps); the
                // answer shows on Settings.
                platform::request_persistence().await;
                platform::on_installed(|| {
                    spawn_local(async {
                        platform::request_persistence().await;
                    })
                });
            }
            Err(problem) => state.set(DbState::Failed(problem)),
        }
    });
}
