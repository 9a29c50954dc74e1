//! [`Metric`]: a computed value or the typed reason it is undefined.
//!
//! Nothing the analysis returns is NaN or ∞: every division, power and logarithm goes
//! through [`finite`], which turns a non-finite result into [`Unavailable::Undefined`].
//! The UI shows an unavailable metric as "—" with its reason.

use serde::Serialize;

/// Why a result is undefined.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Unavailable {
    /// No baseline and no earlier actual to start from.
    NoBaseline,
    /// The indicator has no target in this edition.
    NoTarget,
    /// The target is text (e.g. 全中学校区において…) or to be set later.
    QualitativeTarget,
    /// No actual value yet (or only values still pending).
    NoActual,
    /// Not enough dated values after the base to measure a pace.
    TooFewPoints,
    /// A growth rate needs positive values (zero or negative seen).
    NonPositiveValue,
    /// The target equals the base, so a ratio of progress has no denominator.
    TargetEqualsBase,
    /// The target period is not after the base period.
    TargetNotAfterBase,
    /// No value before FY/CY2020 to compare the COVID year with.
    NoPreCovidValue,
    /// No FY/CY2020 value.
    NoCovidYearValue,
    /// The value did not fall in 2020, so there is nothing to recover.
    NoDip,
    /// No 2021 value after the dip.
    NoRecoveryValue,
    /// The arithmetic has no finite answer (e.g. a zero pace).
    Undefined,
    /// No value after the base yet (e = 0): too early to say whether it is on schedule.
    NoActualSinceBase,
    /// The target's period has come: the final result stands, and nothing is projected.
    TargetPeriodPassed,
}

impl Unavailable {
    /// Every reason, for catalogues and their tests.
    pub const ALL: [Unavailable; 15] = [
        Unavailable::NoBaseline,
        Unavailable::NoTarget,
        Unavailable::QualitativeTarget,
        Unavailable::NoActual,
        Unavailable::TooFewPoints,
        Unavailable::NonPositiveValue,
        Unavailable::TargetEqualsBase,
        Unavailable::TargetNotAfterBase,
        Unavailable::NoPreCovidValue,
        Unavailable::NoCovidYearValue,
        Unavailable::NoDip,
        Unavailable::NoRecoveryValue,
        Unavailable::Undefined,
        Unavailable::NoActualSinceBase,
        Unavailable::TargetPeriodPassed,
    ];

    /// The stable machine-readable code of the reason (the serde name): what the dataset
    /// CSVs write in their `…_reason` columns.
    pub fn slug(self) -> &'static str {
        match self {
            Unavailable::NoBaseline => "no_baseline",
            Unavailable::NoTarget => "no_target",
            Unavailable::QualitativeTarget => "qualitative_target",
            Unavailable::NoActual => "no_actual",
            Unavailable::TooFewPoints => "too_few_points",
            Unavailable::NonPositiveValue => "non_positive_value",
            Unavailable::TargetEqualsBase => "target_equals_base",
            Unavailable::TargetNotAfterBase => "target_not_after_base",
            Unavailable::NoPreCovidValue => "no_pre_covid_value",
            Unavailable::NoCovidYearValue => "no_covid_year_value",
            Unavailable::NoDip => "no_dip",
            Unavailable::NoRecoveryValue => "no_recovery_value",
            Unavailable::Undefined => "undefined",
            Unavailable::NoActualSinceBase => "no_actual_since_base",
            Unavailable::TargetPeriodPassed => "target_period_passed",
        }
    }

    pub fn reason_en(self) -> &'static str {
        match self {
            Unavailable::NoBaseline => "no baseline",
            Unavailable::NoTarget => "no target in this edition",
            Unavailable::QualitativeTarget => "the target is not a number",
            Unavailable::NoActual => "no actual value yet",
            Unavailable::TooFewPoints => "too few values",
            Unavailable::NonPositiveValue => "a growth rate needs values above zero",
            Unavailable::TargetEqualsBase => "the target equals the base",
            Unavailable::TargetNotAfterBase => "the target year is not after the base year",
            Unavailable::NoPreCovidValue => "no value before 2020",
            Unavailable::NoCovidYearValue => "no 2020 value",
            Unavailable::NoDip => "no fall in 2020",
            Unavailable::NoRecoveryValue => "no 2021 value",
            Unavailable::Undefined => "not defined for these values",
            Unavailable::NoActualSinceBase => "no actual after the base yet, too early to judge",
            Unavailable::TargetPeriodPassed => "the target year has passed: see the final result",
        }
    }

    pub fn reason_ja(self) -> &'static str {
        match self {
            Unavailable::NoBaseline => "基準値がありません",
            Unavailable::NoTarget => "この版には目標値がありません",
            Unavailable::QualitativeTarget => "目標値が数値ではありません",
            Unavailable::NoActual => "実績値がまだありません",
            Unavailable::TooFewPoints => "値が少なすぎます",
            Unavailable::NonPositiveValue => "伸び率には0より大きい値が必要です",
            Unavailable::TargetEqualsBase => "目標値が基準値と同じです",
            Unavailable::TargetNotAfterBase => "目標年度が基準年度より後ではありません",
            Unavailable::NoPreCovidValue => "2020年より前の値がありません",
            Unavailable::NoCovidYearValue => "2020年の値がありません",
            Unavailable::NoDip => "2020年に落ち込んでいません",
            Unavailable::NoRecoveryValue => "2021年の値がありません",
            Unavailable::Undefined => "この値では計算できません",
            Unavailable::NoActualSinceBase => "基準の後の実績値がまだなく、判断できません",
            Unavailable::TargetPeriodPassed => "目標年度を過ぎています（最終結果を参照）",
        }
    }
}

