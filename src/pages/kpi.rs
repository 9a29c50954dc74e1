//! The Indicator page (`#/kpi/<id>`): one numerical goal or KPI in full.
//!
//! Top to bottom: where it sits (breadcrumb, kind, unit, direction), the
//! official status beside the indicative one; the view options (projection
//! method, scenario, era — all in the URL, see [`ViewState`]); the time-series
//! chart with its chart ⇄ table switch and one-sentence summary
//! ([`crate::charts::kpi_series`]); per target and series, the base, latest
//! value, target, achievement against expected progress, the verdict under
//! the chosen view, the four projections with the year each reaches the
//! target, required against observed yearly change, the pace ratio, and
//! "show the computation" ([`crate::pages::formulas`]); the COVID-19 dip and
//! recovery; the definition, departments (with English names) and the FY2021
//! notes ①②③ (shown exactly as the data has them, `<` and all); every source
//! cell verbatim with its column and caveats; and the transcription
//! decisions. Download, share and embed are the shell's page tools, under
//! every page (their "this view" CSV holds this page's tables).
//!
//! All figures come from the core's analysis ([`crate::context::use_analysis`]);
//! an undefined one is "—" with its reason. Data text is always rendered as
//! text, never as HTML.

use crate::i18n::furigana;
use std::rc::Rc;

use machi_kpi_core::analysis::readable::projection_headline;
use machi_kpi_core::analysis::{
    Analysis, IndicatorAnalysis, Method, Metric, Scenario, TargetAnalysis,
};
use machi_kpi_core::{Dataset, Indicator};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::charts::kpi_series::{self, ChartView};
use crate::components::chart_panel::ChartPanel;
use crate::components::kpi_widgets as w;
use crate::components::table_region::TableRegion;
use crate::context::{use_analysis, use_dataset, use_lang_state, DataContext};
use crate::i18n::era::{period_label, Era};
use crate::i18n::kpi_format::{self as fmt, change_text, paren, precision, value_text};
use crate::i18n::messages;
use crate::i18n::pages_goal_kpi::{self as text, pt, PKey};
use crate::i18n::readable as rtext;
use crate::i18n::{t, Key, Lang};
use crate::pages::formulas::{self, Formula};
use crate::pages::goal::edition_slug;
use crate::pages::view_state::{method_slug, scenario_slug, ViewState};
use crate::pages::widgets::{japanese_only, Breadcrumb, SwitchOption, ViewSwitch};
use crate::routes::Route;

/// Properties of [`KpiPage`].
#[derive(Properties, PartialEq)]
pub struct KpiPageProps {
    /// The indicator's id, e.g. `security-lights`.
    pub id: AttrValue,
}

/// The analysis, compared by pointer (it is computed once per dataset).
#[derive(Clone)]
pub struct AnalysisRef(pub Rc<Analysis>);

impl PartialEq for AnalysisRef {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.0, &other.0)
    }
}

