//! Benchmarks of frames: the bundled career-tracks assessment drawn at
//! 200x60 into ratatui's `TestBackend`, the way the real loop draws
//! (`Terminal::draw`: render every widget into a buffer, diff it against the
//! previous frame, hand the changed cells to the backend).
//!
//! - `first_frame/80x24`: load the bundled assessment (from the JSON that
//!   build.rs makes of it, as the app does), build the `App`,
//!   make a terminal and draw the welcome screen (the in-process part of
//!   `crossroads run career-tracks` before anything shows).
//! - `frame/question_200x60`, `frame/results_200x60`: one draw of an
//!   unchanged screen (all the rendering, no cell to send).
//! - `keystroke/*_200x60`: key events fed to `tui::run_loop` itself (the
//!   app's own loop: `message_for`, `App::update`, and a frame drawn only
//!   when the screen would change): `move` (Down/Up: the highlight moves),
//!   `answer` (digits 2/4 on a likert question: an answer is recorded and
//!   `show_if` re-evaluated; nothing is saved, the app has no session file),
//!   `noop` (Up on the top row: nothing changes, no frame is drawn).
//!   `run_loop` adds one forced frame per call; criterion's batches of
//!   hundreds of keys make it negligible.
//! - `frame_path/*_200x60`: the same keys through `message_for`,
//!   `App::update` and an unconditional `Terminal::draw`, for comparison.
//!
//! Before measuring, it prints how many cells and frames one keystroke of
//! each kind sends to the backend in `run_loop`, counted by a wrapper around
//! `TestBackend`: a keystroke that changes nothing must send neither.

use criterion::{Criterion, black_box};
use crossroads::answers::{Answers, read_answers};
use crossroads::assessment::{Assessment, load};
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Session};
use crossroads::tui::app::{App, Screen, View};
use crossroads::tui::keymap::Message;
use crossroads::tui::theme::Theme;
use crossroads::tui::{Input, message_for, run_loop};
use ratatui::Terminal;
use ratatui::backend::{Backend, ClearType, TestBackend, WindowSize};
use ratatui::buffer::Cell;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::{Position, Size};
use std::time::{Duration, Instant};

const PERSONA: &[u8] = include_bytes!("../tests/personas/torn.yaml");

/// `TestBackend` that counts the cells and draws it is handed.
struct Counting {
    inner: TestBackend,
    cells: usize,
    draws: usize,
}

impl Counting {
    fn new(w: u16, h: u16) -> Self {
        Counting {
            inner: TestBackend::new(w, h),
            cells: 0,
            draws: 0,
        }
    }
}

impl Backend for Counting {
    type Error = <TestBackend as Backend>::Error;

    fn draw<'a, I>(&mut self, content: I) -> Result<(), Self::Error>
    where
        I: Iterator<Item = (u16, u16, &'a Cell)>,
    {
        let cells: Vec<_> = content.collect();
        self.draws += 1;
        self.cells += cells.len();
        self.inner.draw(cells.into_iter())
    }
    fn hide_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.hide_cursor()
    }
    fn show_cursor(&mut self) -> Result<(), Self::Error> {
        self.inner.show_cursor()
    }
    fn get_cursor_position(&mut self) -> Result<Position, Self::Error> {
        self.inner.get_cursor_position()
    }
    fn set_cursor_position<P: Into<Position>>(&mut self, position: P) -> Result<(), Self::Error> {
        self.inner.set_cursor_position(position)
    }
    fn clear(&mut self) -> Result<(), Self::Error> {
        self.inner.clear()
    }
    fn clear_region(&mut self, clear_type: ClearType) -> Result<(), Self::Error> {
        self.inner.clear_region(clear_type)
    }
    fn size(&self) -> Result<Size, Self::Error> {
        self.inner.size()
    }
    fn window_size(&mut self) -> Result<WindowSize, Self::Error> {
        self.inner.window_size()
    }
    fn flush(&mut self) -> Result<(), Self::Error> {
        self.inner.flush()
    }
}

fn bundled() -> Assessment {
    let b = crossroads::bundled::find("career-tracks").expect("career-tracks is bundled");
    load("career-tracks", b.yaml.as_bytes()).unwrap().0
}

