//! The view state of the Basic goal and Indicator pages that lives in the URL
//! query: projection method, scenario and era (`#/kpi/security-lights?method=line&scenario=recent&era=gregorian&lang=en`).
//!
//! Only non-default values are written, in a fixed order (method, scenario,
//! era, lang), so every view has exactly one address; unknown or malformed
//! parameters are ignored rather than rejected. Because the state is read from
//! the location on every render, the browser's back and forward buttons
//! restore it with no extra code.
//!
//! Defaults: the method is the core's per-target default (the straight line
//! for cumulative indicators and where CAGR is undefined, CAGR otherwise), the
//! scenario is "since baseline", and the era is the language's
//! ([`Era::default_for`]: 和暦 in Japanese, the Gregorian calendar in English
//! and やさしい日本語). A valid `era` in the URL is the reader's choice: it is
//! kept as chosen ([`ViewState::era`] is `Some`) and carried by every link
//! built from the state, so switching language keeps it; the era switch clears
//! it when the reader picks the language's default ([`ViewState::with_era`]).

use machi_kpi_core::analysis::{Method, Scenario, TargetAnalysis};
use machi_kpi_core::Indicator;

use crate::i18n::era::Era;
use crate::i18n::Lang;
use crate::routes::Route;

/// What the `method`, `scenario` and `era` parameters say.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct ViewState {
    /// The method the reader chose; `None` = each target's default method.
    pub method: Option<Method>,
    pub scenario: Scenario,
    /// The era the URL names, if any; `None` = the language's default
    /// (see [`ViewState::era_for`]).
    pub era: Option<Era>,
}

impl Default for ViewState {
    fn default() -> Self {
        ViewState {
            method: None,
            scenario: Scenario::SinceBaseline,
            era: None,
        }
    }
}

/// The `method` parameter's value.
pub fn method_slug(m: Method) -> &'static str {
    match m {
        Method::Cagr => "cagr",
        Method::Line => "line",
    }
}

/// The `scenario` parameter's value.
pub fn scenario_slug(s: Scenario) -> &'static str {
    match s {
        Scenario::SinceBaseline => "baseline",
        Scenario::RecentPace => "recent",
    }
}

fn parse_method(v: &str) -> Option<Method> {
    match v.to_ascii_lowercase().as_str() {
        "cagr" => Some(Method::Cagr),
        "line" | "linear" => Some(Method::Line),
        _ => None,
    }
}

fn parse_scenario(v: &str) -> Option<Scenario> {
    match v.to_ascii_lowercase().as_str() {
        "baseline" | "since_baseline" | "since-baseline" => Some(Scenario::SinceBaseline),
        "recent" | "recent_pace" | "recent-pace" => Some(Scenario::RecentPace),
        _ => None,
    }
}

/// The `key=value` pairs of a query string (`?a=1&b=2` or `a=1&b=2`).
fn pairs(query: &str) -> impl Iterator<Item = (&str, &str)> {
    query
        .trim_start_matches('?')
        .split('&')
        .filter_map(|pair| pair.split_once('='))
}

/// The indicator-wide default method shown as selected when the URL names
/// none: the line for cumulative indicators, CAGR otherwise.
pub fn indicator_default_method(ind: &Indicator) -> Method {
    if ind.cumulative {
        Method::Line
    } else {
        Method::Cagr
    }
}

impl ViewState {
    /// Reads the state from a query string; anything unknown is ignored.
    pub fn from_query(query: &str) -> ViewState {
        let mut state = ViewState::default();
        for (k, v) in pairs(query) {
            match k {
                "method" => state.method = parse_method(v).or(state.method),
                "scenario" => state.scenario = parse_scenario(v).unwrap_or(state.scenario),
                "era" => state.era = Era::from_slug(v).or(state.era),
                _ => {}
            }
        }
        state
    }

    /// The era pages show in `lang`: the chosen one, else the language's default.
    pub fn era_for(&self, lang: Lang) -> Era {
        Era::resolve(self.era, lang)
    }

    /// This state with `era` picked in `lang`; picking that language's
    /// default clears the parameter, so the default view keeps its short address.
    pub fn with_era(self, lang: Lang, era: Era) -> ViewState {
        ViewState {
            era: Era::to_write(era, lang),
            ..self
        }
    }

    /// The method used for one target: the chosen one, else the core's default.
    pub fn method_for(&self, ta: &TargetAnalysis) -> Method {
        self.method.unwrap_or(ta.default_method)
    }

    /// The method shown as selected in the switch.
    pub fn selected_method(&self, ind: &Indicator) -> Method {
        self.method.unwrap_or_else(|| indicator_default_method(ind))
    }

    /// This state with `method` chosen; choosing the indicator's default
    /// clears the parameter, so the default view keeps its short address.
    pub fn with_method(self, ind: &Indicator, method: Method) -> ViewState {
        let method = (method != indicator_default_method(ind)).then_some(method);
        ViewState { method, ..self }
    }

