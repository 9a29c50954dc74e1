//! Figures a reader can read (issue 13 items 2 and 3): which headline figure a page shows
//! for an achievement rate or a projection, the range a quantity can take, and the dates
//! that say how old the data is.
//!
//! The arithmetic is unchanged: a = (v − b) / (T − b) stays exact in the analysis and in
//! "show the computation". What changes is the headline. A rate explodes when a target
//! sits just above its base (a fall of 50% against a target 18% above the base reads
//! −284.7%), and a projection can leave the quantity's possible range (a negative count
//! of visitors). Both say nothing a reader can use, so the page says in words what
//! happened instead. `docs/methodology.md` ("Readable figures") states the rules with
//! examples from the embedded data.

use serde::Serialize;

use super::indicator::TargetAnalysis;
use super::metric::{Metric, Unavailable};
use crate::model::{Dataset, EditionId, Indicator, Period, PeriodKind, Role};

/// The lowest percentage shown as a headline: −100%. Below it a rate measures how small
/// the denominator (T − b, or the base) is, not progress: −100% already means "moved
/// away from the target by the whole distance to it".
pub const READABLE_PERCENT_MIN: f64 = -1.0;

/// The highest percentage shown as a headline: 1,000% (ten times the way to the target,
/// or ten times the base). Beyond it the digits again measure a tiny denominator.
pub const READABLE_PERCENT_MAX: f64 = 10.0;

/// Units whose values are shares of a whole: 0 to 100 (the dataset writes them as `%`).
pub const SHARE_UNITS: &[&str] = &["%", "％"];

/// Units whose values are counts, lengths of time, areas or ages: never below zero. A
/// unit missing from both lists (an amount of money, which could be a balance; a rate
/// such as children per woman written without a unit) gets no bound.
pub const NON_NEGATIVE_UNITS: &[&str] = &[
    "人",
    "万人",
    "件",
    "回",
    "か所",
    "カ所",
    "ヵ所",
    "ヶ所",
    "箇所",
    "日",
    "ha",
    "事業所",
    "教室",
    "基",
    "歳",
];

/// Whether a percentage is inside the range a reader can interpret
/// ([`READABLE_PERCENT_MIN`] ..= [`READABLE_PERCENT_MAX`]).
pub fn is_readable_percent(x: f64) -> bool {
    (READABLE_PERCENT_MIN..=READABLE_PERCENT_MAX).contains(&x)
}

/// The values a quantity can take, from its unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PossibleRange {
    /// A share: 0 to 100.
    Share,
    /// A count, duration, area or age: zero or more.
    NonNegative,
    /// A unit not classified: any value.
    Unbounded,
}

impl PossibleRange {
    /// The range of an indicator's values, from its Japanese unit as the source writes it.
    pub fn of(ind: &Indicator) -> Self {
        let unit = ind.unit.ja.trim();
        if SHARE_UNITS.contains(&unit) {
            PossibleRange::Share
        } else if NON_NEGATIVE_UNITS.contains(&unit) {
            PossibleRange::NonNegative
        } else {
            PossibleRange::Unbounded
        }
    }

    /// Whether a value can be a value of this quantity.
    pub fn contains(self, x: f64) -> bool {
        match self {
            PossibleRange::Share => (0.0..=100.0).contains(&x),
            PossibleRange::NonNegative => x >= 0.0,
            PossibleRange::Unbounded => x.is_finite(),
        }
    }
}

/// The change of the latest value since the base, in the indicator's unit and relative
/// to the base.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ChangeSinceBase {
    /// v − b, in the indicator's unit.
    pub change: f64,
    /// (v − b) / |b|, when b ≠ 0 and the result is a readable percentage.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub relative: Option<f64>,
}

/// What the page shows in place of the achievement rate.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AchievementHeadline {
    /// The latest value meets the target.
    Achieved,
    /// The share of the way covered, 0 ≤ a < 1 (always a readable percentage).
    Percent(f64),
    /// a < 0: the value moved away from the target since the base.
    MovedAway(ChangeSinceBase),
    /// a > 1 without meeting the target (a target on the other side of the base from
    /// where the indicator should go): the change is stated, no rate.
    ChangeOnly(ChangeSinceBase),
    /// No rate (no base, no target, …).
    Unavailable(Unavailable),
}

/// The headline for a target analysis' achievement.
pub fn achievement_headline(ta: &TargetAnalysis) -> AchievementHeadline {
    if let Metric::Value(true) = ta.target_met {
        return AchievementHeadline::Achieved;
    }
    let a = match ta.achievement {
        Metric::Value(a) => a,
        Metric::Unavailable(u) => return AchievementHeadline::Unavailable(u),
    };
    if (0.0..1.0).contains(&a) {
        return AchievementHeadline::Percent(a);
    }
    let change = match (&ta.base, &ta.latest) {
        (Metric::Value(b), Metric::Value(v)) => change_since_base(b.point.value, v.value),
        (Metric::Unavailable(u), _) | (_, Metric::Unavailable(u)) => {
            return AchievementHeadline::Unavailable(*u)
        }
    };
    if a < 0.0 {
        AchievementHeadline::MovedAway(change)
    } else {
        AchievementHeadline::ChangeOnly(change)
    }
}

