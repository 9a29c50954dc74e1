//! [`ChartShare`]: the link, share and embed controls of one chart, in its
//! [`super::chart_panel::ChartPanel`]'s tool row (not in embed mode).
//!
//! - The link is a real `<a href>` to the page at that chart
//!   ([`super::embed::chart_href`]: the hash query kept, `chart=<id>`), so it
//!   can be opened in a new tab or copied from the context menu; the page
//!   opens scrolled to the panel, focused.
//! - Share calls the browser's own share sheet (`navigator.share({title,
//!   url})`) with the absolute permalink ([`super::embed::chart_permalink`]);
//!   where there is none, or it fails other than by the reader cancelling,
//!   the permalink is copied to the clipboard, and an `aria-live` status
//!   says so (or shows the address, selected, when the clipboard refuses).
//! - Embed is the page's [`super::embed::EmbedButton`] for this chart alone.
//!
//! No third-party script: only the browser's APIs.

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::embed::{chart_href, ChartEmbed, EmbedButton};
use crate::i18n::portal::{chart_tool_label, px, Px};
use crate::routes::Route;
use crate::use_lang;

/// Properties of [`ChartShare`].
#[derive(Properties, PartialEq)]
pub struct ChartShareProps {
    /// The panel id (the `chart=` value).
    pub id: AttrValue,
    /// The chart's title.
    pub title: AttrValue,
    /// The chart's height in CSS pixels (for the embed snippet).
    pub height: u32,
}

/// What the share button last did (set only in the browser).
#[derive(Clone, Debug, PartialEq)]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
enum Outcome {
    /// The permalink is on the clipboard.
    Copied,
    /// Neither share sheet nor clipboard: the address is shown to copy.
    Failed(String),
}

/// The link, share and embed controls of one chart.
#[component]
pub fn ChartShare(props: &ChartShareProps) -> Html {
    let lang = use_lang();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let hash_query = use_location()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let outcome = use_state_eq(|| None::<Outcome>);
    let address_ref = use_node_ref();
    let href = chart_href(&route, &hash_query, &props.id);

    // The address shown after a failed copy is selected, ready for Ctrl+C.
    {
        let address_ref = address_ref.clone();
        use_effect_with((*outcome).clone(), move |outcome| {
            #[cfg(target_arch = "wasm32")]
            if matches!(outcome, Some(Outcome::Failed(_))) {
                if let Some(input) = address_ref.cast::<web_sys::HtmlInputElement>() {
                    let _ = input.focus();
                    input.select();
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (outcome, address_ref);
        });
    }

    let on_share = {
        let outcome = outcome.clone();
        let title = props.title.to_string();
        let id = props.id.to_string();
        let route = route.clone();
        let hash_query = hash_query.clone();
        Callback::from(move |_: MouseEvent| {
            outcome.set(None);
            #[cfg(target_arch = "wasm32")]
            {
                let (app, _) = crate::components::embed::app_address();
                let url = crate::components::embed::chart_permalink(
                    &app,
                    &crate::data_source::page_query(),
                    &route,
                    &hash_query,
                    &id,
                );
                share_or_copy(title.clone(), url, outcome.clone());
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&title, &id, &route, &hash_query);
        })
    };

    let status = match &*outcome {
        Some(Outcome::Copied) => html! { { px(lang, Px::LinkCopied) } },
        Some(Outcome::Failed(url)) => html! {
            <>
                { px(lang, Px::LinkCopyFailed) }
                <input type="text" class="chart-address" readonly=true ref={address_ref}
                    aria-label={px(lang, Px::LinkAddress)} value={url.clone()} />
            </>
        },
        None => html! {},
    };
    // A second click on the link of the panel already in the address still
    // brings it back into view (the address, and so the panel, do not change).
    let on_link = {
        let id = props.id.clone();
        Callback::from(move |e: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            if e.button() == 0 && !(e.meta_key() || e.ctrl_key() || e.shift_key() || e.alt_key()) {
                use wasm_bindgen::JsCast;
                let panel = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.get_element_by_id(&id))
                    .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
                if let Some(panel) = panel {
                    if panel.has_attribute("tabindex") {
                        bring_into_view(&panel);
                    }
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (e, &id);
        })
    };
    let title = &props.title;
    furigana::rubify(
        lang,
        html! {
            <>
                <div class="chart-share" role="group"
                    aria-label={format!("{}: {title}", px(lang, Px::ChartTools))}>
                    <a class="chart-tool chart-link" {href} onclick={on_link}
                        aria-label={chart_tool_label(lang, Px::ChartLink, title)}>
                        { px(lang, Px::ChartLink) }
                    </a>
                    <button type="button" class="chart-tool chart-share-button" onclick={on_share}
                        aria-label={chart_tool_label(lang, Px::ChartShare, title)}>
                        { px(lang, Px::ChartShare) }
                    </button>
                    <EmbedButton chart={Some(ChartEmbed {
                        id: props.id.clone(),
                        title: props.title.clone(),
                        height: props.height,
                    })} />
                </div>
                <p class="chart-share-status" role="status">{ status }</p>
            </>
        },
    )
}

/// Scrolls a chart panel to the top of the view and focuses it.
#[cfg(target_arch = "wasm32")]
pub(crate) fn bring_into_view(panel: &web_sys::HtmlElement) {
    panel.scroll_into_view_with_bool(true);
    let _ = panel.focus();
}

/// `navigator.share` when the browser has it; the clipboard otherwise, or
/// when sharing fails for another reason than the reader cancelling it.
#[cfg(target_arch = "wasm32")]
fn share_or_copy(title: String, url: String, outcome: UseStateHandle<Option<Outcome>>) {
    use wasm_bindgen::JsCast;
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let can_share = js_sys::Reflect::get(&navigator, &"share".into())
        .map(|f| f.is_function())
        .unwrap_or(false);
    yew::platform::spawn_local(async move {
        if can_share {
            let data = web_sys::ShareData::new();
            data.set_title(&title);
            data.set_url(&url);
            match wasm_bindgen_futures::JsFuture::from(navigator.share_with_data(&data)).await {
                Ok(_) => return,
                Err(e) => {
                    let cancelled = e
                        .dyn_ref::<web_sys::DomException>()
                        .is_some_and(|d| d.name() == "AbortError");
                    if cancelled {
                        return;
                    }
                }
            }
        }
        if crate::components::embed::write_clipboard(&url).await {
            outcome.set(Some(Outcome::Copied));
        } else {
            outcome.set(Some(Outcome::Failed(url)));
        }
    });
}
