//! The terminal app, driven in-process through its keymap and update (feature `tui`).
//!
//! One integration test crate per audience of the code (matklad's layout):
//! a change relinks three test binaries, not one per file.

#[path = "../support/mod.rs"]
mod support;

mod choosing;
mod front_ends;
mod one_document;
mod tui_field;
mod tui_keys;
mod tui_screens;
