//! The tables' own CSVs (issue 13): every table of the Overview, Delays, Projections,
//! Revisions, Data and an Indicator page, rendered natively, read the way the browser's
//! reader reads it (`components::download::tidy_rows` over the cells' text and `data-*`
//! attributes) and checked: one header line without interface glyphs, `name_en` beside
//! every `name_ja`, every cell of a column of figures a number or empty, every `data-num`
//! a number or empty, and one CSV button per table with a file name that says which.
//!
//! The HTML is Yew's server rendering; [`tables`] is a small reader of that markup.

#![cfg(not(target_arch = "wasm32"))]

use machi_kpi::components::download::{column_labels, rows_csv, tidy_rows, CellRead, UI_GLYPHS};
use machi_kpi::i18n::Lang;
use machi_kpi::{StaticApp, StaticAppProps};

async fn render(path: &'static str, lang: Lang) -> String {
    yew::ServerRenderer::<StaticApp>::with_props(move || StaticAppProps {
        path: path.into(),
        lang: Some(lang),
    })
    .hydratable(false)
    .render()
    .await
}

fn decode(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

#[derive(Debug, Clone)]
struct Element {
    tag: String,
    attrs: Vec<(String, String)>,
    hidden: bool,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }
}

fn parse_tag(inner: &str) -> Element {
    let mut chars = inner.char_indices().peekable();
    let mut tag = String::new();
    while let Some(&(_, c)) = chars.peek() {
        if c.is_whitespace() || c == '/' {
            break;
        }
        tag.push(c.to_ascii_lowercase());
        chars.next();
    }
    let rest: String = chars.map(|(_, c)| c).collect();
    let mut attrs = Vec::new();
    let mut s = rest.as_str();
    loop {
        s = s.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
        if s.is_empty() {
            break;
        }
        let end = s
            .find(|c: char| c == '=' || c.is_whitespace() || c == '/')
            .unwrap_or(s.len());
        let name = s[..end].to_ascii_lowercase();
        s = &s[end..];
        if let Some(after) = s.strip_prefix("=\"") {
            let close = after.find('"').expect("attribute end");
            attrs.push((name, decode(&after[..close])));
            s = &after[close + 1..];
        } else {
            attrs.push((name, String::new()));
        }
    }
    let hidden = attrs.iter().any(|(k, v)| {
        (k == "aria-hidden" && v == "true")
            || (k == "class" && v.split_whitespace().any(|c| c == "visually-hidden"))
    });
    Element { tag, attrs, hidden }
}

const VOID: [&str; 8] = ["col", "br", "img", "input", "meta", "link", "hr", "wbr"];

/// One table of the page: its id, header rows (text, colspan) and body cells.
#[derive(Debug, Default)]
struct Table {
    id: String,
    head: Vec<Vec<(String, usize)>>,
    body: Vec<Vec<CellRead>>,
}

