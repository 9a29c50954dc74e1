//! How the March 2024 revision changed the targets, for the Revisions page:
//! one horizontal bar per kind of change (raised, lowered, unchanged, not
//! comparable), split into more ambitious, less ambitious, and neither (for
//! unchanged and not comparable). Colours, decals and labels tell the parts
//! apart.

use charming::{
    element::{ItemStyle, Label, LabelPosition},
    series::Bar,
    Chart,
};
use machi_kpi_core::analysis::TargetChange;

use super::{ChartSpec, TableData, TableRow, FONT_FAMILY};
use crate::i18n::pages_tables::{changes_summary, tt, TKey};
use crate::i18n::{t, Key, Lang};
use crate::pages::tables::revisions_model::{ChangeCounts, CHANGES};

/// The name of a kind of change.
pub fn change_name(lang: Lang, c: TargetChange) -> &'static str {
    tt(
        lang,
        match c {
            TargetChange::Raised => TKey::ChangeRaised,
            TargetChange::Lowered => TKey::ChangeLowered,
            TargetChange::Unchanged => TKey::ChangeUnchanged,
            TargetChange::NotComparable => TKey::ChangeNotComparable,
        },
    )
}

/// The three parts of a bar: (more ambitious, less ambitious, neither).
fn parts(c: &ChangeCounts, change: TargetChange) -> [usize; 3] {
    match change {
        TargetChange::Raised => [c.raised_more, c.raised_less, 0],
        TargetChange::Lowered => [c.lowered_more, c.lowered_less, 0],
        TargetChange::Unchanged => [0, 0, c.unchanged],
        TargetChange::NotComparable => [0, 0, c.not_comparable],
    }
}

/// Bluish green, vermilion and grey (dark labels on all three are ≥ 4.5:1).
const COLORS: [&str; 3] = ["#009E73", "#D55E00", "#B0B0B0"];
const PARTS: [TKey; 3] = [
    TKey::MoreAmbitious,
    TKey::LessAmbitious,
    TKey::NeitherAmbitious,
];

/// The stacked bar chart.
pub fn chart(c: &ChangeCounts, lang: Lang) -> Chart {
    let mut chart = super::horizontal_bar_frame(
        CHANGES
            .iter()
            .map(|&x| change_name(lang, x).to_owned())
            .collect::<Vec<_>>(),
        24,
        56,
    );
    for (i, key) in PARTS.iter().enumerate() {
        let data: Vec<charming::datatype::CompositeValue> = CHANGES
            .iter()
            .map(|&x| match parts(c, x)[i] {
                0 => "-".into(),
                n => (n as i64).into(),
            })
            .collect();
        chart = chart.series(
            Bar::new()
                .name(tt(lang, *key))
                .stack("change")
                .bar_width("60%")
                .item_style(ItemStyle::new().color(COLORS[i]))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Inside)
                        .formatter("{c}")
                        .color(super::delay_groups::label_color(COLORS[i]))
                        .font_size(13)
                        .font_weight("bold")
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        );
    }
    chart
}

/// Chart option plus its one-sentence description.
pub fn spec(c: &ChangeCounts, lang: Lang) -> ChartSpec {
    let description = changes_summary(
        lang,
        c.total(),
        c.get(TargetChange::Raised),
        c.get(TargetChange::Lowered),
        c.get(TargetChange::Unchanged),
        c.more_ambitious(),
        c.less_ambitious(),
    );
    let mut spec = ChartSpec::new(&chart(c, lang), description);
    super::delay_groups::truncate_axis_labels(&mut spec.option, "yAxis", 150);
    super::count_tooltip(&mut spec.option, t(lang, Key::TooltipCountTargets));
    spec
}

/// The same figures as a table.
pub fn table(c: &ChangeCounts, lang: Lang) -> TableData {
    let mut columns = vec![tt(lang, TKey::ColChange).to_owned()];
    columns.extend(PARTS.iter().map(|k| tt(lang, *k).to_owned()));
    columns.push(t(lang, Key::TotalLabel).to_owned());
    let rows = CHANGES
        .iter()
        .map(|&x| {
            let p = parts(c, x);
            let mut cells: Vec<String> = p.iter().map(usize::to_string).collect();
            cells.push(c.get(x).to_string());
            TableRow {
                header: change_name(lang, x).to_owned(),
                cells,
                ..Default::default()
            }
        })
        .collect();
    TableData {
        caption: tt(lang, TKey::ChartChanges).to_owned(),
        columns,
        rows,
        footer: Some(TableRow {
            header: t(lang, Key::TotalLabel).to_owned(),
            cells: vec![
                c.more_ambitious().to_string(),
                c.less_ambitious().to_string(),
                (c.unchanged + c.not_comparable).to_string(),
                c.total().to_string(),
            ],
            ..Default::default()
        }),
    }
}
