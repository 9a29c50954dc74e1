//! The Basic goal page (`#/goals/<id>`): the goal's pillar, title and basic
//! direction; its numerical goal(s) (2-1 has two: the total fertility rate,
//! dropped in the 2024 revision, and the child population that replaced it);
//! then each specific measure with its summary, main initiatives and KPIs.
//!
//! Every indicator is a card ([`indicator_card`]): latest value with its
//! period and caveats, official status badge, a progress bar per target and
//! series, a sparkline, and a link to its Indicator page. All figures are
//! the core's ([`crate::context::use_analysis`]); the era of the labels comes
//! from `?era=` like on the Indicator page.
//!
//! The strategy's Japanese text (basic direction, measure summaries,
//! initiatives) has no English version in the sources: the English page shows
//! it in Japanese, marked `lang="ja"`, and says so.

use crate::i18n::furigana;
use machi_kpi_core::analysis::{Analysis, IndicatorAnalysis, TargetAnalysis};
use machi_kpi_core::{Dataset, EditionId, Goal, Indicator, Measure};
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::kpi_widgets::{self as w, QueryLink};
use crate::context::{use_analysis, use_dataset, use_lang_state};
use crate::i18n::era::Era;
use crate::i18n::kpi_format as fmt;
use crate::i18n::messages;
use crate::i18n::pages_goal_kpi::{self as text, pt, PKey};
use crate::i18n::{t, Key, Lang};
use crate::pages::view_state::ViewState;
use crate::pages::widgets::{era_switch, japanese_only, Breadcrumb};
use crate::routes::Route;

/// Properties of [`GoalPage`].
#[derive(Properties, PartialEq)]
pub struct GoalPageProps {
    /// The basic goal's id, e.g. `1-1`.
    pub id: AttrValue,
}

/// The Basic goal page.
#[component]
pub fn GoalPage(props: &GoalPageProps) -> Html {
    let state = use_lang_state();
    let lang = state.lang;
    let data = use_dataset();
    let analysis = use_analysis();
    let location = use_location();
    let view = ViewState::from_query(location.as_ref().map(|l| l.query_str()).unwrap_or(""));
    let lang_q = state.query_for(lang).and_then(|q| q.lang);

    let (Some(data), Some(analysis)) = (data, analysis) else {
        return html! {};
    };
    let ds = &data.0;
    let Some(goal) = ds.goal(&props.id) else {
        return not_found(lang, &props.id);
    };
    let ctx = Ctx {
        lang,
        era: view.era_for(lang),
        chosen_era: view.era,
        ds,
        analysis: &analysis,
        lang_q: lang_q.clone(),
    };
    let pillar = ds.pillar(&goal.pillar_id);
    let route = Route::Goal {
        id: goal.id.clone(),
    };
    furigana::rubify(
        lang,
        html! {
            <div class="wrap page goal-page" data-goal={goal.id.clone()}>
                <Breadcrumb items={vec![
                    (Some(Route::Overview), t(lang, Key::NavOverview).to_owned()),
                    (None, messages::goal_label(lang, &goal.id)),
                ]} query={ctx.link_query()} />
                <header class="page-head">
                    <p class="eyebrow">
                        <span class="goal-id">{ messages::goal_label(lang, &goal.id) }</span>
                        if let Some(p) = pillar {
                            { " " }<span class="pillar">{ pt(lang, PKey::PillarLabel) }{ fmt::colon(lang) }<bdi>{ lang.pick(&p.name_ja, &p.name_en) }</bdi></span>
                        }
                    </p>
                    <h1 id="page-title">{ lang.pick(&goal.title_ja, &goal.title_en) }</h1>
                    if lang == Lang::En {
                        <p class="title-ja" lang="ja">{ &goal.title_ja }</p>
                    }
                    { w::data_as_of(lang, ctx.era, ds) }
                    { era_switch(lang, ctx.era, route.clone(), view, lang_q.clone()) }
                </header>

                <section class="goal-direction" aria-labelledby="direction-title">
                    <h2 id="direction-title">{ pt(lang, PKey::BasicDirection) }</h2>
                    { japanese_only(lang) }
                    <p class="data-text" lang="ja">{ &goal.direction_ja }</p>
                </section>

                <section class="goal-numeric" aria-labelledby="numeric-title">
                    <h2 id="numeric-title">{ pt(lang, PKey::NumericGoalsHeading) }</h2>
                    <ul class="kpi-cards">
                        { for numeric_goals(ds, goal).map(|ind| html! { <li>{ indicator_card(&ctx, ind) }</li> }) }
                    </ul>
                </section>

                <section class="goal-measures" aria-labelledby="measures-title">
                    <h2 id="measures-title">{ pt(lang, PKey::MeasuresHeading) }</h2>
                    { for goal.measures.iter().map(|m| measure_section(&ctx, m)) }
                </section>
            </div>
        },
    )
}

