//! Snapshot tests of the Overview's chart options, as the JSON handed to
//! ECharts (`setOption`), for the embedded dataset in every language.
//!
//! A change to a chart shows up here as a reviewable JSON diff. `cargo xtask
//! test` runs with `INSTA_UPDATE=no`, so CI never writes snapshots; after a
//! deliberate change, run `INSTA_UPDATE=always cargo test --test
//! chart_snapshots` and review the `.snap` files in `tests/snapshots/`.

use machi_kpi::charts::{status_by_goal, status_donut};
use machi_kpi::i18n::Lang;
use machi_kpi_core::analysis::status_breakdown;
use machi_kpi_core::Dataset;

fn breakdown() -> machi_kpi_core::analysis::StatusBreakdown {
    status_breakdown(&Dataset::embedded().expect("embedded dataset loads"))
}

#[test]
fn status_donut_options() {
    let b = breakdown();
    for lang in Lang::ALL {
        let spec = status_donut::spec(&b.overall, lang);
        insta::assert_json_snapshot!(format!("status_donut_{}", lang.code()), spec.option);
    }
}

#[test]
fn status_by_goal_options() {
    let b = breakdown();
    for lang in Lang::ALL {
        let spec = status_by_goal::spec(&b.by_goal, lang);
        insta::assert_json_snapshot!(format!("status_by_goal_{}", lang.code()), spec.option);
    }
}

#[test]
fn options_carry_aria_description_and_decals_and_no_functions() {
    let b = breakdown();
    for lang in Lang::ALL {
        for spec in [
            status_donut::spec(&b.overall, lang),
            status_by_goal::spec(&b.by_goal, lang),
        ] {
            let aria = &spec.option["aria"];
            assert_eq!(aria["enabled"], true);
            assert_eq!(aria["decal"]["show"], true);
            assert!(aria["decal"].get("decals").is_none(), "no empty decal list");
            assert_eq!(aria["label"]["description"], spec.description.as_str());
            // Formatters must be templates, never JS functions (CSP).
            let json = spec.json();
            assert!(!json.contains("function"), "{json}");
        }
    }
}

#[test]
fn donut_shows_the_official_counts_and_shares() {
    let b = breakdown();
    let spec = status_donut::spec(&b.overall, Lang::Ja);
    let data = spec.option["series"][0]["data"]
        .as_array()
        .expect("pie data");
    let values: Vec<i64> = data.iter().map(|d| d["value"].as_i64().unwrap()).collect();
    assert_eq!(values, [11, 18, 12, 6]);
    let names: Vec<&str> = data.iter().map(|d| d["name"].as_str().unwrap()).collect();
    assert_eq!(
        names,
        [
            "順調に進捗 11（23.4%）",
            "概ね順調に進捗 18（38.3%）",
            "進捗の遅れ (コロナ) 12（25.5%）",
            "進捗の遅れ 6（12.8%）"
        ]
    );
    assert_eq!(spec.option["title"][0]["text"], "47");
}
