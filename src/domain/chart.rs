//! Horizontal stacked bar charts as SVG text, computed without a browser
//! (the dashboard puts the text into the page as it is).
//!
//! One bar per row, its label on its own lines above it (wrapped at word
//! boundaries, never cut short of three lines), so long village and step
//! names fit at 360 px; the total is written at the bar's end; a legend
//! names the parts. Widths are in a fixed 360-unit box that the page
//! scales to its column, so a chart reads on a phone and on a laptop.
//!
//! Invariants: a bar's parts are proportional to their counts against the
//! chart's largest total; no part is drawn outside `WIDTH`; every text
//! from data is escaped; a chart without data says so in words.

use super::flowchart::escape;

pub const WIDTH: f32 = 360.0;
/// The width of the longest bar: room is left for its total.
const BAR_MAX: f32 = 300.0;
const LABEL: f32 = 15.0;
const BAR: f32 = 14.0;
const PITCH: f32 = LABEL + BAR + 9.0;
const LEGEND_LINE: f32 = 18.0;
/// Roughly the width of one character of 13-unit text.
const CHAR: f32 = 7.0;

/// One part of each bar: a name for the legend and the CSS class that
/// colours it (`chart-0` ... in style/main.css).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Series {
    pub name: String,
    pub class: &'static str,
}

/// One bar: its label and one count per series.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Bar {
    pub label: String,
    pub parts: Vec<u32>,
}

impl Bar {
    pub fn total(&self) -> u32 {
        self.parts.iter().sum()
    }
}

/// A chart: `title` is its accessible name; `empty` is said when no bar
/// has a count.
pub fn bars(title: &str, series: &[Series], bars: &[Bar], empty: &str) -> String {
    let max = bars.iter().map(Bar::total).max().unwrap_or(0);
    let mut body = String::new();
    let mut y = 0.0;
    // The legend, wrapped to the width.
    if series.len() > 1 && max > 0 {
        let mut x = 0.0;
        y = 12.0;
        for s in series {
            let w = 16.0 + s.name.chars().count() as f32 * CHAR + 12.0;
            if x > 0.0 && x + w > WIDTH {
                x = 0.0;
                y += LEGEND_LINE;
            }
            body.push_str(&format!(
                r#"<rect class="{}" x="{x:.1}" y="{:.1}" width="11" height="11"/><text x="{:.1}" y="{y:.1}">{}</text>"#,
                s.class,
                y - 10.0,
                x + 15.0,
                escape(&s.name)
            ));
            x += w;
        }
        y += 12.0;
    }
    if max == 0 {
        y += LABEL;
        body.push_str(&format!(
            r#"<text x="0" y="{y:.1}">{}</text>"#,
            escape(empty)
        ));
        y += 6.0;
    }
    for bar in bars.iter().filter(|_| max > 0) {
        for line in wrap(&bar.label) {
            y += LABEL;
            body.push_str(&format!(
                r#"<text x="0" y="{:.1}">{}</text>"#,
                y - 3.0,
                escape(&line)
            ));
        }
        let top = y;
        let mut x = 0.0;
        for (count, s) in bar.parts.iter().zip(series) {
            if *count == 0 {
                continue;
            }
            let w = BAR_MAX * *count as f32 / max as f32;
            body.push_str(&format!(
                r#"<rect class="{}" x="{x:.2}" y="{top:.1}" width="{w:.2}" height="{BAR}"><title>{}: {count}</title></rect>"#,
                s.class,
                escape(&format!("{} \u{2014} {}", bar.label, s.name)),
            ));
            x += w;
        }
        body.push_str(&format!(
            r#"<text class="chart-total" x="{:.1}" y="{:.1}">{}</text>"#,
            x + 4.0,
            top + BAR - 3.0,
            bar.total()
        ));
        y += PITCH - LABEL;
    }
    let height = y.max(LABEL) + 2.0;
    format!(
        r#"<svg xmlns="http://www.w3.org/2000/svg" class="chart" viewBox="0 0 {WIDTH} {height:.0}" role="img" aria-label="{t}"><title>{t}</title>{body}</svg>"#,
        t = escape(title)
    )
}

/// Lines of a label shown above its bar.
const LABEL_LINES: usize = 3;

