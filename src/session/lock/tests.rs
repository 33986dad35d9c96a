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

/// The refusal of a lock file, as a person reads it.
fn refusal(session: &Path) -> String {
    match acquire(session) {
        Err(e @ LockError::Unusable { .. }) => e.to_string(),
        other => panic!("{other:?}"),
    }
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
    let e = refusal(&session);
    assert!(
        e.contains("is a named pipe (FIFO), not a regular file"),
        "{e}"
    );
    assert!(e.contains("Remove it and run again"), "{e}");
}

#[test]
fn a_symlink_in_place_of_the_lock_file_is_refused_and_not_followed() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let elsewhere = dir.path().join("elsewhere");
    std::os::unix::fs::symlink(&elsewhere, dir.path().join("s.yaml.lock")).unwrap();
    let e = refusal(&session);
    assert!(e.contains("is a symbolic link"), "{e}");
    assert!(!elsewhere.exists(), "nothing is made through the link");
}

#[test]
fn a_folder_in_place_of_the_lock_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    std::fs::create_dir(dir.path().join("s.yaml.lock")).unwrap();
    assert!(refusal(&session).contains("is a folder, not a regular file"));
}

/// Makes `path` impossible to open for writing, even for root: mode
/// 0444 for a user, the immutable attribute for root. Undone on drop;
/// None where neither can be done here (then the test says so).
struct Unwritable(PathBuf);

impl Unwritable {
    fn make(path: &Path) -> Option<Unwritable> {
        use std::os::unix::fs::PermissionsExt;
        let root = unsafe { libc::geteuid() } == 0;
        let done = if root {
            std::process::Command::new("chattr")
                .arg("+i")
                .arg(path)
                .stderr(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success())
        } else {
            let mode = if path.is_dir() { 0o555 } else { 0o444 };
            std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).is_ok()
        };
        done.then(|| Unwritable(path.to_path_buf()))
    }
}

impl Drop for Unwritable {
    fn drop(&mut self) {
        use std::os::unix::fs::PermissionsExt;
        let _ = std::process::Command::new("chattr")
            .arg("-i")
            .arg(&self.0)
            .stderr(std::process::Stdio::null())
            .status();
        let _ = std::fs::set_permissions(&self.0, std::fs::Permissions::from_mode(0o755));
    }
}

#[test]
fn a_lock_file_that_cannot_be_opened_for_writing_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let lock = dir.path().join("s.yaml.lock");
    std::fs::write(&lock, "").unwrap();
    let Some(_held) = Unwritable::make(&lock) else {
        eprintln!("skipped: cannot make a file unwritable here (chattr or chmod)");
        return;
    };
    let e = refusal(&session);
    assert!(e.contains("cannot be opened for writing"), "{e}");
    assert!(e.contains("may belong to another user"), "{e}");
}

#[test]
fn a_folder_that_cannot_be_written_goes_on_without_a_lock_and_says_nothing_is_saved() {
    let dir = tempfile::tempdir().unwrap();
    let folder = dir.path().join("ro");
    std::fs::create_dir(&folder).unwrap();
    let Some(_held) = Unwritable::make(&folder) else {
        eprintln!("skipped: cannot make a folder unwritable here (chattr or chmod)");
        return;
    };
    match acquire(&folder.join("s.yaml")) {
        Err(e @ LockError::ReadOnly { .. }) => {
            assert!(
                e.to_string()
                    .contains("nothing of this session will be saved")
            )
        }
        other => panic!("{other:?}"),
    }
}

// No file system here lacks locks, so the error `flock` gives on one
// is handed to the code that reads it.
#[test]
fn a_file_system_without_locks_is_refused_naming_the_folder() {
    for errno in [libc::ENOLCK, libc::EOPNOTSUPP] {
        let e = lock_failed(
            std::io::Error::from_raw_os_error(errno),
            Path::new("/net/home/s.yaml.lock"),
            Path::new("/net/home"),
        );
        assert!(matches!(e, LockError::NoLocks { .. }), "{e:?}");
        let e = e.to_string();
        assert!(
            e.starts_with("The folder /net/home cannot lock files"),
            "{e}"
        );
        assert!(
            e.contains("Pass --session with a path on a local disk"),
            "{e}"
        );
    }
}

#[test]
fn every_lock_message_starts_with_a_capital_letter() {
    let dir = tempfile::tempdir().unwrap();
    let session = dir.path().join("s.yaml");
    let _held = acquire(&session).unwrap();
    let e = acquire(&session).unwrap_err().to_string();
    assert!(
        e.starts_with("This session is open in another program"),
        "{e}"
    );
}