fn key(code: KeyCode) -> Event {
    Event::Key(KeyEvent::new(code, KeyModifiers::NONE))
}

/// The app on its first question (a likert one), sized to `w` x `h`.
fn question_app(w: u16, h: u16) -> App {
    let a = bundled();
    let n = a.questions.len();
    let mut app = App::new(
        Session::new(a, Answers::new(n), Meta::default()),
        Disk::default(),
        Theme::dark(),
    );
    let _ = app.update(Message::Resize(w, h));
    let m = message_for(&app, &key(KeyCode::Enter)).expect("Enter starts");
    let _ = app.update(m);
    assert_eq!(app.screen(), Screen::Question);
    app
}

/// A valid assessment of `questions` likert statements in sections of
/// 50, each `text_len` characters long (the red team's 28 MB file had
/// 5,000 questions of about 5,000 characters), every one answered.
fn huge_results_app(questions: usize, text_len: usize) -> App {
    let mut y = String::from(
        "format: 1\nid: huge\ntitle: Huge\ntracks:\n  - { id: a, name: Alpha }\n  - { id: b, name: Beta }\nsections:\n",
    );
    let words = "a long statement about work ".repeat(text_len / 28 + 1);
    for q in 0..questions {
        if q % 50 == 0 {
            y.push_str(&format!(
                "  - id: s{q}\n    title: Section {q}\n    questions:\n"
            ));
        }
        let w = if q % 2 == 0 { "a: 1" } else { "b: 1" };
        y.push_str(&format!(
            "      - {{ id: q{q}, type: likert, text: \"{} {q}\", weights: {{ {w} }} }}\n",
            &words[..text_len]
        ));
    }
    let a = load("huge.yaml", y.as_bytes()).unwrap().0;
    let mut answers = Answers::new(a.questions.len());
    for q in 0..a.questions.len() {
        answers.set(
            q,
            Some(crossroads::answers::Answer::Likert(1 + (q % 5) as i64)),
        );
    }
    let mut app = App::new(
        Session::new(a, answers, Meta::default()),
        Disk::default(),
        Theme::dark(),
    );
    let _ = app.update(Message::Resize(80, 24));
    app.view = View::Results { scroll: 0 };
    app
}

/// The app on the results of a fully answered career-tracks.
fn results_app(w: u16, h: u16) -> App {
    let a = bundled();
    let answers = read_answers("torn.yaml", PERSONA, &a).unwrap().answers;
    let mut app = App::new(
        Session::new(a, answers, Meta::default()),
        Disk::default(),
        Theme::dark(),
    );
    let _ = app.update(Message::Resize(w, h));
    app.view = View::Results { scroll: 0 };
    app
}

fn terminal(w: u16, h: u16) -> Terminal<Counting> {
    Terminal::new(Counting::new(w, h)).unwrap()
}

/// One key through `message_for`, `App::update` and `Terminal::draw`.
fn keystroke(app: &mut App, term: &mut Terminal<Counting>, event: &Event) {
    if let Some(m) = message_for(app, event) {
        crossroads::tui::handle(app, m);
        term.draw(|f| f.render_widget(&*app, f.area())).unwrap();
    }
}

/// Feeds events to the app's own loop; it ends with `Message::Quit`, which
/// only sets `quit` when the app has no session file, so it is reset.
fn feed(app: &mut App, term: &mut Terminal<Counting>, events: impl Iterator<Item = Event>) {
    run_loop(term, app, events.map(Input::Terminal)).unwrap();
    app.quit = false;
}

/// Cells and frames sent to the backend by one keystroke in `run_loop`,
/// after its first (forced) frame.
fn sent_by(mut app: App, event: &Event) -> (usize, usize) {
    let mut term = terminal(200, 60);
    feed(&mut app, &mut term, std::iter::empty());
    let (cells, draws) = (term.backend().cells, term.backend().draws);
    feed(&mut app, &mut term, std::iter::once(event.clone()));
    // The forced frame of the second call sends no cell but is one draw.
    (
        term.backend().cells - cells,
        term.backend().draws - draws - 1,
    )
}

