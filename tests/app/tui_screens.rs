//! Every screen drawn at 80x24 and 40x12 (insta snapshots), and at any
//! size down to 1x1 without a panic.

use crate::support;

use crossroads::tui::app::App;
use crossroads::tui::{Ending, Input, run_loop};
use ratatui::crossterm::event::{Event, KeyCode};
use support::*;

/// The sample walked to each screen worth seeing.
fn screens() -> Vec<(&'static str, App)> {
    let mut out = Vec::new();
    let a = app(sample());
    out.push(("welcome", a.clone()));
    let mut q = a.clone();
    press(&mut q, &typed("\n3"));
    out.push(("likert", q.clone()));
    let mut hint = a.clone();
    press(&mut hint, &typed("\n\n"));
    out.push(("likert-hint", hint));
    let mut choice = a.clone();
    press(&mut choice, &typed("\n\t\t"));
    out.push(("choice", choice.clone()));
    let mut multi = choice.clone();
    press(&mut multi, &typed("1\n13"));
    out.push(("multi", multi.clone()));
    let mut rank = multi.clone();
    press(&mut rank, &typed("\n3"));
    out.push(("rank", rank.clone()));
    let mut text = rank.clone();
    press(&mut text, &typed("\nShip a tool"));
    out.push(("text", text.clone()));
    let mut overview = text.clone();
    press(&mut overview, &[ctrl('o')]);
    out.push(("overview", overview));
    let mut results = text.clone();
    press(&mut results, &typed("\n"));
    out.push(("results", results.clone()));
    let mut help = q.clone();
    press(&mut help, &typed("?"));
    out.push(("help", help));
    let mut note = q.clone();
    press(&mut note, &[ctrl('n')]);
    press(&mut note, &typed("Lit up here"));
    out.push(("note", note));
    out.extend(coach_screens());
    out
}

/// Coach mode: the name on the welcome screen, the prompt, the live scores.
fn coach_screens() -> Vec<(&'static str, App)> {
    let mut a = sample();
    a.questions[0].coach = Some("What did you build last?".into());
    let mut coach = coach_app(a);
    let mut out = vec![];
    press(&mut coach, &typed("Ada"));
    out.push(("coach-welcome", coach.clone()));
    press(&mut coach, &typed("\n4s"));
    out.push(("coach-question", coach));
    out
}

#[test]
fn every_screen_at_80x24() {
    for (name, app) in screens() {
        insta::assert_snapshot!(format!("{name}-80x24"), screen(&app, 80, 24));
    }
}

#[test]
fn every_screen_at_40x12() {
    for (name, app) in screens() {
        insta::assert_snapshot!(format!("{name}-40x12"), screen(&app, 40, 12));
    }
}

#[test]
fn the_bundled_results_at_80x24() {
    let mut a = app(bundled("career-tracks"));
    for _ in 0..60 {
        press(&mut a, &typed("1\n"));
    }
    insta::assert_snapshot!("career-tracks-results-80x24", screen(&a, 80, 24));
}

#[test]
fn the_coach_panel_sits_beside_the_question_when_wide() {
    let (_, app) = coach_screens().pop().unwrap();
    insta::assert_snapshot!("coach-question-120x30", screen(&app, 120, 30));
}

#[test]
fn coach_prompts_never_show_in_a_self_assessment() {
    let mut a = sample();
    a.questions[0].coach = Some("What did you build last?".into());
    let mut plain = app(a);
    press(&mut plain, &typed("\n4s"));
    for (w, h) in [(120, 30), (80, 24), (40, 12)] {
        assert!(!screen(&plain, w, h).contains("What did you build"));
    }
}

#[test]
fn a_window_too_small_asks_to_be_larger() {
    let a = app(sample());
    let s = screen(&a, 20, 6);
    assert!(s.contains("Too small"), "{s}");
}

#[test]
fn no_screen_panics_at_any_size_down_to_1x1() {
    for (_, app) in screens() {
        for (w, h) in [
            (1, 1),
            (2, 1),
            (8, 3),
            (10, 4),
            (20, 6),
            (29, 7),
            (30, 8),
            (31, 9),
            (50, 10),
            (200, 60),
        ] {
            let _ = screen(&app, w, h);
        }
    }
}

#[test]
fn a_hostile_assessment_draws_no_control_characters() {
    let yaml = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace(
            "title: Sample paths",
            "title: \"Sample\\e]0;pwned\\a\\e[2J paths\\u202e\"",
        )
        .replace(
            "text: I tinker with tools in my free time.",
            "text: \"I tinker\\e[31m red\\x9b1m\"",
        );
    let mut a = crossroads::assessment::load("h.yaml", yaml.as_bytes())
        .unwrap()
        .0;
    crossroads::assessment::clean::clean(&mut a);
    let mut app = support::app(a);
    for keys in ["", "\n"] {
        press(&mut app, &typed(keys));
        let s = screen(&app, 80, 24);
        assert!(
            !s.chars()
                .any(|c| c.is_control() && c != '\n' || c == '\u{202e}'),
            "{s:?}"
        );
        assert!(!s.contains("pwned"));
    }
}

