//! Numbers, values and labels of the Basic goal, Indicator and About pages,
//! in every [`Lang`]: pure functions from core types to text.
//!
//! - Numbers: [`number`] (thousands separators, a real minus sign `−`, never
//!   `-0`), [`percent`], [`signed`]; an indicator's figures are shown with the
//!   precision of its own source cells ([`precision`]).
//! - Values: [`value_text`] adds the unit the way each language writes it
//!   (`16,465基`, `16,465 lights`, `73.6%`); a unit that is a multiplier in
//!   English (`10,000 visits` for 万人) is said as the real quantity
//!   (`3.31 million visits`, `560,000 visits`: [`quantity`]), and charts and
//!   tables share one scale per indicator ([`ColumnUnit`]); Japanese keeps
//!   the source's units (`331万人`). [`observation_text`] spells out
//!   pending, not-available, "none" and text values.
//! - Names: outlook classes, pace classes, roles, editions, caveats and the
//!   reasons an undefined result is undefined (the core's wording for `ja` and
//!   `en`, our own for やさしい日本語).
//!
//! Nothing here is ever NaN or ∞: callers pass finite numbers only (the core
//! guarantees it), and [`number`] prints `—` if one slips through.

use machi_kpi_core::analysis::{
    BaseSource, IndicativeStatus, Method, Outlook, PaceClass, Scenario, Unavailable, YearReached,
};
use machi_kpi_core::{
    Caveat, Direction, EditionId, Indicator, Observation, OfficialStatus, PeriodKind, Role, Unit,
    Value,
};

use super::era::{year_label, Era};
use super::pages_goal_kpi::{pt, PKey};
use super::Lang;

/// The undefined-value mark.
pub const DASH: &str = "—";

/// `: ` in English, `：` in Japanese.
pub fn colon(lang: Lang) -> &'static str {
    if lang == Lang::En {
        ": "
    } else {
        "："
    }
}

/// ` (x)` in English, `（x）` in Japanese.
pub fn paren(lang: Lang, s: &str) -> String {
    if lang == Lang::En {
        format!(" ({s})")
    } else {
        format!("（{s}）")
    }
}

/// How many decimals `x` needs (0–3) to be printed exactly.
pub fn decimals_of(x: f64) -> usize {
    (0..=3)
        .find(|&d| {
            let scaled = x * 10f64.powi(d as i32);
            (scaled - scaled.round()).abs() < 1e-6 * scaled.abs().max(1.0)
        })
        .unwrap_or(3)
}

/// The number of decimals an indicator's source cells use (the most any of
/// its numbers needs), so projections are shown no more precisely than data.
pub fn precision(ind: &Indicator) -> usize {
    ind.observations
        .iter()
        .filter_map(|o| o.value.number())
        .map(decimals_of)
        .max()
        .unwrap_or(0)
}

/// `16,465`, `77.51`, `−3.5`: fixed decimals, thousands separators, a real
/// minus sign, and no negative zero.
pub fn number(x: f64, decimals: usize) -> String {
    if !x.is_finite() {
        return DASH.to_owned();
    }
    let text = format!("{:.*}", decimals, x.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_owned(), Some(f.to_owned())),
        None => (text.clone(), None),
    };
    let mut grouped = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if let Some(f) = frac {
        grouped.push('.');
        grouped.push_str(&f);
    }
    let is_zero = grouped.chars().all(|c| matches!(c, '0' | '.' | ','));
    if x < 0.0 && !is_zero {
        format!("−{grouped}")
    } else {
        grouped
    }
}

/// Like [`number`] with an explicit `+` for positive values.
pub fn signed(x: f64, decimals: usize) -> String {
    let n = number(x, decimals);
    if x > 0.0 && n.chars().any(|c| c.is_ascii_digit() && c != '0') {
        format!("+{n}")
    } else {
        n
    }
}

/// A ratio as a percentage: `percent(0.357942, 1) == "35.8%"`.
pub fn percent(ratio: f64, decimals: usize) -> String {
    format!("{}%", number(ratio * 100.0, decimals))
}

