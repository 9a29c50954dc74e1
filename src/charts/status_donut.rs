//! The official status donut: how many of all indicators are in each of the
//! four official statuses, with counts and shares.
//!
//! Input is the core's [`StatusCounts`] for the whole strategy; the slice and
//! legend names carry the count and share (`順調に進捗 11（23.4%）`) so the
//! figures are readable without hovering, and the total sits in the hole.

use charming::{
    component::{Aria, Decal, Legend, Title},
    datatype::DataPointItem,
    element::{ItemStyle, Label, LabelPosition, TextStyle, Tooltip, Trigger},
    series::Pie,
    Chart,
};
use machi_kpi_core::{analysis::StatusCounts, OfficialStatus};

use super::{status_color, ChartSpec, TableData, TableRow, FONT_FAMILY, INK};
use crate::i18n::messages::{self, StatusFigure};
use crate::i18n::{t, Key, Lang};

/// Count and share of every status, in the official order.
pub fn figures(counts: &StatusCounts) -> Vec<StatusFigure> {
    OfficialStatus::ALL
        .iter()
        .map(|&status| StatusFigure {
            status,
            count: counts.get(status),
            share: counts.share(status),
        })
        .collect()
}

/// The legend and slice name: status name, count and share.
fn slice_name(lang: Lang, f: &StatusFigure) -> String {
    let share = f.share.map(messages::percent).unwrap_or_else(|| "—".into());
    match lang {
        Lang::En => format!(
            "{} {} ({share})",
            messages::status_short(lang, f.status),
            f.count
        ),
        Lang::Ja | Lang::JaEasy => {
            format!(
                "{} {}（{share}）",
                messages::status_short(lang, f.status),
                f.count
            )
        }
    }
}

/// The donut's ECharts option.
pub fn chart(counts: &StatusCounts, lang: Lang) -> Chart {
    let total = counts.total();
    let data: Vec<DataPointItem> = figures(counts)
        .iter()
        .map(|f| {
            DataPointItem::new(f.count as i64)
                .name(slice_name(lang, f))
                .item_style(ItemStyle::new().color(status_color(f.status)))
        })
        .collect();
    let unit = match lang {
        Lang::En => "indicators",
        Lang::Ja => "指標",
        Lang::JaEasy => "ぜんぶ",
    };
    Chart::new()
        .title(
            Title::new()
                .text(total.to_string())
                .subtext(unit)
                .left("center")
                .top("29%")
                .item_gap(2.0)
                .text_style(
                    TextStyle::new()
                        .font_size(30)
                        .font_weight("bold")
                        .color(INK)
                        .font_family(FONT_FAMILY),
                )
                .subtext_style(
                    TextStyle::new()
                        .font_size(13)
                        .color(INK)
                        .font_family(FONT_FAMILY),
                ),
        )
        .tooltip(Tooltip::new().trigger(Trigger::Item).formatter("{b}"))
        .legend(
            Legend::new()
                .bottom(0)
                .left("center")
                .item_gap(12.0)
                .text_style(
                    TextStyle::new()
                        .font_size(13)
                        .color(INK)
                        .font_family(FONT_FAMILY),
                ),
        )
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
        .series(
            Pie::new()
                .name(t(lang, Key::DonutTitle))
                .radius(vec!["44%", "70%"])
                .center(vec!["50%", "38%"])
                .start_angle(90.0)
                .avoid_label_overlap(true)
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter("{c}")
                        .font_size(15)
                        .font_weight("bold")
                        .color("#111111")
                        .background_color("rgba(255,255,255,0.85)")
                        .border_width(0.0)
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        )
}

/// The one-sentence summary shown above the chart (and as its aria text).
pub fn summary(counts: &StatusCounts, lang: Lang) -> String {
    messages::status_summary(lang, counts.total(), &figures(counts))
}

/// Chart option plus description, ready for [`crate::components::chart_panel`].
pub fn spec(counts: &StatusCounts, lang: Lang) -> ChartSpec {
    ChartSpec::new(&chart(counts, lang), summary(counts, lang))
}

/// The same figures as a table: status, count, share, and a total row.
pub fn table(counts: &StatusCounts, lang: Lang) -> TableData {
    let total = counts.total();
    TableData {
        caption: messages::status_table_caption(lang, total),
        columns: vec![
            t(lang, Key::ColStatus).to_owned(),
            t(lang, Key::ColCount).to_owned(),
            t(lang, Key::ColShare).to_owned(),
        ],
        rows: figures(counts)
            .iter()
            .map(|f| TableRow {
                header: messages::status_name(lang, f.status).to_owned(),
                cells: vec![
                    f.count.to_string(),
                    f.share.map(messages::percent).unwrap_or_else(|| "—".into()),
                ],
                ..Default::default()
            })
            .collect(),
        footer: Some(TableRow {
            header: t(lang, Key::TotalLabel).to_owned(),
            cells: vec![
                total.to_string(),
                if total > 0 {
                    messages::percent(1.0)
                } else {
                    "—".into()
                },
            ],
            ..Default::default()
        }),
    }
}
