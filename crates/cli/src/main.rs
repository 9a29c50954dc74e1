//! `machi-kpi`: the data maintainers' command, on the same core as the app.
//!
//! ```text
//! machi-kpi summary [--json] [--data FILE]
//! machi-kpi export indicators|observations|dataset [--format csv|json] [--data FILE]
//! machi-kpi validate FILE
//! machi-kpi bench [--runs N] [--size N]
//! ```
//! Output goes to stdout; errors to stderr with a non-zero exit. `--data` reads a dataset
//! JSON or an observations CSV (applied to the embedded data) instead of the embedded data.
//!
//! A closed output (`machi-kpi validate FILE | head -3`) ends the output quietly, as other
//! command-line tools do, and the command still exits with its own status: `println!`
//! would panic there (Rust ignores SIGPIPE, so the write fails with `BrokenPipe`), which the
//! release profile's `panic = "abort"` turns into SIGABRT.

use std::io::Write;
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Instant;

use machi_kpi_core::analysis::{self, OutlookCounts};
use machi_kpi_core::io::{self, ImportKind};
use machi_kpi_core::{Dataset, ImportErrors, OfficialStatus};

const USAGE: &str = "usage:
  machi-kpi summary [--json] [--data FILE]
  machi-kpi export indicators|observations|dataset [--format csv|json] [--data FILE]
  machi-kpi validate FILE
  machi-kpi bench [--runs N] [--size N]";

/// Set once stdout is closed: nothing more is written to it.
static STDOUT_CLOSED: AtomicBool = AtomicBool::new(false);

/// Writes to stdout. A closed pipe stops the output quietly; any other write error is
/// reported on stderr and ends the command with status 2.
fn emit(bytes: &[u8]) {
    if STDOUT_CLOSED.load(Ordering::Relaxed) {
        return;
    }
    let mut out = std::io::stdout().lock();
    if let Err(e) = out.write_all(bytes).and_then(|()| out.flush()) {
        if e.kind() == std::io::ErrorKind::BrokenPipe {
            STDOUT_CLOSED.store(true, Ordering::Relaxed);
        } else {
            warn(&format!("machi-kpi: cannot write the output: {e}"));
            std::process::exit(2);
        }
    }
}

/// Writes a line to stderr; a closed stderr (`2>&1 | head`) is ignored, never a panic.
fn warn(line: &str) {
    let _ = writeln!(std::io::stderr().lock(), "{line}");
}

/// `println!` through [`emit`].
macro_rules! outln {
    ($($arg:tt)*) => {
        emit(format!("{}\n", format_args!($($arg)*)).as_bytes())
    };
}

/// `eprintln!` through [`warn`].
macro_rules! errln {
    ($($arg:tt)*) => {
        warn(&format!($($arg)*))
    };
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err(msg) => {
            errln!("{msg}");
            ExitCode::from(2)
        }
    }
}

fn flag_value<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter()
        .position(|a| a == name)
        .and_then(|i| args.get(i + 1))
        .map(String::as_str)
}

fn print_errors(errs: &ImportErrors) {
    for e in &errs.0 {
        errln!("error: {}", e.message_en());
        errln!("エラー: {}", e.message_ja());
    }
}

