//! The session core, driven directly as any front end drives it: each
//! operation changes the session and returns the effects to carry out,
//! doing no I/O itself.

use crossroads::answers::{Answer, Answers};
use crossroads::assessment::kinds::{Draft, Refusal};
use crossroads::assessment::{Assessment, load};
use crossroads::session::disk::Disk;
use crossroads::session::{Effect, Meta, NoteTarget, Notice, Resume, Session, Stage};

const SAMPLE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/conformance/sample.yaml");

fn sample() -> Assessment {
    load("sample.yaml", &std::fs::read(SAMPLE).unwrap())
        .unwrap()
        .0
}

fn started() -> Session {
    let a = sample();
    let n = a.questions.len();
    let mut s = Session::new(a, Answers::new(n), Meta::default());
    let _ = s.start(None);
    s
}

fn id(s: &Session) -> &str {
    &s.question().id
}

#[test]
fn a_new_session_waits_on_its_welcome() {
    let a = sample();
    let n = a.questions.len();
    let s = Session::new(a, Answers::new(n), Meta::default());
    assert_eq!(s.stage(), Stage::Welcome);
}

#[test]
fn starting_goes_to_the_first_question_and_asks_for_a_save() {
    let a = sample();
    let n = a.questions.len();
    let mut s = Session::new(a, Answers::new(n), Meta::default());
    let step = s.start(None);
    assert_eq!(step.effects, vec![Effect::Save]);
    assert_eq!((s.stage(), id(&s)), (Stage::Question, "tinker"));
}

#[test]
fn picking_a_point_records_it_and_asks_for_a_save() {
    let mut s = started();
    let step = s.pick(2);
    assert_eq!(step.effects, vec![Effect::Save]);
    assert_eq!(s.answers().get(0), Some(&Answer::Likert(3)));
    assert_eq!(id(&s), "tinker", "picking does not move on");
}

#[test]
fn picking_the_same_point_again_changes_nothing_and_saves_nothing() {
    let mut s = started();
    let _ = s.pick(2);
    assert!(s.pick(2).effects.is_empty());
}

#[test]
fn confirming_with_nothing_picked_is_refused_and_stays() {
    let mut s = started();
    let step = s.confirm();
    assert_eq!(step.notice, Some(Notice::Refused(Refusal::NothingPicked)));
    assert!(step.effects.is_empty());
    assert_eq!(id(&s), "tinker");
}

#[test]
fn a_required_question_cannot_be_skipped_or_confirmed_empty() {
    let mut s = started();
    let _ = s.skip();
    let _ = s.skip();
    assert_eq!(id(&s), "role");
    assert!(s.skip().is_refused());
    assert_eq!(s.confirm().notice, Some(Notice::Refused(Refusal::Required)));
    assert_eq!(id(&s), "role");
}

#[test]
fn a_submitted_answer_is_checked_by_its_kinds_rule_before_it_is_kept() {
    let mut s = started();
    let _ = s.skip();
    let _ = s.skip();
    let _ = s.submit(Some(Answer::Choice(0)));
    assert_eq!(id(&s), "tools");
    let four = Answer::Multi(vec![0, 1, 2, 3]);
    let step = s.submit(Some(four));
    assert_eq!(
        step.notice,
        Some(Notice::Refused(Refusal::TooMany { chosen: 4, max: 3 }))
    );
    assert_eq!(s.answers().get(s.current()), None);
}

#[test]
fn an_answer_that_hides_a_question_hides_it_at_once() {
    let mut s = started();
    let role = s.assessment().question_index("role").unwrap();
    let mentoring = s.assessment().question_index("mentoring").unwrap();
    let _ = s.skip();
    let _ = s.skip();
    let _ = s.pick(1);
    assert!(s.visible()[mentoring], "role help shows mentoring");
    let _ = s.pick(0);
    assert!(!s.visible()[mentoring]);
    assert_eq!(s.current(), role);
}

#[test]
fn back_on_the_first_question_says_so() {
    let mut s = started();
    let step = s.back();
    assert!(matches!(step.notice, Some(Notice::Info(m)) if m.contains("first question")));
}

#[test]
fn a_ranking_draft_places_options_next_and_keeps_the_rest_in_order() {
    let mut s = started();
    let order = s.assessment().question_index("order").unwrap();
    let _ = s.jump(order);
    let _ = s.pick(2);
    let Draft::Rank(d) = s.draft() else {
        panic!("not a ranking")
    };
    assert_eq!((d.order.clone(), d.placed), (vec![2, 0, 1], 1));
    assert!(s.pick(2).is_refused(), "an option is placed once");
}