/// A signed ratio as a percentage: `+2.52%`, `−26.8%`.
pub fn signed_percent(ratio: f64, decimals: usize) -> String {
    format!("{}%", signed(ratio * 100.0, decimals))
}

/// A formatted number with its unit: `16,465基` / `16,465 lights` / `73.6%`.
/// Only for units that are not multipliers in English (see [`quantity`]).
fn with_unit(lang: Lang, unit: &Unit, num: &str) -> String {
    if lang.is_japanese() {
        return format!("{num}{}", unit.ja);
    }
    let en = unit.en.trim();
    if en.is_empty() {
        num.to_owned()
    } else if en == "%" {
        format!("{num}%")
    } else {
        format!("{num} {en}")
    }
}

/// An English unit that is a multiplier (`10,000 visits`, `100 million yen`,
/// what the sources write 万人 and 億円): its factor and what it counts
/// (`(10000.0, "visits")`, `(1e8, "yen")`). `None` for an ordinary unit.
pub fn en_multiplier(unit: &Unit) -> Option<(f64, &str)> {
    let en = unit.en.trim();
    let digits_end = en
        .find(|c: char| !(c.is_ascii_digit() || c == ','))
        .unwrap_or(en.len());
    if digits_end == 0 {
        return None;
    }
    let mut factor: f64 = en[..digits_end].replace(',', "").parse().ok()?;
    let mut rest = en[digits_end..].trim_start();
    for (word, m) in [("thousand", 1e3), ("million", 1e6), ("billion", 1e9)] {
        if let Some(r) = rest.strip_prefix(word) {
            if r.is_empty() || r.starts_with(' ') {
                factor *= m;
                rest = r.trim_start();
            }
        }
    }
    (factor > 0.0).then_some((factor, rest))
}

/// The English magnitudes written as words; smaller numbers are written in digits.
const EN_MAGNITUDES: [(&str, i32); 2] = [("billion", 9), ("million", 6)];

/// `x` rounded to `decimals`.
fn round_to(x: f64, decimals: usize) -> f64 {
    let p = 10f64.powi(decimals as i32);
    (x * p).round() / p
}

