//! Saving files from the page, and the CSV of what a view shows.
//!
//! [`save_bytes`] hands bytes to the browser as a download through a `Blob`
//! and an object URL (revoked shortly after the click); [`save_data_url`]
//! does the same for a `data:` URL (chart PNGs). Both return a plain-language
//! error instead of panicking.
//!
//! [`view_csv`] turns the tables of the current view into one CSV (UTF-8
//! with a BOM and CRLF line ends, so Japanese Excel opens it correctly): the
//! tables marked `data-view-csv`, or else every `<table>` inside `<main>`, in
//! page order, each headed by its caption. It reads the rendered tables, so
//! the CSV is exactly what the reader sees, filters and sorting included.
//! The quoting ([`csv_line`]) is pure and tested natively; a cell that a
//! spreadsheet would run as a formula gets a leading `'`.

/// UTF-8 byte order mark: Japanese Excel needs it to read UTF-8 CSV.
pub const BOM: &str = "\u{feff}";

/// One CSV field: quoted when it holds a comma, quote or line break;
/// prefixed with `'` when a spreadsheet would run it as a formula.
pub fn csv_field(text: &str) -> String {
    // The core's rule, so that every CSV the program writes defuses the same cells.
    let text = machi_kpi_core::io::csv::defuse(text);
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.into_owned()
    }
}

/// One CSV line (without its line end).
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| csv_field(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

/// A table as read from the page: its caption and rows of cell text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct PageTable {
    pub caption: Option<String>,
    pub rows: Vec<Vec<String>>,
}

/// The CSV text (BOM, CRLF) for the given tables: each table's caption on a
/// line of its own, then its rows; tables separated by an empty line.
pub fn tables_csv(tables: &[PageTable]) -> String {
    let mut out = String::from(BOM);
    for (i, table) in tables.iter().enumerate() {
        if i > 0 {
            out.push_str("\r\n");
        }
        if let Some(caption) = table.caption.as_deref().filter(|c| !c.is_empty()) {
            out.push_str(&csv_line(&[caption]));
            out.push_str("\r\n");
        }
        for row in &table.rows {
            out.push_str(&csv_line(row));
            out.push_str("\r\n");
        }
    }
    out
}

/// Column names from a table's header rows: each column's group header and its own
/// header, joined with " · " (empty where a column has no header). `rows` holds each
/// header cell's text and colspan. One header line for a CSV, and the names the phone
/// cards show (`pages::tables::ui::ScrollRegion`).
pub fn column_labels(rows: &[Vec<(String, usize)>]) -> Vec<String> {
    let mut labels: Vec<String> = Vec::new();
    for row in rows {
        let mut col = 0;
        for (text, span) in row {
            let span = (*span).max(1);
            for k in col..col + span {
                if labels.len() <= k {
                    labels.resize(k + 1, String::new());
                }
                let text = text.trim();
                if text.is_empty() {
                    continue;
                }
                labels[k] = if labels[k].is_empty() {
                    text.to_owned()
                } else {
                    format!("{} · {text}", labels[k])
                };
            }
            col += span;
        }
    }
    labels
}

/// The text a reader sees in `el`, for a CSV cell or a column name: icons and arrows
/// marked `aria-hidden` and screen-reader-only words (`.visually-hidden`) left out, and
/// a space between elements (a badge and the note after it do not run together).
#[cfg(target_arch = "wasm32")]
pub fn visible_text(el: &web_sys::Element) -> String {
    use wasm_bindgen::JsCast;
    fn walk(node: &web_sys::Node, out: &mut String) {
        if let Some(el) = node.dyn_ref::<web_sys::Element>() {
            if el.get_attribute("aria-hidden").as_deref() == Some("true")
                || el.class_list().contains("visually-hidden")
            {
                return;
            }
            out.push(' ');
            let children = node.child_nodes();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    walk(&child, out);
                }
            }
            out.push(' ');
        } else if node.node_type() == web_sys::Node::TEXT_NODE {
            out.push_str(&node.text_content().unwrap_or_default());
        }
    }
    let mut out = String::new();
    walk(el, &mut out);
    squash(&out)
}