#[test]
fn typed_text_is_kept_when_the_person_goes_back() {
    let mut s = started();
    let dream = s.assessment().question_index("dream").unwrap();
    let _ = s.jump(dream);
    for c in "ship it".chars() {
        let _ = s.edit(&crossroads::field::Edit::Insert(c));
    }
    let step = s.back();
    assert!(step.effects.contains(&Effect::Save));
    assert_eq!(
        s.answers().get(dream),
        Some(&Answer::Text("ship it".into()))
    );
}

#[test]
fn the_last_question_leads_to_the_results_and_marks_the_session_complete() {
    let mut s = started();
    let last = *s.visible_questions().last().unwrap();
    let _ = s.jump(last);
    let _ = s.skip();
    assert_eq!(s.stage(), Stage::Results);
    assert!(s.meta().complete);
}

#[test]
fn starting_over_asks_for_a_backup_before_the_save() {
    let a = sample();
    let n = a.questions.len();
    let mut answers = Answers::new(n);
    answers.set(0, Some(Answer::Likert(2)));
    let resume = Resume {
        answered: 1,
        updated: None,
        changed: None,
        ..Resume::default()
    };
    let mut s = Session::new(a, answers, Meta::default()).resuming(Some(resume));
    let step = s.start_over(None);
    assert_eq!(step.effects, vec![Effect::NewSessionFile, Effect::Save]);
    assert_eq!(s.answers().count(), 0);
    assert_eq!(s.stage(), Stage::Question);
}

#[test]
fn a_resumed_session_starts_where_it_was() {
    let a = sample();
    let n = a.questions.len();
    let meta = Meta {
        position: Some("calendar".into()),
        ..Meta::default()
    };
    let resume = Resume {
        answered: 1,
        updated: None,
        changed: None,
        ..Resume::default()
    };
    let mut s = Session::new(a, Answers::new(n), meta).resuming(Some(resume));
    let _ = s.start(None);
    assert_eq!(id(&s), "calendar");
}

#[test]
fn a_note_is_kept_and_an_empty_one_removes_it() {
    let mut s = started();
    let _ = s.keep_note(NoteTarget::Question(0), "Lit up here\n");
    assert_eq!(s.note(NoteTarget::Question(0)), "Lit up here");
    let _ = s.keep_note(NoteTarget::Question(0), "  ");
    assert_eq!(s.note(NoteTarget::Question(0)), "");
}

#[test]
fn the_disk_carries_out_a_save_and_the_file_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let mut s = started();
    let mut disk = Disk::at(path.clone());
    let step = s.pick(3);
    disk.run(&mut s, &step.effects);
    assert!(disk.error.is_none());
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("tinker: 4"), "{text}");
    assert!(s.meta().updated.is_some(), "the save stamps the time");
}

#[test]
fn a_save_that_fails_leaves_the_sessions_times_as_they_were() {
    let dir = tempfile::tempdir().unwrap();
    // A file where the session's folder should be: the save cannot land.
    std::fs::write(dir.path().join("folder"), "x").unwrap();
    let mut s = started();
    let mut disk = Disk::at(dir.path().join("folder").join("s.yaml"));
    let step = s.pick(3);
    disk.run(&mut s, &step.effects);
    assert!(disk.error.is_some());
    assert_eq!(s.meta().updated, None, "nothing was saved at any time");
    assert_eq!(s.meta().started, None);
}

#[test]
fn the_time_a_save_writes_is_the_time_the_session_takes_in() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let mut s = started();
    let mut disk = Disk::at(path.clone());
    let step = s.pick(3);
    disk.run(&mut s, &step.effects);
    let text = std::fs::read_to_string(&path).unwrap();
    let stamp = s.meta().updated.expect("saved").to_string();
    assert!(text.contains(&stamp), "{stamp} in {text}");
}

#[test]
fn jumping_ahead_leaves_the_questions_between_not_yet_reached() {
    use crossroads::session::Fate;
    let mut s = started();
    let tools = s.assessment().question_index("tools").unwrap();
    let _ = s.jump(tools);
    assert_eq!(s.fate(0), Fate::NotYet);
    assert_eq!(s.fate(1), Fate::NotYet);
}

#[test]
fn a_question_moved_past_without_an_answer_is_skipped_until_answered() {
    use crossroads::session::Fate;
    let mut s = started();
    let _ = s.skip();
    assert_eq!(s.fate(0), Fate::Skipped);
    let _ = s.back();
    let _ = s.pick(0);
    assert_eq!(s.fate(0), Fate::Answered);
}

