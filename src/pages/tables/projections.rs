//! The Projections page (`#/projections`): every indicator's projected
//! achievement at its FY2024 and FY2027 targets under the chosen scenario
//! (since baseline / recent pace) and method (default / CAGR / line), the
//! counts per outlook class as a chart and table, and a filterable, sortable
//! table. Clicking a bar filters the table to that class and target.
//!
//! Rows, counts, filters and sorting are [`super::projections_model`]; all
//! state is in the URL (`scenario`, `method`, `goal`, `status`, `dept`, `q`,
//! `fy2024`, `fy2027`, `sort`, and the shared `era`).

use crate::i18n::furigana;
use std::rc::Rc;

use machi_kpi_core::analysis::{Method, Metric, Scenario, YearReached};
use machi_kpi_core::{Dataset, Indicator, PeriodKind};
use yew::prelude::*;

use super::delays::{era_options, indicator_header};
use super::filter::IndicatorFilter;
use super::projections_model::{
    class_counts, filtered, rows, scenario_slug, visible, MethodChoice, OutlookClass,
    ProjectionRow, ProjectionSort, ProjectionsState, TargetProjection, TargetYear, SCENARIOS,
};
use super::sort::Sort;
use super::ui::{
    live_count, outlook_badge, scroll_region, sort_header, status_badge, use_query, Choice,
    FilterBar, Nav, RouteLink, Select,
};
use super::url_state::{era_from_pairs, with_era, with_state, PageState};
use crate::charts::outlook_counts::{self, Counts};
use crate::components::chart::ChartClick;
use crate::components::chart_panel::{ChartPanel, ClickLeads};
use crate::components::download::csv_percent;
use crate::context::{use_analysis, use_dataset, DataContext};
use crate::i18n::era::{year_label, Era};
use crate::i18n::kpi_format::{reason, DASH};
use crate::i18n::pages_tables::{
    outlook_filter_label, outlook_name, ratio_text, showing, target_label, tt, TKey, Unit,
};
use crate::i18n::{t, Key, Lang};
use crate::routes::Route;
use crate::use_lang;

