//! `crossroads schema`

use super::{Failure, output};

/// Prints the JSON Schema of assessment format 1.
pub fn run() -> Result<(), Failure> {
    let text = serde_json::to_string_pretty(&crossroads::schema::schema())
        .map_err(|e| Failure::Invalid(format!("cannot write the schema: {e}")))?;
    output::print(&text)
}
