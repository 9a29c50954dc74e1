//! Period labels in the two ways of writing years: the Japanese era (和暦,
//! `令和3年度`) and the Gregorian calendar (`FY2021`, `2021年度`).
//!
//! The reader picks the [`Era`] with `?era=wareki|gregorian`. Without it the
//! language decides ([`Era::default_for`], the one rule every page uses):
//! 和暦 in standard Japanese, as in the city's own documents; the Gregorian
//! calendar in English and やさしい日本語, whose readers count years that way.
//! A valid `era` in the URL is the reader's explicit choice and always wins
//! ([`Era::resolve`]); pages write it only when it differs from the default
//! of the language the link is for. A [`Period`] is either a fiscal
//! year (年度, April–March) or a calendar year (年); both are labelled from
//! their Gregorian year, which is what the core computes with.
//!
//! Conventions:
//! - Year 1 of an era is 元 (`令和元年度`). FY2019 began in April 2019 under
//!   平成 and is written both 平成31年度 and 令和元年度 in official papers; we
//!   always write 令和元年度. Calendar 2019 is likewise 令和元年 (statistics
//!   name a calendar year by the era in force at its end).
//! - 平成 covers 1989–2018 and 昭和 earlier years (we never need older ones).
//! - Axis labels ([`short_label`]) are compact forms of the same thing.
//!
//! Everything here is a pure function, unit-tested natively.

use machi_kpi_core::{Period, PeriodKind};

use super::Lang;

/// How years are written. There is deliberately no `Default`: the default
/// depends on the language ([`Era::default_for`]).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Era {
    /// 令和3年度 (the default in standard Japanese, as in the sources).
    Wareki,
    /// 2021年度 / FY2021 (the default in English and やさしい日本語).
    Gregorian,
}

impl Era {
    /// Both eras, in the order the switch lists them.
    pub const ALL: [Era; 2] = [Era::Wareki, Era::Gregorian];

    /// The era shown in `lang` when the URL names none: 和暦 in standard
    /// Japanese only.
    pub fn default_for(lang: Lang) -> Era {
        match lang {
            Lang::Ja => Era::Wareki,
            Lang::JaEasy | Lang::En => Era::Gregorian,
        }
    }

    /// The era in force: the reader's explicit choice, else the language's default.
    pub fn resolve(chosen: Option<Era>, lang: Lang) -> Era {
        chosen.unwrap_or_else(|| Era::default_for(lang))
    }

    /// What a link for `lang` must carry to show `era`: the era itself, or
    /// `None` when it is that language's default (only non-defaults are written).
    pub fn to_write(era: Era, lang: Lang) -> Option<Era> {
        (era != Era::default_for(lang)).then_some(era)
    }

    /// The value of the `?era=` query parameter.
    pub fn slug(self) -> &'static str {
        match self {
            Era::Wareki => "wareki",
            Era::Gregorian => "gregorian",
        }
    }

    /// Parses [`Era::slug`]; unknown values give `None`.
    pub fn from_slug(s: &str) -> Option<Era> {
        match s.trim().to_ascii_lowercase().as_str() {
            "wareki" | "reiwa" | "japanese" => Some(Era::Wareki),
            "gregorian" | "western" | "seireki" => Some(Era::Gregorian),
            _ => None,
        }
    }
}

/// The Japanese era of a Gregorian year: its name, romanised name and year
/// number (1 = 元年).
pub fn era_of(year: i32) -> (&'static str, &'static str, i32) {
    if year >= 2019 {
        ("令和", "Reiwa", year - 2018)
    } else if year >= 1989 {
        ("平成", "Heisei", year - 1988)
    } else {
        ("昭和", "Showa", year - 1925)
    }
}

/// `令和3` / `令和元` / `平成30`: the era and its year, without 年 or 年度.
pub fn wareki_year(year: i32) -> String {
    let (name, _, n) = era_of(year);
    if n == 1 {
        format!("{name}元")
    } else {
        format!("{name}{n}")
    }
}

/// The full label of a period, for text and tables.
///
/// | | fiscal year | calendar year |
/// |---|---|---|
/// | ja, wareki | 令和3年度 | 令和元年 |
/// | ja, gregorian | 2021年度 | 2019年 |
/// | en, gregorian | FY2021 | CY2019 |
/// | en, wareki | FY2021 (Reiwa 3) | CY2019 (Reiwa 1) |
pub fn period_label(lang: Lang, era: Era, period: Period) -> String {
    let y = period.year;
    match (lang.is_japanese(), era, period.kind) {
        (true, Era::Wareki, PeriodKind::FiscalYear) => format!("{}年度", wareki_year(y)),
        (true, Era::Wareki, PeriodKind::CalendarYear) => format!("{}年", wareki_year(y)),
        (true, Era::Gregorian, PeriodKind::FiscalYear) => format!("{y}年度"),
        (true, Era::Gregorian, PeriodKind::CalendarYear) => format!("{y}年"),
        (false, Era::Gregorian, PeriodKind::FiscalYear) => format!("FY{y}"),
        (false, Era::Gregorian, PeriodKind::CalendarYear) => format!("CY{y}"),
        (false, Era::Wareki, kind) => {
            let (_, roman, n) = era_of(y);
            let prefix = if kind == PeriodKind::FiscalYear {
                "FY"
            } else {
                "CY"
            };
            format!("{prefix}{y} ({roman} {n})")
        }
    }
}

