//! Saving files from the page, and the CSV of one table on the page.
//!
//! [`save_bytes`] hands bytes to the browser as a download through a `Blob`
//! and an object URL (revoked shortly after the click); [`save_data_url`]
//! does the same for a `data:` URL (chart PNGs). Both return a plain-language
//! error instead of panicking.
//!
//! [`table_csv_bytes`] turns one rendered table into a tidy CSV (UTF-8 with a
//! BOM and CRLF line ends, so Japanese Excel opens it correctly): one table
//! per file, one header line of column names (no caption, no sort arrows or
//! icons), filters and sorting as on screen. [`tidy_rows`] is the pure part,
//! tested natively: a column of figures (cells marked `data-num` with the
//! exact number, or `class="num"` read as shown) holds only numbers, its words
//! ("n/a", "not at this pace", a reason) go to a note column after it; a
//! column of names (`data-names`, `data-ja`, `data-en`) becomes a `_ja` and an
//! `_en` column. The quoting ([`csv_line`]) defuses a cell that a spreadsheet
//! would run as a formula with a leading `'` (the core's one rule).

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

/// One body cell as read from the page.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CellRead {
    /// What a reader sees ([`visible_text`]).
    pub text: String,
    /// `data-num`: the exact number behind the text (empty: the cell has none).
    pub num: Option<String>,
    /// `data-note`: words to keep beside the number (a display rule's wording).
    pub note: Option<String>,
    /// `class="num"`: a figure, read from its text when it has no `data-num`.
    pub numeric: bool,
    /// `data-unit` of the number (`%`): said once, in the column's name.
    pub unit: Option<String>,
    /// `data-names`, `data-ja`, `data-en`: a name in both languages, written as the two
    /// columns `{prefix}_ja` and `{prefix}_en` (`name_ja`, `name_en` for indicators).
    pub names: Option<(String, String, String)>,
}

impl CellRead {
    /// A plain text cell.
    pub fn text(text: impl Into<String>) -> Self {
        CellRead {
            text: text.into(),
            ..Self::default()
        }
    }
}

/// The glyphs of the interface (sort arrows, status and outlook shapes, icons) that never
/// belong in a column name, even if one is not marked `aria-hidden`.
pub const UI_GLYPHS: &[char] = &[
    '▲', '▼', '△', '▽', '↕', '↑', '↓', '↗', '↘', '→', '←', '⬇', '★', '◎', '○', '●', '×', '✓', '✔',
    '＝', '≠', '－',
];

/// A column name as written in a CSV header: no interface glyph, one space between words.
pub fn clean_header(name: &str) -> String {
    squash(&name.replace(UI_GLYPHS, " "))
}

/// A figure as the page shows it (`1,563`, `−12.3%`, `+0.5`), as a plain number and
/// whether it was a percentage; `None` for anything else (words, units, dashes).
pub fn shown_number(text: &str) -> Option<(String, bool)> {
    let t = text.trim().replace('\u{2212}', "-");
    let (t, percent) = match t.strip_suffix('%') {
        Some(rest) => (rest.trim_end().to_owned(), true),
        None => (t, false),
    };
    let digits = t.strip_prefix(['+', '-']).unwrap_or(&t);
    let (int, frac) = digits.split_once('.').unwrap_or((digits, ""));
    let grouped_ok = {
        let groups: Vec<&str> = int.split(',').collect();
        !int.is_empty()
            && groups
                .iter()
                .all(|g| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit()))
            && groups.iter().skip(1).all(|g| g.len() == 3)
    };
    if !grouped_ok
        || !frac.bytes().all(|b| b.is_ascii_digit())
        || (digits.contains('.') && frac.is_empty())
    {
        return None;
    }
    let plain = t.replace(',', "").trim_start_matches('+').to_owned();
    plain.parse::<f64>().ok().filter(|x| x.is_finite())?;
    Some((plain, percent))
}

/// A dash or nothing: a cell that says "no value" without words.
fn is_blank(text: &str) -> bool {
    matches!(text.trim(), "" | "—" | "-" | "–" | "－")
}

#[derive(Clone, Copy, PartialEq)]
enum ColumnKind {
    Text,
    Number,
    Names,
}

