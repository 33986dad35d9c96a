//! Every validation rule of spec section 1, one behaviour per test.

use crossroads::assessment::load;

const BASE: &str = r#"format: 1
id: test-paths
title: Test paths
tracks:
  - { id: a, name: Alpha }
  - { id: b, name: Beta }
sections:
  - id: s1
    title: First
    questions:
      - { id: q1, type: likert, text: Q one, weights: { a: 1, b: -1 } }
      - id: q2
        type: choice
        text: Q two
        options:
          - { id: x, label: X, weights: { a: 1 } }
          - { id: y, label: Y, weights: { b: 1 } }
"#;

/// The error lines for a file, as `validate` prints them.
fn errors(yaml: &str) -> Vec<String> {
    match load("t.yaml", yaml.as_bytes()) {
        Ok(_) => Vec::new(),
        Err(r) => r
            .problems
            .iter()
            .filter(|p| p.is_error())
            .map(|p| p.display_in("t.yaml"))
            .collect(),
    }
}

fn warnings(yaml: &str) -> Vec<String> {
    let (_, w) = load("t.yaml", yaml.as_bytes()).expect("valid");
    w.iter().map(|p| p.display_in("t.yaml")).collect()
}

fn assert_error(yaml: &str, needle: &str) {
    let e = errors(yaml);
    assert!(
        e.iter().any(|l| l.contains(needle)),
        "no error containing {needle:?} in {e:#?}"
    );
}

fn with(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "BASE lacks {from:?}");
    BASE.replacen(from, to, 1)
}

fn add_question(q: &str) -> String {
    format!("{BASE}      {q}\n")
}

#[test]
fn the_base_file_is_valid_without_warnings() {
    assert!(errors(BASE).is_empty());
    assert!(warnings(BASE).is_empty(), "{:?}", warnings(BASE));
}

#[test]
fn a_wrong_format_names_the_supported_one() {
    assert_error(
        &with("format: 1", "format: 2"),
        "format is 2, but this version of crossroads reads format 1",
    );
}

#[test]
fn a_missing_format_is_an_error() {
    assert_error(&with("format: 1\n", ""), "`format` is missing");
}

#[test]
fn an_assessment_id_with_an_underscore_is_refused() {
    assert_error(
        &with("id: test-paths", "id: test_paths"),
        "assessment id \"test_paths\" is not allowed",
    );
}

#[test]
fn an_unknown_key_suggests_the_nearest_and_gives_line_and_column() {
    let e = errors(&with(
        "weights: { a: 1, b: -1 }",
        "wieghts: { a: 1, b: -1 }",
    ));
    assert_eq!(e.len(), 1);
    assert!(e[0].starts_with("t.yaml:11:"), "{}", e[0]);
    assert!(
        e[0].contains("unknown key `wieghts`; did you mean `weights`?"),
        "{}",
        e[0]
    );
}

#[test]
fn a_syntax_error_gives_line_and_column() {
    let e = errors("format: 1\nid: x\n  title: [oops\n");
    assert!(e[0].starts_with("t.yaml:3:"), "{}", e[0]);
}

#[test]
fn a_type_error_gives_line_and_column() {
    let e = errors(&with("title: Test paths", "title: [a, b]"));
    assert!(e[0].starts_with("t.yaml:3:8:"), "{}", e[0]);
}

#[test]
fn an_empty_file_says_so() {
    assert_error("  \n", "file is empty");
}

#[test]
fn a_file_that_is_not_utf8_says_so() {
    let e = match load("t.yaml", b"format: 1\ntitle: \xff\n") {
        Err(r) => r.to_string(),
        Ok(_) => panic!("accepted"),
    };
    assert!(e.contains("not UTF-8"), "{e}");
}

