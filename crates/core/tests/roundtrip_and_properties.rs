//! Import/export round trips, error reporting, and property tests: no analysis result is
//! NaN or ∞ for arbitrary finite inputs, and import never panics on arbitrary bytes.
//!
//! The property tests run `PROPTEST_CASES` cases (CI sets 10000; the default here is 256).

use machi_kpi_core::analysis::{analyze, analyze_indicator};
use machi_kpi_core::io::{self, csv as kcsv, json, ImportKind};
use machi_kpi_core::{
    Better, Caveat, Dataset, Direction, EditionId, ErrorKind, Observation, Period, PeriodKind,
    Role, Value,
};
use proptest::prelude::*;

/// Parsed once: the property tests run thousands of cases.
fn embedded() -> Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Dataset::embedded().unwrap()).clone()
}

fn embedded_ref() -> &'static Dataset {
    static DS: std::sync::OnceLock<Dataset> = std::sync::OnceLock::new();
    DS.get_or_init(|| Dataset::embedded().unwrap())
}

#[test]
fn json_export_then_import_is_identical() {
    let ds = embedded();
    let text = json::to_json_string(&ds);
    let back = json::from_json_str(&text).unwrap();
    assert_eq!(back, ds);
    // The embedded file is itself in the canonical layout (the crate compiles it in
    // minified: `io::minify`).
    let file = include_str!("../../../www/data/dataset.json");
    assert!(text == file, "www/data/dataset.json is not in canonical layout: run `cargo run -p machi-kpi-cli -- export dataset`");
}

/// The crate compiles the file in without its layout whitespace; that text is the same data.
#[test]
fn the_embedded_text_is_the_file_minified_and_the_same_values() {
    let file = include_str!("../../../www/data/dataset.json");
    assert_eq!(machi_kpi_core::EMBEDDED_JSON, io::minify::minify_json(file));
    assert!(machi_kpi_core::EMBEDDED_JSON.len() < file.len());
    let a: serde_json::Value = serde_json::from_str(file).unwrap();
    let b: serde_json::Value = serde_json::from_str(machi_kpi_core::EMBEDDED_JSON).unwrap();
    assert_eq!(a, b);
    assert_eq!(json::from_json_str(file).unwrap(), *embedded_ref());
}

#[test]
fn observations_csv_is_utf8_bom_crlf_with_the_documented_columns() {
    let bytes = kcsv::export_observations(&embedded());
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    let header = text.split("\r\n").next().unwrap();
    assert_eq!(
        header,
        "indicator_id,goal_id,name_ja,name_en,series,role,edition,period_kind,year,value,unit,state,raw"
    );
    assert!(
        !text.replace("\r\n", "").contains('\n') || text.contains("\"<p>"),
        "rows end in CRLF"
    );
    let ind = embedded();
    let name_en = &ind.indicator("manufacturing-shipments").unwrap().name_en;
    let row = format!("manufacturing-shipments,1-1,製造品出荷額等,{},,baseline,fy2021_report,calendar_year,2018,11942,億円,number,", if name_en.contains(',') { format!("\"{name_en}\"") } else { name_en.clone() });
    assert!(
        text.contains(&format!("{row}11942億円 (平成30年)"))
            || text.contains(&format!("{row}\"11,942億円 (平成30年)\"")),
        "{row}"
    );
}

#[test]
fn observations_csv_export_then_import_is_identical_in_utf8_and_shift_jis() {
    let ds = embedded();
    let bytes = kcsv::export_observations(&ds);
    let (back, kind) = io::import_any(&ds, &bytes).unwrap();
    assert_eq!(kind, ImportKind::ObservationsCsv);
    assert_eq!(back, ds);
    // Without the BOM, and re-encoded as Shift_JIS (CP932), it reads the same.
    let (back, _) = io::import_any(&ds, &bytes[3..]).unwrap();
    assert_eq!(back, ds);
    let (sjis, _, unmappable) =
        encoding_rs::SHIFT_JIS.encode(std::str::from_utf8(&bytes[3..]).unwrap());
    let (back, _) = io::import_any(&ds, &sjis).unwrap();
    assert_eq!(back, ds);
    // Shift_JIS has no en dash: only `name_en` (informative, not read back) may lose a
    // character to it; everything import reads is mappable.
    let mut no_en = ds.clone();
    no_en.indicators.iter_mut().for_each(|i| i.name_en.clear());
    let (_, _, unmappable_without_en) = encoding_rs::SHIFT_JIS
        .encode(std::str::from_utf8(&kcsv::export_observations(&no_en)[3..]).unwrap());
    assert!(!unmappable_without_en);
    let _ = unmappable;
}

