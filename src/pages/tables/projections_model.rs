//! What the Projections page shows, as pure functions: for every indicator
//! and each target (FY2024, FY2027) the projected achievement under the
//! chosen scenario and method, the outlook class, and the year the target is
//! reached; the counts per outlook class; filtering and sorting; and the
//! page's URL state.
//!
//! The arithmetic is the core's ([`TargetAnalysis::projection`],
//! [`TargetAnalysis::outlook_for`]); this module only picks and arranges. With
//! the default method and the since-baseline scenario the counts equal the
//! core's [`machi_kpi_core::analysis::Summary`] (tested below).

use std::cmp::Ordering;

use machi_kpi_core::analysis::indicator::worst_outlook;
use machi_kpi_core::analysis::{
    Analysis, IndicatorAnalysis, Method, Metric, Outlook, Scenario, TargetAnalysis, YearReached,
};
use machi_kpi_core::{Dataset, EditionId, Indicator, OfficialStatus, Period};

use super::filter::IndicatorFilter;
use super::sort::{cmp_opt, cmp_opt_f64, cmp_text, Direction, Sort, SortKey};
use super::url_state::{get, PageState, Pairs};

/// Which projection method to use.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum MethodChoice {
    /// Each series' default: the line for cumulative indicators and where
    /// CAGR is undefined, CAGR otherwise (DESIGN.md §4).
    #[default]
    Default,
    Cagr,
    Line,
}

impl MethodChoice {
    pub const ALL: [MethodChoice; 3] = [
        MethodChoice::Default,
        MethodChoice::Cagr,
        MethodChoice::Line,
    ];

    pub fn slug(self) -> &'static str {
        match self {
            MethodChoice::Default => "default",
            MethodChoice::Cagr => "cagr",
            MethodChoice::Line => "line",
        }
    }

    pub fn from_slug(s: &str) -> Option<MethodChoice> {
        Self::ALL.into_iter().find(|m| m.slug() == s)
    }

    /// The method used for one series.
    pub fn resolve(self, ta: &TargetAnalysis) -> Method {
        match self {
            MethodChoice::Default => ta.default_method,
            MethodChoice::Cagr => Method::Cagr,
            MethodChoice::Line => Method::Line,
        }
    }
}

/// Both scenarios, default first.
pub const SCENARIOS: [Scenario; 2] = [Scenario::SinceBaseline, Scenario::RecentPace];

/// The scenario's value in the URL: `baseline` or `recent`, as on the
/// Indicator page (`crate::pages::view_state`).
pub fn scenario_slug(s: Scenario) -> &'static str {
    match s {
        Scenario::SinceBaseline => "baseline",
        Scenario::RecentPace => "recent",
    }
}

/// Parses a scenario (the core's slugs are accepted too).
pub fn scenario_from_slug(s: &str) -> Option<Scenario> {
    SCENARIOS
        .into_iter()
        .find(|x| scenario_slug(*x) == s || x.slug() == s)
}

/// The two target years.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TargetYear {
    Fy2024,
    Fy2027,
}

impl TargetYear {
    pub const ALL: [TargetYear; 2] = [TargetYear::Fy2024, TargetYear::Fy2027];

    pub fn edition(self) -> EditionId {
        match self {
            TargetYear::Fy2024 => EditionId::Fy2021Report,
            TargetYear::Fy2027 => EditionId::Revision2024,
        }
    }

    /// The fiscal year of the target.
    pub fn fy(self) -> i32 {
        match self {
            TargetYear::Fy2024 => 2024,
            TargetYear::Fy2027 => 2027,
        }
    }

    /// The URL key of the outlook filter for this target.
    pub fn key(self) -> &'static str {
        match self {
            TargetYear::Fy2024 => "fy2024",
            TargetYear::Fy2027 => "fy2027",
        }
    }
}

/// An outlook class, including "not computable" (the fifth bar).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum OutlookClass {
    Is(Outlook),
    NotComputable,
}

impl OutlookClass {
    /// The five classes, best first.
    pub const ALL: [OutlookClass; 5] = [
        OutlookClass::Is(Outlook::TargetAchieved),
        OutlookClass::Is(Outlook::OnCourse),
        OutlookClass::Is(Outlook::AccelerationNeeded),
        OutlookClass::Is(Outlook::StagnationOrRegression),
        OutlookClass::NotComputable,
    ];

