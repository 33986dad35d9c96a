//! The report of a whole session (`report::full`): snapshots of every
//! format for the spec's sample, the behaviours a coach relies on, and the
//! result of `crossroads score`, which is the result part of the report.

use crossroads::answers::{Answers, read_answers};
use crossroads::assessment::{Assessment, load};
use crossroads::report::full::{self, Audience, ReportInput};
use crossroads::report::{markdown, text};
use crossroads::scoring::score;
use crossroads::session::Meta;

const CONFORMANCE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/");

fn sample() -> Assessment {
    let bytes = std::fs::read(format!("{CONFORMANCE}sample.yaml")).unwrap();
    load("sample.yaml", &bytes).unwrap().0
}

fn sample_answers(a: &Assessment, file: &str) -> Answers {
    let bytes = std::fs::read(format!("{CONFORMANCE}{file}")).unwrap();
    read_answers(file, &bytes, a).unwrap().answers
}

fn ada(coach: bool) -> Meta {
    Meta {
        name: Some("Ada".into()),
        coach,
        started: "2026-11-24T09:30:00Z".parse().ok(),
        updated: "2026-11-25T12:00:00Z".parse().ok(),
        ..Meta::default()
    }
}

/// The four renderings of one session, in the order markdown, html, text, json.
struct Rendered {
    markdown: String,
    html: String,
    text: String,
    json: String,
}

/// The coach's copy, which shows everything a session holds.
fn render(a: &Assessment, answers: &Answers, meta: Option<&Meta>) -> Rendered {
    render_for(a, answers, meta, Audience::Coach)
}

fn render_for(
    a: &Assessment,
    answers: &Answers,
    meta: Option<&Meta>,
    audience: Audience,
) -> Rendered {
    // Bookkeeping written the way older versions kept a coach session's
    // notes is read as a session file is: the coach's notes move aside.
    let (mut meta, mut answers) = (meta.cloned(), answers.clone());
    if let Some(m) = &mut meta {
        m.split_legacy_notes(&mut answers.notes);
    }
    let (meta, answers) = (meta.as_ref(), &answers);
    let s = score(a, answers);
    let input = ReportInput {
        assessment: a,
        answers,
        meta,
        score: &s,
        audience,
    };
    Rendered {
        markdown: full::markdown(&input),
        html: full::html(&input),
        text: full::text(&input),
        json: serde_json::to_string_pretty(&full::json(&input)).unwrap(),
    }
}

fn sample_report() -> Rendered {
    let a = sample();
    let answers = sample_answers(&a, "answers-2.yaml");
    render(&a, &answers, Some(&ada(true)))
}

/// A small assessment with coach prompts, a condition, a plan and a track
/// profile, to see what the sample does not have.
const COACHED: &str = r#"
format: 1
id: coached
title: Coached check
tracks:
  - id: make
    name: Maker
    strengths: [You finish things.]
    growth: [Ship one small tool a month.]
  - id: lead
    name: Leader
    summary: People energise you.
    strengths: [You notice how people are doing.]
    growth: [Mentor a new joiner., Lead a project group.]
sections:
  - id: s
    title: Ways of working
    questions:
      - id: build
        type: likert
        text: I like building things myself.
        coach: Ask for the last thing they built.
        weights: { make: 2 }
      - id: people
        type: likert
        text: I like helping people grow.
        coach: Ask who they helped most this year.
        weights: { lead: 2 }
      - id: why-people
        type: text
        text: What do you enjoy about it?
        show_if: { question: people, at_least: 4 }
      - id: week
        type: text
        text: Describe a great week.
"#;

const COACHED_ANSWERS: &str = "
assessment: coached
answers:
  build: 5
  people: 2
notes:
  build: Talked about a CLI tool
";

fn coached() -> (Assessment, Answers) {
    let a = load("coached.yaml", COACHED.as_bytes()).unwrap().0;
    let answers = read_answers("answers.yaml", COACHED_ANSWERS.as_bytes(), &a)
        .unwrap()
        .answers;
    (a, answers)
}

#[test]
fn markdown_report_of_the_sample_with_a_note_in_coach_mode() {
    insta::assert_snapshot!("sample_markdown", sample_report().markdown);
}

#[test]
fn text_report_of_the_sample_with_a_note_in_coach_mode() {
    insta::assert_snapshot!("sample_text", sample_report().text);
}

