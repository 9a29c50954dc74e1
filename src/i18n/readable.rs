//! Sentences of the readable-figures rules (issue 13 items 2 and 3), in every [`Lang`]:
//! what a page says in place of an unreadable achievement rate or an impossible
//! projection, why the official status and the projection can differ, the data's dates
//! and a target year that has passed. The rules themselves are the core's
//! ([`machi_kpi_core::analysis::readable`]); every figure comes from it.

use machi_kpi_core::analysis::readable::{
    is_readable_percent, AchievementHeadline, ChangeSinceBase, DataAsOf, PossibleRange,
    ProjectionHeadline, TargetTiming,
};
use machi_kpi_core::analysis::Outlook;
use machi_kpi_core::{Indicator, Period};

use super::era::{period_label, Era};
use super::kpi_format::{self as fmt, number, precision, quantity, signed_percent};
use super::Lang;

/// `168万人 減（−50.8%）`: the size of the change since the base in the indicator's unit,
/// its direction in words, and the relative change when the core gives one.
fn change_words(lang: Lang, ind: &Indicator, c: &ChangeSinceBase) -> String {
    // A change of a share is in percentage points ("9.4% below" would read as relative).
    let magnitude = || number(c.change.abs(), precision(ind));
    let size = match (PossibleRange::of(ind), lang) {
        (PossibleRange::Share, Lang::En) => format!("{} points", magnitude()),
        (PossibleRange::Share, _) => format!("{}ポイント", magnitude()),
        _ => quantity(lang, &ind.unit, c.change.abs(), precision(ind)),
    };
    let rel = c.relative.map(|r| signed_percent(r, 1));
    let up = c.change > 0.0;
    match lang {
        Lang::Ja => {
            let dir = if up { "増" } else { "減" };
            let rel = rel.map_or(String::new(), |r| format!("（{r}）"));
            format!("基準値より {size} {dir}{rel}")
        }
        Lang::En => {
            let dir = if up { "above" } else { "below" };
            let rel = rel.map_or(String::new(), |r| format!(" ({r})"));
            format!("{size} {dir} the base{rel}")
        }
        Lang::JaEasy => {
            let dir = if up { "多い" } else { "少ない" };
            let rel = rel.map_or(String::new(), |r| format!("（{r}）"));
            format!("はじめの 数字より {size} {dir}{rel}")
        }
    }
}

/// The headline in place of the achievement rate: the rate when it is readable, "target
/// achieved", or the change since the base in words.
pub fn achievement_text(lang: Lang, ind: &Indicator, h: &AchievementHeadline) -> String {
    match h {
        AchievementHeadline::Achieved => fmt::outlook_name(lang, Outlook::TargetAchieved).into(),
        AchievementHeadline::Percent(a) => fmt::percent(*a, 1),
        AchievementHeadline::MovedAway(c) => {
            let change = change_words(lang, ind, c);
            match lang {
                Lang::Ja => format!("目標から遠ざかっています：{change}"),
                Lang::En => format!("Moved away from the target: {change}"),
                Lang::JaEasy => format!("目標から はなれて います：{change}"),
            }
        }
        AchievementHeadline::ChangeOnly(c) => change_words(lang, ind, c),
        AchievementHeadline::Unavailable(u) => fmt::unavailable_text(lang, *u),
    }
}

/// "Not meaningful at this pace": a projection that leaves the quantity's possible range.
pub fn not_meaningful(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "このペースでは意味のある値になりません",
        Lang::En => "not meaningful at this pace",
        Lang::JaEasy => "この ペースでは 意味の ある 数字に なりません",
    }
}

/// A projected value, or "not meaningful at this pace".
pub fn projected_value_text(lang: Lang, ind: &Indicator, h: &ProjectionHeadline) -> String {
    match h {
        ProjectionHeadline::NotMeaningful => not_meaningful(lang).into(),
        ProjectionHeadline::Shown { value, .. }
        | ProjectionHeadline::FarPastTarget { value }
        | ProjectionHeadline::MovingAway { value } => fmt::value_text(lang, ind, *value),
    }
}

