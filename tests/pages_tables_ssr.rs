//! Server-side rendering tests of the Delays, Projections, Revisions and Data
//! pages (issue 4): each page is rendered natively to HTML, at a given URL
//! query and language, and the figures that a bug would change are checked
//! in the markup. Effects (charts) do not run here; tables and counts do.

use std::rc::Rc;

use machi_kpi::context::DataContext;
use machi_kpi::i18n::Lang;
use machi_kpi::pages::tables::{
    data::Data, delays::Delays, projections::Projections, revisions::Revisions,
};
use machi_kpi::routes::LangState;
use machi_kpi_core::Dataset;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;
use yew_router::query::Raw;

#[derive(Clone, Copy, PartialEq)]
enum Page {
    Delays,
    Projections,
    Revisions,
    Data,
}

#[derive(Properties, PartialEq)]
struct HarnessProps {
    page: Page,
    query: AttrValue,
    lang: Lang,
}

#[component]
fn Harness(props: &HarnessProps) -> Html {
    let path = match props.page {
        Page::Delays => "/delays",
        Page::Projections => "/projections",
        Page::Revisions => "/revisions",
        Page::Data => "/data",
    };
    let history = use_memo((path, props.query.clone()), |(path, query)| {
        let h = MemoryHistory::new();
        let with_query =
            !query.is_empty() && h.replace_with_query(*path, Raw(query.as_str())).is_ok();
        if !with_query {
            h.replace(*path);
        }
        AnyHistory::from(h)
    });
    let data = use_memo((), |_| {
        DataContext(Rc::new(Dataset::embedded().expect("embedded dataset")))
    });
    let lang = LangState {
        lang: props.lang,
        page_lang: None,
    };
    let page = match props.page {
        Page::Delays => html! { <Delays /> },
        Page::Projections => html! { <Projections /> },
        Page::Revisions => html! { <Revisions /> },
        Page::Data => html! { <Data /> },
    };
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<LangState> context={lang}>
                <ContextProvider<DataContext> context={(*data).clone()}>
                    { page }
                </ContextProvider<DataContext>>
            </ContextProvider<LangState>>
        </Router>
    }
}

async fn render(page: Page, query: &str, lang: Lang) -> String {
    let query = query.to_owned();
    yew::ServerRenderer::<Harness>::with_props(move || HarnessProps {
        page,
        query: query.into(),
        lang,
    })
    .hydratable(false)
    .render()
    .await
}

/// The text of the element carrying `data-figure="name"`.
fn figure(html: &str, name: &str) -> String {
    let marker = format!("data-figure=\"{name}\"");
    let start = html
        .find(&marker)
        .unwrap_or_else(|| panic!("no figure {name}"));
    let rest = &html[start..];
    let open = rest.find('>').expect("tag end") + 1;
    let close = rest[open..].find('<').expect("text end");
    rest[open..open + close].trim().to_owned()
}

fn count(html: &str, needle: &str) -> usize {
    html.matches(needle).count()
}

#[tokio::test]
async fn delays_shows_twelve_covid_and_six_other_delays_and_the_agreement() {
    for lang in Lang::ALL {
        let html = render(Page::Delays, "", lang).await;
        assert_eq!(figure(&html, "delayed"), "18", "{lang}");
        assert_eq!(figure(&html, "delayed_covid"), "12", "{lang}");
        assert_eq!(figure(&html, "delayed_other"), "6", "{lang}");
        assert_eq!(figure(&html, "status_agree"), "23", "{lang}");
        assert_eq!(figure(&html, "status_agree_of"), "/ 46", "{lang}");
        assert_eq!(figure(&html, "covid_agree"), "15", "{lang}");
        assert_eq!(figure(&html, "covid_agree_of"), "/ 18", "{lang}");
        // 46 − 23 statuses differ (and the 3 COVID attributions that differ
        // are among them): 23 rows are marked, neutrally, as differing.
        assert_eq!(
            count(&html, "class=\"differs\""),
            23,
            "{lang}: differing rows"
        );
    }
    let ja = render(Page::Delays, "", Lang::Ja).await;
    assert!(ja.contains("46指標中23指標"), "agreement sentence");
    assert!(ja.contains("遅れている18指標のうち12指標がコロナの影響、6指標がその他の理由"));
    let en = render(Page::Delays, "", Lang::En).await;
    assert!(en.contains("23 of 46"));
    assert!(en.contains(
        "Of the 18 delayed indicators, 12 are delayed by COVID-19 and 6 for other reasons"
    ));
}

#[tokio::test]
async fn delays_differences_only_keeps_the_rows_that_differ() {
    let html = render(Page::Delays, "diff=1", Lang::En).await;
    let table = &html[html
        .find("id=\"comparison-table\"")
        .expect("comparison table")..];
    assert_eq!(count(table, "<tr "), 23, "23 body rows");
    assert_eq!(count(table, "class=\"differs\""), 23);
    assert!(html.contains("Showing 23 of 47 indicators."));
    let all = render(Page::Delays, "", Lang::En).await;
    assert!(all.contains("Showing all 47 indicators."));
}