#[test]
fn a_yaml_alias_bomb_is_refused_quickly() {
    let mut y = String::from("a: &a [x,x,x,x,x,x,x,x,x]\n");
    for (prev, name) in ["a", "b", "c", "d", "e", "f", "g", "h"]
        .iter()
        .zip(["b", "c", "d", "e", "f", "g", "h", "i"])
    {
        y.push_str(&format!("{name}: &{name} [*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev},*{prev}]\n"));
    }
    let answers = format!("{y}assessment: test-paths\nanswers: {{ q1: *i }}\n");
    let (a, _) = load("t.yaml", BASE.as_bytes()).unwrap();
    let started = std::time::Instant::now();
    let r = crossroads::answers::read_answers("ans.yaml", answers.as_bytes(), &a);
    assert!(r.is_err());
    assert!(started.elapsed().as_secs() < 5);
}

#[test]
fn a_deeply_nested_document_is_refused() {
    let deep = format!(
        "format: 1\ntracks: {}{}\n",
        "[".repeat(5000),
        "]".repeat(5000)
    );
    assert!(!errors(&deep).is_empty());
}

#[test]
fn duplicated_question_ids_are_refused() {
    assert_error(
        &with("id: q2", "id: q1"),
        "question id \"q1\" is used twice",
    );
}

#[test]
fn duplicated_option_ids_are_refused() {
    assert_error(
        &with("{ id: y, label: Y", "{ id: x, label: Y"),
        "option id \"x\" is used twice",
    );
}

#[test]
fn duplicated_track_ids_are_refused() {
    assert_error(
        &with("{ id: b, name: Beta }", "{ id: a, name: Beta }"),
        "track id \"a\" is used twice",
    );
}

#[test]
fn a_weight_on_an_unknown_track_lists_the_tracks_and_suggests_one() {
    let e = errors(&with(
        "weights: { a: 1, b: -1 }",
        "weights: { a: 1, bb: -1 }",
    ));
    assert_eq!(
        e,
        [
            r#"t.yaml:11:63: error: sections[0].questions[0] (id "q1").weights: weight names unknown track "bb"; did you mean "b"? tracks are a, b"#
        ]
    );
}

#[test]
fn nan_and_infinite_weights_are_refused() {
    assert_error(
        &with("weights: { a: 1, b: -1 }", "weights: { a: .nan, b: -1 }"),
        "weight for \"a\" is NaN",
    );
    assert_error(
        &with("weights: { a: 1, b: -1 }", "weights: { a: .inf, b: -1 }"),
        "weight for \"a\" is inf",
    );
}

#[test]
fn a_repeated_track_in_weights_is_refused() {
    assert_error(
        &with("weights: { a: 1, b: -1 }", "weights: { a: 1, a: -1 }"),
        "appears twice",
    );
}

#[test]
fn a_likert_question_needs_weights() {
    assert_error(
        &with(", weights: { a: 1, b: -1 } }", " }"),
        "a likert question needs `weights`",
    );
}

#[test]
fn an_unknown_question_type_suggests_the_nearest() {
    assert_error(
        &with("type: likert", "type: likret"),
        "unknown question type \"likret\"; did you mean \"likert\"?",
    );
}

#[test]
fn a_key_of_another_type_is_refused() {
    assert_error(
        &with("type: choice", "type: choice\n        reverse: true"),
        "`reverse` does not apply to a choice question",
    );
}

#[test]
fn shuffle_is_refused_where_there_are_no_options_to_order() {
    assert_error(
        &with("type: likert,", "type: likert, shuffle: true,"),
        "`shuffle` does not apply to a likert question; it belongs to choice, multi or rank questions",
    );
}

#[test]
fn shuffle_on_the_file_and_on_a_choice_question_is_valid() {
    let text = with("type: choice", "type: choice\n        shuffle: false").replacen(
        "format: 1\n",
        "format: 1\nshuffle: true\n",
        1,
    );
    let (a, problems) = crossroads::assessment::load("t.yaml", text.as_bytes()).unwrap();
    assert!(problems.is_empty(), "{problems:?}");
    assert!(a.shuffle);
    let q = a
        .questions
        .iter()
        .position(|q| matches!(q.kind, crossroads::assessment::QuestionKind::Choice { .. }))
        .unwrap();
    assert!(!a.shuffled(q), "the question's own `shuffle: false` wins");
}

