//! Parsing of source cells such as `11,942億円 (平成30年)`, `令和4年9月 公表予定`,
//! `待機児童なし` or `小学校88.7% 中学校82.8%` into [`Value`]s, periods and caveats.
//!
//! The embedded dataset stores each cell's parsed meaning next to its raw text; a test
//! re-parses every raw cell with this module and checks the stored meaning, so the two
//! can never drift apart. CSV import uses it to recover caveats and announced dates from
//! the `raw` column. Japanese eras are converted here: 平成N年 = 1988 + N, 令和N年 = 2018 + N,
//! 元年 = 1; 年度 is a fiscal year, 年 a calendar year.

use crate::model::{Caveat, Period, PeriodKind, Value};

/// The meaning of one cell for one series.
#[derive(Debug, Clone, PartialEq)]
pub struct ParsedCell {
    /// The series label's id, for multi-series cells.
    pub series: Option<String>,
    pub value: Value,
    pub period: Period,
    pub caveats: Vec<Caveat>,
}

/// Why a cell could not be parsed.
#[derive(Debug, Clone, PartialEq)]
pub enum CellError {
    /// No number where one was expected.
    NotANumber(String),
    /// The cell's unit cannot be converted to the indicator's.
    UnitMismatch { cell: String, indicator: String },
    /// A series label is missing from a multi-series cell.
    MissingSeries(String),
}

impl CellError {
    pub fn describe_en(&self) -> String {
        match self {
            CellError::NotANumber(s) => format!("a number, a dash, 公表予定 or text ('{s}')"),
            CellError::UnitMismatch { cell, indicator } => {
                format!("a value in {indicator} (the cell's unit is '{cell}')")
            }
            CellError::MissingSeries(s) => format!("a value for the series '{s}'"),
        }
    }
}

/// Normalises full-width digits, punctuation and spaces to ASCII (a small NFKC subset).
pub fn normalize_width(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            '０'..='９' => char::from(b'0' + (c as u32 - '０' as u32) as u8),
            '，' => ',',
            '．' => '.',
            '％' => '%',
            '（' => '(',
            '）' => ')',
            '－' | '−' | '‐' => '-',
            '　' => ' ',
            'Ｈ' => 'H',
            'Ｒ' => 'R',
            _ => c,
        })
        .collect()
}

fn era_base(era: &str) -> Option<i32> {
    match era {
        "平成" | "H" => Some(1988),
        "令和" | "R" => Some(2018),
        _ => None,
    }
}

/// Converts an era year (`"元"` or digits) to the Gregorian year.
pub fn era_to_gregorian(era: &str, year: &str) -> Option<i32> {
    let base = era_base(era)?;
    let n = if year == "元" {
        1
    } else {
        year.parse::<i32>().ok()?
    };
    Some(base + n)
}

/// Finds `(平成30年)`, `(令和元年度)`, `(H30年度)` in normalised text: (start, end, period).
fn find_period(t: &str) -> Option<(usize, usize, Period)> {
    for (start, _) in t.match_indices('(') {
        let rest = &t[start + 1..];
        let Some(close) = rest.find(')') else {
            continue;
        };
        if let Some(period) = parse_era_period(&rest[..close]) {
            return Some((start, start + 1 + close + 1, period));
        }
    }
    None
}

/// Parses `平成30年`, `令和元年度`, `H30年度`.
pub fn parse_era_period(s: &str) -> Option<Period> {
    for era in ["平成", "令和", "H", "R"] {
        let Some(after) = s.strip_prefix(era) else {
            continue;
        };
        let (num, tail) = match after.strip_prefix('元') {
            Some(tail) => ("元", tail),
            None => {
                let n = after.chars().take_while(|c| c.is_ascii_digit()).count();
                (&after[..n], &after[n..])
            }
        };
        let kind = match tail {
            "年度" => PeriodKind::FiscalYear,
            "年" => PeriodKind::CalendarYear,
            _ => return None,
        };
        return Some(Period {
            kind,
            year: era_to_gregorian(era, num)?,
        });
    }
    None
}

/// Splits `1,563件` into (1563, "件"); `35万人` into (35, "万人").
fn split_number(t: &str) -> Option<(f64, &str)> {
    let end = t
        .char_indices()
        .find(|(_, c)| !(c.is_ascii_digit() || *c == ',' || *c == '.'))
        .map(|(i, _)| i)
        .unwrap_or(t.len());
    let num = &t[..end];
    if num.is_empty() || !num.starts_with(|c: char| c.is_ascii_digit()) {
        return None;
    }
    let cleaned: String = num.chars().filter(|c| *c != ',').collect();
    let v: f64 = cleaned.parse().ok()?;
    v.is_finite().then_some((v, t[end..].trim()))
}

