//! Per-indicator arithmetic (DESIGN.md §4): achievement, expected progress, the base of a
//! target, projections under two methods and two scenarios, outlook, pace ratio and the
//! COVID dip and recovery, computed per series.
//!
//! Notation follows the methodology: b = base value at t_b, v = latest actual at t_v,
//! T = target at t_T, d = +1 when higher is better and −1 when lower is better.
//! Times are Gregorian years ([`Period::t`]).

use serde::Serialize;

use super::metric::{finite, Metric, Unavailable};
use crate::model::{
    Better, Caveat, Direction, EditionId, Indicator, Observation, OfficialStatus, Period, Role,
    Value,
};

/// A dated number.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Point {
    pub period: Period,
    pub value: f64,
}

impl Point {
    fn t(&self) -> f64 {
        self.period.t()
    }
}

/// Which observations an analysis may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Every observation of every edition (the latest knowledge).
    AllEditions,
    /// Only what one edition printed (e.g. what the FY2021 report's official status saw).
    Edition(EditionId),
}

impl Scope {
    fn admits(self, o: &Observation) -> bool {
        match self {
            Scope::AllEditions => true,
            Scope::Edition(e) => o.edition == e,
        }
    }
}

/// The dated numeric values (baselines and actuals) of one series, oldest first, each
/// period once: a cell that repeats an earlier period is counted once.
pub fn actual_points(ind: &Indicator, series: Option<&str>, scope: Scope) -> Vec<Point> {
    let mut pts: Vec<Point> = Vec::new();
    for o in &ind.observations {
        if o.role == Role::Target || !o.applies_to(series) || !scope.admits(o) {
            continue;
        }
        let Some(value) = o.value.number() else {
            continue;
        };
        if !value.is_finite() || pts.iter().any(|p| p.period == o.period) {
            continue;
        }
        pts.push(Point {
            period: o.period,
            value,
        });
    }
    pts.sort_by(|a, b| a.t().total_cmp(&b.t()));
    pts
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
    /// The trend since the base.
    SinceBaseline,
    /// The change between the last two values.
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
    /// Projected ratio ≥ 0.95.
    OnCourse,
    /// 0.10 ≤ projected ratio < 0.95.
    AccelerationNeeded,
    /// Projected ratio < 0.10.
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
        if p >= 0.95 {
            Outlook::OnCourse
        } else if p >= 0.10 {
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
    /// The pace moves away from the target, is zero, or gets there only after 2100.
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
        if r >= 0.95 {
            PaceClass::Substantial
        } else if r >= 0.60 {
            PaceClass::Moderate
        } else if r >= 0.0 {
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
    /// e = (t_v − t_b) / (t_T − t_b).
    pub expected_progress: Metric<f64>,
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

    /// The outlook under a method and scenario (target achieved wins).
    pub fn outlook_for(&self, method: Method, scenario: Scenario) -> Metric<Outlook> {
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
    /// δ ≤ −10%.
    pub affected: bool,
}

/// d for an indicator.
pub fn sign(ind: &Indicator) -> f64 {
    match (ind.direction, ind.better) {
        (Direction::Increase, _) => 1.0,
        (Direction::Decrease, _) => -1.0,
        (Direction::Maintain, b) => b.sign(),
    }
}

fn target_obs<'a>(
    ind: &'a Indicator,
    series: Option<&str>,
    edition: EditionId,
) -> Option<&'a Observation> {
    ind.observations
        .iter()
        .find(|o| o.role == Role::Target && o.edition == edition && o.applies_to(series))
}

fn target_point(ind: &Indicator, series: Option<&str>, edition: EditionId) -> Metric<Point> {
    match target_obs(ind, series, edition) {
        None => Metric::Unavailable(Unavailable::NoTarget),
        Some(o) => match &o.value {
            Value::Number { number } | Value::None { number, .. } if number.is_finite() => {
                Metric::Value(Point {
                    period: o.period,
                    value: *number,
                })
            }
            Value::Qualitative { .. } => Metric::Unavailable(Unavailable::QualitativeTarget),
            _ => Metric::Unavailable(Unavailable::NoTarget),
        },
    }
}

/// The base of an edition's target for one series (DESIGN.md §4 "Base of a target").
pub fn base_of(
    ind: &Indicator,
    series: Option<&str>,
    edition: EditionId,
    points: &[Point],
) -> Metric<Base> {
    let in_edition = |role: Role| {
        ind.observations
            .iter()
            .filter(move |o| o.edition == edition && o.role == role && o.applies_to(series))
    };
    if let Some(o) = in_edition(Role::Actual).rfind(|o| o.base_of_target) {
        if let Some(value) = o.value.number() {
            return Metric::Value(Base {
                point: Point {
                    period: o.period,
                    value,
                },
                source: BaseSource::Rebased,
            });
        }
    }
    if let Some(o) = in_edition(Role::Baseline).next() {
        if let Some(value) = o.value.number().filter(|v| v.is_finite()) {
            return Metric::Value(Base {
                point: Point {
                    period: o.period,
                    value,
                },
                source: BaseSource::EditionBaseline,
            });
        }
    }
    match points.first() {
        Some(p) => Metric::Value(Base {
            point: *p,
            source: BaseSource::EarliestActual,
        }),
        None => Metric::Unavailable(Unavailable::NoBaseline),
    }
}

/// Whether a value meets the target in the indicator's direction. A target written as a
/// leap year's 366 days means "every day of the year": it is met by 365 in a 365-day year.
fn meets(ind: &Indicator, v: Point, target: Point, target_has_leap_day: bool) -> bool {
    let t = if target_has_leap_day {
        target.value.min(f64::from(v.period.days()))
    } else {
        target.value
    };
    sign(ind) * (v.value - t) >= -1e-9
}

fn ratio_towards(
    ind: &Indicator,
    b: f64,
    t: f64,
    x: Point,
    target: Point,
    leap: bool,
) -> Result<f64, Unavailable> {
    if (t - b).abs() < 1e-12 {
        Ok(if meets(ind, x, target, leap) {
            1.0
        } else {
            0.0
        })
    } else {
        finite((x.value - b) / (t - b))
    }
}

fn cagr(from: f64, to: f64, years: f64) -> Result<f64, Unavailable> {
    if years <= 0.0 {
        return Err(Unavailable::TooFewPoints);
    }
    if from <= 0.0 || to <= 0.0 {
        return Err(Unavailable::NonPositiveValue);
    }
    finite((to / from).powf(1.0 / years) - 1.0)
}

/// Least squares through the points: (slope, intercept).
pub fn least_squares(points: &[Point]) -> Result<(f64, f64), Unavailable> {
    let n = points.len() as f64;
    if points.len() < 2 {
        return Err(Unavailable::TooFewPoints);
    }
    let mt = points.iter().map(|p| p.t()).sum::<f64>() / n;
    let mv = points.iter().map(|p| p.value).sum::<f64>() / n;
    let sxx: f64 = points.iter().map(|p| (p.t() - mt).powi(2)).sum();
    if sxx <= 0.0 {
        return Err(Unavailable::TooFewPoints);
    }
    let sxy: f64 = points.iter().map(|p| (p.t() - mt) * (p.value - mv)).sum();
    let slope = finite(sxy / sxx)?;
    Ok((slope, finite(mv - slope * mt)?))
}

fn first_year_at_or_after(t: f64) -> i32 {
    // Guard against float fuzz such as 2024.0000000001.
    (t - 1e-9).ceil() as i32
}

struct Ctx<'a> {
    ind: &'a Indicator,
    base: Base,
    latest: Point,
    target: Point,
    leap: bool,
}

