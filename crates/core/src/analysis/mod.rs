//! All the arithmetic of machi-kpi, as plain functions over a [`Dataset`].
//!
//! - [`indicator`]: per-series achievement, projections, outlook, pace ratio, COVID impact.
//! - [`breakdown`]: the official status by pillar, goal, measure and department.
//! - [`revision`]: what the March 2024 revision changed.
//! - [`readable`]: which headline a reader sees for a rate or a projection, the range a
//!   quantity can take, and the data's dates.
//! - [`analyze`] runs everything once and returns an [`Analysis`] the UI and the CLI read.
//!
//! Every undefined result is a [`Metric::Unavailable`] with a typed reason, never NaN.

pub mod breakdown;
pub mod indicator;
pub mod metric;
pub mod readable;
pub mod revision;

use serde::Serialize;

pub use breakdown::{status_breakdown, GroupCounts, StatusBreakdown, StatusCounts};
pub use indicator::{
    analyze_target, covid_impact, indicative_status, Base, BaseSource, CovidImpact, FinalResult,
    IndicativeStatus, Method, Outlook, PaceClass, PaceRatio, Point, Projection, Scenario, Scope,
    TargetAnalysis, YearReached,
};
pub use metric::{Metric, Unavailable};
pub use readable::{
    achievement_headline, data_as_of, projection_headline, target_timing, AchievementHeadline,
    DataAsOf, PossibleRange, ProjectionHeadline, TargetTiming, YearMonth,
};
pub use revision::{revision_diff, RevisionChange, RevisionDiff, TargetChange};

use crate::model::{Dataset, EditionId, Indicator, OfficialStatus};

/// Everything computed for one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorAnalysis {
    pub id: String,
    /// One analysis per series against the FY2024 (FY2021 report) target, on all data.
    pub fy2024: Vec<TargetAnalysis>,
    /// One analysis per series against the FY2027 (2024 revision) target, on all data.
    pub fy2027: Vec<TargetAnalysis>,
    /// The indicator's FY2024 outlook (worst series unless all achieved).
    pub outlook_fy2024: Metric<Outlook>,
    pub outlook_fy2027: Metric<Outlook>,
    /// COVID dip and recovery per series.
    pub covid: Vec<CovidImpact>,
    /// Computed COVID-affected flag (any series dipped by 10% or more).
    pub covid_affected: bool,
    /// The official status (FY2021 report), when the indicator has one.
    pub official_status: Option<OfficialStatus>,
    /// The indicative status from the FY2021 report's own figures (Tama's rule).
    pub indicative_status: Metric<IndicativeStatus>,
}

impl IndicatorAnalysis {
    /// The analyses against an edition's target.
    pub fn for_edition(&self, edition: EditionId) -> &[TargetAnalysis] {
        match edition {
            EditionId::Fy2021Report => &self.fy2024,
            EditionId::Revision2024 => &self.fy2027,
            EditionId::Update => &[],
        }
    }

    /// The series whose outlook against an edition's target is unavailable, with why: the
    /// indicator's outlook is the worst of the others ([`indicator::worst_outlook`]), and
    /// the page says which series it leaves out. Empty for a single-series indicator.
    pub fn unavailable_series(&self, edition: EditionId) -> Vec<(&str, Unavailable)> {
        self.for_edition(edition)
            .iter()
            .filter_map(|t| Some((t.series.as_deref()?, t.outlook.reason()?)))
            .collect()
    }

    /// Whether the indicative status agrees with the official one.
    pub fn status_agrees(&self) -> Option<bool> {
        match (self.official_status, &self.indicative_status) {
            (Some(o), Metric::Value(i)) => Some(i.as_official() == o),
            _ => None,
        }
    }

    /// Whether the computed COVID flag agrees with the official attribution, for delayed
    /// indicators (the only ones the city attributes).
    pub fn covid_attribution_agrees(&self) -> Option<bool> {
        match self.official_status {
            Some(s) if s.is_delayed() => {
                Some((s == OfficialStatus::DelayedCovid) == self.covid_affected)
            }
            _ => None,
        }
    }
}

/// Analyses one indicator.
pub fn analyze_indicator(ind: &Indicator) -> IndicatorAnalysis {
    let per = |edition: EditionId| -> Vec<TargetAnalysis> {
        if !ind.in_edition(edition) {
            return Vec::new();
        }
        ind.series_ids()
            .into_iter()
            .map(|s| analyze_target(ind, s, edition, Scope::AllEditions))
            .collect()
    };
    let fy2024 = per(EditionId::Fy2021Report);
    let fy2027 = per(EditionId::Revision2024);
    let outlook_of = |v: &[TargetAnalysis]| {
        if v.is_empty() {
            Metric::Unavailable(Unavailable::NoTarget)
        } else {
            indicator::worst_outlook(&v.iter().map(|t| t.outlook.clone()).collect::<Vec<_>>())
        }
    };
    let covid: Vec<CovidImpact> = ind
        .series_ids()
        .into_iter()
        .map(|s| covid_impact(ind, s, Scope::AllEditions))
        .collect();
    let covid_affected = covid.iter().any(|c| c.affected);
    // The indicative status sees only what the FY2021 report printed, as the city did.
    let report = Scope::Edition(EditionId::Fy2021Report);
    let indicative_status = if ind.status.is_none() || !ind.in_edition(EditionId::Fy2021Report) {
        Metric::Unavailable(Unavailable::NoTarget)
    } else {
        let statuses: Vec<_> = ind
            .series_ids()
            .into_iter()
            .map(|s| {
                let ta = analyze_target(ind, s, EditionId::Fy2021Report, report);
                indicative_status(&ta, covid_impact(ind, s, report).affected)
            })
            .collect();
        indicator::worst_status(&statuses)
    };
    IndicatorAnalysis {
        id: ind.id.clone(),
        outlook_fy2024: outlook_of(&fy2024),
        outlook_fy2027: outlook_of(&fy2027),
        fy2024,
        fy2027,
        covid,
        covid_affected,
        official_status: ind.status,
        indicative_status,
    }
}

