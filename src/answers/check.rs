//! An answers file checked against an assessment: strictly, as `score`
//! and an unchanged session need it, or keeping what still fits, after the
//! assessment changed.

use super::entries::{Done, Read};
use super::file::{Entry, ParsedFile, TOP_KEYS, TopValue};
use super::{Answers, AnswersFile, NOTE_LIMIT, read_answer};
use crate::answers::conditions::visibility;
use crate::assessment::Assessment;
use crate::assessment::events::Pos;
use crate::assessment::problem::{Problem, Rejected, did_you_mean};
use crate::yaml;
use serde_yaml::Value;

impl ParsedFile {
    /// Checks the file against `assessment` ([`crate::answers::read_answers`]
    /// in one step); every problem is collected.
    pub fn check(&self, assessment: &Assessment) -> Result<AnswersFile, Rejected> {
        let mut read = Read::new(assessment);
        if let TopValue::Read(entries, _) = &self.keys.answers {
            for entry in entries {
                read.one(entry);
            }
        }
        self.finish(assessment, read)
    }

    /// The rest of [`ParsedFile::check`] once every entry of `answers:` is
    /// in `read`: the file's other keys, the notes, what is missing.
    pub(super) fn finish(
        &self,
        assessment: &Assessment,
        read: Read,
    ) -> Result<AnswersFile, Rejected> {
        let mut problems: Vec<Problem> = (self.unknown.iter())
            .map(|(key, at)| unknown_key(key).at(*at))
            .collect();
        match &self.keys.assessment {
            TopValue::Absent => problems.push(Problem::file_error(format!(
                "`assessment` is missing; add `assessment: {}` at the top",
                assessment.id
            ))),
            TopValue::Read(id, _) if *id == assessment.id => {}
            // Not one answer can fit another assessment: one sentence says
            // so, rather than a line for every question id it does not have.
            TopValue::Read(id, at) => {
                return Err(Rejected {
                    file: self.name.clone(),
                    problems: vec![
                        other_assessment(&Value::String(id.clone()), assessment).at(*at),
                    ],
                });
            }
            TopValue::Wrong(v, _, at) => problems.push(other_assessment(v, assessment).at(*at)),
        }
        match self.keys.session.given() {
            Some(Err((Value::Mapping(_), why, at))) => problems.push(
                Problem::error(
                    "session",
                    format!("the app's bookkeeping cannot be read: {why}"),
                )
                .at(at),
            ),
            Some(Err((_, _, at))) => problems.push(
                Problem::error(
                    "session",
                    "`session` must be a mapping (it holds the app's bookkeeping)",
                )
                .at(at),
            ),
            _ => {}
        }
        let Done {
            mut answers,
            places,
            problems: read_problems,
        } = read.done();
        problems.extend(read_problems);
        if let Some(Err((_, _, at))) = self.keys.answers.given() {
            problems.push(
                Problem::error(
                    "answers",
                    "`answers` must be a mapping of question id to answer",
                )
                .at(at),
            );
        }
        let mut warnings = Vec::new();
        match self.keys.notes.given() {
            None => {}
            Some(Ok(entries)) => read_notes(
                entries,
                assessment,
                &mut answers,
                &mut problems,
                &mut warnings,
            ),
            Some(Err((_, _, at))) => problems.push(
                Problem::error("notes", "`notes` must be a mapping of question id to text").at(at),
            ),
        }
        let reject = |mut problems: Vec<Problem>| {
            // In file order; those about the file as a whole first.
            problems.sort_by_key(|p| p.line_column().unwrap_or((0, 0)));
            Rejected {
                file: self.name.clone(),
                problems,
            }
        };
        let answers_at = match &self.keys.answers {
            TopValue::Read(_, at) | TopValue::Wrong(_, _, at) => *at,
            TopValue::Absent => Pos::default(),
        };
        if !problems.is_empty() {
            return Err(reject(problems));
        }
        let session = self.meta().cloned();
        // A session in progress may still lack a required answer.
        let relaxed = session.as_ref().is_some_and(|m| !m.complete);
        let visible = visibility(assessment, &answers);
        for (q, question) in assessment.questions.iter().enumerate() {
            let answered = answers.get(q).is_some();
            if !visible[q] && answered {
                warnings.push(
                    Problem::warning(
                        format!("answers.{}", question.id),
                        format!(
                            "question \"{}\" is hidden by its show_if, so its answer is ignored",
                            question.id
                        ),
                    )
                    .at(places[q].unwrap_or_default()),
                );
            }
            // Missing, so pointed at `answers:` itself.
            if visible[q] && !answered && question.required && !relaxed {
                problems.push(
                    Problem::error(
                        format!("answers.{}", question.id),
                        format!(
                            "question \"{}\" is required but has no answer; add one",
                            question.id
                        ),
                    )
                    .at(answers_at),
                );
            }
        }
        if !problems.is_empty() {
            return Err(reject(problems));
        }
        warnings.sort_by_key(|p| p.line_column().unwrap_or((0, 0)));
        let mut session = session;
        if let Some(meta) = &mut session {
            meta.split_legacy_notes(&mut answers.notes);
        }
        Ok(AnswersFile {
            answers,
            session,
            warnings,
        })
    }