/// `1.5` for `1.50`, `3` for `3.00`: the digits after the point that say nothing.
fn trim_zeros(s: String) -> String {
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

/// A real quantity the way English says it: `3.31 million`, `560,000`,
/// `240 billion`. `res_exp` is the power of ten of its last significant digit
/// (4 for a number of 万 given in whole 万), so nothing is shown more precisely
/// than the source; thousands stay digits, millions and billions are words.
fn en_magnitude(q: f64, res_exp: i32, signed_: bool) -> String {
    // Rounded as the source's figure is (`99.4` 万 at whole 万 is 990,000).
    let step = 10f64.powi(res_exp);
    let q = (q / step).round() * step;
    let fmt = |v: f64, d: usize| {
        if signed_ {
            signed(v, d)
        } else {
            number(v, d)
        }
    };
    for (word, exp) in EN_MAGNITUDES {
        let d = (exp - res_exp).max(0) as usize;
        let v = q / 10f64.powi(exp);
        if round_to(v.abs(), d) >= 1.0 {
            return format!("{} {word}", trim_zeros(fmt(v, d)));
        }
    }
    fmt(q, (-res_exp).max(0) as usize)
}

/// The power of ten of a multiplier (4 for 10,000).
fn exp_of(factor: f64) -> i32 {
    factor.log10().round() as i32
}

/// `x` (in the source's unit, at `decimals`) with its unit, as the reader
/// says it: `331万人` in Japanese, `3.31 million visits` in English, where a
/// multiplier unit (`10,000 visits`) is turned into the real quantity
/// ([`en_multiplier`]); `16,465基` / `16,465 lights` / `73.6%` otherwise.
pub fn quantity(lang: Lang, unit: &Unit, x: f64, decimals: usize) -> String {
    quantity_as(lang, unit, x, decimals, false)
}

/// Like [`quantity`] with an explicit `+` for positive values.
pub fn signed_quantity(lang: Lang, unit: &Unit, x: f64, decimals: usize) -> String {
    quantity_as(lang, unit, x, decimals, true)
}

fn quantity_as(lang: Lang, unit: &Unit, x: f64, decimals: usize, signed_: bool) -> String {
    match (lang, en_multiplier(unit)) {
        (Lang::En, Some((factor, noun))) if x.is_finite() => {
            let q = en_magnitude(x * factor, exp_of(factor) - decimals as i32, signed_);
            if noun.is_empty() {
                q
            } else {
                format!("{q} {noun}")
            }
        }
        _ => {
            let n = if signed_ {
                signed(x, decimals)
            } else {
                number(x, decimals)
            };
            with_unit(lang, unit, &n)
        }
    }
}

/// One scale for every number of an indicator in a chart or a table column:
/// multiply by `factor`, print with `decimals`, head with `label`. In Japanese
/// and for ordinary units that is the source's own unit; in English a
/// multiplier unit becomes the real quantity in the magnitude its largest
/// value needs (`million visits`, `billion yen`, or plain `visits`).
#[derive(Clone, Debug, PartialEq)]
pub struct ColumnUnit {
    pub factor: f64,
    pub decimals: usize,
    pub label: String,
}

impl ColumnUnit {
    /// The unit of `ind`'s chart and table in `lang`.
    pub fn of(lang: Lang, ind: &Indicator) -> ColumnUnit {
        let decimals = precision(ind);
        let own = ColumnUnit {
            factor: 1.0,
            decimals,
            label: lang.pick(&ind.unit.ja, &ind.unit.en).to_owned(),
        };
        let (Lang::En, Some((factor, noun))) = (lang, en_multiplier(&ind.unit)) else {
            return own;
        };
        let largest = ind
            .observations
            .iter()
            .filter_map(|o| o.value.number())
            .map(|v| (v * factor).abs())
            .fold(0.0, f64::max);
        let res_exp = exp_of(factor) - decimals as i32;
        let (word, exp) = EN_MAGNITUDES
            .into_iter()
            .find(|&(_, exp)| largest >= 10f64.powi(exp))
            .unwrap_or(("", 0));
        let label = [word, noun]
            .iter()
            .filter(|w| !w.is_empty())
            .copied()
            .collect::<Vec<_>>()
            .join(" ");
        ColumnUnit {
            factor: factor / 10f64.powi(exp),
            decimals: (exp - res_exp).max(0) as usize,
            label,
        }
    }

    /// A source number on this scale (what a chart plots).
    pub fn scale(&self, x: f64) -> f64 {
        x * self.factor
    }

    /// A source number on this scale, printed (a table cell, a point label).
    pub fn number(&self, x: f64) -> String {
        number(self.scale(x), self.decimals)
    }
}

/// A number of an indicator, at the indicator's precision, with its unit.
pub fn value_text(lang: Lang, ind: &Indicator, x: f64) -> String {
    quantity(lang, &ind.unit, x, precision(ind))
}

/// A yearly change of an indicator: `+400.0基/年`, `+400.0 lights a year`.
pub fn change_text(lang: Lang, ind: &Indicator, x: f64) -> String {
    let n = signed_quantity(lang, &ind.unit, x, precision(ind) + 1);
    match lang {
        Lang::Ja => format!("{n}/年"),
        Lang::JaEasy => format!("1年に {n}"),
        Lang::En => format!("{n} a year"),
    }
}

/// What a source cell means, in words: the number with its unit, or the
/// pending date, not available, the words of a stated absence, or the text
/// of a qualitative value.
pub fn observation_text(lang: Lang, era: Era, ind: &Indicator, value: &Value) -> String {
    match value {
        Value::Number { number } => value_text(lang, ind, *number),
        Value::None { number, words } => {
            let n = value_text(lang, ind, *number);
            if lang.is_japanese() {
                format!("{words}（{n}）")
            } else {
                format!("{n} (“{words}”)")
            }
        }
        Value::Pending { announced } => pending_text(lang, era, announced.as_deref()),
        Value::NotAvailable => format!("{DASH} {}", pt(lang, PKey::NotAvailableValue)),
        Value::Qualitative { text } => text.clone(),
    }
}

/// `令和4年9月公表予定` (和暦) or `2022年9月公表予定` (Gregorian): the year in the era
/// the reader chose, as every other year on the page; `to be published 2022-09`.
pub fn pending_text(lang: Lang, era: Era, announced: Option<&str>) -> String {
    let parsed = announced.and_then(|a| {
        let (y, m) = a.split_once('-')?;
        Some((y.parse::<i32>().ok()?, m.parse::<u32>().ok()?))
    });
    // The year as the calendar year it is, in the reader's era (令和4年 / 2022年).
    let year = |y: i32| year_label(lang, era, PeriodKind::CalendarYear, y);
    match (lang, parsed) {
        (Lang::Ja, Some((y, m))) => format!("{}{m}月公表予定", year(y)),
        (Lang::JaEasy, Some((y, m))) => format!("{}{m}月に 出る 予定", year(y)),
        (Lang::En, Some((y, m))) => format!("to be published {y}-{m:02}"),
        (Lang::Ja, None) => "公表予定".to_owned(),
        (Lang::JaEasy, None) => "これから 出る 予定".to_owned(),
        (Lang::En, None) => "not yet published".to_owned(),
    }
}

/// Why a result is undefined, in words.
pub fn reason(lang: Lang, u: Unavailable) -> &'static str {
    match lang {
        Lang::Ja => u.reason_ja(),
        Lang::En => u.reason_en(),
        Lang::JaEasy => match u {
            Unavailable::NoBaseline => "はじめの 数字が ありません",
            Unavailable::NoTarget => "この 計画には 目標の 数字が ありません",
            Unavailable::QualitativeTarget => "目標が 数字では ありません",
            Unavailable::NoActual => "まだ 実際の 数字が ありません",
            Unavailable::TooFewPoints => "数字が 少なくて 計算できません",
            Unavailable::NonPositiveValue => "0 より 大きい 数字が 必要です",
            Unavailable::TargetEqualsBase => "目標と はじめの 数字が 同じです",
            Unavailable::TargetNotAfterBase => "目標の 年が はじめの 年より あとでは ありません",
            Unavailable::NoPreCovidValue => "2020年より 前の 数字が ありません",
            Unavailable::NoCovidYearValue => "2020年の 数字が ありません",
            Unavailable::NoDip => "2020年に へっていません",
            Unavailable::NoRecoveryValue => "2021年の 数字が ありません",
            Unavailable::Undefined => "この 数字では 計算できません",
            Unavailable::NoActualSinceBase => "はじめの あとの 数字が まだ ないので、わかりません",
            Unavailable::TargetPeriodPassed => {
                "目標の 年は もう すぎました（さいごの 結果を 見てください）"
            }
        },
    }
}