/// The Indicator page.
#[component]
pub fn KpiPage(props: &KpiPageProps) -> Html {
    let state = use_lang_state();
    let lang = state.lang;
    let data = use_dataset();
    let analysis = use_analysis();
    let location = use_location();
    let view = ViewState::from_query(location.as_ref().map(|l| l.query_str()).unwrap_or(""));
    let lang_q = state.query_for(lang).and_then(|q| q.lang);
    match (data, analysis) {
        (Some(data), Some(analysis)) => html! {
            <KpiBody id={props.id.clone()} {data} analysis={AnalysisRef(analysis)} {view} {lang} {lang_q} />
        },
        _ => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    id: AttrValue,
    data: DataContext,
    analysis: AnalysisRef,
    view: ViewState,
    lang: Lang,
    lang_q: Option<String>,
}

#[component]
fn KpiBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let view = props.view;
    let ds = &props.data.0;
    // Set once, when the page opens: a link that chose a method or scenario opens
    // the computation; after that the reader's own open or close is left alone
    // (a switch back to the default does not fold it under their pointer).
    let computation_open = *use_memo((), move |_| {
        view != (ViewState {
            era: view.era,
            ..ViewState::default()
        })
    });
    let chart = use_memo(
        (
            props.data.clone(),
            props.analysis.clone(),
            props.id.clone(),
            view,
            lang,
        ),
        |(data, analysis, id, view, lang)| {
            let ind = data.0.indicator(id)?;
            let a = analysis.0.indicator(id)?;
            let cv = ChartView {
                method: view.method,
                scenario: view.scenario,
                era: view.era_for(*lang),
            };
            Some((
                kpi_series::spec(ind, a, cv, *lang),
                kpi_series::table(ind, a, cv, *lang),
            ))
        },
    );
    let (Some(ind), Some(a)) = (
        ds.indicator(&props.id),
        props.analysis.0.indicator(&props.id),
    ) else {
        return not_found(lang, &props.id);
    };
    let route = Route::Kpi { id: ind.id.clone() };
    let link_query = ViewState {
        era: view.era,
        ..ViewState::default()
    }
    .params(props.lang_q.as_deref());
    let mut crumbs = vec![(Some(Route::Overview), t(lang, Key::NavOverview).to_owned())];
    crumbs.push((
        Some(Route::Goal {
            id: ind.goal_id.clone(),
        }),
        messages::goal_label(lang, &ind.goal_id),
    ));
    crumbs.push((None, lang.pick(&ind.name_ja, &ind.name_en).to_owned()));
    let ctx = Ctx {
        lang,
        era: view.era_for(lang),
        view,
        ds,
        ind,
        a,
    };
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page kpi-page" data-kpi={ind.id.clone()}>
                <Breadcrumb items={crumbs} query={link_query} />
                { header(&ctx) }
                if let Some((spec, table)) = &*chart {
                    <ChartPanel
                        id="kpi-chart"
                        title={pt(lang, PKey::ChartTitle)}
                        subject={Some(AttrValue::from(lang.pick(&ind.name_ja, &ind.name_en).to_owned()))}
                        spec={spec.clone()}
                        table={table.clone()}
                        height={kpi_series::height(spec)}
                    />
                }
                // The era names every date of the page: it stays in sight, outside
                // the folded computation.
                <div class="view-options era-only">
                    { crate::pages::widgets::era_switch(lang, view.era_for(lang), route.clone(), view, props.lang_q.clone()) }
                </div>
                { facts(&ctx) }
                // Methods, scenarios, rates, CAGR, R and δ: folded under one summary,
                // open when the address chose a view other than the default (a
                // shared link to a method shows that method's figures at once).
                <details class="how-computed" open={computation_open}>
                    <summary><h2 class="how-computed-title">{ pt(lang, PKey::HowComputed) }</h2></summary>
                    { view_options(&ctx, route.clone(), props.lang_q.clone()) }
                    { analysis_section(&ctx) }
                    { covid_section(&ctx) }
                </details>
                { about_section(&ctx) }
                { source_cells(&ctx) }
                { decisions(&ctx) }
            </div>
        },
    )
}

struct Ctx<'a> {
    lang: Lang,
    era: Era,
    view: ViewState,
    ds: &'a Dataset,
    ind: &'a Indicator,
    a: &'a IndicatorAnalysis,
}

fn not_found(lang: Lang, id: &str) -> Html {
    html! {
        <div class="wrap page placeholder">
            <h1>{ format!("{} {id}", t(lang, Key::KpiPageTitle)) }</h1>
            <p class="notice" role="status">{ pt(lang, PKey::IndicatorNotFound) }</p>
            <p><crate::components::link::AppLink to={Route::Overview}>{ t(lang, Key::BackToOverview) }</crate::components::link::AppLink></p>
        </div>
    }
}

/// The title and, under it, the answer.
fn header(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    html! {
        <>
        <header class="page-head">
            <p class="eyebrow">{ text::kind_and_place(lang, ind) }</p>
            <h1 id="page-title">{ crate::components::kpi_widgets::indicator_name(lang, ind) }</h1>
            if lang == Lang::En {
                <p class="title-ja" lang="ja">{ &ind.name_ja }</p>
            }
            if crate::components::kpi_widgets::shows_easy_name(lang, ind) {
                // The easy name is ours; the city's own name stays beside it.
                <p class="title-ja">{ pt(lang, PKey::OfficialNameLabel) }{ crate::i18n::kpi_format::colon(lang) }<bdi>{ &ind.name_ja }</bdi></p>
            }
            if let Some(r) = &ind.revision_name_ja {
                <p class="title-ja" lang="ja">{ r }</p>
            }
        </header>
        { answer(c) }
        </>
    }
}

