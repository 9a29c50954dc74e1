//! Readable figures and dates (issue 13 items 2 and 3), on the pages rendered natively.
//!
//! What a reader sees is the page without its folded parts: the text outside
//! `<details>` ("show the computation" keeps the exact figures). On that text no
//! percentage is below −100% or above 1,000%, on every Indicator page, every Basic goal
//! page and the Projections page, in every language; no projection prints a value
//! outside its quantity's possible range; the "data as of" line and the one sentence on
//! official status against projection are there.

#![cfg(not(target_arch = "wasm32"))]

use machi_kpi::i18n::Lang;
use machi_kpi::{StaticApp, StaticAppProps};
use machi_kpi_core::analysis::readable::{
    is_readable_percent, READABLE_PERCENT_MAX, READABLE_PERCENT_MIN,
};
use machi_kpi_core::Dataset;
use yew::ServerRenderer;

async fn render(path: String, lang: Lang) -> String {
    ServerRenderer::<StaticApp>::with_props(move || StaticAppProps {
        path: path.clone().into(),
        lang: Some(lang),
    })
    .hydratable(false)
    .render()
    .await
}

/// The text a reader sees without opening anything: tags dropped, `<details>` bodies
/// (folded computations) left out, entities decoded.
fn visible_text(html: &str) -> String {
    let mut out = String::new();
    let mut rest = html;
    while let Some(at) = rest.find("<details") {
        out.push_str(&rest[..at]);
        // Keep the summary line (it is visible), drop the rest of the details.
        let body = &rest[at..];
        let end = body.find("</details>").map_or(body.len(), |i| i + 10);
        if let (Some(s), Some(e)) = (body.find("<summary"), body.find("</summary>")) {
            if e < end {
                out.push_str(&body[s..e]);
            }
        }
        rest = &body[end..];
    }
    out.push_str(rest);
    let mut text = String::new();
    let mut in_tag = false;
    for c in out.chars() {
        match c {
            '<' => {
                in_tag = true;
                text.push(' ');
            }
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.replace("&amp;", "&").replace("&nbsp;", " ")
}

/// Every percentage in a text, as a ratio: `−284.7%` → −2.847 (real minus or ASCII
/// hyphen-minus, thousands separators).
fn percentages(text: &str) -> Vec<(String, f64)> {
    let chars: Vec<char> = text.chars().collect();
    let mut found = Vec::new();
    for (i, c) in chars.iter().enumerate() {
        if *c != '%' && *c != '％' {
            continue;
        }
        let mut j = i;
        while j > 0 && (chars[j - 1].is_ascii_digit() || matches!(chars[j - 1], '.' | ',')) {
            j -= 1;
        }
        if j == i {
            continue;
        }
        let negative = j > 0 && matches!(chars[j - 1], '−' | '-');
        let digits: String = chars[j..i].iter().filter(|c| **c != ',').collect();
        if let Ok(x) = digits.trim_matches('.').parse::<f64>() {
            let x = if negative { -x } else { x } / 100.0;
            let start = j.saturating_sub(usize::from(negative));
            found.push((chars[start..=i].iter().collect(), x));
        }
    }
    found
}

fn unreadable(text: &str) -> Vec<String> {
    percentages(text)
        .into_iter()
        .filter(|(_, x)| !is_readable_percent(*x))
        .map(|(s, _)| s)
        .collect()
}

#[test]
fn the_percentage_reader_finds_what_the_old_pages_showed() {
    let t = "達成率 −284.7% ・ 期待 40.0% — −1,000%未満 and over 1,000% and 4,387.8%";
    assert_eq!(
        unreadable(t),
        vec!["−284.7%", "−1,000%", "4,387.8%"],
        "bounds: [{READABLE_PERCENT_MIN}, {READABLE_PERCENT_MAX}]"
    );
    assert!(
        visible_text("<p>a</p><details><summary>show</summary>−284.7%</details>").contains("show")
    );
    assert!(unreadable(&visible_text(
        "<details class=\"computation\"><summary>s</summary>−284.7%</details>"
    ))
    .is_empty());
}

#[tokio::test]
async fn no_unreadable_percentage_on_any_indicator_goal_or_projections_page() {
    let ds = Dataset::embedded().unwrap();
    let mut pages: Vec<String> = ds
        .indicators
        .iter()
        .map(|i| format!("/kpi/{}", i.id))
        .collect();
    pages.extend(ds.strategy.goals.iter().map(|g| format!("/goals/{}", g.id)));
    pages.push("/projections".into());
    for lang in [Lang::Ja, Lang::En, Lang::JaEasy] {
        for path in &pages {
            let html = render(path.clone(), lang).await;
            let bad = unreadable(&visible_text(&html));
            assert!(bad.is_empty(), "{path} {lang:?}: {bad:?}");
        }
    }
}

#[tokio::test]
async fn tourists_read_in_words_and_the_negative_projection_is_not_printed() {
    let html = render("/kpi/annual-tourists".into(), Lang::Ja).await;
    let text = visible_text(&html);
    assert!(text.contains("目標から遠ざかっています：基準値より 168万人 減（−50.8%）"));
    // The line through 331, 109, 163 reaches −135万人 in FY2024: not printed.
    assert!(!text.contains("−135万人"), "a negative count of visitors");
    assert!(text.contains("このペースでは意味のある値になりません"));
    // The exact rate stays in the computation.
    assert!(html.contains("= −284.7%"));
    let en = visible_text(&render("/kpi/annual-tourists".into(), Lang::En).await);
    // In English the multiplier unit is said as the real quantity, and years are FY2019 …
    assert!(en.contains("Moved away from the target: 1.68 million visits below the base (−50.8%)"));
    assert!(!en.contains("× 10,000"), "a multiplier unit in English");
    assert!(
        !en.contains("FY R") && !en.contains("(Reiwa "),
        "和暦 in English by default"
    );
    assert!(en.contains("FY2019"));
    assert!(en.contains("not meaningful at this pace"));
}

#[tokio::test]
async fn no_projection_prints_an_impossible_value() {
    // Every value cell of every Indicator page's projections table is a value the
    // quantity can take (counts ≥ 0, shares within 0..100) or says why not.
    let ds = Dataset::embedded().unwrap();
    for ind in &ds.indicators {
        let html = render(format!("/kpi/{}", ind.id), Lang::Ja).await;
        let range = machi_kpi_core::analysis::PossibleRange::of(ind);
        let mut rest = html.as_str();
        while let Some(at) = rest.find("data-field=\"value\"") {
            let cell = &rest[at..];
            let open = cell.find('>').unwrap() + 1;
            let close = cell.find("</td>").unwrap();
            let text = visible_text(&cell[open..close]);
            let num: String = text
                .trim()
                .chars()
                .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '−'))
                .filter(|c| *c != ',')
                .collect();
            if let Ok(x) = num.replace('−', "-").parse::<f64>() {
                assert!(range.contains(x), "{}: {text}", ind.id);
            }
            rest = &cell[close..];
        }
    }
}

