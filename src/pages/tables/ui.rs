//! Building blocks shared by the Delays, Projections, Revisions and Data pages:
//! the URL-state hook ([`use_query`]), the filter bar, sortable column
//! headers, the `aria-live` result count, switches, status and outlook
//! badges, and the labelled horizontal-scroll region for wide tables.
//!
//! Everything that decides *what* to show is in the pure modules next to this
//! one; these components only render it and turn clicks into new URLs.

use crate::i18n::furigana;
use std::rc::Rc;

use machi_kpi_core::analysis::{Metric, Outlook};
use machi_kpi_core::{Dataset, OfficialStatus};
use yew::prelude::*;
use yew_router::prelude::*;

use super::filter::{department_options, IndicatorFilter, StatusFilter, NO_DEPARTMENT};
use super::sort::{Sort, SortKey};
use super::url_state::{parse_query, Pairs};
use crate::components::table_region::TableRegion;
use crate::i18n::kpi_format;
use crate::i18n::messages;
use crate::i18n::pages_tables::{outlook_name, tt, TKey};
use crate::i18n::Lang;
use crate::routes::Route;

/// Whether a URL change adds a history entry (back returns to the previous
/// state) or replaces the current one (used while typing in a search box).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Nav {
    Push,
    Replace,
}

/// The current route's query pairs and a way to change them.
#[derive(Clone)]
pub struct QueryHandle {
    /// The decoded query after the route.
    pub pairs: Rc<Pairs>,
    route: Route,
    navigator: Option<Navigator>,
}

impl PartialEq for QueryHandle {
    fn eq(&self, other: &Self) -> bool {
        self.pairs == other.pairs && self.route == other.route
    }
}

impl QueryHandle {
    /// Navigates to the same route with `pairs` as its query.
    pub fn set(&self, pairs: Pairs, nav: Nav) {
        let Some(navigator) = &self.navigator else {
            return;
        };
        if pairs == *self.pairs {
            return;
        }
        go(navigator, &self.route, &pairs, nav);
    }

    /// A navigator for links to other routes (chart drill-downs).
    pub fn navigator(&self) -> Option<Navigator> {
        self.navigator.clone()
    }
}

/// Navigates to `route?pairs` (no `?` when there are none).
pub fn go(navigator: &Navigator, route: &Route, pairs: &Pairs, nav: Nav) {
    let result = match (pairs.is_empty(), nav) {
        (true, Nav::Push) => {
            navigator.push(route);
            Ok(())
        }
        (true, Nav::Replace) => {
            navigator.replace(route);
            Ok(())
        }
        (false, Nav::Push) => navigator.push_with_query(route, pairs),
        (false, Nav::Replace) => navigator.replace_with_query(route, pairs),
    };
    if result.is_err() {
        navigator.push(route);
    }
}

/// The query pairs of the current location and the route they belong to.
#[hook]
pub fn use_query() -> QueryHandle {
    let location = use_location();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let navigator = use_navigator();
    let pairs = location
        .as_ref()
        .map(|l| parse_query(l.query_str()))
        .unwrap_or_default();
    QueryHandle {
        pairs: Rc::new(pairs),
        route,
        navigator,
    }
}

/// The pairs a link to another route needs to keep the language (and era).
pub fn carried_pairs(pairs: &Pairs) -> Pairs {
    pairs
        .iter()
        .filter(|(k, _)| k == "lang" || k == super::url_state::ERA_KEY)
        .cloned()
        .collect()
}

/// The `href` of a route carrying the language and era of `pairs`.
pub fn href_with(route: &Route, pairs: &Pairs) -> String {
    let q = super::url_state::encode_query(&carried_pairs(pairs));
    if q.is_empty() {
        format!("#{}", route.to_path())
    } else {
        format!("#{}?{q}", route.to_path())
    }
}

/// Properties of [`RouteLink`].
#[derive(Properties, PartialEq)]
pub struct RouteLinkProps {
    pub to: Route,
    /// Extra query pairs for the target (e.g. a Data filter), after lang/era.
    #[prop_or_default]
    pub extra: Pairs,
    #[prop_or_default]
    pub class: Classes,
    #[prop_or_default]
    pub children: Html,
}

