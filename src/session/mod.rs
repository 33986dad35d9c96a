//! Sessions: the questionnaire core that every front end drives, and the
//! session file it is kept in.

pub mod store;

pub use store::*;
