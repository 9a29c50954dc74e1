//! Worked examples computed by hand, one per kind of indicator the methodology has to get
//! right. The arithmetic is in each test's comment; the test checks the core agrees.

use machi_kpi_core::analysis::*;
use machi_kpi_core::{Dataset, EditionId, Indicator, Period, Role, Value};

fn ds() -> Dataset {
    Dataset::embedded().unwrap()
}

fn ind<'a>(ds: &'a Dataset, id: &str) -> &'a Indicator {
    ds.indicator(id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn v<T: Clone + std::fmt::Debug>(m: &Metric<T>) -> T {
    m.value()
        .cloned()
        .unwrap_or_else(|| panic!("unavailable: {m:?}"))
}

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 5e-4, "{a} != {b}");
}

fn fy2024(ds: &Dataset, id: &str) -> TargetAnalysis {
    analyze_target(
        ind(ds, id),
        None,
        EditionId::Fy2021Report,
        Scope::AllEditions,
    )
}

fn fy2027(ds: &Dataset, id: &str) -> TargetAnalysis {
    analyze_target(
        ind(ds, id),
        None,
        EditionId::Revision2024,
        Scope::AllEditions,
    )
}

/// Increasing: 防犯灯設置数, b = 15,665 (FY2019), v = 16,465 (FY2021), T = 17,900 (FY2024).
/// a = (16465 − 15665) / (17900 − 15665) = 800 / 2235 = 0.357942; e = 2 / 5 = 0.4.
/// CAGR = (16465/15665)^(1/2) − 1 = 0.0252162; v̂ = 16465 · 1.0252162³ = 17742.4;
/// p = (17742.4 − 15665) / 2235 = 0.92948 → acceleration needed.
/// Line through (2019, 15665), (2020, 16076), (2021, 16465): slope 800/2 = 400, mean 16068.667 at 2020;
/// v̂(2024) = 16068.667 + 4·400 = 17668.667, p = 0.896495; reaches 17,900 at 2020 + 1831.333/400 = 2024.58 → 2025.
/// Recent pace (line): 16465 + 3·389 = 17632, p = 1967 / 2235 = 0.880089.
#[test]
fn increasing_security_lights() {
    let ds = ds();
    let t = fy2024(&ds, "security-lights");
    close(v(&t.achievement), 0.357942);
    close(v(&t.expected_progress), 0.4);
    let c = v(&t.cagr_since_baseline);
    close(c.pace, 0.0252162);
    close(c.projected_ratio, 0.92948);
    assert_eq!(c.outlook, Outlook::AccelerationNeeded);
    let l = v(&t.line_since_baseline);
    close(l.projected_value, 17668.667);
    close(l.projected_ratio, 0.896495);
    assert_eq!(l.year_reached, YearReached::Year(2025));
    close(v(&t.line_recent_pace).projected_ratio, 0.880089);
    assert_eq!(t.default_method, Method::Cagr);
    assert_eq!(v(&t.outlook), Outlook::AccelerationNeeded);
    // Required vs observed yearly change: (17900 − 16465) / 3 = 478.333; (16465 − 15665) / 2 = 400.
    close(v(&t.required_yearly_change), 478.333);
    close(v(&t.observed_yearly_change), 400.0);
}