/// A link to another page that keeps `lang` and `era`, with a real `href`
/// (so it opens in a new tab too) and router navigation on a plain click.
#[component]
pub fn RouteLink(props: &RouteLinkProps) -> Html {
    let query = use_query();
    let mut pairs = carried_pairs(&query.pairs);
    pairs.extend(props.extra.iter().cloned());
    let q = super::url_state::encode_query(&pairs);
    let href = if q.is_empty() {
        format!("#{}", props.to.to_path())
    } else {
        format!("#{}?{q}", props.to.to_path())
    };
    let onclick = {
        let to = props.to.clone();
        let navigator = query.navigator();
        Callback::from(move |e: MouseEvent| {
            if e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key() || e.button() != 0 {
                return;
            }
            let Some(navigator) = &navigator else { return };
            e.prevent_default();
            go(navigator, &to, &pairs, Nav::Push);
        })
    };
    furigana::rubify(
        crate::use_lang(),
        html! {
            <a {href} class={props.class.clone()} {onclick}>{ props.children.clone() }</a>
        },
    )
}

/// Opens `route` (keeping lang and era of `pairs`) with extra query pairs.
pub fn open(navigator: &Navigator, route: &Route, pairs: &Pairs, extra: Pairs) {
    let mut p = carried_pairs(pairs);
    p.extend(extra);
    go(navigator, route, &p, Nav::Push);
}

