//! Which dataset the app shows, and swapping it: [`DataProvider`] provides
//! the [`DataContext`] every page reads, plus a [`DataControl`] to load an
//! imported dataset or go back to the embedded one.
//!
//! Where the data comes from, in order:
//! 1. `?data=<relative URL>` in the page's own query (before `#`): a file on
//!    the same site, fetched (same-origin mode, so a redirect elsewhere
//!    fails too) and validated by the core. Absolute or cross-origin URLs are
//!    refused with a message ([`check_data_url`]). Not stored: the address
//!    says which data is shown.
//! 2. Outside embed mode, a dataset the reader imported earlier, kept in
//!    `localStorage` ([`crate::storage`]).
//! 3. The dataset embedded in the app.
//!
//! A failed import never changes the data on screen. Swapping the dataset
//! makes a new `Rc`, so [`crate::context::use_analysis`] and everything
//! keyed on the [`DataContext`] pointer recomputes, and nothing else does.

use std::rc::Rc;

use machi_kpi_core::io::ImportKind;
use machi_kpi_core::{Dataset, ImportErrors};
use yew::prelude::*;

use crate::context::DataContext;
use crate::i18n::portal::{px, Px};
use crate::i18n::{t, Key};
use crate::storage::{self, ImportedKind, StorageError, StoredMeta};
use crate::use_lang;

/// Validates and imports a file's bytes with the core (`import_any_with`: a
/// dataset JSON, or an observations CSV applied to `base`). Decoding, line
/// ends and line numbers are the core's, the same as the CLI's; only the
/// Shift_JIS table is the browser's ([`BrowserShiftJis`]), so the wasm does
/// not carry `encoding_rs`.
pub fn import_bytes(base: &Dataset, bytes: &[u8]) -> Result<(Dataset, ImportKind), ImportErrors> {
    machi_kpi_core::io::import_any_with(base, bytes, &SHIFT_JIS)
}

/// Shift_JIS / CP932 by the browser's `TextDecoder("shift_jis")` (the WHATWG
/// decoder, the same table as `encoding_rs`), `fatal` so that bytes that are
/// not Shift_JIS are an error rather than U+FFFD.
#[cfg(target_arch = "wasm32")]
pub struct BrowserShiftJis;

#[cfg(target_arch = "wasm32")]
impl machi_kpi_core::io::decode::ShiftJisDecoder for BrowserShiftJis {
    fn decode_shift_jis(&self, bytes: &[u8]) -> Option<String> {
        let options = web_sys::TextDecoderOptions::new();
        options.set_fatal(true);
        web_sys::TextDecoder::new_with_label_and_options("shift_jis", &options)
            .ok()?
            .decode_with_u8_array(bytes)
            .ok()
    }
}

#[cfg(target_arch = "wasm32")]
const SHIFT_JIS: BrowserShiftJis = BrowserShiftJis;
// Native builds (tests, server-side rendering) have no TextDecoder.
#[cfg(not(target_arch = "wasm32"))]
const SHIFT_JIS: machi_kpi_core::io::decode::EncodingRs = machi_kpi_core::io::decode::EncodingRs;

/// How the shown imported data reached the app.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// The reader chose a file on the Data page.
    File,
    /// Restored from this browser's storage after a reload.
    Stored,
    /// Named by `?data=` in the page address.
    Url,
}

/// Which data is on screen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Source {
    /// The dataset embedded in the app.
    Embedded,
    /// Data the reader or the page address brought in.
    Imported {
        name: String,
        kind: ImportedKind,
        via: Via,
    },
}

/// Something the banner tells the reader about the data.
#[derive(Clone, Debug, PartialEq)]
pub enum Notice {
    /// The import was kept in this browser.
    Saved,
    /// The import is shown but could not be kept.
    NotSaved(StorageError),
    /// A stored import could not be restored; the embedded data is shown.
    StoredDropped,
    /// `?data=` named a URL the app refuses to load.
    UrlRejected(String),
    /// `?data=` could not be fetched (`reason`) or did not validate (`errors`).
    UrlFailed {
        url: String,
        reason: Option<String>,
        errors: Option<ImportErrors>,
    },
}

/// A validated dataset to show.
#[derive(Clone)]
pub struct Loaded {
    pub dataset: Rc<Dataset>,
    /// File name shown in the banner.
    pub name: String,
    pub kind: ImportKind,
}

