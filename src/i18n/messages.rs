//! Sentences and labels that carry numbers, in every [`Lang`].
//!
//! These are pure functions from figures (always computed from the dataset by
//! the caller) to text, so the wording is unit-tested natively and no figure
//! is ever typed into a component. Formatting rules live here too:
//! percentages with one decimal; years through [`super::era`].

use machi_kpi_core::{OfficialStatus, Period};

use super::era::{period_label, Era};

use super::Lang;

/// The official status name as shown to the reader: verbatim from the source
/// in Japanese, followed in やさしい日本語 by a plain gloss (the official words
/// stay, as the city's own), the dataset's English name otherwise.
pub fn status_name(lang: Lang, status: OfficialStatus) -> &'static str {
    match lang {
        Lang::Ja => status.name_ja(),
        Lang::JaEasy => match status {
            OfficialStatus::OnTrack => "順調に進捗（よく 進んで いる）",
            OfficialStatus::MostlyOnTrack => "概ね順調に進捗（だいたい よく 進んで いる）",
            OfficialStatus::DelayedCovid => "進捗の遅れ (コロナ)（コロナの ため おくれて いる）",
            OfficialStatus::Delayed => "進捗の遅れ（おくれて いる）",
        },
        Lang::En => status.name_en(),
    }
}

/// The status in a small space (a figure tile, a chart's legend on a phone): the
/// official name, or in やさしい日本語 its plain gloss alone (the badges and tables
/// beside it carry both).
pub fn status_short(lang: Lang, status: OfficialStatus) -> &'static str {
    match (lang, status) {
        (Lang::JaEasy, OfficialStatus::OnTrack) => "よく 進んで いる",
        (Lang::JaEasy, OfficialStatus::MostlyOnTrack) => "だいたい よく 進んで いる",
        (Lang::JaEasy, OfficialStatus::DelayedCovid) => "コロナの ため おくれて いる",
        (Lang::JaEasy, OfficialStatus::Delayed) => "おくれて いる",
        _ => status_name(lang, status),
    }
}

/// A plan period in the reader's era: `令和3年度〜令和9年度`, `2021年度〜2027年度`
/// or `FY2021–FY2027` (each year through [`super::era::period_label`]).
pub fn period(lang: Lang, era: Era, start_fy: i32, end_fy: i32) -> String {
    let sep = if lang == Lang::En { "–" } else { "〜" };
    let fy = |y| period_label(lang, era, Period::fiscal(y));
    format!("{}{sep}{}", fy(start_fy), fy(end_fy))
}

/// A share in 0..=1 as a percentage with one decimal: `23.4%`.
pub fn percent(share: f64) -> String {
    format!("{:.1}%", share * 100.0)
}

/// A count of indicators: `47指標`, `47 indicators`, `47こ`.
pub fn indicators(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n}指標"),
        Lang::En if n == 1 => "1 indicator".to_owned(),
        Lang::En => format!("{n} indicators"),
        Lang::JaEasy => format!("{n}こ"),
    }
}

/// A basic goal's short label: `基本目標1-1`, `Basic goal 1-1`, `目標1-1`.
pub fn goal_label(lang: Lang, id: &str) -> String {
    match lang {
        Lang::Ja => format!("基本目標{id}"),
        Lang::En => format!("Basic goal {id}"),
        Lang::JaEasy => format!("目標{id}"),
    }
}

/// Heading of the goal cards: `6つの基本目標`, `The 6 basic goals`.
pub fn goals_heading(lang: Lang, n: usize) -> String {
    match lang {
        Lang::Ja => format!("{n}つの基本目標"),
        Lang::En => format!("The {n} basic goals"),
        Lang::JaEasy => format!("{n}つの 大きな 目標"),
    }
}

/// One status with its count and share, as used in the summaries.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StatusFigure {
    /// The official status.
    pub status: OfficialStatus,
    /// Indicators with this status.
    pub count: usize,
    /// `count / total`, if the total is not zero.
    pub share: Option<f64>,
}

fn share_text(share: Option<f64>) -> String {
    share.map(percent).unwrap_or_else(|| "—".to_owned())
}

