//! Hostile files given to the binary (issue 13): devices, FIFOs and huge
//! files, directly or through a session file's `assessment_path`, are
//! refused at once with a sentence that quotes nothing of them.

#![cfg(unix)]

use assert_cmd::Command;
use std::path::{Path, PathBuf};
use std::time::Duration;

/// What a file that is not an assessment holds; it must never be printed.
const SECRET: &str = "root:$6$s3cretHASH:19000:0:99999:7:::\nsecond-line: hidden-value\n";

fn crossroads(data: &Path) -> Command {
    let mut c = Command::cargo_bin("crossroads").unwrap();
    c.env("XDG_DATA_HOME", data)
        .env("HOME", data)
        .timeout(Duration::from_secs(2))
        .write_stdin("");
    c
}

/// A folder with a FIFO, a 200 MB sparse file and a secret text file.
struct Hostile {
    dir: tempfile::TempDir,
}

impl Hostile {
    fn new() -> Hostile {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("fifo.yaml");
        let made = std::process::Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap();
        assert!(made.success());
        let big = std::fs::File::create(dir.path().join("big.yaml")).unwrap();
        big.set_len(200 * 1024 * 1024).unwrap();
        std::fs::write(dir.path().join("shadow"), SECRET).unwrap();
        Hostile { dir }
    }

    fn path(&self, name: &str) -> PathBuf {
        self.dir.path().join(name)
    }

    /// The devices, the FIFO and the huge file.
    fn unreadable(&self) -> Vec<PathBuf> {
        vec![
            PathBuf::from("/dev/zero"),
            PathBuf::from("/dev/urandom"),
            self.path("fifo.yaml"),
            self.path("big.yaml"),
        ]
    }

    /// A session file of quick-check whose `assessment_path` is `target`.
    fn session_naming(&self, target: &Path) -> PathBuf {
        let name = target.file_name().unwrap().to_string_lossy();
        let path = self.path(&format!("session-{name}.yaml"));
        std::fs::write(
            &path,
            format!(
                "assessment: quick-check\nanswers: {{}}\nsession:\n  assessment_path: {}\n  fingerprint: \"\"\n",
                target.display()
            ),
        )
        .unwrap();
        path
    }
}

/// Runs `args`, expects exit `code`, and returns stdout and stderr
/// together, checked to hold nothing of the secret file.
fn run(h: &Hostile, args: &[&std::ffi::OsStr], code: i32) -> String {
    let out = crossroads(&h.path("data")).args(args).output().unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert_eq!(out.status.code(), Some(code), "{args:?}: {text}");
    for secret in ["s3cretHASH", "root:", "hidden-value", "second-line"] {
        assert!(!text.contains(secret), "{args:?} printed {secret}: {text}");
    }
    assert!(text.len() < 4000, "{args:?} printed {} bytes", text.len());
    text
}

fn os(s: &str) -> &std::ffi::OsStr {
    s.as_ref()
}

#[test]
fn every_command_refuses_devices_fifos_and_huge_files_at_once() {
    let h = Hostile::new();
    let answers = h.path("answers.yaml");
    std::fs::write(&answers, "assessment: quick-check\nanswers: {}\n").unwrap();
    for bad in h.unreadable() {
        let b = bad.as_os_str();
        let a = answers.as_os_str();
        for args in [
            vec![os("validate"), b],
            vec![os("score"), b, os("--answers"), a],
            vec![os("score"), os("quick-check"), os("--answers"), b],
            vec![os("run"), b, os("--plain")],
            vec![
                os("run"),
                os("quick-check"),
                os("--plain"),
                os("--session"),
                b,
            ],
            vec![os("report"), b],
            vec![os("compare"), b, a],
        ] {
            let text = run(&h, &args, 1);
            assert!(
                text.contains("not a regular file") || text.contains("at most 32 MiB"),
                "{args:?}: {text}"
            );
            assert!(text.contains(&*bad.to_string_lossy()), "{text}");
        }
    }
}

