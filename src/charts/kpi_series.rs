//! The Indicator page's time-series chart: actual values (baselines
//! included), the base of each target, the FY2024 and FY2027 targets, and
//! the projection to each target under the chosen method and scenario.
//!
//! The x axis is one category per year from the first value to the last
//! target, labelled in the chosen era ([`crate::i18n::era::short_label`]).
//! Projections are drawn from the core's [`Projection`] alone: a CAGR path
//! `v̂(t) = v̂_T · (1 + g)^(t − t_T)` or a straight line
//! `v̂(t) = v̂_T − m · (t_T − t)`, from the last actual to the target year, so
//! the end of every dashed line is exactly the figure the page prints.
//!
//! Roles are told apart by symbol and line style as well as colour (circle =
//! actual, hollow circle = base, triangle = FY2024 target, diamond = FY2027
//! target, dashed / dotted = projections), and every figure is also in the
//! [`table`].

use charming::{
    component::{Aria, Axis, Decal, Grid, Legend, LegendType},
    datatype::{CompositeValue, DataPointItem},
    element::{
        AxisLabel, AxisType, ItemStyle, Label, LabelPosition, LineStyle, LineStyleType,
        NameLocation, Orient, SplitLine, Symbol, TextStyle, Tooltip, Trigger,
    },
    series::{Line, Scatter},
    Chart,
};
use machi_kpi_core::analysis::indicator::actual_points;
use machi_kpi_core::analysis::readable::PossibleRange;
use machi_kpi_core::analysis::{
    IndicatorAnalysis, Method, Metric, Projection, Scenario, Scope, TargetAnalysis,
};
use machi_kpi_core::{EditionId, Indicator, Period, PeriodKind, Role};

use super::{ChartSpec, TableData, TableRow, FONT_FAMILY, INK};
use crate::i18n::era::{period_label, short_label, Era};
use crate::i18n::kpi_format::{self as fmt, ColumnUnit};
use crate::i18n::pages_goal_kpi::{self as text, pt, PKey};
use crate::i18n::Lang;

/// Colour of each data series' actual values and projections (Okabe–Ito
/// blue and a darkened bluish green: both ≥ 4.5:1 on white).
const SERIES_COLORS: [&str; 2] = ["#0072B2", "#00795A"];
/// Colour of the FY2024 and FY2027 target markers (vermilion, reddish purple).
const TARGET_COLORS: [&str; 2] = ["#C24E00", "#9B3D7E"];

/// What the chart shows besides the data: method, scenario and era.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ChartView {
    /// The chosen method; `None` = each target's default.
    pub method: Option<Method>,
    pub scenario: Scenario,
    pub era: Era,
}

/// One drawn series, kept as numbers by year so the chart and the table are
/// built from the same figures.
struct Drawn {
    name: String,
    kind: DrawnKind,
    color: &'static str,
    /// Value per category (year), `None` where the series has no point.
    values: Vec<Option<f64>>,
}

#[derive(Clone, Copy, PartialEq)]
enum DrawnKind {
    Actual,
    Base,
    Target(usize),
    Projection(usize),
}

/// The years on the axis and their labels.
struct YearAxis {
    first: i32,
    labels: Vec<String>,
    full_labels: Vec<String>,
}

impl YearAxis {
    fn index(&self, year: i32) -> Option<usize> {
        let i = year - self.first;
        (i >= 0 && (i as usize) < self.labels.len()).then_some(i as usize)
    }
}

/// The targets shown: one per edition the indicator appears in.
fn editions(a: &IndicatorAnalysis) -> Vec<(usize, EditionId, &[TargetAnalysis])> {
    [EditionId::Fy2021Report, EditionId::Revision2024]
        .into_iter()
        .enumerate()
        .map(|(i, e)| (i, e, a.for_edition(e)))
        .filter(|(_, _, t)| !t.is_empty())
        .collect()
}