/// The `value` of an `<input>` or `<select>` that fired `e`, read through
/// `Reflect` so no element type needs to be assumed.
pub fn event_value(e: &Event) -> String {
    e.target()
        .and_then(|t| js_sys::Reflect::get(&t, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// Properties of [`Select`].
#[derive(Properties, PartialEq)]
pub struct SelectProps {
    pub id: AttrValue,
    /// The selected option's value (`""` for "all").
    pub value: AttrValue,
    /// `(value, label)` for every option, in order.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub on_change: Callback<String>,
}

/// A `<select>` whose selection follows `value` on every render. The
/// `selected` attributes give the first paint (and SSR); after the reader has
/// used the control, browsers ignore attribute changes, so the effect sets the
/// element's `value` property too (back/forward then restore the selection).
#[component]
pub fn Select(props: &SelectProps) -> Html {
    let node = use_node_ref();
    {
        let node = node.clone();
        use_effect_with(props.value.clone(), move |value| {
            if let Some(el) = node.get() {
                let _ = js_sys::Reflect::set(&el, &"value".into(), &value.as_str().into());
            }
        });
    }
    let onchange = {
        let cb = props.on_change.clone();
        Callback::from(move |e: Event| cb.emit(event_value(&e)))
    };
    furigana::rubify(
        crate::use_lang(),
        html! {
            <select id={props.id.clone()} ref={node} {onchange}>
                { for props.options.iter().map(|(v, label)| html! {
                    <option value={v.clone()} selected={*v == props.value}>{ label.clone() }</option>
                }) }
            </select>
        },
    )
}

/// Properties of [`FilterBar`].
#[derive(Properties, PartialEq)]
pub struct FilterBarProps {
    /// Prefix for the controls' ids (unique on the page).
    pub id: AttrValue,
    pub filter: IndicatorFilter,
    pub data: Rc<Dataset>,
    pub lang: Lang,
    /// The new filter, and whether it should add a history entry.
    pub on_change: Callback<(IndicatorFilter, Nav)>,
    /// Extra controls after the standard four (e.g. an outlook filter).
    #[prop_or_default]
    pub children: Html,
}

/// Basic goal, status and department selects and a search box, each with a
/// visible label, plus a reset button when anything is filtered.
#[component]
pub fn FilterBar(props: &FilterBarProps) -> Html {
    let lang = props.lang;
    let f = &props.filter;
    let ds = &props.data;
    let ids = |s: &str| format!("{}-{s}", props.id);
    let change = |update: fn(&mut IndicatorFilter, String), nav: Nav| {
        let filter = f.clone();
        let cb = props.on_change.clone();
        move |value: String| {
            let mut next = filter.clone();
            update(&mut next, value);
            cb.emit((next, nav));
        }
    };
    let on_goal = Callback::from(change(
        |f, v| f.goal = (!v.is_empty()).then_some(v),
        Nav::Push,
    ));
    let on_status = Callback::from(change(
        |f, v| f.status = StatusFilter::from_slug(&v),
        Nav::Push,
    ));
    let on_dept = Callback::from(change(
        |f, v| f.department = (!v.is_empty()).then_some(v),
        Nav::Push,
    ));
    let on_text = {
        let set = change(|f, v| f.text = v, Nav::Replace);
        Callback::from(move |e: InputEvent| set(event_value(&e)))
    };
    let on_reset = {
        let cb = props.on_change.clone();
        Callback::from(move |_: MouseEvent| cb.emit((IndicatorFilter::default(), Nav::Push)))
    };
    let all = || {
        (
            AttrValue::from(""),
            AttrValue::from(tt(lang, TKey::FilterAll)),
        )
    };
    let mut goals = vec![all()];
    goals.extend(ds.strategy.goals.iter().map(|g| {
        let label = format!(
            "{} {}",
            messages::goal_label(lang, &g.id),
            lang.pick(&g.title_ja, &g.title_en)
        );
        (AttrValue::from(g.id.clone()), AttrValue::from(label))
    }));
    let mut statuses = vec![all()];
    statuses.extend(StatusFilter::all().into_iter().map(|s| {
        (
            AttrValue::from(s.slug()),
            AttrValue::from(status_filter_name(lang, s)),
        )
    }));
    let mut depts = vec![all()];
    depts.extend(department_options(ds).into_iter().map(|d| {
        let label = department_name(ds, lang, &d);
        (AttrValue::from(d), AttrValue::from(label))
    }));
    let goal = f.goal.clone().unwrap_or_default();
    let status = f.status.map(|s| s.slug()).unwrap_or_default();
    let dept = f.department.clone().unwrap_or_default();
    furigana::rubify(
        lang,
        html! {
            <div class="filter-bar" role="search" aria-label={tt(lang, TKey::FiltersLabel)}>
                <div class="field">
                    <label for={ids("goal")}>{ tt(lang, TKey::FilterGoal) }</label>
                    <Select id={ids("goal")} value={goal} options={goals} on_change={on_goal} />
                </div>
                <div class="field">
                    <label for={ids("status")}>{ tt(lang, TKey::FilterStatus) }</label>
                    <Select id={ids("status")} value={status} options={statuses} on_change={on_status} />
                </div>
                <div class="field">
                    <label for={ids("dept")}>{ tt(lang, TKey::FilterDepartment) }</label>
                    <Select id={ids("dept")} value={dept} options={depts} on_change={on_dept} />
                </div>
                <div class="field field-text">
                    <label for={ids("q")}>{ tt(lang, TKey::FilterText) }</label>
                    <input id={ids("q")} type="search" value={f.text.clone()} oninput={on_text}
                        autocomplete="off" placeholder={tt(lang, TKey::FilterTextPlaceholder)} />
                </div>
                { props.children.clone() }
                if !f.is_empty() {
                    <div class="field field-reset">
                        <button type="button" class="reset" onclick={on_reset}>{ tt(lang, TKey::FilterReset) }</button>
                    </div>
                }
            </div>
        },
    )
}

/// A department as shown: its name in the language, or "not given".
pub fn department_name(ds: &Dataset, lang: Lang, d: &str) -> String {
    if d == NO_DEPARTMENT {
        tt(lang, TKey::NoDepartment).to_owned()
    } else {
        lang.pick(d, ds.department_en(d).unwrap_or(d)).to_owned()
    }
}

/// A status filter choice as shown.
pub fn status_filter_name(lang: Lang, s: StatusFilter) -> String {
    match s {
        StatusFilter::Official(s) => messages::status_name(lang, s).to_owned(),
        StatusFilter::NoStatus => tt(lang, TKey::NoOfficialStatus).to_owned(),
    }
}

/// The result count, announced politely whenever it changes.
pub fn live_count(id: &str, text: String) -> Html {
    html! {
        <p id={id.to_owned()} class="live-count" role="status" aria-live="polite" aria-atomic="true">{ text }</p>
    }
}

/// A `<th>` whose content is a button that sorts by `key`; `aria-sort` says
/// the current direction.
pub fn sort_header<K: SortKey>(
    label: &str,
    key: K,
    sort: Sort<K>,
    on_sort: &Callback<K>,
    class: Option<&'static str>,
) -> Html {
    let aria = sort.aria_for(key);
    let onclick = {
        let cb = on_sort.clone();
        Callback::from(move |_: MouseEvent| cb.emit(key))
    };
    let arrow = match aria {
        "ascending" => "▲",
        "descending" => "▼",
        _ => "↕",
    };
    html! {
        <th scope="col" aria-sort={aria} {class}>
            <button type="button" class="sort" {onclick}>
                <span>{ label.to_owned() }</span>
                <span class="sort-arrow" aria-hidden="true">{ arrow }</span>
            </button>
        </th>
    }
}

/// A table's horizontal-scroll region: focusable (so keyboard users can
/// scroll it) and named after the table's caption.
pub fn scroll_region(caption_id: &str, table: Html) -> Html {
    html! { <TableRegion caption_id={caption_id.to_owned()}>{ table }</TableRegion> }
}

/// The symbol beside a status name (◎ ○ △ ×, as Japanese reports use them),
/// so status never depends on colour alone.
pub fn status_shape(s: OfficialStatus) -> &'static str {
    kpi_format::status_icon(s)
}

/// An official status as a badge: symbol and name on a tint, with the
/// status's border colour and style (the app-wide `.badge` of
/// `www/pages-goal-kpi.css`, shared with the Basic goal and Indicator pages).
pub fn status_badge(lang: Lang, s: Option<OfficialStatus>) -> Html {
    match s {
        Some(s) => html! {
            <span class={classes!("badge", format!("status-{}", s.slug()))} data-status={s.slug()}>
                <span class="badge-icon" aria-hidden="true">{ status_shape(s) }</span>
                { messages::status_name(lang, s) }
            </span>
        },
        None => {
            html! { <span class="badge status-none">{ tt(lang, TKey::NoOfficialStatus) }</span> }
        }
    }
}

/// The symbol beside an outlook name (★ ↗ → ↘, "—" when not computable).
pub fn outlook_shape(o: Option<Outlook>) -> &'static str {
    o.map(kpi_format::outlook_icon).unwrap_or("—")
}

/// An outlook as a badge (or "not computable"), styled like the status badges.
pub fn outlook_badge(lang: Lang, o: &Metric<Outlook>) -> Html {
    let value = o.value().copied();
    let slug = value.map(Outlook::slug).unwrap_or("not_computable");
    let class = match value {
        Some(o) => format!("outlook-{}", o.slug()),
        None => "status-none".to_owned(),
    };
    html! {
        <span class={classes!("badge", class)} data-outlook={slug}>
            <span class="badge-icon" aria-hidden="true">{ outlook_shape(value) }</span>
            { outlook_name(lang, value) }
        </span>
    }
}

/// Properties of [`Choice`].
#[derive(Properties, PartialEq)]
pub struct ChoiceProps {
    /// The `name` of the radio group (unique on the page).
    pub name: AttrValue,
    /// The group's visible label (`<legend>`).
    pub legend: AttrValue,
    /// `(value, label)` for every option.
    pub options: Vec<(AttrValue, AttrValue)>,
    pub selected: AttrValue,
    pub on_change: Callback<String>,
}

/// A set of radio buttons styled as a segmented switch (arrow keys move
/// between options, as for any radio group).
#[component]
pub fn Choice(props: &ChoiceProps) -> Html {
    furigana::rubify(
        crate::use_lang(),
        html! {
            <fieldset class="choice">
                <legend>{ &props.legend }</legend>
                <div class="choice-options">
                    { for props.options.iter().map(|(value, label)| {
                        let id = format!("{}-{}", props.name, value);
                        let onchange = {
                            let cb = props.on_change.clone();
                            let v = value.to_string();
                            Callback::from(move |_: Event| cb.emit(v.clone()))
                        };
                        html! {
                            <span class="choice-option">
                                <input type="radio" id={id.clone()} name={props.name.clone()} value={value.clone()}
                                    checked={*value == props.selected} {onchange} />
                                <label for={id}>{ label }</label>
                            </span>
                        }
                    }) }
                </div>
            </fieldset>
        },
    )
}
