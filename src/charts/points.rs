//! The data points of a chart option, in keyboard order, for stepping through
//! a chart with ←/→ ([`crate::components::chart`]).
//!
//! A pure function over the option JSON (what ECharts is given), so it runs
//! natively and is unit-tested. Points are flattened series by series, then
//! by data index; empty values (`null`, ECharts' `"-"`) are skipped but keep
//! their data index, which is what `showTip`/`highlight` need.
//!
//! - Category: the category axis' `data` (`xAxis` or `yAxis` of type
//!   `category`) at the point's data index, or at `value[0]` for `[x, y]`
//!   items; for pie, funnel and similar series the item's `name`.
//! - Value: a number, a `{value}` object, or the last number of a `[x, y]` pair.

use serde_json::Value;

/// One data point of a chart.
#[derive(Clone, Debug, PartialEq)]
pub struct ChartPoint {
    /// Index of the series in `option.series`.
    pub series_index: usize,
    /// Index of the item in the series' `data`.
    pub data_index: usize,
    /// The series' name (may be empty).
    pub series: String,
    /// The category or item name (may be empty).
    pub category: String,
    /// The value.
    pub value: f64,
}

impl ChartPoint {
    /// What a screen reader hears: `series, category: value`, leaving out
    /// empty parts.
    pub fn announcement(&self) -> String {
        let value = format_value(self.value);
        let label: Vec<&str> = [self.series.as_str(), self.category.as_str()]
            .into_iter()
            .filter(|s| !s.is_empty())
            .collect();
        if label.is_empty() {
            value
        } else {
            format!("{}: {value}", label.join(", "))
        }
    }
}

/// A value as text: whole numbers without decimals, others to at most two.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{v:.0}")
    } else {
        let s = format!("{v:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    }
}

/// The category axis' labels, if the option has one (`xAxis` first).
fn category_labels(option: &Value) -> Option<&Vec<Value>> {
    ["xAxis", "yAxis"].into_iter().find_map(|key| {
        let axis = option.get(key)?;
        let axis = axis.as_array().and_then(|a| a.first()).unwrap_or(axis);
        let is_category = match axis.get("type").and_then(Value::as_str) {
            Some(t) => t == "category",
            // ECharts' default x axis is a category axis.
            None => key == "xAxis",
        };
        if is_category {
            axis.get("data")?.as_array()
        } else {
            None
        }
    })
}

/// A category label: a string, a number, or `{value}`.
fn label_text(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        Value::Number(n) => n.to_string(),
        Value::Object(o) => o.get("value").map(label_text).unwrap_or_default(),
        _ => String::new(),
    }
}

/// Series types whose items carry their own names (no category axis).
fn named_items(series_type: &str) -> bool {
    matches!(
        series_type,
        "pie" | "funnel" | "gauge" | "sunburst" | "treemap"
    )
}

