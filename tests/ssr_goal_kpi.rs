//! Server-side rendering tests of the Basic goal, Indicator and About pages:
//! the pages rendered to HTML natively with `yew::ServerRenderer`, asserting
//! figures a bug would change (35.8% achievement of 防犯灯設置数, the FY2027
//! line projection 306 of 新規就農者数, …), the URL view state, the three
//! languages, and that data text never becomes markup.
//!
//! It also keeps `tests/e2e/fixtures/kpi_figures.json` honest: the browser
//! suite (`tests/e2e/pages_goal_kpi.test.mjs`) checks the Indicator page in
//! Chromium against that file, and [`e2e_fixture_is_the_cores_figures`]
//! rebuilds it from the core and fails if it differs
//! (`UPDATE_E2E_FIXTURES=1 cargo test --test ssr_goal_kpi` rewrites it).

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use machi_kpi::context::DataContext;
use machi_kpi::i18n::era::Era;
use machi_kpi::i18n::kpi_format as fmt;
use machi_kpi::i18n::readable as readable_text;
use machi_kpi::i18n::Lang;
use machi_kpi::pages::kpi::{target_key, KpiPage};
use machi_kpi::pages::view_state::{method_slug, scenario_slug};
use machi_kpi::routes::{LangState, Route};
use machi_kpi::{StaticApp, StaticAppProps};
use machi_kpi_core::analysis::readable::{
    achievement_headline, projection_headline, ProjectionHeadline,
};
use machi_kpi_core::analysis::{analyze, Method, Metric, Scenario};
use machi_kpi_core::Dataset;
use serde_json::{json, Map, Value};
use yew::prelude::*;
use yew::ServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

async fn render(path: &'static str, lang: Option<Lang>) -> String {
    ServerRenderer::<StaticApp>::with_props(move || StaticAppProps {
        path: path.into(),
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

#[derive(Properties, PartialEq)]
struct KpiAtProps {
    id: AttrValue,
    query: Vec<(String, String)>,
}

/// The Indicator page alone, at `#/kpi/<id>?<query>`, with the providers the
/// shell gives it.
#[component]
fn KpiAt(props: &KpiAtProps) -> Html {
    let history = use_memo((props.id.clone(), props.query.clone()), |(id, query)| {
        let h = MemoryHistory::new();
        let path = Route::Kpi { id: id.to_string() }.to_path();
        if h.replace_with_query(&path, query.clone()).is_err() {
            h.replace(&path);
        }
        AnyHistory::from(h)
    });
    let query: Vec<String> = props
        .query
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect();
    let lang_state = LangState::from_queries(&query.join("&"), "");
    let data = use_memo((), |_| {
        DataContext(Rc::new(Dataset::embedded().expect("embedded dataset")))
    });
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<LangState> context={lang_state}>
                <ContextProvider<DataContext> context={(*data).clone()}>
                    <KpiPage id={props.id.clone()} />
                </ContextProvider<DataContext>>
            </ContextProvider<LangState>>
        </Router>
    }
}

async fn render_kpi(id: &'static str, query: &[(&str, &str)]) -> String {
    let query: Vec<(String, String)> = query
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    ServerRenderer::<KpiAt>::with_props(move || KpiAtProps {
        id: id.into(),
        query,
    })
    .hydratable(false)
    .render()
    .await
}

/// Drops tags and decodes the entities Yew writes, leaving the text.
fn text_of(fragment: &str) -> String {
    let mut out = String::new();
    let mut in_tag = false;
    for c in fragment.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .trim()
        .to_owned()
}

/// The HTML after the first occurrence of each marker in turn.
fn after<'a>(html: &'a str, markers: &[&str]) -> &'a str {
    let mut rest = html;
    for m in markers {
        let at = rest
            .find(m)
            .unwrap_or_else(|| panic!("no {m} (after {markers:?})"));
        rest = &rest[at + m.len()..];
    }
    rest
}

/// The text of the element opened by the last marker, up to `end`.
fn cell(html: &str, markers: &[&str], end: &str) -> String {
    let rest = after(html, markers);
    let start = rest.find('>').map_or(0, |i| i + 1);
    let stop = rest.find(end).unwrap_or(rest.len());
    text_of(&rest[start..stop])
}