/// One table's CSV rows: the header line first, then one line per body row. `header`
/// holds the column names as shown, `note` the words that name a note column
/// (`" (note)"`, `"（注記）"`). See the module documentation for the rules.
pub fn tidy_rows(header: &[String], body: &[Vec<CellRead>], note: &str) -> Vec<Vec<String>> {
    let columns = body
        .iter()
        .map(Vec::len)
        .chain([header.len()])
        .max()
        .unwrap_or(0);
    let cell = |row: &[CellRead], c: usize| row.get(c).cloned().unwrap_or_default();
    let mut head = Vec::new();
    let mut out: Vec<Vec<String>> = vec![Vec::new(); body.len()];
    for c in 0..columns {
        let name = clean_header(header.get(c).map(String::as_str).unwrap_or(""));
        let cells: Vec<CellRead> = body.iter().map(|r| cell(r, c)).collect();
        let kind = if cells.iter().any(|x| x.names.is_some()) {
            ColumnKind::Names
        } else if cells.iter().any(|x| x.num.is_some() || x.numeric) {
            ColumnKind::Number
        } else {
            ColumnKind::Text
        };
        match kind {
            ColumnKind::Text => {
                head.push(name);
                for (o, x) in out.iter_mut().zip(&cells) {
                    o.push(x.text.clone());
                }
            }
            ColumnKind::Names => {
                let prefix = cells
                    .iter()
                    .find_map(|x| x.names.as_ref().map(|n| n.0.clone()))
                    .unwrap_or_default();
                head.push(format!("{prefix}_ja"));
                head.push(format!("{prefix}_en"));
                for (o, x) in out.iter_mut().zip(&cells) {
                    match &x.names {
                        Some((_, ja, en)) => {
                            o.push(ja.clone());
                            o.push(en.clone());
                        }
                        None => {
                            o.push(x.text.clone());
                            o.push(x.text.clone());
                        }
                    }
                }
            }
            ColumnKind::Number => {
                let mut percent = false;
                let mut unit: Option<String> = None;
                let read: Vec<(String, String)> = cells
                    .iter()
                    .map(|x| {
                        let exact = x
                            .num
                            .as_deref()
                            .map(str::trim)
                            .filter(|n| n.parse::<f64>().is_ok_and(f64::is_finite));
                        if let Some(n) = exact {
                            if unit.is_none() {
                                unit.clone_from(&x.unit);
                            }
                            let note = x.note.clone().unwrap_or_default();
                            return (n.to_owned(), note);
                        }
                        if x.num.is_none() {
                            if let Some((n, p)) = shown_number(&x.text) {
                                percent |= p;
                                return (n, String::new());
                            }
                        }
                        let words = match &x.note {
                            Some(n) => n.clone(),
                            None if is_blank(&x.text) => String::new(),
                            None => x.text.clone(),
                        };
                        (String::new(), words)
                    })
                    .collect();
                let unit = unit.or(percent.then(|| "%".to_owned()));
                head.push(match &unit {
                    Some(u) if !name.is_empty() => format!("{name} ({u})"),
                    _ => name.clone(),
                });
                let with_note = read.iter().any(|(_, n)| !n.is_empty());
                if with_note {
                    head.push(format!("{name}{note}"));
                }
                for (o, (n, words)) in out.iter_mut().zip(read) {
                    o.push(n);
                    if with_note {
                        o.push(words);
                    }
                }
            }
        }
    }
    let mut rows = vec![head];
    rows.extend(out);
    rows
}

/// A number for `data-num`: rounded to 6 decimals, written the shortest way
/// (`92.948`, not `92.94800000000001`); empty when it is not finite.
pub fn csv_number(x: f64) -> String {
    let r = (x * 1e6).round() / 1e6;
    if r.is_finite() {
        // `-0` reads as a number but looks odd.
        format!("{}", if r == 0.0 { 0.0 } else { r })
    } else {
        String::new()
    }
}

/// A ratio as a percentage number for `data-num` (with `data-unit="%"`): `0.92948` → `92.948`.
pub fn csv_percent(ratio: f64) -> String {
    csv_number(ratio * 100.0)
}