/// The projection drawn for a target under the view.
fn chosen(ta: &TargetAnalysis, view: ChartView) -> &Metric<Projection> {
    ta.projection(view.method.unwrap_or(ta.default_method), view.scenario)
}

fn build_axis(ind: &Indicator, a: &IndicatorAnalysis, view: ChartView, lang: Lang) -> YearAxis {
    let mut years: Vec<i32> = ind
        .observations
        .iter()
        .filter(|o| o.value.number().is_some())
        .map(|o| o.period.year)
        .collect();
    for (_, _, tas) in editions(a) {
        for ta in tas {
            if let Metric::Value(t) = &ta.target {
                years.push(t.period.year);
            }
        }
    }
    let first = years.iter().copied().min().unwrap_or(2019);
    let last = years.iter().copied().max().unwrap_or(first);
    let main_kind = main_kind(ind);
    let period_at = |year: i32| {
        let kind = ind
            .observations
            .iter()
            .find(|o| o.period.year == year && o.value.number().is_some())
            .map(|o| o.period.kind)
            .unwrap_or(main_kind);
        Period { kind, year }
    };
    YearAxis {
        first,
        labels: (first..=last)
            .map(|y| short_label(lang, view.era, period_at(y)))
            .collect(),
        full_labels: (first..=last)
            .map(|y| period_label(lang, view.era, period_at(y)))
            .collect(),
    }
}

/// Whether most of an indicator's values are fiscal or calendar years.
pub fn main_kind(ind: &Indicator) -> PeriodKind {
    let fiscal = ind
        .observations
        .iter()
        .filter(|o| o.period.kind == PeriodKind::FiscalYear)
        .count();
    if fiscal * 2 >= ind.observations.len() {
        PeriodKind::FiscalYear
    } else {
        PeriodKind::CalendarYear
    }
}

fn series_suffix(lang: Lang, ind: &Indicator, series: Option<&str>) -> String {
    match fmt::series_label(lang, ind, series) {
        Some(s) if lang == Lang::En => format!(" ({s})"),
        Some(s) => format!("（{s}）"),
        None => String::new(),
    }
}

fn drawn_series(
    ind: &Indicator,
    a: &IndicatorAnalysis,
    view: ChartView,
    lang: Lang,
    axis: &YearAxis,
) -> Vec<Drawn> {
    let n = axis.labels.len();
    let mut out = Vec::new();
    for (k, series) in ind.series_ids().into_iter().enumerate() {
        let color = SERIES_COLORS[k % SERIES_COLORS.len()];
        let suffix = series_suffix(lang, ind, series);
        let mut values = vec![None; n];
        for p in actual_points(ind, series, Scope::AllEditions) {
            if let Some(i) = axis.index(p.period.year) {
                values[i] = Some(p.value);
            }
        }
        out.push(Drawn {
            name: format!("{}{suffix}", pt(lang, PKey::LegendActual)),
            kind: DrawnKind::Actual,
            color,
            values,
        });
    }
    // Bases of the targets (one marker per distinct point).
    let mut bases = vec![None; n];
    for (_, _, tas) in editions(a) {
        for ta in tas {
            if let Metric::Value(b) = &ta.base {
                if let Some(i) = axis.index(b.point.period.year) {
                    bases[i] = Some(b.point.value);
                }
            }
        }
    }
    if bases.iter().any(Option::is_some) && ind.series.is_empty() {
        out.push(Drawn {
            name: pt(lang, PKey::LegendBase).to_owned(),
            kind: DrawnKind::Base,
            color: INK,
            values: bases,
        });
    }
    for (e, edition, tas) in editions(a) {
        for ta in tas {
            let suffix = series_suffix(lang, ind, ta.series.as_deref());
            if let Metric::Value(t) = &ta.target {
                let mut values = vec![None; n];
                if let Some(i) = axis.index(t.period.year) {
                    values[i] = Some(t.value);
                }
                out.push(Drawn {
                    name: format!(
                        "{}{suffix}",
                        text::target_heading(lang, view.era, edition, t.period)
                    ),
                    kind: DrawnKind::Target(e),
                    color: TARGET_COLORS[e],
                    values,
                });
            }
            let (Metric::Value(p), Metric::Value(latest), Metric::Value(t)) =
                (chosen(ta, view), &ta.latest, &ta.target)
            else {
                continue;
            };
            let k = ind
                .series
                .iter()
                .position(|s| Some(s.id.as_str()) == ta.series.as_deref())
                .unwrap_or(0);
            let mut values = vec![None; n];
            let tt = t.period.year;
            // The path stops where it leaves the quantity's possible range (a negative
            // count, a share above 100%): those points are not meaningful at this pace.
            let range = PossibleRange::of(ind);
            for year in latest.period.year..=tt {
                if let Some(i) = axis.index(year) {
                    values[i] = Some(projected_at(p, tt, year)).filter(|v| range.contains(*v));
                }
            }
            out.push(Drawn {
                name: format!(
                    "{}{suffix}",
                    text::projection_legend(lang, view.era, edition, t.period)
                ),
                kind: DrawnKind::Projection(e),
                color: SERIES_COLORS[k % SERIES_COLORS.len()],
                values,
            });
        }
    }
    out
}

