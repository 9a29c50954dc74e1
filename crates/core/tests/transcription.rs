//! The embedded dataset against its sources.
//!
//! 1. Every FY2021 report row, parsed from a copy of the seed text, must equal the
//!    dataset's raw cells (name, notes, baseline, actuals, target, status, definition,
//!    department).
//! 2. The revision's values must agree with an independent transcription made separately
//!    from the same seed (`tests/fixtures/revision_2024_independent.tsv`).
//! 3. Every stored parsed value must equal what the cell parser reads from its raw cell.

use machi_kpi_core::cell::{parse_cell, SeriesLabel};
use machi_kpi_core::{Dataset, EditionId, Indicator, Role};

const REPORT: &str = include_str!("../../../tests/fixtures/fy2021_report.txt");
const INDEPENDENT: &str = include_str!("../../../tests/fixtures/revision_2024_independent.tsv");
const STATUSES: [&str; 4] = [
    "順調に進捗",
    "概ね順調に進捗",
    "進捗の遅れ (コロナ)",
    "進捗の遅れ",
];

struct ReportRow {
    name: String,
    cells: Vec<String>, // notes, baseline, fy2020, fy2021, target, status, definition, department
}

/// The report's data rows: a row is one whose field is a status; the status anchors the
/// columns (the leading columns shift between pages, and the last row lacks a department).
fn report_rows() -> Vec<ReportRow> {
    let mut rows = Vec::new();
    for line in REPORT.lines() {
        let f: Vec<&str> = line.split('\t').collect();
        let Some(s) = f.iter().position(|c| STATUSES.contains(&c.trim())) else {
            continue;
        };
        if s < 6 {
            continue; // the closing totals table
        }
        let lead: Vec<&str> = f[..s - 5]
            .iter()
            .map(|c| c.trim())
            .filter(|c| !c.is_empty())
            .collect();
        let is_label = |c: &&str| {
            *c == "-"
                || c.starts_with(['①', '②', '③', '④'])
                || (c.len() > 4 && c.as_bytes()[1] == b'-' && c.as_bytes()[3] == b' ')
        };
        let names: Vec<&str> = lead.iter().copied().filter(|c| !is_label(c)).collect();
        // A numeric-goal row carries its goal label ("1-1 安定した…") and the name.
        let name = match names.as_slice() {
            [n] => n.to_string(),
            _ => panic!("ambiguous row: {lead:?}"),
        };
        let cell = |i: usize| f.get(i).map(|c| c.to_string()).unwrap_or_default();
        rows.push(ReportRow {
            name,
            cells: (s - 5..=s + 2).map(cell).collect(),
        });
    }
    rows
}

fn raw(ind: &Indicator, edition: EditionId, role: Role, nth: usize) -> String {
    let mut periods = Vec::new();
    for o in ind
        .observations
        .iter()
        .filter(|o| o.edition == edition && o.role == role && o.column_ja != "目標値の注記 (※)")
    {
        if !periods
            .iter()
            .any(|(c, _): &(String, String)| c == &o.column_ja)
        {
            periods.push((o.column_ja.clone(), o.raw.clone()));
        }
    }
    periods.get(nth).map(|p| p.1.clone()).unwrap_or_default()
}

