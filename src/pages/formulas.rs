//! "Show the computation": each figure of an indicator as its formula, the
//! formula with the indicator's own numbers put in, and the result — e.g.
//! `a = (v − b) / (T − b) = (16465 − 15665) / (17900 − 15665) = 35.8%`.
//!
//! The results are always the core's ([`machi_kpi_core::analysis`]); this
//! module only writes the inputs into the formula, so what the reader checks
//! is exactly what the rest of the page shows. Intermediate values that the
//! core does not return (the means of a least-squares fit, the last two
//! actuals of the recent pace) are recomputed here for display only, from the
//! same points the core uses ([`line_points`], [`recent_pair`]).
//!
//! The Indicator page shows these for every target and series, and the About
//! page uses them for its worked examples. Numbers inside formulas have no
//! thousands separators (a comma would read as an argument separator).

use machi_kpi_core::analysis::indicator::{actual_points, measured_actuals, sign};
use machi_kpi_core::analysis::{
    CovidImpact, Method, Metric, Point, Projection, Scenario, Scope, TargetAnalysis, YearReached,
};
use machi_kpi_core::Indicator;

use crate::i18n::kpi_format::{self as fmt, precision, unavailable_text};
use crate::i18n::pages_goal_kpi::{pt, PKey};
use crate::i18n::Lang;

/// One line of "show the computation".
#[derive(Clone, Debug, PartialEq)]
pub struct Formula {
    /// A stable id for tests and styling (`achievement`, `projection`, …).
    pub id: &'static str,
    /// What is computed, in words.
    pub label: String,
    /// The formula, the numbers put in, and the result.
    pub expr: String,
    /// The result alone.
    pub result: String,
}

/// A number in a formula: no grouping, a real minus sign.
pub fn plain(x: f64, decimals: usize) -> String {
    fmt::number(x, decimals).replace(',', "")
}

/// A year coordinate: whole years print without decimals.
fn year(t: f64) -> String {
    if (t - t.round()).abs() < 1e-9 {
        plain(t, 0)
    } else {
        plain(t, 1)
    }
}

/// The values a target's line is fitted to: every dated number of the series,
/// the base and the values before it included (as the core's `analyze_target`
/// uses them, DESIGN.md §4).
pub fn line_points(ind: &Indicator, ta: &TargetAnalysis) -> Vec<Point> {
    if ta.base.value().is_none() {
        return Vec::new();
    }
    actual_points(ind, ta.series.as_deref(), Scope::AllEditions)
}

/// The last two actuals, between which the recent pace is measured (never a
/// baseline, as in the core).
fn recent_pair(ind: &Indicator, ta: &TargetAnalysis) -> Option<(Point, Point)> {
    match measured_actuals(ind, ta.series.as_deref(), Scope::AllEditions).as_slice() {
        [.., p1, p2] => Some((*p1, *p2)),
        _ => None,
    }
}

/// The numbers every formula of a target uses.
struct Inputs {
    b: f64,
    tb: f64,
    v: f64,
    tv: f64,
    t: f64,
    tt: f64,
    p: usize,
}

fn inputs(ta: &TargetAnalysis) -> Option<Inputs> {
    match (&ta.base, &ta.latest, &ta.target) {
        (Metric::Value(b), Metric::Value(v), Metric::Value(t)) => Some(Inputs {
            b: b.point.value,
            tb: b.point.period.t(),
            v: v.value,
            tv: v.period.t(),
            t: t.value,
            tt: t.period.t(),
            p: 0,
        }),
        _ => None,
    }
}

fn unavailable(id: &'static str, label: String, lang: Lang, m: &Metric<impl Sized>) -> Formula {
    let result = m
        .reason()
        .map(|u| unavailable_text(lang, u))
        .unwrap_or_else(|| fmt::DASH.to_owned());
    Formula {
        id,
        label,
        expr: result.clone(),
        result,
    }
}

fn target_equals_base(i: &Inputs) -> bool {
    (i.t - i.b).abs() < 1e-12
}

