//! The one way crossroads reads a file: assessments, answers, session
//! files, whether named on the command line or by another file. Only
//! regular files are read (a FIFO would block for ever, a device such as
//! `/dev/zero` never ends), their size is checked before reading and again
//! while reading, and a refusal names the path and what it is, never what
//! the file holds.

pub mod temp;

use std::fmt;
use std::fs::{File, Metadata, OpenOptions};
use std::io::Read;
use std::path::{Path, PathBuf};

/// Largest file crossroads reads, in bytes (the same limit `yaml` applies
/// to text already in memory).
pub const MAX_FILE_BYTES: u64 = crate::yaml::MAX_FILE_BYTES as u64;

/// Why a file was not read. Its `Display` is one sentence that names the
/// path and never quotes the file's content.
#[derive(Debug)]
pub enum ReadError {
    /// Nothing is there.
    NotFound(PathBuf),
    /// Something is there, but not a regular file: `what` says what it is
    /// ("a named pipe (FIFO)", "a character device", ...).
    NotRegular { path: PathBuf, what: &'static str },
    /// The file is larger than the limit, before or while it was read.
    TooLarge {
        path: PathBuf,
        /// Its size, when known from its metadata; None when it grew past
        /// the limit while it was being read.
        size: Option<u64>,
        limit: u64,
    },
    /// The operating system refused (permissions, I/O).
    Io(PathBuf, std::io::Error),
}

impl ReadError {
    /// The path the error is about.
    pub fn path(&self) -> &Path {
        match self {
            ReadError::NotFound(p)
            | ReadError::NotRegular { path: p, .. }
            | ReadError::TooLarge { path: p, .. }
            | ReadError::Io(p, _) => p,
        }
    }
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mib = |n: u64| n / 1024 / 1024;
        match self {
            ReadError::NotFound(p) => write!(f, "{}: there is no such file", p.display()),
            ReadError::NotRegular { path, what } => write!(
                f,
                "{}: this is {what}, not a regular file; crossroads reads only regular files",
                path.display()
            ),
            ReadError::TooLarge {
                path,
                size: Some(size),
                limit,
            } => write!(
                f,
                "{}: the file is {size} bytes; crossroads reads files of at most {} MiB",
                path.display(),
                mib(*limit)
            ),
            ReadError::TooLarge {
                path,
                size: None,
                limit,
            } => write!(
                f,
                "{}: the file grew past {} MiB while it was being read; crossroads reads files of at most {} MiB",
                path.display(),
                mib(*limit),
                mib(*limit)
            ),
            ReadError::Io(p, e) => write!(f, "{}: cannot read the file: {e}", p.display()),
        }
    }
}

impl std::error::Error for ReadError {}

/// What a file system entry is, in words, when it is not a regular file.
pub fn not_regular(meta: &Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some("a folder");
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a named pipe (FIFO)");
        }
        if t.is_char_device() {
            return Some("a character device");
        }
        if t.is_block_device() {
            return Some("a block device");
        }
        if t.is_socket() {
            return Some("a socket");
        }
    }
    Some("not a regular file")
}

/// Reads a whole regular file of at most [`MAX_FILE_BYTES`].
pub fn read(path: &Path) -> Result<Vec<u8>, ReadError> {
    read_at_most(path, MAX_FILE_BYTES)
}

/// Reads a whole regular file of at most `limit` bytes. The type and size
/// are checked from the metadata before the file is opened, so a FIFO or a
/// device is never opened at all; the open itself does not wait (on Unix
/// `O_NONBLOCK`, in case the path was swapped for a FIFO meanwhile), the
/// opened file is checked again, and the read stops one byte past `limit`,
/// so a file that grows while it is read is refused too.
fn read_at_most(path: &Path, limit: u64) -> Result<Vec<u8>, ReadError> {
    let owned = || path.to_path_buf();
    let io = |e: std::io::Error| match e.kind() {
        std::io::ErrorKind::NotFound => ReadError::NotFound(owned()),
        _ => ReadError::Io(owned(), e),
    };
    check(path, &std::fs::metadata(path).map_err(io)?, limit)?;
    let mut options = OpenOptions::new();
    options.read(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NONBLOCK);
    }
    let file: File = options.open(path).map_err(io)?;
    let meta = file.metadata().map_err(io)?;
    check(path, &meta, limit)?;
    // Never more than the limit up front, whatever the metadata says.
    let mut bytes = Vec::with_capacity(meta.len().min(limit) as usize);
    file.take(limit.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(io)?;
    if bytes.len() as u64 > limit {
        return Err(ReadError::TooLarge {
            path: owned(),
            size: None,
            limit,
        });
    }
    Ok(bytes)
}

fn check(path: &Path, meta: &Metadata, limit: u64) -> Result<(), ReadError> {
    if let Some(what) = not_regular(meta) {
        return Err(ReadError::NotRegular {
            path: path.to_path_buf(),
            what,
        });
    }
    if meta.len() > limit {
        return Err(ReadError::TooLarge {
            path: path.to_path_buf(),
            size: Some(meta.len()),
            limit,
        });
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_small_file_is_read_whole() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("a.yaml");
        std::fs::write(&p, "format: 1\n").unwrap();
        assert_eq!(read(&p).unwrap(), b"format: 1\n");
    }

    #[test]
    fn a_folder_is_refused_by_name() {
        let dir = tempfile::tempdir().unwrap();
        let e = read(dir.path()).unwrap_err().to_string();
        assert!(e.contains("is a folder, not a regular file"), "{e}");
    }

    #[test]
    fn a_file_over_the_limit_is_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("big.yaml");
        std::fs::write(&p, "0123456789").unwrap();
        let e = read_at_most(&p, 9).unwrap_err();
        assert!(
            matches!(e, ReadError::TooLarge { size: Some(10), .. }),
            "{e}"
        );
        assert_eq!(read_at_most(&p, 10).unwrap().len(), 10);
    }

    #[test]
    fn a_missing_file_says_so() {
        let e = read(Path::new("/nonexistent/x.yaml")).unwrap_err();
        assert!(matches!(e, ReadError::NotFound(_)), "{e}");
    }

    #[cfg(target_os = "linux")]
    #[test]
    fn devices_are_refused_unread() {
        for dev in ["/dev/zero", "/dev/urandom", "/dev/null"] {
            let e = read(Path::new(dev)).unwrap_err().to_string();
            assert!(e.contains("is a character device"), "{e}");
        }
    }
}
