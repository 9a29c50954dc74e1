//! Page state in the URL: reading and writing the query after the route
//! (`#/projections?lang=en&scenario=recent_pace&goal=1-1`).
//!
//! Pure functions over query *pairs*, so they are unit-tested natively. Each
//! page owns a few keys ([`PageState::KEYS`]) and writes only its non-default
//! values; every other pair in the URL (`lang`, `era`, anything added later)
//! is kept as it was, in order. Encoding and decoding use the router's own
//! `x-www-form-urlencoded` implementation (`serde_urlencoded` through
//! [`yew_router::query::FromQuery`]/[`ToQuery`]), so what we parse is what
//! the router writes.

use yew_router::query::{FromQuery, ToQuery};

pub use crate::i18n::era::Era;
use crate::i18n::Lang;

/// Decoded `key=value` pairs in URL order.
pub type Pairs = Vec<(String, String)>;

/// Decodes a query string (with or without the leading `?`). A malformed
/// query gives no pairs rather than an error: the page then shows its defaults.
pub fn parse_query(query: &str) -> Pairs {
    let q = query.trim_start_matches('?');
    if q.is_empty() {
        return Vec::new();
    }
    <Pairs as FromQuery>::from_query(q).unwrap_or_default()
}

/// Encodes pairs as a query string without the leading `?` (empty for none).
pub fn encode_query(pairs: &Pairs) -> String {
    pairs.to_query().map(|q| q.into_owned()).unwrap_or_default()
}

/// The first value of `key`, if present and not empty.
pub fn get<'a>(pairs: &'a Pairs, key: &str) -> Option<&'a str> {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.as_str())
        .filter(|v| !v.trim().is_empty())
}

/// The state a page keeps in the URL.
pub trait PageState: Sized + Default + PartialEq {
    /// The query keys this page owns (all others are left alone).
    const KEYS: &'static [&'static str];

    /// Reads the state; unknown or malformed values fall back to defaults.
    fn from_pairs(pairs: &Pairs) -> Self;

    /// The non-default values, in a fixed order.
    fn to_pairs(&self) -> Vec<(&'static str, String)>;
}

/// `current` with the page's keys replaced by `state`'s non-default values:
/// other pairs keep their order, the page's pairs follow them.
pub fn with_state<S: PageState>(current: &Pairs, state: &S) -> Pairs {
    let mut out: Pairs = current
        .iter()
        .filter(|(k, _)| !S::KEYS.contains(&k.as_str()))
        .cloned()
        .collect();
    out.extend(state.to_pairs().into_iter().map(|(k, v)| (k.to_owned(), v)));
    out
}

/// The `era` query key, shared by every page (see [`crate::i18n::era`]).
pub const ERA_KEY: &str = "era";

/// The era in force in `lang`: a valid `era=`, else the language's default
/// ([`Era::default_for`]).
pub fn era_from_pairs(pairs: &Pairs, lang: Lang) -> Era {
    Era::resolve(get(pairs, ERA_KEY).and_then(Era::from_slug), lang)
}

/// `current` with `era` picked in `lang` (removed when it is that
/// language's default).
pub fn with_era(current: &Pairs, era: Era, lang: Lang) -> Pairs {
    let mut out: Pairs = current
        .iter()
        .filter(|(k, _)| k != ERA_KEY)
        .cloned()
        .collect();
    if let Some(era) = Era::to_write(era, lang) {
        out.push((ERA_KEY.to_owned(), era.slug().to_owned()));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default, PartialEq, Debug)]
    struct Demo {
        goal: Option<String>,
        q: String,
    }

    impl PageState for Demo {
        const KEYS: &'static [&'static str] = &["goal", "q"];
        fn from_pairs(pairs: &Pairs) -> Self {
            Demo {
                goal: get(pairs, "goal").map(str::to_owned),
                q: get(pairs, "q").unwrap_or_default().to_owned(),
            }
        }
        fn to_pairs(&self) -> Vec<(&'static str, String)> {
            let mut v = Vec::new();
            if let Some(g) = &self.goal {
                v.push(("goal", g.clone()));
            }
            if !self.q.is_empty() {
                v.push(("q", self.q.clone()));
            }
            v
        }
    }

    #[test]
    fn japanese_text_survives_a_round_trip_through_the_url() {
        let pairs: Pairs = vec![
            ("lang".into(), "en".into()),
            ("q".into(), "観光 客&=?#".into()),
        ];
        let encoded = encode_query(&pairs);
        assert!(
            !encoded.contains('#') && !encoded.contains(' '),
            "{encoded}"
        );
        assert_eq!(parse_query(&format!("?{encoded}")), pairs);
        assert_eq!(parse_query(""), Pairs::new());
        assert_eq!(parse_query("?"), Pairs::new());
    }

    #[test]
    fn page_state_replaces_only_its_own_keys_and_only_non_defaults() {
        let current = parse_query("?lang=en&goal=1-1&era=wareki&q=old");
        let state = Demo {
            goal: None,
            q: "bus".into(),
        };
        let out = with_state(&current, &state);
        assert_eq!(encode_query(&out), "lang=en&era=wareki&q=bus");
        assert_eq!(Demo::from_pairs(&out), state);
        assert_eq!(
            encode_query(&with_state(&out, &Demo::default())),
            "lang=en&era=wareki"
        );
    }

    #[test]
    fn era_is_written_only_when_not_the_languages_default() {
        assert_eq!(era_from_pairs(&Pairs::new(), Lang::Ja), Era::Wareki);
        assert_eq!(era_from_pairs(&Pairs::new(), Lang::En), Era::Gregorian);
        assert_eq!(era_from_pairs(&Pairs::new(), Lang::JaEasy), Era::Gregorian);
        let p = parse_query("lang=en&era=wareki");
        assert_eq!(era_from_pairs(&p, Lang::En), Era::Wareki);
        assert_eq!(era_from_pairs(&p, Lang::Ja), Era::Wareki);
        assert_eq!(
            encode_query(&with_era(&p, Era::Gregorian, Lang::En)),
            "lang=en"
        );
        assert_eq!(
            encode_query(&with_era(&p, Era::Wareki, Lang::En)),
            "lang=en&era=wareki"
        );
        assert_eq!(
            encode_query(&with_era(&Pairs::new(), Era::Wareki, Lang::Ja)),
            ""
        );
        assert_eq!(
            encode_query(&with_era(&Pairs::new(), Era::Gregorian, Lang::Ja)),
            "era=gregorian"
        );
        assert_eq!(
            era_from_pairs(&parse_query("era=bogus"), Lang::Ja),
            Era::Wareki
        );
        assert_eq!(
            era_from_pairs(&parse_query("era=bogus"), Lang::En),
            Era::Gregorian
        );
    }
}
