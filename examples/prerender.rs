//! Build-time prerender of the default view (issue 9, item 1), run by
//! `cargo xtask dist` before Trunk: `cargo run --example prerender > build/prerender.json`.
//!
//! Renders the app's own [`StaticApp`] at `/` with no language query (the
//! Overview in Japanese, over the embedded dataset) with Yew's server renderer,
//! and lists every chart the render met with the exact option JSON the app
//! hands to ECharts. `xtask/post-build.mjs` then draws those options as SVG
//! with ECharts in Node and writes page and drawings into `dist/index.html`.
//!
//! An example, not a binary of the app: it needs `yew/ssr` and tokio, which are
//! native dev-dependencies, so none of this can reach the wasm.

#[cfg(not(target_arch = "wasm32"))]
#[tokio::main(flavor = "current_thread")]
async fn main() {
    use machi_kpi::components::chart::prerendered::{self, option_hash};
    use machi_kpi::{StaticApp, StaticAppProps};

    prerendered::begin();
    let html = yew::ServerRenderer::<StaticApp>::with_props(|| StaticAppProps {
        path: "/".into(),
        lang: None,
    })
    .hydratable(false)
    .render()
    .await;
    let charts: Vec<serde_json::Value> = prerendered::finish()
        .into_iter()
        .map(|c| {
            serde_json::json!({
                "id": c.id,
                "height": c.height,
                "hash": option_hash(&c.option),
                "option": c.option,
            })
        })
        .collect();
    let out = serde_json::json!({ "html": html, "charts": charts });
    println!("{out}");
}

#[cfg(target_arch = "wasm32")]
fn main() {}
