//! machi-kpi: the Yew single-page app that shows Isesaki City's strategy KPIs.
//!
//! Data flows one way: the embedded dataset (`machi_kpi_core::Dataset`) →
//! analysis in the core crate → pure chart builders ([`charts`]) and tables →
//! components ([`components`], [`pages`]) → ECharts through our own binding
//! ([`echarts`]). Fixed interface text is in [`i18n`]; routes and the
//! `?lang=` query in [`routes`]; shared state in [`context`].
//!
//! The crate is a library so that everything except the browser entry point
//! builds and tests natively (`cargo test`, including SSR of components);
//! `src/main.rs` only calls [`start`]. See ARCHITECTURE.md.

pub mod app;
pub mod charts;
pub mod components;
pub mod context;
pub mod data_source;
pub mod echarts;
pub mod i18n;
pub mod pages;
pub mod routes;
pub mod storage;

pub use app::{App, StaticApp, StaticAppProps};
pub use context::{use_dataset, use_lang, use_lang_state};

/// Shows a fatal error in `#boot-error` (the box `index.html` keeps above
/// the app root), so a failure is never a blank or frozen page without a word.
#[cfg(target_arch = "wasm32")]
fn show_fatal(message: &str) {
    web_sys::console::error_1(&message.into());
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if let Some(detail) = document.get_element_by_id("boot-error-detail") {
        detail.set_text_content(Some(message));
    }
    if let Some(panel) = document.get_element_by_id("boot-error") {
        let _ = panel.remove_attribute("hidden");
        panel.scroll_into_view();
    }
}

/// Browser entry point: installs the panic hook, replaces what `#app` holds
/// (the prerendered Overview and the loading skeleton) with the app, and
/// marks the document as running.
#[cfg(target_arch = "wasm32")]
pub fn start() {
    std::panic::set_hook(Box::new(|info| show_fatal(&info.to_string())));
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    match document.get_element_by_id("app") {
        Some(root) => {
            // The build-time chart drawings wait for their live charts
            // (`EChart` puts each back if it draws the same option), so the
            // takeover of a prerendered page shows no empty chart.
            components::chart::prerendered::keep(&root);
            // Replaced in one go: Yew renders in a microtask of this task,
            // before the browser paints again, so no frame shows an empty page.
            root.set_inner_html("");
            yew::Renderer::<App>::with_root(root).render();
        }
        None => {
            yew::Renderer::<App>::new().render();
        }
    }
    if let Some(html) = document.document_element() {
        let _ = html.set_attribute("data-app", "running");
    }
}
