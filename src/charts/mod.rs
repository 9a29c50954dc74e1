//! Chart option builders: pure functions from analysis results to
//! `charming::Chart`, plus the table and one-sentence summary that go with
//! each chart.
//!
//! Nothing here touches the DOM or ECharts, so every builder runs natively and
//! its output is snapshot-tested as JSON (`tests/chart_snapshots.rs`). The
//! shared conventions live in this module:
//! - a colour-blind-safe palette (Okabe–Ito) and ECharts decal patterns, so
//!   no status is told apart by colour alone;
//! - ECharts `aria` on, with our own one-sentence description ([`ChartSpec`]);
//! - no `JsFunction` formatters (they need `unsafe-eval` under a CSP): labels
//!   are string templates or text computed here.

pub mod covid_dip;
pub mod delay_groups;
pub mod kpi_series;
pub mod outlook_counts;
pub mod points;
pub mod status_by_goal;
pub mod status_donut;
pub mod target_changes;

use charming::component::{Aria, Axis, Decal, Grid, Legend};
use charming::element::{
    AxisLabel, AxisPointer, AxisPointerType, AxisType, SplitLine, TextStyle, Tooltip, Trigger,
};
use charming::Chart;
use machi_kpi_core::OfficialStatus;
use serde_json::Value;

/// Font stack shared by the page and the charts (Japanese fonts first).
pub const FONT_FAMILY: &str = "system-ui, -apple-system, \"Hiragino Sans\", \"Noto Sans JP\", \"Noto Sans CJK JP\", \"Yu Gothic UI\", Meiryo, sans-serif";

/// Text colour inside and around charts (matches `--ink` in `www/style.css`).
pub const INK: &str = "#1f2933";

/// Okabe–Ito colours for the four official statuses: bluish green, sky blue,
/// orange, vermilion. Distinct under the common colour-vision deficiencies,
/// and dark text on each of them has a contrast ratio of at least 5:1.
pub fn status_color(status: OfficialStatus) -> &'static str {
    match status {
        OfficialStatus::OnTrack => "#009E73",
        OfficialStatus::MostlyOnTrack => "#56B4E9",
        OfficialStatus::DelayedCovid => "#E69F00",
        OfficialStatus::Delayed => "#D55E00",
    }
}

/// A finished chart: the ECharts option as JSON, with `aria` enabled and the
/// reader-facing one-sentence description attached to it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec {
    /// The option as a JSON value (what the snapshot tests compare).
    pub option: Value,
    /// The one-sentence description (also ECharts' `aria.label.description`).
    pub description: String,
}

impl ChartSpec {
    /// Attaches `description` to `chart` as its ECharts aria description.
    pub fn new(chart: &Chart, description: impl Into<String>) -> ChartSpec {
        let description = description.into();
        // Serialising a charming `Chart` cannot fail (all map keys are strings);
        // an empty option would still draw nothing rather than panic.
        let mut option =
            serde_json::to_value(chart).unwrap_or_else(|_| Value::Object(Default::default()));
        // charming 0.6 serialises an unset `Decal::decals` as `[]`, and ECharts
        // then indexes an empty list ("Cannot set properties of undefined
        // (setting 'dirty')"). Without the key ECharts uses its default patterns.
        if let Some(decal) = option["aria"]["decal"].as_object_mut() {
            if decal
                .get("decals")
                .and_then(Value::as_array)
                .is_some_and(Vec::is_empty)
            {
                decal.remove("decals");
            }
        }
        isolate_labels(&mut option);
        confine_tooltips(&mut option);
        option["aria"]["enabled"] = Value::Bool(true);
        option["aria"]["label"]["enabled"] = Value::Bool(true);
        option["aria"]["label"]["description"] = Value::String(description.clone());
        ChartSpec {
            option,
            description,
        }
    }

    /// The option as compact JSON, as handed to `setOption`.
    pub fn json(&self) -> String {
        self.option.to_string()
    }
}

