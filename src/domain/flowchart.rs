//! The geometry of a procedure's flowchart, computed without a browser:
//! capsules, rectangles and diamonds in one column (so it reads on a
//! 360 px phone), a rail of swimlanes on the left marking each node's role,
//! and edges: straight down to the next shape, or routed on the right for
//! jumps and branches, with the answer written beside.
//!
//! Invariant: every edge starts and ends on a laid-out node, and nothing
//! is drawn outside `WIDTH`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::procedure::{NodeKind, Procedure};

pub const WIDTH: f32 = 360.0;
const RAIL_X: f32 = 10.0;
const LANE_GAP: f32 = 9.0;
const LINE: f32 = 15.0;
const PAD: f32 = 8.0;
const GAP: f32 = 22.0;
const ROUTE_GAP: f32 = 7.0;
const LABEL_LINE: f32 = 13.0;
/// Characters of 11 px bold text per label line: half a shape's width.
const LABEL_CHARS: usize = 17;
/// Roughly the characters of 12 px text that fit in a shape.
const CHARS_PER_LINE: usize = 34;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Capsule,
    Rect,
    Diamond,
}

/// A node ready to draw: its words already in the officer's language.
#[derive(Debug, Clone, PartialEq)]
pub struct Placed {
    pub id: String,
    pub shape: Shape,
    /// Index into `Chart::lanes`, for steps and decisions.
    pub lane: Option<usize>,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    /// The title, wrapped.
    pub lines: Vec<String>,
    /// Actor and time standard, under the title, wrapped.
    pub meta: Vec<String>,
}

/// An answer's words beside its edge, wrapped, anchored at its right end
/// (`end`) or its left end.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    pub lines: Vec<String>,
    pub x: f32,
    pub y: f32,
    pub anchor_end: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    pub from: String,
    pub to: String,
    pub label: Option<Label>,
    /// Polyline, the last point on the target (where the arrow head goes).
    pub points: Vec<(f32, f32)>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Chart {
    pub width: f32,
    pub height: f32,
    /// Lane names, in the procedure's order; lane `i` is the vertical rail
    /// line at `lane_x(i)`.
    pub lanes: Vec<String>,
    pub nodes: Vec<Placed>,
    pub edges: Vec<Edge>,
}

impl Chart {
    pub fn lane_x(i: usize) -> f32 {
        RAIL_X + i as f32 * LANE_GAP
    }
}

/// The words a chart needs for one node, supplied by the UI in its language.
pub struct Words {
    pub title: String,
    pub meta: Option<String>,
    /// Labels of a decision's answers, by answer value.
    pub answers: BTreeMap<String, String>,
}

/// Greedy word wrap at `width` characters; a longer word gets its own line.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > width {
            lines.push(std::mem::take(&mut line));
        }
        if !line.is_empty() {
            line.push(' ');
        }
        line.push_str(word);
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

/// Nodes in reading order: breadth first from the start, then by the SOP
/// table's row numbers where every step and decision has one, ends last.
fn order(p: &Procedure) -> Vec<&str> {
    let mut seen = BTreeSet::new();
    let mut out = Vec::new();
    let mut queue: VecDeque<&str> = p.start().map(|s| s.id.as_str()).into_iter().collect();
    while let Some(id) = queue.pop_front() {
        if !seen.insert(id) {
            continue;
        }
        out.push(id);
        if let Some(n) = p.node(id) {
            queue.extend(n.kind.edges().into_iter().map(|(_, t)| t));
        }
    }
    // Anything unreachable (only in packs being edited) still shows.
    out.extend(
        p.nodes
            .iter()
            .map(|n| n.id.as_str())
            .filter(|id| !seen.contains(id)),
    );
    let is_end = |id: &&str| matches!(p.node(id).map(|n| &n.kind), Some(NodeKind::End { .. }));
    let (ends, mut rest): (Vec<&str>, Vec<&str>) = out.into_iter().partition(is_end);
    let row = |id: &str| match p.node(id).map(|n| &n.kind) {
        Some(NodeKind::Step(s)) => s.row,
        Some(NodeKind::Decision(d)) => d.row,
        _ => Some(0),
    };
    if rest.iter().all(|id| row(id).is_some()) {
        // Stable: nodes of one row keep their breadth-first order.
        rest.sort_by_key(|id| row(id));
    }
    rest.extend(ends);
    rest
}

