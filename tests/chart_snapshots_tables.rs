//! Snapshot tests of the Delays, Projections and Revisions charts' options
//! (the JSON handed to `setOption`) for the embedded dataset, plus the
//! properties every chart must have: aria on with our description, decal
//! patterns, no JS functions, and the figures a bug would change.
//!
//! `cargo xtask test` runs with `INSTA_UPDATE=no`; after a deliberate change,
//! run `INSTA_UPDATE=always cargo test --test chart_snapshots_tables` and
//! review the `.snap` files in `tests/snapshots/`.

use machi_kpi::charts::{covid_dip, delay_groups, outlook_counts, target_changes, ChartSpec};
use machi_kpi::i18n::era::Era;
use machi_kpi::i18n::messages;
use machi_kpi::i18n::Lang;
use machi_kpi::pages::tables::delays_model::{covid_rows, delayed_groups};
use machi_kpi::pages::tables::projections_model::{class_counts, rows, MethodChoice, TargetYear};
use machi_kpi::pages::tables::revisions_model::{target_rows, ChangeCounts};
use machi_kpi_core::analysis::{analyze, Analysis, Scenario};
use machi_kpi_core::Dataset;

fn setup() -> (Dataset, Analysis) {
    let ds = Dataset::embedded().expect("embedded dataset loads");
    let a = analyze(&ds);
    (ds, a)
}

fn by_goal(a: &Analysis, lang: Lang) -> ChartSpec {
    let groups = delayed_groups(&a.summary.breakdown.by_goal);
    let labelled: Vec<delay_groups::Labelled> = groups
        .iter()
        .map(|g| delay_groups::Labelled {
            group: g,
            axis: messages::goal_label(lang, &g.key),
            full: g.label_ja.clone(),
        })
        .collect();
    delay_groups::spec(&labelled, &a.summary.breakdown.overall, lang)
}

fn dips(ds: &Dataset, a: &Analysis) -> Vec<covid_dip::Dip> {
    let mut dips: Vec<covid_dip::Dip> = covid_rows(ds, a)
        .into_iter()
        .filter(|r| r.dip().is_some_and(|d| d < 0.0))
        .map(|r| covid_dip::Dip {
            label: r.indicator.name_ja.clone(),
            names: (r.indicator.name_ja.clone(), r.indicator.name_en.clone()),
            dip: r.dip().unwrap_or_default(),
            affected: r.impact.affected,
        })
        .collect();
    dips.sort_by(|x, y| x.dip.total_cmp(&y.dip));
    dips
}

fn outlook(ds: &Dataset, a: &Analysis) -> outlook_counts::Counts {
    let r = rows(ds, a, MethodChoice::Default, Scenario::SinceBaseline);
    outlook_counts::Counts {
        fy2024: class_counts(&r, TargetYear::Fy2024),
        fy2027: class_counts(&r, TargetYear::Fy2027),
    }
}

fn all_specs(ds: &Dataset, a: &Analysis, lang: Lang) -> Vec<(&'static str, ChartSpec)> {
    vec![
        ("delays_by_goal", by_goal(a, lang)),
        ("covid_dip", covid_dip::spec(&dips(ds, a), lang)),
        (
            "outlook_counts",
            outlook_counts::spec(&outlook(ds, a), lang, Era::Wareki),
        ),
        (
            "target_changes",
            target_changes::spec(&ChangeCounts::of(&target_rows(ds, a)), lang),
        ),
    ]
}

#[test]
fn chart_options_in_every_language() {
    let (ds, a) = setup();
    for lang in Lang::ALL {
        for (name, spec) in all_specs(&ds, &a, lang) {
            insta::assert_json_snapshot!(format!("{name}_{}", lang.code()), spec.option);
        }
    }
}

#[test]
fn every_chart_has_aria_decals_and_no_functions() {
    let (ds, a) = setup();
    for lang in Lang::ALL {
        for (name, spec) in all_specs(&ds, &a, lang) {
            let aria = &spec.option["aria"];
            assert_eq!(aria["enabled"], true, "{name}");
            assert_eq!(aria["decal"]["show"], true, "{name}");
            assert_eq!(
                aria["label"]["description"],
                spec.description.as_str(),
                "{name}"
            );
            assert!(
                !spec.json().contains("function"),
                "{name}: no JS formatters"
            );
            // Long category labels never run over the bars: cut on the axis (the table
            // has them in full) or, where the chart has room and the label is the answer
            // (the outlook classes), wrapped onto a second line.
            let overflow = &spec.option["yAxis"]["axisLabel"]["overflow"];
            let expected = if name == "outlook_counts" {
                "break"
            } else {
                "truncate"
            };
            assert_eq!(overflow, expected, "{name}");
            assert!(
                spec.option["yAxis"]["axisLabel"]["width"]
                    .as_u64()
                    .is_some(),
                "{name}: a label width"
            );
            // Value labels that would collide on a phone are dropped by ECharts.
            assert_eq!(
                spec.option["xAxis"]["axisLabel"]["hideOverlap"], true,
                "{name}"
            );
        }
    }
}

#[test]
fn charts_carry_the_figures() {
    let (ds, a) = setup();
    let goal = by_goal(&a, Lang::Ja);
    // Two series: COVID delays and other delays; goal 3-1 first with 3 + 2.
    let series = goal.option["series"].as_array().expect("series");
    assert_eq!(series.len(), 2);
    assert_eq!(series[0]["data"][0], 3);
    assert_eq!(series[1]["data"][0], 2);
    let covid: i64 = series[0]["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|v| v.as_i64())
        .sum();
    let other: i64 = series[1]["data"]
        .as_array()
        .expect("data")
        .iter()
        .filter_map(|v| v.as_i64())
        .sum();
    assert_eq!((covid, other), (12, 6));

    let o = outlook_counts::spec(&outlook(&ds, &a), Lang::En, Era::Gregorian);
    assert_eq!(
        o.option["series"][0]["data"],
        serde_json::json!([10, 5, 6, 25, 1])
    );
    assert_eq!(
        o.option["series"][1]["data"],
        // Three re-based targets moved from "unavailable" to "stagnation or regression" when
        // the line fit took all actuals (DESIGN.md §4; docs/methodology.md).
        serde_json::json!([5, 12, 4, 22, 5])
    );
    assert_eq!(o.option["series"][0]["name"], "FY2024 target");

    let d = covid_dip::spec(&dips(&ds, &a), Lang::En);
    assert!(
        d.description.contains("by 10% or more"),
        "{}",
        d.description
    );
    let first = &d.option["series"][0]["data"][0];
    assert!(
        first.as_f64().is_some_and(|x| x >= 50.0),
        "largest fall first: {first}"
    );
}
