//! Sessions: the questionnaire core that every front end drives, and the
//! session file it is kept in.

pub mod store;
pub mod time;

pub use store::*;
pub use time::Timestamp;