/// Lays out `p`; `words(node_id)` gives each node's text.
pub fn layout(p: &Procedure, lane_names: Vec<String>, words: impl Fn(&str) -> Words) -> Chart {
    let lanes = p.roles.len();
    let left = Chart::lane_x(lanes.saturating_sub(1)) + 14.0;
    let ids = order(p);
    // Edges that skip rows are routed on the right: reserve a gutter.
    let mut long_edges = 0;
    for (i, id) in ids.iter().enumerate() {
        if let Some(n) = p.node(id) {
            for (_, t) in n.kind.edges() {
                if ids.get(i + 1) != Some(&t) {
                    long_edges += 1;
                }
            }
        }
    }
    let gutter = 16.0 + ROUTE_GAP * long_edges.min(12) as f32;
    let right = WIDTH - gutter;
    let lane_of = |actor: &str| p.roles.iter().position(|r| r.id == actor);

    let mut nodes = Vec::new();
    let mut y = PAD;
    let mut texts = BTreeMap::new();
    for id in &ids {
        let Some(n) = p.node(id) else { continue };
        let w = words(id);
        let shape = match n.kind {
            NodeKind::Start { .. } | NodeKind::End { .. } => Shape::Capsule,
            NodeKind::Step(_) => Shape::Rect,
            NodeKind::Decision(_) => Shape::Diamond,
        };
        let inset = if shape == Shape::Diamond { 18.0 } else { 0.0 };
        let width = CHARS_PER_LINE - (inset / 3.0) as usize;
        let lines = wrap(&w.title, width);
        let meta = w
            .meta
            .as_deref()
            .map(|m| wrap(m, width + 2))
            .unwrap_or_default();
        let text_lines = lines.len() + meta.len();
        let h =
            PAD * 2.0 + LINE * text_lines as f32 + if shape == Shape::Diamond { 8.0 } else { 0.0 };
        nodes.push(Placed {
            id: id.to_string(),
            shape,
            lane: n.kind.actor().and_then(lane_of),
            x: left,
            y,
            w: right - left,
            h,
            lines,
            meta,
        });
        texts.insert(id.to_string(), w.answers);
        // Room under a diamond for its answers' words (two lines each).
        y += h
            + GAP
            + if shape == Shape::Diamond {
                2.0 * LABEL_LINE
            } else {
                0.0
            };
    }

    let at: BTreeMap<&str, &Placed> = nodes.iter().map(|n| (n.id.as_str(), n)).collect();
    let mut edges = Vec::new();
    let mut route = 0;
    for (i, id) in ids.iter().enumerate() {
        let (Some(n), Some(from)) = (p.node(id), at.get(id)) else {
            continue;
        };
        for (answer, target) in n.kind.edges() {
            let Some(to) = at.get(target) else { continue };
            let words = answer.and_then(|a| texts.get(*id).and_then(|t| t.get(a)).cloned());
            let straight = ids.get(i + 1) == Some(&target);
            // Under the shape: the straight answer left of the arrow, the
            // routed one toward the right corner, so they never cross.
            let centre = from.x + from.w / 2.0;
            let label = words.map(|w| Label {
                lines: wrap(&w, LABEL_CHARS),
                x: if straight {
                    centre - 6.0
                } else {
                    from.x + from.w - 4.0
                },
                y: from.y + from.h + LABEL_LINE,
                anchor_end: true,
            });
            let points = if straight {
                vec![(centre, from.y + from.h), (centre, to.y)]
            } else {
                let lane_x = WIDTH - 8.0 - ROUTE_GAP * (route % 12) as f32;
                route += 1;
                let (y0, y1) = (from.y + from.h / 2.0, to.y + to.h / 2.0);
                vec![
                    (from.x + from.w, y0),
                    (lane_x, y0),
                    (lane_x, y1),
                    (to.x + to.w, y1),
                ]
            };
            edges.push(Edge {
                from: id.to_string(),
                to: target.to_string(),
                label,
                points,
            });
        }
    }
    Chart {
        width: WIDTH,
        height: y - GAP + PAD,
        lanes: lane_names,
        nodes,
        edges,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrapping_keeps_words_whole() {
        assert_eq!(
            wrap("Mengecek persyaratan administrasi", 12),
            ["Mengecek", "persyaratan", "administrasi"]
        );
        assert_eq!(wrap("a b c d", 3), ["a b", "c d"]);
        assert_eq!(wrap("", 10), Vec::<String>::new());
        assert_eq!(
            wrap("Supercalifragilistic x", 5),
            ["Supercalifragilistic", "x"]
        );
    }
}
