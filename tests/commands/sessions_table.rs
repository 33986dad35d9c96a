//! The `sessions` table for people: it fits 80 columns off a terminal,
//! its columns line up by the cells a terminal gives each character (CJK
//! and emoji two), and `--wide` keeps every column whole.

use std::path::Path;
use unicode_width::UnicodeWidthStr;

const LONG: &str = "A person with a very long name indeed, sixty characters long";
const LONG_ID: &str =
    "a-person-with-a-very-long-name-indeed-sixty-char_e14c47af45/career-tracks-20261206-193117";

/// A data folder holding a session of each person: a 60-character name,
/// a CJK name and a name with an emoji, in the folders the app names.
fn data() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (id, name, hour) in [
        (LONG_ID, LONG, 10),
        ("_9826979c92/career-tracks-20261206-193117", "山田太郎", 11),
        (
            "zo-party_1a0d43a20f/career-tracks-20261206-193118",
            "Zoë 🎉 Party",
            12,
        ),
        ("sam-lee/career-tracks-20261206-193117", "Sam Lee", 13),
    ] {
        let path = dir.path().join("people").join(format!("{id}.yaml"));
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        let text = format!(
            "assessment: career-tracks\nanswers: {{}}\nsession: {{ bundled: career-tracks, \
             updated: '2026-12-06T{hour}:00:00Z', name: \"{name}\" }}\n"
        );
        std::fs::write(path, text).unwrap();
    }
    dir
}

fn sessions(dir: &Path, more: &[&str]) -> String {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_crossroads"))
        .args(["sessions", "--dir"])
        .arg(dir)
        .args(more)
        .output()
        .unwrap();
    assert!(out.status.success(), "{out:?}");
    String::from_utf8(out.stdout).unwrap()
}

/// The cell at which `part` starts in `line`.
fn cell_of(line: &str, part: &str) -> usize {
    let at = line
        .find(part)
        .unwrap_or_else(|| panic!("{part:?} in {line:?}"));
    line[..at].width()
}

/// The table's lines, the note under it left out.
fn table(text: &str) -> Vec<&str> {
    text.lines().filter(|l| !l.starts_with('(')).collect()
}

#[test]
fn the_table_fits_80_columns_with_long_cjk_and_emoji_names() {
    let text = sessions(data().path(), &[]);
    for line in text.lines() {
        assert!(line.width() <= 80, "{} cells: {line}\n{text}", line.width());
    }
    assert_eq!(table(&text).len(), 5, "a heading and a row each: {text}");
    assert!(
        text.contains("--wide"),
        "what was cut can be seen whole: {text}"
    );
}

#[test]
fn the_columns_line_up_by_display_width() {
    let text = sessions(data().path(), &[]);
    let lines = table(&text);
    let heading = lines[0];
    let (answered, id) = (cell_of(heading, "ANSWERED"), cell_of(heading, "ID"));
    for line in &lines[1..] {
        assert_eq!(cell_of(line, "0/53"), answered, "{line}\n{text}");
        let id_starts = ["a-person", "_98", "zo-party", "sam-lee"];
        let start = id_starts.iter().find(|s| line.contains(*s)).unwrap();
        assert_eq!(cell_of(line, start), id, "{line}\n{text}");
    }
    // The names themselves: whole where they fit, a wide character never
    // split; the long one cut with an ellipsis.
    assert!(
        text.contains("山田太郎") && text.contains("Zoë 🎉 Party"),
        "{text}"
    );
    assert!(
        !text.contains(LONG) && text.contains("A person wi…"),
        "{text}"
    );
}

#[test]
fn wide_keeps_every_column_whole_and_lines_them_up() {
    let text = sessions(data().path(), &["--wide"]);
    for whole in [
        LONG,
        LONG_ID,
        "山田太郎",
        "Zoë 🎉 Party",
        "STARTED",
        "FINISHED",
    ] {
        assert!(text.contains(whole), "{whole} cut or missing:\n{text}");
    }
    assert!(!text.contains('…'), "{text}");
    let lines: Vec<&str> = text.lines().collect();
    let assessment = cell_of(lines[0], "ASSESSMENT");
    for line in &lines[1..] {
        assert_eq!(
            cell_of(line, "career-tracks  "),
            assessment,
            "{line}\n{text}"
        );
    }
}
