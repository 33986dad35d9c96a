//! The goals of the previous session, read when a new one opens; the
//! goal types themselves are plain data in [`crate::record::goals`].

pub use crate::record::goals::*;

/// This person's previous session of the same assessment, read when a new
/// one is opened: its goals are reviewed, and the results say what changed.
#[derive(Debug, Clone)]
pub struct Previous {
    /// Its file name, kept in `Meta::previous`.
    pub file: String,
    pub meta: super::Meta,
    pub answers: crate::answers::Answers,
}
