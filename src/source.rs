//! Where an assessment comes from: a path on disk or a bundled id.

use crate::assessment::{self, Assessment, Problem, Rejected};
use crate::bundled;
use std::path::{Path, PathBuf};

pub mod cache;

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

/// What an assessment argument names: a file read into bytes, or a
/// bundled assessment (built in).
enum Found {
    File(PathBuf, Vec<u8>),
    Bundled(&'static bundled::Bundled),
}

impl Found {
    /// The name used in messages: the path as given, or the bundled id.
    fn name<'a>(&self, arg: &'a str) -> &'a str {
        match self {
            Found::File(..) => arg,
            Found::Bundled(b) => b.id,
        }
    }
}

/// Resolves `arg`, an existing path first, then a bundled id.
fn resolve(arg: &str) -> Result<Found, SourceError> {
    let path = Path::new(arg);
    if path.exists() {
        let bytes = crate::files::read(path).map_err(|e| SourceError::Unreadable(e.to_string()))?;
        return Ok(Found::File(path.to_path_buf(), bytes));
    }
    if let Some(b) = bundled::find(arg) {
        return Ok(Found::Bundled(b));
    }
    let ids: Vec<&str> = bundled::BUNDLED.iter().map(|b| b.id).collect();
    Err(SourceError::NotFound(format!(
        "{arg}: no such file, and no bundled assessment has that id; bundled ones are {} (see `crossroads list`)",
        ids.join(", ")
    )))
}

/// Validates what `arg` was found to name.
fn check(arg: &str, found: Found) -> Result<(Assessment, Vec<Problem>), SourceError> {
    let name = found.name(arg);
    let loaded = match found {
        Found::File(_, bytes) => assessment::load_owned(name, bytes),
        Found::Bundled(b) => b.load(),
    };
    loaded.map_err(SourceError::Invalid)
}

/// Resolves and validates an assessment for a session, which needs to know
/// where it came from and its fingerprint; warnings come back beside it.
pub fn load(arg: &str) -> Result<(Assessment, Source, Vec<Problem>), SourceError> {
    let found = resolve(arg)?;
    let name = found.name(arg).to_string();
    let source = match &found {
        Found::File(path, bytes) => Source {
            name,
            path: Some(path.clone()),
            bundled: None,
            fingerprint: fingerprint(bytes),
        },
        Found::Bundled(b) => Source {
            name,
            path: None,
            bundled: Some(b.id),
            fingerprint: fingerprint(b.yaml.as_bytes()),
        },
    };
    let (assessment, warnings) = check(arg, found)?;
    Ok((assessment, source, warnings))
}

/// Resolves and validates an assessment where no session is kept (`score`,
/// `export`, `analyse`...): as [`load`], without the fingerprint, which
/// takes a byte-by-byte pass over the file (30 ms at 50,000 questions).
pub fn assessment(arg: &str) -> Result<(Assessment, Vec<Problem>), SourceError> {
    check(arg, resolve(arg)?)
}

/// FNV-1a, 64 bits, as 16 hex digits: stable across versions and platforms.
pub fn fingerprint(bytes: &[u8]) -> String {
    let mut h: u64 = 0xcbf29ce484222325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x100000001b3);
    }
    format!("{h:016x}")
}