#[test]
fn a_session_file_never_leads_to_a_device_a_fifo_a_huge_file_or_a_quoted_secret() {
    let h = Hostile::new();
    let mut targets = h.unreadable();
    targets.push(h.path("shadow"));
    for target in &targets {
        let session = h.session_naming(target);
        let s = session.as_os_str();
        for args in [vec![os("report"), s], vec![os("compare"), s, s]] {
            let text = run(&h, &args, 1);
            assert!(text.contains("--assessment"), "{text}");
            assert!(text.contains("names"), "{text}");
        }
        // --assessment is believed over the session file.
        run(
            &h,
            &[os("report"), s, os("--assessment"), os("quick-check")],
            0,
        );
    }
    let text = run(
        &h,
        &[
            os("report"),
            h.session_naming(&h.path("shadow")).as_os_str(),
        ],
        1,
    );
    assert!(text.contains("is not a valid assessment"), "{text}");
}

#[test]
fn one_bad_session_file_does_not_break_or_hang_the_listing() {
    let h = Hostile::new();
    let listed = h.path("listed");
    std::fs::create_dir(&listed).unwrap();
    let mut targets = h.unreadable();
    targets.push(h.path("shadow"));
    for target in &targets {
        let s = h.session_naming(target);
        std::fs::rename(&s, listed.join(s.file_name().unwrap())).unwrap();
    }
    // A FIFO and a huge file among the session files themselves.
    std::process::Command::new("mkfifo")
        .arg(listed.join("a-fifo.yaml"))
        .status()
        .unwrap();
    std::fs::File::create(listed.join("huge.yaml"))
        .unwrap()
        .set_len(200 * 1024 * 1024)
        .unwrap();
    std::fs::write(
        listed.join("fine.yaml"),
        "assessment: quick-check\nanswers: {}\n",
    )
    .unwrap();
    let text = run(&h, &[os("sessions"), os("--dir"), listed.as_os_str()], 0);
    assert!(text.contains("fine"), "{text}");
    assert_eq!(
        text.matches("its assessment file cannot be used").count(),
        5,
        "{text}"
    );
    assert!(text.contains("too large"), "{text}");
    let json = run(
        &h,
        &[
            os("sessions"),
            os("--dir"),
            listed.as_os_str(),
            os("--format"),
            os("json"),
        ],
        0,
    );
    assert!(json.contains("\"problem\""), "{json}");
}

/// A temporary file of ours in `dir`, written by `pid` (None: an old name
/// without one), last changed `age` ago.
fn temp_file(dir: &Path, pid: Option<u32>, tag: &str, age: Duration) -> PathBuf {
    let name = match pid {
        Some(pid) => format!(".crossroads-{pid}-{tag}.tmp"),
        None => format!(".crossroads-{tag}.tmp"),
    };
    let path = dir.join(name);
    let f = std::fs::File::create(&path).unwrap();
    f.set_modified(std::time::SystemTime::now() - age).unwrap();
    path
}

#[test]
fn temp_files_left_by_killed_saves_are_cleaned_and_live_ones_kept() {
    let h = Hostile::new();
    let dir = h.path("people");
    std::fs::create_dir(&dir).unwrap();
    let mut writer = std::process::Command::new("sleep")
        .arg("30")
        .spawn()
        .unwrap();
    let fresh = Duration::from_secs(1);
    let live = temp_file(&dir, Some(writer.id()), "live", fresh);
    let dead = temp_file(&dir, Some(4_194_305), "dead", fresh);
    let old = temp_file(&dir, None, "old", Duration::from_secs(120));
    let new = temp_file(&dir, None, "new", fresh);
    let other = dir.join(".other-x.tmp");
    std::fs::write(&other, "not ours").unwrap();
    // A save in the folder tidies it.
    crossroads::session::write_atomic(&dir.join("s.yaml"), "x").unwrap();
    assert!(live.exists(), "a live writer's file is kept");
    assert!(new.exists(), "a fresh file of an unknown writer is kept");
    assert!(other.exists(), "a file not ours is kept");
    assert!(!dead.exists() && !old.exists());
    writer.kill().unwrap();
    writer.wait().unwrap();
    // Opening a session in the folder tidies it too.
    let session = dir.join("quick.yaml");
    run(
        &h,
        &[
            os("run"),
            os("quick-check"),
            os("--plain"),
            os("--session"),
            session.as_os_str(),
        ],
        0,
    );
    assert!(!live.exists(), "its writer has gone");
    assert!(new.exists() && other.exists());
    let left: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".crossroads-"))
        .collect();
    assert_eq!(left, vec![".crossroads-new.tmp".to_string()], "{left:?}");
}

