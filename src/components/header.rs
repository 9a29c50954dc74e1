//! [`Header`]: site name, language switch and main navigation.
//!
//! The language links keep every other pair of the current hash query
//! (filters, sort, method, scenario, era…); the navigation links carry a
//! non-default `era` to the next page.

use crate::i18n::furigana;
use yew::prelude::*;
use yew_router::prelude::*;

use crate::components::link::AppLink;
use crate::i18n::{t, Key, Lang};
use crate::routes::{era_pair, Route};
use crate::use_lang;

/// The page header with navigation and the language switch.
#[component]
pub fn Header() -> Html {
    let lang = use_lang();
    let route = use_route::<Route>().unwrap_or(Route::NotFound);
    let query = use_location()
        .map(|l| l.query_str().to_owned())
        .unwrap_or_default();
    let keep = AttrValue::from(query.clone());
    let era = era_pair(&query).map(|pair| AttrValue::from(pair.to_owned()));
    // Goal and indicator pages belong to the Overview section of the menu.
    let section = match &route {
        Route::Goal { .. } | Route::Kpi { .. } => Route::Overview,
        r => r.clone(),
    };
    furigana::rubify(
        lang,
        html! {
            <header class="site-header">
                <div class="wrap header-row">
                    <AppLink to={Route::Overview} class="brand">
                        <img src="favicon.svg" alt="" width="28" height="28" />
                        <span>{ t(lang, Key::SiteName) }</span>
                    </AppLink>
                    <nav class="lang-switch" aria-label={t(lang, Key::LanguageLabel)}>
                        <ul>
                            { for Lang::ALL.iter().map(|&l| {
                                let current = (l == lang).then(|| AttrValue::from("true"));
                                html! {
                                    <li>
                                        <AppLink to={route.clone()} lang={Some(l)} keep={keep.clone()} {current}>
                                            { l.native_name() }
                                        </AppLink>
                                    </li>
                                }
                            }) }
                        </ul>
                    </nav>
                </div>
                <nav class="main-nav" aria-label={t(lang, Key::NavLabel)}>
                    <ul class="wrap">
                        { for Route::NAV.iter().map(|(r, key)| {
                            let current = if *r == route {
                                Some(AttrValue::from("page"))
                            } else {
                                (*r == section).then(|| AttrValue::from("true"))
                            };
                            html! {
                                <li><AppLink to={r.clone()} keep={era.clone()} {current}>{ t(lang, *key) }</AppLink></li>
                            }
                        }) }
                    </ul>
                </nav>
            </header>
        },
    )
}