#[test]
fn the_loop_runs_a_whole_assessment_on_a_test_backend() {
    let mut app = app(sample());
    let backend = ratatui::backend::TestBackend::new(100, 32);
    let mut terminal = ratatui::Terminal::new(backend).unwrap();
    let mut keys: Vec<Input> = Vec::new();
    for _ in 0..12 {
        keys.push(Input::Terminal(key(KeyCode::Char('1'))));
        keys.push(Input::Terminal(key(KeyCode::Enter)));
    }
    keys.push(Input::Terminal(Event::Resize(40, 12)));
    keys.push(Input::Terminal(key(KeyCode::Char('q'))));
    let ending = run_loop(&mut terminal, &mut app, keys).unwrap();
    assert_eq!(ending, Ending::Quit);
    assert_eq!(app.size, (40, 12));
    assert_eq!(
        app.session.answers().count(),
        6,
        "tinker, calendar, role, tools, order, dream"
    );
}

#[test]
fn a_signal_saves_and_ends_the_loop() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let mut app = saving_app(sample(), &path);
    let mut terminal = ratatui::Terminal::new(ratatui::backend::TestBackend::new(80, 24)).unwrap();
    let inputs = vec![
        Input::Terminal(key(KeyCode::Enter)),
        Input::Terminal(key(KeyCode::Char('2'))),
        Input::Signal(15),
    ];
    assert_eq!(
        run_loop(&mut terminal, &mut app, inputs).unwrap(),
        Ending::Signal(15)
    );
    assert!(
        std::fs::read_to_string(&path)
            .unwrap()
            .contains("tinker: 2")
    );
}

/// Counts the bytes a terminal backend writes.
#[derive(Clone, Default)]
struct Counted(std::sync::Arc<std::sync::atomic::AtomicUsize>);

impl std::io::Write for Counted {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        self.0
            .fetch_add(buf.len(), std::sync::atomic::Ordering::SeqCst);
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl Counted {
    fn take(&self) -> usize {
        self.0.swap(0, std::sync::atomic::Ordering::SeqCst)
    }
}

/// Bytes the loop writes to a 200x60 terminal for these keys.
fn bytes_written(keys: &[KeyCode]) -> usize {
    use ratatui::backend::CrosstermBackend;
    use ratatui::layout::Rect;
    use ratatui::{Terminal, TerminalOptions, Viewport};
    let bytes = Counted::default();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 200, 60)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(bytes.clone()), options).unwrap();
    let mut app = app(sample());
    let inputs: Vec<Input> = keys.iter().map(|k| Input::Terminal(key(*k))).collect();
    run_loop(&mut terminal, &mut app, inputs).unwrap();
    bytes.take()
}

#[test]
fn a_key_that_changes_nothing_draws_no_frame() {
    let start = bytes_written(&[KeyCode::Enter]);
    // Up on the first option, three times: the screen stays as it was.
    assert_eq!(
        bytes_written(&[KeyCode::Enter, KeyCode::Up, KeyCode::Up, KeyCode::Up]),
        start
    );
    // A real change writes only the cells that changed.
    let moved = bytes_written(&[KeyCode::Enter, KeyCode::Down]) - start;
    assert!(
        moved > 0 && moved < start / 4,
        "{moved} bytes for a highlight move"
    );
}

#[test]
fn a_text_answer_taller_than_the_screen_scrolls_to_keep_the_cursor_in_view() {
    use crossroads::tui::keymap::Message;
    let mut a = app(sample());
    // To the text question ("dream"), as in `screens`.
    press(&mut a, &typed("\n3\n1\n\t1\n13\n3\n"));
    handle(&mut a, Message::Resize(30, 10));
    let words: String = (0..40).map(|i| format!("w{i} ")).collect();
    press(&mut a, &typed(&format!("START {words}")));
    let end = screen(&a, 30, 10);
    assert!(end.contains("w39"), "{end}");
    assert!(!end.contains("START"), "{end}");
    press(&mut a, &[key(KeyCode::Home)]);
    let home = screen(&a, 30, 10);
    assert!(home.contains("> START"), "{home}");
}

/// Tracks, title and options with flags, skin tones, joined and wide emoji.
const EMOJI: &str = r#"
format: 1
id: emoji
title: "🚀 Launch 🎉 check 👩‍💻👨‍👩‍👧‍👦 🇫🇷🇯🇵 👍🏽👍🏿 and a long title to fill the header line"
tracks:
  - { id: a, name: "🚀🎉 Rocket builder 🇫🇷" }
  - { id: b, name: "👩‍💻 Coder 👍🏽👍🏿" }
  - { id: c, name: "👨‍👩‍👧‍👦 Family person 🇯🇵🇬🇧" }
