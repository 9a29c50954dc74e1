//! The application root: router, providers, chrome and page switch.
//!
//! [`App`] is what the browser mounts (a `HashRouter` over the real URL).
//! [`StaticApp`] renders the same shell over an in-memory history at a given
//! path and language, which is how the native SSR tests (and, later, build-time
//! prerendering) render pages without a browser. Both share [`Shell`], which
//! resolves the language, provides the dataset in force
//! ([`crate::data_source::DataProvider`]: embedded, imported or `?data=`),
//! keeps `<html lang>` and `document.title` in sync, and picks the page.
//! Outside embed mode the page has the header, the data banner, the page
//! tools (embed, downloads) and the footer; in embed mode (`#/embed/<view>`)
//! only the view and [`crate::components::embed::EmbedChrome`]. A chart
//! embed (`#/embed/chart/<view>/<chart id>`) renders the view with a
//! [`SoloChart`] context, so only that chart's panel renders, inside
//! `.solo-chart` (whose CSS hides the rest of the page's text).

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::history::{AnyHistory, History, MemoryHistory};
use yew_router::prelude::*;

use crate::components::chart_panel::SoloChart;
use crate::components::embed::{embed_form_keeping, route_of_view, solo_chart_of, EmbedChrome};
use crate::components::import::DataBanner;
use crate::components::page_tools::PageTools;
use crate::components::{footer::Footer, header::Header};
use crate::context::AnalysisProvider;
use crate::data_source::{query_pairs, query_param, DataProvider};
use crate::i18n::Lang;
use crate::pages::about::AboutPage;
use crate::pages::goal::GoalPage;
use crate::pages::kpi::KpiPage;
use crate::pages::overview::Overview;
use crate::pages::placeholder::{NotFound, Placeholder};
use crate::pages::tables::{
    data::Data, delays::Delays, projections::Projections, revisions::Revisions,
};
use crate::routes::{route_title, LangState, Route, UrlQuery, CHART_PARAM};

/// The app as mounted in the browser.
#[component]
pub fn App() -> Html {
    html! {
        <HashRouter>
            <Shell />
        </HashRouter>
    }
}

/// Properties of [`StaticApp`].
#[derive(Properties, PartialEq)]
pub struct StaticAppProps {
    /// The route path, e.g. `/` or `/goals/1-1`.
    pub path: AttrValue,
    /// The language, as if given by `?lang=`.
    #[prop_or_default]
    pub lang: Option<Lang>,
}

/// The app at a fixed path and language, over an in-memory history.
#[component]
pub fn StaticApp(props: &StaticAppProps) -> Html {
    let history = use_memo((props.path.clone(), props.lang), |(path, lang)| {
        let history = MemoryHistory::new();
        match lang {
            Some(lang) => {
                let query = UrlQuery {
                    lang: Some(lang.code().to_owned()),
                };
                if history.replace_with_query(path.as_str(), query).is_err() {
                    history.replace(path.as_str());
                }
            }
            None => history.replace(path.as_str()),
        }
        AnyHistory::from(history)
    });
    html! {
        <Router history={(*history).clone()}>
            <Shell />
        </Router>
    }
}

