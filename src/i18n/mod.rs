//! Typed interface text in three languages: Japanese (default), English and
//! やさしい日本語 (plain Japanese).
//!
//! Every piece of fixed UI text is a [`Key`]; each language file (`ja.rs`,
//! `en.rs`, `ja_easy.rs`) maps *every* key with an exhaustive `match`, so a
//! missing translation is a compile error rather than a blank on screen.
//! Sentences that carry numbers (chart summaries, captions) are functions in
//! [`messages`], again one `match` arm per language. Data text (goal titles,
//! indicator names, official status names) is never translated here: it comes
//! verbatim from the dataset, which carries its own English names.

mod en;
pub mod era;
pub mod furigana;
mod ja;
mod ja_easy;
pub mod kpi_format;
pub mod messages;
pub mod pages_goal_kpi;
pub mod pages_tables;
pub mod portal;
pub mod readable;

use std::fmt;

/// The language the interface is shown in.
///
/// `JaEasy` is やさしい日本語: short sentences and common words for readers
/// whose first language is not Japanese. Its `<html lang>` is still `ja`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    /// 日本語 (default).
    #[default]
    Ja,
    /// English.
    En,
    /// やさしい日本語.
    JaEasy,
}

impl Lang {
    /// Every language, in the order the switch lists them.
    pub const ALL: [Lang; 3] = [Lang::Ja, Lang::JaEasy, Lang::En];

    /// The value used in the `?lang=` query parameter.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Ja => "ja",
            Lang::En => "en",
            Lang::JaEasy => "ja-easy",
        }
    }

    /// Parses a `?lang=` value; unknown values give `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim().to_ascii_lowercase().as_str() {
            "ja" => Some(Lang::Ja),
            "en" => Some(Lang::En),
            "ja-easy" | "ja_easy" | "easy" => Some(Lang::JaEasy),
            _ => None,
        }
    }

    /// The BCP 47 tag for `<html lang>` (screen readers pick a voice from it).
    pub fn html_lang(self) -> &'static str {
        match self {
            Lang::Ja | Lang::JaEasy => "ja",
            Lang::En => "en",
        }
    }

    /// True for both Japanese modes: data text is shown from the `_ja` fields.
    pub fn is_japanese(self) -> bool {
        matches!(self, Lang::Ja | Lang::JaEasy)
    }

    /// The ECharts locale registered on the page (`JA` comes from
    /// `echarts/i18n/langJA.js`, `EN` is built in).
    pub fn echarts_locale(self) -> &'static str {
        if self.is_japanese() {
            "JA"
        } else {
            "EN"
        }
    }

    /// The language's own name, shown in the language switch.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Ja => "日本語",
            Lang::En => "English",
            Lang::JaEasy => "やさしい日本語",
        }
    }

    /// Picks the Japanese or English variant of a piece of data text.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        if self.is_japanese() || en.trim().is_empty() {
            ja
        } else {
            en
        }
    }
}

impl fmt::Display for Lang {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.code())
    }
}

/// Declares [`Key`] and [`Key::ALL`] from one list, so the test that walks
/// every key cannot miss one.
macro_rules! keys {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// One piece of fixed interface text. See [`t`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $($(#[$doc])* $key),*
        }

        impl Key {
            /// Every key, in declaration order.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];
        }
    };
}

keys! {
    /// The site's name in the header and the document title.
    SiteName,
    /// Accessible name of the main navigation.
    NavLabel,
    NavOverview,
    NavDelays,
    NavProjections,
    NavRevisions,
    NavData,
    NavAbout,
    /// Accessible name of the language switch.
    LanguageLabel,
    /// Title of the basic-goal page (placeholder for now).
    GoalPageTitle,
    /// Title of the indicator page (placeholder for now).
    KpiPageTitle,
    EmbedPageTitle,
    NotFoundTitle,
    NotFoundBody,
    /// The notice on every page that is not built yet.
    NotBuiltYet,
    NotBuiltYetHint,
    BackToOverview,
    PeriodLabel,
    VisionLabel,
    /// Heading of the official-status section on the Overview.
    StatusSectionTitle,
    /// One sentence explaining that the statuses are the city's own.
    StatusSectionNote,
    /// Label of the headline tile with the number of indicators.
    TotalIndicators,
    /// A count chart's tooltip: what its bars count (indicators).
    TooltipCountIndicators,
    /// A count chart's tooltip: what its bars count (targets).
    TooltipCountTargets,
    TotalLabel,
    DonutTitle,
    ByGoalTitle,
    GoalLabel,
    NumericGoalLabel,
    OpenGoal,
    /// Accessible name of the chart ⇄ table switch.
    ViewSwitchLabel,
    ViewChart,
    ViewTable,
    ColStatus,
    ColCount,
    ColShare,
    ColGoal,
    ChartFailed,
    ChartFailedHint,
    /// How to read a chart by keyboard (its `aria-describedby` hint).
    ChartKeysHint,
    /// Under a chart whose bars open a page: where a tap leads, before the tap.
    ClickLeadsGoal,
    ClickLeadsIndicator,
    ClickLeadsList,
    ClickLeadsFilter,
    DataFailed,
    SourceHeading,
    FooterSource,
    FooterLicence,
    FooterCharts,
}

