//! Signals that end or stop the app, in a real terminal: the terminal is
//! whole afterwards (main screen, cursor shown, mouse reporting off,
//! cooked mode), the answers are on disk, and the exit status says what
//! happened.

use super::support::tmux::{Tmux, pid_of, wait_for_file};
use super::{BIN, SAMPLE};
use std::process::Command;

/// What tmux knows of the pane's terminal: the alternate screen, the
/// cursor, mouse reporting (each 1 when on).
fn modes(t: &Tmux) -> String {
    let out = Command::new("tmux")
        .args([
            "display-message",
            "-p",
            "-t",
            &t.name,
            "alt=#{alternate_on} cursor=#{cursor_flag} mouse=#{mouse_any_flag}",
        ])
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).trim().to_string()
}

/// The app in a shell in tmux, on question 1 with "Sometimes" picked;
/// the shell writes the exit status to `exit.txt` when it ends.
fn on_question_one(test: &str, dir: &tempfile::TempDir, limit: &str) -> (Tmux, String) {
    let session = dir.path().join("session.yaml");
    let exit = dir.path().join("exit.txt");
    let t = Tmux::start(test, 80, 24, "bash --norc");
    let run = format!("{BIN} run {SAMPLE} --session {}", session.display());
    t.keys(&[
        &format!(
            "bash -c '{limit}exec {run}'; echo \"exit=$?\" > {}",
            exit.display()
        ),
        "Enter",
    ]);
    t.wait_for("Sample paths");
    t.keys(&["Enter"]);
    t.wait_for("Question 1 of");
    t.keys(&["2"]);
    t.wait_for("● Sometimes");
    let pid = pid_of(&run);
    (t, pid)
}

/// The terminal's settings as `stty -a` prints them, in the shell.
fn stty(t: &Tmux, dir: &tempfile::TempDir) -> String {
    let file = dir.path().join("stty.txt");
    t.keys(&[&format!("stty -a > {}", file.display()), "Enter"]);
    wait_for_file(&file, "echo")
}

#[test]
fn sigusr1_saves_gives_the_terminal_back_whole_and_ends_with_138() {
    let dir = tempfile::tempdir().unwrap();
    let (t, pid) = on_question_one("usr1", &dir, "");
    Command::new("kill").args(["-USR1", &pid]).status().unwrap();
    let exit = wait_for_file(&dir.path().join("exit.txt"), "exit=");
    assert_eq!(exit.trim(), "exit=138");
    assert_eq!(modes(&t), "alt=0 cursor=1 mouse=0");
    let saved = std::fs::read_to_string(dir.path().join("session.yaml")).unwrap();
    assert!(saved.contains("tinker: 2"), "{saved}");
    let stty = stty(&t, &dir);
    assert!(
        stty.contains(" icanon") && stty.contains(" echo "),
        "{stty}"
    );
}

#[test]
fn sigusr2_and_sigalrm_end_the_app_as_sigterm_does() {
    for (signal, status) in [("USR2", "exit=140"), ("ALRM", "exit=142")] {
        let dir = tempfile::tempdir().unwrap();
        let (t, pid) = on_question_one(&signal.to_lowercase(), &dir, "");
        Command::new("kill")
            .args([&format!("-{signal}"), &pid])
            .status()
            .unwrap();
        let exit = wait_for_file(&dir.path().join("exit.txt"), "exit=");
        assert_eq!(exit.trim(), status, "SIG{signal}");
        assert_eq!(modes(&t), "alt=0 cursor=1 mouse=0", "SIG{signal}");
    }
}

#[test]
fn ctrl_z_shows_the_cursor_at_the_shell_prompt_and_fg_returns_to_the_question() {
    let dir = tempfile::tempdir().unwrap();
    let (t, _) = on_question_one("ctrlz", &dir, "");
    t.keys(&["C-z"]);
    t.wait_for("Stopped");
    assert_eq!(modes(&t), "alt=0 cursor=1 mouse=0");
    t.keys(&["fg", "Enter"]);
    t.wait_for("Question 1 of");
    assert_eq!(modes(&t), "alt=1 cursor=0 mouse=1");
    t.keys(&["3"]);
    t.wait_for("● Often");
}

#[test]
fn a_save_past_the_file_size_limit_says_not_saved_and_ends_with_1() {
    let dir = tempfile::tempdir().unwrap();
    // No byte may be written to a file: every save meets the limit.
    let (t, _) = on_question_one("xfsz", &dir, "ulimit -f 0; ");
    t.keys(&["Enter"]);
    t.wait_for("Could not save");
    t.keys(&["q"]);
    let exit = wait_for_file(&dir.path().join("exit.txt"), "exit=");
    assert_eq!(exit.trim(), "exit=1");
    let s = t.wait_for("NOT saved");
    assert!(s.contains("File too large"), "{s}");
    assert_eq!(modes(&t), "alt=0 cursor=1 mouse=0");
}