fn load(args: &[String]) -> Result<Dataset, String> {
    let embedded = Dataset::embedded().map_err(|e| format!("embedded dataset is invalid:\n{e}"))?;
    match flag_value(args, "--data") {
        None => Ok(embedded),
        Some(path) => {
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            io::import_any(&embedded, &bytes)
                .map(|(d, _)| d)
                .map_err(|e| {
                    print_errors(&e);
                    format!("{path}: {} error(s)", e.0.len())
                })
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, String> {
    let Some(cmd) = args.first() else {
        return Err(USAGE.into());
    };
    let rest = &args[1..];
    match cmd.as_str() {
        "summary" => {
            let ds = load(rest)?;
            let a = analysis::analyze(&ds);
            if rest.iter().any(|a| a == "--json") {
                let json = serde_json::to_string_pretty(&a.summary).map_err(|e| e.to_string())?;
                outln!("{json}");
            } else {
                print_summary(&a.summary);
            }
            Ok(ExitCode::SUCCESS)
        }
        "export" => {
            let what = rest.first().map(String::as_str).ok_or(USAGE)?;
            let format = flag_value(rest, "--format");
            let ds = load(rest)?;
            let bytes = match (what, format) {
                ("indicators", None | Some("csv")) => {
                    io::csv::export_indicators(&ds, &analysis::analyze(&ds))
                }
                ("indicators", Some("json")) => {
                    let a = analysis::analyze(&ds);
                    serde_json::to_vec_pretty(&a.indicators).map_err(|e| e.to_string())?
                }
                ("observations", None | Some("csv")) => io::csv::export_observations(&ds),
                ("observations", Some("json")) => {
                    let obs: Vec<_> = ds
                        .indicators
                        .iter()
                        .map(|i| (&i.id, &i.observations))
                        .collect();
                    serde_json::to_vec_pretty(&obs).map_err(|e| e.to_string())?
                }
                ("dataset", None | Some("json")) => io::json::to_json_string(&ds).into_bytes(),
                ("dataset", Some("csv")) => io::csv::export_observations(&ds),
                _ => return Err(USAGE.into()),
            };
            emit(&bytes);
            Ok(ExitCode::SUCCESS)
        }
        "validate" => {
            let path = rest.first().ok_or(USAGE)?;
            let bytes = std::fs::read(path).map_err(|e| format!("cannot read {path}: {e}"))?;
            let embedded = Dataset::embedded().map_err(|e| e.to_string())?;
            match io::import_any(&embedded, &bytes) {
                Ok((ds, kind)) => {
                    let n_obs: usize = ds.indicators.iter().map(|i| i.observations.len()).sum();
                    let what = match kind {
                        ImportKind::DatasetJson => "dataset JSON",
                        ImportKind::ObservationsCsv => {
                            "observations CSV (applied to the embedded data)"
                        }
                    };
                    outln!(
                        "ok: {path}: valid {what}: {} indicators, {n_obs} observations",
                        ds.indicators.len()
                    );
                    Ok(ExitCode::SUCCESS)
                }
                Err(errs) => {
                    print_errors(&errs);
                    errln!("{path}: {} error(s)", errs.0.len());
                    Ok(ExitCode::from(1))
                }
            }
        }
        "bench" => {
            let runs: usize = flag_value(rest, "--runs")
                .and_then(|s| s.parse().ok())
                .unwrap_or(51);
            let size: usize = flag_value(rest, "--size")
                .and_then(|s| s.parse().ok())
                .unwrap_or(10_000);
            bench(runs, size)
        }
        "--help" | "-h" | "help" => {
            outln!("{USAGE}");
            Ok(ExitCode::SUCCESS)
        }
        _ => Err(USAGE.into()),
    }
}

fn pct(count: usize, total: usize) -> String {
    if total == 0 {
        "—".into()
    } else {
        format!("{:.1}%", count as f64 * 100.0 / total as f64)
    }
}

fn print_summary(s: &analysis::Summary) {
    let b = &s.breakdown;
    outln!(
        "Official status (FY2021 report) / 進捗状況: {} indicators",
        b.total
    );
    for st in OfficialStatus::ALL {
        let n = b.overall.get(st);
        outln!(
            "  {:<22} {:<14} {:>3}  {:>6}",
            st.name_en(),
            st.name_ja(),
            n,
            pct(n, b.total)
        );
    }
    outln!("By basic goal / 基本目標別 (on track / mostly / delayed (COVID) / delayed = total):");
    for g in &b.by_goal {
        let c = &g.counts;
        outln!(
            "  {:<4} {:>2} / {:>2} / {:>2} / {:>2} = {:>2}  {} ({})",
            g.key,
            c.on_track,
            c.mostly_on_track,
            c.delayed_covid,
            c.delayed,
            c.total(),
            g.label_ja,
            g.label_en
        );
    }
    let line = |name: &str, o: &OutlookCounts| {
        outln!(
            "  {name}: {} achieved, {} on course, {} acceleration needed, {} stagnation or regression, {} not computable (of {})",
            o.target_achieved, o.on_course, o.acceleration_needed, o.stagnation_or_regression, o.unavailable, o.total()
        );
    };
    outln!("Projection (default method, since baseline):");
    line("FY2024 targets", &s.outlook_fy2024);
    line("FY2027 targets", &s.outlook_fy2027);
    outln!(
        "Indicative vs official status: {} of {} agree; computed COVID flag vs official attribution (delayed only): {} of {} agree",
        s.agreement.agree, s.agreement.compared, s.agreement.covid_agree, s.agreement.covid_compared
    );
}

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
    xs[xs.len() / 2]
}

fn time_runs(runs: usize, ds: &Dataset) -> (f64, f64, f64) {
    // One warm-up run, then `runs` timed ones; report min, median and max in milliseconds.
    std::hint::black_box(analysis::analyze(ds));
    let times: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let start = Instant::now();
            std::hint::black_box(analysis::analyze(std::hint::black_box(ds)));
            start.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    let min = times.iter().copied().fold(f64::INFINITY, f64::min);
    let max = times.iter().copied().fold(0.0, f64::max);
    (min, median(times), max)
}

fn bench(runs: usize, size: usize) -> Result<ExitCode, String> {
    if cfg!(debug_assertions) {
        errln!("warning: debug build; run with --release (cargo xtask bench does)");
    }
    let ds = Dataset::embedded().map_err(|e| e.to_string())?;
    let synthetic = machi_kpi_core::synthetic::generate(&ds, size, 42);
    let (min, med, max) = time_runs(runs, &ds);
    outln!(
        "full analysis, embedded dataset ({} indicators): median {med:.3} ms (min {min:.3}, max {max:.3}) over {runs} runs; budget 1 ms",
        ds.indicators.len()
    );
    let (min, med, max) = time_runs(runs.min(21), &synthetic);
    outln!(
        "full analysis, synthetic dataset ({size} indicators): median {med:.2} ms (min {min:.2}, max {max:.2}) over {} runs; budget 50 ms",
        runs.min(21)
    );
    Ok(ExitCode::SUCCESS)
}