/// v − b, and (v − b) / |b| when that is a readable percentage.
pub fn change_since_base(b: f64, v: f64) -> ChangeSinceBase {
    let change = v - b;
    let relative = (b != 0.0)
        .then(|| change / b.abs())
        .filter(|r| r.is_finite() && is_readable_percent(*r));
    ChangeSinceBase { change, relative }
}

/// What the page shows for one projection's value and projected achievement.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ProjectionHeadline {
    /// The projected value leaves the quantity's possible range (a negative count, a
    /// share above 100%): neither it nor its ratio is printed.
    NotMeaningful,
    /// The value and the ratio p, a readable percentage.
    Shown { value: f64, ratio: f64 },
    /// The value, and p above [`READABLE_PERCENT_MAX`]: "far past the target".
    FarPastTarget { value: f64 },
    /// The value, and p below [`READABLE_PERCENT_MIN`]: "moving away from the target".
    MovingAway { value: f64 },
}

/// The headline of a projection of `ind`: projected value v̂_T and ratio p.
pub fn projection_headline(ind: &Indicator, value: f64, ratio: f64) -> ProjectionHeadline {
    if !PossibleRange::of(ind).contains(value) {
        ProjectionHeadline::NotMeaningful
    } else if ratio > READABLE_PERCENT_MAX {
        ProjectionHeadline::FarPastTarget { value }
    } else if ratio < READABLE_PERCENT_MIN {
        ProjectionHeadline::MovingAway { value }
    } else {
        ProjectionHeadline::Shown { value, ratio }
    }
}

/// A year and month (1–12) of the calendar: the reader's "today", passed in (the core
/// reads no clock, so every result is reproducible).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
pub struct YearMonth {
    pub year: i32,
    pub month: u32,
}

/// The last month of a period: March of Y + 1 for fiscal year Y (April to March, as
/// [`Period::days`] counts it), December for calendar year Y.
pub fn period_end(p: Period) -> YearMonth {
    match p.kind {
        PeriodKind::FiscalYear => YearMonth {
            year: p.year + 1,
            month: 3,
        },
        PeriodKind::CalendarYear => YearMonth {
            year: p.year,
            month: 12,
        },
    }
}

/// Where a target's period stands.
///
/// Two clocks, on purpose. The data decides whether a target has been *judged*: an actual
/// for its period or later exists (then the analysis has a final result and projects
/// nothing). The reader's date decides whether the period is *over*: a target year that
/// ended before today but whose actual the data does not hold yet is marked as passed,
/// so a projection "to FY2024" read in 2026 does not look like a forecast of the future;
/// it then reads as what the trend said about a year whose result is still to come.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetTiming {
    /// The period is still ahead (or today's date is unknown) and no actual covers it.
    Ahead,
    /// The period ended before today, and the data has no actual for it yet.
    PassedAwaitingResult,
    /// An actual exists for the period or later: the final result stands.
    Judged,
}

/// Whether a period has ended before `today` (false when the date is unknown).
pub fn period_over(p: Period, today: Option<YearMonth>) -> bool {
    today.is_some_and(|today| period_end(p) < today)
}

/// The timing of a target, given today's date if known.
pub fn target_timing(ta: &TargetAnalysis, today: Option<YearMonth>) -> TargetTiming {
    if ta.final_result.is_some() {
        return TargetTiming::Judged;
    }
    match ta.target.value() {
        Some(t) if period_over(t.period, today) => TargetTiming::PassedAwaitingResult,
        _ => TargetTiming::Ahead,
    }
}

/// How old the data is: the latest actuals' periods and the editions they come from.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataAsOf {
    /// The latest period with a numeric actual, over all indicators (the latest end: a
    /// fiscal year after the calendar year of the same number).
    pub latest_actual: Option<Period>,
    /// The period most indicators' latest actual is in (a later one on a tie), with how
    /// many indicators: a footnote's later actual for one indicator does not make the
    /// whole dataset that recent.
    pub usual_latest_actual: Option<(Period, usize)>,
    /// Indicators with a numeric actual.
    pub indicators_with_actuals: usize,
    /// The latest year an edition evaluates (the official statuses' year).
    pub evaluated_fy: Option<i32>,
    /// The editions present in the dataset, in the dataset's order (their titles carry
    /// their publication as the source prints it).
    pub editions: Vec<EditionId>,
}

/// The latest period of an indicator with a numeric actual.
pub fn latest_actual(ind: &Indicator) -> Option<Period> {
    ind.observations
        .iter()
        .filter(|o| o.role == Role::Actual && o.value.number().is_some())
        .map(|o| o.period)
        .max_by_key(|p| period_end(*p))
}

/// The data's dates, from the dataset alone.
pub fn data_as_of(ds: &Dataset) -> DataAsOf {
    let latest: Vec<Period> = ds.indicators.iter().filter_map(latest_actual).collect();
    let mut counts: Vec<(Period, usize)> = Vec::new();
    for p in &latest {
        match counts.iter_mut().find(|(q, _)| q == p) {
            Some((_, n)) => *n += 1,
            None => counts.push((*p, 1)),
        }
    }
    let usual_latest_actual = counts.into_iter().max_by_key(|(p, n)| (*n, period_end(*p)));
    DataAsOf {
        latest_actual: latest.iter().copied().max_by_key(|p| period_end(*p)),
        usual_latest_actual,
        indicators_with_actuals: latest.len(),
        evaluated_fy: ds.editions.iter().filter_map(|e| e.evaluated_fy).max(),
        editions: ds.editions.iter().map(|e| e.id).collect(),
    }
}