/// Decreasing: 刑法犯認知件数 (calendar years), b = 1,634 (CY2019), v = 1,217 (CY2021), T = 1,400 (CY2024).
/// d = −1; 1217 ≤ 1400, so the target is achieved; a = (1217 − 1634) / (1400 − 1634) = −417 / −234 = 1.782051.
/// COVID: δ = −1 · (1255 − 1634) / 1634 = +0.231946: no dip.
/// 交通事故発生件数: b = 1,465, v = 1,193, T = 1,160: a = −272 / −305 = 0.891803 ≥ e = 0.4.
/// CAGR = (1193/1465)^(1/2) − 1 = −0.097595; v̂ = 1193 · 0.9024049³ = 1193 · 0.734858 = 876.687; p = (876.687 − 1465) / −305 = 1.928895 → on course;
/// reached after ln(1160/1193) / ln(0.902405) = 0.27314 years → 2022.
#[test]
fn decreasing_crime_and_accidents() {
    let ds = ds();
    let t = fy2024(&ds, "recognized-criminal-offenses");
    assert_eq!(v(&t.latest).period, Period::calendar(2021));
    assert!(v(&t.target_met));
    close(v(&t.achievement), 1.782051);
    assert_eq!(v(&t.outlook), Outlook::TargetAchieved);
    let covid = covid_impact(
        ind(&ds, "recognized-criminal-offenses"),
        None,
        Scope::AllEditions,
    );
    close(v(&covid.dip), 0.231946);
    assert_eq!(covid.recovery.reason(), Some(Unavailable::NoDip));

    let t = fy2024(&ds, "traffic-accidents");
    close(v(&t.achievement), 0.891803);
    let c = v(&t.cagr_since_baseline);
    close(c.pace, -0.097595);
    close(c.projected_value, 876.687);
    close(c.projected_ratio, 1.928895);
    assert_eq!(c.outlook, Outlook::OnCourse);
    assert_eq!(c.year_reached, YearReached::Year(2022));
    // Indicative: a ≥ e → on track; the city said 概ね順調 (mostly on track).
    let a = analyze_indicator(ind(&ds, "traffic-accidents"));
    assert_eq!(v(&a.indicative_status), IndicativeStatus::OnTrack);
    assert_eq!(a.status_agrees(), Some(false));
}

/// Maintain: 保育施設待機児童数, b = v = T = 0 (待機児童なし). T = b, so a = 1 because
/// 0 meets "0 or fewer"; CAGR is undefined for zeros, so the default method is the line.
/// 休日夜間急患センターの開設日数: FY2024, b = 366 (FY2019, a leap year), v = 365, T = 365:
/// a = (365 − 366) / (365 − 366) = 1. FY2027: T = 366 (FY2027 contains 29 Feb 2028) = b,
/// and 365 in FY2021 (a 365-day year) is "every day", so it is met: a = 1.
#[test]
fn maintain_targets() {
    let ds = ds();
    let t = fy2024(&ds, "daycare-waiting-children");
    assert!(matches!(
        ind(&ds, "daycare-waiting-children").observations[0].value,
        Value::None { .. }
    ));
    close(v(&t.achievement), 1.0);
    assert_eq!(t.default_method, Method::Line);
    assert_eq!(v(&t.outlook), Outlook::TargetAchieved);

    let t = fy2024(&ds, "holiday-night-clinic-days");
    close(v(&t.achievement), 1.0);
    assert!(v(&t.target_met));
    let t = fy2027(&ds, "holiday-night-clinic-days");
    assert!(v(&t.target_met));
    close(v(&t.achievement), 1.0);
    assert_eq!(v(&t.outlook), Outlook::TargetAchieved);
}

/// Cumulative: 新規就農者数, 21 (FY2019), 48, 93 (FY2021). FY2024 T = 70: met, a = 72/49 = 1.469388.
/// FY2027 T = 157: the line is the default; through (2019, 21), (2020, 48), (2021, 93):
/// slope 72/2 = 36, mean 54 at 2020; v̂(2027) = 54 + 7·36 = 306; p = (306 − 21)/(157 − 21) = 2.095588
/// → on course; 157 is reached at 2020 + 103/36 = 2022.86 → 2023.
#[test]
fn cumulative_new_farmers() {
    let ds = ds();
    let t = fy2024(&ds, "new-farmers");
    close(v(&t.achievement), 1.469388);
    assert_eq!(v(&t.outlook), Outlook::TargetAchieved);
    let t = fy2027(&ds, "new-farmers");
    assert_eq!(t.default_method, Method::Line);
    let l = v(&t.line_since_baseline);
    close(l.projected_value, 306.0);
    close(l.projected_ratio, 2.095588);
    assert_eq!(l.year_reached, YearReached::Year(2023));
    assert_eq!(v(&t.outlook), Outlook::OnCourse);
}