/// A compact label for chart axes.
///
/// | | fiscal year | calendar year |
/// |---|---|---|
/// | ja, wareki | R3年度 | R元年 |
/// | ja, gregorian | 2021年度 | 2019年 |
/// | en, gregorian | FY2021 | 2019 |
/// | en, wareki | FY R3 | R1 |
pub fn short_label(lang: Lang, era: Era, period: Period) -> String {
    let y = period.year;
    let (_, roman, n) = era_of(y);
    let initial = &roman[..1];
    match (lang.is_japanese(), era, period.kind) {
        (true, Era::Wareki, kind) => {
            let n = if n == 1 {
                "元".to_owned()
            } else {
                n.to_string()
            };
            let suffix = if kind == PeriodKind::FiscalYear {
                "年度"
            } else {
                "年"
            };
            format!("{initial}{n}{suffix}")
        }
        (true, Era::Gregorian, PeriodKind::FiscalYear) => format!("{y}年度"),
        (true, Era::Gregorian, PeriodKind::CalendarYear) => format!("{y}年"),
        (false, Era::Gregorian, PeriodKind::FiscalYear) => format!("FY{y}"),
        (false, Era::Gregorian, PeriodKind::CalendarYear) => y.to_string(),
        (false, Era::Wareki, PeriodKind::FiscalYear) => format!("FY {initial}{n}"),
        (false, Era::Wareki, PeriodKind::CalendarYear) => format!("{initial}{n}"),
    }
}

/// A bare year (for "the target is reached in …"), in the period's kind.
pub fn year_label(lang: Lang, era: Era, kind: PeriodKind, year: i32) -> String {
    period_label(lang, era, Period { kind, year })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fy(y: i32) -> Period {
        Period::fiscal(y)
    }
    fn cy(y: i32) -> Period {
        Period::calendar(y)
    }

    #[test]
    fn wareki_years_start_at_gannen() {
        assert_eq!(wareki_year(2019), "令和元");
        assert_eq!(wareki_year(2021), "令和3");
        assert_eq!(wareki_year(2027), "令和9");
        assert_eq!(wareki_year(2018), "平成30");
        assert_eq!(wareki_year(1989), "平成元");
        assert_eq!(wareki_year(1988), "昭和63");
    }

    #[test]
    fn full_labels_in_every_language_and_era() {
        use Era::*;
        use Lang::*;
        let cases = [
            (Ja, Wareki, fy(2021), "令和3年度"),
            (Ja, Wareki, fy(2019), "令和元年度"),
            (Ja, Wareki, cy(2019), "令和元年"),
            (Ja, Wareki, fy(2018), "平成30年度"),
            (Ja, Wareki, cy(2017), "平成29年"),
            (JaEasy, Wareki, fy(2024), "令和6年度"),
            (Ja, Gregorian, fy(2021), "2021年度"),
            (Ja, Gregorian, cy(2019), "2019年"),
            (En, Gregorian, fy(2021), "FY2021"),
            (En, Gregorian, cy(2019), "CY2019"),
            (En, Wareki, fy(2021), "FY2021 (Reiwa 3)"),
            (En, Wareki, cy(2019), "CY2019 (Reiwa 1)"),
            (En, Wareki, fy(2018), "FY2018 (Heisei 30)"),
        ];
        for (lang, era, p, want) in cases {
            assert_eq!(period_label(lang, era, p), want, "{lang} {era:?} {p:?}");
        }
    }

    #[test]
    fn short_labels_for_axes() {
        use Era::*;
        use Lang::*;
        assert_eq!(short_label(Ja, Wareki, fy(2021)), "R3年度");
        assert_eq!(short_label(Ja, Wareki, cy(2019)), "R元年");
        assert_eq!(short_label(Ja, Wareki, fy(2018)), "H30年度");
        assert_eq!(short_label(Ja, Gregorian, fy(2021)), "2021年度");
        assert_eq!(short_label(En, Gregorian, fy(2021)), "FY2021");
        assert_eq!(short_label(En, Gregorian, cy(2019)), "2019");
        assert_eq!(short_label(En, Wareki, fy(2021)), "FY R3");
        assert_eq!(short_label(En, Wareki, cy(2019)), "R1");
    }

    #[test]
    fn era_slugs_round_trip() {
        for era in Era::ALL {
            assert_eq!(Era::from_slug(era.slug()), Some(era));
        }
        assert_eq!(Era::from_slug("GREGORIAN"), Some(Era::Gregorian));
        assert_eq!(Era::from_slug("julian"), None);
    }

    #[test]
    fn the_default_era_follows_the_language_and_a_choice_wins() {
        assert_eq!(Era::default_for(Lang::Ja), Era::Wareki);
        assert_eq!(Era::default_for(Lang::JaEasy), Era::Gregorian);
        assert_eq!(Era::default_for(Lang::En), Era::Gregorian);
        for lang in Lang::ALL {
            assert_eq!(Era::resolve(None, lang), Era::default_for(lang));
            for era in Era::ALL {
                assert_eq!(Era::resolve(Some(era), lang), era);
                // Written only when it is not the language's default.
                assert_eq!(
                    Era::to_write(era, lang).is_some(),
                    era != Era::default_for(lang)
                );
            }
        }
        // English axes read FY2019 … by default, never "FY R1".
        let en = Era::default_for(Lang::En);
        assert_eq!(short_label(Lang::En, en, fy(2019)), "FY2019");
        assert_eq!(
            period_label(Lang::JaEasy, Era::default_for(Lang::JaEasy), fy(2021)),
            "2021年度"
        );
    }
}
