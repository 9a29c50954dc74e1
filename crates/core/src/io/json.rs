//! The dataset JSON: reading (with the failing field's path, line and column) and writing.

use crate::error::{ErrorKind, ImportError, ImportErrors, JsonProblem};
use crate::model::{Dataset, FORMAT_ID, FORMAT_VERSION};

/// Parses and validates a dataset JSON text.
pub fn from_json_str(text: &str) -> Result<Dataset, ImportErrors> {
    // The happy path parses the text once. A wrong file gets a clear message about its
    // header, not a missing field: the header is checked before any parse error is reported,
    // and a file that parses is checked on its own `format` and `version` fields (the same
    // values: a `Dataset` has no duplicate keys and no other fields).
    let ds = match parse(text) {
        Ok(ds) => ds,
        Err(err) => return Err(header_error(text).unwrap_or(err)),
    };
    if ds.format != FORMAT_ID {
        return Err(unknown_format());
    }
    if ds.version != FORMAT_VERSION {
        return Err(unsupported_version(ds.version));
    }
    super::validate::validate(&ds)?;
    Ok(ds)
}

fn unknown_format() -> ImportErrors {
    ImportErrors::single(ImportError::new(ErrorKind::UnknownFormat).field("format"))
}

fn unsupported_version(ver: u32) -> ImportErrors {
    ImportErrors::single(ImportError::new(ErrorKind::UnsupportedVersion(ver)).field("version"))
}

/// The header's problem, if the text is JSON whose `format` is not ours or whose `version`
/// is another number.
fn header_error(text: &str) -> Option<ImportErrors> {
    let v = serde_json::from_str::<serde_json::Value>(text).ok()?;
    if v.get("format").and_then(|f| f.as_str()) != Some(FORMAT_ID) {
        return Some(unknown_format());
    }
    let ver = v.get("version").and_then(|x| x.as_u64())?;
    (ver != u64::from(FORMAT_VERSION))
        .then(|| unsupported_version(u32::try_from(ver).unwrap_or(u32::MAX)))
}

/// The one deserialiser of `Dataset` in the program (the embedded data, storage and
/// imports all come through here), wrapped so that a type error names its JSON path.
fn parse(text: &str) -> Result<Dataset, ImportErrors> {
    let de = &mut serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(de).map_err(|e| {
        let path = e.path().to_string();
        let inner = e.into_inner();
        let msg = inner.to_string();
        // serde_json appends " at line L column C"; the position is reported separately.
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        let problem = match inner.classify() {
            serde_json::error::Category::Eof => JsonProblem::Eof,
            serde_json::error::Category::Data => JsonProblem::Data,
            _ => JsonProblem::Syntax,
        };
        let line = inner.line();
        let column = char_column(text, line, inner.column());
        let mut err = ImportError::new(ErrorKind::Json {
            problem,
            detail: msg,
        })
        .at(Some(line.max(1)), Some(column));
        // "." is the root and "?" a key not yet read: neither says where to look.
        if !matches!(path.as_str(), "." | "?" | "") {
            err = err.field(path);
        }
        ImportErrors::single(err)
    })
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

/// serde_json's column counts bytes from the line start (up to and including the byte it
/// stopped at); people count characters. Converts the byte column on `line` (1-based) to
/// the 1-based character column of the character that byte belongs to.
pub fn char_column(text: &str, line: usize, byte_column: usize) -> usize {
    let Some(l) = text.split('\n').nth(line.saturating_sub(1)) else {
        return byte_column.max(1);
    };
    let mut end = byte_column.min(l.len());
    // A byte inside a multi-byte character belongs to that character.
    while !l.is_char_boundary(end) {
        end += 1;
    }
    l[..end].chars().count().max(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn columns_count_characters_not_bytes() {
        // On `  "名前" x` the 'x' is byte 12 (名 and 前 are 3 bytes each) but character 8.
        let text = "{\n  \"名前\" x\n}";
        let l = "  \"名前\" x";
        let byte_col = l.find('x').unwrap() + 1;
        assert_eq!(byte_col, 12);
        assert_eq!(char_column(text, 2, byte_col), 8);
        // Pointing into the middle of 名 counts 名 itself.
        assert_eq!(char_column(text, 2, 4), 4);
        assert_eq!(char_column(text, 1, 1), 1);
    }
}
