//! Keeping an imported dataset in the browser (`localStorage`) so that it
//! survives a reload until the reader goes back to the embedded data.
//!
//! One versioned key, [`KEY`], holds one record: a line of metadata (file
//! name and kind, as JSON) and, after a newline, the validated dataset in the
//! dataset JSON format (`docs/data-format.md`). On start-up the record is
//! read back through the core's JSON import, so it is validated again; a
//! record that no longer validates (or was written by another version of the
//! app under another key) is removed and the reader is told.
//!
//! Storage can be missing or refuse to write (private windows, storage
//! switched off, a sandboxed or third-party iframe, quota). Every browser call
//! returns a [`StorageError`] instead of panicking, and the app keeps working
//! with the data in memory. The encoding and key handling are pure functions,
//! tested natively.

use machi_kpi_core::io::json::{from_json_str, to_json_string};
use machi_kpi_core::Dataset;
use serde::{Deserialize, Serialize};

use crate::i18n::Lang;

/// The one key the app writes. Bump the version when the record changes.
pub const KEY: &str = "machi-kpi:imported-dataset:v1";

/// Every version of the key starts with this; older ones are removed.
pub const KEY_PREFIX: &str = "machi-kpi:imported-dataset:";

/// What kind of file the reader imported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportedKind {
    /// A whole dataset (JSON).
    DatasetJson,
    /// An observations CSV applied to the embedded dataset.
    ObservationsCsv,
}

impl From<machi_kpi_core::io::ImportKind> for ImportedKind {
    fn from(kind: machi_kpi_core::io::ImportKind) -> Self {
        match kind {
            machi_kpi_core::io::ImportKind::DatasetJson => ImportedKind::DatasetJson,
            machi_kpi_core::io::ImportKind::ObservationsCsv => ImportedKind::ObservationsCsv,
        }
    }
}

/// The metadata line of a stored record.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StoredMeta {
    /// The file name the reader chose (shown in the banner).
    pub name: String,
    pub kind: ImportedKind,
}

/// Why a stored record cannot be used, or storage cannot be written.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StorageError {
    /// No `localStorage` (switched off, sandboxed iframe, not a browser).
    Unavailable,
    /// The browser refused to write: storage is full.
    Full,
    /// The stored record is damaged or no longer valid.
    Corrupt(String),
    /// Anything else the browser reported.
    Other(String),
}

impl StorageError {
    /// The reason in plain words, for "cannot keep the data (…)".
    pub fn reason(&self, lang: Lang) -> String {
        match (self, lang.is_japanese()) {
            (StorageError::Unavailable, true) => "ブラウザの保存機能が使えません".into(),
            (StorageError::Unavailable, false) => "the browser's storage is switched off".into(),
            (StorageError::Full, true) => "保存できる容量を超えています".into(),
            (StorageError::Full, false) => "the browser's storage is full".into(),
            (StorageError::Corrupt(m), _) | (StorageError::Other(m), _) => m.clone(),
        }
    }
}

/// The stored text for `meta` and a dataset already serialised as JSON.
pub fn encode(meta: &StoredMeta, dataset_json: &str) -> String {
    // Serialising two plain strings cannot fail; fall back to a safe default anyway.
    let head = serde_json::to_string(meta).unwrap_or_else(|_| "{}".into());
    format!("{head}\n{dataset_json}")
}

/// Splits a stored text into its metadata and the dataset JSON.
pub fn decode(stored: &str) -> Result<(StoredMeta, &str), StorageError> {
    let (head, body) = stored
        .split_once('\n')
        .ok_or_else(|| StorageError::Corrupt("no metadata line".into()))?;
    let meta: StoredMeta =
        serde_json::from_str(head).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    if meta.name.trim().is_empty() {
        return Err(StorageError::Corrupt("empty file name".into()));
    }
    Ok((meta, body))
}

/// Decodes and validates a stored record (the core's JSON import checks it all again).
pub fn restore(stored: &str) -> Result<(StoredMeta, Dataset), StorageError> {
    let (meta, body) = decode(stored)?;
    let dataset = from_json_str(body).map_err(|e| StorageError::Corrupt(e.to_string()))?;
    Ok((meta, dataset))
}

/// True for keys of other (older or newer) record versions, which are removed.
pub fn is_stale_key(key: &str) -> bool {
    key.starts_with(KEY_PREFIX) && key != KEY
}

#[cfg(target_arch = "wasm32")]
fn local_storage() -> Result<web_sys::Storage, StorageError> {
    // `window.localStorage` itself throws in sandboxed iframes and when storage is off.
    web_sys::window()
        .ok_or(StorageError::Unavailable)?
        .local_storage()
        .map_err(|_| StorageError::Unavailable)?
        .ok_or(StorageError::Unavailable)
}

