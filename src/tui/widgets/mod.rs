//! Widgets shared by several screens.

pub mod text_field;
