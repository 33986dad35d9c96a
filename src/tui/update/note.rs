//! Notes (Ctrl-N) on a question or the whole session, and the coach's live
//! score panel.

use crate::field::Field;
use crate::session::{Effect, NOTE_LIMIT, NoteTarget};
use crate::tui::app::{App, NoteEditor, Status, View};
use crate::tui::keymap::{Message, key};

/// Opens the note editor: on the current question, or on the session
/// outside the questions. While presenting, a coach's note (perhaps
/// private) is not opened on the shared screen.
pub fn open(app: &mut App) {
    if app.presenting {
        app.status = Some(Status::Info(format!(
            "Presenting: the coach's notes open when presenting ends ({}).",
            key(app.context(), &Message::TogglePresenting)
        )));
        return;
    }
    let target = match app.view {
        View::Question => NoteTarget::Question(app.session.current()),
        _ => NoteTarget::Session,
    };
    let text = app.session.note(target);
    app.note = Some(NoteEditor {
        target,
        field: Field::multiline(&text, NOTE_LIMIT),
    });
}

/// Handles a message while the note editor is open.
pub(crate) fn on_note(app: &mut App, message: Message) -> Vec<Effect> {
    match message {
        Message::Edit(edit) => {
            if let Some(editor) = &mut app.note
                && !editor.field.apply(&edit)
            {
                app.status = Some(Status::Warning(format!(
                    "A note holds at most {NOTE_LIMIT} characters."
                )));
            }
            Vec::new()
        }
        Message::Close => close(app),
        Message::ToggleShared => toggle_shared(app),
        Message::Quit => {
            let mut effects = close(app);
            effects.extend(app.update(Message::Quit));
            effects
        }
        Message::Resize(w, h) => {
            app.size = (w, h);
            Vec::new()
        }
        Message::Help => {
            app.help = Some(0);
            Vec::new()
        }
        _ => Vec::new(),
    }
}

/// Closes the editor and keeps the note (an empty one removes it, and
/// unshares it).
fn close(app: &mut App) -> Vec<Effect> {
    let Some(editor) = app.note.take() else {
        return Vec::new();
    };
    let step = app.session.keep_note(editor.target, &editor.field.text());
    app.take(step)
}

/// Shares the note with the mentee or makes it private again. The text as
/// typed so far is kept first, so what is shared is what the coach sees,
/// and the editor stays open.
fn toggle_shared(app: &mut App) -> Vec<Effect> {
    let Some(editor) = &app.note else {
        return Vec::new();
    };
    let (target, text) = (editor.target, editor.field.text());
    let kept = app.session.keep_note(target, &text);
    let step = kept.then(app.session.toggle_shared(target));
    app.take(step)
}

/// Starts or ends presenting (coach mode only). An open note editor is
/// closed first, its note kept, so a private note never stays on a shared
/// screen.
pub(crate) fn toggle_presenting(app: &mut App) -> Vec<Effect> {
    if !app.session.is_coach() {
        app.status = Some(Status::Info(
            "Presenting is part of coach mode (crossroads run --coach).".into(),
        ));
        return Vec::new();
    }
    let effects = close(app);
    app.presenting = !app.presenting;
    let end = key(app.context(), &Message::TogglePresenting);
    app.status = Some(Status::Info(match app.presenting {
        true => format!(
            "Presenting: the coach's panel, scores and private notes are hidden; {end} ends it."
        ),
        false => "Presenting ended: the coach's panel is back.".into(),
    }));
    effects
}

/// Shows or hides the live scores; only coach mode has them, so that a
/// self-assessment is not steered by a running score.
pub(crate) fn toggle_scores(app: &mut App) {
    if app.presenting {
        app.status = Some(Status::Info(format!(
            "Presenting: the live scores stay hidden until presenting ends ({}).",
            key(app.context(), &Message::TogglePresenting)
        )));
    } else if app.session.is_coach() {
        app.scores_shown = !app.scores_shown;
    } else {
        app.status = Some(Status::Info(
            "The live score panel is part of coach mode (crossroads run --coach).".into(),
        ));
    }
}
