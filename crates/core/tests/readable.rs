//! The readable-figures rules (issue 13 items 2 and 3) on the embedded data and on
//! hand-built cases. Each figure below is worked by hand in its comment.

use machi_kpi_core::analysis::readable::*;
use machi_kpi_core::analysis::*;
use machi_kpi_core::{Dataset, EditionId, Period};

fn ds() -> Dataset {
    Dataset::embedded().unwrap()
}

fn fy2024(ds: &Dataset, id: &str) -> TargetAnalysis {
    let ind = ds.indicator(id).unwrap_or_else(|| panic!("no {id}"));
    analyze_target(ind, None, EditionId::Fy2021Report, Scope::AllEditions)
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 5e-4, "{a} != {b}");
}

/// 年間観光入込客数: b = 331万人 (FY2019), v = 163万人 (FY2021), T = 390万人 (FY2024).
/// a = −168 / 59 = −284.7%: no headline rate; instead "168万人 fewer than the base",
/// −168 / 331 = −50.8%.
#[test]
fn tourists_moved_away_in_words() {
    let ds = ds();
    let t = fy2024(&ds, "annual-tourists");
    close(*t.achievement.value().unwrap(), -168.0 / 59.0);
    match achievement_headline(&t) {
        AchievementHeadline::MovedAway(c) => {
            close(c.change, -168.0);
            close(c.relative.expect("relative"), -168.0 / 331.0);
        }
        h => panic!("{h:?}"),
    }
}

/// 境地区の年間観光入込客数: a = (14666 − 88271) / (89500 − 88271) = −59.89 (−5,989%);
/// 新規求人数: a = (1320 − 1563) / (1602 − 1563) = −6.231. Both moved away.
#[test]
fn exploding_rates_are_not_headlines() {
    let ds = ds();
    for (id, change, relative) in [
        ("sakai-tourists", -73605.0, -73605.0 / 88271.0),
        ("new-job-openings", -243.0, -243.0 / 1563.0),
    ] {
        let t = fy2024(&ds, id);
        assert!(
            !is_readable_percent(*t.achievement.value().unwrap()),
            "{id}"
        );
        match achievement_headline(&t) {
            AchievementHeadline::MovedAway(c) => {
                close(c.change, change);
                close(c.relative.unwrap(), relative);
            }
            h => panic!("{id}: {h:?}"),
        }
    }
}

/// 防犯灯設置数: a = 800 / 2235 = 35.8%, a readable share of the way.
/// 保育施設待機児童数: T = b = 0 and v = 0 meets it: achieved.
#[test]
fn readable_rates_and_achieved_targets() {
    let ds = ds();
    match achievement_headline(&fy2024(&ds, "security-lights")) {
        AchievementHeadline::Percent(a) => close(a, 800.0 / 2235.0),
        h => panic!("{h:?}"),
    }
    assert_eq!(
        achievement_headline(&fy2024(&ds, "daycare-waiting-children")),
        AchievementHeadline::Achieved
    );
}

/// No headline, on any target of the embedded data, is a percentage outside
/// [−100%, 1,000%].
#[test]
fn no_headline_percentage_out_of_range() {
    let ds = ds();
    let a = analyze(&ds);
    let mut percents = 0;
    for (ind, ia) in ds.indicators.iter().zip(&a.indicators) {
        for ta in ia.fy2024.iter().chain(&ia.fy2027) {
            match achievement_headline(ta) {
                AchievementHeadline::Percent(x) => {
                    percents += 1;
                    assert!(is_readable_percent(x), "{}", ind.id)
                }
                AchievementHeadline::MovedAway(c) | AchievementHeadline::ChangeOnly(c) => {
                    assert!(c.relative.is_none_or(is_readable_percent), "{}", ind.id)
                }
                _ => {}
            }
            for m in [Method::Cagr, Method::Line] {
                for s in [Scenario::SinceBaseline, Scenario::RecentPace] {
                    if let Metric::Value(p) = ta.projection(m, s) {
                        let h = projection_headline(ind, p.projected_value, p.projected_ratio);
                        if let ProjectionHeadline::Shown { value, ratio } = h {
                            assert!(is_readable_percent(ratio), "{}", ind.id);
                            assert!(PossibleRange::of(ind).contains(value), "{}", ind.id);
                        }
                    }
                }
            }
        }
    }
    assert!(percents > 10, "the rule must leave readable rates shown");
}

