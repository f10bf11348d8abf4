//! The district's dashboard (`domain::dashboard`): this cycle's month
//! windows and cut-offs, charts of the cases per village, procedure and
//! status, per lane, and per step against its time standard; and the
//! NIKs two villages sent, each opening a side-by-side page
//! (`pages::duplicates`).
//!
//! Every list row is streamed through the tally a page at a time when the
//! dashboard opens; no history is read.

use std::rc::Rc;

use leptos::prelude::*;
use leptos::task::spawn_local;

use super::desk::role_name;
use crate::domain::case::CaseStatus;
use crate::domain::chart::{bars, Bar, Series};
use crate::domain::dashboard::{Phase, Tally, Window};
use crate::domain::date::local_date;
use crate::domain::duplicates::{Finder, Group};
use crate::domain::engine::Due;
use crate::domain::procedure::{NodeKind, Pack};
use crate::domain::storage::StorageProblem;
use crate::i18n::OfficeMsg;
use crate::i18n::{
    case_count, case_status, long_date, span, storage_problem, t, time_standard, Lang, Msg,
};
use crate::store::{db, platform};
use crate::ui::{use_base, use_desk, use_lang, use_packs, use_storage};

/// List rows read per page while counting.
const PAGE: u32 = 500;
/// Villages drawn one by one; the rest share one bar.
const VILLAGES: usize = 12;

struct Figures {
    tally: Tally,
    groups: Vec<Group>,
}

#[component]
pub fn Dashboard() -> impl IntoView {
    let lang = use_lang();
    let storage = use_storage();
    let desk = use_desk();
    let packs = use_packs();
    // Only the office and the packs decide what is counted: a language
    // switch re-renders the figures, never counts again.
    let body = move || {
        let l = lang.untracked();
        if !desk.is_office() {
            return view! { <p data-testid="dashboard-not-office">{lang.tr(OfficeMsg::DashboardNotOffice)}</p> }
                .into_any();
        }
        packs.with(storage.get(), l, move |load| {
            let pack = desk.pack(&load);
            match pack {
                Some(pack) => view! { <Board pack=pack /> }.into_any(),
                None => view! { <p class="error" role="alert">{lang.tr(Msg::CasePackMissing)}</p> }
                    .into_any(),
            }
        })
    };
    view! {
        <h1>{lang.tr(OfficeMsg::NavDashboard)}</h1>
        {body}
    }
}

#[component]
fn Board(pack: Pack) -> impl IntoView {
    let lang = use_lang();
    let read = RwSignal::new(0u32);
    let figures: RwSignal<Option<Result<Rc<Figures>, StorageProblem>>, LocalStorage> =
        RwSignal::new_local(None);
    let now = platform::now();
    spawn_local(async move {
        let mut tally = Tally::new(pack, now);
        let mut finder = Finder::default();
        let result = async {
            db::require()?
                .each_case(
                    PAGE,
                    |row| {
                        tally.add(row);
                        finder.add(row);
                    },
                    |n| {
                        let _ = read.try_set(n);
                    },
                )
                .await
        }
        .await;
        let groups = finder.groups();
        let _ = figures.try_set(Some(result.map(|_| Rc::new(Figures { tally, groups }))));
    });
    move || {
        let l = lang.get();
        match figures.get() {
            None => view! {
                <p class="muted" role="status" data-testid="dashboard-counting">
                    {t(l, OfficeMsg::DashboardCounting)} " " {move || case_count(lang.get(), read.get())}
                </p>
            }
            .into_any(),
            Some(Err(p)) => {
                view! { <p class="error" role="alert">{storage_problem(l, &p)}</p> }.into_any()
            }
            Some(Ok(f)) => view! {
                <p data-testid="dashboard-total" data-total=f.tally.total.to_string()>
                    {t(l, OfficeMsg::DashboardTotal)} ": " {case_count(l, f.tally.total)}
                </p>
                {duplicates(l, &f.groups)}
                {windows(l, &f.tally)}
                {charts(l, &f.tally)}
            }
            .into_any(),
        }
    }
}

fn step_title(pack: &Pack, procedure: &str, node: &str, en: bool) -> String {
    pack.procedure(procedure)
        .and_then(|p| p.node(node))
        .and_then(|n| match &n.kind {
            NodeKind::Step(s) => Some(s.title.get(en).to_string()),
            _ => None,
        })
        .unwrap_or_else(|| node.to_string())
}

fn procedure_title(pack: &Pack, procedure: &str, en: bool) -> String {
    pack.procedure(procedure)
        .map_or_else(|| procedure.to_string(), |p| p.title.get(en).to_string())
}

