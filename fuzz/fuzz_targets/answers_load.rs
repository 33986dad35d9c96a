//! Arbitrary bytes as an answers file for tests/conformance/sample.yaml.
#![no_main]

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| {
    let a = common::sample();
    let _ = crossroads::answers::parse_file("fuzz.yaml", data);
    if let Ok(file) = crossroads::answers::read_answers("fuzz.yaml", data, a) {
        common::score_and_check(a, &file.answers);
    }
});
