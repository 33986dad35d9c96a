//! The real binary in a real pseudo-terminal (tmux): walk a whole
//! assessment, quit, check the terminal and the session; kill it mid-way.

use std::path::PathBuf;
use std::process::Command;
use std::time::Duration;

pub(crate) const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
pub(crate) const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

#[path = "tui_e2e/live.rs"]
mod live;
#[path = "tui_e2e/signals.rs"]
mod signals;
use crate::support;

use support::tmux::{Tmux, pid_of, wait_for_file};

fn session_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("session.yaml")
}

#[test]
fn a_whole_walk_pressing_1_then_enter_ends_on_the_results_and_q_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let after = dir.path().join("after.txt");
    let cmd = format!(
        "{BIN} run {SAMPLE} --session {}; echo \"exit=$?\" > {}; stty -a >> {}; sleep 30",
        session.display(),
        after.display(),
        after.display()
    );
    let t = Tmux::start("walk", 100, 32, &cmd);
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    for _ in 0..10 {
        if t.screen().contains("Results") {
            break;
        }
        t.keys(&["1", "Enter"]);
        std::thread::sleep(Duration::from_millis(80));
    }
    let s = t.wait_for("Results");
    let tracks = s.find("Builder").expect("Builder listed");
    assert!(s.contains('%'));
    assert!(
        s[tracks..].contains("Guide") && s[tracks..].contains("Planner"),
        "{s}"
    );
    t.keys(&["q"]);
    let report = wait_for_file(&after, "icanon");
    assert!(report.starts_with("exit=0"), "{report}");
    assert!(
        report.contains(" icanon") && report.contains(" echo"),
        "terminal not back in cooked mode: {report}"
    );
    let out = Command::new(BIN)
        .args(["score", SAMPLE, "--answers"])
        .arg(&session)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(
        saved.contains("tinker: 1") && saved.contains("role: make"),
        "{saved}"
    );
}

#[test]
fn kill_9_after_five_answers_leaves_them_on_disk_in_a_scorable_file() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let t = Tmux::start(
        "kill",
        80,
        24,
        &format!(
            "{BIN} run {SAMPLE} --session {}; sleep 30",
            session.display()
        ),
    );
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    for n in 1..=5 {
        t.keys(&["1", "Enter"]);
        t.wait_for(&format!("Question {} of", n + 1));
    }
    let pid = pid_of(&format!(
        "{BIN} run {SAMPLE} --session {}",
        session.display()
    ));
    Command::new("kill").args(["-9", &pid]).status().unwrap();
    let out = Command::new(BIN)
        .args(["score", SAMPLE, "--answers"])
        .arg(&session)
        .args(["--format", "json"])
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["answered"], 5);
}

#[test]
fn a_tiny_terminal_asks_for_room_and_survives_resizing() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let t = Tmux::start(
        "tiny",
        10,
        4,
        &format!(
            "{BIN} run {SAMPLE} --session {}; echo gone; sleep 30",
            session.display()
        ),
    );
    t.wait_for("Too small");
    for (w, h) in [(40, 12), (20, 6), (8, 3), (200, 60), (80, 24)] {
        t.resize(w, h);
        std::thread::sleep(Duration::from_millis(100));
    }
    t.wait_for("Sample paths");
    assert!(!t.screen().contains("gone"));
}

/// CPU ticks (user + system) a process has used.
fn cpu_ticks(pid: &str) -> u64 {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat")).unwrap();
    let after = &stat[stat.rfind(')').unwrap() + 2..];
    let fields: Vec<&str> = after.split(' ').collect();
    fields[11].parse::<u64>().unwrap() + fields[12].parse::<u64>().unwrap()
}

#[test]
fn a_hostile_assessment_cannot_retitle_or_clear_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let hostile = dir.path().join("hostile.yaml");
    let yaml = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace(
            "title: Sample paths",
            "title: \"Sample\\e]0;PWNED\\a\\e]2;PWNED\\e\\\\ paths\\e[2J\\e[31m\"",
        )
        .replace(
            "text: I tinker with tools in my free time.",
            "text: \"I tinker\\e[H\\e[2J\\u202e with tools\\x9b2J\"",
        );
    std::fs::write(&hostile, yaml).unwrap();
    let session = session_in(&dir);
    let t = Tmux::start(
        "hostile",
        80,
        24,
        &format!(
            "{BIN} run {} --session {}; sleep 30",
            hostile.display(),
            session.display()
        ),
    );
    let s = t.wait_for("paths");
    assert!(s.contains("Session file"), "welcome fully drawn: {s}");
    t.keys(&["Enter"]);
    let s = t.wait_for("with tools");
    assert!(s.contains("Question 1 of"), "{s}");
    let title = Command::new("tmux")
        .args(["display-message", "-p", "-t", &t.name, "#{pane_title}"])
        .output()
        .unwrap();
    assert!(!String::from_utf8_lossy(&title.stdout).contains("PWNED"));
}

#[test]
fn an_idle_screen_uses_no_cpu() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let cmd = format!("{BIN} run {SAMPLE} --session {}", session.display());
    let t = Tmux::start("idle", 80, 24, &format!("{cmd}; sleep 30"));
    t.wait_for("Sample paths");
    let pid = pid_of(&cmd);
    let before = cpu_ticks(&pid);
    std::thread::sleep(Duration::from_secs(2));
    let used = cpu_ticks(&pid) - before;
    assert!(used <= 1, "{used} ticks of CPU while idle");
}

