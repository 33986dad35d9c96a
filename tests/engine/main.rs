//! The core, without the terminal front end: the format, scoring, reports, sessions, simulation (`cargo test --no-default-features` runs these).
//!
//! One integration test crate per audience of the code (matklad's layout):
//! a change relinks three test binaries, not one per file.

mod analysis;
mod bundled;
mod compare;
mod docs_paths;
mod formats;
mod fuzz_props;
mod group_figures;
mod loader_order;
mod messages;
mod module_graph;
mod personas;
mod reasons;
mod report;
mod scoring;
mod session;
mod session_file;
mod session_summary;
mod simulate;
mod simulate_json;
mod simulate_watched;
mod validation;