/// The indicator's facts: unit, direction, editions, the numbers' own verdict, dates.
fn facts(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    let a = c.a;
    let editions: Vec<&str> = ind
        .editions
        .iter()
        .map(|e| fmt::edition_name(lang, *e))
        .collect();
    let agree = a.status_agrees();
    let replaces = ind.replaces.as_deref().and_then(|id| c.ds.indicator(id));
    let replaced_by =
        c.ds.indicators
            .iter()
            .find(|i| i.replaces.as_deref() == Some(ind.id.as_str()));
    html! {
        <div class="page-facts">
            <dl class="facts-inline">
                <div><dt>{ pt(lang, PKey::UnitLabel) }</dt>
                    <dd>{ unit_text(lang, ind) }</dd></div>
                <div><dt class="visually-hidden">{ pt(lang, PKey::DirectionLabel) }</dt>
                    <dd>{ fmt::direction_text(lang, ind.direction) }</dd></div>
                if ind.cumulative {
                    <div><dt class="visually-hidden">{ pt(lang, PKey::CountingLabel) }</dt>
                        <dd>{ pt(lang, PKey::Cumulative) }</dd></div>
                }
                <div><dt>{ pt(lang, PKey::AppearsIn) }</dt><dd>{ editions.join(" / ") }</dd></div>
            </dl>
            if let Some(r) = replaces {
                <p class="edition-note">{ text::replaces_text(lang, lang.pick(&r.name_ja, &r.name_en)) }</p>
            }
            if let Some(r) = replaced_by {
                <p class="edition-note">{ text::replaced_by_text(lang, lang.pick(&r.name_ja, &r.name_en)) }</p>
            }
            <dl class="status-row">
                <div>
                    <dt>{ pt(lang, PKey::IndicativeStatusLabel) }</dt>
                    <dd data-figure="indicative-status">{ w::indicative_badge(lang, &a.indicative_status) }</dd>
                </div>
            </dl>
            { w::data_as_of_for(lang, c.era, c.ds, Some(ind)) }
            { w::status_vs_projection(lang, c.era, c.ds) }
            if let Some(agree) = agree {
                <p class="status-compare">
                    { pt(lang, if agree { PKey::StatusesAgree } else { PKey::StatusesDiffer }) }
                    { " " }{ pt(lang, PKey::IndicativeNote) }
                </p>
            }
        </div>
    }
}

fn view_options(c: &Ctx<'_>, route: Route, lang_q: Option<String>) -> Html {
    let lang = c.lang;
    let view = c.view;
    let selected_method = view.selected_method(c.ind);
    let method_options: Vec<SwitchOption> = [Method::Cagr, Method::Line]
        .into_iter()
        .map(|m| SwitchOption {
            value: method_slug(m),
            label: fmt::method_name(lang, m).to_owned(),
            selected: m == selected_method,
            query: view.with_method(c.ind, m).params(lang_q.as_deref()),
        })
        .collect();
    let scenario_options: Vec<SwitchOption> = [Scenario::SinceBaseline, Scenario::RecentPace]
        .into_iter()
        .map(|s| SwitchOption {
            value: scenario_slug(s),
            label: fmt::scenario_name(lang, s).to_owned(),
            selected: s == view.scenario,
            query: ViewState {
                scenario: s,
                ..view
            }
            .params(lang_q.as_deref()),
        })
        .collect();
    html! {
        <section class="view-options" aria-labelledby="view-options-title">
            <h2 id="view-options-title" class="visually-hidden">{ pt(lang, PKey::ViewOptions) }</h2>
            <div class="switches">
                <ViewSwitch name="method" legend={pt(lang, PKey::MethodLabel)}
                    options={method_options} route={route.clone()} />
                <ViewSwitch name="scenario" legend={pt(lang, PKey::ScenarioLabel)}
                    options={scenario_options} route={route} />
            </div>
            <p class="note">{ pt(lang, PKey::MethodDefaultNote) }</p>
        </section>
    }
}

/// All target analyses of the indicator, FY2024 first.
fn targets(a: &IndicatorAnalysis) -> impl Iterator<Item = &TargetAnalysis> {
    a.fy2024.iter().chain(a.fy2027.iter())
}

fn analysis_section(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    html! {
        <section class="kpi-analysis" aria-labelledby="analysis-title">
            <h2 id="analysis-title">{ pt(lang, PKey::AnalysisHeading) }</h2>
            <p class="note">{ pt(lang, PKey::AnalysisIntro) }</p>
            <div class="target-blocks">
                { for targets(c.a).map(|ta| target_block(c, ta)) }
            </div>
        </section>
    }
}

/// `fy2024:male`: the id of a target block.
pub fn target_key(ta: &TargetAnalysis) -> String {
    format!(
        "{}:{}",
        edition_slug(ta.edition),
        ta.series.as_deref().unwrap_or("all")
    )
}