/// Every non-empty data point of `option`, series by series.
pub fn chart_points(option: &Value) -> Vec<ChartPoint> {
    let labels = category_labels(option);
    let Some(series) = option.get("series") else {
        return Vec::new();
    };
    // A single series may be given as an object.
    let series: Vec<&Value> = match series {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    let mut out = Vec::new();
    for (series_index, s) in series.into_iter().enumerate() {
        let series_name = s
            .get("name")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_owned();
        let named = named_items(s.get("type").and_then(Value::as_str).unwrap_or_default());
        let Some(data) = s.get("data").and_then(Value::as_array) else {
            continue;
        };
        for (data_index, item) in data.iter().enumerate() {
            let raw = match item {
                Value::Object(o) => o.get("value").unwrap_or(&Value::Null),
                other => other,
            };
            // `[x, y]`: the category index (or label) first, the value last.
            let (category_at, value) = match raw {
                Value::Array(pair) => (pair.first(), pair.last().and_then(Value::as_f64)),
                other => (None, other.as_f64()),
            };
            let Some(value) = value.filter(|v| v.is_finite()) else {
                continue;
            };
            let item_name = item
                .get("name")
                .and_then(Value::as_str)
                .unwrap_or_default()
                .to_owned();
            let category = if named {
                item_name
            } else {
                let from_axis = |i: usize| labels.and_then(|l| l.get(i)).map(label_text);
                match category_at {
                    Some(Value::Number(n)) if pair_len(raw) > 1 => n
                        .as_u64()
                        .and_then(|i| from_axis(usize::try_from(i).ok()?))
                        .unwrap_or_else(|| n.to_string()),
                    Some(Value::String(s)) if pair_len(raw) > 1 => s.clone(),
                    _ => from_axis(data_index).unwrap_or(item_name),
                }
            };
            out.push(ChartPoint {
                series_index,
                data_index,
                series: series_name.clone(),
                category,
                value,
            });
        }
    }
    out
}

fn pair_len(v: &Value) -> usize {
    v.as_array().map_or(0, Vec::len)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn summary(points: &[ChartPoint]) -> Vec<(usize, usize, String)> {
        points
            .iter()
            .map(|p| (p.series_index, p.data_index, p.announcement()))
            .collect()
    }

    #[test]
    fn bar_reads_categories_from_the_category_axis() {
        let option = json!({
            "xAxis": {"type": "category", "data": ["A", "B", "C"]},
            "yAxis": {"type": "value"},
            "series": [{"type": "bar", "name": "Count", "data": [3, {"value": 1.5}, 0]}]
        });
        assert_eq!(
            summary(&chart_points(&option)),
            [
                (0, 0, "Count, A: 3".to_owned()),
                (0, 1, "Count, B: 1.5".to_owned()),
                (0, 2, "Count, C: 0".to_owned()),
            ]
        );
    }

    #[test]
    fn stacked_horizontal_bar_goes_series_by_series_and_skips_empty_cells() {
        let option = json!({
            "xAxis": {"type": "value"},
            "yAxis": {"type": "category", "data": ["G1", "G2"], "inverse": true},
            "series": [
                {"type": "bar", "stack": "s", "name": "On track", "data": [3, "-"]},
                {"type": "bar", "stack": "s", "name": "Delayed", "data": [null, 2]}
            ]
        });
        assert_eq!(
            summary(&chart_points(&option)),
            [
                (0, 0, "On track, G1: 3".to_owned()),
                (1, 1, "Delayed, G2: 2".to_owned()),
            ]
        );
    }

    #[test]
    fn pie_uses_item_names() {
        let option = json!({
            "series": [{"type": "pie", "name": "Status", "data": [
                {"name": "On track", "value": 11},
                {"name": "Mostly", "value": 18}
            ]}]
        });
        assert_eq!(
            summary(&chart_points(&option)),
            [
                (0, 0, "Status, On track: 11".to_owned()),
                (0, 1, "Status, Mostly: 18".to_owned()),
            ]
        );
    }

    #[test]
    fn line_skips_nulls_and_reads_xy_pairs() {
        let option = json!({
            "xAxis": [{"type": "category", "data": ["FY2019", "FY2020", "FY2021"]}],
            "yAxis": [{"type": "value"}],
            "series": [
                {"type": "line", "name": "Actual", "data": [15665.0, null, 16880.1928]},
                {"type": "scatter", "name": "Target", "data": [{"name": "17,900", "value": [2, 17900.0]}]},
                {"type": "line", "name": "Empty"}
            ]
        });
        assert_eq!(
            summary(&chart_points(&option)),
            [
                (0, 0, "Actual, FY2019: 15665".to_owned()),
                (0, 2, "Actual, FY2021: 16880.19".to_owned()),
                (1, 0, "Target, FY2021: 17900".to_owned()),
            ]
        );
    }

    #[test]
    fn no_series_no_points() {
        assert!(chart_points(&json!({})).is_empty());
        assert_eq!(
            ChartPoint {
                series_index: 0,
                data_index: 0,
                series: String::new(),
                category: String::new(),
                value: -0.5
            }
            .announcement(),
            "-0.5"
        );
    }
}
