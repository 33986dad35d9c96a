//! `crossroads sessions [--person NAME] [--format text|json] [--dir DIR]`:
//! every saved session, newest first, with an id to refer to it.

mod table;

use super::inputs;
use super::{Failure, output};
use crossroads::session::{Timestamp, people};
use crossroads::source::cache::Assessments;
use std::path::{Path, PathBuf};

/// How `sessions` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

/// One saved session, as listed.
struct Row {
    id: String,
    person: String,
    assessment: String,
    path: PathBuf,
    /// (answered, total), or why they cannot be counted.
    progress: Result<(usize, usize), String>,
    finished: bool,
    started: Option<Timestamp>,
    updated: Option<Timestamp>,
}

/// Lists the sessions in the data folder (or `dir`): each person's, the
/// old default folder's, and any directly in `dir`. A file that cannot be
/// read is listed with the reason, never the end of the listing.
/// The text table fits the terminal (80 columns off one) unless `wide`.
pub fn run(
    dir: Option<PathBuf>,
    person: Option<&str>,
    format: ListFormat,
    wide: bool,
) -> Result<(), Failure> {
    let root = match dir {
        Some(d) if d.is_dir() => d,
        Some(d) => {
            return Err(Failure::Invalid(format!(
                "{}: there is no such folder",
                d.display()
            )));
        }
        None => inputs::data_root()?,
    };
    let mut known = Assessments::new();
    let mut rows: Vec<Row> = people::every_file(&root)
        .iter()
        .map(|path| row(&root, path, &mut known))
        .collect();
    let mut names_known = Vec::new();
    if let Some(p) = person {
        let part = people::key(Some(p));
        names_known = names(&rows, &part);
        rows.retain(|r| !r.person.is_empty() && people::key(Some(&r.person)).contains(&part));
    }
    rows.sort_by(|a, b| {
        b.updated
            .or(b.started)
            .cmp(&a.updated.or(a.started))
            .then(a.id.cmp(&b.id))
    });
    if let (Some(p), true) = (person, rows.is_empty()) {
        let said = no_match(p, &names_known);
        return match format {
            ListFormat::Json => {
                output::warn(&said);
                output::print(&json(&rows))
            }
            ListFormat::Text => output::print(&said),
        };
    }
    match format {
        ListFormat::Json => output::print(&json(&rows)),
        ListFormat::Text if rows.is_empty() => output::print(&format!(
            "No saved sessions yet (they are kept in {}).",
            root.join("people").display()
        )),
        ListFormat::Text => output::print(&table::text(&rows, wide)),
    }
}

/// The names of the people with sessions in `rows`, each once and cleaned
/// of anything that could act on a terminal, the closest to `part` (a
/// [`people::key`]) first.
fn names(rows: &[Row], part: &str) -> Vec<String> {
    let mut seen = std::collections::HashSet::new();
    let mut named: Vec<(f64, String)> = rows
        .iter()
        .filter(|r| !r.person.is_empty())
        .filter(|r| seen.insert(people::key(Some(&r.person))))
        .map(|r| {
            let key = people::key(Some(&r.person));
            let name = people::clean_name(&r.person);
            (strsim::normalized_damerau_levenshtein(part, &key), name)
        })
        .collect();
    named.sort_by(|a, b| b.0.total_cmp(&a.0).then_with(|| a.1.cmp(&b.1)));
    named.into_iter().map(|(_, n)| n).collect()
}

/// Most names suggested when `--person` matches no one.
const SUGGESTED: usize = 10;

/// What `--person` matching no one says: the known names, closest first.
fn no_match(person: &str, known: &[String]) -> String {
    let person = people::clean_name(person);
    if known.is_empty() {
        return format!(
            "No saved sessions of a person matching \"{person}\"; there are no saved sessions yet."
        );
    }
    let mut list = known
        .iter()
        .take(SUGGESTED)
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    if known.len() > SUGGESTED {
        list.push_str(&format!(" and {} more", known.len() - SUGGESTED));
    }
    format!("No saved sessions of a person matching \"{person}\". People with sessions: {list}.")
}

fn row(root: &Path, path: &Path, known: &mut Assessments) -> Row {
    let id = people::id_of(root, path);
    match inputs::listed(path, known) {
        Ok(l) => Row {
            id,
            person: people::shown(l.meta.name.as_deref()),
            assessment: l.assessment,
            path: path.to_path_buf(),
            progress: l.progress,
            finished: l.meta.complete,
            started: l.meta.started,
            updated: l.meta.updated,
        },
        Err(why) => Row {
            id,
            person: String::new(),
            assessment: String::new(),
            path: path.to_path_buf(),
            progress: Err(why),
            finished: false,
            started: None,
            updated: None,
        },
    }
}

fn json(rows: &[Row]) -> String {
    let when = |t: Option<Timestamp>| t.map(|t| t.to_string());
    let all: Vec<serde_json::Value> = rows
        .iter()
        .map(|r| {
            let (answered, total, problem) = match &r.progress {
                Ok((a, t)) => (Some(*a), Some(*t), None),
                Err(why) => (None, None, Some(why.clone())),
            };
            let mut v = serde_json::json!({
                "id": r.id,
                "person": r.person,
                "assessment": r.assessment,
                "path": r.path.display().to_string(),
                "answered": answered,
                "total": total,
                "finished": r.finished,
                "started": when(r.started),
                "updated": when(r.updated),
            });
            if let Some(p) = problem {
                v["problem"] = serde_json::Value::String(p);
            }
            v
        })
        .collect();
    serde_json::to_string_pretty(&all).unwrap_or_default()
}