#[test]
fn a_revision_from_the_results_returns_to_the_results_after_confirming() {
    let mut s = started();
    let last = *s.visible_questions().last().unwrap();
    let _ = s.jump(last);
    let _ = s.skip();
    assert_eq!(s.stage(), Stage::Results);
    let _ = s.jump(0);
    assert!(s.revising());
    let _ = s.pick(1);
    let _ = s.confirm();
    assert_eq!(s.stage(), Stage::Results, "not on to the second question");
}

#[test]
fn the_goals_offered_are_the_growth_steps_of_the_top_tracks() {
    let b = crossroads::bundled::find("career-tracks").unwrap();
    let a = load("career-tracks", b.yaml.as_bytes()).unwrap().0;
    let persona = std::fs::read(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/personas/torn.yaml"
    ))
    .unwrap();
    let answers = crossroads::answers::read_answers("torn", &persona, &a)
        .unwrap()
        .answers;
    let s = Session::new(a, answers, Meta::default());
    let top = crossroads::scoring::score(s.assessment(), s.answers()).top;
    let offered = s.suggested_goals();
    assert!(!offered.is_empty());
    let tops: Vec<&str> = top
        .iter()
        .map(|t| s.assessment().tracks[*t].id.as_str())
        .collect();
    for o in &offered {
        match &o.track {
            Some(id) => assert!(tops.contains(&id.as_str()), "{o:?}"),
            None => assert!(o.heading.starts_with("Choosing between"), "{o:?}"),
        }
    }
    assert!(
        offered.iter().any(|o| o.track.is_none()),
        "a blend is offered a step for choosing: {offered:?}"
    );
}

#[test]
fn a_plan_holds_at_most_three_goals() {
    use crossroads::session::goals::Goal;
    let mut s = started();
    for i in 0..3 {
        let decided = s.add_goal(Goal {
            text: format!("goal {i}"),
            ..Goal::default()
        });
        assert!(decided.accepted(), "goal {i}");
    }
    let fourth = s.add_goal(Goal {
        text: "goal 4".into(),
        ..Goal::default()
    });
    assert!(!fourth.accepted(), "a refusal says so in its result");
    assert!(fourth.step().effects.is_empty(), "and saves nothing");
    assert_eq!(s.goals().len(), 3);
}

#[test]
fn a_goal_longer_than_its_limit_is_refused_in_every_front_end() {
    use crossroads::record::goals::{GOAL_LIMIT, Goal};
    let mut s = started();
    for (text, done_when) in [
        ("x".repeat(GOAL_LIMIT + 1), String::new()),
        ("Lead a retro".to_string(), "y".repeat(GOAL_LIMIT + 1)),
    ] {
        let decided = s.add_goal(Goal {
            text,
            done_when,
            ..Goal::default()
        });
        assert!(!decided.accepted());
        let said = format!("{:?}", decided.step().notice);
        assert!(said.contains("at most 300 characters"), "{said}");
    }
    let at_limit = s.add_goal(Goal {
        text: "x".repeat(GOAL_LIMIT),
        ..Goal::default()
    });
    assert!(at_limit.accepted(), "the limit itself is allowed");
}

#[test]
fn the_goals_of_the_previous_session_wait_for_their_review() {
    use crossroads::session::goals::{Goal, Previous, Progress};
    let a = sample();
    let n = a.questions.len();
    let before = Meta {
        goals: vec![Goal {
            text: "Lead a retro".into(),
            ..Goal::default()
        }],
        ..Meta::default()
    };
    let previous = Previous {
        file: "earlier.yaml".into(),
        meta: before,
        answers: Answers::new(n),
    };
    let mut s = Session::new(a, Answers::new(n), Meta::default()).with_previous(Some(previous));
    assert!(s.needs_review());
    let step = s.review_goal(0, Progress::Done, Some("went well".into()));
    assert_eq!(step.effects, vec![Effect::Save]);
    assert!(!s.needs_review());
    assert_eq!(s.meta().reviews[0].progress, Progress::Done);
    assert_eq!(s.meta().previous.as_deref(), Some("earlier.yaml"));
    assert!(s.since_last_time().is_some());
}

fn coached() -> Session {
    let a = sample();
    let n = a.questions.len();
    let meta = Meta {
        coach: true,
        name: Some("Ada".into()),
        ..Meta::default()
    };
    let key = crossroads::session::audience::CoachKey::from_command_line(true);
    let mut s = Session::new(a, Answers::new(n), meta).coached(key);
    let _ = s.start(None);
    s
}

