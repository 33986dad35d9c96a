//! Every string of an assessment that may be drawn, made safe to draw
//! ([`crate::sanitize`]) once, when a session opens it.

use super::{Assessment, QuestionKind};
use crate::sanitize::{clean_in_place, is_unsafe};

fn clean_labels(labels: &mut std::sync::Arc<[String]>) {
    if labels.iter().any(|l| l.chars().any(is_unsafe)) {
        let mut own = labels.to_vec();
        own.iter_mut().for_each(clean_in_place);
        *labels = own.into();
    }
}

fn clean_opt(s: &mut Option<String>) {
    if let Some(s) = s {
        clean_in_place(s);
    }
}

/// Cleans every string of an assessment that may be drawn.
pub fn clean(a: &mut Assessment) {
    clean_in_place(&mut a.title);
    clean_opt(&mut a.description);
    clean_opt(&mut a.version);
    for b in &mut a.bands {
        clean_in_place(&mut b.label);
        clean_opt(&mut b.message);
    }
    for t in &mut a.tracks {
        clean_in_place(&mut t.name);
        clean_in_place(&mut t.short);
        clean_opt(&mut t.summary);
        t.strengths.iter_mut().for_each(clean_in_place);
        t.growth
            .iter_mut()
            .for_each(|g| clean_in_place(&mut g.text));
    }
    for b in &mut a.blends {
        b.growth
            .iter_mut()
            .for_each(|g| clean_in_place(&mut g.text));
    }
    for x in &mut a.axes {
        clean_in_place(&mut x.label);
    }
    for s in &mut a.sections {
        clean_in_place(&mut s.title);
        clean_opt(&mut s.intro);
    }
    for q in &mut a.questions {
        clean_in_place(&mut q.text);
        clean_opt(&mut q.help);
        clean_opt(&mut q.coach);
        match &mut q.kind {
            QuestionKind::Likert { scale, .. } => clean_labels(&mut scale.labels),
            QuestionKind::Choice { options }
            | QuestionKind::Multi { options, .. }
            | QuestionKind::Rank { options } => {
                for o in options {
                    clean_in_place(&mut o.label);
                }
            }
            QuestionKind::Text { .. } => {}
        }
    }
}
