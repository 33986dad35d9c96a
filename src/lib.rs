//! crossroads: a questionnaire engine that scores answers toward career
//! tracks. The core (assessment, kinds, answers, conditions, scoring,
//! report, session) knows nothing of terminals. `session::Session` is the
//! questionnaire that every front end drives: `plain` (line by line, always
//! built) and `tui` (the terminal app, the default `tui` feature).

pub mod analysis;
pub mod answers;
pub mod assessment;
pub mod bundled;
pub mod compare;
pub mod field;
pub mod files;
pub mod output;
pub mod plain;
pub mod record;
pub mod report;
pub mod rng;
pub mod sanitize;
pub mod schema;
pub mod scoring;
pub mod session;
#[cfg(feature = "share")]
pub mod share;
pub mod simulate;
pub mod source;
pub mod steps;
#[cfg(feature = "tui")]
pub mod tui;
pub mod wrap;
pub mod yaml;