fn target_block(c: &Ctx<'_>, ta: &TargetAnalysis) -> Html {
    let lang = c.lang;
    let era = c.era;
    let ind = c.ind;
    let key = target_key(ta);
    let target_obs = ind.target(ta.edition, ta.series.as_deref());
    let heading = text::target_block_heading(
        lang,
        era,
        ta.edition,
        target_obs.map(|o| o.period),
        fmt::series_label(lang, ind, ta.series.as_deref()),
    );
    let title_id = format!("target-{}-title", key.replace(':', "-"));
    let method = c.view.method_for(ta);
    let chosen_outlook = ta.outlook_for(method, c.view.scenario);
    let fell_back = c.view.method.is_none()
        && ta.default_method == Method::Line
        && !ind.cumulative
        && c.view.selected_method(ind) == Method::Cagr;
    let p = precision(ind);
    let dd_point = |m: &Metric<machi_kpi_core::analysis::Point>| match m {
        Metric::Value(pt_) => html! {
            <>{ value_text(lang, ind, pt_.value) }{ paren(lang, &period_label(lang, era, pt_.period)) }</>
        },
        Metric::Unavailable(u) => {
            html! { <span class="na">{ fmt::unavailable_text(lang, *u) }</span> }
        }
    };
    html! {
        <section class="target-block" data-target={key.clone()} aria-labelledby={title_id.clone()}>
            <h3 id={title_id}>{ heading.clone() }</h3>
            { w::target_passed(lang, ta, w::today()) }
            <dl class="figures">
                <div>
                    <dt>{ pt(lang, PKey::BaseLabel) }</dt>
                    <dd data-figure="base">
                        { dd_point(&ta.base.as_ref().map(|b| b.point)) }
                        if let Metric::Value(b) = &ta.base {
                            <span class="base-source">{ fmt::base_source_text(lang, b.source) }</span>
                        }
                    </dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::LatestValue) }{ " (v)" }</dt>
                    <dd data-figure="latest">{ w::latest_value(lang, era, ind, ta) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::TargetLabel) }{ " (T)" }</dt>
                    <dd data-figure="target">
                        if let Some(o) = target_obs {
                            { fmt::observation_text(lang, era, ind, &o.value) }
                            { paren(lang, &period_label(lang, era, o.period)) }
                            if !o.caveats.is_empty() {
                                <ul class="caveats">
                                    { for o.caveats.iter().map(|cv| html! { <li>{ "※ " }{ fmt::caveat_text(lang, cv) }</li> }) }
                                </ul>
                            }
                        } else {
                            { fmt::unavailable_text(lang, machi_kpi_core::analysis::Unavailable::NoTarget) }
                        }
                    </dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::AchievementLabel) }{ " (a)" }</dt>
                    <dd data-figure="achievement">{ crate::i18n::readable::achievement_text(lang, ind, &machi_kpi_core::analysis::readable::achievement_headline(ta)) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::ExpectedLabel) }{ " (e)" }</dt>
                    <dd data-figure="expected">
                        { w::metric_text(lang, &ta.expected_progress, |e| fmt::percent(*e, 1)) }
                        if let (Metric::Value(a), Metric::Value(e)) = (&ta.achievement, &ta.expected_progress) {
                            <span class="schedule">{ " — " }{ text::schedule_text(lang, *a, *e) }</span>
                        }
                    </dd>
                </div>
                if let Some(f) = &ta.final_result {
                    <div class="verdict final">
                        <dt>{ pt(lang, PKey::FinalResultLabel) }</dt>
                        <dd data-figure="final">{ text::final_result_text(lang, era, ind, f) }</dd>
                    </div>
                }
                <div class="verdict">
                    <dt>{ pt(lang, PKey::OutlookLabel) }</dt>
                    <dd data-figure="outlook">
                        { w::outlook_badge(lang, &chosen_outlook) }
                        // A final result depends on no method or scenario.
                        if ta.final_result.is_none() {
                            <span class="note">{ " " }{ pt(lang, PKey::OutlookUnderView) }{ paren(lang, &format!("{} · {}", fmt::method_name(lang, method), fmt::scenario_name(lang, c.view.scenario))) }</span>
                        }
                        if fell_back {
                            <span class="note">{ " " }{ pt(lang, PKey::DefaultMethodUsed) }</span>
                        }
                    </dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::RequiredChange) }</dt>
                    <dd data-figure="required-change">{ w::metric_text(lang, &ta.required_yearly_change, |x| change_text(lang, ind, *x)) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::ObservedChange) }</dt>
                    <dd data-figure="observed-change">{ w::metric_text(lang, &ta.observed_yearly_change, |x| change_text(lang, ind, *x)) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::PaceRatioLabel) }</dt>
                    <dd data-figure="pace-ratio">{ w::metric_text(lang, &ta.pace_ratio, |r| format!("{}{}", formulas::plain(r.ratio, 2), paren(lang, fmt::pace_class_name(lang, r.class)))) }</dd>
                </div>
            </dl>
            { w::progress_bar(lang, ind, ta) }
            // Past the target's period there is nothing to project (DESIGN.md §4).
            if ta.final_result.is_some() {
                <p class="note" data-figure="no-projection">{ pt(lang, PKey::FinalNoProjection) }</p>
            } else {
                { projections_table(c, ta, &heading, p) }
            }
            { computation(c, ta, method) }
        </section>
    }
}