/// Counts of outlook classes for one target edition.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct OutlookCounts {
    pub target_achieved: usize,
    pub on_course: usize,
    pub acceleration_needed: usize,
    pub stagnation_or_regression: usize,
    /// Indicators whose outlook is undefined (qualitative or pending target, too few values).
    pub unavailable: usize,
}

impl OutlookCounts {
    pub fn add(&mut self, o: &Metric<Outlook>) {
        match o {
            Metric::Value(Outlook::TargetAchieved) => self.target_achieved += 1,
            Metric::Value(Outlook::OnCourse) => self.on_course += 1,
            Metric::Value(Outlook::AccelerationNeeded) => self.acceleration_needed += 1,
            Metric::Value(Outlook::StagnationOrRegression) => self.stagnation_or_regression += 1,
            Metric::Unavailable(_) => self.unavailable += 1,
        }
    }

    pub fn get(&self, o: Outlook) -> usize {
        match o {
            Outlook::TargetAchieved => self.target_achieved,
            Outlook::OnCourse => self.on_course,
            Outlook::AccelerationNeeded => self.acceleration_needed,
            Outlook::StagnationOrRegression => self.stagnation_or_regression,
        }
    }

    /// Achieved or on course.
    pub fn on_course_or_achieved(&self) -> usize {
        self.target_achieved + self.on_course
    }

    pub fn total(&self) -> usize {
        self.target_achieved
            + self.on_course
            + self.acceleration_needed
            + self.stagnation_or_regression
            + self.unavailable
    }
}

/// Agreement between the city's judgment and the numbers.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Agreement {
    /// Indicators with both an official and an indicative status.
    pub compared: usize,
    pub agree: usize,
    /// Officially delayed indicators whose COVID attribution could be compared.
    pub covid_compared: usize,
    pub covid_agree: usize,
}

/// One official status's count and share of all indicators with a status.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatusShare {
    pub status: OfficialStatus,
    pub label_ja: &'static str,
    pub label_en: &'static str,
    pub count: usize,
    /// count / total, in 0..=1 (0 when there is no indicator).
    pub share: f64,
}

/// The headline numbers.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Summary {
    /// The official status split of all indicators that have one, best first.
    pub status_shares: Vec<StatusShare>,
    pub breakdown: StatusBreakdown,
    pub outlook_fy2024: OutlookCounts,
    pub outlook_fy2027: OutlookCounts,
    pub agreement: Agreement,
    /// Indicators flagged COVID-affected by the numbers.
    pub covid_affected: usize,
}

/// The whole analysis of a dataset.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub indicators: Vec<IndicatorAnalysis>,
    pub revisions: Vec<RevisionDiff>,
    pub summary: Summary,
}

impl Analysis {
    pub fn indicator(&self, id: &str) -> Option<&IndicatorAnalysis> {
        self.indicators.iter().find(|a| a.id == id)
    }
}

/// Runs every computation once.
pub fn analyze(ds: &Dataset) -> Analysis {
    let indicators: Vec<IndicatorAnalysis> = ds.indicators.iter().map(analyze_indicator).collect();
    let mut outlook_fy2024 = OutlookCounts::default();
    let mut outlook_fy2027 = OutlookCounts::default();
    let mut agreement = Agreement::default();
    for (ind, a) in ds.indicators.iter().zip(&indicators) {
        if ind.in_edition(EditionId::Fy2021Report) {
            outlook_fy2024.add(&a.outlook_fy2024);
        }
        if ind.in_edition(EditionId::Revision2024) {
            outlook_fy2027.add(&a.outlook_fy2027);
        }
        if let Some(agree) = a.status_agrees() {
            agreement.compared += 1;
            agreement.agree += usize::from(agree);
        }
        if let Some(agree) = a.covid_attribution_agrees() {
            agreement.covid_compared += 1;
            agreement.covid_agree += usize::from(agree);
        }
    }
    let breakdown = status_breakdown(ds);
    let status_shares = OfficialStatus::ALL
        .into_iter()
        .map(|status| StatusShare {
            status,
            label_ja: status.name_ja(),
            label_en: status.name_en(),
            count: breakdown.overall.get(status),
            share: breakdown.overall.share(status).unwrap_or(0.0),
        })
        .collect();
    let summary = Summary {
        status_shares,
        breakdown,
        outlook_fy2024,
        outlook_fy2027,
        agreement,
        covid_affected: indicators.iter().filter(|a| a.covid_affected).count(),
    };
    Analysis {
        revisions: revision_diff(ds),
        indicators,
        summary,
    }
}
