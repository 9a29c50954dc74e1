//! Importing newer data, and saying which data is shown.
//!
//! [`ImportPanel`] (on the Data page): a file input for the observations CSV
//! (comma- or tab-separated; UTF-8 with or without BOM, UTF-16 with BOM, or
//! Shift_JIS/CP932) or a dataset JSON, and the
//! next-year template as a download. The bytes are read in the browser and
//! validated by the core ([`import_bytes`], an observations CSV being applied to
//! the embedded dataset); on success the [`DataControl`] shows the result on
//! every page and keeps it in this browser; on failure every problem is
//! listed with its line, column and field in the reader's language, and the
//! data on screen does not change.
//!
//! [`DataBanner`] (every page but embeds): which data is shown when it is not
//! the embedded dataset, whether it was kept in this browser, and a button
//! back to the embedded data; also why a stored import or a `?data=` file
//! could not be used.

use crate::i18n::furigana;
use machi_kpi_core::{ImportError, ImportErrors};
use yew::prelude::*;

use crate::context::use_dataset;
use crate::data_source::{
    import_bytes, use_data_control, DataControl, Loaded, Notice, Source, Via,
};
use crate::i18n::portal::{
    banner_imported, data_url_failed, data_url_rejected, file_too_large, import_done,
    import_failed, more_problems, px, storage_unavailable, Px,
};
use crate::i18n::Lang;
use crate::use_lang;

/// Larger files are refused before reading (the whole dataset is ≈ 0.2 MB).
pub const MAX_FILE_MB: usize = 20;

/// At most this many problems are listed; the rest are counted.
pub const MAX_LISTED: usize = 100;

/// A problem in the reader's language (its position is part of the sentence).
pub fn error_text(lang: Lang, error: &ImportError) -> String {
    match lang {
        Lang::Ja => error.message_ja(),
        Lang::JaEasy => error.message_ja_easy(),
        Lang::En => error.message_en(),
    }
}

/// The list of problems of a failed import.
fn error_list(lang: Lang, errors: &ImportErrors) -> Html {
    let shown = errors.0.iter().take(MAX_LISTED);
    let rest = errors.0.len().saturating_sub(MAX_LISTED);
    html! {
        <>
            <ol class="import-error-list">
                { for shown.map(|e| {
                    let p = &e.position;
                    html! {
                        <li data-line={p.line.map(|l| l.to_string())}
                            data-column={p.column.map(|c| c.to_string())}
                            data-field={p.field.clone()}>
                            { error_text(lang, e) }
                        </li>
                    }
                }) }
            </ol>
            if rest > 0 {
                <p>{ more_problems(lang, rest) }</p>
            }
        </>
    }
}

/// Where the import panel is.
#[derive(Clone, Debug, PartialEq)]
enum Step {
    Idle,
    Reading(String),
    Done(String),
    Failed { name: String, errors: ImportErrors },
    Unreadable { name: String, reason: String },
}

/// Validates `bytes` and shows them, or returns the problems.
fn import(control: &DataControl, name: String, bytes: &[u8]) -> Step {
    match import_bytes(&control.embedded.0, bytes) {
        Ok((dataset, kind)) => {
            control.load.emit(Loaded {
                dataset: std::rc::Rc::new(dataset),
                name: name.clone(),
                kind,
            });
            Step::Done(name)
        }
        Err(errors) => Step::Failed { name, errors },
    }
}