fn multiplier(unit: &str) -> (f64, &str) {
    if let Some(rest) = unit.strip_prefix('億') {
        (1e8, rest)
    } else if let Some(rest) = unit.strip_prefix('万') {
        (1e4, rest)
    } else {
        (1.0, unit)
    }
}

/// Converts a number written with `cell_unit` into the indicator's unit.
pub fn convert_unit(value: f64, cell_unit: &str, unit: &str) -> Result<f64, CellError> {
    if cell_unit.is_empty() || cell_unit == unit {
        return Ok(value);
    }
    let (fc, bc) = multiplier(cell_unit);
    let (fu, bu) = multiplier(unit);
    if bc != bu {
        return Err(CellError::UnitMismatch {
            cell: cell_unit.to_string(),
            indicator: unit.to_string(),
        });
    }
    // Round away binary noise (35万 → 350000 exactly).
    let v = value * fc / fu;
    Ok((v * 1e6).round() / 1e6)
}

/// A series label and id, for multi-series cells.
pub struct SeriesLabel<'a> {
    pub id: &'a str,
    pub label_ja: &'a str,
}

/// Parses one source cell.
///
/// `default_period` is the column's period, used when the cell gives none. Multi-series
/// cells (`男性77.41歳 女性79.89歳`) give one [`ParsedCell`] per series; cells that are not
/// numbers (pending, not available, text) give one with `series: None`.
pub fn parse_cell(
    raw: &str,
    unit: &str,
    default_period: Period,
    series: &[SeriesLabel<'_>],
) -> Result<Vec<ParsedCell>, CellError> {
    let mut t = normalize_width(raw).trim().to_string();
    let whole = |value: Value, caveats: Vec<Caveat>| {
        Ok(vec![ParsedCell {
            series: None,
            value,
            period: default_period,
            caveats,
        }])
    };
    if t == "-" {
        return whole(Value::NotAvailable, vec![]);
    }
    if let Some(announced) = parse_pending(&t) {
        return whole(Value::Pending { announced }, vec![]);
    }
    if t == "待機児童なし" {
        return whole(
            Value::None {
                number: 0.0,
                words: raw.to_string(),
            },
            vec![],
        );
    }
    if t.starts_with('※') && t.contains("設定予定") {
        return whole(
            Value::Qualitative {
                text: raw.to_string(),
            },
            vec![Caveat::ToBeSetLater],
        );
    }
    let starts_with_series = series.iter().any(|s| t.starts_with(s.label_ja));
    if !t.starts_with(|c: char| c.is_ascii_digit()) && !starts_with_series {
        return whole(
            Value::Qualitative {
                text: raw.to_string(),
            },
            vec![],
        );
    }
    let mut caveats = Vec::new();
    if t.contains("※関連事業参加者") {
        caveats.push(Caveat::RelatedEventParticipants);
        t = t.replace("※関連事業参加者", "").trim().to_string();
    }
    if t.contains("(閏年)") {
        caveats.push(Caveat::LeapYear);
        t = t.replace("(閏年)", "").trim().to_string();
    }
    if t.contains("(※)") {
        caveats.push(Caveat::Footnote { text: None });
        t = t.replace("(※)", "").trim().to_string();
    }
    let mut period = default_period;
    if let Some((s, e, p)) = find_period(&t) {
        period = p;
        t = format!("{}{}", &t[..s], &t[e..]).trim().to_string();
    }
    if series.is_empty() {
        let (v, cell_unit) =
            split_number(&t).ok_or_else(|| CellError::NotANumber(raw.to_string()))?;
        let number = convert_unit(v, cell_unit, unit)?;
        return Ok(vec![ParsedCell {
            series: None,
            value: Value::Number { number },
            period,
            caveats,
        }]);
    }
    let mut out = Vec::new();
    for s in series {
        let at = t
            .find(s.label_ja)
            .ok_or_else(|| CellError::MissingSeries(s.label_ja.to_string()))?;
        let rest = t[at + s.label_ja.len()..].trim_start();
        let token = rest.split_whitespace().next().unwrap_or("");
        let (v, cell_unit) =
            split_number(token).ok_or_else(|| CellError::NotANumber(raw.to_string()))?;
        let number = convert_unit(v, cell_unit, unit)?;
        out.push(ParsedCell {
            series: Some(s.id.to_string()),
            value: Value::Number { number },
            period,
            caveats: caveats.clone(),
        });
    }
    Ok(out)
}

/// `令和4年9月 公表予定` → `Some(Some("2022-09"))`; `公表予定` alone → `Some(None)`.
pub fn parse_pending(t: &str) -> Option<Option<String>> {
    let body = t.strip_suffix("公表予定")?.trim();
    if body.is_empty() {
        return Some(None);
    }
    for era in ["令和", "平成"] {
        if let Some(after) = body.strip_prefix(era) {
            let (year_s, rest) = after.split_once('年')?;
            let month: u32 = rest.strip_suffix('月')?.trim().parse().ok()?;
            let year = era_to_gregorian(era, year_s.trim())?;
            return Some(Some(format!("{year:04}-{month:02}")));
        }
    }
    Some(None)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(raw: &str, unit: &str) -> ParsedCell {
        let mut v = parse_cell(raw, unit, Period::fiscal(2019), &[]).unwrap();
        assert_eq!(v.len(), 1);
        v.remove(0)
    }

    #[test]
    fn era_conversion() {
        assert_eq!(era_to_gregorian("令和", "元"), Some(2019));
        assert_eq!(era_to_gregorian("令和", "3"), Some(2021));
        assert_eq!(era_to_gregorian("平成", "30"), Some(2018));
        assert_eq!(era_to_gregorian("H", "30"), Some(2018));
    }

    #[test]
    fn calendar_year_cell_with_oku_unit() {
        let c = one("11,942億円 (平成30年)", "億円");
        assert_eq!(c.value, Value::Number { number: 11942.0 });
        assert_eq!(c.period, Period::calendar(2018));
    }

    #[test]
    fn man_multiplier_converts_into_row_unit() {
        assert_eq!(
            one("35万人", "人").value,
            Value::Number { number: 350000.0 }
        );
        assert_eq!(
            one("490.7万人 (平成30年度)", "万人").period,
            Period::fiscal(2018)
        );
    }

    #[test]
    fn full_width_digits_and_brackets() {
        let c = one("430万人(※)（令和８年度）", "万人");
        assert_eq!(c.value, Value::Number { number: 430.0 });
        assert_eq!(c.period, Period::fiscal(2026));
        assert_eq!(c.caveats, vec![Caveat::Footnote { text: None }]);
        assert_eq!(one("４件", "件").value, Value::Number { number: 4.0 });
    }

    #[test]
    fn pending_none_dash_and_text() {
        assert_eq!(
            one("令和4年9月 公表予定", "億円").value,
            Value::Pending {
                announced: Some("2022-09".into())
            }
        );
        assert_eq!(one("-", "件").value, Value::NotAvailable);
        assert_eq!(one("－", "件").value, Value::NotAvailable);
        assert_eq!(
            one("待機児童なし", "人").value,
            Value::None {
                number: 0.0,
                words: "待機児童なし".into()
            }
        );
        assert!(matches!(
            one("全中学校区において1校以上の小学校で実施", "教室").value,
            Value::Qualitative { .. }
        ));
    }

    #[test]
    fn caveats_are_kept() {
        assert_eq!(one("366日 (閏年)", "日").caveats, vec![Caveat::LeapYear]);
        assert_eq!(
            one("28人 ※関連事業参加者", "人").caveats,
            vec![Caveat::RelatedEventParticipants]
        );
    }

    #[test]
    fn two_series_cell() {
        let labels = [
            SeriesLabel {
                id: "male",
                label_ja: "男性",
            },
            SeriesLabel {
                id: "female",
                label_ja: "女性",
            },
        ];
        let v = parse_cell(
            "男性 77.41歳 女性 79.89歳",
            "歳",
            Period::fiscal(2019),
            &labels,
        )
        .unwrap();
        assert_eq!(v[0].value, Value::Number { number: 77.41 });
        assert_eq!(v[1].series.as_deref(), Some("female"));
        assert_eq!(v[1].value, Value::Number { number: 79.89 });
    }

    #[test]
    fn unit_mismatch_is_an_error() {
        assert!(parse_cell("12ha", "人", Period::fiscal(2019), &[]).is_err());
    }
}
