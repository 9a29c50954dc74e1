//! The region every data table sits in: labelled by the table's caption, focusable
//! so that a keyboard can scroll it, scrolling sideways on a wide screen and, below
//! 600 px, showing one card per body row (`www/style.css`, `[data-cards]`), each value
//! named by its column. Used by the table pages (`pages::tables::ui::scroll_region`)
//! and by the Indicator page's tables.

use crate::i18n::furigana;
use yew::prelude::*;

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
    furigana::rubify(
        crate::use_lang(),
        html! {
            <div ref={node} class="table-scroll" data-cards="phone" role="region" tabindex="0" aria-labelledby={props.caption_id.clone()}>
                { props.children.clone() }
            </div>
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