/// Whether the `<input>` with this id is checked.
fn checked(html: &str, id: &str) -> bool {
    let at = html
        .find(&format!("id=\"{id}\""))
        .unwrap_or_else(|| panic!("no #{id}"));
    let start = html[..at].rfind("<input").expect("input");
    let end = at + html[at..].find('>').expect("tag end");
    html[start..end].contains(" checked")
}

#[tokio::test]
async fn indicator_page_shows_the_cores_figures_for_security_lights() {
    let html = render("/kpi/security-lights", None).await;
    assert!(html.contains("<h1 id=\"page-title\">防犯灯設置数</h1>"));
    let block = ["data-target=\"fy2024:all\""];
    assert_eq!(
        cell(&html, &[block[0], "data-figure=\"achievement\""], "</dd>"),
        "35.8%"
    );
    assert!(cell(&html, &[block[0], "data-figure=\"expected\""], "</dd>").starts_with("40.0%"));
    assert_eq!(
        cell(
            &html,
            &[block[0], "data-figure=\"required-change\""],
            "</dd>"
        ),
        "+478.3基/年"
    );
    assert_eq!(
        cell(
            &html,
            &[block[0], "data-figure=\"observed-change\""],
            "</dd>"
        ),
        "+400.0基/年"
    );
    assert_eq!(
        cell(&html, &[block[0], "data-figure=\"pace-ratio\""], "</dd>"),
        "0.93（中程度）"
    );
    let proj = |key: &str, field: &str| {
        cell(
            &html,
            &[
                block[0],
                &format!("data-proj=\"{key}\""),
                &format!("data-field=\"{field}\""),
            ],
            "</td>",
        )
    };
    assert_eq!(proj("cagr:baseline", "value"), "17,742基");
    assert_eq!(proj("cagr:baseline", "ratio"), "92.9%");
    assert_eq!(proj("cagr:baseline", "outlook"), "→加速が必要");
    assert_eq!(proj("line:baseline", "value"), "17,669基");
    assert_eq!(proj("line:baseline", "year"), "令和7年度");
    assert_eq!(proj("line:recent", "value"), "17,632基");
    // The default (CAGR, since baseline) row is the selected one.
    assert!(after(&html, &[block[0], "data-proj=\"cagr:baseline\""])
        .starts_with(" aria-current=\"true\" class=\"selected\""));
    // Show the computation, exactly as the brief words it.
    assert!(html.contains("a = (v − b) / (T − b) = (16465 − 15665) / (17900 − 15665) = 35.8%"));
    assert!(html
        .contains("CAGR = (v / b)^(1 / (t_v − t_b)) − 1 = (16465 / 15665)^(1 / 2) − 1 = +2.52%"));
    // Official vs indicative, definition, department with English name, notes, source cells.
    assert!(html.contains("data-status=\"mostly_on_track\""));
    assert!(html.contains("市内の防犯灯設置数"));
    assert!(html.contains("安心安全課"));
    assert!(html.contains("ESCO事業について"));
    assert!(html.contains("<code class=\"data-text\">16,465基</code>"));
    assert!(
        html.contains("目標値 (令和6年度)"),
        "source column verbatim"
    );
    // One chart with its summary and switch.
    assert!(html.contains("id=\"kpi-chart-summary\""));
    assert!(html.contains("aria-controls=\"kpi-chart-table\""));
    // About the target in force (the revision's FY2027 one), as the first screen:
    // (16,465 − 15,665) / (19,100 − 15,665) = 23.3%.
    assert!(html.contains("令和元年度 15,665基から令和3年度 16,465基へ変化し、令和9年度の目標19,100基に対する達成率は23.3%"));
}

#[tokio::test]
async fn the_unit_is_the_one_the_figures_are_in_with_the_citys_beside_it() {
    // English says 万人 as millions of visits; the city's 10,000s stay said.
    let en = render("/kpi/annual-tourists", Some(Lang::En)).await;
    assert!(
        en.contains("million visits (the city&#x27;s unit: 10,000 visits, 万人)")
            || en.contains("million visits (the city's unit: 10,000 visits, 万人)"),
        "English unit"
    );
    // Japanese shows the city's own unit alone.
    let ja = render("/kpi/annual-tourists", Some(Lang::Ja)).await;
    assert!(!ja.contains("資料では"), "no second unit in Japanese");
}

