//! Issue 10 item 7: every `raw` cell of the revision edition (its baselines, targets and
//! the (※) footnote cells), and every revision indicator's name, is found in the source
//! text `../shared/seeds/001_*.txt` after whitespace normalisation only.
//!
//! The seed is read from `shared/` beside the repository (where CI has it), not from the
//! copy in `tests/fixtures/`: the other transcription tests read that copy, so this test
//! also checks the copy is byte-identical to the seed, which makes their checks checks
//! against the source too. Without the seeds directory the test fails: a skipped check
//! against the source would read as a passed one.
//!
//! The PDF extraction scrambled the revision's layout (values apart from their names, in
//! another order), so a cell is looked for anywhere in the text, not beside its name;
//! the order and pairing are checked against an independent transcription in
//! `transcription.rs`. A cell that cannot be found at all is listed in [`NOT_IN_SEED`]
//! with the reason, and the test checks it is indeed absent, so the list cannot go stale.

use std::path::{Path, PathBuf};

use machi_kpi_core::{Dataset, EditionId};

const FIXTURE_COPY: &str = include_str!("../../../tests/fixtures/strategy_revision_2024.txt");

/// Cells of the revision edition that are not in the seed text, as (indicator id, raw
/// cell, why). Empty today: every cell was transcribed from the text as it stands.
const NOT_IN_SEED: &[(&str, &str, &str)] = &[];

fn seeds_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/seeds")
}

/// The revision's seed: the one `001_*.txt` file.
fn revision_seed() -> (PathBuf, String) {
    let dir = seeds_dir();
    let entries = std::fs::read_dir(&dir).unwrap_or_else(|e| {
        panic!(
            "the seeds directory {} is missing ({e}): the revision cells must be checked \
             against the source text; put shared/ beside the repository",
            dir.display()
        )
    });
    let mut found: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with("001_") && n.ends_with(".txt"))
        })
        .collect();
    found.sort();
    assert_eq!(
        found.len(),
        1,
        "expected exactly one 001_*.txt in {}: {found:?}",
        dir.display()
    );
    let path = found.remove(0);
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    (path, text)
}

/// Whitespace normalisation only: every whitespace character (ASCII, ideographic space,
/// line breaks the PDF extraction put inside a cell) is dropped, nothing else changes.
fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

/// Every raw text of the revision edition: (indicator id, what it is, the text).
fn revision_cells(ds: &Dataset) -> Vec<(String, String, String)> {
    let mut cells = Vec::new();
    for ind in &ds.indicators {
        if !ind.editions.contains(&EditionId::Revision2024) {
            continue;
        }
        let name = ind.revision_name_ja.as_deref().unwrap_or(&ind.name_ja);
        cells.push((ind.id.clone(), "name".to_owned(), name.to_owned()));
        for o in ind
            .observations
            .iter()
            .filter(|o| o.edition == EditionId::Revision2024)
        {
            cells.push((ind.id.clone(), o.column_ja.clone(), o.raw.clone()));
        }
    }
    cells
}

#[test]
fn the_fixture_copy_is_the_seed() {
    let (path, seed) = revision_seed();
    assert!(
        FIXTURE_COPY == seed,
        "tests/fixtures/strategy_revision_2024.txt differs from {}: copy the seed again",
        path.display()
    );
}

#[test]
fn every_revision_cell_is_in_the_seed_text() {
    let ds = Dataset::embedded().expect("embedded dataset");
    let (path, seed) = revision_seed();
    let text = squeeze(&seed);
    let cells = revision_cells(&ds);
    let mut missing = Vec::new();
    let mut footnotes = 0;
    for (id, what, raw) in &cells {
        assert!(!squeeze(raw).is_empty(), "{id} {what}: empty cell");
        footnotes += usize::from(what == "目標値の注記 (※)");
        let listed = NOT_IN_SEED.iter().find(|(i, r, _)| i == id && r == raw);
        let found = text.contains(&squeeze(raw));
        match (found, listed) {
            (true, None) => {}
            (false, Some(_)) => {}
            (true, Some((_, _, why))) => panic!(
                "{id} {raw:?} is listed as not in the seed ({why}) but is found: drop it from NOT_IN_SEED"
            ),
            (false, None) => missing.push(format!("{id} [{what}] {raw:?}")),
        }
    }
    assert!(
        missing.is_empty(),
        "not found in {} after whitespace normalisation (fix the cell, or list it in NOT_IN_SEED with the reason):\n{}",
        path.display(),
        missing.join("\n")
    );
    // 48 indicators: names, 50 baselines (two-series cells count per series), 49 targets
    // and 3 footnote cells. A count that drops means cells stopped being checked.
    let names = cells.iter().filter(|c| c.1 == "name").count();
    assert_eq!(names, 48);
    assert_eq!(footnotes, 3, "the (※) footnote cells are checked too");
    assert_eq!(cells.len() - names, 102);
}
