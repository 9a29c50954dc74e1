//! The Revisions page (`#/revisions`): what the March 2024 revision changed.
//! Target changes (raised, lowered, unchanged, not comparable; more or less
//! ambitious) as a chart and a filterable, sortable table with the source
//! cells verbatim; then baselines changed, renamed, added and dropped
//! indicators, and targets to be set later.
//!
//! Figures are [`super::revisions_model`] over the core's `RevisionDiff`s.
//! URL state: `change` and `sort` (plus the shared `era`).

use crate::i18n::furigana;
use machi_kpi_core::analysis::{RevisionChange, RevisionDiff, TargetChange};
use machi_kpi_core::{Dataset, EditionId, Indicator, Role};
use yew::prelude::*;

use super::delays::{indicator_header, indicator_name};
use super::revisions_model::{
    baselines_changed, change_from_slug, renamed, target_rows, to_be_set_later, visible,
    with_change, ChangeCounts, RevisionSort, RevisionsState, TargetRow, CHANGES,
};
use super::sort::Sort;
use super::ui::{live_count, scroll_region, sort_header, status_badge, use_query, Nav, Select};
use super::url_state::{era_from_pairs, with_state, PageState};
use crate::charts::target_changes::{self, change_name};
use crate::components::chart::ChartClick;
use crate::components::chart_panel::{ChartPanel, ClickLeads};
use crate::context::{use_analysis, use_dataset, DataContext};
use crate::i18n::era::Era;
use crate::i18n::kpi_format::DASH;
use crate::i18n::messages;
use crate::i18n::pages_tables::{replaces, showing, target_label, tt, TKey, Unit};
use crate::i18n::{t, Key, Lang};
use crate::use_lang;

/// The Revisions page.
#[component]
pub fn Revisions() -> Html {
    let lang = use_lang();
    match use_dataset() {
        Some(data) => html! { <RevisionsBody {data} {lang} /> },
        None => html! {},
    }
}

#[derive(Properties, PartialEq)]
struct BodyProps {
    data: DataContext,
    lang: Lang,
}

