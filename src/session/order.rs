//! Options shown in an order drawn for each session (`shuffle: true`), so
//! that no track profits from being listed first.
//!
//! The order is drawn once, when the session is opened, and kept in the
//! session file (`session.order`: each question's option ids as shown), so
//! a resumed session shows the same order. Only what is shown and what a
//! number means follow it: answers keep option ids (answers files are
//! unchanged) and scoring never looks at it.

use super::{Meta, Session};
use crate::assessment::{Assessment, OptionIndex, QuestionIndex, QuestionKind};

/// The option ids of a question, in file order (empty for likert and text).
fn option_ids(kind: &QuestionKind) -> Vec<&str> {
    match kind {
        QuestionKind::Choice { options }
        | QuestionKind::Multi { options, .. }
        | QuestionKind::Rank { options } => options.iter().map(|o| o.id.as_str()).collect(),
        _ => Vec::new(),
    }
}

/// Draws an order for every shuffled question of `assessment` that has no
/// valid one in `meta` yet (a new session, or a question added since),
/// from `seed`. Returns whether one was drawn.
pub fn draw(assessment: &Assessment, meta: &mut Meta, seed: u64) -> bool {
    let mut rng = crate::rng::Rng::new(seed);
    let mut drawn = false;
    for (q, question) in assessment.questions.iter().enumerate() {
        if !assessment.shuffled(q) || kept(assessment, meta, q).is_some() {
            continue;
        }
        let ids = option_ids(&question.kind);
        let order = rng.permutation(ids.len());
        meta.order.insert(
            question.id.to_string(),
            order.into_iter().map(|i| ids[i].to_string()).collect(),
        );
        drawn = true;
    }
    drawn
}

/// A seed that differs from run to run: the standard library's hash keys
/// are drawn from the operating system for each process.
pub(crate) fn fresh_seed() -> u64 {
    use std::hash::{BuildHasher, Hasher};
    std::collections::hash_map::RandomState::new()
        .build_hasher()
        .finish()
}

/// The order kept for question `q`, as option indices, when it is a
/// permutation of the question's options; None otherwise.
fn kept(assessment: &Assessment, meta: &Meta, q: QuestionIndex) -> Option<Vec<OptionIndex>> {
    let question = &assessment.questions[q];
    let ids = option_ids(&question.kind);
    let written = meta.order.get(question.id.as_str())?;
    if written.len() != ids.len() {
        return None;
    }
    let mut order = Vec::with_capacity(ids.len());
    for id in written {
        let i = ids.iter().position(|o| o == id)?;
        if order.contains(&i) {
            return None;
        }
        order.push(i);
    }
    Some(order)
}

/// Every question's shown order (None: file order), as `Session` keeps it.
pub(super) fn orders(assessment: &Assessment, meta: &Meta) -> Vec<Option<Vec<OptionIndex>>> {
    (0..assessment.questions.len())
        .map(|q| {
            assessment
                .shuffled(q)
                .then(|| kept(assessment, meta, q))
                .flatten()
        })
        .collect()
}

impl Session {
    /// The draft of question `q` from its answer, in the order shown.
    pub(super) fn draft_of(&self, q: QuestionIndex) -> crate::assessment::kinds::Draft {
        crate::assessment::kinds::Draft::of(
            &self.assessment.questions[q].kind,
            self.answers.get(q),
            &self.shown(q),
        )
    }

    /// Question `q`'s options in the order shown, as option indices.
    pub fn shown(&self, q: QuestionIndex) -> Vec<OptionIndex> {
        match &self.orders[q] {
            Some(order) => order.clone(),
            None => {
                (0..crate::assessment::kinds::choices(&self.assessment.questions[q].kind)).collect()
            }
        }
    }

    /// The option on row `row` of the current question (a likert point is
    /// its own row).
    pub(crate) fn option_at(&self, row: usize) -> OptionIndex {
        match &self.orders[self.current] {
            Some(order) => order.get(row).copied().unwrap_or(row),
            None => row,
        }
    }

    /// The row on which option `option` of the current question is shown.
    pub(crate) fn row_of(&self, option: OptionIndex) -> usize {
        match &self.orders[self.current] {
            Some(order) => order.iter().position(|o| *o == option).unwrap_or(option),
            None => option,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::{Answer, Answers};

    fn shuffled() -> Assessment {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
        let yaml = std::fs::read_to_string(path)
            .unwrap()
            .replace("tie_margin: 4\n", "tie_margin: 4\nshuffle: true\n");
        crate::assessment::load("sample.yaml", yaml.as_bytes())
            .unwrap()
            .0
    }

    fn role(a: &Assessment) -> QuestionIndex {
        a.question_index("role").unwrap()
    }

    /// A seed whose order for `role` is not the file's.
    fn session_with_moved_role() -> Session {
        let a = shuffled();
        for seed in 0.. {
            let mut meta = Meta::default();
            draw(&a, &mut meta, seed);
            if meta.order["role"][0] != "make" {
                let n = a.questions.len();
                let mut s = Session::new(a, Answers::new(n), meta);
                let _ = s.start(None);
                let _ = s.jump(role(s.assessment()));
                return s;
            }
        }
        unreachable!()
    }

    #[test]
    fn every_shuffled_question_gets_an_order_of_its_own_option_ids() {
        let a = shuffled();
        let mut meta = Meta::default();
        assert!(draw(&a, &mut meta, 7));
        let mut role = meta.order["role"].clone();
        role.sort();
        assert_eq!(role, vec!["decide", "help", "make", "other"]);
        assert!(
            !meta.order.contains_key("tinker"),
            "a likert has no options"
        );
    }

    #[test]
    fn an_order_kept_in_the_session_is_not_drawn_again() {
        let a = shuffled();
        let mut meta = Meta::default();
        draw(&a, &mut meta, 1);
        let first = meta.order.clone();
        assert!(!draw(&a, &mut meta, 2));
        assert_eq!(meta.order, first);
    }

    #[test]
    fn a_broken_order_in_the_file_is_drawn_anew() {
        let a = shuffled();
        let mut meta = Meta::default();
        meta.order
            .insert("role".into(), vec!["make".into(), "make".into()]);
        assert!(draw(&a, &mut meta, 3));
        assert_eq!(meta.order["role"].len(), 4);
    }

    #[test]
    fn a_number_picks_the_option_shown_on_that_row() {
        let mut s = session_with_moved_role();
        let shown = s.shown(s.current());
        let _ = s.pick(0);
        assert_eq!(
            s.answers().get(s.current()),
            Some(&Answer::Choice(shown[0]))
        );
    }

    #[test]
    fn without_shuffle_the_file_order_is_shown() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");
        let a = crate::assessment::load("s.yaml", &std::fs::read(path).unwrap())
            .unwrap()
            .0;
        let mut meta = Meta::default();
        assert!(!draw(&a, &mut meta, 1));
        let q = role(&a);
        let s = Session::new(a, Answers::new(8), meta);
        assert_eq!(s.shown(q), vec![0, 1, 2, 3]);
    }
}
