//! Which growth steps a person is offered: a track's steps whose
//! `show_if` holds for their answers (their career stage, say), and for a
//! blend the steps that help choose between its two tracks. Every front
//! end and report asks here; none filters steps on its own.

use crate::answers::Answers;
use crate::answers::conditions::{holds, visibility};
use crate::assessment::{Assessment, Blend, GrowthStep, TrackIndex};

/// The steps offered to one person, read once from their answers.
pub(crate) struct Offer<'a> {
    assessment: &'a Assessment,
    answers: &'a Answers,
    visible: Vec<bool>,
}

impl<'a> Offer<'a> {
    /// What these answers are offered in this assessment.
    pub fn new(assessment: &'a Assessment, answers: &'a Answers) -> Self {
        Offer {
            assessment,
            answers,
            visible: visibility(assessment, answers),
        }
    }

    fn applies(&self, step: &GrowthStep) -> bool {
        step.show_if
            .as_ref()
            .is_none_or(|c| holds(c, self.answers, &self.visible))
    }

    /// The steps of a list that apply, in file order.
    fn applying(&self, steps: &'a [GrowthStep]) -> Vec<&'a str> {
        (steps.iter().filter(|g| self.applies(g)))
            .map(|g| g.text.trim())
            .collect()
    }

    /// Track `t`'s steps that apply, in file order.
    pub fn track(&self, t: TrackIndex) -> Vec<&'a str> {
        self.applying(&self.assessment.tracks[t].growth)
    }

    /// For a result with more than one track on top: each blend both of
    /// whose tracks are in the top set, with its steps that apply.
    pub fn blends(&self, top: &[TrackIndex]) -> Vec<(&'a Blend, Vec<&'a str>)> {
        if top.len() < 2 {
            return Vec::new();
        }
        self.assessment
            .blends
            .iter()
            .filter(|b| b.tracks.iter().all(|t| top.contains(t)))
            .map(|b| (b, self.applying(&b.growth)))
            .filter(|(_, steps)| !steps.is_empty())
            .collect()
    }
}

/// The heading of a blend's steps: "Choosing between Product Manager and
/// Product Owner".
pub(crate) fn blend_heading(a: &Assessment, b: &Blend) -> String {
    format!(
        "Choosing between {} and {}",
        a.tracks[b.tracks[0]].name, a.tracks[b.tracks[1]].name
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::answers::Answer;

    const FILE: &str = r#"format: 1
id: steps
title: Steps
tracks:
  - id: a
    name: Alpha
    growth:
      - Always offered
      - { step: Only early, show_if: { question: stage, is: early } }
      - { step: Not early, show_if: { not: { question: stage, is: early } } }
  - { id: b, name: Beta, growth: [Beta step] }
  - { id: c, name: Gamma }
blends:
  - tracks: [b, a]
    growth:
      - Try Beta's work for six weeks
      - { step: Only late, show_if: { question: stage, is: late } }
sections:
  - id: s
    title: S
    questions:
      - id: stage
        type: choice
        text: Stage?
        options: [{ id: early, label: Early, weights: { a: 0 } }, { id: late, label: Late, weights: { a: 0 } }]
      - { id: q, type: likert, text: Q, weights: { a: 1, b: 1, c: -1 } }
"#;

    fn with_stage(stage: Option<usize>) -> (Assessment, Answers) {
        let (a, _) = crate::assessment::load("t.yaml", FILE.as_bytes()).expect("valid");
        let mut answers = Answers::new(a.questions.len());
        answers.set(0, stage.map(Answer::Choice));
        (a, answers)
    }

    #[test]
    fn a_step_with_a_condition_is_offered_only_when_it_holds() {
        let (a, early) = with_stage(Some(0));
        assert_eq!(
            Offer::new(&a, &early).track(0),
            ["Always offered", "Only early"]
        );
        let (a, late) = with_stage(Some(1));
        assert_eq!(
            Offer::new(&a, &late).track(0),
            ["Always offered", "Not early"]
        );
    }

    #[test]
    fn a_skipped_stage_gets_the_steps_written_as_not_a_stage() {
        let (a, none) = with_stage(None);
        assert_eq!(
            Offer::new(&a, &none).track(0),
            ["Always offered", "Not early"]
        );
    }

    #[test]
    fn a_blend_gets_the_steps_for_choosing_between_its_two_tracks() {
        let (a, early) = with_stage(Some(0));
        let offer = Offer::new(&a, &early);
        let blends = offer.blends(&[0, 1]);
        assert_eq!(blends.len(), 1);
        assert_eq!(blends[0].1, ["Try Beta's work for six weeks"]);
        assert_eq!(
            blend_heading(&a, blends[0].0),
            "Choosing between Alpha and Beta"
        );
    }

    #[test]
    fn one_track_on_top_or_another_pair_gets_no_blend_steps() {
        let (a, late) = with_stage(Some(1));
        let offer = Offer::new(&a, &late);
        assert!(offer.blends(&[0]).is_empty());
        assert!(offer.blends(&[0, 2]).is_empty());
        assert_eq!(offer.blends(&[2, 1, 0])[0].1.len(), 2);
    }
}