/// The four projections of a target, the chosen one marked.
fn projections_table(c: &Ctx<'_>, ta: &TargetAnalysis, heading: &str, _p: usize) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    let kind = target_kind(ind, ta);
    let chosen = (c.view.method_for(ta), c.view.scenario);
    let caption_id = format!("proj-{}-caption", target_key(ta).replace(':', "-"));
    html! {
        <TableRegion caption_id={caption_id.clone()}>
            <table class="data-table projections">
                <caption id={caption_id}>{ text::projections_caption(lang, heading) }</caption>
                <thead>
                    <tr>
                        <th scope="col">{ pt(lang, PKey::ColMethod) }</th>
                        <th scope="col">{ pt(lang, PKey::ColScenario) }</th>
                        <th scope="col" class="num">{ pt(lang, PKey::ColProjectedValue) }</th>
                        <th scope="col" class="num">{ pt(lang, PKey::ColProjectedRatio) }</th>
                        <th scope="col">{ pt(lang, PKey::ColOutlook) }</th>
                        <th scope="col">{ pt(lang, PKey::ColYearReached) }</th>
                    </tr>
                </thead>
                <tbody>
                    { for [Method::Cagr, Method::Line].into_iter().flat_map(|m| [Scenario::SinceBaseline, Scenario::RecentPace].map(move |s| (m, s))).map(|(m, s)| {
                        let selected = (m, s) == chosen;
                        let key = format!("{}:{}", method_slug(m), scenario_slug(s));
                        let proj = ta.projection(m, s);
                        let outlook = ta.outlook_for(m, s);
                        let csv = projection_csv(lang, ind, proj);
                        html! {
                            <tr data-proj={key} class={classes!(selected.then_some("selected"))}
                                aria-current={selected.then_some("true")}>
                                <th scope="row">
                                    { fmt::method_name(lang, m) }
                                    if selected { <span class="selected-mark">{ pt(lang, PKey::SelectedMark) }</span> }
                                </th>
                                <td>{ fmt::scenario_name(lang, s) }</td>
                                // Readable figures only: an impossible value or an exploding
                                // ratio is said in words (the exact ones are in the computation).
                                <td class="num" data-field="value" data-num={csv.value} data-note={csv.value_note} data-unit={lang.pick(&ind.unit.ja, &ind.unit.en).to_owned()}>{ w::metric_text(lang, proj, |p| rtext::projected_value_text(lang, ind, &projection_headline(ind, p.projected_value, p.projected_ratio))) }</td>
                                <td class="num" data-field="ratio" data-num={csv.ratio} data-note={csv.ratio_note} data-unit="%">{ w::metric_text(lang, proj, |p| rtext::projected_ratio_text(lang, &projection_headline(ind, p.projected_value, p.projected_ratio))) }</td>
                                <td data-field="outlook">{ w::outlook_badge(lang, &outlook) }</td>
                                <td data-field="year">{ w::metric_text(lang, proj, |p| fmt::year_reached_text(lang, c.era, kind, p.year_reached)) }</td>
                            </tr>
                        }
                    }) }
                </tbody>
            </table>
        </TableRegion>
    }
}

/// A projection's exact figures for the table's CSV (`data-num`, `data-note`): the value in
/// the indicator's unit and the rate in percent, whatever the screen says instead of an
/// unreadable one ("not meaningful at this pace"); those words go beside the numbers.
struct ProjectionCsv {
    value: String,
    value_note: Option<String>,
    ratio: String,
    ratio_note: Option<String>,
}

fn projection_csv(
    lang: Lang,
    ind: &Indicator,
    proj: &machi_kpi_core::analysis::Metric<machi_kpi_core::analysis::Projection>,
) -> ProjectionCsv {
    use crate::components::download::{csv_number, csv_percent};
    use machi_kpi_core::analysis::readable::ProjectionHeadline;
    match proj.value() {
        Some(p) => {
            let h = projection_headline(ind, p.projected_value, p.projected_ratio);
            let shown = matches!(h, ProjectionHeadline::Shown { .. });
            let value_text = rtext::projected_value_text(lang, ind, &h);
            let ratio_text = rtext::projected_ratio_text(lang, &h);
            ProjectionCsv {
                value: csv_number(p.projected_value),
                value_note: (!shown && matches!(h, ProjectionHeadline::NotMeaningful))
                    .then_some(value_text),
                ratio: csv_percent(p.projected_ratio),
                ratio_note: (!shown).then_some(ratio_text),
            }
        }
        None => ProjectionCsv {
            value: String::new(),
            value_note: None,
            ratio: String::new(),
            ratio_note: None,
        },
    }
}

fn formula_list(list: &[Formula]) -> Html {
    html! {
        <ol class="formulas">
            { for list.iter().map(|f| html! {
                <li data-formula={f.id}>
                    <span class="formula-label">{ &f.label }</span>
                    <code class="formula">{ &f.expr }</code>
                </li>
            }) }
        </ol>
    }
}

