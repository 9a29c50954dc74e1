//! Keeps `docs/methodology.md` equal to the code: the part between the
//! `BEGIN GENERATED` and `END GENERATED` markers is every method of DESIGN.md §4
//! with its worked example, rendered here from the embedded data by the same
//! functions the About page uses ([`worked_examples`], [`method_formulas`], the
//! catalogue's English text). The test fails when the file differs;
//! `UPDATE_METHODOLOGY=1 cargo test -p machi-kpi --test methodology_doc`
//! rewrites the generated part and leaves the hand-written parts alone.

#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use machi_kpi::i18n::era::{period_label, Era};
use machi_kpi::i18n::kpi_format as fmt;
use machi_kpi::i18n::pages_goal_kpi::{self as text, pt, PKey};
use machi_kpi::i18n::Lang;
use machi_kpi::pages::about::{method_formulas, worked_examples, Example, WorkedExamples};
use machi_kpi::pages::formulas::{self, Formula};
use machi_kpi_core::analysis::{analyze, indicator::thresholds, Analysis, Metric, Outlook, Scope};
use machi_kpi_core::{Caveat, Dataset, EditionId, Period};

const BEGIN: &str = "<!-- BEGIN GENERATED: worked examples (tests/methodology_doc.rs) -->";
const END: &str = "<!-- END GENERATED -->";
const LANG: Lang = Lang::En;
const ERA: Era = Era::Gregorian;

fn heading(e: Example<'_>) -> String {
    let detail = match e.ta.target.value() {
        Some(t) => {
            let mut d = text::target_heading(LANG, ERA, e.ta.edition, t.period);
            if let Some(s) = fmt::series_label(LANG, e.ind, e.ta.series.as_deref()) {
                d.push_str(" — ");
                d.push_str(s);
            }
            d
        }
        None => fmt::edition_name(LANG, e.ta.edition).to_owned(),
    };
    format!(
        "*Worked example:* {} ({}, `{}`) — {detail}\n\n",
        e.ind.name_ja, e.ind.name_en, e.ind.id
    )
}

fn list(out: &mut String, formulas: &[Formula]) {
    for f in formulas {
        let _ = writeln!(out, "- {}: `{}`", f.label, f.expr);
    }
    out.push('\n');
}

fn blocks(out: &mut String, w: &WorkedExamples<'_>, id: &str) {
    for (e, f) in method_formulas(w, id, LANG) {
        out.push_str(&heading(e));
        list(out, &f);
    }
}

fn target_period(ds: &Dataset, e: EditionId) -> Period {
    Period::fiscal(ds.edition(e).map_or(0, |x| x.target_fy))
}

fn section(out: &mut String, title: PKey, body: PKey) {
    let _ = write!(out, "### {}\n\n{}\n\n", pt(LANG, title), pt(LANG, body));
}