/// The projected value in `year` on the path that ends at v̂_T in `target_year`.
pub fn projected_at(p: &Projection, target_year: i32, year: i32) -> f64 {
    let dt = f64::from(year - target_year);
    match p.method {
        Method::Cagr => p.projected_value * (1.0 + p.pace).powf(dt),
        Method::Line => p.projected_value + p.pace * dt,
    }
}

/// A value at the precision the indicator's figures are printed with, so that a
/// tooltip shows `114.4`, not the projection's `114.3846`.
fn rounded_to(x: f64, decimals: usize) -> f64 {
    let scale = 10f64.powi(decimals.min(6) as i32);
    (x * scale).round() / scale
}

/// The height of the chart's legend list for `entries` entries, in CSS pixels.
pub fn legend_height(entries: usize) -> i32 {
    (entries as i32) * 20
}

/// The chart's height in CSS pixels: the plot, and the legend list above it.
pub fn height(spec: &ChartSpec) -> u32 {
    let entries = spec.option["series"].as_array().map_or(0, Vec::len);
    300 + legend_height(entries).max(0) as u32
}

/// The chart's ECharts option.
pub fn chart(ind: &Indicator, a: &IndicatorAnalysis, view: ChartView, lang: Lang) -> Chart {
    let axis = build_axis(ind, a, view, lang);
    let drawn = drawn_series(ind, a, view, lang, &axis);
    // One scale for the axis, the points and their labels (`million visits` in English).
    let unit = ColumnUnit::of(lang, ind);
    let text_style = || {
        TextStyle::new()
            .font_size(12)
            .color(INK)
            .font_family(FONT_FAMILY)
    };
    let mut chart = Chart::new()
        .tooltip(Tooltip::new().trigger(Trigger::Axis))
        .legend(
            // A list, one entry per line, at every width: a scrolling legend pages
            // "1/5" with arrows too small to tap, and a wrapping one runs into the
            // plot on a phone. The grid starts below it (`legend_height`).
            Legend::new()
                .type_(LegendType::Plain)
                .orient(Orient::Vertical)
                .top(0)
                .left(0)
                .item_gap(6.0)
                .text_style(text_style()),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(24)
                .top(legend_height(drawn.len()) + 28)
                .bottom(8)
                .contain_label(true),
        )
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
        .x_axis(
            Axis::new()
                .type_(AxisType::Category)
                .data(axis.labels.clone())
                .axis_label(AxisLabel::new().color(INK).font_family(FONT_FAMILY)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Value)
                .scale(true)
                .name(unit.label.clone())
                .name_location(NameLocation::End)
                .name_text_style(text_style())
                .axis_label(AxisLabel::new().color(INK).font_family(FONT_FAMILY))
                .split_line(SplitLine::new().show(true)),
        );
    for d in drawn {
        match d.kind {
            DrawnKind::Actual | DrawnKind::Projection(_) => {
                let data: Vec<CompositeValue> = d
                    .values
                    .iter()
                    .map(|v| v.map(|v| rounded_to(unit.scale(v), unit.decimals)).into())
                    .collect();
                let (style, symbol, width) = match d.kind {
                    DrawnKind::Actual => (LineStyleType::Solid, Symbol::Circle, 3.0),
                    DrawnKind::Projection(0) => (LineStyleType::Dashed, Symbol::None, 2.0),
                    _ => (LineStyleType::Dotted, Symbol::None, 2.5),
                };
                chart = chart.series(
                    Line::new()
                        .name(d.name)
                        .symbol(symbol)
                        .symbol_size(8)
                        .connect_nulls(true)
                        .item_style(ItemStyle::new().color(d.color))
                        .line_style(LineStyle::new().color(d.color).width(width).type_(style))
                        .data(data),
                );
            }
            DrawnKind::Base | DrawnKind::Target(_) => {
                let (symbol, size) = match d.kind {
                    DrawnKind::Base => (Symbol::Custom("emptyCircle".into()), 14),
                    DrawnKind::Target(0) => (Symbol::Triangle, 16),
                    _ => (Symbol::Diamond, 16),
                };
                let data: Vec<DataPointItem> = d
                    .values
                    .iter()
                    .enumerate()
                    .filter_map(|(i, v)| {
                        v.map(|v| {
                            DataPointItem::new(vec![
                                CompositeValue::from(i as i64),
                                CompositeValue::from(rounded_to(unit.scale(v), unit.decimals)),
                            ])
                            .name(unit.number(v))
                        })
                    })
                    .collect();
                let label = Label::new()
                    .show(!matches!(d.kind, DrawnKind::Base))
                    .position(LabelPosition::Top)
                    .formatter("{b}")
                    .color(INK)
                    .font_size(12)
                    .font_family(FONT_FAMILY);
                chart = chart.series(
                    Scatter::new()
                        .name(d.name)
                        .symbol(symbol)
                        .symbol_size(size)
                        .item_style(ItemStyle::new().color(d.color))
                        .label(label)
                        .data(data),
                );
            }
        }
    }
    chart
}

