//! The Data page (`#/data`): every indicator in one table with the source
//! cells verbatim, filterable (basic goal, status, department, free text) and
//! sortable, with downloads of the whole dataset: indicators CSV and
//! observations CSV (UTF-8 with BOM, CRLF, for Excel) and the dataset JSON.
//!
//! Rows, columns, filtering and sorting are [`super::data_model`]; the files
//! come from the core's exporters; saving is
//! [`crate::components::download::save_bytes`]. URL state:
//! `goal`, `status`, `dept`, `q`, `sort` (plus the shared `era`).

use crate::i18n::furigana;
use std::rc::Rc;

use machi_kpi_core::{Dataset, Indicator};
use yew::prelude::*;

use super::data_model::{raw_cells, raw_columns, visible, DataSort, DataState, Download};
use super::delays::indicator_header;
use super::filter::IndicatorFilter;
use super::sort::Sort;
use super::ui::{
    department_name, live_count, scroll_region, sort_header, status_badge, use_query, FilterBar,
    Nav, RouteLink,
};
use super::url_state::{era_from_pairs, with_state, PageState};
use crate::components::download::save_bytes;
use crate::context::{use_analysis, use_dataset, DataContext};
use crate::i18n::era::Era;
use crate::i18n::kpi_format::DASH;
use crate::i18n::messages;
use crate::i18n::pages_tables::{raw_column_label, showing, tt, TKey, Unit};
use crate::i18n::{t, Key, Lang};
use crate::routes::Route;
use crate::use_lang;

/// The Data page.
#[component]
pub fn Data() -> Html {
    let lang = use_lang();
    match use_dataset() {
        Some(data) => html! { <DataBody {data} {lang} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    data: DataContext,
    lang: Lang,
}

fn download_key(d: Download) -> TKey {
    match d {
        Download::IndicatorsCsv => TKey::DownloadIndicatorsCsv,
        Download::ObservationsCsv => TKey::DownloadObservationsCsv,
        Download::DatasetJson => TKey::DownloadDatasetJson,
    }
}

/// The departments of an indicator as shown (empty when none is given).
fn departments(ds: &Dataset, lang: Lang, ind: &Indicator) -> String {
    ind.departments
        .iter()
        // Each name its own bidi isolate, so one cannot reorder the next.
        .map(|d| crate::i18n::isolate(&department_name(ds, lang, d)))
        .collect::<Vec<_>>()
        .join(if lang.is_japanese() { "、" } else { ", " })
}

/// The id of the heading over the list of indicators (where a filtered page opens).
const LIST_HEADING_ID: &str = "data-table-title";

/// Where a new Data page should open: at its list when the address sets a filter (a
/// tap on a chart of the Delays page, a shared link), since that list is the answer
/// asked for, not the downloads above it. The id of that heading, or `None` for the top.
pub fn landing_anchor(pairs: &super::url_state::Pairs) -> Option<&'static str> {
    (!DataState::from_pairs(pairs).filter.is_empty()).then_some(LIST_HEADING_ID)
}

#[component]
fn DataBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let ds: &Rc<Dataset> = &props.data.0;
    let analysis = use_analysis();
    let query = use_query();
    let state = DataState::from_pairs(&query.pairs);
    let era = era_from_pairs(&query.pairs, lang);
    let error = use_state_eq(|| None::<String>);
    let columns = use_memo(props.data.clone(), |d| raw_columns(&d.0));

    let name = |i: &Indicator| lang.pick(&i.name_ja, &i.name_en).to_owned();
    let dept = |i: &Indicator| departments(ds, lang, i);
    let shown = visible(ds, &state, name, dept);

    let set = {
        let query = query.clone();
        move |next: DataState, nav: Nav| query.set(with_state(&query.pairs, &next), nav)
    };
    let on_filter = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |(filter, nav): (IndicatorFilter, Nav)| {
            set(
                DataState {
                    filter,
                    ..state.clone()
                },
                nav,
            )
        })
    };
    let on_sort = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |k: DataSort| {
            set(
                DataState {
                    sort: state.sort.toggled(k),
                    ..state.clone()
                },
                Nav::Push,
            )
        })
    };
    let on_download = |d: Download| {
        let data = props.data.clone();
        let analysis = analysis.clone();
        let error = error.clone();
        Callback::from(move |_: MouseEvent| {
            let Some(a) = &analysis else { return };
            let bytes = d.bytes(&data.0, a);
            error.set(save_bytes(d.file_name(), d.mime(), &bytes).err());
        })
    };

    furigana::rubify(
        lang,
        html! {
            <div class="wrap page tables-page page-data">
                <h1>{ t(lang, Key::NavData) }</h1>
                <p class="lead">{ tt(lang, TKey::DataLead) }</p>

                <section aria-labelledby="downloads-title" class="downloads">
                    <h2 id="downloads-title">{ tt(lang, TKey::DownloadsTitle) }</h2>
                    <p class="note">{ tt(lang, TKey::DownloadsLead) }</p>
                    <ul class="download-buttons">
                        { for Download::ALL.iter().map(|&d| html! {
                            <li>
                                <button type="button" class="download" data-file={d.file_name()} onclick={on_download(d)}>
                                    <span aria-hidden="true">{ "⬇ " }</span>{ tt(lang, download_key(d)) }
                                </button>
                            </li>
                        }) }
                    </ul>
                    if let Some(e) = &*error {
                        <p class="chart-error" role="alert">{ tt(lang, TKey::DownloadFailed) }{ " " }{ e.clone() }</p>
                    }
                    // Import of a newer report (issue 5): validated by the core, shown on
                    // every page only when it succeeds (DESIGN.md §2, §7).
                    <crate::components::import::ImportPanel />
                </section>

                <section>
                    <h2 id={LIST_HEADING_ID}>{ tt(lang, TKey::DataTableTitle) }</h2>
                    <FilterBar id="data" filter={state.filter.clone()} data={ds.clone()} {lang} on_change={on_filter} />
                    { live_count("data-count", showing(lang, shown.len(), ds.indicators.len(), Unit::Indicators)) }
                    <p class="note">{ tt(lang, TKey::RawCellsNote) }</p>
                    { data_table(lang, era, ds, &columns, &shown, state.sort, &on_sort) }
                </section>
            </div>
        },
    )
}

