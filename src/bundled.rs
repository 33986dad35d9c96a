//! Assessments embedded in the binary, so `crossroads` works from any folder.

/// A bundled assessment: its id and YAML text.
pub struct Bundled {
    pub id: &'static str,
    pub yaml: &'static str,
}

/// Every bundled assessment; the first is the default.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "career-tracks",
        yaml: include_str!("../assessments/career-tracks.yaml"),
    },
    Bundled {
        id: "quick-check",
        yaml: include_str!("../assessments/quick-check.yaml"),
    },
];

/// The bundled assessment with this id.
pub fn find(id: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.id == id)
}