/// Pending: 製造品出荷額等's FY2021 cell is 令和4年9月 公表予定, so the latest actual is CY2019's
/// 11,789 (億円). b = 11,942 (CY2018), T = 12,500 (CY2022): a = −153/558 = −0.274194,
/// e = (2019 − 2018)/(2022 − 2018) = 0.25; CAGR = 11789/11942 − 1 = −0.012812 →
/// v̂ = 11789 · 0.987188³ = 11341.6, p = −1.07598 → stagnation or regression.
#[test]
fn pending_manufacturing_shipments() {
    let ds = ds();
    let i = ind(&ds, "manufacturing-shipments");
    let pending = i
        .observations
        .iter()
        .find(|o| matches!(o.value, Value::Pending { .. }))
        .unwrap();
    assert_eq!(
        pending.value,
        Value::Pending {
            announced: Some("2022-09".into())
        }
    );
    let t = fy2024(&ds, "manufacturing-shipments");
    assert_eq!(v(&t.latest).period, Period::calendar(2019));
    close(v(&t.achievement), -0.274194);
    close(v(&t.expected_progress), 0.25);
    let c = v(&t.cagr_since_baseline);
    close(c.projected_ratio, -1.07598);
    assert_eq!(v(&t.outlook), Outlook::StagnationOrRegression);
}

/// Two series: 健康寿命. Men: b = 77.41, v = 77.51 (FY2020; FY2021 pending), T = 78.97:
/// a = 0.10/1.56 = 0.064103; CAGR = 77.51/77.41 − 1 = 0.0012918, v̂ = 77.51 · 1.0012918⁴ = 77.9115,
/// p = 0.32148. Women: b = 79.89, v = 80.04, T = 80.98: a = 0.15/1.09 = 0.137615,
/// v̂ = 80.04 · 1.0018776⁴ = 80.6429, p = 0.690728. Both need acceleration; FY2027's target is
/// to be set later, so it is a qualitative target.
#[test]
fn two_series_healthy_life_expectancy() {
    let ds = ds();
    let a = analyze_indicator(ind(&ds, "healthy-life-expectancy"));
    assert_eq!(a.fy2024.len(), 2);
    let men = &a.fy2024[0];
    assert_eq!(men.series.as_deref(), Some("male"));
    close(v(&men.achievement), 0.064103);
    close(v(&men.cagr_since_baseline).projected_ratio, 0.32148);
    let women = &a.fy2024[1];
    close(v(&women.achievement), 0.137615);
    close(v(&women.cagr_since_baseline).projected_ratio, 0.690728);
    assert_eq!(v(&a.outlook_fy2024), Outlook::AccelerationNeeded);
    assert_eq!(
        a.fy2027[0].achievement.reason(),
        Some(Unavailable::QualitativeTarget)
    );
    // English: elementary a = (84.2 − 88.7)/(95 − 88.7) = −0.714286; junior high (73.4 − 82.8)/(85 − 82.8) = −4.272727.
    let e = analyze_indicator(ind(&ds, "pupils-enjoying-english"));
    close(v(&e.fy2024[0].achievement), -0.714286);
    close(v(&e.fy2024[1].achievement), -4.272727);
}

/// Zero baseline: 災害図上訓練年間実施回数, 0回 (FY2019) → 5回 (FY2027), no actual yet:
/// a = 0/5 = 0 and there is no pace to project. With a hypothetical FY2022 actual of 2:
/// CAGR from 0 is undefined, so the line is used: (2019, 0), (2022, 2) → slope 2/3,
/// v̂(2027) = 2 + 5·(2/3) = 5.3333, p = 1.066667 → on course; a = 2/5 = 0.4, e = 3/8 = 0.375.
#[test]
fn zero_baseline_tabletop_drills() {
    let ds = ds();
    let t = fy2027(&ds, "tabletop-disaster-drills");
    close(v(&t.achievement), 0.0);
    assert_eq!(
        t.cagr_since_baseline.reason(),
        Some(Unavailable::TooFewPoints)
    );
    let mut i = ind(&ds, "tabletop-disaster-drills").clone();
    let mut o = i.observations[0].clone();
    o.role = Role::Actual;
    o.period = Period::fiscal(2022);
    o.value = Value::Number { number: 2.0 };
    i.observations.push(o);
    let t = analyze_target(&i, None, EditionId::Revision2024, Scope::AllEditions);
    assert_eq!(
        t.cagr_since_baseline.reason(),
        Some(Unavailable::NonPositiveValue)
    );
    assert_eq!(t.default_method, Method::Line);
    close(v(&t.line_since_baseline).projected_ratio, 1.066667);
    close(v(&t.achievement), 0.4);
    close(v(&t.expected_progress), 0.375);
    assert_eq!(v(&t.outlook), Outlook::OnCourse);
    assert_eq!(t.pace_ratio.reason(), Some(Unavailable::NonPositiveValue));
}