fn report_cells() {
    let up = key(KeyCode::Up);
    let down = key(KeyCode::Down);
    let two = key(KeyCode::Char('2'));
    let mut at_two = question_app(200, 60);
    feed(
        &mut at_two,
        &mut terminal(200, 60),
        std::iter::once(two.clone()),
    );
    let show = |(cells, frames): (usize, usize)| format!("{cells} cells in {frames} frame(s)");
    eprintln!(
        "sent to the terminal by one keystroke in run_loop at 200x60 (12000 cells): \
         Down {}; digit 2 {}; Up on the top row (no change) {}; digit 2 again (no change) {}",
        show(sent_by(question_app(200, 60), &down)),
        show(sent_by(question_app(200, 60), &two)),
        show(sent_by(question_app(200, 60), &up)),
        show(sent_by(at_two, &two)),
    );
}

fn benches(c: &mut Criterion) {
    let mut g = c.benchmark_group("first_frame");
    let bundled = crossroads::bundled::find("career-tracks").unwrap();
    g.bench_function("80x24", |b| {
        b.iter(|| {
            // As `crossroads run career-tracks` loads it: from the JSON.
            let a = black_box(bundled).load().unwrap().0;
            let n = a.questions.len();
            let mut app = App::new(
                Session::new(a, Answers::new(n), Meta::default()),
                Disk::default(),
                Theme::dark(),
            );
            let _ = app.update(Message::Resize(80, 24));
            let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
            term.draw(|f| f.render_widget(&app, f.area())).unwrap();
            term.backend().buffer().area.width
        })
    });
    g.finish();

    let mut g = c.benchmark_group("frame");
    let app = question_app(200, 60);
    let mut term = terminal(200, 60);
    g.bench_function("question_200x60", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(black_box(&app), f.area()))
                .unwrap();
        })
    });
    let app = results_app(200, 60);
    let mut term = terminal(200, 60);
    g.bench_function("results_200x60", |b| {
        b.iter(|| {
            term.draw(|f| f.render_widget(black_box(&app), f.area()))
                .unwrap();
        })
    });
    g.finish();

    let cases = |a: KeyCode, b: KeyCode| [key(a), key(b)];
    let cases = [
        ("move_200x60", cases(KeyCode::Down, KeyCode::Up)),
        (
            "answer_200x60",
            cases(KeyCode::Char('2'), KeyCode::Char('4')),
        ),
        ("noop_200x60", cases(KeyCode::Up, KeyCode::Up)),
    ];

    let mut g = c.benchmark_group("keystroke");
    for (name, events) in &cases {
        let mut app = question_app(200, 60);
        let mut term = terminal(200, 60);
        g.bench_function(*name, |b| {
            b.iter_custom(|iters| {
                let keys = (0..iters as usize).map(|i| events[i % 2].clone());
                let start = Instant::now();
                feed(&mut app, &mut term, keys);
                start.elapsed()
            })
        });
    }
    g.finish();

    // Scrolling the results of a very large assessment: laid out once per
    // size, so a key costs one screenful (target: under 16 ms).
    let mut g = c.benchmark_group("results_scroll");
    let mut app = huge_results_app(5_000, 5_000);
    let mut term = terminal(80, 24);
    term.draw(|f| f.render_widget(&app, f.area())).unwrap();
    let scroll = [key(KeyCode::Down), key(KeyCode::Up)];
    let mut i = 0usize;
    g.bench_function("5000_questions_80x24", |b| {
        b.iter(|| {
            i += 1;
            keystroke(&mut app, &mut term, black_box(&scroll[i % 2]));
        })
    });
    g.finish();

    let mut g = c.benchmark_group("frame_path");
    for (name, events) in &cases {
        let mut app = question_app(200, 60);
        let mut term = terminal(200, 60);
        term.draw(|f| f.render_widget(&app, f.area())).unwrap();
        let mut i = 0usize;
        g.bench_function(*name, |b| {
            b.iter(|| {
                i += 1;
                keystroke(&mut app, &mut term, black_box(&events[i % 2]));
            })
        });
    }
    g.finish();
}

fn main() {
    report_cells();
    let mut c = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3))
        .configure_from_args();
    benches(&mut c);
    c.final_summary();
}
