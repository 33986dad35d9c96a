//! Where an assessment comes from: a path on disk or a bundled id.

use crate::assessment::{self, Assessment, Problem, Rejected};
use crate::bundled;
use std::path::{Path, PathBuf};

/// An assessment argument resolved to its bytes.
#[derive(Debug, Clone)]
pub struct Source {
    /// The name used in messages: the path as given, or the bundled id.
    pub name: String,
    /// The file on disk, when it is one.
    pub path: Option<PathBuf>,
    /// The bundled id, when it is one.
    pub bundled: Option<&'static str>,
    /// The fingerprint of its bytes, by which a session knows whether the
    /// assessment changed since. The bytes themselves are not kept: a large
    /// file is let go as soon as it is read.
    pub fingerprint: String,
}

/// Why an assessment could not be had.
#[derive(Debug)]
pub enum SourceError {
    /// Neither a readable file nor a bundled id.
    NotFound(String),
    /// A file that exists but could not be read.
    Unreadable(String),
    /// A file that was read but is not a valid assessment.
    Invalid(Rejected),
}

impl std::fmt::Display for SourceError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SourceError::NotFound(m) | SourceError::Unreadable(m) => f.write_str(m),
            SourceError::Invalid(r) => write!(f, "{r}"),
        }
    }
}

impl std::error::Error for SourceError {}

/// Resolves `arg`, an existing path first, then a bundled id: where it
/// comes from, and its bytes (none for a bundled one, which is built in).
fn resolve(arg: &str) -> Result<(Source, Option<Vec<u8>>), SourceError> {
    let path = Path::new(arg);
    if path.exists() {
        let bytes = crate::files::read(path).map_err(|e| SourceError::Unreadable(e.to_string()))?;
        let source = Source {
            name: arg.to_string(),
            path: Some(path.to_path_buf()),
            bundled: None,
            fingerprint: crate::session::fingerprint(&bytes),
        };
        return Ok((source, Some(bytes)));
    }
    if let Some(b) = bundled::find(arg) {
        let source = Source {
            name: b.id.to_string(),
            path: None,
            bundled: Some(b.id),
            fingerprint: crate::session::fingerprint(b.yaml.as_bytes()),
        };
        return Ok((source, None));
    }
    let ids: Vec<&str> = bundled::BUNDLED.iter().map(|b| b.id).collect();
    Err(SourceError::NotFound(format!(
        "{arg}: no such file, and no bundled assessment has that id; bundled ones are {} (see `crossroads list`)",
        ids.join(", ")
    )))
}

/// Resolves and validates an assessment; warnings come back beside it.
pub fn load(arg: &str) -> Result<(Assessment, Source, Vec<Problem>), SourceError> {
    let (source, bytes) = resolve(arg)?;
    let loaded = match (bytes, source.bundled.and_then(bundled::find)) {
        (Some(bytes), _) => assessment::load_owned(&source.name, bytes),
        (None, Some(b)) => b.load(),
        (None, None) => unreachable!("resolve gives bytes or a bundled id"),
    };
    let (assessment, warnings) = loaded.map_err(SourceError::Invalid)?;
    Ok((assessment, source, warnings))
}
