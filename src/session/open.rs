//! Opening a session for any front end: whose it is decides which file,
//! the file is locked for this program, a saved session is offered to
//! resume, and a backup is kept when the assessment changed.
//!
//! The rule, the same in both front ends: with `--session PATH` that file
//! is the session. Otherwise the person's folder holds their sessions; the
//! latest is opened (an unfinished one to resume, a finished one to see or
//! to start a new session beside), and a person with none gets a new file.
//! A session of another person is never opened for them.

use super::audience::CoachKey;
use super::disk::Disk;
use super::goals::Previous;
use super::lock::{self, LockError};
use super::people::{self, Earlier};
use super::{Effect, Meta, Resume, Session, Step};
use crate::answers::Answers;
use crate::assessment::Assessment;
use crate::sanitize;
use crate::session::store as session;
use crate::source::Source;
use std::path::{Path, PathBuf};
use std::sync::Arc;

/// How to open the app.
#[derive(Debug, Clone)]
pub struct Options {
    /// `--session PATH`; otherwise the person's folder in the data folder.
    pub session: Option<PathBuf>,
    /// Coach mode: coach prompts shown, the mentee's name kept.
    pub coach: bool,
    /// The person (`--person`, or its alias `--name`); None is the
    /// self-assessment's "me", or in coach mode a name still to be asked.
    pub name: Option<String>,
}

/// What a front end does once the person's name was typed on the welcome.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Chosen {
    /// The open session is theirs (or sessions are not kept by person):
    /// start now, keeping the name.
    Start,
    /// Their session is to be opened: a step whose effect
    /// ([`Effect::OpenPerson`]) the front end carries out like any other,
    /// coming to [`Done::Opened`](super::disk::Done::Opened) or
    /// [`Done::NotOpened`](super::disk::Done::NotOpened).
    Open(Step),
    /// No name was typed: nothing was opened; ask again. A mentee always
    /// has a name, so a coach's run never falls back to the coach's own
    /// sessions ("me" opens them only when typed).
    NoName,
    /// The name cannot be used as typed (too long): nothing was opened;
    /// ask again, saying why.
    Refused(String),
}

/// The session file of an assessment when no data folder is known.
fn session_path(explicit: Option<PathBuf>, assessment_id: &str) -> PathBuf {
    explicit.unwrap_or_else(|| PathBuf::from(format!("crossroads-{assessment_id}.yaml")))
}

/// Opens the session of an assessment read from `source`. An unusable
/// session file, a session of someone else, or one open in another
/// program is an error, and nothing is changed.
pub fn open(
    mut a: Assessment,
    source: &Source,
    options: Options,
) -> Result<(Session, Disk), String> {
    let base = Meta {
        assessment_path: source.path.as_ref().map(|p| {
            std::fs::canonicalize(p)
                .unwrap_or_else(|_| p.clone())
                .display()
                .to_string()
        }),
        bundled: source.bundled.map(str::to_string),
        fingerprint: source.fingerprint.clone(),
        coach: options.coach,
        ..Meta::default()
    };
    // Sanitising changes what is shown, never ids, so files load the same.
    crate::assessment::clean::clean(&mut a);
    let person = options.name.as_deref();
    // Whose run this is comes from the command line alone, never the file.
    let key = CoachKey::from_command_line(options.coach);
    let (session, disk) = match (options.session, people::root()) {
        (Some(path), _) => open_file(a, base, path, person, None, Vec::new()),
        (None, None) => {
            let path = session_path(None, &a.id);
            open_file(a, base, path, person, None, Vec::new())
        }
        (None, Some(root)) if options.coach && person.is_none() => Ok(waiting(a, base, root)),
        (None, Some(root)) => open_person(a, base, root, person),
    }?;
    Ok((session.coached(key), disk))
}

/// Coach mode before the mentee's name is known: a session on its welcome
/// with no file yet; [`choose_person`] opens theirs.
fn waiting(a: Assessment, base: Meta, root: PathBuf) -> (Session, Disk) {
    let n = a.questions.len();
    let disk = Disk {
        people: Some(root),
        ..Disk::default()
    };
    (Session::new(a, Answers::new(n), base), disk)
}

/// The mentee's name was typed on the welcome: decides, reading nothing,
/// what becomes of it. When sessions are kept by person and none is open
/// yet, this person's session is to be opened (their saved session on the
/// welcome, or a new one); otherwise the open file stays, and the name is
/// kept when the session starts.
pub(crate) fn choose_person(session: &Session, disk: &Disk, name: &str) -> Chosen {
    if session.is_coach() && sanitize::line(name).trim().is_empty() {
        return Chosen::NoName;
    }
    // The one rule for a name's length, in both front ends.
    let n = name.trim().chars().count();
    if n > crate::record::NAME_LIMIT {
        return Chosen::Refused(format!(
            "A name is at most {} characters; this one has {n}: type initials or a shorter name.",
            crate::record::NAME_LIMIT
        ));
    }
    if disk.people.is_none() || disk.path.is_some() {
        return Chosen::Start;
    }
    Chosen::Open(Step {
        effects: vec![Effect::OpenPerson(name.to_string())],
        notice: None,
    })
}

