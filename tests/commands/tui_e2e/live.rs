//! Live coaching on two screens, end to end: the coach's program in one
//! tmux window, a real OpenSSH client in another, the mentee's whole byte
//! stream recorded (`tmux pipe-pane`) and searched for every coach-only
//! string.

use super::support::tmux::{Tmux, wait_for_file};
use super::{BIN, SAMPLE};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::time::{Duration, Instant};

/// Strings only the coach may see: a coach prompt, the coach's private
/// note typed during the session, the live score panel.
const MARKERS: [&str; 3] = ["MARKER-PROMPT-TINKER", "MARKER-LIVE-NOTE", "Live scores"];

struct Live {
    dir: tempfile::TempDir,
    coach: Tmux,
    port: String,
    code: String,
}

impl Live {
    /// The coach's program, sharing a coached sample on a free loopback port.
    fn start(test: &str) -> Live {
        let dir = tempfile::tempdir().unwrap();
        let assessment = dir.path().join("coached.yaml");
        let yaml = std::fs::read_to_string(SAMPLE).unwrap().replace(
            "        text: I tinker with tools in my free time.",
            "        text: I tinker with tools in my free time.\n        coach: MARKER-PROMPT-TINKER",
        );
        std::fs::write(&assessment, yaml).unwrap();
        let coach = Tmux::start(
            test,
            100,
            32,
            &format!(
                "XDG_DATA_HOME={data} {BIN} run {a} --coach --person Ana --share --session {s}; echo EXIT=$?; sleep 30",
                data = dir.path().display(),
                a = assessment.display(),
                s = dir.path().join("session.yaml").display(),
            ),
        );
        let screen = coach.wait_for("the code ");
        let word_after = |label: &str| {
            let at = screen.find(label).unwrap() + label.len();
            screen[at..].split_whitespace().next().unwrap().to_string()
        };
        let port = word_after("ssh -p ");
        let code = word_after("the code ");
        Live {
            dir,
            coach,
            port,
            code,
        }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// A script that types `code` at ssh's password prompt.
    fn askpass(&self, name: &str, code: &str) -> PathBuf {
        let path = self.path(name);
        std::fs::write(&path, format!("#!/bin/sh\necho '{code}'\n")).unwrap();
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o700)).unwrap();
        }
        path
    }

    /// `ssh` options for this server, the password from `askpass`.
    fn ssh_line(&self, askpass: &Path, rest: &str) -> String {
        format!(
            "env SSH_ASKPASS={} SSH_ASKPASS_REQUIRE=force ssh -p {} -o UserKnownHostsFile={} -o StrictHostKeyChecking=accept-new -o PubkeyAuthentication=no -o LogLevel=ERROR {rest}",
            askpass.display(),
            self.port,
            self.path("known_hosts").display(),
        )
    }

    /// The mentee's terminal: ssh in tmux, every byte it shows recorded.
    fn mentee(&self, name: &str, w: u16, h: u16) -> Tmux {
        let askpass = self.askpass("code.sh", &self.code);
        let record = self.path(&format!("{name}.bytes"));
        let t = Tmux::start(
            name,
            w,
            h,
            &format!(
                "{}; echo SSH-ENDED $?; sleep 30",
                self.ssh_line(&askpass, "-tt 127.0.0.1")
            ),
        );
        Command::new("tmux")
            .args([
                "pipe-pane",
                "-o",
                "-t",
                &t.name,
                &format!("cat >> {}", record.display()),
            ])
            .status()
            .unwrap();
        t
    }

    /// ssh run to its end, without a terminal.
    fn ssh(&self, askpass: &Path, rest: &str) -> Output {
        Command::new("sh")
            .args([
                "-c",
                &format!("timeout 20 {} < /dev/null", self.ssh_line(askpass, rest)),
            ])
            .output()
            .unwrap()
    }
}

fn wait_until(what: &str, mut done: impl FnMut() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(start.elapsed() < Duration::from_secs(10), "never: {what}");
        std::thread::sleep(Duration::from_millis(20));
    }
}

