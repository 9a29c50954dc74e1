//! Per-indicator arithmetic (DESIGN.md §4), one file per concern:
//!
//! - [`base`]: the dated values of a series, d, the target and the base of a target;
//! - [`achievement`]: a, e, and the final result once a target's period has come;
//! - [`projection`]: CAGR and line projections × since-baseline and recent-pace scenarios,
//!   the year reached and the pace ratio;
//! - [`covid`]: the COVID dip and recovery;
//! - [`status`]: the indicative status (Tama's rule) and how series combine;
//! - [`thresholds`]: every threshold, named, with its source;
//! - [`types`]: the results the UI and the CLI read.
//!
//! Notation follows the methodology: b = base value at t_b, v = latest actual at t_v,
//! T = target at t_T, d = +1 when higher is better and −1 when lower is better.
//! Times are Gregorian years ([`crate::model::Period::t`]).

mod achievement;
mod base;
mod covid;
mod projection;
mod status;
pub mod thresholds;
mod types;

pub use base::{actual_points, base_of, better_for, measured_actuals, sign};
pub use covid::covid_impact;
pub use projection::least_squares;
pub use status::{indicative_status, worst_outlook, worst_status};
pub use types::{
    Base, BaseSource, CovidImpact, FinalResult, IndicativeStatus, Method, Outlook, PaceClass,
    PaceRatio, Point, Projection, Scenario, Scope, TargetAnalysis, YearReached,
};

use crate::analysis::metric::{finite, Metric, Unavailable};
use crate::model::{Caveat, EditionId, Indicator};

/// Analyses one series against one edition's target, using the observations in `scope`.
///
/// Once a value exists for the target's period or later, the target gets a
/// [`FinalResult`] and no projection: projections only ever run forward in time.
pub fn analyze_target(
    ind: &Indicator,
    series: Option<&str>,
    edition: EditionId,
    scope: Scope,
) -> TargetAnalysis {
    let points = actual_points(ind, series, scope);
    let actuals = measured_actuals(ind, series, scope);
    let target = base::target_point(ind, series, edition);
    let base = base_of(ind, series, edition, &points);
    let leap = ind
        .target(edition, series)
        .is_some_and(|o| o.caveats.contains(&Caveat::LeapYear));
    let latest: Metric<Point> = match points.last() {
        Some(p) => Metric::Value(*p),
        None => Metric::Unavailable(Unavailable::NoActual),
    };
    let default_for_kind = if ind.cumulative {
        Method::Line
    } else {
        Method::Cagr
    };
    let (t_pt, b, v) = match (&target, &base, &latest) {
        (Metric::Value(t), Metric::Value(b), Metric::Value(v)) => (*t, *b, *v),
        (Metric::Unavailable(u), _, _)
        | (_, Metric::Unavailable(u), _)
        | (_, _, Metric::Unavailable(u)) => {
            let u = *u;
            return TargetAnalysis {
                edition,
                series: series.map(str::to_string),
                target: target.clone(),
                base: base.clone(),
                latest: latest.clone(),
                target_met: Metric::Unavailable(u),
                achievement: Metric::Unavailable(u),
                expected_progress: Metric::Unavailable(u),
                final_result: None,
                default_method: default_for_kind,
                cagr_since_baseline: Metric::Unavailable(u),
                line_since_baseline: Metric::Unavailable(u),
                cagr_recent_pace: Metric::Unavailable(u),
                line_recent_pace: Metric::Unavailable(u),
                outlook: Metric::Unavailable(u),
                required_yearly_change: Metric::Unavailable(u),
                observed_yearly_change: Metric::Unavailable(u),
                pace_ratio: Metric::Unavailable(u),
            };
        }
    };
    // A re-based target can sit after every value of a scope that does not hold the
    // re-basing actual: the base is then the latest thing known.
    let v = if v.t() < b.point.t() { b.point } else { v };
    let met = achievement::meets(ind, v, t_pt, leap);
    let (tb, tv, tt) = (b.point.t(), v.t(), t_pt.t());
    let achievement_rate: Metric<f64> =
        achievement::ratio_towards(ind, b.point.value, v, t_pt, leap).into();
    let expected_progress: Metric<f64> = achievement::expected_progress(tb, tv, tt).into();
    let final_result = achievement::final_result(ind, &points, b.point, t_pt, leap);

    let ctx = projection::Ctx {
        ind,
        base: b,
        latest: v,
        target: t_pt,
        leap,
    };
    // Forward in time only: no projection to a target whose period has come.
    let passed = final_result.is_some() || tt <= tv;
    let ahead = |r: Result<Projection, Unavailable>| -> Metric<Projection> {
        if passed {
            Metric::Unavailable(Unavailable::TargetPeriodPassed)
        } else {
            r.into()
        }
    };
    let cagr_since = ahead(ctx.cagr_since_baseline());
    let line_since = ahead(ctx.line_since_baseline(&points));
    let cagr_recent = ahead(ctx.cagr_recent_pace(&actuals));
    let line_recent = ahead(ctx.line_recent_pace(&actuals));

    // The default method is decided on the since-baseline CAGR being defined, not on the
    // target being ahead, so a target keeps its method when its period comes.
    let cagr_defined = ctx.cagr_since_baseline().is_ok();
    let default_method = if ind.cumulative || !cagr_defined {
        Method::Line
    } else {
        Method::Cagr
    };
    let default_projection = match default_method {
        Method::Cagr => &cagr_since,
        Method::Line => &line_since,
    };
    let outlook = match &final_result {
        Some(f) if f.achieved => Metric::Value(Outlook::TargetAchieved),
        Some(_) => Metric::Unavailable(Unavailable::TargetPeriodPassed),
        None if met => Metric::Value(Outlook::TargetAchieved),
        None => default_projection.as_ref().map(|p| p.outlook),
    };
    let required_yearly_change: Metric<f64> = if passed {
        Metric::Unavailable(Unavailable::TargetPeriodPassed)
    } else {
        finite((t_pt.value - v.value) / (tt - tv)).into()
    };
    let observed_yearly_change: Metric<f64> = if tv > tb {
        finite((v.value - b.point.value) / (tv - tb)).into()
    } else {
        Metric::Unavailable(Unavailable::TooFewPoints)
    };
    let pace_ratio: Metric<PaceRatio> = projection::pace_ratio(ind, b.point, v, t_pt).into();

    TargetAnalysis {
        edition,
        series: series.map(str::to_string),
        target,
        base,
        latest: Metric::Value(v),
        target_met: Metric::Value(met),
        achievement: achievement_rate,
        expected_progress,
        final_result,
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