/// The data in force and how to change it, from [`use_data_control`].
#[derive(Clone, PartialEq)]
pub struct DataControl {
    pub source: Source,
    pub notice: Option<Notice>,
    /// The embedded dataset: the base an observations CSV is applied to, so
    /// that a file previewed here shows exactly what `?data=` will publish.
    pub embedded: DataContext,
    /// Shows (and keeps in this browser) a dataset the reader imported.
    pub load: Callback<Loaded>,
    /// Back to the embedded data (forgets the stored import, or drops `?data=`).
    pub reset: Callback<()>,
}

/// The data control, inside a [`DataProvider`].
#[hook]
pub fn use_data_control() -> Option<DataControl> {
    use_context::<DataControl>()
}

/// Why a `?data=` value is refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DataUrlError {
    Empty,
    /// A scheme (`https:`, `javascript:`, `data:` …), `//host`, a backslash
    /// or a control character: not a plain relative URL.
    NotRelative,
    /// Resolves to another origin.
    CrossOrigin,
}

/// Checks a `?data=` value: only a relative URL (path-relative such as
/// `data/fy2022.csv` or `../x.csv`, or root-relative `/x.csv`) is accepted.
/// Returns the trimmed value. The browser check [`resolve_same_origin`]
/// then confirms the origin after resolution.
pub fn check_data_url(raw: &str) -> Result<&str, DataUrlError> {
    let url = raw.trim();
    if url.is_empty() {
        return Err(DataUrlError::Empty);
    }
    // Browsers drop tabs and newlines inside URLs ("java\tscript:") and treat
    // `\` as `/` ("/\host" is "//host"): refuse them outright.
    if url.chars().any(|c| c.is_control() || c == '\\') {
        return Err(DataUrlError::NotRelative);
    }
    if url.starts_with("//") {
        return Err(DataUrlError::NotRelative);
    }
    // A scheme is whatever comes before a `:` that precedes any `/`, `?` or `#`.
    let head_end = url.find(['/', '?', '#']).unwrap_or(url.len());
    if url[..head_end].contains(':') {
        return Err(DataUrlError::NotRelative);
    }
    Ok(url)
}

/// The value of `name` in a query string (`?a=1&data=x%2Fy.csv`), percent-
/// and `+`-decoded. `None` when absent or not valid UTF-8 after decoding.
pub fn query_param(query: &str, name: &str) -> Option<String> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| match pair.split_once('=') {
            Some((k, v)) => Some((k, v)),
            None if !pair.is_empty() => Some((pair, "")),
            None => None,
        })
        .find(|(k, _)| percent_decode(k).as_deref() == Some(name))
        .and_then(|(_, v)| percent_decode(v))
}

/// Every `key=value` pair of a query string, decoded, in order (pairs that do
/// not decode are dropped).
pub fn query_pairs(query: &str) -> Vec<(String, String)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter_map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            Some((percent_decode(k)?, percent_decode(v)?))
        })
        .collect()
}

/// The query string without `name` (`?a=1&data=x&b=2` → `?a=1&b=2`), or
/// empty when nothing is left.
pub fn without_param(query: &str, name: &str) -> String {
    let kept: Vec<&str> = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| {
            let key = p.split_once('=').map_or(*p, |(k, _)| k);
            percent_decode(key).as_deref() != Some(name)
        })
        .collect();
    if kept.is_empty() {
        String::new()
    } else {
        format!("?{}", kept.join("&"))
    }
}

/// Decodes `%XX` escapes and `+` (a space in query strings).
pub fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'%' => {
                let hex = s.get(i + 1..i + 3)?;
                out.push(u8::from_str_radix(hex, 16).ok()?);
                i += 3;
            }
            b'+' => {
                out.push(b' ');
                i += 1;
            }
            b => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8(out).ok()
}

/// The last path segment of a URL, for the banner (`data/fy2022.csv` → `fy2022.csv`).
pub fn file_name_of(url: &str) -> String {
    let path = url.split(['?', '#']).next().unwrap_or(url);
    path.rsplit('/')
        .find(|s| !s.is_empty())
        .unwrap_or(path)
        .to_owned()
}