/// "Show the computation" for one target: the inputs, then each formula.
fn computation(c: &Ctx<'_>, ta: &TargetAnalysis, method: Method) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    let era = c.era;
    let mut list = vec![
        formulas::achievement(ind, ta, lang),
        formulas::expected(ta, lang),
    ];
    list.extend(formulas::projection(ind, ta, method, c.view.scenario, lang));
    list.extend(formulas::yearly_changes(ind, ta, lang));
    list.push(formulas::pace_ratio(ind, ta, lang));
    let d = if machi_kpi_core::analysis::indicator::sign(ind) > 0.0 {
        "+1"
    } else {
        "−1"
    };
    let point = |m: &Metric<machi_kpi_core::analysis::Point>| {
        m.value()
            .map(|p| {
                format!(
                    "{} ({})",
                    formulas::plain(p.value, precision(ind)),
                    period_label(lang, era, p.period)
                )
            })
            .unwrap_or_else(|| fmt::DASH.to_owned())
    };
    html! {
        <details class="computation">
            <summary>{ pt(lang, PKey::ShowComputation) }</summary>
            <h4>{ pt(lang, PKey::ComputationInputs) }</h4>
            <ul class="inputs">
                <li><code>{ format!("b = {}", point(&ta.base.as_ref().map(|b| b.point))) }</code></li>
                <li><code>{ format!("v = {}", point(&ta.latest)) }</code></li>
                <li><code>{ format!("T = {}", point(&ta.target)) }</code></li>
                <li><code>{ format!("d = {d}") }</code>{ " " }{ fmt::direction_text(lang, ind.direction) }</li>
            </ul>
            { formula_list(&list) }
        </details>
    }
}

fn covid_section(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    html! {
        <section class="kpi-covid" aria-labelledby="covid-title">
            <h2 id="covid-title">{ pt(lang, PKey::CovidHeading) }</h2>
            <p data-figure="covid-affected" class={classes!("covid-flag", c.a.covid_affected.then_some("affected"))}>
                { pt(lang, if c.a.covid_affected { PKey::CovidAffected } else { PKey::CovidNotAffected }) }
            </p>
            { for c.a.covid.iter().map(|ci| {
                let series = fmt::series_label(lang, ind, ci.series.as_deref());
                let list = formulas::covid(ind, ci, lang);
                html! {
                    <div class="covid-series" data-series={ci.series.clone().unwrap_or_else(|| "all".into())}>
                        if let Some(s) = series { <h3>{ s }</h3> }
                        <dl class="figures">
                            <div><dt>{ pt(lang, PKey::CovidDip) }</dt>
                                <dd data-figure="covid-dip">{ w::metric_text(lang, &ci.dip, |x| rtext::covid_dip_text(lang, *x)) }</dd></div>
                            <div><dt>{ pt(lang, PKey::CovidRecovery) }</dt>
                                <dd data-figure="covid-recovery">{ w::metric_text(lang, &ci.recovery, |x| rtext::covid_recovery_text(lang, *x)) }</dd></div>
                            <div><dt>{ pt(lang, PKey::CovidRecoveryYear) }</dt>
                                <dd data-figure="covid-recovery-year">{ w::metric_text(lang, &ci.recovery_year, |y| fmt::year_reached_text(lang, c.era, kpi_series::main_kind(ind), *y)) }</dd></div>
                        </dl>
                        <details class="computation">
                            <summary>{ pt(lang, PKey::ShowComputation) }</summary>
                            { formula_list(&list) }
                        </details>
                    </div>
                }
            }) }
        </section>
    }
}

fn about_section(c: &Ctx<'_>) -> Html {
    use crate::i18n::isolate;
    let lang = c.lang;
    let ind = c.ind;
    let depts: Vec<String> = ind
        .departments
        .iter()
        .map(|d| match (lang, c.ds.department_en(d)) {
            // Each name its own bidi isolate, so one cannot reorder the next.
            // English beside the Japanese name for English readers only: none in
            // やさしい日本語 or Japanese (issue 13).
            (Lang::En, Some(en)) => format!("{} ({})", isolate(en), isolate(d)),
            _ => isolate(d),
        })
        .collect();
    html! {
        <section class="kpi-about" aria-labelledby="about-title">
            <h2 id="about-title">{ pt(lang, PKey::AboutIndicatorHeading) }</h2>
            <dl class="about-list">
                <div>
                    <dt>{ pt(lang, PKey::DefinitionLabel) }</dt>
                    <dd>
                        if let Some(d) = &ind.definition_ja {
                            { japanese_only(lang) }
                            <p class="data-text" lang="ja">{ d.clone() }</p>
                        } else {
                            { fmt::DASH }
                        }
                    </dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::DepartmentLabel) }</dt>
                    <dd data-figure="departments">
                        if depts.is_empty() {
                            { pt(lang, PKey::NoDepartment) }
                        } else {
                            { depts.join(lang_sep(lang)) }
                        }
                    </dd>
                </div>
            </dl>
        </section>
    }
}