impl Ctx<'_> {
    fn make(
        &self,
        method: Method,
        scenario: Scenario,
        projected: f64,
        pace: f64,
        year: YearReached,
    ) -> Result<Projection, Unavailable> {
        let projected_value = finite(projected)?;
        let pv = Point {
            period: self.target.period,
            value: projected_value,
        };
        let projected_ratio = ratio_towards(
            self.ind,
            self.base.point.value,
            self.target.value,
            pv,
            self.target,
            self.leap,
        )?;
        Ok(Projection {
            method,
            scenario,
            projected_value,
            projected_ratio,
            outlook: Outlook::from_ratio(projected_ratio),
            year_reached: year,
            pace,
        })
    }

    fn already_met(&self) -> bool {
        meets(self.ind, self.latest, self.target, self.leap)
    }

    /// Growth from (t0, v0) at yearly rate g: when is the target reached?
    fn year_by_growth(&self, anchor: Point, g: f64) -> YearReached {
        if self.already_met() {
            return YearReached::AlreadyMet;
        }
        let d = sign(self.ind);
        if d * g <= 0.0 || self.target.value <= 0.0 {
            return YearReached::NotAtThisPace;
        }
        let years = (self.target.value / anchor.value).ln() / (1.0 + g).ln();
        year_from(anchor.t() + years, self.latest.t())
    }

    /// A straight line value(t) = v0 + m (t − t0): when is the target reached?
    fn year_by_line(&self, anchor_t: f64, anchor_v: f64, m: f64) -> YearReached {
        if self.already_met() {
            return YearReached::AlreadyMet;
        }
        let d = sign(self.ind);
        if d * m <= 0.0 {
            return YearReached::NotAtThisPace;
        }
        year_from(
            anchor_t + (self.target.value - anchor_v) / m,
            self.latest.t(),
        )
    }
}

