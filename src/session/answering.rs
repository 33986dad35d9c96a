//! The operations that build and confirm the current question's answer:
//! pick, tick, place, move, type, clear, confirm and submit. Each decides
//! with its kind's module (`crate::assessment::kinds`), so no front end restates a rule.

use super::{Session, Stage, Step};
use crate::answers::Answer;
use crate::assessment::QuestionKind;
use crate::assessment::kinds::{self, Draft, Refusal, likert};
use crate::field::Edit;

impl Session {
    /// Moves the highlight by `delta` rows, held within the options.
    pub fn move_highlight(&mut self, delta: isize) {
        let count = self.choices();
        let to = self.draft.highlight().saturating_add_signed(delta);
        self.draft.set_highlight(to, count);
        self.moved = true;
    }

    /// Picks, ticks or places the option (or point) on row `i`, counted
    /// from 0 in the order shown.
    pub fn pick(&mut self, i: usize) -> Step {
        let count = self.choices();
        if i >= count {
            return Step::refused(Refusal::NoSuchOption { count });
        }
        let row = i;
        let i = self.option_at(row);
        let kind = &self.assessment.questions[self.current].kind;
        // A ranking's highlight follows its own rows (set when placed).
        if !matches!(kind, QuestionKind::Rank { .. }) {
            self.draft.set_highlight(row, count);
        }
        match (kind, &mut self.draft) {
            (QuestionKind::Likert { scale, .. }, _) => {
                let answer = likert::answer(scale, i);
                self.record(answer.ok())
            }
            (QuestionKind::Choice { .. }, _) => self.record(Some(Answer::Choice(i))),
            (QuestionKind::Multi { min, max, .. }, Draft::Multi(d)) => {
                d.toggle(i);
                // What is saved is what is ticked, once it is a valid
                // answer, and no answer while it is not: a person never
                // leaves behind a set they did not see ticked.
                match kinds::multi::check(count, *min, *max, &d.ticked) {
                    Ok(()) => {
                        let answer = d.answer();
                        self.record(Some(answer))
                    }
                    // Too few is where ticking starts; only too many is news.
                    Err(why @ Refusal::TooMany { .. }) => {
                        self.record(None).then(Step::refused(why))
                    }
                    Err(_) => self.record(None),
                }
            }
            (QuestionKind::Rank { .. }, Draft::Rank(d)) => match d.place(i) {
                Ok(()) => {
                    let answer = d.answer();
                    self.record(Some(answer))
                }
                // Said with the number the person sees.
                Err(Refusal::AlreadyPlaced(_)) => Step::refused(Refusal::AlreadyPlaced(row)),
                Err(why) => Step::refused(why),
            },
            _ => Step::default(),
        }
    }

    /// Picks, ticks or places the highlighted row.
    pub(crate) fn pick_highlighted(&mut self) -> Step {
        match &self.draft {
            // A ranking's rows are in the order shown, not the file's.
            Draft::Rank(d) => {
                let option = d.order[d.highlight];
                self.pick(self.row_of(option))
            }
            Draft::Text(_) => Step::default(),
            d => self.pick(d.highlight()),
        }
    }

    /// Moves the highlighted option of a ranking one place up or down.
    pub fn move_option(&mut self, up: bool) -> Step {
        let Draft::Rank(d) = &mut self.draft else {
            return Step::default();
        };
        if !d.move_highlighted(up) {
            return Step::default();
        }
        let answer = d.answer();
        self.record(Some(answer))
    }

    /// Clears the current question's answer and its draft.
    pub fn clear(&mut self) -> Step {
        self.draft = Draft::of(&self.question().kind, None, &self.shown(self.current));
        if self.answers.get(self.current).is_none() {
            return Step::default();
        }
        let mut step = self.record(None);
        step.notice = Some(super::Notice::Info("Answer cleared.".into()));
        step
    }

    /// Edits the text of a text question; refused past its `max_length`.
    pub fn edit(&mut self, edit: &Edit) -> Step {
        let Draft::Text(field) = &mut self.draft else {
            return Step::default();
        };
        if field.apply(edit) {
            Step::default()
        } else {
            Step::refused(Refusal::TooLong {
                length: field.len() + 1,
                max: field.limit,
            })
        }
    }

    /// Confirms the draft and goes on, or says why it cannot be confirmed.
    pub fn confirm(&mut self) -> Step {
        if self.stage != Stage::Question {
            return Step::default();
        }
        let required = self.question().required;
        let answered = self.answers.get(self.current).is_some();
        let answer = match &self.draft {
            Draft::Likert(_) | Draft::Choice(_) if answered => return self.advance(),
            // Arrows then Enter: the highlighted option is the answer.
            Draft::Likert(_) | Draft::Choice(_) if self.moved => {
                return self.pick_highlighted().then(self.advance());
            }
            Draft::Likert(_) | Draft::Choice(_) if required => {
                return Step::refused(Refusal::Required);
            }
            Draft::Likert(_) | Draft::Choice(_) => return Step::refused(Refusal::NothingPicked),
            Draft::Multi(d) if d.ticked.is_empty() && self.moved => {
                // Enter on a highlighted option ticks it, if one is a valid answer.
                let single = vec![self.option_at(d.highlight)];
                match kinds::check(&self.question().kind, &Answer::Multi(single.clone())) {
                    Ok(()) => Some(Answer::Multi(single)),
                    _ => Some(d.answer()),
                }
            }
            Draft::Multi(d) => Some(d.answer()),
            Draft::Rank(d) if d.placed == 0 && self.moved => {
                let first = d.order[d.highlight];
                Some(Answer::Rank(kinds::rank::completed(
                    &self.shown(self.current),
                    &[first],
                )))
            }
            // An untouched ranking is no answer: the order shown is not the
            // person's (the file's, or one drawn for the session).
            Draft::Rank(d) if d.placed == 0 && answered => return self.advance(),
            Draft::Rank(d) if d.placed == 0 && required => {
                return Step::refused(Refusal::Unranked);
            }
            Draft::Rank(d) if d.placed == 0 => return self.advance(),
            Draft::Rank(d) => Some(d.answer()),
            Draft::Text(field) => {
                let text = field.text();
                if text.trim().is_empty() && required {
                    return Step::refused(Refusal::Required);
                }
                kinds::text::answer(text)
            }
        };
        self.submit(answer)
    }

    /// Gives the current question a whole answer at once (or none, for a
    /// question that is not required) and goes on: what plain mode does
    /// with a line. The answer is checked with its kind's rule first.
    pub fn submit(&mut self, answer: Option<Answer>) -> Step {
        let kind = &self.question().kind;
        match &answer {
            Some(a) => {
                if let Err(why) = kinds::check(kind, a) {
                    return Step::refused(why);
                }
            }
            None if self.question().required => return Step::refused(Refusal::Required),
            None => {}
        }
        self.record(answer).then(self.advance())
    }
}