#[component]
fn RevisionsBody(props: &BodyProps) -> Html {
    let lang = props.lang;
    let ds: &Dataset = &props.data.0;
    let analysis = use_analysis();
    let query = use_query();
    let state = RevisionsState::from_pairs(&query.pairs);
    let era = era_from_pairs(&query.pairs, lang);
    let Some(analysis) = analysis else {
        return html! {};
    };
    let rows = target_rows(ds, &analysis);
    let counts = ChangeCounts::of(&rows);
    let shown = visible(&rows, &state, |r| {
        indicator_name(lang, r.indicator, r.series)
    });
    let added = with_change(ds, &analysis, RevisionChange::Added);
    let dropped = with_change(ds, &analysis, RevisionChange::Dropped);
    let kept = with_change(ds, &analysis, RevisionChange::Kept);
    let baselines = baselines_changed(ds, &analysis);
    let renames = renamed(ds, &analysis);
    let later = to_be_set_later(ds, &analysis);

    let set = {
        let query = query.clone();
        move |next: RevisionsState| query.set(with_state(&query.pairs, &next), Nav::Push)
    };
    let on_bar = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |c: ChartClick| {
            if let Some(change) = c.data_index.and_then(|i| CHANGES.get(i)).copied() {
                set(RevisionsState {
                    change: Some(change),
                    ..state.clone()
                });
            }
        })
    };
    let on_change = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |v: String| {
            set(RevisionsState {
                change: change_from_slug(&v),
                ..state.clone()
            })
        })
    };
    let on_sort = {
        let (set, state) = (set.clone(), state.clone());
        Callback::from(move |k: RevisionSort| {
            set(RevisionsState {
                sort: state.sort.toggled(k),
                ..state.clone()
            })
        })
    };
    let current = state.change.map(|c| c.slug()).unwrap_or_default();
    let change_options: Vec<(AttrValue, AttrValue)> = std::iter::once((
        AttrValue::from(""),
        AttrValue::from(tt(lang, TKey::FilterAll)),
    ))
    .chain(CHANGES.iter().map(|c| {
        (
            AttrValue::from(c.slug()),
            AttrValue::from(change_name(lang, *c)),
        )
    }))
    .collect();

    furigana::rubify(
        lang,
        html! {
            <div class="wrap page tables-page page-revisions">
                <h1>{ t(lang, Key::NavRevisions) }</h1>
                <p class="lead">{ tt(lang, TKey::RevisionsLead) }</p>
                <ul class="stat-tiles">
                    { tile("kept", kept.len(), tt(lang, TKey::TileKept)) }
                    { tile("added", added.len(), tt(lang, TKey::TileAdded)) }
                    { tile("dropped", dropped.len(), tt(lang, TKey::TileDropped)) }
                    { tile("raised", counts.get(TargetChange::Raised), tt(lang, TKey::TileRaised)) }
                    { tile("lowered", counts.get(TargetChange::Lowered), tt(lang, TKey::TileLowered)) }
                    { tile("unchanged", counts.get(TargetChange::Unchanged), tt(lang, TKey::TileUnchanged)) }
                    { tile("baselines", baselines.len(), tt(lang, TKey::TileBaselines)) }
                    { tile("renamed", renames.len(), tt(lang, TKey::TileRenamed)) }
                    { tile("later", later.len(), tt(lang, TKey::TileLater)) }
                </ul>

                <section>
                    <h2 id="targets-title">{ tt(lang, TKey::TargetsTitle) }</h2>
                    <p class="note">{ tt(lang, TKey::TargetsLead) }</p>
                    <ChartPanel id="target-changes" title={tt(lang, TKey::ChartChanges)}
                        spec={target_changes::spec(&counts, lang)} table={target_changes::table(&counts, lang)}
                        height={300} on_click={Some(on_bar)} leads={ClickLeads::Filter} />
                    <div class="filter-bar" role="search" aria-label={tt(lang, TKey::FiltersLabel)}>
                        <div class="field">
                            <label for="rev-change">{ tt(lang, TKey::FilterChange) }</label>
                            <Select id="rev-change" value={current} options={change_options} on_change={on_change} />
                        </div>
                    </div>
                    { live_count("rev-count", showing(lang, shown.len(), rows.len(), Unit::Targets)) }
                    { targets_table(lang, era, &shown, state.sort, &on_sort) }
                </section>

                <section>
                    <h2 id="baselines-title">{ tt(lang, TKey::BaselinesTitle) }</h2>
                    { list_table("baselines", tt(lang, TKey::BaselinesTitle),
                        &[tt(lang, TKey::ColIndicator), tt(lang, TKey::ColBaselineReport), tt(lang, TKey::ColBaselineRevision)],
                        baselines.iter().map(|(i, d)| (*i, vec![raw(&d.baseline_fy2021_raw), raw(&d.baseline_revision_raw)])).collect(), lang) }
                </section>

                <section>
                    <h2 id="renamed-title">{ tt(lang, TKey::RenamedTitle) }</h2>
                    // In Japanese the indicator's name is the old name, so it is not repeated.
                    if lang.is_japanese() {
                        { list_table("renamed", tt(lang, TKey::RenamedTitle),
                            &[tt(lang, TKey::ColOldName), tt(lang, TKey::ColNewName)],
                            renames.iter().map(|(i, d)| (*i, vec![d.renamed_to.clone().unwrap_or_default()])).collect(), lang) }
                    } else {
                        { list_table("renamed", tt(lang, TKey::RenamedTitle),
                            &[tt(lang, TKey::ColIndicator), tt(lang, TKey::ColOldName), tt(lang, TKey::ColNewName)],
                            renames.iter().map(|(i, d)| (*i, vec![i.name_ja.clone(), d.renamed_to.clone().unwrap_or_default()])).collect(), lang) }
                    }
                </section>

                <section>
                    <h2 id="added-title">{ tt(lang, TKey::AddedTitle) }</h2>
                    { list_table("added", tt(lang, TKey::AddedTitle),
                        &[tt(lang, TKey::ColIndicator), tt(lang, TKey::ColGoal), &target_label(lang, era, 2027), tt(lang, TKey::ColReplaces)],
                        added.iter().map(|(i, d)| (*i, vec![
                            messages::goal_label(lang, &i.goal_id),
                            target_raw(i, EditionId::Revision2024),
                            replaced_name(ds, lang, d),
                        ])).collect(), lang) }
                </section>

                <section>
                    <h2 id="dropped-title">{ tt(lang, TKey::DroppedTitle) }</h2>
                    { dropped_table(lang, era, &dropped) }
                </section>

                <section>
                    <h2 id="later-title">{ tt(lang, TKey::LaterTitle) }</h2>
                    { list_table("later", tt(lang, TKey::LaterTitle),
                        &[tt(lang, TKey::ColIndicator), &target_label(lang, era, 2024), &target_label(lang, era, 2027)],
                        later.iter().map(|(i, _)| (*i, vec![target_raw(i, EditionId::Fy2021Report), target_raw(i, EditionId::Revision2024)])).collect(), lang) }
                </section>
            </div>
        },
    )
}

fn tile(figure: &'static str, value: usize, label: &str) -> Html {
    html! {
        <li class="tile">
            <span class="tile-value" data-figure={figure}>{ value }</span>
            <span class="tile-label">{ label.to_owned() }</span>
        </li>
    }
}

fn raw(s: &Option<String>) -> String {
    s.clone().unwrap_or_else(|| DASH.to_owned())
}

/// The edition's target cell(s) verbatim, each distinct text once.
fn target_raw(ind: &Indicator, edition: EditionId) -> String {
    let mut out: Vec<&str> = Vec::new();
    for o in &ind.observations {
        if o.edition == edition && o.role == Role::Target && !out.contains(&o.raw.as_str()) {
            out.push(&o.raw);
        }
    }
    if out.is_empty() {
        DASH.to_owned()
    } else {
        out.join(" / ")
    }
}

