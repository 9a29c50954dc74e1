//! Status by basic goal: one horizontal stacked bar per goal, one segment per
//! official status, so the COVID-19 delays (orange) and other delays
//! (vermilion) sit side by side for every goal.
//!
//! Input is the core's `by_goal` [`GroupCounts`] (key = goal id such as
//! `1-1`, labels = goal title). Zero segments are left out (`"-"`), so no
//! stray `0` labels are drawn.

use charming::{
    element::{ItemStyle, Label, LabelPosition},
    series::Bar,
    Chart,
};
use machi_kpi_core::{analysis::GroupCounts, OfficialStatus};

use super::{status_color, ChartSpec, RowNames, TableData, TableRow, FONT_FAMILY};
use crate::i18n::messages::{self, GoalDelays};
use crate::i18n::{t, Key, Lang};

/// Room above the bars for the legend as a list, one status a line: a row of four
/// long names wraps on a phone, and a wrapped legend would cover the first bar.
const LEGEND_HEIGHT: i32 = 4 * 22 + 12;
/// Where a goal's name wraps on the axis, in px.
const LABEL_WIDTH: u32 = 120;
/// One line of the 13 px axis labels.
const LINE_HEIGHT: u32 = 18;

/// Height in pixels that fits every goal's wrapped name (the longest sets the row
/// height, at least the bar's), the legend above and the axis below.
pub fn height_for(goals: &[GroupCounts], lang: Lang) -> u32 {
    let lines = goals
        .iter()
        .map(|g| wrapped_lines(&axis_label(g, lang)))
        .max()
        .unwrap_or(1);
    let row = (lines * LINE_HEIGHT + 16).max(40);
    LEGEND_HEIGHT as u32 + row * goals.len().max(1) as u32 + 32
}

/// The lines a label takes wrapped at [`LABEL_WIDTH`], estimated from 13 px text: a
/// full-width character about 13 px, any other about 7.5 px, and 15% lost at the
/// ends of lines (English breaks between words).
fn wrapped_lines(label: &str) -> u32 {
    let width: f64 = label
        .chars()
        .map(|c| if (c as u32) >= 0x2E80 { 13.0 } else { 7.5 })
        .sum();
    (width * 1.15 / f64::from(LABEL_WIDTH)).ceil().max(1.0) as u32
}

/// A goal on the axis: its id and name ("1-1 安定した雇用の創出").
fn axis_label(g: &GroupCounts, lang: Lang) -> String {
    format!("{} {}", g.key, lang.pick(&g.label_ja, &g.label_en))
}

