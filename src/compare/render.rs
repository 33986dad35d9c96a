//! A comparison as text, Markdown and JSON.

use super::*;

/// How a comparison names its sides (see [`Comparison::wording`]).
pub(super) struct Wording {
    /// For two different people, the sentence that says so first: "Two
    /// different people: Ben O'Neil (3 March 2026) and 李娜 (5 March 2026)".
    pub(super) who: Option<String>,
    /// Each side before its headline: "Before", "Before, me (3 March
    /// 2026)" or, for two people, "Ben O'Neil (3 March 2026)".
    pub(super) old: String,
    pub(super) new: String,
    /// Each side in short, in tables and under each answer: "before" or
    /// "Ben O'Neil".
    pub(super) old_short: String,
    pub(super) new_short: String,
    /// Whose rank order the tracks are in: "the new answers" or "李娜's answers".
    pub(super) ranked_by: String,
}

impl Wording {
    fn different(&self) -> bool {
        self.who.is_some()
    }

    /// After the title: "before and after" or "two different people".
    fn heading(&self) -> &'static str {
        match self.different() {
            true => "two different people",
            false => "before and after",
        }
    }

    /// Between the two values of a row: "->" for a change, "vs" between people.
    fn arrow(&self) -> &'static str {
        match self.different() {
            true => "vs",
            false => "->",
        }
    }

    /// The heading of the answers that differ.
    fn answers_heading(&self) -> &'static str {
        match self.different() {
            true => "Answers that differ",
            false => "Changed answers",
        }
    }

    /// A side as a column heading: "Before", or a person's name as it is.
    pub(super) fn column(&self, short: &str) -> String {
        match self.different() {
            true => short.to_string(),
            false => capitalise(short),
        }
    }

    /// A rank change in words: "up 2", "down 1", "same"; between two
    /// people, "2 higher", "1 lower", "same".
    fn rank(&self, change: i64) -> String {
        match (change, self.different()) {
            (0, _) => "same".to_string(),
            (c, false) if c > 0 => format!("up {c}"),
            (c, false) => format!("down {}", -c),
            (c, true) if c > 0 => format!("{c} higher"),
            (c, true) => format!("{} lower", -c),
        }
    }
}

/// A change as the difference of the whole percents shown beside it, so
/// the columns add up ("100% -> 18%" is "-82"): "+12", "-3", "0", or "–".
fn points(t: &TrackChange) -> String {
    match t.points() {
        None => "–".to_string(),
        Some(0) => "0".to_string(),
        Some(d) => format!("{d:+}"),
    }
}

/// The comparison as plain text for a terminal or a pipe.
pub fn text(a: &Assessment, c: &Comparison) -> String {
    let w = c.wording();
    let mut out = underlined(&format!("{}: {}", a.title.trim(), w.heading()));
    if let Some(who) = &w.who {
        let _ = writeln!(out, "{who}");
    }
    // "Before: " and "After:  " line up; names are not padded.
    let pad = if w.different() { "" } else { " " };
    let _ = writeln!(
        out,
        "{}: {}\n{}:{pad} {}",
        w.old,
        headline(a, &c.old_score),
        w.new,
        headline(a, &c.new_score)
    );
    let minus = match w.different() {
        true => format!(
            "; the difference is {}'s minus {}'s, in points",
            w.new_short, w.old_short
        ),
        false => String::new(),
    };
    let _ = writeln!(out, "\nTracks (ranked by {}{minus})", w.ranked_by);
    let width = name_width(a);
    let arrow = w.arrow();
    for t in &c.tracks {
        let (old, new) = (percent(t.old), percent(t.new));
        let _ = writeln!(
            out,
            "  {}. {:<width$}  {old:>4} {arrow} {new:>4}  {:>4}  rank {} {arrow} {} ({})",
            t.new_rank,
            t.name,
            points(t),
            t.old_rank,
            t.new_rank,
            w.rank(t.rank_change)
        );
    }
    let side_lines = |out: &mut String, old: &str, new: &str| {
        let (o, n) = (&w.old_short, &w.new_short);
        let _ = match w.different() {
            true => writeln!(out, "    {o}: {old}\n    {n}: {new}"),
            false => writeln!(out, "    {o}: {old}\n    {n}:  {new}"),
        };
    };
    if !c.axes.is_empty() {
        let _ = writeln!(out, "\nAxes");
        for x in &c.axes {
            let axis = &a.axes[x.axis];
            let side = |p: Option<f64>, t: Option<TrackIndex>| match (p, t) {
                (None, _) => "not enough answers".to_string(),
                (Some(p), Some(t)) => format!("{p:+.2}, leaning {}", a.tracks[t].name),
                (Some(p), None) => format!("{p:+.2}, balanced"),
            };
            let _ = writeln!(
                out,
                "  {} (-1 {}, +1 {})",
                axis.label.trim(),
                a.tracks[axis.left].name,
                a.tracks[axis.right].name,
            );
            side_lines(
                &mut out,
                &side(x.old, x.old_leaning),
                &side(x.new, x.new_leaning),
            );
        }
    }
    let _ = writeln!(out, "\n{}", w.answers_heading());
    if c.changed.is_empty() {
        let _ = writeln!(out, "  none: every answer is the same");
    }
    for ch in &c.changed {
        let _ = writeln!(out, "  {}", ch.text.trim());
        side_lines(&mut out, &ch.old, &ch.new);
    }
    goals::text(&mut out, a, c);
    crate::sanitize::clean(&out)
}

