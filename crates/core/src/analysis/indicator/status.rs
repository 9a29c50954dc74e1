//! The indicative status (Tama City's pro-rated rule) and how several series combine into
//! one indicator's status and outlook (DESIGN.md §4 "Official vs computed", "Several series").

use super::thresholds::MOSTLY_ON_TRACK_SHARE_OF_E;
use super::types::{IndicativeStatus, Outlook, TargetAnalysis};
use crate::analysis::metric::{Metric, Unavailable};

/// On track when the target is met or a ≥ e; mostly on track when a ≥ 0.6·e; otherwise
/// delayed, "(COVID)" when the series is COVID-affected (computed). With e = 0 (no value
/// after the base yet) there is no schedule to be on or behind:
/// [`Unavailable::NoActualSinceBase`] for this series only. Past the target's period e is 1,
/// so the rule reads "met, or at least 60% of the way".
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
        return Metric::Unavailable(Unavailable::NoActualSinceBase);
    }
    Metric::Value(if a >= e {
        IndicativeStatus::OnTrack
    } else if a >= MOSTLY_ON_TRACK_SHARE_OF_E * e {
        IndicativeStatus::MostlyOnTrack
    } else if covid_affected {
        IndicativeStatus::DelayedCovid
    } else {
        IndicativeStatus::Delayed
    })
}

/// The worst of the series' indicative statuses that are available (a delay with COVID
/// wins over a plain one only when every delayed series is COVID-affected). A series
/// without a status does not blank the others; with none available, the first reason.
pub fn worst_status(statuses: &[Metric<IndicativeStatus>]) -> Metric<IndicativeStatus> {
    let mut worst: Option<IndicativeStatus> = None;
    for v in statuses.iter().filter_map(Metric::value) {
        worst = Some(match worst {
            None => *v,
            Some(w) if v.rank() > w.rank() => *v,
            Some(w) if v.rank() == w.rank() && *v == IndicativeStatus::Delayed => *v,
            Some(w) => w,
        })
    }
    match worst {
        Some(w) => Metric::Value(w),
        None => Metric::Unavailable(first_reason(statuses)),
    }
}

/// The outlook of an indicator from its series: the worst of the series whose outlook is
/// available. "Target achieved" speaks for the whole indicator, so it needs every series
/// achieved: when the available ones are all achieved but another series has no outlook,
/// the indicator's outlook is that series' reason (see `docs/methodology.md`).
pub fn worst_outlook(outlooks: &[Metric<Outlook>]) -> Metric<Outlook> {
    let worst = outlooks.iter().filter_map(Metric::value).max().copied();
    match worst {
        None => Metric::Unavailable(first_reason(outlooks)),
        Some(Outlook::TargetAchieved) if outlooks.iter().any(|o| o.value().is_none()) => {
            Metric::Unavailable(first_reason(outlooks))
        }
        Some(w) => Metric::Value(w),
    }
}

fn first_reason<T>(metrics: &[Metric<T>]) -> Unavailable {
    metrics
        .iter()
        .find_map(Metric::reason)
        .unwrap_or(Unavailable::NoActual)
}
