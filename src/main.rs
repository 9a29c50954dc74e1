//! Browser entry point built by Trunk (`data-bin="machi-kpi-app"`). All logic
//! lives in the library so it can be tested natively.

fn main() {
    #[cfg(target_arch = "wasm32")]
    machi_kpi::start();
}
