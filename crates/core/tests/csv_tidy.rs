//! The dataset CSVs are tidy (issue 13): one table and one header line per file, `name_en`
//! beside every `name_ja`, and every cell of a column of numbers a number or empty, with
//! the reason for an empty one as a code in the `…_reason` column beside it.

use machi_kpi_core::analysis::{analyze, Metric, Unavailable};
use machi_kpi_core::io::csv as kcsv;
use machi_kpi_core::Dataset;

fn read(bytes: &[u8]) -> (Vec<String>, Vec<Vec<String>>) {
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"), "BOM");
    let mut rdr = csv::ReaderBuilder::new()
        .flexible(false)
        .from_reader(&bytes[3..]);
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let rows = rdr
        .records()
        .map(|r| {
            r.expect("every row has the header's fields")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

/// Checks what every dataset CSV must satisfy; returns the rows.
fn check_tidy(
    bytes: &[u8],
    header_expected: &[&str],
    numbers: &[&str],
) -> (Vec<String>, Vec<Vec<String>>) {
    let (header, rows) = read(bytes);
    assert_eq!(header, header_expected);
    // name_en right after name_ja.
    let ja = header.iter().position(|h| h == "name_ja").expect("name_ja");
    assert_eq!(header[ja + 1], "name_en");
    // One header line: no row repeats it, and no row is a caption of another table.
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let first = text.split("\r\n").next().unwrap();
    assert_eq!(text.matches(first).count(), 1, "one header line");
    assert!(!rows.is_empty());
    // Headers are machine names: lower-case ASCII, digits and `_`.
    for h in &header {
        assert!(
            h.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'),
            "header {h:?}"
        );
    }
    let reasons: Vec<&str> = Unavailable::ALL.iter().map(|u| u.slug()).collect();
    for name in numbers {
        let c = header.iter().position(|h| h == name).expect(name);
        let reason = header.iter().position(|h| *h == format!("{name}_reason"));
        for row in &rows {
            let cell = &row[c];
            assert!(
                cell.is_empty() || cell.parse::<f64>().is_ok_and(f64::is_finite),
                "{name} holds {cell:?} in {row:?}"
            );
            if let Some(r) = reason {
                let why = row[r].as_str();
                assert!(
                    why.is_empty() || reasons.contains(&why),
                    "{name}_reason {why:?}"
                );
                assert!(
                    cell.is_empty() || why.is_empty(),
                    "a number and a reason: {row:?}"
                );
            }
        }
    }
    for (i, h) in header.iter().enumerate() {
        if h.ends_with("_reason") {
            for row in &rows {
                assert!(
                    row[i].is_empty() || reasons.contains(&row[i].as_str()),
                    "{h}: {:?}",
                    row[i]
                );
            }
        }
    }
    (header, rows)
}

#[test]
fn the_observations_csv_is_tidy() {
    let ds = Dataset::embedded().unwrap();
    let (header, rows) = check_tidy(
        &kcsv::export_observations(&ds),
        &kcsv::OBSERVATION_COLUMNS,
        &kcsv::OBSERVATION_NUMBER_COLUMNS,
    );
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    for row in &rows {
        let ind = ds.indicator(&row[col("indicator_id")]).unwrap();
        assert_eq!(row[col("name_en")], ind.name_en);
        assert!(!row[col("name_en")].is_empty());
    }
}

#[test]
fn the_indicators_csv_is_tidy_and_gives_the_exact_rates() {
    let ds = Dataset::embedded().unwrap();
    let a = analyze(&ds);
    let (header, rows) = check_tidy(
        &kcsv::export_indicators(&ds, &a),
        &kcsv::INDICATOR_COLUMNS,
        &kcsv::INDICATOR_NUMBER_COLUMNS,
    );
    let col = |n: &str| header.iter().position(|h| h == n).unwrap();
    // Every FY2027 achievement is the analysis' rate or its reason, whatever its size: the
    // UI's "below −1,000%" is a display rule, the CSV has the number.
    let mut checked = 0;
    let mut beyond = 0;
    for (ind, ia) in ds.indicators.iter().zip(&a.indicators) {
        for t in &ia.fy2027 {
            let row = rows
                .iter()
                .find(|r| {
                    r[col("indicator_id")] == ind.id
                        && (r[col("series")].as_str() == t.series.as_deref().unwrap_or(""))
                })
                .unwrap_or_else(|| panic!("a row for {} {:?}", ind.id, t.series));
            assert_eq!(row[col("name_en")], ind.name_en);
            match &t.achievement {
                Metric::Value(v) => {
                    let got: f64 = row[col("achievement_fy2027")].parse().unwrap();
                    assert!((got - v).abs() < 1e-6, "{} {got} vs {v}", ind.id);
                    if *v < -10.0 || *v > 10.0 {
                        beyond += 1;
                    }
                    assert_eq!(row[col("achievement_fy2027_reason")], "");
                }
                Metric::Unavailable(u) => {
                    assert_eq!(row[col("achievement_fy2027")], "");
                    assert_eq!(row[col("achievement_fy2027_reason")], u.slug());
                }
            }
            checked += 1;
        }
    }
    assert!(checked > 40, "{checked}");
    assert!(beyond > 0, "some rate is beyond ±1,000% and still a number");
    // No cell anywhere says "n/a".
    assert!(rows.iter().flatten().all(|c| !c.starts_with("n/a")));
}

/// Files written before `name_en` existed (older exports, the old template) still import.
#[test]
fn an_observations_csv_without_name_en_still_imports() {
    let ds = Dataset::embedded().unwrap();
    let bytes = kcsv::export_observations(&ds);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let mut rdr = csv::Reader::from_reader(text.as_bytes());
    let header: Vec<String> = rdr.headers().unwrap().iter().map(String::from).collect();
    let drop = header.iter().position(|h| h == "name_en").unwrap();
    let mut w = csv::Writer::from_writer(Vec::new());
    w.write_record(
        header
            .iter()
            .enumerate()
            .filter(|(i, _)| *i != drop)
            .map(|(_, h)| h),
    )
    .unwrap();
    for r in rdr.records() {
        let r = r.unwrap();
        w.write_record(
            r.iter()
                .enumerate()
                .filter(|(i, _)| *i != drop)
                .map(|(_, c)| c),
        )
        .unwrap();
    }
    let old = w.into_inner().unwrap();
    let (back, _) = machi_kpi_core::io::import_any(&ds, &old).unwrap();
    assert_eq!(back, ds);
}

/// The next-year template offered on the Data page has the export's columns, `name_en`
/// included and equal to the data's.
#[test]
fn the_template_has_the_export_columns_and_english_names() {
    let ds = Dataset::embedded().unwrap();
    let (header, rows) = read(include_bytes!("../../../www/data/template-next-year.csv"));
    assert_eq!(header, kcsv::OBSERVATION_COLUMNS);
    for row in &rows {
        let ind = ds.indicator(&row[0]).unwrap();
        let name_ja = ind.revision_name_ja.as_deref().unwrap_or(&ind.name_ja);
        assert!(row[2] == ind.name_ja || row[2] == name_ja, "{}", row[2]);
        assert_eq!(row[3], ind.name_en);
    }
}
