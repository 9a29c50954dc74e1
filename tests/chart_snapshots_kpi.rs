//! Snapshot tests of the Indicator page's time-series chart option
//! (`machi_kpi::charts::kpi_series`), as the JSON handed to ECharts, for one
//! indicator of each shape: a single increasing series (防犯灯設置数), two
//! series with a pending value and a qualitative FY2027 target (健康寿命), and
//! a cumulative one whose default method is the line (新規就農者数).
//!
//! `cargo xtask test` runs with `INSTA_UPDATE=no`; after a deliberate change
//! run `INSTA_UPDATE=always cargo test --test chart_snapshots_kpi` and review
//! the `.snap` files in `tests/snapshots/`.

use machi_kpi::charts::kpi_series::{self, ChartView};
use machi_kpi::i18n::era::Era;
use machi_kpi::i18n::Lang;
use machi_kpi_core::analysis::{analyze, Method, Scenario};
use machi_kpi_core::Dataset;

fn view(method: Option<Method>, scenario: Scenario, era: Era) -> ChartView {
    ChartView {
        method,
        scenario,
        era,
    }
}

#[test]
fn kpi_series_options() {
    let ds = Dataset::embedded().expect("embedded dataset loads");
    let a = analyze(&ds);
    let cases = [
        (
            "security-lights",
            Lang::Ja,
            view(None, Scenario::SinceBaseline, Era::Wareki),
        ),
        (
            "healthy-life-expectancy",
            Lang::En,
            view(None, Scenario::SinceBaseline, Era::Gregorian),
        ),
        (
            "new-farmers",
            Lang::JaEasy,
            view(Some(Method::Cagr), Scenario::RecentPace, Era::Wareki),
        ),
        // A multiplier unit (万人) in English, in English's default era.
        (
            "annual-tourists",
            Lang::En,
            view(None, Scenario::SinceBaseline, Era::default_for(Lang::En)),
        ),
    ];
    for (id, lang, v) in cases {
        let ind = ds.indicator(id).expect(id);
        let ia = a.indicator(id).expect(id);
        let spec = kpi_series::spec(ind, ia, v, lang);
        insta::assert_json_snapshot!(format!("kpi_series_{id}_{}", lang.code()), spec.option);
    }
}

#[test]
fn projection_lines_end_at_the_cores_projected_value() {
    let ds = Dataset::embedded().expect("embedded dataset loads");
    let a = analyze(&ds);
    let ind = ds.indicator("new-farmers").expect("new-farmers");
    let ia = a.indicator("new-farmers").expect("new-farmers");
    let option = kpi_series::spec(
        ind,
        ia,
        view(None, Scenario::SinceBaseline, Era::Wareki),
        Lang::Ja,
    )
    .option;
    let series = option["series"].as_array().expect("series");
    // The FY2027 projection (dotted) ends at 306 in 2027, the last category.
    let dotted = series
        .iter()
        .find(|s| s["lineStyle"]["type"] == "dotted")
        .expect("FY2027 projection");
    let data = dotted["data"].as_array().expect("data");
    assert_eq!(data.last().and_then(|v| v.as_f64()), Some(306.0));
    assert_eq!(
        option["xAxis"][0]["data"]
            .as_array()
            .map(Vec::len)
            .or(option["xAxis"]["data"].as_array().map(Vec::len)),
        Some(9)
    );
    assert_eq!(option["aria"]["enabled"], true);
    assert!(
        !option.to_string().contains("function"),
        "no JS functions in options"
    );
}

#[test]
fn chart_table_has_every_year_and_spells_out_pending_values() {
    let ds = Dataset::embedded().expect("embedded dataset loads");
    let a = analyze(&ds);
    let ind = ds.indicator("manufacturing-shipments").expect("ms");
    let ia = a.indicator("manufacturing-shipments").expect("ms");
    let t = kpi_series::table(
        ind,
        ia,
        view(None, Scenario::SinceBaseline, Era::Wareki),
        Lang::Ja,
    );
    assert!(t.caption.contains("製造品出荷額等"));
    let flat: Vec<String> = t.rows.iter().flat_map(|r| r.cells.clone()).collect();
    assert!(flat.iter().any(|c| c == "令和4年9月公表予定"), "{flat:?}");
    assert!(t.rows.iter().any(|r| r.header == "平成30年"));
}

#[test]
fn english_reads_fy_years_and_the_real_quantity() {
    let ds = Dataset::embedded().expect("embedded dataset loads");
    let a = analyze(&ds);
    let ind = ds.indicator("annual-tourists").expect("annual-tourists");
    let ia = a.indicator("annual-tourists").expect("annual-tourists");
    let v = view(None, Scenario::SinceBaseline, Era::default_for(Lang::En));
    let option = kpi_series::spec(ind, ia, v, Lang::En).option;
    let labels: Vec<&str> = option["xAxis"]["data"]
        .as_array()
        .or_else(|| option["xAxis"][0]["data"].as_array())
        .expect("x axis labels")
        .iter()
        .filter_map(|l| l.as_str())
        .collect();
    assert!(!labels.is_empty());
    assert!(labels.iter().all(|l| l.starts_with("FY20")), "{labels:?}");
    let y = if option["yAxis"].is_array() {
        &option["yAxis"][0]
    } else {
        &option["yAxis"]
    };
    assert_eq!(y["name"], "million visits");
    // The actual line is the source's 万人 on the million scale.
    let first_actual = ind
        .observations
        .iter()
        .filter(|o| o.role != machi_kpi_core::Role::Target)
        .find_map(|o| o.value.number())
        .expect("a number");
    let plotted: Vec<f64> = option["series"][0]["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|d| d.as_f64())
        .collect();
    assert!(
        plotted
            .iter()
            .any(|p| (p - first_actual / 100.0).abs() < 1e-9),
        "{first_actual} 万 drawn as {} million among {plotted:?}",
        first_actual / 100.0
    );
    let table = kpi_series::table(ind, ia, v, Lang::En);
    assert!(
        table.caption.contains("(million visits)"),
        "{}",
        table.caption
    );
    let text = serde_json::to_string(&option).expect("json") + &table.caption;
    assert!(!text.contains("10,000") && !text.contains("FY R"), "{text}");
}