    pub fn of(m: &Metric<Outlook>) -> OutlookClass {
        match m {
            Metric::Value(o) => OutlookClass::Is(*o),
            Metric::Unavailable(_) => OutlookClass::NotComputable,
        }
    }

    pub fn outlook(self) -> Option<Outlook> {
        match self {
            OutlookClass::Is(o) => Some(o),
            OutlookClass::NotComputable => None,
        }
    }

    pub fn slug(self) -> &'static str {
        match self {
            OutlookClass::Is(o) => o.slug(),
            OutlookClass::NotComputable => "not_computable",
        }
    }

    pub fn from_slug(s: &str) -> Option<OutlookClass> {
        Self::ALL.into_iter().find(|c| c.slug() == s)
    }
}

/// One series' projection against one target.
#[derive(Clone, Debug, PartialEq)]
pub struct SeriesProjection {
    /// The series id (`male`, `elementary`…), `None` for single-series indicators.
    pub series: Option<String>,
    /// The method actually used.
    pub method: Method,
    /// p, the projected share of the way from base to target.
    pub ratio: Metric<f64>,
    /// v̂_T, the projected value at the target period.
    pub projected_value: Metric<f64>,
    pub outlook: Metric<Outlook>,
    pub year: Metric<YearReached>,
    /// The period of the target (for "reached in" labels).
    pub target_period: Option<Period>,
}

/// All series of one indicator against one target.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetProjection {
    pub series: Vec<SeriesProjection>,
    /// The indicator's outlook: achieved only when all series are, else the worst.
    pub outlook: Metric<Outlook>,
}

impl TargetProjection {
    /// The sort value: the lowest projected ratio of the series.
    pub fn sort_ratio(&self) -> Option<f64> {
        self.series
            .iter()
            .filter_map(|s| s.ratio.value().copied())
            .reduce(f64::min)
    }

    pub fn class(&self) -> OutlookClass {
        OutlookClass::of(&self.outlook)
    }
}

/// Projects every series of `ia` against `target`; `None` if the indicator is
/// not in that edition.
pub fn project(
    ia: &IndicatorAnalysis,
    target: TargetYear,
    method: MethodChoice,
    scenario: Scenario,
) -> Option<TargetProjection> {
    let analyses = ia.for_edition(target.edition());
    if analyses.is_empty() {
        return None;
    }
    let series: Vec<SeriesProjection> = analyses
        .iter()
        .map(|ta| {
            let m = method.resolve(ta);
            let p = ta.projection(m, scenario);
            // A target already met is met whatever the projection says.
            let year = match (&ta.target_met, p) {
                (Metric::Value(true), _) => Metric::Value(YearReached::AlreadyMet),
                (_, p) => p.as_ref().map(|p| p.year_reached),
            };
            SeriesProjection {
                series: ta.series.clone(),
                method: m,
                ratio: p.as_ref().map(|p| p.projected_ratio),
                projected_value: p.as_ref().map(|p| p.projected_value),
                outlook: ta.outlook_for(m, scenario),
                year,
                target_period: ta.target.value().map(|t| t.period),
            }
        })
        .collect();
    let outlook = worst_outlook(&series.iter().map(|s| s.outlook.clone()).collect::<Vec<_>>());
    Some(TargetProjection { series, outlook })
}

/// One table row.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectionRow {
    /// Position in the dataset (the default order).
    pub index: usize,
    pub id: String,
    pub fy2024: Option<TargetProjection>,
    pub fy2027: Option<TargetProjection>,
}

impl ProjectionRow {
    pub fn target(&self, t: TargetYear) -> Option<&TargetProjection> {
        match t {
            TargetYear::Fy2024 => self.fy2024.as_ref(),
            TargetYear::Fy2027 => self.fy2027.as_ref(),
        }
    }
}

/// The table's columns that sort.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ProjectionSort {
    /// Dataset order (by basic goal, then measure).
    Goal,
    Name,
    Status,
    Fy2024,
    Fy2027,
}

impl SortKey for ProjectionSort {
    const ALL: &'static [ProjectionSort] = &[
        ProjectionSort::Goal,
        ProjectionSort::Name,
        ProjectionSort::Status,
        ProjectionSort::Fy2024,
        ProjectionSort::Fy2027,
    ];

    fn slug(self) -> &'static str {
        match self {
            ProjectionSort::Goal => "goal",
            ProjectionSort::Name => "name",
            ProjectionSort::Status => "status",
            ProjectionSort::Fy2024 => "fy2024",
            ProjectionSort::Fy2027 => "fy2027",
        }
    }

    /// Projected ratios start with the furthest behind (ascending).
    fn first_direction(self) -> Direction {
        Direction::Ascending
    }
}

