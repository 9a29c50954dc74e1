//! The four table-centred pages — Delays (`#/delays`), Projections
//! (`#/projections`), Revisions (`#/revisions`) and Data (`#/data`) — and
//! what they share.
//!
//! Each page is split in two: a pure `*_model` module (rows, counts,
//! filtering, sorting, URL state; unit-tested natively against the embedded
//! dataset) and a component module that renders it. Shared pieces:
//! [`url_state`] (query pairs, only non-default values written, `era`),
//! [`filter`] (goal / status / department / free text), [`sort`] (column
//! and direction, missing values last), [`ui`] (filter bar, sortable headers,
//! the `aria-live` count, badges, switches, the `<select>` that follows the
//! URL). Page text is in [`crate::i18n::pages_tables`].

pub mod data;
pub mod data_model;
pub mod delays;
pub mod delays_model;
pub mod filter;
pub mod projections;
pub mod projections_model;
pub mod revisions;
pub mod revisions_model;
pub mod sort;
pub mod ui;
pub mod url_state;