/// What every card and section needs.
struct Ctx<'a> {
    lang: Lang,
    era: Era,
    /// The era the URL names, carried by links (see [`ViewState::era`]).
    chosen_era: Option<Era>,
    ds: &'a Dataset,
    analysis: &'a Analysis,
    /// The `lang` query value links must carry, if any.
    lang_q: Option<String>,
}

impl Ctx<'_> {
    fn link_query(&self) -> Vec<(&'static str, String)> {
        ViewState {
            era: self.chosen_era,
            ..ViewState::default()
        }
        .params(self.lang_q.as_deref())
    }
}

fn not_found(lang: Lang, id: &str) -> Html {
    html! {
        <div class="wrap page placeholder">
            <h1>{ messages::goal_label(lang, id) }</h1>
            <p class="notice" role="status">{ pt(lang, PKey::GoalNotFound) }</p>
            <p><crate::components::link::AppLink to={Route::Overview}>{ t(lang, Key::BackToOverview) }</crate::components::link::AppLink></p>
        </div>
    }
}

/// The goal's numerical goals: those it names, then any other numeric-goal
/// indicator of the goal (so one dropped by the revision still shows).
fn numeric_goals<'a>(ds: &'a Dataset, goal: &'a Goal) -> impl Iterator<Item = &'a Indicator> {
    let named: Vec<&Indicator> = goal
        .numeric_goal_ids
        .iter()
        .filter_map(|id| ds.indicator(id))
        .collect();
    let extra: Vec<&Indicator> = ds
        .indicators
        .iter()
        .filter(|i| {
            i.goal_id == goal.id && i.measure_id.is_none() && !goal.numeric_goal_ids.contains(&i.id)
        })
        .collect();
    named.into_iter().chain(extra)
}

fn measure_section(ctx: &Ctx<'_>, m: &Measure) -> Html {
    let lang = ctx.lang;
    let title_id = format!("measure-{}-title", m.id);
    let kpis: Vec<&Indicator> = ctx
        .ds
        .indicators
        .iter()
        .filter(|i| i.measure_id.as_deref() == Some(m.id.as_str()))
        .collect();
    html! {
        <section class="measure" aria-labelledby={title_id.clone()} data-measure={m.id.clone()}>
            <h3 id={title_id}>
                <span class="measure-id">{ &m.id }</span>{ " " }
                <bdi>{ lang.pick(&m.title_ja, &m.title_en) }</bdi>
            </h3>
            { japanese_only(lang) }
            <p class="data-text" lang="ja">{ &m.summary_ja }</p>
            <details class="initiatives">
                <summary>{ pt(lang, PKey::MainInitiatives) }{ format!(" ({})", m.initiatives_ja.len()) }</summary>
                <ul lang="ja">
                    { for m.initiatives_ja.iter().map(|i| html! { <li>{ i }</li> }) }
                </ul>
            </details>
            <h4 class="kpis-heading">{ pt(lang, PKey::KpisOfMeasure) }</h4>
            if kpis.is_empty() {
                <p>{ pt(lang, PKey::NoKpis) }</p>
            } else {
                <ul class="kpi-cards">
                    { for kpis.iter().map(|ind| html! { <li>{ indicator_card(ctx, ind) }</li> }) }
                </ul>
            }
        </section>
    }
}

/// The targets a card shows: each edition's, per series.
fn card_targets(a: &IndicatorAnalysis) -> Vec<&TargetAnalysis> {
    a.fy2024.iter().chain(a.fy2027.iter()).collect()
}

/// One indicator as a card.
pub fn indicator_card_for(
    lang: Lang,
    era: Era,
    ds: &Dataset,
    analysis: &Analysis,
    lang_q: Option<String>,
    ind: &Indicator,
) -> Html {
    let ctx = Ctx {
        lang,
        era,
        chosen_era: Era::to_write(era, lang),
        ds,
        analysis,
        lang_q,
    };
    indicator_card(&ctx, ind)
}