/// Achievement: `a = (v − b) / (T − b)`, or the maintain rule when T = b.
pub fn achievement(ind: &Indicator, ta: &TargetAnalysis, lang: Lang) -> Formula {
    let label = pt(lang, PKey::AchievementLabel).to_owned();
    let (Some(mut i), Metric::Value(a)) = (inputs(ta), &ta.achievement) else {
        return unavailable("achievement", label, lang, &ta.achievement);
    };
    i.p = precision(ind);
    let result = fmt::percent(*a, 1);
    let expr = if target_equals_base(&i) {
        let met = matches!(ta.target_met, Metric::Value(true));
        let rule = pt(lang, PKey::FormulaMaintainRule);
        let verdict = pt(
            lang,
            if met {
                PKey::FormulaMeets
            } else {
                PKey::FormulaMisses
            },
        );
        format!(
            "T = b = {}: {rule}; v = {} {verdict} → a = {result}",
            plain(i.t, i.p),
            plain(i.v, i.p)
        )
    } else {
        format!(
            "a = (v − b) / (T − b) = ({} − {}) / ({} − {}) = {result}",
            plain(i.v, i.p),
            plain(i.b, i.p),
            plain(i.t, i.p),
            plain(i.b, i.p)
        )
    };
    Formula {
        id: "achievement",
        label,
        expr,
        result,
    }
}

/// Expected progress on a straight path: `e = (t_v − t_b) / (t_T − t_b)`.
pub fn expected(ta: &TargetAnalysis, lang: Lang) -> Formula {
    let label = pt(lang, PKey::ExpectedLabel).to_owned();
    let (Some(i), Metric::Value(e)) = (inputs(ta), &ta.expected_progress) else {
        return unavailable("expected", label, lang, &ta.expected_progress);
    };
    let result = fmt::percent(*e, 1);
    Formula {
        id: "expected",
        label,
        expr: format!(
            "e = (t_v − t_b) / (t_T − t_b) = ({} − {}) / ({} − {}) = {result}",
            year(i.tv),
            year(i.tb),
            year(i.tt),
            year(i.tb)
        ),
        result,
    }
}

/// The pace a projection continues, as formulas: the rate or slope, the
/// projected value at the target period, the projected ratio and the year
/// the target is reached.
pub fn projection(
    ind: &Indicator,
    ta: &TargetAnalysis,
    method: Method,
    scenario: Scenario,
    lang: Lang,
) -> Vec<Formula> {
    let m = ta.projection(method, scenario);
    let label = format!(
        "{} · {}",
        fmt::method_name(lang, method),
        fmt::scenario_name(lang, scenario)
    );
    let (Some(mut i), Metric::Value(proj)) = (inputs(ta), m) else {
        return vec![unavailable("projection", label, lang, m)];
    };
    i.p = precision(ind);
    let pts = line_points(ind, ta);
    let last_two = recent_pair(ind, ta);
    let pace_line = pace_formula(&i, proj, &pts, last_two, lang);
    let value_line = value_formula(&i, proj, &pts, last_two);
    let ratio_line = ratio_formula(&i, proj, ta, lang);
    let mut out = vec![
        Formula {
            id: "pace",
            label: format!("{label}{}{}", fmt::colon(lang), pt(lang, PKey::FormulaPace)),
            expr: pace_line.0,
            result: pace_line.1,
        },
        Formula {
            id: "projected-value",
            label: pt(lang, PKey::ColProjectedValue).to_owned(),
            expr: value_line.0,
            result: value_line.1,
        },
        Formula {
            id: "projected-ratio",
            label: pt(lang, PKey::ColProjectedRatio).to_owned(),
            expr: ratio_line.0,
            result: ratio_line.1,
        },
    ];
    if let Some(f) = year_formula(ind, &i, proj, last_two, lang) {
        out.push(f);
    }
    out
}

/// The means (t̄, v̄) of the points a least-squares line is fitted to.
fn means(pts: &[Point]) -> (f64, f64) {
    let n = pts.len().max(1) as f64;
    (
        pts.iter().map(|q| q.period.t()).sum::<f64>() / n,
        pts.iter().map(|q| q.value).sum::<f64>() / n,
    )
}