#[cfg(target_arch = "wasm32")]
fn write_error(err: &wasm_bindgen::JsValue) -> StorageError {
    use wasm_bindgen::JsCast;
    let name = err
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
        .or_else(|| err.dyn_ref::<web_sys::DomException>().map(|e| e.name()))
        .unwrap_or_default();
    match name.as_str() {
        "QuotaExceededError" | "NS_ERROR_DOM_QUOTA_REACHED" => StorageError::Full,
        "SecurityError" => StorageError::Unavailable,
        _ => StorageError::Other(crate::echarts::js_error_text(err)),
    }
}

/// Keeps `dataset` (already validated) under [`KEY`], removing other versions.
pub fn save(meta: &StoredMeta, dataset: &Dataset) -> Result<(), StorageError> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = local_storage()?;
        remove_stale(&storage);
        let text = encode(meta, &to_json_string(dataset));
        storage.set_item(KEY, &text).map_err(|e| write_error(&e))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (meta, to_json_string(dataset));
        Err(StorageError::Unavailable)
    }
}

/// The stored record, if any: `None` when nothing is stored (or storage is
/// unavailable, which then looks the same as "nothing imported"). A damaged
/// record is removed and reported.
pub fn load() -> Option<Result<(StoredMeta, Dataset), StorageError>> {
    #[cfg(target_arch = "wasm32")]
    {
        let storage = local_storage().ok()?;
        remove_stale(&storage);
        let text = storage.get_item(KEY).ok().flatten()?;
        let restored = restore(&text);
        if restored.is_err() {
            let _ = storage.remove_item(KEY);
        }
        Some(restored)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        None
    }
}

/// Forgets the imported dataset.
pub fn clear() {
    #[cfg(target_arch = "wasm32")]
    if let Ok(storage) = local_storage() {
        let _ = storage.remove_item(KEY);
    }
}

#[cfg(target_arch = "wasm32")]
fn remove_stale(storage: &web_sys::Storage) {
    let len = storage.length().unwrap_or(0);
    let stale: Vec<String> = (0..len)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|k| is_stale_key(k))
        .collect();
    for key in stale {
        let _ = storage.remove_item(&key);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta() -> StoredMeta {
        StoredMeta {
            name: "fy2022.csv".into(),
            kind: ImportedKind::ObservationsCsv,
        }
    }

    #[test]
    fn a_record_round_trips_and_is_validated_again() {
        let ds = Dataset::embedded().expect("embedded dataset");
        let text = encode(&meta(), &to_json_string(&ds));
        let (m, restored) = restore(&text).expect("restores");
        assert_eq!(m, meta());
        assert_eq!(restored.indicators.len(), ds.indicators.len());
        assert_eq!(to_json_string(&restored), to_json_string(&ds));
    }

    #[test]
    fn damaged_records_are_refused_with_a_reason() {
        assert!(matches!(
            decode("no newline"),
            Err(StorageError::Corrupt(_))
        ));
        assert!(matches!(
            decode("{\"name\":1}\n{}"),
            Err(StorageError::Corrupt(_))
        ));
        let empty_name = "{\"name\":\" \",\"kind\":\"dataset_json\"}\n{}";
        assert!(matches!(decode(empty_name), Err(StorageError::Corrupt(_))));
        let bad_dataset = encode(&meta(), "{\"format\":\"other\"}");
        assert!(decode(&bad_dataset).is_ok());
        assert!(matches!(
            restore(&bad_dataset),
            Err(StorageError::Corrupt(_))
        ));
        let truncated = encode(&meta(), "{\"format\":\"machi-kpi/dataset\",");
        assert!(restore(&truncated).is_err());
    }

    #[test]
    fn only_other_versions_of_the_key_are_stale() {
        assert!(KEY.starts_with(KEY_PREFIX));
        assert!(!is_stale_key(KEY));
        assert!(is_stale_key("machi-kpi:imported-dataset:v0"));
        assert!(is_stale_key("machi-kpi:imported-dataset:v2"));
        assert!(!is_stale_key("machi-kpi:lang"));
        assert!(!is_stale_key("other-app:imported-dataset:v0"));
    }

    #[test]
    fn reasons_are_plain_words_in_both_languages() {
        assert!(StorageError::Full.reason(Lang::En).contains("full"));
        assert!(StorageError::Unavailable.reason(Lang::Ja).contains("保存"));
    }
}
