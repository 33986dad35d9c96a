//! Assessments embedded in the binary, so `crossroads` works from any folder.

/// A bundled assessment: its id, its YAML text, and the same document as
/// JSON (made by build.rs), which loads faster.
pub struct Bundled {
    pub id: &'static str,
    pub yaml: &'static str,
    pub json: &'static str,
}

/// Every bundled assessment; the first is the default.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "career-tracks",
        yaml: include_str!("../assessments/career-tracks.yaml"),
        json: include_str!(concat!(env!("OUT_DIR"), "/career-tracks.json")),
    },
    Bundled {
        id: "quick-check",
        yaml: include_str!("../assessments/quick-check.yaml"),
        json: include_str!(concat!(env!("OUT_DIR"), "/quick-check.json")),
    },
];

/// The bundled assessment with this id.
pub fn find(id: &str) -> Option<&'static Bundled> {
    BUNDLED.iter().find(|b| b.id == id)
}

impl Bundled {
    /// Loads and validates it, from the JSON (see `assessment::load_bundled`).
    pub fn load(
        &self,
    ) -> Result<
        (
            crate::assessment::Assessment,
            Vec<crate::assessment::Problem>,
        ),
        crate::assessment::Rejected,
    > {
        crate::assessment::load_bundled(self.id, self.yaml.as_bytes(), self.json)
    }
}
