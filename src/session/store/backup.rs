//! Backups: a copy of a file beside it, made before the file is replaced.
//!
//! A backup is a new file, never a replaced one: its name carries the time
//! to the second, and a second backup in the same second (or a file that
//! already has the name) gets a counter (`-2`, `-3`, ...). The name is
//! claimed by creating the file (`create_new`, which never follows a link
//! either), so two programs backing up at once cannot take the same one.

use super::{HEADER, Timestamp};
use std::fs::{File, OpenOptions};
use std::io::{ErrorKind, Write};
use std::path::{Path, PathBuf};

/// Most numbered names tried for backups made in one second.
const TRIES: u32 = 999;

/// A copy of the file beside it, under a name no file had, before it is
/// replaced: `NAME.YYYYMMDDTHHMMSSZ.bak`, or `NAME.YYYYMMDDTHHMMSSZ-2.bak`,
/// ... Private to the user (0600), as the session is.
pub fn backup(path: &Path) -> std::io::Result<PathBuf> {
    backup_at(path, Timestamp::now())
}

/// [`backup`] as if it were `now`.
pub(super) fn backup_at(path: &Path, now: Timestamp) -> std::io::Result<PathBuf> {
    let stamp = now.to_string().replace([':', '-'], "");
    let name = path
        .file_name()
        .and_then(|n| n.to_str())
        .unwrap_or("session.yaml");
    let bytes = crate::files::read(path).map_err(|e| std::io::Error::other(e.to_string()))?;
    for n in 1..=TRIES {
        let target = path.with_file_name(match n {
            1 => format!("{name}.{stamp}.bak"),
            n => format!("{name}.{stamp}-{n}.bak"),
        });
        let file = match create_new(&target) {
            Ok(file) => file,
            Err(e) if e.kind() == ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        };
        return match fill(file, &bytes) {
            Ok(()) => Ok(target),
            Err(e) => {
                // Made in this run, and incomplete: not a backup to keep.
                let _ = std::fs::remove_file(&target);
                Err(e)
            }
        };
    }
    Err(std::io::Error::other(format!(
        "{TRIES} backups of {name} were made in one second"
    )))
}

/// Whether `path` holds a file crossroads wrote (a session file, which
/// starts with its header). A hand-written answers file does not: its
/// comments and layout would be lost when the session is first saved.
pub fn is_ours(path: &Path) -> bool {
    crate::files::read(path).is_ok_and(|b| b.starts_with(HEADER.as_bytes()))
}

/// A file made new at `path` (an existing file or link there is never
/// opened), readable by the user only.
fn create_new(path: &Path) -> std::io::Result<File> {
    let mut options = OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    options.open(path)
}

fn fill(mut file: File, bytes: &[u8]) -> std::io::Result<()> {
    file.write_all(bytes)?;
    file.sync_all()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn two_backups_in_one_second_are_two_files_and_neither_is_lost() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let now = Timestamp::from_secs(1_800_000_000);
        std::fs::write(&session, "first").unwrap();
        let one = backup_at(&session, now).unwrap();
        std::fs::write(&session, "second").unwrap();
        let two = backup_at(&session, now).unwrap();
        assert_ne!(one, two);
        assert_eq!(std::fs::read_to_string(&one).unwrap(), "first");
        assert_eq!(std::fs::read_to_string(&two).unwrap(), "second");
        assert!(
            two.to_string_lossy().ends_with("-2.bak"),
            "{}",
            two.display()
        );
    }

    #[test]
    fn a_link_planted_at_the_backup_name_is_not_written_through() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        std::fs::write(&session, "answers").unwrap();
        let now = Timestamp::from_secs(1_800_000_000);
        let elsewhere = dir.path().join("elsewhere");
        std::fs::write(&elsewhere, "kept").unwrap();
        let planted = session.with_file_name("s.yaml.20270115T080000Z.bak");
        std::os::unix::fs::symlink(&elsewhere, &planted).unwrap();
        let made = backup_at(&session, now).unwrap();
        assert_ne!(made, planted);
        assert_eq!(std::fs::read_to_string(&elsewhere).unwrap(), "kept");
        assert_eq!(std::fs::read_to_string(&made).unwrap(), "answers");
    }
}
