//! The inline SVG drawings of the HTML report: score bars and axis spectra.

use super::html::esc;
use super::percent;
use std::fmt::Write;

/// A horizontal bar for a score with its percent written beside it.
pub(crate) fn bar(score: Option<f64>, top: bool) -> String {
    const W: f64 = 200.0;
    let filled = score.map_or(0.0, |s| (s.clamp(0.0, 100.0) / 100.0 * W).round());
    let colour = if top { "#0b5cad" } else { "#6e8fb3" };
    let label = match score {
        Some(_) => percent(score),
        None => "not enough answers".to_string(),
    };
    format!(
        "<svg class=\"bar\" width=\"330\" height=\"20\" viewBox=\"0 0 330 20\" role=\"img\" aria-label=\"{label}\">\
<rect x=\"0\" y=\"3\" width=\"{W}\" height=\"14\" rx=\"3\" fill=\"#e6eaef\" stroke=\"#c4ccd5\"/>\
<rect x=\"0\" y=\"3\" width=\"{filled}\" height=\"14\" rx=\"3\" fill=\"{colour}\"/>\
<text x=\"{x}\" y=\"15\">{label}</text></svg>",
        x = W + 8.0
    )
}

/// A spectrum from -1 to 1 with a marker at the position and its value.
pub fn axis(position: Option<f64>, label: &str) -> String {
    const X0: f64 = 10.0;
    const X1: f64 = 290.0;
    let mid = (X0 + X1) / 2.0;
    let mut out = format!(
        "<svg class=\"spectrum\" width=\"300\" height=\"40\" viewBox=\"0 0 300 40\" role=\"img\" aria-label=\"{}\">\
<line x1=\"{X0}\" y1=\"26\" x2=\"{X1}\" y2=\"26\" stroke=\"#8c959f\" stroke-width=\"2\"/>\
<line x1=\"{mid}\" y1=\"20\" x2=\"{mid}\" y2=\"32\" stroke=\"#8c959f\" stroke-width=\"1\"/>",
        esc(label)
    );
    match position {
        Some(p) => {
            let x = X0 + (p.clamp(-1.0, 1.0) + 1.0) / 2.0 * (X1 - X0);
            let _ = write!(
                out,
                "<circle cx=\"{x:.1}\" cy=\"26\" r=\"6\" fill=\"#0b5cad\" stroke=\"#ffffff\" stroke-width=\"1.5\"/>\
<text x=\"{x:.1}\" y=\"12\" text-anchor=\"middle\">{p:+.2}</text>"
            );
        }
        None => {
            let _ = write!(
                out,
                "<text x=\"{mid}\" y=\"12\" text-anchor=\"middle\">not enough answers</text>"
            );
        }
    }
    out.push_str("</svg>");
    out
}
