//! One module per page of DESIGN.md §2. Pages read the dataset and language
//! from context, ask the core for figures, and hand pure chart specs and
//! tables to components: [`overview`], [`goal`], [`kpi`], [`about`], and the
//! four table pages in [`tables`] (Delays, Projections, Revisions, Data).
//! [`placeholder::NotFound`] answers unknown addresses.

pub mod about;
pub mod formulas;
pub mod goal;
pub mod kpi;
pub mod overview;
pub mod placeholder;
pub mod tables;
pub mod view_state;
pub mod widgets;
