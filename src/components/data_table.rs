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

fn row(r: &TableRow) -> Html {
    html! {
        <tr>
            <th scope="row">{ &r.header }</th>
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