/// A projected achievement p: the percentage when readable, else words.
pub fn projected_ratio_text(lang: Lang, h: &ProjectionHeadline) -> String {
    match (h, lang) {
        (ProjectionHeadline::NotMeaningful, _) => not_meaningful(lang).into(),
        (ProjectionHeadline::Shown { ratio, .. }, _) => fmt::percent(*ratio, 1),
        (ProjectionHeadline::FarPastTarget { .. }, Lang::Ja) => "目標を大きく超える".into(),
        (ProjectionHeadline::FarPastTarget { .. }, Lang::En) => "far beyond the target".into(),
        (ProjectionHeadline::FarPastTarget { .. }, Lang::JaEasy) => {
            "目標より ずっと 先まで いく".into()
        }
        (ProjectionHeadline::MovingAway { .. }, Lang::Ja) => "目標から遠ざかる".into(),
        (ProjectionHeadline::MovingAway { .. }, Lang::En) => "moving away from the target".into(),
        (ProjectionHeadline::MovingAway { .. }, Lang::JaEasy) => "目標から はなれて いく".into(),
    }
}

/// Why the official status and the projection can differ, in one sentence. `evaluated`
/// is the year the official statuses judge (from the editions).
pub fn status_vs_projection(lang: Lang, era: Era, evaluated: Option<i32>) -> String {
    let year = evaluated.map(|y| period_label(lang, era, Period::fiscal(y)));
    match (lang, year) {
        (Lang::Ja, Some(y)) => format!("市の評価は{y}の状況を市が判断したもの、見込みはこれまでの傾向を目標年度まで延ばした計算なので、両者は異なることがあります。"),
        (Lang::Ja, None) => "市の評価は評価年度の状況を市が判断したもの、見込みはこれまでの傾向を目標年度まで延ばした計算なので、両者は異なることがあります。".into(),
        (Lang::En, Some(y)) => format!("The official status is the city's judgment of {y}; the projection extends the trend to the target year, so the two can differ."),
        (Lang::En, None) => "The official status is the city's judgment of the evaluated year; the projection extends the trend to the target year, so the two can differ.".into(),
        (Lang::JaEasy, Some(y)) => format!("市の 評価は {y}の ようすを 市が みて きめた ものです。見こみは 今までの 動きを 目標の 年まで のばした 計算です。だから ちがう ことが あります。"),
        (Lang::JaEasy, None) => "市の 評価は 市が みて きめた ものです。見こみは 今までの 動きを 目標の 年まで のばした 計算です。だから ちがう ことが あります。".into(),
    }
}

/// `データ時点：実績値は主に令和3年度まで（最新は令和4年度）`: the data's dates, the
/// period most indicators' latest actual is in and the latest of all when later.
pub fn data_as_of_text(lang: Lang, era: Era, d: &DataAsOf) -> String {
    let label = |p: Period| period_label(lang, era, p);
    let usual = d.usual_latest_actual.map(|(p, _)| p);
    let later = d.latest_actual.filter(|l| Some(*l) != usual).map(label);
    match (lang, usual.map(label)) {
        (Lang::Ja, Some(u)) => {
            let later = later.map_or(String::new(), |l| format!("（最新は{l}）"));
            format!("データ時点：実績値は主に{u}まで{later}")
        }
        (Lang::En, Some(u)) => {
            let later = later.map_or(String::new(), |l| format!(" (latest: {l})"));
            format!("Data as of: actuals mostly up to {u}{later}")
        }
        (Lang::JaEasy, Some(u)) => {
            let later = later.map_or(String::new(), |l| format!("（いちばん 新しい ものは {l}）"));
            format!("データの 時期：数字は おもに {u}までです{later}")
        }
        (Lang::Ja, None) => "データ時点：実績値はまだありません".into(),
        (Lang::En, None) => "Data as of: no actual yet".into(),
        (Lang::JaEasy, None) => "データの 時期：数字は まだ ありません".into(),
    }
}