/// Resolves `url` against the page and returns it only if it stays on the
/// page's origin (browser only; natively every relative URL passes).
pub fn resolve_same_origin(url: &str) -> Result<String, DataUrlError> {
    #[cfg(target_arch = "wasm32")]
    {
        let location = web_sys::window()
            .map(|w| w.location())
            .ok_or(DataUrlError::CrossOrigin)?;
        let here = location.href().map_err(|_| DataUrlError::CrossOrigin)?;
        let origin = location.origin().map_err(|_| DataUrlError::CrossOrigin)?;
        let resolved =
            web_sys::Url::new_with_base(url, &here).map_err(|_| DataUrlError::NotRelative)?;
        if resolved.origin() != origin {
            return Err(DataUrlError::CrossOrigin);
        }
        Ok(resolved.href())
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Ok(url.to_owned())
    }
}

/// The page's own query string (before `#`), browser only.
pub fn page_query() -> String {
    #[cfg(target_arch = "wasm32")]
    {
        web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        String::new()
    }
}

/// What the provider holds.
#[derive(Clone, PartialEq)]
struct DataState {
    shown: DataContext,
    source: Source,
    notice: Option<Notice>,
    /// Waiting for `?data=`.
    loading: bool,
}

enum Action {
    Show {
        loaded: Loaded,
        via: Via,
        notice: Option<Notice>,
    },
    Reset(DataContext),
    /// Only the browser fetches `?data=`.
    #[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
    Failed(Notice),
}

impl Reducible for DataState {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(match action {
            Action::Show {
                loaded,
                via,
                notice,
            } => DataState {
                shown: DataContext(loaded.dataset),
                source: Source::Imported {
                    name: loaded.name,
                    kind: loaded.kind.into(),
                    via,
                },
                notice,
                loading: false,
            },
            Action::Reset(embedded) => DataState {
                shown: embedded,
                source: Source::Embedded,
                notice: None,
                loading: false,
            },
            Action::Failed(notice) => DataState {
                notice: Some(notice),
                loading: false,
                ..(*self).clone()
            },
        })
    }
}

/// The state at start-up: `?data=` pending, a restored import, or the embedded data.
fn initial_state(embedded: &DataContext, data_param: Option<&str>, embed: bool) -> DataState {
    let mut state = DataState {
        shown: embedded.clone(),
        source: Source::Embedded,
        notice: None,
        loading: false,
    };
    if let Some(raw) = data_param {
        match check_data_url(raw).and_then(resolve_same_origin) {
            Ok(_) => state.loading = true,
            Err(_) => state.notice = Some(Notice::UrlRejected(raw.to_owned())),
        }
        return state;
    }
    // An embed shows what its URL says, never what this browser kept.
    if embed {
        return state;
    }
    match storage::load() {
        Some(Ok((meta, dataset))) => {
            state.shown = DataContext(Rc::new(dataset));
            state.source = Source::Imported {
                name: meta.name,
                kind: meta.kind,
                via: Via::Stored,
            };
        }
        Some(Err(_)) => state.notice = Some(Notice::StoredDropped),
        None => {}
    }
    state
}

/// Fetches and validates `?data=`, then shows it or reports why not.
#[cfg(target_arch = "wasm32")]
fn fetch_data_url(raw: String, base: DataContext, dispatch: UseReducerDispatcher<DataState>) {
    use gloo::net::http::Request;
    use web_sys::{RequestCredentials, RequestMode};
    yew::platform::spawn_local(async move {
        let fail = |reason: Option<String>, errors: Option<ImportErrors>| {
            Action::Failed(Notice::UrlFailed {
                url: raw.clone(),
                reason,
                errors,
            })
        };
        let url = match check_data_url(&raw).and_then(resolve_same_origin) {
            Ok(url) => url,
            Err(_) => {
                dispatch.dispatch(Action::Failed(Notice::UrlRejected(raw.clone())));
                return;
            }
        };
        let response = Request::get(&url)
            .mode(RequestMode::SameOrigin)
            .credentials(RequestCredentials::SameOrigin)
            .send()
            .await;
        let response = match response {
            Ok(r) if r.ok() => r,
            Ok(r) => {
                dispatch.dispatch(fail(Some(format!("HTTP {}", r.status())), None));
                return;
            }
            Err(e) => {
                dispatch.dispatch(fail(Some(e.to_string()), None));
                return;
            }
        };
        let bytes = match response.binary().await {
            Ok(b) => b,
            Err(e) => {
                dispatch.dispatch(fail(Some(e.to_string()), None));
                return;
            }
        };
        match import_bytes(&base.0, &bytes) {
            Ok((dataset, kind)) => dispatch.dispatch(Action::Show {
                loaded: Loaded {
                    dataset: Rc::new(dataset),
                    name: file_name_of(&raw),
                    kind,
                },
                via: Via::Url,
                notice: None,
            }),
            Err(errors) => dispatch.dispatch(fail(None, Some(errors))),
        }
    });
}

