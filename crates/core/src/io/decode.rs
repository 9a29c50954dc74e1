//! Text decoding: UTF-8 (a BOM is dropped), UTF-16 with a BOM (LibreOffice's "Unicode" CSV,
//! Excel's "Unicode テキスト"), then Shift_JIS / CP932.
//!
//! Shift_JIS text essentially never validates as UTF-8, while the converse is not true, so
//! the order matters. UTF-16 is recognised only by its BOM (both programs write one):
//! without it, ASCII-only UTF-16 would also "decode" as Shift_JIS full of NUL characters.
//!
//! Shift_JIS needs a table, which is most of `encoding_rs`'s size; the browser has the
//! same table in its `TextDecoder`. So Shift_JIS goes through the [`ShiftJisDecoder`]
//! trait: natively (CLI, tests) [`EncodingRs`] (cargo feature `encoding-rs`, on by default),
//! in the browser the app's own `TextDecoder` implementation, and the wasm build leaves
//! `encoding_rs` out. UTF-8 and UTF-16 need no table and are decoded here.

use crate::error::{ErrorKind, ImportError};

/// Decodes Shift_JIS / CP932 (WHATWG "Shift_JIS", which is Windows code page 932 with the
/// NEC/IBM extensions ①, ㈱ … that Japanese Excel writes).
pub trait ShiftJisDecoder {
    /// The text, or `None` if the bytes are not valid Shift_JIS (never a lossy decoding).
    fn decode_shift_jis(&self, bytes: &[u8]) -> Option<String>;
}

/// [`ShiftJisDecoder`] by `encoding_rs` (native builds).
#[cfg(feature = "encoding-rs")]
#[derive(Debug, Clone, Copy, Default)]
pub struct EncodingRs;

#[cfg(feature = "encoding-rs")]
impl ShiftJisDecoder for EncodingRs {
    fn decode_shift_jis(&self, bytes: &[u8]) -> Option<String> {
        let (text, _, had_errors) = encoding_rs::SHIFT_JIS.decode(bytes);
        (!had_errors).then(|| text.into_owned())
    }
}

/// Which encoding a file was in.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    ShiftJis,
}

/// Decodes bytes into text with `encoding_rs` for Shift_JIS.
#[cfg(feature = "encoding-rs")]
pub fn decode(bytes: &[u8]) -> Result<String, ImportError> {
    decode_with(bytes, &EncodingRs).map(|(text, _)| text)
}

/// Decodes bytes into text, or says why it cannot (with the first line that does not
/// decode).
pub fn decode_with(
    bytes: &[u8],
    sjis: &dyn ShiftJisDecoder,
) -> Result<(String, Encoding), ImportError> {
    if let Some(body) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(body, u16::from_le_bytes).map(|t| (t, Encoding::Utf16Le));
    }
    if let Some(body) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(body, u16::from_be_bytes).map(|t| (t, Encoding::Utf16Be));
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if let Ok(s) = std::str::from_utf8(body) {
        return Ok((s.to_string(), Encoding::Utf8));
    }
    match sjis.decode_shift_jis(body) {
        Some(text) => Ok((text, Encoding::ShiftJis)),
        None => {
            Err(ImportError::new(ErrorKind::Encoding).at(Some(first_bad_line(body, sjis)), None))
        }
    }
}

fn utf16(body: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, ImportError> {
    let units = body.chunks(2).map(|c| match c {
        [a, b] => Ok(unit([*a, *b])),
        // An odd byte count: the file was cut in the middle of a character.
        _ => Err(()),
    });
    let mut out = String::with_capacity(body.len() / 2);
    let mut line = 1;
    let mut pending_err = false;
    let units: Vec<u16> = units
        .filter_map(|u| match u {
            Ok(u) => Some(u),
            Err(()) => {
                pending_err = true;
                None
            }
        })
        .collect();
    for c in char::decode_utf16(units) {
        match c {
            Ok(c) => {
                if c == '\n' {
                    line += 1;
                }
                out.push(c);
            }
            Err(_) => return Err(ImportError::new(ErrorKind::Encoding).at(Some(line), None)),
        }
    }
    if pending_err {
        return Err(ImportError::new(ErrorKind::Encoding).at(Some(line), None));
    }
    Ok(out)
}

fn first_bad_line(body: &[u8], sjis: &dyn ShiftJisDecoder) -> usize {
    for (i, line) in body.split(|b| *b == b'\n').enumerate() {
        if std::str::from_utf8(line).is_err() && sjis.decode_shift_jis(line).is_none() {
            return i + 1;
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

/// Encodes text as UTF-16 little-endian with a BOM (what LibreOffice's "Unicode" CSV and
/// Excel's "Unicode テキスト" write); used by tests and fixtures.
pub fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut out = vec![0xFF, 0xFE];
    for u in text.encode_utf16() {
        out.extend_from_slice(&u.to_le_bytes());
    }
    out
}

#[cfg(all(test, feature = "encoding-rs"))]
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
    fn utf16_with_either_bom() {
        let text = "a,b\r\n新規求人数,😀\r\n";
        assert_eq!(
            decode_with(&utf16le_with_bom(text), &EncodingRs).unwrap(),
            (text.to_string(), Encoding::Utf16Le)
        );
        let mut be = vec![0xFE, 0xFF];
        for u in text.encode_utf16() {
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&be).unwrap(), text);
        // A lone surrogate on line 2, and a file cut in the middle of a character.
        let mut bad = utf16le_with_bom("ok\n");
        bad.extend_from_slice(&0xD800u16.to_le_bytes());
        bad.extend_from_slice(&u16::from(b'x').to_le_bytes());
        assert_eq!(decode(&bad).unwrap_err().position.line, Some(2));
        let mut cut = utf16le_with_bom("ok");
        cut.push(b'x');
        assert_eq!(*decode(&cut).unwrap_err().kind, ErrorKind::Encoding);
    }

    #[test]
    fn garbage_is_an_encoding_error() {
        let e = decode(b"ok\n\xff\xff\xff").unwrap_err();
        assert_eq!(*e.kind, ErrorKind::Encoding);
        assert_eq!(e.position.line, Some(2));
    }
}
