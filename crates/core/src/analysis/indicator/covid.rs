//! The COVID dip and recovery of one series (DESIGN.md §4 "COVID impact").

use super::base::{actual_points, sign};
use super::projection::year_from;
use super::thresholds::{COVID_AFFECTED_MAX_DIP, COVID_FIRST_YEAR, COVID_RECOVERY_YEAR, ZERO};
use super::types::{CovidImpact, Scope, YearReached};
use crate::analysis::metric::{finite, Unavailable};
use crate::model::Indicator;

/// δ = d · (v_2020 − v_pre) / |v_pre|; when it dipped, r = (v_2021 − v_2020) / (v_pre − v_2020)
/// and the year v_pre is regained at the 2020→2021 pace. Affected when δ ≤ −10%.
pub fn covid_impact(ind: &Indicator, series: Option<&str>, scope: Scope) -> CovidImpact {
    let points = actual_points(ind, series, scope);
    let pre = points
        .iter()
        .rfind(|p| p.period.year < COVID_FIRST_YEAR)
        .copied();
    let first = points
        .iter()
        .find(|p| p.period.year == COVID_FIRST_YEAR)
        .copied();
    let next = points
        .iter()
        .find(|p| p.period.year == COVID_RECOVERY_YEAR)
        .copied();
    let d = sign(ind);
    let dip: Result<f64, Unavailable> = match (pre, first) {
        (None, _) => Err(Unavailable::NoPreCovidValue),
        (_, None) => Err(Unavailable::NoCovidYearValue),
        // A zero before COVID has no relative change: none if it stayed zero.
        (Some(p), Some(c)) if p.value.abs() < ZERO => {
            if (c.value - p.value).abs() < ZERO {
                Ok(0.0)
            } else {
                Err(Unavailable::NonPositiveValue)
            }
        }
        (Some(p), Some(c)) => finite(d * (c.value - p.value) / p.value.abs()),
    };
    let recovery: Result<f64, Unavailable> = match (dip, pre, first, next) {
        (Err(u), ..) => Err(u),
        (Ok(delta), ..) if delta >= 0.0 => Err(Unavailable::NoDip),
        (Ok(_), _, _, None) => Err(Unavailable::NoRecoveryValue),
        (Ok(_), Some(p), Some(c), Some(n)) => finite((n.value - c.value) / (p.value - c.value)),
        _ => Err(Unavailable::Undefined),
    };
    let recovery_year: Result<YearReached, Unavailable> = match (recovery, pre, first, next) {
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
        affected: matches!(dip, Ok(x) if x <= COVID_AFFECTED_MAX_DIP),
        dip: dip.into(),
        recovery: recovery.into(),
        recovery_year: recovery_year.into(),
    }
}
