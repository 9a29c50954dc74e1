//! What the Delays page shows, as pure functions: the COVID-19 vs other
//! delay counts per group, every indicator's COVID dip and recovery, the
//! official status beside the indicative one (and the official COVID
//! attribution beside the computed flag), and the page's URL state.
//!
//! Figures come from the core's [`Analysis`]; nothing is recomputed here.

use machi_kpi_core::analysis::{
    Analysis, CovidImpact, GroupCounts, IndicativeStatus, IndicatorAnalysis, Metric, YearReached,
};
use machi_kpi_core::{Dataset, Indicator, OfficialStatus, Series};

use super::sort::{cmp_opt, cmp_opt_f64, cmp_text, Direction, Sort, SortKey};
use super::url_state::{get, PageState, Pairs};

/// Groups with at least one delay, most delays first (ties keep their order).
pub fn delayed_groups(groups: &[GroupCounts]) -> Vec<GroupCounts> {
    let mut v: Vec<GroupCounts> = groups
        .iter()
        .filter(|g| g.counts.delayed_total() > 0)
        .cloned()
        .collect();
    v.sort_by_key(|g| std::cmp::Reverse(g.counts.delayed_total()));
    v
}

/// One series' COVID dip and recovery.
#[derive(Clone, Debug, PartialEq)]
pub struct CovidRow<'a> {
    /// Position in the dataset (for stable ordering).
    pub index: usize,
    pub indicator: &'a Indicator,
    /// The series, for multi-series indicators.
    pub series: Option<&'a Series>,
    pub impact: &'a CovidImpact,
}

impl CovidRow<'_> {
    pub fn dip(&self) -> Option<f64> {
        self.impact.dip.value().copied()
    }

    pub fn recovery(&self) -> Option<f64> {
        self.impact.recovery.value().copied()
    }

    /// A sortable year: already recovered first, then by year, then "not at this pace".
    pub fn year_rank(&self) -> Option<i32> {
        match self.impact.recovery_year.value()? {
            YearReached::AlreadyMet => Some(i32::MIN),
            YearReached::Year(y) => Some(*y),
            YearReached::NotAtThisPace => Some(i32::MAX),
        }
    }
}

/// Every series whose COVID dip could be computed (it has a value before
/// 2020 and one for 2020), in dataset order.
pub fn covid_rows<'a>(ds: &'a Dataset, analysis: &'a Analysis) -> Vec<CovidRow<'a>> {
    let mut out = Vec::new();
    for (index, ind) in ds.indicators.iter().enumerate() {
        let Some(ia) = analysis.indicator(&ind.id) else {
            continue;
        };
        for impact in &ia.covid {
            if impact.dip.value().is_none() {
                continue;
            }
            let series = impact
                .series
                .as_deref()
                .and_then(|s| ind.series.iter().find(|x| x.id == s));
            out.push(CovidRow {
                index,
                indicator: ind,
                series,
                impact,
            });
        }
    }
    out
}

/// Indicators for which no dip could be computed (no value before 2020 or in 2020).
pub fn without_dip(ds: &Dataset, analysis: &Analysis) -> usize {
    ds.indicators
        .iter()
        .filter_map(|i| analysis.indicator(&i.id))
        .filter(|ia| ia.covid.iter().all(|c| c.dip.value().is_none()))
        .count()
}

/// The dip table's sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CovidSort {
    /// Dataset order.
    Order,
    Name,
    Dip,
    Recovery,
    Year,
}

impl SortKey for CovidSort {
    const ALL: &'static [CovidSort] = &[
        CovidSort::Order,
        CovidSort::Name,
        CovidSort::Dip,
        CovidSort::Recovery,
        CovidSort::Year,
    ];

    fn slug(self) -> &'static str {
        match self {
            CovidSort::Order => "order",
            CovidSort::Name => "name",
            CovidSort::Dip => "dip",
            CovidSort::Recovery => "recovery",
            CovidSort::Year => "year",
        }
    }
}