/// Qualitative target: 放課後子供教室数's FY2024 target is 全中学校区において1校以上の小学校で実施.
/// FY2027's 12教室 is numeric: b = 7, v = 9, a = 2/5 = 0.4, e = 2/8 = 0.25; cumulative → line:
/// slope 1, v̂(2027) = 8 + 7 = 15, p = 8/5 = 1.6 → on course.
#[test]
fn qualitative_target_after_school_classrooms() {
    let ds = ds();
    let t = fy2024(&ds, "after-school-classrooms");
    assert_eq!(t.achievement.reason(), Some(Unavailable::QualitativeTarget));
    assert_eq!(t.outlook.reason(), Some(Unavailable::QualitativeTarget));
    let t = fy2027(&ds, "after-school-classrooms");
    close(v(&t.achievement), 0.4);
    close(v(&t.expected_progress), 0.25);
    close(v(&t.line_since_baseline).projected_ratio, 1.6);
}

/// Lagged and calendar-year data: 鉄道利用者数's FY2021 column holds FY2020 data (令和2年度),
/// and the revision's footnote gives FY2021 = 395.8万人, the base of its FY2026 target 430.
/// COVID: pre = 488.1 (FY2019), 2020 = 357.1, 2021 = 395.8: δ = −131/488.1 = −0.268388 (affected);
/// r = 38.7/131 = 0.295420; (488.1 − 395.8)/38.7 = 2.385 years → 2024.
#[test]
fn lagged_railway_passengers() {
    let ds = ds();
    let i = ind(&ds, "railway-passengers");
    let fy2021_col = i
        .observations
        .iter()
        .find(|o| o.column_ja == "令和3年度 実績値")
        .unwrap();
    assert_eq!(fy2021_col.period, Period::fiscal(2020));
    assert!(fy2021_col.has_caveat("earlier_period"));
    let c = covid_impact(i, None, Scope::AllEditions);
    close(v(&c.dip), -0.268388);
    close(v(&c.recovery), 0.295420);
    assert_eq!(v(&c.recovery_year), YearReached::Year(2024));
    assert!(c.affected);
    let t = fy2027(&ds, "railway-passengers");
    let b = v(&t.base);
    assert_eq!(b.source, BaseSource::Rebased);
    assert_eq!(b.point.period, Period::fiscal(2021));
    close(b.point.value, 395.8);
    assert_eq!(v(&t.target).period, Period::fiscal(2026));
}

/// Bases: ファミリーサポートセンター re-bases on FY2022's 655; 子育て世代包括支援センター has no
/// baseline (-), so the earliest actual (FY2020, 1,997) is the base.
#[test]
fn rebased_and_missing_baselines() {
    let ds = ds();
    let b = v(&fy2027(&ds, "family-support-members").base);
    assert_eq!((b.source, b.point.value), (BaseSource::Rebased, 655.0));
    let b = v(&fy2024(&ds, "parenting-support-center-consultations").base);
    assert_eq!(
        (b.source, b.point.value, b.point.period),
        (BaseSource::EarliestActual, 1997.0, Period::fiscal(2020))
    );
}

