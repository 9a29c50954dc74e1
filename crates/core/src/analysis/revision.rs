//! What the March 2024 revision changed, indicator by indicator: targets raised, lowered or
//! unchanged (and whether that is more or less ambitious in the indicator's direction),
//! targets left "to be set later", baselines changed, renames, additions and drops.

use serde::Serialize;

use crate::model::{Dataset, EditionId, Indicator, Observation, Role, Value};

/// How a target changed from the FY2024 to the FY2027 edition.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetChange {
    Raised,
    Lowered,
    Unchanged,
    /// Either target is text (e.g. "to be set later").
    NotComparable,
}

impl TargetChange {
    pub fn slug(self) -> &'static str {
        match self {
            TargetChange::Raised => "raised",
            TargetChange::Lowered => "lowered",
            TargetChange::Unchanged => "unchanged",
            TargetChange::NotComparable => "not_comparable",
        }
    }
}

/// The kind of change for an indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RevisionChange {
    /// In both editions.
    Kept,
    /// Only in the revision.
    Added,
    /// Only in the FY2021 report.
    Dropped,
}

/// One series' comparison.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SeriesTargets {
    pub series: Option<String>,
    pub target_fy2024_raw: Option<String>,
    pub target_fy2027_raw: Option<String>,
    pub target_fy2024: Option<f64>,
    pub target_fy2027: Option<f64>,
    pub change: TargetChange,
    /// Raised for an increase (or lowered for a decrease) is more ambitious.
    pub more_ambitious: Option<bool>,
}

/// What the revision did to one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RevisionDiff {
    pub id: String,
    pub change: RevisionChange,
    pub targets: Vec<SeriesTargets>,
    /// The baseline cells differ (value or period).
    pub baseline_changed: bool,
    pub baseline_fy2021_raw: Option<String>,
    pub baseline_revision_raw: Option<String>,
    pub renamed_to: Option<String>,
    /// The FY2027 target is "to be set later".
    pub target_to_be_set_later: bool,
    /// The indicator this one replaces (e.g. 年少人口 for 合計特殊出生率).
    pub replaces: Option<String>,
}

fn find<'a>(
    ind: &'a Indicator,
    edition: EditionId,
    role: Role,
    series: Option<&str>,
) -> Option<&'a Observation> {
    ind.observations
        .iter()
        .find(|o| o.edition == edition && o.role == role && o.applies_to(series))
}

fn numeric(o: Option<&Observation>) -> Option<f64> {
    o.and_then(|o| o.value.number())
}

/// Compares the two editions for every indicator.
pub fn revision_diff(ds: &Dataset) -> Vec<RevisionDiff> {
    ds.indicators
        .iter()
        .map(|ind| {
            let in_report = ind.in_edition(EditionId::Fy2021Report);
            let in_rev = ind.in_edition(EditionId::Revision2024);
            let change = match (in_report, in_rev) {
                (true, true) => RevisionChange::Kept,
                (false, true) => RevisionChange::Added,
                _ => RevisionChange::Dropped,
            };
            let d = super::indicator::sign(ind);
            let targets = ind
                .series_ids()
                .into_iter()
                .map(|s| {
                    let old = find(ind, EditionId::Fy2021Report, Role::Target, s);
                    let new = find(ind, EditionId::Revision2024, Role::Target, s);
                    let (a, b) = (numeric(old), numeric(new));
                    let change = match (a, b) {
                        (Some(a), Some(b)) if (b - a).abs() < 1e-9 => TargetChange::Unchanged,
                        (Some(a), Some(b)) if b > a => TargetChange::Raised,
                        (Some(_), Some(_)) => TargetChange::Lowered,
                        _ => TargetChange::NotComparable,
                    };
                    let more_ambitious = match change {
                        TargetChange::Raised => Some(d > 0.0),
                        TargetChange::Lowered => Some(d < 0.0),
                        _ => None,
                    };
                    SeriesTargets {
                        series: s.map(str::to_string),
                        target_fy2024_raw: old.map(|o| o.raw.clone()),
                        target_fy2027_raw: new.map(|o| o.raw.clone()),
                        target_fy2024: a,
                        target_fy2027: b,
                        change,
                        more_ambitious,
                    }
                })
                .collect();
            let old_base = find(ind, EditionId::Fy2021Report, Role::Baseline, None).or_else(|| {
                find(
                    ind,
                    EditionId::Fy2021Report,
                    Role::Baseline,
                    ind.series_ids()[0],
                )
            });
            let new_base = find(ind, EditionId::Revision2024, Role::Baseline, None).or_else(|| {
                find(
                    ind,
                    EditionId::Revision2024,
                    Role::Baseline,
                    ind.series_ids()[0],
                )
            });
            let baseline_changed = match (old_base, new_base) {
                (Some(a), Some(b)) => a.value != b.value || a.period != b.period,
                _ => false,
            };
            let target_to_be_set_later = ind.observations.iter().any(|o| {
                o.edition == EditionId::Revision2024
                    && o.role == Role::Target
                    && matches!(o.value, Value::Qualitative { .. })
                    && o.has_caveat("to_be_set_later")
            });
            RevisionDiff {
                id: ind.id.clone(),
                change,
                targets,
                baseline_changed,
                baseline_fy2021_raw: old_base.map(|o| o.raw.clone()),
                baseline_revision_raw: new_base.map(|o| o.raw.clone()),
                renamed_to: ind.revision_name_ja.clone(),
                target_to_be_set_later,
                replaces: ind.replaces.clone(),
            }
        })
        .collect()
}
