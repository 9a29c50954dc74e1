//! The Delays page (`#/delays`): the official delays split into COVID-19 and
//! other reasons by basic goal, department and measure; every series' 2020
//! fall and recovery; and the city's status beside the indicative one, with
//! the agreement counts.
//!
//! Figures come from [`super::delays_model`] (pure, tested natively); chart
//! options from [`crate::charts`]. URL state: `diff=1` (only differences) and
//! `sort` (the dip table), plus the shared `era`.

use crate::i18n::furigana;
use machi_kpi_core::analysis::{GroupCounts, Metric, Unavailable, YearReached};
use machi_kpi_core::{Dataset, Indicator, OfficialStatus, PeriodKind, Role};
use yew::prelude::*;

use super::delays_model::{
    comparison_rows, covid_cross_tab, covid_rows, cross_tab, delayed_groups, sort_covid_rows,
    without_dip, ComparisonRow, CovidRow, CovidSort, DelaysState,
};
use super::filter::NO_DEPARTMENT;
use super::sort::Sort;
use super::ui::{
    live_count, open, scroll_region, sort_header, status_badge, use_query, Choice, Nav, RouteLink,
};
use super::url_state::{era_from_pairs, with_era, with_state, PageState};
use crate::charts::{covid_dip, delay_groups, TableData, TableRow};
use crate::components::chart::ChartClick;
use crate::components::chart_panel::{ChartPanel, ClickLeads};
use crate::components::download::csv_percent;
use crate::context::{use_analysis, use_dataset, DataContext};
use crate::i18n::era::{year_label, Era};
use crate::i18n::kpi_format::{indicative_name, percent, reason, signed_percent, DASH};
use crate::i18n::messages;
use crate::i18n::pages_tables::{of, showing, tt, without_dip_note, TKey, Unit};
use crate::i18n::{t, Key, Lang};
use crate::routes::Route;
use crate::use_lang;

/// Labels groups for a breakdown chart and its table: the axis text and the row header.
fn labelled<'a>(
    groups: impl IntoIterator<Item = &'a GroupCounts>,
    axis: impl Fn(&GroupCounts) -> String,
    full: impl Fn(&GroupCounts) -> String,
) -> Vec<delay_groups::Labelled<'a>> {
    groups
        .into_iter()
        .map(|g| delay_groups::Labelled {
            group: g,
            axis: axis(g),
            full: full(g),
        })
        .collect()
}

