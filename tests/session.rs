//! The session core, driven directly as any front end drives it: each
//! operation changes the session and returns the effects to carry out,
//! doing no I/O itself.

use crossroads::answers::{Answer, Answers};
use crossroads::assessment::{Assessment, load};
use crossroads::kinds::{Draft, Refusal};
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
    assert_eq!(step.effects, vec![Effect::Backup, Effect::Save]);
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
    let _ = s.set_note(NoteTarget::Question(0), "Lit up here\n");
    assert_eq!(s.note(NoteTarget::Question(0)), "Lit up here");
    let _ = s.set_note(NoteTarget::Question(0), "  ");
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
