//! # machi-kpi-core
//!
//! The browser-free heart of machi-kpi: the Isesaki City strategy dataset, its import and
//! export, and every number the app shows. It compiles natively (tests, the `machi-kpi`
//! CLI, benchmarks) and to `wasm32-unknown-unknown` (the Yew app), and depends on no web
//! crate: no yew, web-sys or charming.
//!
//! - [`model`]: the dataset types (strategy, indicators, observations with raw cells).
//! - [`cell`]: parsing source cells (`11,942億円 (平成30年)`) into values and periods.
//! - [`io`]: JSON and CSV import/export with positioned errors ([`ImportError`]).
//! - [`analysis`]: achievement, projections, COVID impact, status breakdowns, revisions.
//! - [`synthetic`]: generated datasets for benchmarks and property tests.
//!
//! The embedded dataset ([`Dataset::embedded`]) is `www/data/dataset.json`, compiled in
//! without its layout whitespace.

pub mod analysis;
pub mod cell;
pub mod error;
pub mod io;
pub mod model;
pub mod ruby;
pub mod synthetic;

pub use error::{ErrorKind, ImportError, ImportErrors, Position, Text, Thing};
pub use model::*;

/// The embedded dataset's JSON text: `www/data/dataset.json` (the file served as
/// `data/dataset.json` too) without its layout whitespace ([`io::minify`], by `build.rs`).
pub const EMBEDDED_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/dataset.min.json"));

impl Dataset {
    /// Parses and validates the embedded dataset.
    pub fn embedded() -> Result<Dataset, ImportErrors> {
        io::json::from_json_str(EMBEDDED_JSON)
    }
}