/// The page's state, all of it in the URL.
#[derive(Clone, Debug, PartialEq)]
pub struct ProjectionsState {
    pub filter: IndicatorFilter,
    /// Show only indicators in this outlook class for FY2024 / FY2027.
    pub outlook_fy2024: Option<OutlookClass>,
    pub outlook_fy2027: Option<OutlookClass>,
    pub scenario: Scenario,
    pub method: MethodChoice,
    pub sort: Sort<ProjectionSort>,
}

impl Default for ProjectionsState {
    fn default() -> Self {
        ProjectionsState {
            filter: IndicatorFilter::default(),
            outlook_fy2024: None,
            outlook_fy2027: None,
            scenario: Scenario::SinceBaseline,
            method: MethodChoice::Default,
            sort: Sort {
                key: ProjectionSort::Goal,
                dir: Direction::Ascending,
            },
        }
    }
}

impl ProjectionsState {
    pub fn outlook_filter(&self, t: TargetYear) -> Option<OutlookClass> {
        match t {
            TargetYear::Fy2024 => self.outlook_fy2024,
            TargetYear::Fy2027 => self.outlook_fy2027,
        }
    }

    pub fn set_outlook_filter(&mut self, t: TargetYear, c: Option<OutlookClass>) {
        match t {
            TargetYear::Fy2024 => self.outlook_fy2024 = c,
            TargetYear::Fy2027 => self.outlook_fy2027 = c,
        }
    }
}

impl PageState for ProjectionsState {
    const KEYS: &'static [&'static str] = &[
        "goal", "status", "dept", "q", "fy2024", "fy2027", "scenario", "method", "sort",
    ];

    fn from_pairs(pairs: &Pairs) -> Self {
        let d = ProjectionsState::default();
        ProjectionsState {
            filter: IndicatorFilter::from_pairs(pairs),
            outlook_fy2024: get(pairs, "fy2024").and_then(OutlookClass::from_slug),
            outlook_fy2027: get(pairs, "fy2027").and_then(OutlookClass::from_slug),
            scenario: get(pairs, "scenario")
                .and_then(scenario_from_slug)
                .unwrap_or(d.scenario),
            method: get(pairs, "method")
                .and_then(MethodChoice::from_slug)
                .unwrap_or(d.method),
            sort: get(pairs, "sort").and_then(Sort::parse).unwrap_or(d.sort),
        }
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let d = ProjectionsState::default();
        let mut v = self.filter.to_pairs();
        if let Some(c) = self.outlook_fy2024 {
            v.push(("fy2024", c.slug().to_owned()));
        }
        if let Some(c) = self.outlook_fy2027 {
            v.push(("fy2027", c.slug().to_owned()));
        }
        if self.scenario != d.scenario {
            v.push(("scenario", scenario_slug(self.scenario).to_owned()));
        }
        if self.method != d.method {
            v.push(("method", self.method.slug().to_owned()));
        }
        if self.sort != d.sort {
            v.push(("sort", self.sort.to_param()));
        }
        v
    }
}

/// Every indicator's row under a method and scenario, in dataset order.
pub fn rows(
    ds: &Dataset,
    analysis: &Analysis,
    method: MethodChoice,
    scenario: Scenario,
) -> Vec<ProjectionRow> {
    ds.indicators
        .iter()
        .enumerate()
        .filter_map(|(index, ind)| {
            let ia = analysis.indicator(&ind.id)?;
            Some(ProjectionRow {
                index,
                id: ind.id.clone(),
                fy2024: project(ia, TargetYear::Fy2024, method, scenario),
                fy2027: project(ia, TargetYear::Fy2027, method, scenario),
            })
        })
        .collect()
}

/// Counts per outlook class (in [`OutlookClass::ALL`] order) for one target,
/// over the rows that have that target.
pub fn class_counts<'a>(
    rows: impl IntoIterator<Item = &'a ProjectionRow>,
    target: TargetYear,
) -> [usize; 5] {
    let mut counts = [0; 5];
    for r in rows {
        if let Some(t) = r.target(target) {
            if let Some(i) = OutlookClass::ALL.iter().position(|c| *c == t.class()) {
                counts[i] += 1;
            }
        }
    }
    counts
}