#[test]
fn html_report_of_the_sample_with_a_note_in_coach_mode() {
    insta::assert_snapshot!("sample_html", sample_report().html);
}

#[test]
fn json_report_of_the_sample_with_a_note_in_coach_mode() {
    insta::assert_snapshot!("sample_json", sample_report().json);
}

fn coached_report() -> Rendered {
    let (a, answers) = coached();
    let meta = Meta {
        note: Some("Second session; much more settled.".into()),
        ..ada(true)
    };
    render(&a, &answers, Some(&meta))
}

#[test]
fn markdown_report_of_a_coached_session_with_a_plan_and_a_hidden_question() {
    insta::assert_snapshot!("coached_markdown", coached_report().markdown);
}

#[test]
fn text_report_of_a_coached_session_with_a_plan_and_a_hidden_question() {
    insta::assert_snapshot!("coached_text", coached_report().text);
}

#[test]
fn json_report_keeps_every_key_of_the_score_json() {
    let a = sample();
    let answers = sample_answers(&a, "answers-2.yaml");
    let s = score(&a, &answers);
    let base = crossroads::report::json::score_json(&a, &answers, &s);
    let meta = ada(true);
    let input = ReportInput {
        assessment: &a,
        answers: &answers,
        meta: Some(&meta),
        score: &s,
        audience: Audience::Coach,
    };
    let report = full::json(&input);
    for (key, value) in base.as_object().unwrap() {
        assert_eq!(report.get(key), Some(value), "key {key}");
    }
    for key in [
        "person",
        "date",
        "coach",
        "session_note",
        "answers",
        "notes",
    ] {
        assert!(report.get(key).is_some(), "missing {key}");
    }
    assert_eq!(report["person"], "Ada");
    assert_eq!(report["date"], "2026-11-25");
    assert_eq!(report["notes"]["mentoring"], "Lit up here");
}

#[test]
fn json_report_gives_raw_answers_and_words_in_file_order() {
    let a = sample();
    let answers = sample_answers(&a, "answers-2.yaml");
    let report: serde_json::Value = serde_json::from_str(&sample_report().json).unwrap();
    let list = report["answers"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|q| q["id"].as_str().unwrap()).collect();
    let file_order: Vec<&str> = a.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(ids, file_order);
    let by_id = |id: &str| list.iter().find(|q| q["id"] == id).unwrap().clone();
    assert_eq!(by_id("tinker")["answer"], 1);
    assert_eq!(by_id("tinker")["answer_text"], "1 (Never)");
    assert_eq!(by_id("role")["answer"], "help");
    assert_eq!(by_id("role")["answer_text"], "Help others make things");
    assert_eq!(
        by_id("order")["answer"],
        serde_json::json!(["coaching", "offsite", "ship"])
    );
    assert_eq!(by_id("mentoring")["note"], "Lit up here");
    assert_eq!(by_id("dream")["status"], "skipped");
    assert!(by_id("dream")["answer"].is_null());
    assert_eq!(answers.count(), 7);
}

#[test]
fn coach_prompts_appear_only_when_the_session_is_in_coach_mode() {
    let (a, answers) = coached();
    let prompt = "Ask for the last thing they built.";
    let coach = render(&a, &answers, Some(&ada(true)));
    for out in [&coach.markdown, &coach.html, &coach.text, &coach.json] {
        assert!(out.contains(prompt), "coach mode must show prompts:\n{out}");
    }
    let alone = render(&a, &answers, Some(&ada(false)));
    for out in [&alone.markdown, &alone.html, &alone.text, &alone.json] {
        assert!(!out.contains(prompt), "no coach mode, no prompts:\n{out}");
        assert!(!out.contains("Coach prompt"), "{out}");
    }
    let no_session = render(&a, &answers, None);
    assert!(!no_session.markdown.contains(prompt));
}

#[test]
fn hidden_and_skipped_questions_are_marked() {
    let (a, answers) = coached();
    let r = render(&a, &answers, Some(&ada(false)));
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(
            out.contains("Hidden by an earlier answer")
                || out.contains("hidden by an earlier answer"),
            "{out}"
        );
        assert!(out.contains("Skipped") || out.contains("skipped"), "{out}");
    }
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    let status = |id: &str| {
        json["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()["status"]
            .clone()
    };
    assert_eq!(status("build"), "answered");
    assert_eq!(status("why-people"), "hidden");
    assert_eq!(status("week"), "skipped");
}