/// The city's own words on the indicator (①②③ of the progress report), verbatim.
fn city_notes(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    html! {
        <>
            if let Some(n) = &c.ind.notes {
                { japanese_only(lang) }
                <dl class="notes" lang="ja">
                    <div><dt lang={lang.html_lang()}>{ pt(lang, PKey::NotesDone) }</dt><dd>{ plain_paragraphs(&n.done_ja) }</dd></div>
                    <div><dt lang={lang.html_lang()}>{ pt(lang, PKey::NotesIssues) }</dt><dd>{ plain_paragraphs(&n.issues_ja) }</dd></div>
                    <div><dt lang={lang.html_lang()}>{ pt(lang, PKey::NotesNext) }</dt><dd>{ plain_paragraphs(&n.next_ja) }</dd></div>
                </dl>
            } else {
                <p>{ pt(lang, PKey::NoNotes) }</p>
            }
        </>
    }
}

/// The first screen's answer (issue 13): the latest actual and its period, the target in
/// force and its year, where the value stands between base and target in words and a
/// bar, the city's status with its own explanation one tap away, and the outlook. The
/// target in force is the newest edition's (the plan as revised), else the report's.
fn answer(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let era = c.era;
    let ind = c.ind;
    let Some(ta) = c.a.fy2027.first().or(c.a.fy2024.first()) else {
        return html! {};
    };
    let target_obs = ind.target(ta.edition, ta.series.as_deref());
    let target_kind = target_kind(ind, ta);
    let method = c.view.method_for(ta);
    let outlook = ta.outlook_for(method, c.view.scenario);
    let series = fmt::series_label(lang, ind, ta.series.as_deref());
    html! {
        <section class="kpi-answer" aria-labelledby="answer-title">
            <h2 id="answer-title" class="visually-hidden">{ pt(lang, PKey::AtAGlance) }</h2>
            if let Some(s) = series {
                <p class="note">{ s }</p>
            }
            <dl class="answer-figures">
                <div>
                    <dt>{ pt(lang, PKey::LatestValue) }</dt>
                    <dd data-answer="latest">{ w::latest_value(lang, era, ind, ta) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::TargetLabel) }</dt>
                    <dd data-answer="target">
                        if let Some(o) = target_obs {
                            { fmt::observation_text(lang, era, ind, &o.value) }
                            { paren(lang, &period_label(lang, era, o.period)) }
                        } else {
                            { fmt::unavailable_text(lang, machi_kpi_core::analysis::Unavailable::NoTarget) }
                        }
                    </dd>
                </div>
            </dl>
            <div class="answer-where" data-answer="where">{ w::progress_bar(lang, ind, ta) }</div>
            { w::target_passed(lang, ta, w::today()) }
            <dl class="answer-verdicts">
                <div>
                    <dt>{ pt(lang, PKey::OfficialStatusLabel) }</dt>
                    <dd data-figure="official-status" data-answer="status">{ w::status_badge(lang, ind.status) }</dd>
                </div>
                <div>
                    <dt>{ pt(lang, PKey::OutlookLabel) }</dt>
                    <dd data-answer="outlook">
                        if let Some(f) = &ta.final_result {
                            { text::final_result_text(lang, era, ind, f) }
                        } else {
                            { w::outlook_badge(lang, &outlook) }
                        }
                    </dd>
                </div>
            </dl>
            // "By when?" answered under the outlook, the width of the box, for the view's
            // method and pace (the other combinations stay folded).
            if ta.final_result.is_none() {
                if let Metric::Value(p) = ta.projection(method, c.view.scenario) {
                    <p class="answer-reached" data-answer="reached">
                        { pt(lang, PKey::ColYearReached) }{ fmt::colon(lang) }
                        { fmt::year_reached_text(lang, era, target_kind, p.year_reached) }
                    </p>
                }
            }
            <details class="city-reasons">
                <summary>{ pt(lang, PKey::CityReasons) }</summary>
                // Which report the words come from, in view: the reader should not take
                // a FY2021 comment for this year's.
                <h3 class="city-reasons-source">
                    { rtext::notes_heading(lang, era, machi_kpi_core::analysis::readable::data_as_of(c.ds).evaluated_fy) }
                </h3>
                { city_notes(c) }
            </details>
        </section>
    }
}

/// The unit the page's figures are in (English says `万人` as `million visits`), with
/// the city's own unit beside it when that differs, so the table and the source
/// cells' `331` reads right.
fn unit_text(lang: Lang, ind: &Indicator) -> String {
    if ind.unit.ja.is_empty() {
        return fmt::DASH.to_owned();
    }
    let own = lang.pick(&ind.unit.ja, &ind.unit.en);
    let shown = fmt::ColumnUnit::of(lang, ind).label;
    if shown == own {
        own.to_owned()
    } else {
        let city = match lang {
            Lang::En => format!("{}, {}", ind.unit.en, ind.unit.ja),
            _ => ind.unit.ja.clone(),
        };
        format!("{shown} ({}: {city})", pt(lang, PKey::UnitAsPublished))
    }
}