/// This cycle's windows and cut-offs, the next to close first.
fn windows(l: Lang, tally: &Tally) -> impl IntoView {
    let en = l == Lang::En;
    let pack = tally.pack();
    let offset = pack.utc_offset_minutes;
    let now = tally.now();
    let day = |at: i64| long_date(l, local_date(at, offset));
    let cards = tally
        .windows
        .iter()
        .map(|w: &Window| {
            let time = pack
                .procedure(&w.procedure)
                .and_then(|p| p.node(&w.node))
                .and_then(|n| match &n.kind {
                    NodeKind::Step(s) => Some((s.time, s.actor.clone())),
                    _ => None,
                });
            let (standard, actor) = time
                .map(|(tm, a)| (time_standard(l, &tm), role_name(Some(pack), &a, en)))
                .unwrap_or_default();
            let dates = match w.due {
                Due::Window { opens, closes } => format!("{} \u{2013} {}", day(opens), day(closes - 1)),
                Due::Cutoff { closes, effective } => format!(
                    "{} {} \u{b7} {} {}",
                    t(l, OfficeMsg::WindowCutoff),
                    day(closes - 1),
                    t(l, OfficeMsg::WindowEffective),
                    day(effective)
                ),
                Due::By(at) => day(at),
            };
            let phase = match w.phase(now) {
                Phase::NotOpen { opens } => format!("{} {}", t(l, OfficeMsg::WindowOpensIn), span(l, opens - now)),
                Phase::Open { closes } => format!("{} {}", t(l, OfficeMsg::WindowClosesIn), span(l, closes - now)),
            };
            let count = |testid: &'static str, msg: OfficeMsg, n: u32, warn: bool| {
                view! {
                    <li data-testid=testid data-count=n.to_string() class={if warn && n > 0 { "warn" } else { "" }}>
                        <strong>{n}</strong> " " {t(l, msg)}
                    </li>
                }
            };
            view! {
                <li class="card window" data-testid="window" data-node=w.node.clone()>
                    <h3>{step_title(pack, &w.procedure, &w.node, en)}</h3>
                    <p class="muted">{procedure_title(pack, &w.procedure, en)} " \u{b7} " {actor} " \u{b7} " {standard}</p>
                    <p>{dates} " \u{b7} " <span data-testid="window-phase">{phase}</span></p>
                    <ul class="window-counts">
                        {count("window-waiting", OfficeMsg::WindowWaiting, w.waiting, false)}
                        {count("window-missed", OfficeMsg::WindowMissed, w.missed, true)}
                        {count("window-coming", OfficeMsg::WindowComing, w.coming, false)}
                        {count("window-at-risk", OfficeMsg::WindowAtRisk, w.at_risk, true)}
                    </ul>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="windows-title">
            <h2 id="windows-title">{t(l, OfficeMsg::WindowsTitle)}</h2>
            {if tally.windows.is_empty() {
                view! { <p class="muted">{t(l, OfficeMsg::WindowsNone)}</p> }.into_any()
            } else {
                view! { <p class="hint">{t(l, OfficeMsg::WindowsHint)}</p> <ul class="inbox">{cards}</ul> }.into_any()
            }}
        </section>
    }
}

/// A chart with its title and unit in words above it (the SVG's own title
/// is only its accessible name).
fn chart_box(
    l: Lang,
    testid: &'static str,
    title: OfficeMsg,
    unit: OfficeMsg,
    svg: String,
) -> impl IntoView {
    view! {
        <figure class="chart-box" data-testid=testid>
            <figcaption class="chart-title" data-testid="chart-title">
                <strong>{t(l, title)}</strong> <span class="muted">" (" {t(l, unit)} ")"</span>
            </figcaption>
            <div inner_html=svg></div>
        </figure>
    }
}

/// The four charts.
fn charts(l: Lang, tally: &Tally) -> impl IntoView {
    let en = l == Lang::En;
    let pack = tally.pack();
    let classes = ["chart-0", "chart-1", "chart-2", "chart-3", "chart-4"];
    let statuses: Vec<Series> = CaseStatus::ALL
        .iter()
        .zip(classes)
        .map(|(s, class)| Series {
            name: case_status(l, *s).to_string(),
            class,
        })
        .collect();
    let no_data = t(l, OfficeMsg::ChartNoData);

    // Villages, the largest first; the rest in one bar.
    let mut villages: Vec<(&String, &[u32; 5])> = tally.villages.iter().collect();
    crate::domain::order::sort_by(&mut villages, |a, b| {
        b.1.iter()
            .sum::<u32>()
            .cmp(&a.1.iter().sum::<u32>())
            .then(a.0.cmp(b.0))
    });
    let mut village_bars: Vec<Bar> = villages
        .iter()
        .take(VILLAGES)
        .map(|(v, counts)| Bar {
            label: if v.is_empty() {
                t(l, OfficeMsg::ChartNoVillage).to_string()
            } else {
                (*v).clone()
            },
            parts: counts.to_vec(),
        })
        .collect();
    if villages.len() > VILLAGES {
        let mut rest = [0u32; 5];
        for (_, c) in &villages[VILLAGES..] {
            for (r, n) in rest.iter_mut().zip(c.iter()) {
                *r += n;
            }
        }
        village_bars.push(Bar {
            label: format!(
                "{} ({})",
                t(l, OfficeMsg::ChartOtherVillages),
                villages.len() - VILLAGES
            ),
            parts: rest.to_vec(),
        });
    }
    let by_village = bars(
        t(l, OfficeMsg::ChartByVillage),
        &statuses,
        &village_bars,
        no_data,
    );

    let procedure_bars: Vec<Bar> = tally
        .procedures
        .iter()
        .map(|(p, counts)| Bar {
            label: procedure_title(pack, p, en),
            parts: counts.to_vec(),
        })
        .collect();
    let by_procedure = bars(
        t(l, OfficeMsg::ChartByProcedure),
        &statuses,
        &procedure_bars,
        no_data,
    );

    // Lanes in the pack's order of roles.
    let mut roles: Vec<&str> = Vec::new();
    for r in pack.procedures.iter().flat_map(|p| &p.roles) {
        if !roles.contains(&r.id.as_str()) {
            roles.push(&r.id);
        }
    }
    let lane_bars: Vec<Bar> = roles
        .iter()
        .filter_map(|r| tally.lanes.get(*r).map(|load| (r, load)))
        .map(|(r, load)| Bar {
            label: role_name(Some(pack), r, en),
            parts: vec![load.waiting - load.late, load.late],
        })
        .collect();
    let on_time_late = [
        Series {
            name: t(l, OfficeMsg::ChartOnTime).to_string(),
            class: "chart-0",
        },
        Series {
            name: t(l, OfficeMsg::ChartLate).to_string(),
            class: "chart-late",
        },
    ];
    let by_lane = bars(
        t(l, OfficeMsg::ChartByLane),
        &on_time_late,
        &lane_bars,
        no_data,
    );

    // Steps in the pack's order.
    let mut step_bars = Vec::new();
    for p in &pack.procedures {
        for n in &p.nodes {
            if let (NodeKind::Step(s), Some(c)) =
                (&n.kind, tally.steps.get(&(p.id.clone(), n.id.clone())))
            {
                step_bars.push(Bar {
                    label: s.title.get(en).to_string(),
                    parts: vec![c.on_time, c.over, c.open, c.open_late],
                });
            }
        }
    }
    let step_series = [
        Series {
            name: t(l, OfficeMsg::ChartDoneOnTime).to_string(),
            class: "chart-0",
        },
        Series {
            name: t(l, OfficeMsg::ChartDoneOver).to_string(),
            class: "chart-late",
        },
        Series {
            name: t(l, OfficeMsg::ChartOpen).to_string(),
            class: "chart-2",
        },
        Series {
            name: t(l, OfficeMsg::ChartOpenLate).to_string(),
            class: "chart-late-open",
        },
    ];
    let by_step = bars(
        t(l, OfficeMsg::ChartBySteps),
        &step_series,
        &step_bars,
        no_data,
    );

    view! {
        <section aria-labelledby="charts-title">
            <h2 id="charts-title">{t(l, OfficeMsg::ChartsTitle)}</h2>
            <div class="charts">
                {chart_box(l, "chart-villages", OfficeMsg::ChartByVillage, OfficeMsg::ChartUnitCases, by_village)}
                {chart_box(l, "chart-procedures", OfficeMsg::ChartByProcedure, OfficeMsg::ChartUnitCases, by_procedure)}
                {chart_box(l, "chart-lanes", OfficeMsg::ChartByLane, OfficeMsg::ChartUnitCases, by_lane)}
                {chart_box(l, "chart-steps", OfficeMsg::ChartBySteps, OfficeMsg::ChartUnitSteps, by_step)}
            </div>
        </section>
    }
}

/// The NIKs two villages sent, each opening the side-by-side page.
fn duplicates(l: Lang, groups: &[Group]) -> impl IntoView {
    let base = use_base();
    let items = groups
        .iter()
        .map(|g| {
            let who = g
                .cases
                .iter()
                .map(|m| {
                    let village = if m.village.is_empty() { t(l, OfficeMsg::ChartNoVillage).to_string() } else { m.village.clone() };
                    format!("{} ({village})", m.name)
                })
                .collect::<Vec<_>>()
                .join(", ");
            view! {
                <li class="card" data-testid="dup-group" data-nik=g.nik.clone()>
                    <a href=base.href(&format!("duplicates/{}", g.nik))>{format!("NIK {}", g.nik)}</a>
                    <p class="muted">{case_count(l, g.cases.len() as u32)} ": " {who}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="dups-title">
            <h2 id="dups-title">{t(l, OfficeMsg::DupsTitle)}</h2>
            {if groups.is_empty() {
                view! { <p class="muted" data-testid="dups-none">{t(l, OfficeMsg::DupsNone)}</p> }.into_any()
            } else {
                view! { <p class="hint">{t(l, OfficeMsg::DupsHint)}</p> <ul class="inbox">{items}</ul> }.into_any()
            }}
        </section>
    }
}