fn year_from(t: f64, not_before: f64) -> YearReached {
    if !t.is_finite() || t > 2100.0 {
        return YearReached::NotAtThisPace;
    }
    YearReached::Year(first_year_at_or_after(t.max(not_before)))
}

/// Analyses one series against one edition's target, using the observations in `scope`.
pub fn analyze_target(
    ind: &Indicator,
    series: Option<&str>,
    edition: EditionId,
    scope: Scope,
) -> TargetAnalysis {
    let points = actual_points(ind, series, scope);
    let target = target_point(ind, series, edition);
    let base = base_of(ind, series, edition, &points);
    let leap =
        target_obs(ind, series, edition).is_some_and(|o| o.caveats.contains(&Caveat::LeapYear));
    let latest: Metric<Point> = match points.last() {
        Some(p) => Metric::Value(*p),
        None => Metric::Unavailable(Unavailable::NoActual),
    };
    let unavailable = |u: Unavailable| TargetAnalysis {
        edition,
        series: series.map(str::to_string),
        target: target.clone(),
        base: base.clone(),
        latest: latest.clone(),
        target_met: Metric::Unavailable(u),
        achievement: Metric::Unavailable(u),
        expected_progress: Metric::Unavailable(u),
        default_method: if ind.cumulative {
            Method::Line
        } else {
            Method::Cagr
        },
        cagr_since_baseline: Metric::Unavailable(u),
        line_since_baseline: Metric::Unavailable(u),
        cagr_recent_pace: Metric::Unavailable(u),
        line_recent_pace: Metric::Unavailable(u),
        outlook: Metric::Unavailable(u),
        required_yearly_change: Metric::Unavailable(u),
        observed_yearly_change: Metric::Unavailable(u),
        pace_ratio: Metric::Unavailable(u),
    };
    let (t_pt, b, v) = match (&target, &base, &latest) {
        (Metric::Value(t), Metric::Value(b), Metric::Value(v)) => (*t, *b, *v),
        (Metric::Unavailable(u), _, _)
        | (_, Metric::Unavailable(u), _)
        | (_, _, Metric::Unavailable(u)) => return unavailable(*u),
    };
    // Only values from the base on count for the pace.
    let since_base: Vec<Point> = points
        .iter()
        .copied()
        .filter(|p| p.t() >= b.point.t())
        .collect();
    let v = if v.t() < b.point.t() { b.point } else { v };
    let ctx = Ctx {
        ind,
        base: b,
        latest: v,
        target: t_pt,
        leap,
    };
    let met = meets(ind, v, t_pt, leap);
    let (tb, tv, tt) = (b.point.t(), v.t(), t_pt.t());
    let achievement: Metric<f64> =
        ratio_towards(ind, b.point.value, t_pt.value, v, t_pt, leap).into();
    let expected_progress: Metric<f64> = if tt <= tb {
        Metric::Unavailable(Unavailable::TargetNotAfterBase)
    } else {
        finite((tv - tb) / (tt - tb)).into()
    };

    let horizon = tt - tv;
    let cagr_since: Metric<Projection> = (|| {
        let g = cagr(b.point.value, v.value, tv - tb)?;
        ctx.make(
            Method::Cagr,
            Scenario::SinceBaseline,
            v.value * (1.0 + g).powf(horizon),
            g,
            ctx.year_by_growth(v, g),
        )
    })()
    .into();
    let line_since: Metric<Projection> = (|| {
        let (m, c) = least_squares(&since_base)?;
        let at = |t: f64| c + m * t;
        ctx.make(
            Method::Line,
            Scenario::SinceBaseline,
            at(tt),
            m,
            ctx.year_by_line(tv, at(tv), m),
        )
    })()
    .into();
    let last_two = || -> Result<(Point, Point), Unavailable> {
        match since_base.as_slice() {
            [.., p1, p2] => Ok((*p1, *p2)),
            _ => Err(Unavailable::TooFewPoints),
        }
    };
    let cagr_recent: Metric<Projection> = (|| {
        let (p1, p2) = last_two()?;
        let g = cagr(p1.value, p2.value, p2.t() - p1.t())?;
        ctx.make(
            Method::Cagr,
            Scenario::RecentPace,
            p2.value * (1.0 + g).powf(tt - p2.t()),
            g,
            ctx.year_by_growth(p2, g),
        )
    })()
    .into();
    let line_recent: Metric<Projection> = (|| {
        let (p1, p2) = last_two()?;
        let m = finite((p2.value - p1.value) / (p2.t() - p1.t()))?;
        ctx.make(
            Method::Line,
            Scenario::RecentPace,
            p2.value + m * (tt - p2.t()),
            m,
            ctx.year_by_line(p2.t(), p2.value, m),
        )
    })()
    .into();

    let default_method = if ind.cumulative || cagr_since.value().is_none() {
        Method::Line
    } else {
        Method::Cagr
    };
    let default_projection = match default_method {
        Method::Cagr => &cagr_since,
        Method::Line => &line_since,
    };
    let outlook = if met {
        Metric::Value(Outlook::TargetAchieved)
    } else {
        default_projection.as_ref().map(|p| p.outlook)
    };
    let required_yearly_change: Metric<f64> = if tt > tv {
        finite((t_pt.value - v.value) / (tt - tv)).into()
    } else {
        Metric::Unavailable(Unavailable::TargetNotAfterBase)
    };
    let observed_yearly_change: Metric<f64> = if tv > tb {
        finite((v.value - b.point.value) / (tv - tb)).into()
    } else {
        Metric::Unavailable(Unavailable::TooFewPoints)
    };
    let pace_ratio: Metric<PaceRatio> = (|| {
        let observed = cagr(b.point.value, v.value, tv - tb)?;
        let required = cagr(b.point.value, t_pt.value, tt - tb)?;
        if required.abs() < 1e-12 {
            return Err(Unavailable::TargetEqualsBase);
        }
        let ratio = finite(sign(ind) * observed / required.abs())?;
        Ok(PaceRatio {
            ratio,
            observed_cagr: observed,
            required_cagr: required,
            class: PaceClass::from_ratio(ratio),
        })
    })()
    .into();

    TargetAnalysis {
        edition,
        series: series.map(str::to_string),
        target,
        base,
        latest: Metric::Value(v),
        target_met: Metric::Value(met),
        achievement,
        expected_progress,
        default_method,
        cagr_since_baseline: cagr_since,
        line_since_baseline: line_since,
        cagr_recent_pace: cagr_recent,
        line_recent_pace: line_recent,
        outlook,
        required_yearly_change,
        observed_yearly_change,
        pace_ratio,
    }
}