#[tokio::test]
async fn every_page_says_how_old_the_data_is() {
    let ds = Dataset::embedded().unwrap();
    for (path, lang) in [
        ("/", Lang::Ja),
        ("/goals/1-1", Lang::En),
        ("/kpi/annual-tourists", Lang::JaEasy),
        ("/projections", Lang::Ja),
    ] {
        let html = render(path.into(), lang).await;
        assert!(html.contains("data-readable=\"data-as-of\""), "{path}");
        // The editions' titles, as the dataset gives them (with their dates).
        for e in &ds.editions {
            let title = if lang == Lang::En {
                &e.title_en
            } else {
                &e.title_ja
            };
            assert!(html.contains(title.as_str()), "{path}: {title}");
        }
    }
    let ja = render("/".into(), Lang::Ja).await;
    assert!(ja.contains("データ時点：実績値は主に令和3年度まで（最新は令和4年度）"));
    let kpi = render("/kpi/annual-tourists".into(), Lang::En).await;
    assert!(
        kpi.contains("this indicator&#39;s actuals up to FY2021")
            || kpi.contains("this indicator's actuals up to FY2021")
    );
    assert!(kpi.contains("The official status is the city"));
    let proj = render("/projections".into(), Lang::Ja).await;
    assert!(proj.contains("市の評価は令和3年度の状況を市が判断したもの"));
}