#[test]
fn a_choice_question_needs_two_options() {
    assert_error(
        &with("          - { id: y, label: Y, weights: { b: 1 } }\n", ""),
        "needs at least 2 options; found 1",
    );
}

#[test]
fn a_rank_question_has_at_most_nine_options() {
    let opts: Vec<String> = (0..10)
        .map(|i| format!("{{ id: o{i}, label: O{i}, weights: {{ a: 1 }} }}"))
        .collect();
    assert_error(
        &add_question(&format!(
            "- {{ id: r, type: rank, text: R, options: [{}] }}",
            opts.join(", ")
        )),
        "2 to 9 options; found 10",
    );
}

#[test]
fn multi_min_and_max_out_of_range_are_refused() {
    let q = "- { id: m, type: multi, text: M, min: 2, max: 3, options: [{ id: o1, label: O1, weights: { a: 1 } }, { id: o2, label: O2, weights: { b: 1 } }] }";
    assert_error(&add_question(q), "multi min 2 and max 3 are out of range");
}

#[test]
fn a_scale_with_max_not_above_min_is_refused() {
    assert_error(
        &format!("{BASE}scale: {{ min: 3, max: 3 }}\n"),
        "scale max (3) must be greater than min (3)",
    );
}

#[test]
fn a_scale_of_more_than_eleven_points_is_refused() {
    assert_error(
        &format!("{BASE}scale: {{ min: 0, max: 11 }}\n"),
        "has 12 points; at most 11",
    );
}

#[test]
fn a_label_count_that_does_not_match_the_scale_is_refused() {
    assert_error(
        &format!("{BASE}scale: {{ min: 1, max: 3, labels: [a, b] }}\n"),
        "has 3 points but 2 labels",
    );
}

#[test]
fn a_condition_on_a_later_question_is_a_forward_reference() {
    assert_error(
        &with(
            "type: likert, text: Q one,",
            "type: likert, show_if: { question: q2, is: x }, text: Q one,",
        ),
        "comes later in the file",
    );
}

#[test]
fn a_condition_on_an_unknown_question_suggests_the_nearest() {
    assert_error(
        &add_question("- { id: q3, type: text, text: T, show_if: { question: q22, is: x } }"),
        "unknown question \"q22\"; did you mean",
    );
}

#[test]
fn a_condition_naming_a_missing_option_lists_the_options() {
    assert_error(
        &add_question("- { id: q3, type: text, text: T, show_if: { question: q2, is: z } }"),
        "option \"z\" does not exist on question \"q2\"",
    );
}

#[test]
fn at_least_works_only_on_likert_questions() {
    assert_error(
        &add_question("- { id: q3, type: text, text: T, show_if: { question: q2, at_least: 2 } }"),
        "`at_least` works on likert questions only",
    );
}

#[test]
fn is_works_only_on_choice_and_multi_questions() {
    assert_error(
        &add_question("- { id: q3, type: text, text: T, show_if: { question: q1, is: x } }"),
        "`is` works on choice and multi questions",
    );
}

#[test]
fn a_condition_with_two_tests_is_refused() {
    assert_error(
        &add_question(
            "- { id: q3, type: text, text: T, show_if: { question: q1, at_least: 2, at_most: 4 } }",
        ),
        "has at_least or at_most",
    );
}

#[test]
fn nested_conditions_resolve() {
    let q = "- { id: q3, type: text, text: T, show_if: { all: [ { question: q1, at_least: 2 }, { not: { any: [ { question: q2, in: [x] }, { question: q1, answered: false } ] } } ] } }";
    assert!(
        errors(&add_question(q)).is_empty(),
        "{:?}",
        errors(&add_question(q))
    );
}

