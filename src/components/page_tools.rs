//! [`PageTools`]: the tools the shell puts under every page (outside embed
//! mode): the embed button ([`super::embed::EmbedButton`]) and the downloads
//! of the whole dataset in force (indicators CSV, observations CSV, dataset
//! JSON; imported data included). Each table of a view has its own CSV button
//! beside it ([`super::table_region::TableRegion`], the chart tables'
//! [`super::chart_export::ChartDownloads`]): one table per file.

use crate::i18n::furigana;
use machi_kpi_core::io::{csv, json};
use yew::prelude::*;

use crate::components::download::save_bytes;
use crate::components::embed::EmbedButton;
use crate::context::{use_analysis, use_dataset};
use crate::i18n::portal::{px, Px};
use crate::use_lang;

/// A file the tools offer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Offer {
    Indicators,
    Observations,
    Json,
}

impl Offer {
    const ALL: [Offer; 3] = [Offer::Indicators, Offer::Observations, Offer::Json];

    fn label(self) -> Px {
        match self {
            Offer::Indicators => Px::IndicatorsCsv,
            Offer::Observations => Px::ObservationsCsv,
            Offer::Json => Px::DatasetJson,
        }
    }

    fn class(self) -> &'static str {
        match self {
            Offer::Indicators => "dl-indicators-csv",
            Offer::Observations => "dl-observations-csv",
            Offer::Json => "dl-dataset-json",
        }
    }
}

/// Embed and download tools for the current page.
#[component]
pub fn PageTools() -> Html {
    let lang = use_lang();
    let data = use_dataset();
    let analysis = use_analysis();
    let problem = use_state_eq(|| None::<String>);

    let offer = |which: Offer| {
        let problem = problem.clone();
        let data = data.clone();
        let analysis = analysis.clone();
        Callback::from(move |_: MouseEvent| {
            let result = match (which, &data, &analysis) {
                (Offer::Indicators, Some(d), Some(a)) => save_bytes(
                    "machi-kpi-indicators.csv",
                    "text/csv;charset=utf-8",
                    &csv::export_indicators(&d.0, a),
                ),
                (Offer::Observations, Some(d), _) => save_bytes(
                    "machi-kpi-observations.csv",
                    "text/csv;charset=utf-8",
                    &csv::export_observations(&d.0),
                ),
                (Offer::Json, Some(d), _) => save_bytes(
                    "machi-kpi-dataset.json",
                    "application/json",
                    json::to_json_string(&d.0).as_bytes(),
                ),
                _ => Err(px(lang, Px::DownloadFailed).to_owned()),
            };
            problem.set(result.err());
        })
    };

    furigana::rubify(
        lang,
        html! {
            <section class="page-tools" aria-labelledby="page-tools-title">
                <div class="wrap">
                    <h2 id="page-tools-title" class="page-tools-title">{ px(lang, Px::ToolsHeading) }</h2>
                    <div class="page-tools-row">
                        <EmbedButton />
                        <div class="downloads" role="group" aria-label={px(lang, Px::DownloadsLabel)}>
                            { for Offer::ALL.iter().map(|&o| html! {
                                <button type="button" class={classes!("tool-button", o.class())}
                                    onclick={offer(o)}>{ px(lang, o.label()) }</button>
                            }) }
                        </div>
                    </div>
                    <p class="note">{ px(lang, Px::CsvNote) }</p>
                    if let Some(message) = &*problem {
                        <p class="tool-error" role="alert">
                            { px(lang, Px::DownloadFailed) }{ ": " }{ message }
                        </p>
                    }
                </div>
            </section>
        },
    )
}