    /// The query parameters to write, non-defaults only, in a fixed order,
    /// followed by `lang` when given.
    pub fn params(&self, lang: Option<&str>) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        if let Some(m) = self.method {
            out.push(("method", method_slug(m).to_owned()));
        }
        if self.scenario != Scenario::SinceBaseline {
            out.push(("scenario", scenario_slug(self.scenario).to_owned()));
        }
        if let Some(era) = self.era {
            out.push(("era", era.slug().to_owned()));
        }
        if let Some(lang) = lang {
            out.push(("lang", lang.to_owned()));
        }
        out
    }

    /// The query string (`?method=line&lang=en`), or empty when all is default.
    pub fn query_string(&self, lang: Option<&str>) -> String {
        let params = self.params(lang);
        if params.is_empty() {
            return String::new();
        }
        let body: Vec<String> = params.iter().map(|(k, v)| format!("{k}={v}")).collect();
        format!("?{}", body.join("&"))
    }

    /// `href` of a route with this state (`#/kpi/new-farmers?era=gregorian`).
    /// Pages that don't use method or scenario get only the era.
    pub fn href(&self, route: &Route, lang: Option<&str>) -> String {
        let state = match route {
            Route::Kpi { .. } => *self,
            _ => ViewState {
                method: None,
                scenario: Scenario::SinceBaseline,
                era: self.era,
            },
        };
        use yew_router::Routable;
        format!("#{}{}", route.to_path(), state.query_string(lang))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_example_address() {
        let s = ViewState::from_query("?method=line&scenario=recent&era=gregorian&lang=en");
        assert_eq!(s.method, Some(Method::Line));
        assert_eq!(s.scenario, Scenario::RecentPace);
        assert_eq!(s.era, Some(Era::Gregorian));
        assert_eq!(
            s.query_string(Some("en")),
            "?method=line&scenario=recent&era=gregorian&lang=en"
        );
    }

    #[test]
    fn defaults_are_not_written_and_junk_is_ignored() {
        let s = ViewState::from_query("");
        assert_eq!(s.query_string(None), "");
        let s = ViewState::from_query("method=quadratic&scenario=&era=julian&x=1");
        assert_eq!(s, ViewState::from_query(""));
        assert_eq!(s.query_string(Some("en")), "?lang=en");
        let s = ViewState::from_query("scenario=since_baseline");
        assert_eq!(s.query_string(None), "");
    }

    #[test]
    fn the_era_defaults_by_language_and_an_explicit_one_travels() {
        let none = ViewState::from_query("lang=en");
        assert_eq!(none.era_for(Lang::Ja), Era::Wareki);
        assert_eq!(none.era_for(Lang::En), Era::Gregorian);
        assert_eq!(none.era_for(Lang::JaEasy), Era::Gregorian);
        // An explicit choice wins in every language and every link carries it.
        let chosen = ViewState::from_query("era=wareki&lang=en");
        for lang in Lang::ALL {
            assert_eq!(chosen.era_for(lang), Era::Wareki);
        }
        let goal = Route::Goal { id: "1-1".into() };
        assert_eq!(
            chosen.href(&goal, Some("en")),
            "#/goals/1-1?era=wareki&lang=en"
        );
        assert_eq!(chosen.href(&goal, None), "#/goals/1-1?era=wareki");
        // The switch writes only what differs from the language's default.
        assert_eq!(
            none.with_era(Lang::En, Era::Gregorian)
                .query_string(Some("en")),
            "?lang=en"
        );
        assert_eq!(
            none.with_era(Lang::En, Era::Wareki)
                .query_string(Some("en")),
            "?era=wareki&lang=en"
        );
        assert_eq!(none.with_era(Lang::Ja, Era::Wareki).query_string(None), "");
        assert_eq!(
            none.with_era(Lang::JaEasy, Era::Wareki)
                .query_string(Some("ja-easy")),
            "?era=wareki&lang=ja-easy"
        );
    }

    #[test]
    fn choosing_the_default_method_clears_the_parameter() {
        let ds = machi_kpi_core::Dataset::embedded().expect("dataset");
        let lights = ds.indicator("security-lights").expect("security-lights");
        let farmers = ds.indicator("new-farmers").expect("new-farmers");
        let s = ViewState::from_query("");
        assert_eq!(s.selected_method(lights), Method::Cagr);
        assert_eq!(s.selected_method(farmers), Method::Line);
        let line = s.with_method(lights, Method::Line);
        assert_eq!(line.query_string(None), "?method=line");
        assert_eq!(
            line.with_method(lights, Method::Cagr).query_string(None),
            ""
        );
        assert_eq!(
            s.with_method(farmers, Method::Cagr).query_string(None),
            "?method=cagr"
        );
    }

    #[test]
    fn links_carry_the_state_their_page_uses() {
        let s = ViewState::from_query("method=line&era=gregorian");
        let kpi = Route::Kpi {
            id: "new-farmers".into(),
        };
        assert_eq!(
            s.href(&kpi, Some("en")),
            "#/kpi/new-farmers?method=line&era=gregorian&lang=en"
        );
        let goal = Route::Goal { id: "1-1".into() };
        assert_eq!(s.href(&goal, None), "#/goals/1-1?era=gregorian");
    }
}
