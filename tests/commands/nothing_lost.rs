//! Nothing the program did not make in this run is replaced, and no two
//! programs edit one session (issue 23), run as the binary: a lock file
//! that cannot be used refuses the run, a hand-written answers file is
//! copied before its first change, and start-overs keep every backup.

#![cfg(unix)]

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
const ANSWERS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/tests/conformance/answers-1.yaml"
);

/// Runs `run SAMPLE --session SESSION --plain` with `input` on a pipe and
/// the data folder in `dir`.
fn run_on(dir: &Path, session: &Path, input: &str) -> Output {
    let mut child = Command::new(BIN)
        .args(["run", SAMPLE, "--plain", "--session"])
        .arg(session)
        .env("XDG_DATA_HOME", dir)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let _ = child.stdin.take().unwrap().write_all(input.as_bytes());
    child.wait_with_output().unwrap()
}

fn text(out: &Output) -> String {
    format!(
        "{}\n--- stderr ---\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

/// A session of the sample with answers, saved by a first run.
fn saved_session(dir: &Path) -> PathBuf {
    let session = dir.join("s.yaml");
    let out = run_on(dir, &session, "\n1\n1\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    session
}

/// The backups made beside `session`.
fn backups(session: &Path) -> Vec<PathBuf> {
    let name = session.file_name().unwrap().to_string_lossy().into_owned();
    let mut all: Vec<PathBuf> = std::fs::read_dir(session.parent().unwrap())
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            let n = p.file_name().unwrap().to_string_lossy();
            n.starts_with(&format!("{name}.")) && n.ends_with(".bak")
        })
        .collect();
    all.sort();
    all
}

#[test]
fn a_fifo_as_the_lock_file_refuses_the_run_at_once_and_touches_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let session = saved_session(dir.path());
    let lock = dir.path().join("s.yaml.lock");
    std::fs::remove_file(&lock).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(&lock)
            .status()
            .unwrap()
            .success()
    );
    let before = std::fs::read(&session).unwrap();
    let start = Instant::now();
    let out = run_on(dir.path(), &session, "\n2\n2\nq\n");
    assert!(
        start.elapsed() < Duration::from_secs(2),
        "{:?}",
        start.elapsed()
    );
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.starts_with("The session could not be locked: its lock file"),
        "{err}"
    );
    assert!(err.contains("is a named pipe (FIFO)"), "{err}");
    assert!(err.contains("Remove it and run again"), "{err}");
    assert_eq!(std::fs::read(&session).unwrap(), before);
}

#[test]
fn a_symlink_as_the_lock_file_refuses_the_run_and_is_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let session = saved_session(dir.path());
    let lock = dir.path().join("s.yaml.lock");
    std::fs::remove_file(&lock).unwrap();
    let elsewhere = dir.path().join("elsewhere.lock");
    std::os::unix::fs::symlink(&elsewhere, &lock).unwrap();
    let before = std::fs::read(&session).unwrap();
    let out = run_on(dir.path(), &session, "\n2\n2\nq\n");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    assert!(text(&out).contains("is a symbolic link"), "{}", text(&out));
    assert_eq!(std::fs::read(&session).unwrap(), before);
    assert!(!elsewhere.exists(), "nothing was made through the link");
}

#[test]
fn a_hand_written_answers_file_is_copied_as_it_was_before_its_first_change() {
    let dir = tempfile::tempdir().unwrap();
    let mine = dir.path().join("mine.yaml");
    let original = format!(
        "# my answers, written by hand\n{}",
        std::fs::read_to_string(ANSWERS).unwrap()
    );
    std::fs::write(&mine, &original).unwrap();
    let out = run_on(dir.path(), &mine, "\n2\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    let copies = backups(&mine);
    assert_eq!(copies.len(), 1, "{copies:?}");
    assert_eq!(std::fs::read_to_string(&copies[0]).unwrap(), original);
    let said = text(&out);
    assert!(
        said.contains("mine.yaml was not written by crossroads: it is kept as it was in"),
        "{said}"
    );
    assert!(said.contains("your answers are saved in"), "{said}");
    // The file is the session from now on: a second run copies nothing.
    let out = run_on(dir.path(), &mine, "\n3\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    assert_eq!(backups(&mine).len(), 1);
}

#[test]
fn two_start_overs_one_after_the_other_keep_both_backups() {
    let dir = tempfile::tempdir().unwrap();
    let session = saved_session(dir.path());
    let first = std::fs::read_to_string(&session).unwrap();
    let out = run_on(dir.path(), &session, "n\n2\n2\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    let second = std::fs::read_to_string(&session).unwrap();
    let out = run_on(dir.path(), &session, "n\n3\n3\nq\n");
    assert!(out.status.success(), "{}", text(&out));
    let kept: Vec<String> = backups(&session)
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect();
    assert_eq!(kept.len(), 2, "{}", text(&out));
    assert!(kept.contains(&first) && kept.contains(&second));
}

/// Makes `dir` impossible to write in, even for root (the immutable
/// attribute; mode 0555 for a user); undone on drop. None where neither
/// can be done here.
struct Unwritable(PathBuf);

impl Unwritable {
    fn make(dir: &Path) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let chattr = Command::new("chattr")
            .arg("+i")
            .arg(dir)
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        if !chattr {
            std::fs::set_permissions(dir, std::fs::Permissions::from_mode(0o555)).ok()?;
        }
        let probe = tempfile::tempfile_in(dir);
        let held = Unwritable(dir.to_path_buf());
        probe.is_err().then_some(held)
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_folder_that_cannot_be_written_says_from_the_start_that_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("read-only");
    std::fs::create_dir(&folder).unwrap();
    let Some(_held) = Unwritable::make(&folder) else {
        eprintln!("skipped: cannot make a folder unwritable here (chattr or chmod)");
        return;
    };
    let out = run_on(dir.path(), &folder.join("s.yaml"), "\n1\nq\n");
    assert_eq!(out.status.code(), Some(1), "{}", text(&out));
    let err = String::from_utf8_lossy(&out.stderr);
    let first = err.lines().next().unwrap_or_default();
    assert!(first.contains("cannot be written"), "{err}");
    assert!(
        first.contains("nothing of this session will be saved"),
        "{err}"
    );
    assert!(text(&out).contains("NOT saved"), "{}", text(&out));
}