/// `— (no baseline)`: an undefined result with its reason.
pub fn unavailable_text(lang: Lang, u: Unavailable) -> String {
    if lang == Lang::En {
        format!("{DASH} ({})", reason(lang, u))
    } else {
        format!("{DASH}（{}）", reason(lang, u))
    }
}

/// The name of an outlook class.
pub fn outlook_name(lang: Lang, o: Outlook) -> &'static str {
    match lang {
        Lang::Ja => o.name_ja(),
        Lang::En => o.name_en(),
        Lang::JaEasy => match o {
            Outlook::TargetAchieved => "もう 目標に とどいた",
            Outlook::OnCourse => "とどきそう",
            Outlook::AccelerationNeeded => "もっと がんばる 必要が ある",
            Outlook::StagnationOrRegression => "進んでいない・もどっている",
        },
    }
}

/// A symbol for each outlook class, shown beside its name (never instead).
pub fn outlook_icon(o: Outlook) -> &'static str {
    match o {
        Outlook::TargetAchieved => "★",
        Outlook::OnCourse => "↗",
        Outlook::AccelerationNeeded => "→",
        Outlook::StagnationOrRegression => "↘",
    }
}

/// A symbol for each official status (◎ ○ △ ×, as Japanese reports use them),
/// shown beside the status name.
pub fn status_icon(s: OfficialStatus) -> &'static str {
    match s {
        OfficialStatus::OnTrack => "◎",
        OfficialStatus::MostlyOnTrack => "○",
        OfficialStatus::DelayedCovid => "△",
        OfficialStatus::Delayed => "×",
    }
}

