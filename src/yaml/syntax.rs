//! The YAML parser's syntax errors in words: what is wrong and how to fix
//! it, for the mistakes people make when they write YAML by hand.

/// The parser's message for a syntax error, said as what is wrong and how
/// to fix it for the mistakes people make by hand; others as the parser
/// words them.
pub(crate) fn in_words(info: &str) -> String {
    let plain = [
        (
            "mapping values are not allowed",
            "a `: ` here would start a mapping where none can start; if it is part of a text, put the whole text in double quotes, and if the line is indented one space too far, line it up with the keys above it",
        ),
        (
            "tabs disallowed",
            "a tab is used for indenting; indent with spaces only",
        ),
        (
            "tab cannot be used as indentation",
            "a tab is used for indenting; indent with spaces only",
        ),
        (
            "quoted scalar, found unexpected end of stream",
            "a quoted text is never closed; add the closing quote",
        ),
        (
            "invalid trailing content after",
            "text follows the closing quote; put the whole value inside the quotes",
        ),
        (
            "did not find expected key",
            "this line does not line up with the keys of the mapping above it; indent it exactly as they are, or under the key it belongs to",
        ),
        (
            "did not find expected '-' indicator",
            "this line does not line up with the items of the list above it; indent it as they are",
        ),
        (
            "did not find expected <document start>",
            "this line does not line up with the file's first key; start every top-level key at the first column",
        ),
        (
            "simple key",
            "this line is neither `key: value` nor a list item; add the `:` after its key, or indent it under the key it belongs to",
        ),
        (
            "expected ',' or ']'",
            "a [list] is not closed, or two of its items have no comma between them; check its commas and its `]`",
        ),
        (
            "expected ',' or '}'",
            "a {mapping} is not closed, or two of its entries have no comma between them; check its commas and its `}`",
        ),
        (
            "invalid indentation in flow construct",
            "a [list] or {mapping} that runs over several lines must indent them further than its key; indent them more",
        ),
        (
            "invalid indentation in quoted scalar",
            "a quoted text that runs over several lines must indent them further than its key; indent them more",
        ),
        (
            "invalid indentation",
            "this line is indented differently from the lines it belongs with; line it up with them",
        ),
        (
            "misplaced bracket",
            "this bracket closes nothing; remove it, or put the text in quotes",
        ),
        (
            "unexpected character",
            "this character cannot start a plain text (`@`, `%` and the backquote cannot); put the text in quotes",
        ),
        (
            "unknown anchor",
            "an alias (*name) names no anchor (&name) before it; to start a text with `*`, put the text in quotes",
        ),
        (
            "recursion limit exceeded",
            "the document is nested too deeply; nesting deeper than 128 levels is refused",
        ),
    ];
    plain
        .iter()
        .find(|(said, _)| info.contains(said))
        .map_or_else(|| info.to_string(), |(_, words)| words.to_string())
}