#[test]
fn a_coachs_note_is_private_until_shared_and_sharing_saves() {
    let mut s = coached();
    let q = NoteTarget::Question(0);
    let _ = s.keep_note(q, "Lit up here");
    assert!(!s.is_shared(q), "private by default");
    let step = s.toggle_shared(q);
    assert_eq!(step.effects, vec![Effect::Save]);
    assert!(s.is_shared(q));
    let id = s.assessment().questions[0].id.to_string();
    assert_eq!(s.meta().coach_notes.shared_on(&id), Some("Lit up here"));
    let _ = s.toggle_shared(q);
    assert!(!s.is_shared(q));
    assert_eq!(s.meta().coach_notes.shared_on(&id), None);

    let _ = s.keep_note(NoteTarget::Session, "Whole session");
    let _ = s.toggle_shared(NoteTarget::Session);
    assert_eq!(
        s.meta().coach_notes.shared_on_session(),
        Some("Whole session")
    );
}

#[test]
fn removing_a_notes_text_unshares_it() {
    let mut s = coached();
    for target in [NoteTarget::Question(0), NoteTarget::Session] {
        let _ = s.keep_note(target, "Say this to Ada");
        let _ = s.toggle_shared(target);
        assert!(s.is_shared(target));
        let _ = s.keep_note(target, "   ");
        assert!(!s.is_shared(target));
        let _ = s.keep_note(target, "New words");
        assert!(!s.is_shared(target), "new words start private");
    }
    assert_eq!(s.meta().coach_notes.shared_questions().count(), 0);
    assert_eq!(s.meta().coach_notes.shared_on_session(), None);
}

#[test]
fn sharing_is_refused_without_a_note_or_outside_coach_mode() {
    let mut s = coached();
    let step = s.toggle_shared(NoteTarget::Question(0));
    assert!(step.effects.is_empty());
    assert_eq!(s.meta().coach_notes.shared_questions().count(), 0);

    let mut alone = started();
    let _ = alone.keep_note(NoteTarget::Question(0), "Mine");
    let step = alone.toggle_shared(NoteTarget::Question(0));
    assert!(step.effects.is_empty());
    assert!(matches!(step.notice, Some(Notice::Info(t)) if t.contains("your own")));
    assert_eq!(alone.meta().coach_notes.shared_questions().count(), 0);
}

#[test]
fn the_report_key_writes_a_dated_takeaway_and_the_coachs_copy_and_never_overwrites() {
    use crossroads::session::disk::Done;
    let dir = tempfile::tempdir().unwrap();
    let mut s = coached();
    let _ = s.pick(3);
    let _ = s.keep_note(NoteTarget::Question(0), "Coach-only hunch");
    let mut disk = Disk::at(dir.path().join("ada.yaml"));
    let today = crossroads::session::Timestamp::now().iso_date();
    let first = disk.run(&mut s, &[Effect::WriteReport]);
    let Some(Done::Report {
        takeaway,
        coach: Some(coach),
    }) = first.first()
    else {
        panic!("{first:?}");
    };
    assert_eq!(
        *takeaway,
        dir.path().join(format!("ada-takeaway-{today}.md"))
    );
    assert_eq!(*coach, dir.path().join(format!("ada-coach-{today}.md")));
    let mentee = std::fs::read_to_string(takeaway).unwrap();
    assert!(!mentee.contains("Coach-only hunch"), "{mentee}");
    assert!(
        std::fs::read_to_string(coach)
            .unwrap()
            .contains("Coach-only hunch")
    );
    let words = first[0].report_words().unwrap();
    let dir_words = dir.path().display().to_string();
    assert_eq!(
        words,
        format!(
            "Takeaway ada-takeaway-{today}.md and coach's copy ada-coach-{today}.md written in {dir_words}"
        )
    );

    let second = disk.run(&mut s, &[Effect::WriteReport]);
    let Some(Done::Report {
        takeaway: again,
        coach: Some(coach_again),
    }) = second.first()
    else {
        panic!("{second:?}");
    };
    assert_eq!(
        *again,
        dir.path().join(format!("ada-takeaway-{today}-2.md"))
    );
    assert_eq!(
        *coach_again,
        dir.path().join(format!("ada-coach-{today}-2.md"))
    );
    assert_eq!(
        std::fs::read_to_string(takeaway).unwrap(),
        mentee,
        "untouched"
    );
}

