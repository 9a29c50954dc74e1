//! Interface text of the Delays, Projections, Revisions and Data pages, in
//! every [`Lang`], following the main catalog's pattern: every fixed string is
//! a [`TKey`], and each language file (`ja.rs`, `en.rs`, `ja_easy.rs`) maps
//! every key with an exhaustive `match`, so a missing translation does not
//! compile. Sentences that carry figures are functions below, one `match` arm
//! per language; the figures always come from the caller (the dataset), never
//! from here.

mod en;
mod ja;
mod ja_easy;

use machi_kpi_core::analysis::Outlook;

use super::era::{period_label, Era};
use super::Lang;
use machi_kpi_core::{EditionId, Period, Role};

/// Declares [`TKey`] and [`TKey::ALL`] from one list.
macro_rules! tkeys {
    ($($(#[$doc:meta])* $key:ident),* $(,)?) => {
        /// One piece of fixed text of the table pages. See [`tt`].
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum TKey {
            $($(#[$doc])* $key),*
        }

        impl TKey {
            /// Every key, in declaration order.
            pub const ALL: &'static [TKey] = &[$(TKey::$key),*];
        }
    };
}

tkeys! {
    // Shared: filters, columns, switches.
    FiltersLabel,
    FilterGoal,
    FilterStatus,
    FilterDepartment,
    FilterText,
    FilterTextPlaceholder,
    FilterAll,
    FilterReset,
    NoDepartment,
    NoOfficialStatus,
    ColIndicator,
    ColGoal,
    ColOfficial,
    ColDepartment,
    EraLegend,
    EraWareki,
    EraGregorian,
    NotComputable,
    OfficialNote,
    // Delays.
    DelaysLead,
    TileDelayed,
    TileDelayedCovid,
    TileDelayedOther,
    TileCovidComputed,
    TileStatusAgree,
    TileCovidAgree,
    BreakdownTitle,
    ChartByGoal,
    ChartByDepartment,
    ChartByMeasure,
    ColGroupGoal,
    ColGroupDepartment,
    ColGroupMeasure,
    ColCovid,
    ColOther,
    ColDelayedTotal,
    ColAllIndicators,
    CovidTitle,
    CovidLead,
    ChartDip,
    SeriesDipAffected,
    SeriesDipSmall,
    ColDip,
    ColRecovery,
    ColRecoveryYear,
    ColComputedFlag,
    FlagAffected,
    FlagNotAffected,
    RecoveredAlready,
    NotRecoveringAtThisPace,
    ComparisonTitle,
    ComparisonLead,
    CrossTabTitle,
    CovidCrossTabTitle,
    ColIndicative,
    ColAgree,
    ColCovidOfficial,
    ColCovidComputed,
    ColCovidAgree,
    Agree,
    Differ,
    NotCompared,
    DifferencesOnly,
    /// The summary of a folded table with one row per indicator (the Delays page).
    PerIndicatorDips,
    PerIndicatorComparison,
    OfficialCovid,
    OfficialOther,
    RowsOfficial,
    // Projections.
    ProjectionsLead,
    ScenarioLegend,
    ScenarioSince,
    ScenarioRecent,
    MethodLegend,
    MethodDefault,
    MethodCagr,
    MethodLine,
    ChartOutlook,
    ColOutlookClass,
    ColProjected,
    ColOutlook,
    OutlookTableTitle,
    NotInEdition,
    AlreadyMet,
    NotAtThisPace,
    MethodUsedLine,
    // Revisions.
    RevisionsLead,
    TileKept,
    TileAdded,
    TileDropped,
    TileRaised,
    TileLowered,
    TileUnchanged,
    TileNotComparable,
    TileBaselines,
    TileRenamed,
    TileLater,
    ChartChanges,
    ChangeRaised,
    ChangeLowered,
    ChangeUnchanged,
    ChangeNotComparable,
    MoreAmbitious,
    LessAmbitious,
    NeitherAmbitious,
    ColChange,
    ColAmbition,
    FilterChange,
    TargetsTitle,
    TargetsLead,
    BaselinesTitle,
    ColBaselineReport,
    ColBaselineRevision,
    RenamedTitle,
    ColOldName,
    ColNewName,
    AddedTitle,
    DroppedTitle,
    LaterTitle,
    ColReplaces,
    ColTargetRevision,
    ColTargetReport,
    ColStatusReport,
    // Data.
    DataLead,
    DownloadsTitle,
    DownloadsLead,
    DownloadIndicatorsCsv,
    DownloadObservationsCsv,
    DownloadDatasetJson,
    DownloadFailed,
    DataTableTitle,
    ColId,
    ColMeasure,
    ColUnit,
    RawCellsNote,
}

/// The text of `key` in `lang`.
pub fn tt(lang: Lang, key: TKey) -> &'static str {
    match lang {
        Lang::Ja => ja::text(key),
        Lang::En => en::text(key),
        Lang::JaEasy => ja_easy::text(key),
    }
}

/// The name of an outlook class, or "not computable".
pub fn outlook_name(lang: Lang, o: Option<Outlook>) -> &'static str {
    match o {
        Some(o) => super::kpi_format::outlook_name(lang, o),
        None => tt(lang, TKey::NotComputable),
    }
}

/// A projected ratio p as the page shows it (the core's readable-figures rules,
/// [`machi_kpi_core::analysis::readable::projection_headline`]): the percentage inside
/// [−100%, 1,000%], words beyond it, and "not meaningful at this pace" when the
/// projected value `value` leaves the quantity's possible range. The exact figure is in
/// the indicator page's computation.
pub fn ratio_text(lang: Lang, ind: &machi_kpi_core::Indicator, value: f64, p: f64) -> String {
    let h = machi_kpi_core::analysis::readable::projection_headline(ind, value, p);
    super::readable::projected_ratio_text(lang, &h)
}

/// `50指標中12指標を表示`, `Showing 12 of 50 indicators`.
pub fn showing(lang: Lang, shown: usize, total: usize, unit: Unit) -> String {
    let (ja, en, easy) = unit.words(shown == 1 && total == 1);
    match lang {
        Lang::Ja if shown == total => format!("全{total}{ja}を表示しています。"),
        Lang::Ja => format!("{total}{ja}中{shown}{ja}を表示しています。"),
        Lang::En if shown == total => format!("Showing all {total} {en}."),
        Lang::En => format!("Showing {shown} of {total} {en}."),
        Lang::JaEasy if shown == total => format!("ぜんぶで {total}{easy} あります。"),
        Lang::JaEasy => format!("{total}{easy}の うち {shown}{easy}を 見せています。"),
    }
}

/// What a count counts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unit {
    Indicators,
    Targets,
    Rows,
}

impl Unit {
    fn words(self, one: bool) -> (&'static str, &'static str, &'static str) {
        match (self, one) {
            (Unit::Indicators, false) => ("指標", "indicators", "こ"),
            (Unit::Indicators, true) => ("指標", "indicator", "こ"),
            (Unit::Targets, false) => ("目標値", "targets", "こ"),
            (Unit::Targets, true) => ("目標値", "target", "こ"),
            (Unit::Rows, false) => ("行", "rows", "行"),
            (Unit::Rows, true) => ("行", "row", "行"),
        }
    }
}

/// `46指標中23指標`, `23 of 46`, `46この うち 23こ`.
pub fn of(lang: Lang, part: usize, whole: usize) -> String {
    match lang {
        Lang::Ja => format!("{whole}指標中{part}指標"),
        Lang::En => format!("{part} of {whole}"),
        Lang::JaEasy => format!("{whole}この うち {part}こ"),
    }
}

/// The target of an edition: `令和6年度目標`, `FY2024 target`.
pub fn target_label(lang: Lang, era: Era, fy: i32) -> String {
    let y = period_label(lang, era, Period::fiscal(fy));
    match lang {
        Lang::Ja => format!("{y}目標"),
        Lang::En => format!("{y} target"),
        Lang::JaEasy => format!("{y}の 目標"),
    }
}

/// The outlook filter's label: `令和6年度目標の見通し`.
pub fn outlook_filter_label(lang: Lang, era: Era, fy: i32) -> String {
    let t = target_label(lang, era, fy);
    match lang {
        Lang::Ja => format!("{t}の見通し"),
        Lang::En => format!("Outlook for the {t}"),
        Lang::JaEasy => format!("{t}に とどくか"),
    }
}

/// A raw column's heading: verbatim in Japanese, described in English.
pub fn raw_column_label(
    lang: Lang,
    edition: EditionId,
    role: Role,
    heading_ja: &str,
    year: Option<i32>,
    era: Era,
) -> String {
    if lang.is_japanese() {
        return heading_ja.to_owned();
    }
    let ed = match edition {
        EditionId::Fy2021Report => "FY2021 report",
        EditionId::Revision2024 => "2024 revision",
        EditionId::Update => "later update",
    };
    let y = year
        .map(|y| format!(" {}", period_label(lang, era, Period::fiscal(y))))
        .unwrap_or_default();
    match role {
        Role::Baseline => format!("Baseline{y} ({ed})"),
        Role::Actual if heading_ja.contains('※') => format!("Note to the target (※) ({ed})"),
        Role::Actual => format!("Actual{y} ({ed})"),
        Role::Target => format!("Target{y} ({ed})"),
    }
}

/// One group's delays for [`delay_groups_summary`].
#[derive(Clone, Debug, PartialEq)]
pub struct GroupDelays {
    pub label: String,
    pub covid: usize,
    pub other: usize,
}

/// The one-sentence summary of a delay breakdown chart.
pub fn delay_groups_summary(
    lang: Lang,
    groups: &[GroupDelays],
    covid: usize,
    other: usize,
) -> String {
    let worst = crate::i18n::messages::most(groups, |g| g.covid + g.other);
    let all = covid + other;
    let Some((gs, n)) = worst else {
        return match lang {
            Lang::Ja => "遅れている指標はありません。".to_owned(),
            Lang::En => "No indicator is delayed.".to_owned(),
            Lang::JaEasy => "おくれている ものは ありません。".to_owned(),
        };
    };
    // Each name its own bidi isolate; a tie is named as a tie.
    let labels: Vec<String> = gs.iter().map(|g| crate::i18n::isolate(&g.label)).collect();
    let names = crate::i18n::messages::quoted_list(lang, &labels);
    let tie = gs.len() > 1;
    match lang {
        Lang::Ja => format!(
            "遅れている{all}指標のうち{covid}指標がコロナの影響、{other}指標がその他の理由で、最も多いのは{names}（{}{n}指標）です。",
            if tie { "各" } else { "" }
        ),
        Lang::En => format!(
            "Of the {all} delayed indicators, {covid} are delayed by COVID-19 and {other} for other reasons; {names} {} the most ({n}{}).",
            if tie { "have" } else { "has" },
            if tie { " each" } else { "" }
        ),
        Lang::JaEasy => format!(
            "おくれている {all}この うち {covid}こは コロナの ため、{other}こは ほかの 理由です。いちばん 多いのは{names}（{}{n}こ）です。",
            if tie { "どれも " } else { "" }
        ),
    }
}

/// The summary of the dip chart.
pub fn dip_summary(
    lang: Lang,
    dipped: usize,
    affected: usize,
    worst: Option<(&str, &str)>,
) -> String {
    let worst = worst.map(|(name, dip)| (crate::i18n::isolate(name), dip));
    match (lang, worst) {
        (Lang::Ja, Some((name, dip))) => format!(
            "{dipped}系列で2020年に数値が悪化し、そのうち{affected}系列は10%以上の落ち込み（コロナの影響あり・計算）でした。最も大きいのは「{name}」（{dip}）です。"
        ),
        (Lang::En, Some((name, dip))) => format!(
            "{dipped} series got worse in 2020, {affected} of them by 10% or more (COVID-affected, computed); the largest fall was “{name}” ({dip})."
        ),
        (Lang::JaEasy, Some((name, dip))) => format!(
            "2020年に {dipped}この 数字が わるく なりました。{affected}こは 10%か それより 多く へりました。いちばん へったのは「{name}」（{dip}）です。"
        ),
        (Lang::Ja, None) => "2020年に数値が悪化した指標はありません。".to_owned(),
        (Lang::En, None) => "No indicator got worse in 2020.".to_owned(),
        (Lang::JaEasy, None) => "2020年に わるく なった 数字は ありません。".to_owned(),
    }
}

/// One target year's outlooks for [`outlook_summary`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct OutlookShare {
    /// Achieved or on course.
    pub good: usize,
    /// Indicators with a projection to that target.
    pub computable: usize,
    /// Indicators with that target but no projection.
    pub not_computable: usize,
}

