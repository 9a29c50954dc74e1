//! [`EChart`]: the one component that owns an ECharts instance.
//!
//! For its whole lifetime the component:
//! - initialises ECharts on its container once it is in the DOM
//!   (`echarts.init(el, null, {renderer, locale})`, see [`crate::echarts`]),
//!   and again only if the renderer or locale changes;
//! - applies each new option with `setOption(option, {notMerge: true})`,
//!   without animation when the reader prefers reduced motion;
//! - resizes with its container through a `ResizeObserver`;
//! - forwards `click` events to [`EChartProps::on_click`] as [`ChartClick`];
//! - is read by keyboard (DESIGN.md §2): the chart sits in a focusable
//!   wrapper (`tabindex="0"`, `role="application"` so screen readers pass the
//!   arrow keys on, named by the panel title and described by the summary and
//!   a key hint) where ←/→ step through the data points
//!   ([`crate::charts::points`]), Home/End jump to the first/last, each shown
//!   with `showTip` + `highlight` and announced as "series, category: value"
//!   in a visually hidden `aria-live="polite"` region; Esc anywhere on the
//!   page sends `hideTip` + `downplay`, also for a tooltip the mouse opened.
//!   (ECharts' `aria` makes the drawing element itself `role="img"`, hence
//!   the wrapper.)
//! - on unmount disconnects the observer, unbinds events, disposes the
//!   instance and drops the closures ([`Live`]'s `Drop`);
//! - turns any failure into a visible message (`role="alert"`) instead of a
//!   panic; the chart's table view ([`super::chart_panel`]) still works then.
//!
//! Effects never run during server-side rendering, so SSR output (and the
//! first paint) is just the empty, labelled container.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use yew::prelude::*;

use crate::charts::points::{chart_points, ChartPoint};
use crate::echarts::{prefers_reduced_motion, ChartAction, ChartError, Echarts, Renderer};
use crate::i18n::{t, Key};
use crate::use_lang;

/// A click on a chart element, as ECharts reports it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartClick {
    /// The data item's name (category or slice name).
    pub name: String,
    /// The series' name.
    pub series_name: Option<String>,
    /// The series' index in the option: what a handler should match on, since a
    /// series' name is display text that differs by language.
    pub series_index: Option<usize>,
    /// Index of the data item in its series.
    pub data_index: Option<usize>,
    /// The numeric value, when the item has one.
    pub value: Option<f64>,
}

impl ChartClick {
    /// Reads the fields we use from an ECharts event object. Field by
    /// field on purpose: the event also holds the DOM event and zrender
    /// internals, which a generic deserializer would walk into.
    fn from_event(event: &JsValue) -> ChartClick {
        let get = |key: &str| js_sys::Reflect::get(event, &JsValue::from_str(key)).ok();
        ChartClick {
            name: get("name").and_then(|v| v.as_string()).unwrap_or_default(),
            series_name: get("seriesName").and_then(|v| v.as_string()),
            series_index: get("seriesIndex")
                .and_then(|v| v.as_f64())
                .filter(|i| *i >= 0.0)
                .map(|i| i as usize),
            data_index: get("dataIndex")
                .and_then(|v| v.as_f64())
                .filter(|i| *i >= 0.0)
                .map(|i| i as usize),
            value: get("value").and_then(|v| v.as_f64()),
        }
    }
}

/// Properties of [`EChart`].
#[derive(Properties, PartialEq)]
pub struct EChartProps {
    /// DOM id of the container (unique on the page).
    pub id: AttrValue,
    /// The full ECharts option as JSON (from [`crate::charts::ChartSpec`]).
    pub option: AttrValue,
    /// Accessible name of the container; ECharts' `aria` replaces it with the
    /// option's own description once the chart is drawn.
    pub label: AttrValue,
    /// Height in CSS pixels; the width follows the container.
    #[prop_or(320)]
    pub height: u32,
    #[prop_or_default]
    pub renderer: Renderer,
    /// Called on every click on a data element.
    #[prop_or_default]
    pub on_click: Option<Callback<ChartClick>>,
    /// Id of the element naming the chart for keyboard users (the panel
    /// title); without it [`EChartProps::label`] names it.
    #[prop_or_default]
    pub labelled_by: Option<AttrValue>,
    /// Id of the chart's one-sentence summary, read before the key hint.
    #[prop_or_default]
    pub described_by: Option<AttrValue>,
}