#[test]
fn every_track_is_named_in_every_human_format() {
    for (a, answers) in [
        (sample(), sample_answers(&sample(), "answers-3.yaml")),
        coached(),
    ] {
        let r = render(&a, &answers, None);
        for t in &a.tracks {
            for out in [&r.markdown, &r.html, &r.text] {
                assert!(out.contains(&t.name), "{} missing in:\n{out}", t.name);
            }
        }
    }
}

#[test]
fn the_plan_lists_the_strengths_and_growth_steps_of_the_top_track() {
    let (a, answers) = coached();
    let r = render(&a, &answers, None);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(out.contains("Development plan"));
        assert!(out.contains("You finish things."));
        assert!(out.contains("Ship one small tool a month."));
        assert!(!out.contains("Mentor a new joiner."), "not a top track");
    }
}

#[test]
fn notes_and_the_session_note_are_shown() {
    let (a, answers) = coached();
    let meta = Meta {
        note: Some("Second session; much more settled".into()),
        ..ada(true)
    };
    let r = render(&a, &answers, Some(&meta));
    for out in [&r.markdown, &r.html, &r.text, &r.json] {
        assert!(out.contains("Talked about a CLI tool"), "{out}");
        assert!(out.contains("Second session; much more settled"), "{out}");
    }
}

#[test]
fn the_date_falls_back_to_the_start_and_is_shown_as_a_day() {
    let (a, answers) = coached();
    let meta = Meta {
        updated: None,
        ..ada(false)
    };
    let r = render(&a, &answers, Some(&meta));
    assert!(r.markdown.contains("2026-11-24"));
    assert!(!r.markdown.contains("09:30"));
}

const HOSTILE: &str = r#"
format: 1
id: hostile
title: "Tom & Jerry's <b>check</b>"
tracks:
  - { id: a, name: "A <i>track</i>" }
  - { id: b, name: B }
sections:
  - id: s
    title: S
    questions:
      - id: q1
        type: choice
        text: "<script>alert('x')</script> Which?"
        options:
          - { id: x, label: "\"quoted\" <img src=x onerror=alert(1)>", weights: { a: 1 } }
          - { id: y, label: Other, weights: { b: 1 } }
"#;

#[test]
fn html_escapes_every_string_from_the_assessment_and_answers() {
    let a = load("hostile.yaml", HOSTILE.as_bytes()).unwrap().0;
    let answers = read_answers(
        "answers.yaml",
        b"assessment: hostile\nanswers: { q1: x }\nnotes: { q1: \"</p><script>bad()</script>\" }\n",
        &a,
    )
    .unwrap()
    .answers;
    let meta = Meta {
        name: Some("<b>Eve</b>".into()),
        note: Some("a < b & c > d".into()),
        ..ada(true)
    };
    let html = render(&a, &answers, Some(&meta)).html;
    assert!(!html.contains("<script"), "{html}");
    assert!(!html.contains("<img"), "{html}");
    assert!(!html.contains("<b>"), "{html}");
    assert!(!html.contains("<i>"), "{html}");
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; Which?"));
    assert!(html.contains("&quot;quoted&quot; &lt;img src=x onerror=alert(1)&gt;"));
    assert!(html.contains("Tom &amp; Jerry&#39;s &lt;b&gt;check&lt;/b&gt;"));
    assert!(html.contains("a &lt; b &amp; c &gt; d"));
}

#[test]
fn html_is_one_file_with_no_external_references() {
    let html = sample_report().html;
    for needle in [
        "http:", "https:", "//", "src=", "href=", "url(", "@import", "<script", "<link",
    ] {
        assert!(!html.contains(needle), "found {needle:?}");
    }
    assert!(html.contains("<style>"));
    assert!(html.contains("<svg"));
}

#[test]
fn html_has_a_print_style_that_keeps_tables_whole() {
    let html = sample_report().html;
    let print = &html[html.find("@media print").expect("a print block")..];
    assert!(print.contains("background: #ffffff"));
    assert!(print.contains("break-inside: avoid"));
}

#[test]
fn html_bars_carry_their_percent_as_text() {
    let html = sample_report().html;
    // answers-2: Guide 78%, Planner 27%, Builder 8%.
    for label in [">78%</text>", ">27%</text>", ">8%</text>"] {
        assert!(html.contains(label), "{label}");
    }
}