/// The text of `key` in `lang`.
pub fn t(lang: Lang, key: Key) -> &'static str {
    match lang {
        Lang::Ja => ja::text(key),
        Lang::En => en::text(key),
        Lang::JaEasy => ja_easy::text(key),
    }
}

/// Data text to put inside a sentence, between U+2068 FIRST STRONG ISOLATE and
/// U+2069 POP DIRECTIONAL ISOLATE: whatever direction controls it holds (a
/// U+202E right-to-left override in a name), they end with it and cannot
/// reorder the words and figures of the sentence after it. Invisible.
pub fn isolate(text: &str) -> String {
    format!("\u{2068}{text}\u{2069}")
}

/// Text escaped for an HTML attribute value or a text node, for the places where
/// text goes into markup that is not ours to build (the embed snippet, ECharts'
/// tooltip templates).
pub fn html_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// Whether `text` could reorder what is drawn after it: it holds a right-to-left
/// letter (Hebrew, Arabic and their neighbours) or a direction control (U+200E/F,
/// U+061C, U+202A–U+202E, U+2066–U+2069). Such text needs [`isolate`] wherever no
/// element can isolate it (chart labels drawn by ECharts, exported SVG).
pub fn can_reorder(text: &str) -> bool {
    text.chars().any(|c| {
        matches!(c,
            '\u{200E}' | '\u{200F}' | '\u{061C}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}'
            | '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFC}'
            | '\u{10800}'..='\u{10FFF}' | '\u{1E800}'..='\u{1EFFF}')
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_text_that_can_reorder_its_neighbours_needs_an_isolate() {
        for text in [
            "伊勢崎市",
            "Isesaki 12%",
            "<b>&amp;</b>",
            "👩\u{200d}👩",
            "",
        ] {
            assert!(!can_reorder(text), "{text:?}");
        }
        for text in [
            "\u{202e}RTL",
            "שלום",
            "مرحبا",
            "a\u{200f}b",
            "\u{2067}x\u{2069}",
        ] {
            assert!(can_reorder(text), "{text:?}");
        }
    }

    #[test]
    fn every_key_is_non_empty_in_every_language() {
        for &lang in &Lang::ALL {
            for &key in Key::ALL {
                let text = t(lang, key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
                assert!(!text.contains("TODO"), "{key:?} is unfinished in {lang}");
            }
            // The Basic goal, Indicator and About pages' own catalog.
            for &key in pages_goal_kpi::PKey::ALL {
                let text = pages_goal_kpi::pt(lang, key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
                assert!(!text.contains("TODO"), "{key:?} is unfinished in {lang}");
            }
            // The Delays, Projections, Revisions and Data pages' catalog.
            for &key in pages_tables::TKey::ALL {
                let text = pages_tables::tt(lang, key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
                assert!(!text.contains("TODO"), "{key:?} is unfinished in {lang}");
            }
        }
    }

    #[test]
    fn english_text_has_no_japanese_and_japanese_text_is_not_english() {
        let is_cjk = |c: char| ('\u{3040}'..='\u{9fff}').contains(&c);
        for &key in Key::ALL {
            let en = t(Lang::En, key);
            assert!(!en.chars().any(is_cjk), "{key:?}: {en}");
            assert!(
                t(Lang::Ja, key).chars().any(is_cjk),
                "{key:?} ja has no Japanese"
            );
            assert!(t(Lang::JaEasy, key).chars().any(is_cjk), "{key:?} ja-easy");
        }
        for &key in pages_goal_kpi::PKey::ALL {
            let text = |lang| pages_goal_kpi::pt(lang, key);
            assert!(
                !text(Lang::En).chars().any(is_cjk),
                "{key:?}: {}",
                text(Lang::En)
            );
            assert!(
                text(Lang::Ja).chars().any(is_cjk),
                "{key:?} ja has no Japanese"
            );
            assert!(text(Lang::JaEasy).chars().any(is_cjk), "{key:?} ja-easy");
        }
    }

    #[test]
    fn lang_codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
        assert_eq!(Lang::from_code("EN"), Some(Lang::En));
        assert_eq!(Lang::from_code("fr"), None);
        assert_eq!(Lang::JaEasy.html_lang(), "ja");
    }
}