/// Everything that lives exactly as long as one ECharts instance.
struct Live {
    chart: Option<Echarts>,
    observer: Option<web_sys::ResizeObserver>,
    _on_resize: Option<Closure<dyn FnMut(JsValue)>>,
    _on_click: Option<Closure<dyn FnMut(JsValue)>>,
    /// The window's `keydown` listener that hides the tooltip on Esc.
    on_escape: Option<Closure<dyn FnMut(JsValue)>>,
    /// The option JSON last given to `setOption`, to skip redundant updates.
    applied: Option<AttrValue>,
}

impl Drop for Live {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.take() {
            observer.disconnect();
        }
        if let (Some(window), Some(listener)) = (web_sys::window(), self.on_escape.as_ref()) {
            let _ = window
                .remove_event_listener_with_callback("keydown", listener.as_ref().unchecked_ref());
        }
        if let Some(chart) = self.chart.take() {
            chart.dispose();
        }
        // The closures are dropped after the observer and events are gone.
    }
}

type Slot = Rc<RefCell<Option<Live>>>;

/// How [`start`] draws: the renderer, ECharts' locale, and whether the first
/// drawing may animate.
#[derive(Clone, Copy)]
struct Setup<'a> {
    renderer: Renderer,
    locale: &'a str,
    animate: bool,
}

/// Starts ECharts on `el` with `option`, wiring resize and click handling.
fn start(
    el: &web_sys::HtmlElement,
    setup: Setup<'_>,
    option: &AttrValue,
    slot: &Slot,
    on_click: Rc<RefCell<Option<Callback<ChartClick>>>>,
    report: Callback<Option<ChartError>>,
) -> Result<(), ChartError> {
    let Setup {
        renderer,
        locale,
        animate,
    } = setup;
    let chart = Echarts::init(el, renderer, locale)?;
    let mut live = Live {
        chart: Some(chart),
        observer: None,
        _on_resize: None,
        _on_click: None,
        on_escape: None,
        applied: None,
    };
    if let Some(chart) = &live.chart {
        chart.set_option_json(option, animate && !prefers_reduced_motion())?;
    }
    live.applied = Some(option.clone());
    // ECharts drew synchronously (no `lazyUpdate`), so the prerendered
    // drawing it covered can go in the same task: no frame without a chart.
    if let Ok(Some(drawing)) = el.query_selector(":scope > .echart-static") {
        drawing.remove();
    }

    let click = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let parsed = ChartClick::from_event(&event);
        if let Some(cb) = on_click.borrow().as_ref() {
            cb.emit(parsed);
        }
    });
    if let Some(chart) = &live.chart {
        chart.on_click(click.as_ref().unchecked_ref())?;
    }
    live._on_click = Some(click);

    let weak = Rc::downgrade(slot);
    let report_escape = report.clone();
    let escape = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
        let is_escape = event
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|e| e.key() == "Escape");
        if !is_escape {
            return;
        }
        let Some(slot) = weak.upgrade() else { return };
        let Ok(guard) = slot.try_borrow() else { return };
        if let Some(chart) = guard.as_ref().and_then(|l| l.chart.as_ref()) {
            let hidden = chart
                .dispatch(ChartAction::HideTip)
                .and_then(|()| chart.dispatch(ChartAction::Downplay));
            if let Err(e) = hidden {
                report_escape.emit(Some(e));
            }
        }
    });
    web_sys::window()
        .ok_or_else(|| ChartError::Runtime("no window".into()))?
        .add_event_listener_with_callback("keydown", escape.as_ref().unchecked_ref())
        .map_err(|e| ChartError::Runtime(crate::echarts::js_error_text(&e)))?;
    live.on_escape = Some(escape);

    let weak = Rc::downgrade(slot);
    let resize = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
        let Some(slot) = weak.upgrade() else { return };
        let Ok(guard) = slot.try_borrow() else { return };
        if let Some(chart) = guard.as_ref().and_then(|l| l.chart.as_ref()) {
            if let Err(e) = chart.resize() {
                report.emit(Some(e));
            }
        }
    });
    let observer = web_sys::ResizeObserver::new(resize.as_ref().unchecked_ref())
        .map_err(|e| ChartError::Runtime(crate::echarts::js_error_text(&e)))?;
    observer.observe(el);
    live.observer = Some(observer);
    live._on_resize = Some(resize);

    *slot.borrow_mut() = Some(live);
    Ok(())
}

/// A chart waiting to come near the viewport.
struct Waiting {
    observer: web_sys::IntersectionObserver,
    _on_intersect: Closure<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>,
}