/// The Projections page.
#[component]
pub fn Projections() -> Html {
    let lang = use_lang();
    match use_dataset() {
        Some(data) => html! { <ProjectionsBody {data} {lang} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    data: DataContext,
    lang: Lang,
}

fn scenario_key(s: Scenario) -> TKey {
    match s {
        Scenario::SinceBaseline => TKey::ScenarioSince,
        Scenario::RecentPace => TKey::ScenarioRecent,
    }
}

fn method_key(m: MethodChoice) -> TKey {
    match m {
        MethodChoice::Default => TKey::MethodDefault,
        MethodChoice::Cagr => TKey::MethodCagr,
        MethodChoice::Line => TKey::MethodLine,
    }
}

#[component]
fn ProjectionsBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let ds: &Rc<Dataset> = &props.data.0;
    let analysis = use_analysis();
    let query = use_query();
    let state = ProjectionsState::from_pairs(&query.pairs);
    let era = era_from_pairs(&query.pairs, lang);
    let all_rows = {
        let data = props.data.clone();
        let analysis = analysis.clone();
        use_memo((data, state.method, state.scenario), move |(data, m, s)| {
            analysis
                .map(|a| rows(&data.0, &a, *m, *s))
                .unwrap_or_default()
        })
    };

    // Counts follow the indicator filter but not the outlook filters, so a
    // clicked bar stays visible beside the others.
    let base = filtered(ds, &all_rows, &state.filter);
    let counts = Counts {
        fy2024: class_counts(base.iter().copied(), TargetYear::Fy2024),
        fy2027: class_counts(base.iter().copied(), TargetYear::Fy2027),
    };
    let name = |i: &Indicator| lang.pick(&i.name_ja, &i.name_en).to_owned();
    let shown = visible(ds, &all_rows, &state, name);

    let set = {
        let query = query.clone();
        move |next: ProjectionsState, nav: Nav| query.set(with_state(&query.pairs, &next), nav)
    };
    let on_filter = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |(filter, nav): (IndicatorFilter, Nav)| {
            let mut next = ProjectionsState {
                filter,
                ..state.clone()
            };
            if next.filter.is_empty() {
                next.outlook_fy2024 = None;
                next.outlook_fy2027 = None;
            }
            set(next, nav)
        })
    };
    let on_scenario = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |v: String| {
            let scenario = SCENARIOS
                .into_iter()
                .find(|s| scenario_slug(*s) == v)
                .unwrap_or(Scenario::SinceBaseline);
            set(
                ProjectionsState {
                    scenario,
                    ..state.clone()
                },
                Nav::Push,
            )
        })
    };
    let on_method = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |v: String| {
            let method = MethodChoice::from_slug(&v).unwrap_or_default();
            set(
                ProjectionsState {
                    method,
                    ..state.clone()
                },
                Nav::Push,
            )
        })
    };
    let on_era = {
        let query = query.clone();
        Callback::from(move |v: String| {
            query.set(
                with_era(
                    &query.pairs,
                    Era::from_slug(&v).unwrap_or(Era::default_for(lang)),
                    lang,
                ),
                Nav::Push,
            )
        })
    };
    let on_sort = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |k: ProjectionSort| {
            set(
                ProjectionsState {
                    sort: state.sort.toggled(k),
                    ..state.clone()
                },
                Nav::Push,
            )
        })
    };
    let outlook_select = |target: TargetYear| {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |v: String| {
            let mut next = state.clone();
            next.set_outlook_filter(target, OutlookClass::from_slug(&v));
            set(next, Nav::Push)
        })
    };
    let outlook_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::from(""),
        AttrValue::from(tt(lang, TKey::FilterAll)),
    ))
    .chain(OutlookClass::ALL.iter().map(|c| {
        (
            AttrValue::from(c.slug()),
            AttrValue::from(outlook_name(lang, c.outlook())),
        )
    }))
    .collect();
    let on_bar = {
        let (set, state) = (set.clone(), state.clone());
        let label24 = target_label(lang, era, 2024);
        Callback::from(move |c: ChartClick| {
            let Some(class) = c.data_index.and_then(|i| OutlookClass::ALL.get(i)).copied() else {
                return;
            };
            let target = if c.series_name.as_deref() == Some(label24.as_str()) {
                TargetYear::Fy2024
            } else {
                TargetYear::Fy2027
            };
            let mut next = state.clone();
            next.outlook_fy2024 = None;
            next.outlook_fy2027 = None;
            next.set_outlook_filter(target, Some(class));
            set(next, Nav::Push)
        })
    };

    let scenario_options: Vec<(AttrValue, AttrValue)> = SCENARIOS
        .iter()
        .map(|&s| (scenario_slug(s).into(), tt(lang, scenario_key(s)).into()))
        .collect();
    let method_options: Vec<(AttrValue, AttrValue)> = MethodChoice::ALL
        .iter()
        .map(|&m| (m.slug().into(), tt(lang, method_key(m)).into()))
        .collect();
    let outlook_filters = html! {
        <>
            { for TargetYear::ALL.iter().map(|&target| {
                let id = format!("proj-{}", target.key());
                let current = state.outlook_filter(target).map(|c| c.slug()).unwrap_or_default();
                html! {
                    <div class="field">
                        <label for={id.clone()}>{ outlook_filter_label(lang, era, target.fy()) }</label>
                        <Select {id} value={current} options={outlook_options.clone()} on_change={outlook_select(target)} />
                    </div>
                }
            }) }
        </>
    };
    let total = all_rows.len();

    furigana::rubify(
        lang,
        html! {
            <div class="wrap page tables-page page-projections">
                <h1>{ t(lang, Key::NavProjections) }</h1>
                <p class="lead">{ tt(lang, TKey::ProjectionsLead) }</p>
                { crate::components::kpi_widgets::data_as_of(lang, era, ds) }
                { crate::components::kpi_widgets::status_vs_projection(lang, era, ds) }
                // A target year already over by the reader's date (the browser's clock).
                { for ds.editions.iter().filter(|e| machi_kpi_core::EditionId::WITH_TARGETS.contains(&e.id)).map(|e| machi_kpi_core::Period::fiscal(e.target_fy))
                    .filter(|p| machi_kpi_core::analysis::readable::period_over(*p, crate::components::kpi_widgets::today()))
                    .map(|p| html! {
                        <p class="note target-passed" data-readable="target-year-over">
                            { crate::i18n::readable::projections_year_over(lang, era, p) }
                        </p>
                    }) }
                <div class="switches">
                    <Choice name="scenario" legend={tt(lang, TKey::ScenarioLegend)} options={scenario_options}
                        selected={scenario_slug(state.scenario)} on_change={on_scenario} />
                    <Choice name="method" legend={tt(lang, TKey::MethodLegend)} options={method_options}
                        selected={state.method.slug()} on_change={on_method} />
                    <Choice name="era" legend={tt(lang, TKey::EraLegend)} options={era_options(lang)}
                        selected={era.slug()} on_change={on_era} />
                </div>
                <section>
                    <h2 id="outlook-title" class="visually-hidden">{ tt(lang, TKey::ChartOutlook) }</h2>
                    <ChartPanel id="outlook-counts" title={tt(lang, TKey::ChartOutlook)}
                        spec={outlook_counts::spec(&counts, lang, era)}
                        table={outlook_counts::table(&counts, lang, era)}
                        height={360} on_click={Some(on_bar)} leads={ClickLeads::Filter} />
                </section>
                <section>
                    <h2 id="proj-table-title">{ tt(lang, TKey::OutlookTableTitle) }</h2>
                    <FilterBar id="proj" filter={state.filter.clone()} data={ds.clone()} {lang} on_change={on_filter}>
                        { outlook_filters }
                    </FilterBar>
                    { live_count("proj-count", showing(lang, shown.len(), total, Unit::Indicators)) }
                    { projection_table(lang, era, ds, &shown, state.sort, &on_sort) }
                </section>
            </div>
        },
    )
}

