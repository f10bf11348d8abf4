//! A new case: the officer picks one of the regency pack's procedures; the
//! case is created (and stored) at once by `cases/start` (`start_case`),
//! so even an empty draft is in the list after a reload.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use super::procedures::chosen;
use super::start_case::{ask, Start};
use crate::domain::lanes::{new_case_pack, opens_here};
use crate::i18n::{step_count, t, Lang, Msg};
use crate::store::{db, prefs};
use crate::ui::components::RegencySelect;
use crate::ui::{use_base, use_lang, use_packs, use_storage};

#[component]
pub fn NewCase() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let packs = use_packs();
    let navigate = use_navigate();
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
            db::require().ok()?.district_pack().await.ok().flatten()
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
                        ask(Start { load: load.clone(), pack: pack_id.clone(), version, procedure: proc_id.clone() });
                        // The router adds its base itself.
                        navigate("/cases/start", Default::default());
                    };
                    view! {
                        <li class="card" data-testid="new-case-procedure">
                            <h2>{p.title.get(en).to_string()}</h2>
                            <p class="muted">{step_count(l, steps)}</p>
                            {p.note.as_ref().map(|n| view! { <p class="badge" data-testid="procedure-note">{n.get(en).to_string()}</p> })}
                            <button type="button" class="btn btn-primary" data-testid=format!("start-{}", p.id)
                                on:click=start>
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
            {body}
        }
    }
}