/// Sorts the dip rows.
pub fn sort_covid_rows(
    rows: &mut [CovidRow<'_>],
    sort: Sort<CovidSort>,
    name: impl Fn(&CovidRow<'_>) -> String,
) {
    let dir = sort.dir;
    rows.sort_by(|a, b| {
        let o = match sort.key {
            CovidSort::Order => cmp_opt(Some(a.index), Some(b.index), dir),
            CovidSort::Name => cmp_text(&name(a), &name(b), dir),
            CovidSort::Dip => cmp_opt_f64(a.dip(), b.dip(), dir),
            CovidSort::Recovery => cmp_opt_f64(a.recovery(), b.recovery(), dir),
            CovidSort::Year => cmp_opt(a.year_rank(), b.year_rank(), dir),
        };
        o.then(a.index.cmp(&b.index))
    });
}

/// The official status beside the indicative one, for one indicator.
#[derive(Clone, Debug, PartialEq)]
pub struct ComparisonRow<'a> {
    pub indicator: &'a Indicator,
    pub official: OfficialStatus,
    pub indicative: Metric<IndicativeStatus>,
    /// `None` when the indicative status could not be computed.
    pub status_agrees: Option<bool>,
    pub covid_affected: bool,
    /// For officially delayed indicators: whether the computed flag agrees
    /// with the city's COVID attribution.
    pub covid_agrees: Option<bool>,
}

impl ComparisonRow<'_> {
    /// True when either comparison differs.
    pub fn differs(&self) -> bool {
        self.status_agrees == Some(false) || self.covid_agrees == Some(false)
    }
}

/// One row per indicator with an official status, in dataset order.
pub fn comparison_rows<'a>(ds: &'a Dataset, analysis: &'a Analysis) -> Vec<ComparisonRow<'a>> {
    ds.indicators
        .iter()
        .filter_map(|ind| {
            let ia: &IndicatorAnalysis = analysis.indicator(&ind.id)?;
            let official = ia.official_status?;
            Some(ComparisonRow {
                indicator: ind,
                official,
                indicative: ia.indicative_status.clone(),
                status_agrees: ia.status_agrees(),
                covid_affected: ia.covid_affected,
                covid_agrees: ia.covid_attribution_agrees(),
            })
        })
        .collect()
}