/// Text that a spreadsheet would run as a formula is written with a leading `'`, and reads
/// back as it was.
#[test]
fn formula_like_text_is_defused_and_round_trips() {
    let mut ds = embedded();
    let ind = &mut ds.indicators[0];
    ind.name_ja = "=HYPERLINK(\"http://x\")".into();
    ind.observations[1].raw = "@SUM(A1)".into();
    ind.observations[2].raw = "-cmd|' /C calc'!A0".into();
    let bytes = kcsv::export_observations(&ds);
    let text = std::str::from_utf8(&bytes[3..]).unwrap();
    assert!(
        text.contains(",'@SUM(A1)") && text.contains("\"'=HYPERLINK(") && text.contains(",'-cmd|"),
        "{}",
        &text[..600]
    );
    assert!(!text.contains(",=") && !text.contains(",@"));
    let (back, _) = io::import_any(&ds, &bytes).unwrap();
    assert_eq!(
        back.indicators[0].observations,
        ds.indicators[0].observations
    );
    assert_eq!(kcsv::undefuse(&kcsv::defuse("'=1")), "'=1");
    assert_eq!(kcsv::defuse("-"), "-");
    assert_eq!(kcsv::defuse("-5件"), "-5件");
    let ind_csv = kcsv::export_indicators(&ds, &analyze(&ds));
    assert!(std::str::from_utf8(&ind_csv)
        .unwrap()
        .contains("\"'=HYPERLINK("));
}

#[test]
fn a_new_actual_row_is_added_and_changes_the_analysis() {
    let ds = embedded();
    let csv = "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\r\n\
               security-lights,3-2,防犯灯設置数,,actual,revision_2024,fiscal_year,2022,17900,基,number,\"17,900基\"\r\n";
    let (new, _) = io::import_any(&ds, csv.as_bytes()).unwrap();
    let ind = new.indicator("security-lights").unwrap();
    assert_eq!(
        ind.observations.len(),
        ds.indicator("security-lights").unwrap().observations.len() + 1
    );
    let a = analyze_indicator(ind);
    assert_eq!(a.fy2024[0].target_met.value(), Some(&true));
}

#[test]
fn a_next_year_update_can_be_added_to_any_indicator_but_carries_actuals_only() {
    let ds = embedded();
    let header = "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\r\n";
    let ok = format!("{header}new-job-openings,1-1,新規求人数,,actual,update,fiscal_year,2022,1400,件,number,\"1,400件\"\r\n");
    let (new, _) = io::import_any(&ds, ok.as_bytes()).unwrap();
    let latest = analyze_indicator(new.indicator("new-job-openings").unwrap()).fy2024[0]
        .latest
        .value()
        .copied()
        .unwrap();
    assert_eq!((latest.period.year, latest.value), (2022, 1400.0));
    let bad = format!("{header}new-job-openings,1-1,新規求人数,,target,update,fiscal_year,2030,1,件,number,1件\r\n");
    let errs = io::import_any(&ds, bad.as_bytes()).unwrap_err().0;
    assert!(
        errs.iter()
            .any(|e| e.message_en().contains("actual values only")),
        "{errs:?}"
    );
}