fn pace_formula(
    i: &Inputs,
    proj: &Projection,
    pts: &[Point],
    last_two: Option<(Point, Point)>,
    lang: Lang,
) -> (String, String) {
    let p = i.p;
    match (proj.method, proj.scenario) {
        (Method::Cagr, Scenario::SinceBaseline) => {
            let r = fmt::signed_percent(proj.pace, 2);
            (
                format!(
                    "CAGR = (v / b)^(1 / (t_v − t_b)) − 1 = ({} / {})^(1 / {}) − 1 = {r}",
                    plain(i.v, p),
                    plain(i.b, p),
                    year(i.tv - i.tb)
                ),
                r,
            )
        }
        (Method::Cagr, Scenario::RecentPace) => {
            let r = fmt::signed_percent(proj.pace, 2);
            let Some((p1, p2)) = last_two else {
                return (r.clone(), r);
            };
            (
                format!(
                    "CAGR = (v₂ / v₁)^(1 / (t₂ − t₁)) − 1 = ({} / {})^(1 / {}) − 1 = {r}",
                    plain(p2.value, p),
                    plain(p1.value, p),
                    year(p2.period.t() - p1.period.t())
                ),
                r,
            )
        }
        (Method::Line, Scenario::SinceBaseline) => {
            let (mt, mv) = means(pts);
            let r = plain(proj.pace, p + 1);
            let means = match lang {
                Lang::En => format!("{} points", pts.len()),
                _ => format!("{}点", pts.len()),
            };
            (
                format!(
                    "m = Σ(t − t̄)(v − v̄) / Σ(t − t̄)² ({means}; t̄ = {}, v̄ = {}) = {r}",
                    year(mt),
                    plain(mv, p + 1)
                ),
                r,
            )
        }
        (Method::Line, Scenario::RecentPace) => {
            let r = plain(proj.pace, p + 1);
            let Some((p1, p2)) = last_two else {
                return (r.clone(), r);
            };
            (
                format!(
                    "m = (v₂ − v₁) / (t₂ − t₁) = ({} − {}) / ({} − {}) = {r}",
                    plain(p2.value, p),
                    plain(p1.value, p),
                    year(p2.period.t()),
                    year(p1.period.t())
                ),
                r,
            )
        }
    }
}

fn value_formula(
    i: &Inputs,
    proj: &Projection,
    pts: &[Point],
    last_two: Option<(Point, Point)>,
) -> (String, String) {
    let p = i.p;
    let r = plain(proj.projected_value, p);
    let expr = match (proj.method, proj.scenario) {
        (Method::Cagr, Scenario::SinceBaseline) => format!(
            "v̂_T = v · (1 + CAGR)^(t_T − t_v) = {} × (1 {})^{} = {r}",
            plain(i.v, p),
            fmt::signed_percent(proj.pace, 2)
                .replace('+', "+ ")
                .replace('−', "− "),
            year(i.tt - i.tv)
        ),
        (Method::Cagr, Scenario::RecentPace) => {
            let (v2, t2) = last_two.map_or((i.v, i.tv), |(_, b)| (b.value, b.period.t()));
            format!(
                "v̂_T = v₂ · (1 + CAGR)^(t_T − t₂) = {} × (1 {})^{} = {r}",
                plain(v2, p),
                fmt::signed_percent(proj.pace, 2)
                    .replace('+', "+ ")
                    .replace('−', "− "),
                year(i.tt - t2)
            )
        }
        (Method::Line, Scenario::SinceBaseline) => {
            let (mt, mv) = means(pts);
            format!(
                "v̂_T = v̄ + m · (t_T − t̄) = {} + {} × ({} − {}) = {r}",
                plain(mv, p + 1),
                plain(proj.pace, p + 1),
                year(i.tt),
                year(mt)
            )
        }
        (Method::Line, Scenario::RecentPace) => {
            let (v2, t2) = last_two.map_or((i.v, i.tv), |(_, b)| (b.value, b.period.t()));
            format!(
                "v̂_T = v₂ + m · (t_T − t₂) = {} + {} × {} = {r}",
                plain(v2, p),
                plain(proj.pace, p + 1),
                year(i.tt - t2)
            )
        }
    };
    (expr, r)
}

fn ratio_formula(
    i: &Inputs,
    proj: &Projection,
    ta: &TargetAnalysis,
    lang: Lang,
) -> (String, String) {
    let p = i.p;
    let r = fmt::percent(proj.projected_ratio, 1);
    let outlook = fmt::outlook_name(lang, proj.outlook);
    let _ = ta;
    let expr = if target_equals_base(i) {
        format!(
            "T = b: {} → p = {r} → {outlook}",
            pt(lang, PKey::FormulaMaintainRule)
        )
    } else {
        format!(
            "p = (v̂_T − b) / (T − b) = ({} − {}) / ({} − {}) = {r} → {outlook}",
            plain(proj.projected_value, p),
            plain(i.b, p),
            plain(i.t, p),
            plain(i.b, p)
        )
    };
    (expr, r)
}