#[test]
fn every_fy2021_report_row_equals_the_dataset_raw_cells() {
    let ds = Dataset::embedded().unwrap();
    let rows = report_rows();
    assert_eq!(rows.len(), 47, "the report has 47 indicator rows");
    let mut in_report = ds
        .indicators
        .iter()
        .filter(|i| i.in_edition(EditionId::Fy2021Report));
    for row in &rows {
        let ind = in_report.next().expect("as many indicators as rows");
        assert_eq!(ind.name_ja, row.name, "row order and names");
        let notes = ind
            .notes
            .as_ref()
            .map(|n| n.raw.clone())
            .unwrap_or_default();
        let got = [
            notes,
            raw(ind, EditionId::Fy2021Report, Role::Baseline, 0),
            raw(ind, EditionId::Fy2021Report, Role::Actual, 0),
            raw(ind, EditionId::Fy2021Report, Role::Actual, 1),
            raw(ind, EditionId::Fy2021Report, Role::Target, 0),
            ind.status
                .map(|s| s.name_ja().to_string())
                .unwrap_or_default(),
            ind.definition_ja.clone().unwrap_or_default(),
            ind.department_raw.clone().unwrap_or_default(),
        ];
        for (i, (g, want)) in got.iter().zip(&row.cells).enumerate() {
            assert_eq!(g, want, "{} cell {i}", ind.id);
        }
    }
    assert!(in_report.next().is_none());
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn revision_values_agree_with_the_independent_transcription() {
    let ds = Dataset::embedded().unwrap();
    let mut lines = INDEPENDENT.lines();
    let header: Vec<&str> = lines.next().unwrap().split('\t').collect();
    let col = |n: &str| header.iter().position(|h| *h == n).unwrap();
    let mut matched = 0;
    for line in lines.filter(|l| !l.trim().is_empty()) {
        let f: Vec<&str> = line.split('\t').collect();
        let (goal, name, base, target) = (
            f[col("goal_id")],
            f[col("name_ja")],
            f[col("baseline_raw")],
            f[col("target_raw")],
        );
        let ind = ds
            .indicators
            .iter()
            .filter(|i| i.in_edition(EditionId::Revision2024) && i.goal_id == goal)
            .find(|i| squeeze(i.revision_name_ja.as_deref().unwrap_or(&i.name_ja)) == squeeze(name))
            .unwrap_or_else(|| panic!("no revision indicator named {name}"));
        assert_eq!(
            squeeze(&raw(ind, EditionId::Revision2024, Role::Baseline, 0)),
            squeeze(base),
            "{} baseline",
            ind.id
        );
        assert_eq!(
            squeeze(&raw(ind, EditionId::Revision2024, Role::Target, 0)),
            squeeze(target),
            "{} target",
            ind.id
        );
        matched += 1;
    }
    let in_revision = ds
        .indicators
        .iter()
        .filter(|i| i.in_edition(EditionId::Revision2024))
        .count();
    assert_eq!(
        matched, in_revision,
        "every revision indicator is in the independent pass"
    );
    assert_eq!(in_revision, 48);
}

#[test]
fn every_stored_value_is_what_the_parser_reads_from_its_raw_cell() {
    let ds = Dataset::embedded().unwrap();
    let mut checked = 0;
    for ind in &ds.indicators {
        let labels: Vec<SeriesLabel<'_>> = ind
            .series
            .iter()
            .map(|s| SeriesLabel {
                id: &s.id,
                label_ja: &s.label_ja,
            })
            .collect();
        for o in &ind.observations {
            if o.column_ja == "目標値の注記 (※)" {
                continue; // footnote fragments: transcribed by hand, checked in analysis tests
            }
            let default = machi_kpi_core::Period::fiscal(match (o.edition, o.role) {
                (_, Role::Baseline) => 2019,
                (EditionId::Fy2021Report, Role::Target) => 2024,
                (EditionId::Revision2024 | EditionId::Update, Role::Target) => 2027,
                (_, Role::Actual) => {
                    if o.column_ja.contains("令和2年度") {
                        2020
                    } else {
                        2021
                    }
                }
            });
            let cells = parse_cell(&o.raw, &ind.unit.ja, default, &labels)
                .unwrap_or_else(|e| panic!("{}: {:?} does not parse: {e:?}", ind.id, o.raw));
            let cell = cells
                .iter()
                .find(|c| c.series == o.series)
                .unwrap_or_else(|| panic!("{}: no series {:?} in {:?}", ind.id, o.series, o.raw));
            assert_eq!(cell.value, o.value, "{} {:?}", ind.id, o.raw);
            assert_eq!(cell.period, o.period, "{} {:?}", ind.id, o.raw);
            for c in &cell.caveats {
                let stored = o.caveats.iter().any(|s| s.slug() == c.slug());
                assert!(
                    stored,
                    "{} {:?}: caveat {} missing",
                    ind.id,
                    o.raw,
                    c.slug()
                );
            }
            checked += 1;
        }
    }
    assert!(checked > 250, "checked {checked} cells");
}