/// The kind of year a target's "year reached" is said in: the target's own (年度 or 年),
/// else the indicator's usual one.
fn target_kind(ind: &Indicator, ta: &TargetAnalysis) -> machi_kpi_core::PeriodKind {
    ta.target
        .value()
        .map(|t| t.period.kind)
        .unwrap_or(kpi_series::main_kind(ind))
}

fn lang_sep(lang: Lang) -> &'static str {
    if lang == Lang::En {
        "; "
    } else {
        "、"
    }
}

/// Data text as paragraphs, one `<p>` per line, each exactly as written: a
/// `<` in the text is a character, never markup to remove (`<10件` is a value).
fn plain_paragraphs(s: &str) -> Html {
    html! { <>{ for s.lines().map(|l| html! { <p class="data-text">{ l.to_owned() }</p> }) }</> }
}

fn source_cells(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    let ind = c.ind;
    let name = lang.pick(&ind.name_ja, &ind.name_en);
    html! {
        <section class="kpi-sources" aria-labelledby="sources-title">
            <h2 id="sources-title">{ pt(lang, PKey::SourceCellsHeading) }</h2>
            <p class="note">{ pt(lang, PKey::SourceCellsIntro) }</p>
            <TableRegion caption_id="source-cells-caption">
                <table class="data-table source-cells">
                    <caption id="source-cells-caption">{ text::source_cells_caption(lang, name, ind.observations.len()) }</caption>
                    <thead>
                        <tr>
                            <th scope="col">{ pt(lang, PKey::ColEdition) }</th>
                            <th scope="col">{ pt(lang, PKey::ColColumn) }</th>
                            <th scope="col">{ pt(lang, PKey::ColRole) }</th>
                            if !ind.series.is_empty() {
                                <th scope="col">{ pt(lang, PKey::ColSeries) }</th>
                            }
                            <th scope="col">{ pt(lang, PKey::ColPeriod) }</th>
                            <th scope="col">{ pt(lang, PKey::ColCell) }</th>
                            <th scope="col">{ pt(lang, PKey::ColValue) }</th>
                            <th scope="col">{ pt(lang, PKey::ColCaveats) }</th>
                        </tr>
                    </thead>
                    <tbody>
                        { for ind.observations.iter().map(|o| html! {
                            <tr data-role={o.role.slug()} data-edition={o.edition.slug()}>
                                <td>{ fmt::edition_name(lang, o.edition) }</td>
                                <th scope="row" lang="ja">{ &o.column_ja }</th>
                                <td>{ fmt::role_name(lang, o.role) }
                                    if o.base_of_target { <span class="tag">{ paren(lang, pt(lang, PKey::BaseOfTargetTag)) }</span> }
                                </td>
                                if !ind.series.is_empty() {
                                    <td>{ fmt::series_label(lang, ind, o.series.as_deref()).unwrap_or(pt(lang, PKey::WholeIndicator)) }</td>
                                }
                                <td>{ period_label(lang, c.era, o.period) }</td>
                                <td class="raw" lang="ja"><code class="data-text">{ o.raw.clone() }</code></td>
                                <td data-field="value">{ fmt::observation_text(lang, c.era, ind, &o.value) }</td>
                                <td>
                                    if !o.caveats.is_empty() {
                                        <ul class="caveats">
                                            { for o.caveats.iter().map(|cv| html! { <li>{ fmt::caveat_text(lang, cv) }</li> }) }
                                        </ul>
                                    }
                                </td>
                            </tr>
                        }) }
                    </tbody>
                </table>
            </TableRegion>
        </section>
    }
}

fn decisions(c: &Ctx<'_>) -> Html {
    let lang = c.lang;
    html! {
        <section class="kpi-decisions" aria-labelledby="decisions-title">
            <h2 id="decisions-title">{ pt(lang, PKey::DecisionsHeading) }</h2>
            if c.ind.decisions.is_empty() {
                <p>{ pt(lang, PKey::NoDecisions) }</p>
            } else {
                if lang.is_japanese() { <p class="note">{ pt(lang, PKey::DecisionsInEnglish) }</p> }
                <ul class="decisions" lang="en">
                    { for c.ind.decisions.iter().map(|d| html! { <li>{ d }</li> }) }
                </ul>
            }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn target_keys_name_edition_and_series() {
        let ds = Dataset::embedded().expect("dataset");
        let a = machi_kpi_core::analysis::analyze(&ds);
        let h = a.indicator("healthy-life-expectancy").expect("hle");
        assert_eq!(target_key(&h.fy2024[0]), "fy2024:male");
        assert_eq!(target_key(&h.fy2027[1]), "fy2027:female");
        let s = a.indicator("security-lights").expect("sl");
        assert_eq!(target_key(&s.fy2024[0]), "fy2024:all");
    }
}