fn year_formula(
    ind: &Indicator,
    i: &Inputs,
    proj: &Projection,
    last_two: Option<(Point, Point)>,
    lang: Lang,
) -> Option<Formula> {
    let label = pt(lang, PKey::ColYearReached).to_owned();
    let p = i.p;
    let result = match proj.year_reached {
        YearReached::Year(y) => y.to_string(),
        YearReached::AlreadyMet => pt(lang, PKey::AlreadyMet).to_owned(),
        YearReached::NotAtThisPace => pt(lang, PKey::NotAtThisPace).to_owned(),
    };
    let expr = match (proj.year_reached, proj.method) {
        (YearReached::AlreadyMet, _) => return None,
        (YearReached::NotAtThisPace, _) => {
            let d = sign(ind);
            format!(
                "d = {}, {} = {} → {result}",
                if d > 0.0 { "+1" } else { "−1" },
                if proj.method == Method::Cagr {
                    "CAGR"
                } else {
                    "m"
                },
                if proj.method == Method::Cagr {
                    fmt::signed_percent(proj.pace, 2)
                } else {
                    plain(proj.pace, p + 1)
                }
            )
        }
        (YearReached::Year(_), Method::Cagr) => {
            let (v0, t0) = match proj.scenario {
                Scenario::SinceBaseline => (i.v, i.tv),
                Scenario::RecentPace => {
                    last_two.map_or((i.v, i.tv), |(_, b)| (b.value, b.period.t()))
                }
            };
            format!(
                "t = t₀ + ln(T / v₀) / ln(1 + CAGR) = {} + ln({} / {}) / ln(1 {}) → {result}",
                year(t0),
                plain(i.t, p),
                plain(v0, p),
                fmt::signed_percent(proj.pace, 2)
                    .replace('+', "+ ")
                    .replace('−', "− ")
            )
        }
        (YearReached::Year(_), Method::Line) => {
            let (v0, t0) = match proj.scenario {
                Scenario::SinceBaseline => (proj.projected_value - proj.pace * (i.tt - i.tv), i.tv),
                Scenario::RecentPace => {
                    last_two.map_or((i.v, i.tv), |(_, b)| (b.value, b.period.t()))
                }
            };
            format!(
                "t = t₀ + (T − v₀) / m = {} + ({} − {}) / {} → {result}",
                year(t0),
                plain(i.t, p),
                plain(v0, p + 1),
                plain(proj.pace, p + 1)
            )
        }
    };
    Some(Formula {
        id: "year-reached",
        label,
        expr,
        result,
    })
}

/// Required and observed yearly change.
pub fn yearly_changes(ind: &Indicator, ta: &TargetAnalysis, lang: Lang) -> Vec<Formula> {
    let p = precision(ind);
    let mut out = Vec::new();
    let i = inputs(ta);
    let label = pt(lang, PKey::RequiredChange).to_owned();
    match (&i, &ta.required_yearly_change) {
        (Some(i), Metric::Value(x)) => {
            let r = plain(*x, p + 1);
            out.push(Formula {
                id: "required-change",
                label,
                expr: format!(
                    "(T − v) / (t_T − t_v) = ({} − {}) / ({} − {}) = {r}",
                    plain(i.t, p),
                    plain(i.v, p),
                    year(i.tt),
                    year(i.tv)
                ),
                result: r,
            });
        }
        _ => out.push(unavailable(
            "required-change",
            label,
            lang,
            &ta.required_yearly_change,
        )),
    }
    let label = pt(lang, PKey::ObservedChange).to_owned();
    match (&i, &ta.observed_yearly_change) {
        (Some(i), Metric::Value(x)) => {
            let r = plain(*x, p + 1);
            out.push(Formula {
                id: "observed-change",
                label,
                expr: format!(
                    "(v − b) / (t_v − t_b) = ({} − {}) / ({} − {}) = {r}",
                    plain(i.v, p),
                    plain(i.b, p),
                    year(i.tv),
                    year(i.tb)
                ),
                result: r,
            });
        }
        _ => out.push(unavailable(
            "observed-change",
            label,
            lang,
            &ta.observed_yearly_change,
        )),
    }
    out
}

