//! [`ChartPanel`]: a titled chart with its one-sentence summary and a visible
//! chart ⇄ table switch (two toggle buttons with `aria-pressed` and
//! `aria-controls`), and PNG/SVG download buttons
//! ([`super::chart_export::ChartDownloads`]).
//!
//! Outside embed mode the tool row also has the chart's link, share and embed
//! controls ([`super::chart_share::ChartShare`]). A page opened with
//! `chart=<id>` in its hash query (the chart's permalink) scrolls that panel
//! into view and focuses it. In a chart embed (`#/embed/chart/<view>/<id>`,
//! [`SoloChart`] provided by the shell) only the panel of that id renders,
//! without drill-down clicks.
//!
//! Both views are in the DOM; the inactive one is `hidden`. The table is
//! therefore also what server-side rendering and no-chart situations show,
//! and the chart keeps its ECharts instance while the table is displayed
//! (the ResizeObserver redraws it when it becomes visible again).

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::charts::{ChartSpec, TableData};
use crate::components::chart::{ChartClick, EChart};
use crate::components::chart_export::ChartDownloads;
use crate::components::chart_share::ChartShare;
use crate::components::data_table::DataTable;
use crate::data_source::query_param;
use crate::echarts::Renderer;
use crate::i18n::{t, Key};
use crate::routes::{Route, CHART_PARAM};
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
    /// Where a tap on the chart leads, said under it before anyone taps.
    #[prop_or_default]
    pub leads: Option<ClickLeads>,
    /// What the chart is about when the heading alone does not say it outside its page
    /// (an Indicator page's "推移と見通し" is about that indicator): put before the title
    /// where the chart travels alone, in its shared title and its embed's frame title.
    #[prop_or_default]
    pub subject: Option<AttrValue>,
}

/// The chart's title where it travels alone (share sheet, embed frame): its subject,
/// when it has one, before its heading.
fn travel_title(props: &ChartPanelProps) -> AttrValue {
    match &props.subject {
        Some(subject) => format!("{subject}: {}", props.title).into(),
        None => props.title.clone(),
    }
}

/// Where a tap on a chart's bar or slice leads (the sentence under the chart).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ClickLeads {
    /// The basic goal's page.
    Goal,
    /// The indicator's page.
    Indicator,
    /// The Data page's list of those indicators.
    List,
    /// The table below, narrowed to what was tapped.
    Filter,
}

impl ClickLeads {
    fn key(self) -> Key {
        match self {
            ClickLeads::Goal => Key::ClickLeadsGoal,
            ClickLeads::Indicator => Key::ClickLeadsIndicator,
            ClickLeads::List => Key::ClickLeadsList,
            ClickLeads::Filter => Key::ClickLeadsFilter,
        }
    }
}

/// In a chart embed, the id of the one panel shown (context from the shell).
#[derive(Clone, Debug, PartialEq)]
pub struct SoloChart(pub AttrValue);

/// A chart with a summary and a chart ⇄ table switch.
#[component]
pub fn ChartPanel(props: &ChartPanelProps) -> Html {
    let lang = use_lang();
    let show_table = use_state_eq(|| false);
    let option = use_memo(props.spec.option.clone(), |o| {
        AttrValue::from(o.to_string())
    });
    let solo = use_context::<SoloChart>();
    let embed = use_route::<Route>().is_some_and(|r| r.is_embed());
    let hash_query = use_location()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let targeted =
        !embed && query_param(&hash_query, CHART_PARAM).as_deref() == Some(props.id.as_str());
    let section_ref = use_node_ref();
    {
        // The permalink's panel: scrolled to and focused once the page is laid
        // out (after the shell's scroll to the top of a new page); only when it
        // becomes the target, not again at each later change of the query.
        let section_ref = section_ref.clone();
        use_effect_with(targeted, move |targeted| {
            #[cfg(target_arch = "wasm32")]
            if *targeted {
                yew::platform::spawn_local(async move {
                    if let Some(section) = section_ref.cast::<web_sys::HtmlElement>() {
                        crate::components::chart_share::bring_into_view(&section);
                    }
                });
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (targeted, section_ref);
        });
    }
    if solo.as_ref().is_some_and(|s| s.0 != props.id) {
        return html! {};
    }
    let on_click = if solo.is_some() {
        None
    } else {
        props.on_click.clone()
    };

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
            <section class={classes!("panel", targeted.then_some("panel-targeted"))} id={id.clone()}
                aria-labelledby={title_id.clone()} ref={section_ref}
                tabindex={targeted.then_some("-1")}>
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
                    if !embed {
                        <ChartShare id={id.clone()} title={travel_title(props)} height={props.height} />
                    }
                </div>
                <p class="summary" id={summary_id.clone()}>{ &props.spec.description }</p>
                if let (Some(leads), true) = (props.leads, on_click.is_some()) {
                    <p class="note click-hint" data-leads={format!("{leads:?}").to_lowercase()}>{ t(lang, leads.key()) }</p>
                }
                <div id={view_id} class="chart-view" hidden={*show_table}>
                    <EChart
                        id={chart_id}
                        option={(*option).clone()}
                        label={props.spec.description.clone()}
                        height={props.height}
                        renderer={props.renderer}
                        {on_click}
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