    /// What still fits `assessment` after it changed: every answer that is
    /// valid for it, the ids of those that are not, and the notes. Refused
    /// when `answers:` or `notes:` cannot be read at all, since the file
    /// would otherwise be replaced by one without them.
    pub(crate) fn salvage(
        &self,
        assessment: &Assessment,
    ) -> Result<(Answers, Vec<String>), String> {
        let mut answers = Answers::new(assessment.questions.len());
        let mut dropped = Vec::new();
        match self.keys.answers.given() {
            None => {}
            Some(Ok(entries)) => {
                for Entry { key, value, .. } in entries {
                    let id = key.id().unwrap_or_default().to_string();
                    match assessment
                        .question_index(&id)
                        .map(|q| (q, read_answer(assessment, q, value)))
                    {
                        Some((q, Ok(a))) => answers.set(q, Some(a)),
                        _ => dropped.push(id),
                    }
                }
            }
            Some(Err((v, _, _))) => {
                return Err(format!(
                    "its `answers` is {}, not a mapping of question id to answer",
                    yaml::found(v)
                ));
            }
        }
        match self.keys.notes.given() {
            None => {}
            Some(Ok(entries)) => {
                for Entry { key, value, .. } in entries {
                    if let (Some(k), Some(v)) = (key.id(), value.as_str()) {
                        answers.notes.insert(k.to_string(), v.to_string());
                    }
                }
            }
            Some(Err((v, _, _))) => {
                return Err(format!(
                    "its `notes` is {}, not a mapping of question id to text",
                    yaml::found(v)
                ));
            }
        }
        Ok((answers, dropped))
    }
}

/// An unknown top-level key, with the nearest known one.
fn unknown_key(key: &Value) -> Problem {
    let hint = did_you_mean(key.as_str().unwrap_or(""), TOP_KEYS)
        .map(|n| format!("did you mean `{n}`? "))
        .unwrap_or_default();
    Problem::error(
        "",
        format!(
            "unknown key `{}`; {hint}an answers file has assessment, answers, notes and session",
            yaml::show(key)
        ),
    )
}

fn other_assessment(written: &Value, assessment: &Assessment) -> Problem {
    Problem::error(
        "assessment",
        format!(
            "this file is for another assessment: its answers are for \"{}\", not \"{}\"; score it with the assessment it was written for (`crossroads score {} --answers` and this file)",
            yaml::show(written),
            assessment.id,
            yaml::show(written),
        ),
    )
}

/// Reads the notes: text under a question id, within the limit.
fn read_notes(
    entries: &[Entry],
    a: &Assessment,
    answers: &mut Answers,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<Problem>,
) {
    for Entry {
        key,
        key_at,
        value,
        at,
        ..
    } in entries
    {
        let (Some(id), Some(text)) = (key.id(), value.as_str()) else {
            problems.push(
                Problem::error(
                    "notes",
                    format!("note {} must be text under a question id", key.shown()),
                )
                .at(*at),
            );
            continue;
        };
        if answers.notes.contains_key(id) {
            problems.push(
                Problem::error(
                    format!("notes.{id}"),
                    format!("the note on \"{id}\" is written twice; keep one note"),
                )
                .at(*key_at),
            );
            continue;
        }
        if a.question_index(id).is_none() {
            warnings.push(
                Problem::warning(
                    format!("notes.{id}"),
                    format!("note on unknown question \"{id}\" is kept but not shown"),
                )
                .at(*key_at),
            );
        }
        let length = text.chars().take(NOTE_LIMIT + 1).count();
        if length > NOTE_LIMIT {
            problems.push(
                Problem::error(
                    format!("notes.{id}"),
                    format!(
                        "the note on \"{id}\" is over the limit of {NOTE_LIMIT} characters; shorten it"
                    ),
                )
                .at(*at),
            );
            continue;
        }
        answers.notes.insert(id.to_string(), text.to_string());
    }
}