#[test]
fn csv_errors_name_line_column_and_field() {
    let ds = embedded();
    let csv = "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\n\
               security-lights,3-2,防犯灯設置数,,actual,revision_2024,fiscal_year,2022,abc,基,number,x\n\
               no-such-kpi,3-2,?,,actual,revision_2024,fiscal_year,2022,1,基,number,x\n\
               security-lights,3-2,防犯灯設置数,,actuals,revision_2024,fiscal_year,20x2,1,基,number,x\n";
    let errs = io::import_any(&ds, csv.as_bytes()).unwrap_err().0;
    let at = |line: usize, field: &str| {
        errs.iter()
            .find(|e| e.position.line == Some(line) && e.position.field.as_deref() == Some(field))
    };
    let e = at(2, "value").expect("line 2 value");
    assert_eq!(e.position.column, Some(9));
    assert!(
        e.message_ja().contains("2行目9列目「value」"),
        "{}",
        e.message_ja()
    );
    assert!(
        e.message_en()
            .starts_with("line 2, column 9, field 'value'"),
        "{}",
        e.message_en()
    );
    assert!(at(3, "indicator_id").is_some());
    assert!(at(4, "role").is_some() && at(4, "year").is_some());
    let missing = io::import_any(&ds, b"indicator_id,raw,role\nx,y,z\n")
        .unwrap_err()
        .0;
    assert!(missing
        .iter()
        .any(|e| *e.kind == ErrorKind::MissingColumn("edition".into())));
}

/// Lines count the same with CRLF (Excel, our own exports) as with LF, and the Japanese
/// message is Japanese throughout.
#[test]
fn csv_error_lines_with_crlf_and_japanese_messages() {
    let csv = "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\r\n\
               new-job-openings,1-1,x,,actual,update,fiscal_year,2022,1,件,number,x\r\n\
               new-job-openings,1-1,x,,actual,update,fiscal_year,2023,abc,件,number,x\r\n\
               new-job-openings,1-1,x,,actual\r\n";
    let errs = io::import_any(embedded_ref(), csv.as_bytes())
        .unwrap_err()
        .0;
    assert_eq!(errs[0].position.line, Some(3), "{errs:?}");
    assert_eq!(
        errs[0].message_ja(),
        "3行目9列目「value」: 数値が必要ですが「abc」でした"
    );
    assert_eq!(errs[1].position.line, Some(4), "{errs:?}");
    assert!(
        errs[1]
            .message_ja()
            .contains("この行の項目数は 5 ですが、見出し行は 12 です"),
        "{}",
        errs[1].message_ja()
    );
    let unknown = "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\r\n\
                   nope,1-1,x,,actual,update,fiscal_year,2022,1,件,number,x\r\n";
    let errs = io::import_any(embedded_ref(), unknown.as_bytes())
        .unwrap_err()
        .0;
    assert_eq!(
        errs[0].message_ja(),
        "2行目1列目「indicator_id」: 指標「nope」は存在しません"
    );
}

