//! Projections to the target year: CAGR and least-squares line, each continued since the
//! baseline and at the recent pace; the year the target is reached; the pace ratio
//! (DESIGN.md §4 "Projection to the target year", "Scenarios", "Pace ratio").
//!
//! Projections only run forward: [`super::analyze_target`] calls them only when the
//! target's period is still ahead of the latest value.

use super::achievement::{meets, ratio_towards};
use super::base::sign;
use super::thresholds::{LAST_YEAR_REACHED, ZERO};
use super::types::{
    Base, Method, Outlook, PaceClass, PaceRatio, Point, Projection, Scenario, YearReached,
};
use crate::analysis::metric::{finite, Unavailable};
use crate::model::Indicator;

/// CAGR = (to / from)^(1/years) − 1; undefined for a zero or sign-changing value.
pub(super) fn cagr(from: f64, to: f64, years: f64) -> Result<f64, Unavailable> {
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

/// The first whole year at or after t (never before `not_before`), or "not at this pace"
/// beyond [`LAST_YEAR_REACHED`].
pub(super) fn year_from(t: f64, not_before: f64) -> YearReached {
    if !t.is_finite() || t > LAST_YEAR_REACHED {
        return YearReached::NotAtThisPace;
    }
    YearReached::Year(first_year_at_or_after(t.max(not_before)))
}

/// What every projection of one series against one target shares.
pub(super) struct Ctx<'a> {
    pub ind: &'a Indicator,
    pub base: Base,
    pub latest: Point,
    pub target: Point,
    pub leap: bool,
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
        let projected_ratio =
            ratio_towards(self.ind, self.base.point.value, pv, self.target, self.leap)?;
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

    /// Growth from `anchor` at yearly rate g: when is the target reached?
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

    /// Since baseline, CAGR: v̂_T = v · (1 + CAGR)^(t_T − t_v), CAGR from b to v.
    pub fn cagr_since_baseline(&self) -> Result<Projection, Unavailable> {
        let (b, v) = (self.base.point, self.latest);
        let g = cagr(b.value, v.value, v.t() - b.t())?;
        self.make(
            Method::Cagr,
            Scenario::SinceBaseline,
            v.value * (1.0 + g).powf(self.target.t() - v.t()),
            g,
            self.year_by_growth(v, g),
        )
    }

    /// Since baseline, line: least squares through `all` the values of the series,
    /// the base included and values before it too (DESIGN.md §4: "a least-squares line
    /// through all actuals including the base").
    pub fn line_since_baseline(&self, all: &[Point]) -> Result<Projection, Unavailable> {
        let (m, c) = least_squares(all)?;
        let at = |t: f64| c + m * t;
        let tv = self.latest.t();
        self.make(
            Method::Line,
            Scenario::SinceBaseline,
            at(self.target.t()),
            m,
            self.year_by_line(tv, at(tv), m),
        )
    }

    /// Recent pace, CAGR: the growth between the last two `actuals` continued.
    pub fn cagr_recent_pace(&self, actuals: &[Point]) -> Result<Projection, Unavailable> {
        let (p1, p2) = last_two(actuals)?;
        let g = cagr(p1.value, p2.value, p2.t() - p1.t())?;
        self.make(
            Method::Cagr,
            Scenario::RecentPace,
            p2.value * (1.0 + g).powf(self.target.t() - p2.t()),
            g,
            self.year_by_growth(p2, g),
        )
    }

    /// Recent pace, line: the change between the last two `actuals` continued straight.
    pub fn line_recent_pace(&self, actuals: &[Point]) -> Result<Projection, Unavailable> {
        let (p1, p2) = last_two(actuals)?;
        let m = finite((p2.value - p1.value) / (p2.t() - p1.t()))?;
        self.make(
            Method::Line,
            Scenario::RecentPace,
            p2.value + m * (self.target.t() - p2.t()),
            m,
            self.year_by_line(p2.t(), p2.value, m),
        )
    }
}

/// The last two actuals (never a baseline: see [`super::measured_actuals`]).
fn last_two(actuals: &[Point]) -> Result<(Point, Point), Unavailable> {
    match actuals {
        [.., p1, p2] => Ok((*p1, *p2)),
        _ => Err(Unavailable::TooFewPoints),
    }
}

/// R = d · CAGR_observed / |CAGR_required|, CAGR_required = (T / b)^(1/(t_T − t_b)) − 1.
pub(super) fn pace_ratio(
    ind: &Indicator,
    base: Point,
    latest: Point,
    target: Point,
) -> Result<PaceRatio, Unavailable> {
    let observed = cagr(base.value, latest.value, latest.t() - base.t())?;
    let required = cagr(base.value, target.value, target.t() - base.t())?;
    if required.abs() < ZERO {
        return Err(Unavailable::TargetEqualsBase);
    }
    let ratio = finite(sign(ind) * observed / required.abs())?;
    Ok(PaceRatio {
        ratio,
        observed_cagr: observed,
        required_cagr: required,
        class: PaceClass::from_ratio(ratio),
    })
}