/// Leaves `?data=` by reloading the page without it (browser only).
fn drop_data_param() {
    #[cfg(target_arch = "wasm32")]
    if let Some(window) = web_sys::window() {
        let location = window.location();
        let (Ok(origin), Ok(path), Ok(search), Ok(hash)) = (
            location.origin(),
            location.pathname(),
            location.search(),
            location.hash(),
        ) else {
            return;
        };
        let target = format!("{origin}{path}{}{hash}", without_param(&search, "data"));
        let _ = location.replace(&target);
    }
}

/// Properties of [`DataProvider`].
#[derive(Properties, PartialEq)]
pub struct DataProviderProps {
    /// Embed mode: no banner, no stored import.
    #[prop_or_default]
    pub embed: bool,
    /// Shown between the banner and the page (e.g. the import panel's slot).
    #[prop_or_default]
    pub banner: Html,
    #[prop_or_default]
    pub children: Html,
}

/// Provides [`DataContext`] and [`DataControl`] to the page (or, if the
/// embedded dataset cannot be read, a visible error instead of the page).
#[component]
pub fn DataProvider(props: &DataProviderProps) -> Html {
    let lang = use_lang();
    let embedded = use_memo((), |_| {
        Dataset::embedded()
            .map(|d| DataContext(Rc::new(d)))
            .map_err(|e| e.to_string())
    });
    match &*embedded {
        Ok(data) => html! {
            <Provider embedded={data.clone()} embed={props.embed} banner={props.banner.clone()}>
                { props.children.clone() }
            </Provider>
        },
        Err(message) => html! {
            <div class="wrap page">
                <div class="fatal" role="alert">
                    <p><strong>{ t(lang, Key::DataFailed) }</strong></p>
                    <p class="detail">{ message }</p>
                </div>
            </div>
        },
    }
}

#[derive(Properties, PartialEq)]
struct ProviderProps {
    embedded: DataContext,
    embed: bool,
    banner: Html,
    children: Html,
}

