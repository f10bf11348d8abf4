//! The geometry of a procedure's flowchart, computed without a browser:
//! capsules, rectangles and diamonds in one column (so it reads on a
//! 360 px phone), a rail of swimlanes on the left marking each node's role,
//! and edges: straight down to the next shape, or routed on the right for
//! jumps and branches, with the answer written beside.
//!
//! Invariant: every edge starts and ends on a laid-out node, and nothing
//! is drawn outside `WIDTH`.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::num::{OneDecimal, Tenths};
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
        crate::domain::order::sort_by_key(&mut rest, |id| row(id));
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

    let at: BTreeMap<&str, &Placed> =
        crate::domain::order::map_of(nodes.iter().map(|n| (n.id.as_str(), n)));
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

/// Lane colours, distinguishable and dark enough for white text.
pub const LANE_COLOURS: [&str; 8] = [
    "#0b5d4b", "#8a4b00", "#1f4e99", "#7a1f6b", "#4d5b00", "#9c1c2b", "#00677a", "#5a4a8a",
];

pub fn lane_colour(i: usize) -> &'static str {
    LANE_COLOURS[i % LANE_COLOURS.len()]
}

/// Text for SVG/XML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

fn points(ps: &[(f32, f32)]) -> String {
    ps.iter()
        .map(|&(x, y)| format!("{},{}", OneDecimal(x.into()), OneDecimal(y.into())))
        .collect::<Vec<_>>()
        .join(" ")
}

/// A coordinate as drawn: to a tenth, without core's float formatting.
fn t(v: f32) -> Tenths {
    Tenths(v.into())
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

impl Chart {
    /// The chart as an SVG document fragment. Drawn as text rather than as
    /// Leptos views: a static picture needs no reactivity, and it keeps the
    /// wasm small. Every text from a pack is escaped.
    pub fn to_svg(&self, label: &str) -> String {
        use std::fmt::Write;
        let mut s = String::new();
        let (w, h) = (t(self.width), t(self.height));
        let _ = write!(
            s,
            r#"<svg xmlns="http://www.w3.org/2000/svg" class="flowchart" viewBox="0 0 {w} {h}" width="100%" role="img" aria-label="{}" data-testid="flowchart">"#,
            escape(label)
        );
        for i in 0..self.lanes.len() {
            let x = t(Chart::lane_x(i));
            let _ = write!(
                s,
                r#"<line x1="{x}" y1="0" x2="{x}" y2="{h}" stroke="{}" stroke-width="2" stroke-opacity="0.35"/>"#,
                lane_colour(i)
            );
        }
        for e in &self.edges {
            let _ = write!(
                s,
                r#"<g data-edge="{}&gt;{}"><polyline points="{}" class="fc-edge"/><polygon points="{}" class="fc-arrow"/>"#,
                escape(&e.from),
                escape(&e.to),
                points(&e.points),
                arrow_head(&e.points)
            );
            if let Some(l) = &e.label {
                let anchor = if l.anchor_end { "end" } else { "start" };
                let _ = write!(s, r#"<text text-anchor="{anchor}" class="fc-label">"#);
                for (i, line) in l.lines.iter().enumerate() {
                    let _ = write!(
                        s,
                        r#"<tspan x="{}" y="{}">{}</tspan>"#,
                        t(l.x),
                        t(l.y + 13.0 * i as f32),
                        escape(line)
                    );
                }
                s.push_str("</text>");
            }
            s.push_str("</g>");
        }
        for n in &self.nodes {
            let (x, y, w, h) = (n.x, n.y, n.w, n.h);
            let colour = n.lane.map_or("#1b1f1d", lane_colour);
            let _ = write!(s, r#"<g data-node="{}">"#, escape(&n.id));
            if let Some(i) = n.lane {
                let (lx, mid, x) = (t(Chart::lane_x(i)), t(y + h / 2.0), t(x));
                let _ = write!(
                    s,
                    r#"<line x1="{lx}" y1="{mid}" x2="{x}" y2="{mid}" stroke="{colour}" stroke-width="1.5"/><circle cx="{lx}" cy="{mid}" r="4" fill="{colour}"/>"#
                );
            }
            let _ = match n.shape {
                Shape::Capsule => write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="{}" class="fc-capsule"/>"#,
                    t(x),
                    t(y),
                    t(w),
                    t(h),
                    t(h / 2.0)
                ),
                Shape::Rect => write!(
                    s,
                    r#"<rect x="{}" y="{}" width="{}" height="{}" rx="4" class="fc-step" stroke="{colour}"/>"#,
                    t(x),
                    t(y),
                    t(w),
                    t(h)
                ),
                Shape::Diamond => {
                    let mid = y + h / 2.0;
                    let d = points(&[
                        (x, mid),
                        (x + 16.0, y),
                        (x + w - 16.0, y),
                        (x + w, mid),
                        (x + w - 16.0, y + h),
                        (x + 16.0, y + h),
                    ]);
                    write!(
                        s,
                        r#"<polygon points="{d}" class="fc-decision" stroke="{colour}"/>"#
                    )
                }
            };
            let centre = n.shape == Shape::Capsule;
            let inset = if n.shape == Shape::Diamond {
                18.0
            } else {
                10.0
            };
            let tx = t(if centre { x + w / 2.0 } else { x + inset });
            let anchor = if centre { "middle" } else { "start" };
            let line_y = |i: usize| y + 8.0 + 12.0 + 15.0 * i as f32;
            let _ = write!(s, r#"<text text-anchor="{anchor}" class="fc-text">"#);
            for (i, line) in n.lines.iter().enumerate() {
                let _ = write!(
                    s,
                    r#"<tspan x="{tx}" y="{}">{}</tspan>"#,
                    t(line_y(i)),
                    escape(line)
                );
            }
            s.push_str("</text>");
            if !n.meta.is_empty() {
                let _ = write!(s, r#"<text class="fc-meta" fill="{colour}">"#);
                for (i, line) in n.meta.iter().enumerate() {
                    let _ = write!(
                        s,
                        r#"<tspan x="{tx}" y="{}">{}</tspan>"#,
                        t(line_y(n.lines.len() + i)),
                        escape(line)
                    );
                }
                s.push_str("</text>");
            }
            s.push_str("</g>");
        }
        s.push_str("</svg>");
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn svg_escapes_pack_text() {
        assert_eq!(
            escape(r#"<b>"A&B's"</b>"#),
            "&lt;b&gt;&quot;A&amp;B&#39;s&quot;&lt;/b&gt;"
        );
        let chart = Chart {
            width: WIDTH,
            height: 100.0,
            lanes: vec!["Staf".into()],
            nodes: vec![Placed {
                id: "a".into(),
                shape: Shape::Rect,
                lane: Some(0),
                x: 30.0,
                y: 8.0,
                w: 200.0,
                h: 40.0,
                lines: vec!["<script>alert(1)</script>".into()],
                meta: vec!["Staf & Kasi".into()],
            }],
            edges: vec![],
        };
        let svg = chart.to_svg("Prosedur \"uji\"");
        assert!(svg.starts_with("<svg ") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Prosedur &quot;uji&quot;""#));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("Staf &amp; Kasi"));
        assert_eq!(svg.matches("<g data-node=").count(), 1);
        assert_eq!(svg.matches(r#"class="fc-step""#).count(), 1);
    }

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