#[test]
fn a_coach_walk_shows_prompts_and_saves_a_note_typed_with_ctrl_n() {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("coached.yaml");
    let yaml = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace("        text: I tinker with tools in my free time.", "        text: I tinker with tools in my free time.\n        coach: What did you last take apart?");
    std::fs::write(&assessment, yaml).unwrap();
    let session = session_in(&dir);
    let t = Tmux::start(
        "coach",
        100,
        32,
        &format!(
            "{BIN} run {} --coach --name Ada --session {}; sleep 30",
            assessment.display(),
            session.display()
        ),
    );
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("What did you last take apart?");
    t.keys(&["C-n"]);
    t.wait_for("Note on");
    t.keys(&["-l", "Loves fixing bikes"]);
    t.keys(&["Escape"]);
    t.wait_for("Note saved");
    let saved = std::fs::read_to_string(&session).unwrap();
    // The coach's note is the coach's: private, not among the mentee's notes.
    assert!(
        saved.contains(
            "coach_notes:\n    questions:\n      tinker:\n        text: Loves fixing bikes"
        ),
        "{saved}"
    );
    assert!(!saved.contains("tinker: Loves fixing bikes"), "{saved}");
    assert!(saved.contains("name: Ada"), "{saved}");
}

#[test]
fn without_coach_mode_no_coach_prompt_is_ever_shown() {
    let dir = tempfile::tempdir().unwrap();
    let assessment = dir.path().join("coached.yaml");
    let yaml = std::fs::read_to_string(SAMPLE)
        .unwrap()
        .replace("        text: I tinker with tools in my free time.", "        text: I tinker with tools in my free time.\n        coach: What did you last take apart?");
    std::fs::write(&assessment, yaml).unwrap();
    let session = session_in(&dir);
    let t = Tmux::start(
        "nocoach",
        100,
        32,
        &format!(
            "{BIN} run {} --session {}; sleep 30",
            assessment.display(),
            session.display()
        ),
    );
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    let s = t.wait_for("Question 1 of");
    assert!(!s.contains("take apart"), "{s}");
    t.keys(&["s"]);
    std::thread::sleep(Duration::from_millis(200));
    assert!(!t.screen().contains("take apart"));
}

#[test]
fn with_the_data_folder_a_regular_file_the_app_says_at_once_and_ends_with_1() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("crossroads"), "x").unwrap();
    let after = dir.path().join("after.txt");
    let cmd = format!(
        "XDG_DATA_HOME={} {BIN} run {SAMPLE} 2> {}; echo \"exit=$?\" >> {}; sleep 30",
        dir.path().display(),
        after.display(),
        after.display()
    );
    let t = Tmux::start("unsaved", 80, 24, &cmd);
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["1", "Enter"]);
    t.wait_for("Could not save");
    t.keys(&["2", "Enter", "q"]);
    let text = wait_for_file(&after, "exit=");
    assert!(text.contains("exit=1"), "{text}");
    assert!(text.contains("NOT saved"), "{text}");
    assert!(!text.contains("saved in"), "{text}");
}

/// The terminal's settings as `stty -a` prints them, in a shell inside tmux.
fn stty_in(t: &Tmux, file: &std::path::Path) -> String {
    t.keys(&[&format!("stty -a > {}", file.display()), "Enter"]);
    wait_for_file(file, "echo")
}

#[test]
fn sigtstp_gives_the_terminal_back_and_fg_redraws_with_keys_acting_at_once() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let t = Tmux::start("tstp", 80, 24, "bash --norc");
    t.keys(&[
        &format!("{BIN} run {SAMPLE} --session {}", session.display()),
        "Enter",
    ]);
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    let pid = pid_of(&format!(
        "{BIN} run {SAMPLE} --session {}",
        session.display()
    ));
    Command::new("kill").args(["-TSTP", &pid]).status().unwrap();
    t.wait_for("Stopped");
    let stty = stty_in(&t, &dir.path().join("stty.txt"));
    assert!(
        stty.contains(" icanon") && stty.contains(" echo "),
        "{stty}"
    );
    t.keys(&["fg", "Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["3"]);
    let s = t.wait_for("● Often");
    assert!(s.contains("Question 1 of"), "{s}");
}

#[test]
fn sigquit_saves_and_leaves_the_terminal_in_cooked_mode() {
    let dir = tempfile::tempdir().unwrap();
    let session = session_in(&dir);
    let t = Tmux::start("quit", 80, 24, "bash --norc");
    t.keys(&[
        &format!("{BIN} run {SAMPLE} --session {}", session.display()),
        "Enter",
    ]);
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["2"]);
    t.wait_for("● Sometimes");
    let pid = pid_of(&format!(
        "{BIN} run {SAMPLE} --session {}",
        session.display()
    ));
    Command::new("kill").args(["-QUIT", &pid]).status().unwrap();
    // Back at the shell, after the closing lines.
    t.wait_for("crossroads report");
    let saved = wait_for_file(&session, "tinker: 2");
    assert!(saved.contains("tinker: 2"));
    let stty = stty_in(&t, &dir.path().join("stty.txt"));
    assert!(
        stty.contains(" icanon") && stty.contains(" echo "),
        "{stty}"
    );
}