/// Collapses runs of white space (line breaks in cells, indentation) to one space.
pub fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The tables of the current view, read from the page (browser only).
pub fn view_tables() -> Vec<PageTable> {
    #[cfg(target_arch = "wasm32")]
    {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return Vec::new();
        };
        let marked = document
            .query_selector_all("main table[data-view-csv]")
            .ok();
        let list = match marked {
            Some(l) if l.length() > 0 => Some(l),
            _ => document.query_selector_all("main table").ok(),
        };
        let Some(list) = list else { return Vec::new() };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
            .map(|table| read_table(&table))
            .filter(|t| !t.rows.is_empty())
            .collect()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Vec::new()
    }
}

/// A table's own rows that match `selector`, not those of a table nested in a cell.
#[cfg(target_arch = "wasm32")]
pub fn own_rows(table: &web_sys::Element, selector: &str) -> Vec<web_sys::Element> {
    use wasm_bindgen::JsCast;
    let Ok(trs) = table.query_selector_all(selector) else {
        return Vec::new();
    };
    (0..trs.length())
        .filter_map(|i| {
            trs.item(i)
                .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        })
        .filter(|tr| {
            tr.closest("table")
                .ok()
                .flatten()
                .is_some_and(|t| &t == table)
        })
        .collect()
}

/// A row's `th` and `td` cells, in order.
#[cfg(target_arch = "wasm32")]
pub fn row_cells(tr: &web_sys::Element) -> Vec<web_sys::Element> {
    let children = tr.children();
    (0..children.length())
        .filter_map(|j| children.item(j))
        .filter(|c| {
            let tag = c.tag_name();
            tag.eq_ignore_ascii_case("td") || tag.eq_ignore_ascii_case("th")
        })
        .collect()
}

/// A table's column names, read from its header rows ([`column_labels`]: a group header
/// spanning columns becomes part of each column's name); empty without a `<thead>`.
#[cfg(target_arch = "wasm32")]
pub fn column_names(table: &web_sys::Element) -> Vec<String> {
    let head: Vec<Vec<(String, usize)>> = own_rows(table, "thead tr")
        .iter()
        .map(|tr| {
            row_cells(tr)
                .iter()
                .map(|c| {
                    let span = c
                        .get_attribute("colspan")
                        .and_then(|n| n.parse().ok())
                        .unwrap_or(1);
                    (visible_text(c), span)
                })
                .collect()
        })
        .collect();
    column_labels(&head)
}

#[cfg(target_arch = "wasm32")]
fn read_table(table: &web_sys::Element) -> PageTable {
    let caption = table
        .query_selector("caption")
        .ok()
        .flatten()
        .map(|c| visible_text(&c));
    let mut rows = Vec::new();
    // One line of column names, so that every line has one field per column.
    let names = column_names(table);
    if !names.is_empty() {
        rows.push(names);
    }
    for tr in own_rows(table, "tbody tr, tfoot tr, :scope > tr") {
        let cells: Vec<String> = row_cells(&tr).iter().map(visible_text).collect();
        if !cells.is_empty() {
            rows.push(cells);
        }
    }
    PageTable { caption, rows }
}

/// The current view's tables as CSV bytes, or `None` when it has no table.
pub fn view_csv() -> Option<Vec<u8>> {
    let tables = view_tables();
    (!tables.is_empty()).then(|| tables_csv(&tables).into_bytes())
}