/// The Projections page's headline: of the indicators with a projection (as the
/// Overview counts), how many reach each target, and how many have none.
pub fn outlook_summary(lang: Lang, era: Era, fy2024: OutlookShare, fy2027: OutlookShare) -> String {
    let t24 = target_label(lang, era, 2024);
    let t27 = target_label(lang, era, 2027);
    let (a, b) = (fy2024, fy2027);
    // The indicators without a projection, said apart when there are any.
    let (x, y) = (a.not_computable, b.not_computable);
    let without = if x + y == 0 {
        String::new()
    } else {
        match lang {
            Lang::Ja => format!("（見込みを計算できない指標：{t24} {x}、{t27} {y}）"),
            Lang::En => format!(" (No projection: {x} for the {t24}, {y} for the {t27}.)"),
            Lang::JaEasy => format!("（計算できない もの：{t24} {x}こ、{t27} {y}こ）"),
        }
    };
    match lang {
        Lang::Ja => format!(
            "見込みを計算できる指標のうち、{t24}は{}指標中{}指標、{t27}は{}指標中{}指標が達成済みまたは達成見込みです。{without}",
            a.computable, a.good, b.computable, b.good
        ),
        Lang::En => format!(
            "Of the indicators with a projection, {} of {} have achieved or are on course for their {t24}, and {} of {} for their {t27}.{without}",
            a.good, a.computable, b.good, b.computable
        ),
        Lang::JaEasy => format!(
            "見こみが 計算できる ものの うち、{t24}は {}この うち {}こ、{t27}は {}この うち {}こが とどいたか、とどきそうです。{without}",
            a.computable, a.good, b.computable, b.good
        ),
    }
}

