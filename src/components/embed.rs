//! Embedding a view in another site (DESIGN.md §2 "Embedding").
//!
//! - [`EmbedButton`]: the "embed" button of the page tools. It opens a modal
//!   `<dialog>` (labelled by its heading, focus kept inside, Esc and the
//!   close button close it, focus returns to the button) with a copyable
//!   snippet: an `<iframe>` of the `#/embed/<view>` URL carrying the current
//!   query (language, filters …) plus an `embed_id`, with `title` and
//!   `loading="lazy"`, and a few lines of parent-side script that resize the
//!   iframe from its messages.
//! - [`EmbedChrome`]: what embed mode adds to a view instead of the header,
//!   navigation and footer: a one-line source and a link to the full
//!   dashboard, and a `ResizeObserver` on the document that posts
//!   `{"machi-kpi-height": {"id", "height"}}` to `window.parent` whenever the
//!   height (rounded up) changes. Nothing else is sent, and the app listens
//!   to no message: the parent cannot make it do anything.
//!
//! The URL and snippet building are pure functions, tested natively.

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::link::AppLink;
use crate::context::use_lang_state;
use crate::data_source::{page_query, query_param, use_data_control, without_param, Source, Via};
use crate::i18n::portal::{chart_tool_label, embed_data_name, px, Px};
use crate::i18n::{html_escape, Lang};
use crate::routes::{lang_param, query_with_pair, route_title, Route, CHART_PARAM};

/// The view path after `#/embed/` for a route (`None` for "not found").
pub fn embed_view(route: &Route) -> Option<String> {
    Some(match route {
        Route::Overview => "overview".into(),
        Route::Goal { id } => format!("goals/{id}"),
        Route::Kpi { id } => format!("kpi/{id}"),
        Route::Delays => "delays".into(),
        Route::Projections => "projections".into(),
        Route::Revisions => "revisions".into(),
        Route::Data => "data".into(),
        Route::About => "about".into(),
        Route::Embed { view } => return Some(view.trim_matches('/').to_owned()),
        Route::NotFound => return None,
    })
}

/// The `#/embed/...` route showing `route`, for a normal route (`None` for an
/// embed route itself and for "not found").
pub fn embed_form(route: &Route) -> Option<Route> {
    if route.is_embed() {
        return None;
    }
    embed_view(route).map(|view| Route::Embed { view })
}

/// The route an embed view shows (`overview` → the Overview; embeds do not nest).
pub fn route_of_view(view: &str) -> Route {
    let view = view.trim_matches('/');
    if let Some((page, _)) = split_chart_view(view) {
        return route_of_view(page);
    }
    if view.is_empty() || view == "overview" {
        return Route::Overview;
    }
    match Route::recognize(&format!("/{view}")) {
        Some(Route::Embed { .. }) | None => Route::NotFound,
        Some(route) => route,
    }
}

/// A default `embed_id` for a view: `machi-kpi-` and the view's letters and
/// digits (`kpi/annual-tourists` → `machi-kpi-kpi-annual-tourists`).
pub fn default_embed_id(view: &str) -> String {
    let mut id = String::from("machi-kpi");
    let mut dash = true;
    for c in view.chars() {
        if c.is_ascii_alphanumeric() {
            if dash {
                id.push('-');
            }
            id.push(c.to_ascii_lowercase());
            dash = false;
        } else {
            dash = true;
        }
    }
    id
}

/// The query after `#/embed/<view>`: the current hash query without any old
/// `embed_id`, the language of the page query if the hash names none, and
/// the new `embed_id` last.
pub fn embed_hash_query(hash_query: &str, page_lang: Option<Lang>, id: &str) -> String {
    let mut pairs: Vec<String> = hash_query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| p.split_once('=').map_or(*p, |(k, _)| k) != "embed_id")
        .map(str::to_owned)
        .collect();
    if lang_param(hash_query).is_none() {
        if let Some(lang) = page_lang {
            pairs.insert(0, format!("lang={}", lang.code()));
        }
    }
    pairs.push(format!("embed_id={}", encode_component(id)));
    format!("?{}", pairs.join("&"))
}

