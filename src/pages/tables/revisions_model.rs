//! What the Revisions page shows, as pure functions over the core's
//! [`RevisionDiff`]s: target changes per series of the indicators kept by
//! the March 2024 revision (raised, lowered, unchanged, not comparable, and
//! whether a change is more or less ambitious in the indicator's direction),
//! changed baselines, renamed, added and dropped indicators, targets to be
//! set later, and the page's URL state.

use machi_kpi_core::analysis::revision::SeriesTargets;
use machi_kpi_core::analysis::{Analysis, RevisionChange, RevisionDiff, TargetChange};
use machi_kpi_core::{Dataset, Indicator, Series};

use super::sort::{cmp_opt, cmp_text, Direction, Sort, SortKey};
use super::url_state::{get, PageState, Pairs};

/// Every target change class, in the order the chart and filter list them.
pub const CHANGES: [TargetChange; 4] = [
    TargetChange::Raised,
    TargetChange::Lowered,
    TargetChange::Unchanged,
    TargetChange::NotComparable,
];

/// Parses a [`TargetChange::slug`].
pub fn change_from_slug(s: &str) -> Option<TargetChange> {
    CHANGES.into_iter().find(|c| c.slug() == s)
}

/// One series' FY2024 → FY2027 target comparison.
#[derive(Clone, Debug, PartialEq)]
pub struct TargetRow<'a> {
    /// Position in the dataset.
    pub index: usize,
    pub indicator: &'a Indicator,
    pub series: Option<&'a Series>,
    pub targets: &'a SeriesTargets,
    pub diff: &'a RevisionDiff,
}

/// The pairs of an indicator and its diff, in dataset order.
pub fn diffs<'a>(
    ds: &'a Dataset,
    analysis: &'a Analysis,
) -> Vec<(usize, &'a Indicator, &'a RevisionDiff)> {
    ds.indicators
        .iter()
        .enumerate()
        .filter_map(|(i, ind)| {
            analysis
                .revisions
                .iter()
                .find(|d| d.id == ind.id)
                .map(|d| (i, ind, d))
        })
        .collect()
}

/// One row per series of every indicator in both editions.
pub fn target_rows<'a>(ds: &'a Dataset, analysis: &'a Analysis) -> Vec<TargetRow<'a>> {
    diffs(ds, analysis)
        .into_iter()
        .filter(|(_, _, d)| d.change == RevisionChange::Kept)
        .flat_map(|(index, ind, diff)| {
            diff.targets.iter().map(move |t| TargetRow {
                index,
                indicator: ind,
                series: t
                    .series
                    .as_deref()
                    .and_then(|s| ind.series.iter().find(|x| x.id == s)),
                targets: t,
                diff,
            })
        })
        .collect()
}

/// Counts of target changes, split by ambition where it applies.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ChangeCounts {
    pub raised_more: usize,
    pub raised_less: usize,
    pub lowered_more: usize,
    pub lowered_less: usize,
    pub unchanged: usize,
    pub not_comparable: usize,
}

impl ChangeCounts {
    pub fn of(rows: &[TargetRow<'_>]) -> ChangeCounts {
        let mut c = ChangeCounts::default();
        for r in rows {
            let more = r.targets.more_ambitious == Some(true);
            match r.targets.change {
                TargetChange::Raised if more => c.raised_more += 1,
                TargetChange::Raised => c.raised_less += 1,
                TargetChange::Lowered if more => c.lowered_more += 1,
                TargetChange::Lowered => c.lowered_less += 1,
                TargetChange::Unchanged => c.unchanged += 1,
                TargetChange::NotComparable => c.not_comparable += 1,
            }
        }
        c
    }

    pub fn get(&self, change: TargetChange) -> usize {
        match change {
            TargetChange::Raised => self.raised_more + self.raised_less,
            TargetChange::Lowered => self.lowered_more + self.lowered_less,
            TargetChange::Unchanged => self.unchanged,
            TargetChange::NotComparable => self.not_comparable,
        }
    }

    pub fn more_ambitious(&self) -> usize {
        self.raised_more + self.lowered_more
    }

    pub fn less_ambitious(&self) -> usize {
        self.raised_less + self.lowered_less
    }

    pub fn total(&self) -> usize {
        CHANGES.iter().map(|&c| self.get(c)).sum()
    }
}

/// Indicators with a given kind of change (added, dropped), in dataset order.
pub fn with_change<'a>(
    ds: &'a Dataset,
    analysis: &'a Analysis,
    change: RevisionChange,
) -> Vec<(&'a Indicator, &'a RevisionDiff)> {
    diffs(ds, analysis)
        .into_iter()
        .filter(|(_, _, d)| d.change == change)
        .map(|(_, i, d)| (i, d))
        .collect()
}

/// Kept indicators whose baseline cell changed.
pub fn baselines_changed<'a>(
    ds: &'a Dataset,
    analysis: &'a Analysis,
) -> Vec<(&'a Indicator, &'a RevisionDiff)> {
    diffs(ds, analysis)
        .into_iter()
        .filter(|(_, _, d)| d.baseline_changed)
        .map(|(_, i, d)| (i, d))
        .collect()
}

/// Indicators the revision renamed.
pub fn renamed<'a>(
    ds: &'a Dataset,
    analysis: &'a Analysis,
) -> Vec<(&'a Indicator, &'a RevisionDiff)> {
    diffs(ds, analysis)
        .into_iter()
        .filter(|(_, _, d)| d.renamed_to.is_some())
        .map(|(_, i, d)| (i, d))
        .collect()
}

