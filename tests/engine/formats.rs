//! One set of formats for `score`, `report` and `compare`: each kind of
//! document renders in exactly its formats, and text for people is
//! sanitised in every one of them.

use crossroads::answers::read_answers;
use crossroads::output::{Document, render};
use crossroads::report::full::{Audience, ReportInput};
use crossroads::report::{Format, Kind};
use crossroads::{compare, scoring};

const SAMPLE: &str = include_str!("../conformance/sample.yaml");
const ANSWERS: &[u8] = include_bytes!("../conformance/answers-1.yaml");

#[test]
fn every_kind_renders_in_its_formats_and_refuses_the_others() {
    // A title with an escape sequence and a bidi override, which no
    // rendering for people may pass on.
    let hostile = SAMPLE.replacen(
        "title: Sample paths",
        "title: \"\\e]0;pwned\\a\\u202e\\e[31mSample paths\"",
        1,
    );
    let (a, _) = crossroads::assessment::load("s.yaml", hostile.as_bytes()).unwrap();
    assert!(a.title.contains('\u{1b}'));
    let answers = read_answers("a.yaml", ANSWERS, &a).unwrap().answers;
    let score = scoring::score(&a, &answers);
    let input = ReportInput {
        assessment: &a,
        answers: &answers,
        meta: None,
        score: &score,
        audience: Audience::Mentee,
    };
    let comparison = compare::compare(&a, &answers, &answers);
    let docs = [
        Document::Score {
            assessment: &a,
            answers: &answers,
            score: &score,
        },
        Document::Report(&input),
        Document::Comparison {
            assessment: &a,
            comparison: &comparison,
        },
    ];
    for doc in docs {
        let kind = doc.kind();
        assert!(kind.formats().contains(&kind.default_format()));
        for format in Format::ALL {
            let out = render(&doc, format);
            if !kind.formats().contains(&format) {
                let e = out.unwrap_err();
                assert!(e.contains(&format!("cannot be written as {format}")), "{e}");
                continue;
            }
            let out = out.unwrap_or_else(|e| panic!("{kind:?} {format}: {e}"));
            assert!(!out.contains('\u{1b}'), "{kind:?} {format}: {out}");
            if matches!(format, Format::Text | Format::Markdown | Format::Html) {
                assert!(!out.contains('\u{202e}'), "{kind:?} {format}");
                assert!(!out.contains('\u{7}'), "{kind:?} {format}");
            }
        }
    }
    assert_eq!(Kind::Score.formats().len(), 4);
    assert_eq!("yaml".parse::<Format>(), Ok(Format::Yaml));
    assert!("pdf".parse::<Format>().is_err());
}