/// Percent-encodes everything but unreserved characters (RFC 3986).
pub fn encode_component(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The absolute embed URL: `app` is the app's address without query or
/// fragment (`https://example.jp/kpi/index.html`); the page query keeps only
/// `data` (published figures), everything else travels after `#`.
pub fn embed_url(
    app: &str,
    page_query: &str,
    view: &str,
    hash_query: &str,
    page_lang: Option<Lang>,
    id: &str,
) -> String {
    let data = query_param(page_query, "data")
        .map(|d| format!("?data={}", encode_component(&d)))
        .unwrap_or_default();
    format!(
        "{app}{data}#/embed/{view}{}",
        embed_hash_query(hash_query, page_lang, id)
    )
}

/// The view of one chart panel's embed: `chart/<page view>/<chart id>`
/// (`chart/kpi/annual-tourists/kpi-chart`).
pub fn chart_embed_view(page_view: &str, chart_id: &str) -> String {
    format!("chart/{}/{chart_id}", page_view.trim_matches('/'))
}

/// `(page view, chart id)` of a chart embed's view, `None` for any other view.
pub fn split_chart_view(view: &str) -> Option<(&str, &str)> {
    let rest = view.trim_matches('/').strip_prefix("chart/")?;
    let (page, chart) = rest.rsplit_once('/')?;
    let plain = !chart.is_empty()
        && chart
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    (!page.is_empty() && plain).then_some((page, chart))
}

/// The chart panel a chart embed shows alone (`None` for a whole-view embed).
pub fn solo_chart_of(route: &Route) -> Option<&str> {
    match route {
        Route::Embed { view } => split_chart_view(view).map(|(_, chart)| chart),
        _ => None,
    }
}

/// The embed form of `route` for an embed that started as `#/embed/<view>`:
/// a chart embed stays the embed of that chart, a whole-view embed that of
/// the view ([`embed_form`]).
pub fn embed_form_keeping(route: &Route, chart: Option<&str>) -> Option<Route> {
    let Route::Embed { view } = embed_form(route)? else {
        return None;
    };
    Some(Route::Embed {
        view: match chart {
            Some(chart) => chart_embed_view(&view, chart),
            None => view,
        },
    })
}

/// The iframe height a chart embed's snippet starts with, for a chart drawn
/// `chart_height` px high: its heading, summary and tools above, the source
/// and data-date lines below (the embed then posts its real height).
pub fn chart_embed_height(chart_height: u32) -> u32 {
    chart_height + 240
}

/// The in-app address of one chart panel (`#/kpi/x?lang=en&era=gregorian&chart=kpi-chart`):
/// the page `route` with the current hash query (language, era, filters)
/// kept verbatim, without an `embed_id`, and `chart=<id>` in place of any
/// earlier one. The page opens at that panel, focused.
pub fn chart_href(route: &Route, hash_query: &str, chart_id: &str) -> String {
    format!("#{}{}", route.to_path(), chart_query(hash_query, chart_id))
}

/// The hash query of [`chart_href`]: `hash_query` without `embed_id`, with
/// `chart=<id>`.
pub fn chart_query(hash_query: &str, chart_id: &str) -> String {
    let query = without_param(hash_query, "embed_id");
    query_with_pair(&query, CHART_PARAM, Some(&encode_component(chart_id)))
}

/// The absolute permalink of one chart panel: `app` (the address without
/// query or fragment), the page query as it is (its `lang`, `data`) and
/// [`chart_href`].
pub fn chart_permalink(
    app: &str,
    page_query: &str,
    route: &Route,
    hash_query: &str,
    chart_id: &str,
) -> String {
    format!(
        "{app}{}{}",
        without_param(page_query, "embed_id"),
        chart_href(route, hash_query, chart_id)
    )
}

/// The snippet to paste: the iframe and the parent-side script (the same
/// lines as `www/embed-parent.js`): it takes a height only from the window of
/// one of the page's machi-kpi iframes (`event.source`) and from that
/// iframe's own origin, and sets that iframe's height.
pub fn snippet(url: &str, title: &str, id: &str, height: u32) -> String {
    format!(
        r#"<iframe src="{src}" title="{title}" loading="lazy" width="100%" height="{height}" style="width:100%;border:0" data-machi-kpi-embed="{id}"></iframe>
<script>
(function () {{
  if (window.machiKpiEmbed) return;
  window.machiKpiEmbed = true;
  window.addEventListener("message", function (event) {{
    var m = event.data && event.data["machi-kpi-height"];
    if (!m || typeof m.height !== "number" || !(m.height > 0)) return;
    document.querySelectorAll("iframe[data-machi-kpi-embed]").forEach(function (frame) {{
      if (frame.contentWindow !== event.source) return;
      if (new URL(frame.src, location.href).origin !== event.origin) return;
      frame.style.height = Math.ceil(Math.min(m.height, 20000)) + "px";
    }});
  }});
}})();
</script>"#,
        src = html_escape(url),
        title = html_escape(title),
        id = html_escape(id),
    )
}

/// The chart a per-chart [`EmbedButton`] embeds.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartEmbed {
    /// The panel id (the chart id of the embed view).
    pub id: AttrValue,
    /// The chart's title (the iframe's `title`, the button's name).
    pub title: AttrValue,
    /// The chart's height in CSS pixels.
    pub height: u32,
}

