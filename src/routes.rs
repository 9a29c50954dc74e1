//! The hash routes (DESIGN.md §2) and what belongs to a URL besides the path:
//! the `?lang=` query.
//!
//! The language switch keeps the rest of the page's query (filters, sort,
//! method, scenario, era…) verbatim and only replaces `lang`
//! ([`query_with_lang`], [`LangState::href_keeping`]), so an explicitly
//! chosen `era` survives a change of language; the main navigation carries
//! it along too ([`era_pair`]). Without one, each language shows its own
//! default era ([`Era::default_for`]).
//!
//! Routes live after `#` (`index.html#/kpi/12?lang=en`) so any static host
//! serves every page from one `index.html`. The language may also be given in
//! the page's own query (`index.html?lang=en#/`), which is convenient for
//! links from outside; the hash query wins when both are present.

use machi_kpi_core::Dataset;
use serde::{Deserialize, Serialize};
use yew_router::prelude::*;

use crate::i18n::era::Era;
use crate::i18n::{t, Key, Lang};

/// Every page of the app.
#[derive(Clone, Debug, PartialEq, Eq, Routable)]
pub enum Route {
    /// `#/`: the Overview.
    #[at("/")]
    Overview,
    /// `#/goals/1-1`: one basic goal.
    #[at("/goals/:id")]
    Goal { id: String },
    /// `#/kpi/<id>`: one indicator.
    #[at("/kpi/:id")]
    Kpi { id: String },
    /// `#/delays`: COVID-19 and other delays.
    #[at("/delays")]
    Delays,
    /// `#/projections`: projected achievement.
    #[at("/projections")]
    Projections,
    /// `#/revisions`: what the March 2024 revision changed.
    #[at("/revisions")]
    Revisions,
    /// `#/data`: the full table, downloads and import.
    #[at("/data")]
    Data,
    /// `#/about`: sources, licence and methodology.
    #[at("/about")]
    About,
    /// `#/embed/...`: a view without navigation, for iframes.
    #[at("/embed/*view")]
    Embed { view: String },
    /// Anything else.
    #[not_found]
    #[at("/404")]
    NotFound,
}

impl Route {
    /// The pages listed in the main navigation, in order, with their labels.
    pub const NAV: [(Route, Key); 6] = [
        (Route::Overview, Key::NavOverview),
        (Route::Delays, Key::NavDelays),
        (Route::Projections, Key::NavProjections),
        (Route::Revisions, Key::NavRevisions),
        (Route::Data, Key::NavData),
        (Route::About, Key::NavAbout),
    ];

    /// True for routes drawn without header and footer.
    pub fn is_embed(&self) -> bool {
        matches!(self, Route::Embed { .. })
    }
}

/// The page title (`<h1>` of placeholders, start of `document.title`, the embed
/// snippet's `title`): a goal or an indicator by its name from `ds`, never by its slug;
/// the id only when the dataset does not know it (or is not loaded yet).
pub fn route_title(route: &Route, lang: Lang, ds: Option<&Dataset>) -> String {
    match route {
        Route::Overview => t(lang, Key::NavOverview).to_owned(),
        Route::Goal { id } => {
            match ds.and_then(|d| d.strategy.goals.iter().find(|g| &g.id == id)) {
                Some(g) => format!(
                    "{} {}",
                    crate::i18n::messages::goal_label(lang, id),
                    lang.pick(&g.title_ja, &g.title_en)
                ),
                None => format!("{} {id}", t(lang, Key::GoalPageTitle)),
            }
        }
        Route::Kpi { id } => match ds.and_then(|d| d.indicator(id)) {
            Some(i) => lang.pick(&i.name_ja, &i.name_en).to_owned(),
            None => format!("{} {id}", t(lang, Key::KpiPageTitle)),
        },
        Route::Delays => t(lang, Key::NavDelays).to_owned(),
        Route::Projections => t(lang, Key::NavProjections).to_owned(),
        Route::Revisions => t(lang, Key::NavRevisions).to_owned(),
        Route::Data => t(lang, Key::NavData).to_owned(),
        Route::About => t(lang, Key::NavAbout).to_owned(),
        Route::Embed { .. } => t(lang, Key::EmbedPageTitle).to_owned(),
        Route::NotFound => t(lang, Key::NotFoundTitle).to_owned(),
    }
}

/// The `document.title`: `<page> | <site>`.
pub fn document_title(route: &Route, lang: Lang, ds: Option<&Dataset>) -> String {
    format!(
        "{} | {}",
        route_title(route, lang, ds),
        t(lang, Key::SiteName)
    )
}

/// The query written after a route (`#/delays?lang=en`). Only non-default
/// values are written.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct UrlQuery {
    /// `ja`, `en` or `ja-easy`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lang: Option<String>,
}

impl UrlQuery {
    /// The query string including `?`, or empty.
    pub fn to_query_string(&self) -> String {
        match &self.lang {
            Some(lang) => format!("?lang={lang}"),
            None => String::new(),
        }
    }
}

