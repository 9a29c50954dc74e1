//! What the Data page shows, as pure functions: one row per indicator with
//! its source cells verbatim, grouped into the source documents' columns;
//! filtering, sorting and the page's URL state; and the download files.
//!
//! The raw columns are derived from the data (edition × role × source column
//! heading), so an imported dataset with other columns shows them too.

use machi_kpi_core::{Dataset, EditionId, Indicator, OfficialStatus, Role};

use super::filter::IndicatorFilter;
use super::sort::{cmp_opt, cmp_text, Direction, Sort, SortKey};
use super::url_state::{get, PageState, Pairs};

/// A source column: the edition, the role of its values and its heading.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RawColumn {
    pub edition: EditionId,
    pub role: Role,
    /// The source's heading, verbatim (`基準値 (令和元年度)`).
    pub heading_ja: String,
    /// The most common period year of the column's values.
    pub year: Option<i32>,
}

/// The source columns in (edition, role) order, first appearance within.
pub fn raw_columns(ds: &Dataset) -> Vec<RawColumn> {
    let mut cols: Vec<(RawColumn, Vec<i32>)> = Vec::new();
    for ind in &ds.indicators {
        for o in &ind.observations {
            let pos = cols.iter().position(|(c, _)| {
                c.edition == o.edition && c.role == o.role && c.heading_ja == o.column_ja
            });
            match pos {
                Some(p) => cols[p].1.push(o.period.year),
                None => cols.push((
                    RawColumn {
                        edition: o.edition,
                        role: o.role,
                        heading_ja: o.column_ja.clone(),
                        year: None,
                    },
                    vec![o.period.year],
                )),
            }
        }
    }
    let mut out: Vec<RawColumn> = cols
        .into_iter()
        .map(|(mut c, years)| {
            c.year = mode(&years);
            c
        })
        .collect();
    // Stable: first appearance order is kept within an (edition, role).
    out.sort_by_key(|c| (c.edition, c.role));
    out
}

fn mode(v: &[i32]) -> Option<i32> {
    let mut best: Option<(i32, usize)> = None;
    for &y in v {
        let n = v.iter().filter(|&&x| x == y).count();
        if best.is_none_or(|(by, bn)| n > bn || (n == bn && y < by)) {
            best = Some((y, n));
        }
    }
    best.map(|(y, _)| y)
}

/// The indicator's cells in a column: each distinct raw text once (a cell
/// that holds several series, `男性77.41歳 女性79.89歳`, is one cell).
pub fn raw_cells(ind: &Indicator, col: &RawColumn) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for o in &ind.observations {
        if o.edition == col.edition
            && o.role == col.role
            && o.column_ja == col.heading_ja
            && !out.contains(&o.raw)
        {
            out.push(o.raw.clone());
        }
    }
    out
}

/// The Data table's sortable columns.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum DataSort {
    /// Dataset order.
    Goal,
    Id,
    Name,
    Status,
    Department,
}

impl SortKey for DataSort {
    const ALL: &'static [DataSort] = &[
        DataSort::Goal,
        DataSort::Id,
        DataSort::Name,
        DataSort::Status,
        DataSort::Department,
    ];

    fn slug(self) -> &'static str {
        match self {
            DataSort::Goal => "goal",
            DataSort::Id => "id",
            DataSort::Name => "name",
            DataSort::Status => "status",
            DataSort::Department => "dept",
        }
    }
}

/// The Data page's URL state.
#[derive(Clone, Debug, PartialEq)]
pub struct DataState {
    pub filter: IndicatorFilter,
    pub sort: Sort<DataSort>,
}

impl Default for DataState {
    fn default() -> Self {
        DataState {
            filter: IndicatorFilter::default(),
            sort: Sort {
                key: DataSort::Goal,
                dir: Direction::Ascending,
            },
        }
    }
}

impl PageState for DataState {
    const KEYS: &'static [&'static str] = &["goal", "status", "dept", "q", "sort"];

    fn from_pairs(pairs: &Pairs) -> Self {
        DataState {
            filter: IndicatorFilter::from_pairs(pairs),
            sort: get(pairs, "sort")
                .and_then(Sort::parse)
                .unwrap_or(DataState::default().sort),
        }
    }

    fn to_pairs(&self) -> Vec<(&'static str, String)> {
        let mut v = self.filter.to_pairs();
        if self.sort != DataState::default().sort {
            v.push(("sort", self.sort.to_param()));
        }
        v
    }
}

/// The indicators shown, as (dataset index, indicator): filtered, then sorted.
/// `name` and `department` give the text to sort by in the reader's language.
pub fn visible<'a>(
    ds: &'a Dataset,
    state: &DataState,
    name: impl Fn(&Indicator) -> String,
    department: impl Fn(&Indicator) -> String,
) -> Vec<(usize, &'a Indicator)> {
    let mut out: Vec<(usize, &Indicator)> = ds
        .indicators
        .iter()
        .enumerate()
        .filter(|(_, i)| state.filter.matches(ds, i))
        .collect();
    let dir = state.sort.dir;
    let rank = |i: &Indicator| {
        i.status
            .and_then(|s| OfficialStatus::ALL.iter().position(|x| *x == s))
    };
    out.sort_by(|(ia, a), (ib, b)| {
        let o = match state.sort.key {
            DataSort::Goal => cmp_opt(Some(*ia), Some(*ib), dir),
            DataSort::Id => cmp_text(&a.id, &b.id, dir),
            DataSort::Name => cmp_text(&name(a), &name(b), dir),
            DataSort::Status => cmp_opt(rank(a), rank(b), dir),
            DataSort::Department => {
                let (x, y) = (department(a), department(b));
                match (x.is_empty(), y.is_empty()) {
                    (false, false) => cmp_text(&x, &y, dir),
                    (a_empty, b_empty) => a_empty.cmp(&b_empty),
                }
            }
        };
        o.then(ia.cmp(ib))
    });
    out
}

