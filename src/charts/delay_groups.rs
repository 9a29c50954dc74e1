//! Delays by group (basic goal, department or measure): one horizontal
//! stacked bar per group with two segments, delays attributed to COVID-19
//! (orange, the Overview's colour) and delays for other reasons (vermilion),
//! each with its decal pattern and a count label, so the split reads without
//! colour. Used by the Delays page; input is the core's [`GroupCounts`].

use charming::{
    element::{ItemStyle, Label, LabelPosition},
    series::Bar,
    Chart,
};
use machi_kpi_core::analysis::{GroupCounts, StatusCounts};
use machi_kpi_core::OfficialStatus;

use super::{status_color, ChartSpec, TableData, TableRow, FONT_FAMILY};
use crate::i18n::messages;
use crate::i18n::pages_tables::{breakdown_caption, delay_groups_summary, tt, GroupDelays, TKey};
use crate::i18n::{t, Key, Lang};

/// A group's label on the chart axis and in the table.
pub struct Labelled<'a> {
    pub group: &'a GroupCounts,
    /// Short label for the axis (`基本目標1-1`, a department name).
    pub axis: String,
    /// Full label for the table's row header.
    pub full: String,
}

/// The chart's series, in order: a click's series index says which delays it is.
pub const SERIES: [OfficialStatus; 2] = [OfficialStatus::DelayedCovid, OfficialStatus::Delayed];

/// Height in pixels that fits `n` bars and the legend.
pub fn height_for(n: usize) -> u32 {
    90 + 34 * n.max(1) as u32
}

/// The stacked bar chart.
pub fn chart(groups: &[Labelled<'_>], lang: Lang) -> Chart {
    let categories: Vec<String> = groups.iter().map(|g| g.axis.clone()).collect();
    let mut chart = super::horizontal_bar_frame(categories, 24, 48);
    for status in SERIES {
        let color = status_color(status);
        let data: Vec<charming::datatype::CompositeValue> = groups
            .iter()
            .map(|g| match g.group.counts.get(status) {
                0 => "-".into(),
                n => (n as i64).into(),
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(messages::status_short(lang, status))
                .stack("delays")
                .bar_width("60%")
                .item_style(ItemStyle::new().color(color))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter("{c}")
                        .color(label_color(color))
                        .font_size(13)
                        .font_weight("bold")
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        );
    }
    chart
}

/// The summary sentence. `overall` gives the totals: a department list
/// counts an indicator shared by two departments twice, the strategy does not.
pub fn summary(groups: &[Labelled<'_>], overall: &StatusCounts, lang: Lang) -> String {
    let g: Vec<GroupDelays> = groups
        .iter()
        .map(|l| GroupDelays {
            // The full label: a goal by its code and name ("基本目標3-1 時代にあった
            // 地域づくり"), since a code alone says nothing to a reader.
            label: l.full.clone(),
            covid: l.group.counts.delayed_covid,
            other: l.group.counts.delayed,
        })
        .collect();
    delay_groups_summary(lang, &g, overall.delayed_covid, overall.delayed)
}

/// Chart option plus description. Long axis labels are cut with "…" (the
/// table has them in full), which charming cannot express, so the option is
/// patched as JSON.
pub fn spec(groups: &[Labelled<'_>], overall: &StatusCounts, lang: Lang) -> ChartSpec {
    let mut spec = ChartSpec::new(&chart(groups, lang), summary(groups, overall, lang));
    truncate_axis_labels(&mut spec.option, "yAxis", 150);
    super::count_tooltip(&mut spec.option, t(lang, Key::TooltipCountIndicators));
    spec
}

/// The same figures as a table, with the group's total number of indicators.
/// The totals row is `overall` (each indicator once).
pub fn table(
    groups: &[Labelled<'_>],
    overall: &StatusCounts,
    lang: Lang,
    dimension: &str,
) -> TableData {
    let columns = vec![
        dimension.to_owned(),
        tt(lang, TKey::ColCovid).to_owned(),
        tt(lang, TKey::ColOther).to_owned(),
        tt(lang, TKey::ColDelayedTotal).to_owned(),
        tt(lang, TKey::ColAllIndicators).to_owned(),
    ];
    let row = |header: String, c: &StatusCounts| TableRow {
        header,
        cells: vec![
            c.delayed_covid.to_string(),
            c.delayed.to_string(),
            c.delayed_total().to_string(),
            c.total().to_string(),
        ],
        ..Default::default()
    };
    TableData {
        caption: breakdown_caption(lang, dimension),
        columns,
        rows: groups
            .iter()
            .map(|g| row(g.full.clone(), &g.group.counts))
            .collect(),
        footer: Some(row(t(lang, Key::TotalLabel).to_owned(), overall)),
    }
}

/// Cuts the category axis's labels at `width` pixels with "…"
/// (`axisLabel.width` and `overflow: "truncate"`) and lets ECharts drop
/// value-axis labels that would overlap on a narrow screen
/// (`axisLabel.hideOverlap`); charming 0.6 can set neither. `axis` is the
/// category axis, `"xAxis"` or `"yAxis"`.
pub fn truncate_axis_labels(option: &mut serde_json::Value, axis: &str, width: u32) {
    patch_axis_label(option, axis, |label| {
        label.insert("width".into(), width.into());
        label.insert("overflow".into(), "truncate".into());
    });
    let value_axis = if axis == "yAxis" { "xAxis" } else { "yAxis" };
    patch_axis_label(option, value_axis, |label| {
        label.insert("hideOverlap".into(), true.into());
    });
}

/// Wraps the category axis's labels at `width` pixels onto further lines
/// (`overflow: "break"`) instead of cutting them, for labels a reader needs
/// whole, such as goal names. Otherwise as [`truncate_axis_labels`].
pub fn wrap_axis_labels(option: &mut serde_json::Value, axis: &str, width: u32) {
    truncate_axis_labels(option, axis, width);
    patch_axis_label(option, axis, |label| {
        label.insert("overflow".into(), "break".into());
        label.insert("lineHeight".into(), 16.into());
    });
}

/// Applies `patch` to an axis's `axisLabel` (charming writes a single axis
/// as an object or a list).
fn patch_axis_label(
    option: &mut serde_json::Value,
    axis: &str,
    patch: impl Fn(&mut serde_json::Map<String, serde_json::Value>),
) {
    match &mut option[axis] {
        serde_json::Value::Array(axes) => {
            for a in axes {
                if let Some(label) = a["axisLabel"].as_object_mut() {
                    patch(label);
                }
            }
        }
        a @ serde_json::Value::Object(_) => {
            if let Some(label) = a["axisLabel"].as_object_mut() {
                patch(label);
            }
        }
        _ => {}
    }
}

/// The label colour that reads on a bar of `fill`: white on vermilion
/// (#D55E00, 4.9:1), near-black on the lighter Okabe–Ito colours (≥ 5.5:1).
pub fn label_color(fill: &str) -> &'static str {
    if fill.eq_ignore_ascii_case("#D55E00") {
        "#FFFFFF"
    } else {
        "#111111"
    }
}