#[test]
fn a_self_assessment_writes_only_the_takeaway() {
    use crossroads::session::disk::Done;
    let dir = tempfile::tempdir().unwrap();
    let mut s = started();
    let mut disk = Disk::at(dir.path().join("me.yaml"));
    let done = disk.run(&mut s, &[Effect::WriteReport]);
    assert!(
        matches!(done.first(), Some(Done::Report { coach: None, .. })),
        "{done:?}"
    );
    let names: Vec<String> = std::fs::read_dir(dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names.len(), 1, "{names:?}");
}

#[test]
fn the_score_is_computed_once_per_change_of_the_answers() {
    let mut s = started();
    let first = s.score();
    assert!(
        std::rc::Rc::ptr_eq(&first, &s.score()),
        "kept while unchanged"
    );
    let _ = s.pick(3);
    let after = s.score();
    assert!(
        !std::rc::Rc::ptr_eq(&first, &after),
        "scored again after a change"
    );
    assert_eq!(
        *after,
        crossroads::scoring::score(s.assessment(), s.answers())
    );
}

/// Opens career-tracks (whose options are shuffled) with its session at `path`.
fn open_career(path: &std::path::Path) -> (Session, Disk) {
    let (a, src, _) = crossroads::source::load("career-tracks").unwrap();
    let options = crossroads::session::open::Options {
        session: Some(path.to_path_buf()),
        coach: false,
        name: None,
    };
    crossroads::session::open::open(a, &src, options).unwrap()
}

/// The questions whose options are shown in a drawn order.
fn shuffled_questions(s: &Session) -> Vec<usize> {
    (0..s.assessment().questions.len())
        .filter(|q| s.assessment().shuffled(*q))
        .collect()
}

#[test]
fn a_resumed_session_shows_its_options_in_the_order_it_was_given() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.yaml");
    let (mut s, mut disk) = open_career(&path);
    let step = s.start(None);
    disk.run(&mut s, &step.effects);
    let orders: Vec<Vec<usize>> = shuffled_questions(&s).iter().map(|q| s.shown(*q)).collect();
    assert!(!orders.is_empty());
    drop(disk);
    let (again, _disk) = open_career(&path);
    let kept: Vec<Vec<usize>> = shuffled_questions(&again)
        .iter()
        .map(|q| again.shown(*q))
        .collect();
    assert_eq!(orders, kept);
    assert!(std::fs::read_to_string(&path).unwrap().contains("order:"));
}

#[test]
fn two_sessions_may_show_different_orders_and_score_the_same_answers_the_same() {
    let dir = tempfile::tempdir().unwrap();
    let mut seen = Vec::new();
    let mut scores = Vec::new();
    for i in 0..6 {
        let (mut s, _disk) = open_career(&dir.path().join(format!("s{i}.yaml")));
        let _ = s.start(None);
        seen.push(
            shuffled_questions(&s)
                .iter()
                .map(|q| s.shown(*q))
                .collect::<Vec<_>>(),
        );
        // The same answers, named by option, whatever order they are shown in.
        let answers = Answers::new(s.assessment().questions.len());
        let mut answers = answers;
        for (q, question) in s.assessment().questions.iter().enumerate() {
            let answer = match &question.kind {
                crossroads::assessment::QuestionKind::Likert { .. } => Some(Answer::Likert(4)),
                crossroads::assessment::QuestionKind::Choice { .. } => Some(Answer::Choice(1)),
                crossroads::assessment::QuestionKind::Multi { .. } => Some(Answer::Multi(vec![0])),
                crossroads::assessment::QuestionKind::Rank { options } => {
                    Some(Answer::Rank((0..options.len()).rev().collect()))
                }
                crossroads::assessment::QuestionKind::Text { .. } => None,
            };
            answers.set(q, answer);
        }
        scores.push(format!(
            "{:?}",
            crossroads::scoring::score(s.assessment(), &answers)
        ));
    }
    assert!(
        seen.windows(2).any(|w| w[0] != w[1]),
        "six sessions, one order"
    );
    assert!(scores.windows(2).all(|w| w[0] == w[1]));
}

#[test]
fn on_a_shuffled_ranking_a_number_places_the_option_shown_on_its_row() {
    let dir = tempfile::tempdir().unwrap();
    let (mut s, _disk) = open_career(&dir.path().join("s.yaml"));
    let _ = s.start(None);
    let q = s.assessment().question_index("enjoy-praise").unwrap();
    let _ = s.jump(q);
    let shown = s.shown(q);
    // A ranking: the option on row 3 is placed first.
    let _ = s.pick(2);
    match s.answers().get(q) {
        Some(Answer::Rank(order)) => assert_eq!(order[0], shown[2]),
        other => panic!("{other:?}"),
    }
}