fn replaced_name(ds: &Dataset, lang: Lang, d: &RevisionDiff) -> String {
    d.replaces
        .as_deref()
        .and_then(|id| ds.indicator(id))
        .map(|old| replaces(lang, lang.pick(&old.name_ja, &old.name_en)))
        .unwrap_or_else(|| DASH.to_owned())
}

/// A table of indicators (linked row headers) with text cells.
fn list_table(
    id: &str,
    caption: &str,
    columns: &[&str],
    rows: Vec<(&Indicator, Vec<String>)>,
    lang: Lang,
) -> Html {
    let caption_id = format!("{id}-caption");
    scroll_region(
        &caption_id,
        html! {
            <table class="data-table" id={format!("{id}-table")}>
                // The section's heading says the same; the caption is for screen readers.
                <caption id={caption_id.clone()} class="visually-hidden">{ caption.to_owned() }</caption>
                <thead><tr>{ for columns.iter().map(|c| html! { <th scope="col">{ c.to_string() }</th> }) }</tr></thead>
                <tbody>
                    { for rows.into_iter().map(|(ind, cells)| html! {
                        <tr data-id={ind.id.clone()}>
                            { indicator_header(lang, ind, None) }
                            { for cells.into_iter().map(|c| html! { <td class="raw" lang="ja">{ c }</td> }) }
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}

fn dropped_table(lang: Lang, era: Era, dropped: &[(&Indicator, &RevisionDiff)]) -> Html {
    scroll_region(
        "dropped-caption",
        html! {
            <table class="data-table" id="dropped-table">
                <caption id="dropped-caption" class="visually-hidden">{ tt(lang, TKey::DroppedTitle) }</caption>
                <thead><tr>
                    <th scope="col">{ tt(lang, TKey::ColIndicator) }</th>
                    <th scope="col">{ tt(lang, TKey::ColGoal) }</th>
                    <th scope="col">{ target_label(lang, era, 2024) }</th>
                    <th scope="col">{ tt(lang, TKey::ColStatusReport) }</th>
                </tr></thead>
                <tbody>
                    { for dropped.iter().map(|(ind, _)| html! {
                        <tr data-id={ind.id.clone()}>
                            { indicator_header(lang, ind, None) }
                            <td class="goal-cell">{ messages::goal_label(lang, &ind.goal_id) }</td>
                            <td class="raw" lang="ja">{ target_raw(ind, EditionId::Fy2021Report) }</td>
                            <td>{ status_badge(lang, ind.status) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}

/// "More ambitious" / "Less ambitious" / "—", with a shape.
fn ambition(lang: Lang, more: Option<bool>) -> Html {
    match more {
        Some(true) => {
            html! { <span class="ambition more"><span aria-hidden="true">{ "▲ " }</span>{ tt(lang, TKey::MoreAmbitious) }</span> }
        }
        Some(false) => {
            html! { <span class="ambition less"><span aria-hidden="true">{ "▽ " }</span>{ tt(lang, TKey::LessAmbitious) }</span> }
        }
        None => html! { <span class="na">{ DASH }</span> },
    }
}

fn targets_table(
    lang: Lang,
    era: Era,
    rows: &[TargetRow<'_>],
    sort: Sort<RevisionSort>,
    on_sort: &Callback<RevisionSort>,
) -> Html {
    scroll_region(
        "targets-caption",
        html! {
            <table class="data-table sortable" id="targets-table">
                <caption id="targets-caption">{ tt(lang, TKey::TargetsTitle) }</caption>
                <thead><tr>
                    { sort_header(tt(lang, TKey::ColIndicator), RevisionSort::Name, sort, on_sort, None) }
                    { sort_header(tt(lang, TKey::ColGoal), RevisionSort::Order, sort, on_sort, None) }
                    <th scope="col">{ target_label(lang, era, 2024) }</th>
                    <th scope="col">{ target_label(lang, era, 2027) }</th>
                    { sort_header(tt(lang, TKey::ColChange), RevisionSort::Change, sort, on_sort, None) }
                    <th scope="col">{ tt(lang, TKey::ColAmbition) }</th>
                </tr></thead>
                <tbody>
                    { for rows.iter().map(|r| html! {
                        <tr data-id={r.indicator.id.clone()} data-change={r.targets.change.slug()}>
                            { indicator_header(lang, r.indicator, r.series) }
                            <td class="goal-cell">{ r.indicator.goal_id.clone() }</td>
                            <td class="raw" lang="ja">{ raw(&r.targets.target_fy2024_raw) }</td>
                            <td class="raw" lang="ja">{ raw(&r.targets.target_fy2027_raw) }</td>
                            <td>{ change_name(lang, r.targets.change) }</td>
                            <td>{ ambition(lang, r.targets.more_ambitious) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        },
    )
}
