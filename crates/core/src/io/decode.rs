//! Text decoding: UTF-8 (a BOM is dropped) first, then Shift_JIS / CP932.
//!
//! Shift_JIS text essentially never validates as UTF-8, while the converse is not true, so
//! the order matters. `encoding_rs::SHIFT_JIS` is the WHATWG Shift_JIS, which matches
//! Windows code page 932 (①, ㈱, NEC/IBM extensions) as used by Japanese Excel.

use crate::error::{ErrorKind, ImportError};

/// Decodes bytes into text, or says why it cannot.
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok(s.to_string());
    }
    let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(body);
    if had_errors {
        // Point at the first line that does not decode, counting lines in the raw bytes.
        let line = first_bad_line(body);
        return Err(ImportError::new(ErrorKind::Encoding).at(Some(line), None));
    }
    Ok(text.into_owned())
}

fn first_bad_line(body: &[u8]) -> usize {
    for (i, line) in body.split(|b| *b == b'\n').enumerate() {
        if std::str::from_utf8(line).is_err() {
            let (_, _, bad) = encoding_rs::SHIFT_JIS.decode(line);
            if bad {
                return i + 1;
            }
        }
    }
    1
}

/// Encodes text as UTF-8 with a BOM (what Japanese Excel needs to read UTF-8 CSV).
pub fn utf8_with_bom(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len() + 3);
    out.extend_from_slice(b"\xEF\xBB\xBF");
    out.extend_from_slice(text.as_bytes());
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom_and_shift_jis() {
        assert_eq!(decode("新規求人数".as_bytes()).unwrap(), "新規求人数");
        assert_eq!(decode(&utf8_with_bom("新規求人数")).unwrap(), "新規求人数");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS.encode("新規求人数,①");
        assert_eq!(decode(&sjis).unwrap(), "新規求人数,①");
    }

    #[test]
    fn garbage_is_an_encoding_error() {
        let e = decode(b"ok\n\xff\xff\xff").unwrap_err();
        assert_eq!(*e.kind, ErrorKind::Encoding);
        assert_eq!(e.position.line, Some(2));
    }
}