#[tokio::test]
async fn projections_count_outlooks_and_follow_scenario_and_filters() {
    let html = render(Page::Projections, "", Lang::Ja).await;
    // Counted as the Overview's headline: of the indicators with a projection.
    assert!(html.contains("見込みを計算できる指標のうち、令和6年度目標は46指標中15指標、令和9年度目標は43指標中17指標が達成済みまたは達成見込みです。（見込みを計算できない指標：令和6年度目標 1、令和9年度目標 5）"), "{}", &html[html.find("見込みを計算").unwrap_or(0)..][..600.min(html.len())]);
    assert!(html.contains("全50指標を表示しています。"));
    // Every indicator has a row, with the official status beside it.
    assert_eq!(count(&html, "<tr data-id="), 50);
    // The worked example: 防犯灯設置数 92.9% (CAGR since baseline) → acceleration needed.
    let row = &html[html.find("data-id=\"security-lights\"").expect("row")..];
    let row = &row[..row.find("</tr>").expect("row end")];
    assert!(row.contains("92.9%"), "{row}");
    assert!(row.contains("加速が必要"), "{row}");

    let recent = render(Page::Projections, "scenario=recent&method=line", Lang::Ja).await;
    let row = &recent[recent.find("data-id=\"security-lights\"").expect("row")..];
    let row = &row[..row.find("</tr>").expect("row end")];
    // Line, recent pace: 16465 + 3·389 = 17632 → p = 1967 / 2235 = 88.0%.
    assert!(row.contains("88.0%"), "{row}");

    let filtered = render(Page::Projections, "goal=1-2&status=delayed_covid", Lang::En).await;
    assert!(filtered.contains("Showing 4 of 50 indicators."));
    assert_eq!(count(&filtered, "<tr data-id="), 4);
    let on_course = render(Page::Projections, "fy2024=on_course", Lang::En).await;
    assert!(on_course.contains("Showing 5 of 50 indicators."));
    // Sort headers are buttons with aria-sort.
    assert!(html.contains("aria-sort=\"ascending\""));
    assert!(count(&html, "<button type=\"button\" class=\"sort\"") >= 5);
}

#[tokio::test]
async fn revisions_list_three_added_two_dropped_and_the_changed_baseline() {
    let html = render(Page::Revisions, "", Lang::Ja).await;
    assert_eq!(figure(&html, "added"), "3");
    assert_eq!(figure(&html, "dropped"), "2");
    assert_eq!(figure(&html, "kept"), "45");
    assert_eq!(figure(&html, "baselines"), "1");
    for name in [
        "年少人口",
        "３歳児健康診査受診率",
        "災害図上訓練年間実施回数",
        "合計特殊出生率",
        "出生数",
    ] {
        assert!(html.contains(name), "{name}");
    }
    let vacant = &html[html
        .find("id=\"baselines-table\"")
        .expect("baselines table")..];
    assert!(vacant.contains("危険空き家除却件数"));
    assert!(
        vacant.contains("30件") && vacant.contains("49件"),
        "30件 (H30年度) → 49件"
    );
    // The name sits in a bidi isolate (U+2068 … U+2069, issue 12).
    assert!(html.contains("「\u{2068}合計特殊出生率\u{2069}」に代わる指標"));
    let lowered = render(Page::Revisions, "change=lowered", Lang::En).await;
    let n = figure(&lowered, "lowered");
    assert!(lowered.contains(&format!("Showing {n} of 47 targets.")));
    assert_eq!(
        count(&lowered, "data-change=\"lowered\""),
        n.parse::<usize>().expect("number")
    );
    assert_eq!(count(&lowered, "data-change=\"raised\""), 0);
}

#[tokio::test]
async fn data_shows_raw_cells_filters_and_downloads() {
    let html = render(Page::Data, "", Lang::Ja).await;
    assert_eq!(count(&html, "<tr data-id="), 50);
    // Source cells verbatim, including a cell in 億円 with its own year.
    assert!(html.contains("11,942億円 (平成30年)"));
    assert!(html.contains("男性77.41歳 女性79.89歳"));
    for file in [
        "machi-kpi-indicators.csv",
        "machi-kpi-observations.csv",
        "machi-kpi-dataset.json",
    ] {
        assert!(html.contains(file), "{file}");
    }
    let filtered = render(
        Page::Data,
        "dept=%E6%96%87%E5%8C%96%E8%A6%B3%E5%85%89%E8%AA%B2",
        Lang::En,
    )
    .await;
    assert!(filtered.contains("Showing 3 of 50 indicators."));
    let q = render(Page::Data, "q=%EF%BC%93%E6%AD%B3", Lang::Ja).await;
    assert!(
        q.contains("50指標中1指標を表示しています。"),
        "full-width ３歳 finds ３歳児健康診査受診率"
    );
    // Every filter has a label; the scroll region is focusable and named.
    for id in ["data-goal", "data-status", "data-dept", "data-q"] {
        assert!(html.contains(&format!("for=\"{id}\"")), "{id}");
    }
    assert!(html.contains("role=\"region\" tabindex=\"0\" aria-labelledby=\"data-table-caption\""));
    assert!(html.contains("aria-live=\"polite\""));
}

#[tokio::test]
async fn data_text_is_rendered_as_text() {
    // Indicator names and cells come from data: markup in them must be escaped.
    let html = render(Page::Data, "", Lang::Ja).await;
    assert!(!html.contains("<script"), "no script from data");
}

#[tokio::test]
async fn the_app_routes_to_the_four_pages() {
    for (path, class, h1) in [
        ("/delays", "page-delays", "遅れの分析"),
        ("/projections", "page-projections", "達成見通し"),
        ("/revisions", "page-revisions", "改訂内容"),
        ("/data", "page-data", "データ"),
    ] {
        let path = path.to_owned();
        let html = yew::ServerRenderer::<machi_kpi::StaticApp>::with_props(move || {
            machi_kpi::StaticAppProps {
                path: path.into(),
                lang: None,
            }
        })
        .hydratable(false)
        .render()
        .await;
        assert!(html.contains(class), "{class}");
        assert!(html.contains(&format!("<h1>{h1}</h1>")), "{h1}");
        assert!(
            !html.contains("このページは準備中です"),
            "{class} is no placeholder"
        );
    }
}
