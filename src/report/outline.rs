//! The one document of a result: what is said about a score, and in what
//! order, decided here once. Every rendering lays out an [`Outline`]: the
//! Markdown, HTML, text and JSON reports, the result of `crossroads
//! score`, the results screen and plain mode. None of them decides what to
//! say, so they cannot drift apart: the same session says the same things
//! in the same order wherever it is read.
//!
//! The order: the partial note (a session not finished), the headline and
//! the result in sentences (close behind among them), the counts, the
//! ranked tracks, how to read them (percents, bands, close behind), where
//! the person leans (a lean named or not, one rule), the sections, the
//! reasons, since last time, and the plan (goals, then the steps of each
//! top track and of a blend).

use super::takeaway::{self, BandMeaning};
use crate::answers::Answers;
use crate::assessment::{Assessment, TrackIndex};
use crate::record::goals::{Goal, Review};
use crate::scoring::{AxisPosition, Score};
use serde::Serialize;

/// The facts an outline is made from.
pub struct Facts<'a> {
    pub assessment: &'a Assessment,
    pub answers: &'a Answers,
    pub score: &'a Score,
    /// Whether the result is final: a plain answers file, or a session
    /// that reached its results. A session still in progress is a first
    /// look, said first.
    pub finished: bool,
    /// Shown questions not reached yet (a session in progress).
    pub not_yet: usize,
    /// The goals chosen after the results.
    pub goals: &'a [Goal],
    /// Since the previous session, when it is known.
    pub since: Option<Since>,
}

impl<'a> Facts<'a> {
    /// The facts of a plain result: finished, no session around it.
    pub(crate) fn of_score(
        assessment: &'a Assessment,
        answers: &'a Answers,
        score: &'a Score,
    ) -> Self {
        Facts {
            assessment,
            answers,
            score,
            finished: true,
            not_yet: 0,
            goals: &[],
            since: None,
        }
    }
}

/// The one document of a result, in the order every rendering follows.
#[derive(Debug, Clone, Serialize)]
pub struct Outline {
    /// Said before anything else when the session is not finished.
    pub partial: Option<String>,
    /// "Strongest fit: X", "A blend of A and B", or why there is none.
    pub headline: String,
    /// The result in sentences: the fit with its percent and band (or
    /// what a uniform response style means), then each track close behind.
    pub summary: Vec<String>,
    /// "7 of 8 questions answered, ...".
    pub counts: String,
    /// Every track in rank order.
    pub tracks: Vec<TrackLine>,
    /// What percents, bands and "close behind" mean.
    pub reading: Reading,
    /// The axes' leans named in one line, when any is ("Product Manager
    /// over Product Owner").
    pub profile: Option<String>,
    /// Every axis, with the one verdict every rendering gives.
    pub leans: Vec<Lean>,
    /// The tracks' short names, the columns of `sections`.
    pub columns: Vec<String>,
    /// Each section's score for each track.
    pub sections: Vec<SectionLine>,
    /// The answers that pulled the top tracks most, strongest first.
    pub reasons: Vec<ReasonLine>,
    /// Since the previous session, when there is one to compare with.
    pub since: Option<Since>,
    /// The development plan.
    pub plan: Plan,
}

/// One track of the ranking.
#[derive(Debug, Clone, Serialize)]
pub struct TrackLine {
    pub rank: usize,
    pub name: String,
    /// The score, 0 to 100, for drawing a bar.
    pub score: Option<f64>,
    /// "78%", or "–" without a score.
    pub percent: String,
    /// The band's label, "not enough answers" without a score, or None
    /// when scored below every band.
    pub band: Option<String>,
    /// Whether the track is in the top set.
    pub top: bool,
}

/// How to read a result, for someone who was not in the room.
#[derive(Debug, Clone, Serialize)]
pub struct Reading {
    pub percents: String,
    pub bands: Vec<BandMeaning>,
    /// Said when the lowest band starts above 0%.
    pub below: Option<String>,
    /// What "close behind" means, said only when a track is.
    pub close: Option<String>,
    pub starting_point: String,
}