fn indicator_card(ctx: &Ctx<'_>, ind: &Indicator) -> Html {
    let lang = ctx.lang;
    let era = ctx.era;
    let Some(a) = ctx.analysis.indicator(&ind.id) else {
        return html! {};
    };
    let title_id = format!("kpi-{}-title", ind.id);
    let route = Route::Kpi { id: ind.id.clone() };
    let query = ctx.link_query();
    let series_ids = ind.series_ids();
    // The latest value per series, from whichever edition's analysis has it.
    let latest: Vec<&TargetAnalysis> = series_ids
        .iter()
        .filter_map(|s| {
            card_targets(a)
                .into_iter()
                .find(|ta| ta.series.as_deref() == *s)
        })
        .collect();
    let edition_note = if !ind.in_edition(EditionId::Revision2024) {
        Some(pt(lang, PKey::DroppedInRevision))
    } else if !ind.in_edition(EditionId::Fy2021Report) {
        Some(pt(lang, PKey::AddedInRevision))
    } else {
        None
    };
    let replaced_by = ctx
        .ds
        .indicators
        .iter()
        .find(|i| i.replaces.as_deref() == Some(ind.id.as_str()));
    let replaces = ind.replaces.as_deref().and_then(|id| ctx.ds.indicator(id));
    html! {
        <article class="kpi-card" aria-labelledby={title_id.clone()} data-kpi={ind.id.clone()}>
            <div class="kpi-card-head">
                <p class="kind">{ text::kind_and_place(lang, ind) }</p>
                { w::status_badge(lang, ind.status) }
            </div>
            <h4 id={title_id}>
                <QueryLink to={route.clone()} query={query.clone()}>{ w::indicator_name(lang, ind) }</QueryLink>
            </h4>
            if let Some(note) = edition_note {
                <p class="edition-note">{ note }</p>
            }
            if let Some(r) = replaced_by {
                <p class="edition-note">{ text::replaced_by_text(lang, lang.pick(&r.name_ja, &r.name_en)) }</p>
            }
            if let Some(r) = replaces {
                <p class="edition-note">{ text::replaces_text(lang, lang.pick(&r.name_ja, &r.name_en)) }</p>
            }
            <dl class="kpi-latest">
                { for latest.iter().map(|ta| {
                    let label = match fmt::series_label(lang, ind, ta.series.as_deref()) {
                        Some(s) => format!("{} — {s}", pt(lang, PKey::LatestValue)),
                        None => pt(lang, PKey::LatestValue).to_owned(),
                    };
                    html! {
                        <div data-series={ta.series.clone().unwrap_or_default()}>
                            <dt>{ label }</dt>
                            <dd>{ w::latest_value(lang, era, ind, ta) }</dd>
                        </div>
                    }
                }) }
            </dl>
            <div class="kpi-targets">
                { for card_targets(a).into_iter().map(|ta| target_progress(ctx, ind, ta)) }
            </div>
            <div class="kpi-trend">
                { for series_ids.iter().map(|s| w::sparkline(lang, era, ind, *s)) }
            </div>
            <QueryLink to={route} query={query} class={classes!("card-link")}>
                { pt(lang, PKey::OpenIndicator) }
                <span class="visually-hidden">{ format!(": {}", lang.pick(&ind.name_ja, &ind.name_en)) }</span>
                <span aria-hidden="true">{ " →" }</span>
            </QueryLink>
        </article>
    }
}

/// One target's line on a card: which target, its value, and the progress bar.
fn target_progress(ctx: &Ctx<'_>, ind: &Indicator, ta: &TargetAnalysis) -> Html {
    let lang = ctx.lang;
    let Some(obs) = ind.target(ta.edition, ta.series.as_deref()) else {
        return html! {};
    };
    let heading = text::target_heading(lang, ctx.era, ta.edition, obs.period);
    let series = fmt::series_label(lang, ind, ta.series.as_deref());
    let key = format!(
        "{}:{}",
        edition_slug(ta.edition),
        ta.series.as_deref().unwrap_or("all")
    );
    html! {
        <div class="kpi-target" data-target={key}>
            <p class="target-line">
                <span class="target-name">
                    { heading }
                    if let Some(s) = series { { " — " }{ s } }
                </span>
                { " " }
                <span class="target-value">{ fmt::observation_text(lang, ctx.era, ind, &obs.value) }</span>
            </p>
            { w::target_passed(lang, ta, w::today()) }
            { w::progress_bar(lang, ind, ta) }
        </div>
    }
}

/// `fy2024` / `fy2027`: the id of an edition's target in markup and tests.
pub fn edition_slug(e: EditionId) -> &'static str {
    match e {
        EditionId::Fy2021Report => "fy2024",
        EditionId::Revision2024 => "fy2027",
        EditionId::Update => "update",
    }
}
