//! The regency's procedures, loaded from its pack (refused packs listed
//! with every problem), and one procedure's flowchart.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::domain::procedure::{NodeKind, Pack, Provenance, Side};
use crate::i18n::{pack_problem, step_count, t, time_standard, Lang, Msg};
use crate::store::packs::PackLoad;
use crate::store::prefs;
use crate::ui::components::flowchart::{chart_of, lane_colour};
use crate::ui::components::{Flowchart, RegencySelect};
use crate::ui::{use_base, use_lang, use_packs, use_storage};

/// The newest version of the chosen (or first) regency pack.
pub(super) fn chosen<'a>(load: &'a PackLoad, choice: &Option<String>) -> Option<&'a Pack> {
    choice
        .as_deref()
        .and_then(|id| load.library.latest(id))
        .or_else(|| load.order.first().and_then(|id| load.library.latest(id)))
}

#[component]
fn Refused(load: std::rc::Rc<PackLoad>) -> impl IntoView {
    let lang = use_lang();
    (!load.refused.is_empty()).then(|| {
        let l = lang.get();
        view! {
            <section class="banner banner-error" role="alert" data-testid="packs-refused">
                <h2>{t(l, Msg::ProceduresRefused)}</h2>
                {load.refused.iter().map(|(file, problems)| view! {
                    <p><strong>{file.clone()}</strong></p>
                    <ul>{problems.iter().map(|p| view! { <li>{pack_problem(l, p)}</li> }).collect_view()}</ul>
                }).collect_view()}
                <p>{t(l, Msg::ProceduresRefusedKept)}</p>
            </section>
        }
    })
}

#[component]
pub fn Procedures() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let packs = use_packs();
    let choice = RwSignal::new(prefs::pack());

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let body = packs.with(storage.get(), l, |load| {
            let offline = load.offline.then(|| view! { <p class="notice" data-testid="packs-offline">{t(l, Msg::ProceduresOffline)}</p> });
            let refused = view! { <Refused load=load.clone() /> };
            match chosen(&load, &choice.get()) {
                    None => view! { {offline} {refused} <p data-testid="packs-none">{t(l, Msg::ProceduresNone)}</p> }.into_any(),
                    Some(pack) => {
                        let cards = pack
                            .procedures
                            .iter()
                            .map(|p| {
                                let steps = p.nodes.iter().filter(|n| matches!(n.kind, NodeKind::Step(_))).count();
                                let href = base.href(&format!("procedures/{}/{}", pack.id, p.id));
                                let reconstructed = (p.provenance == Provenance::Reconstructed)
                                    .then(|| view! { <p class="badge">{t(l, Msg::ProceduresReconstructed)}</p> });
                                view! {
                                    <li class="card" data-testid="procedure-card">
                                        <h2>{p.title.get(en).to_string()}</h2>
                                        {p.sop_number.clone().map(|n| view! { <p class="muted">{t(l, Msg::ProcedureSop)} " " {n}</p> })}
                                        {reconstructed}
                                        <p>{step_count(l, steps)}</p>
                                        <a href=href class="btn">{t(l, Msg::ProceduresOpenChart)}</a>
                                    </li>
                                }
                            })
                            .collect_view();
                        view! {
                            {offline}
                            {refused}
                            <RegencySelect load=load.clone() current=pack.id.clone() choice=choice id="regency" />
                            <p class="muted">{pack.office.clone()} " \u{b7} " {t(l, Msg::ProcedureVersion)} " " {pack.version}</p>
                            <ul class="procedure-list">{cards}</ul>
                        }
                        .into_any()
                    }
                }
        });
        view! { <h1>{t(l, Msg::ProceduresTitle)}</h1> {body} }
    }
}

#[component]
pub fn ProcedureChart() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let base = use_base();
    let params = use_params_map();
    let packs = use_packs();

    move || {
        let l = lang.get();
        let en = l == Lang::En;
        let pack_id = params.with(|p| p.get("pack").unwrap_or_default());
        let proc_id = params.with(|p| p.get("procedure").unwrap_or_default());
        let back = view! { <a href=base.href("procedures") class="back-link">{t(l, Msg::ProcedureBack)}</a> };
        let body = packs.with(storage.get(), l, |load| {
            let found = load.library.latest(&pack_id).and_then(|pack| {
                pack.procedure(&proc_id).map(|p| (pack, p))
            });
            match found {
                    None => view! { <h1>{t(l, Msg::ProceduresTitle)}</h1> <p data-testid="procedure-missing">{t(l, Msg::ProcedureNotFound)}</p> }.into_any(),
                    Some((pack, p)) => {
                        let chart = chart_of(p, l);
                        let title = p.title.get(en).to_string();
                        let lanes = p
                            .roles
                            .iter()
                            .enumerate()
                            .map(|(i, r)| {
                                let side = match r.side {
                                    Side::Village => Msg::SideVillage,
                                    Side::District => Msg::SideDistrict,
                                };
                                view! {
                                    <li><span class="lane-dot" style=format!("background:{}", lane_colour(i))></span>
                                        {r.name.get(en).to_string()} <span class="muted">" (" {t(l, side)} ")"</span></li>
                                }
                            })
                            .collect_view();
                        let steps = chart
                            .nodes
                            .iter()
                            .filter_map(|n| match &p.node(&n.id)?.kind {
                                NodeKind::Step(s) => Some(view! {
                                    <li>
                                        <strong>{s.title.get(en).to_string()}</strong>
                                        <br />{p.role(&s.actor).map(|r| r.name.get(en).to_string())} " \u{b7} " {time_standard(l, &s.time)}
                                        <br />{t(l, Msg::ProcedureOutput)} ": " {s.output.get(en).to_string()}
                                    </li>
                                }),
                                _ => None,
                            })
                            .collect_view();
                        view! {
                            <h1 data-testid="procedure-title">{title.clone()}</h1>
                            <p class="muted">{pack.regency.clone()} " \u{b7} " {t(l, Msg::ProcedureVersion)} " " {pack.version}
                                {p.sop_number.clone().map(|n| view! { " \u{b7} " {t(l, Msg::ProcedureSop)} " " {n} })}
                                {p.effective.clone().map(|d| view! { " \u{b7} " {t(l, Msg::ProcedureEffective)} " " {d} })}
                            </p>
                            {p.note.as_ref().map(|n| view! { <p class="notice" data-testid="procedure-note">{n.get(en).to_string()}</p> })}
                            {p.warning.as_ref().map(|w| view! { <p class="notice"><strong>{t(l, Msg::ProcedureWarning)} ": "</strong>{w.get(en).to_string()}</p> })}
                            <h2>{t(l, Msg::ProcedureLanes)}</h2>
                            <ul class="lanes">{lanes}</ul>
                            <h2>{t(l, Msg::ProcedureChart)}</h2>
                            <Flowchart chart=chart label=title />
                            <details class="card">
                                <summary>{t(l, Msg::ProcedureSteps)}</summary>
                                <ol>{steps}</ol>
                            </details>
                            <details class="card">
                                <summary>{t(l, Msg::ProcedureLegal)}</summary>
                                <ol>{p.legal_basis.iter().map(|b| view! { <li>{b.clone()}</li> }).collect_view()}</ol>
                            </details>
                        }
                        .into_any()
                    }
                }
        });
        view! { <p>{back}</p> {body} }
    }
}
