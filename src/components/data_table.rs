//! [`DataTable`]: renders a [`TableData`] as an accessible table (caption,
//! column headers with `scope="col"`, row headers with `scope="row"`,
//! a totals row in `<tfoot>`). Numbers are right-aligned by CSS.

use crate::i18n::furigana;
use yew::prelude::*;

use crate::charts::{TableData, TableRow};

/// Properties of [`DataTable`].
#[derive(Properties, PartialEq)]
pub struct DataTableProps {
    /// The figures to show.
    pub data: TableData,
}

/// A row's header cell, with the name in both languages for the CSV when it is a name
/// from the data (`data-names`, `data-ja`, `data-en`).
pub fn row_header(r: &TableRow) -> Html {
    match &r.names {
        Some(n) => html! {
            <th scope="row" data-names={n.prefix} data-ja={n.ja.clone()} data-en={n.en.clone()}>{ &r.header }</th>
        },
        None => html! { <th scope="row">{ &r.header }</th> },
    }
}

fn row(r: &TableRow) -> Html {
    html! {
        <tr>
            { row_header(r) }
            { for r.cells.iter().map(|c| html! { <td class="num">{ c }</td> }) }
        </tr>
    }
}

/// A table with caption and scoped headers.
#[component]
pub fn DataTable(props: &DataTableProps) -> Html {
    let data = &props.data;
    furigana::rubify(
        crate::use_lang(),
        html! {
            <div class="table-scroll">
                <table class="data-table">
                    <caption>{ &data.caption }</caption>
                    <thead>
                        <tr>
                            { for data.columns.iter().enumerate().map(|(i, c)| {
                                let class = if i == 0 { None } else { Some("num") };
                                html! { <th scope="col" {class}>{ c }</th> }
                            }) }
                        </tr>
                    </thead>
                    <tbody>{ for data.rows.iter().map(row) }</tbody>
                    if let Some(footer) = &data.footer {
                        <tfoot>{ row(footer) }</tfoot>
                    }
                </table>
            </div>
        },
    )
}