/// Carries out [`Effect::OpenPerson`]: opens `name`'s session of the
/// assessment open now, as the coach's (or person's) run it is, and the
/// disk that keeps it; the front end's session and disk are replaced by
/// them. An error is a sentence, and nothing was changed.
pub(super) fn open_for(
    session: &Session,
    disk: &Disk,
    name: &str,
) -> Result<(Session, Disk), String> {
    let Some(root) = disk.people.clone() else {
        return Err("sessions are not kept by person in this run".into());
    };
    let m = session.meta();
    let base = Meta {
        assessment_path: m.assessment_path.clone(),
        bundled: m.bundled.clone(),
        fingerprint: m.fingerprint.clone(),
        coach: m.coach,
        ..Meta::default()
    };
    let (s, d) = open_person(session.assessment().clone(), base, root, Some(name))?;
    Ok((s.coached(session.coach_key().copied()), d))
}

/// Opens this person's latest session of the assessment (as
/// [`people::newest_first`] orders them for `run`), or a new file.
fn open_person(
    a: Assessment,
    base: Meta,
    root: PathBuf,
    person: Option<&str>,
) -> Result<(Session, Disk), String> {
    let mine = people::sessions_of(&root, person, &a.id);
    let mut all = people::newest_first(mine, super::Timestamp::now(), people::Latest::Any);
    if all.is_empty() {
        let folder = people::folder(&root, person);
        let path = people::new_file(&folder, &a.id, super::Timestamp::now());
        return open_file(a, base, path, person, Some(root), Vec::new());
    }
    let latest = all.remove(0);
    let earlier = all
        .iter()
        .filter_map(|f| {
            let loaded = session::load(&f.path, &a, &base.fingerprint).ok()?;
            let s = crate::scoring::score(&a, &loaded.answers);
            Some(Earlier {
                date: f.when(),
                answered: s.answered,
                total: s.total,
                finished: f.meta.complete,
            })
        })
        .collect();
    open_file(a, base, latest.path, person, Some(root), earlier)
}

/// The previous session for a new session of this person, which goes in
/// their folder: of their sessions with answers in that folder, the latest
/// finished one, or else the latest ([`people::newest_first`]); left out if
/// it cannot be read.
pub(crate) fn previous_of(
    root: &Path,
    person: Option<&str>,
    a: &Assessment,
    fingerprint: &str,
) -> Option<Previous> {
    let folder = people::folder(root, person);
    let mut mine = people::sessions_of(root, person, &a.id);
    mine.retain(|f| f.path.parent() == Some(folder.as_path()));
    let all = people::newest_first(mine, super::Timestamp::now(), people::Latest::Answered);
    let pick = all.iter().find(|f| f.meta.complete).or(all.first())?;
    let file = pick.path.file_name()?.to_str()?;
    read_previous(&folder, file, None, person, a, fingerprint).ok()
}

/// Reads the previous session `file` of a session of `person` kept in
/// `dir`, named `own` (None for a session not yet written).
/// Honoured only when `file` is the bare name of a regular file in `dir`
/// (no folder, no `..`, not absolute, not a link, not the session itself),
/// which is checked before anything is opened, and then when it is a
/// session of the same assessment and the same person. Otherwise the
/// sentence that says why it is ignored, for the front end to show.
fn read_previous(
    dir: &Path,
    file: &str,
    own: Option<&std::ffi::OsStr>,
    person: Option<&str>,
    a: &Assessment,
    fingerprint: &str,
) -> Result<Previous, String> {
    let ignored = |why: &str| {
        format!(
            "The session's previous session \"{}\" is ignored: {why}.",
            sanitize::line(file)
        )
    };
    let bare = !file.contains(['/', '\\'])
        && matches!(
            Path::new(file).components().collect::<Vec<_>>()[..],
            [std::path::Component::Normal(_)]
        );
    if !bare {
        return Err(ignored("it is not a file name in this session's folder"));
    }
    if own == Some(std::ffi::OsStr::new(file)) {
        return Err(ignored("it is this session itself"));
    }
    let path = dir.join(file);
    if !path.symlink_metadata().is_ok_and(|m| m.is_file()) {
        return Err(ignored("there is no such file in this session's folder"));
    }
    let loaded = session::load(&path, a, fingerprint)
        .map_err(|_| ignored("it is not a session of this assessment that can be read"))?;
    if people::key(loaded.meta.name.as_deref()) != people::key(person) {
        return Err(ignored("it is another person's session"));
    }
    Ok(Previous {
        file: file.to_string(),
        meta: loaded.meta,
        answers: loaded.answers,
    })
}