#[tokio::test]
async fn new_farmers_fy2027_line_projection_is_306() {
    let html = render("/kpi/new-farmers", Some(Lang::En)).await;
    let b = "data-target=\"fy2027:all\"";
    let v = cell(
        &html,
        &[b, "data-proj=\"line:baseline\"", "data-field=\"value\""],
        "</td>",
    );
    assert_eq!(v, "306 people");
    let p = cell(
        &html,
        &[b, "data-proj=\"line:baseline\"", "data-field=\"ratio\""],
        "</td>",
    );
    assert_eq!(p, "209.6%");
    let y = cell(
        &html,
        &[b, "data-proj=\"line:baseline\"", "data-field=\"year\""],
        "</td>",
    );
    assert_eq!(y, "FY2023");
    // Cumulative: the line is the default method, so its row is selected.
    assert!(after(&html, &[b, "data-proj=\"line:baseline\""])
        .starts_with(" aria-current=\"true\" class=\"selected\""));
    assert!(html.contains("v̂_T = v̄ + m · (t_T − t̄) = 54.0 + 36.0 × (2027 − 2020) = 306"));
    // FY2024 target (70) already met (a = 146.9%, in the computation): said in words.
    let a = cell(
        &html,
        &["data-target=\"fy2024:all\"", "data-figure=\"achievement\""],
        "</dd>",
    );
    assert_eq!(a, "Target achieved");
    assert!(html.contains("= 146.9%"));
}

#[tokio::test]
async fn view_state_in_the_query_changes_the_figures_and_the_selection() {
    let html = render_kpi(
        "security-lights",
        &[
            ("method", "line"),
            ("scenario", "recent"),
            ("era", "gregorian"),
            ("lang", "en"),
        ],
    )
    .await;
    let b = "data-target=\"fy2024:all\"";
    assert!(after(&html, &[b, "data-proj=\"line:recent\""])
        .starts_with(" aria-current=\"true\" class=\"selected\""));
    let outlook = cell(&html, &[b, "data-figure=\"outlook\""], "</dd>");
    assert!(outlook.contains("Acceleration needed"), "{outlook}");
    assert!(html.contains("Target for FY2024"), "Gregorian era labels");
    assert!(!html.contains("(Reiwa "), "no era years in Gregorian mode");
    // The radios reflect the URL.
    for (id, on) in [
        ("method-line", true),
        ("method-cagr", false),
        ("scenario-recent", true),
        ("scenario-baseline", false),
        ("era-gregorian", true),
        ("era-wareki", false),
    ] {
        assert_eq!(checked(&html, id), on, "{id}");
    }
    // The computation follows the chosen method and scenario.
    assert!(html.contains("m = (v₂ − v₁) / (t₂ − t₁) = (16465 − 16076) / (2021 − 2020) = 389.0"));
    // Links keep era and language.
    assert!(html.contains("href=\"#/goals/3-2?era=gregorian&amp;lang=en\""));
}

#[tokio::test]
async fn two_series_pending_and_undefined_values() {
    let html = render("/kpi/healthy-life-expectancy", None).await;
    let men = "data-target=\"fy2024:male\"";
    let women = "data-target=\"fy2024:female\"";
    assert_eq!(
        cell(&html, &[men, "data-figure=\"achievement\""], "</dd>"),
        "6.4%"
    );
    assert_eq!(
        cell(&html, &[women, "data-figure=\"achievement\""], "</dd>"),
        "13.8%"
    );
    assert_eq!(
        cell(
            &html,
            &[men, "data-proj=\"cagr:baseline\"", "data-field=\"ratio\""],
            "</td>"
        ),
        "32.1%"
    );
    assert_eq!(
        cell(
            &html,
            &[women, "data-proj=\"cagr:baseline\"", "data-field=\"ratio\""],
            "</td>"
        ),
        "69.1%"
    );
    assert!(html.contains("令和4年10月公表予定"), "pending FY2021 value");
    // FY2027's target is to be set later: "—" with the reason, never NaN.
    let a27 = cell(
        &html,
        &["data-target=\"fy2027:male\"", "data-figure=\"achievement\""],
        "</dd>",
    );
    assert_eq!(a27, "—（目標値が数値ではありません）");
    assert!(!html.contains("NaN") && !html.contains("inf"));
}

