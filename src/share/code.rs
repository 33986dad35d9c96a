//! The one-time code a mentee types at the password prompt.
//!
//! Sixteen digits in four groups (53 bits), easy to read aloud and to type
//! on any keyboard; drawn from the operating system's random source, good
//! for one run of the coach's program only, and compared in constant time.

use subtle::ConstantTimeEq;

/// How many digits a code has.
pub const DIGITS: usize = 16;

/// A code for this session.
#[derive(Clone, PartialEq, Eq)]
pub struct Code([u8; DIGITS]);

/// The code is a secret: it is never printed by `Debug`.
impl std::fmt::Debug for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Code(..)")
    }
}

impl Code {
    /// A new random code.
    pub fn random() -> anyhow::Result<Code> {
        let mut digits = [0u8; DIGITS];
        let mut at = 0;
        while at < DIGITS {
            let mut bytes = [0u8; 32];
            getrandom::fill(&mut bytes)
                .map_err(|e| anyhow::anyhow!("no random numbers for the code: {e}"))?;
            // Bytes of 250 and above are dropped, so each digit is as
            // likely as any other.
            for b in bytes.into_iter().filter(|b| *b < 250) {
                if at < DIGITS {
                    digits[at] = b'0' + b % 10;
                    at += 1;
                }
            }
        }
        Ok(Code(digits))
    }

    /// The code as it is said and shown: `4821-0937-1156-6620`.
    pub(crate) fn spoken(&self) -> String {
        self.0
            .chunks(4)
            .map(|c| String::from_utf8_lossy(c).into_owned())
            .collect::<Vec<_>>()
            .join("-")
    }

    /// Whether a typed password is the code. Only digits count, so spaces
    /// or dashes typed between the groups do not matter; the comparison
    /// takes the same time whichever digit is wrong.
    pub fn matches(&self, typed: &str) -> bool {
        let mut digits = [0u8; DIGITS];
        let mut n = 0usize;
        for b in typed.bytes().filter(u8::is_ascii_digit) {
            if n < DIGITS {
                digits[n] = b;
            }
            n += 1;
        }
        bool::from(digits.ct_eq(&self.0)) && n == DIGITS
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_sixteen_digits_in_four_groups() {
        let spoken = Code::random().unwrap().spoken();
        assert_eq!(spoken.len(), 19);
        assert!(
            spoken
                .split('-')
                .all(|g| g.len() == 4 && g.bytes().all(|b| b.is_ascii_digit()))
        );
    }

    #[test]
    fn the_code_matches_with_or_without_separators() {
        let code = Code(*b"1234567890123456");
        assert!(code.matches("1234-5678-9012-3456"));
        assert!(code.matches("1234 5678 9012 3456"));
        assert!(code.matches("1234567890123456"));
    }

    #[test]
    fn a_wrong_short_or_long_code_does_not_match() {
        let code = Code(*b"1234567890123456");
        assert!(!code.matches("1234-5678-9012-3457"));
        assert!(!code.matches("1234-5678-9012-345"));
        assert!(!code.matches("1234-5678-9012-34561"));
        assert!(!code.matches(""));
    }

    #[test]
    fn two_codes_differ() {
        assert_ne!(Code::random().unwrap(), Code::random().unwrap());
    }

    #[test]
    fn debug_does_not_print_the_code() {
        let code = Code(*b"1234567890123456");
        assert!(!format!("{code:?}").contains("1234"));
    }
}
