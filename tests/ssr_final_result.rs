//! The Indicator page past a target's period (DESIGN.md §4 "Past the target year",
//! issue 10 item 5): with a hand-built later actual for 防犯灯設置数, the FY2024 target
//! shows its final result and no projections table, while the FY2027 target, still
//! ahead, keeps its projections. The embedded data has no such target yet, so the
//! dataset here is the embedded one with actuals added.

#![cfg(not(target_arch = "wasm32"))]

use std::rc::Rc;

use machi_kpi::context::DataContext;
use machi_kpi::pages::kpi::KpiPage;
use machi_kpi::routes::{LangState, Route};
use machi_kpi_core::{Dataset, Period, Role, Value};
use yew::prelude::*;
use yew::ServerRenderer;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

/// The embedded data with FY2022–FY2024 actuals of 防犯灯設置数 (17,900 is the FY2024
/// target; FY2024's 18,000 meets it).
fn dataset() -> Dataset {
    let mut ds = Dataset::embedded().expect("embedded dataset");
    let ind = ds
        .indicators
        .iter_mut()
        .find(|i| i.id == "security-lights")
        .expect("security-lights");
    let template = ind
        .observations
        .iter()
        .find(|o| o.role == Role::Actual)
        .expect("an actual")
        .clone();
    for (year, number) in [(2022, 16900.0), (2023, 17400.0), (2024, 18000.0)] {
        let mut o = template.clone();
        o.period = Period::fiscal(year);
        o.value = Value::Number { number };
        o.raw = format!("{number}");
        ind.observations.push(o);
    }
    ds
}

#[derive(Properties, PartialEq)]
struct AtProps {
    query: AttrValue,
}

#[component]
fn At(props: &AtProps) -> Html {
    let history = use_memo(props.query.clone(), |q| {
        let h = MemoryHistory::new();
        let path = Route::Kpi {
            id: "security-lights".into(),
        }
        .to_path();
        let pairs: Vec<(String, String)> = q
            .split('&')
            .filter_map(|kv| kv.split_once('='))
            .map(|(k, v)| (k.to_owned(), v.to_owned()))
            .collect();
        if h.replace_with_query(&path, pairs).is_err() {
            h.replace(&path);
        }
        AnyHistory::from(h)
    });
    let lang_state = LangState::from_queries(&props.query, "");
    let data = use_memo((), |_| DataContext(Rc::new(dataset())));
    html! {
        <Router history={(*history).clone()}>
            <ContextProvider<LangState> context={lang_state}>
                <ContextProvider<DataContext> context={(*data).clone()}>
                    <KpiPage id="security-lights" />
                </ContextProvider<DataContext>>
            </ContextProvider<LangState>>
        </Router>
    }
}

async fn render(query: &'static str) -> String {
    ServerRenderer::<At>::with_props(move || AtProps {
        query: query.into(),
    })
    .hydratable(false)
    .render()
    .await
}

/// The HTML of one target block, from its opening tag to the next block.
fn block<'a>(html: &'a str, key: &str) -> &'a str {
    let start = html
        .find(&format!("data-target=\"{key}\""))
        .unwrap_or_else(|| panic!("no block {key}"));
    let rest = &html[start..];
    let end = rest[1..]
        .find("data-target=\"")
        .map_or(rest.len(), |i| i + 1);
    &rest[..end]
}

#[tokio::test]
async fn a_target_whose_year_has_come_shows_its_final_result_not_a_projection() {
    let html = render("lang=en").await;
    let fy2024 = block(&html, "fy2024:all");
    assert!(fy2024.contains("data-figure=\"final\""), "{fy2024}");
    assert!(
        fy2024.contains("Target achieved: 18,000"),
        "final result sentence: {fy2024}"
    );
    assert!(fy2024.contains("104.5%"), "{fy2024}");
    assert!(fy2024.contains("first met in FY2024"), "{fy2024}");
    assert!(fy2024.contains("data-figure=\"no-projection\""));
    assert!(
        !fy2024.contains("Verdict under the selected method"),
        "a final result names no projection method: {fy2024}"
    );
    assert!(
        !fy2024.contains("class=\"data-table projections\""),
        "no projections table for a passed target"
    );
    let fy2027 = block(&html, "fy2027:all");
    assert!(!fy2027.contains("data-figure=\"final\""));
    assert!(fy2027.contains("class=\"data-table projections\""));
    assert!(fy2027.contains("Verdict under the selected method"));
}

#[tokio::test]
async fn the_final_result_reads_in_japanese_and_easy_japanese() {
    let ja = render("lang=ja").await;
    assert!(ja.contains("最終結果"));
    assert!(ja.contains("目標達成（令和6年度の実績"), "ja");
    // The readings of the furigana are taken out: the sentence is what is checked.
    let easy = render("lang=ja-easy").await;
    let easy = machi_kpi::i18n::furigana::without_readings(&easy);
    assert!(easy.contains("さいごの 結果"));
    assert!(easy.contains("目標に とどきました"));
}