fn na(lang: Lang, u: machi_kpi_core::analysis::Unavailable) -> Html {
    html! { <span class="na">{ DASH }<span class="reason">{ format!(" {}", reason(lang, u)) }</span></span> }
}

/// The three cells of one target: projected achievement, outlook, year reached.
fn target_cells(lang: Lang, era: Era, ind: &Indicator, t: Option<&TargetProjection>) -> Html {
    let Some(t) = t else {
        return html! {
            <>
                <td class="num"><span class="na">{ DASH }</span></td>
                <td class="not-in-edition">{ tt(lang, TKey::NotInEdition) }</td>
            </>
        };
    };
    let multi = t.series.len() > 1;
    let label = |s: &Option<String>| {
        s.as_deref()
            .and_then(|id| ind.series.iter().find(|x| x.id == id))
            .map(|x| lang.pick(&x.label_ja, &x.label_en).to_owned())
    };
    let each = |f: &dyn Fn(&super::projections_model::SeriesProjection) -> Html| -> Html {
        if multi {
            html! {
                <ul class="series-values">
                    { for t.series.iter().map(|s| html! {
                        <li><span class="series-label">{ label(&s.series).unwrap_or_default() }</span>{ " " }{ f(s) }</li>
                    }) }
                </ul>
            }
        } else {
            t.series.first().map(f).unwrap_or_default()
        }
    };
    let ratio = each(&|s| match &s.ratio {
        Metric::Value(p) => html! {
            <>
                { ratio_text(lang, ind, s.projected_value.value().copied().unwrap_or(0.0), *p) }
                if s.method == Method::Line {
                    <span class="method-tag">{ tt(lang, TKey::MethodUsedLine) }</span>
                }
            </>
        },
        Metric::Unavailable(u) => na(lang, *u),
    });
    // The indicator's outlook: the worst series unless all achieved.
    let outlook = outlook_badge(lang, &t.outlook);
    let year = each(&|s| match &s.year {
        Metric::Value(YearReached::AlreadyMet) => html! { { tt(lang, TKey::AlreadyMet) } },
        Metric::Value(YearReached::Year(y)) => {
            let kind = s
                .target_period
                .map(|p| p.kind)
                .unwrap_or(PeriodKind::FiscalYear);
            html! { { year_label(lang, era, kind, *y) } }
        }
        Metric::Value(YearReached::NotAtThisPace) => html! { { tt(lang, TKey::NotAtThisPace) } },
        Metric::Unavailable(u) => na(lang, *u),
    });
    // For the CSV: the exact rate however the cell words it ("far beyond the target"), the
    // words beside it; several series have no one number (their text goes to the note).
    let (num, note) = match (multi, t.series.first()) {
        (false, Some(s)) => match &s.ratio {
            Metric::Value(p) => {
                let value = s.projected_value.value().copied().unwrap_or(0.0);
                let shown = matches!(
                    machi_kpi_core::analysis::readable::projection_headline(ind, value, *p),
                    machi_kpi_core::analysis::readable::ProjectionHeadline::Shown { .. }
                );
                let mut words = Vec::new();
                if !shown {
                    words.push(ratio_text(lang, ind, value, *p));
                }
                if s.method == Method::Line {
                    words.push(tt(lang, TKey::MethodUsedLine).to_owned());
                }
                (
                    csv_percent(*p),
                    (!words.is_empty()).then(|| words.join(" ")),
                )
            }
            Metric::Unavailable(_) => (String::new(), None),
        },
        _ => (String::new(), None),
    };
    html! {
        <>
            <td class="num" data-num={num} data-note={note} data-unit="%">{ ratio }</td>
            <td data-outlook={t.class().slug()}>
                { outlook }
                <div class="reached">{ year }</div>
            </td>
        </>
    }
}

