//! The data types of the per-indicator analysis: what the UI and the CLI read.

use serde::Serialize;

use super::thresholds::{
    ACCELERATION_MIN_RATIO, ON_COURSE_MIN_RATIO, PACE_LIMITED_MIN, PACE_MODERATE_MIN,
    PACE_SUBSTANTIAL_MIN,
};
use crate::analysis::metric::Metric;
use crate::model::{EditionId, Observation, OfficialStatus, Period};

/// A dated number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub period: Period,
    pub value: f64,
}

impl Point {
    pub(super) fn t(&self) -> f64 {
        self.period.t()
    }
}

/// Which observations an analysis may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every observation of every edition (the latest knowledge).
    AllEditions,
    /// Only what one edition printed (e.g. what a progress report's official status saw).
    Edition(EditionId),
}

impl Scope {
    pub(super) fn admits(self, o: &Observation) -> bool {
        match self {
            Scope::AllEditions => true,
            Scope::Edition(e) => o.edition == e,
        }
    }
}

/// Where the base of a target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum BaseSource {
    /// The edition's own baseline (基準値 / 現状値).
    EditionBaseline,
    /// A later actual the edition re-bases its target on (a (※) footnote).
    Rebased,
    /// The baseline is not available (`-`): the earliest actual stands in.
    EarliestActual,
}

/// The base of a target.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Base {
    pub point: Point,
    pub source: BaseSource,
}

/// The projection method.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// Compound annual growth (UN Statistics Division SDG Progress Chart).
    Cagr,
    /// A least-squares straight line.
    Line,
}

impl Method {
    pub fn slug(self) -> &'static str {
        match self {
            Method::Cagr => "cagr",
            Method::Line => "line",
        }
    }
}

/// The pace a projection continues.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Scenario {
    /// The trend since the base (CAGR) or through all actuals (line).
    SinceBaseline,
    /// The change between the last two actuals.
    RecentPace,
}

impl Scenario {
    pub fn slug(self) -> &'static str {
        match self {
            Scenario::SinceBaseline => "since_baseline",
            Scenario::RecentPace => "recent_pace",
        }
    }
}

/// The outlook for a target (best first).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Outlook {
    /// The latest value already meets the target.
    TargetAchieved,
    /// Projected ratio ≥ [`ON_COURSE_MIN_RATIO`].
    OnCourse,
    /// [`ACCELERATION_MIN_RATIO`] ≤ projected ratio < [`ON_COURSE_MIN_RATIO`].
    AccelerationNeeded,
    /// Projected ratio < [`ACCELERATION_MIN_RATIO`].
    StagnationOrRegression,
}

impl Outlook {
    pub const ALL: [Outlook; 4] = [
        Outlook::TargetAchieved,
        Outlook::OnCourse,
        Outlook::AccelerationNeeded,
        Outlook::StagnationOrRegression,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            Outlook::TargetAchieved => "target_achieved",
            Outlook::OnCourse => "on_course",
            Outlook::AccelerationNeeded => "acceleration_needed",
            Outlook::StagnationOrRegression => "stagnation_or_regression",
        }
    }

    pub fn name_en(self) -> &'static str {
        match self {
            Outlook::TargetAchieved => "Target achieved",
            Outlook::OnCourse => "On course",
            Outlook::AccelerationNeeded => "Acceleration needed",
            Outlook::StagnationOrRegression => "Stagnation or regression",
        }
    }

    pub fn name_ja(self) -> &'static str {
        match self {
            Outlook::TargetAchieved => "目標達成済み",
            Outlook::OnCourse => "達成見込み",
            Outlook::AccelerationNeeded => "加速が必要",
            Outlook::StagnationOrRegression => "停滞・後退",
        }
    }

    /// The class of a projected ratio p.
    pub fn from_ratio(p: f64) -> Outlook {
        if p >= ON_COURSE_MIN_RATIO {
            Outlook::OnCourse
        } else if p >= ACCELERATION_MIN_RATIO {
            Outlook::AccelerationNeeded
        } else {
            Outlook::StagnationOrRegression
        }
    }
}

/// When a projection reaches the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum YearReached {
    /// The latest value already meets it.
    AlreadyMet,
    /// The first year at or after which the projection meets it.
    Year(i32),
    /// The pace moves away from the target, is zero, or gets there only after
    /// [`super::thresholds::LAST_YEAR_REACHED`].
    NotAtThisPace,
}

/// One projection to the target year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Projection {
    pub method: Method,
    pub scenario: Scenario,
    /// v̂_T, the projected value at the target period.
    pub projected_value: f64,
    /// p = (v̂_T − b) / (T − b); for T = b, 1 when v̂_T meets the target, else 0.
    pub projected_ratio: f64,
    pub outlook: Outlook,
    pub year_reached: YearReached,
    /// The yearly rate (CAGR) or slope (line) that was continued.
    pub pace: f64,
}

/// Statistics Canada / Open SDG pace classes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum PaceClass {
    Substantial,
    Moderate,
    Limited,
    Deterioration,
}