/// The official totals: 47 = 11 / 18 / 12 / 6, and the split per basic goal.
#[test]
fn official_status_totals() {
    let ds = ds();
    let b = status_breakdown(&ds);
    assert_eq!(b.total, 47);
    let c = b.overall;
    assert_eq!(
        (c.on_track, c.mostly_on_track, c.delayed_covid, c.delayed),
        (11, 18, 12, 6)
    );
    close(
        c.share(machi_kpi_core::OfficialStatus::OnTrack).unwrap(),
        0.234043,
    );
    let per_goal: Vec<(String, [usize; 4])> = b
        .by_goal
        .iter()
        .map(|g| {
            (
                g.key.clone(),
                [
                    g.counts.on_track,
                    g.counts.mostly_on_track,
                    g.counts.delayed_covid,
                    g.counts.delayed,
                ],
            )
        })
        .collect();
    assert_eq!(
        per_goal,
        vec![
            ("1-1".into(), [3, 5, 3, 0]),
            ("1-2".into(), [1, 1, 4, 0]),
            ("2-1".into(), [4, 1, 1, 3]),
            ("2-2".into(), [0, 3, 1, 0]),
            ("3-1".into(), [1, 5, 3, 2]),
            ("3-2".into(), [2, 3, 0, 1]),
        ]
    );
    assert_eq!(
        b.by_pillar.iter().map(|p| p.counts.total()).sum::<usize>(),
        47
    );
    assert_eq!(
        b.by_measure.iter().map(|p| p.counts.total()).sum::<usize>(),
        47
    );
    // 危険空き家除却件数 has no department in the report.
    assert!(b
        .by_department
        .iter()
        .any(|d| d.key.is_empty() && d.counts.delayed == 1));
}

/// The revision: 2 dropped, 3 added, 危険空き家 baseline changed (30件 H30年度 → 49件),
/// 障害者… lowered (25 → 22), ふるさと納税 raised, 健康寿命 to be set later.
#[test]
fn revision_diff_examples() {
    let ds = ds();
    let r = revision_diff(&ds);
    let count = |c: RevisionChange| r.iter().filter(|d| d.change == c).count();
    assert_eq!(
        (
            count(RevisionChange::Added),
            count(RevisionChange::Dropped),
            count(RevisionChange::Kept)
        ),
        (3, 2, 45)
    );
    let by = |id: &str| r.iter().find(|d| d.id == id).unwrap();
    assert!(by("dangerous-vacant-house-removals").baseline_changed);
    assert!(!by("new-job-openings").baseline_changed);
    assert_eq!(
        by("disability-new-employment").targets[0].change,
        TargetChange::Lowered
    );
    assert_eq!(
        by("hometown-tax-donations").targets[0].change,
        TargetChange::Raised
    );
    assert_eq!(
        by("recognized-criminal-offenses").targets[0].more_ambitious,
        Some(true)
    );
    assert!(by("healthy-life-expectancy").target_to_be_set_later);
    assert_eq!(
        by("child-population").replaces.as_deref(),
        Some("total-fertility-rate")
    );
}

/// A cell repeating an earlier period (住みよい's FY2020 cell 73.6% (令和元年度)) counts once.
#[test]
fn repeated_period_counts_once() {
    let ds = ds();
    let i = ind(&ds, "livability");
    let pts = machi_kpi_core::analysis::indicator::actual_points(
        i,
        None,
        Scope::Edition(EditionId::Fy2021Report),
    );
    assert_eq!(
        pts.iter().map(|p| p.period.year).collect::<Vec<_>>(),
        vec![2019, 2021]
    );
}

/// The line fit uses every value, the base and the values before it included (DESIGN.md
/// §4). ファミリーサポートセンター会員登録数's FY2027 target is re-based on FY2022's 655; its
/// values are 828 (FY2019), 862, 684, 655 (FY2022). Mean t = 2020.5, mean v = 757.25;
/// Σ(t − t̄)(v − v̄) = −1.5·70.75 − 0.5·104.75 + 0.5·(−73.25) + 1.5·(−102.25) = −348.5,
/// Σ(t − t̄)² = 5, slope −69.7; v̂(2027) = 757.25 + 6.5·(−69.7) = 304.2,
/// p = (304.2 − 655) / (700 − 655) = −7.795556 → stagnation or regression (before the fix
/// the fit started at the base, one point: "too few values").
/// Recent pace between the last two actuals, 684 (FY2021) → 655 (FY2022): −29 a year,
/// v̂(2027) = 655 − 5·29 = 510, p = −145/45 = −3.222222.
#[test]
fn line_through_all_actuals_of_a_rebased_target() {
    let ds = ds();
    let t = fy2027(&ds, "family-support-members");
    assert_eq!(v(&t.base).source, BaseSource::Rebased);
    let l = v(&t.line_since_baseline);
    close(l.pace, -69.7);
    close(l.projected_value, 304.2);
    close(l.projected_ratio, -7.795556);
    assert_eq!(l.year_reached, YearReached::NotAtThisPace);
    let r = v(&t.line_recent_pace);
    close(r.pace, -29.0);
    close(r.projected_value, 510.0);
    close(r.projected_ratio, -3.222222);
    assert_eq!(t.default_method, Method::Line);
    assert_eq!(v(&t.outlook), Outlook::StagnationOrRegression);
}