/// The generated part of docs/methodology.md.
fn generated(ds: &Dataset, a: &Analysis) -> String {
    let w = worked_examples(ds, a);
    let mut out = String::new();
    section(&mut out, PKey::MAchievementTitle, PKey::MAchievementBody);
    blocks(&mut out, &w, "achievement");
    section(&mut out, PKey::MExpectedTitle, PKey::MExpectedBody);
    blocks(&mut out, &w, "expected");
    if let Some(e) = w.increasing {
        if let (Metric::Value(x), Metric::Value(ex)) = (&e.ta.achievement, &e.ta.expected_progress)
        {
            let _ = writeln!(out, "{}\n", text::schedule_text(LANG, *x, *ex));
        }
    }
    section(&mut out, PKey::MBaseTitle, PKey::MBaseBody);
    for e in [w.rebased, w.earliest].into_iter().flatten() {
        out.push_str(&heading(e));
        if let Metric::Value(b) = &e.ta.base {
            let _ = writeln!(
                out,
                "- `b = {}` ({}) — {}\n",
                fmt::value_text(LANG, e.ind, b.point.value),
                period_label(LANG, ERA, b.point.period),
                fmt::base_source_text(LANG, b.source)
            );
        }
    }
    if let Some(i) = w.repeated {
        if let Some(o) = i
            .observations
            .iter()
            .find(|o| o.caveats.contains(&Caveat::RepeatsPeriod))
        {
            let pts = machi_kpi_core::analysis::indicator::actual_points(
                i,
                o.series.as_deref(),
                Scope::Edition(o.edition),
            );
            let periods: Vec<String> = pts
                .iter()
                .map(|p| period_label(LANG, ERA, p.period))
                .collect();
            let _ = write!(
                out,
                "*Worked example:* {} ({}, `{}`)\n\n- {}: `{}` — {}\n- {}: {}\n\n",
                i.name_ja,
                i.name_en,
                i.id,
                o.column_ja,
                o.raw,
                fmt::caveat_text(LANG, &Caveat::RepeatsPeriod),
                pt(LANG, PKey::CountedPeriods),
                periods.join(" / ")
            );
        }
    }
    section(&mut out, PKey::MCagrTitle, PKey::MCagrBody);
    blocks(&mut out, &w, "cagr");
    section(&mut out, PKey::MLineTitle, PKey::MLineBody);
    blocks(&mut out, &w, "line");
    section(&mut out, PKey::MScenarioTitle, PKey::MScenarioBody);
    blocks(&mut out, &w, "scenarios");
    section(&mut out, PKey::MOutlookTitle, PKey::MOutlookBody);
    let s = &a.summary;
    for (edition, counts) in [
        (EditionId::Fy2021Report, &s.outlook_fy2024),
        (EditionId::Revision2024, &s.outlook_fy2027),
    ] {
        let c: Vec<(Outlook, usize)> = Outlook::ALL.iter().map(|&x| (x, counts.get(x))).collect();
        let label = period_label(LANG, ERA, target_period(ds, edition));
        let _ = writeln!(
            out,
            "- {}",
            text::outlook_counts_sentence(LANG, &label, &c, counts.unavailable)
        );
    }
    out.push('\n');
    section(&mut out, PKey::MPaceTitle, PKey::MPaceBody);
    blocks(&mut out, &w, "pace");
    section(&mut out, PKey::MCovidTitle, PKey::MCovidBody);
    if let Some((i, c)) = w.covid {
        let _ = write!(
            out,
            "*Worked example:* {} ({}, `{}`)\n\n",
            i.name_ja, i.name_en, i.id
        );
        list(&mut out, &formulas::covid(i, c, LANG));
    }
    section(&mut out, PKey::MIndicativeTitle, PKey::MIndicativeBody);
    blocks(&mut out, &w, "indicative");
    if let Some((_, x)) = w.indicative {
        let indicative = match &x.indicative_status {
            Metric::Value(v) => fmt::indicative_name(LANG, *v).to_owned(),
            Metric::Unavailable(u) => fmt::unavailable_text(LANG, *u),
        };
        let official = x
            .official_status
            .map_or(fmt::DASH, |o| fmt::status_name(LANG, o));
        let _ = write!(
            out,
            "- {}: {indicative} · {}: {official}\n- {}\n\n",
            pt(LANG, PKey::IndicativeStatusLabel),
            pt(LANG, PKey::OfficialStatusLabel),
            text::agreement_sentence(LANG, s.agreement.agree, s.agreement.compared)
        );
    }
    section(&mut out, PKey::MSeriesTitle, PKey::MSeriesBody);
    if let Some((i, x)) = w.series {
        let _ = write!(
            out,
            "*Worked example:* {} ({}, `{}`)\n\n",
            i.name_ja, i.name_en, i.id
        );
        let outlook = |m: &Metric<Outlook>| match m {
            Metric::Value(o) => fmt::outlook_name(LANG, *o).to_owned(),
            Metric::Unavailable(u) => fmt::unavailable_text(LANG, *u),
        };
        for t in &x.fy2024 {
            let _ = writeln!(
                out,
                "- {}: {} {} · {}",
                fmt::series_label(LANG, i, t.series.as_deref()).unwrap_or_default(),
                pt(LANG, PKey::AchievementLabel),
                t.achievement
                    .value()
                    .map(|v| fmt::percent(*v, 1))
                    .unwrap_or_default(),
                outlook(&t.outlook)
            );
        }
        let _ = writeln!(
            out,
            "- **{}**: {}\n",
            pt(LANG, PKey::OutlookLabel),
            outlook(&x.outlook_fy2024)
        );
    }
    section(&mut out, PKey::MUndefinedTitle, PKey::MUndefinedBody);
    blocks(&mut out, &w, "undefined");
    // Past the target year: no target of the embedded data has reached its period yet.
    let finals = a
        .indicators
        .iter()
        .flat_map(|x| x.fy2024.iter().chain(&x.fy2027))
        .filter(|t| t.final_result.is_some())
        .count();
    let _ = write!(
        out,
        "### Past the target year\n\nTargets of the embedded data whose period has come \
         (an actual for the target's period or later): {finals}. \
         `crates/core/tests/worked_examples.rs` (`final_result_at_the_target_year`, \
         `final_result_after_the_target_year`) and `tests/ssr_final_result.rs` show the \
         rule on hand-built later actuals.\n\n"
    );
    // The thresholds, as the code has them.
    let _ = write!(
        out,
        "### Thresholds (`crates/core/src/analysis/indicator/thresholds.rs`)\n\n\
         | name | value | source |\n| --- | --- | --- |\n\
         | on course | p ≥ {} | UN Statistics Division, SDG Progress Chart |\n\
         | acceleration needed | p ≥ {} | UN Statistics Division, SDG Progress Chart |\n\
         | pace: substantial / moderate / limited | R ≥ {} / {} / {} | Statistics Canada, Open SDG |\n\
         | COVID-affected (computed) | δ ≤ {} | DESIGN.md §4 |\n\
         | mostly on track | a ≥ {}·e | Tama City's pro-rated rule |\n\
         | first COVID year / recovery year | {} / {} | DESIGN.md §4 (to become data: issue 10 item 1) |\n\n",
        thresholds::ON_COURSE_MIN_RATIO,
        thresholds::ACCELERATION_MIN_RATIO,
        thresholds::PACE_SUBSTANTIAL_MIN,
        thresholds::PACE_MODERATE_MIN,
        thresholds::PACE_LIMITED_MIN,
        thresholds::COVID_AFFECTED_MAX_DIP,
        thresholds::MOSTLY_ON_TRACK_SHARE_OF_E,
        thresholds::COVID_FIRST_YEAR,
        thresholds::COVID_RECOVERY_YEAR,
    );
    readable_examples(&mut out, ds, a);
    out
}

