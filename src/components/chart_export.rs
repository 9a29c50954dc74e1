//! [`ChartDownloads`]: PNG and SVG download buttons for one chart, used by
//! [`super::chart_panel::ChartPanel`] so every chart has them.
//!
//! The image is drawn from the same option JSON as the chart on the page, by
//! a short-lived offscreen ECharts instance ([`crate::echarts::export_image`]):
//! PNG from a canvas instance at twice the pixel density, SVG from an SVG
//! instance's `renderToSVGString()`, both on white, at the chart's current
//! width (or 800 px when the table is shown instead). Data text inside the
//! image is drawn as text by ECharts, never as markup. The CSV button saves the
//! chart's table (`{id}-table`, the same figures) as its own file, `{id}.csv`
//! ([`crate::components::download::table_csv_bytes`]).

use crate::i18n::furigana;
use yew::prelude::*;

use crate::i18n::portal::{chart_download_label, chart_table_download_label, px, Px};
use crate::use_lang;

/// Width used when the chart is not on screen (its table is shown).
#[cfg(target_arch = "wasm32")]
const FALLBACK_WIDTH: u32 = 800;

/// Properties of [`ChartDownloads`].
#[derive(Properties, PartialEq)]
pub struct ChartDownloadsProps {
    /// The panel id; the chart container is `{id}-chart`, files are `{id}.png/svg`.
    pub id: AttrValue,
    /// The chart's title, for the buttons' accessible names.
    pub title: AttrValue,
    /// The option JSON the chart is drawn from.
    pub option: AttrValue,
    /// The chart's height in CSS pixels.
    pub height: u32,
}

/// The chart container's current width, if it is laid out.
#[cfg(target_arch = "wasm32")]
fn chart_width(id: &str) -> Option<u32> {
    let el = web_sys::window()?
        .document()?
        .get_element_by_id(&format!("{id}-chart"))?;
    let width = el.get_bounding_client_rect().width().round();
    (width >= 1.0).then_some(width as u32)
}

/// Downloads the chart in `format`.
#[cfg(target_arch = "wasm32")]
fn download(
    props_id: &str,
    option: &str,
    height: u32,
    locale: &str,
    format: crate::echarts::ImageFormat,
) -> Result<(), String> {
    use crate::components::download::{file_name, save_bytes, save_data_url};
    use crate::echarts::{export_image, ImageFormat};
    let width = chart_width(props_id).unwrap_or(FALLBACK_WIDTH);
    let image = export_image(option, width, height, locale, format).map_err(|e| e.to_string())?;
    let name = file_name(&format!("machi-kpi-{props_id}"), format.extension());
    match format {
        ImageFormat::Png => save_data_url(&name, &image),
        ImageFormat::Svg => save_bytes(&name, "image/svg+xml", image.as_bytes()),
    }
}

/// PNG and SVG buttons for one chart.
#[component]
pub fn ChartDownloads(props: &ChartDownloadsProps) -> Html {
    let lang = use_lang();
    let problem = use_state_eq(|| None::<String>);
    let button = |format: &'static str| {
        let problem = problem.clone();
        let id = props.id.clone();
        let option = props.option.clone();
        let height = props.height;
        let onclick = Callback::from(move |_: MouseEvent| {
            #[cfg(target_arch = "wasm32")]
            {
                let which = if format == "SVG" {
                    crate::echarts::ImageFormat::Svg
                } else {
                    crate::echarts::ImageFormat::Png
                };
                let result = download(&id, &option, height, lang.echarts_locale(), which);
                problem.set(result.err());
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (&problem, &id, &option, height);
        });
        html! {
            <button type="button" class={classes!("chart-dl", format!("chart-dl-{}", format.to_ascii_lowercase()))}
                aria-label={chart_download_label(lang, &props.title, format)} {onclick}>
                { format }
            </button>
        }
    };
    let csv = {
        let problem = problem.clone();
        let id = props.id.clone();
        let onclick = Callback::from(move |_: MouseEvent| {
            use crate::components::download::{file_name, save_bytes, table_csv_bytes};
            let name = file_name(&format!("machi-kpi-{id}"), "csv");
            let result = match table_csv_bytes(&format!("{id}-table"), px(lang, Px::CsvNoteColumn))
            {
                Some(bytes) => save_bytes(&name, "text/csv;charset=utf-8", &bytes),
                None => Err(px(lang, Px::NoTables).to_owned()),
            };
            problem.set(result.err());
        });
        html! {
            <button type="button" class="chart-dl chart-dl-csv"
                aria-label={chart_table_download_label(lang, &props.title)} {onclick}>
                { "CSV" }
            </button>
        }
    };
    furigana::rubify(
        lang,
        html! {
            <div class="chart-downloads" role="group" aria-label={px(lang, Px::ChartDownloads)}>
                { button("PNG") }
                { button("SVG") }
                { csv }
                if let Some(message) = &*problem {
                    <p class="tool-error" role="alert">{ px(lang, Px::DownloadFailed) }{ ": " }{ message }</p>
                }
            </div>
        },
    )
}
