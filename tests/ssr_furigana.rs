//! やさしい日本語 has furigana (issue 13 item 5): every page is rendered natively
//! in やさしい日本語 and every kanji of its interface text must carry a reading.
//!
//! `furigana::rubify` reports each text node it leaves with a bare kanji while an
//! audit runs (data text isolated in a sentence, or inside an element marked as
//! data, is not looked at). A bare node is allowed only when it is, whole, one of
//! the dataset's strings (a name or a note shown as published). Anything else is
//! interface text without its readings in `furigana::WORDS`.

#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, HashSet};

use machi_kpi::i18n::{furigana, Lang};
use machi_kpi::{StaticApp, StaticAppProps};
use machi_kpi_core::Dataset;
use yew::LocalServerRenderer;

async fn render(path: String) -> String {
    LocalServerRenderer::<StaticApp>::with_props(StaticAppProps {
        path: path.into(),
        lang: Some(Lang::JaEasy),
    })
    .hydratable(false)
    .render()
    .await
}

/// Every page of the app: the fixed ones, each basic goal and each indicator.
fn every_page(ds: &Dataset) -> Vec<String> {
    let mut pages: Vec<String> = [
        "/",
        "/delays",
        "/projections",
        "/revisions",
        "/data",
        "/about",
        "/no-such-page",
    ]
    .map(String::from)
    .to_vec();
    pages.extend(ds.strategy.goals.iter().map(|g| format!("/goals/{}", g.id)));
    pages.extend(ds.indicators.iter().map(|i| format!("/kpi/{}", i.id)));
    pages
}

/// Every string of the dataset (a text node that is one of them is data text).
fn data_strings(value: &serde_json::Value) -> HashSet<String> {
    let mut out = HashSet::new();
    let mut stack = vec![value];
    while let Some(v) = stack.pop() {
        match v {
            serde_json::Value::String(s) => {
                out.insert(s.trim().to_owned());
            }
            serde_json::Value::Array(a) => stack.extend(a),
            serde_json::Value::Object(o) => stack.extend(o.values()),
            _ => {}
        }
    }
    out
}

#[tokio::test]
async fn every_kanji_of_the_plain_japanese_interface_has_its_reading() {
    let ds = Dataset::embedded().unwrap();
    let data_text = data_strings(&serde_json::to_value(&ds).unwrap());
    let mut long_data: Vec<&String> = data_text
        .iter()
        .filter(|s| s.chars().count() >= 4 && s.chars().any(furigana::is_kanji))
        .collect();
    long_data.sort_by_key(|s| std::cmp::Reverse(s.len()));
    let mut bare: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for path in every_page(&ds) {
        furigana::start_audit();
        let html = render(path.clone()).await;
        let phrases = furigana::take_audit();
        assert!(html.contains("<ruby>"), "{path}: no furigana at all");
        for node in phrases {
            if data_text.contains(node.text.trim()) {
                continue;
            }
            // A name or title of the data inside an interface text ("1-1-1 " and a
            // measure's title): the data part is not looked at.
            let mut rest = node.text.clone();
            for d in &long_data {
                if rest.contains(d.as_str()) {
                    rest = rest.replace(d.as_str(), " ");
                }
            }
            for phrase in furigana::bare_phrases(&rest) {
                bare.entry(phrase)
                    .or_default()
                    .push(format!("{path} in {:?}", node.text));
            }
        }
    }
    let report: Vec<String> = bare
        .iter()
        .map(|(phrase, pages)| format!("{phrase}\t{} page(s), e.g. {}", pages.len(), pages[0]))
        .collect();
    assert!(
        bare.is_empty(),
        "{} interface phrase(s) with kanji and no reading (add them to furigana::WORDS):\n{}",
        bare.len(),
        report.join("\n")
    );
}

/// Components whose view holds no interface text of their own, with the reason.
const NO_TEXT_OF_THEIR_OWN: &[(&str, &str)] = &[
    ("App", "the router around Shell"),
    ("StaticApp", "the router around Shell, for SSR"),
    ("DocumentTitle", "renders nothing: it sets document.title"),
    ("AnalysisProvider", "a context provider around its children"),
    (
        "DataProvider",
        "a context provider; its error page is the Provider's",
    ),
    ("Provider", "a context provider around its children"),
    (
        "EChart",
        "a chart canvas: ECharts draws its text, which cannot hold ruby",
    ),
    ("Overview", "hands the page to OverviewBody"),
    ("KpiPage", "hands the page to KpiBody"),
    ("Delays", "hands the page to DelaysBody"),
    ("Projections", "hands the page to ProjectionsBody"),
    ("Revisions", "hands the page to RevisionsBody"),
    ("Data", "hands the page to DataBody"),
];

/// The walk cannot enter a child component, so each component passes its own view
/// through `furigana::rubify`: a component that does not is invisible to the test
/// above, hence this check of the sources.
#[test]
fn every_component_passes_its_view_through_the_furigana() {
    let mut missing = Vec::new();
    let mut files = vec![std::path::PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/src"
    ))];
    while let Some(path) = files.pop() {
        if path.is_dir() {
            files.extend(std::fs::read_dir(&path).unwrap().map(|e| e.unwrap().path()));
            continue;
        }
        if path.extension().is_none_or(|e| e != "rs") {
            continue;
        }
        let source = std::fs::read_to_string(&path).unwrap();
        for (at, _) in source.match_indices("#[component]") {
            let rest = &source[at..];
            let name: String = rest[rest.find("fn ").unwrap() + 3..]
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_')
                .collect();
            let body = &rest[..rest.find("\n}\n").unwrap_or(rest.len())];
            let exempt = NO_TEXT_OF_THEIR_OWN.iter().any(|(n, _)| *n == name);
            if !exempt && !body.contains("furigana::rubify(") {
                missing.push(format!("{}: {name}", path.display()));
            }
            if exempt && body.contains("furigana::rubify(") {
                missing.push(format!("{name} is exempt but walks: take it off the list"));
            }
        }
    }
    assert!(missing.is_empty(), "{missing:#?}");
}
