//! Arbitrary bytes as an assessment file.
#![no_main]

use crossroads::answers::Answers;
use crossroads::sanitize;
use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fn check_clean(text: &str) {
    let out = sanitize::clean(text);
    assert!(
        out.chars().all(|c| c == '\n' || !c.is_control()),
        "clean left a control character in {out:?}"
    );
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        check_clean(text);
    }
    let Ok((mut a, _warnings)) = crossroads::assessment::load("fuzz.yaml", data) else {
        return;
    };
    check_clean(&a.title);
    common::score_and_check(&a, &Answers::new(a.questions.len()));
    sanitize::assessment(&mut a);
    common::score_and_check(&a, &Answers::new(a.questions.len()));
});
