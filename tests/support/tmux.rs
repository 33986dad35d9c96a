//! Driving the real binary in a real pseudo-terminal with tmux.

use std::path::Path;
use std::process::Command;
use std::time::{Duration, Instant};

/// A tmux session that is killed when dropped.
pub struct Tmux {
    pub name: String,
}

impl Tmux {
    /// Starts `command` in a new detached session of `w` x `h`.
    pub fn start(test: &str, w: u16, h: u16, command: &str) -> Tmux {
        let name = format!("crossroads-{}-{test}", std::process::id());
        // tmux ends its server when its last session closes: a session
        // started by another test at that moment meets a server on its way
        // out and fails. Starting again then starts a new server.
        let mut tries = 0;
        loop {
            let status = Command::new("tmux")
                .args([
                    "new-session",
                    "-d",
                    "-s",
                    &name,
                    "-x",
                    &w.to_string(),
                    "-y",
                    &h.to_string(),
                    command,
                ])
                .env_remove("TMUX")
                .status()
                .expect("tmux is installed (.ci/run installs it)");
            tries += 1;
            if status.success() {
                break;
            }
            assert!(tries < 5, "tmux could not start session {name}");
            std::thread::sleep(Duration::from_millis(100));
        }
        Tmux { name }
    }

    /// Sends keys, each as tmux names it (`Enter`, `C-n`, `-l text`...).
    pub fn keys(&self, keys: &[&str]) {
        for k in keys {
            Command::new("tmux")
                .args(["send-keys", "-t", &self.name, k])
                .status()
                .unwrap();
        }
    }

    /// The screen as text.
    pub fn screen(&self) -> String {
        let out = Command::new("tmux")
            .args(["capture-pane", "-p", "-t", &self.name])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    /// Waits until the screen shows `text`, and returns the screen.
    pub fn wait_for(&self, text: &str) -> String {
        let start = Instant::now();
        loop {
            let s = self.screen();
            if s.contains(text) {
                return s;
            }
            assert!(
                start.elapsed() < Duration::from_secs(10),
                "never saw {text:?}; screen:\n{s}"
            );
            std::thread::sleep(Duration::from_millis(20));
        }
    }

    /// Resizes the window.
    pub fn resize(&self, w: u16, h: u16) {
        Command::new("tmux")
            .args([
                "resize-window",
                "-t",
                &self.name,
                "-x",
                &w.to_string(),
                "-y",
                &h.to_string(),
            ])
            .status()
            .unwrap();
    }
}

impl Drop for Tmux {
    fn drop(&mut self) {
        let _ = Command::new("tmux")
            .args(["kill-session", "-t", &self.name])
            .status();
    }
}

/// The pid of the process whose command line starts with `command`. The
/// match is anchored: tmux's own process line also holds the command.
pub fn pid_of(command: &str) -> String {
    let start = Instant::now();
    loop {
        let out = Command::new("pgrep")
            .args(["-f", &format!("^{command}")])
            .output()
            .unwrap();
        if let Some(pid) = String::from_utf8_lossy(&out.stdout).lines().next() {
            return pid.trim().to_string();
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "no process {command}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}

/// Waits until a file holds `text`, and returns it.
pub fn wait_for_file(path: &Path, text: &str) -> String {
    let start = Instant::now();
    loop {
        let s = std::fs::read_to_string(path).unwrap_or_default();
        if s.contains(text) {
            return s;
        }
        assert!(
            start.elapsed() < Duration::from_secs(10),
            "{} never held {text:?}: {s}",
            path.display()
        );
        std::thread::sleep(Duration::from_millis(20));
    }
}