#[tokio::test]
async fn notes_markup_is_text_and_data_is_never_html() {
    let html = render("/kpi/pupils-enjoying-english", None).await;
    // The <p> markup of the PDF export never reaches the page, as tags or as text.
    assert!(!html.contains("&lt;p&gt;"));
    assert!(!html.contains("<p>①"));
    assert!(html.contains("小学校「英語科」と中学校「英語科」"));
    // Maintain target and leap year: holiday clinic.
    let html = render("/kpi/holiday-night-clinic-days", Some(Lang::En)).await;
    let a = cell(
        &html,
        &["data-target=\"fy2027:all\"", "data-figure=\"achievement\""],
        "</dd>",
    );
    assert_eq!(a, "Target achieved");
    assert!(html.contains("Leap year (366 days)"));
    assert!(
        html.contains("T = b = 366: 100% if the value meets the target in its direction, else 0%")
    );
}

#[tokio::test]
async fn goal_page_lists_measures_cards_and_figures() {
    let html = render("/goals/1-1", None).await;
    assert!(html.contains("<h1 id=\"page-title\">安定した雇用の創出</h1>"));
    assert!(html.contains("基本的方向"));
    assert!(html.contains("人口を増加させるためには"));
    assert!(html.contains("主な取組"));
    assert!(html.contains("起業しやすい環境の整備"));
    // 1 numeric goal + 10 KPIs in 4 measures.
    assert_eq!(html.matches("class=\"kpi-card\"").count(), 11);
    assert_eq!(html.matches("class=\"measure\"").count(), 4);
    let card = "data-kpi=\"new-farmers\"";
    assert_eq!(
        cell(&html, &[card, "data-figure=\"latest\""], "</span>"),
        "93人"
    );
    assert_eq!(
        cell(
            &html,
            &[
                card,
                "data-target=\"fy2024:all\"",
                "data-figure=\"achievement\""
            ],
            "</strong>"
        ),
        "目標達成済み"
    );
    assert!(html.contains("href=\"#/kpi/new-farmers\""));
    assert!(html.contains("class=\"sparkline\""));
    assert!(html.contains("◎"), "status symbols beside the words");
    // Pending latest value shows the earlier value and the publication date.
    let m = "data-kpi=\"manufacturing-shipments\"";
    assert_eq!(
        cell(&html, &[m, "data-figure=\"latest\""], "</span>"),
        "11,789億円"
    );
    assert!(after(&html, &[m]).contains("令和4年9月公表予定"));
}

#[tokio::test]
async fn goal_2_1_has_both_numeric_goals_and_the_english_page_marks_japanese() {
    let html = render("/goals/2-1", Some(Lang::En)).await;
    assert!(html.contains("data-kpi=\"total-fertility-rate\""));
    assert!(html.contains("data-kpi=\"child-population\""));
    assert!(html.contains("Dropped as a numerical goal in the March 2024 revision."));
    assert!(html.contains("Replaces “\u{2068}Total fertility rate\u{2069}”."));
    assert!(html.contains("Shown in Japanese: the source has no English version."));
    assert!(html.contains("lang=\"ja\""));
    assert!(html.contains("href=\"#/kpi/births?lang=en\""));
    let easy = render("/goals/2-1", Some(Lang::JaEasy)).await;
    let easy = machi_kpi::i18n::furigana::without_readings(&easy);
    assert!(easy.contains("大きな 方向"));
    let missing = render("/goals/9-9", None).await;
    assert!(missing.contains("指定された基本目標は見つかりません。"));
}