/// [`DataProvider`] once the embedded dataset is known.
#[component]
fn Provider(props: &ProviderProps) -> Html {
    let lang = use_lang();
    let base = props.embedded.clone();
    let data_param = use_memo((), |_| query_param(&page_query(), "data"));
    let state = {
        let base = base.clone();
        let data_param = data_param.clone();
        let embed = props.embed;
        use_reducer(move || initial_state(&base, data_param.as_deref(), embed))
    };

    {
        let dispatch = state.dispatcher();
        let base = base.clone();
        let pending = state.loading;
        let data_param = data_param.clone();
        use_effect_with((), move |_| {
            #[cfg(target_arch = "wasm32")]
            if pending {
                if let Some(raw) = (*data_param).clone() {
                    fetch_data_url(raw, base, dispatch);
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (pending, base, dispatch, data_param);
        });
    }

    let load = {
        let dispatch = state.dispatcher();
        Callback::from(move |loaded: Loaded| {
            let meta = StoredMeta {
                name: loaded.name.clone(),
                kind: loaded.kind.into(),
            };
            let notice = match storage::save(&meta, &loaded.dataset) {
                Ok(()) => Notice::Saved,
                Err(e) => Notice::NotSaved(e),
            };
            dispatch.dispatch(Action::Show {
                loaded,
                via: Via::File,
                notice: Some(notice),
            });
        })
    };
    let reset = {
        let dispatch = state.dispatcher();
        let base = base.clone();
        let via_url = data_param.is_some();
        Callback::from(move |_| {
            storage::clear();
            if via_url {
                drop_data_param();
            }
            dispatch.dispatch(Action::Reset(base.clone()));
        })
    };
    let control = DataControl {
        source: state.source.clone(),
        notice: state.notice.clone(),
        embedded: base,
        load,
        reset,
    };

    html! {
        <ContextProvider<DataControl> context={control}>
            <ContextProvider<DataContext> context={state.shown.clone()}>
                { props.banner.clone() }
                if state.loading {
                    <div class="wrap page">
                        <p class="data-loading" role="status">{ px(lang, Px::DataLoading) }</p>
                    </div>
                } else {
                    { props.children.clone() }
                }
            </ContextProvider<DataContext>>
        </ContextProvider<DataControl>>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_relative_urls_are_accepted() {
        for ok in [
            "data/fy2022.csv",
            "./data/fy2022.csv",
            "../shared/fy2022.csv",
            "/opendata/kpi/fy2022.json",
            "fy2022.csv?v=2",
            "data/令和5年度.csv",
            "  data/x.csv ",
        ] {
            assert!(check_data_url(ok).is_ok(), "{ok}");
        }
        for bad in [
            "https://evil.example/x.csv",
            "http://127.0.0.1:9/x.csv",
            "//evil.example/x.csv",
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/csv,a",
            "blob:https://x/1",
            "/\\evil.example/x.csv",
            "\\\\evil.example\\x.csv",
            "file:///etc/passwd",
            "",
            "   ",
        ] {
            assert!(check_data_url(bad).is_err(), "{bad:?}");
        }
        // A colon after the first slash is part of the path, not a scheme.
        assert!(check_data_url("data/a:b.csv").is_ok());
    }

    #[test]
    fn query_parameters_are_read_decoded_and_removed() {
        let q = "?lang=en&data=data%2Ffy2022.csv&x";
        assert_eq!(query_param(q, "data").as_deref(), Some("data/fy2022.csv"));
        assert_eq!(query_param(q, "lang").as_deref(), Some("en"));
        assert_eq!(query_param(q, "x").as_deref(), Some(""));
        assert_eq!(query_param(q, "nope"), None);
        assert_eq!(
            query_param("?data=a+b.csv", "data").as_deref(),
            Some("a b.csv")
        );
        assert_eq!(
            query_param("?data=%E4%BB%A4.csv", "data").as_deref(),
            Some("令.csv")
        );
        assert_eq!(query_param("?data=%zz", "data"), None);
        assert_eq!(without_param(q, "data"), "?lang=en&x");
        assert_eq!(
            query_pairs("?method=line&q=a%20b&x"),
            vec![
                ("method".to_owned(), "line".to_owned()),
                ("q".to_owned(), "a b".to_owned()),
                ("x".to_owned(), String::new())
            ]
        );
        assert_eq!(without_param("?data=x", "data"), "");
        assert_eq!(without_param("", "data"), "");
    }

    #[test]
    fn errors_name_the_line_of_the_file_whatever_its_line_ends() {
        let base = Dataset::embedded().expect("embedded");
        let lines = [
            "indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw",
            "annual-tourists,1-2,x,,actual,update,fiscal_year,2022,abc,,number,abc",
            "no-such-indicator,1-1,x,,actual,update,fiscal_year,2022,1,,number,1",
        ];
        for end in ["\n", "\r\n"] {
            let file = lines.join(end) + end;
            let errors = import_bytes(&base, file.as_bytes()).expect_err("invalid");
            let value = errors
                .0
                .iter()
                .find(|e| e.position.field.as_deref() == Some("value"))
                .expect("value error");
            assert_eq!(value.position.line, Some(2), "{end:?}");
            assert_eq!(value.position.column, Some(9));
            let unknown = errors
                .0
                .iter()
                .find(|e| e.position.field.as_deref() == Some("indicator_id"))
                .expect("unknown id");
            assert_eq!(unknown.position.line, Some(3), "{end:?}");
        }
    }

    #[test]
    fn file_names_come_from_the_last_segment() {
        assert_eq!(file_name_of("data/fy2022.csv"), "fy2022.csv");
        assert_eq!(file_name_of("fy2022.csv?v=1"), "fy2022.csv");
        assert_eq!(file_name_of("/a/b/"), "b");
    }

    #[test]
    fn a_rejected_url_keeps_the_embedded_data_and_says_why() {
        let embedded = DataContext(Rc::new(Dataset::embedded().expect("embedded")));
        let state = initial_state(&embedded, Some("https://evil.example/x.csv"), false);
        assert!(!state.loading);
        assert_eq!(state.source, Source::Embedded);
        assert!(state.shown == embedded);
        assert!(matches!(state.notice, Some(Notice::UrlRejected(_))));
        let pending = initial_state(&embedded, Some("data/x.csv"), true);
        assert!(pending.loading);
    }
}
