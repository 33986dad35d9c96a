//! Notes (Ctrl-N) on a question or the whole session, and the coach's live
//! score panel.

use super::app::{App, NOTE_LIMIT, NoteEditor, NoteTarget, Screen, Status};
use super::field::Field;
use super::keymap::Message;

/// Opens the note editor: on the current question, or on the session
/// outside the questions.
pub fn open(app: &mut App) {
    let target = match app.screen {
        Screen::Question => NoteTarget::Question(app.current),
        _ => NoteTarget::Session,
    };
    let text = note_text(app, target);
    app.note = Some(NoteEditor {
        target,
        field: Field::multiline(&text, NOTE_LIMIT),
    });
}

/// The saved note of a target (empty if none).
pub fn note_text(app: &App, target: NoteTarget) -> String {
    match target {
        NoteTarget::Question(q) => app
            .answers
            .notes
            .get(&app.assessment.questions[q].id)
            .cloned()
            .unwrap_or_default(),
        NoteTarget::Session => app.saving.meta.note.clone().unwrap_or_default(),
    }
}

/// Handles a message while the note editor is open.
pub fn on_note(app: &mut App, message: Message) {
    match message {
        Message::Edit(edit) => {
            if let Some(editor) = &mut app.note
                && !editor.field.apply(&edit)
            {
                app.status = Some(Status::Warning(format!(
                    "A note holds at most {NOTE_LIMIT} characters."
                )));
            }
        }
        Message::Close => close(app),
        Message::Quit => {
            close(app);
            app.update(Message::Quit);
        }
        Message::Resize(w, h) => app.size = (w, h),
        Message::Help => app.help_open = true,
        _ => {}
    }
}

/// Closes the editor, keeps the note and saves it at once. An empty note
/// removes the note.
pub fn close(app: &mut App) {
    let Some(editor) = app.note.take() else {
        return;
    };
    let text = editor.field.text();
    let text = text.trim_end();
    let kept = (!text.trim().is_empty()).then(|| text.to_string());
    match editor.target {
        NoteTarget::Question(q) => {
            let id = app.assessment.questions[q].id.clone();
            match kept {
                Some(t) => app.answers.notes.insert(id, t),
                None => app.answers.notes.remove(&id),
            };
        }
        NoteTarget::Session => app.saving.meta.note = kept,
    }
    app.save();
    app.status = Some(Status::Info("Note saved.".into()));
}

/// Shows or hides the live scores; only coach mode has them, so that a
/// self-assessment is not steered by a running score.
pub fn toggle_scores(app: &mut App) {
    if app.saving.meta.coach {
        app.scores_shown = !app.scores_shown;
    } else {
        app.status = Some(Status::Info(
            "The live score panel is part of coach mode (crossroads run --coach).".into(),
        ));
    }
}
