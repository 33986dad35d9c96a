//! Text questions: free text up to `max_length` characters, never scored.

use super::Answer;
use super::Refusal;
use crate::field::Field;

/// The text being typed, with its cursor.
pub type Draft = Field;

/// A field holding the saved answer, limited to `max_length`.
pub fn draft(max_length: usize, answer: Option<&Answer>) -> Draft {
    let text = match answer {
        Some(Answer::Text(t)) => t.as_str(),
        _ => "",
    };
    Field::new(text, max_length)
}

/// The answer a typed text gives: none when it is empty.
pub fn answer(text: String) -> Option<Answer> {
    (!text.is_empty()).then_some(Answer::Text(text))
}

/// At most `max` characters.
pub fn check(max: usize, text: &str) -> Result<(), Refusal> {
    let length = text.chars().count();
    if length > max {
        Err(Refusal::TooLong { length, max })
    } else {
        Ok(())
    }
}

/// The text in quotes.
pub(crate) fn describe(text: &str) -> String {
    format!("\"{text}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_text_of_max_length_passes_and_one_more_character_does_not() {
        assert_eq!(check(3, "abc"), Ok(()));
        assert_eq!(
            check(3, "abcd"),
            Err(Refusal::TooLong { length: 4, max: 3 })
        );
        assert_eq!(check(3, "äöü"), Ok(()), "characters, not bytes");
    }

    #[test]
    fn an_empty_text_is_no_answer() {
        assert_eq!(answer(String::new()), None);
    }
}