#[test]
fn escape_sequences_in_file_names_are_shown_escaped() {
    let h = Hostile::new();
    let name = h.path("x\u{1b}]0;PWN\u{7}.yaml");
    std::fs::copy(
        concat!(env!("CARGO_MANIFEST_DIR"), "/assessments/quick-check.yaml"),
        &name,
    )
    .unwrap();
    let text = run(&h, &[os("validate"), name.as_os_str()], 0);
    assert!(text.contains("x\\u001b]0;PWN\\u0007.yaml: valid"), "{text}");
    let broken = h.path("y\u{1b}[2J.yaml");
    std::fs::write(&broken, "format: 1\nid: [\n").unwrap();
    let text = run(&h, &[os("validate"), broken.as_os_str()], 1);
    assert!(text.contains("y\\u001b[2J.yaml:"), "{text}");
    let out = h.path("o\u{1b}[2J\u{9b}31m.md");
    let persona = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/personas/torn.yaml");
    let text = run(
        &h,
        &[os("report"), os(persona), os("--output"), out.as_os_str()],
        0,
    );
    assert!(
        text.contains("Wrote ") && text.contains("o\\u001b[2J\\u009b31m.md"),
        "{text}"
    );
    assert!(
        !text.contains('\u{1b}') && !text.contains('\u{9b}'),
        "{text}"
    );
}

/// The sample assessment with U+009B and U+202E in its title.
fn hostile_title(h: &Hostile) -> PathBuf {
    let sample = include_str!("../conformance/sample.yaml");
    let path = h.path("title.yaml");
    let text = sample.replacen(
        "title: Sample paths",
        "title: \"Sample \\u009b2J\\u202epaths\"",
        1,
    );
    assert_ne!(text, sample);
    std::fs::write(&path, text).unwrap();
    path
}

#[test]
fn score_json_to_a_pipe_is_exact_and_to_a_terminal_escaped() {
    let h = Hostile::new();
    let a = hostile_title(&h);
    let answers = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/conformance/answers-1.yaml"
    );
    let args = [
        os("score"),
        a.as_os_str(),
        os("--answers"),
        os(answers),
        os("--format"),
        os("json"),
    ];
    // To a pipe: the contract's bytes, the characters as they are.
    let piped = run(&h, &args, 0);
    assert!(piped.contains("Sample \u{9b}2J\u{202e}paths"), "{piped}");
    // To a terminal (a pseudo-terminal from `script`, where there is one).
    let bin = assert_cmd::cargo::cargo_bin("crossroads");
    let command = format!(
        "'{}' score '{}' --answers '{answers}' --format json",
        bin.display(),
        a.display()
    );
    let Ok(out) = std::process::Command::new("script")
        .args(["-qec", &command, "/dev/null"])
        .output()
    else {
        return;
    };
    let shown = String::from_utf8_lossy(&out.stdout);
    assert!(shown.contains("Sample \\u009b2J\\u202epaths"), "{shown}");
    assert!(
        !shown.contains('\u{9b}') && !shown.contains('\u{202e}'),
        "{shown}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&shown.replace("\r\n", "\n")).expect("still JSON");
    assert_eq!(json["assessment"]["title"], "Sample \u{9b}2J\u{202e}paths");
}

#[test]
fn a_sessions_folder_that_is_not_there_is_an_error() {
    let h = Hostile::new();
    let text = run(
        &h,
        &[os("sessions"), os("--dir"), os("/nonexistent/here")],
        1,
    );
    assert!(
        text.contains("/nonexistent/here: there is no such folder"),
        "{text}"
    );
    let text = run(
        &h,
        &[
            os("score"),
            os("quick-check"),
            os("--answers"),
            os(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/tests/personas/torn.yaml"
            )),
        ],
        1,
    );
    assert_eq!(text.lines().count(), 1, "{text}");
}