/// The one-sentence summary of the status donut.
pub fn status_summary(lang: Lang, total: usize, figures: &[StatusFigure]) -> String {
    let parts: Vec<String> = figures
        .iter()
        .map(|f| {
            let name = status_name(lang, f.status);
            let share = share_text(f.share);
            match lang {
                Lang::Ja => format!("「{name}」が{}（{share}）", indicators(lang, f.count)),
                Lang::En => format!("{} ({share}) “{name}”", f.count),
                Lang::JaEasy => format!("「{name}」は {}", indicators(lang, f.count)),
            }
        })
        .collect();
    match lang {
        Lang::Ja => format!(
            "{}のうち、{}です。",
            indicators(lang, total),
            parts.join("、")
        ),
        Lang::En => format!("Of {}, {}.", indicators(lang, total), join_english(&parts)),
        Lang::JaEasy => format!(
            "{}の 目標の うち、{}です。",
            indicators(lang, total),
            parts.join("、")
        ),
    }
}

/// The items with the largest count (all of them when several share it, in data order)
/// and that count; `None` when every count is zero. A tie is named as a tie.
pub fn most<T>(items: &[T], count: impl Fn(&T) -> usize) -> Option<(Vec<&T>, usize)> {
    let max = items.iter().map(&count).max().filter(|&n| n > 0)?;
    Some((items.iter().filter(|i| count(i) == max).collect(), max))
}

/// Names joined as the language lists them: 「A」と「B」, “A” and “B”.
pub fn quoted_list(lang: Lang, names: &[String]) -> String {
    match lang {
        Lang::En => join_english(&names.iter().map(|n| format!("“{n}”")).collect::<Vec<_>>()),
        _ => names
            .iter()
            .map(|n| format!("「{n}」"))
            .collect::<Vec<_>>()
            .join("と"),
    }
}

fn join_english(parts: &[String]) -> String {
    match parts {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} and {last}", init.join(", ")),
    }
}

/// Delay figures for one basic goal, for [`by_goal_summary`].
#[derive(Clone, Debug, PartialEq)]
pub struct GoalDelays {
    /// Goal id, e.g. `1-2`.
    pub id: String,
    /// The goal's title in the reader's language (data text), empty when it has none.
    pub name: String,
    /// Indicators delayed with COVID-19 given as the reason.
    pub delayed_covid: usize,
    /// Indicators delayed for other reasons.
    pub delayed: usize,
}

/// The one-sentence summary of the status-by-goal chart: how the delays
/// split between COVID-19 and other reasons, and which goal has the most.
pub fn by_goal_summary(lang: Lang, goals: &[GoalDelays]) -> String {
    let covid: usize = goals.iter().map(|g| g.delayed_covid).sum();
    let other: usize = goals.iter().map(|g| g.delayed).sum();
    let all = covid + other;
    let worst = most(goals, |g| g.delayed_covid + g.delayed);
    let names = |lang: Lang, gs: &[&GoalDelays]| -> String {
        // A code alone says nothing to a reader: the goal's title follows it, isolated
        // (data text inside a sentence).
        let labels: Vec<String> = gs
            .iter()
            .map(|g| match (g.name.trim(), lang) {
                ("", _) => goal_label(lang, &g.id),
                (name, Lang::En) => {
                    format!("{} “{}”", goal_label(lang, &g.id), super::isolate(name))
                }
                (name, _) => format!("{}「{}」", goal_label(lang, &g.id), super::isolate(name)),
            })
            .collect();
        match lang {
            Lang::En => join_english(&labels),
            _ => labels.join("と"),
        }
    };
    match (lang, worst) {
        (Lang::Ja, Some((gs, n))) => format!(
            "遅れている{}のうち{}はコロナの影響、{}はその他の理由によるもので、遅れが最も多いのは{}（{}{}）です。",
            indicators(lang, all),
            indicators(lang, covid),
            indicators(lang, other),
            names(lang, &gs),
            if gs.len() > 1 { "各" } else { "" },
            indicators(lang, n)
        ),
        (Lang::En, Some((gs, n))) => format!(
            "Of the {all} delayed indicators, {covid} are delayed by COVID-19 and {other} for other reasons; {} {} the most delays ({n}{}).",
            names(lang, &gs).replace("Basic goal", "basic goal"),
            if gs.len() > 1 { "have" } else { "has" },
            if gs.len() > 1 { " each" } else { "" }
        ),
        (Lang::JaEasy, Some((gs, n))) => format!(
            "おくれている {}の うち、{}は コロナの ため、{}は ほかの 理由です。いちばん 多いのは {}（{}{}）です。",
            indicators(lang, all),
            indicators(lang, covid),
            indicators(lang, other),
            names(lang, &gs),
            if gs.len() > 1 { "どれも " } else { "" },
            indicators(lang, n)
        ),
        (Lang::Ja, None) => "遅れている指標はありません。".to_owned(),
        (Lang::En, None) => "No indicator is delayed.".to_owned(),
        (Lang::JaEasy, None) => "おくれている 目標は ありません。".to_owned(),
    }
}

