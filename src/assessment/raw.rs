//! Serde structs that mirror the YAML of assessment format 1.
//!
//! Every key is optional here so that a missing key becomes a located,
//! semantic problem (reported with all the others) instead of aborting the
//! parse. Unknown keys are refused by `deny_unknown_fields`.

use serde::de::{self, MapAccess, Visitor};
use serde::{Deserialize, Deserializer};
use std::fmt;

/// The whole file, as written.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAssessment {
    pub format: Option<serde_yaml::Value>,
    pub id: Option<String>,
    pub title: Option<String>,
    pub version: Option<Scalar>,
    pub description: Option<String>,
    pub estimated_minutes: Option<i64>,
    pub tie_margin: Option<f64>,
    pub scale: Option<RawScale>,
    pub bands: Option<Vec<RawBand>>,
    pub tracks: Option<Vec<RawTrack>>,
    pub axes: Option<Vec<RawAxis>>,
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

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawScale {
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub labels: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawBand {
    pub min: Option<f64>,
    pub label: Option<String>,
    pub message: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawTrack {
    pub id: Option<String>,
    pub name: Option<String>,
    pub short: Option<String>,
    pub summary: Option<String>,
    pub strengths: Option<Vec<String>>,
    pub growth: Option<Vec<String>>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawAxis {
    pub id: Option<String>,
    pub left: Option<String>,
    pub right: Option<String>,
    pub label: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawSection {
    pub id: Option<String>,
    pub title: Option<String>,
    pub intro: Option<String>,
    pub questions: Option<Vec<RawQuestion>>,
}

/// One question with the keys of every type; `validate` checks which keys
/// belong to the question's `type`.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawQuestion {
    pub id: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub text: Option<String>,
    pub help: Option<String>,
    pub coach: Option<String>,
    pub required: Option<bool>,
    pub show_if: Option<RawCondition>,
    pub weights: Option<RawWeights>,
    pub reverse: Option<bool>,
    pub scale: Option<RawScale>,
    pub options: Option<Vec<RawOption>>,
    pub min: Option<i64>,
    pub max: Option<i64>,
    pub max_length: Option<i64>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawOption {
    pub id: Option<String>,
    pub label: Option<String>,
    pub weights: Option<RawWeights>,
}

/// A `show_if` condition: exactly one of its forms is allowed, which
/// `validate` checks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RawCondition {
    pub question: Option<String>,
    pub is: Option<String>,
    #[serde(rename = "in")]
    pub in_: Option<Vec<String>>,
    pub at_least: Option<f64>,
    pub at_most: Option<f64>,
    pub answered: Option<bool>,
    pub all: Option<Vec<RawCondition>>,
    pub any: Option<Vec<RawCondition>>,
    pub not: Option<Box<RawCondition>>,
}

/// `weights: {track: number}` in file order. A repeated track is a parse
/// error rather than a silent overwrite.
#[derive(Debug, Default, Clone)]
pub struct RawWeights(pub Vec<(String, f64)>);

impl<'de> Deserialize<'de> for RawWeights {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct WeightsVisitor;
        impl<'de> Visitor<'de> for WeightsVisitor {
            type Value = RawWeights;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a mapping of track id to number, like { pm: 1, po: -0.5 }")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<RawWeights, A::Error> {
                let mut out: Vec<(String, f64)> = Vec::new();
                while let Some(key) = map.next_key::<String>()? {
                    let value: f64 = map.next_value()?;
                    if out.iter().any(|(k, _)| *k == key) {
                        return Err(de::Error::custom(format!(
                            "track \"{key}\" appears twice in weights; give each track one weight"
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
