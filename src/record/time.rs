//! Times in a session file: UTC seconds since the epoch, written as the
//! RFC 3339 text `2026-12-01T10:00:00Z` and shown to people in words.

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A moment in UTC, to the second.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Timestamp(i64);

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

impl Timestamp {
    /// The moment `secs` seconds after 1970-01-01T00:00:00Z.
    pub fn from_secs(secs: i64) -> Self {
        Timestamp(secs)
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub(crate) fn secs(self) -> i64 {
        self.0
    }

    /// Now. A clock set before 1970 reads as 1970.
    pub fn now() -> Self {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX));
        Timestamp(secs)
    }

    /// (year, month 1..=12, day 1..=31, hour, minute, second).
    fn parts(self) -> (i64, i64, i64, i64, i64, i64) {
        let (days, rem) = (self.0.div_euclid(86_400), self.0.rem_euclid(86_400));
        let (y, m, d) = civil_from_days(days);
        (y, m, d, rem / 3600, rem % 3600 / 60, rem % 60)
    }

    /// For people: "2026-12-01 10:00 UTC".
    pub fn words(&self) -> String {
        let (y, m, d, h, min, _) = self.parts();
        format!("{y:04}-{m:02}-{d:02} {h:02}:{min:02} UTC")
    }

    /// The day for people: "1 December 2026".
    pub fn date(&self) -> String {
        let (y, m, d, ..) = self.parts();
        format!("{d} {} {y}", MONTHS[(m - 1) as usize])
    }

    /// The day as `YYYY-MM-DD`.
    pub fn iso_date(&self) -> String {
        let (y, m, d, ..) = self.parts();
        format!("{y:04}-{m:02}-{d:02}")
    }
}

/// As written in files: `YYYY-MM-DDTHH:MM:SSZ`.
impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d, h, min, s) = self.parts();
        write!(f, "{y:04}-{m:02}-{d:02}T{h:02}:{min:02}:{s:02}Z")
    }
}

/// Reads RFC 3339: `2026-12-01T10:00:00Z`, also with fractions of a second
/// (dropped) or an offset such as `+01:00` (applied), as a person editing the
/// file by hand may write.
impl std::str::FromStr for Timestamp {
    type Err = String;

    fn from_str(text: &str) -> Result<Self, String> {
        parse(text.trim()).ok_or_else(|| {
            format!(
                "\"{}\" is not a time; write it as YYYY-MM-DDTHH:MM:SSZ, such as 2026-12-01T10:00:00Z",
                text.chars().filter(|c| !c.is_control()).take(40).collect::<String>()
            )
        })
    }
}