/// A file name safe on every system: letters, digits, `-`, `_` and `.`.
pub fn file_name(stem: &str, extension: &str) -> String {
    let mut name = String::new();
    let mut dash = false;
    for c in stem.chars() {
        if c.is_ascii_alphanumeric() || c == '_' || c == '.' {
            if dash && !name.is_empty() {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    if name.is_empty() {
        name.push_str("machi-kpi");
    }
    format!("{name}.{extension}")
}

/// Offers `bytes` as a download named `name` (Blob + object URL).
pub fn save_bytes(name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        let array = js_sys::Uint8Array::from(bytes);
        let parts = js_sys::Array::of1(&array);
        let options = web_sys::BlobPropertyBag::new();
        options.set_type(mime);
        let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)
            .map_err(|e| crate::echarts::js_error_text(&e))?;
        let url = web_sys::Url::create_object_url_with_blob(&blob)
            .map_err(|e| crate::echarts::js_error_text(&e))?;
        let clicked = click_link(name, &url);
        // Revoke once the browser has taken the file.
        let revoke = url.clone();
        gloo::timers::callback::Timeout::new(10_000, move || {
            let _ = web_sys::Url::revoke_object_url(&revoke);
        })
        .forget();
        clicked
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, mime, bytes);
        Err("downloads need a browser".into())
    }
}

/// Offers a `data:` URL as a download named `name`.
pub fn save_data_url(name: &str, url: &str) -> Result<(), String> {
    #[cfg(target_arch = "wasm32")]
    {
        click_link(name, url)
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (name, url);
        Err("downloads need a browser".into())
    }
}

#[cfg(target_arch = "wasm32")]
fn click_link(name: &str, url: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let link = document
        .create_element("a")
        .map_err(|e| crate::echarts::js_error_text(&e))?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .map_err(|_| "no link element".to_string())?;
    link.set_href(url);
    link.set_download(name);
    link.set_hidden(true);
    let body = document.body().ok_or("no body")?;
    body.append_child(&link)
        .map_err(|e| crate::echarts::js_error_text(&e))?;
    link.click();
    link.remove();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("新規求人数"), "新規求人数");
        assert_eq!(csv_field("1,563件"), "\"1,563件\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("a\nb"), "\"a\nb\"");
        assert_eq!(csv_line(&["a", "b,c", ""]), "a,\"b,c\",");
    }

    #[test]
    fn formulas_are_defused_but_numbers_are_not() {
        assert_eq!(csv_field("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_field("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_field("-3.5"), "-3.5");
        assert_eq!(csv_field("+1"), "+1");
        assert_eq!(csv_field("-"), "-");
        assert_eq!(csv_field("+12.3%"), "+12.3%");
        assert_eq!(csv_field("+cmd|' /C calc'!A0"), "'+cmd|' /C calc'!A0");
    }

    #[test]
    fn tables_become_one_excel_friendly_csv() {
        let tables = vec![
            PageTable {
                caption: Some("状況別の指標数".into()),
                rows: vec![
                    vec!["状況".into(), "指標数".into()],
                    vec!["順調".into(), "11".into()],
                ],
            },
            PageTable {
                caption: None,
                rows: vec![vec!["a".into()]],
            },
        ];
        let csv = tables_csv(&tables);
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(
            csv,
            "\u{feff}状況別の指標数\r\n状況,指標数\r\n順調,11\r\n\r\na\r\n"
        );
    }

    #[test]
    fn header_rows_become_one_line_of_column_names() {
        let rows = vec![
            vec![
                ("".into(), 3),
                ("令和6年度目標".into(), 2),
                ("令和9年度目標".into(), 2),
            ],
            vec![
                ("指標".into(), 1),
                ("基本目標".into(), 1),
                ("公式".into(), 1),
                ("予測".into(), 1),
                ("見通し".into(), 1),
                ("予測".into(), 1),
                ("見通し".into(), 1),
            ],
        ];
        let labels = column_labels(&rows);
        assert_eq!(labels.len(), 7);
        assert_eq!(labels[0], "指標");
        assert_eq!(labels[3], "令和6年度目標 · 予測");
        assert_eq!(labels[6], "令和9年度目標 · 見通し");
    }

    #[test]
    fn file_names_are_portable() {
        assert_eq!(file_name("status-donut", "png"), "status-donut.png");
        assert_eq!(file_name("Kpi / 観光", "csv"), "kpi.csv");
        assert_eq!(file_name("観光", "svg"), "machi-kpi.svg");
        assert_eq!(squash("  a\n   b  "), "a b");
    }
}