/// Locks and opens one session file, resuming it if it exists.
fn open_file(
    a: Assessment,
    base: Meta,
    path: PathBuf,
    person: Option<&str>,
    people_root: Option<PathBuf>,
    earlier: Vec<Earlier>,
) -> Result<(Session, Disk), String> {
    // A broken file, or another person's, is refused before anything is
    // written beside it (not even the lock file).
    if path.exists() {
        let loaded = session::load(&path, &a, &base.fingerprint).map_err(|e| e.to_string())?;
        if let (Some(p), Some(theirs)) = (person, loaded.meta.name.as_deref())
            && people::key(Some(p)) != people::key(Some(theirs))
        {
            return Err(format!(
                "{} is {} session, not {}; it was left untouched. Leave out --person to continue it, or pass another --session path",
                path.display(),
                people::possessive(Some(theirs)),
                people::possessive(Some(p)).trim_end_matches("'s")
            ));
        }
    }
    // Before anything is backed up or saved: a second program touches
    // nothing. The file is read again below, as it is once locked.
    let mut warnings = Vec::new();
    let held = match lock::acquire(&path) {
        Ok(l) => Some(Arc::new(l)),
        // A folder that cannot be written cannot hold the session either,
        // so no other program can change it: the run goes on, says so now,
        // and ends saying what was lost.
        Err(e @ LockError::ReadOnly { .. }) => {
            warnings.push(format!("{e}."));
            None
        }
        Err(e) => return Err(e.to_string()),
    };
    // Only once the session is ours: saves killed mid-way left these.
    match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => crate::files::temp::clean_stale(dir),
        _ => crate::files::temp::clean_stale(Path::new(".")),
    };
    let mut answers = Answers::new(a.questions.len());
    let mut resume = None;
    let mut meta = base.clone();
    meta.name = people::stored_name(person);
    let mut backed_up = None;
    let mut written = None;
    if path.exists() {
        let loaded = session::load(&path, &a, &base.fingerprint).map_err(|e| e.to_string())?;
        let changed = match &loaded.changed {
            None => None,
            Some(c) => {
                let (text, backup) = changed_words(&path, c)?;
                backed_up = Some(backup);
                Some(text)
            }
        };
        let score = crate::scoring::score(&a, &loaded.answers);
        if score.answered > 0 || loaded.meta.complete || changed.is_some() {
            resume = Some(Resume {
                answered: score.answered,
                total: score.total,
                started: loaded.meta.started,
                updated: loaded.meta.updated,
                changed,
                earlier,
            });
        }
        answers = loaded.answers;
        let name = loaded.meta.name.clone().or(meta.name);
        meta = Meta {
            assessment_path: base.assessment_path,
            bundled: base.bundled,
            fingerprint: base.fingerprint.clone(),
            coach: loaded.meta.coach || base.coach,
            name,
            ..loaded.meta
        };
        written = Some(session::render(&a, &answers, &meta));
    }
    let previous = meta.previous.as_deref().and_then(|file| {
        let dir = path.parent().unwrap_or(Path::new("."));
        let (own, name) = (path.file_name(), meta.name.as_deref());
        read_previous(dir, file, own, name, &a, &base.fingerprint)
            .map_err(|why| warnings.push(why))
            .ok()
    });
    // A hand-written answers file is the session from now on, and is
    // copied as it is before its first change (design-notes.md).
    let hand_written = written.is_some() && !session::is_ours(&path);
    let disk = Disk {
        hand_written,
        path: Some(path),
        backed_up,
        people: people_root,
        lock: held,
        written,
        warnings,
        ..Disk::default()
    };
    // A new session, or one whose file has no order for a shuffled
    // question yet, gets its order now; it is kept from the first save.
    super::order::draw(&a, &mut meta, super::order::fresh_seed());
    let session = Session::new(a, answers, meta).resuming(resume);
    let session = match previous {
        Some(p) => session.with_previous(Some(p)),
        None => session,
    };
    Ok((session, disk))
}

/// What to say when the assessment changed since the session was saved,
/// after backing the file up (refused, untouched, if no backup can be made).
fn changed_words(path: &Path, c: &session::Changed) -> Result<(String, PathBuf), String> {
    let backup = session::backup(path).map_err(|e| {
        format!(
            "the assessment changed since {} was saved, and a backup of it could not be made ({e}); it was left untouched",
            path.display()
        )
    })?;
    let dropped = if c.dropped.is_empty() {
        String::new()
    } else {
        format!(
            " Answers no longer valid were set aside: {}.",
            c.dropped.join(", ")
        )
    };
    let text = format!(
        "The assessment changed since this session was saved: {} answers kept.{dropped} The old file is backed up at {}.",
        c.kept,
        backup.display()
    );
    Ok((text, backup))
}