/// A computed value, or why it is undefined.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric<T> {
    Value(T),
    Unavailable(Unavailable),
}

impl<T> Metric<T> {
    pub fn value(&self) -> Option<&T> {
        match self {
            Metric::Value(v) => Some(v),
            Metric::Unavailable(_) => None,
        }
    }

    pub fn reason(&self) -> Option<Unavailable> {
        match self {
            Metric::Value(_) => None,
            Metric::Unavailable(u) => Some(*u),
        }
    }

    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Metric<U> {
        match self {
            Metric::Value(v) => Metric::Value(f(v)),
            Metric::Unavailable(u) => Metric::Unavailable(u),
        }
    }

    pub fn and_then<U>(self, f: impl FnOnce(T) -> Metric<U>) -> Metric<U> {
        match self {
            Metric::Value(v) => f(v),
            Metric::Unavailable(u) => Metric::Unavailable(u),
        }
    }

    pub fn as_ref(&self) -> Metric<&T> {
        match self {
            Metric::Value(v) => Metric::Value(v),
            Metric::Unavailable(u) => Metric::Unavailable(*u),
        }
    }
}

impl<T> From<Result<T, Unavailable>> for Metric<T> {
    fn from(r: Result<T, Unavailable>) -> Self {
        match r {
            Ok(v) => Metric::Value(v),
            Err(u) => Metric::Unavailable(u),
        }
    }
}

impl<T> From<Metric<T>> for Result<T, Unavailable> {
    fn from(m: Metric<T>) -> Self {
        match m {
            Metric::Value(v) => Ok(v),
            Metric::Unavailable(u) => Err(u),
        }
    }
}

/// Checks that a result is finite.
pub fn finite(x: f64) -> Result<f64, Unavailable> {
    if x.is_finite() {
        Ok(x)
    } else {
        Err(Unavailable::Undefined)
    }
}

#[cfg(test)]
mod tests {
    use super::Unavailable::{self, *};

    /// A new reason breaks this exhaustive match, and its index then points past
    /// [`Unavailable::ALL`] until the list is extended.
    #[test]
    fn all_lists_every_reason_once() {
        for (i, u) in Unavailable::ALL.into_iter().enumerate() {
            let index = match u {
                NoBaseline => 0,
                NoTarget => 1,
                QualitativeTarget => 2,
                NoActual => 3,
                TooFewPoints => 4,
                NonPositiveValue => 5,
                TargetEqualsBase => 6,
                TargetNotAfterBase => 7,
                NoPreCovidValue => 8,
                NoCovidYearValue => 9,
                NoDip => 10,
                NoRecoveryValue => 11,
                Undefined => 12,
                NoActualSinceBase => 13,
                TargetPeriodPassed => 14,
            };
            assert_eq!(index, i);
            assert!(!u.reason_en().is_empty() && !u.reason_ja().is_empty());
        }
    }

    /// The CSV reason codes are the serde names, so the CSV and the JSON analysis agree.
    #[test]
    fn slugs_are_the_serde_names() {
        for u in Unavailable::ALL {
            let json = serde_json::to_string(&u).expect("serialise");
            assert_eq!(json, format!("\"{}\"", u.slug()));
        }
    }
}