#[test]
fn markdown_starts_with_a_level_one_heading() {
    let (a, answers) = coached();
    assert!(sample_report().markdown.starts_with("# "));
    assert!(render(&a, &answers, None).markdown.starts_with("# "));
}

#[test]
fn markdown_escapes_pipes_in_table_cells() {
    let yaml = COACHED.replace("name: Maker", "name: \"Maker | Builder\"");
    let a = load("coached.yaml", yaml.as_bytes()).unwrap().0;
    let answers = read_answers("answers.yaml", COACHED_ANSWERS.as_bytes(), &a)
        .unwrap()
        .answers;
    let md = render(&a, &answers, None).markdown;
    assert!(md.contains("| Maker \\| Builder |"), "{md}");
}

#[test]
fn a_blend_is_never_shown_as_a_win() {
    let (a, _) = coached();
    let answers = read_answers(
        "answers.yaml",
        b"assessment: coached\nanswers: { build: 4, people: 4 }\n",
        &a,
    )
    .unwrap()
    .answers;
    let r = render(&a, &answers, None);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(out.contains("A blend of Maker and Leader"), "{out}");
        assert!(!out.contains("Strongest fit"), "{out}");
    }
}

/// Every fixture: the sample with each conformance answers file, and the
/// coached check alone and as a blend.
fn fixtures() -> Vec<(Assessment, Answers)> {
    let mut all: Vec<(Assessment, Answers)> = (1..=3)
        .map(|n| {
            let a = sample();
            let answers = sample_answers(&a, &format!("answers-{n}.yaml"));
            (a, answers)
        })
        .collect();
    all.push(coached());
    let (a, _) = coached();
    let blend = read_answers(
        "answers.yaml",
        b"assessment: coached\nanswers: { build: 4, people: 4 }\n",
        &a,
    )
    .unwrap()
    .answers;
    all.push((a, blend));
    all
}

#[test]
fn the_result_of_score_is_the_result_part_of_the_report() {
    for (a, answers) in fixtures() {
        let s = score(&a, &answers);
        let meta = ada(true);
        let input = ReportInput {
            assessment: &a,
            answers: &answers,
            meta: Some(&meta),
            score: &s,
            audience: Audience::Mentee,
        };

        // The same outline, laid out by the same code: the result of
        // `score` is the report between its head and its answers.
        let result = markdown::render(&a, &answers, &s);
        let report = full::markdown(&input);
        let end = report.find("\n## Answers\n").unwrap();
        let (_, body) = result.split_once("\n\n").unwrap();
        assert!(report[..end].ends_with(body), "Markdown of {}", a.id);

        let result = text::render(&a, &answers, &s);
        let report = full::text(&input);
        let end = report.find("\nAnswers\n").unwrap();
        let (_, body) = result.split_once('\n').unwrap();
        assert!(report[..end].ends_with(body), "text of {}:\n{body}", a.id);
    }
}

#[test]
fn plain_mode_words_are_the_text_result_without_drawings() {
    for (a, answers) in fixtures() {
        let s = score(&a, &answers);
        let words = text::render_words(&a, &answers, &s);
        assert!(!words.contains('█') && !words.contains('●'), "{words}");
        let drawn = text::render(&a, &answers, &s);
        assert_eq!(words.lines().count(), drawn.lines().count());
    }
}

#[test]
fn markdown_result_of_a_coached_check_with_a_plan() {
    let (a, answers) = coached();
    let s = score(&a, &answers);
    insta::assert_snapshot!("score_markdown", markdown::render(&a, &answers, &s));
}

#[test]
fn plain_words_result_of_the_sample() {
    let a = sample();
    let answers = sample_answers(&a, "answers-2.yaml");
    let s = score(&a, &answers);
    insta::assert_snapshot!("score_words", text::render_words(&a, &answers, &s));
}

