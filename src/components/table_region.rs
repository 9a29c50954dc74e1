//! The region every data table sits in: labelled by the table's caption, focusable
//! so that a keyboard can scroll it, scrolling sideways on a wide screen and, below
//! 600 px, showing one card per body row (`www/style.css`, `[data-cards]`), each value
//! named by its column. Used by the table pages (`pages::tables::ui::scroll_region`)
//! and by the Indicator page's tables. Above the region (a long table would push it
//! screens down, where nobody looks for it), the table's own CSV button
//! (one table per file, named after the view and the table:
//! `machi-kpi-projections-proj-table.csv`; [`super::download::table_csv_bytes`]).

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::download::{file_name, save_bytes, table_csv_bytes};
use crate::components::embed::embed_view;
use crate::i18n::portal::{px, Px};
use crate::routes::Route;
use crate::use_lang;

/// The CSV file name of a table: the view and the table (its caption id without
/// `-caption`).
pub fn table_file_name(route: Option<&Route>, caption_id: &str) -> String {
    let view = route.and_then(embed_view).unwrap_or_else(|| "view".into());
    let table = caption_id.strip_suffix("-caption").unwrap_or(caption_id);
    file_name(&format!("machi-kpi-{view}-{table}"), "csv")
}

#[derive(Properties, PartialEq)]
pub struct TableRegionProps {
    pub caption_id: AttrValue,
    #[prop_or_default]
    pub children: Html,
}

/// Below 600 px `www/style.css` lays each body row out
/// as a card (issue 13: no answer hides sideways on a phone), each cell introduced by its
/// column's name: after every render the cells get their column headers' text as
/// `data-label` (group header and column header, colspans followed), which the card
/// layout shows before the value.
#[component]
pub fn TableRegion(props: &TableRegionProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect(move || label_cells(&node));
    }
    let lang = use_lang();
    let route = use_route::<Route>();
    let problem = use_state_eq(|| None::<String>);
    let region_id = format!("{}-region", props.caption_id);
    let name = table_file_name(route.as_ref(), &props.caption_id);
    let onclick = {
        let (problem, region_id, name) = (problem.clone(), region_id.clone(), name.clone());
        Callback::from(move |_: MouseEvent| {
            let result = match table_csv_bytes(&region_id, px(lang, Px::CsvNoteColumn)) {
                Some(bytes) => save_bytes(&name, "text/csv;charset=utf-8", &bytes),
                None => Err(px(lang, Px::NoTables).to_owned()),
            };
            problem.set(result.err());
        })
    };
    furigana::rubify(
        lang,
        html! {
            <>
                <div class="table-tools">
                    <button type="button" class="tool-button table-csv" data-file={name}
                        aria-describedby={props.caption_id.clone()} {onclick}>
                        <span aria-hidden="true">{ "⬇ " }</span>{ px(lang, Px::TableCsv) }
                    </button>
                    if let Some(message) = &*problem {
                        <p class="tool-error" role="alert">{ px(lang, Px::DownloadFailed) }{ ": " }{ message }</p>
                    }
                </div>
                <div ref={node} id={region_id} class="table-scroll" data-cards="phone" role="region" tabindex="0" aria-labelledby={props.caption_id.clone()}>
                    { props.children.clone() }
                </div>
            </>
        },
    )
}

#[cfg(target_arch = "wasm32")]
fn label_cells(node: &NodeRef) {
    use super::download::{column_names, own_rows, row_cells};
    let Some(table) = node
        .cast::<web_sys::Element>()
        .and_then(|root| root.query_selector("table").ok().flatten())
    else {
        return;
    };
    let labels = column_names(&table);
    for tr in own_rows(&table, "tbody tr, tfoot tr") {
        for (i, cell) in row_cells(&tr).iter().enumerate() {
            match labels.get(i).filter(|l| !l.is_empty()) {
                Some(label) if cell.get_attribute("data-label").as_deref() != Some(label) => {
                    let _ = cell.set_attribute("data-label", label);
                }
                _ => {}
            }
        }
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn label_cells(_node: &NodeRef) {}