/// The heading of the city's ①②③ notes: the report year they come from (the editions'
/// evaluated year), so that an old comment is not read as this year's.
pub fn notes_heading(lang: Lang, era: Era, evaluated: Option<i32>) -> String {
    let year = evaluated.map(|y| period_label(lang, era, Period::fiscal(y)));
    match (lang, year) {
        (Lang::Ja, Some(y)) => format!("{y}の進捗報告での市の説明（原文のまま）"),
        (Lang::En, Some(y)) => {
            format!("The city's words in its {y} progress report (in Japanese, as published)")
        }
        (Lang::JaEasy, Some(y)) => {
            format!("{y}の 報告での 市の せつめい（市が かいた ことばの まま）")
        }
        (Lang::Ja, None) => "進捗報告での市の説明（原文のまま）".into(),
        (Lang::En, None) => {
            "The city's words in its progress report (in Japanese, as published)".into()
        }
        (Lang::JaEasy, None) => "報告での 市の せつめい（市が かいた ことばの まま）".into(),
    }
}

/// The label before the editions' titles (which carry their publication as printed).
pub fn sources_label(lang: Lang) -> &'static str {
    match lang {
        Lang::Ja => "出典（公表資料）：",
        Lang::En => "Sources (as published): ",
        Lang::JaEasy => "もとの 資料：",
    }
}

/// The latest actual of one indicator: `実績値は令和3年度まで`.
pub fn indicator_as_of_text(lang: Lang, era: Era, latest: Option<Period>) -> String {
    match (lang, latest.map(|p| period_label(lang, era, p))) {
        (Lang::Ja, Some(p)) => format!("データ時点：この指標の実績値は{p}まで"),
        (Lang::En, Some(p)) => format!("Data as of: this indicator's actuals up to {p}"),
        (Lang::JaEasy, Some(p)) => format!("データの 時期：この 目標の 数字は {p}まで"),
        (Lang::Ja, None) => "データ時点：この指標の実績値はまだありません".into(),
        (Lang::En, None) => "Data as of: no actual of this indicator yet".into(),
        (Lang::JaEasy, None) => "データの 時期：この 目標の 数字は まだ ありません".into(),
    }
}

/// On the Projections page, for a target year that has ended by the reader's date:
/// its projections are what the trend said before that year's actual was published.
pub fn projections_year_over(lang: Lang, era: Era, target: Period) -> String {
    let y = period_label(lang, era, target);
    match lang {
        Lang::Ja => format!("{y}は終わりました。{y}の目標への見込みは、その年の実績値がこのデータに入る前の傾向からの計算です。"),
        Lang::En => format!("{y} is over. The projections to its target extend the trend from before that year's actual is in this data."),
        Lang::JaEasy => format!("{y}は おわりました。{y}の 目標への 見こみは、その 年の 数字が まだ ない ときの 計算です。"),
    }
}

/// The mark of a target whose year has passed, or `None` while it is ahead.
pub fn target_passed_text(lang: Lang, timing: TargetTiming) -> Option<&'static str> {
    Some(match (timing, lang) {
        (TargetTiming::Ahead, _) => return None,
        (TargetTiming::PassedAwaitingResult, Lang::Ja) => {
            "目標年度は終わりました（その実績値はまだこのデータにありません）"
        }
        (TargetTiming::PassedAwaitingResult, Lang::En) => {
            "The target year is over (its actual is not in this data yet)"
        }
        (TargetTiming::PassedAwaitingResult, Lang::JaEasy) => {
            "目標の 年は おわりました（その 年の 数字は まだ ありません）"
        }
        (TargetTiming::Judged, Lang::Ja) => "目標年度を過ぎました（最終結果）",
        (TargetTiming::Judged, Lang::En) => "The target year has passed (final result)",
        (TargetTiming::Judged, Lang::JaEasy) => "目標の 年は すぎました（さいごの 結果）",
    })
}

