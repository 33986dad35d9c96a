//! One answer value checked against its question.

use super::Answer;
use crate::assessment::kinds::{self, Refusal};
use crate::assessment::problem::did_you_mean;
use crate::assessment::{Assessment, OptionIndex, Question, QuestionIndex, QuestionKind};
use crate::yaml;
use serde_yaml::Value;

/// Checks one answer value against its question; the message says what is
/// wrong without naming the question (callers add it).
pub fn read_answer(
    assessment: &Assessment,
    q: QuestionIndex,
    value: &Value,
) -> Result<Answer, String> {
    let question = &assessment.questions[q];
    let options = question.options();
    // The option ids are gathered only for a message: most answers fit.
    let ids = || -> Vec<&str> { options.iter().map(|o| o.id.as_str()).collect() };
    let option = |v: &Value| -> Result<OptionIndex, String> {
        let Some(id) = v.as_str() else {
            return Err(format!(
                "{} is not an option id; options are {}",
                yaml::show(v),
                ids().join(", ")
            ));
        };
        options.iter().position(|o| o.id == id).ok_or_else(|| {
            let hint = did_you_mean(id, ids())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            format!(
                "unknown option \"{id}\"; {hint}options are {}",
                ids().join(", ")
            )
        })
    };
    let list = |v: &Value| -> Result<Vec<OptionIndex>, String> {
        let Value::Sequence(items) = v else {
            return Err(format!(
                "expected a list of option ids like [{}], found {}",
                ids()[..options.len().min(2)].join(", "),
                yaml::show(v)
            ));
        };
        items.iter().map(option).collect()
    };
    let answer = match &question.kind {
        QuestionKind::Likert { scale, .. } => {
            let v = value.as_i64().ok_or_else(|| {
                // "4" in quotes is text; say so, and what to write instead.
                let fix = match value.as_str().map(|t| t.trim().parse::<i64>()) {
                    Some(Ok(n)) => format!("; write the number without quotes: {n}"),
                    _ => String::new(),
                };
                format!(
                    "expected a whole number from {} to {}, found {}{fix}",
                    scale.min,
                    scale.max,
                    yaml::found(value)
                )
            })?;
            Answer::Likert(v)
        }
        QuestionKind::Choice { .. } => Answer::Choice(option(value)?),
        QuestionKind::Multi { .. } => Answer::Multi(list(value)?),
        QuestionKind::Rank { .. } => Answer::Rank(list(value)?),
        QuestionKind::Text { .. } => Answer::Text(match value {
            Value::String(s) => s.clone(),
            Value::Number(n) => n.to_string(),
            Value::Bool(b) => b.to_string(),
            other => return Err(format!("expected text, found {}", yaml::show(other))),
        }),
    };
    // The same rule the terminal app and plain mode apply, worded for a file.
    kinds::check(&question.kind, &answer).map_err(|why| refusal(question, &answer, &why))?;
    Ok(answer)
}

/// Why an answer in a file was refused, naming option ids.
fn refusal(question: &Question, answer: &Answer, why: &Refusal) -> String {
    let id = |o: &OptionIndex| question.options()[*o].id.as_str();
    match (why, &question.kind, answer) {
        (_, QuestionKind::Likert { scale, .. }, Answer::Likert(v)) => format!(
            "{v} is out of range; the scale runs from {} to {}",
            scale.min, scale.max
        ),
        (Refusal::Repeated(o), _, _) => {
            format!("option \"{}\" is repeated; name each option once", id(o))
        }
        (
            Refusal::TooFew { .. } | Refusal::TooMany { .. },
            QuestionKind::Multi { min, max, .. },
            Answer::Multi(chosen),
        ) => format!(
            "{} options chosen; choose from {min} to {max}",
            chosen.len()
        ),
        (Refusal::Incomplete { missing }, _, _) => format!(
            "a ranking names every option once; missing {}",
            missing.iter().map(id).collect::<Vec<_>>().join(", ")
        ),
        (Refusal::TooLong { length, max }, _, _) => {
            format!("text has {length} characters; at most {max} are allowed")
        }
        _ => "the answer does not fit the question".to_string(),
    }
}