/// The embed snippet for the page (or one of its charts) as it is now
/// (browser only; natively a fixed address so server-side rendering has
/// something to show).
fn current_snippet(
    route: &Route,
    hash_query: &str,
    lang: Lang,
    ds: Option<&machi_kpi_core::Dataset>,
    chart: Option<&ChartEmbed>,
) -> (String, String) {
    let page_view = embed_view(route).unwrap_or_else(|| "overview".into());
    let view = match chart {
        Some(c) => chart_embed_view(&page_view, &c.id),
        None => page_view,
    };
    let id = default_embed_id(&view);
    let page_query = page_query();
    let page_lang = lang_param(&page_query);
    let (app, page_title) = app_address();
    let url = embed_url(&app, &page_query, &view, hash_query, page_lang, &id);
    let title = match (chart, page_title) {
        (Some(c), _) => format!("{}: {}", px(lang, Px::EmbedFrameTitle), c.title),
        (None, Some(t)) if !t.trim().is_empty() => t,
        (None, _) => format!(
            "{}: {}",
            px(lang, Px::EmbedFrameTitle),
            route_title(route, lang, ds)
        ),
    };
    let height = chart.map_or(480, |c| chart_embed_height(c.height));
    let snippet = snippet(&url, &title, &id, height);
    (snippet, url)
}

/// `(address without query and fragment, document title)`.
pub(crate) fn app_address() -> (String, Option<String>) {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let origin = location.origin().unwrap_or_default();
        let path = location.pathname().unwrap_or_default();
        let title = window.document().map(|d| d.title());
        return (format!("{origin}{path}"), title);
    }
    ("https://example.jp/kpi/index.html".into(), None)
}

/// Focusable elements inside `root`, in order.
#[cfg(target_arch = "wasm32")]
fn focusables(root: &web_sys::Element) -> Vec<web_sys::HtmlElement> {
    use wasm_bindgen::JsCast;
    let Ok(list) = root.query_selector_all(
        "a[href], button:not([disabled]), textarea:not([disabled]), input:not([disabled]), select:not([disabled]), [tabindex]:not([tabindex='-1'])",
    ) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        .collect()
}

/// Properties of [`EmbedButton`].
#[derive(Properties, PartialEq)]
pub struct EmbedButtonProps {
    /// Embed this chart panel alone instead of the whole view.
    #[prop_or_default]
    pub chart: Option<ChartEmbed>,
}

