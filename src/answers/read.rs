//! One answer value checked against its question.

use super::Answer;
use crate::assessment::problem::did_you_mean;
use crate::assessment::{Assessment, OptionIndex, QuestionIndex, QuestionKind};
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
    let ids: Vec<&str> = options.iter().map(|o| o.id.as_str()).collect();
    let option = |v: &Value| -> Result<OptionIndex, String> {
        let Some(id) = v.as_str() else {
            return Err(format!(
                "{} is not an option id; options are {}",
                yaml::show(v),
                ids.join(", ")
            ));
        };
        options.iter().position(|o| o.id == id).ok_or_else(|| {
            let hint = did_you_mean(id, ids.iter().copied())
                .map(|n| format!("did you mean \"{n}\"? "))
                .unwrap_or_default();
            format!(
                "unknown option \"{id}\"; {hint}options are {}",
                ids.join(", ")
            )
        })
    };
    let list = |v: &Value| -> Result<Vec<OptionIndex>, String> {
        let Value::Sequence(items) = v else {
            return Err(format!(
                "expected a list of option ids like [{}], found {}",
                ids.iter().take(2).copied().collect::<Vec<_>>().join(", "),
                yaml::show(v)
            ));
        };
        let mut out = Vec::new();
        for item in items {
            let o = option(item)?;
            if out.contains(&o) {
                return Err(format!(
                    "option \"{}\" is repeated; name each option once",
                    options[o].id
                ));
            }
            out.push(o);
        }
        Ok(out)
    };
    match &question.kind {
        QuestionKind::Likert { scale, .. } => {
            let v = value.as_i64().ok_or_else(|| {
                format!(
                    "expected a whole number from {} to {}, found {}",
                    scale.min,
                    scale.max,
                    yaml::show(value)
                )
            })?;
            if v < scale.min || v > scale.max {
                return Err(format!(
                    "{v} is out of range; the scale runs from {} to {}",
                    scale.min, scale.max
                ));
            }
            Ok(Answer::Likert(v))
        }
        QuestionKind::Choice { .. } => option(value).map(Answer::Choice),
        QuestionKind::Multi { min, max, .. } => {
            let chosen = list(value)?;
            if chosen.len() < *min || chosen.len() > *max {
                return Err(format!(
                    "{} options chosen; choose from {min} to {max}",
                    chosen.len()
                ));
            }
            Ok(Answer::Multi(chosen))
        }
        QuestionKind::Rank { .. } => {
            let order = list(value)?;
            if order.len() != options.len() {
                let missing: Vec<&str> = (0..options.len())
                    .filter(|o| !order.contains(o))
                    .map(|o| ids[o])
                    .collect();
                return Err(format!(
                    "a ranking names every option once; missing {}",
                    missing.join(", ")
                ));
            }
            Ok(Answer::Rank(order))
        }
        QuestionKind::Text { max_length } => {
            let text = match value {
                Value::String(s) => s.clone(),
                Value::Number(n) => n.to_string(),
                Value::Bool(b) => b.to_string(),
                other => return Err(format!("expected text, found {}", yaml::show(other))),
            };
            let n = text.chars().count();
            if n > *max_length {
                return Err(format!(
                    "text has {n} characters; at most {max_length} are allowed"
                ));
            }
            Ok(Answer::Text(text))
        }
    }
}