#[test]
fn a_track_no_question_can_move_is_unreachable() {
    assert_error(
        &with(
            "  - { id: b, name: Beta }",
            "  - { id: b, name: Beta }\n  - { id: c, name: Gamma }",
        ),
        "tracks[2] (id \"c\"): no question can move this track's score",
    );
}

#[test]
fn an_axis_between_a_track_and_itself_is_refused() {
    assert_error(
        &format!("{BASE}axes: [{{ id: ax, left: a, right: a }}]\n"),
        "axis runs from track \"a\" to itself",
    );
}

#[test]
fn an_axis_on_an_unknown_track_is_refused() {
    assert_error(
        &format!("{BASE}axes: [{{ id: ax, left: a, right: z }}]\n"),
        "right names unknown track \"z\"",
    );
}

#[test]
fn a_short_label_over_twelve_characters_is_refused() {
    assert_error(
        &with(
            "{ id: a, name: Alpha }",
            "{ id: a, name: Alpha, short: Thirteen-char }",
        ),
        "keep it to 12 at most",
    );
}

#[test]
fn all_problems_of_a_file_are_reported_not_only_the_first() {
    let y =
        with("weights: { a: 1, b: -1 }", "weights: { a: 1, zz: -1 }").replace("id: q2", "id: q1");
    assert!(errors(&y).len() >= 2, "{:?}", errors(&y));
}

#[test]
fn a_track_with_less_than_half_the_evidence_of_another_is_warned_about() {
    let y = with("weights: { a: 1, b: -1 }", "weights: { a: 5, b: -1 }");
    assert!(
        warnings(&y)
            .iter()
            .any(|w| w.contains("warning: tracks[1] (id \"b\"): total evidence")),
        "{:?}",
        warnings(&y)
    );
}

#[test]
fn a_one_track_question_is_warned_about_when_there_are_axes() {
    let y = format!(
        "{BASE}      - {{ id: q3, type: likert, text: Q3, weights: {{ a: 1 }} }}\naxes: [{{ id: ax, left: a, right: b }}]\n"
    );
    assert!(
        warnings(&y)
            .iter()
            .any(|w| w.contains("(id \"q3\"): this question moves only one track")),
        "{:?}",
        warnings(&y)
    );
}

#[test]
fn a_section_that_cannot_move_a_track_is_warned_about() {
    let y = format!(
        "{BASE}  - id: s2\n    title: Second\n    questions:\n      - {{ id: q9, type: likert, text: Q9, weights: {{ a: 1 }} }}\n"
    );
    assert!(
        warnings(&y)
            .iter()
            .any(|w| w.contains("sections[1] (id \"s2\"): no question in this section can move b")),
        "{:?}",
        warnings(&y)
    );
}

#[test]
fn golden_messages_of_a_file_with_many_mistakes() {
    let broken = BASE
        .replace("format: 1", "format: 3")
        .replace("id: test-paths", "id: Test_Paths")
        .replace("weights: { a: 1, b: -1 }", "weights: { a: 1, bee: -1 }")
        .replace(
            "{ id: y, label: Y, weights: { b: 1 } }",
            "{ id: x, label: Y, weights: { b: .inf } }",
        )
        + "      - { id: q3, type: rank, text: R, options: [{ id: r1, label: R1, weights: { a: 1 } }] }\n"
        + "      - { id: q4, type: text, text: T, show_if: { question: q9, is: x } }\n"
        + "axes: [{ id: ax, left: a, right: a }]\n";
    insta::assert_snapshot!(errors(&broken).join("\n"));
}

#[test]
fn a_file_over_the_size_limit_names_the_limit() {
    let big = vec![b' '; crossroads::yaml::MAX_FILE_BYTES + 1];
    let e = match load("t.yaml", &big) {
        Err(r) => r.to_string(),
        Ok(_) => panic!("accepted"),
    };
    assert!(e.contains("the limit for an assessment is 32 MiB"), "{e}");
}

