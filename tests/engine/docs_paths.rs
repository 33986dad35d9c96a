//! The README and the architecture map stay true to the tree: every path
//! they name exists, and the README stays a page a user reads.

use std::path::Path;

const ROOT: &str = env!("CARGO_MANIFEST_DIR");
/// What a path in the repository starts with.
const TOP: &[&str] = &[
    "src/",
    "tests/",
    "docs/",
    "assessments/",
    "benches/",
    "fuzz/",
    "scripts/",
    ".ci/",
    "build.rs",
    "Cargo.toml",
    "README.md",
];

/// The paths a Markdown file names: in backticks, starting with a top-level
/// entry of the repository, and the targets of its links (relative to the
/// file), web addresses and anchors aside.
fn named_paths(file: &str) -> Vec<(String, std::path::PathBuf)> {
    let text = std::fs::read_to_string(Path::new(ROOT).join(file)).unwrap();
    let dir = Path::new(ROOT).join(file).parent().unwrap().to_path_buf();
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        let word = part.trim();
        if i % 2 == 1
            && TOP.iter().any(|t| word.starts_with(t))
            && !word.contains(char::is_whitespace)
        {
            out.push((word.to_string(), Path::new(ROOT).join(word)));
        }
    }
    for link in text.split("](").skip(1) {
        let target = link.split(')').next().unwrap_or_default();
        let target = target.split('#').next().unwrap_or_default();
        if target.is_empty() || target.contains("://") {
            continue;
        }
        out.push((target.to_string(), dir.join(target)));
    }
    out
}

#[test]
fn every_path_the_readme_and_the_architecture_map_name_exists() {
    for file in ["README.md", "docs/ARCHITECTURE.md"] {
        let paths = named_paths(file);
        assert!(paths.len() > 5, "{file} names paths: {paths:?}");
        for (written, path) in paths {
            assert!(
                path.exists(),
                "{file} names {written}, which does not exist"
            );
        }
    }
}

#[test]
fn the_readme_is_short_and_starts_with_the_two_commands() {
    let text = std::fs::read_to_string(Path::new(ROOT).join("README.md")).unwrap();
    assert!(
        text.lines().count() <= 300,
        "README has {} lines",
        text.lines().count()
    );
    let head: Vec<&str> = text.lines().take(6).collect();
    assert!(
        head.iter().any(|l| l.starts_with("cargo run --release")),
        "{head:?}"
    );
    assert!(head.iter().any(|l| l.starts_with("cargo test")), "{head:?}");
}
