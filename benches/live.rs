//! A live session on loopback, measured end to end with a real OpenSSH
//! client (`ssh -tt`, the code given through `SSH_ASKPASS`):
//!
//! - **key to coach's screen**: from the moment a key is written to the
//!   mentee's ssh client to the moment the coach's screen has drawn the
//!   change (the coach's loop flushes its frame), one key at a time, over
//!   a whole career-tracks walk: median and 95th percentile;
//! - **bytes per answered question** at 80x24: everything the mentee's
//!   client printed while answering, divided by the questions answered;
//! - **memory**: this process (the coach's loop, the listener and the
//!   mentee's screen, as `crossroads run --share` has them) with the
//!   mentee connected, from /proc/self/status.
//!
//! The coach's terminal is the real crossterm backend writing into memory
//! rather than a tty; everything else is the product's code. Run with
//! `cargo bench --bench live`.

use crossroads::answers::Answers;
use crossroads::assessment::QuestionKind;
use crossroads::session::audience::CoachKey;
use crossroads::session::disk::Disk;
use crossroads::session::{Meta, Session};
use crossroads::tui::app::App;
use crossroads::tui::theme::Theme;
use crossroads::tui::{Input, run_loop_beside};
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{Event, KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};
use std::io::{Read, Write};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// The coach's terminal: notes the time each frame is flushed.
#[derive(Clone, Default)]
struct Clock(Arc<Mutex<Vec<Instant>>>);

impl Write for Clock {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        Ok(buf.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.0.lock().unwrap().push(Instant::now());
        Ok(())
    }
}

impl Clock {
    fn frames(&self) -> usize {
        self.0.lock().unwrap().len()
    }
    fn last(&self) -> Instant {
        *self.0.lock().unwrap().last().unwrap()
    }
}

/// The keys that answer each question of the walk, in order.
fn walk(session: &Session) -> Vec<Vec<&'static str>> {
    const DIGITS: [&str; 9] = ["1", "2", "3", "4", "5", "6", "7", "8", "9"];
    session
        .assessment()
        .questions
        .iter()
        .map(|q| match &q.kind {
            QuestionKind::Rank { options, .. } => {
                let mut keys: Vec<&str> = DIGITS[..options.len().min(9)].to_vec();
                keys.push("\r");
                keys
            }
            QuestionKind::Text { .. } => vec!["\t"],
            _ => vec!["2", "\r"],
        })
        .collect()
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() - 1) as f64 * p).round() as usize]
}

fn memory() -> String {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .filter(|l| l.starts_with("VmRSS") || l.starts_with("VmHWM"))
        .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
        .collect::<Vec<_>>()
        .join(" (peak ")
        + ")"
}