fn data_table(
    lang: Lang,
    era: Era,
    ds: &Dataset,
    columns: &[super::data_model::RawColumn],
    rows: &[(usize, &Indicator)],
    sort: Sort<DataSort>,
    on_sort: &Callback<DataSort>,
) -> Html {
    scroll_region(
        "data-table-caption",
        html! {
            <table class="data-table sortable full-data" id="data-table">
                <caption id="data-table-caption">{ tt(lang, TKey::DataTableTitle) }</caption>
                <thead><tr>
                    { sort_header(tt(lang, TKey::ColIndicator), DataSort::Name, sort, on_sort, None) }
                    { sort_header(tt(lang, TKey::ColId), DataSort::Id, sort, on_sort, None) }
                    { sort_header(tt(lang, TKey::ColGoal), DataSort::Goal, sort, on_sort, None) }
                    <th scope="col">{ tt(lang, TKey::ColMeasure) }</th>
                    { sort_header(tt(lang, TKey::ColDepartment), DataSort::Department, sort, on_sort, None) }
                    { sort_header(tt(lang, TKey::ColOfficial), DataSort::Status, sort, on_sort, None) }
                    <th scope="col">{ tt(lang, TKey::ColUnit) }</th>
                    { for columns.iter().map(|c| html! {
                        <th scope="col" class="raw-col">{ raw_column_label(lang, c.edition, c.role, &c.heading_ja, c.year, era) }</th>
                    }) }
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|(_, ind)| {
                        let measure_in = |lang: Lang| match ind.measure_id.as_deref().and_then(|m| ds.measure(m)) {
                            Some((_, m)) => format!("{} {}", m.id, lang.pick(&m.title_ja, &m.title_en)),
                            None => t(lang, Key::NumericGoalLabel).to_owned(),
                        };
                        let measure = measure_in(lang);
                        let depts = departments(ds, lang, ind);
                        html! {
                            <tr data-id={ind.id.clone()}>
                                { indicator_header(lang, ind, None) }
                                <td class="id"><code>{ ind.id.clone() }</code></td>
                                <td class="goal-cell">
                                    <RouteLink to={Route::Goal { id: ind.goal_id.clone() }}>{ messages::goal_label(lang, &ind.goal_id) }</RouteLink>
                                </td>
                                <td class="measure" data-names="measure" data-ja={measure_in(Lang::Ja)} data-en={measure_in(Lang::En)}>{ measure }</td>
                                <td class="dept">{ if depts.is_empty() { tt(lang, TKey::NoDepartment).to_owned() } else { depts } }</td>
                                <td>{ status_badge(lang, ind.status) }</td>
                                <td class="unit">{ lang.pick(&ind.unit.ja, &ind.unit.en).to_owned() }</td>
                                { for columns.iter().map(|c| {
                                    let cells = raw_cells(ind, c);
                                    if cells.is_empty() {
                                        html! { <td class="raw" lang="ja"><span class="na">{ DASH }</span></td> }
                                    } else {
                                        html! { <td class="raw" lang="ja">{ for cells.into_iter().map(|s| html! { <span class="cell">{ s }</span> }) }</td> }
                                    }
                                }) }
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    )
}