fn projection_table(
    lang: Lang,
    era: Era,
    ds: &Dataset,
    rows: &[&ProjectionRow],
    sort: Sort<ProjectionSort>,
    on_sort: &Callback<ProjectionSort>,
) -> Html {
    let t24 = target_label(lang, era, 2024);
    let t27 = target_label(lang, era, 2027);
    scroll_region(
        "proj-table-caption",
        html! {
            <table class="data-table sortable projections-table" id="projections-table">
                <caption id="proj-table-caption">{ tt(lang, TKey::OutlookTableTitle) }</caption>
                <colgroup><col /><col /><col /></colgroup>
                <colgroup span="2" class="target-group"></colgroup>
                <colgroup span="2" class="target-group"></colgroup>
                <thead>
                    <tr>
                        <td colspan="3" class="blank"></td>
                        <th scope="colgroup" colspan="2">{ t24.clone() }</th>
                        <th scope="colgroup" colspan="2">{ t27.clone() }</th>
                    </tr>
                    <tr>
                        { sort_header(tt(lang, TKey::ColIndicator), ProjectionSort::Name, sort, on_sort, None) }
                        { sort_header(tt(lang, TKey::ColGoal), ProjectionSort::Goal, sort, on_sort, None) }
                        { sort_header(tt(lang, TKey::ColOfficial), ProjectionSort::Status, sort, on_sort, None) }
                        { sort_header(tt(lang, TKey::ColProjected), ProjectionSort::Fy2024, sort, on_sort, Some("num")) }
                        <th scope="col">{ tt(lang, TKey::ColOutlook) }</th>
                        { sort_header(tt(lang, TKey::ColProjected), ProjectionSort::Fy2027, sort, on_sort, Some("num")) }
                        <th scope="col">{ tt(lang, TKey::ColOutlook) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for rows.iter().filter_map(|r| {
                        let ind = ds.indicator(&r.id)?;
                        Some(html! {
                            <tr data-id={ind.id.clone()}>
                                { indicator_header(lang, ind, None) }
                                <td class="goal-cell">
                                    <RouteLink to={Route::Goal { id: ind.goal_id.clone() }}>{ ind.goal_id.clone() }</RouteLink>
                                </td>
                                <td>{ status_badge(lang, ind.status) }</td>
                                { target_cells(lang, era, ind, r.fy2024.as_ref()) }
                                { target_cells(lang, era, ind, r.fy2027.as_ref()) }
                            </tr>
                        })
                    }) }
                </tbody>
            </table>
        },
    )
}