/// The COVID dip δ as a signed percentage when readable; below −100% (only possible
/// when lower is better: the 2020 value more than twice the one before) in words.
pub fn covid_dip_text(lang: Lang, dip: f64) -> String {
    if is_readable_percent(dip) {
        return signed_percent(dip, 1);
    }
    match (dip > 0.0, lang) {
        (true, Lang::Ja) => "コロナ前を大きく上回る改善".into(),
        (true, Lang::En) => "far better than before COVID-19".into(),
        (true, Lang::JaEasy) => "コロナの 前より ずっと よく なった".into(),
        (false, Lang::Ja) => "コロナ前の2倍を超える悪化".into(),
        (false, Lang::En) => "worse by more than the whole pre-COVID level".into(),
        (false, Lang::JaEasy) => "コロナの 前より ずっと わるく なった".into(),
    }
}

/// The COVID recovery r as a percentage when readable; else in words (r < −100%: the
/// recovery year's value fell further by more than the dip; r > 1,000%: far past the level
/// before COVID-19).
pub fn covid_recovery_text(lang: Lang, r: f64) -> String {
    if is_readable_percent(r) {
        return fmt::percent(r, 1);
    }
    match (r > 0.0, lang) {
        (true, Lang::Ja) => "コロナ前の水準を大きく超えて回復".into(),
        (true, Lang::En) => "recovered far past the pre-COVID level".into(),
        (true, Lang::JaEasy) => "コロナの 前より ずっと 多く もどった".into(),
        (false, Lang::Ja) => "回復せず、さらに悪化".into(),
        (false, Lang::En) => "no recovery: worse again".into(),
        (false, Lang::JaEasy) => "もどらず、もっと わるく なった".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use machi_kpi_core::analysis::readable::{achievement_headline, data_as_of};
    use machi_kpi_core::analysis::{analyze_target, Scope};
    use machi_kpi_core::{Dataset, EditionId};

    #[test]
    fn tourists_read_as_a_fall_since_the_base() {
        let ds = Dataset::embedded().unwrap();
        let ind = ds.indicator("annual-tourists").unwrap();
        let ta = analyze_target(ind, None, EditionId::Fy2021Report, Scope::AllEditions);
        let h = achievement_headline(&ta);
        assert_eq!(
            achievement_text(Lang::Ja, ind, &h),
            "目標から遠ざかっています：基準値より 168万人 減（−50.8%）"
        );
        assert_eq!(
            achievement_text(Lang::En, ind, &h),
            "Moved away from the target: 1.68 million visits below the base (−50.8%)"
        );
        assert!(!achievement_text(Lang::JaEasy, ind, &h).contains("284"));
    }

    #[test]
    fn covid_figures_out_of_range_in_words() {
        assert_eq!(covid_recovery_text(Lang::En, 0.295), "29.5%");
        assert_eq!(
            covid_recovery_text(Lang::En, -1.328),
            "no recovery: worse again"
        );
        assert_eq!(covid_dip_text(Lang::Ja, -0.268), "−26.8%");
        assert_eq!(covid_dip_text(Lang::Ja, -1.5), "コロナ前の2倍を超える悪化");
    }

    #[test]
    fn data_as_of_names_the_usual_and_the_latest_period() {
        let ds = Dataset::embedded().unwrap();
        let d = data_as_of(&ds);
        assert_eq!(
            data_as_of_text(Lang::Ja, Era::Wareki, &d),
            "データ時点：実績値は主に令和3年度まで（最新は令和4年度）"
        );
        assert_eq!(
            data_as_of_text(Lang::En, Era::Gregorian, &d),
            "Data as of: actuals mostly up to FY2021 (latest: FY2022)"
        );
    }
}
