//! A new case: the officer picks one of the regency pack's procedures; the
//! case is created (and stored) at once, so even an empty draft is in the
//! list after a reload.

use leptos::prelude::*;
use leptos::task::spawn_local;
use leptos_router::hooks::use_navigate;

use super::case::new_event;
use super::procedures::chosen;
use crate::domain::case::{Case, EventKind};
use crate::domain::lanes::{new_case_pack, opens_here};
use crate::domain::storage::StorageProblem;
use crate::i18n::{step_count, storage_problem, t, Lang, Msg};
use crate::store::{db, platform, prefs};
use crate::ui::components::RegencySelect;
use crate::ui::{use_base, use_lang, use_packs, use_storage};

/// Creates and stores a case; its id.
async fn create(
    load: std::rc::Rc<crate::store::packs::PackLoad>,
    pack: String,
    version: u32,
    procedure: String,
) -> Result<Option<String>, StorageProblem> {
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

#[component]
pub fn NewCase() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let packs = use_packs();
    let navigate = use_navigate();
    let problem = RwSignal::new(None::<StorageProblem>);
    let no_profile = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let choice = RwSignal::new(prefs::pack());
    let desk = crate::ui::use_desk();
    // A phone that trusts a district opens cases under its procedures only.
    let trusted = crate::ui::Loaded::new(move || {
        // Read before the future: what `Loaded` follows (storage opening).
        let ready = storage.is_ready();
        async move {
            if !ready {
                return None;
            }
            db::require()
                .ok()?
                .district_shown()
                .await
                .ok()
                .flatten()
                .map(|d| d.pack)
        }
    });

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let navigate = navigate.clone();
        let body = packs.with(storage.get(), l, move |load| {
            let trusted = trusted.get().flatten().filter(|_| desk.office.get().is_none());
            let picked = choice.get();
            let pack_id = new_case_pack(trusted.as_deref(), picked.as_deref()).map(str::to_string);
            let Some(pack) = chosen(&load, &pack_id) else {
                return view! { <p data-testid="packs-none">{t(l, Msg::ProceduresNone)}</p> }.into_any();
            };
            let office = desk.office.get().is_some();
            let cards = pack
                .procedures
                .iter()
                .filter(|p| opens_here(p, office))
                .map(|p| {
                    let steps = p
                        .nodes
                        .iter()
                        .filter(|n| matches!(n.kind, crate::domain::procedure::NodeKind::Step(_)))
                        .count();
                    let (pack_id, version, proc_id) = (pack.id.clone(), pack.version, p.id.clone());
                    let navigate = navigate.clone();
                    let load = load.clone();
                    let start = move |_| {
                        if busy.get_untracked() {
                            return;
                        }
                        busy.set(true);
                        let (pack_id, proc_id, navigate, load) = (pack_id.clone(), proc_id.clone(), navigate.clone(), load.clone());
                        spawn_local(async move {
                            match create(load, pack_id, version, proc_id).await {
                                // The router adds its base itself.
                                Ok(Some(id)) => navigate(&format!("/cases/{id}"), Default::default()),
                                Ok(None) => no_profile.set(true),
                                Err(e) => problem.set(Some(e)),
                            }
                            busy.set(false);
                        });
                    };
                    view! {
                        <li class="card" data-testid="new-case-procedure">
                            <h2>{p.title.get(en).to_string()}</h2>
                            <p class="muted">{step_count(l, steps)}</p>
                            {p.note.as_ref().map(|n| view! { <p class="badge" data-testid="procedure-note">{n.get(en).to_string()}</p> })}
                            <button type="button" class="btn btn-primary" data-testid=format!("start-{}", p.id)
                                prop:disabled=move || busy.get() on:click=start>
                                {t(l, Msg::CaseNewStart)}
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                {match trusted {
                    None => view! { <RegencySelect load=load.clone() current=pack.id.clone() choice=choice id="new-case-regency" /> }.into_any(),
                    Some(_) => view! { <p data-testid="new-case-district"><strong>{pack.regency.clone()}</strong> " \u{b7} " {t(l, Msg::NewCaseTrusted)}</p> }.into_any(),
                }}
                <p class="muted">{pack.office.clone()}</p>
                <ul class="procedure-list">{cards}</ul>
            }
            .into_any()
        });
        view! {
            <p><a href=base.href("") class="back-link">{t(l, Msg::CaseBackToList)}</a></p>
            <h1>{t(l, Msg::CaseNewTitle)}</h1>
            {move || no_profile.get().then(|| view! {
                <p class="notice" role="alert" data-testid="new-case-profile">
                    {t(l, Msg::CaseNewNeedProfile)} " "
                    <a href=base.href("settings")>{t(l, Msg::HomeOpenSettings)}</a>
                </p>
            })}
            {move || problem.get().map(|p| view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> })}
            {body}
        }
    }
}
