//! `show_if` evaluation: which questions are visible, in file order.

use crate::answers::{Answer, Answers};
use crate::assessment::{Assessment, Condition};

/// Whether each question is visible, given the answers. A condition reads
/// only earlier questions, so one pass in file order settles everything.
pub fn visibility(assessment: &Assessment, answers: &Answers) -> Vec<bool> {
    let mut visible = Vec::with_capacity(assessment.questions.len());
    for q in &assessment.questions {
        let shown = q
            .show_if
            .as_ref()
            .is_none_or(|c| holds(c, answers, &visible));
        visible.push(shown);
    }
    visible
}

/// Evaluates a condition against the answers and the visibility of earlier
/// questions. A test on a question that is unanswered or hidden is false,
/// except `answered: false`, which is then true.
pub fn holds(condition: &Condition, answers: &Answers, visible: &[bool]) -> bool {
    let given = |q: usize| -> Option<&Answer> {
        if *visible.get(q)? {
            answers.get(q)
        } else {
            None
        }
    };
    match condition {
        Condition::Is(q, option) => match given(*q) {
            Some(Answer::Choice(o)) => o == option,
            Some(Answer::Multi(chosen)) => chosen.contains(option),
            _ => false,
        },
        Condition::In(q, options) => match given(*q) {
            Some(Answer::Choice(o)) => options.contains(o),
            Some(Answer::Multi(chosen)) => chosen.iter().any(|c| options.contains(c)),
            _ => false,
        },
        Condition::AtLeast(q, v) => matches!(given(*q), Some(Answer::Likert(a)) if *a as f64 >= *v),
        Condition::AtMost(q, v) => matches!(given(*q), Some(Answer::Likert(a)) if *a as f64 <= *v),
        Condition::Answered(q, wanted) => given(*q).is_some() == *wanted,
        Condition::All(list) => list.iter().all(|c| holds(c, answers, visible)),
        Condition::Any(list) => list.iter().any(|c| holds(c, answers, visible)),
        Condition::Not(inner) => !holds(inner, answers, visible),
    }
}