/// The rows passing the indicator filter (the outlook filters are applied by [`visible`]).
pub fn filtered<'a>(
    ds: &Dataset,
    rows: &'a [ProjectionRow],
    filter: &IndicatorFilter,
) -> Vec<&'a ProjectionRow> {
    rows.iter()
        .filter(|r| ds.indicator(&r.id).is_some_and(|i| filter.matches(ds, i)))
        .collect()
}

/// The rows shown: filtered by indicator and outlook, then sorted.
pub fn visible<'a>(
    ds: &Dataset,
    rows: &'a [ProjectionRow],
    state: &ProjectionsState,
    name: impl Fn(&Indicator) -> String,
) -> Vec<&'a ProjectionRow> {
    let mut out: Vec<&ProjectionRow> = filtered(ds, rows, &state.filter)
        .into_iter()
        .filter(|r| {
            TargetYear::ALL
                .iter()
                .all(|&t| match state.outlook_filter(t) {
                    None => true,
                    Some(c) => r.target(t).is_some_and(|p| p.class() == c),
                })
        })
        .collect();
    let dir = state.sort.dir;
    let status_rank = |r: &ProjectionRow| {
        ds.indicator(&r.id)
            .and_then(|i| i.status)
            .and_then(|s| OfficialStatus::ALL.iter().position(|x| *x == s))
    };
    out.sort_by(|a, b| {
        let o = match state.sort.key {
            ProjectionSort::Goal => cmp_opt(Some(a.index), Some(b.index), dir),
            ProjectionSort::Name => match (ds.indicator(&a.id), ds.indicator(&b.id)) {
                (Some(x), Some(y)) => cmp_text(&name(x), &name(y), dir),
                _ => Ordering::Equal,
            },
            ProjectionSort::Status => cmp_opt(status_rank(a), status_rank(b), dir),
            ProjectionSort::Fy2024 => cmp_opt_f64(
                a.fy2024.as_ref().and_then(TargetProjection::sort_ratio),
                b.fy2024.as_ref().and_then(TargetProjection::sort_ratio),
                dir,
            ),
            ProjectionSort::Fy2027 => cmp_opt_f64(
                a.fy2027.as_ref().and_then(TargetProjection::sort_ratio),
                b.fy2027.as_ref().and_then(TargetProjection::sort_ratio),
                dir,
            ),
        };
        o.then(a.index.cmp(&b.index))
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::tables::url_state::{encode_query, parse_query, with_state};
    use machi_kpi_core::analysis::analyze;

    fn setup() -> (Dataset, Analysis) {
        let ds = Dataset::embedded().expect("embedded dataset");
        let a = analyze(&ds);
        (ds, a)
    }

    #[test]
    fn default_method_since_baseline_reproduces_the_core_summary() {
        let (ds, a) = setup();
        let rows = rows(&ds, &a, MethodChoice::Default, Scenario::SinceBaseline);
        let s = &a.summary;
        for (t, oc) in [
            (TargetYear::Fy2024, &s.outlook_fy2024),
            (TargetYear::Fy2027, &s.outlook_fy2027),
        ] {
            let c = class_counts(&rows, t);
            assert_eq!(
                c,
                [
                    oc.target_achieved,
                    oc.on_course,
                    oc.acceleration_needed,
                    oc.stagnation_or_regression,
                    oc.unavailable
                ]
            );
        }
        // The figures the CLI prints for the embedded data.
        assert_eq!(class_counts(&rows, TargetYear::Fy2024), [10, 5, 6, 25, 1]);
        // FY2027: the three re-based targets (railway, community bus, family support) have a
        // line through all their actuals since the fix of the line fit (DESIGN.md §4).
        assert_eq!(class_counts(&rows, TargetYear::Fy2027), [5, 12, 4, 22, 5]);
    }

    #[test]
    fn switching_scenario_or_method_changes_the_counts_but_not_the_achieved() {
        let (ds, a) = setup();
        let base = class_counts(
            &rows(&ds, &a, MethodChoice::Default, Scenario::SinceBaseline),
            TargetYear::Fy2024,
        );
        for (m, s) in [
            (MethodChoice::Default, Scenario::RecentPace),
            (MethodChoice::Line, Scenario::SinceBaseline),
            (MethodChoice::Cagr, Scenario::RecentPace),
        ] {
            let c = class_counts(&rows(&ds, &a, m, s), TargetYear::Fy2024);
            assert_eq!(c[0], base[0], "achieved is independent of the projection");
            assert_eq!(c.iter().sum::<usize>(), 47);
        }
        let recent = class_counts(
            &rows(&ds, &a, MethodChoice::Default, Scenario::RecentPace),
            TargetYear::Fy2024,
        );
        assert_ne!(recent, base, "the recent pace tells a different story");
    }

    #[test]
    fn security_lights_projection_matches_the_worked_example() {
        let (ds, a) = setup();
        let rows = rows(&ds, &a, MethodChoice::Default, Scenario::SinceBaseline);
        let r = rows
            .iter()
            .find(|r| r.id == "security-lights")
            .expect("row");
        let p = &r.fy2024.as_ref().expect("FY2024 target").series[0];
        assert_eq!(p.method, Method::Cagr);
        let ratio = *p.ratio.value().expect("ratio");
        assert!((ratio - 0.92948).abs() < 5e-4, "{ratio}");
        assert_eq!(p.outlook, Metric::Value(Outlook::AccelerationNeeded));
        let line = rows_for(&ds, &a, MethodChoice::Line, "security-lights");
        assert_eq!(line.series[0].year, Metric::Value(YearReached::Year(2025)));
    }

    fn rows_for(ds: &Dataset, a: &Analysis, m: MethodChoice, id: &str) -> TargetProjection {
        rows(ds, a, m, Scenario::SinceBaseline)
            .into_iter()
            .find(|r| r.id == id)
            .and_then(|r| r.fy2024)
            .expect("row with FY2024 target")
    }

    #[test]
    fn added_and_dropped_indicators_have_one_target_only() {
        let (ds, a) = setup();
        let rows = rows(&ds, &a, MethodChoice::Default, Scenario::SinceBaseline);
        let get = |id: &str| rows.iter().find(|r| r.id == id).expect("row");
        assert!(get("child-population").fy2024.is_none());
        assert!(get("child-population").fy2027.is_some());
        assert!(get("births").fy2027.is_none());
        let two = get("healthy-life-expectancy")
            .fy2024
            .as_ref()
            .expect("target");
        assert_eq!(two.series.len(), 2);
    }

    #[test]
    fn filters_outlook_and_sort_work_together() {
        let (ds, a) = setup();
        let rows = rows(&ds, &a, MethodChoice::Default, Scenario::SinceBaseline);
        let name = |i: &Indicator| i.name_en.clone();
        let st = ProjectionsState::from_pairs(&parse_query("fy2024=on_course"));
        assert_eq!(visible(&ds, &rows, &st, name).len(), 5);
        let st = ProjectionsState::from_pairs(&parse_query(
            "fy2024=not_computable&fy2027=not_computable",
        ));
        assert!(visible(&ds, &rows, &st, name).len() <= 1);
        let st = ProjectionsState::from_pairs(&parse_query("sort=-fy2024"));
        let v = visible(&ds, &rows, &st, name);
        let ratios: Vec<Option<f64>> = v
            .iter()
            .map(|r| r.fy2024.as_ref().and_then(TargetProjection::sort_ratio))
            .collect();
        let firsts: Vec<f64> = ratios.iter().map_while(|r| *r).collect();
        assert!(firsts.windows(2).all(|w| w[0] >= w[1]), "descending");
        assert!(
            ratios[firsts.len()..].iter().all(Option::is_none),
            "missing last"
        );
        let st = ProjectionsState::from_pairs(&parse_query("goal=1-2&status=delayed_covid"));
        assert_eq!(visible(&ds, &rows, &st, name).len(), 4);
    }

    #[test]
    fn state_writes_only_non_defaults_and_round_trips() {
        let st = ProjectionsState::default();
        assert!(st.to_pairs().is_empty());
        let q = "lang=en&scenario=recent&method=line&fy2027=on_course&sort=-fy2024&goal=3-1";
        let st = ProjectionsState::from_pairs(&parse_query(q));
        assert_eq!(st.scenario, Scenario::RecentPace);
        assert_eq!(st.method, MethodChoice::Line);
        let out = with_state(&parse_query(q), &st);
        assert_eq!(ProjectionsState::from_pairs(&out), st);
        assert!(encode_query(&out).starts_with("lang=en&"));
        let bogus = ProjectionsState::from_pairs(&parse_query("scenario=x&method=y&sort=z"));
        assert_eq!(bogus, ProjectionsState::default());
    }
}