/// The Delays page.
#[component]
pub fn Delays() -> Html {
    let lang = use_lang();
    match use_dataset() {
        Some(data) => html! { <DelaysBody {data} {lang} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    data: DataContext,
    lang: Lang,
}

/// An indicator's name in the reader's language, with its series.
pub fn indicator_name(
    lang: Lang,
    ind: &Indicator,
    series: Option<&machi_kpi_core::Series>,
) -> String {
    let name = lang.pick(&ind.name_ja, &ind.name_en);
    match series {
        Some(s) => {
            // Name and series label each their own bidi isolate (the whole text is
            // already one, as a link or cell): neither can reorder the other.
            let name = crate::i18n::isolate(name);
            let label = crate::i18n::isolate(lang.pick(&s.label_ja, &s.label_en));
            if lang.is_japanese() {
                format!("{name}（{label}）")
            } else {
                format!("{name} ({label})")
            }
        }
        None => name.to_owned(),
    }
}

/// An indicator's name in Japanese and in English (with its series label), for the
/// `name_ja` and `name_en` columns of a table's CSV.
pub fn indicator_names(
    ind: &Indicator,
    series: Option<&machi_kpi_core::Series>,
) -> (String, String) {
    match series {
        Some(s) => (
            format!("{}（{}）", ind.name_ja, s.label_ja),
            format!("{} ({})", ind.name_en, s.label_en),
        ),
        None => (ind.name_ja.clone(), ind.name_en.clone()),
    }
}

/// A table row's header: the indicator's name in the page's language, linked to its
/// page, with both names for the CSV (`data-names="name"`, `data-ja`, `data-en`).
pub fn indicator_header(
    lang: Lang,
    ind: &Indicator,
    series: Option<&machi_kpi_core::Series>,
) -> Html {
    let (ja, en) = indicator_names(ind, series);
    html! {
        <th scope="row" data-names="name" data-ja={ja} data-en={en}>
            <RouteLink to={Route::Kpi { id: ind.id.clone() }}>{ indicator_name(lang, ind, series) }</RouteLink>
        </th>
    }
}

/// The goal id a measure key (`1-1-2`, or `1-1-0` for numeric goals) belongs to.
fn goal_of_measure(key: &str) -> String {
    key.rsplit_once('-')
        .map(|(g, _)| g.to_owned())
        .unwrap_or_else(|| key.to_owned())
}

#[component]
fn DelaysBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let ds: &Dataset = &props.data.0;
    let analysis = use_analysis();
    let query = use_query();
    let state = DelaysState::from_pairs(&query.pairs);
    let era = era_from_pairs(&query.pairs, lang);
    // Opened once, for a link that asked for the differences; then left to the reader.
    let comparison_open = {
        let asked = state.differences_only;
        *use_memo((), move |_| asked)
    };
    let Some(analysis) = analysis else {
        return html! {};
    };
    let b = &analysis.summary.breakdown;
    let overall = b.overall;
    let agreement = &analysis.summary.agreement;

    // Breakdown charts: only groups with delays are drawn; tables list every group.
    let goal_label = |key: &str| messages::goal_label(lang, key);
    let goal_axis = |g: &GroupCounts| goal_label(&g.key);
    let goal_full = |g: &GroupCounts| {
        format!(
            "{} {}",
            goal_label(&g.key),
            lang.pick(&g.label_ja, &g.label_en)
        )
    };
    let goal_groups = delayed_groups(&b.by_goal);
    let goal_labelled = labelled(&goal_groups, goal_axis, goal_full);
    let goal_all = labelled(&b.by_goal, goal_axis, goal_full);
    let dept_label = |g: &GroupCounts| {
        if g.key.is_empty() {
            tt(lang, TKey::NoDepartment).to_owned()
        } else {
            lang.pick(&g.label_ja, &g.label_en).to_owned()
        }
    };
    let dept_groups = delayed_groups(&b.by_department);
    // On the axis, English names drop the " Division" every one of them ends with.
    let dept_axis = |g: &GroupCounts| {
        let full = dept_label(g);
        full.strip_suffix(" Division")
            .map(str::to_owned)
            .unwrap_or(full)
    };
    let dept_labelled = labelled(&dept_groups, dept_axis, dept_label);
    let dept_all = labelled(&b.by_department, dept_label, dept_label);
    let measure_label = |g: &GroupCounts| {
        if g.key.ends_with("-0") {
            format!(
                "{} {}",
                goal_of_measure(&g.key),
                t(lang, Key::NumericGoalLabel)
            )
        } else {
            format!("{} {}", g.key, lang.pick(&g.label_ja, &g.label_en))
        }
    };
    let measure_groups = delayed_groups(&b.by_measure);
    let measure_labelled = labelled(&measure_groups, measure_label, measure_label);
    let measure_all = labelled(&b.by_measure, measure_label, measure_label);

    let navigator = query.navigator();
    let pairs = query.pairs.clone();
    let on_goal = {
        let (navigator, pairs) = (navigator.clone(), pairs.clone());
        let keys: Vec<String> = goal_groups.iter().map(|g| g.key.clone()).collect();
        Callback::from(move |c: ChartClick| {
            if let (Some(n), Some(id)) = (&navigator, c.data_index.and_then(|i| keys.get(i))) {
                open(n, &Route::Goal { id: id.clone() }, &pairs, Vec::new());
            }
        })
    };
    let on_measure = {
        let (navigator, pairs) = (navigator.clone(), pairs.clone());
        let keys: Vec<String> = measure_groups
            .iter()
            .map(|g| goal_of_measure(&g.key))
            .collect();
        Callback::from(move |c: ChartClick| {
            if let (Some(n), Some(id)) = (&navigator, c.data_index.and_then(|i| keys.get(i))) {
                open(n, &Route::Goal { id: id.clone() }, &pairs, Vec::new());
            }
        })
    };
    let on_dept = {
        let (navigator, pairs) = (navigator.clone(), pairs.clone());
        let keys: Vec<String> = dept_groups
            .iter()
            .map(|g| {
                if g.key.is_empty() {
                    NO_DEPARTMENT.to_owned()
                } else {
                    g.key.clone()
                }
            })
            .collect();
        Callback::from(move |c: ChartClick| {
            let (Some(n), Some(dept)) = (&navigator, c.data_index.and_then(|i| keys.get(i))) else {
                return;
            };
            // The segment clicked says which delays to list (by the series' index: its
            // name is the legend's words, which differ by language).
            let status = c
                .series_index
                .and_then(|i| delay_groups::SERIES.get(i).copied())
                .unwrap_or(OfficialStatus::Delayed);
            let extra = vec![
                ("status".to_owned(), status.slug().to_owned()),
                ("dept".to_owned(), dept.clone()),
            ];
            open(n, &Route::Data, &pairs, extra);
        })
    };

    // COVID dip and recovery.
    let mut rows = covid_rows(ds, &analysis);
    let dips_sorted = {
        let mut r = rows.clone();
        sort_covid_rows(
            &mut r,
            Sort {
                key: CovidSort::Dip,
                dir: super::sort::Direction::Ascending,
            },
            |_| String::new(),
        );
        r
    };
    let dips: Vec<covid_dip::Dip> = dips_sorted
        .iter()
        .filter(|r| r.dip().is_some_and(|d| d < 0.0))
        .map(|r| covid_dip::Dip {
            label: indicator_name(lang, r.indicator, r.series),
            names: indicator_names(r.indicator, r.series),
            dip: r.dip().unwrap_or_default(),
            affected: r.impact.affected,
        })
        .collect();
    let dip_ids: Vec<String> = dips_sorted
        .iter()
        .filter(|r| r.dip().is_some_and(|d| d < 0.0))
        .map(|r| r.indicator.id.clone())
        .collect();
    let on_dip = {
        let (navigator, pairs) = (navigator.clone(), pairs.clone());
        Callback::from(move |c: ChartClick| {
            if let (Some(n), Some(id)) = (&navigator, c.data_index.and_then(|i| dip_ids.get(i))) {
                open(n, &Route::Kpi { id: id.clone() }, &pairs, Vec::new());
            }
        })
    };
    sort_covid_rows(&mut rows, state.sort, |r| {
        indicator_name(lang, r.indicator, r.series)
    });
    let on_sort = {
        let query = query.clone();
        let state = state.clone();
        Callback::from(move |k: CovidSort| {
            let next = DelaysState {
                sort: state.sort.toggled(k),
                ..state.clone()
            };
            query.set(with_state(&query.pairs, &next), Nav::Push);
        })
    };

    // Official vs indicative.
    let comparison = comparison_rows(ds, &analysis);
    let shown: Vec<&ComparisonRow> = comparison
        .iter()
        .filter(|r| !state.differences_only || r.differs())
        .collect();
    let on_diff = {
        let query = query.clone();
        let state = state.clone();
        Callback::from(move |_: Event| {
            let next = DelaysState {
                differences_only: !state.differences_only,
                ..state.clone()
            };
            query.set(with_state(&query.pairs, &next), Nav::Push);
        })
    };
    let on_era = {
        let query = query.clone();
        Callback::from(move |v: String| {
            let era = Era::from_slug(&v).unwrap_or(Era::default_for(lang));
            query.set(with_era(&query.pairs, era, lang), Nav::Push);
        })
    };

    furigana::rubify(
        lang,
        html! {
            <div class="wrap page tables-page page-delays">
                <h1>{ t(lang, Key::NavDelays) }</h1>
                <p class="lead">{ tt(lang, TKey::DelaysLead) }</p>
                <p class="note">{ tt(lang, TKey::OfficialNote) }</p>
                <ul class="stat-tiles">
                    { tile("delayed", overall.delayed_total(), None, tt(lang, TKey::TileDelayed), None) }
                    { tile("delayed_covid", overall.delayed_covid, None, tt(lang, TKey::TileDelayedCovid), Some(OfficialStatus::DelayedCovid)) }
                    { tile("delayed_other", overall.delayed, None, tt(lang, TKey::TileDelayedOther), Some(OfficialStatus::Delayed)) }
                    { tile("covid_computed", analysis.summary.covid_affected, None, tt(lang, TKey::TileCovidComputed), None) }
                    { tile("status_agree", agreement.agree, Some(agreement.compared), tt(lang, TKey::TileStatusAgree), None) }
                    { tile("covid_agree", agreement.covid_agree, Some(agreement.covid_compared), tt(lang, TKey::TileCovidAgree), None) }
                </ul>

                <section aria-labelledby="breakdown-title">
                    <h2 id="breakdown-title">{ tt(lang, TKey::BreakdownTitle) }</h2>
                    <div class="chart-grid">
                        <ChartPanel id="delays-by-goal" title={tt(lang, TKey::ChartByGoal)}
                            spec={delay_groups::spec(&goal_labelled, &overall, lang)}
                            table={delay_groups::table(&goal_all, &overall, lang, tt(lang, TKey::ColGroupGoal))}
                            height={delay_groups::height_for(goal_labelled.len())}
                            on_click={Some(on_goal)} leads={ClickLeads::Goal} />
                        <ChartPanel id="delays-by-department" title={tt(lang, TKey::ChartByDepartment)}
                            spec={delay_groups::spec(&dept_labelled, &overall, lang)}
                            table={delay_groups::table(&dept_all, &overall, lang, tt(lang, TKey::ColGroupDepartment))}
                            height={delay_groups::height_for(dept_labelled.len())}
                            on_click={Some(on_dept)} leads={ClickLeads::List} />
                    </div>
                    <div class="chart-wide">
                        <ChartPanel id="delays-by-measure" title={tt(lang, TKey::ChartByMeasure)}
                            spec={delay_groups::spec(&measure_labelled, &overall, lang)}
                            table={delay_groups::table(&measure_all, &overall, lang, tt(lang, TKey::ColGroupMeasure))}
                            height={delay_groups::height_for(measure_labelled.len())}
                            on_click={Some(on_measure)} leads={ClickLeads::Goal} />
                    </div>
                </section>

                <section>
                    <h2 id="covid-title">{ tt(lang, TKey::CovidTitle) }</h2>
                    <p class="note">{ tt(lang, TKey::CovidLead) }</p>
                    <Choice name="era" legend={tt(lang, TKey::EraLegend)}
                        options={era_options(lang)} selected={era.slug()} on_change={on_era} />
                    <ChartPanel id="covid-dip" title={tt(lang, TKey::ChartDip)}
                        spec={covid_dip::spec(&dips, lang)} table={covid_dip::table(&dips, lang)}
                        height={covid_dip::height_for(dips.len())} on_click={Some(on_dip)} leads={ClickLeads::Indicator} />
                    // One row per indicator: folded, so that the page answers with its
                    // charts first (the chart's own table switch has the same figures).
                    <details class="per-indicator" id="dip-details">
                        <summary>{ tt(lang, TKey::PerIndicatorDips) }{ format!(" · {}", rows.len()) }</summary>
                        { dip_table(lang, era, &rows, state.sort, &on_sort) }
                    </details>
                    <p class="note">{ without_dip_note(lang, without_dip(ds, &analysis)) }</p>
                </section>

                <section>
                    <h2 id="comparison-title">{ tt(lang, TKey::ComparisonTitle) }</h2>
                    <p class="note">{ tt(lang, TKey::ComparisonLead) }</p>
                    <div class="cross-tabs">
                        { simple_table("cross-status", &status_cross_table(lang, &comparison)) }
                        { simple_table("cross-covid", &covid_cross_table(lang, &comparison)) }
                    </div>
                    <p class="agreement" data-figure="agreement">
                        { tt(lang, TKey::TileStatusAgree) }{ ": " }<strong>{ of(lang, agreement.agree, agreement.compared) }</strong>
                        { " / " }
                        { tt(lang, TKey::TileCovidAgree) }{ ": " }<strong>{ of(lang, agreement.covid_agree, agreement.covid_compared) }</strong>
                    </p>
                    <details class="per-indicator" id="comparison-details" open={comparison_open}>
                        <summary>{ tt(lang, TKey::PerIndicatorComparison) }{ format!(" · {}", comparison.len()) }</summary>
                        <div class="filter-bar">
                            <div class="field field-check">
                                <input type="checkbox" id="diff-only" checked={state.differences_only} onchange={on_diff} />
                                <label for="diff-only">{ tt(lang, TKey::DifferencesOnly) }</label>
                            </div>
                        </div>
                        { live_count("comparison-count", showing(lang, shown.len(), comparison.len(), Unit::Indicators)) }
                        { comparison_table(lang, &shown) }
                    </details>
                </section>
            </div>
        },
    )
}

/// The era switch's options.
pub fn era_options(lang: Lang) -> Vec<(AttrValue, AttrValue)> {
    vec![
        (Era::Wareki.slug().into(), tt(lang, TKey::EraWareki).into()),
        (
            Era::Gregorian.slug().into(),
            tt(lang, TKey::EraGregorian).into(),
        ),
    ]
}

/// A headline figure, optionally "of N".
fn tile(
    figure: &'static str,
    value: usize,
    of_total: Option<usize>,
    label: &str,
    status: Option<OfficialStatus>,
) -> Html {
    let style = status.map(|s| format!("--swatch:{}", crate::charts::status_color(s)));
    html! {
        <li class="tile" {style}>
            <span class="tile-value" data-figure={figure}>{ value }</span>
            if let Some(total) = of_total {
                <span class="tile-share" data-figure={format!("{figure}_of")}>{ format!("/ {total}") }</span>
            }
            <span class="tile-label">{ label.to_owned() }</span>
        </li>
    }
}

/// A small static table (caption, scoped headers) in a labelled scroll region.
pub fn simple_table(id: &str, data: &TableData) -> Html {
    let caption_id = format!("{id}-caption");
    scroll_region(
        &caption_id,
        html! {
            <table class="data-table" id={id.to_owned()}>
                <caption id={caption_id.clone()}>{ &data.caption }</caption>
                <thead><tr>
                    { for data.columns.iter().enumerate().map(|(i, c)| {
                        let class = (i > 0).then_some("num");
                        html! { <th scope="col" {class}>{ c }</th> }
                    }) }
                </tr></thead>
                <tbody>
                    { for data.rows.iter().map(|r: &TableRow| html! {
                        <tr>
                            { crate::components::data_table::row_header(r) }
                            { for r.cells.iter().map(|c| html! { <td class="num">{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}

fn status_cross_table(lang: Lang, rows: &[ComparisonRow<'_>]) -> TableData {
    let m = cross_tab(rows);
    let mut columns = vec![tt(lang, TKey::RowsOfficial).to_owned()];
    columns.extend(
        OfficialStatus::ALL
            .iter()
            .map(|&s| messages::status_name(lang, s).to_owned()),
    );
    columns.push(tt(lang, TKey::NotComputable).to_owned());
    TableData {
        caption: tt(lang, TKey::CrossTabTitle).to_owned(),
        columns,
        rows: OfficialStatus::ALL
            .iter()
            .enumerate()
            .map(|(i, &s)| TableRow {
                header: messages::status_name(lang, s).to_owned(),
                cells: m[i].iter().map(usize::to_string).collect(),
                ..Default::default()
            })
            .collect(),
        footer: None,
    }
}

fn covid_cross_table(lang: Lang, rows: &[ComparisonRow<'_>]) -> TableData {
    let m = covid_cross_tab(rows);
    TableData {
        caption: tt(lang, TKey::CovidCrossTabTitle).to_owned(),
        columns: vec![
            tt(lang, TKey::RowsOfficial).to_owned(),
            tt(lang, TKey::FlagAffected).to_owned(),
            tt(lang, TKey::FlagNotAffected).to_owned(),
        ],
        rows: [OfficialStatus::DelayedCovid, OfficialStatus::Delayed]
            .iter()
            .enumerate()
            .map(|(i, &s)| TableRow {
                header: messages::status_name(lang, s).to_owned(),
                cells: m[i].iter().map(usize::to_string).collect(),
                ..Default::default()
            })
            .collect(),
        footer: None,
    }
}

/// "—（reason）" for an unavailable metric.
fn na(lang: Lang, u: Option<Unavailable>) -> Html {
    match u {
        Some(u) => {
            html! { <span class="na">{ DASH }<span class="reason">{ format!(" {}", reason(lang, u)) }</span></span> }
        }
        None => html! { <span class="na">{ DASH }</span> },
    }
}

/// The period kind of an indicator's COVID-year values (fiscal or calendar).
fn covid_kind(ind: &Indicator) -> PeriodKind {
    ind.observations
        .iter()
        .find(|o| o.role == Role::Actual && o.period.year == 2020)
        .map(|o| o.period.kind)
        .unwrap_or(PeriodKind::FiscalYear)
}

fn dip_table(
    lang: Lang,
    era: Era,
    rows: &[CovidRow<'_>],
    sort: Sort<CovidSort>,
    on_sort: &Callback<CovidSort>,
) -> Html {
    let caption = tt(lang, TKey::CovidTitle);
    scroll_region(
        "dip-table-caption",
        html! {
            <table class="data-table sortable" id="dip-table">
                <caption id="dip-table-caption">{ caption }</caption>
                <thead><tr>
                    { sort_header(tt(lang, TKey::ColIndicator), CovidSort::Name, sort, on_sort, None) }
                    <th scope="col">{ tt(lang, TKey::ColOfficial) }</th>
                    { sort_header(tt(lang, TKey::ColDip), CovidSort::Dip, sort, on_sort, Some("num")) }
                    { sort_header(tt(lang, TKey::ColRecovery), CovidSort::Recovery, sort, on_sort, Some("num")) }
                    { sort_header(tt(lang, TKey::ColRecoveryYear), CovidSort::Year, sort, on_sort, None) }
                    <th scope="col">{ tt(lang, TKey::ColComputedFlag) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        // The exact figures for the CSV (`data-num`, in percent).
                        let dip_num = r.impact.dip.value().map(|d| csv_percent(*d)).unwrap_or_default();
                        let recovery_num = r.impact.recovery.value().map(|x| csv_percent(*x)).unwrap_or_default();
                        let dip = match &r.impact.dip {
                            Metric::Value(d) => html! { { signed_percent(*d, 1) } },
                            Metric::Unavailable(u) => na(lang, Some(*u)),
                        };
                        // No fall: the dip column already says so ("+23.2%").
                        let no_dip = |u: Unavailable| (u == Unavailable::NoDip).then_some(u);
                        let recovery = match &r.impact.recovery {
                            Metric::Value(x) => html! { { percent(*x, 0) } },
                            Metric::Unavailable(u) if no_dip(*u).is_some() => na(lang, None),
                            Metric::Unavailable(u) => na(lang, Some(*u)),
                        };
                        let year = match &r.impact.recovery_year {
                            Metric::Value(YearReached::AlreadyMet) => html! { { tt(lang, TKey::RecoveredAlready) } },
                            Metric::Value(YearReached::Year(y)) => html! { { year_label(lang, era, covid_kind(r.indicator), *y) } },
                            Metric::Value(YearReached::NotAtThisPace) => html! { { tt(lang, TKey::NotRecoveringAtThisPace) } },
                            Metric::Unavailable(u) if no_dip(*u).is_some() => na(lang, None),
                            Metric::Unavailable(u) => na(lang, Some(*u)),
                        };
                        html! {
                            <tr data-id={r.indicator.id.clone()}>
                                { indicator_header(lang, r.indicator, r.series) }
                                <td>{ status_badge(lang, r.indicator.status) }</td>
                                <td class="num" data-num={dip_num} data-unit="%">{ dip }</td>
                                <td class="num" data-num={recovery_num} data-unit="%">{ recovery }</td>
                                <td>{ year }</td>
                                <td>{ flag(lang, r.impact.affected) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    )
}

/// The computed COVID flag as text with a shape.
fn flag(lang: Lang, affected: bool) -> Html {
    if affected {
        html! { <span class="flag flag-yes"><span aria-hidden="true">{ "▼ " }</span>{ tt(lang, TKey::FlagAffected) }</span> }
    } else {
        html! { <span class="flag flag-no"><span aria-hidden="true">{ "－ " }</span>{ tt(lang, TKey::FlagNotAffected) }</span> }
    }
}

/// "Agree" / "Differ" / "Not compared", with a shape.
fn agreement(lang: Lang, a: Option<bool>) -> Html {
    match a {
        Some(true) => {
            html! { <span class="agree agree-yes"><span aria-hidden="true">{ "＝ " }</span>{ tt(lang, TKey::Agree) }</span> }
        }
        Some(false) => {
            html! { <span class="agree agree-no"><span aria-hidden="true">{ "≠ " }</span>{ tt(lang, TKey::Differ) }</span> }
        }
        None => html! { <span class="agree agree-na">{ tt(lang, TKey::NotCompared) }</span> },
    }
}

fn comparison_table(lang: Lang, rows: &[&ComparisonRow<'_>]) -> Html {
    scroll_region(
        "comparison-caption",
        html! {
            <table class="data-table" id="comparison-table">
                <caption id="comparison-caption" class="visually-hidden">{ tt(lang, TKey::ComparisonTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ tt(lang, TKey::ColIndicator) }</th>
                    <th scope="col">{ tt(lang, TKey::ColOfficial) }</th>
                    <th scope="col">{ tt(lang, TKey::ColIndicative) }</th>
                    <th scope="col">{ tt(lang, TKey::ColAgree) }</th>
                    <th scope="col">{ tt(lang, TKey::ColCovidOfficial) }</th>
                    <th scope="col">{ tt(lang, TKey::ColCovidComputed) }</th>
                    <th scope="col">{ tt(lang, TKey::ColCovidAgree) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| {
                        let indicative = match &r.indicative {
                            Metric::Value(s) => status_badge_text(indicative_name(lang, *s), s.as_official()),
                            Metric::Unavailable(u) => na(lang, Some(*u)),
                        };
                        let official_covid = if r.official.is_delayed() {
                            let key = if r.official == OfficialStatus::DelayedCovid { TKey::OfficialCovid } else { TKey::OfficialOther };
                            html! { { tt(lang, key) } }
                        } else {
                            html! { { DASH } }
                        };
                        let class = classes!(r.differs().then_some("differs"));
                        html! {
                            <tr {class} data-id={r.indicator.id.clone()}>
                                { indicator_header(lang, r.indicator, None) }
                                <td>{ status_badge(lang, Some(r.official)) }</td>
                                <td>{ indicative }</td>
                                <td>{ agreement(lang, r.status_agrees) }</td>
                                <td>{ official_covid }</td>
                                <td>{ flag(lang, r.covid_affected) }</td>
                                <td>{ agreement(lang, r.covid_agrees) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        },
    )
}

/// A badge in a status's style with a given text (for indicative statuses).
fn status_badge_text(text: &str, s: OfficialStatus) -> Html {
    html! {
        <span class={classes!("badge", "indicative", format!("status-{}", s.slug()))} data-status={s.slug()}>
            <span class="badge-icon" aria-hidden="true">{ super::ui::status_shape(s) }</span>
            { text.to_owned() }
        </span>
    }
}