#[test]
fn a_question_with_too_many_options_names_the_limit_and_the_count() {
    let opts: Vec<String> = (0..101)
        .map(|i| format!("{{ id: o{i}, label: O{i}, weights: {{ a: 1 }} }}"))
        .collect();
    let q = format!(
        "- {{ id: big, type: choice, text: Big, options: [{}] }}",
        opts.join(", ")
    );
    assert_error(&add_question(&q), "101 options is over the limit of 100");
}

#[test]
fn a_title_over_the_length_limit_names_the_limit_and_the_length() {
    let long = "x".repeat(1_001);
    assert_error(
        &with("title: Test paths", &format!("title: {long}")),
        "`title` is 1001 characters long, over the limit of 1000",
    );
}

#[test]
fn a_text_question_allowing_too_long_answers_is_refused() {
    assert_error(
        &add_question("- { id: t, type: text, text: T, max_length: 1000000 }"),
        "max_length 1000000 is over the limit of 100000",
    );
}

#[test]
fn too_many_tracks_names_the_limit() {
    let tracks: Vec<String> = (0..51)
        .map(|i| format!("{{ id: t{i}, name: T{i} }}"))
        .collect();
    let y = with(
        "  - { id: a, name: Alpha }\n  - { id: b, name: Beta }\n",
        &format!("  - {}\n", tracks.join("\n  - ")),
    );
    assert_error(&y, "51 tracks is over the limit of 50");
}

#[test]
fn show_if_nested_too_deeply_names_the_limit() {
    let mut cond = String::from("{ question: q1, answered: true }");
    for _ in 0..20 {
        cond = format!("{{ not: {cond} }}");
    }
    assert_error(
        &add_question(&format!(
            "- {{ id: q3, type: text, text: T, show_if: {cond} }}"
        )),
        "nested more than 16 levels deep",
    );
}

#[test]
fn hundreds_of_problems_are_counted_after_the_first_hundred() {
    let mut y = BASE.to_string();
    for i in 0..150 {
        y.push_str(&format!("      - {{ id: Bad{i}, type: text, text: T }}\n"));
    }
    let r = load("t.yaml", y.as_bytes()).err().unwrap();
    assert_eq!(r.problems.len(), 150);
    let lines = r.lines(true);
    assert_eq!(lines.len(), crossroads::assessment::problem::MAX_SHOWN + 1);
    assert_eq!(lines.last().unwrap(), "t.yaml: … and 50 more problems");
}

#[test]
fn a_weight_beyond_the_limit_is_refused_so_scores_stay_finite() {
    assert_error(
        &with("weights: { a: 1, b: -1 }", "weights: { a: 1e307, b: -1 }"),
        "weight for \"a\" is 1e307, beyond the limit of ±1e9",
    );
}

#[test]
fn a_text_question_with_max_length_0_is_accepted_with_a_warning() {
    let y = add_question("- { id: t, type: text, text: T, max_length: 0 }");
    assert!(
        warnings(&y).iter().any(|w| w.contains("max_length is 0")),
        "{:?}",
        warnings(&y)
    );
}

#[test]
fn an_empty_band_list_is_accepted_with_a_warning() {
    let y = format!("{BASE}bands: []\n");
    assert!(
        warnings(&y).iter().any(|w| w.contains("bands is empty")),
        "{:?}",
        warnings(&y)
    );
}

#[test]
fn a_negative_tie_margin_is_refused() {
    assert_error(
        &format!("{BASE}tie_margin: -1\n"),
        "tie_margin is -1; give score points of 0 or more",
    );
}

#[test]
fn thousands_of_nested_brackets_are_refused_at_once_with_their_place() {
    // The parser stops at its 256th open bracket as it scans (an earlier
    // parser took half a minute on these 80,000), and the reader before it
    // refuses nesting deeper than 128 levels.
    for open in ["[", "{", "[ ", "[{", "{a: "] {
        let deep = format!("{BASE}version: {}\n", open.repeat(80_000));
        let started = std::time::Instant::now();
        let e = errors(&deep);
        assert!(started.elapsed() < std::time::Duration::from_secs(1));
        let line = BASE.lines().count() + 1;
        assert!(
            e.iter().any(|l| l.starts_with(&format!("t.yaml:{line}:"))
                && l.contains("the document is nested too deeply")),
            "{open:?}: {e:#?}"
        );
    }
}

