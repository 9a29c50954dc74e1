//! The 2020 fall per series, for the Delays page: one horizontal bar per
//! series that got worse in 2020, longest first, as the size of the fall in
//! percent. Falls of 10% or more (the computed "COVID-affected" threshold)
//! are one series, smaller falls another, each with its own colour, decal and
//! a `%` label, so the threshold reads without colour.

use charming::{
    component::{Aria, Axis, Decal, Grid, Legend},
    element::{
        AxisLabel, AxisPointer, AxisPointerType, AxisType, ItemStyle, Label, LabelPosition,
        SplitLine, TextStyle, Tooltip, Trigger,
    },
    series::Bar,
    Chart,
};

use super::delay_groups::truncate_axis_labels;
use super::{ChartSpec, RowNames, TableData, TableRow, FONT_FAMILY, INK};
use crate::i18n::pages_tables::{dip_summary, tt, TKey};
use crate::i18n::Lang;

/// One bar: the series' label and its dip δ (negative: a fall).
#[derive(Clone, Debug, PartialEq)]
pub struct Dip {
    pub label: String,
    /// The indicator's name in Japanese and English, for the table's CSV.
    pub names: (String, String),
    /// δ in 0..: −0.25 = 25% worse.
    pub dip: f64,
    pub affected: bool,
}

/// Orange for falls of 10% or more (the COVID colour), sky blue for smaller.
const AFFECTED: &str = "#E69F00";
const SMALL: &str = "#56B4E9";

/// Height in pixels that fits `n` bars.
pub fn height_for(n: usize) -> u32 {
    80 + 26 * n.max(1) as u32
}

/// `62.3`: the fall as a positive percentage with one decimal.
fn fall(d: &Dip) -> f64 {
    (-d.dip * 1000.0).round() / 10.0
}

/// The bar chart of `dips` (only falls; the caller sorts them).
pub fn chart(dips: &[Dip], lang: Lang) -> Chart {
    let text = || {
        TextStyle::new()
            .font_size(13)
            .color(INK)
            .font_family(FONT_FAMILY)
    };
    let mut chart = Chart::new()
        .tooltip(
            Tooltip::new()
                .trigger(Trigger::Axis)
                .axis_pointer(AxisPointer::new().type_(AxisPointerType::Shadow)),
        )
        .legend(
            Legend::new()
                .top(0)
                .left("center")
                .item_gap(12.0)
                .text_style(text()),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(56)
                .top(48)
                .bottom(8)
                .contain_label(true),
        )
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .axis_label(
                    AxisLabel::new()
                        .color(INK)
                        .font_family(FONT_FAMILY)
                        .formatter("{value}%"),
                )
                .split_line(SplitLine::new().show(true)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(dips.iter().map(|d| d.label.clone()).collect::<Vec<_>>())
                .axis_label(
                    AxisLabel::new()
                        .color(INK)
                        .font_size(12)
                        .font_family(FONT_FAMILY),
                ),
        );
    for (affected, color, key) in [
        (true, AFFECTED, TKey::SeriesDipAffected),
        (false, SMALL, TKey::SeriesDipSmall),
    ] {
        let data: Vec<charming::datatype::CompositeValue> = dips
            .iter()
            .map(|d| {
                if d.affected == affected {
                    fall(d).into()
                } else {
                    "-".into()
                }
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(tt(lang, key))
                .stack("dip")
                .bar_width("70%")
                .item_style(ItemStyle::new().color(color))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{c}%")
                        .color(INK)
                        .font_size(12)
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        );
    }
    chart
}

/// Chart option plus its one-sentence description.
pub fn spec(dips: &[Dip], lang: Lang) -> ChartSpec {
    let affected = dips.iter().filter(|d| d.affected).count();
    let worst = dips
        .iter()
        .min_by(|a, b| a.dip.total_cmp(&b.dip))
        .map(|d| (d.label.as_str(), format!("{:.1}%", fall(d))));
    let description = dip_summary(
        lang,
        dips.len(),
        affected,
        worst.as_ref().map(|(n, p)| (*n, p.as_str())),
    );
    let mut spec = ChartSpec::new(&chart(dips, lang), description);
    truncate_axis_labels(&mut spec.option, "yAxis", 140);
    spec
}

/// The same figures as a table.
pub fn table(dips: &[Dip], lang: Lang) -> TableData {
    TableData {
        caption: tt(lang, TKey::ChartDip).to_owned(),
        columns: vec![
            tt(lang, TKey::ColIndicator).to_owned(),
            tt(lang, TKey::ColDip).to_owned(),
            tt(lang, TKey::ColComputedFlag).to_owned(),
        ],
        rows: dips
            .iter()
            .map(|d| TableRow {
                header: d.label.clone(),
                cells: vec![
                    format!("−{:.1}%", fall(d)),
                    tt(
                        lang,
                        if d.affected {
                            TKey::FlagAffected
                        } else {
                            TKey::FlagNotAffected
                        },
                    )
                    .to_owned(),
                ],
                names: Some(RowNames {
                    prefix: "name",
                    ja: d.names.0.clone(),
                    en: d.names.1.clone(),
                }),
            })
            .collect(),
        footer: None,
    }
}
