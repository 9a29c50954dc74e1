//! The Overview page (`#/`): strategy title, period and vision; the official
//! status of all indicators as figures, a donut and stacked bars by basic
//! goal; and one card per basic goal.
//!
//! Every figure comes from the dataset through
//! `machi_kpi_core::analysis::status_breakdown`; this module only arranges
//! them. Chart options, tables and summary sentences are built by
//! [`crate::charts`] and recomputed only when the language changes.

use crate::i18n::furigana;
use machi_kpi_core::analysis::{
    status_breakdown, Analysis, GroupCounts, OutlookCounts, StatusBreakdown, StatusCounts,
};
use machi_kpi_core::{Dataset, EditionId, Indicator, Period};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::charts::{self, status_by_goal, status_donut, ChartSpec, TableData};
use crate::components::chart::ChartClick;
use crate::components::chart_panel::{ChartPanel, ClickLeads};
use crate::components::kpi_widgets::indicator_name;
use crate::components::link::AppLink;
use crate::context::{use_analysis, use_dataset, use_lang_state, DataContext};
use crate::i18n::era::period_label;
use crate::i18n::messages;
use crate::i18n::{t, Key, Lang};
use crate::routes::Route;
use crate::use_lang;

/// Everything the Overview shows that depends on data and language.
struct OverviewModel {
    breakdown: StatusBreakdown,
    donut: ChartSpec,
    donut_table: TableData,
    by_goal: ChartSpec,
    by_goal_table: TableData,
}

impl OverviewModel {
    /// From the analysis the provider computed once per dataset (its breakdown is the
    /// same `status_breakdown`), or, for a page rendered without one, its own.
    fn new(dataset: &Dataset, analysis: Option<&Analysis>, lang: Lang) -> OverviewModel {
        let breakdown = analysis
            .map(|a| a.summary.breakdown.clone())
            .unwrap_or_else(|| status_breakdown(dataset));
        OverviewModel {
            donut: status_donut::spec(&breakdown.overall, lang),
            donut_table: status_donut::table(&breakdown.overall, lang),
            by_goal: status_by_goal::spec(&breakdown.by_goal, lang),
            by_goal_table: status_by_goal::table(&breakdown.by_goal, lang),
            breakdown,
        }
    }
}