/// The same figures as the chart, one row per year.
pub fn table(ind: &Indicator, a: &IndicatorAnalysis, view: ChartView, lang: Lang) -> TableData {
    let axis = build_axis(ind, a, view, lang);
    let drawn = drawn_series(ind, a, view, lang, &axis);
    let unit = ColumnUnit::of(lang, ind);
    let mut columns = vec![pt(lang, PKey::ColPeriod).to_owned()];
    columns.extend(drawn.iter().map(|d| d.name.clone()));
    let rows = axis
        .full_labels
        .iter()
        .enumerate()
        .filter_map(|(i, label)| {
            let year = axis.first + i as i32;
            let cells: Vec<String> = drawn
                .iter()
                .map(|d| match (d.values[i], d.kind) {
                    (Some(v), _) => unit.number(v),
                    (None, DrawnKind::Actual) => {
                        non_numeric_actual(ind, lang, view.era, year).unwrap_or_default()
                    }
                    (None, _) => String::new(),
                })
                .collect();
            cells.iter().any(|c| !c.is_empty()).then(|| TableRow {
                header: label.clone(),
                cells: cells
                    .into_iter()
                    .map(|c| {
                        if c.is_empty() {
                            fmt::DASH.to_owned()
                        } else {
                            c
                        }
                    })
                    .collect(),
                ..Default::default()
            })
        })
        .collect();
    TableData {
        caption: text::chart_table_caption(
            lang,
            lang.pick(&ind.name_ja, &ind.name_en),
            &unit.label,
        ),
        columns,
        rows,
        footer: None,
    }
}

