//! One program at a time per session file: an advisory lock on a sidecar
//! file beside it (`NAME.yaml.lock`), held for the whole run.
//!
//! The lock is never taken on the session file itself: every save renames
//! a new file over it, which would leave a lock on the old one. The lock
//! file holds the holder's process id, so a second program can say which
//! process has the session open. The operating system releases the lock
//! when the holder's file is closed, however the process ends, so a
//! `kill -9` never leaves a session locked; the lock file itself stays
//! (removing it would let two programs lock two different files).

use std::fs::{File, OpenOptions, TryLockError};
use std::io::{Read, Seek, Write};
use std::os::unix::fs::OpenOptionsExt;
use std::path::{Path, PathBuf};

/// A held lock on a session file; dropping it releases it.
#[derive(Debug)]
pub struct Lock {
    /// The lock file (kept open: closing it releases the lock).
    _file: File,
    /// The session file it guards.
    pub session: PathBuf,
}

/// Why a session could not be locked.
#[derive(Debug)]
pub enum LockError {
    /// Another program holds it: its process id, when the file says.
    Held { pid: Option<u32>, session: PathBuf },
    /// The lock file could not be made (the folder is missing and cannot
    /// be made, or is not writable).
    Io(std::io::Error),
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held { pid, session } => {
                let which = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
                write!(
                    f,
                    "this session is open in another program{which}: {}. Finish it there first; nothing was changed",
                    session.display()
                )
            }
            LockError::Io(e) => write!(f, "the session could not be locked: {e}"),
        }
    }
}

/// The lock file of a session file: beside it, `NAME.lock`. A symlinked
/// session is locked at its target, so that two paths to one file share
/// one lock.
pub fn sidecar(session: &Path) -> PathBuf {
    let target = super::store::resolve(session);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    target.with_file_name(format!("{name}.lock"))
}

/// Takes the lock of a session file without waiting, and writes this
/// process's id into it. Its folder is made if missing.
pub fn acquire(session: &Path) -> Result<Lock, LockError> {
    let path = sidecar(session);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).map_err(LockError::Io)?;
    }
    // A lock file is ours and regular: a FIFO or a device planted in its
    // place must not block the run (nor be written to).
    if let Ok(meta) = std::fs::symlink_metadata(&path)
        && !meta.file_type().is_file()
    {
        return Err(LockError::Io(std::io::Error::other(format!(
            "{} is not a regular file; remove it and run again",
            crate::sanitize::terminal(&path.display().to_string())
        ))));
    }
    let mut file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .custom_flags(libc::O_NONBLOCK)
        .open(&path)
        .map_err(LockError::Io)?;
    match file.try_lock() {
        Ok(()) => {}
        Err(TryLockError::WouldBlock) => {
            let mut text = String::new();
            let _ = file.read_to_string(&mut text);
            return Err(LockError::Held {
                pid: text.trim().parse().ok(),
                session: session.to_path_buf(),
            });
        }
        Err(TryLockError::Error(e)) => return Err(LockError::Io(e)),
    }
    // Only the holder writes, and only its own id.
    let _ = file.set_len(0);
    let _ = file.rewind();
    let _ = writeln!(file, "{}", std::process::id());
    let _ = file.flush();
    Ok(Lock {
        _file: file,
        session: session.to_path_buf(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_second_lock_on_the_same_session_is_refused_and_says_the_process() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let held = acquire(&session).unwrap();
        match acquire(&session) {
            Err(LockError::Held { pid, .. }) => assert_eq!(pid, Some(std::process::id())),
            other => panic!("{other:?}"),
        }
        assert!(!session.exists(), "the session file is not touched");
        drop(held);
        assert!(acquire(&session).is_ok());
    }

    #[test]
    fn a_missing_folder_is_made() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("a/b/s.yaml");
        assert!(acquire(&session).is_ok());
        assert!(dir.path().join("a/b/s.yaml.lock").exists());
    }

    #[test]
    fn a_fifo_in_place_of_the_lock_file_is_refused_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.yaml");
        let status = std::process::Command::new("mkfifo")
            .arg(dir.path().join("s.yaml.lock"))
            .status()
            .unwrap();
        assert!(status.success());
        assert!(matches!(acquire(&session), Err(LockError::Io(_))));
    }
}
