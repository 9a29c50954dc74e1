//! Reusable components: the chart ([`chart::EChart`]) and its panel with the
//! chart ⇄ table switch, the accessible data table, links that keep the
//! language, and the page chrome (header, footer).

pub mod chart;
pub mod chart_panel;
pub mod data_table;
pub mod footer;
pub mod header;
pub mod kpi_widgets;
pub mod link;
