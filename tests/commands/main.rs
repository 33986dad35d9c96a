//! The binary and its commands, end to end: files, exit codes, the app in tmux and over OpenSSH (feature `share`).
//!
//! One integration test crate per audience of the code (matklad's layout):
//! a change relinks three test binaries, not one per file.

#[path = "../support/mod.rs"]
mod support;

mod answer_locations;
mod audience;
mod cli;
mod conformance;
mod crash;
mod diagnostics;
mod export;
mod hostile;
mod nothing_lost;
mod parser_bounds;
mod people;
mod plain;
mod report_browser;
mod sessions_summary;
mod sessions_table;
mod simulate_cli;
mod streaming;
mod tui_e2e;