/// A file offered for download.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Download {
    /// One row per indicator with computed metrics (CSV, UTF-8 with BOM).
    IndicatorsCsv,
    /// One row per value (CSV, UTF-8 with BOM); the format import reads.
    ObservationsCsv,
    /// The whole dataset (JSON).
    DatasetJson,
}

impl Download {
    pub const ALL: [Download; 3] = [
        Download::IndicatorsCsv,
        Download::ObservationsCsv,
        Download::DatasetJson,
    ];

    pub fn file_name(self) -> &'static str {
        match self {
            Download::IndicatorsCsv => "machi-kpi-indicators.csv",
            Download::ObservationsCsv => "machi-kpi-observations.csv",
            Download::DatasetJson => "machi-kpi-dataset.json",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Download::IndicatorsCsv | Download::ObservationsCsv => "text/csv;charset=utf-8",
            Download::DatasetJson => "application/json",
        }
    }

    /// The file's bytes, from the core's exporters.
    pub fn bytes(self, ds: &Dataset, analysis: &machi_kpi_core::analysis::Analysis) -> Vec<u8> {
        use machi_kpi_core::io::{csv, json};
        match self {
            Download::IndicatorsCsv => csv::export_indicators(ds, analysis),
            Download::ObservationsCsv => csv::export_observations(ds),
            Download::DatasetJson => json::to_json_string(ds).into_bytes(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pages::tables::url_state::parse_query;
    use machi_kpi_core::analysis::analyze;

    fn ds() -> Dataset {
        Dataset::embedded().expect("embedded dataset")
    }

    #[test]
    fn columns_follow_the_two_source_documents() {
        let ds = ds();
        let cols = raw_columns(&ds);
        let heads: Vec<&str> = cols.iter().map(|c| c.heading_ja.as_str()).collect();
        assert_eq!(
            heads,
            [
                "基準値 (令和元年度)",
                "令和2年度 実績値",
                "令和3年度 実績値",
                "目標値 (令和6年度)",
                "現状値（令和元年度）",
                "目標値の注記 (※)",
                "目標値（令和９年度）",
            ]
        );
        assert_eq!(cols[0].year, Some(2019));
        assert_eq!(cols[3].year, Some(2024));
        assert_eq!(cols[6].year, Some(2027));
    }

    #[test]
    fn multi_series_cells_are_shown_once_verbatim() {
        let ds = ds();
        let cols = raw_columns(&ds);
        let hle = ds.indicator("healthy-life-expectancy").expect("indicator");
        assert_eq!(raw_cells(hle, &cols[0]), ["男性77.41歳 女性79.89歳"]);
        let vacant = ds
            .indicator("dangerous-vacant-house-removals")
            .expect("indicator");
        let base = raw_cells(vacant, &cols[0]);
        assert!(base[0].contains("30"), "{base:?}");
    }

    #[test]
    fn filters_and_sorts() {
        let ds = ds();
        let name = |i: &Indicator| i.name_ja.clone();
        let dept = |i: &Indicator| i.departments.join("、");
        let st = DataState::from_pairs(&parse_query("status=delayed&sort=-id"));
        let v = visible(&ds, &st, name, dept);
        assert_eq!(v.len(), 6);
        let ids: Vec<&str> = v.iter().map(|(_, i)| i.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort();
        sorted.reverse();
        assert_eq!(ids, sorted);
        let st = DataState::from_pairs(&parse_query("sort=dept"));
        let v = visible(&ds, &st, name, dept);
        assert_eq!(v.len(), 50);
        assert!(
            v.last().is_some_and(|(_, i)| i.departments.is_empty()),
            "no department last"
        );
    }

    #[test]
    fn downloads_are_excel_friendly_csv_and_json() {
        let ds = ds();
        let a = analyze(&ds);
        for d in [Download::IndicatorsCsv, Download::ObservationsCsv] {
            let b = d.bytes(&ds, &a);
            assert!(b.starts_with(b"\xEF\xBB\xBF"), "{d:?} has a BOM");
            assert!(b.windows(2).any(|w| w == b"\r\n"), "{d:?} has CRLF");
        }
        let json = Download::DatasetJson.bytes(&ds, &a);
        assert!(json.starts_with(b"{"));
        let back =
            machi_kpi_core::io::json::from_json_str(std::str::from_utf8(&json).expect("utf-8"));
        assert_eq!(back.ok(), Some(ds));
    }

    #[test]
    fn state_round_trips() {
        let st = DataState::from_pairs(&parse_query("goal=2-1&q=%E5%87%BA%E7%94%9F&sort=-status"));
        assert_eq!(st.filter.text, "出生");
        let pairs: Pairs = st
            .to_pairs()
            .into_iter()
            .map(|(k, v)| (k.to_owned(), v))
            .collect();
        assert_eq!(DataState::from_pairs(&pairs), st);
        assert!(DataState::default().to_pairs().is_empty());
    }
}
