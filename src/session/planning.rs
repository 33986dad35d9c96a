//! From a result to a plan, and back: the goals chosen after the results,
//! the review of the previous session's goals, and what changed since.

use super::goals::{GOAL_LIMIT, GOALS_ALLOWED, Goal, Progress, REVIEW_NOTE_LIMIT, Review};
use super::{Decided, Effect, Notice, Session, Step};
use crate::assessment::TrackIndex;

/// One track's score in the previous session and in this one.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    pub track: TrackIndex,
    pub before: Option<f64>,
    pub now: Option<f64>,
}

impl Change {
    /// The change in whole points, when both scores exist: the difference
    /// of the two percents shown (`crate::scoring::shown_change`, as
    /// `compare` gives it), so "46% then, 42% now" is always -4.
    pub fn delta(&self) -> Option<i64> {
        crate::scoring::shown_change(self.before, self.now)
    }

    /// The change in words, as every front end shows it: "+4 points",
    /// "-1 point", "no change" or "not comparable".
    fn change_words(&self) -> String {
        match self.delta() {
            None => "not comparable".to_string(),
            Some(0) => "no change".to_string(),
            Some(d) if d.abs() == 1 => format!("{d:+} point"),
            Some(d) => format!("{d:+} points"),
        }
    }

    /// The whole line: "Product Owner: 46% then, 42% now, -4 points".
    pub fn words(&self, a: &crate::assessment::Assessment) -> String {
        format!(
            "{}: {} then, {} now, {}",
            a.tracks[self.track].name,
            crate::report::percent(self.before),
            crate::report::percent(self.now),
            self.change_words()
        )
    }
}

/// A step offered as a goal, under the heading it is listed with.
#[derive(Debug, Clone, PartialEq)]
pub struct Suggestion {
    /// "Growth steps for Product Manager", "Choosing between A and B".
    pub heading: String,
    /// The id of the track whose step it is; none for a blend's step.
    pub track: Option<String>,
    pub step: String,
}

impl Session {
    /// The goals chosen so far.
    pub fn goals(&self) -> &[Goal] {
        &self.meta.goals
    }

    /// The steps offered as goals, as every front end lists them: each
    /// top track's steps that fit the person's answers (their career stage,
    /// say), then for a blend the steps that help choose between its
    /// tracks (`crate::steps::Offer`).
    pub fn suggested_goals(&self) -> Vec<Suggestion> {
        let a = &self.assessment;
        let offer = crate::steps::Offer::new(a, &self.answers);
        let top = self.score().top.clone();
        let mut out = Vec::new();
        for &t in &top {
            let heading = format!("Growth steps for {}", a.tracks[t].name);
            out.extend(offer.track(t).into_iter().map(|step| Suggestion {
                heading: heading.clone(),
                track: Some(a.tracks[t].id.clone()),
                step: step.to_string(),
            }));
        }
        for (blend, steps) in offer.blends(&top) {
            let heading = crate::steps::blend_heading(a, blend);
            out.extend(steps.into_iter().map(|step| Suggestion {
                heading: heading.clone(),
                track: None,
                step: step.to_string(),
            }));
        }
        out
    }

    /// Adds a goal to the plan: refused past three, without words, or with
    /// a target that is not a date.
    pub fn add_goal(&mut self, goal: Goal) -> Decided {
        let refuse = |why: String| Decided::Refused(Step::info(why));
        if self.meta.goals.len() >= GOALS_ALLOWED {
            return refuse(format!(
                "A plan holds at most {GOALS_ALLOWED} goals: remove one first."
            ));
        }
        let goal = Goal {
            text: crate::sanitize::line(goal.text.trim()),
            done_when: crate::sanitize::line(goal.done_when.trim()),
            target: goal
                .target
                .map(|t| t.trim().to_string())
                .filter(|t| !t.is_empty()),
            track: goal.track,
        };
        if goal.text.is_empty() {
            return refuse("A goal needs a few words saying what you will do.".into());
        }
        for (what, text) in [("A goal", &goal.text), ("\"Done when\"", &goal.done_when)] {
            let n = text.chars().count();
            if n > GOAL_LIMIT {
                return refuse(format!(
                    "{what} is at most {GOAL_LIMIT} characters; this one has {n}: say it in fewer words."
                ));
            }
        }
        if let Some(target) = &goal.target
            && !is_date(target)
        {
            return refuse(format!(
                "\"{target}\" is not a date: write it as YYYY-MM-DD, like 2027-06-30, or leave it empty."
            ));
        }
        self.meta.goals.push(goal);
        Decided::Accepted(Step {
            effects: vec![Effect::Save],
            notice: Some(Notice::Info(format!(
                "Goal {} of at most {GOALS_ALLOWED} saved.",
                self.meta.goals.len()
            ))),
        })
    }