/// The embed button and its dialog: of the whole view (the page tools), or
/// of one chart (in its panel's tool row).
#[component]
pub fn EmbedButton(props: &EmbedButtonProps) -> Html {
    let lang = use_lang_state().lang;
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let location = use_location();
    let hash_query = location
        .as_ref()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let open = use_state_eq(|| false);
    let status = use_state_eq(|| None::<Px>);
    let dialog_ref = use_node_ref();
    let opener_ref = use_node_ref();
    let code_ref = use_node_ref();
    let data = use_data_control();
    let local_import = matches!(
        data.as_ref().map(|d| &d.source),
        Some(Source::Imported {
            via: Via::File | Via::Stored,
            ..
        })
    );

    let data = crate::context::use_dataset();
    let chart = props.chart.as_ref();
    let (code, url) = current_snippet(
        &route,
        &hash_query,
        lang,
        data.as_ref().map(|d| &*d.0),
        chart,
    );
    // The page's dialog keeps its ids; a chart's are prefixed with its panel id.
    let prefix = chart.map_or_else(|| "embed".to_owned(), |c| format!("{}-embed", c.id));
    let title_id = format!("{prefix}-dialog-title");
    let intro_id = format!("{prefix}-dialog-intro");
    let code_id = format!("{prefix}-code");

    // Open and close the native modal dialog; focus goes back to the button.
    {
        let dialog_ref = dialog_ref.clone();
        let opener_ref = opener_ref.clone();
        use_effect_with(*open, move |open| {
            #[cfg(target_arch = "wasm32")]
            if let Some(dialog) = dialog_ref.cast::<web_sys::HtmlDialogElement>() {
                if *open && !dialog.open() {
                    let _ = dialog.show_modal();
                } else if !*open && dialog.open() {
                    dialog.close();
                }
                if !*open {
                    if let Some(button) = opener_ref.cast::<web_sys::HtmlElement>() {
                        let _ = button.focus();
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (open, dialog_ref, opener_ref);
        });
    }

    let on_open = {
        let open = open.clone();
        let status = status.clone();
        Callback::from(move |_: MouseEvent| {
            status.set(None);
            open.set(true);
        })
    };
    let on_close_button = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(false))
    };
    // Esc (the dialog's own `cancel` → `close`) and any other close.
    let on_dialog_close = {
        let open = open.clone();
        Callback::from(move |_: Event| open.set(false))
    };
    // A click on the backdrop (the dialog element itself, outside its box) closes.
    let on_dialog_click = {
        let open = open.clone();
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                use wasm_bindgen::JsCast;
                let Some(dialog) = dialog_ref.cast::<web_sys::Element>() else {
                    return;
                };
                let on_dialog = e
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_some_and(|t| t == dialog);
                if on_dialog {
                    let r = dialog.get_bounding_client_rect();
                    let (x, y) = (f64::from(e.client_x()), f64::from(e.client_y()));
                    let inside = x >= r.left() && x <= r.right() && y >= r.top() && y <= r.bottom();
                    if !inside {
                        open.set(false);
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (e, &open, &dialog_ref);
        })
    };
    // Tab and Shift+Tab cycle inside the dialog.
    let on_keydown = {
        let dialog_ref = dialog_ref.clone();
        Callback::from(move |e: KeyboardEvent| {
            #[cfg(target_arch = "wasm32")]
            if e.key() == "Tab" {
                let Some(dialog) = dialog_ref.cast::<web_sys::Element>() else {
                    return;
                };
                let items = focusables(&dialog);
                let (Some(first), Some(last)) = (items.first(), items.last()) else {
                    return;
                };
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let at = |el: &web_sys::HtmlElement| {
                    active.as_ref().is_some_and(|a| {
                        let a: &web_sys::Element = a;
                        let el: &web_sys::Element = el;
                        a == el
                    })
                };
                if e.shift_key() && (at(first) || active.is_none()) {
                    e.prevent_default();
                    let _ = last.focus();
                } else if !e.shift_key() && at(last) {
                    e.prevent_default();
                    let _ = first.focus();
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (e, &dialog_ref);
        })
    };
    let on_copy = {
        let status = status.clone();
        let code_ref = code_ref.clone();
        let code = code.clone();
        Callback::from(move |_: MouseEvent| copy_text(&code, &code_ref, &status))
    };

    let (opener_class, dialog_class, heading) = match chart {
        Some(_) => (
            "chart-tool chart-embed",
            "chart-embed-dialog",
            Px::EmbedChartTitle,
        ),
        None => ("tool-button embed-button", "embed-dialog", Px::EmbedTitle),
    };
    let opener_label = chart.map(|c| chart_tool_label(lang, Px::ChartEmbed, &c.title));
    furigana::rubify(
        lang,
        html! {
            <>
                <button type="button" class={opener_class} ref={opener_ref}
                    aria-haspopup="dialog" aria-label={opener_label} onclick={on_open}>
                    { px(lang, if chart.is_some() { Px::ChartEmbed } else { Px::EmbedButton }) }
                </button>
                <dialog class={dialog_class} ref={dialog_ref} aria-labelledby={title_id.clone()}
                    aria-describedby={intro_id.clone()}
                    onclose={on_dialog_close} onclick={on_dialog_click} onkeydown={on_keydown}>
                    if *open {
                        <h2 id={title_id}>{ px(lang, heading) }</h2>
                        <p id={intro_id}>{ px(lang, Px::EmbedIntro) }</p>
                        if local_import {
                            <p class="embed-warning">{ px(lang, Px::EmbedLocalImport) }</p>
                        }
                        <label for={code_id.clone()} class="embed-code-label">{ px(lang, Px::EmbedCodeLabel) }</label>
                        <textarea id={code_id} class="embed-code" ref={code_ref} readonly=true
                            rows="10" spellcheck="false" value={code.clone()} />
                        <p class="note">{ px(lang, Px::EmbedScriptNote) }</p>
                        <p class="embed-status" role="status">
                            { status.map(|k| px(lang, k)).unwrap_or_default() }
                        </p>
                        <div class="embed-actions">
                            <button type="button" class="tool-button primary embed-copy" autofocus=true
                                onclick={on_copy}>{ px(lang, Px::EmbedCopy) }</button>
                            <a class="embed-preview" href={url} target="_blank" rel="noopener noreferrer">
                                { px(lang, Px::EmbedPreview) }
                            </a>
                            <button type="button" class="tool-button embed-close"
                                onclick={on_close_button}>{ px(lang, Px::EmbedClose) }</button>
                        </div>
                    }
                </dialog>
            </>
        },
    )
}

/// Copies with `navigator.clipboard`; where that is missing or refused,
/// selects the code so the reader can copy it with the keyboard.
fn copy_text(text: &str, code_ref: &NodeRef, status: &UseStateHandle<Option<Px>>) {
    #[cfg(target_arch = "wasm32")]
    {
        let text = text.to_owned();
        let code_ref = code_ref.clone();
        let status = status.clone();
        yew::platform::spawn_local(async move {
            if write_clipboard(&text).await {
                status.set(Some(Px::EmbedCopied));
            } else {
                if let Some(area) = code_ref.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
                status.set(Some(Px::EmbedCopyFallback));
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, code_ref, status);
}

/// Writes `text` with `navigator.clipboard.writeText`: false where the
/// clipboard is missing (an insecure origin) or the write is refused.
#[cfg(target_arch = "wasm32")]
pub(crate) async fn write_clipboard(text: &str) -> bool {
    use wasm_bindgen::JsCast;
    let clipboard = web_sys::window()
        .map(|w| w.navigator())
        .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
        .filter(|c| !c.is_undefined() && !c.is_null())
        .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
    let Some(clipboard) = clipboard else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(clipboard.write_text(text))
        .await
        .is_ok()
}

/// Properties of [`EmbedChrome`].
#[derive(Properties, PartialEq)]
pub struct EmbedChromeProps {
    /// The view shown (the route inside `#/embed/...`).
    pub view: Route,
    /// In a chart embed, the chart panel shown alone: the data date is
    /// added, and the link opens the full page at that chart.
    #[prop_or_default]
    pub chart: Option<AttrValue>,
}

/// Embed mode's source line and height reporter.
#[component]
pub fn EmbedChrome(props: &EmbedChromeProps) -> Html {
    let lang = use_lang_state().lang;
    let data = use_data_control();
    let dataset = crate::context::use_dataset();
    let hash_query = use_location()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();

    use_effect_with((), move |_| {
        #[cfg(target_arch = "wasm32")]
        let reporter = HeightReporter::start();
        move || {
            #[cfg(target_arch = "wasm32")]
            drop(reporter);
        }
    });

    let data_name = match data.as_ref().map(|d| &d.source) {
        Some(Source::Imported { name, .. }) => Some(embed_data_name(lang, name)),
        _ => None,
    };
    let keep = props
        .chart
        .as_ref()
        .map(|chart| AttrValue::from(chart_query(&hash_query, chart)));
    let as_of = match (&props.chart, &dataset) {
        (Some(_), Some(ds)) => {
            let era = crate::pages::tables::url_state::era_from_pairs(
                &crate::pages::tables::url_state::parse_query(&hash_query),
                lang,
            );
            crate::components::kpi_widgets::data_as_of_brief(lang, era, &ds.0)
        }
        _ => html! {},
    };
    furigana::rubify(
        lang,
        html! {
            <>
                { as_of }
                <p class="embed-source">
                    <span>{ px(lang, Px::EmbedSource) }</span>
                    if let Some(name) = data_name {
                        <span class="embed-data">{ name }</span>
                    }
                    <AppLink to={props.view.clone()} {keep} class="embed-full">
                        { px(lang, Px::EmbedOpenFull) }
                    </AppLink>
                </p>
            </>
        },
    )
}

/// The `embed_id` of this embed, from the hash query or the page query.
#[cfg(target_arch = "wasm32")]
fn embed_id_from_url() -> Option<String> {
    let location = web_sys::window()?.location();
    let hash = location.hash().ok().unwrap_or_default();
    let hash_query = hash.split_once('?').map(|(_, q)| q).unwrap_or("");
    query_param(hash_query, "embed_id")
        .or_else(|| query_param(&location.search().ok().unwrap_or_default(), "embed_id"))
        .filter(|id| !id.is_empty())
}

/// Watches the document's height and tells the parent window when it changes.
#[cfg(target_arch = "wasm32")]
struct HeightReporter {
    observer: Option<web_sys::ResizeObserver>,
    _callback: Option<wasm_bindgen::closure::Closure<dyn FnMut(wasm_bindgen::JsValue)>>,
}

#[cfg(target_arch = "wasm32")]
impl HeightReporter {
    fn start() -> HeightReporter {
        use std::cell::Cell;
        use std::rc::Rc;
        use wasm_bindgen::prelude::*;

        let none = HeightReporter {
            observer: None,
            _callback: None,
        };
        let Some(window) = web_sys::window() else {
            return none;
        };
        let Some(root) = window.document().and_then(|d| d.document_element()) else {
            return none;
        };
        let _ = root.class_list().add_1("embed-mode");
        // Only an iframe has a parent other than itself.
        let parent = match window.parent() {
            Ok(Some(p)) if !js_sys::Object::is(&p, &window) => p,
            _ => return none,
        };
        let id = embed_id_from_url();
        let last = Rc::new(Cell::new(-1.0_f64));
        let measure_root = root.clone();
        let callback = Closure::<dyn FnMut(JsValue)>::new(move |_entries: JsValue| {
            let height = measure_root.get_bounding_client_rect().height().ceil();
            if height <= 0.0 || height == last.get() {
                return;
            }
            last.set(height);
            let inner = js_sys::Object::new();
            let id_value = id
                .as_deref()
                .map(JsValue::from_str)
                .unwrap_or(JsValue::NULL);
            let _ = js_sys::Reflect::set(&inner, &"id".into(), &id_value);
            let _ = js_sys::Reflect::set(&inner, &"height".into(), &JsValue::from_f64(height));
            let message = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&message, &"machi-kpi-height".into(), &inner);
            let _ = parent.post_message(&message, "*");
        });
        let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
            return none;
        };
        observer.observe(&root);
        HeightReporter {
            observer: Some(observer),
            _callback: Some(callback),
        }
    }
}

#[cfg(target_arch = "wasm32")]
impl Drop for HeightReporter {
    fn drop(&mut self) {
        if let Some(observer) = self.observer.take() {
            observer.disconnect();
        }
        if let Some(root) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.document_element())
        {
            let _ = root.class_list().remove_1("embed-mode");
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_has_an_embed_view_that_leads_back_to_it() {
        let routes = [
            Route::Overview,
            Route::Goal { id: "1-1".into() },
            Route::Kpi {
                id: "annual-tourists".into(),
            },
            Route::Delays,
            Route::Projections,
            Route::Revisions,
            Route::Data,
            Route::About,
        ];
        for route in routes {
            let view = embed_view(&route).expect("embeddable");
            assert_eq!(route_of_view(&view), route, "{view}");
            let embed = Route::Embed { view: view.clone() };
            assert_eq!(embed_view(&embed).as_deref(), Some(view.as_str()));
        }
        assert_eq!(embed_view(&Route::NotFound), None);
        assert_eq!(
            embed_form(&Route::Kpi { id: "x".into() }),
            Some(Route::Embed {
                view: "kpi/x".into()
            })
        );
        assert_eq!(embed_form(&Route::Embed { view: "x".into() }), None);
        assert_eq!(embed_form(&Route::NotFound), None);
        assert_eq!(route_of_view(""), Route::Overview);
        assert_eq!(route_of_view("embed/overview"), Route::NotFound);
        assert_eq!(route_of_view("nope/x/y"), Route::NotFound);
    }

    #[test]
    fn ids_are_plain_and_derived_from_the_view() {
        assert_eq!(default_embed_id("overview"), "machi-kpi-overview");
        assert_eq!(
            default_embed_id("kpi/annual-tourists"),
            "machi-kpi-kpi-annual-tourists"
        );
        assert_eq!(default_embed_id("goals/1-1"), "machi-kpi-goals-1-1");
        assert_eq!(default_embed_id("<x>\"y"), "machi-kpi-x-y");
    }

    #[test]
    fn the_embed_url_carries_the_state_and_one_embed_id() {
        let url = embed_url(
            "https://example.jp/kpi/index.html",
            "?data=data%2Ffy2022.csv&lang=en",
            "delays",
            "?goal=1-1&sort=name&embed_id=old",
            Some(Lang::En),
            "machi-kpi-delays",
        );
        assert_eq!(
            url,
            "https://example.jp/kpi/index.html?data=data%2Ffy2022.csv#/embed/delays?lang=en&goal=1-1&sort=name&embed_id=machi-kpi-delays"
        );
        // The hash's own language wins over the page query's.
        assert_eq!(
            embed_hash_query("?lang=ja-easy", Some(Lang::En), "a"),
            "?lang=ja-easy&embed_id=a"
        );
        assert_eq!(embed_hash_query("", None, "a b"), "?embed_id=a%20b");
        let plain = embed_url("https://x.jp/", "", "overview", "", None, "i");
        assert_eq!(plain, "https://x.jp/#/embed/overview?embed_id=i");
    }

    #[test]
    fn the_snippet_escapes_what_it_embeds() {
        let s = snippet(
            "https://x.jp/#/embed/kpi/a?lang=en&embed_id=i",
            "Name <img src=x onerror=\"alert(1)\"></script>",
            "i",
            480,
        );
        assert!(s.contains("src=\"https://x.jp/#/embed/kpi/a?lang=en&amp;embed_id=i\""));
        assert!(s.contains(
            "title=\"Name &lt;img src=x onerror=&quot;alert(1)&quot;&gt;&lt;/script&gt;\""
        ));
        assert!(s.contains("loading=\"lazy\""));
        assert!(s.contains("data-machi-kpi-embed=\"i\""));
        assert!(s.contains("frame.contentWindow !== event.source"));
        assert!(s.contains("!== event.origin"));
        assert!(s.contains("\"machi-kpi-height\""));
        assert_eq!(s.matches("<script>").count(), 1);
        assert_eq!(s.matches("</script>").count(), 1);
    }

    #[test]
    fn the_snippet_script_matches_the_parent_file() {
        // The inline lines and www/embed-parent.js must do the same checks.
        let file = include_str!("../../www/embed-parent.js");
        for needle in [
            "\"machi-kpi-height\"",
            "iframe[data-machi-kpi-embed]",
            "frame.contentWindow",
            "event.source",
            "new URL(frame.src, location.href).origin",
            "Math.ceil(Math.min(m.height, 20000))",
        ] {
            assert!(file.contains(needle), "embed-parent.js lacks {needle}");
            assert!(
                snippet("u", "t", "i", 1).contains(needle),
                "snippet lacks {needle}"
            );
        }
        assert!(
            !file.contains("postMessage"),
            "the parent never writes to the frame"
        );
    }

    #[test]
    fn every_chart_has_an_embed_view_that_leads_back_to_its_page() {
        let routes = [
            Route::Overview,
            Route::Kpi {
                id: "annual-tourists".into(),
            },
            Route::Delays,
            Route::Goal { id: "1-1".into() },
        ];
        for route in routes {
            let page = embed_view(&route).expect("embeddable");
            let view = chart_embed_view(&page, "status-by-goal");
            assert_eq!(view, format!("chart/{page}/status-by-goal"));
            assert_eq!(
                split_chart_view(&view),
                Some((page.as_str(), "status-by-goal"))
            );
            assert_eq!(route_of_view(&view), route, "{view}");
            let embed = Route::Embed { view: view.clone() };
            assert_eq!(solo_chart_of(&embed), Some("status-by-goal"));
            assert_eq!(embed_view(&embed).as_deref(), Some(view.as_str()));
            // The route recognised from the address is the same embed.
            assert_eq!(Route::recognize(&format!("/embed/{view}")), Some(embed));
        }
        // A whole-view embed and other routes show no single chart.
        assert_eq!(
            solo_chart_of(&Route::Embed {
                view: "kpi/x".into()
            }),
            None
        );
        assert_eq!(solo_chart_of(&Route::Overview), None);
        // Only plain ids, and a page is needed.
        assert_eq!(split_chart_view("chart/overview/a%3Cb"), None);
        assert_eq!(split_chart_view("chart/overview/"), None);
        assert_eq!(split_chart_view("chart/status-donut"), None);
        assert_eq!(split_chart_view("overview"), None);
        assert_eq!(route_of_view("chart/nope/x"), Route::NotFound);
        assert_eq!(route_of_view("chart/embed/overview/x"), Route::NotFound);
        assert_eq!(
            default_embed_id("chart/kpi/annual-tourists/kpi-chart"),
            "machi-kpi-chart-kpi-annual-tourists-kpi-chart"
        );
    }

    #[test]
    fn a_chart_embed_stays_the_embed_of_its_chart() {
        let kpi = Route::Kpi { id: "a".into() };
        assert_eq!(
            embed_form_keeping(&kpi, Some("kpi-chart")),
            Some(Route::Embed {
                view: "chart/kpi/a/kpi-chart".into()
            })
        );
        assert_eq!(embed_form_keeping(&kpi, None), embed_form(&kpi));
        let embed = Route::Embed {
            view: "chart/kpi/a/kpi-chart".into(),
        };
        assert_eq!(embed_form_keeping(&embed, Some("kpi-chart")), None);
        assert_eq!(embed_form_keeping(&Route::NotFound, Some("x")), None);
    }

    #[test]
    fn a_chart_permalink_keeps_the_view_and_names_the_chart() {
        let delays = Route::Delays;
        // Language, era and filters kept verbatim, in order; one chart; no embed_id.
        assert_eq!(
            chart_href(
                &delays,
                "?lang=en&era=gregorian&goal=1-1&chart=old&q=%E3%81%82&embed_id=x",
                "delays-by-goal"
            ),
            "#/delays?lang=en&era=gregorian&goal=1-1&chart=delays-by-goal&q=%E3%81%82"
        );
        assert_eq!(
            chart_href(&Route::Overview, "", "status-donut"),
            "#/?chart=status-donut"
        );
        assert_eq!(
            chart_href(&Route::Kpi { id: "a".into() }, "?method=line", "kpi chart"),
            "#/kpi/a?method=line&chart=kpi%20chart"
        );
        // The page query stays as it is (its language, published data).
        assert_eq!(
            chart_permalink(
                "https://example.jp/kpi/index.html",
                "?lang=en&data=data%2Ffy2022.csv",
                &Route::Overview,
                "?era=gregorian",
                "status-by-goal"
            ),
            "https://example.jp/kpi/index.html?lang=en&data=data%2Ffy2022.csv#/?era=gregorian&chart=status-by-goal"
        );
        assert_eq!(
            chart_permalink("https://x.jp/", "", &delays, "?lang=ja-easy", "covid-dip"),
            "https://x.jp/#/delays?lang=ja-easy&chart=covid-dip"
        );
        // The chart embed's "full dashboard" link carries the same query.
        assert_eq!(
            chart_query("?lang=en&embed_id=machi-kpi-x", "kpi-chart"),
            "?lang=en&chart=kpi-chart"
        );
    }

    #[test]
    fn a_chart_snippet_frames_that_chart_at_its_height() {
        let view = chart_embed_view("kpi/annual-tourists", "kpi-chart");
        let id = default_embed_id(&view);
        let url = embed_url(
            "https://x.jp/",
            "",
            &view,
            "?method=line",
            Some(Lang::En),
            &id,
        );
        assert_eq!(
            url,
            format!("https://x.jp/#/embed/chart/kpi/annual-tourists/kpi-chart?lang=en&method=line&embed_id={id}")
        );
        let height = chart_embed_height(380);
        assert!(height > 380 && height < 380 + 400, "{height}");
        assert!(chart_embed_height(300) < chart_embed_height(380));
        let s = snippet(&url, "T", &id, height);
        assert!(s.contains(&format!("height=\"{height}\"")));
        assert!(s.contains("#/embed/chart/kpi/annual-tourists/kpi-chart?lang=en&amp;method=line"));
        assert!(s.contains(&format!("data-machi-kpi-embed=\"{id}\"")));
    }
}