/// Indicators whose FY2027 target is to be set later.
pub fn to_be_set_later<'a>(
    ds: &'a Dataset,
    analysis: &'a Analysis,
) -> Vec<(&'a Indicator, &'a RevisionDiff)> {
    diffs(ds, analysis)
        .into_iter()
        .filter(|(_, _, d)| d.target_to_be_set_later)
        .map(|(_, i, d)| (i, d))
        .collect()
}

/// The target table's sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RevisionSort {
    Order,
    Name,
    Change,
}

impl SortKey for RevisionSort {
    const ALL: &'static [RevisionSort] = &[
        RevisionSort::Order,
        RevisionSort::Name,
        RevisionSort::Change,
    ];

    fn slug(self) -> &'static str {
        match self {
            RevisionSort::Order => "order",
            RevisionSort::Name => "name",
            RevisionSort::Change => "change",
        }
    }
}

fn change_rank(r: &TargetRow<'_>) -> usize {
    let base = CHANGES
        .iter()
        .position(|c| *c == r.targets.change)
        .unwrap_or(CHANGES.len());
    // Within raised/lowered, more ambitious first.
    base * 2 + usize::from(r.targets.more_ambitious == Some(false))
}

/// The Revisions page's URL state.
#[derive(Clone, Debug, PartialEq)]
pub struct RevisionsState {
    /// Show only targets with this change.
    pub change: Option<TargetChange>,
    pub sort: Sort<RevisionSort>,
}

impl Default for RevisionsState {
    fn default() -> Self {
        RevisionsState {
            change: None,
            sort: Sort {
                key: RevisionSort::Order,
                dir: Direction::Ascending,
            },
        }
    }
}

impl PageState for RevisionsState {
    const KEYS: &'static [&'static str] = &["change", "sort"];

    fn from_pairs(pairs: &Pairs) -> Self {
        RevisionsState {
            change: get(pairs, "change").and_then(change_from_slug),
            sort: get(pairs, "sort")
                .and_then(Sort::parse)
                .unwrap_or(RevisionsState::default().sort),
        }
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if let Some(c) = self.change {
            v.push(("change", c.slug().to_owned()));
        }
        if self.sort != RevisionsState::default().sort {
            v.push(("sort", self.sort.to_param()));
        }
        v
    }
}

/// The target rows shown: filtered by change, then sorted.
pub fn visible<'a>(
    rows: &[TargetRow<'a>],
    state: &RevisionsState,
    name: impl Fn(&TargetRow<'a>) -> String,
) -> Vec<TargetRow<'a>> {
    let mut out: Vec<TargetRow<'a>> = rows
        .iter()
        .filter(|r| state.change.is_none_or(|c| r.targets.change == c))
        .cloned()
        .collect();
    let dir = state.sort.dir;
    out.sort_by(|a, b| {
        let o = match state.sort.key {
            RevisionSort::Order => cmp_opt(Some(a.index), Some(b.index), dir),
            RevisionSort::Name => cmp_text(&name(a), &name(b), dir),
            RevisionSort::Change => cmp_opt(Some(change_rank(a)), Some(change_rank(b)), dir),
        };
        o.then(a.index.cmp(&b.index))
    });
    out
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

    fn names(v: &[(&Indicator, &RevisionDiff)]) -> Vec<String> {
        v.iter().map(|(i, _)| i.name_ja.clone()).collect()
    }

    #[test]
    fn three_added_and_two_dropped() {
        let (ds, a) = setup();
        assert_eq!(
            names(&with_change(&ds, &a, RevisionChange::Added)),
            [
                "年少人口",
                "３歳児健康診査受診率",
                "災害図上訓練年間実施回数"
            ]
        );
        assert_eq!(
            names(&with_change(&ds, &a, RevisionChange::Dropped)),
            ["合計特殊出生率", "出生数"]
        );
        let added = with_change(&ds, &a, RevisionChange::Added);
        assert_eq!(added[0].1.replaces.as_deref(), Some("total-fertility-rate"));
    }

    #[test]
    fn vacant_house_baseline_changed_from_30_to_49() {
        let (ds, a) = setup();
        let changed = baselines_changed(&ds, &a);
        let (_, d) = changed
            .iter()
            .find(|(i, _)| i.id == "dangerous-vacant-house-removals")
            .expect("危険空き家除却件数 re-based");
        assert!(d
            .baseline_fy2021_raw
            .as_deref()
            .is_some_and(|r| r.contains("30")));
        assert!(d
            .baseline_revision_raw
            .as_deref()
            .is_some_and(|r| r.contains("49")));
    }

    #[test]
    fn target_changes_add_up_and_filter() {
        let (ds, a) = setup();
        let rows = target_rows(&ds, &a);
        let c = ChangeCounts::of(&rows);
        assert_eq!(c.total(), rows.len());
        assert!(c.get(TargetChange::Raised) > 0 && c.get(TargetChange::Lowered) > 0);
        assert!(
            c.not_comparable >= 1,
            "healthy life expectancy is to be set later"
        );
        let st = RevisionsState::from_pairs(&parse_query("change=lowered&sort=-name"));
        let v = visible(&rows, &st, |r| r.indicator.name_ja.clone());
        assert_eq!(v.len(), c.get(TargetChange::Lowered));
        assert!(v.iter().all(|r| r.targets.change == TargetChange::Lowered));
        assert!(!renamed(&ds, &a).is_empty());
        assert!(to_be_set_later(&ds, &a)
            .iter()
            .any(|(i, _)| i.id == "healthy-life-expectancy"));
    }

    #[test]
    fn state_round_trips() {
        let st = RevisionsState::from_pairs(&parse_query("change=not_comparable&sort=change"));
        assert_eq!(st.change, Some(TargetChange::NotComparable));
        let pairs: Pairs = st
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(RevisionsState::from_pairs(&pairs), st);
        assert!(RevisionsState::default().to_pairs().is_empty());
    }
}
