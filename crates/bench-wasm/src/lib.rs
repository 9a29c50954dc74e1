//! The core's full analysis ([`machi_kpi_core::analysis::analyze`]) exported
//! to JavaScript, so `cargo xtask perf` can time it in Chromium on the
//! embedded dataset and on a synthetic one ([`machi_kpi_core::synthetic`]).
//!
//! The clock stays in JavaScript (`performance.now()`): wasm32-unknown-unknown
//! has none. Because the browser coarsens that clock (to 0.1 ms or worse), each
//! call runs the analysis `iterations` times and the caller divides.
//! Building the datasets ([`prepare`]) is outside the timed calls.

use std::cell::RefCell;
use std::hint::black_box;

use machi_kpi_core::analysis::analyze;
use machi_kpi_core::{synthetic, Dataset};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The embedded dataset and the synthetic one, once [`prepare`] ran.
    static DATASETS: RefCell<Option<(Dataset, Dataset)>> = const { RefCell::new(None) };
}

/// Parses the embedded dataset and generates `size` synthetic indicators from
/// it (the seed of `machi-kpi bench`, so both measure the same data).
/// Returns the indicator counts as `[embedded, synthetic]`.
#[wasm_bindgen]
pub fn prepare(size: usize) -> Result<Vec<u32>, String> {
    let embedded = Dataset::embedded().map_err(|e| e.to_string())?;
    let generated = synthetic::generate(&embedded, size, 42);
    let counts = vec![
        embedded.indicators.len() as u32,
        generated.indicators.len() as u32,
    ];
    DATASETS.with(|d| *d.borrow_mut() = Some((embedded, generated)));
    Ok(counts)
}

/// Runs the full analysis of the embedded dataset `iterations` times.
/// Returns the number of indicators analysed (so the work cannot be dropped).
#[wasm_bindgen]
pub fn analyze_embedded(iterations: u32) -> Result<u32, String> {
    run(iterations, |(embedded, _)| embedded)
}

/// Runs the full analysis of the synthetic dataset `iterations` times.
#[wasm_bindgen]
pub fn analyze_synthetic(iterations: u32) -> Result<u32, String> {
    run(iterations, |(_, generated)| generated)
}

fn run(iterations: u32, pick: fn(&(Dataset, Dataset)) -> &Dataset) -> Result<u32, String> {
    DATASETS.with(|d| {
        let sets = d.borrow();
        let sets = sets.as_ref().ok_or("call prepare() first")?;
        let ds = pick(sets);
        let mut analysed = 0u32;
        for _ in 0..iterations {
            let analysis = analyze(black_box(ds));
            analysed += black_box(analysis.indicators.len()) as u32;
        }
        Ok(analysed)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn analyses_what_prepare_built() {
        assert!(analyze_embedded(1).is_err(), "nothing prepared yet");
        let counts = prepare(100).unwrap();
        assert_eq!(counts[1], 100);
        assert_eq!(analyze_embedded(2).unwrap(), 2 * counts[0]);
        assert_eq!(analyze_synthetic(1).unwrap(), 100);
    }
}
