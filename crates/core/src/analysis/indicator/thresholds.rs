//! Every threshold of the methodology, named, with where it comes from (DESIGN.md §4).
//!
//! Changing one of these changes published figures: the worked examples in
//! `crates/core/tests/worked_examples.rs` and `docs/methodology.md` pin them.

/// Projected ratio p from which a target is **on course** (UN Statistics Division,
/// SDG Progress Chart; also used by Open SDG sites).
pub const ON_COURSE_MIN_RATIO: f64 = 0.95;

/// Projected ratio p from which a target needs **acceleration** (below it: stagnation or
/// regression). Same source as [`ON_COURSE_MIN_RATIO`].
pub const ACCELERATION_MIN_RATIO: f64 = 0.10;

/// Pace ratio R from which progress is **substantial** (Statistics Canada / Open SDG).
pub const PACE_SUBSTANTIAL_MIN: f64 = 0.95;

/// Pace ratio R from which progress is **moderate** (Statistics Canada / Open SDG).
pub const PACE_MODERATE_MIN: f64 = 0.60;

/// Pace ratio R from which progress is **limited**; below it: deterioration
/// (Statistics Canada / Open SDG).
pub const PACE_LIMITED_MIN: f64 = 0.0;

/// A series is **COVID-affected (computed)** when its dip δ is at most this (δ ≤ −10%).
/// The 10% line is the brief's, chosen to separate a COVID fall from ordinary noise.
pub const COVID_AFFECTED_MAX_DIP: f64 = -0.10;

/// Tama City's pro-rated rule: **mostly on track** when a ≥ 0.6·e (on track when a ≥ e).
pub const MOSTLY_ON_TRACK_SHARE_OF_E: f64 = 0.6;

/// The first COVID year (FY2020 or calendar 2020, as each value's period says), and the
/// year whose value measures the recovery. DESIGN.md §4 fixes them; issue 10 item 1 moves
/// them into the dataset (format 2), which cannot happen while `model.rs` is frozen.
pub const COVID_FIRST_YEAR: i32 = 2020;
/// See [`COVID_FIRST_YEAR`].
pub const COVID_RECOVERY_YEAR: i32 = 2021;

/// A projection that reaches the target only after this year is "not at this pace": so far
/// out the straight or compound path says nothing useful, and the year would overflow
/// nothing but the reader's patience.
pub const LAST_YEAR_REACHED: f64 = 2100.0;

/// Tolerance when comparing a value with its target: parsed cells such as 73.6 are not
/// exact in binary, and a value equal to its target must meet it.
pub(super) const MEETS_TOLERANCE: f64 = 1e-9;

/// Below this a difference (T − b, a yearly rate, a pre-COVID value) is treated as zero,
/// so a ratio with it as denominator is never formed.
pub(super) const ZERO: f64 = 1e-12;