/// One axis: its ends, where the person stands, and the verdict.
#[derive(Debug, Clone, Serialize)]
pub struct Lean {
    pub label: String,
    pub left: String,
    pub right: String,
    pub left_short: String,
    pub right_short: String,
    /// -1 (all the way left) to +1, None without enough answers.
    pub position: Option<f64>,
    /// "leans Product Manager", "no clear lean", "balanced" or "not
    /// enough answers yet".
    pub verdict: String,
}

/// One section's scores, one per track in declaration order.
#[derive(Debug, Clone, Serialize)]
pub struct SectionLine {
    pub title: String,
    pub percents: Vec<String>,
}

/// One reason, in words.
#[derive(Debug, Clone, Serialize)]
pub struct ReasonLine {
    /// Whether it pulled toward its track (else away from it).
    pub toward: bool,
    pub text: String,
}

/// What changed since the previous session, and how its goals went.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Since {
    /// The previous session's date, when known.
    pub when: Option<String>,
    /// "Product Owner: 46% then, 42% now, -4 points".
    pub changes: Vec<String>,
    /// "Speak at a meetup: done: gave the talk".
    pub goals: Vec<String>,
}

impl Since {
    /// The reviews recorded in a session, without its previous scores:
    /// what a report of the session file alone can say.
    pub(crate) fn of_reviews(reviews: &[Review]) -> Option<Since> {
        (!reviews.is_empty()).then(|| Since {
            when: None,
            changes: Vec::new(),
            goals: reviews.iter().map(review_line).collect(),
        })
    }

    /// Whether there is nothing to say.
    pub fn is_empty(&self) -> bool {
        self.changes.is_empty() && self.goals.is_empty()
    }
}

/// A reviewed goal: "Speak at a meetup: done: gave the talk".
pub(crate) fn review_line(r: &Review) -> String {
    format!(
        "{}: {}",
        super::one_line(&r.goal.text),
        takeaway::review_words(r)
    )
}

/// A goal of the previous session not reviewed yet.
pub(crate) fn unreviewed_line(g: &Goal) -> String {
    format!("{}: not reviewed", super::one_line(&g.text))
}

/// The development plan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Plan {
    /// The goals chosen, each with its parts ("from X", "done when: ...").
    pub goals: Vec<GoalLine>,
    /// The sentence that opens the suggested steps; None without a top track.
    pub intro: Option<String>,
    pub tracks: Vec<TrackPlan>,
    pub blends: Vec<BlendPlan>,
}

/// A goal chosen, in words.
#[derive(Debug, Clone, Serialize)]
pub struct GoalLine {
    pub text: String,
    /// "From Product Manager", "Done when: ...", "By 2027-06-30".
    pub parts: Vec<String>,
}

/// What a top track says about itself, and the steps offered toward it.
#[derive(Debug, Clone, Serialize)]
pub struct TrackPlan {
    pub name: String,
    pub summary: Option<String>,
    pub strengths: Vec<String>,
    pub steps: Vec<String>,
    /// Said when the track says nothing about itself.
    pub empty: Option<String>,
}

/// The steps that help choose between the tracks of a blend.
#[derive(Debug, Clone, Serialize)]
pub struct BlendPlan {
    pub heading: String,
    pub steps: Vec<String>,
}