#[test]
fn a_note_of_several_lines_keeps_its_lines_in_markdown() {
    let a = load("coached.yaml", COACHED.as_bytes()).unwrap().0;
    let file = COACHED_ANSWERS.replace(
        "  build: Talked about a CLI tool\n",
        "  build: \"Talked about a CLI tool\\nand the team that uses it\"\n",
    );
    let answers = read_answers("answers.yaml", file.as_bytes(), &a)
        .unwrap()
        .answers;
    let meta = Meta {
        shared_notes: vec!["build".into()],
        ..ada(true)
    };
    let md = render_for(&a, &answers, Some(&meta), Audience::Mentee).markdown;
    assert!(
        md.contains(
            "- Note from your coach: Talked about a CLI tool  \n  and the team that uses it\n"
        ),
        "{md}"
    );
}

/// A coach session with a private note, a shared note and a private
/// session note, as the takeaway and as the coach's copy.
fn private_and_shared(audience: Audience) -> Rendered {
    let a = load("coached.yaml", COACHED.as_bytes()).unwrap().0;
    let file = format!("{COACHED_ANSWERS}  people: Shared with Ada\n");
    let answers = read_answers("answers.yaml", file.as_bytes(), &a)
        .unwrap()
        .answers;
    let meta = Meta {
        note: Some("Coach only: seems unsure".into()),
        shared_notes: vec!["people".into()],
        ..ada(true)
    };
    render_for(&a, &answers, Some(&meta), audience)
}

#[test]
fn the_takeaway_leaves_out_coach_prompts_and_private_notes_in_every_format() {
    let r = private_and_shared(Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text, &r.json] {
        assert!(!out.contains("Talked about a CLI tool"), "{out}");
        assert!(!out.contains("Coach only: seems unsure"), "{out}");
        assert!(!out.contains("Ask for the last thing they built."), "{out}");
        assert!(!out.contains("coach's copy"), "{out}");
        assert!(
            out.contains("Shared with Ada"),
            "a shared note stays:\n{out}"
        );
    }
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    assert_eq!(json["audience"], "mentee");
    assert!(json["notes"].get("build").is_none());
    assert_eq!(json["notes"]["people"], "Shared with Ada");
    assert!(json["session_note"].is_null());
}

#[test]
fn the_coachs_copy_has_the_prompts_and_marks_which_notes_are_private() {
    let r = private_and_shared(Audience::Coach);
    for out in [&r.markdown, &r.text] {
        assert!(
            out.contains("Private note (coach only): Talked about a CLI tool"),
            "{out}"
        );
        assert!(
            out.contains("Shared note (the mentee sees it): Shared with Ada"),
            "{out}"
        );
    }
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(out.contains("Private note (coach only)"), "{out}");
        assert!(out.contains("seems unsure"), "{out}");
        assert!(out.contains("Ask for the last thing they built."), "{out}");
    }
    assert!(r.html.contains(
        "<span class=\"label\">Shared note (the mentee sees it):</span> Shared with Ada"
    ));
    assert!(r.html.contains("<p class=\"note private\"><span class=\"label\">Private note (coach only):</span> Talked about a CLI tool</p>"));
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    assert_eq!(json["audience"], "coach");
    assert_eq!(json["session_note_private"], true);
    let note_private = |id: &str| {
        json["answers"]
            .as_array()
            .unwrap()
            .iter()
            .find(|q| q["id"] == id)
            .unwrap()["note_private"]
            .clone()
    };
    assert_eq!(note_private("build"), true);
    assert_eq!(note_private("people"), false);
}

#[test]
fn a_self_assessments_notes_are_the_persons_own_and_in_the_takeaway() {
    let (a, answers) = coached();
    let r = render_for(&a, &answers, Some(&ada(false)), Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text, &r.json] {
        assert!(out.contains("Talked about a CLI tool"), "{out}");
        assert!(!out.contains("coach only"), "{out}");
    }
}

#[test]
fn the_takeaway_says_what_percents_and_bands_mean() {
    let a = sample();
    let answers = sample_answers(&a, "answers-2.yaml");
    let r = render_for(&a, &answers, Some(&ada(true)), Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(
            out.contains("The strongest fit is Guide at 78% (High)."),
            "{out}"
        );
        assert!(
            out.contains("not a probability and not a test score"),
            "{out}"
        );
        assert!(
            out.contains("High (75% and above)")
                || out.contains("High</strong> (75% and above)")
                || out.contains("**High** (75% and above)"),
            "{out}"
        );
        assert!(out.contains("Below 25%, a track has no band."), "{out}");
        assert!(
            !out.contains("close behind"),
            "Planner is far behind:\n{out}"
        );
    }
}