#[test]
fn json_errors_name_the_field_and_position() {
    let ds = embedded();
    let mut text = json::to_json_string(&ds);
    text = text.replacen(
        "\"direction\": \"increase\"",
        "\"direction\": \"upwards\"",
        1,
    );
    let errs = json::from_json_str(&text).unwrap_err().0;
    let e = &errs[0];
    assert_eq!(e.position.field.as_deref(), Some("indicators[0].direction"));
    assert!(e.position.line.unwrap() > 1 && e.position.column.is_some());
    let wrong = json::from_json_str(r#"{"format":"other"}"#).unwrap_err().0;
    assert_eq!(*wrong[0].kind, ErrorKind::UnknownFormat);
}

/// The header is checked whether or not the rest of the file is a dataset: a wrong `format`
/// or `version` is what is reported, before any error of the rest.
#[test]
fn json_header_errors_come_first_whether_or_not_the_rest_parses() {
    let good = json::to_json_string(&embedded());
    let format = "\"format\": \"machi-kpi/dataset\"";
    let version = "\"version\": 1,";
    assert!(good.contains(format) && good.contains(version));
    let broken = good.replacen("\"direction\": \"increase\"", "\"direction\": 5", 1);
    for rest in [&good, &broken] {
        let other = rest.replacen(format, "\"format\": \"other\"", 1);
        let e = json::from_json_str(&other).unwrap_err().0;
        assert_eq!((e.len(), &*e[0].kind), (1, &ErrorKind::UnknownFormat));
        assert_eq!(e[0].position.field.as_deref(), Some("format"));
        let v2 = rest.replacen(version, "\"version\": 2,", 1);
        let e = json::from_json_str(&v2).unwrap_err().0;
        assert_eq!(
            (e.len(), &*e[0].kind),
            (1, &ErrorKind::UnsupportedVersion(2))
        );
        assert_eq!(e[0].position.field.as_deref(), Some("version"));
        let huge = rest.replacen(version, "\"version\": 4294967296,", 1);
        let e = json::from_json_str(&huge).unwrap_err().0;
        assert_eq!(*e[0].kind, ErrorKind::UnsupportedVersion(u32::MAX));
    }
    // A version that is not a number is the parser's error, with its field.
    let e = json::from_json_str(&good.replacen(version, "\"version\": \"1\",", 1))
        .unwrap_err()
        .0;
    assert!(matches!(*e[0].kind, ErrorKind::Json { .. }));
    assert_eq!(e[0].position.field.as_deref(), Some("version"));
}

#[test]
fn the_indicators_csv_has_one_row_per_indicator_and_series() {
    let ds = embedded();
    let bytes = kcsv::export_indicators(&ds, &analyze(&ds));
    let mut rdr = csv::Reader::from_reader(&bytes[3..]);
    assert_eq!(
        rdr.headers().unwrap().iter().collect::<Vec<_>>(),
        kcsv::INDICATOR_COLUMNS.to_vec()
    );
    let rows: usize = ds.indicators.iter().map(|i| i.series.len().max(1)).sum();
    assert!(
        rows > ds.indicators.len(),
        "the embedded data has a multi-series indicator"
    );
    assert_eq!(rdr.records().count(), rows);
}

fn no_nulls(v: &serde_json::Value, path: &str) {
    match v {
        // serde_json writes NaN and ±∞ as null; the analysis never uses null otherwise.
        serde_json::Value::Null => panic!("null (NaN or ∞) at {path}"),
        serde_json::Value::Array(a) => a
            .iter()
            .enumerate()
            .for_each(|(i, x)| no_nulls(x, &format!("{path}[{i}]"))),
        serde_json::Value::Object(o) => o.iter().for_each(|(k, x)| {
            // Plain optional fields that are legitimately absent.
            if !x.is_null()
                || !matches!(
                    k.as_str(),
                    "series"
                        | "target_fy2024_raw"
                        | "target_fy2027_raw"
                        | "target_fy2024"
                        | "target_fy2027"
                        | "more_ambitious"
                        | "baseline_fy2021_raw"
                        | "baseline_revision_raw"
                        | "renamed_to"
                        | "replaces"
                        | "official_status"
                )
            {
                no_nulls(x, &format!("{path}.{k}"))
            }
        }),
        _ => {}
    }
}

fn value_strategy() -> impl Strategy<Value = Value> {
    prop_oneof![
        8 => prop_oneof![-1e6f64..1e6, -1.0f64..1.0, Just(0.0), Just(1e-300), Just(1e300), Just(-1e300)].prop_map(|number| Value::Number { number }),
        1 => Just(Value::NotAvailable),
        1 => Just(Value::Pending { announced: None }),
        1 => Just(Value::None { number: 0.0, words: "なし".into() }),
        1 => Just(Value::Qualitative { text: "text".into() }),
    ]
}

fn observation_strategy() -> impl Strategy<Value = Observation> {
    (
        prop_oneof![Just(Role::Baseline), Just(Role::Actual), Just(Role::Target)],
        prop_oneof![Just(EditionId::Fy2021Report), Just(EditionId::Revision2024)],
        prop_oneof![Just(PeriodKind::FiscalYear), Just(PeriodKind::CalendarYear)],
        2015i32..2030,
        value_strategy(),
        any::<bool>(),
        any::<bool>(),
    )
        .prop_map(
            |(role, edition, kind, year, value, leap, rebase)| Observation {
                series: None,
                role,
                edition,
                column_ja: "x".into(),
                period: Period { kind, year },
                value,
                raw: "x".into(),
                caveats: if leap { vec![Caveat::LeapYear] } else { vec![] },
                base_of_target: rebase && role == Role::Actual,
            },
        )
}

fn proptest_config() -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(256);
    ProptestConfig {
        cases,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(proptest_config())]

    #[test]
    fn analysis_never_yields_nan_or_infinity(
        observations in proptest::collection::vec(observation_strategy(), 0..9),
        direction in prop_oneof![Just(Direction::Increase), Just(Direction::Decrease), Just(Direction::Maintain)],
        lower in any::<bool>(),
        cumulative in any::<bool>(),
    ) {
        let ds = embedded_ref();
        let mut ind = ds.indicators[0].clone();
        ind.direction = direction;
        ind.better = if lower { Better::Lower } else { Better::Higher };
        ind.cumulative = cumulative;
        ind.editions = vec![EditionId::Fy2021Report, EditionId::Revision2024];
        ind.observations = observations;
        let a = analyze_indicator(&ind);
        no_nulls(&serde_json::to_value(&a).unwrap(), "analysis");
        let mut one = Dataset { indicators: vec![ind], ..ds.clone() };
        one.strategy.goals.iter_mut().for_each(|g| g.numeric_goal_ids.clear());
        no_nulls(&serde_json::to_value(analyze(&one).summary).unwrap(), "summary");
    }

    #[test]
    fn import_never_panics_on_arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..400)) {
        let _ = io::import_any(embedded_ref(), &bytes);
    }

    #[test]
    fn import_never_panics_on_csv_like_text(rows in proptest::collection::vec("[a-z0-9_,\"\\-\\.\u{3042}\n]{0,60}", 0..6)) {
        let text = format!("{}\n{}", kcsv::OBSERVATION_COLUMNS.join(","), rows.join("\n"));
        let _ = io::import_any(embedded_ref(), text.as_bytes());
    }
}

