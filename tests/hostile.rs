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