/// The pace ratio: `R = d · CAGR_obs / |CAGR_req|`.
pub fn pace_ratio(ind: &Indicator, ta: &TargetAnalysis, lang: Lang) -> Formula {
    let label = pt(lang, PKey::PaceRatioLabel).to_owned();
    let (Some(i), Metric::Value(r)) = (inputs(ta), &ta.pace_ratio) else {
        return unavailable("pace-ratio", label, lang, &ta.pace_ratio);
    };
    let p = precision(ind);
    let d = if sign(ind) > 0.0 { "+1" } else { "−1" };
    let result = plain(r.ratio, 2);
    Formula {
        id: "pace-ratio",
        label,
        expr: format!(
            "CAGR_req = (T / b)^(1 / (t_T − t_b)) − 1 = ({} / {})^(1 / {}) − 1 = {}; \
             CAGR_obs = (v / b)^(1 / (t_v − t_b)) − 1 = {}; \
             R = d · CAGR_obs / |CAGR_req| = {d} × {} / {} = {result} → {}",
            plain(i.t, p),
            plain(i.b, p),
            year(i.tt - i.tb),
            fmt::signed_percent(r.required_cagr, 2),
            fmt::signed_percent(r.observed_cagr, 2),
            fmt::signed_percent(r.observed_cagr, 2),
            fmt::percent(r.required_cagr.abs(), 2),
            fmt::pace_class_name(lang, r.class)
        ),
        result,
    }
}

