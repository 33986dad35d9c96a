//! `show_if` conditions resolved to earlier questions and their options.

use super::sections::Known;
use super::{Checker, Loc, Unseen};
use crate::assessment::model::*;
use crate::assessment::problem::{did_you_mean, one_of};
use crate::assessment::raw::*;

/// Deepest nesting of `all`/`any`/`not` in a condition.
pub const MAX_CONDITION_DEPTH: usize = 16;

pub(super) fn resolve(
    c: &mut Checker,
    raw: &RawCondition,
    path: &Loc,
    known: &Known,
    depth: usize,
) -> Option<Condition> {
    let at = raw.at;
    if depth > MAX_CONDITION_DEPTH {
        c.error(path, at, format!("show_if is nested more than {MAX_CONDITION_DEPTH} levels deep; simplify the condition"));
        return None;
    }
    let forms = [
        ("is", raw.is.is_some()),
        ("in", raw.in_.is_some()),
        ("at_least", raw.at_least.is_some()),
        ("at_most", raw.at_most.is_some()),
        ("answered", raw.answered.is_some()),
        ("all", raw.all.is_some()),
        ("any", raw.any.is_some()),
        ("not", raw.not.is_some()),
    ];
    let given: Vec<&str> = forms.iter().filter(|(_, g)| *g).map(|(k, _)| *k).collect();
    if given.len() != 1 {
        let all = [
            "is", "in", "at_least", "at_most", "answered", "all", "any", "not",
        ];
        let msg = if given.is_empty() {
            format!("a condition needs one test: {}", one_of(&all))
        } else {
            format!(
                "a condition has one test, but this one has {}; split it with `all:` or `any:`",
                one_of(&given)
            )
        };
        c.error(path, at, msg);
        return None;
    }
    let combinator = |c: &mut Checker,
                      list: &[RawCondition],
                      key: &'static str|
     -> Option<Vec<Condition>> {
        if list.is_empty() {
            c.error(
                path,
                at,
                format!("`{key}` is empty; list at least one condition"),
            );
            return None;
        }
        if let Some(q) = &raw.question {
            c.error(path, q.at, format!("`{key}` takes a list of conditions and no `question`; move `question` into each condition"));
            return None;
        }
        let parts: Vec<Option<Condition>> = list
            .iter()
            .enumerate()
            .map(|(i, sub)| resolve(c, sub, &path.item(key, i, None), known, depth + 1))
            .collect();
        parts.into_iter().collect()
    };
    if let Some(list) = &raw.all {
        return combinator(c, list, "all").map(Condition::All);
    }
    if let Some(list) = &raw.any {
        return combinator(c, list, "any").map(Condition::Any);
    }
    if let Some(inner) = &raw.not {
        if let Some(q) = &raw.question {
            c.error(
                path,
                q.at,
                "`not` takes one condition and no `question`; move `question` inside `not`",
            );
            return None;
        }
        return resolve(c, inner, &Loc::Sub(path, "not"), known, depth + 1)
            .map(|x| Condition::Not(Box::new(x)));
    }
    let Some(written) = &raw.question else {
        c.error(
            path,
            at,
            format!(
                "`{}` needs `question:` naming an earlier question",
                given[0]
            ),
        );
        return None;
    };
    let qid: &str = written;
    let Some(&q) = known.seen.get(qid) else {
        // Whether it comes later in the file or nowhere is known only at
        // the end; the hint is from the questions before this one.
        let hint = did_you_mean(
            qid,
            known.seen.keys().map(compact_str::CompactString::as_str),
        )
        .map(|n| format!("; did you mean \"{n}\"?"))
        .unwrap_or_default();
        c.unseen.push(Unseen {
            question: qid.to_string(),
            path: path.to_string(),
            at: written.at,
            hint,
        });
        return None;
    };
    let kind = &known.questions[known.slots[q]?].kind;
    let option_index = |c: &mut Checker, option: &Text| -> Option<OptionIndex> {
        let options: &[Choice] = match kind {
            QuestionKind::Choice { options } | QuestionKind::Multi { options, .. } => options,
            _ => {
                c.error(path, option.at, format!("`{}` works on choice and multi questions; \"{qid}\" is not one (use at_least/at_most for likert, answered for any type)", given[0]));
                return None;
            }
        };
        let found = options.iter().position(|o| o.id == option.text);
        if found.is_none() {
            let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
            let hint = did_you_mean(option, ids.iter().copied())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            let (option, at_option) = (&option.text, option.at);
            c.error(path, at_option, format!("option \"{option}\" does not exist on question \"{qid}\"; {hint}its options are {}", ids.join(", ")));
        }
        found
    };
    let likert = |c: &mut Checker, key: &str, v: Spanned<f64>| -> Option<f64> {
        let (v, at) = (v.value, v.at);
        if !matches!(kind, QuestionKind::Likert { .. }) {
            c.error(
                path,
                written.at,
                format!("`{key}` works on likert questions only; \"{qid}\" is not one"),
            );
            return None;
        }
        if !v.is_finite() {
            c.error(
                path,
                at,
                format!("`{key}` is {v}; give a number on the question's scale"),
            );
            return None;
        }
        Some(v)
    };
    if let Some(option) = &raw.is {
        return option_index(c, option).map(|o| Condition::Is(q, o));
    }
    if let Some(list) = &raw.in_ {
        if list.is_empty() {
            c.error(path, at, "`in` is empty; list at least one option id");
            return None;
        }
        let found: Vec<Option<OptionIndex>> = list.iter().map(|o| option_index(c, o)).collect();
        return found
            .into_iter()
            .collect::<Option<Vec<_>>>()
            .map(|o| Condition::In(q, o));
    }
    if let Some(v) = raw.at_least {
        return likert(c, "at_least", v).map(|v| Condition::AtLeast(q, v));
    }
    if let Some(v) = raw.at_most {
        return likert(c, "at_most", v).map(|v| Condition::AtMost(q, v));
    }
    raw.answered.map(|a| Condition::Answered(q, a))
}
