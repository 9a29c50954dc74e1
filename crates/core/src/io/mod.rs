//! Import and export: the dataset JSON (the format itself), and two CSV views,
//! `indicators` (one row per indicator with computed metrics, export only) and
//! `observations` (one row per value, export and import).
//!
//! CSV is written UTF-8 with a BOM and CRLF line ends so that Japanese Excel opens it
//! correctly. Import accepts JSON or the observations CSV (comma- or tab-separated, LF or
//! CRLF), in UTF-8 (with or without BOM), UTF-16 with a BOM or Shift_JIS/CP932, validates
//! everything and reports every problem with its line,
//! column and field ([`crate::ImportError`]). The current data is never touched by a
//! failed import: functions here return a new [`Dataset`] or the errors.

pub mod csv;
pub mod decode;
pub mod json;
pub mod minify;
pub mod validate;

use crate::error::{ErrorKind, ImportError, ImportErrors};
use crate::model::Dataset;

/// What an import read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ImportKind {
    DatasetJson,
    ObservationsCsv,
}

/// Imports a file of either kind: JSON replaces the dataset; an observations CSV updates
/// the observations of `base` (rows with the same key replace, new rows are added).
/// Shift_JIS is decoded by `encoding_rs`.
#[cfg(feature = "encoding-rs")]
pub fn import_any(base: &Dataset, bytes: &[u8]) -> Result<(Dataset, ImportKind), ImportErrors> {
    import_any_with(base, bytes, &decode::EncodingRs)
}

/// [`import_any`] with the given Shift_JIS decoder (the browser passes its `TextDecoder`).
/// This is the one import path of the CLI and the app: decoding, line ends and line
/// numbers, the kind of file, and validation all happen here.
pub fn import_any_with(
    base: &Dataset,
    bytes: &[u8],
    sjis: &dyn decode::ShiftJisDecoder,
) -> Result<(Dataset, ImportKind), ImportErrors> {
    let (text, _) = decode::decode_with(bytes, sjis).map_err(ImportErrors::single)?;
    let trimmed = text.trim_start();
    if trimmed.is_empty() {
        return Err(ImportErrors::single(ImportError::new(ErrorKind::Empty)));
    }
    if trimmed.starts_with('{') {
        return json::from_json_str(&text).map(|d| (d, ImportKind::DatasetJson));
    }
    let first_line = trimmed.lines().next().unwrap_or("");
    if first_line.contains("indicator_id")
        && first_line.contains("raw")
        && first_line.contains("role")
    {
        return csv::import_observations(base, &text).map(|d| (d, ImportKind::ObservationsCsv));
    }
    Err(ImportErrors::single(
        ImportError::new(ErrorKind::UnknownFormat).at(Some(1), None),
    ))
}
