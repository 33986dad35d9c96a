//! Turns each bundled assessment's YAML into JSON at build time. The app
//! reads the JSON at start (serde_json parses it about ten times faster
//! than YAML), which brings the first frame of `crossroads run` level with
//! a C dialog program; see the README's design notes. The YAML is still
//! embedded: it is the file's identity (its fingerprint) and what
//! `validate` and the error messages read.

use std::path::PathBuf;

const BUNDLED: [&str; 2] = ["career-tracks", "quick-check"];

fn main() {
    let out = PathBuf::from(std::env::var_os("OUT_DIR").expect("cargo sets OUT_DIR"));
    for id in BUNDLED {
        let path = format!("assessments/{id}.yaml");
        println!("cargo::rerun-if-changed={path}");
        let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
        // A bundled file that is not even YAML fails the build; one that is
        // YAML but not a valid assessment is caught by the tests.
        let value: serde_yaml::Value =
            serde_yaml::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"));
        let json = serde_json::to_string(&value).unwrap_or_else(|e| panic!("{path}: {e}"));
        std::fs::write(out.join(format!("{id}.json")), json).expect("OUT_DIR is writable");
    }
}