/// Official (rows) × indicative (columns, plus "not computable") counts.
pub fn cross_tab(rows: &[ComparisonRow<'_>]) -> [[usize; 5]; 4] {
    let mut m = [[0; 5]; 4];
    for r in rows {
        let Some(i) = OfficialStatus::ALL.iter().position(|s| *s == r.official) else {
            continue;
        };
        let j = match &r.indicative {
            Metric::Value(s) => OfficialStatus::ALL
                .iter()
                .position(|x| *x == s.as_official())
                .unwrap_or(4),
            Metric::Unavailable(_) => 4,
        };
        m[i][j] += 1;
    }
    m
}

/// The official COVID attribution (rows: 進捗の遅れ (コロナ), 進捗の遅れ) × the
/// computed flag (columns: affected, not affected), for delayed indicators.
pub fn covid_cross_tab(rows: &[ComparisonRow<'_>]) -> [[usize; 2]; 2] {
    let mut m = [[0; 2]; 2];
    for r in rows.iter().filter(|r| r.covid_agrees.is_some()) {
        let i = usize::from(r.official != OfficialStatus::DelayedCovid);
        let j = usize::from(!r.covid_affected);
        m[i][j] += 1;
    }
    m
}

/// The Delays page's URL state.
#[derive(Clone, Debug, PartialEq)]
pub struct DelaysState {
    /// Show only indicators where the city and the numbers differ.
    pub differences_only: bool,
    pub sort: Sort<CovidSort>,
}

impl Default for DelaysState {
    fn default() -> Self {
        DelaysState {
            differences_only: false,
            sort: Sort {
                key: CovidSort::Dip,
                dir: Direction::Ascending,
            },
        }
    }
}

impl PageState for DelaysState {
    const KEYS: &'static [&'static str] = &["diff", "sort"];

    fn from_pairs(pairs: &Pairs) -> Self {
        let d = DelaysState::default();
        DelaysState {
            differences_only: get(pairs, "diff") == Some("1"),
            sort: get(pairs, "sort").and_then(Sort::parse).unwrap_or(d.sort),
        }
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if self.differences_only {
            v.push(("diff", "1".to_owned()));
        }
        if self.sort != DelaysState::default().sort {
            v.push(("sort", self.sort.to_param()));
        }
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::tables::url_state::parse_query;
    use machi_kpi_core::analysis::analyze;

    fn setup() -> (Dataset, Analysis) {
        let ds = Dataset::embedded().expect("embedded dataset");
        let a = analyze(&ds);
        (ds, a)
    }

    #[test]
    fn twelve_covid_and_six_other_delays_by_goal_add_up() {
        let (_, a) = setup();
        let b = &a.summary.breakdown;
        let covid: usize = b.by_goal.iter().map(|g| g.counts.delayed_covid).sum();
        let other: usize = b.by_goal.iter().map(|g| g.counts.delayed).sum();
        assert_eq!((covid, other), (12, 6));
        // Goal 3-1 has the most delays (3 COVID + 2 other); 1-2 the most COVID delays (4).
        let groups = delayed_groups(&b.by_goal);
        assert_eq!(groups[0].key, "3-1");
        assert_eq!(groups[0].counts.delayed_total(), 5);
        assert_eq!(groups[1].key, "1-2");
        assert_eq!(groups[1].counts.delayed_covid, 4);
        assert!(groups.iter().all(|g| g.counts.delayed_total() > 0));
    }

    #[test]
    fn comparison_counts_match_the_core_agreement() {
        let (ds, a) = setup();
        let rows = comparison_rows(&ds, &a);
        assert_eq!(rows.len(), 47);
        let compared = rows.iter().filter(|r| r.status_agrees.is_some()).count();
        let agree = rows
            .iter()
            .filter(|r| r.status_agrees == Some(true))
            .count();
        assert_eq!((agree, compared), (23, 46));
        let covid_compared = rows.iter().filter(|r| r.covid_agrees.is_some()).count();
        let covid_agree = rows.iter().filter(|r| r.covid_agrees == Some(true)).count();
        assert_eq!((covid_agree, covid_compared), (15, 18));
        let ag = &a.summary.agreement;
        assert_eq!(
            (ag.agree, ag.compared, ag.covid_agree, ag.covid_compared),
            (23, 46, 15, 18)
        );

        let m = cross_tab(&rows);
        let diagonal: usize = (0..4).map(|i| m[i][i]).sum();
        assert_eq!(diagonal, 23);
        assert_eq!(m.iter().flatten().sum::<usize>(), 47);
        let c = covid_cross_tab(&rows);
        assert_eq!(c[0][0] + c[1][1], 15);
        assert_eq!(c[0][0] + c[0][1], 12, "12 officially COVID-delayed");
        assert_eq!(c[1][0] + c[1][1], 6, "6 other delays");
    }

    #[test]
    fn dip_rows_sort_worst_first_by_default() {
        let (ds, a) = setup();
        let mut rows = covid_rows(&ds, &a);
        assert!(rows.len() > 30);
        sort_covid_rows(&mut rows, DelaysState::default().sort, |r| {
            r.indicator.name_ja.clone()
        });
        let dips: Vec<f64> = rows.iter().filter_map(CovidRow::dip).collect();
        assert!(dips.windows(2).all(|w| w[0] <= w[1]));
        assert!(
            dips[0] <= -0.5,
            "the worst dip is more than half: {}",
            dips[0]
        );
        // Crime fell in 2020: a rise for a "lower is better" indicator is no dip.
        let crime = rows
            .iter()
            .find(|r| r.indicator.id == "recognized-criminal-offenses")
            .expect("row");
        assert!(crime.dip().is_some_and(|d| d > 0.0));
        let affected = rows.iter().filter(|r| r.impact.affected).count();
        assert!(affected >= a.summary.covid_affected);
    }

    #[test]
    fn state_round_trips() {
        let st = DelaysState::from_pairs(&parse_query("diff=1&sort=-recovery"));
        assert!(st.differences_only);
        assert_eq!(st.sort.key, CovidSort::Recovery);
        let pairs: Pairs = st
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(DelaysState::from_pairs(&pairs), st);
        assert!(DelaysState::default().to_pairs().is_empty());
    }
}
