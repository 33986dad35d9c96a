//! crossroads: a questionnaire engine that scores answers toward career
//! tracks. The core (assessment, answers, conditions, scoring, report,
//! session) knows nothing of terminals; `tui` and `plain` are thin shells.

pub mod answers;
pub mod assessment;
pub mod bundled;
pub mod compare;
pub mod conditions;
pub mod field;
pub mod kinds;
pub mod plain;
pub mod report;
pub mod sanitize;
pub mod schema;
pub mod scoring;
pub mod session;
pub mod source;
pub mod tui;
pub mod yaml;