/// Caption of the table behind the status donut.
pub fn status_table_caption(lang: Lang, total: usize) -> String {
    match lang {
        Lang::Ja => format!("評価区分ごとの指標数（合計{}）", indicators(lang, total)),
        Lang::En => format!("Indicators by official status (total {total})"),
        Lang::JaEasy => format!("進み方ごとの 数（ぜんぶで {}）", indicators(lang, total)),
    }
}

/// Caption of the table behind the status-by-goal chart.
pub fn by_goal_table_caption(lang: Lang) -> String {
    match lang {
        Lang::Ja => "基本目標ごと・評価区分ごとの指標数".to_owned(),
        Lang::En => "Indicators by basic goal and official status".to_owned(),
        Lang::JaEasy => "目標ごと・進み方ごとの 数".to_owned(),
    }
}

/// The Overview's first sentence: how many indicators are on track by the city's own
/// evaluation, and how many of the delays the city puts down to COVID-19. `None` when
/// nothing has an official status yet (a plan without a progress report).
pub fn overview_answer(
    lang: Lang,
    counts: &machi_kpi_core::analysis::StatusCounts,
) -> Option<String> {
    let total = counts.total();
    if total == 0 {
        return None;
    }
    let good = counts.on_track + counts.mostly_on_track;
    let delayed = counts.delayed + counts.delayed_covid;
    let covid = counts.delayed_covid;
    let pct = super::kpi_format::percent(good as f64 / total as f64, 0);
    Some(match lang {
        Lang::Ja => format!(
            "市の評価では、{total}指標のうち{good}指標（{pct}）が「順調」か「概ね順調」です。遅れている{delayed}指標のうち{covid}指標は、新型コロナの影響とされています。"
        ),
        Lang::En => format!(
            "{good} of {total} indicators ({pct}) are on track or mostly on track by the city's own evaluation. Of the {delayed} delayed, the city puts {covid} down to COVID-19."
        ),
        Lang::JaEasy => format!(
            "{total}の 目標の うち {good}（{pct}）は、市の 評価で「じゅんちょう」か「だいたい じゅんちょう」です。おくれて いる {delayed}の うち {covid}は、コロナの えいきょうです。"
        ),
    })
}

/// The projection headline of the Overview (DESIGN §2): how many indicators reach each
/// target at the pace so far, out of those whose outlook can be computed. `targets`
/// holds each target's label (`令和6年度`) and its outlook counts.
pub fn projection_headline(
    lang: Lang,
    targets: &[(String, machi_kpi_core::analysis::OutlookCounts)],
) -> Option<String> {
    let parts: Vec<String> = targets
        .iter()
        .filter(|(_, c)| c.total() > c.unavailable)
        .map(|(year, c)| {
            let reach = c.on_course_or_achieved();
            let of = c.total() - c.unavailable;
            match lang {
                Lang::Ja => format!("{year}の目標には{of}指標のうち{reach}指標"),
                Lang::En => format!("{reach} of {of} reach their {year} target"),
                Lang::JaEasy => format!("{year}の 目標には {of}の うち {reach}"),
            }
        })
        .collect();
    if parts.is_empty() {
        return None;
    }
    Some(match lang {
        Lang::Ja => format!(
            "これまでのペースが続くと、{}が届く見込みです（達成済みを含む）。",
            parts.join("、")
        ),
        Lang::En => format!(
            "If the pace so far goes on, {} (or already have).",
            parts.join(", and ")
        ),
        Lang::JaEasy => format!(
            "いまの ペースが つづくと、{}が とどきそうです。",
            parts.join("、")
        ),
    })
}