/// A label wrapped at spaces to the chart's width, in at most
/// `LABEL_LINES` lines; a word longer than a line is broken, and only a
/// label longer than all the lines ends in an ellipsis (the bar's tooltip
/// keeps it whole).
fn wrap(label: &str) -> Vec<String> {
    let max = (WIDTH / CHAR) as usize;
    let mut lines: Vec<String> = super::flowchart::wrap(label, max)
        .into_iter()
        .flat_map(|line| {
            // A word longer than a whole line: broken where it must be.
            let chars: Vec<char> = line.chars().collect();
            chars
                .chunks(max)
                .map(|c| c.iter().collect::<String>())
                .collect::<Vec<_>>()
        })
        .collect();
    if lines.is_empty() {
        lines.push(String::new());
    }
    if lines.len() > LABEL_LINES {
        lines.truncate(LABEL_LINES);
        let last = &mut lines[LABEL_LINES - 1];
        let mut cut: String = last.chars().take(max - 1).collect();
        cut.push('\u{2026}');
        *last = cut;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series() -> Vec<Series> {
        vec![
            Series {
                name: "Tepat".into(),
                class: "chart-0",
            },
            Series {
                name: "Lewat".into(),
                class: "chart-1",
            },
        ]
    }

    /// The widths of the bars' rects, in order.
    fn widths(svg: &str) -> Vec<f32> {
        svg.split("<rect ")
            .skip(1)
            .filter(|r| r.contains("height=\"14\""))
            .map(|r| {
                let w = r.split("width=\"").nth(1).unwrap();
                w[..w.find('"').unwrap()].parse().unwrap()
            })
            .collect()
    }

    #[test]
    fn parts_are_proportional_to_the_largest_total() {
        let svg = bars(
            "Kepatuhan",
            &series(),
            &[
                Bar {
                    label: "Verifikasi".into(),
                    parts: vec![3, 1],
                },
                Bar {
                    label: "Tanda tangan".into(),
                    parts: vec![0, 2],
                },
            ],
            "Belum ada data",
        );
        let w = widths(&svg);
        assert_eq!(w.len(), 3, "a zero part draws nothing: {svg}");
        assert!((w[0] - 225.0).abs() < 0.01 && (w[1] - 75.0).abs() < 0.01);
        assert!((w[2] - 150.0).abs() < 0.01);
        assert!(w.iter().all(|w| *w <= BAR_MAX));
        assert!(svg.contains(">4</text>") && svg.contains(">2</text>"));
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains(r#"aria-label="Kepatuhan""#));
    }

    #[test]
    fn a_long_label_wraps_at_words_and_is_cut_only_past_three_lines() {
        let long =
            "Memverifikasi dan memfinalisasi usulan tiap desa/kelurahan serta menyiapkan konsep surat permohonan";
        let svg = bars(
            "X",
            &series()[..1],
            &[Bar {
                label: long.into(),
                parts: vec![1],
            }],
            "-",
        );
        let lines = wrap(long);
        assert_eq!(lines.len(), 3, "{lines:?}");
        assert_eq!(lines.join(" "), long, "every word shown, none cut");
        for line in &lines {
            assert!(line.chars().count() as f32 * CHAR <= WIDTH, "{line}");
            assert!(svg.contains(&format!(">{line}</text>")));
        }
        assert!(
            svg.contains(&format!("<title>{long} \u{2014} Tepat: 1</title>")),
            "the whole label stays in the bar's tooltip"
        );
        assert_eq!(wrap("Jaten"), ["Jaten"]);
        assert_eq!(wrap(""), [""]);
        // A word longer than a line is broken; past three lines, an ellipsis.
        let word = "x".repeat(60);
        assert_eq!(wrap(&word).concat(), word);
        let huge = "kata ".repeat(100);
        let cut = wrap(&huge);
        assert_eq!(cut.len(), LABEL_LINES);
        assert!(cut[2].ends_with('\u{2026}'));
        assert!(cut.iter().all(|l| l.chars().count() as f32 * CHAR <= WIDTH));
    }

    #[test]
    fn text_from_data_is_escaped() {
        let svg = bars(
            "<b>",
            &series()[..1],
            &[Bar {
                label: "Desa <script>alert(1)</script> & \"Suka\"".into(),
                parts: vec![1],
            }],
            "-",
        );
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("Desa &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Suka&quot;"));
    }

    #[test]
    fn an_empty_chart_says_so_and_grows_with_its_bars() {
        let empty = bars("X", &series(), &[], "Belum ada kasus");
        assert!(empty.contains(">Belum ada kasus</text>"));
        assert!(widths(&empty).is_empty());
        let one = |n: usize| {
            let b: Vec<Bar> = (0..n)
                .map(|i| Bar {
                    label: format!("B{i}"),
                    parts: vec![1, 1],
                })
                .collect();
            bars("X", &series(), &b, "-")
        };
        let height = |svg: &str| -> f32 {
            let v = svg.split("viewBox=\"0 0 360 ").nth(1).unwrap();
            v[..v.find('"').unwrap()].parse().unwrap()
        };
        assert!(height(&one(10)) > height(&one(2)));
        assert!((height(&one(10)) - height(&one(9)) - PITCH).abs() < 1.0);
    }
}