/// How close to the viewport (above or below) a chart starts.
const NEAR_VIEWPORT: &str = "200px 0px";

/// Calls `begin` once `el` comes within [`NEAR_VIEWPORT`] of the viewport.
/// Gives `begin` back if the browser has no IntersectionObserver.
fn when_near_viewport<F: FnOnce() + 'static>(
    el: &web_sys::HtmlElement,
    begin: F,
    waiting: &Rc<RefCell<Option<Waiting>>>,
) -> Result<(), F> {
    let begin = Rc::new(RefCell::new(Some(begin)));
    let pending = begin.clone();
    let on_intersect = Closure::<dyn FnMut(js_sys::Array, web_sys::IntersectionObserver)>::new(
        move |entries: js_sys::Array, observer: web_sys::IntersectionObserver| {
            let near = entries.iter().any(|entry| {
                entry
                    .dyn_into::<web_sys::IntersectionObserverEntry>()
                    .is_ok_and(|e| e.is_intersecting())
            });
            if near {
                observer.disconnect();
                if let Some(begin) = pending.borrow_mut().take() {
                    begin();
                }
            }
        },
    );
    let init = web_sys::IntersectionObserverInit::new();
    init.set_root_margin(NEAR_VIEWPORT);
    let observer = match web_sys::IntersectionObserver::new_with_options(
        on_intersect.as_ref().unchecked_ref(),
        &init,
    ) {
        Ok(observer) => observer,
        Err(_) => {
            drop(on_intersect);
            return match begin.borrow_mut().take() {
                Some(begin) => Err(begin),
                None => Ok(()),
            };
        }
    };
    observer.observe(el);
    *waiting.borrow_mut() = Some(Waiting {
        observer,
        _on_intersect: on_intersect,
    });
    Ok(())
}

/// The charts drawn at build time into `dist/index.html` (issue 9, item 1).
///
/// `cargo xtask dist` renders the default view natively (`examples/prerender.rs`),
/// where [`record`] lists every chart with its option, and ECharts draws each
/// option as SVG in Node (`xtask/prerender.mjs`): a `.echart-static` element
/// inside the chart's container, marked with the chart's id and the
/// [`option_hash`] of its option. In the browser, [`keep`] takes those
/// drawings out of the page before the app replaces it, and [`adopt`] puts one
/// back into the new container if, and only if, the app is about to draw the
/// same option there (another dataset, language or view draws afresh).
pub mod prerendered {
    use std::cell::RefCell;
    use std::collections::HashMap;

    /// FNV-1a (32 bits) of the option JSON, as 8 hex digits: cheap, and
    /// the same natively and in wasm.
    pub fn option_hash(option: &str) -> String {
        let mut hash: u32 = 0x811c_9dc5;
        for byte in option.bytes() {
            hash ^= u32::from(byte);
            hash = hash.wrapping_mul(0x0100_0193);
        }
        format!("{hash:08x}")
    }

    thread_local! {
        static KEPT: RefCell<HashMap<String, web_sys::Element>> = RefCell::new(HashMap::new());
    }

    /// Takes every prerendered drawing out of `root`, keyed by chart id.
    pub fn keep(root: &web_sys::Element) {
        let Ok(nodes) = root.query_selector_all(".echart-static[data-chart-id]") else {
            return;
        };
        KEPT.with(|kept| {
            let mut kept = kept.borrow_mut();
            for i in 0..nodes.length() {
                let Some(el) = nodes
                    .get(i)
                    .and_then(|n| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(n).ok())
                else {
                    continue;
                };
                if let Some(id) = el.get_attribute("data-chart-id") {
                    el.remove();
                    kept.insert(id, el);
                }
            }
        });
    }

    /// Puts the drawing kept for `id` into `el` if it shows `option`.
    /// Each drawing is used at most once.
    pub fn adopt(el: &web_sys::HtmlElement, id: &str, option: &str) -> bool {
        let Some(drawing) = KEPT.with(|kept| kept.borrow_mut().remove(id)) else {
            return false;
        };
        let same =
            drawing.get_attribute("data-option-hash").as_deref() == Some(&option_hash(option));
        same && el.append_child(&drawing).is_ok()
    }

    /// A chart the native renderer met: what `xtask/prerender.mjs` draws.
    #[cfg(not(target_arch = "wasm32"))]
    #[derive(Clone, Debug, PartialEq, Eq)]
    pub struct RenderedChart {
        /// The container's id.
        pub id: String,
        /// The option JSON, exactly as the app hands it to ECharts.
        pub option: String,
        /// The container's height in CSS pixels.
        pub height: u32,
    }

