//! Achievement a, expected progress e and the final result against a target whose period
//! has come (DESIGN.md §4 "Achievement", "Expected progress", "Past the target year").

use super::base::sign;
use super::thresholds::{MEETS_TOLERANCE, ZERO};
use super::types::{FinalResult, Point};
use crate::analysis::metric::{finite, Unavailable};
use crate::model::Indicator;

/// Whether a value meets the target in the indicator's direction. A target written as a
/// leap year's 366 days means "every day of the year": it is met by 365 in a 365-day year.
pub(super) fn meets(ind: &Indicator, v: Point, target: Point, target_has_leap_day: bool) -> bool {
    let t = if target_has_leap_day {
        target.value.min(f64::from(v.period.days()))
    } else {
        target.value
    };
    sign(ind) * (v.value - t) >= -MEETS_TOLERANCE
}

/// (x − b) / (T − b): how far x is along the way from the base to the target. For T = b
/// (a "maintain" target) there is no way to go: 100% when x meets the target, else 0%.
pub(super) fn ratio_towards(
    ind: &Indicator,
    b: f64,
    x: Point,
    target: Point,
    leap: bool,
) -> Result<f64, Unavailable> {
    if (target.value - b).abs() < ZERO {
        Ok(if meets(ind, x, target, leap) {
            1.0
        } else {
            0.0
        })
    } else {
        finite((x.value - b) / (target.value - b))
    }
}

/// e = (t_v − t_b) / (t_T − t_b), capped at 1: once the target's period has come the
/// straight path is over and the whole way was expected.
pub(super) fn expected_progress(tb: f64, tv: f64, tt: f64) -> Result<f64, Unavailable> {
    if tt <= tb {
        return Err(Unavailable::TargetNotAfterBase);
    }
    finite((tv - tb) / (tt - tb)).map(|e| e.min(1.0))
}

/// The final result, when a value exists for the target's period or later: judged on the
/// first such value (the one for the target's period when there is one), with the first
/// period from the base on whose value met the target. `points` are oldest first.
pub(super) fn final_result(
    ind: &Indicator,
    points: &[Point],
    base: Point,
    target: Point,
    leap: bool,
) -> Option<FinalResult> {
    let actual = *points.iter().find(|p| p.t() >= target.t())?;
    let year_met = points
        .iter()
        .filter(|p| p.t() >= base.t())
        .find(|p| meets(ind, **p, target, leap))
        .map(|p| p.period);
    Some(FinalResult {
        actual,
        achieved: meets(ind, actual, target, leap),
        rate: ratio_towards(ind, base.value, actual, target, leap).into(),
        year_met,
    })
}
