//! The indicator filter shared by the Projections and Data pages: basic goal,
//! official status, department and free text, with its URL keys
//! (`goal`, `status`, `dept`, `q`).
//!
//! Matching is a pure function of the dataset, so the counts a test expects
//! are the counts the page announces. Free text is matched case-insensitively
//! after folding full-width digits and letters (`３歳児` finds `3歳児`), against
//! both languages' names, the id, the unit and the department names.

use machi_kpi_core::cell::normalize_width;
use machi_kpi_core::{Dataset, Indicator, OfficialStatus};

use super::url_state::{get, Pairs};

/// What the status filter selects.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum StatusFilter {
    /// Indicators with this official status.
    Official(OfficialStatus),
    /// Indicators without an official status (added by the 2024 revision).
    NoStatus,
}

impl StatusFilter {
    /// Every choice, in the order the select lists them.
    pub fn all() -> Vec<StatusFilter> {
        let mut v: Vec<StatusFilter> = OfficialStatus::ALL
            .iter()
            .map(|&s| StatusFilter::Official(s))
            .collect();
        v.push(StatusFilter::NoStatus);
        v
    }

    /// The value in the URL.
    pub fn slug(self) -> &'static str {
        match self {
            StatusFilter::Official(s) => s.slug(),
            StatusFilter::NoStatus => "none",
        }
    }

    /// Parses [`StatusFilter::slug`].
    pub fn from_slug(s: &str) -> Option<StatusFilter> {
        if s == "none" {
            return Some(StatusFilter::NoStatus);
        }
        OfficialStatus::ALL
            .into_iter()
            .find(|st| st.slug() == s)
            .map(StatusFilter::Official)
    }

    fn matches(self, status: Option<OfficialStatus>) -> bool {
        match self {
            StatusFilter::Official(s) => status == Some(s),
            StatusFilter::NoStatus => status.is_none(),
        }
    }
}

/// The department filter's value for indicators whose source names none.
pub const NO_DEPARTMENT: &str = "-";

/// Basic goal, status, department and free text; `None`/empty = any.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IndicatorFilter {
    /// A goal id such as `1-1`.
    pub goal: Option<String>,
    pub status: Option<StatusFilter>,
    /// A department's Japanese name (the dataset's key), or [`NO_DEPARTMENT`].
    pub department: Option<String>,
    /// Free text, as typed.
    pub text: String,
}

impl IndicatorFilter {
    /// The URL keys this filter owns.
    pub const KEYS: [&'static str; 4] = ["goal", "status", "dept", "q"];

    /// Reads the filter from the URL; unknown statuses are ignored.
    pub fn from_pairs(pairs: &Pairs) -> IndicatorFilter {
        IndicatorFilter {
            goal: get(pairs, "goal").map(str::to_owned),
            status: get(pairs, "status").and_then(StatusFilter::from_slug),
            department: get(pairs, "dept").map(str::to_owned),
            text: get(pairs, "q").unwrap_or_default().to_owned(),
        }
    }

    /// The non-default values.
    pub fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = Vec::new();
        if let Some(g) = &self.goal {
            v.push(("goal", g.clone()));
        }
        if let Some(s) = self.status {
            v.push(("status", s.slug().to_owned()));
        }
        if let Some(d) = &self.department {
            v.push(("dept", d.clone()));
        }
        if !self.text.trim().is_empty() {
            v.push(("q", self.text.clone()));
        }
        v
    }

    /// True when nothing is filtered.
    pub fn is_empty(&self) -> bool {
        self.goal.is_none()
            && self.status.is_none()
            && self.department.is_none()
            && self.text.trim().is_empty()
    }

    /// Whether `ind` passes every part of the filter.
    pub fn matches(&self, ds: &Dataset, ind: &Indicator) -> bool {
        if self.goal.as_ref().is_some_and(|g| *g != ind.goal_id) {
            return false;
        }
        if self.status.is_some_and(|s| !s.matches(ind.status)) {
            return false;
        }
        if let Some(d) = &self.department {
            let ok = if d == NO_DEPARTMENT {
                ind.departments.is_empty()
            } else {
                ind.departments.iter().any(|x| x == d)
            };
            if !ok {
                return false;
            }
        }
        text_matches(ds, ind, &self.text)
    }
}