/// The comparison as Markdown; it starts with `# `.
pub fn markdown(a: &Assessment, c: &Comparison) -> String {
    let w = c.wording();
    let mut out = String::new();
    let _ = writeln!(out, "# {}: {}\n", md(&a.title), w.heading());
    if let Some(who) = &w.who {
        let _ = writeln!(out, "{}.\n", md(who));
    }
    let _ = writeln!(
        out,
        "- {}: **{}**\n- {}: **{}**",
        md(&w.old),
        md(&headline(a, &c.old_score)),
        md(&w.new),
        md(&headline(a, &c.new_score))
    );
    let (o, n) = (w.column(&w.old_short), w.column(&w.new_short));
    match w.different() {
        true => {
            let _ = write!(
                out,
                "\n## Tracks\n\nRanked by {}; the difference is {}'s minus {}'s, in score points.\n\n",
                md(&w.ranked_by),
                md(&w.new_short),
                md(&w.old_short)
            );
        }
        false => out.push_str(
            "\n## Tracks\n\nRanked by the new answers; the change is in score points.\n\n",
        ),
    }
    let (change, rank_old, rank_change) = match w.different() {
        true => (
            "Difference".to_string(),
            format!("Rank ({})", w.old_short),
            "Rank difference".to_string(),
        ),
        false => (
            "Change".to_string(),
            "Rank before".to_string(),
            "Rank change".to_string(),
        ),
    };
    let columns = ["Rank", "Track", &o, &n, &change, &rank_old, &rank_change];
    head(&mut out, &columns, "rlrrrrl");
    for t in &c.tracks {
        row(
            &mut out,
            &[
                &t.new_rank.to_string(),
                &t.name,
                &percent(t.old),
                &percent(t.new),
                &points(t),
                &t.old_rank.to_string(),
                &w.rank(t.rank_change),
            ],
        );
    }
    if !c.axes.is_empty() {
        out.push_str("\n## Axes\n\n");
        let (lo, ln) = match w.different() {
            true => (
                format!("Leaning ({})", w.old_short),
                format!("Leaning ({})", w.new_short),
            ),
            false => ("Leaning before".to_string(), "Leaning after".to_string()),
        };
        let columns = ["Axis", &o, &n, &lo, &ln];
        head(&mut out, &columns, "lrrll");
        for x in &c.axes {
            row(
                &mut out,
                &[
                    &a.axes[x.axis].label,
                    &position(x.old),
                    &position(x.new),
                    &leaning(a, x.old, x.old_leaning),
                    &leaning(a, x.new, x.new_leaning),
                ],
            );
        }
    }
    let _ = writeln!(out, "\n## {}\n", w.answers_heading());
    if c.changed.is_empty() {
        let _ = writeln!(out, "None: every answer is the same.");
    } else {
        head(&mut out, &["Question", &o, &n], "lll");
        for ch in &c.changed {
            row(&mut out, &[&ch.text, &ch.old, &ch.new]);
        }
    }
    goals::markdown(&mut out, a, c);
    crate::sanitize::clean(&out)
}

/// The comparison for machines: unrounded numbers, null where unscored;
/// each track's `points`, the change as shown (the difference of the two
/// whole percents); who each side is (`old_person`, `new_person`: a
/// session's stored name, "me" for the self-assessment, or a plain answers
/// file's name), from when (`old_date`, `new_date`: `YYYY-MM-DD` or null)
/// and whether they are the same person (`same_person`); `old_goals` and
/// `new_goals` when either session chose goals.
pub fn json(a: &Assessment, c: &Comparison) -> Value {
    let id = |t: Option<TrackIndex>| t.map(|t| a.tracks[t].id.clone());
    let tracks: Vec<Value> = c
        .tracks
        .iter()
        .map(|t| {
            json!({
                "id": t.id,
                "name": t.name,
                "old": t.old,
                "new": t.new,
                "delta": t.delta,
                "old_rank": t.old_rank,
                "new_rank": t.new_rank,
                "rank_change": t.rank_change,
                "points": t.points(),
            })
        })
        .collect();
    let axes: Vec<Value> = c
        .axes
        .iter()
        .map(|x| {
            let more = json!({
                "old": x.old,
                "new": x.new,
                "old_leaning": id(x.old_leaning),
                "new_leaning": id(x.new_leaning),
            });
            axis_json(a, x.axis, more)
        })
        .collect();
    let changed: Vec<Value> = c
        .changed
        .iter()
        .map(|ch| json!({ "id": ch.id, "text": ch.text, "old": ch.old, "new": ch.new }))
        .collect();
    let person = |s: &Option<Side>| s.as_ref().map(|s| s.label.clone());
    let date = |s: &Option<Side>| s.as_ref().and_then(Side::iso_date);
    let mut doc = json!({
        "tracks": tracks,
        "axes": axes,
        "changed": changed,
        "old_person": person(&c.old_side),
        "old_date": date(&c.old_side),
        "new_person": person(&c.new_side),
        "new_date": date(&c.new_side),
        "same_person": c.same_person(),
    });
    goals::json(&mut doc, c);
    doc
}