/// The recent pace is measured between the last two actuals, never from the baseline:
/// 健康寿命 has its FY2019 baseline and one actual (FY2020; FY2021 is pending), so there is
/// no recent pace ("too few values"), while since-baseline still projects.
#[test]
fn recent_pace_never_uses_the_baseline() {
    let ds = ds();
    let a = analyze_indicator(ind(&ds, "healthy-life-expectancy"));
    for t in &a.fy2024 {
        assert_eq!(t.cagr_recent_pace.reason(), Some(Unavailable::TooFewPoints));
        assert_eq!(t.line_recent_pace.reason(), Some(Unavailable::TooFewPoints));
        assert!(t.cagr_since_baseline.value().is_some());
    }
}

/// 健康寿命 with the men's FY2020 actual taken out: the men's series has only its baseline,
/// e = 0, "no actual after the base yet"; that no longer blanks the indicator. Women:
/// a = 0.15/1.09 = 0.137615 ≥ 0.6·e = 0.6·0.2 = 0.12 (but < e) → mostly on track, which is
/// the indicator's indicative status. The outlook is the women's (acceleration needed), and
/// the men's series is named as unavailable.
#[test]
fn one_series_without_values_does_not_blank_the_indicator() {
    let ds = ds();
    let mut i = ind(&ds, "healthy-life-expectancy").clone();
    i.observations
        .retain(|o| !(o.role == Role::Actual && o.series.as_deref() == Some("male")));
    let men = analyze_target(
        &i,
        Some("male"),
        EditionId::Fy2021Report,
        Scope::Edition(EditionId::Fy2021Report),
    );
    close(v(&men.expected_progress), 0.0);
    assert_eq!(
        indicative_status(&men, false).reason(),
        Some(Unavailable::NoActualSinceBase)
    );
    let a = analyze_indicator(&i);
    assert_eq!(v(&a.indicative_status), IndicativeStatus::MostlyOnTrack);
    assert_eq!(
        a.fy2024[0].outlook.reason(),
        Some(Unavailable::TooFewPoints)
    );
    assert_eq!(v(&a.outlook_fy2024), Outlook::AccelerationNeeded);
    assert_eq!(
        a.unavailable_series(EditionId::Fy2021Report),
        vec![("male", Unavailable::TooFewPoints)]
    );
}

/// "Target achieved" speaks for the whole indicator: with one series achieved and the other
/// unavailable the indicator's outlook is the missing series' reason, not "achieved".
#[test]
fn achieved_needs_every_series() {
    use machi_kpi_core::analysis::indicator::worst_outlook;
    let achieved = Metric::Value(Outlook::TargetAchieved);
    let missing = Metric::Unavailable(Unavailable::TooFewPoints);
    assert_eq!(worst_outlook(&[achieved.clone(), missing.clone()]), missing);
    assert_eq!(
        worst_outlook(&[achieved, missing, Metric::Value(Outlook::OnCourse)]),
        Metric::Value(Outlook::OnCourse)
    );
}

