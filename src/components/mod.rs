//! Reusable components: the chart ([`chart::EChart`]) and its panel with the
//! chart ⇄ table switch, the accessible data table, links that keep the
//! language, and the page chrome (header, footer); the open-data portal kit:
//! page tools with embed and downloads, chart image downloads, import panel
//! and data banner.

pub mod chart;
pub mod chart_export;
pub mod chart_panel;
pub mod chart_share;
pub mod data_table;
pub mod download;
pub mod embed;
pub mod footer;
pub mod header;
pub mod import;
pub mod kpi_widgets;
pub mod link;
pub mod page_tools;
pub mod table_region;