/// Puts every label ECharts draws from a string of the option (axis categories, series
/// and item names, legend entries) that could reorder its neighbours between U+2068 and
/// U+2069 ([`crate::i18n::isolate`]), so that a name holding a right-to-left override
/// cannot reverse the figure after it in a label, a tooltip or an SVG/PNG export. Labels
/// with neither right-to-left letters nor direction controls are left as they are: an
/// isolate around them changes nothing, and the snapshots stay readable.
fn isolate_labels(option: &mut Value) {
    fn fix(v: &mut Value) {
        match v {
            Value::String(s) if crate::i18n::can_reorder(s) => *s = crate::i18n::isolate(s),
            Value::Object(o) => {
                if let Some(name) = o.get_mut("name") {
                    fix(name);
                }
                if let Some(value) = o.get_mut("value").filter(|v| v.is_string()) {
                    fix(value);
                }
            }
            _ => {}
        }
    }
    fn each(v: Option<&mut Value>, mut f: impl FnMut(&mut Value)) {
        match v {
            Some(Value::Array(items)) => items.iter_mut().for_each(&mut f),
            Some(item @ Value::Object(_)) => f(item),
            _ => {}
        }
    }
    let Some(o) = option.as_object_mut() else {
        return;
    };
    for axis in ["xAxis", "yAxis"] {
        each(o.get_mut(axis), |a| each(a.get_mut("data"), fix));
    }
    each(o.get_mut("legend"), |l| each(l.get_mut("data"), fix));
    each(o.get_mut("series"), |s| {
        if let Some(name) = s.get_mut("name") {
            fix(name);
        }
        each(s.get_mut("data"), fix);
    });
}

/// A table that shows the same figures as a chart (the chart ⇄ table switch).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableData {
    /// The `<caption>`.
    pub caption: String,
    /// Column headers; the first one heads the row-header column.
    pub columns: Vec<String>,
    /// Body rows.
    pub rows: Vec<TableRow>,
    /// An optional totals row (`<tfoot>`).
    pub footer: Option<TableRow>,
}

/// One table row: a row header and its data cells.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct TableRow {
    /// The row header (`<th scope="row">`).
    pub header: String,
    /// The data cells, in column order.
    pub cells: Vec<String>,
    /// When the header is a name from the data (an indicator, a goal): that name in both
    /// languages, for the table's CSV (`{prefix}_ja`, `{prefix}_en` columns).
    pub names: Option<RowNames>,
}

/// A row header's name in Japanese and English, and the CSV columns' prefix (`name`,
/// `goal_name`).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowNames {
    pub prefix: &'static str,
    pub ja: String,
    pub en: String,
}

/// Keeps every tooltip inside its chart (`confine`): on a 360 px phone a tooltip
/// left to itself runs off the screen's edge.
fn confine_tooltips(option: &mut Value) {
    match option.get_mut("tooltip") {
        Some(Value::Object(t)) => {
            t.insert("confine".into(), Value::Bool(true));
        }
        Some(Value::Array(list)) => {
            for t in list.iter_mut().filter_map(Value::as_object_mut) {
                t.insert("confine".into(), Value::Bool(true));
            }
        }
        _ => {}
    }
}

/// Text put into an ECharts tooltip template as it is: ECharts does not escape a
/// template's own text, so markup is escaped, and braces too (`{a}` would be read as a
/// template variable).
pub(crate) fn template_text(text: &str) -> String {
    crate::i18n::html_escape(text)
        .replace('{', "&#123;")
        .replace('}', "&#125;")
}

/// Axis tooltips for a chart whose bars count things: the category, then what is
/// counted ("指標の数" / "Number of indicators"), then one line per series with its
/// count, so a tooltip never shows a bare number. A string template over the series
/// (`{a0}`, `{c0}`, …: a JS formatter would need `unsafe-eval` under the CSP); a
/// segment left out (`-`) reads "-". Call once every series is in the option.
pub(crate) fn count_tooltip(option: &mut Value, counted: &str) {
    let counted = template_text(counted);
    let n = option["series"].as_array().map_or(0, Vec::len);
    let mut template = format!("{{b0}}<br/>{counted}");
    for i in 0..n {
        template.push_str(&format!("<br/>{{a{i}}}: {{c{i}}}"));
    }
    option["tooltip"]["formatter"] = Value::from(template);
}