/// 防犯灯設置数 with hypothetical later actuals (the dataset stops at FY2021): b = 15,665
/// (FY2019), T = 17,900 (FY2024).
fn security_lights_with(actuals: &[(i32, f64)]) -> Indicator {
    let ds = ds();
    let mut i = ind(&ds, "security-lights").clone();
    let template = i
        .observations
        .iter()
        .find(|o| o.role == Role::Actual)
        .unwrap()
        .clone();
    for &(year, number) in actuals {
        let mut o = template.clone();
        o.period = Period::fiscal(year);
        o.value = Value::Number { number };
        o.raw = format!("{number}");
        i.observations.push(o);
    }
    i
}

/// t_v = t_T: an FY2024 actual of 18,000 meets the FY2024 target. Final result: achieved,
/// rate (18000 − 15665) / 2235 = 1.044743, met in FY2024; no projection to FY2024.
/// The FY2027 target (19,100) is still ahead and is projected forward from FY2024:
/// CAGR = (18000/15665)^(1/5) − 1 = 0.028178, v̂ = 18000 · 1.028178³ = 19564.9,
/// p = (19564.9 − 15665) / (19100 − 15665) = 1.135342 → on course.
#[test]
fn final_result_at_the_target_year() {
    let i = security_lights_with(&[(2022, 16900.0), (2023, 17400.0), (2024, 18000.0)]);
    let t = analyze_target(&i, None, EditionId::Fy2021Report, Scope::AllEditions);
    let f = t.final_result.clone().expect("final result");
    assert_eq!(f.actual.period, Period::fiscal(2024));
    assert!(f.achieved);
    close(v(&f.rate), 1.044743);
    assert_eq!(f.year_met, Some(Period::fiscal(2024)));
    assert_eq!(v(&t.outlook), Outlook::TargetAchieved);
    for m in [Method::Cagr, Method::Line] {
        for s in [Scenario::SinceBaseline, Scenario::RecentPace] {
            assert_eq!(
                t.projection(m, s).reason(),
                Some(Unavailable::TargetPeriodPassed)
            );
        }
    }
    assert_eq!(
        t.required_yearly_change.reason(),
        Some(Unavailable::TargetPeriodPassed)
    );
    let ahead = analyze_target(&i, None, EditionId::Revision2024, Scope::AllEditions);
    assert!(ahead.final_result.is_none());
    let c = v(&ahead.cagr_since_baseline);
    close(c.pace, 0.028178);
    close(c.projected_value, 19564.906);
    close(c.projected_ratio, 1.135342);
    assert_eq!(c.outlook, Outlook::OnCourse);
    // Forward only: the year reached is never before the latest value.
    assert!(matches!(c.year_reached, YearReached::Year(y) if y >= 2024));
}

/// t_v > t_T: no FY2024 value, FY2025 = 17,800 is the first at or after the target's
/// period. Final result: not achieved, rate (17800 − 15665) / 2235 = 0.955257, never met
/// (FY2023's 17,500 fell short too). The outlook is "target period passed", not a
/// projection run backwards from FY2025 to FY2024.
#[test]
fn final_result_after_the_target_year() {
    let i = security_lights_with(&[(2023, 17500.0), (2025, 17800.0)]);
    let t = analyze_target(&i, None, EditionId::Fy2021Report, Scope::AllEditions);
    let f = t.final_result.clone().expect("final result");
    assert_eq!(f.actual.period, Period::fiscal(2025));
    assert!(!f.achieved);
    close(v(&f.rate), 0.955257);
    assert_eq!(f.year_met, None);
    assert_eq!(t.outlook.reason(), Some(Unavailable::TargetPeriodPassed));
    assert_eq!(
        t.outlook_for(Method::Line, Scenario::RecentPace).reason(),
        Some(Unavailable::TargetPeriodPassed)
    );
    assert_eq!(
        t.cagr_since_baseline.reason(),
        Some(Unavailable::TargetPeriodPassed)
    );
    // e is capped at 1 past the target: the whole way was expected; a < e and a ≥ 0.6·e.
    close(v(&t.expected_progress), 1.0);
    assert_eq!(
        v(&indicative_status(&t, false)),
        IndicativeStatus::MostlyOnTrack
    );
    // A target still ahead of every value has no final result (the embedded data).
    let ds = ds();
    assert!(fy2024(&ds, "security-lights").final_result.is_none());
}