#[test]
fn a_band_message_is_what_the_band_means() {
    let yaml = COACHED.replace(
        "format: 1\n",
        "format: 1\nbands:\n  - { min: 60, label: Good fit, message: Worth exploring in earnest. }\n  - { min: 0, label: Other }\n",
    );
    let a = load("coached.yaml", yaml.as_bytes()).unwrap().0;
    let (_, answers) = coached();
    let r = render_for(&a, &answers, None, Audience::Mentee);
    assert!(
        r.markdown
            .contains("- **Good fit** (60% and above): Worth exploring in earnest."),
        "{}",
        r.markdown
    );
    assert!(
        r.markdown
            .contains("- **Other** (0% up to 60%): few of the answers point this way."),
        "{}",
        r.markdown
    );
}

#[test]
fn a_track_within_twice_the_tie_margin_is_close_behind() {
    let (a, _) = coached();
    // Maker 100%, Leader 75%... and at a margin of 15 points Leader is
    // within 30: close behind, not a blend.
    let yaml = COACHED.replace("format: 1\n", "format: 1\ntie_margin: 15\n");
    let wide = load("coached.yaml", yaml.as_bytes()).unwrap().0;
    let answers = read_answers(
        "answers.yaml",
        b"assessment: coached\nanswers: { build: 5, people: 4 }\n",
        &a,
    )
    .unwrap()
    .answers;
    let narrow = render_for(&a, &answers, None, Audience::Mentee);
    assert!(
        !narrow.markdown.contains("close behind"),
        "{}",
        narrow.markdown
    );
    let r = render_for(&wide, &answers, None, Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(
            out.contains("Leader is close behind at 75%, 25 points lower"),
            "{out}"
        );
        assert!(out.contains("within 30 points of the top"), "{out}");
    }
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    assert_eq!(json["reading"]["close_behind"], serde_json::json!(["lead"]));
}

#[test]
fn a_blend_gives_both_tracks_summaries_and_growth_steps() {
    let (a, _) = coached();
    let answers = read_answers(
        "answers.yaml",
        b"assessment: coached\nanswers: { build: 4, people: 4 }\n",
        &a,
    )
    .unwrap()
    .answers;
    let r = render_for(&a, &answers, None, Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(
            out.contains("A blend: Maker at 75% (Strong fit) and Leader at 75% (Strong fit)."),
            "{out}"
        );
        assert!(out.contains("People energise you."), "{out}");
        assert!(out.contains("Ship one small tool a month."), "{out}");
        assert!(out.contains("Mentor a new joiner."), "{out}");
    }
}

fn with_goals() -> Meta {
    use crossroads::session::goals::{Goal, Progress, Review};
    Meta {
        goals: vec![
            Goal {
                text: "Mentor a new joiner.".into(),
                track: Some("lead".into()),
                done_when: "They ship their first change alone".into(),
                target: Some("2027-03-01".into()),
            },
            Goal {
                text: "Give a talk | on tools".into(),
                track: None,
                done_when: "Given at the guild".into(),
                target: None,
            },
        ],
        reviews: vec![Review {
            goal: Goal {
                text: "Pair with design weekly".into(),
                ..Goal::default()
            },
            progress: Progress::Dropped,
            note: Some("Team changed".into()),
        }],
        ..ada(false)
    }
}

#[test]
fn goals_are_the_development_plan_and_reviews_say_since_last_time() {
    let (a, answers) = coached();
    let meta = with_goals();
    let r = render_for(&a, &answers, Some(&meta), Audience::Mentee);
    for out in [&r.markdown, &r.html, &r.text] {
        assert!(out.contains("Since last time"), "{out}");
        assert!(out.contains("Pair with design weekly"), "{out}");
        assert!(out.contains("dropped: Team changed"), "{out}");
        assert!(out.contains("Development plan"), "{out}");
        assert!(out.contains("Mentor a new joiner."), "{out}");
        assert!(out.contains("From Leader"), "{out}");
        assert!(
            out.contains("Done when: They ship their first change alone"),
            "{out}"
        );
        assert!(out.contains("By 2027-03-01"), "{out}");
        assert!(out.contains("Growth steps the result suggests"), "{out}");
        assert!(
            out.contains("Ship one small tool a month."),
            "the suggestions stay:\n{out}"
        );
    }
    assert!(
        r.markdown.contains("**Give a talk \\| on tools**"),
        "{}",
        r.markdown
    );
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    assert_eq!(
        json["goals"][0]["done_when"],
        "They ship their first change alone"
    );
    assert_eq!(json["reviews"][0]["progress"], "dropped");
    let none = render_for(&a, &answers, Some(&ada(false)), Audience::Mentee);
    for out in [&none.markdown, &none.html, &none.text] {
        assert!(!out.contains("Since last time"), "{out}");
        assert!(!out.contains("Growth steps the result suggests"), "{out}");
    }
}

