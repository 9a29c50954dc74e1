//! Server-side rendering tests: the app rendered to HTML natively with
//! `yew::ServerRenderer` over an in-memory history ([`machi_kpi::StaticApp`]).
//!
//! Effects do not run here, so charts are only their labelled containers;
//! what a reader gets without ECharts (figures, summaries, the table view) is
//! exactly what these tests see.

#![cfg(not(target_arch = "wasm32"))]

use machi_kpi::i18n::Lang;
use machi_kpi::{StaticApp, StaticAppProps};
use yew::ServerRenderer;

async fn render(path: &'static str, lang: Option<Lang>) -> String {
    ServerRenderer::<StaticApp>::with_props(move || StaticAppProps {
        path: path.into(),
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

/// The text of the element carrying `data-figure="<name>"`.
fn figure(html: &str, name: &str) -> String {
    let marker = format!("data-figure=\"{name}\"");
    let at = html.find(&marker).unwrap_or_else(|| panic!("no {marker}"));
    let rest = &html[at..];
    let start = rest.find('>').unwrap() + 1;
    let end = rest.find('<').unwrap();
    rest[start..end].trim().to_owned()
}

#[tokio::test]
async fn overview_shows_the_official_figures_in_japanese() {
    let html = render("/", None).await;
    for (name, value) in [
        ("total", "47"),
        ("on_track", "11"),
        ("mostly_on_track", "18"),
        ("delayed_covid", "12"),
        ("delayed", "6"),
    ] {
        assert_eq!(figure(&html, name), value, "{name}");
    }
    for share in ["23.4%", "38.3%", "25.5%", "12.8%"] {
        assert!(html.contains(share), "{share}");
    }
    assert!(html.contains("第２期伊勢崎市まち・ひと・しごと創生総合戦略"));
    assert!(html.contains("令和3年度〜令和9年度"));
    assert!(html.contains("夢ふくらみ 安心して暮らせる 元気都市 いせさき"));
    assert!(html.contains("進捗の遅れ (コロナ)"));
    assert!(html.contains("6つの基本目標"));
    assert_eq!(html.matches("class=\"goal-card\"").count(), 6);
    for id in ["1-1", "1-2", "2-1", "2-2", "3-1", "3-2"] {
        assert!(
            html.contains(&format!("href=\"#/goals/{id}\"")),
            "card link {id}"
        );
    }
}

#[tokio::test]
async fn every_chart_has_a_summary_a_switch_and_a_table_fallback() {
    let html = render("/", None).await;
    for id in ["status-donut", "status-by-goal"] {
        assert!(
            html.contains(&format!("id=\"{id}-chart\"")),
            "{id} chart container"
        );
        assert!(
            html.contains(&format!("id=\"{id}-summary\"")),
            "{id} summary"
        );
        assert!(
            html.contains(&format!("aria-controls=\"{id}-table\"")),
            "{id} switch"
        );
        assert!(html.contains(&format!("id=\"{id}-table\"")), "{id} table");
    }
    assert_eq!(
        html.matches("aria-pressed=\"true\"").count(),
        2,
        "chart view selected"
    );
    assert_eq!(html.matches("<caption>").count(), 2);
    assert!(html.contains("<caption>評価区分ごとの指標数（合計47指標）</caption>"));
    assert!(html.contains("<th scope=\"col\">評価区分</th>"));
    assert!(html.contains("<th scope=\"row\">順調に進捗</th>"));
    // A goal row carries the goal's name in both languages for the table's CSV.
    assert!(html.contains("data-names=\"goal_name\" data-ja=\"基本目標1-1 安定した雇用の創出\""));
    assert!(html.contains(">基本目標1-1 安定した雇用の創出</th>"));
    assert!(html.contains("47指標のうち、「順調に進捗」が11指標（23.4%）"));
    assert!(html.contains("遅れている18指標のうち12指標はコロナの影響"));
}

#[tokio::test]
async fn overview_in_english_and_plain_japanese() {
    let en = render("/", Some(Lang::En)).await;
    assert_eq!(figure(&en, "total"), "47");
    assert!(en.contains("FY2021–FY2027"));
    assert!(en.contains("Delayed (COVID-19)"));
    assert!(en.contains("Of 47 indicators, 11 (23.4%) “On track”"));
    assert!(
        en.contains("href=\"#/goals/1-1?lang=en\""),
        "links keep the language"
    );
    assert!(en.contains("Used under the Public Data License (Version 1.0) (PDL1.0)"));

    let easy = render("/", Some(Lang::JaEasy)).await;
    assert_eq!(figure(&easy, "delayed"), "6");
    assert!(easy.contains("href=\"#/goals/1-1?lang=ja-easy\""));
    assert!(easy.contains("aria-current=\"true\" lang=\"ja\""));
}

#[tokio::test]
async fn header_and_footer_attribute_the_source_and_licence() {
    let html = render("/", None).await;
    assert!(html.contains("出典：伊勢崎市『第2期総合戦略数値目標・重要業績評価指標(KPI)一覧』(令和3年度)、『第２期伊勢崎市まち・ひと・しごと創生総合戦略』(令和6年3月改訂)"));
    assert!(html.contains("公共データ利用規約"));
    assert!(html.contains("CC BY 4.0"));
    assert!(html.contains("aria-current=\"page\""));
    assert!(html.contains("href=\"#/?lang=en\""), "language switch");
}

#[tokio::test]
async fn embeds_have_no_chrome_and_unknown_pages_say_so() {
    // Every page of the design is built now (issue 4): no placeholder is left.
    let embed = render("/embed/overview", None).await;
    assert!(!embed.contains("site-header"), "embeds have no chrome");
    assert!(!embed.contains("このページは準備中です"));
    let missing = render("/no/such/page", None).await;
    assert!(missing.contains("ページが見つかりません"));
}

/// A chart whose bars open a page says where a tap leads before the tap (issue 13
/// item 4); a chart that opens nothing says nothing of the kind.
#[tokio::test]
async fn a_chart_that_opens_a_page_says_where_before_the_tap() {
    let html = render("/", Some(Lang::En)).await;
    let by_goal = &html[html.find("id=\"status-by-goal\"").unwrap()..];
    let by_goal = &by_goal[..by_goal.find("</section>").unwrap()];
    assert!(by_goal.contains("data-leads=\"goal\""), "{by_goal}");
    assert!(
        by_goal.contains("Tap or click a bar to open that basic goal&#x27;s page.")
            || by_goal.contains("Tap or click a bar to open that basic goal's page.")
    );
    let donut = &html[html.find("id=\"status-donut\"").unwrap()..];
    let donut = &donut[..donut.find("</section>").unwrap()];
    assert!(!donut.contains("click-hint"), "the donut opens nothing");
}