/// Finding 8: the template as shipped (every row unfilled) is "nothing to import" with the
/// count of rows read, not 50 "not available" values.
#[test]
fn the_untouched_next_year_template_is_nothing_to_import() {
    let bytes = include_bytes!("../../../www/data/template-next-year.csv");
    let errs = io::import_any(embedded_ref(), bytes).unwrap_err().0;
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert_eq!(*errs[0].kind, ErrorKind::NothingToImport { rows: 50 });
    assert!(errs[0]
        .message_ja()
        .starts_with("取り込む行がありません: 50 行を読みました"));
    assert!(errs[0]
        .message_en()
        .starts_with("nothing to import: 50 row(s) read"));
    assert!(errs[0].message_ja_easy().contains("50 行 読みました"));
}

/// Filling in one row of the template imports that row only: the rows left as they were
/// add nothing.
#[test]
fn a_template_with_one_row_filled_adds_one_value() {
    let text = std::str::from_utf8(include_bytes!("../../../www/data/template-next-year.csv"))
        .unwrap()
        .replacen(
            "new-job-openings,1-1,新規求人数,New job openings (monthly average),,actual,update,fiscal_year,2022,,,,",
            "new-job-openings,1-1,新規求人数,New job openings (monthly average),,actual,update,fiscal_year,2022,1400,,number,\"1,400件\"",
            1,
        );
    let (ds, kind) = io::import_any(embedded_ref(), text.as_bytes()).unwrap();
    assert_eq!(kind, ImportKind::ObservationsCsv);
    let count = |d: &Dataset| {
        d.indicators
            .iter()
            .map(|i| i.observations.len())
            .sum::<usize>()
    };
    assert_eq!(count(&ds), count(embedded_ref()) + 1);
}