/// The outline of a result.
pub fn outline(f: &Facts) -> Outline {
    let (a, s) = (f.assessment, f.score);
    let mut summary = takeaway::in_short(a, s, f.finished);
    let partial = (!f.finished && !summary.is_empty()).then(|| summary.remove(0));
    Outline {
        partial,
        headline: super::headline(a, s),
        summary,
        counts: super::counts_with(s, f.not_yet),
        tracks: s
            .tracks
            .iter()
            .map(|t| TrackLine {
                rank: t.rank,
                name: a.tracks[t.track].name.clone(),
                score: t.score,
                percent: super::percent(t.score),
                band: super::band(a, t).map(str::to_string),
                // Spec 3.5: with a uniform response style no track is
                // presented as a fit, so none is marked as one either.
                top: s.response_style.is_none() && s.top.contains(&t.track),
            })
            .collect(),
        reading: Reading {
            percents: takeaway::PERCENT_MEANING.to_string(),
            bands: takeaway::bands(a),
            below: takeaway::below_bands(a),
            close: takeaway::close_meaning(a, s),
            starting_point: takeaway::STARTING_POINT.to_string(),
        },
        profile: Some(super::profile(a, s)).filter(|p| !p.is_empty()),
        leans: s.axes.iter().map(|p| lean(a, s, p)).collect(),
        columns: a.tracks.iter().map(|t| t.short.clone()).collect(),
        sections: s
            .sections
            .iter()
            .map(|sec| SectionLine {
                title: a.sections[sec.section].title.clone(),
                percents: sec.scores.iter().map(|v| super::percent(*v)).collect(),
            })
            .collect(),
        reasons: super::top_reasons(s, super::REASONS_PER_TRACK)
            .into_iter()
            .map(|r| ReasonLine {
                toward: r.pull >= 0.0,
                text: super::reason_sentence(a, f.answers, r),
            })
            .collect(),
        since: f.since.clone().filter(|x| !x.is_empty()),
        plan: plan(f),
    }
}

/// An axis and its verdict: a lean is named only where
/// [`super::lean_named`] says it is worth naming.
fn lean(a: &Assessment, s: &Score, p: &AxisPosition) -> Lean {
    let axis = &a.axes[p.axis];
    let (l, r) = (&a.tracks[axis.left], &a.tracks[axis.right]);
    let verdict = match (p.position, p.leaning) {
        (None, _) => "not enough answers yet".to_string(),
        (Some(_), Some(x)) if super::lean_named(a, s, p) => {
            format!("leans {}", a.tracks[x].name)
        }
        (Some(_), Some(_)) => "no clear lean".to_string(),
        (Some(_), None) => "balanced".to_string(),
    };
    Lean {
        label: axis.label.clone(),
        left: l.name.clone(),
        right: r.name.clone(),
        left_short: l.short.clone(),
        right_short: r.short.clone(),
        position: p.position,
        verdict,
    }
}

fn plan(f: &Facts) -> Plan {
    let (a, s) = (f.assessment, f.score);
    let goals = f
        .goals
        .iter()
        .map(|g| GoalLine {
            text: super::one_line(&g.text),
            parts: takeaway::goal_parts(a, g)
                .iter()
                .map(|p| super::capitalise(p))
                .collect(),
        })
        .collect();
    // No plan is built from a fit that a uniform response style withholds.
    let intro = super::plan_intro(a, s).filter(|_| s.response_style.is_none());
    let Some(intro) = intro else {
        return Plan {
            goals,
            ..Plan::default()
        };
    };
    let offer = crate::steps::Offer::new(a, f.answers);
    let owned = |steps: Vec<&str>| steps.into_iter().map(str::to_string).collect();
    Plan {
        goals,
        intro: Some(intro),
        tracks: s
            .top
            .iter()
            .map(|t| track_plan(a, *t, owned(offer.track(*t))))
            .collect(),
        blends: offer
            .blends(&s.top)
            .into_iter()
            .map(|(blend, steps)| BlendPlan {
                heading: crate::steps::blend_heading(a, blend),
                steps: owned(steps),
            })
            .collect(),
    }
}

fn track_plan(a: &Assessment, t: TrackIndex, steps: Vec<String>) -> TrackPlan {
    let track = &a.tracks[t];
    let said = super::has_profile(track);
    TrackPlan {
        name: track.name.clone(),
        summary: track.summary.as_deref().map(super::one_line),
        strengths: track.strengths.clone(),
        steps: if said { steps } else { Vec::new() },
        empty: (!said).then(|| super::no_plan(&track.name)),
    }
}
