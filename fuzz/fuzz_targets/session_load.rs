//! Arbitrary bytes as a saved session of tests/conformance/sample.yaml,
//! loaded with a wrong and with the right fingerprint of the assessment.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::PathBuf;
use std::sync::OnceLock;

#[path = "common.rs"]
mod common;

fn path() -> &'static PathBuf {
    static P: OnceLock<PathBuf> = OnceLock::new();
    P.get_or_init(|| {
        std::env::temp_dir().join(format!("crossroads-fuzz-session-{}.yaml", std::process::id()))
    })
}

fuzz_target!(|data: &[u8]| {
    let a = common::sample();
    let path = path();
    std::fs::write(path, data).expect("write the session file");
    let right = crossroads::session::fingerprint(common::SAMPLE);
    for fp in ["0000000000000000", right.as_str()] {
        match crossroads::session::load(path, a, fp) {
            Ok(loaded) => {
                common::score_and_check(a, &loaded.answers);
                if let Some(changed) = &loaded.changed {
                    assert_eq!(changed.kept, loaded.answers.count());
                }
            }
            // A refused session is left exactly as it was.
            Err(_) => assert_eq!(std::fs::read(path).expect("read it back"), data),
        }
    }
});
