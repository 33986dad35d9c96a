//! The HTML report opened in a real headless browser (Chromium from
//! Debian's packages, installed by .ci/run). Ignored in a plain
//! `cargo test` so a newcomer needs no browser; CI runs it with --ignored.

use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_crossroads");
const TORN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/personas/torn.yaml");

fn chromium() -> Command {
    let mut c = Command::new("chromium");
    c.args([
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
    ]);
    c
}

#[test]
#[ignore = "needs chromium; CI runs it with --ignored"]
fn the_html_report_renders_in_a_headless_browser() {
    let dir = tempfile::tempdir().unwrap();
    let html = dir.path().join("report.html");
    let png = dir.path().join("report.png");
    let out = Command::new(BIN)
        .args(["report", TORN, "--format", "html", "--output"])
        .arg(&html)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let url = format!("file://{}", html.display());
    let profile = dir.path().join("profile");
    let shot = chromium()
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg(format!("--screenshot={}", png.display()))
        .args(["--window-size=1000,1600", &url])
        .output()
        .expect("chromium is installed (apt-get install chromium; .ci/run does it)");
    assert!(
        shot.status.success(),
        "{}",
        String::from_utf8_lossy(&shot.stderr)
    );
    let bytes = std::fs::read(&png).expect("a screenshot was written");
    assert!(bytes.starts_with(b"\x89PNG"), "not a PNG");
    assert!(
        bytes.len() > 20_000,
        "the page looks empty ({} bytes)",
        bytes.len()
    );
    // The DOM the browser built holds the report: every track and the SVG bars.
    let dom = chromium()
        .arg(format!("--user-data-dir={}", profile.display()))
        .args(["--dump-dom", &url])
        .output()
        .unwrap();
    let dom = String::from_utf8_lossy(&dom.stdout);
    for name in [
        "Product Manager",
        "Product Owner",
        "Individual contributor",
        "People manager",
        "<svg",
    ] {
        assert!(dom.contains(name), "{name} missing from the rendered page");
    }
}