#[tokio::test]
async fn about_page_computes_its_worked_examples() {
    let ds = Dataset::embedded().expect("dataset");
    let a = analyze(&ds);
    let html = render("/about", None).await;
    for must in [
        "公共データ利用規約（第1.0版）（PDL1.0）",
        "CC BY 4.0",
        // Each title in a bidi isolate (U+2068 … U+2069, issue 12).
        "伊勢崎市『\u{2068}第2期総合戦略数値目標・重要業績評価指標(KPI)一覧 (令和3年度)\u{2069}』『\u{2068}第２期伊勢崎市まち・ひと・しごと創生総合戦略 (令和6年3月一部改訂)\u{2069}』を加工して作成",
        "WCAG）2.1 のレベルAA",
        "国連統計部（UN Statistics Division）",
        "カナダ統計局（Statistics Canada）",
        "多摩市",
        "(16465 − 15665) / (17900 − 15665) = 35.8%",
        "e = (t_v − t_b) / (t_T − t_b) = (2021 − 2019) / (2024 − 2019) = 40.0%",
        "= 306",
        "δ = d · (v_2020 − v_pre) / |v_pre| = +1 × (357.1 − 488.1) / 488.1 = −26.8%",
        "R = d · CAGR_obs / |CAGR_req| = +1 × +2.52% / 2.70% = 0.93",
        "data-base-source=\"rebased\"",
        "data-base-source=\"earliest_actual\"",
        "令和元年度 / 令和3年度",
    ] {
        assert!(html.contains(must), "About lacks {must}");
    }
    // The outlook counts are the core's, not typed.
    let o = &a.summary.outlook_fy2024;
    let counts = cell(&html, &["data-figure=\"outlook-counts-fy2024\""], "</p>");
    assert!(
        counts.contains(&format!("目標達成済み {}", o.target_achieved)),
        "{counts}"
    );
    assert!(
        counts.contains(&format!("停滞・後退 {}", o.stagnation_or_regression)),
        "{counts}"
    );
    let g = &a.summary.agreement;
    assert!(cell(&html, &["data-figure=\"agreement\""], "</p>")
        .contains(&format!("{}指標のうち{}指標", g.compared, g.agree)));
    // Every transcription decision is listed.
    let n: usize = ds.indicators.iter().map(|i| i.decisions.len()).sum();
    assert_eq!(
        after(&html, &["class=\"data-table decisions-table\""])
            .matches("<td lang=\"en\">")
            .count(),
        n
    );
    let en = render("/about", Some(Lang::En)).await;
    assert!(en.contains("Created by editing Isesaki City"));
    assert!(en.contains("Web Content Accessibility Guidelines (WCAG) 2.1 at level AA"));
    let easy = render("/about", Some(Lang::JaEasy)).await;
    let easy = machi_kpi::i18n::furigana::without_readings(&easy);
    assert!(easy.contains("計算の しかた"));
}

/// The kind of a projection's headline, for the browser suite (which compares shown
/// numbers with the raw ones only where numbers are shown).
fn headline_kind(h: &ProjectionHeadline) -> &'static str {
    match h {
        ProjectionHeadline::NotMeaningful => "not_meaningful",
        ProjectionHeadline::Shown { .. } => "shown",
        ProjectionHeadline::FarPastTarget { .. } => "far_past_target",
        ProjectionHeadline::MovingAway { .. } => "moving_away",
    }
}

/// The five indicators the browser suite checks, one of each kind.
const E2E_INDICATORS: [&str; 5] = [
    "security-lights",
    "traffic-accidents",
    "holiday-night-clinic-days",
    "new-farmers",
    "healthy-life-expectancy",
];

/// The figures of the Indicator page, as the core computes them and as the
/// page must print them, for the browser suite.
fn e2e_fixture() -> Value {
    let ds = Dataset::embedded().expect("dataset");
    let analysis = analyze(&ds);
    let mut root = Map::new();
    for id in E2E_INDICATORS {
        let ind = ds.indicator(id).expect(id);
        let a = analysis.indicator(id).expect(id);
        let mut langs = Map::new();
        for lang in [Lang::Ja, Lang::En] {
            let mut targets = Map::new();
            for ta in a.fy2024.iter().chain(&a.fy2027) {
                let mut proj = Map::new();
                for m in [Method::Cagr, Method::Line] {
                    for s in [Scenario::SinceBaseline, Scenario::RecentPace] {
                        let key = format!("{}:{}", method_slug(m), scenario_slug(s));
                        let v = match ta.projection(m, s) {
                            Metric::Value(p) => json!({
                                // The readable-figures rules: words where a number
                                // would mislead (the raw numbers stay below).
                                "value": readable_text::projected_value_text(lang, ind, &projection_headline(ind, p.projected_value, p.projected_ratio)),
                                "ratio": readable_text::projected_ratio_text(lang, &projection_headline(ind, p.projected_value, p.projected_ratio)),
                                "headline": headline_kind(&projection_headline(ind, p.projected_value, p.projected_ratio)),
                                // Target achieved wins over the projection, as on the page.
                                "outlook": ta.outlook_for(m, s).value().map(|o| o.slug()),
                                "year": fmt::year_reached_text(lang, Era::default_for(lang), ta.target.value().map(|t| t.period.kind).unwrap_or(machi_kpi_core::PeriodKind::FiscalYear), p.year_reached),
                                "raw_value": p.projected_value,
                                "raw_ratio": p.projected_ratio,
                            }),
                            Metric::Unavailable(u) => {
                                json!({ "unavailable": fmt::unavailable_text(lang, *u) })
                            }
                        };
                        proj.insert(key, v);
                    }
                }
                targets.insert(
                    target_key(ta),
                    json!({
                        "achievement": readable_text::achievement_text(lang, ind, &achievement_headline(ta)),
                        "outlook": ta.outlook.value().map(|o| o.slug()),
                        "default_method": method_slug(ta.default_method),
                        "projections": proj,
                    }),
                );
            }
            langs.insert(lang.code().to_owned(), Value::Object(targets));
        }
        root.insert(id.to_owned(), Value::Object(langs));
    }
    json!({
        "_comment": "Generated from machi-kpi-core by tests/ssr_goal_kpi.rs (UPDATE_E2E_FIXTURES=1 cargo test --test ssr_goal_kpi). Do not edit.",
        "indicators": root,
    })
}

