//! Starting a case: the new-case form asks (`ask`) and goes to
//! `cases/start`, whose page creates and stores the case, then opens it.
//!
//! Making a case (its first event, the fold, the list row, the search
//! words) is a page of its own so that its code comes with the case page
//! in the village's deferred file (README, "Deferred pages"): the form on
//! the first screen only lists the procedures. The case page needs that
//! file anyway, so a start waits for nothing more than before.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

use super::case::new_event;
use crate::domain::case::{Case, EventKind};
use crate::domain::lanes::opens_here;
use crate::domain::storage::StorageProblem;
use crate::i18n::{storage_problem, Lang, Msg};
use crate::store::packs::PackLoad;
use crate::store::{db, platform};
use crate::ui::{use_base, use_lang};

/// A procedure the officer chose to start, with the packs it was listed
/// from.
pub struct Start {
    pub load: Rc<PackLoad>,
    pub pack: String,
    pub version: u32,
    pub procedure: String,
}

thread_local! {
    /// The start asked for and not yet made: taken by the page at
    /// `cases/start` once its code is here. Only the form fills it, so an
    /// address typed, reloaded or shared never makes a case.
    static ASKED: RefCell<Option<Start>> = const { RefCell::new(None) };
}

/// Asks for a case of `start`'s procedure; the caller then opens
/// `cases/start`. A later ask replaces one not yet made.
pub fn ask(start: Start) {
    ASKED.with(|a| *a.borrow_mut() = Some(start));
}

fn take() -> Option<Start> {
    ASKED.with(|a| a.borrow_mut().take())
}

/// Creates and stores a case; its id, or `None` without a profile.
async fn create(start: Start) -> Result<Option<String>, StorageProblem> {
    let Start {
        load,
        pack,
        version,
        procedure,
    } = start;
    let db = db::require()?;
    let Some(profile) = db.profile().await? else {
        return Ok(None);
    };
    let device = db.device_id().await?;
    let office = db.office_mode().await?.is_some();
    let opens = load
        .library
        .procedure(&pack, version, &procedure)
        .is_some_and(|p| opens_here(p, office));
    if !opens {
        // Not offered on this device (an office procedure on a phone).
        return Err(StorageProblem::Other(format!(
            "{pack}.{procedure}: office only"
        )));
    }
    let case_id = format!("c{}", platform::random_hex(8));
    let created = new_event(
        &case_id,
        &device,
        &profile.officer_name,
        None,
        platform::now(),
        EventKind::Created {
            pack,
            version,
            procedure,
        },
    );
    let case = Case::fold(std::slice::from_ref(&created))
        .map_err(|e| StorageProblem::Other(format!("{e:?}")))?;
    db.append(&[created], &case.summary_in(&load.library), None)
        .await?;
    Ok(Some(case_id))
}

enum Outcome {
    NoProfile,
    Problem(StorageProblem),
}

/// The page at `cases/start`: makes the case asked for and opens it in
/// its place (the back button returns to the form); says why if it
/// cannot; with nothing asked, goes back to the form.
#[component]
pub fn StartCase() -> impl IntoView {
    let lang = use_lang();
    let base = use_base();
    let navigate = use_navigate();
    let outcome = RwSignal::new(None::<Outcome>);
    let asked = take();
    // The heading names what is being started (the form's, if nothing).
    let title = asked.as_ref().and_then(|a| {
        let p = a.load.library.procedure(&a.pack, a.version, &a.procedure)?;
        Some((
            p.title.get(false).to_string(),
            p.title.get(true).to_string(),
        ))
    });
    spawn_local(async move {
        let replace = NavigateOptions {
            replace: true,
            ..Default::default()
        };
        let Some(start) = asked else {
            // The router adds its base itself.
            navigate("/cases/new", replace);
            return;
        };
        match create(start).await {
            Ok(Some(id)) => navigate(&format!("/cases/{id}"), replace),
            Ok(None) => _ = outcome.try_set(Some(Outcome::NoProfile)),
            Err(p) => _ = outcome.try_set(Some(Outcome::Problem(p))),
        }
    });
    view! {
        <p><a href=base.href("cases/new") class="back-link">{lang.tr(Msg::CaseNewBack)}</a></p>
        <h1>{move || match &title {
            Some((id, en)) => if lang.get() == Lang::En { en.clone() } else { id.clone() },
            None => lang.t(Msg::CaseNewTitle).to_string(),
        }}</h1>
        {move || outcome.with(|o| match o {
            None => view! { <p class="muted" data-testid="case-starting">{lang.t(Msg::Loading)}</p> }.into_any(),
            Some(Outcome::NoProfile) => view! {
                <p class="notice" role="alert" data-testid="new-case-profile">{lang.t(Msg::CaseNewNeedProfile)}</p>
                <p><a href=base.href("settings") class="btn btn-primary" data-testid="new-case-settings">{lang.t(Msg::HomeOpenSettings)}</a></p>
            }.into_any(),
            Some(Outcome::Problem(p)) => view! {
                <p class="error" role="alert" data-testid="new-case-problem">{storage_problem(lang.get(), p)}</p>
            }.into_any(),
        })}
    }
}