/// The file input, template download and result of the last import
/// (nothing in embed mode: an embed shows what its URL says).
#[component]
pub fn ImportPanel() -> Html {
    let lang = use_lang();
    let control = use_data_control();
    let embed =
        yew_router::hooks::use_route::<crate::routes::Route>().is_some_and(|r| r.is_embed());
    let step = use_state_eq(|| Step::Idle);
    // Keeps the browser's FileReader alive until it calls back.
    let reader = use_mut_ref(|| None::<gloo::file::callbacks::FileReader>);

    let onchange = {
        let step = step.clone();
        let control = control.clone();
        Callback::from(move |e: Event| {
            use wasm_bindgen::JsCast;
            let Some(input) = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            else {
                return;
            };
            let Some(file) = input.files().and_then(|files| files.get(0)) else {
                return;
            };
            // Choosing the same file again must trigger another import.
            input.set_value("");
            let Some(control) = control.clone() else {
                return;
            };
            let name = file.name();
            if file.size() > (MAX_FILE_MB * 1024 * 1024) as f64 {
                step.set(Step::Unreadable {
                    reason: file_too_large(lang, &name, MAX_FILE_MB),
                    name,
                });
                return;
            }
            step.set(Step::Reading(name.clone()));
            let file = gloo::file::File::from(file);
            let done = step.clone();
            let task = gloo::file::callbacks::read_as_bytes(&file, move |result| match result {
                Ok(bytes) => done.set(import(&control, name, &bytes)),
                Err(e) => done.set(Step::Unreadable {
                    name,
                    reason: e.to_string(),
                }),
            });
            *reader.borrow_mut() = Some(task);
        })
    };

    let result = match &*step {
        Step::Idle => html! {},
        Step::Reading(_) => html! { <p class="import-status">{ px(lang, Px::ImportReading) }</p> },
        Step::Done(name) => {
            html! { <p class="import-status import-ok">{ import_done(lang, name) }</p> }
        }
        Step::Failed { name, errors } => html! {
            <div class="import-errors">
                <p><strong>{ import_failed(lang, name, errors.0.len()) }</strong></p>
                { error_list(lang, errors) }
            </div>
        },
        Step::Unreadable { name, reason } => html! {
            <div class="import-errors">
                <p><strong>{ format!("{} ({name})", px(lang, Px::ImportReadFailed)) }</strong></p>
                <p>{ reason }</p>
            </div>
        },
    };

    if embed {
        return html! {};
    }
    furigana::rubify(
        lang,
        html! {
            <section class="import-panel panel" id="import" aria-labelledby="import-title">
                <h2 id="import-title">{ px(lang, Px::ImportHeading) }</h2>
                <p>{ px(lang, Px::ImportIntro) }</p>
                <div class="import-row">
                    <label class="file-label" for="import-file">{ px(lang, Px::ImportFileLabel) }</label>
                    <input type="file" id="import-file" class="import-file"
                        accept=".csv,.json,text/csv,application/json"
                        disabled={control.is_none()} {onchange} />
                </div>
                <p>
                    <a class="template-link" href="data/template-next-year.csv"
                        download="template-next-year.csv">{ px(lang, Px::ImportTemplate) }</a>
                </p>
                // The column names as they are in the file (code, never translated).
                <p class="note">{ px(lang, Px::ImportTemplateNote) }{ " " }
                    <code>{ "value" }</code>{ " · " }<code>{ "state" }</code>{ " · " }<code>{ "raw" }</code>
                </p>
                <div class="import-result" role="status" aria-live="polite">{ result }</div>
            </section>
        },
    )
}

/// Which data is shown, and the way back to the embedded data.
#[component]
pub fn DataBanner() -> Html {
    let lang = use_lang();
    let control = use_data_control();
    let data = use_dataset();
    let Some(control) = control else {
        return html! {};
    };
    let on_reset = {
        let reset = control.reset.clone();
        Callback::from(move |_: MouseEvent| reset.emit(()))
    };

    let problem = match &control.notice {
        Some(Notice::StoredDropped) => Some(html! { <p>{ px(lang, Px::StorageDropped) }</p> }),
        Some(Notice::UrlRejected(url)) => Some(html! { <p>{ data_url_rejected(lang, url) }</p> }),
        Some(Notice::UrlFailed {
            url,
            reason,
            errors,
        }) => Some(html! {
            <>
                <p><strong>{ data_url_failed(lang, url) }</strong></p>
                if let Some(reason) = reason { <p>{ reason }</p> }
                if let Some(errors) = errors { { error_list(lang, errors) } }
            </>
        }),
        _ => None,
    };

    let imported = match (&control.source, &data) {
        (Source::Imported { name, via, .. }, Some(data)) => {
            let ds = &data.0;
            let observations = ds.indicators.iter().map(|i| i.observations.len()).sum();
            let kept = match (via, &control.notice) {
                (Via::Url, _) => px(lang, Px::UrlNotSaved).to_owned(),
                (_, Some(Notice::NotSaved(e))) => storage_unavailable(lang, &e.reason(lang)),
                _ => px(lang, Px::StorageSaved).to_owned(),
            };
            Some(html! {
                <>
                    <p class="banner-text">
                        <strong>{ banner_imported(lang, name, ds.indicators.len(), observations) }</strong>
                        { " " }<span class="banner-kept">{ kept }</span>
                    </p>
                    <button type="button" class="tool-button banner-reset" onclick={on_reset}>
                        { px(lang, Px::BannerReset) }
                    </button>
                </>
            })
        }
        _ => None,
    };

    furigana::rubify(
        lang,
        html! {
            <>
                <div class="data-banner" role="status" hidden={imported.is_none()}>
                    <div class="wrap banner-row">{ imported.unwrap_or_default() }</div>
                </div>
                if let Some(problem) = problem {
                    <div class="data-problem" role="alert">
                        <div class="wrap">{ problem }</div>
                    </div>
                }
            </>
        },
    )
}
