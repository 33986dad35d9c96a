//! What plain mode prints: the welcome, a question with its numbered
//! answers, and refusals in words for someone typing lines.

use crate::assessment::QuestionKind;
use crate::assessment::kinds::{self, Refusal, multi};
use crate::session::disk::Disk;
use crate::session::{Session, Stage, people};

/// The one help line, for `?`.
pub(crate) const HELP: &str = "Type the number of your answer, then Enter; where several are asked for, type several numbers, like 1 3. In a text question, type the answer itself. Enter alone skips a question that is not required, or keeps the current answer. - clears an answer and skips. b goes back, q saves and quits, ? shows this help.";

/// What a line of only control keys gets.
pub const KEYS: &str = "That line held only special keys, such as arrows, which plain mode does not use. Type your answer and press Enter, or ? for help.";

/// The last line of the welcome text.
pub(crate) fn start_line(session: &Session, naming: bool) -> &'static str {
    if naming {
        return "Coach mode: type the mentee's name or initials and press Enter.";
    }
    match (session.resume(), session.meta().complete) {
        (None, _) => "Press Enter to start.",
        (Some(_), true) => "Press Enter to see its results.",
        (Some(_), false) => "Press Enter to continue where you left off.",
    }
}

/// The welcome text, line by line.
pub fn welcome(session: &Session, disk: &Disk, naming: bool) -> Vec<String> {
    let a = session.assessment();
    let mut lines = vec![a.title.trim().to_string()];
    if let Some(d) = &a.description {
        lines.push(d.trim().to_string());
    }
    lines.push(format!("{}.", a.length_in_words(", ")));
    lines.extend(saved(session, disk));
    lines.push("Answer each question by typing its number and pressing Enter. Enter alone skips a question that is not required. b goes back, q saves and quits, ? shows help.".to_string());
    if let Some(path) = &disk.path {
        lines.push(format!(
            "Your answers are saved as you go, in {}.",
            path.display()
        ));
    }
    lines.push(start_line(session, naming).to_string());
    lines
}

/// Whose saved session this is, how far it got, how to start a new one,
/// and (in coach mode) the person's earlier sessions.
pub fn saved(session: &Session, disk: &Disk) -> Vec<String> {
    let Some(resume) = session.resume() else {
        return Vec::new();
    };
    let meta = session.meta();
    let kept = if disk.people.is_some() {
        "the saved one is kept as it is"
    } else {
        "the old session is backed up"
    };
    let mut lines = vec![format!(
        "{} To start a new session instead, type n and press Enter; {kept}.",
        people::resume_words(meta.name.as_deref(), resume, meta.complete)
    )];
    if let Some(changed) = &resume.changed {
        lines.push(changed.clone());
    }
    if session.is_coach() && !resume.earlier.is_empty() {
        lines.push("Earlier sessions:".to_string());
        lines.extend(resume.earlier.iter().map(|e| format!("  {}", e.words())));
    }
    lines
}