fn main() {
    if Command::new("ssh").arg("-V").output().is_err() {
        eprintln!("live: no ssh client here; skipped");
        return;
    }
    let bundled = crossroads::bundled::find("career-tracks").unwrap();
    let a = bundled.load().unwrap().0;
    let n = a.questions.len();
    let meta = Meta {
        name: Some("Bench".into()),
        ..Meta::default()
    };
    let session = Session::new(a, Answers::new(n), meta).coached(CoachKey::from_command_line(true));
    let keys = walk(&session);
    let mut app = App::new(session, Disk::default(), Theme::dark());
    let data = tempfile::tempdir().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let send = tx.clone();
    let mut mentee = crossroads::share::start(
        &mut app,
        "127.0.0.1:0".parse().unwrap(),
        &data.path().join("key"),
        move |e| {
            let _ = send.send(Input::Beside(e));
        },
    )
    .unwrap();
    let lines = app.live.as_ref().unwrap().lines.join(" ");
    let word_after = |label: &str| {
        let at = lines.find(label).unwrap() + label.len();
        lines[at..].split_whitespace().next().unwrap().to_string()
    };
    let (port, code) = (word_after("ssh -p "), word_after("the code "));
    let askpass = data.path().join("code.sh");
    std::fs::write(&askpass, format!("#!/bin/sh\necho {code}\n")).unwrap();
    Command::new("chmod")
        .arg("700")
        .arg(&askpass)
        .status()
        .unwrap();

    let clock = Clock::default();
    let coach_clock = clock.clone();
    let options = TerminalOptions {
        viewport: Viewport::Fixed(Rect::new(0, 0, 100, 32)),
    };
    let mut terminal =
        Terminal::with_options(CrosstermBackend::new(clock.clone()), options).unwrap();

    // The mentee: a real ssh client at 80x24, keys written one at a time.
    let quit = tx.clone();
    let driver = std::thread::spawn(move || {
        let mut ssh = Command::new("ssh")
            .args(["-tt", "-p", &port, "-o", "StrictHostKeyChecking=no"])
            .args(["-o", "UserKnownHostsFile=/dev/null", "-o", "LogLevel=ERROR"])
            .args(["-o", "PubkeyAuthentication=no", "127.0.0.1"])
            .env("SSH_ASKPASS", &askpass)
            .env("SSH_ASKPASS_REQUIRE", "force")
            .env("COLUMNS", "80")
            .env("LINES", "24")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("ssh runs");
        let received = Arc::new(AtomicU64::new(0));
        let mut out = ssh.stdout.take().unwrap();
        let counter = received.clone();
        std::thread::spawn(move || {
            let mut buf = [0u8; 65536];
            while let Ok(n) = out.read(&mut buf) {
                if n == 0 {
                    break;
                }
                counter.fetch_add(n as u64, Ordering::Relaxed);
            }
        });
        let mut input = ssh.stdin.take().unwrap();
        let wait_frame = |before: usize| {
            let until = Instant::now() + Duration::from_secs(1);
            while coach_clock.frames() == before && Instant::now() < until {
                std::hint::spin_loop();
            }
            (coach_clock.frames() > before).then(|| coach_clock.last())
        };
        // Logged in and drawn: the mentee's welcome has arrived.
        let until = Instant::now() + Duration::from_secs(10);
        while received.load(Ordering::Relaxed) < 500 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(10));
        }
        std::thread::sleep(Duration::from_millis(300));
        input.write_all(b"\r").unwrap();
        std::thread::sleep(Duration::from_millis(300));
        let start_bytes = received.load(Ordering::Relaxed);
        let mut latencies = Vec::new();
        for question in &keys {
            for key in question {
                let before = coach_clock.frames();
                let sent = Instant::now();
                input.write_all(key.as_bytes()).unwrap();
                input.flush().unwrap();
                if let Some(drawn) = wait_frame(before) {
                    latencies.push(drawn - sent);
                }
                // Let the mentee's frame arrive before the next key.
                std::thread::sleep(Duration::from_millis(5));
            }
        }
        std::thread::sleep(Duration::from_millis(300));
        let bytes = received.load(Ordering::Relaxed) - start_bytes;
        let rss = memory();
        let _ = quit.send(Input::Terminal(Event::Key(KeyEvent::new(
            KeyCode::Char('q'),
            KeyModifiers::NONE,
        ))));
        let _ = ssh.wait();
        (latencies, bytes, keys.len(), rss)
    });
    run_loop_beside(&mut terminal, &mut app, &mut mentee, rx.iter(), |_| {}).unwrap();
    let (mut latencies, bytes, questions, rss) = driver.join().unwrap();
    latencies.sort();
    assert!(!latencies.is_empty(), "no key reached the coach's screen");
    println!(
        "live/key_to_coach_screen: {} keys, median {:.2} ms, p95 {:.2} ms (target < 20 ms)",
        latencies.len(),
        percentile(&latencies, 0.5).as_secs_f64() * 1e3,
        percentile(&latencies, 0.95).as_secs_f64() * 1e3,
    );
    println!(
        "live/bytes_per_answer_80x24: {} bytes for {questions} questions: {} bytes each (target < 2048)",
        bytes,
        bytes / questions as u64
    );
    println!("live/memory_with_mentee: {rss}");
    println!(
        "live/answers_saved: {} of {questions}",
        app.session.answers().count()
    );
}