    /// Removes goal `i` from the plan.
    pub fn remove_goal(&mut self, i: usize) -> Step {
        if i >= self.meta.goals.len() {
            return Step::default();
        }
        self.meta.goals.remove(i);
        Step {
            effects: vec![Effect::Save],
            notice: Some(Notice::Info("Goal removed.".into())),
        }
    }

    /// The previous session's goals, each with its review so far.
    pub(crate) fn goals_to_review(&self) -> Vec<(&Goal, Option<&Review>)> {
        let Some(previous) = &self.previous else {
            return Vec::new();
        };
        previous
            .meta
            .goals
            .iter()
            .map(|g| (g, self.meta.reviews.iter().find(|r| r.goal == *g)))
            .collect()
    }

    /// Whether the previous session's goals still wait for their review:
    /// a new session starts with it.
    pub fn needs_review(&self) -> bool {
        self.goals_to_review().iter().any(|(_, r)| r.is_none())
    }

    /// Records how goal `i` of the previous session went.
    pub fn review_goal(&mut self, i: usize, progress: Progress, note: Option<String>) -> Step {
        let Some((goal, _)) = self.goals_to_review().get(i).copied() else {
            return Step::default();
        };
        let review = Review {
            goal: goal.clone(),
            progress,
            // Kept to its limit, as the terminal app's field keeps it.
            note: note
                .map(|n| crate::sanitize::line(n.trim()))
                .map(|n| n.chars().take(REVIEW_NOTE_LIMIT).collect::<String>())
                .filter(|n| !n.is_empty()),
        };
        self.meta.reviews.retain(|r| r.goal != review.goal);
        self.meta.reviews.push(review);
        Step::save()
    }

    /// Each track's score in the previous session and now, in this
    /// session's rank order; None without a previous session.
    pub fn since_last_time(&self) -> Option<Vec<Change>> {
        let before = self.previous_score.as_ref()?;
        let now = self.score();
        Some(
            now.tracks
                .iter()
                .map(|ts| Change {
                    track: ts.track,
                    before: before.of(ts.track).score,
                    now: ts.score,
                })
                .collect(),
        )
    }
}

/// Whether text is a calendar date written exactly `YYYY-MM-DD`: ASCII
/// digits only (a number parser would take `+026` for a year), a year from
/// 1900 to 9999, and a day that exists.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return false;
    }
    if ![y, m, d]
        .iter()
        .all(|p| p.bytes().all(|c| c.is_ascii_digit()))
    {
        return false;
    }
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    if !(1900..=9999).contains(&y) {
        return false;
    }
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

#[cfg(test)]
mod tests {
    use super::is_date;

    #[test]
    fn a_target_date_is_a_real_calendar_day() {
        assert!(is_date("2027-06-30"));
        assert!(is_date("2028-02-29"));
        assert!(!is_date("2027-02-29"));
        assert!(!is_date("2027-13-01"));
        assert!(!is_date("30/06/2027"));
        assert!(!is_date("2027-6-30"));
    }

    #[test]
    fn a_target_date_is_digits_only() {
        assert!(!is_date("+026-+1-+5"));
        assert!(!is_date("+202-06-30"));
        assert!(!is_date("2027-+6-30"));
        assert!(!is_date("2027-06-+3"));
        assert!(!is_date(" 202-06-30"));
    }

    #[test]
    fn a_target_date_is_in_the_years_1900_to_9999() {
        assert!(!is_date("0000-01-01"));
        assert!(!is_date("1899-12-31"));
        assert!(is_date("1900-01-01"));
        assert!(is_date("9999-12-31"));
    }
}
