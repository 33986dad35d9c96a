//! The tree keeps its layers: no import cycle between the top-level
//! modules of `src/`. A module names another through `crate::name`; the
//! graph of those names, read from the source, must have no cycle, so
//! each module can be read (and tested) knowing only those below it.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every `.rs` file under `dir`.
fn files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The top-level modules of `src/` (lib.rs and main.rs are not modules).
fn modules() -> BTreeMap<String, Vec<PathBuf>> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir("src").unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_string_lossy().into_owned();
        if name == "lib" || name == "main" {
            continue;
        }
        let mut found = Vec::new();
        if path.is_dir() {
            files(&path, &mut found);
        } else if path.extension().is_some_and(|e| e == "rs") {
            found.push(path);
        } else {
            continue;
        }
        out.entry(name).or_insert_with(Vec::new).extend(found);
    }
    out
}

/// The top-level modules a line of code names through `crate::`,
/// including those of a grouped `use crate::{a, b::c}`.
fn named(line: &str) -> Vec<String> {
    let code = line.trim_start();
    if code.starts_with("//") {
        return Vec::new();
    }
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    let mut out = Vec::new();
    for (i, _) in code.match_indices("crate::") {
        let rest = &code[i + "crate::".len()..];
        match rest.strip_prefix('{') {
            Some(group) => {
                let group = group.split('}').next().unwrap_or("");
                out.extend(group.split(',').map(|p| ident(p.trim())));
            }
            None => out.push(ident(rest)),
        }
    }
    out
}

/// Which top-level module names which, each edge with one place it is made.
fn graph() -> BTreeMap<String, BTreeMap<String, String>> {
    let modules = modules();
    let mut edges: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (name, files) in &modules {
        let from = edges.entry(name.clone()).or_default();
        for file in files {
            let text = std::fs::read_to_string(file).unwrap();
            for (n, line) in text.lines().enumerate() {
                for to in named(line) {
                    if to != *name && modules.contains_key(&to) {
                        from.entry(to)
                            .or_insert_with(|| format!("{}:{}", file.display(), n + 1));
                    }
                }
            }
        }
    }
    edges
}

/// A cycle through `start`, as the modules on it, if there is one.
fn cycle_through(
    edges: &BTreeMap<String, BTreeMap<String, String>>,
    start: &str,
) -> Option<Vec<String>> {
    // Depth-first, remembering the path: reaching `start` again closes it.
    let mut stack = vec![(start.to_string(), vec![start.to_string()])];
    let mut seen = BTreeSet::new();
    while let Some((at, path)) = stack.pop() {
        for next in edges[&at].keys() {
            if next == start {
                return Some(path.clone());
            }
            if seen.insert(next.clone()) {
                let mut longer = path.clone();
                longer.push(next.clone());
                stack.push((next.clone(), longer));
            }
        }
    }
    None
}

#[test]
fn no_top_level_module_depends_on_itself_through_others() {
    let edges = graph();
    assert!(edges.len() > 10, "the modules of src/ are found: {edges:?}");
    for start in edges.keys() {
        if let Some(cycle) = cycle_through(&edges, start) {
            let steps: Vec<String> = cycle
                .iter()
                .zip(cycle.iter().cycle().skip(1))
                .map(|(a, b)| format!("{a} -> {b} ({})", edges[a][b]))
                .collect();
            panic!("an import cycle:\n{}", steps.join("\n"));
        }
    }
}

#[test]
fn a_grouped_use_names_each_module_it_groups() {
    assert_eq!(
        named("use crate::{answers::Answers, scoring};"),
        ["answers", "scoring"]
    );
    assert_eq!(named("    let x = crate::report::percent(v);"), ["report"]);
    assert!(named("// see crate::session").is_empty());
}

#[test]
fn the_core_sits_below_the_session_and_the_session_below_the_front_ends() {
    let edges = graph();
    let names = |m: &str| edges[m].keys().cloned().collect::<Vec<_>>();
    for low in [
        "sanitize",
        "yaml",
        "assessment",
        "answers",
        "scoring",
        "report",
        "record",
    ] {
        assert!(
            !names(low).contains(&"session".to_string()),
            "{low} reaches up into session: {}",
            edges[low]["session"]
        );
    }
    for m in edges
        .keys()
        .filter(|m| !["tui", "share", "cli"].contains(&m.as_str()))
    {
        assert!(
            !names(m).contains(&"tui".to_string()) || m == "share",
            "{m} names tui"
        );
    }
}