/// "Readable figures": the rules' constants and every case of the embedded data they
/// change, with what the page shows instead (in English, as the rest of this file).
fn readable_examples(out: &mut String, ds: &Dataset, a: &Analysis) {
    use machi_kpi::i18n::readable as rtext;
    use machi_kpi_core::analysis::readable::{self as r, AchievementHeadline, PossibleRange};
    use machi_kpi_core::analysis::{Method, Scenario};
    let _ = write!(
        out,
        "### Readable figures: examples from the embedded data\n\n\
         Headline percentages are shown within [{}%, {}%] \
         (`crates/core/src/analysis/readable.rs`). Share units: {}. Count units (≥ 0): {}.\n\n",
        fmt::number(r::READABLE_PERCENT_MIN * 100.0, 0),
        fmt::number(r::READABLE_PERCENT_MAX * 100.0, 0),
        r::SHARE_UNITS
            .iter()
            .map(|u| format!("`{u}`"))
            .collect::<Vec<_>>()
            .join(", "),
        r::NON_NEGATIVE_UNITS
            .iter()
            .map(|u| format!("`{u}`"))
            .collect::<Vec<_>>()
            .join(", "),
    );
    let _ = writeln!(
        out,
        "Achievement rates the page no longer shows as a headline (the exact rate stays in \
         \"show the computation\"):\n\n| indicator | target | a | shown instead |\n| --- | --- | --- | --- |"
    );
    for (ind, x) in ds.indicators.iter().zip(&a.indicators) {
        for t in x.fy2024.iter().chain(&x.fy2027) {
            let h = r::achievement_headline(t);
            let (Metric::Value(rate), Some(tp)) = (&t.achievement, t.target.value()) else {
                continue;
            };
            if matches!(h, AchievementHeadline::Percent(_)) || r::is_readable_percent(*rate) {
                continue;
            }
            let series = fmt::series_label(LANG, ind, t.series.as_deref())
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let _ = writeln!(
                out,
                "| {} `{}`{series} | {} | {} | {} |",
                ind.name_ja,
                ind.id,
                period_label(LANG, ERA, tp.period),
                fmt::percent(*rate, 1),
                rtext::achievement_text(LANG, ind, &h)
            );
        }
    }
    let _ = writeln!(
        out,
        "\nProjections outside the quantity's possible range, marked \"{}\" instead of printed:\n\n\
         | indicator | target | method · scenario | v̂_T |\n| --- | --- | --- | --- |",
        rtext::not_meaningful(LANG)
    );
    let mut words = 0;
    for (ind, x) in ds.indicators.iter().zip(&a.indicators) {
        let range = PossibleRange::of(ind);
        for t in x.fy2024.iter().chain(&x.fy2027) {
            for m in [Method::Cagr, Method::Line] {
                for sc in [Scenario::SinceBaseline, Scenario::RecentPace] {
                    let Metric::Value(p) = t.projection(m, sc) else {
                        continue;
                    };
                    if range.contains(p.projected_value) {
                        words += usize::from(!r::is_readable_percent(p.projected_ratio));
                        continue;
                    }
                    let _ = writeln!(
                        out,
                        "| {} `{}` | {} | {} · {} | {} |",
                        ind.name_ja,
                        ind.id,
                        t.target
                            .value()
                            .map(|tp| period_label(LANG, ERA, tp.period))
                            .unwrap_or_default(),
                        fmt::method_name(LANG, m),
                        fmt::scenario_name(LANG, sc),
                        fmt::value_text(LANG, ind, p.projected_value)
                    );
                }
            }
        }
    }
    let d = r::data_as_of(ds);
    let _ = write!(
        out,
        "\nProjected ratios p within the possible range but outside the readable range, \
         said in words (\"far beyond the target\", \"moving away from the target\"): {words}.\n\n\
         Data as of (every page): \"{}\" — {} of {} indicators have their latest actual in \
         that period.\n\n",
        rtext::data_as_of_text(LANG, ERA, &d),
        d.usual_latest_actual.map_or(0, |(_, n)| n),
        d.indicators_with_actuals,
    );
}