/// The COVID dip and recovery of one series.
pub fn covid(ind: &Indicator, c: &CovidImpact, lang: Lang) -> Vec<Formula> {
    let p = precision(ind);
    let pts = actual_points(ind, c.series.as_deref(), Scope::AllEditions);
    let pre = pts.iter().rfind(|q| q.period.year < 2020).copied();
    let y20 = pts.iter().find(|q| q.period.year == 2020).copied();
    let y21 = pts.iter().find(|q| q.period.year == 2021).copied();
    let d = if sign(ind) > 0.0 { "+1" } else { "−1" };
    let mut out = Vec::new();
    let label = pt(lang, PKey::CovidDip).to_owned();
    match (&c.dip, pre, y20) {
        (Metric::Value(dip), Some(pre), Some(y20)) => {
            let r = fmt::signed_percent(*dip, 1);
            out.push(Formula {
                id: "covid-dip",
                label,
                expr: format!(
                    "δ = d · (v_2020 − v_pre) / |v_pre| = {d} × ({} − {}) / {} = {r}",
                    plain(y20.value, p),
                    plain(pre.value, p),
                    plain(pre.value.abs(), p)
                ),
                result: r,
            });
        }
        _ => out.push(unavailable("covid-dip", label, lang, &c.dip)),
    }
    let label = pt(lang, PKey::CovidRecovery).to_owned();
    match (&c.recovery, pre, y20, y21) {
        (Metric::Value(r), Some(pre), Some(y20), Some(y21)) => {
            let res = fmt::percent(*r, 1);
            out.push(Formula {
                id: "covid-recovery",
                label,
                expr: format!(
                    "r = (v_2021 − v_2020) / (v_pre − v_2020) = ({} − {}) / ({} − {}) = {res}",
                    plain(y21.value, p),
                    plain(y20.value, p),
                    plain(pre.value, p),
                    plain(y20.value, p)
                ),
                result: res,
            });
        }
        _ => out.push(unavailable("covid-recovery", label, lang, &c.recovery)),
    }
    let label = pt(lang, PKey::CovidRecoveryYear).to_owned();
    match (&c.recovery_year, pre, y20, y21) {
        (Metric::Value(YearReached::Year(y)), Some(pre), Some(y20), Some(y21)) => {
            out.push(Formula {
                id: "covid-recovery-year",
                label,
                expr: format!(
                    "t = 2021 + (v_pre − v_2021) / (v_2021 − v_2020) = {} + ({} − {}) / ({} − {}) → {y}",
                    year(y21.period.t()),
                    plain(pre.value, p),
                    plain(y21.value, p),
                    plain(y21.value, p),
                    plain(y20.value, p)
                ),
                result: y.to_string(),
            });
        }
        (Metric::Value(y), ..) => {
            let r = match y {
                YearReached::AlreadyMet => pt(lang, PKey::AlreadyMet),
                _ => pt(lang, PKey::NotAtThisPace),
            }
            .to_owned();
            out.push(Formula {
                id: "covid-recovery-year",
                label,
                expr: r.clone(),
                result: r,
            });
        }
        _ => out.push(unavailable(
            "covid-recovery-year",
            label,
            lang,
            &c.recovery_year,
        )),
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_kpi_core::analysis::analyze_target;
    use machi_kpi_core::{Dataset, EditionId};

    fn ta(ds: &Dataset, id: &str, e: EditionId) -> TargetAnalysis {
        analyze_target(ds.indicator(id).expect(id), None, e, Scope::AllEditions)
    }

    #[test]
    fn achievement_of_security_lights_reads_like_the_brief() {
        let ds = Dataset::embedded().expect("dataset");
        let ind = ds.indicator("security-lights").expect("ind");
        let t = ta(&ds, "security-lights", EditionId::Fy2021Report);
        let f = achievement(ind, &t, Lang::En);
        assert_eq!(
            f.expr,
            "a = (v − b) / (T − b) = (16465 − 15665) / (17900 − 15665) = 35.8%"
        );
        assert_eq!(expected(&t, Lang::En).result, "40.0%");
        let cagr = projection(ind, &t, Method::Cagr, Scenario::SinceBaseline, Lang::En);
        assert_eq!(cagr[0].result, "+2.52%");
        assert!(
            cagr[0].expr.contains("(16465 / 15665)^(1 / 2) − 1"),
            "{}",
            cagr[0].expr
        );
        assert_eq!(cagr[1].result, "17742");
        assert_eq!(cagr[2].result, "92.9%");
        let line = projection(ind, &t, Method::Line, Scenario::SinceBaseline, Lang::En);
        assert_eq!(line[0].result, "400.0");
        assert!(line[0].expr.contains("t̄ = 2020"), "{}", line[0].expr);
        assert_eq!(line[1].result, "17669");
        assert_eq!(line[3].result, "2025");
        let recent = projection(ind, &t, Method::Line, Scenario::RecentPace, Lang::En);
        assert!(recent[0].expr.contains("(16465 − 16076) / (2021 − 2020)"));
        assert_eq!(recent[1].result, "17632");
        let ch = yearly_changes(ind, &t, Lang::En);
        assert_eq!(
            (ch[0].result.as_str(), ch[1].result.as_str()),
            ("478.3", "400.0")
        );
        let r = pace_ratio(ind, &t, Lang::En);
        assert_eq!(r.result, "0.93");
    }

    /// The line goes through all four values of a re-based target (828 … 655, FY2019–FY2022,
    /// t̄ = 2020.5), and the recent pace is between its last two actuals, as in the core.
    #[test]
    fn rebased_line_and_recent_pace_use_the_cores_points() {
        let ds = Dataset::embedded().expect("dataset");
        let ind = ds.indicator("family-support-members").expect("ind");
        let t = ta(&ds, "family-support-members", EditionId::Revision2024);
        let line = projection(ind, &t, Method::Line, Scenario::SinceBaseline, Lang::En);
        assert!(
            line[0].expr.contains("4 points; t̄ = 2020.5"),
            "{}",
            line[0].expr
        );
        assert_eq!(line[0].result, "−69.7");
        let recent = projection(ind, &t, Method::Line, Scenario::RecentPace, Lang::En);
        assert!(
            recent[0].expr.contains("(655 − 684) / (2022 − 2021)"),
            "{}",
            recent[0].expr
        );
    }

    #[test]
    fn maintain_targets_use_the_rule_not_a_division_by_zero() {
        let ds = Dataset::embedded().expect("dataset");
        let ind = ds.indicator("daycare-waiting-children").expect("ind");
        let t = ta(&ds, "daycare-waiting-children", EditionId::Fy2021Report);
        let f = achievement(ind, &t, Lang::Ja);
        assert!(f.expr.starts_with("T = b = 0"), "{}", f.expr);
        assert_eq!(f.result, "100.0%");
    }

    #[test]
    fn undefined_results_show_a_dash_and_the_reason() {
        let ds = Dataset::embedded().expect("dataset");
        let ind = ds.indicator("after-school-classrooms").expect("ind");
        let t = ta(&ds, "after-school-classrooms", EditionId::Fy2021Report);
        let f = achievement(ind, &t, Lang::En);
        assert_eq!(f.result, "— (the target is not a number)");
        let p = projection(ind, &t, Method::Cagr, Scenario::SinceBaseline, Lang::En);
        assert_eq!(p.len(), 1);
        assert!(p[0].expr.starts_with('—'));
    }

    #[test]
    fn covid_dip_and_recovery_of_railway_passengers() {
        let ds = Dataset::embedded().expect("dataset");
        let ind = ds.indicator("railway-passengers").expect("ind");
        let c = machi_kpi_core::analysis::covid_impact(ind, None, Scope::AllEditions);
        let f = covid(ind, &c, Lang::En);
        assert_eq!(f[0].result, "−26.8%");
        assert_eq!(f[1].result, "29.5%");
        assert_eq!(f[2].result, "2024");
    }
}
