//! [`ChartPanel`]: a titled chart with its one-sentence summary and a visible
//! chart ⇄ table switch (two toggle buttons with `aria-pressed` and
//! `aria-controls`), and PNG/SVG download buttons
//! ([`super::chart_export::ChartDownloads`]).
//!
//! Both views are in the DOM; the inactive one is `hidden`. The table is
//! therefore also what server-side rendering and no-chart situations show,
//! and the chart keeps its ECharts instance while the table is displayed
//! (the ResizeObserver redraws it when it becomes visible again).

use crate::i18n::furigana;
use yew::prelude::*;

use crate::charts::{ChartSpec, TableData};
use crate::components::chart::{ChartClick, EChart};
use crate::components::chart_export::ChartDownloads;
use crate::components::data_table::DataTable;
use crate::echarts::Renderer;
use crate::i18n::{t, Key};
use crate::use_lang;

/// Properties of [`ChartPanel`].
#[derive(Properties, PartialEq)]
pub struct ChartPanelProps {
    /// Base for the DOM ids (`{id}-chart`, `{id}-table`, …); unique on the page.
    pub id: AttrValue,
    /// Panel heading.
    pub title: AttrValue,
    /// The chart and its one-sentence description.
    pub spec: ChartSpec,
    /// The same figures as a table.
    pub table: TableData,
    /// Chart height in CSS pixels.
    #[prop_or(320)]
    pub height: u32,
    #[prop_or_default]
    pub renderer: Renderer,
    #[prop_or_default]
    pub on_click: Option<Callback<ChartClick>>,
}

/// A chart with a summary and a chart ⇄ table switch.
#[component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let lang = use_lang();
    let show_table = use_state_eq(|| false);
    let option = use_memo(props.spec.option.clone(), |o| {
        AttrValue::from(o.to_string())
    });

    let id = &props.id;
    let title_id = format!("{id}-title");
    let summary_id = format!("{id}-summary");
    let chart_id = format!("{id}-chart");
    let view_id = format!("{id}-chart-view");
    let table_id = format!("{id}-table");
    let to = |table: bool| {
        let show_table = show_table.clone();
        Callback::from(move |_: MouseEvent| show_table.set(table))
    };

    furigana::rubify(
        lang,
        html! {
            <section class="panel" id={id.clone()} aria-labelledby={title_id.clone()}>
                <div class="panel-head">
                    <h3 id={title_id.clone()}>{ &props.title }</h3>
                    <div class="view-switch" role="group" aria-label={t(lang, Key::ViewSwitchLabel)}>
                        <button type="button" class="view-chart"
                            aria-pressed={(!*show_table).to_string()}
                            aria-controls={view_id.clone()}
                            onclick={to(false)}>{ t(lang, Key::ViewChart) }</button>
                        <button type="button" class="view-table"
                            aria-pressed={(*show_table).to_string()}
                            aria-controls={table_id.clone()}
                            onclick={to(true)}>{ t(lang, Key::ViewTable) }</button>
                    </div>
                    <ChartDownloads id={id.clone()} title={props.title.clone()}
                        option={(*option).clone()} height={props.height} />
                </div>
                <p class="summary" id={summary_id.clone()}>{ &props.spec.description }</p>
                <div id={view_id} class="chart-view" hidden={*show_table}>
                    <EChart
                        id={chart_id}
                        option={(*option).clone()}
                        label={props.spec.description.clone()}
                        height={props.height}
                        renderer={props.renderer}
                        on_click={props.on_click.clone()}
                        labelled_by={AttrValue::from(title_id)}
                        described_by={AttrValue::from(summary_id)}
                    />
                </div>
                <div id={table_id} class="table-view" hidden={!*show_table}>
                    <DataTable data={props.table.clone()} />
                </div>
            </section>
        },
    )
}