/// The Overview page.
#[component]
pub fn Overview() -> Html {
    let lang = use_lang();
    let data = use_dataset();
    match data {
        Some(data) => html! { <OverviewBody {data} {lang} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    data: DataContext,
    lang: Lang,
}

#[component]
fn OverviewBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let analysis = use_analysis();
    let model = use_memo((props.data.clone(), lang), |(data, lang)| {
        OverviewModel::new(&data.0, analysis.as_deref(), *lang)
    });
    let dataset = &props.data.0;
    let strategy = &dataset.strategy;
    let overall = &model.breakdown.overall;

    // A click on a goal's bar opens that goal's page, in the same language.
    let on_goal_click = {
        let navigator = use_navigator();
        let state = use_lang_state();
        let ids: Vec<String> = model
            .breakdown
            .by_goal
            .iter()
            .map(|g| g.key.clone())
            .collect();
        Callback::from(move |click: ChartClick| {
            let (Some(navigator), Some(id)) =
                (&navigator, click.data_index.and_then(|i| ids.get(i)))
            else {
                return;
            };
            let route = Route::Goal { id: id.clone() };
            match state.query_for(state.lang) {
                Some(q) => {
                    if navigator.push_with_query(&route, q).is_err() {
                        navigator.push(&route);
                    }
                }
                None => navigator.push(&route),
            }
        })
    };

    // The reader's era from the URL, else the language's default.
    let location = use_location();
    let era = crate::pages::view_state::ViewState::from_query(
        location.as_ref().map(|l| l.query_str()).unwrap_or(""),
    )
    .era_for(lang);
    // The projection headline (DESIGN §2), one part per target edition, years from the data.
    let headline = analysis.as_ref().and_then(|a| {
        let targets: Vec<(String, OutlookCounts)> = [
            (EditionId::Fy2021Report, &a.summary.outlook_fy2024),
            (EditionId::Revision2024, &a.summary.outlook_fy2027),
        ]
        .into_iter()
        .filter_map(|(edition, counts)| {
            let fy = dataset.edition(edition)?.target_fy;
            Some((period_label(lang, era, Period::fiscal(fy)), counts.clone()))
        })
        .collect();
        messages::projection_headline(lang, &targets)
    });
    let unevaluated: Vec<_> = dataset
        .indicators
        .iter()
        .filter(|i| i.status.is_none())
        .collect();
    let added = unevaluated
        .iter()
        .filter(|i| !i.in_edition(EditionId::Fy2021Report))
        .count();
    let unevaluated_note =
        messages::unevaluated_note(lang, dataset.indicators.len(), unevaluated.len(), added);

    // The first screen answers "how is the strategy going?": the title, the answer in
    // one sentence, the data date, then the figures and the donut. The plan's period and
    // vision follow the charts.
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page overview">
                <section class="hero" aria-labelledby="page-title">
                    <h1 id="page-title" class="data-text">{ lang.pick(&strategy.title_ja, &strategy.title_en) }</h1>
                    if let Some(answer) = messages::overview_answer(lang, overall) {
                        <p class="answer" data-readable="overview-answer">{ answer }</p>
                    }
                    { crate::components::kpi_widgets::data_as_of_brief(lang, era, dataset) }
                </section>

                <section class="status" aria-labelledby="status-title">
                    <h2 id="status-title">{ t(lang, Key::StatusSectionTitle) }</h2>
                    { stat_tiles(lang, overall) }
                    { status_bar(lang, overall, "status-bar overall") }
                    <div class="chart-grid">
                        <ChartPanel
                            id="status-donut"
                            title={t(lang, Key::DonutTitle)}
                            spec={model.donut.clone()}
                            table={model.donut_table.clone()}
                            height={340}
                        />
                        <ChartPanel
                            id="status-by-goal"
                            title={t(lang, Key::ByGoalTitle)}
                            spec={model.by_goal.clone()}
                            table={model.by_goal_table.clone()}
                            height={status_by_goal::height_for(&model.breakdown.by_goal, lang)}
                            on_click={Some(on_goal_click)}
                            leads={ClickLeads::Goal}
                        />
                    </div>
                    <p class="note">
                        { t(lang, Key::StatusSectionNote) }
                        if let Some(note) = unevaluated_note {
                            { " " }<span data-readable="unevaluated">{ note }</span>
                        }
                    </p>
                    if let Some(headline) = headline {
                        <p class="answer projection-headline" data-readable="projection-headline">{ headline }</p>
                    }
                    { crate::components::kpi_widgets::status_vs_projection(lang, era, dataset) }
                </section>

                <section class="plan" aria-label={t(lang, Key::PeriodLabel)}>
                    <dl class="facts">
                        <div class="fact">
                            <dt>{ t(lang, Key::PeriodLabel) }</dt>
                            <dd>{ messages::period(lang, era, strategy.period.start_fy, strategy.period.end_fy) }</dd>
                        </div>
                        <div class="fact vision">
                            <dt>{ t(lang, Key::VisionLabel) }</dt>
                            <dd>{ lang.pick(&strategy.vision_ja, &strategy.vision_en) }</dd>
                        </div>
                    </dl>
                    { crate::components::kpi_widgets::sources_line(lang, dataset) }
                </section>

                <section class="goals" aria-labelledby="goals-title">
                    <h2 id="goals-title">{ messages::goals_heading(lang, strategy.goals.len()) }</h2>
                    <ul class="goal-cards">
                        { for strategy.goals.iter().map(|goal| {
                            let counts = model
                                .breakdown
                                .by_goal
                                .iter()
                                .find(|g| g.key == goal.id)
                                .map(|g: &GroupCounts| g.counts)
                                .unwrap_or_default();
                            // The revision replaced one goal's numeric goal, so there may be two.
                            let numeric_goals: Vec<&Indicator> = goal
                                .numeric_goal_ids
                                .iter()
                                .filter_map(|id| dataset.indicators.iter().find(|i| &i.id == id))
                                .collect();
                            html! {
                                <li>{ goal_card(lang, &goal.id, lang.pick(&goal.title_ja, &goal.title_en), &numeric_goals, &counts) }</li>
                            }
                        }) }
                    </ul>
                </section>
            </div>
        },
    )
}