/// The current question, its answers and how to answer, line by line;
/// the section's title first when `new_section`.
pub fn question(session: &Session, new_section: bool) -> Vec<String> {
    debug_assert_eq!(session.stage(), Stage::Question);
    let a = session.assessment();
    let qi = session.current();
    let q = session.question();
    let mut lines: Vec<String> = Vec::new();
    if new_section {
        let section = &a.sections[q.section];
        lines.push(format!(
            "Section {} of {}: {}",
            q.section + 1,
            a.sections.len(),
            section.title.trim()
        ));
        if let Some(intro) = &section.intro {
            lines.push(intro.trim().to_string());
        }
        lines.push(String::new());
    }
    let (position, shown) = session.position();
    let mut text = format!("[{position}/{shown}] {}", q.text.trim());
    if q.required {
        text.push_str(" (required)");
    }
    lines.push(text);
    if let Some(help) = &q.help {
        lines.push(help.trim().to_string());
    }
    if let Some(coach) = &q.coach {
        lines.push(format!("Coach: {}", coach.trim()));
    }
    // Every note this run may see, labelled with whose it is: a person's
    // run cannot hold the coach's private ones (`session::audience`).
    let coach = session.is_coach();
    for n in session.notes_on(crate::session::NoteTarget::Question(session.current())) {
        lines.push(format!("{}: {}", n.whose.label(coach), n.text.trim()));
    }
    // Options in the order this session shows them (`shuffle`).
    let order = session.shown(qi);
    fn in_order<'a>(order: &[usize], options: &'a [crate::assessment::Choice]) -> Vec<&'a str> {
        order.iter().map(|o| options[*o].label.as_str()).collect()
    }
    let numbered = |labels: Vec<&str>| -> Vec<String> {
        labels
            .iter()
            .enumerate()
            .map(|(i, l)| format!("{}. {}", i + 1, l.trim()))
            .collect()
    };
    let how = match &q.kind {
        // A number always counts the points from 1, as the digit keys
        // of the terminal app do, so that `1` is an answer everywhere.
        QuestionKind::Likert { scale, .. } if scale.labels.is_empty() && scale.min == 1 => {
            lines.push(format!("Scale: 1 to {}.", scale.max));
            format!("Type a number from 1 to {}.", scale.max)
        }
        QuestionKind::Likert { scale, .. } if scale.labels.is_empty() => {
            lines.push(format!(
                "Scale: {} to {}, its points numbered from 1:",
                scale.min, scale.max
            ));
            let values: Vec<String> = (scale.min..=scale.max).map(|v| v.to_string()).collect();
            lines.extend(numbered(values.iter().map(String::as_str).collect()));
            format!("Type a number from 1 to {}.", scale.points())
        }
        QuestionKind::Likert { scale, .. } => {
            lines.extend(numbered(scale.labels.iter().map(String::as_str).collect()));
            format!("Type a number from 1 to {}.", scale.points())
        }
        QuestionKind::Choice { options } => {
            lines.extend(numbered(in_order(&order, options)));
            format!("Type a number from 1 to {}.", options.len())
        }
        QuestionKind::Multi { options, min, max } => {
            lines.extend(numbered(in_order(&order, options)));
            format!(
                "{} Type their numbers, like 1 3.",
                multi::rule("Choose", *min, *max, options.len())
            )
        }
        QuestionKind::Rank { options } => {
            lines.extend(numbered(in_order(&order, options)));
            "Type the numbers in the order you prefer, most preferred first, like 3 1. Options you leave out follow in the order shown.".to_string()
        }
        QuestionKind::Text { max_length } => {
            format!("Type your answer, at most {max_length} characters.")
        }
    };
    let current = session.answers().get(qi);
    if let Some(answer) = current {
        lines.push(format!(
            "Current answer: {}",
            kinds::describe(&q.kind, answer)
        ));
    }
    let enter = if current.is_some() {
        " Enter alone keeps the current answer."
    } else if q.required {
        ""
    } else {
        " Enter alone skips."
    };
    lines.push(format!("{how}{enter}"));
    lines
}

/// Why a line was refused, for someone typing lines.
pub fn refusal(session: &Session, why: &Refusal) -> String {
    match why {
        Refusal::NoSuchOption { count } => format!(
            "There {} only {count} here: type a number from 1 to {count}.",
            if *count == 1 { "is" } else { "are" }
        ),
        Refusal::TooFew { chosen, .. } | Refusal::TooMany { chosen, .. } => {
            let rule = match &session.question().kind {
                QuestionKind::Multi { options, min, max } => {
                    multi::rule("Choose", *min, *max, options.len())
                }
                _ => String::new(),
            };
            format!("You chose {chosen}. {rule}")
        }
        Refusal::Repeated(o) => format!("{} is there twice: name each option once.", o + 1),
        Refusal::Incomplete { .. } => {
            "Name the options in the order you prefer, like 3 1.".to_string()
        }
        Refusal::AlreadyPlaced(o) => format!("{} is there twice: name each option once.", o + 1),
        Refusal::TooLong { length, max } => format!(
            "That answer has {length} characters; the most here is {max}. Please shorten it."
        ),
        Refusal::Required | Refusal::NothingPicked => {
            "This question needs an answer; it cannot be skipped.".to_string()
        }
        Refusal::NotSkippable => "This question is required, so it cannot be skipped.".to_string(),
        Refusal::Unranked => {
            "Type the numbers in the order you prefer, most preferred first, like 3 1.".to_string()
        }
    }
}
