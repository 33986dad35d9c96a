//! The goals of both sessions in a comparison: the plan made last time
//! beside the plan made now, so a revisit shows what was meant to change.

use super::Comparison;
use crate::assessment::Assessment;
use crate::report::markdown::md;
use crate::report::{capitalise, one_line, takeaway};
use crate::session::goals::Goal;
use serde_json::{Value, json};
use std::fmt::Write;

/// The two plans in text: nothing when neither session has goals.
pub(super) fn text(out: &mut String, a: &Assessment, c: &Comparison) {
    if c.old_goals.is_empty() && c.new_goals.is_empty() {
        return;
    }
    let _ = writeln!(out, "\nGoals");
    let w = c.wording();
    for (when, goals) in [(&w.old_short, &c.old_goals), (&w.new_short, &c.new_goals)] {
        let _ = writeln!(out, "  {when}:");
        if goals.is_empty() {
            let _ = writeln!(out, "    none");
        }
        for g in goals {
            let _ = writeln!(out, "    - {}", line(a, g));
        }
    }
}

/// The two plans in Markdown: nothing when neither session has goals.
pub(super) fn markdown(out: &mut String, a: &Assessment, c: &Comparison) {
    if c.old_goals.is_empty() && c.new_goals.is_empty() {
        return;
    }
    out.push_str("\n## Goals\n");
    let w = c.wording();
    for (when, goals) in [(&w.old_short, &c.old_goals), (&w.new_short, &c.new_goals)] {
        let _ = writeln!(out, "\n**{}**\n", md(&w.column(when)));
        if goals.is_empty() {
            out.push_str("- none\n");
        }
        for g in goals {
            let _ = writeln!(out, "- {}", md(&line(a, g)));
        }
    }
}

/// Both plans as data, `old_goals` and `new_goals` as the sessions keep
/// them, added only when either has goals: the document of two answers
/// files keeps its shape.
pub(super) fn json(doc: &mut Value, c: &Comparison) {
    if c.old_goals.is_empty() && c.new_goals.is_empty() {
        return;
    }
    if let Value::Object(map) = doc {
        map.insert("old_goals".into(), json!(c.old_goals));
        map.insert("new_goals".into(), json!(c.new_goals));
    }
}

/// A goal on one line: "Mentor a new joiner (from Leader; done when: ...; by ...)".
fn line(a: &Assessment, g: &Goal) -> String {
    let parts = takeaway::goal_parts(a, g);
    let text = one_line(&g.text);
    match parts.is_empty() {
        true => text,
        false => format!("{text} ({})", capitalise(&parts.join("; "))),
    }
}