    #[cfg(not(target_arch = "wasm32"))]
    static RECORDED: std::sync::Mutex<Option<Vec<RenderedChart>>> = std::sync::Mutex::new(None);

    /// Starts listing the charts rendered natively (until [`finish`]).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn begin() {
        if let Ok(mut list) = RECORDED.lock() {
            *list = Some(Vec::new());
        }
    }

    /// The charts rendered since [`begin`], each id once (its last render).
    #[cfg(not(target_arch = "wasm32"))]
    pub fn finish() -> Vec<RenderedChart> {
        RECORDED
            .lock()
            .ok()
            .and_then(|mut list| list.take())
            .unwrap_or_default()
    }

    #[cfg(not(target_arch = "wasm32"))]
    pub(super) fn record(id: &str, option: &str, height: u32) {
        if let Ok(mut guard) = RECORDED.lock() {
            if let Some(list) = guard.as_mut() {
                list.retain(|c| c.id != id);
                list.push(RenderedChart {
                    id: id.to_owned(),
                    option: option.to_owned(),
                    height,
                });
            }
        }
    }
}

/// Shows one point: `downplay` all, `highlight` it, `showTip` on it.
fn show_point(chart: &Echarts, p: &ChartPoint) -> Result<(), ChartError> {
    let (series, data) = (p.series_index, p.data_index);
    chart.dispatch(ChartAction::Downplay)?;
    chart.dispatch(ChartAction::Highlight { series, data })?;
    chart.dispatch(ChartAction::ShowTip { series, data })
}

/// The point a key moves to from `current` among `len` points, or `None`
/// for keys the chart does not handle.
fn step(key: &str, current: Option<usize>, len: usize) -> Option<usize> {
    let last = len.checked_sub(1)?;
    match key {
        "ArrowRight" => Some(current.map_or(0, |i| (i + 1).min(last))),
        "ArrowLeft" => Some(current.map_or(0, |i| i.saturating_sub(1).min(last))),
        "Home" => Some(0),
        "End" => Some(last),
        _ => None,
    }
}