/// A pending or not-available actual in `year`, spelled out for the table.
fn non_numeric_actual(ind: &Indicator, lang: Lang, era: Era, year: i32) -> Option<String> {
    ind.observations
        .iter()
        .find(|o| o.role == Role::Actual && o.period.year == year && o.value.number().is_none())
        .map(|o| fmt::observation_text(lang, era, ind, &o.value))
}

/// The one-sentence summary above the chart (and its aria description).
pub fn summary(ind: &Indicator, a: &IndicatorAnalysis, view: ChartView, lang: Lang) -> String {
    text::kpi_chart_summary(lang, view.era, ind, a, |ta| {
        ta.outlook_for(view.method.unwrap_or(ta.default_method), view.scenario)
    })
}

/// Chart option plus description.
pub fn spec(ind: &Indicator, a: &IndicatorAnalysis, view: ChartView, lang: Lang) -> ChartSpec {
    let mut spec = ChartSpec::new(&chart(ind, a, view, lang), summary(ind, a, view, lang));
    // The unit above the y axis starts at the axis and runs right, so a long
    // one ("10,000 passengers") is not cut off at the left edge. charming's
    // TextStyle has no `align`.
    let set_align = |axis: &mut serde_json::Value| {
        axis["nameTextStyle"]["align"] = serde_json::Value::from("left");
    };
    match &mut spec.option["yAxis"] {
        serde_json::Value::Array(axes) => axes.iter_mut().for_each(set_align),
        axis @ serde_json::Value::Object(_) => set_align(axis),
        _ => {}
    }
    unit_tooltips(&mut spec.option, &fmt::ColumnUnit::of(lang, ind).label);
    spec
}

/// Tooltips that say the unit: one per point (`trigger: item`), from a string
/// template per series, since a JS formatter would need `unsafe-eval` under the
/// CSP. A line's point reads "series / period: value unit"; a base or target
/// point, whose name is its printed value, "series: value unit". The unit is data
/// text put into ECharts' HTML template, which ECharts does not escape: it is
/// escaped here, and isolated when it could reorder what follows it.
fn unit_tooltips(option: &mut serde_json::Value, unit: &str) {
    let mut unit = super::template_text(unit);
    if crate::i18n::can_reorder(&unit) {
        unit = crate::i18n::isolate(&unit);
    }
    option["tooltip"]["trigger"] = serde_json::Value::from("item");
    if let Some(series) = option["series"].as_array_mut() {
        for s in series {
            let template = if s["type"] == "scatter" {
                format!("{{a}}: {{b}} {unit}")
            } else {
                format!("{{a}}<br/>{{b}}: {{c}} {unit}")
            };
            s["tooltip"] = serde_json::json!({ "formatter": template });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::unit_tooltips;

    #[test]
    fn tooltips_name_the_unit_and_a_unit_cannot_inject_markup() {
        let mut option = serde_json::json!({
            "tooltip": {"trigger": "axis"},
            "series": [{"type": "line"}, {"type": "scatter"}]
        });
        unit_tooltips(&mut option, "<i onmouseover=\"x\">{a}</i>\u{202e}人");
        assert_eq!(option["tooltip"]["trigger"], "item");
        let line = option["series"][0]["tooltip"]["formatter"]
            .as_str()
            .unwrap();
        assert_eq!(
            line,
            "{a}<br/>{b}: {c} \u{2068}&lt;i onmouseover=&quot;x&quot;&gt;&#123;a&#125;&lt;/i&gt;\u{202e}人\u{2069}"
        );
        let point = option["series"][1]["tooltip"]["formatter"]
            .as_str()
            .unwrap();
        assert!(point.starts_with("{a}: {b} "), "{point}");
        unit_tooltips(&mut option, "万人");
        assert_eq!(
            option["series"][0]["tooltip"]["formatter"],
            "{a}<br/>{b}: {c} 万人"
        );
    }
}