/// Why the Overview counts fewer indicators than the data holds: `unevaluated` have no
/// official status yet, `added` of them because a revision added them after the report.
pub fn unevaluated_note(
    lang: Lang,
    all: usize,
    unevaluated: usize,
    added: usize,
) -> Option<String> {
    if unevaluated == 0 {
        return None;
    }
    let evaluated = all - unevaluated;
    Some(match (lang, added == unevaluated) {
        (Lang::Ja, true) => format!(
            "データには{all}指標があり、評価は{evaluated}指標です。残る{unevaluated}指標は計画の改訂で加わったため、まだ市の評価がありません。"
        ),
        (Lang::Ja, false) => format!(
            "データには{all}指標があり、評価は{evaluated}指標です。残る{unevaluated}指標には、まだ市の評価がありません。"
        ),
        (Lang::En, true) => format!(
            "The data holds {all} indicators; {evaluated} are evaluated. The other {unevaluated} were added when the plan was revised and have no evaluation yet."
        ),
        (Lang::En, false) => format!(
            "The data holds {all} indicators; {evaluated} are evaluated. The other {unevaluated} have no evaluation yet."
        ),
        (Lang::JaEasy, true) => format!(
            "データには {all}の 目標が あります。評価が あるのは {evaluated}です。のこりの {unevaluated}は 計画を かえた ときに ふえたので、まだ 評価が ありません。"
        ),
        (Lang::JaEasy, false) => format!(
            "データには {all}の 目標が あります。評価が あるのは {evaluated}です。のこりの {unevaluated}は まだ 評価が ありません。"
        ),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_plain_status_is_the_official_name_with_its_gloss() {
        for s in [
            OfficialStatus::OnTrack,
            OfficialStatus::MostlyOnTrack,
            OfficialStatus::DelayedCovid,
            OfficialStatus::Delayed,
        ] {
            assert_eq!(
                status_name(Lang::JaEasy, s),
                format!("{}（{}）", s.name_ja(), status_short(Lang::JaEasy, s))
            );
            assert_eq!(status_short(Lang::Ja, s), s.name_ja());
        }
    }
    use machi_kpi_core::OfficialStatus::*;

    #[test]
    fn plan_periods_in_every_era() {
        assert_eq!(
            period(Lang::Ja, Era::Wareki, 2021, 2027),
            "令和3年度〜令和9年度"
        );
        assert_eq!(
            period(Lang::JaEasy, Era::Gregorian, 2021, 2027),
            "2021年度〜2027年度"
        );
        assert_eq!(
            period(Lang::En, Era::Gregorian, 2021, 2027),
            "FY2021–FY2027"
        );
    }

    #[test]
    fn percent_has_one_decimal() {
        assert_eq!(percent(11.0 / 47.0), "23.4%");
        assert_eq!(percent(18.0 / 47.0), "38.3%");
        assert_eq!(percent(12.0 / 47.0), "25.5%");
        assert_eq!(percent(6.0 / 47.0), "12.8%");
    }

    fn figures() -> Vec<StatusFigure> {
        [(OnTrack, 1), (Delayed, 3)]
            .into_iter()
            .map(|(status, count)| StatusFigure {
                status,
                count,
                share: Some(count as f64 / 4.0),
            })
            .collect()
    }

    #[test]
    fn status_summary_is_one_sentence_in_each_language() {
        for lang in Lang::ALL {
            let s = status_summary(lang, 4, &figures());
            assert!(s.contains('4') && s.contains('1') && s.contains('3'), "{s}");
            assert!(s.contains("75.0%") || lang == Lang::JaEasy, "{s}");
            let ends = s.ends_with('。') || s.ends_with('.');
            assert!(ends, "{s}");
        }
    }

    #[test]
    fn by_goal_summary_names_the_goal_with_most_delays() {
        let goals = vec![
            GoalDelays {
                id: "1-1".into(),
                name: String::new(),
                delayed_covid: 1,
                delayed: 0,
            },
            GoalDelays {
                id: "1-2".into(),
                name: String::new(),
                delayed_covid: 2,
                delayed: 1,
            },
            GoalDelays {
                id: "2-1".into(),
                name: String::new(),
                delayed_covid: 0,
                delayed: 3,
            },
        ];
        let ja = by_goal_summary(Lang::Ja, &goals);
        assert!(ja.contains("遅れている7指標のうち3指標はコロナ"), "{ja}");
        // 1-2 and 2-1 both have 3: a tie, named as one.
        assert!(ja.contains("基本目標1-2と基本目標2-1（各3指標）"), "{ja}");
        let en = by_goal_summary(Lang::En, &goals);
        assert!(
            en.contains("Of the 7 delayed indicators, 3 are delayed by COVID-19"),
            "{en}"
        );
        assert_eq!(by_goal_summary(Lang::En, &[]), "No indicator is delayed.");
    }

    #[test]
    fn the_overview_answers_with_the_counts_it_is_given() {
        let counts = machi_kpi_core::analysis::StatusCounts {
            on_track: 11,
            mostly_on_track: 18,
            delayed_covid: 12,
            delayed: 6,
        };
        assert_eq!(
            overview_answer(Lang::En, &counts).unwrap(),
            "29 of 47 indicators (62%) are on track or mostly on track by the city's own evaluation. Of the 18 delayed, the city puts 12 down to COVID-19."
        );
        assert!(overview_answer(Lang::Ja, &counts)
            .unwrap()
            .contains("47指標のうち29指標（62%）"));
        assert_eq!(overview_answer(Lang::Ja, &Default::default()), None);
        assert_eq!(unevaluated_note(Lang::En, 47, 0, 0), None);
        assert!(unevaluated_note(Lang::En, 50, 3, 3)
            .unwrap()
            .contains("The other 3 were added"));
    }

    #[test]
    fn the_projection_headline_counts_only_computable_outlooks() {
        let c = machi_kpi_core::analysis::OutlookCounts {
            target_achieved: 5,
            on_course: 12,
            acceleration_needed: 4,
            stagnation_or_regression: 22,
            unavailable: 5,
        };
        let none = machi_kpi_core::analysis::OutlookCounts {
            unavailable: 3,
            ..Default::default()
        };
        assert_eq!(
            projection_headline(Lang::En, &[("FY2027".into(), c), ("FY2030".into(), none)])
                .unwrap(),
            "If the pace so far goes on, 17 of 43 reach their FY2027 target (or already have)."
        );
        assert_eq!(projection_headline(Lang::Ja, &[]), None);
    }

    #[test]
    fn a_tie_for_the_most_delays_is_named_as_a_tie() {
        let g = |id: &str, delayed_covid, delayed| GoalDelays {
            id: id.into(),
            name: String::new(),
            delayed_covid,
            delayed,
        };
        let goals = [g("1-1", 2, 1), g("1-2", 3, 0), g("2-1", 0, 1)];
        let en = by_goal_summary(Lang::En, &goals);
        assert!(
            en.ends_with("basic goal 1-1 and basic goal 1-2 have the most delays (3 each)."),
            "{en}"
        );
        let ja = by_goal_summary(Lang::Ja, &goals);
        assert!(ja.contains("基本目標1-1と基本目標1-2（各3指標）"), "{ja}");
        let one = by_goal_summary(Lang::En, &goals[1..]);
        assert!(
            one.ends_with("basic goal 1-2 has the most delays (3)."),
            "{one}"
        );
        assert_eq!(most(&[0usize, 0], |n| *n), None);
    }

    #[test]
    fn the_goal_with_most_delays_is_named_by_its_title_too() {
        let goals = [GoalDelays {
            id: "3-1".into(),
            name: "時代にあった地域づくり".into(),
            delayed_covid: 3,
            delayed: 2,
        }];
        let ja = by_goal_summary(Lang::Ja, &goals);
        assert!(
            ja.contains("基本目標3-1「\u{2068}時代にあった地域づくり\u{2069}」（5指標）"),
            "{ja}"
        );
        let en = by_goal_summary(Lang::En, &goals);
        assert!(
            en.contains("basic goal 3-1 “\u{2068}時代にあった地域づくり\u{2069}” has"),
            "{en}"
        );
    }
}