/// The summary of the target-change chart.
pub fn changes_summary(
    lang: Lang,
    total: usize,
    raised: usize,
    lowered: usize,
    unchanged: usize,
    more: usize,
    less: usize,
) -> String {
    match lang {
        Lang::Ja => format!(
            "引き続き使われる指標の目標値{total}件のうち、{raised}件が引き上げ、{lowered}件が引き下げ、{unchanged}件が据え置きで、指標の望ましい方向にみて{more}件がより高い目標、{less}件がより低い目標になりました。"
        ),
        Lang::En => format!(
            "Of {total} targets of indicators kept by the revision, {raised} were raised, {lowered} lowered and {unchanged} unchanged; in each indicator's wanted direction, {more} became more ambitious and {less} less ambitious."
        ),
        Lang::JaEasy => format!(
            "目標の 数字 {total}この うち、{raised}こは 上がり、{lowered}こは 下がり、{unchanged}こは 同じです。{more}こは もっと 高い 目標に、{less}こは ひくい 目標に なりました。"
        ),
    }
}

/// Caption of the breakdown table.
pub fn breakdown_caption(lang: Lang, dimension: &str) -> String {
    match lang {
        Lang::Ja => format!("{dimension}ごとの遅れの指標数（コロナの影響・その他）"),
        Lang::En => format!(
            "Delayed indicators by {} (COVID-19 and other reasons)",
            dimension.to_lowercase()
        ),
        Lang::JaEasy => format!("{dimension}ごとの おくれの 数"),
    }
}