impl PaceClass {
    pub fn from_ratio(r: f64) -> Self {
        if r >= PACE_SUBSTANTIAL_MIN {
            PaceClass::Substantial
        } else if r >= PACE_MODERATE_MIN {
            PaceClass::Moderate
        } else if r >= PACE_LIMITED_MIN {
            PaceClass::Limited
        } else {
            PaceClass::Deterioration
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            PaceClass::Substantial => "substantial",
            PaceClass::Moderate => "moderate",
            PaceClass::Limited => "limited",
            PaceClass::Deterioration => "deterioration",
        }
    }
}

/// R = d · CAGR_observed / |CAGR_required|.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PaceRatio {
    pub ratio: f64,
    pub observed_cagr: f64,
    pub required_cagr: f64,
    pub class: PaceClass,
}

/// The result against a target whose period has come: an actual exists for the target's
/// period or later (DESIGN.md §4 "Past the target year"). No projection is made to it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FinalResult {
    /// The actual the target is judged on: the first one at or after the target's period.
    pub actual: Point,
    /// Whether that actual meets the target.
    pub achieved: bool,
    /// a = (v − b) / (T − b) at that actual.
    pub rate: Metric<f64>,
    /// The first period, from the base on, whose value met the target; `None` if none did
    /// (left out of JSON, where null would read as a missing number).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub year_met: Option<Period>,
}

/// Everything computed for one series against one edition's target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TargetAnalysis {
    pub edition: EditionId,
    pub series: Option<String>,
    pub target: Metric<Point>,
    pub base: Metric<Base>,
    pub latest: Metric<Point>,
    /// Whether the latest value meets the target.
    pub target_met: Metric<bool>,
    /// a = (v − b) / (T − b).
    pub achievement: Metric<f64>,
    /// e = (t_v − t_b) / (t_T − t_b), at most 1 (a straight path ends at the target).
    pub expected_progress: Metric<f64>,
    /// The final result, once an actual exists for the target's period or later; then
    /// every projection is [`crate::analysis::Unavailable::TargetPeriodPassed`].
    #[serde(skip_serializing_if = "Option::is_none")]
    pub final_result: Option<FinalResult>,
    /// The method used for the outlook: the line for cumulative indicators and where CAGR is undefined.
    pub default_method: Method,
    pub cagr_since_baseline: Metric<Projection>,
    pub line_since_baseline: Metric<Projection>,
    pub cagr_recent_pace: Metric<Projection>,
    pub line_recent_pace: Metric<Projection>,
    /// The default method's since-baseline outlook (target achieved wins).
    pub outlook: Metric<Outlook>,
    /// (T − v) / (t_T − t_v), per year.
    pub required_yearly_change: Metric<f64>,
    /// (v − b) / (t_v − t_b), per year.
    pub observed_yearly_change: Metric<f64>,
    pub pace_ratio: Metric<PaceRatio>,
}

impl TargetAnalysis {
    /// The projection for a method and scenario.
    pub fn projection(&self, method: Method, scenario: Scenario) -> &Metric<Projection> {
        match (method, scenario) {
            (Method::Cagr, Scenario::SinceBaseline) => &self.cagr_since_baseline,
            (Method::Line, Scenario::SinceBaseline) => &self.line_since_baseline,
            (Method::Cagr, Scenario::RecentPace) => &self.cagr_recent_pace,
            (Method::Line, Scenario::RecentPace) => &self.line_recent_pace,
        }
    }

    /// The outlook under a method and scenario (target achieved wins; a final result
    /// decides alone).
    pub fn outlook_for(&self, method: Method, scenario: Scenario) -> Metric<Outlook> {
        if self.final_result.is_some() {
            return self.outlook.clone();
        }
        if let Metric::Value(true) = self.target_met {
            return Metric::Value(Outlook::TargetAchieved);
        }
        self.projection(method, scenario)
            .as_ref()
            .map(|p| p.outlook)
    }
}

/// The COVID dip and recovery of one series.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CovidImpact {
    pub series: Option<String>,
    /// δ = d · (v_2020 − v_pre) / |v_pre|.
    pub dip: Metric<f64>,
    /// r = (v_2021 − v_2020) / (v_pre − v_2020), when it dipped.
    pub recovery: Metric<f64>,
    /// The year the pre-COVID level is regained at the 2020→2021 pace.
    pub recovery_year: Metric<YearReached>,
    /// δ ≤ [`super::thresholds::COVID_AFFECTED_MAX_DIP`].
    pub affected: bool,
}

/// The indicative status from the numbers (Tama City's pro-rated rule).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum IndicativeStatus {
    OnTrack,
    MostlyOnTrack,
    DelayedCovid,
    Delayed,
}

impl IndicativeStatus {
    /// The official status it corresponds to.
    pub fn as_official(self) -> OfficialStatus {
        match self {
            IndicativeStatus::OnTrack => OfficialStatus::OnTrack,
            IndicativeStatus::MostlyOnTrack => OfficialStatus::MostlyOnTrack,
            IndicativeStatus::DelayedCovid => OfficialStatus::DelayedCovid,
            IndicativeStatus::Delayed => OfficialStatus::Delayed,
        }
    }

    pub(super) fn rank(self) -> u8 {
        match self {
            IndicativeStatus::OnTrack => 0,
            IndicativeStatus::MostlyOnTrack => 1,
            IndicativeStatus::DelayedCovid | IndicativeStatus::Delayed => 2,
        }
    }
}