#[test]
fn a_question_not_reached_yet_is_not_counted_as_skipped() {
    let (a, answers) = coached();
    let meta = Meta {
        skipped: Some(Vec::new()),
        complete: false,
        ..ada(false)
    };
    let r = render(&a, &answers, Some(&meta));
    for out in [&r.markdown, &r.text] {
        assert!(out.contains("0 skipped, 1 not reached yet"), "{out}");
        assert!(out.contains("not reached yet"), "{out}");
    }
    let json: serde_json::Value = serde_json::from_str(&r.json).unwrap();
    let week = json["answers"]
        .as_array()
        .unwrap()
        .iter()
        .find(|q| q["id"] == "week")
        .unwrap()["status"]
        .clone();
    assert_eq!(week, "not_yet");
}

/// Markdown that a person might type as a note or an answer: a heading, a
/// link, an image, a code fence, a quote and a list, on lines of their own.
const TYPED_MARKDOWN: &str = "## Reset your password\n[Reset password](https://evil.example/login)\n![p](https://evil.example/t.png?u=me)\n```\ncode\n```\n> quoted\n- item\n1. first\nhttps://evil.example/bare <b>bold</b> &amp; *em*";

/// The HTML a CommonMark renderer makes of a Markdown report.
fn commonmark(markdown: &str) -> String {
    let parser = pulldown_cmark::Parser::new_ext(markdown, pulldown_cmark::Options::all());
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    html
}

#[test]
fn markdown_typed_by_a_person_renders_as_the_text_they_typed() {
    let (a, mut answers) = coached();
    let week = a.question_index("week").unwrap();
    answers.set(
        week,
        Some(crossroads::answers::Answer::Text(
            TYPED_MARKDOWN.replace('\n', " "),
        )),
    );
    answers.notes.insert("build".into(), TYPED_MARKDOWN.into());
    let meta = Meta {
        name: Some("[Ada](https://evil.example) ![x](https://evil.example/x.png)".into()),
        ..ada(true)
    };
    let r = render(&a, &answers, Some(&meta));
    let html = commonmark(&r.markdown);
    for made in ["<h2>Reset", "<a ", "<img", "<pre", "<code", "<b>", "<em>em"] {
        assert!(!html.contains(made), "{made} in:\n{html}");
    }
    // The report's own headings stay; the person's quote does not nest.
    assert!(html.contains("<h1>"), "{html}");
    assert!(!html.contains("<blockquote>\n<p>quoted"), "{html}");
    assert!(
        html.contains("Reset password"),
        "the words are kept: {html}"
    );
}

/// Spec 3.5: answers at one point of every scale name no fit anywhere;
/// every front end says first that they cannot separate the tracks.
#[test]
fn a_uniform_response_style_is_said_first_and_names_no_fit() {
    use crossroads::answers::Answer;
    use crossroads::assessment::QuestionKind;
    let b = crossroads::bundled::find("career-tracks").unwrap();
    let a = load("career-tracks", b.yaml.as_bytes()).unwrap().0;
    let mut answers = Answers::new(a.questions.len());
    for (q, question) in a.questions.iter().enumerate() {
        if let QuestionKind::Likert { scale, .. } = &question.kind {
            answers.set(q, Some(Answer::Likert((scale.min + scale.max) / 2)));
        }
    }
    let s = score(&a, &answers);
    assert!(s.response_style.is_some());
    let meta = Meta {
        complete: true,
        ..ada(false)
    };
    let r = render_for(&a, &answers, Some(&meta), Audience::Mentee);
    for out in [&r.markdown, &r.text, &r.html] {
        assert!(out.contains("cannot separate the tracks"), "{out}");
        assert!(!out.contains("Strongest fit"), "{out}");
        assert!(!out.contains("The strongest fit is"), "{out}");
    }
}
