//! The dataset JSON: reading (with the failing field's path, line and column) and writing.

use crate::error::{ErrorKind, ImportError, ImportErrors};
use crate::model::{Dataset, FORMAT_ID, FORMAT_VERSION};

/// Parses and validates a dataset JSON text.
pub fn from_json_str(text: &str) -> Result<Dataset, ImportErrors> {
    // Check the header first so that a wrong file gets a clear message, not a missing field.
    if let Ok(v) = serde_json::from_str::<serde_json::Value>(text) {
        match v.get("format").and_then(|f| f.as_str()) {
            Some(FORMAT_ID) => {}
            _ => {
                return Err(ImportErrors::single(
                    ImportError::new(ErrorKind::UnknownFormat).field("format"),
                ))
            }
        }
        if let Some(ver) = v.get("version").and_then(|x| x.as_u64()) {
            if ver != u64::from(FORMAT_VERSION) {
                let ver = u32::try_from(ver).unwrap_or(u32::MAX);
                return Err(ImportErrors::single(
                    ImportError::new(ErrorKind::UnsupportedVersion(ver)).field("version"),
                ));
            }
        }
    }
    let de = &mut serde_json::Deserializer::from_str(text);
    let ds: Dataset = serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let msg = inner.to_string();
        // serde_json appends " at line L column C"; the position is reported separately.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let mut err =
            ImportError::new(ErrorKind::Json(msg)).at(Some(inner.line()), Some(inner.column()));
        if path != "." && !path.is_empty() {
            err = err.field(path);
        }
        ImportErrors::single(err)
    })?;
    super::validate::validate(&ds)?;
    Ok(ds)
}

/// Writes the dataset as pretty JSON (the embedded file's layout).
pub fn to_json_string(ds: &Dataset) -> String {
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    serde::Serialize::serialize(ds, &mut ser).expect("a Dataset always serialises");
    let mut s = String::from_utf8(out).expect("serde_json writes UTF-8");
    s.push('\n');
    s
}