/// The page's own query string (`?lang=en` before the `#`), browser only.
fn page_query() -> String {
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

/// Keeps `<html lang>` and the document title in step with the page (browser only).
fn sync_document(lang: Lang, title: &str) {
    #[cfg(target_arch = "wasm32")]
    if let Some(document) = web_sys::window().and_then(|w| w.document()) {
        if let Some(root) = document.document_element() {
            let _ = root.set_attribute("lang", lang.html_lang());
            let _ = root.set_attribute("data-lang", lang.code());
        }
        document.set_title(title);
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = (lang, title);
}

/// Router-independent shell: providers, chrome, and the page for the route.
#[component]
fn Shell() -> Html {
    let location = use_location();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let hash_query = location
        .as_ref()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let lang_state = LangState::from_queries(&hash_query, &page_query());
    let lang = lang_state.lang;

    {
        // A new page starts at the top, as after a normal link (unless its
        // address names a chart panel, which then scrolls to itself, or the page
        // names where it opens: a filtered Data page at its list).
        let to_chart = query_param(&hash_query, CHART_PARAM).is_some();
        let landing = match route {
            Route::Data => crate::pages::tables::data::landing_anchor(
                &crate::data_source::query_pairs(&hash_query),
            ),
            _ => None,
        };
        use_effect_with(route.clone(), move |_| {
            #[cfg(target_arch = "wasm32")]
            if let (false, Some(window)) = (to_chart, web_sys::window()) {
                let anchor = landing.and_then(|id| window.document()?.get_element_by_id(id));
                match anchor {
                    Some(el) => el.scroll_into_view_with_bool(true),
                    None => window.scroll_to_with_x_and_y(0.0, 0.0),
                }
            }
            #[cfg(not(target_arch = "wasm32"))]
            let _ = (to_chart, landing);
        });
    }

    // An embed stays an embed: when the app started at `#/embed/...`, a page's
    // own navigation (a switch, a filter, a chart click) to a normal route is
    // shown without chrome too, and its address rewritten to the embed form.
    // A chart embed stays the embed of that chart.
    let (started_embedded, started_solo) = {
        let first = (route.is_embed(), solo_chart_of(&route).map(str::to_owned));
        (*use_memo((), move |_| first)).clone()
    };
    {
        let navigator = use_navigator();
        let hash_query = hash_query.clone();
        let solo = started_solo.clone();
        use_effect_with(route.clone(), move |route| {
            if started_embedded {
                let target = embed_form_keeping(route, solo.as_deref());
                if let (Some(navigator), Some(target)) = (navigator, target) {
                    let _ = navigator.replace_with_query(&target, query_pairs(&hash_query));
                }
            }
        });
    }
    let embed = route.is_embed() || started_embedded;
    // In embed mode the view named after `#/embed/` is shown.
    let shown = match &route {
        Route::Embed { view } => route_of_view(view),
        other => other.clone(),
    };
    let solo = solo_chart_of(&route).map(|id| SoloChart(AttrValue::from(id.to_owned())));
    let view = match &solo {
        Some(solo) => html! {
            <ContextProvider<SoloChart> context={solo.clone()}>
                <div class="solo-chart" data-chart={solo.0.clone()}>{ page(&shown, lang) }</div>
            </ContextProvider<SoloChart>>
        },
        None => page(&shown, lang),
    };
    let body = html! {
        <DataProvider {embed} banner={if embed { html! {} } else { html! { <DataBanner /> } }}>
            <AnalysisProvider>
                <DocumentTitle route={route.clone()} {lang} />
                { view }
                if embed {
                    <EmbedChrome view={shown.clone()} chart={solo.map(|s| s.0)} />
                } else {
                    <PageTools />
                }
            </AnalysisProvider>
        </DataProvider>
    };
    furigana::rubify(
        lang,
        html! {
            <ContextProvider<LangState> context={lang_state}>
                <div class={classes!("app", embed.then_some("embed"))} data-lang={lang.code()}>
                    if !embed { <Header /> }
                    <main id="main">{ body }</main>
                    if !embed { <Footer /> }
                </div>
            </ContextProvider<LangState>>
        },
    )
}

#[derive(Properties, PartialEq)]
struct DocumentTitleProps {
    route: Route,
    lang: Lang,
}

/// Keeps `<html lang>` and `document.title` in step with the page; inside the data
/// provider, so that a goal or an indicator is titled by its name, not its slug.
#[component]
fn DocumentTitle(props: &DocumentTitleProps) -> Html {
    let data = crate::context::use_dataset();
    let title =
        crate::routes::document_title(&props.route, props.lang, data.as_ref().map(|d| &*d.0));
    use_effect_with((props.lang, title), |(lang, title)| {
        sync_document(*lang, title)
    });
    html! {}
}

/// The page component for a route.
fn page(route: &Route, lang: Lang) -> Html {
    match route {
        Route::Overview => html! { <Overview /> },
        Route::Goal { id } => html! { <GoalPage id={id.clone()} /> },
        Route::Kpi { id } => html! { <KpiPage id={id.clone()} /> },
        Route::About => html! { <AboutPage /> },
        Route::Delays => html! { <Delays /> },
        Route::Projections => html! { <Projections /> },
        Route::Revisions => html! { <Revisions /> },
        Route::Data => html! { <Data /> },
        Route::NotFound => html! { <NotFound /> },
        other => html! { <Placeholder title={route_title(other, lang, None)} /> },
    }
}