#[test]
fn an_implicit_key_over_1024_characters_in_flow_brackets_is_a_syntax_error() {
    // The parser is patched to bound an implicit key to 1024 characters
    // inside flow brackets, as libyaml does (YAML 1.2 asks it only in `[ ]`
    // and block mappings), which bounds what it holds while it waits for a
    // `:` (vendor/saphyr-parser/PATCHED.md).
    let key = |n: usize| format!("[{}]", vec!["k"; n].join(", "));
    let short = errors(&format!("{BASE}extra: [ {{{}: v}} ]\n", key(300)));
    assert_eq!(short.len(), 1, "{short:#?}");
    assert!(short[0].contains("unknown key `extra`"), "{short:#?}");
    let long = errors(&format!("{BASE}extra: [ {{{}: v}} ]\n", key(400)));
    let line = BASE.lines().count() + 1;
    assert!(
        long.iter()
            .any(|l| l.starts_with(&format!("t.yaml:{line}:")) && l.contains("not closed")),
        "{long:#?}"
    );
    // What comes before the `:` counts too (valid YAML 1.2 inside `{ }`,
    // refused as libyaml refuses it).
    let comment = "c".repeat(1100);
    let far = errors(&format!("{BASE}extra: {{ k  # {comment}\n  : v }}\n"));
    assert!(far.iter().any(|l| l.contains("not closed")), "{far:#?}");
}

#[test]
fn brackets_inside_quotes_and_comments_are_not_nesting() {
    let many = "[{".repeat(1000);
    let double = format!("{BASE}description: \"{many} \\\" {many}\" # {many}\n");
    assert_eq!(errors(&double), Vec::<String>::new());
    let single = format!("{BASE}# {many}\ndescription: '{many} '' {many}'\n");
    assert_eq!(errors(&single), Vec::<String>::new());
}

#[test]
fn a_file_ending_inside_a_quote_or_an_escape_is_a_syntax_error() {
    for end in ["\"open", "\"open\\", "'open", "'open''", "[\"a\\"] {
        let e = errors(&format!("{BASE}description: {end}"));
        assert!(!e.is_empty(), "{end:?}");
    }
}

#[test]
fn thousands_of_values_of_the_wrong_type_are_each_reported_once_and_quickly() {
    // Each one is also "missing" to validation; that cascade is left out by
    // a lookup (a search of every reported key took 15 s at 20,000).
    let mut yaml = format!("{BASE}  - id: s2\n    title: Second\n    questions:\n");
    for i in 0..5_000 {
        yaml.push_str(&format!(
            "      - {{ id: w{i}, type: likert, text: [x], weights: {{ a: 1 }} }}\n"
        ));
    }
    let started = std::time::Instant::now();
    let e = errors(&yaml);
    assert!(started.elapsed() < std::time::Duration::from_secs(3));
    assert_eq!(e.len(), 5_000, "{:#?}", &e[..3]);
    assert!(
        e.iter()
            .all(|l| l.contains("invalid type: sequence, expected a string"))
    );
}

#[test]
fn deep_nesting_under_an_unknown_key_is_refused_at_once() {
    // A skipped value is bounded as a read one is: the parser keeps a stack
    // for every level (16 million took 4 s and 2.5 GB).
    let deep = format!("{BASE}extra:\n{}x\n", "- ".repeat(200_000));
    let started = std::time::Instant::now();
    let e = errors(&deep);
    assert!(started.elapsed() < std::time::Duration::from_secs(1));
    assert!(
        e.iter()
            .any(|l| l.contains("the document is nested too deeply")),
        "{e:#?}"
    );
}