#[test]
fn e2e_fixture_is_the_cores_figures() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/e2e/fixtures/kpi_figures.json"
    );
    let want = serde_json::to_string_pretty(&e2e_fixture()).expect("json") + "\n";
    if std::env::var_os("UPDATE_E2E_FIXTURES").is_some() {
        std::fs::create_dir_all(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/e2e/fixtures"))
            .expect("mkdir");
        std::fs::write(path, &want).expect("write fixture");
    }
    let have = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        have == want,
        "{path} is stale: run UPDATE_E2E_FIXTURES=1 cargo test --test ssr_goal_kpi"
    );
}

#[tokio::test]
async fn the_page_prints_exactly_the_fixtures_figures() {
    let fixture = e2e_fixture();
    for id in E2E_INDICATORS {
        for lang in [Lang::Ja, Lang::En] {
            let path: &'static str = Box::leak(format!("/kpi/{id}").into_boxed_str());
            let html = render(path, Some(lang)).await;
            let targets = &fixture["indicators"][id][lang.code()];
            for (tkey, t) in targets.as_object().expect("targets") {
                let block = format!("data-target=\"{tkey}\"");
                let a = cell(&html, &[&block, "data-figure=\"achievement\""], "</dd>");
                assert_eq!(
                    a,
                    t["achievement"].as_str().unwrap_or_default(),
                    "{id} {tkey}"
                );
                for (pkey, p) in t["projections"].as_object().expect("proj") {
                    let row = format!("data-proj=\"{pkey}\"");
                    let get = |f: &str| {
                        cell(
                            &html,
                            &[&block, &row, &format!("data-field=\"{f}\"")],
                            "</td>",
                        )
                    };
                    match p.get("unavailable") {
                        Some(u) => assert_eq!(get("value"), u.as_str().unwrap_or_default()),
                        None => {
                            assert_eq!(
                                get("value"),
                                p["value"].as_str().unwrap_or_default(),
                                "{id} {tkey} {pkey}"
                            );
                            assert_eq!(
                                get("ratio"),
                                p["ratio"].as_str().unwrap_or_default(),
                                "{id} {tkey} {pkey}"
                            );
                            assert_eq!(
                                get("year"),
                                p["year"].as_str().unwrap_or_default(),
                                "{id} {tkey} {pkey}"
                            );
                            let rest = after(&html, &[&block, &row, "data-field=\"outlook\""]);
                            let outlook = &rest[..rest.find("</td>").unwrap_or(rest.len())];
                            assert!(
                                outlook.contains(&format!(
                                    "data-outlook=\"{}\"",
                                    p["outlook"].as_str().unwrap_or_default()
                                )),
                                "{id} {tkey} {pkey} outlook"
                            );
                        }
                    }
                }
            }
        }
    }
}

/// Department names: Japanese only in Japanese and やさしい日本語, English first with the
/// Japanese beside it in English (issue 13: no English in やさしい日本語).
#[tokio::test]
async fn department_names_follow_the_language() {
    let easy = render("/kpi/annual-tourists", Some(Lang::JaEasy)).await;
    assert!(easy.contains("文化観光課"), "the department is named");
    assert!(
        !easy.contains("Culture and Tourism Division"),
        "no English in やさしい日本語"
    );
    let ja = render("/kpi/annual-tourists", Some(Lang::Ja)).await;
    assert!(!ja.contains("Culture and Tourism Division"));
    let en = render("/kpi/annual-tourists", Some(Lang::En)).await;
    assert!(en.contains("Culture and Tourism Division"));
}
