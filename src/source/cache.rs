//! Assessments read once for many files: `crossroads sessions` meets the
//! same recorded assessment in every session of it, and decoding and
//! validating it again for each one cost more than reading the sessions.
//!
//! A file is known by its path and the fingerprint of its bytes; its size
//! and modification time tell, without reading it again, that it is the
//! same file as before. A bundled assessment is known by its id.

use super::SourceError;
use crate::assessment::Assessment;
use crate::bundled::Bundled;
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;
use std::time::SystemTime;

/// An assessment as loaded: shared by every file that names it.
pub type Loaded = Rc<Result<Assessment, SourceError>>;

/// The assessments loaded so far, each once.
#[derive(Default)]
pub struct Assessments {
    /// What a path was last seen as: its size and time, and its fingerprint.
    seen: HashMap<PathBuf, (u64, Option<SystemTime>, String)>,
    /// Each file's assessment by path and fingerprint.
    files: HashMap<(PathBuf, String), Loaded>,
    bundled: HashMap<&'static str, Loaded>,
    /// Each bundled assessment's fingerprint, worked out once.
    bundled_prints: HashMap<&'static str, String>,
    loads: usize,
}

impl Assessments {
    /// No assessment loaded yet.
    pub fn new() -> Assessments {
        Assessments::default()
    }

    /// How many times an assessment was decoded and validated.
    pub fn loads(&self) -> usize {
        self.loads
    }

    /// A bundled assessment, loaded the first time it is asked for.
    pub fn bundled(&mut self, b: &'static Bundled) -> Loaded {
        if let Some(a) = self.bundled.get(b.id) {
            return a.clone();
        }
        self.loads += 1;
        let a = Rc::new(b.load().map(|(a, _)| a).map_err(SourceError::Invalid));
        self.bundled.insert(b.id, a.clone());
        a
    }

    /// The fingerprint of a bundled assessment's text, as a session of it
    /// records it; hashed the first time it is asked for.
    pub fn bundled_fingerprint(&mut self, b: &'static Bundled) -> &str {
        self.bundled_prints
            .entry(b.id)
            .or_insert_with(|| super::fingerprint(b.yaml.as_bytes()))
    }

    /// The fingerprint of the bytes of the file at `path` as [`Self::file`]
    /// last read them, if it did.
    pub fn file_fingerprint(&self, path: &str) -> Option<&str> {
        self.seen
            .get(Path::new(path))
            .map(|(_, _, print)| print.as_str())
    }

    /// The assessment in the file at `path` (named in messages as given),
    /// as [`super::assessment`] reads it, loaded again only when the file
    /// changed since.
    pub fn file(&mut self, path: &str) -> Loaded {
        let Ok(meta) = std::fs::metadata(path) else {
            // Not there (or not reachable): the uncached reader says why.
            self.loads += 1;
            return Rc::new(super::assessment(path).map(|(a, _)| a));
        };
        let key = PathBuf::from(path);
        let stamp = (meta.len(), meta.modified().ok());
        if let Some((len, time, print)) = self.seen.get(&key)
            && (*len, *time) == stamp
            && let Some(a) = self.files.get(&(key.clone(), print.clone()))
        {
            return a.clone();
        }
        let bytes = match crate::files::read(Path::new(path)) {
            Ok(b) => b,
            Err(e) => return Rc::new(Err(SourceError::Unreadable(e.to_string()))),
        };
        let print = super::fingerprint(&bytes);
        self.seen
            .insert(key.clone(), (stamp.0, stamp.1, print.clone()));
        if let Some(a) = self.files.get(&(key.clone(), print.clone())) {
            return a.clone();
        }
        self.loads += 1;
        let a = Rc::new(
            crate::assessment::load_owned(path, bytes)
                .map(|(a, _)| a)
                .map_err(SourceError::Invalid),
        );
        self.files.insert((key, print), a.clone());
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_bundled_assessment_named_by_many_sessions_is_loaded_once() {
        let mut known = Assessments::new();
        let b = crate::bundled::find("career-tracks").unwrap();
        for _ in 0..5 {
            assert!(known.bundled(b).is_ok());
        }
        assert_eq!(known.loads(), 1);
    }

    #[test]
    fn a_recorded_file_is_loaded_once_and_again_only_when_it_changes() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.yaml");
        let yaml = crate::bundled::find("quick-check").unwrap().yaml;
        std::fs::write(&path, yaml).unwrap();
        let mut known = Assessments::new();
        let p = path.to_str().unwrap();
        for _ in 0..5 {
            assert!(known.file(p).is_ok());
        }
        assert_eq!(known.loads(), 1);
        std::fs::write(&path, format!("{yaml}\n# changed\n")).unwrap();
        assert!(known.file(p).is_ok());
        assert_eq!(known.loads(), 2);
    }
}