/// The COVID dip and recovery of one series (DESIGN.md §4 "COVID impact").
pub fn covid_impact(ind: &Indicator, series: Option<&str>, scope: Scope) -> CovidImpact {
    let points = actual_points(ind, series, scope);
    let pre = points.iter().rfind(|p| p.period.year < 2020).copied();
    let y2020 = points.iter().find(|p| p.period.year == 2020).copied();
    let y2021 = points.iter().find(|p| p.period.year == 2021).copied();
    let d = sign(ind);
    let dip: Result<f64, Unavailable> = match (pre, y2020) {
        (None, _) => Err(Unavailable::NoPreCovidValue),
        (_, None) => Err(Unavailable::NoCovidYearValue),
        (Some(p), Some(c)) if p.value.abs() < 1e-12 => {
            if (c.value - p.value).abs() < 1e-12 {
                Ok(0.0)
            } else {
                Err(Unavailable::NonPositiveValue)
            }
        }
        (Some(p), Some(c)) => finite(d * (c.value - p.value) / p.value.abs()),
    };
    let recovery: Result<f64, Unavailable> = match (dip, pre, y2020, y2021) {
        (Err(u), ..) => Err(u),
        (Ok(delta), ..) if delta >= 0.0 => Err(Unavailable::NoDip),
        (Ok(_), _, _, None) => Err(Unavailable::NoRecoveryValue),
        (Ok(_), Some(p), Some(c), Some(n)) => finite((n.value - c.value) / (p.value - c.value)),
        _ => Err(Unavailable::Undefined),
    };
    let recovery_year: Result<YearReached, Unavailable> = match (recovery, pre, y2020, y2021) {
        (Err(u), ..) => Err(u),
        (Ok(r), ..) if r >= 1.0 => Ok(YearReached::AlreadyMet),
        (Ok(_), Some(p), Some(c), Some(n)) => {
            let pace = n.value - c.value;
            if d * pace <= 0.0 {
                Ok(YearReached::NotAtThisPace)
            } else {
                finite((p.value - n.value) / pace).map(|years| year_from(n.t() + years, n.t()))
            }
        }
        _ => Err(Unavailable::Undefined),
    };
    CovidImpact {
        series: series.map(str::to_string),
        affected: matches!(dip, Ok(x) if x <= -0.10),
        dip: dip.into(),
        recovery: recovery.into(),
        recovery_year: recovery_year.into(),
    }
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

    fn rank(self) -> u8 {
        match self {
            IndicativeStatus::OnTrack => 0,
            IndicativeStatus::MostlyOnTrack => 1,
            IndicativeStatus::DelayedCovid | IndicativeStatus::Delayed => 2,
        }
    }
}