/// The CSV text (BOM, CRLF) of rows.
pub fn rows_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from(BOM);
    for row in rows {
        out.push_str(&csv_line(row));
        out.push_str("\r\n");
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
            let tag = el.tag_name().to_ascii_lowercase();
            if el.get_attribute("aria-hidden").as_deref() == Some("true")
                || el.class_list().contains("visually-hidden")
                // The furigana of やさしい日本語: the reading is not the cell's text.
                || tag == "rt"
                || tag == "rp"
            {
                return;
            }
            // A word with readings is one word: no space around its parts.
            let joins = tag == "ruby" || el.class_list().contains("ruby-run");
            if !joins {
                out.push(' ');
            }
            let children = node.child_nodes();
            for i in 0..children.length() {
                if let Some(child) = children.item(i) {
                    walk(&child, out);
                }
            }
            if !joins {
                out.push(' ');
            }
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
fn read_cell(el: &web_sys::Element) -> CellRead {
    let attr = |name: &str| el.get_attribute(name);
    let names = match (attr("data-names"), attr("data-ja"), attr("data-en")) {
        (Some(p), Some(ja), Some(en)) => Some((p, ja, en)),
        _ => None,
    };
    CellRead {
        text: visible_text(el),
        num: attr("data-num"),
        note: attr("data-note"),
        numeric: el.class_list().contains("num"),
        unit: attr("data-unit"),
        names,
    }
}

/// One table of the page as tidy CSV rows ([`tidy_rows`]): its column names, then its
/// body and footer rows.
#[cfg(target_arch = "wasm32")]
pub fn read_table(table: &web_sys::Element, note: &str) -> Vec<Vec<String>> {
    let names = column_names(table);
    let body: Vec<Vec<CellRead>> = own_rows(table, "tbody tr, tfoot tr, :scope > tr")
        .iter()
        .map(|tr| row_cells(tr).iter().map(read_cell).collect::<Vec<_>>())
        .filter(|cells| !cells.is_empty())
        .collect();
    tidy_rows(&names, &body, note)
}

/// The first table inside the element with id `container` (or that table itself) as CSV
/// bytes; `None` when there is none.
pub fn table_csv_bytes(container: &str, note: &str) -> Option<Vec<u8>> {
    #[cfg(target_arch = "wasm32")]
    {
        let document = web_sys::window()?.document()?;
        let el = document.get_element_by_id(container)?;
        let table = if el.tag_name().eq_ignore_ascii_case("table") {
            el
        } else {
            el.query_selector("table").ok().flatten()?
        };
        Some(rows_csv(&read_table(&table, note)).into_bytes())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = (container, note);
        None
    }
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

    fn num(text: &str, num: &str) -> CellRead {
        CellRead {
            text: text.into(),
            num: Some(num.into()),
            numeric: true,
            ..CellRead::default()
        }
    }

    fn shown(text: &str) -> CellRead {
        CellRead {
            text: text.into(),
            numeric: true,
            ..CellRead::default()
        }
    }

    /// Every cell of a column whose name does not end in the note words is a number or
    /// empty, or the column is a text column: what `tests/e2e/downloads.test.mjs` checks
    /// in the browser too.
    fn numbers_only(rows: &[Vec<String>], columns: &[usize]) {
        for row in &rows[1..] {
            for &c in columns {
                let cell = &row[c];
                assert!(
                    cell.is_empty() || cell.parse::<f64>().is_ok_and(f64::is_finite),
                    "column {} holds {cell:?}",
                    rows[0][c]
                );
            }
        }
    }

    #[test]
    fn a_table_becomes_one_tidy_csv() {
        let header = vec![
            "指標".to_owned(),
            "予測達成率 ▲".to_owned(),
            "件数".to_owned(),
            "見通し".to_owned(),
        ];
        let name = |ja: &str, en: &str| CellRead {
            text: ja.into(),
            names: Some(("name".into(), ja.into(), en.into())),
            ..CellRead::default()
        };
        let body = vec![
            vec![
                name("観光入込客数", "Tourist visits"),
                CellRead {
                    note: Some("基準値より後退".into()),
                    unit: Some("%".into()),
                    ..num("−1,000%未満", "-5989.0123")
                },
                shown("1,563"),
                CellRead::text("↘停滞・後退"),
            ],
            vec![
                name("新規求人数", "New job openings"),
                CellRead {
                    unit: Some("%".into()),
                    ..num("92.9%", "92.948")
                },
                shown("—"),
                CellRead::text("順調"),
            ],
            vec![
                name("人口", "Population"),
                num("算出できません（基準値がありません）", ""),
                shown("公表予定"),
                CellRead::text("—"),
            ],
        ];
        let rows = tidy_rows(&header, &body, "（注記）");
        assert_eq!(
            rows[0],
            [
                "name_ja",
                "name_en",
                "予測達成率 (%)",
                "予測達成率（注記）",
                "件数",
                "件数（注記）",
                "見通し"
            ]
        );
        assert_eq!(
            rows[1][..4],
            [
                "観光入込客数",
                "Tourist visits",
                "-5989.0123",
                "基準値より後退"
            ]
        );
        assert_eq!(rows[1][4], "1563");
        assert_eq!(rows[2][2..6], ["92.948", "", "", ""]);
        assert_eq!(
            rows[3][2..6],
            ["", "算出できません（基準値がありません）", "", "公表予定"]
        );
        numbers_only(&rows, &[2, 4]);
        let csv = rows_csv(&rows);
        assert!(csv.starts_with('\u{feff}'));
        assert_eq!(
            csv.matches("\r\n").count(),
            4,
            "one header line and three rows"
        );
        for g in UI_GLYPHS {
            assert!(
                !csv.lines().next().unwrap().contains(*g),
                "{g} in the header"
            );
        }
    }

    #[test]
    fn data_numbers_are_short_and_exact() {
        assert_eq!(csv_percent(0.92948), "92.948");
        assert_eq!(csv_percent(-59.890123), "-5989.0123");
        assert_eq!(csv_number(-0.0), "0");
        assert_eq!(csv_number(f64::NAN), "");
        assert_eq!(csv_number(1563.0), "1563");
    }

    #[test]
    fn shown_figures_are_read_back_as_numbers() {
        assert_eq!(shown_number("1,563"), Some(("1563".into(), false)));
        assert_eq!(shown_number("−12.3%"), Some(("-12.3".into(), true)));
        assert_eq!(shown_number("+0.5"), Some(("0.5".into(), false)));
        assert_eq!(shown_number("23.4 %"), Some(("23.4".into(), true)));
        for words in [
            "—",
            "",
            "1,56",
            "12件",
            "令和3年度",
            "3.31 million",
            "1.",
            "1,2345",
            "-",
        ] {
            assert_eq!(shown_number(words), None, "{words}");
        }
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