sections:
  - id: s
    title: "🎯 Aims 👩‍🔬"
    questions:
      - id: q1
        type: choice
        text: "Pick one 🤷🏽‍♀️"
        options:
          - { id: x, label: "🚀 Launch 🇫🇷", weights: { a: 2 } }
          - { id: y, label: "👩‍💻 Code 👍🏽", weights: { b: 2 } }
          - { id: z, label: "👨‍👩‍👧‍👦 Family 🇯🇵", weights: { c: 2 } }
      - id: q2
        type: likert
        text: "I like 🎉 parties 👯‍♀️"
        weights: { a: 1, c: 1 }
"#;

#[test]
fn emoji_in_names_keep_every_result_line_and_its_percent_on_screen() {
    let a = crossroads::assessment::load("emoji.yaml", EMOJI.as_bytes())
        .unwrap()
        .0;
    let mut app = app(a);
    press(&mut app, &typed("\n1\n4\n"));
    // Each track's line keeps its percent and its band inside the 80 cells
    // (the grid drops whatever would fall past the edge).
    let s = screen(&app, 80, 24);
    for name in ["Rocket builder", "Coder", "Family person"] {
        let line = s
            .lines()
            .find(|l| l.contains(name) && (l.contains('█') || l.contains('░')))
            .unwrap_or_else(|| panic!("{name}: {s}"));
        assert!(line.contains('%') && line.contains("fit"), "{line}\n{s}");
    }
}

#[test]
fn a_blends_choosing_heading_wraps_on_a_narrow_plan_screen() {
    use crossroads::session::disk::Disk;
    use crossroads::session::{Meta, Session};
    let a = bundled("career-tracks");
    let persona = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/personas/torn.yaml"
    ))
    .unwrap();
    let answers = crossroads::answers::read_answers("torn", &persona, &a)
        .unwrap()
        .answers;
    let session = Session::new(a, answers, Meta::default());
    let mut app = App::new(
        session,
        Disk::default(),
        crossroads::tui::theme::Theme::mono(),
    );
    press(&mut app, &[key(KeyCode::Enter)]);
    // Resumed at the first question: skipping on through the last one
    // (the only one unanswered) reaches the results.
    press(&mut app, &vec![key(KeyCode::Tab); 53]);
    press(&mut app, &typed("g"));
    press(&mut app, &vec![key(KeyCode::Down); 20]);
    let shown = screen(&app, 40, 30);
    assert!(
        shown.contains("Choosing between Product Manager and\n People manager"),
        "{shown}"
    );
}

#[test]
fn scrolling_the_results_reuses_their_layout_until_an_answer_changes() {
    let mut app = app(sample());
    press(&mut app, &typed("1111111"));
    app.view = crossroads::tui::app::View::Results { scroll: 0 };
    screen(&app, 80, 24);
    let first = app.results_layout.borrow().as_ref().unwrap().1.clone();
    press(&mut app, &[key(KeyCode::Down), key(KeyCode::Down)]);
    screen(&app, 80, 24);
    let after_scroll = app.results_layout.borrow().as_ref().unwrap().1.clone();
    assert!(
        std::rc::Rc::ptr_eq(&first, &after_scroll),
        "a scroll key lays out nothing again"
    );
    screen(&app, 60, 24);
    let narrower = app.results_layout.borrow().as_ref().unwrap().1.clone();
    assert!(
        !std::rc::Rc::ptr_eq(&first, &narrower),
        "a new width is laid out anew"
    );
}

#[test]
fn the_status_sits_above_the_coachs_live_lines_and_the_footer_below_them() {
    use crossroads::tui::app::{Live, Status};
    let mut a = sample();
    a.questions[0].coach = Some("What did you build last?".into());
    let mut coach = coach_app(a);
    press(&mut coach, &typed("Ada\n"));
    coach.live = Some(Live {
        lines: vec!["Tell the mentee: ssh -p 2222 mentee@host".into()],
        ..Live::default()
    });
    coach.status = Some(Status::Warning("Not saved yet".into()));
    let s = screen(&coach, 80, 24);
    let row = |text: &str| {
        s.lines()
            .position(|l| l.contains(text))
            .unwrap_or_else(|| panic!("{text}: {s}"))
    };
    assert_eq!(row("! Not saved yet") + 1, row("Tell the mentee"), "{s}");
    assert_eq!(row("Tell the mentee") + 1, row("1-4 pick"), "{s}");
    assert_eq!(row("1-4 pick"), 22, "{s}");
}
