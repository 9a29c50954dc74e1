//! The inputs of every formula: the dated values of a series, d, the target and the base
//! of a target (DESIGN.md §4 "Base of a target").

use super::types::{Base, BaseSource, Point, Scope};
use crate::analysis::metric::{Metric, Unavailable};
use crate::model::{Better, Direction, EditionId, Indicator, Observation, Role, Value};

fn points_where(
    ind: &Indicator,
    series: Option<&str>,
    scope: Scope,
    keep: impl Fn(&Observation) -> bool,
) -> Vec<Point> {
    let mut pts: Vec<Point> = Vec::new();
    for o in &ind.observations {
        if o.role == Role::Target || !o.applies_to(series) || !scope.admits(o) || !keep(o) {
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

/// The dated numeric values (baselines and actuals) of one series, oldest first, each
/// period once: a cell that repeats an earlier period is counted once.
pub fn actual_points(ind: &Indicator, series: Option<&str>, scope: Scope) -> Vec<Point> {
    points_where(ind, series, scope, |_| true)
}

/// The actuals (実績値) of one series only, oldest first, each period once: what the recent
/// pace is measured between. A baseline is left out even when no actual shares its
/// period, because the recent pace is "the change between the last two actuals" (DESIGN.md
/// §4); with one actual after a baseline that would just repeat the since-baseline pace.
pub fn measured_actuals(ind: &Indicator, series: Option<&str>, scope: Scope) -> Vec<Point> {
    points_where(ind, series, scope, |o| o.role == Role::Actual)
}

/// d for an indicator: +1 when an increase is wanted, −1 when a decrease is.
pub fn sign(ind: &Indicator) -> f64 {
    match (ind.direction, ind.better) {
        (Direction::Increase, _) => 1.0,
        (Direction::Decrease, _) => -1.0,
        (Direction::Maintain, b) => b.sign(),
    }
}

/// A `Better` value for tests and generators.
pub fn better_for(direction: Direction) -> Better {
    match direction {
        Direction::Decrease => Better::Lower,
        _ => Better::Higher,
    }
}

/// T at t_T, or why there is no numeric target.
pub(super) fn target_point(
    ind: &Indicator,
    series: Option<&str>,
    edition: EditionId,
) -> Metric<Point> {
    match ind.target(edition, series) {
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

/// The base of an edition's target for one series (DESIGN.md §4 "Base of a target"): a
/// re-basing footnote's actual, else the edition's baseline, else the earliest value.
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