/// The official status name (verbatim from the source in Japanese).
pub fn status_name(lang: Lang, s: OfficialStatus) -> &'static str {
    super::messages::status_name(lang, s)
}

/// The indicative status name: the official wording it corresponds to.
pub fn indicative_name(lang: Lang, s: IndicativeStatus) -> &'static str {
    status_name(lang, s.as_official())
}

/// The name of a pace class.
pub fn pace_class_name(lang: Lang, c: PaceClass) -> &'static str {
    pt(
        lang,
        match c {
            PaceClass::Substantial => PKey::PaceSubstantial,
            PaceClass::Moderate => PKey::PaceModerate,
            PaceClass::Limited => PKey::PaceLimited,
            PaceClass::Deterioration => PKey::PaceDeterioration,
        },
    )
}

/// The name of a projection method.
pub fn method_name(lang: Lang, m: Method) -> &'static str {
    pt(
        lang,
        match m {
            Method::Cagr => PKey::MethodCagr,
            Method::Line => PKey::MethodLine,
        },
    )
}

/// The name of a scenario.
pub fn scenario_name(lang: Lang, s: Scenario) -> &'static str {
    pt(
        lang,
        match s {
            Scenario::SinceBaseline => PKey::ScenarioSince,
            Scenario::RecentPace => PKey::ScenarioRecent,
        },
    )
}

/// Where the base of a target comes from, in a sentence.
pub fn base_source_text(lang: Lang, s: BaseSource) -> &'static str {
    pt(
        lang,
        match s {
            BaseSource::EditionBaseline => PKey::BaseSourceEdition,
            BaseSource::Rebased => PKey::BaseSourceRebased,
            BaseSource::EarliestActual => PKey::BaseSourceEarliest,
        },
    )
}

/// The name of an observation's role.
pub fn role_name(lang: Lang, r: Role) -> &'static str {
    pt(
        lang,
        match r {
            Role::Baseline => PKey::RoleBaseline,
            Role::Actual => PKey::RoleActual,
            Role::Target => PKey::RoleTarget,
        },
    )
}

/// The short name of a source document.
pub fn edition_name(lang: Lang, e: EditionId) -> &'static str {
    pt(
        lang,
        match e {
            EditionId::Fy2021Report => PKey::EditionReport,
            EditionId::Revision2024 => PKey::EditionRevision,
            EditionId::Update => PKey::EditionUpdate,
        },
    )
}

/// The wanted direction, in words.
pub fn direction_text(lang: Lang, d: Direction) -> &'static str {
    pt(
        lang,
        match d {
            Direction::Increase => PKey::DirIncrease,
            Direction::Decrease => PKey::DirDecrease,
            Direction::Maintain => PKey::DirMaintain,
        },
    )
}

/// What a caveat means; a footnote's own text is quoted verbatim when given.
pub fn caveat_text(lang: Lang, c: &Caveat) -> String {
    let key = match c {
        Caveat::RelatedEventParticipants => PKey::CaveatRelated,
        Caveat::LeapYear => PKey::CaveatLeap,
        Caveat::Footnote { .. } => PKey::CaveatFootnote,
        Caveat::EarlierPeriod => PKey::CaveatEarlier,
        Caveat::RepeatsPeriod => PKey::CaveatRepeats,
        Caveat::ToBeSetLater => PKey::CaveatToBeSet,
    };
    match c {
        Caveat::Footnote { text: Some(t) } => {
            if lang == Lang::En {
                format!("{}: {t}", pt(lang, key))
            } else {
                format!("{}：{t}", pt(lang, key))
            }
        }
        _ => pt(lang, key).to_owned(),
    }
}

/// The label of a series (`男性`, `Men`), or `None` for a single series.
pub fn series_label<'a>(lang: Lang, ind: &'a Indicator, series: Option<&str>) -> Option<&'a str> {
    let id = series?;
    ind.series
        .iter()
        .find(|s| s.id == id)
        .map(|s| lang.pick(&s.label_ja, &s.label_en))
}

