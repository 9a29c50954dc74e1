//! Readings written into data text: the Aozora Bunko notation used in Japanese
//! publishing, `｜漢字《かんじ》` (a full-width bar before the base, the reading in
//! 《》 after it). A dataset gives its easy names in やさしい日本語 this way
//! (`Indicator::name_easy_ja`), so every city carries its own readings and the
//! app puts them in `<ruby>` without a dictionary of its own.

use std::fmt;

/// Opens a base.
const BAR: char = '｜';
/// Opens a reading.
const OPEN: char = '《';
/// Closes a reading.
const CLOSE: char = '》';

/// One piece of marked-up text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubyPiece<'a> {
    Text(&'a str),
    Ruby { base: &'a str, reading: &'a str },
}

/// Why a marked-up text is not well formed; `at` counts characters from 1.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RubyError {
    /// A `｜` without `《…》` after its base.
    Unclosed { at: usize },
    /// `｜《` or `《》`: nothing to read or no reading.
    Empty { at: usize },
    /// A `《` or `》` outside the notation.
    Stray { at: usize, found: char },
    /// A kanji outside any base: it would have no reading.
    BareKanji { at: usize, found: char },
}

impl fmt::Display for RubyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RubyError::Unclosed { at } => write!(
                f,
                "character {at}: '｜' is not followed by a base and its 《reading》"
            ),
            RubyError::Empty { at } => write!(f, "character {at}: an empty base or reading"),
            RubyError::Stray { at, found } => {
                write!(f, "character {at}: '{found}' outside ｜base《reading》")
            }
            RubyError::BareKanji { at, found } => write!(
                f,
                "character {at}: the kanji '{found}' has no reading; write ｜{found}《…》"
            ),
        }
    }
}

/// Whether `c` is a kanji (CJK unified ideographs, extension A, compatibility
/// ideographs and 々).
pub fn is_kanji(c: char) -> bool {
    matches!(c, '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}' | '々')
}

/// Splits marked-up text into plain text and bases with their readings; refuses a
/// kanji without a reading.
pub fn parse(text: &str) -> Result<Vec<RubyPiece<'_>>, RubyError> {
    let mut pieces = Vec::new();
    let mut plain_from = 0;
    let mut chars = text.char_indices().enumerate().peekable();
    while let Some((n, (i, c))) = chars.next() {
        let at = n + 1;
        match c {
            BAR => {
                if plain_from < i {
                    pieces.push(RubyPiece::Text(&text[plain_from..i]));
                }
                let base_from = i + BAR.len_utf8();
                let open = text[base_from..].find(OPEN).map(|o| base_from + o);
                let close = open.and_then(|o| text[o..].find(CLOSE).map(|c| o + c));
                let (Some(open), Some(close)) = (open, close) else {
                    return Err(RubyError::Unclosed { at });
                };
                let base = &text[base_from..open];
                let reading = &text[open + OPEN.len_utf8()..close];
                if base.is_empty() || reading.is_empty() {
                    return Err(RubyError::Empty { at });
                }
                if let Some(bad) = base
                    .chars()
                    .chain(reading.chars())
                    .find(|c| matches!(*c, BAR | OPEN | CLOSE))
                {
                    return Err(RubyError::Stray { at, found: bad });
                }
                pieces.push(RubyPiece::Ruby { base, reading });
                plain_from = close + CLOSE.len_utf8();
                while chars.peek().is_some_and(|(_, (j, _))| *j < plain_from) {
                    chars.next();
                }
            }
            OPEN | CLOSE => return Err(RubyError::Stray { at, found: c }),
            c if is_kanji(c) => return Err(RubyError::BareKanji { at, found: c }),
            _ => {}
        }
    }
    if plain_from < text.len() {
        pieces.push(RubyPiece::Text(&text[plain_from..]));
    }
    Ok(pieces)
}

/// The text without its readings (`｜仕事《しごと》の 数` → `仕事の 数`), for a title
/// or an export; marked-up text that does not parse is returned as it is.
pub fn without_readings(text: &str) -> String {
    match parse(text) {
        Ok(pieces) => pieces
            .into_iter()
            .map(|p| match p {
                RubyPiece::Text(t) => t,
                RubyPiece::Ruby { base, .. } => base,
            })
            .collect(),
        Err(_) => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bases_get_their_readings_and_kana_stays_plain() {
        assert_eq!(
            parse("あたらしい ｜仕事《しごと》の ｜数《かず》").unwrap(),
            vec![
                RubyPiece::Text("あたらしい "),
                RubyPiece::Ruby {
                    base: "仕事",
                    reading: "しごと"
                },
                RubyPiece::Text("の "),
                RubyPiece::Ruby {
                    base: "数",
                    reading: "かず"
                },
            ]
        );
        assert_eq!(
            without_readings("｜仕事《しごと》の ｜数《かず》"),
            "仕事の 数"
        );
        assert_eq!(
            parse("ひらがな だけ").unwrap(),
            vec![RubyPiece::Text("ひらがな だけ")]
        );
    }

    #[test]
    fn a_kanji_without_a_reading_or_a_broken_notation_is_refused() {
        assert_eq!(
            parse("仕事"),
            Err(RubyError::BareKanji {
                at: 1, found: '仕'
            })
        );
        assert_eq!(parse("ｘ｜仕事"), Err(RubyError::Unclosed { at: 2 }));
        assert_eq!(parse("｜《し》"), Err(RubyError::Empty { at: 1 }));
        assert_eq!(parse("｜仕《》"), Err(RubyError::Empty { at: 1 }));
        assert_eq!(
            parse("しごと》"),
            Err(RubyError::Stray {
                at: 4, found: '》'
            })
        );
        assert!(parse("｜仕事《しごと》の 数").is_err());
    }
}
