//! The whole document: its sections taken as they are read, the rest
//! checked at the end, and the model built.

use super::sections::{Known, SectionChecker};
use super::{Checker, Loc, evidence, steps, tracks};
use crate::assessment::events::Pos;
use crate::assessment::model::*;
use crate::assessment::problem::Problem;
use crate::assessment::raw::*;

/// Validates a parsed document. On success, the assessment and its warnings;
/// otherwise every problem found (errors and warnings).
pub fn validate(raw: RawAssessment) -> Result<(Assessment, Vec<Problem>), Vec<Problem>> {
    Validator::default().finish(raw)
}

/// A validation that may take the sections one at a time while the file
/// is still being read ([`Validator::section`]), and the rest at the end
/// ([`Validator::finish`]).
#[derive(Default)]
pub struct Validator {
    c: Checker,
    /// The tracks, checked when the first section came and they were known.
    tracks: Option<Vec<Track>>,
    sections: SectionChecker,
    /// Sections that passed a limit: none after them is checked.
    over: bool,
    counts: crate::assessment::limits::Counts,
}

impl Validator {
    /// Checks a section just read, when `before` (what was read before it)
    /// has the tracks its weights name; otherwise gives it back, and it is
    /// checked at the end. A section over a limit is reported, and nothing
    /// after it is checked.
    pub fn section(&mut self, before: &RawAssessment, s: RawSection) -> Option<RawSection> {
        if self.over {
            return None;
        }
        if self.tracks.is_none() {
            let Some(raw_tracks) = before.tracks.as_deref() else {
                return Some(s);
            };
            // Past a limit on what was read so far (thousands of tracks, a
            // huge id), nothing is checked: the limit is the one error the
            // file gets, told when the reading ends, and checking sections
            // against such tracks would cost what the limits exist to spare.
            if !crate::assessment::limits::check(before).is_empty() {
                self.over = true;
                return None;
            }
            self.check_tracks(Some(raw_tracks));
        }
        self.check_section(s);
        None
    }

    /// Checks the tracks, once: the weights of every section name them.
    fn check_tracks(&mut self, raw: Option<&[RawTrack]>) {
        if self.tracks.is_none() {
            let tracks = tracks::check_tracks(&mut self.c, raw);
            self.c.track_ids = tracks.iter().map(|t| t.id.clone()).collect();
            self.tracks = Some(tracks);
        }
    }

    fn check_section(&mut self, s: RawSection) {
        if self.over {
            return;
        }
        let over = crate::assessment::limits::check_section(
            &s,
            self.sections.section_places.len(),
            &mut self.counts,
        );
        if !over.is_empty() {
            self.c.problems.extend(over);
            self.over = true;
            return;
        }
        self.sections.section(&mut self.c, s);
    }

    /// Validates the rest of the document, with any sections it still
    /// holds, and builds the model.
    pub fn finish(
        mut self,
        mut raw: RawAssessment,
    ) -> Result<(Assessment, Vec<Problem>), Vec<Problem>> {
        self.check_tracks(raw.tracks.as_deref());
        for s in raw.sections.take().unwrap_or_default() {
            self.check_section(s);
        }
        if self.over {
            return Err(self.c.problems);
        }
        let Validator {
            mut c,
            tracks,
            sections: mut checked,
            ..
        } = self;
        let root = Pos { line: 1, column: 1 };
        match raw.format.as_ref().map(|f| (&f.value, f.at)) {
        None => c.error(
            &Loc::Root,
            root,
            "`format` is missing; start the file with `format: 1`",
        ),
        Some((serde_yaml::Value::Number(n), _)) if n.as_i64() == Some(1) => {}
        Some((other, at)) => c.error(
            &Loc::Key("format"),
            at,
            format!(
                "format is {}, but this version of crossroads reads format 1 (write `format: 1`, a number without quotes)",
                crate::yaml::found(other)
            ),
        ),
    }
        let id = c
            .id(&raw.id, &Loc::Key("id"), root, "assessment", false)
            .map(String::from)
            .unwrap_or_default();
        let title = c
            .required(
                raw.title.as_deref(),
                &Loc::Key("title"),
                root,
                "title",
                "Product career crossroads",
            )
            .unwrap_or_default()
            .to_string();
        let estimated = match raw.estimated_minutes.map(|m| (m.value, m.at)) {
            Some((m, at)) if !(1..=10_000).contains(&m) => {
                c.error(
                    &Loc::Key("estimated_minutes"),
                    at,
                    format!(
                        "estimated_minutes is {m}; give a whole number of minutes of at least 1"
                    ),
                );
                None
            }
            m => m.map(|(m, _)| m as u32),
        };
        let tie_margin = raw.tie_margin.map_or(5.0, |t| t.value);
        let tie_at = raw.tie_margin.map_or(root, |t| t.at);
        if !(tie_margin.is_finite() && tie_margin >= 0.0) {
            c.error(
                &Loc::Key("tie_margin"),
                tie_at,
                format!("tie_margin is {tie_margin}; give score points of 0 or more (default 5)"),
            );
        } else if tie_margin > 100.0 {
            c.warning(
            &Loc::Key("tie_margin"),
            tie_at,
            format!("tie_margin is {tie_margin}, more than the whole 0-100 range, so every scored track is always in the top set"),
        );
        }
        let default_scale = match &raw.scale {
            Some(s) => c.scale(s, &Loc::Key("scale")).unwrap_or_default(),
            None => Scale::default(),
        };
        let id_at = |id: &Option<Text>, at: Pos| id.as_ref().map_or(at, |i| i.at);
        let bands = tracks::check_bands(&mut c, raw.bands.as_deref());
        let mut tracks = tracks.unwrap_or_default();
        let axes = tracks::check_axes(&mut c, raw.axes.as_deref(), &tracks);
        let places = evidence::Places {
            tracks: (raw.tracks.as_deref().unwrap_or_default().iter())
                .map(|t| id_at(&t.id, t.at))
                .collect(),
            sections: std::mem::take(&mut checked.section_places),
            questions: std::mem::take(&mut checked.question_places),
        };
        let evidence = std::mem::take(&mut checked.evidence);
        let (sections, questions, question_lookup) = checked.finish(&mut c, &default_scale);
        let slots: Vec<Option<QuestionIndex>> = (0..questions.len()).map(Some).collect();
        let every_question = Known {
            seen: &question_lookup,
            slots: &slots,
            questions: &questions,
        };
        steps::track_steps(&mut c, raw.tracks.as_deref(), &mut tracks, &every_question);
        let blends = steps::check_blends(&mut c, raw.blends.as_deref(), &every_question);

        let estimated_minutes =
            estimated.unwrap_or_else(|| (questions.len() as u32).div_ceil(3).max(1));
        let assessment = Assessment {
            id,
            title,
            version: raw.version.map(|v| v.0),
            description: raw.description,
            estimated_minutes,
            tie_margin,
            shuffle: raw.shuffle.unwrap_or(false),
            bands,
            tracks,
            axes,
            blends,
            sections,
            questions,
            question_lookup,
        };
        if !c.problems.iter().any(Problem::is_error) {
            evidence::check_evidence(&mut c, &assessment, &places, &evidence);
        }
        if c.problems.iter().any(Problem::is_error) {
            Err(c.problems)
        } else {
            Ok((assessment, c.problems))
        }
    }
}
