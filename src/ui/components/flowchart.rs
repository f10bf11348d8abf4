//! A procedure drawn as an SVG flowchart from its pack data: capsules,
//! rectangles and diamonds, a swimlane rail coloured by role, labelled
//! branches and the time standard beside each step. The geometry comes
//! from `domain::flowchart`; this file only draws it.

use std::collections::BTreeMap;

use leptos::prelude::*;

use crate::domain::flowchart::{layout, Chart, Shape, Words};
use crate::domain::procedure::{NodeKind, Procedure};
use crate::i18n::{outcome, t, time_standard, Lang, Msg};

/// Lane colours, distinguishable and dark enough for white text.
pub const LANE_COLOURS: [&str; 8] = [
    "#0b5d4b", "#8a4b00", "#1f4e99", "#7a1f6b", "#4d5b00", "#9c1c2b", "#00677a", "#5a4a8a",
];

pub fn lane_colour(i: usize) -> &'static str {
    LANE_COLOURS[i % LANE_COLOURS.len()]
}

fn words(p: &Procedure, lang: Lang, id: &str) -> Words {
    let en = lang == Lang::En;
    let role = |actor: &str| {
        p.role(actor)
            .map(|r| r.name.get(en).to_string())
            .unwrap_or_default()
    };
    let node = p.node(id).expect("laid-out nodes exist");
    match &node.kind {
        NodeKind::Start { .. } => Words {
            title: t(lang, Msg::ProcedureStart).into(),
            meta: None,
            answers: BTreeMap::new(),
        },
        NodeKind::End { outcome: o, label } => Words {
            title: label.as_ref().map_or_else(
                || outcome(lang, *o).to_string(),
                |l| format!("{}: {}", outcome(lang, *o), l.get(en)),
            ),
            meta: None,
            answers: BTreeMap::new(),
        },
        NodeKind::Step(s) => Words {
            title: s.title.get(en).to_string(),
            meta: Some(format!(
                "{} \u{b7} {}",
                role(&s.actor),
                time_standard(lang, &s.time)
            )),
            answers: BTreeMap::new(),
        },
        NodeKind::Decision(d) => Words {
            title: d.question.get(en).to_string(),
            meta: Some(role(&d.actor)),
            answers: d
                .answers
                .iter()
                .map(|a| (a.value.clone(), a.label.get(en).to_string()))
                .collect(),
        },
    }
}

/// The chart of `p` in `lang`.
pub fn chart_of(p: &Procedure, lang: Lang) -> Chart {
    let lanes = p
        .roles
        .iter()
        .map(|r| r.name.get(lang == Lang::En).to_string())
        .collect();
    layout(p, lanes, |id| words(p, lang, id))
}

fn points(ps: &[(f32, f32)]) -> String {
    ps.iter()
        .map(|(x, y)| format!("{x:.1},{y:.1}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A small triangle at the end of the last segment, pointing along it.
fn arrow_head(ps: &[(f32, f32)]) -> String {
    let (x1, y1) = ps[ps.len() - 1];
    let (x0, y0) = ps[ps.len() - 2];
    let (dx, dy) = (x1 - x0, y1 - y0);
    let len = (dx * dx + dy * dy).sqrt().max(0.001);
    let (ux, uy) = (dx / len, dy / len);
    let (bx, by) = (x1 - ux * 7.0, y1 - uy * 7.0);
    points(&[
        (x1, y1),
        (bx - uy * 4.0, by + ux * 4.0),
        (bx + uy * 4.0, by - ux * 4.0),
    ])
}

#[component]
pub fn Flowchart(chart: Chart, #[prop(into)] label: String) -> impl IntoView {
    let Chart {
        width,
        height,
        lanes,
        nodes,
        edges,
    } = chart;
    let rails = (0..lanes.len())
        .map(|i| {
            let x = Chart::lane_x(i);
            view! { <line x1=x y1=0 x2=x y2=height stroke=lane_colour(i) stroke-width="2" stroke-opacity="0.35" /> }
        })
        .collect_view();
    let shapes = nodes
        .into_iter()
        .map(|n| {
            let (x, y, w, h) = (n.x, n.y, n.w, n.h);
            let colour = n.lane.map_or("#1b1f1d", lane_colour);
            let outline = match n.shape {
                Shape::Capsule => view! { <rect x=x y=y width=w height=h rx=h / 2.0 class="fc-capsule" /> }.into_any(),
                Shape::Rect => view! { <rect x=x y=y width=w height=h rx="4" class="fc-step" stroke=colour /> }.into_any(),
                Shape::Diamond => {
                    let mid = y + h / 2.0;
                    let d = points(&[(x, mid), (x + 16.0, y), (x + w - 16.0, y), (x + w, mid), (x + w - 16.0, y + h), (x + 16.0, y + h)]);
                    view! { <polygon points=d class="fc-decision" stroke=colour /> }.into_any()
                }
            };
            let tie = n.lane.map(|i| {
                let lx = Chart::lane_x(i);
                let mid = y + h / 2.0;
                view! {
                    <line x1=lx y1=mid x2=x y2=mid stroke=colour stroke-width="1.5" />
                    <circle cx=lx cy=mid r="4" fill=colour />
                }
            });
            let inset = if n.shape == Shape::Diamond { 18.0 } else { 10.0 };
            let centre = n.shape == Shape::Capsule;
            let tx = if centre { x + w / 2.0 } else { x + inset };
            let anchor = if centre { "middle" } else { "start" };
            let title_lines = n.lines.len();
            let lines = n
                .lines
                .into_iter()
                .enumerate()
                .map(|(i, l)| view! { <tspan x=tx y=y + 8.0 + 12.0 + 15.0 * i as f32>{l}</tspan> })
                .collect_view();
            let meta = (!n.meta.is_empty()).then(|| {
                let spans = n
                    .meta
                    .into_iter()
                    .enumerate()
                    .map(|(i, m)| view! { <tspan x=tx y=y + 8.0 + 12.0 + 15.0 * (title_lines + i) as f32>{m}</tspan> })
                    .collect_view();
                view! { <text class="fc-meta" fill=colour>{spans}</text> }
            });
            view! {
                <g data-node=n.id.clone()>
                    {tie}
                    {outline}
                    <text text-anchor=anchor class="fc-text">{lines}</text>
                    {meta}
                </g>
            }
        })
        .collect_view();
    let arrows = edges
        .into_iter()
        .map(|e| {
            let label = e.label.map(|l| {
                let anchor = if l.anchor_end { "end" } else { "start" };
                let lines = l
                    .lines
                    .into_iter()
                    .enumerate()
                    .map(|(i, line)| view! { <tspan x=l.x y=l.y + 13.0 * i as f32>{line}</tspan> })
                    .collect_view();
                view! { <text text-anchor=anchor class="fc-label">{lines}</text> }
            });
            view! {
                <g data-edge=format!("{}>{}", e.from, e.to)>
                    <polyline points=points(&e.points) class="fc-edge" />
                    <polygon points=arrow_head(&e.points) class="fc-arrow" />
                    {label}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="flowchart" viewBox=format!("0 0 {width} {height}") width="100%" role="img" aria-label=label
            data-testid="flowchart">
            {rails}
            {arrows}
            {shapes}
        </svg>
    }
}