/// When a projection reaches the target: the year, "already met" or "not at
/// this pace".
pub fn year_reached_text(lang: Lang, era: Era, kind: PeriodKind, y: YearReached) -> String {
    match y {
        YearReached::AlreadyMet => pt(lang, PKey::AlreadyMet).to_owned(),
        YearReached::Year(year) => year_label(lang, era, kind, year),
        YearReached::NotAtThisPace => pt(lang, PKey::NotAtThisPace).to_owned(),
    }
}

/// The observation behind a dated number, for its raw cell and caveats:
/// the first baseline or actual of that series and period with a number.
pub fn observation_at<'a>(
    ind: &'a Indicator,
    series: Option<&str>,
    period: machi_kpi_core::Period,
) -> Option<&'a Observation> {
    ind.observations.iter().find(|o| {
        o.role != Role::Target
            && o.applies_to(series)
            && o.period == period
            && o.value.number().is_some()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_have_separators_and_a_real_minus() {
        assert_eq!(number(16465.0, 0), "16,465");
        assert_eq!(number(1234567.891, 2), "1,234,567.89");
        assert_eq!(number(77.51, 2), "77.51");
        assert_eq!(number(-121.5, 1), "−121.5");
        assert_eq!(number(-0.01, 1), "0.0");
        assert_eq!(number(999.6, 0), "1,000");
        assert_eq!(number(f64::NAN, 1), "—");
        assert_eq!(signed(400.0, 1), "+400.0");
        assert_eq!(signed(-3.0, 0), "−3");
        assert_eq!(signed(0.0, 0), "0");
        assert_eq!(percent(0.357942, 1), "35.8%");
        assert_eq!(percent(-4.272727, 1), "−427.3%");
        assert_eq!(signed_percent(0.0252162, 2), "+2.52%");
    }

    #[test]
    fn precision_follows_the_source_cells() {
        assert_eq!(decimals_of(15665.0), 0);
        assert_eq!(decimals_of(73.6), 1);
        assert_eq!(decimals_of(77.41), 2);
        assert_eq!(decimals_of(1.415), 3);
        let ds = machi_kpi_core::Dataset::embedded().expect("embedded dataset");
        let p = |id: &str| precision(ds.indicator(id).expect(id));
        assert_eq!(p("security-lights"), 0);
        assert_eq!(p("railway-passengers"), 1);
        assert_eq!(p("healthy-life-expectancy"), 2);
    }

    #[test]
    fn units_read_naturally_in_each_language() {
        let unit = |ja: &str, en: &str| Unit {
            ja: ja.into(),
            en: en.into(),
        };
        let lights = unit("基", "lights");
        assert_eq!(quantity(Lang::Ja, &lights, 16465.0, 0), "16,465基");
        assert_eq!(quantity(Lang::En, &lights, 16465.0, 0), "16,465 lights");
        assert_eq!(quantity(Lang::En, &lights, -3.0, 0), "−3 lights");
        assert_eq!(quantity(Lang::En, &unit("%", "%"), 73.6, 1), "73.6%");
        assert_eq!(quantity(Lang::En, &unit("", ""), 1.36, 2), "1.36");
        // An ordinary unit is never scaled, however large the number.
        assert_eq!(
            quantity(Lang::En, &unit("人", "people"), 2_500_000.0, 0),
            "2,500,000 people"
        );
        assert_eq!(
            signed_quantity(Lang::En, &lights, 400.0, 1),
            "+400.0 lights"
        );
    }

    #[test]
    fn multiplier_units_are_said_as_the_real_quantity_in_english() {
        let unit = |ja: &str, en: &str| Unit {
            ja: ja.into(),
            en: en.into(),
        };
        let visits = unit("万人", "10,000 visits");
        let yen = unit("億円", "100 million yen");
        assert_eq!(en_multiplier(&visits), Some((10_000.0, "visits")));
        assert_eq!(en_multiplier(&yen), Some((1e8, "yen")));
        assert_eq!(en_multiplier(&unit("人", "people")), None);
        assert_eq!(en_multiplier(&unit("%", "%")), None);
        let en = |u: &Unit, x: f64, d: usize| quantity(Lang::En, u, x, d);
        // Millions as a word, at the source's precision (331万 is known to 10,000).
        assert_eq!(en(&visits, 331.0, 0), "3.31 million visits");
        assert_eq!(en(&visits, 395.8, 1), "3.958 million visits");
        assert_eq!(en(&visits, 330.0, 0), "3.3 million visits");
        assert_eq!(en(&visits, 1823.0, 0), "18.23 million visits");
        // Below a million, digits.
        assert_eq!(en(&visits, 56.0, 0), "560,000 visits");
        assert_eq!(en(&visits, 0.5, 1), "5,000 visits");
        assert_eq!(en(&visits, 0.0, 0), "0 visits");
        // Negatives, and a rounding that crosses into the next magnitude.
        assert_eq!(en(&visits, -135.0, 0), "−1.35 million visits");
        assert_eq!(en(&visits, 99.996, 0), "1 million visits");
        assert_eq!(en(&visits, 99.4, 0), "990,000 visits");
        assert_eq!(
            signed_quantity(Lang::En, &visits, 12.34, 1),
            "+123,000 visits"
        );
        assert_eq!(
            signed_quantity(Lang::En, &visits, -168.0, 0),
            "−1.68 million visits"
        );
        // Billions; a multiplier with its own magnitude word.
        assert_eq!(en(&yen, 2400.0, 0), "240 billion yen");
        assert_eq!(en(&yen, 3.0, 0), "300 million yen");
        assert_eq!(en(&yen, 2456.7, 1), "245.67 billion yen");
        // Japanese keeps the source's unit.
        assert_eq!(quantity(Lang::Ja, &visits, 331.0, 0), "331万人");
        assert_eq!(quantity(Lang::JaEasy, &yen, 2400.0, 0), "2,400億円");
        for x in [331.0, 56.0, -135.0] {
            assert!(!en(&visits, x, 0).contains('×'));
        }
    }

    #[test]
    fn charts_and_tables_share_one_scale_per_indicator() {
        let ds = machi_kpi_core::Dataset::embedded().expect("embedded dataset");
        let ind = |id: &str| ds.indicator(id).expect(id);
        let tourists = ind("annual-tourists");
        let en = ColumnUnit::of(Lang::En, tourists);
        assert_eq!(en.label, "million visits");
        assert_eq!(en.number(331.0), "3.31");
        assert_eq!(en.scale(331.0), 3.31);
        let ja = ColumnUnit::of(Lang::Ja, tourists);
        assert_eq!(
            (ja.label.as_str(), ja.number(331.0)),
            ("万人", "331".into())
        );
        // An ordinary unit keeps its own scale in English too.
        let lights = ColumnUnit::of(Lang::En, ind("security-lights"));
        assert_eq!((lights.factor, lights.label.as_str()), (1.0, "lights"));
    }

    #[test]
    fn pending_dates_in_each_language() {
        assert_eq!(
            pending_text(Lang::Ja, Era::Wareki, Some("2022-09")),
            "令和4年9月公表予定"
        );
        // The reader's era, as every other year on the page.
        assert_eq!(
            pending_text(Lang::Ja, Era::Gregorian, Some("2022-09")),
            "2022年9月公表予定"
        );
        assert_eq!(
            pending_text(Lang::JaEasy, Era::Gregorian, Some("2022-09")),
            "2022年9月に 出る 予定"
        );
        assert_eq!(
            pending_text(Lang::En, Era::Gregorian, Some("2022-09")),
            "to be published 2022-09"
        );
        assert!(pending_text(Lang::JaEasy, Era::Gregorian, None).contains("予定"));
    }

    #[test]
    fn every_unavailable_reason_has_easy_japanese() {
        for u in Unavailable::ALL {
            for lang in Lang::ALL {
                assert!(!reason(lang, u).is_empty());
            }
            assert!(unavailable_text(Lang::En, u).starts_with("— ("));
        }
    }
}
