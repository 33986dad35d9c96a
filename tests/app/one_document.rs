//! One report document: the same session, laid out as the results screen,
//! plain mode, text, Markdown and HTML, says the same things in the same
//! order (headline, partial note, the result and close behind, bands, the
//! lean or no lean, the reasons).

use crate::support;

use crossroads::output::{Document, render};
use crossroads::report::Format;
use crossroads::report::full::{Audience, ReportInput};
use crossroads::report::outline::Outline;
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Session};
use crossroads::tui::screens::results;
use std::io::Cursor;
use support::bundled;

/// The torn persona's answers as a session, `finished` or still in
/// progress (then the result is a first look, said first).
fn session(finished: bool) -> Session {
    let a = bundled("career-tracks");
    let bytes = std::fs::read("tests/personas/torn.yaml").unwrap();
    let file = crossroads::answers::ParsedFile::read("torn.yaml", &bytes, &a)
        .unwrap()
        .unwrap();
    let meta = Meta {
        complete: finished,
        ..Meta::default()
    };
    Session::new(a, file.answers, meta)
}

/// What the outline says, in its order, as the phrases every layout must
/// show: the partial note, the headline, each sentence of the result,
/// each band's meaning, what "close behind" means, each axis's verdict and
/// each reason.
fn phrases(o: &Outline) -> Vec<String> {
    let mut out: Vec<String> = o.partial.iter().cloned().collect();
    out.push(o.headline.clone());
    out.extend(o.summary.iter().cloned());
    for b in &o.reading.bands {
        out.push(b.meaning.clone());
    }
    out.extend(o.reading.close.iter().cloned());
    out.extend(o.leans.iter().map(|l| l.verdict.clone()));
    out.extend(o.reasons.iter().map(|r| r.text.clone()));
    out.into_iter().map(|p| flat(&p)).collect()
}

/// Text with its markup gone and its spaces made one, so that layouts are
/// compared by what they say: HTML tags and entities, Markdown's escapes
/// and emphasis, line breaks of a wrapped screen.
fn flat(text: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in text.chars() {
        match c {
            '<' if !in_tag => in_tag = true,
            '>' if in_tag => in_tag = false,
            _ if in_tag => {}
            '\\' | '*' | '_' => {}
            c => out.push(c),
        }
    }
    let out = out
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
    out.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Whether every phrase is found in `text`, each after the one before.
fn in_order(phrases: &[String], text: &str, what: &str) {
    let mut from = 0;
    for p in phrases {
        match text[from..].find(p.as_str()) {
            Some(at) => from += at + p.len(),
            None => {
                let next: String = text[from..].chars().take(300).collect();
                panic!("{what} does not say, in order: {p:?}\nafter the one before: {next}")
            }
        }
    }
}

/// Every layout of one session.
fn layouts(s: &mut Session) -> Vec<(&'static str, String)> {
    let score = s.score();
    let input = ReportInput {
        assessment: s.assessment(),
        answers: s.answers(),
        meta: Some(s.meta()),
        score: &score,
        audience: Audience::Mentee,
    };
    let mut out = Vec::new();
    for (name, format) in [
        ("text", Format::Text),
        ("markdown", Format::Markdown),
        ("html", Format::Html),
    ] {
        let report = render(&Document::Report(&input), format).unwrap();
        out.push((name, flat(&report)));
    }
    let mut app = support::app_with(s.assessment().clone(), s.meta().clone(), Disk::default());
    app.session = Session::new(
        s.assessment().clone(),
        s.answers().clone(),
        s.meta().clone(),
    );
    let screen: Vec<String> = results::lines(&app.theme, &app.session.outline(), 60)
        .iter()
        .map(|l| l.to_string())
        .collect();
    out.push(("results screen", flat(&screen.join("\n"))));
    out
}

fn plain_results(s: &mut Session) -> String {
    let last = s.assessment().questions.len() - 1;
    let _ = s.jump(last);
    let mut said = Vec::new();
    let _ = crossroads::plain::run(
        s,
        &mut Disk::default(),
        Cursor::new("\ns\n"),
        &mut said,
        false,
    );
    flat(&String::from_utf8(said).unwrap())
}

#[test]
fn a_finished_session_says_the_same_things_in_the_same_order_everywhere() {
    let mut s = session(true);
    let wanted = phrases(&s.outline());
    assert!(wanted.iter().any(|p| p.contains("leans")), "{wanted:?}");
    for (what, text) in layouts(&mut s) {
        in_order(&wanted, &text, what);
    }
    in_order(&wanted, &plain_results(&mut s), "plain mode");
}

#[test]
fn a_session_in_progress_says_it_is_a_first_look_first_everywhere() {
    let mut s = session(false);
    let o = s.outline();
    let partial = o.partial.clone().expect("a first look is said to be one");
    let wanted = phrases(&o);
    assert_eq!(wanted[0], flat(&partial));
    for (what, text) in layouts(&mut s) {
        in_order(&wanted, &text, what);
    }
}
