//! Serde structs that mirror the YAML of assessment format 1.
//!
//! Every key is optional here so that a missing key becomes a located,
//! semantic problem (reported with all the others) instead of aborting the
//! parse. Unknown keys are refused by `deny_unknown_fields`.

pub use super::events::Pos;
use compact_str::CompactString;
use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;
use std::ops::Deref;

/// A text and where its value is written, so a problem with it points
/// there. From JSON (the bundled assessments) the place is unknown.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Text {
    /// Ids and other short texts (24 bytes or fewer, nearly all of them)
    /// are held inline, without an allocation of their own: a large file
    /// has hundreds of thousands of them.
    pub text: CompactString,
    pub at: Pos,
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        &self.text
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Text {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(|text| Text {
            text: text.into(),
            at: Pos::default(),
        })
    }
}

/// A number or other value and where it is written.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct Spanned<T> {
    pub value: T,
    pub at: Pos,
}

impl<T> Deref for Spanned<T> {
    type Target = T;
    fn deref(&self) -> &T {
        &self.value
    }
}

impl<'de, T: Deserialize<'de>> Deserialize<'de> for Spanned<T> {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        T::deserialize(d).map(|value| Spanned {
            value,
            at: Pos::default(),
        })
    }
}

/// The whole file, as written.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub format: Option<Spanned<serde_yaml::Value>>,
    pub id: Option<Text>,
    pub title: Option<String>,
    pub version: Option<Scalar>,
    pub description: Option<String>,
    pub estimated_minutes: Option<Spanned<i64>>,
    pub tie_margin: Option<Spanned<f64>>,
    pub scale: Option<RawScale>,
    /// Options of choice, multi and rank questions shown in an order drawn
    /// for each session, unless a question says otherwise.
    pub shuffle: Option<bool>,
    pub bands: Option<Vec<RawBand>>,
    pub tracks: Option<Vec<RawTrack>>,
    pub axes: Option<Vec<RawAxis>>,
    pub blends: Option<Vec<RawBlend>>,
    pub sections: Option<Vec<RawSection>>,
}

/// A string, or a number or bool written where a string was meant
/// (`version: 2` is read as `"2"`).
#[derive(Debug, Clone)]
pub struct Scalar(pub String);

impl<'de> Deserialize<'de> for Scalar {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        match serde_yaml::Value::deserialize(d)? {
            serde_yaml::Value::String(s) => Ok(Scalar(s)),
            serde_yaml::Value::Number(n) => Ok(Scalar(n.to_string())),
            serde_yaml::Value::Bool(b) => Ok(Scalar(b.to_string())),
            _ => Err(de::Error::custom(
                "expected a text value such as \"2026.1\"",
            )),
        }
    }
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    #[serde(skip)]
    pub at: Pos,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub labels: Option<Vec<String>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    #[serde(skip)]
    pub at: Pos,
    pub min: Option<Spanned<f64>>,
    pub label: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    #[serde(skip)]
    pub at: Pos,
    pub id: Option<Text>,
    pub name: Option<String>,
    pub short: Option<Text>,
    pub summary: Option<String>,
    pub strengths: Option<Vec<String>>,
    pub growth: Option<Vec<RawStep>>,
}

/// A growth step: plain words, or `{ step: words, show_if: condition }`
/// for a step offered only to the people the condition holds for.
#[derive(Debug, Default)]
pub struct RawStep {
    pub at: Pos,
    pub step: Option<String>,
    pub show_if: Option<RawCondition>,
}

impl<'de> Deserialize<'de> for RawStep {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(deny_unknown_fields)]
        struct Written {
            step: Option<String>,
            show_if: Option<RawCondition>,
        }
        #[derive(Deserialize)]
        #[serde(untagged)]
        enum Form {
            Words(String),
            Written(Box<Written>),
        }
        Ok(match Form::deserialize(d)? {
            Form::Words(w) => RawStep {
                step: Some(w),
                ..Default::default()
            },
            Form::Written(w) => RawStep {
                step: w.step,
                show_if: w.show_if,
                ..Default::default()
            },
        })
    }
}

/// Steps for a person whose result is a blend of two tracks.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBlend {
    #[serde(skip)]
    pub at: Pos,
    pub tracks: Option<Vec<Text>>,
    pub growth: Option<Vec<RawStep>>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAxis {
    #[serde(skip)]
    pub at: Pos,
    pub id: Option<Text>,
    pub left: Option<Text>,
    pub right: Option<Text>,
    pub label: Option<String>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    #[serde(skip)]
    pub at: Pos,
    pub id: Option<Text>,
    pub title: Option<String>,
    pub intro: Option<String>,
    pub questions: Option<Vec<RawQuestion>>,
}

/// One question with the keys of every type; `validate` checks which keys
/// belong to the question's `type`.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    #[serde(skip)]
    pub at: Pos,
    pub id: Option<Text>,
    #[serde(rename = "type")]
    pub kind: Option<Text>,
    pub text: Option<String>,
    pub help: Option<String>,
    pub coach: Option<String>,
    pub required: Option<bool>,
    /// Boxed, as is `scale`: most questions have neither, and a question is
    /// held for every question of the file until it is validated.
    pub show_if: Option<Box<RawCondition>>,
    pub weights: Option<RawWeights>,
    pub reverse: Option<bool>,
    pub scale: Option<Box<RawScale>>,
    pub options: Option<Vec<RawOption>>,
    pub min: Option<Spanned<i64>>,
    pub max: Option<Spanned<i64>>,
    pub max_length: Option<Spanned<i64>>,
    pub shuffle: Option<bool>,
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    #[serde(skip)]
    pub at: Pos,
    pub id: Option<Text>,
    pub label: Option<String>,
    pub weights: Option<RawWeights>,
}

/// A `show_if` condition: exactly one of its forms is allowed, which
/// `validate` checks.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    #[serde(skip)]
    pub at: Pos,
    pub question: Option<Text>,
    pub is: Option<Text>,
    #[serde(rename = "in")]
    pub in_: Option<Vec<Text>>,
    pub at_least: Option<Spanned<f64>>,
    pub at_most: Option<Spanned<f64>>,
    pub answered: Option<bool>,
    pub all: Option<Vec<RawCondition>>,
    pub any: Option<Vec<RawCondition>>,
    pub not: Option<Box<RawCondition>>,
}

/// `weights: {track: number}` in file order, each track with where it is
/// written. A repeated track is a parse error rather than a silent overwrite.
/// Most weights name one or two tracks: held inline, not allocated, for
/// every option of a large file.
#[derive(Debug, Default, Clone)]
pub struct RawWeights(pub smallvec::SmallVec<[(Text, f64); 2]>);

impl<'de> Deserialize<'de> for RawWeights {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct WeightsVisitor;
        impl<'de> Visitor<'de> for WeightsVisitor {
            type Value = RawWeights;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of track id to number, like { pm: 1, po: -0.5 }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawWeights, A::Error> {
                let mut out = smallvec::SmallVec::new();
                while let Some(key) = map.next_key::<Text>()? {
                    let value: f64 = map.next_value()?;
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!(
                            "track \"{}\" appears twice in weights; give each track one weight",
                            key.text
                        )));
                    }
                    out.push((key, value));
                }
                Ok(RawWeights(out))
            }
        }
        d.deserialize_map(WeightsVisitor)
    }
}
