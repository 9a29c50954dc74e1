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

/// The bar chart's ECharts option.
pub fn chart(goals: &[GroupCounts], lang: Lang) -> Chart {
    // Goals by id and name ("1-1 安定した雇用の創出"): a code alone says nothing to a reader.
    let categories: Vec<String> = goals
        .iter()
        .map(|g| format!("{} {}", g.key, lang.pick(&g.label_ja, &g.label_en)))
        .collect();
    let mut chart = super::horizontal_bar_frame(categories, 16, 64);
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
                .name(messages::status_name(lang, status))
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
pub fn delays(goals: &[GroupCounts]) -> Vec<GoalDelays> {
    goals
        .iter()
        .map(|g| GoalDelays {
            id: g.key.clone(),
            delayed_covid: g.counts.get(OfficialStatus::DelayedCovid),
            delayed: g.counts.get(OfficialStatus::Delayed),
        })
        .collect()
}

/// The one-sentence summary shown above the chart (and as its aria text).
pub fn summary(goals: &[GroupCounts], lang: Lang) -> String {
    messages::by_goal_summary(lang, &delays(goals))
}

/// Chart option plus description, ready for [`crate::components::chart_panel`].
pub fn spec(goals: &[GroupCounts], lang: Lang) -> ChartSpec {
    let mut spec = ChartSpec::new(&chart(goals, lang), summary(goals, lang));
    super::delay_groups::wrap_axis_labels(&mut spec.option, "yAxis", 120);
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
