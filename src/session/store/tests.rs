use super::*;

#[cfg(unix)]
#[test]
fn a_symlinked_session_is_written_through_to_its_target() {
    let dir = tempfile::tempdir().unwrap();
    let target = dir.path().join("kept/real.yaml");
    std::fs::create_dir_all(target.parent().unwrap()).unwrap();
    std::fs::write(&target, "old").unwrap();
    let link = dir.path().join("link.yaml");
    std::os::unix::fs::symlink("kept/real.yaml", &link).unwrap();
    write_atomic(&link, "new").unwrap();
    assert!(link.symlink_metadata().unwrap().file_type().is_symlink());
    assert_eq!(std::fs::read_to_string(&target).unwrap(), "new");
}
