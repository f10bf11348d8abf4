//! A procedure drawn as an SVG flowchart from its pack data: capsules,
//! rectangles and diamonds, a swimlane rail coloured by role, labelled
//! branches and the time standard beside each step. The geometry and the
//! SVG text come from `domain::flowchart`; this file supplies the words in
//! the officer's language.

use std::collections::BTreeMap;

use leptos::prelude::*;

pub use crate::domain::flowchart::lane_colour;
use crate::domain::flowchart::{layout, Chart, Words};
use crate::domain::procedure::{NodeKind, Procedure};
use crate::i18n::{outcome, t, time_standard, Lang, Msg};

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
            answers: crate::domain::order::map_of(
                d.answers
                    .iter()
                    .map(|a| (a.value.clone(), a.label.get(en).to_string())),
            ),
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

/// The chart drawn as SVG text into a wrapper element.
#[component]
pub fn Flowchart(chart: Chart, #[prop(into)] label: String) -> impl IntoView {
    view! { <div class="flowchart-wrap" inner_html=chart.to_svg(&label)></div> }
}