#[test]
fn a_mentee_answers_over_ssh_while_the_coach_sees_it_and_nothing_of_the_coach_s_reaches_them() {
    let live = Live::start("live-coach");
    let coach = &live.coach;
    let mentee = live.mentee("live-mentee", 80, 24);
    mentee.wait_for("Sample paths");
    coach.wait_for("Mentee: connected");
    // The coach shows the live scores and writes a private note while the
    // mentee answers three questions.
    mentee.keys(&["Enter"]);
    mentee.wait_for("I tinker with tools");
    coach.wait_for("MARKER-PROMPT-TINKER");
    coach.keys(&["s"]);
    coach.wait_for("Live scores");
    coach.keys(&["C-n"]);
    coach.wait_for("Note on");
    coach.keys(&["-l", "MARKER-LIVE-NOTE"]);
    mentee.keys(&["3", "Enter"]);
    mentee.wait_for("A full calendar tires me.");
    coach.keys(&["Escape"]);
    mentee.keys(&["2", "Enter"]);
    mentee.wait_for("What do you do most today?");
    mentee.keys(&["1", "Enter"]);
    // Each answer is on the coach's screen and in the session file.
    coach.wait_for("Question 4 of 6");
    let session = live.path("session.yaml");
    let saved = wait_for_file(&session, "role: make");
    assert!(
        saved.contains("tinker: 3") && saved.contains("calendar: 2"),
        "{saved}"
    );
    assert!(saved.contains("text: MARKER-LIVE-NOTE"), "{saved}");

    // A wrong code is refused.
    let wrong = live.askpass("wrong.sh", "1111-2222-3333-4444");
    let out = live.ssh(&wrong, "-tt 127.0.0.1");
    assert!(!out.status.success(), "{out:?}");
    coach.wait_for("A wrong code was typed");
    // A second mentee is refused while one is connected.
    let right = live.askpass("right.sh", &live.code);
    let out = live.ssh(&right, "-tt 127.0.0.1");
    assert!(!out.status.success());
    let said = String::from_utf8_lossy(&out.stderr);
    assert!(said.contains("only one mentee"), "{said}");
    // No command, no file transfer, no forwarding.
    let out = live.ssh(&right, "127.0.0.1 ls");
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("exec request failed"));
    let out = live.ssh(&right, "-s 127.0.0.1 sftp");
    assert!(!out.status.success());
    let out = live.ssh(&right, "-W 127.0.0.1:22 127.0.0.1");
    assert!(!out.status.success(), "{out:?}");
    let out = live.ssh(
        &right,
        "-N -o ExitOnForwardFailure=yes -R 0:127.0.0.1:22 127.0.0.1",
    );
    assert!(!out.status.success());

    // The coach quits: the mentee reads the closing line, ssh ends, all saved.
    coach.keys(&["q"]);
    let end = mentee.wait_for("SSH-ENDED");
    assert!(end.contains("The session has ended"), "{end}");
    let saved = std::fs::read_to_string(&session).unwrap();
    assert!(saved.contains("role: make") && saved.contains("MARKER-LIVE-NOTE"));

    let bytes = std::fs::read(live.path("live-mentee.bytes")).unwrap();
    let stream = String::from_utf8_lossy(&bytes);
    assert!(stream.contains("Sample paths"), "the stream was recorded");
    // Frames after the first send only the cells that changed, so a
    // marker could in principle arrive in pieces: its first word is
    // searched for too.
    for marker in MARKERS.iter().chain([&"MARKER", &live.code.as_str()]) {
        assert!(!stream.contains(marker), "{marker} reached the mentee");
    }
}

#[test]
fn a_dropped_connection_comes_back_where_it_was() {
    let live = Live::start("live-drop-coach");
    let first = live.mentee("live-drop-1", 80, 24);
    first.wait_for("Sample paths");
    first.keys(&["Enter"]);
    first.wait_for("I tinker with tools");
    first.keys(&["4", "Enter"]);
    first.wait_for("A full calendar tires me.");
    // The connection is lost: the ssh client is killed with its window.
    drop(first);
    live.coach.wait_for("let them back in");
    let again = live.mentee("live-drop-2", 70, 20);
    again.wait_for("A full calendar tires me.");
    let saved = wait_for_file(&live.path("session.yaml"), "tinker: 4");
    assert!(saved.contains("tinker: 4"));
    wait_until("the coach says the mentee is back", || {
        live.coach.screen().contains("Mentee: connected")
    });
}

#[test]
fn a_flood_of_garbage_from_a_mentee_leaves_the_coach_screen_working() {
    let live = Live::start("live-flood-coach");
    let code = live.askpass("flood.sh", &live.code);
    // A megabyte of random bytes typed as fast as ssh sends them.
    let out = Command::new("sh")
        .args([
            "-c",
            &format!(
                "head -c 1000000 /dev/urandom | timeout 20 {}",
                live.ssh_line(&code, "-tt 127.0.0.1")
            ),
        ])
        .output()
        .unwrap();
    let _ = out;
    // The coach's program is alive and answers at once.
    live.coach.keys(&["?"]);
    live.coach.wait_for("Keys (Esc closes)");
    live.coach.keys(&["Escape"]);
    live.coach.keys(&["q"]);
    live.coach.wait_for("EXIT=0");
}
