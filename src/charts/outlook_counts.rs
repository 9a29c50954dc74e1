//! Indicators per outlook class, for the Projections page: one horizontal bar
//! per class and target year (FY2024 and FY2027 side by side), with a count
//! label. The two target years have distinct colours and decal patterns; the
//! class is the axis label, so nothing depends on colour.

use charming::{
    element::{ItemStyle, Label, LabelPosition},
    series::Bar,
    Chart,
};

use super::delay_groups::wrap_axis_labels;
use super::{ChartSpec, TableData, TableRow, FONT_FAMILY, INK};
use crate::i18n::era::Era;
use crate::i18n::pages_tables::{
    outlook_name, outlook_summary, target_label, tt, OutlookShare, TKey,
};
use crate::i18n::{t, Key, Lang};
use crate::pages::tables::projections_model::OutlookClass;

/// Okabe–Ito blue for the FY2024 targets, reddish purple for FY2027.
pub const TARGET_COLORS: [&str; 2] = ["#0072B2", "#CC79A7"];

/// Counts per class (in [`OutlookClass::ALL`] order) for each target year.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Counts {
    pub fy2024: [usize; 5],
    pub fy2027: [usize; 5],
}

/// The bar chart.
pub fn chart(counts: &Counts, lang: Lang, era: Era) -> Chart {
    let categories: Vec<String> = OutlookClass::ALL
        .iter()
        .map(|c| outlook_name(lang, c.outlook()).to_owned())
        .collect();
    let mut chart = super::horizontal_bar_frame(categories, 32, 48);
    for (i, (fy, values)) in [(2024, counts.fy2024), (2027, counts.fy2027)]
        .into_iter()
        .enumerate()
    {
        let data: Vec<i64> = values.iter().map(|&n| n as i64).collect();
        chart = chart.series(
            Bar::new()
                .name(target_label(lang, era, fy))
                .bar_gap("10%")
                .item_style(ItemStyle::new().color(TARGET_COLORS[i]))
                .label(
                    Label::new()
                        .show(true)
                        .position(LabelPosition::Right)
                        .formatter("{c}")
                        .color(INK)
                        .font_size(13)
                        .font_weight("bold")
                        .font_family(FONT_FAMILY),
                )
                .data(data),
        );
    }
    chart
}

/// For one target year: achieved or on course, of how many with a projection, and how
/// many without one (the last class) — the Overview's headline counts the same way.
fn good_of(c: &[usize; 5]) -> OutlookShare {
    OutlookShare {
        good: c[0] + c[1],
        computable: c[..4].iter().sum(),
        not_computable: c[4],
    }
}

/// Chart option plus its one-sentence description.
pub fn spec(counts: &Counts, lang: Lang, era: Era) -> ChartSpec {
    let description = outlook_summary(lang, era, good_of(&counts.fy2024), good_of(&counts.fy2027));
    let mut spec = ChartSpec::new(&chart(counts, lang, era), description);
    // Wrapped, not cut: "Stagnation or regression" is the answer, not "Stagnation or regr…".
    wrap_axis_labels(&mut spec.option, "yAxis", 150);
    super::count_tooltip(&mut spec.option, t(lang, Key::TooltipCountIndicators));
    spec
}

/// The same figures as a table: one row per class, one column per target.
pub fn table(counts: &Counts, lang: Lang, era: Era) -> TableData {
    let rows = OutlookClass::ALL
        .iter()
        .enumerate()
        .map(|(i, c)| TableRow {
            header: outlook_name(lang, c.outlook()).to_owned(),
            cells: vec![counts.fy2024[i].to_string(), counts.fy2027[i].to_string()],
            ..Default::default()
        })
        .collect();
    TableData {
        caption: tt(lang, TKey::ChartOutlook).to_owned(),
        columns: vec![
            tt(lang, TKey::ColOutlookClass).to_owned(),
            target_label(lang, era, 2024),
            target_label(lang, era, 2027),
        ],
        rows,
        footer: Some(TableRow {
            header: t(lang, Key::TotalLabel).to_owned(),
            cells: vec![
                counts.fy2024.iter().sum::<usize>().to_string(),
                counts.fy2027.iter().sum::<usize>().to_string(),
            ],
            ..Default::default()
        }),
    }
}
