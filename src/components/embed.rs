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
use crate::data_source::{page_query, query_param, use_data_control, Source, Via};
use crate::i18n::portal::{embed_data_name, px, Px};
use crate::i18n::Lang;
use crate::routes::{lang_param, route_title, Route};

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

/// Escapes text for an HTML attribute value or text node.
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
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

/// The embed snippet for the page as it is now (browser only; natively a
/// fixed address so server-side rendering has something to show).
fn current_snippet(
    route: &Route,
    hash_query: &str,
    lang: Lang,
    ds: Option<&machi_kpi_core::Dataset>,
) -> (String, String) {
    let view = embed_view(route).unwrap_or_else(|| "overview".into());
    let id = default_embed_id(&view);
    let page_query = page_query();
    let page_lang = lang_param(&page_query);
    let (app, page_title) = app_address();
    let url = embed_url(&app, &page_query, &view, hash_query, page_lang, &id);
    let title = match page_title {
        Some(t) if !t.trim().is_empty() => t,
        _ => format!(
            "{}: {}",
            px(lang, Px::EmbedFrameTitle),
            route_title(route, lang, ds)
        ),
    };
    let snippet = snippet(&url, &title, &id, 480);
    (snippet, url)
}

/// `(address without query and fragment, document title)`.
fn app_address() -> (String, Option<String>) {
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

/// The embed button and its dialog.
#[component]
pub fn EmbedButton() -> Html {
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
    let (code, url) = current_snippet(&route, &hash_query, lang, data.as_ref().map(|d| &*d.0));

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

    furigana::rubify(
        lang,
        html! {
            <>
                <button type="button" class="tool-button embed-button" ref={opener_ref}
                    aria-haspopup="dialog" onclick={on_open}>
                    { px(lang, Px::EmbedButton) }
                </button>
                <dialog class="embed-dialog" ref={dialog_ref} aria-labelledby="embed-dialog-title"
                    aria-describedby="embed-dialog-intro"
                    onclose={on_dialog_close} onclick={on_dialog_click} onkeydown={on_keydown}>
                    if *open {
                        <h2 id="embed-dialog-title">{ px(lang, Px::EmbedTitle) }</h2>
                        <p id="embed-dialog-intro">{ px(lang, Px::EmbedIntro) }</p>
                        if local_import {
                            <p class="embed-warning">{ px(lang, Px::EmbedLocalImport) }</p>
                        }
                        <label for="embed-code" class="embed-code-label">{ px(lang, Px::EmbedCodeLabel) }</label>
                        <textarea id="embed-code" class="embed-code" ref={code_ref} readonly=true
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
        use wasm_bindgen::JsCast;
        let select_all = {
            let code_ref = code_ref.clone();
            let status = status.clone();
            move || {
                if let Some(area) = code_ref.cast::<web_sys::HtmlTextAreaElement>() {
                    let _ = area.focus();
                    area.select();
                }
                status.set(Some(Px::EmbedCopyFallback));
            }
        };
        let clipboard = web_sys::window()
            .map(|w| w.navigator())
            .and_then(|n| js_sys::Reflect::get(&n, &"clipboard".into()).ok())
            .filter(|c| !c.is_undefined() && !c.is_null())
            .and_then(|c| c.dyn_into::<web_sys::Clipboard>().ok());
        let Some(clipboard) = clipboard else {
            select_all();
            return;
        };
        let promise = clipboard.write_text(text);
        let status = status.clone();
        yew::platform::spawn_local(async move {
            match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(_) => status.set(Some(Px::EmbedCopied)),
                Err(_) => select_all(),
            }
        });
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (text, code_ref, status);
}

/// Properties of [`EmbedChrome`].
#[derive(Properties, PartialEq)]
pub struct EmbedChromeProps {
    /// The view shown (the route inside `#/embed/...`).
    pub view: Route,
}

/// Embed mode's source line and height reporter.
#[component]
pub fn EmbedChrome(props: &EmbedChromeProps) -> Html {
    let lang = use_lang_state().lang;
    let data = use_data_control();

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
    furigana::rubify(
        lang,
        html! {
            <p class="embed-source">
                <span>{ px(lang, Px::EmbedSource) }</span>
                if let Some(name) = data_name {
                    <span class="embed-data">{ name }</span>
                }
                <AppLink to={props.view.clone()} class="embed-full">
                    { px(lang, Px::EmbedOpenFull) }
                </AppLink>
            </p>
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
}