#[test]
fn methodology_doc_is_the_codes_worked_examples() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/methodology.md");
    let ds = Dataset::embedded().expect("dataset");
    let a = analyze(&ds);
    let body = generated(&ds, &a);
    let have = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    let (Some(b), Some(e)) = (have.find(BEGIN), have.find(END)) else {
        panic!("{path} lacks the {BEGIN} … {END} markers");
    };
    let want = format!("{}{BEGIN}\n\n{body}{}", &have[..b], &have[e..]);
    if std::env::var_os("UPDATE_METHODOLOGY").is_some() && want != have {
        std::fs::write(path, &want).expect("write docs/methodology.md");
        return;
    }
    assert!(
        want == have,
        "{path} is stale: run UPDATE_METHODOLOGY=1 cargo test -p machi-kpi --test methodology_doc"
    );
}

/// The doc and the About page show the same examples: every worked example's indicator
/// is named on the rendered About page.
#[tokio::test]
async fn the_about_page_shows_the_same_examples() {
    use machi_kpi::{StaticApp, StaticAppProps};
    let html = yew::ServerRenderer::<StaticApp>::with_props(|| StaticAppProps {
        path: "/about".into(),
        lang: Some(Lang::En),
    })
    .hydratable(false)
    .render()
    .await;
    let ds = Dataset::embedded().expect("dataset");
    let a = analyze(&ds);
    let w = worked_examples(&ds, &a);
    for id in [
        "achievement",
        "expected",
        "cagr",
        "line",
        "scenarios",
        "pace",
        "indicative",
        "undefined",
    ] {
        let examples = method_formulas(&w, id, LANG);
        assert!(!examples.is_empty(), "{id}: no worked example");
        let section = &html[html
            .find(&format!("data-method=\"{id}\""))
            .unwrap_or_else(|| panic!("no {id} section"))..];
        let section = &section[..section[1..]
            .find("data-method=")
            .map_or(section.len(), |i| i + 1)];
        for (e, list) in examples {
            assert!(section.contains(&e.ind.name_en), "{id}: {}", e.ind.id);
            for f in list {
                let expr = f
                    .expr
                    .replace('&', "&amp;")
                    .replace('<', "&lt;")
                    .replace('>', "&gt;");
                assert!(section.contains(&expr), "{id}: {} not on the page", f.expr);
            }
        }
    }
}
