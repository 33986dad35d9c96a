//! Temporary files of atomic saves (`.crossroads-PID-XXXXXX.tmp`), and
//! the clean-up of those left behind when a writer was killed between
//! creating one and renaming it over its target.
//!
//! The writer's process id is in the name, so a file whose writer has gone
//! is removed at once, and one whose writer is still running is left alone
//! (its save is under way). Names without a process id (older versions,
//! report writes) and systems where liveness cannot be told fall back on
//! age: a save takes milliseconds, so such a file older than a minute is
//! left over.

use std::path::Path;
use std::time::{Duration, SystemTime};

/// What every temporary file of ours starts with.
const PREFIX: &str = ".crossroads-";
/// What every temporary file of ours ends with.
pub const SUFFIX: &str = ".tmp";

/// Age after which a temporary file whose writer cannot be told is stale.
const STALE_AFTER: Duration = Duration::from_secs(60);
/// Age after which even a file whose writer's id is alive is stale: no
/// save takes this long, so the id must have been reused by another
/// process after the writer died.
const REUSED_AFTER: Duration = Duration::from_secs(3600);

/// The prefix for a temporary file this process writes: `PREFIX`, the
/// process id and a dash (the random part follows).
pub fn prefix() -> String {
    format!("{PREFIX}{}-", std::process::id())
}

/// The writer's process id in a temporary file's name, if it has one.
fn writer_of(name: &str) -> Option<u32> {
    let rest = name.strip_prefix(PREFIX)?;
    let (digits, _) = rest.split_once('-')?;
    digits.parse().ok()
}

/// Whether process `pid` is running: Some(answer) where the system says
/// (Linux's /proc), None where it cannot be told.
fn alive(pid: u32) -> Option<bool> {
    let proc = Path::new("/proc");
    if !proc.join("self").exists() {
        return None;
    }
    Some(proc.join(pid.to_string()).exists())
}

/// Whether a temporary file of ours, of this `name` and `age`, is left
/// over from a writer that will never finish it.
fn is_stale(name: &str, age: Duration) -> bool {
    if !(name.starts_with(PREFIX) && name.ends_with(SUFFIX)) {
        return false;
    }
    match writer_of(name).map(|pid| (pid, alive(pid))) {
        Some((_, Some(false))) => true,
        Some((_, Some(true))) => age > REUSED_AFTER,
        _ => age > STALE_AFTER,
    }
}

/// Removes the stale temporary files of ours directly in `dir` (see
/// [`is_stale`]) and says how many went. Anything else, and any file that
/// cannot be looked at, is left alone: this is tidying, never a reason for
/// a save or an open to fail.
pub(crate) fn clean_stale(dir: &Path) -> usize {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    let now = SystemTime::now();
    let mut removed = 0;
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !name.starts_with(PREFIX) {
            continue;
        }
        // Only regular files (not links, not folders), as the file itself.
        let Ok(meta) = entry.path().symlink_metadata() else {
            continue;
        };
        if !meta.file_type().is_file() {
            continue;
        }
        let age = meta
            .modified()
            .ok()
            .and_then(|m| now.duration_since(m).ok())
            .unwrap_or_default();
        if is_stale(name, age) && std::fs::remove_file(entry.path()).is_ok() {
            removed += 1;
        }
    }
    removed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_writer_is_read_from_the_name() {
        assert_eq!(writer_of(".crossroads-4242-AbC123.tmp"), Some(4242));
        assert_eq!(writer_of(".crossroads-AbC123.tmp"), None);
        assert!(prefix().starts_with(PREFIX) && prefix().ends_with('-'));
    }

    #[test]
    fn only_our_temporary_files_are_ever_stale() {
        let old = Duration::from_secs(7200);
        assert!(!is_stale("session.yaml", old));
        assert!(!is_stale(".crossroads-1-x.yaml", old));
        assert!(is_stale(".crossroads-x.tmp", old));
        assert!(!is_stale(".crossroads-x.tmp", Duration::from_secs(5)));
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn a_live_writer_keeps_its_file_and_a_dead_one_does_not() {
        let me = std::process::id();
        let fresh = Duration::from_secs(1);
        assert!(!is_stale(&format!(".crossroads-{me}-x.tmp"), fresh));
        assert!(!is_stale(
            &format!(".crossroads-{me}-x.tmp"),
            STALE_AFTER * 2
        ));
        // Beyond the largest process id Linux hands out.
        assert!(is_stale(".crossroads-4194305-x.tmp", fresh));
    }
}