/// Folds case and width so that `ＡＢＣ３` and `abc3` compare equal.
pub fn fold(s: &str) -> String {
    normalize_width(s)
        .chars()
        .map(|c| match c {
            // Full-width ASCII letters and symbols (U+FF01..U+FF5E) to ASCII.
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            _ => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// Free-text match: every whitespace-separated word must occur somewhere.
pub fn text_matches(ds: &Dataset, ind: &Indicator, text: &str) -> bool {
    let words: Vec<String> = fold(text).split_whitespace().map(str::to_owned).collect();
    if words.is_empty() {
        return true;
    }
    let mut hay = vec![
        ind.id.as_str(),
        ind.name_ja.as_str(),
        ind.name_en.as_str(),
        ind.unit.ja.as_str(),
        ind.unit.en.as_str(),
        ind.goal_id.as_str(),
    ];
    if let Some(n) = &ind.revision_name_ja {
        hay.push(n);
    }
    if let Some(m) = &ind.measure_id {
        hay.push(m);
    }
    for d in &ind.departments {
        hay.push(d);
        if let Some(en) = ds.department_en(d) {
            hay.push(en);
        }
    }
    let hay = fold(&hay.join("\n"));
    words.iter().all(|w| hay.contains(w.as_str()))
}

/// The departments to offer: in the dataset's department order, only those
/// some indicator names, plus [`NO_DEPARTMENT`] last when an indicator has none.
pub fn department_options(ds: &Dataset) -> Vec<String> {
    let mut out: Vec<String> = ds
        .departments
        .iter()
        .filter(|d| {
            ds.indicators
                .iter()
                .any(|i| i.departments.contains(&d.name_ja))
        })
        .map(|d| d.name_ja.clone())
        .collect();
    // Departments named by indicators but missing from the list (imported data).
    for ind in &ds.indicators {
        for d in &ind.departments {
            if !out.contains(d) {
                out.push(d.clone());
            }
        }
    }
    if ds.indicators.iter().any(|i| i.departments.is_empty()) {
        out.push(NO_DEPARTMENT.to_owned());
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::tables::url_state::parse_query;

    fn ds() -> Dataset {
        Dataset::embedded().expect("embedded dataset")
    }

    fn count(ds: &Dataset, f: &IndicatorFilter) -> usize {
        ds.indicators.iter().filter(|i| f.matches(ds, i)).count()
    }

    #[test]
    fn empty_filter_keeps_all_fifty_indicators() {
        let ds = ds();
        let f = IndicatorFilter::default();
        assert!(f.is_empty());
        assert_eq!(count(&ds, &f), 50);
    }

    #[test]
    fn each_part_filters_by_the_dataset() {
        let ds = ds();
        let by = |q: &str| count(&ds, &IndicatorFilter::from_pairs(&parse_query(q)));
        // Goal 1-1: 11 indicators with a status, none added.
        assert_eq!(by("goal=1-1"), 11);
        // The official counts: 11 / 18 / 12 / 6, and 3 added without status.
        assert_eq!(by("status=on_track"), 11);
        assert_eq!(by("status=mostly_on_track"), 18);
        assert_eq!(by("status=delayed_covid"), 12);
        assert_eq!(by("status=delayed"), 6);
        assert_eq!(by("status=none"), 3);
        assert_eq!(by("status=bogus"), 50);
        // 文化観光課: three tourism indicators, all delayed by COVID.
        assert_eq!(by("dept=文化観光課"), 3);
        assert_eq!(by("dept=文化観光課&status=delayed_covid"), 3);
        // Two indicators are shared by 市街地整備課 and 都市開発課.
        assert_eq!(by("dept=都市開発課"), 2);
        assert_eq!(by("goal=2-1&status=delayed"), 3);
    }

    #[test]
    fn free_text_matches_both_languages_and_full_width() {
        let ds = ds();
        let by = |t: &str| {
            count(
                &ds,
                &IndicatorFilter {
                    text: t.into(),
                    ..Default::default()
                },
            )
        };
        assert_eq!(by("観光"), 3);
        assert_eq!(by("TOURIST"), 2);
        assert_eq!(by("3歳児"), 1);
        assert_eq!(by("３歳児"), 1);
        assert_eq!(by("bus riders"), 1);
        assert_eq!(by("  "), 50);
        assert_eq!(by("no such words"), 0);
        // Department names in English are searchable too.
        assert!(by("tourism") >= 3);
    }

    #[test]
    fn filter_round_trips_through_pairs() {
        let f = IndicatorFilter {
            goal: Some("3-1".into()),
            status: Some(StatusFilter::NoStatus),
            department: Some(NO_DEPARTMENT.into()),
            text: "バス".into(),
        };
        let pairs: Pairs = f
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(IndicatorFilter::from_pairs(&pairs), f);
        assert!(IndicatorFilter::default().to_pairs().is_empty());
    }

    #[test]
    fn department_options_list_only_named_departments_and_none() {
        let ds = ds();
        let opts = department_options(&ds);
        assert_eq!(opts.last().map(String::as_str), Some(NO_DEPARTMENT));
        assert!(opts.iter().any(|d| d == "文化観光課"));
        let with_none = ds
            .indicators
            .iter()
            .filter(|i| i.departments.is_empty())
            .count();
        assert!(with_none > 0);
    }
}