/// On track when the target is met or a ≥ e; mostly on track when a ≥ 0.6·e; otherwise
/// delayed, "(COVID)" when the series is COVID-affected (computed).
pub fn indicative_status(ta: &TargetAnalysis, covid_affected: bool) -> Metric<IndicativeStatus> {
    if let Metric::Value(true) = ta.target_met {
        return Metric::Value(IndicativeStatus::OnTrack);
    }
    let (a, e) = match (&ta.achievement, &ta.expected_progress) {
        (Metric::Value(a), Metric::Value(e)) => (*a, *e),
        (Metric::Unavailable(u), _) | (_, Metric::Unavailable(u)) => {
            return Metric::Unavailable(*u)
        }
    };
    if e <= 0.0 {
        return Metric::Unavailable(Unavailable::TooFewPoints);
    }
    Metric::Value(if a >= e {
        IndicativeStatus::OnTrack
    } else if a >= 0.6 * e {
        IndicativeStatus::MostlyOnTrack
    } else if covid_affected {
        IndicativeStatus::DelayedCovid
    } else {
        IndicativeStatus::Delayed
    })
}

/// The worst of several series' indicative statuses (a delay with COVID wins over a plain one
/// only when every delayed series is COVID-affected).
pub fn worst_status(statuses: &[Metric<IndicativeStatus>]) -> Metric<IndicativeStatus> {
    let mut worst: Option<IndicativeStatus> = None;
    for s in statuses {
        match s {
            Metric::Unavailable(u) => return Metric::Unavailable(*u),
            Metric::Value(v) => {
                worst = Some(match worst {
                    None => *v,
                    Some(w) if v.rank() > w.rank() => *v,
                    Some(w) if v.rank() == w.rank() && *v == IndicativeStatus::Delayed => *v,
                    Some(w) => w,
                })
            }
        }
    }
    worst.map_or(Metric::Unavailable(Unavailable::NoActual), Metric::Value)
}

/// The outlook of an indicator from its series: target achieved only when all are, else the worst.
pub fn worst_outlook(outlooks: &[Metric<Outlook>]) -> Metric<Outlook> {
    let mut worst: Option<Outlook> = None;
    for o in outlooks {
        match o {
            Metric::Unavailable(u) => return Metric::Unavailable(*u),
            Metric::Value(v) => worst = Some(worst.map_or(*v, |w| w.max(*v))),
        }
    }
    worst.map_or(Metric::Unavailable(Unavailable::NoActual), Metric::Value)
}

/// A `Better` value for tests and generators.
pub fn better_for(direction: Direction) -> Better {
    match direction {
        Direction::Decrease => Better::Lower,
        _ => Better::Higher,
    }
}