#[test]
fn anchors_nested_around_a_long_value_are_refused_beyond_the_budget() {
    // Every event inside nested anchors is kept once for each of them, so
    // what they hold together is bounded (26 MB took 8 s and 3 GB before).
    let mut yaml = format!("{BASE}extra:\n");
    let mut indent = String::new();
    for i in 0..100 {
        indent.push(' ');
        yaml.push_str(&format!("{indent}k{i}: &a{i}\n"));
    }
    yaml.push_str(&format!("{indent} list:\n"));
    for _ in 0..20_000 {
        yaml.push_str(&format!("{indent}  - x\n"));
    }
    let e = errors(&yaml);
    assert!(
        e.iter()
            .any(|l| l.contains("anchors (&name) hold more than can be kept")),
        "{e:#?}"
    );
    // The same anchors around a short value are fine (only the unknown key).
    let short = yaml
        .lines()
        .take(yaml.lines().count() - 19_990)
        .collect::<Vec<_>>();
    let e = errors(&(short.join("\n") + "\n"));
    assert!(e.iter().all(|l| !l.contains("anchors")), "{e:#?}");
}

/// BASE with tracks that carry steps, and blends, replaced.
fn with_steps(tracks_and_blends: &str) -> String {
    BASE.replace(
        "tracks:\n  - { id: a, name: Alpha }\n  - { id: b, name: Beta }\n",
        tracks_and_blends,
    )
}

#[test]
fn a_growth_step_may_name_a_question_later_in_the_file() {
    let file = with_steps(
        "tracks:\n  - id: a\n    name: Alpha\n    growth:\n      - { step: Later, show_if: { question: q2, is: x } }\n  - { id: b, name: Beta }\n",
    );
    assert_eq!(errors(&file), Vec::<String>::new());
}

#[test]
fn a_growth_step_naming_an_unknown_question_or_option_is_an_error() {
    let file = with_steps(
        "tracks:\n  - id: a\n    name: Alpha\n    growth:\n      - { step: One, show_if: { question: q9, is: x } }\n      - { step: Two, show_if: { question: q2, is: z } }\n  - { id: b, name: Beta }\n",
    );
    let e = errors(&file);
    assert!(
        e.iter().any(|l| l.contains("tracks[0]")
            && l.contains("growth[0]")
            && l.contains("unknown question \"q9\"")),
        "{e:?}"
    );
    assert!(
        e.iter()
            .any(|l| l.contains("option \"z\" does not exist on question \"q2\"")),
        "{e:?}"
    );
}

#[test]
fn a_growth_step_without_words_is_an_error() {
    let file = with_steps(
        "tracks:\n  - id: a\n    name: Alpha\n    growth:\n      - { show_if: { question: q2, is: x } }\n  - { id: b, name: Beta }\n",
    );
    assert!(
        errors(&file)
            .iter()
            .any(|l| l.contains("a step needs its words")),
        "{:?}",
        errors(&file)
    );
}

#[test]
fn a_blend_names_two_different_known_tracks_once() {
    let tracks = "tracks:\n  - { id: a, name: Alpha }\n  - { id: b, name: Beta }\n";
    let blend = |t: &str| format!("{tracks}blends:\n  - {{ tracks: {t}, growth: [Try it] }}\n");
    assert!(errors(&with_steps(&blend("[a, b]"))).is_empty());
    assert!(errors(&with_steps(&blend("[a]")))[0].contains("exactly two tracks"));
    assert!(errors(&with_steps(&blend("[a, a]")))[0].contains("with itself"));
    assert!(errors(&with_steps(&blend("[a, z]")))[0].contains("unknown track \"z\""));
    let twice = format!(
        "{tracks}blends:\n  - {{ tracks: [a, b], growth: [One] }}\n  - {{ tracks: [b, a], growth: [Two] }}\n"
    );
    assert!(errors(&with_steps(&twice))[0].contains("written twice"));
}