/// Reads `lang` from a query string (`?a=1&lang=en` or `a=1&lang=en`).
pub fn lang_param(query: &str) -> Option<Lang> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
        .filter(|(k, _)| *k == "lang")
        .find_map(|(_, v)| Lang::from_code(v))
}

/// `query` (raw, with or without `?`) with its `lang` pair replaced by
/// `lang=<code>` (in place; appended when absent) or removed for `None`.
/// Every other pair is kept exactly as written, percent-encoding included,
/// in order; the result is empty or starts with `?`.
pub fn query_with_lang(query: &str, lang: Option<&str>) -> String {
    query_with_pair(query, "lang", lang)
}

/// `query` (raw, with or without `?`) with its `key` pair replaced by
/// `key=<value>` (in place; appended when absent) or removed for `None`;
/// `value` is written as given (already encoded). Every other pair is kept
/// exactly as written, in order; the result is empty or starts with `?`.
pub fn query_with_pair(query: &str, key: &str, value: Option<&str>) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut value = value;
    for pair in query.trim_start_matches('?').split('&') {
        if pair.is_empty() {
            continue;
        }
        let k = pair.split_once('=').map_or(pair, |(k, _)| k);
        if k == key {
            // The first `key` pair becomes the new one, later ones go.
            if let Some(v) = value.take() {
                out.push(format!("{key}={v}"));
            }
        } else {
            out.push(pair.to_owned());
        }
    }
    if let Some(v) = value {
        out.push(format!("{key}={v}"));
    }
    if out.is_empty() {
        String::new()
    } else {
        format!("?{}", out.join("&"))
    }
}

/// The hash query key naming the chart panel a link points at
/// (`#/kpi/x?lang=en&chart=kpi-chart`): the page opens scrolled to that
/// panel, focused.
pub const CHART_PARAM: &str = "chart";

/// The raw `era=…` pair of `query` when it names a valid era: the reader's
/// explicit choice, which the main navigation carries to the next page (the
/// era switch writes it only when it differs from the language's default, so a
/// pair that is present was chosen).
pub fn era_pair(query: &str) -> Option<&str> {
    query
        .trim_start_matches('?')
        .split('&')
        .find(|pair| pair.split_once('=').is_some_and(|(k, _)| k == "era"))
        .filter(|pair| {
            pair.split_once('=')
                .and_then(|(_, v)| Era::from_slug(v))
                .is_some()
        })
}

/// The language in force and how to keep it in links.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct LangState {
    /// The language the page is shown in.
    pub lang: Lang,
    /// The language named in the page's own query (before `#`), if any.
    pub page_lang: Option<Lang>,
}

impl LangState {
    /// Resolves the language: the hash query wins, then the page query, then Japanese.
    pub fn from_queries(hash_query: &str, page_query: &str) -> LangState {
        let page_lang = lang_param(page_query);
        let lang = lang_param(hash_query).or(page_lang).unwrap_or_default();
        LangState { lang, page_lang }
    }

    /// The query a link must carry to show `lang`. Japanese needs none unless
    /// the page query names another language, which it must then override.
    pub fn query_for(&self, lang: Lang) -> Option<UrlQuery> {
        if lang == Lang::default() && self.page_lang.unwrap_or_default() == Lang::default() {
            None
        } else {
            Some(UrlQuery {
                lang: Some(lang.code().to_owned()),
            })
        }
    }

    /// `href` for `route` shown in `lang`: `#/delays?lang=en`.
    pub fn href(&self, route: &Route, lang: Lang) -> String {
        let query = self
            .query_for(lang)
            .map(|q| q.to_query_string())
            .unwrap_or_default();
        format!("#{}{query}", route.to_path())
    }