/// 年間観光入込客数, the line through (2019, 331), (2020, 109), (2021, 163): slope −84,
/// mean 201 at 2020, v̂(2024) = 201 − 4·84 = −135万人: a negative count, not meaningful.
/// The CAGR since the base: v̂ = 56万人 (a possible count) but p = −465.5%: "moving
/// away". The recent pace by CAGR: 545万人, p = 362.9%: shown.
#[test]
fn impossible_projections_are_not_printed() {
    let ds = ds();
    let ind = ds.indicator("annual-tourists").unwrap();
    assert_eq!(PossibleRange::of(ind), PossibleRange::NonNegative);
    let t = fy2024(&ds, "annual-tourists");
    let line = t.line_since_baseline.value().unwrap();
    close(line.projected_value, -135.0);
    assert_eq!(
        projection_headline(ind, line.projected_value, line.projected_ratio),
        ProjectionHeadline::NotMeaningful
    );
    let cagr = t.cagr_since_baseline.value().unwrap();
    assert!(matches!(
        projection_headline(ind, cagr.projected_value, cagr.projected_ratio),
        ProjectionHeadline::MovingAway { .. }
    ));
    let recent = t.cagr_recent_pace.value().unwrap();
    match projection_headline(ind, recent.projected_value, recent.projected_ratio) {
        ProjectionHeadline::Shown { ratio, .. } => close(ratio, 3.629),
        h => panic!("{h:?}"),
    }
}

/// The possible range comes from the unit: `%` is a share, 人 a count, 億円 (money,
/// possibly a balance) and an empty unit are not classified.
#[test]
fn possible_range_from_the_unit() {
    let ds = ds();
    let range = |id: &str| PossibleRange::of(ds.indicator(id).unwrap());
    assert_eq!(range("livability"), PossibleRange::Share);
    assert_eq!(range("sakai-tourists"), PossibleRange::NonNegative);
    assert_eq!(range("manufacturing-shipments"), PossibleRange::Unbounded);
    assert_eq!(range("total-fertility-rate"), PossibleRange::Unbounded);
    assert!(!PossibleRange::Share.contains(100.5));
    assert!(PossibleRange::Share.contains(100.0));
    assert!(!PossibleRange::NonNegative.contains(-0.1));
    assert!(PossibleRange::Unbounded.contains(-1e6));
}

/// A relative change is left out when the base is zero or the percentage unreadable.
#[test]
fn change_since_base_drops_unreadable_relatives() {
    assert_eq!(change_since_base(0.0, 5.0).relative, None);
    assert_eq!(change_since_base(1.0, 20.0).relative, None); // +1,900%
    close(
        change_since_base(560.0, 537.0).relative.unwrap(),
        -23.0 / 560.0,
    );
}

/// FY2024 ends in March 2025, CY2024 in December 2024. A FY2024 target with no actual
/// for FY2024 is "passed, awaiting the result" from April 2025 on, and ahead before.
#[test]
fn target_year_passed_by_the_readers_date() {
    assert_eq!(
        period_end(Period::fiscal(2024)),
        YearMonth {
            year: 2025,
            month: 3
        }
    );
    assert_eq!(
        period_end(Period::calendar(2024)),
        YearMonth {
            year: 2024,
            month: 12
        }
    );
    let ds = ds();
    let t = fy2024(&ds, "security-lights");
    let at = |year, month| target_timing(&t, Some(YearMonth { year, month }));
    assert_eq!(at(2025, 3), TargetTiming::Ahead);
    assert_eq!(at(2025, 4), TargetTiming::PassedAwaitingResult);
    assert_eq!(target_timing(&t, None), TargetTiming::Ahead);
    assert!(!period_over(Period::calendar(2024), None));
    assert!(period_over(
        Period::calendar(2024),
        Some(YearMonth {
            year: 2025,
            month: 1
        })
    ));
}

/// The data's dates come from the dataset: the latest numeric actual (FY2022, the
/// revision's (※) footnote for ファミリーサポートセンター会員登録数), the period most
/// indicators' latest actual is in (FY2021), the latest evaluated year; an added later
/// actual moves them.
#[test]
fn data_as_of_from_the_dataset() {
    let mut ds = ds();
    let d = data_as_of(&ds);
    assert_eq!(d.latest_actual, Some(Period::fiscal(2022)));
    let (usual, n) = d.usual_latest_actual.unwrap();
    assert_eq!(usual, Period::fiscal(2021));
    assert!(
        n * 2 > d.indicators_with_actuals,
        "{n} of {}",
        d.indicators_with_actuals
    );
    assert_eq!(d.evaluated_fy, Some(2021));
    assert_eq!(
        d.editions,
        ds.editions.iter().map(|e| e.id).collect::<Vec<_>>()
    );
    let ind = ds
        .indicators
        .iter_mut()
        .find(|i| i.id == "security-lights")
        .unwrap();
    let mut later = ind
        .observations
        .iter()
        .find(|o| o.role == machi_kpi_core::Role::Actual)
        .unwrap()
        .clone();
    later.period = Period::fiscal(2023);
    ind.observations.push(later);
    assert_eq!(data_as_of(&ds).latest_actual, Some(Period::fiscal(2023)));
}