/// `“name” replaces “old”` for added indicators.
pub fn replaces(lang: Lang, old: &str) -> String {
    let old = crate::i18n::isolate(old);
    match lang {
        Lang::Ja => format!("「{old}」に代わる指標"),
        Lang::En => format!("Replaces “{old}”"),
        Lang::JaEasy => format!("「{old}」の かわり"),
    }
}

/// Why some indicators have no dip.
pub fn without_dip_note(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("ほかの{n}指標は、2020年より前または2020年の値がないため計算できません。"),
        Lang::En => format!("The other {n} indicators cannot be compared: they have no value before 2020 or none for 2020."),
        Lang::JaEasy => format!("ほかの {n}こは、2020年より 前か 2020年の 数字が ないので 計算できません。"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_key_is_translated_in_every_language() {
        let is_cjk = |c: char| ('\u{3040}'..='\u{9fff}').contains(&c);
        for &key in TKey::ALL {
            for lang in Lang::ALL {
                let text = tt(lang, key);
                assert!(!text.trim().is_empty(), "{key:?} is empty in {lang}");
                assert!(!text.contains("TODO"), "{key:?} is unfinished in {lang}");
            }
            assert!(
                !tt(Lang::En, key).chars().any(is_cjk),
                "{key:?}: English has Japanese"
            );
            assert!(
                tt(Lang::Ja, key).chars().any(is_cjk),
                "{key:?}: Japanese has none"
            );
            assert!(
                tt(Lang::JaEasy, key).chars().any(is_cjk),
                "{key:?}: ja-easy has none"
            );
        }
    }

    #[test]
    fn sentences_carry_the_figures_in_each_language() {
        for lang in Lang::ALL {
            let s = showing(lang, 12, 50, Unit::Indicators);
            assert!(s.contains("12") && s.contains("50"), "{s}");
            let s = of(lang, 23, 46);
            assert!(s.contains("23") && s.contains("46"), "{s}");
            let g = [GroupDelays {
                label: "X".into(),
                covid: 4,
                other: 0,
            }];
            let s = delay_groups_summary(lang, &g, 12, 6);
            assert!(
                s.contains("12") && s.contains('6') && s.contains("18") && s.contains('X'),
                "{s}"
            );
            let s = changes_summary(lang, 40, 20, 5, 15, 22, 3);
            assert!(s.contains("40") && s.contains("22"), "{s}");
        }
        assert_eq!(
            showing(Lang::En, 1, 1, Unit::Indicators),
            "Showing all 1 indicator."
        );
        assert_eq!(
            showing(Lang::Ja, 12, 50, Unit::Indicators),
            "50指標中12指標を表示しています。"
        );
        assert_eq!(target_label(Lang::Ja, Era::Wareki, 2024), "令和6年度目標");
        assert_eq!(
            target_label(Lang::En, Era::Gregorian, 2027),
            "FY2027 target"
        );
        let ds = machi_kpi_core::Dataset::embedded().unwrap();
        let lights = ds.indicator("security-lights").unwrap();
        assert_eq!(ratio_text(Lang::Ja, lights, 17742.0, 0.92948), "92.9%");
        assert_eq!(ratio_text(Lang::En, lights, 15000.0, -0.9), "−90.0%");
        assert_eq!(
            ratio_text(Lang::En, lights, 15000.0, -1.07598),
            "moving away from the target"
        );
        assert_eq!(
            ratio_text(Lang::En, lights, 9e6, 5129.781),
            "far beyond the target"
        );
        // A negative count of lights is no projection a reader can use.
        assert_eq!(
            ratio_text(Lang::Ja, lights, -135.0, -71.015),
            "このペースでは意味のある値になりません"
        );
    }
}