fn parse(text: &str) -> Option<Timestamp> {
    let b = text.as_bytes();
    let num = |from: usize, len: usize| -> Option<i64> {
        let s = text.get(from..from + len)?;
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let sep = |at: usize, ok: &[u8]| b.get(at).is_some_and(|c| ok.contains(c));
    if !(sep(4, b"-") && sep(7, b"-") && sep(10, b"Tt ") && sep(13, b":") && sep(16, b":")) {
        return None;
    }
    let (y, m, d) = (num(0, 4)?, num(5, 2)?, num(8, 2)?);
    let (h, min, s) = (num(11, 2)?, num(14, 2)?, num(17, 2)?);
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let month_days = [
        31,
        if leap { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    // A leap second (60) is read as the last second of its minute.
    if !(1..=12).contains(&m)
        || d < 1
        || d > month_days[(m - 1) as usize]
        || h > 23
        || min > 59
        || s > 60
    {
        return None;
    }
    let mut rest = &text[19..];
    if let Some(frac) = rest.strip_prefix('.') {
        let digits = frac.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        rest = &frac[digits..];
    }
    let offset = match rest.as_bytes() {
        [b'Z' | b'z'] => 0,
        [sign @ (b'+' | b'-'), _, _, b':', _, _] => {
            let (oh, om) = (num(text.len() - 5, 2)?, num(text.len() - 2, 2)?);
            if oh > 23 || om > 59 {
                return None;
            }
            let o = oh * 3600 + om * 60;
            if *sign == b'-' { -o } else { o }
        }
        _ => return None,
    };
    let secs = days_from_civil(y, m, d) * 86_400 + h * 3600 + min * 60 + s.min(59);
    Some(Timestamp(secs - offset))
}

/// Days since 1970-01-01 of a civil date (Howard Hinnant's algorithm).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = if m > 2 { m - 3 } else { m + 9 };
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

/// The civil date (year, month, day) of days since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(month <= 2), month, day)
}

impl Serialize for Timestamp {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

/// `Option<Timestamp>` as session files hold it: `''` (or no key, or null)
/// for no time yet, which is what the app has always written.
pub mod optional {
    use super::Timestamp;
    use serde::{Deserialize, Deserializer, Serializer};

    /// Writes the time, or `''` for none.
    pub(crate) fn serialize<S: Serializer>(t: &Option<Timestamp>, s: S) -> Result<S::Ok, S::Error> {
        match t {
            Some(t) => s.collect_str(t),
            None => s.serialize_str(""),
        }
    }

    /// Reads a time; empty text or null is none, anything else must be a time.
    pub(crate) fn deserialize<'de, D: Deserializer<'de>>(
        d: D,
    ) -> Result<Option<Timestamp>, D::Error> {
        match Option::<String>::deserialize(d)? {
            Some(text) if !text.trim().is_empty() => {
                text.parse().map(Some).map_err(serde::de::Error::custom)
            }
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Timestamp;

    fn t(text: &str) -> Timestamp {
        text.parse().unwrap()
    }

    #[test]
    fn written_text_reads_back_and_shows_in_words() {
        let stamp = t("2026-12-01T10:00:00Z");
        assert_eq!(stamp.to_string(), "2026-12-01T10:00:00Z");
        assert_eq!(stamp.words(), "2026-12-01 10:00 UTC");
        assert_eq!(stamp.date(), "1 December 2026");
        assert_eq!(stamp.iso_date(), "2026-12-01");
        assert_eq!(t("1970-01-01T00:00:00Z").secs(), 0);
        assert_eq!(
            t("2000-02-29T23:59:59Z").to_string(),
            "2000-02-29T23:59:59Z"
        );
    }

    #[test]
    fn every_day_from_year_0_to_9999_goes_round() {
        for days in (-719_468..2_932_896).step_by(7) {
            let stamp = Timestamp::from_secs(days * 86_400 + 3_723);
            assert_eq!(t(&stamp.to_string()), stamp);
        }
    }

    #[test]
    fn offsets_and_fractions_are_read() {
        assert_eq!(
            t("2026-12-01T11:30:00.250+01:30"),
            t("2026-12-01T10:00:00Z")
        );
        assert_eq!(t("2026-12-01 10:00:00z"), t("2026-12-01T10:00:00Z"));
    }

    #[test]
    fn garbage_is_refused_in_a_sentence() {
        for bad in [
            "yesterday",
            "2026-13-01T00:00:00Z",
            "2026-02-29T00:00:00Z",
            "2026-12-01T24:00:00Z",
            "2026-12-01T10:00:00",
            "2026-12-01T10:00:00+0100",
            "+026-12-01T10:00:00Z",
            "2026-+1-01T10:00:00Z",
            "2026-12-+1T10:00:00Z",
            "2026-12-01T+1:00:00Z",
            "2026-12-01T10:+0:+0Z",
            "2026-12-01T10:00:00++1:00",
            "2026-12-01T10:00:00+01:+0",
            "2026-12-01T10:00:00.Z",
        ] {
            let e = bad.parse::<Timestamp>().unwrap_err();
            assert!(
                e.contains("is not a time; write it as YYYY-MM-DDTHH:MM:SSZ"),
                "{bad}: {e}"
            );
        }
    }
}