    /// `href` for `route` shown in `lang` with the other pairs of `query`
    /// (the current hash query, raw) kept verbatim: the language switch.
    pub fn href_keeping(&self, route: &Route, lang: Lang, query: &str) -> String {
        let code = self.query_for(lang).and_then(|q| q.lang);
        format!(
            "#{}{}",
            route.to_path(),
            query_with_lang(query, code.as_deref())
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_page_of_the_design_has_a_route() {
        let cases = [
            ("/", Route::Overview),
            ("/goals/1-1", Route::Goal { id: "1-1".into() }),
            ("/kpi/12", Route::Kpi { id: "12".into() }),
            ("/delays", Route::Delays),
            ("/projections", Route::Projections),
            ("/revisions", Route::Revisions),
            ("/data", Route::Data),
            ("/about", Route::About),
            (
                "/embed/kpi/12",
                Route::Embed {
                    view: "kpi/12".into(),
                },
            ),
            ("/nope", Route::NotFound),
        ];
        for (path, route) in cases {
            assert_eq!(Route::recognize(path), Some(route.clone()), "{path}");
            assert!(!route_title(&route, Lang::Ja, None).is_empty());
        }
    }

    #[test]
    fn titles_name_goals_and_indicators_instead_of_their_slugs() {
        let ds = Dataset::embedded().expect("embedded dataset");
        let kpi = Route::Kpi {
            id: "annual-tourists".into(),
        };
        assert_eq!(route_title(&kpi, Lang::Ja, Some(&ds)), "年間観光入込客数");
        assert_eq!(
            route_title(&kpi, Lang::En, Some(&ds)),
            "Annual tourist visits"
        );
        let goal = Route::Goal { id: "1-2".into() };
        assert_eq!(
            route_title(&goal, Lang::Ja, Some(&ds)),
            "基本目標1-2 ひとの流れの創出"
        );
        // Unknown to the data: the id is all there is.
        let other = Route::Kpi {
            id: "no-such".into(),
        };
        assert!(route_title(&other, Lang::En, Some(&ds)).ends_with("no-such"));
    }

    #[test]
    fn language_comes_from_hash_query_then_page_query() {
        assert_eq!(LangState::from_queries("", "").lang, Lang::Ja);
        assert_eq!(LangState::from_queries("?lang=en", "").lang, Lang::En);
        assert_eq!(
            LangState::from_queries("", "?lang=ja-easy").lang,
            Lang::JaEasy
        );
        assert_eq!(
            LangState::from_queries("lang=ja", "?lang=en").lang,
            Lang::Ja
        );
        assert_eq!(
            LangState::from_queries("?x=1&lang=bogus", "").lang,
            Lang::Ja
        );
    }

    #[test]
    fn language_links_keep_every_other_pair_verbatim() {
        let q = "?method=line&lang=en&q=%E3%81%82";
        assert_eq!(query_with_lang(q, None), "?method=line&q=%E3%81%82");
        assert_eq!(
            query_with_lang(q, Some("ja-easy")),
            "?method=line&lang=ja-easy&q=%E3%81%82"
        );
        assert_eq!(
            query_with_lang("scenario=recent&q=a+b%20c", Some("en")),
            "?scenario=recent&q=a+b%20c&lang=en"
        );
        assert_eq!(query_with_lang("?lang=en", None), "");
        assert_eq!(query_with_lang("", None), "");
        assert_eq!(query_with_lang("?", Some("en")), "?lang=en");
        assert_eq!(
            query_with_lang("?lang=en&x&lang=ja&langx=1", Some("ja")),
            "?lang=ja&x&langx=1"
        );
        assert_eq!(
            query_with_pair("?chart=a&lang=en&chart=b", "chart", Some("c")),
            "?chart=c&lang=en"
        );
        assert_eq!(query_with_pair("?x=1", "chart", Some("c")), "?x=1&chart=c");
        assert_eq!(query_with_pair("?chart=c", "chart", None), "");

        let ja = LangState::from_queries("?scenario=recent&lang=en", "");
        assert_eq!(
            ja.href_keeping(&Route::Projections, Lang::Ja, "?scenario=recent&lang=en"),
            "#/projections?scenario=recent"
        );
        assert_eq!(
            ja.href_keeping(&Route::Projections, Lang::En, "?scenario=recent"),
            "#/projections?scenario=recent&lang=en"
        );
        // A page query naming English must be overridden for Japanese.
        let page_en = LangState::from_queries("", "?lang=en");
        assert_eq!(
            page_en.href_keeping(&Route::Data, Lang::Ja, "?sort=id"),
            "#/data?sort=id&lang=ja"
        );
    }

    #[test]
    fn navigation_and_the_language_switch_carry_a_chosen_era() {
        assert_eq!(
            era_pair("?lang=en&era=gregorian&q=1"),
            Some("era=gregorian")
        );
        assert_eq!(era_pair("?lang=en&era=wareki"), Some("era=wareki"));
        assert_eq!(era_pair("?era=nonsense"), None);
        assert_eq!(era_pair("?q=1"), None);
        // Switching language keeps a chosen era (和暦 chosen in English stays
        // 和暦 in やさしい日本語 and back) …
        let en = LangState::from_queries("?era=wareki&lang=en", "");
        assert_eq!(
            en.href_keeping(&Route::Projections, Lang::JaEasy, "?era=wareki&lang=en"),
            "#/projections?era=wareki&lang=ja-easy"
        );
        // … and without a choice each language shows its own default.
        let ja = LangState::from_queries("", "");
        let to_en = ja.href_keeping(&Route::Projections, Lang::En, "?scenario=recent");
        assert_eq!(to_en, "#/projections?scenario=recent&lang=en");
        assert_eq!(era_pair(to_en.split_once('?').map_or("", |(_, q)| q)), None);
        assert_eq!(Era::default_for(Lang::En), Era::Gregorian);
    }

    #[test]
    fn links_keep_the_language_and_write_only_non_defaults() {
        let ja = LangState::from_queries("", "");
        assert_eq!(ja.href(&Route::Delays, Lang::Ja), "#/delays");
        assert_eq!(ja.href(&Route::Delays, Lang::En), "#/delays?lang=en");
        let page_en = LangState::from_queries("", "?lang=en");
        assert_eq!(page_en.href(&Route::Overview, Lang::Ja), "#/?lang=ja");
        assert_eq!(
            page_en.href(&Route::Goal { id: "1-1".into() }, Lang::JaEasy),
            "#/goals/1-1?lang=ja-easy"
        );
    }
}