/// The bar chart's ECharts option.
pub fn chart(goals: &[GroupCounts], lang: Lang) -> Chart {
    // Goals by id and name ("1-1 安定した雇用の創出"): a code alone says nothing to a reader.
    let categories: Vec<String> = goals.iter().map(|g| axis_label(g, lang)).collect();
    let mut chart = super::horizontal_bar_frame(categories, 16, LEGEND_HEIGHT);
    for status in OfficialStatus::ALL {
        let data: Vec<charming::datatype::CompositeValue> = goals
            .iter()
            .map(|g| match g.counts.get(status) {
                0 => "-".into(),
                n => (n as i64).into(),
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(messages::status_short(lang, status))
                .stack("status")
                .bar_width("60%")
                .item_style(ItemStyle::new().color(status_color(status)))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter("{c}")
                        .color("#111111")
                        .font_size(13)
                        .font_weight("bold")
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        );
    }
    chart
}

/// Per-goal delay figures, for the summary sentence.
pub fn delays(goals: &[GroupCounts], lang: Lang) -> Vec<GoalDelays> {
    goals
        .iter()
        .map(|g| GoalDelays {
            id: g.key.clone(),
            name: lang.pick(&g.label_ja, &g.label_en).to_string(),
            delayed_covid: g.counts.get(OfficialStatus::DelayedCovid),
            delayed: g.counts.get(OfficialStatus::Delayed),
        })
        .collect()
}

/// The one-sentence summary shown above the chart (and as its aria text).
pub fn summary(goals: &[GroupCounts], lang: Lang) -> String {
    messages::by_goal_summary(lang, &delays(goals, lang))
}

/// Chart option plus description, ready for [`crate::components::chart_panel`].
pub fn spec(goals: &[GroupCounts], lang: Lang) -> ChartSpec {
    let mut spec = ChartSpec::new(&chart(goals, lang), summary(goals, lang));
    super::delay_groups::wrap_axis_labels(&mut spec.option, "yAxis", LABEL_WIDTH);
    // Rows are as tall as the longest name: the bars keep a bar's thickness.
    if let Some(series) = spec.option["series"].as_array_mut() {
        for s in series {
            s["barMaxWidth"] = 32.into();
        }
    }
    spec.option["legend"]["orient"] = "vertical".into();
    spec.option["legend"]["itemGap"] = 8.into();
    super::count_tooltip(&mut spec.option, t(lang, Key::TooltipCountIndicators));
    spec
}

/// The same figures as a table: one row per goal, one column per status,
/// with row and column totals.
pub fn table(goals: &[GroupCounts], lang: Lang) -> TableData {
    let mut columns = vec![t(lang, Key::ColGoal).to_owned()];
    columns.extend(
        OfficialStatus::ALL
            .iter()
            .map(|&s| messages::status_name(lang, s).to_owned()),
    );
    columns.push(t(lang, Key::TotalLabel).to_owned());
    let rows = goals
        .iter()
        .map(|g| {
            let mut cells: Vec<String> = OfficialStatus::ALL
                .iter()
                .map(|&s| g.counts.get(s).to_string())
                .collect();
            cells.push(g.counts.total().to_string());
            TableRow {
                header: format!(
                    "{} {}",
                    messages::goal_label(lang, &g.key),
                    lang.pick(&g.label_ja, &g.label_en)
                ),
                cells,
                names: Some(RowNames {
                    prefix: "goal_name",
                    ja: format!("{} {}", messages::goal_label(Lang::Ja, &g.key), g.label_ja),
                    en: format!("{} {}", messages::goal_label(Lang::En, &g.key), g.label_en),
                }),
            }
        })
        .collect();
    let mut totals: Vec<String> = OfficialStatus::ALL
        .iter()
        .map(|&s| {
            goals
                .iter()
                .map(|g| g.counts.get(s))
                .sum::<usize>()
                .to_string()
        })
        .collect();
    totals.push(
        goals
            .iter()
            .map(|g| g.counts.total())
            .sum::<usize>()
            .to_string(),
    );
    TableData {
        caption: messages::by_goal_table_caption(lang),
        columns,
        rows,
        footer: Some(TableRow {
            header: t(lang, Key::TotalLabel).to_owned(),
            cells: totals,
            ..Default::default()
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_chart_is_tall_enough_for_its_longest_wrapped_goal_name() {
        let ds = machi_kpi_core::Dataset::embedded().unwrap();
        let goals = machi_kpi_core::analysis::analyze(&ds)
            .summary
            .breakdown
            .by_goal;
        let (ja, en) = (height_for(&goals, Lang::Ja), height_for(&goals, Lang::En));
        // "2-1 Fulfilling hopes for marriage, childbirth and child-rearing" wraps to
        // five lines at 120 px; "2-1 結婚・出産・子育ての希望の実現" to three.
        assert_eq!(
            wrapped_lines("2-1 Fulfilling hopes for marriage, childbirth and child-rearing"),
            5
        );
        assert_eq!(wrapped_lines("2-1 結婚・出産・子育ての希望の実現"), 3);
        assert!(en > ja, "{en} > {ja}");
        assert!(
            en >= LEGEND_HEIGHT as u32 + goals.len() as u32 * 5 * LINE_HEIGHT,
            "{en}"
        );
    }
}