/// Every `<table>` of the markup, read as the browser's CSV reader reads it.
fn tables(html: &str) -> Vec<Table> {
    let mut out = Vec::new();
    let mut stack: Vec<Element> = Vec::new();
    // The table being read, the section (thead or body), the row, the open cell.
    let mut table: Option<Table> = None;
    let mut in_head = false;
    let mut row: Option<Vec<(Element, String)>> = None;
    let mut cell: Option<(Element, String, usize)> = None;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('<') {
            let close = after.find('>').expect("tag end");
            let inner = &after[..close];
            rest = &after[close + 1..];
            if inner.starts_with('!') {
                continue;
            }
            if let Some(name) = inner.strip_prefix('/') {
                let name = name.trim().to_ascii_lowercase();
                while let Some(el) = stack.pop() {
                    if el.tag == name {
                        break;
                    }
                }
                let depth = stack.len();
                match name.as_str() {
                    "td" | "th" => {
                        if let Some((el, text, d)) = cell.take() {
                            if d == depth {
                                if let Some(r) = row.as_mut() {
                                    r.push((el, text));
                                }
                            } else {
                                cell = Some((el, text, d));
                            }
                        }
                    }
                    "tr" => {
                        if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                            if in_head {
                                t.head.push(
                                    r.into_iter()
                                        .map(|(el, text)| {
                                            let span = el
                                                .attr("colspan")
                                                .and_then(|s| s.parse().ok())
                                                .unwrap_or(1);
                                            (squash(&text), span)
                                        })
                                        .collect(),
                                );
                            } else if !r.is_empty() {
                                t.body.push(
                                    r.into_iter()
                                        .map(|(el, text)| cell_read(&el, &text))
                                        .collect(),
                                );
                            }
                        }
                    }
                    "thead" => in_head = false,
                    "table" => {
                        if let Some(t) = table.take() {
                            out.push(t);
                        }
                    }
                    _ => {}
                }
                if cell.is_some() {
                    if let Some((_, text, _)) = cell.as_mut() {
                        text.push(' ');
                    }
                }
                continue;
            }
            let el = parse_tag(inner);
            let hidden = el.hidden || stack.iter().any(|e| e.hidden);
            if let Some((_, text, _)) = cell.as_mut() {
                if !hidden {
                    text.push(' ');
                }
            }
            match el.tag.as_str() {
                "table" => {
                    table = Some(Table {
                        id: el.attr("id").unwrap_or("").to_owned(),
                        ..Table::default()
                    })
                }
                "thead" => in_head = true,
                "tr" => row = Some(Vec::new()),
                "td" | "th" if row.is_some() && cell.is_none() => {
                    cell = Some((el.clone(), String::new(), stack.len()));
                }
                _ => {}
            }
            let void = VOID.contains(&el.tag.as_str()) || inner.ends_with('/');
            if !void {
                stack.push(Element { hidden, ..el });
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let text = decode(&rest[..end]);
            rest = &rest[end..];
            let hidden = stack.iter().any(|e| e.hidden);
            if let Some((_, t, _)) = cell.as_mut() {
                if !hidden {
                    t.push_str(&text);
                }
            }
        }
    }
    out
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn cell_read(el: &Element, text: &str) -> CellRead {
    let names = match (
        el.attr("data-names"),
        el.attr("data-ja"),
        el.attr("data-en"),
    ) {
        (Some(p), Some(ja), Some(en)) => Some((p.to_owned(), ja.to_owned(), en.to_owned())),
        _ => None,
    };
    CellRead {
        text: squash(text),
        num: el.attr("data-num").map(str::to_owned),
        note: el.attr("data-note").map(str::to_owned),
        numeric: el
            .attr("class")
            .is_some_and(|c| c.split_whitespace().any(|x| x == "num")),
        unit: el.attr("data-unit").map(str::to_owned),
        names,
    }
}

/// Which columns of the CSV hold figures: each column of figures of the table (cells
/// `.num` or `data-num`) maps to one CSV column, then its note column if there is one.
fn number_columns(t: &Table, header: &[String], note: &str) -> Vec<usize> {
    let columns = t.body.iter().map(Vec::len).max().unwrap_or(0);
    let mut out = Vec::new();
    let mut i = 0;
    for c in 0..columns {
        let cells: Vec<&CellRead> = t.body.iter().filter_map(|r| r.get(c)).collect();
        if cells.iter().any(|x| x.names.is_some()) {
            assert!(
                header[i].ends_with("_ja") && header[i + 1].ends_with("_en"),
                "{header:?}"
            );
            assert_eq!(
                header[i].trim_end_matches("_ja"),
                header[i + 1].trim_end_matches("_en")
            );
            i += 2;
        } else if cells.iter().any(|x| x.num.is_some() || x.numeric) {
            out.push(i);
            i += 1;
            if header.get(i).is_some_and(|h| h.ends_with(note)) {
                i += 1;
            }
        } else {
            i += 1;
        }
    }
    assert_eq!(i, header.len(), "every column accounted for: {header:?}");
    out
}

const NOTE: &str = " (note)";

