//! Saved sessions of simulated people, for measuring and testing what
//! reads many sessions (`sessions`, `analyse`, `export`): each is the file
//! the app would write for a person answering by their tracks with noise.

use super::respondent::{self, Style};
use crate::answers::conditions::visibility;
use crate::answers::{Answer, Answers};
use crate::assessment::{Assessment, QuestionKind};
use crate::rng::Rng;
use crate::session::{Meta, Timestamp, store};

/// Where a simulated session says its assessment came from.
#[derive(Debug, Clone, Copy)]
pub enum Origin<'a> {
    /// A bundled assessment, by its id.
    Bundled,
    /// A file: its path and the fingerprint of its bytes.
    File(&'a str, &'a str),
}

/// The session files of `n` simulated people (their tracks drawn as
/// [`respondent::population`] draws them, medium noise): two in three
/// finished (unless they left a required question unanswered), the others
/// part way through, an hour apart from 2026-01-01.
pub fn files<'a>(
    assessment: &'a Assessment,
    origin: Origin<'a>,
    n: usize,
) -> impl Iterator<Item = String> + 'a {
    let people = respondent::population(assessment.tracks.len(), n);
    (people.into_iter().enumerate()).map(move |(i, p)| file(assessment, origin, p, i))
}

fn file(assessment: &Assessment, origin: Origin, profile: respondent::Profile, i: usize) -> String {
    let mut rng = Rng::stream(7, &[i as u64]);
    let mut answers = respondent::respond(assessment, Style::Profile(profile, 0.5), &mut rng);
    // Respondents skip text, but the app finishes a session only when
    // every required question it shows has an answer: one who finishes
    // writes a few words there, and is otherwise still in progress.
    let required = |answers: &Answers| {
        let visible = visibility(assessment, answers);
        (assessment.questions.iter().enumerate())
            .filter(|(q, question)| question.required && visible[*q] && answers.get(*q).is_none())
            .map(|(q, _)| q)
            .collect::<Vec<_>>()
    };
    if !i.is_multiple_of(3) {
        for q in required(&answers) {
            if let QuestionKind::Text { .. } = assessment.questions[q].kind {
                answers.set(q, Some(Answer::Text(format!("Words of person {i}"))));
            }
        }
    }
    let finished = !i.is_multiple_of(3) && required(&answers).is_empty();
    if i.is_multiple_of(3) {
        let cut = rng.below(assessment.questions.len());
        let mut part = Answers::new(assessment.questions.len());
        for q in 0..cut {
            part.set(q, answers.get(q).cloned());
        }
        answers = part;
    }
    let started = Timestamp::from_secs(1_767_225_600 + i as i64 * 3_600);
    let (path, bundled, fingerprint) = match origin {
        // The fingerprint of its text, as the app records it.
        Origin::Bundled => (
            None,
            Some(assessment.id.clone()),
            (crate::bundled::find(&assessment.id))
                .map(|b| crate::source::fingerprint(b.yaml.as_bytes()))
                .unwrap_or_default(),
        ),
        Origin::File(p, f) => (Some(p.to_string()), None, f.to_string()),
    };
    let meta = Meta {
        assessment_path: path,
        bundled,
        fingerprint,
        position: assessment.questions.last().map(|q| q.id.to_string()),
        complete: finished,
        skipped: Some(Vec::new()),
        started: Some(started),
        updated: Some(Timestamp::from_secs(started.secs() + 1_200)),
        coach: true,
        name: Some(format!("Person {i:05}")),
        own_notes: true,
        ..Meta::default()
    };
    store::render(assessment, &answers, &meta)
}
