//! What the YAML parser may hold while it reads a hostile file: a flow
//! collection nested in another is read in bounded memory (the vendored
//! `saphyr-parser`, vendor/saphyr-parser/PATCHED.md).

// Linux: `ru_maxrss` is in kilobytes there (bytes on macOS).
#![cfg(target_os = "linux")]

use std::io::Read;
use std::process::{Command, Stdio};

/// Runs the binary with `args` and returns its exit code, its standard
/// error and the largest resident size of that one process, in kilobytes.
/// Its own usage (wait4 on its pid), not every child's of this test
/// binary, where other tests run the binary on large files at the same time.
// The child is reaped by wait4 below, which clippy cannot see.
#[allow(clippy::zombie_processes)]
fn run_measured(args: &[&std::ffi::OsStr]) -> (i32, String, i64) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(args)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut stderr = String::new();
    child
        .stderr
        .take()
        .unwrap()
        .read_to_string(&mut stderr)
        .unwrap();
    let mut status = 0;
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: the pid is this test's own child, not yet waited for; both
    // out-pointers are valid and writable.
    // A signal meant for another test may interrupt the wait: wait again.
    let pid = loop {
        let pid = unsafe { libc::wait4(child.id() as i32, &mut status, 0, &mut usage) };
        if pid != -1 || std::io::Error::last_os_error().kind() != std::io::ErrorKind::Interrupted {
            break pid;
        }
    };
    assert_eq!(
        pid,
        child.id() as i32,
        "{}",
        std::io::Error::last_os_error()
    );
    (libc::WEXITSTATUS(status), stderr, usage.ru_maxrss)
}

#[test]
fn a_large_nested_flow_collection_is_read_in_bounded_memory() {
    // Upstream held every token after the inner `[` until the outer one
    // closed: 4 MB of this took 300 MB, 32 MB took 3.4 GB.
    let items = vec!["[]"; 1_000_000].join(", ");
    let yaml = format!(
        "format: 1\nid: t\ntitle: T\ntracks:\n  - {{ id: a, name: A }}\n  - {{ id: b, name: B }}\n\
         extra: [[ {items} ]]\n"
    );
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("nested.yaml");
    std::fs::write(&path, yaml).unwrap();
    let (code, stderr, peak) = run_measured(&["validate".as_ref(), path.as_os_str()]);
    assert_eq!(code, 1);
    assert!(stderr.contains("unknown key `extra`"), "{stderr}");
    assert!(peak < 100 * 1024, "validate peaked at {peak} KB");
}
