//! What the YAML parser may hold while it reads a hostile file: a flow
//! collection nested in another is read in bounded memory (the vendored
//! `saphyr-parser`, vendor/saphyr-parser/PATCHED.md).

// Linux: `ru_maxrss` is in kilobytes there (bytes on macOS).
#![cfg(target_os = "linux")]

use assert_cmd::Command;

/// The largest resident size of any child process this test binary waited
/// for, in kilobytes.
fn children_peak_kb() -> i64 {
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: `usage` is a valid, writable rusage for the call to fill.
    let done = unsafe { libc::getrusage(libc::RUSAGE_CHILDREN, &mut usage) };
    assert_eq!(done, 0);
    usage.ru_maxrss
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
    let out = Command::cargo_bin("crossroads")
        .unwrap()
        .arg("validate")
        .arg(&path)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("unknown key `extra`"), "{stderr}");
    let peak = children_peak_kb();
    assert!(peak < 100 * 1024, "validate peaked at {peak} KB");
}