/// An ECharts chart in a `<div>` that follows its container's width.
#[component]
pub fn EChart(props: &EChartProps) -> Html {
    let lang = use_lang();
    let node = use_node_ref();
    let error = use_state_eq(|| None::<ChartError>);
    let slot: Slot = use_mut_ref(|| None::<Live>);
    let on_click = use_mut_ref(|| None::<Callback<ChartClick>>);
    *on_click.borrow_mut() = props.on_click.clone();
    // The newest option, read by the init effect so a re-init never shows a stale chart.
    let latest = use_mut_ref(|| props.option.clone());
    *latest.borrow_mut() = props.option.clone();

    let report = {
        let error = error.clone();
        Callback::from(move |e: Option<ChartError>| error.set(e))
    };

    // The IntersectionObserver that starts the chart near the viewport, and
    // whether it has started once.
    let waiting = use_mut_ref(|| None::<Waiting>);
    let started = use_mut_ref(|| false);
    #[cfg(not(target_arch = "wasm32"))]
    prerendered::record(&props.id, &props.option, props.height);

    // Lifetime of one instance: (re)created when the renderer or locale changes.
    {
        let node = node.clone();
        let slot = slot.clone();
        let report = report.clone();
        let latest = latest.clone();
        let on_click = on_click.clone();
        let waiting = waiting.clone();
        let started = started.clone();
        let id = props.id.clone();
        use_effect_with(
            (props.renderer, lang.echarts_locale()),
            move |(renderer, locale)| {
                if let Some(el) = node.cast::<web_sys::HtmlElement>() {
                    // The build-time drawing of this very option, if the page
                    // was prerendered: shown until the live chart has drawn,
                    // which then draws once without animation, so the
                    // takeover does not visibly change the chart.
                    let adopted = prerendered::adopt(&el, &id, &latest.borrow());
                    let (renderer, locale) = (*renderer, *locale);
                    let begin = {
                        let el = el.clone();
                        let slot = slot.clone();
                        let report = report.clone();
                        let started = started.clone();
                        move || {
                            let option = latest.borrow().clone();
                            let setup = Setup {
                                renderer,
                                locale,
                                animate: !adopted,
                            };
                            let result =
                                start(&el, setup, &option, &slot, on_click, report.clone());
                            *started.borrow_mut() = true;
                            report.emit(result.err());
                        }
                    };
                    // A chart already shown once (a new locale or renderer)
                    // restarts at once; a new one waits until it comes near
                    // the viewport, so charts below the fold cost nothing at
                    // start-up (issue 9, item 2).
                    if *started.borrow() {
                        begin();
                    } else if let Err(begin) = when_near_viewport(&el, begin, &waiting) {
                        begin();
                    }
                }
                let slot = slot.clone();
                move || {
                    if let Some(wait) = waiting.borrow_mut().take() {
                        wait.observer.disconnect();
                    }
                    // Drop order in `Live` disconnects, unbinds and disposes.
                    slot.borrow_mut().take();
                }
            },
        );
    }

    // Keyboard reading: the points of the option and the one last shown.
    let points = use_memo(props.option.clone(), |option| {
        serde_json::from_str::<serde_json::Value>(option)
            .map(|v| chart_points(&v))
            .unwrap_or_default()
    });
    let cursor = use_mut_ref(|| None::<usize>);
    let announcement = use_state_eq(String::new);
    let onkeydown = {
        let points = points.clone();
        let cursor = cursor.clone();
        let slot = slot.clone();
        let report = report.clone();
        let announcement = announcement.clone();
        Callback::from(move |e: KeyboardEvent| {
            let current = *cursor.borrow();
            let Some(next) = step(&e.key(), current, points.len()) else {
                return;
            };
            e.prevent_default();
            *cursor.borrow_mut() = Some(next);
            let point = &points[next];
            let shown = match slot.try_borrow() {
                Ok(guard) => match guard.as_ref().and_then(|l| l.chart.as_ref()) {
                    Some(chart) => show_point(chart, point),
                    None => Ok(()),
                },
                Err(_) => Ok(()),
            };
            announcement.set(point.announcement());
            if let Err(err) = shown {
                report.emit(Some(err));
            }
        })
    };

    // Each new option replaces the previous one (notMerge).
    {
        let slot = slot.clone();
        let report = report.clone();
        let cursor = cursor.clone();
        use_effect_with(props.option.clone(), move |option| {
            *cursor.borrow_mut() = None;
            if let Some(live) = slot.borrow_mut().as_mut() {
                if live.applied.as_ref() != Some(option) {
                    if let Some(chart) = &live.chart {
                        let result = chart.set_option_json(option, !prefers_reduced_motion());
                        if result.is_ok() {
                            live.applied = Some(option.clone());
                        }
                        report.emit(result.err());
                    }
                }
            }
        });
    }

    let style = format!("height:{}px", props.height);
    let keys_id = format!("{}-keys", props.id);
    let described_by = match &props.described_by {
        Some(summary) => format!("{summary} {keys_id}"),
        None => keys_id.clone(),
    };
    let wrapper_label = props.labelled_by.is_none().then(|| props.label.clone());
    html! {
        <div class="echart-frame">
            <div
                class="echart-keys"
                tabindex="0"
                role="application"
                aria-labelledby={props.labelled_by.clone()}
                aria-label={wrapper_label}
                aria-describedby={described_by}
                {onkeydown}
            >
                <div
                    id={props.id.clone()}
                    class="echart"
                    ref={node}
                    {style}
                    role="img"
                    aria-label={props.label.clone()}
                />
            </div>
            <p id={keys_id} hidden=true>{ t(lang, Key::ChartKeysHint) }</p>
            <div class="visually-hidden" aria-live="polite" data-chart-live="">
                { (*announcement).clone() }
            </div>
            if let Some(err) = &*error {
                <div class="chart-error" role="alert">
                    <p><strong>{ t(lang, Key::ChartFailed) }</strong>{ " " }{ t(lang, Key::ChartFailedHint) }</p>
                    <p class="chart-error-detail">{ err.to_string() }</p>
                </div>
            }
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::step;

    #[test]
    fn keys_step_within_the_points() {
        assert_eq!(step("ArrowRight", None, 3), Some(0));
        assert_eq!(step("ArrowRight", Some(0), 3), Some(1));
        assert_eq!(step("ArrowRight", Some(2), 3), Some(2));
        assert_eq!(step("ArrowLeft", None, 3), Some(0));
        assert_eq!(step("ArrowLeft", Some(0), 3), Some(0));
        assert_eq!(step("ArrowLeft", Some(2), 3), Some(1));
        assert_eq!(step("Home", Some(2), 3), Some(0));
        assert_eq!(step("End", None, 3), Some(2));
        assert_eq!(step("End", None, 0), None);
        assert_eq!(step("Tab", Some(1), 3), None);
    }
}
