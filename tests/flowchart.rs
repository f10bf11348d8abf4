//! The flowchart geometry of every shipped procedure fits a 360 px phone,
//! shows every node once, and draws every edge between laid-out shapes.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

use pandu::domain::flowchart::{layout, Shape, Words, WIDTH};
use pandu::domain::pack_check::{load_catalogue, load_pack};
use pandu::domain::procedure::NodeKind;

#[test]
fn every_shipped_procedure_lays_out_within_the_phone_width() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("public/packs");
    let catalogue =
        load_catalogue(&fs::read_to_string(dir.join("documents.json")).unwrap()).unwrap();
    for file in [
        "purwakarta",
        "karanganyar",
        "palembang",
        "banjarbaru",
        "pesisir-selatan",
    ] {
        let pack = load_pack(
            &fs::read_to_string(dir.join(format!("{file}.json"))).unwrap(),
            &catalogue,
        )
        .unwrap();
        for p in &pack.procedures {
            let lanes = p.roles.iter().map(|r| r.name.id.clone()).collect();
            let chart = layout(p, lanes, |id| {
                let node = p.node(id).unwrap();
                Words {
                    title: match &node.kind {
                        NodeKind::Step(s) => s.title.id.clone(),
                        NodeKind::Decision(d) => d.question.id.clone(),
                        _ => id.to_string(),
                    },
                    meta: node.kind.actor().map(|a| format!("{a} · 10 menit")),
                    answers: match &node.kind {
                        NodeKind::Decision(d) => d
                            .answers
                            .iter()
                            .map(|a| (a.value.clone(), a.label.id.clone()))
                            .collect(),
                        _ => BTreeMap::new(),
                    },
                }
            });
            let what = format!("{}/{}", pack.id, p.id);
            assert_eq!(chart.nodes.len(), p.nodes.len(), "{what}: every node once");
            assert_eq!(
                chart.nodes[0].shape,
                Shape::Capsule,
                "{what}: starts with the start capsule"
            );
            let mut bottom = 0.0;
            for n in &chart.nodes {
                assert!(
                    n.x >= 0.0 && n.x + n.w <= WIDTH,
                    "{what}: {} is outside the width",
                    n.id
                );
                assert!(n.y >= bottom, "{what}: {} overlaps the shape above", n.id);
                assert!(
                    n.lines
                        .iter()
                        .all(|l| l.chars().count() <= 34 || !l.contains(' ')),
                    "{what}: {} not wrapped",
                    n.id
                );
                assert!(
                    n.meta
                        .iter()
                        .all(|l| l.chars().count() <= 36 || !l.contains(' ')),
                    "{what}: {} meta not wrapped",
                    n.id
                );
                bottom = n.y + n.h;
                let is_action = matches!(
                    p.node(&n.id).unwrap().kind,
                    NodeKind::Step(_) | NodeKind::Decision(_)
                );
                assert_eq!(n.lane.is_some(), is_action, "{what}: {} lane", n.id);
            }
            assert!(chart.height >= bottom);
            let mut spots: Vec<_> = chart
                .edges
                .iter()
                .filter_map(|e| e.label.as_ref().map(|l| (l.x as i32, l.y as i32)))
                .collect();
            let labelled = spots.len();
            spots.sort();
            spots.dedup();
            assert_eq!(
                spots.len(),
                labelled,
                "{what}: two answer labels on one spot"
            );
            let edge_count: usize = p.nodes.iter().map(|n| n.kind.edges().len()).sum();
            assert_eq!(chart.edges.len(), edge_count, "{what}: every edge drawn");
            for e in &chart.edges {
                assert!(e.points.len() >= 2);
                assert!(
                    e.points
                        .iter()
                        .all(|(x, y)| *x >= 0.0 && *x <= WIDTH && *y >= 0.0 && *y <= chart.height),
                    "{what}: edge {}->{}",
                    e.from,
                    e.to
                );
                let from_decision = matches!(p.node(&e.from).unwrap().kind, NodeKind::Decision(_));
                assert_eq!(
                    e.label.is_some(),
                    from_decision,
                    "{what}: only answers are labelled ({}->{})",
                    e.from,
                    e.to
                );
                if let Some(l) = &e.label {
                    let from = chart.nodes.iter().find(|n| n.id == e.from).unwrap();
                    let next = chart
                        .nodes
                        .iter()
                        .find(|n| n.y > from.y)
                        .map_or(chart.height, |n| n.y);
                    assert!(
                        l.y > from.y + from.h && l.y + 13.0 * (l.lines.len() - 1) as f32 <= next,
                        "{what}: label of {}->{} between the shapes",
                        e.from,
                        e.to
                    );
                    assert!(
                        l.lines
                            .iter()
                            .all(|line| line.chars().count() <= 17 || !line.contains(' ')),
                        "{what}: label wrapped"
                    );
                    assert!(
                        l.x <= WIDTH && l.x - 17.0 * 7.0 >= 0.0,
                        "{what}: label inside the width"
                    );
                }
            }
        }
    }
}
