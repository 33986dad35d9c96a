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

/// Why a session could not be locked. Only [`LockError::ReadOnly`] lets a
/// run go on (nothing can be saved there, so no two programs can change
/// the file); every other case refuses the session.
#[derive(Debug)]
pub(crate) enum LockError {
    /// Another program holds it: its process id, when the file says.
    Held { pid: Option<u32>, session: PathBuf },
    /// The lock file is there but cannot be used: `what` it is or what
    /// went wrong, and `fix`, what the person can do about it.
    Unusable {
        lock: PathBuf,
        what: String,
        fix: &'static str,
    },
    /// The folder's file system has no locks (`flock` said ENOLCK or
    /// EOPNOTSUPP, as some network file systems do).
    NoLocks {
        folder: PathBuf,
        error: std::io::Error,
    },
    /// The folder cannot be written at all (nor made): no lock file, and
    /// no save either.
    ReadOnly {
        folder: PathBuf,
        error: std::io::Error,
    },
}

impl std::fmt::Display for LockError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LockError::Held { pid, session } => {
                let which = pid.map(|p| format!(" (process {p})")).unwrap_or_default();
                write!(
                    f,
                    "This session is open in another program{which}: {}. Finish it there first; nothing was changed",
                    session.display()
                )
            }
            LockError::Unusable { lock, what, fix } => write!(
                f,
                "The session could not be locked: its lock file {} {what}. {fix}; nothing was changed",
                lock.display()
            ),
            LockError::NoLocks { folder, error } => write!(
                f,
                "The folder {} cannot lock files ({error}), so crossroads cannot make sure that no other program changes the session at the same time. Pass --session with a path on a local disk (or set XDG_DATA_HOME to a folder on one); nothing was changed",
                folder.display()
            ),
            LockError::ReadOnly { folder, error } => write!(
                f,
                "The folder {} cannot be written ({error}): nothing of this session will be saved. To keep your answers, quit and pass --session with a path in a folder you can write to",
                folder.display()
            ),
        }
    }
}

/// The lock file of a session file: beside it, `NAME.lock`. A symlinked
/// session is locked at its target, so that two paths to one file share
/// one lock.
fn sidecar(session: &Path) -> PathBuf {
    let target = super::store::resolve(session);
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "session".into());
    target.with_file_name(format!("{name}.lock"))
}

/// Takes the lock of a session file without waiting, and writes this
/// process's id into it. Its folder is made if missing.
///
/// The lock file is never followed through a link nor waited on: its type
/// is checked before it is opened, and the open itself neither follows a
/// link (`O_NOFOLLOW`) nor waits for a FIFO swapped in meanwhile
/// (`O_NONBLOCK`), and the opened file is checked again.
pub(crate) fn acquire(session: &Path) -> Result<Lock, LockError> {
    let path = sidecar(session);
    let folder = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d.to_path_buf(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&folder).map_err(|error| LockError::ReadOnly {
        folder: folder.clone(),
        error,
    })?;
    let unusable = |what: String, fix| LockError::Unusable {
        lock: path.clone(),
        what,
        fix,
    };
    if let Ok(meta) = std::fs::symlink_metadata(&path) {
        refuse_type(&meta).map_err(|(what, fix)| unusable(what, fix))?;
    }
    let opened = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .custom_flags(libc::O_NONBLOCK | libc::O_NOFOLLOW)
        .open(&path);
    let mut file = match opened {
        Ok(file) => file,
        Err(e) => return Err(open_failed(e, &path, &folder)),
    };
    if let Ok(meta) = file.metadata() {
        refuse_type(&meta).map_err(|(what, fix)| unusable(what, fix))?;
    }
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
        Err(TryLockError::Error(e)) => return Err(lock_failed(e, &path, &folder)),
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

/// A lock file is ours and regular: a link, a FIFO, a folder or a device
/// in its place is refused, with what it is and what to do.
fn refuse_type(meta: &std::fs::Metadata) -> Result<(), (String, &'static str)> {
    if meta.file_type().is_symlink() {
        return Err((
            "is a symbolic link, which crossroads never follows for a lock".into(),
            "Remove the link and run again",
        ));
    }
    match crate::files::not_regular(meta) {
        None => Ok(()),
        Some(what) => Err((
            format!("is {what}, not a regular file"),
            "Remove it and run again",
        )),
    }
}

/// Why the lock file could not be opened: a folder that cannot be written
/// at all goes on without a lock (nothing can be saved there either); a
/// lock file that cannot be opened in a folder that can is refused.
fn open_failed(e: std::io::Error, path: &Path, folder: &Path) -> LockError {
    if e.raw_os_error() == Some(libc::ELOOP)
        && let Ok(meta) = std::fs::symlink_metadata(path)
        && let Err((what, fix)) = refuse_type(&meta)
    {
        return LockError::Unusable {
            lock: path.to_path_buf(),
            what,
            fix,
        };
    }
    if !writable(folder) {
        return LockError::ReadOnly {
            folder: folder.to_path_buf(),
            error: e,
        };
    }
    LockError::Unusable {
        lock: path.to_path_buf(),
        what: format!("cannot be opened for writing ({e}); it may belong to another user"),
        fix: "Remove it (or have its owner remove it) and run again, or pass --session with a path in a folder of your own",
    }
}

/// Why an opened lock file could not be locked.
pub(crate) fn lock_failed(e: std::io::Error, path: &Path, folder: &Path) -> LockError {
    let no_locks = [libc::ENOLCK, libc::EOPNOTSUPP, libc::ENOSYS];
    if e.raw_os_error().is_some_and(|n| no_locks.contains(&n))
        || e.kind() == std::io::ErrorKind::Unsupported
    {
        return LockError::NoLocks {
            folder: folder.to_path_buf(),
            error: e,
        };
    }
    LockError::Unusable {
        lock: path.to_path_buf(),
        what: format!("could not be locked ({e})"),
        fix: "Run again; if this goes on, pass --session with a path on a local disk",
    }
}

/// Whether a file can be made in `folder` (tried, not guessed from its
/// mode bits: root, read-only mounts and immutable folders differ).
fn writable(folder: &Path) -> bool {
    tempfile::tempfile_in(folder).is_ok()
}

#[cfg(test)]
mod tests;