/// Checks one page's tables; returns how many were checked.
fn check_page(html: &str, what: &str) -> usize {
    let tables = tables(html);
    assert!(!tables.is_empty(), "{what}: tables");
    for t in &tables {
        assert!(!t.body.is_empty(), "{what} {}: rows", t.id);
        // Every data-num on the page is a number or empty.
        for cell in t.body.iter().flatten() {
            if let Some(n) = &cell.num {
                assert!(
                    n.is_empty() || n.parse::<f64>().is_ok_and(f64::is_finite),
                    "{what} {}: data-num {n:?}",
                    t.id
                );
            }
        }
        let names = column_labels(&t.head);
        let rows = tidy_rows(&names, &t.body, NOTE);
        let header = &rows[0];
        let csv = rows_csv(&rows);
        // One header line: the first, and never again.
        let first = csv
            .trim_start_matches('\u{feff}')
            .split("\r\n")
            .next()
            .unwrap()
            .to_owned();
        assert_eq!(
            csv.matches(&format!("{first}\r\n")).count(),
            1,
            "{what} {}",
            t.id
        );
        for h in header {
            assert!(!h.contains(UI_GLYPHS), "{what} {}: glyph in {h:?}", t.id);
        }
        if header.iter().any(|h| h.contains("name_ja")) {
            let ja = header.iter().position(|h| h.contains("name_ja")).unwrap();
            assert!(
                header[ja + 1].contains("name_en"),
                "{what} {}: {header:?}",
                t.id
            );
        }
        for c in number_columns(t, header, NOTE) {
            for row in &rows[1..] {
                let cell = &row[c];
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok_and(f64::is_finite),
                    "{what} {}: column {:?} holds {cell:?}",
                    t.id,
                    header[c]
                );
            }
        }
    }
    tables.len()
}

#[tokio::test]
async fn every_table_of_the_pages_is_a_tidy_csv() {
    let mut checked = 0;
    for path in [
        "/",
        "/delays",
        "/projections",
        "/revisions",
        "/data",
        "/kpi/annual-tourists",
        "/kpi/healthy-life-expectancy",
    ] {
        let html = render(path, Lang::En).await;
        checked += check_page(&html, path);
    }
    assert!(checked >= 15, "{checked} tables");
}

/// The tables that name indicators carry both names; the figures are the exact ones.
#[tokio::test]
async fn indicator_tables_have_both_names_and_exact_rates() {
    let html = render("/projections", Lang::En).await;
    let t = tables(&html)
        .into_iter()
        .find(|t| t.id == "projections-table")
        .expect("projections table");
    let rows = tidy_rows(&column_labels(&t.head), &t.body, NOTE);
    assert_eq!(&rows[0][..2], ["name_ja", "name_en"]);
    let ds = machi_kpi_core::Dataset::embedded().unwrap();
    for row in &rows[1..] {
        assert!(
            ds.indicators
                .iter()
                .any(|i| i.name_ja == row[0] && i.name_en == row[1]),
            "{row:?}"
        );
    }
    // A rate the screen words ("far beyond the target", "moving away from the target") is
    // still its number, with the words in the note column beside it.
    let header = &rows[0];
    let rate = header
        .iter()
        .position(|h| h.ends_with("(%)"))
        .expect("a rate column");
    assert!(header[rate + 1].ends_with(NOTE), "{header:?}");
    let worded: Vec<&Vec<String>> = rows[1..]
        .iter()
        .filter(|r| !r[rate].is_empty() && !r[rate + 1].is_empty())
        .collect();
    assert!(!worded.is_empty(), "some rate is worded on screen");
    assert!(
        rows[1..].iter().any(|r| r[rate]
            .parse::<f64>()
            .is_ok_and(|x| !(-100.0..=1000.0).contains(&x))),
        "an exact rate beyond what the screen prints"
    );
}

/// One CSV button per table region, its file named after the view and the table.
#[tokio::test]
async fn each_table_has_its_own_csv_button() {
    let html = render("/delays", Lang::Ja).await;
    let regions = html.matches("data-cards=\"phone\" role=\"region\"").count();
    let buttons = html.matches("class=\"tool-button table-csv\"").count();
    assert!(regions >= 3, "{regions}");
    assert_eq!(regions, buttons);
    assert!(html.contains("data-file=\"machi-kpi-delays-dip-table.csv\""));
    assert!(html.contains("data-file=\"machi-kpi-delays-comparison.csv\""));
    // No combined "this view's tables" download any more.
    assert!(!html.contains("dl-view-csv"));
    // Every chart's table has its own CSV beside PNG and SVG.
    let charts = html.matches("class=\"chart-downloads\"").count();
    assert!(charts > 0);
    assert_eq!(html.matches("chart-dl-csv").count(), charts);
}