/// The headline figures: the total and one tile per status with its share.
fn stat_tiles(lang: Lang, overall: &StatusCounts) -> Html {
    html! {
        <ul class="stat-tiles">
            <li class="tile total">
                <span class="tile-value" data-figure="total">{ overall.total() }</span>
                <span class="tile-label">{ t(lang, Key::TotalIndicators) }</span>
            </li>
            { for status_donut::figures(overall).iter().map(|f| {
                let style = format!("--swatch:{}", charts::status_color(f.status));
                html! {
                    <li class="tile" {style} data-status={f.status.slug()}>
                        <span class="tile-value" data-figure={f.status.slug()}>{ f.count }</span>
                        <span class="tile-label">{ messages::status_short(lang, f.status) }</span>
                        <span class="tile-share">{ f.share.map(messages::percent).unwrap_or_else(|| "—".into()) }</span>
                    </li>
                }
            }) }
        </ul>
    }
}

/// The statuses as one bar of coloured segments, in proportion to their counts (the
/// Overview's whole strategy under its figures, and each goal card), labelled with the
/// same sentence as the donut's.
fn status_bar(lang: Lang, counts: &StatusCounts, class: &'static str) -> Html {
    let figures = status_donut::figures(counts);
    let label = messages::status_summary(lang, counts.total(), &figures);
    html! {
        <div {class} role="img" aria-label={label}>
            { for figures.iter().filter(|f| f.count > 0).map(|f| {
                let style = format!("flex-grow:{};background:{}", f.count, charts::status_color(f.status));
                html! { <span {style}></span> }
            }) }
        </div>
    }
}

/// One basic-goal card: id, title, numerical goal, status bar and counts, link.
fn goal_card(
    lang: Lang,
    id: &str,
    title: &str,
    numeric_goals: &[&Indicator],
    counts: &StatusCounts,
) -> Html {
    let total = counts.total();
    let figures = status_donut::figures(counts);
    let title_id = format!("goal-{id}-title");
    html! {
        <article class="goal-card" aria-labelledby={title_id.clone()}>
            <p class="goal-id">{ messages::goal_label(lang, id) }</p>
            <h3 id={title_id}>{ title }</h3>
            if !numeric_goals.is_empty() {
                // Each a link to its page: "are tourists up?" is one tap from here. Each
                // name its own isolate (`bdi`): one cannot reorder the next.
                <p class="numeric-goal">
                    <span class="label">{ t(lang, Key::NumericGoalLabel) }</span>
                    { for numeric_goals.iter().enumerate().map(|(n, i)| html! {
                        <>
                            if n > 0 { { " / " } }
                            <AppLink to={Route::Kpi { id: i.id.clone() }} class="numeric-goal-link">
                                <bdi class="data-text">{ indicator_name(lang, i) }</bdi>
                            </AppLink>
                        </>
                    }) }
                </p>
            }
            { status_bar(lang, counts, "status-bar") }
            <ul class="status-counts">
                { for figures.iter().map(|f| {
                    let style = format!("--swatch:{}", charts::status_color(f.status));
                    let class = if f.count == 0 { "zero" } else { "" };
                    html! {
                        <li {style} {class}>
                            <span class="swatch" aria-hidden="true"></span>
                            <span class="name">{ messages::status_name(lang, f.status) }</span>
                            <strong>{ f.count }</strong>
                        </li>
                    }
                }) }
                <li class="total"><span class="name">{ t(lang, Key::TotalLabel) }</span><strong>{ total }</strong></li>
            </ul>
            <AppLink to={Route::Goal { id: id.to_owned() }} class="card-link">
                { t(lang, Key::OpenGoal) }<span aria-hidden="true">{ " →" }</span>
            </AppLink>
        </article>
    }
}