/// The frame the horizontal bar charts share: an axis tooltip with a shadow pointer, a
/// centred legend, ECharts aria with decal patterns, a count axis (whole numbers) and a
/// category axis read top to bottom. `grid_right` and `grid_top` leave room for value
/// labels and the legend; series are added by each chart.
pub(crate) fn horizontal_bar_frame(
    categories: Vec<String>,
    grid_right: i32,
    grid_top: i32,
) -> Chart {
    Chart::new()
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
                .text_style(
                    TextStyle::new()
                        .font_size(13)
                        .color(INK)
                        .font_family(FONT_FAMILY),
                ),
        )
        .grid(
            Grid::new()
                .left(8)
                .right(grid_right)
                .top(grid_top)
                .bottom(8)
                .contain_label(true),
        )
        .aria(Aria::new().enabled(true).decal(Decal::new().show(true)))
        .x_axis(
            Axis::new()
                .type_(AxisType::Value)
                .min_interval(1.0)
                .axis_label(AxisLabel::new().color(INK).font_family(FONT_FAMILY))
                .split_line(SplitLine::new().show(true)),
        )
        .y_axis(
            Axis::new()
                .type_(AxisType::Category)
                .inverse(true)
                .data(categories)
                .axis_label(
                    AxisLabel::new()
                        .color(INK)
                        .font_size(13)
                        .font_family(FONT_FAMILY),
                ),
        )
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn count_tooltips_name_what_is_counted_for_every_series() {
        let mut option = json!({
            "tooltip": {"trigger": "axis"},
            "series": [{"type": "bar"}, {"type": "bar"}, {"type": "bar"}]
        });
        count_tooltip(&mut option, "指標の数");
        assert_eq!(option["tooltip"]["trigger"], "axis");
        assert_eq!(
            option["tooltip"]["formatter"],
            "{b0}<br/>指標の数<br/>{a0}: {c0}<br/>{a1}: {c1}<br/>{a2}: {c2}"
        );
        count_tooltip(&mut option, "<b>{a0}</b>");
        assert!(option["tooltip"]["formatter"]
            .as_str()
            .unwrap()
            .starts_with("{b0}<br/>&lt;b&gt;&#123;a0&#125;&lt;/b&gt;<br/>{a0}"));
    }

    #[test]
    fn every_count_chart_says_what_it_counts_in_every_language() {
        use crate::i18n::{t, Key, Lang};
        let dataset = machi_kpi_core::Dataset::embedded().unwrap();
        let analysis = machi_kpi_core::analysis::analyze(&dataset);
        for lang in [Lang::Ja, Lang::En, Lang::JaEasy] {
            let spec = status_by_goal::spec(&analysis.summary.breakdown.by_goal, lang);
            let f = spec.option["tooltip"]["formatter"].as_str().unwrap();
            assert!(f.contains(t(lang, Key::TooltipCountIndicators)), "{f}");
            assert!(f.contains("{c3}"), "one line per status: {f}");
        }
    }

    #[test]
    fn labels_that_can_reorder_are_isolated_and_others_are_left_alone() {
        let rlo = "名前\u{202e}RTL";
        let iso = format!("\u{2068}{rlo}\u{2069}");
        let mut option = json!({
            "xAxis": {"type": "category", "data": [rlo, "基本目標1"]},
            "yAxis": [{"type": "value"}],
            "legend": {"data": [rlo]},
            "series": [
                {"type": "bar", "name": rlo, "data": [1, {"name": rlo, "value": 2}]},
                {"type": "pie", "name": "状況", "data": [{"name": "順調", "value": 3}]}
            ]
        });
        isolate_labels(&mut option);
        assert_eq!(option["xAxis"]["data"], json!([iso, "基本目標1"]));
        assert_eq!(option["legend"]["data"], json!([iso]));
        assert_eq!(option["series"][0]["name"], json!(iso));
        assert_eq!(
            option["series"][0]["data"],
            json!([1, {"name": iso, "value": 2}])
        );
        assert_eq!(option["series"][1]["name"], json!("状況"));
        assert_eq!(option["series"][1]["data"][0]["name"], json!("順調"));
    }
}
