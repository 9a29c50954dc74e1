//! `cargo xtask perf`: every figure of DESIGN.md §6 and issue 9 in one table,
//! each beside its budget, measured on the `dist/` at hand.
//!
//! Steps: setup (it installs nginx and Lighthouse too); `dist/` built if it is
//! missing; sizes of every file (raw and `gzip -9`); the wasm's code bytes per
//! crate from its name section (from a name-keeping `cargo build --release`
//! when the dist wasm has none); the analysis benchmark natively
//! (`machi-kpi bench`) and in wasm (crates/bench-wasm, built with cargo and the
//! installed `wasm-bindgen`); then nginx with gzip on loopback serving
//! `dist/`, a copy of the peer page (`../shared/peer/`, with ECharts beside
//! it) and the wasm benchmark page, and `xtask/perf/measure.mjs` driving
//! Chromium and Lighthouse against them. Raw Lighthouse JSON and the table
//! stay in `target/perf/`.
//!
//! It reports and never fails on a figure: a budget missed is a "no" in the
//! table. It fails only when it cannot measure at all (no nginx, no dist).
//! `--quick` takes fewer samples (one Lighthouse run each, 30 route changes…)
//! so a test can check that the table is produced (tests/e2e/perf_quick.test.mjs).

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Stdio;

use crate::nginx::{self, Nginx, Site};
use crate::sizes::{gzip_size, walk};
use crate::wasm_names::{self, Breakdown};
use crate::{cmd, output, root, run, setup, Result};

// The core embeds the dataset through this function (its build.rs); std only.
#[path = "../../crates/core/src/io/minify.rs"]
#[allow(dead_code)]
mod minify;

/// How many samples each measurement takes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Counts {
    pub lighthouse_runs: u32,
    pub first_chart_runs: u32,
    pub route_changes: u32,
    pub heap_changes: u32,
    pub bench_samples: u32,
    pub native_runs: u32,
}

/// The counts issue 9 asks for.
pub const FULL: Counts = Counts {
    lighthouse_runs: 3,
    first_chart_runs: 10,
    route_changes: 300,
    heap_changes: 500,
    bench_samples: 21,
    native_runs: 51,
};

/// Enough of everything to produce every row, quickly.
pub const QUICK: Counts = Counts {
    lighthouse_runs: 1,
    first_chart_runs: 3,
    route_changes: 30,
    heap_changes: 50,
    bench_samples: 5,
    native_runs: 5,
};

/// The synthetic dataset's size (DESIGN.md §6: 10,000 indicators).
const SYNTHETIC_SIZE: u32 = 10_000;

/// Budgets, from issue 9 ("Done when", item 3) and DESIGN.md §6; where they
/// differ the issue stands and the brief's aim is shown beside it.
mod budget {
    pub const WASM_GZIP: u64 = 350_000;
    pub const FIRST_VIEW: u64 = 500_000;
    pub const FIRST_VIEW_AIM: u64 = 350_000;
    pub const PERFORMANCE: f64 = 95.0;
    pub const LCP_MS: f64 = 1500.0;
    pub const FIRST_CHART_MS: f64 = 300.0;
    pub const ROUTE_P95_MS: f64 = 50.0;
    pub const HEAP_PCT: f64 = 5.0;
    pub const EMBEDDED_NATIVE_MS: f64 = 1.0;
    pub const SYNTHETIC_NATIVE_MS: f64 = 50.0;
    pub const SYNTHETIC_WASM_MS: f64 = 150.0;
}

/// `cargo xtask perf [--quick]`.
pub fn perf(args: &[String]) -> Result {
    let quick = args.iter().any(|a| a == "--quick");
    let counts = if quick { QUICK } else { FULL };
    setup::ensure()?;
    let root = root();
    let dist = root.join("dist");
    if !dist.join("index.html").is_file() {
        eprintln!("xtask: perf: dist/ is missing; building it");
        crate::dist()?;
    }
    let out = root.join("target").join("perf");
    fs::create_dir_all(&out).map_err(|e| format!("{}: {e}", out.display()))?;
    let load_before = load_average();
    // The time the measuring started (a full run takes minutes).
    let started = output("date", &["-u", "+%Y-%m-%d %H:%M UTC"]).unwrap_or_default();

    let files = file_sizes(&dist)?;
    let wasm = wasm_per_crate(&dist)?;
    let bench_dir = build_wasm_bench(&out)?;
    let native = native_bench(counts.native_runs);
    let peer = copy_peer(&out)?;

    let sites = [
        Site {
            port: nginx::free_port()?,
            root: dist.clone(),
        },
        Site {
            port: nginx::free_port()?,
            root: peer,
        },
        Site {
            port: nginx::free_port()?,
            root: bench_dir,
        },
    ];
    let nginx_dir =
        std::env::temp_dir().join(format!("machi-kpi-perf-nginx-{}", std::process::id()));
    let records = {
        let _server = Nginx::start(&nginx_dir, &sites)?;
        let url = |i: usize| format!("http://127.0.0.1:{}/", sites[i].port);
        eprintln!(
            "xtask: perf: nginx (gzip) serves dist/ at {}, the peer at {}",
            url(0),
            url(1)
        );
        let mut c = cmd("node", &["xtask/perf/measure.mjs"]);
        let n = |v: u32| v.to_string();
        c.env("APP_URL", url(0))
            .env("PEER_URL", url(1))
            .env("BENCH_URL", url(2))
            .env("OUT_DIR", &out)
            .env("CHROMIUM", setup::CHROMIUM)
            .env(
                "LIGHTHOUSE_CLI",
                root.join("node_modules/lighthouse/cli/index.js"),
            )
            .env("LH_RUNS", n(counts.lighthouse_runs))
            .env("FIRST_CHART_RUNS", n(counts.first_chart_runs))
            .env("ROUTE_CHANGES", n(counts.route_changes))
            .env("HEAP_CHANGES", n(counts.heap_changes))
            .env("BENCH_SAMPLES", n(counts.bench_samples))
            .env("BENCH_SIZE", n(SYNTHETIC_SIZE))
            .stdin(Stdio::null())
            .stderr(Stdio::inherit());
        let result = c
            .output()
            .map_err(|e| format!("could not run node xtask/perf/measure.mjs: {e}"))?;
        if !result.status.success() {
            eprintln!(
                "xtask: perf: measure.mjs exited with {}; reporting what it measured",
                result.status
            );
        }
        String::from_utf8_lossy(&result.stdout).into_owned()
    };
    let _ = fs::remove_dir_all(&nginx_dir);
    fs::write(out.join("measure.tsv"), &records).map_err(|e| format!("target/perf: {e}"))?;

    let m = Measured::parse(&records);
    let context = Context {
        when: format!("started {started}"),
        quick,
        counts,
        load: format!("{load_before} at start, {} at end", load_average()),
        notes: shared_target_note(),
    };
    let table = report(&context, &files, &wasm, &native, &m);
    let text = table.render();
    fs::write(out.join("table.txt"), &text).map_err(|e| format!("target/perf: {e}"))?;
    println!("{text}");
    eprintln!("xtask: perf: raw Lighthouse JSON, measure.tsv and table.txt in target/perf/");
    Ok(())
}

/// A warning when cargo's target dir lies outside this checkout: if another
/// checkout builds the same workspace there, Trunk's build of `dist/` may
/// have linked its code (this command checks only its own builds).
fn shared_target_note() -> Vec<String> {
    match target_dir() {
        Ok(t) if !t.starts_with(root()) => vec![format!(
            "cargo's target dir {} is outside this checkout: dist/ may hold another checkout's build if one built there since",
            t.display()
        )],
        _ => Vec::new(),
    }
}

/// The 1-minute load average (`/proc/loadavg`): this machine is shared.
fn load_average() -> String {
    fs::read_to_string("/proc/loadavg")
        .ok()
        .and_then(|s| s.split_whitespace().next().map(str::to_owned))
        .unwrap_or_else(|| "not available".into())
}

// ---------------------------------------------------------------- files

/// One file of dist/.
#[derive(Debug, Clone, PartialEq)]
pub struct FileSize {
    pub rel: String,
    pub raw: u64,
    pub gzip: u64,
}

/// Every file under dist/, largest (gzip) first: names are read, not assumed.
fn file_sizes(dist: &Path) -> Result<Vec<FileSize>> {
    let mut paths = Vec::new();
    walk(dist, &mut paths)?;
    let mut files = Vec::new();
    for p in paths {
        let rel = p
            .strip_prefix(dist)
            .unwrap_or(&p)
            .to_string_lossy()
            .replace('\\', "/");
        let raw = fs::metadata(&p).map_err(|e| format!("{rel}: {e}"))?.len();
        files.push(FileSize {
            gzip: gzip_size(&p)?,
            rel,
            raw,
        });
    }
    files.sort_by(|a, b| b.gzip.cmp(&a.gzip).then_with(|| a.rel.cmp(&b.rel)));
    Ok(files)
}

// ---------------------------------------------------------------- wasm

/// The per-crate breakdown and where its names came from.
pub struct WasmReport {
    pub source: String,
    pub breakdown: Breakdown,
    /// Whether `www/data/dataset.json`, minified as the core embeds it, is in the module
    /// byte for byte, and the size of that form.
    pub dataset_json: Option<(bool, u64)>,
}

/// `target_directory` from `cargo metadata` (honours CARGO_TARGET_DIR and config).
fn target_dir() -> Result<PathBuf> {
    let meta = output("cargo", &["metadata", "--format-version", "1", "--no-deps"])
        .ok_or("`cargo metadata` failed")?;
    let key = "\"target_directory\":\"";
    let start = meta
        .find(key)
        .ok_or("cargo metadata: no target_directory")?
        + key.len();
    let end = meta[start..]
        .find('"')
        .ok_or("cargo metadata: bad target_directory")?;
    Ok(PathBuf::from(
        meta[start..start + end].replace("\\\\", "\\"),
    ))
}

/// The binary Trunk builds: `data-bin` of index.html's `rel="rust"` link.
fn app_bin() -> Result<String> {
    let html =
        fs::read_to_string(root().join("index.html")).map_err(|e| format!("index.html: {e}"))?;
    let key = "data-bin=\"";
    let start = html.find(key).ok_or("index.html has no data-bin")? + key.len();
    let end = html[start..].find('"').ok_or("index.html: bad data-bin")?;
    Ok(html[start..start + end].to_owned())
}

/// Source files named in a cargo dep-info (`<artifact>.d`) that lie outside
/// `root` (registry crates and the standard library excepted).
pub fn foreign_sources(dep_info: &str, root: &Path) -> Vec<String> {
    let Some((_, deps)) = dep_info.lines().next().and_then(|l| l.split_once(": ")) else {
        return Vec::new();
    };
    let mut foreign: Vec<String> = deps
        .split_whitespace()
        .filter(|p| p.ends_with(".rs") && p.starts_with('/'))
        .filter(|p| !p.contains("/.cargo/registry/") && !p.contains("/rustlib/"))
        .filter(|p| !Path::new(p).starts_with(root))
        .map(str::to_owned)
        .collect();
    foreign.sort();
    foreign.dedup();
    foreign
}

/// `cargo build <args>`, returning the artifact `rel` (under the target dir).
///
/// When CARGO_TARGET_DIR is shared between checkouts, cargo takes another
/// checkout's newer build of the same workspace as fresh and leaves its
/// artifact in place, which would measure someone else's code. The artifact's
/// dep-info says which sources it was built from; if any lie outside this
/// checkout, it is built again in `target/perf/cargo/`, a target dir of this
/// checkout's own.
fn cargo_build(args: &[&str], rel: &Path) -> Result<PathBuf> {
    let build = |target: Option<&Path>| -> Result<PathBuf> {
        let mut c = cmd("cargo", &["build"]);
        c.args(args);
        if let Some(t) = target {
            c.arg("--target-dir").arg(t);
        }
        run(c)?;
        Ok(match target {
            Some(t) => t.join(rel),
            None => target_dir()?.join(rel),
        })
    };
    let artifact = build(None)?;
    let dep_info = fs::read_to_string(artifact.with_extension("d")).unwrap_or_default();
    let foreign = foreign_sources(&dep_info, &root());
    if foreign.is_empty() {
        return Ok(artifact);
    }
    eprintln!(
        "xtask: perf: {} was built from another checkout ({}); building it here",
        artifact.display(),
        foreign[0]
    );
    build(Some(&root().join("target").join("perf").join("cargo")))
}

fn wasm_per_crate(dist: &Path) -> Result<WasmReport> {
    let mut wasm_files: Vec<PathBuf> = fs::read_dir(dist)
        .map_err(|e| format!("dist/: {e}"))?
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "wasm"))
        .collect();
    wasm_files.sort();
    let dist_wasm = wasm_files.first().ok_or("dist/ has no .wasm file")?;
    let bytes = fs::read(dist_wasm).map_err(|e| format!("{}: {e}", dist_wasm.display()))?;
    let mut breakdown = wasm_names::breakdown(&bytes)?;
    let mut source = format!(
        "dist/{} (its name section)",
        dist_wasm.file_name().unwrap_or_default().to_string_lossy()
    );
    let mut module = bytes;
    if !breakdown.has_names {
        // wasm-opt dropped the names: build the same binary with cargo, which
        // keeps them (before wasm-bindgen and wasm-opt, so larger than dist's).
        let bin = app_bin()?;
        let path = cargo_build(
            &[
                "--release",
                "--target",
                "wasm32-unknown-unknown",
                "-p",
                "machi-kpi",
                "--bin",
                &bin,
            ],
            &Path::new("wasm32-unknown-unknown/release").join(format!("{bin}.wasm")),
        )?;
        module = fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        breakdown = wasm_names::breakdown(&module)?;
        source = format!(
            "`cargo build --release` {bin}.wasm (before wasm-bindgen and wasm-opt; dist's has no names)"
        );
    }
    let dataset_json = fs::read_to_string(root().join("www/data/dataset.json"))
        .ok()
        .map(|json| minify::minify_json(&json).into_bytes())
        .map(|json| (wasm_names::contains(&module, &json), json.len() as u64));
    Ok(WasmReport {
        source,
        breakdown,
        dataset_json,
    })
}

/// Builds crates/bench-wasm for the browser (the release profile, as the app)
/// and lays out its page in target/perf/bench-wasm/.
fn build_wasm_bench(out: &Path) -> Result<PathBuf> {
    let wasm = cargo_build(
        &[
            "--release",
            "--target",
            "wasm32-unknown-unknown",
            "-p",
            "machi-kpi-bench-wasm",
        ],
        Path::new("wasm32-unknown-unknown/release/machi_kpi_bench_wasm.wasm"),
    )?;
    let dir = out.join("bench-wasm");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let mut c = cmd(
        "wasm-bindgen",
        &["--target", "web", "--no-typescript", "--out-dir"],
    );
    c.arg(&dir).arg(&wasm);
    run(c)?;
    fs::copy(root().join("xtask/perf/bench.html"), dir.join("index.html"))
        .map_err(|e| format!("xtask/perf/bench.html: {e}"))?;
    Ok(dir)
}

/// The peer page (`../shared/peer/` beside the clone) with ECharts beside it,
/// as its README says, in target/perf/peer/.
fn copy_peer(out: &Path) -> Result<PathBuf> {
    let src = root()
        .parent()
        .map(|p| p.join("shared").join("peer"))
        .ok_or("the repository has no parent directory")?;
    let dir = out.join("peer");
    let _ = fs::remove_dir_all(&dir);
    fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let entries = fs::read_dir(&src).map_err(|e| {
        format!(
            "{}: {e} (the peer page lives in ../shared/peer/ beside the clone)",
            src.display()
        )
    })?;
    for entry in entries.flatten() {
        let p = entry.path();
        if p.is_file() {
            let to = dir.join(entry.file_name());
            fs::copy(&p, &to).map_err(|e| format!("{}: {e}", p.display()))?;
        }
    }
    let echarts = root().join("node_modules/echarts/dist/echarts.min.js");
    fs::copy(&echarts, dir.join("echarts.min.js"))
        .map_err(|e| format!("{}: {e}", echarts.display()))?;
    Ok(dir)
}

/// `machi-kpi bench` (native profile): its embedded and synthetic medians in ms.
#[derive(Debug, Default, PartialEq)]
pub struct Native {
    pub embedded_ms: Option<f64>,
    pub synthetic_ms: Option<f64>,
    pub note: String,
}

fn native_bench(runs: u32) -> Native {
    // Built, then run directly (not `cargo run`), so the dep-info check of
    // [`cargo_build`] applies to the binary that runs.
    let binary = match cargo_build(
        &[
            "--profile",
            "native",
            "-p",
            "machi-kpi-cli",
            "--bin",
            "machi-kpi",
        ],
        Path::new("native/machi-kpi"),
    ) {
        Ok(b) => b,
        Err(e) => {
            return Native {
                note: format!("could not build machi-kpi bench: {e}"),
                ..Native::default()
            }
        }
    };
    let mut c = cmd(
        &binary.to_string_lossy(),
        &["bench", "--runs", &runs.to_string()],
    );
    c.stdin(Stdio::null()).stderr(Stdio::inherit());
    match c.output() {
        Ok(o) if o.status.success() => parse_native(&String::from_utf8_lossy(&o.stdout)),
        Ok(o) => Native {
            note: format!("machi-kpi bench failed ({})", o.status),
            ..Native::default()
        },
        Err(e) => Native {
            note: format!("could not run machi-kpi bench: {e}"),
            ..Native::default()
        },
    }
}

/// Reads `… embedded dataset … median 0.123 ms …` and the synthetic line.
pub fn parse_native(out: &str) -> Native {
    let median = |word: &str| {
        out.lines()
            .find(|l| l.contains(word) && l.contains("median "))
            .and_then(|l| l.split("median ").nth(1))
            .and_then(|r| r.split_whitespace().next())
            .and_then(|n| n.parse::<f64>().ok())
    };
    let n = Native {
        embedded_ms: median("embedded"),
        synthetic_ms: median("synthetic"),
        note: String::new(),
    };
    if n.embedded_ms.is_none() || n.synthetic_ms.is_none() {
        Native {
            note: format!("unreadable machi-kpi bench output: {}", out.trim()),
            ..n
        }
    } else {
        n
    }
}

// ---------------------------------------------------------------- records

/// What measure.mjs reported.
#[derive(Debug, Default)]
pub struct Measured {
    /// (target, metric) → one value per run.
    pub lighthouse: BTreeMap<(String, String), Vec<f64>>,
    pub lighthouse_version: String,
    pub chromium: String,
    /// target → ms per cold load.
    pub first_chart: BTreeMap<String, Vec<f64>>,
    /// (path, bytes transferred) per response.
    pub first_view: Vec<(String, u64)>,
    /// Routes found and routes timed.
    pub routes: Option<(usize, usize)>,
    /// (route kind, ms; None on timeout) per change.
    pub route_changes: Vec<(String, Option<f64>)>,
    /// (changes, used heap before, after).
    pub heap: Option<(u64, f64, f64)>,
    /// (nodes before, after, listeners before, after).
    pub dom: Option<(u64, u64, u64, u64)>,
    pub wasm_counts: Option<(u64, u64)>,
    pub wasm_embedded: Vec<f64>,
    pub wasm_synthetic: Vec<f64>,
    pub errors: Vec<String>,
}

impl Measured {
    /// Parses measure.mjs's tab-separated records; unknown lines are ignored.
    pub fn parse(records: &str) -> Measured {
        let mut m = Measured::default();
        for line in records.lines() {
            let f: Vec<&str> = line.split('\t').collect();
            let num = |i: usize| f.get(i).and_then(|v| v.parse::<f64>().ok());
            let int = |i: usize| f.get(i).and_then(|v| v.parse::<u64>().ok());
            match f.as_slice() {
                ["lh", target, _run, metric, _] => {
                    if let Some(v) = num(4) {
                        m.lighthouse
                            .entry((target.to_string(), metric.to_string()))
                            .or_default()
                            .push(v);
                    }
                }
                ["lh_version", v, ..] => m.lighthouse_version = v.to_string(),
                ["chromium", v] => m.chromium = v.to_string(),
                ["first_chart", target, _run, _] => {
                    if let Some(v) = num(3) {
                        m.first_chart.entry(target.to_string()).or_default().push(v);
                    }
                }
                ["first_view", path, _] => {
                    if let Some(b) = int(2) {
                        m.first_view.push((path.to_string(), b));
                    }
                }
                ["routes", _, _] => {
                    if let (Some(a), Some(b)) = (int(1), int(2)) {
                        m.routes = Some((a as usize, b as usize));
                    }
                }
                ["route", kind, _] => m.route_changes.push((kind.to_string(), num(2))),
                ["heap", _, _, _] => {
                    if let (Some(n), Some(b), Some(a)) = (int(1), num(2), num(3)) {
                        m.heap = Some((n, b, a));
                    }
                }
                ["dom", _, _, _, _] => {
                    if let (Some(a), Some(b), Some(c), Some(d)) = (int(1), int(2), int(3), int(4)) {
                        m.dom = Some((a, b, c, d));
                    }
                }
                ["wasm_counts", _, _] => {
                    if let (Some(a), Some(b)) = (int(1), int(2)) {
                        m.wasm_counts = Some((a, b));
                    }
                }
                ["wasm_bench", "embedded", _] => m.wasm_embedded.extend(num(2)),
                ["wasm_bench", "synthetic", _] => m.wasm_synthetic.extend(num(2)),
                ["error", what, msg] => m.errors.push(format!("{what}: {msg}")),
                _ => {}
            }
        }
        m
    }

    fn lh(&self, target: &str, metric: &str) -> &[f64] {
        self.lighthouse
            .get(&(target.to_owned(), metric.to_owned()))
            .map_or(&[], Vec::as_slice)
    }
}

// ---------------------------------------------------------------- statistics

/// The median (mean of the middle two for an even count).
pub fn median(values: &[f64]) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let mid = v.len() / 2;
    Some(if v.len() % 2 == 1 {
        v[mid]
    } else {
        (v[mid - 1] + v[mid]) / 2.0
    })
}

/// The nearest-rank percentile `p` (0–100).
pub fn percentile(values: &[f64], p: f64) -> Option<f64> {
    let mut v: Vec<f64> = values.iter().copied().filter(|x| x.is_finite()).collect();
    if v.is_empty() {
        return None;
    }
    v.sort_by(f64::total_cmp);
    let rank = ((p / 100.0) * v.len() as f64).ceil().max(1.0) as usize;
    Some(v[rank.min(v.len()) - 1])
}

// ---------------------------------------------------------------- table

/// The column titles.
pub const COLUMNS: [&str; 6] = ["figure", "machi-kpi", "peer", "app/peer", "budget", "meets"];

/// One line of the table.
#[derive(Debug, Clone, PartialEq)]
pub enum Row {
    /// A heading between groups of figures.
    Section(String),
    /// The six cells of [`COLUMNS`].
    Cells([String; 6]),
    /// A remark under the table (errors, sources).
    Note(String),
}

/// The whole report.
#[derive(Debug, Default)]
pub struct Table {
    pub title: Vec<String>,
    pub rows: Vec<Row>,
}

impl Table {
    fn section(&mut self, s: &str) {
        self.rows.push(Row::Section(s.to_owned()));
    }

    fn note(&mut self, s: String) {
        self.rows.push(Row::Note(s));
    }

    fn row(&mut self, figure: &str, app: String, peer: String, budget: &str, meets: Option<bool>) {
        let ratio = match (first_number(&app), first_number(&peer)) {
            (Some(a), Some(p)) if p != 0.0 && !peer.is_empty() => format!("{:.2}", a / p),
            _ => String::new(),
        };
        let meets = match meets {
            Some(true) => "yes",
            Some(false) => "NO",
            None => "",
        };
        self.rows.push(Row::Cells([
            figure.to_owned(),
            app,
            peer,
            ratio,
            budget.to_owned(),
            meets.to_owned(),
        ]));
    }

    /// Aligned plain text, widths from the cells.
    pub fn render(&self) -> String {
        let width = |s: &str| s.chars().count();
        let mut widths = COLUMNS.map(width);
        for row in &self.rows {
            if let Row::Cells(cells) = row {
                for (w, c) in widths.iter_mut().zip(cells) {
                    *w = (*w).max(width(c));
                }
            }
        }
        let line = |cells: &[&str]| {
            let mut s = String::new();
            for (i, (c, w)) in cells.iter().zip(widths).enumerate() {
                let pad = " ".repeat(w - width(c));
                // Text columns left, figures right.
                if i == 0 || i == 4 {
                    s.push_str(c);
                    s.push_str(&pad);
                } else {
                    s.push_str(&pad);
                    s.push_str(c);
                }
                s.push_str(if i + 1 < cells.len() { " │ " } else { "" });
            }
            s.trim_end().to_owned() + "\n"
        };
        let total: usize = widths.iter().sum::<usize>() + 3 * (widths.len() - 1);
        let mut s = String::new();
        for t in &self.title {
            s.push_str(t);
            s.push('\n');
        }
        s.push_str(&line(&COLUMNS));
        s.push_str(&"─".repeat(total));
        s.push('\n');
        for row in &self.rows {
            match row {
                Row::Section(t) => s.push_str(&format!("{t}\n")),
                Row::Cells(c) => s.push_str(&line(&c.each_ref().map(String::as_str))),
                Row::Note(_) => {}
            }
        }
        let notes: Vec<&String> = self
            .rows
            .iter()
            .filter_map(|r| match r {
                Row::Note(n) => Some(n),
                _ => None,
            })
            .collect();
        if !notes.is_empty() {
            s.push_str(&"─".repeat(total));
            s.push('\n');
            for n in notes {
                s.push_str(&format!("note: {n}\n"));
            }
        }
        s
    }
}

/// The first number in a cell (`"45 [43 45 47]"` → 45, `"1,234 B"` → 1234).
fn first_number(cell: &str) -> Option<f64> {
    let start = cell.find(|c: char| c.is_ascii_digit() || c == '-' || c == '+')?;
    let num: String = cell[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | '-' | '+'))
        .filter(|c| *c != ',')
        .collect();
    num.parse().ok()
}

/// `1234567` → `1,234,567`.
pub fn thousands(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// What the report says about the run itself.
pub struct Context {
    pub when: String,
    pub quick: bool,
    pub counts: Counts,
    pub load: String,
    /// Remarks about the run, printed under the table.
    pub notes: Vec<String>,
}

const NA: &str = "not measured";

fn fmt_opt(v: Option<f64>, f: impl Fn(f64) -> String) -> String {
    v.map_or_else(|| NA.to_owned(), f)
}

/// A median with its runs in order, the unit written once: `2.60 s [2.59 2.65 2.60]`.
fn with_runs(values: &[f64], f: impl Fn(f64) -> String) -> String {
    // `f` writes "<number> <unit>"; the runs keep only the number.
    let number = |v: f64| f(v).split(' ').next().unwrap_or_default().to_owned();
    match median(values) {
        None => NA.to_owned(),
        Some(m) if values.len() == 1 => f(m),
        Some(m) => format!(
            "{} [{}]",
            f(m),
            values
                .iter()
                .map(|v| number(*v))
                .collect::<Vec<_>>()
                .join(" ")
        ),
    }
}

/// Builds the table from everything measured.
pub fn report(
    ctx: &Context,
    files: &[FileSize],
    wasm: &WasmReport,
    native: &Native,
    m: &Measured,
) -> Table {
    let mut t = Table::default();
    let c = ctx.counts;
    t.title.push(format!(
        "cargo xtask perf{} · {} · {} · Lighthouse {} · load average {} (machine shared with other builds: timings vary)",
        if ctx.quick { " --quick (fewer samples: not for comparison)" } else { "" },
        ctx.when,
        if m.chromium.is_empty() { "Chromium ?".to_owned() } else { format!("Chromium {}", m.chromium) },
        if m.lighthouse_version.is_empty() { "?" } else { &m.lighthouse_version },
        ctx.load,
    ));

    // Sizes.
    t.section("dist/ files: bytes raw · gzip -9");
    for f in files {
        let wasm_file = f.rel.ends_with(".wasm");
        t.row(
            &format!("  {}", f.rel),
            format!("{} · {}", thousands(f.raw), thousands(f.gzip)),
            String::new(),
            if wasm_file {
                "wasm ≤ 350,000 gzip"
            } else {
                ""
            },
            wasm_file.then_some(f.gzip <= budget::WASM_GZIP),
        );
    }
    let (raw, gz) = files
        .iter()
        .fold((0, 0), |(r, g), f| (r + f.raw, g + f.gzip));
    t.row(
        "  all of dist/",
        format!("{} · {}", thousands(raw), thousands(gz)),
        String::new(),
        "",
        None,
    );

    // First view, from the network log.
    t.section("first view: what a cold load of #/ fetched (Chromium network log, nginx gzip 6)");
    let gzip_of: BTreeMap<String, u64> = files
        .iter()
        .map(|f| (format!("/{}", f.rel), f.gzip))
        .collect();
    let mut sent = 0;
    let mut gz9 = 0;
    for (path, bytes) in &m.first_view {
        let file = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.clone()
        };
        let g = gzip_of.get(&file).copied();
        sent += bytes;
        gz9 += g.unwrap_or(*bytes);
        t.row(
            &format!("  {path}"),
            format!(
                "{} sent{}",
                thousands(*bytes),
                g.map(|g| format!(" (gzip -9 {})", thousands(g)))
                    .unwrap_or_default()
            ),
            String::new(),
            "",
            None,
        );
    }
    if m.first_view.is_empty() {
        t.row(
            "  first view total",
            NA.to_owned(),
            String::new(),
            "≤ 500,000 (aim ≤ 350,000)",
            None,
        );
    } else {
        t.row(
            &format!("  first view total ({} responses)", m.first_view.len()),
            format!("{} sent (gzip -9 {})", thousands(sent), thousands(gz9)),
            String::new(),
            "≤ 500,000 (aim ≤ 350,000)",
            Some(sent <= budget::FIRST_VIEW),
        );
        if sent > budget::FIRST_VIEW_AIM && sent <= budget::FIRST_VIEW {
            t.note("first view meets the issue's 500 KB but not DESIGN §6's 350 KB".into());
        }
    }

    // Wasm per crate.
    let b = &wasm.breakdown;
    t.section("wasm code bytes per crate (function bodies, by name section)");
    let shown = 14;
    for (name, bytes) in b.crates.iter().take(shown) {
        t.row(
            &format!("  {name}"),
            format!(
                "{} ({:.1}%)",
                thousands(*bytes),
                *bytes as f64 * 100.0 / b.code.max(1) as f64
            ),
            String::new(),
            "",
            None,
        );
    }
    if b.crates.len() > shown {
        let rest: u64 = b.crates[shown..].iter().map(|c| c.1).sum();
        t.row(
            &format!("  {} other crates", b.crates.len() - shown),
            thousands(rest),
            String::new(),
            "",
            None,
        );
    }
    t.row(
        &format!("  code section ({} functions)", b.functions),
        thousands(b.code),
        String::new(),
        "",
        None,
    );
    t.row("  data section", thousands(b.data), String::new(), "", None);
    if let Some((found, len)) = wasm.dataset_json {
        t.row(
            "    of which www/data/dataset.json (minified)",
            if found {
                thousands(len)
            } else {
                "not embedded as expected".to_owned()
            },
            String::new(),
            "",
            None,
        );
    }
    t.row(
        "  custom sections (names…)",
        thousands(b.custom),
        String::new(),
        "",
        None,
    );
    t.row(
        "  module total",
        thousands(b.total),
        String::new(),
        "",
        None,
    );
    t.note(format!("wasm per crate from {}", wasm.source));

    // Lighthouse.
    t.section(&format!(
        "Lighthouse mobile (defaults: Moto G Power, simulated slow 4G), median of {}",
        c.lighthouse_runs
    ));
    let score = |v: f64| format!("{v:.0}");
    let app_perf = median(m.lh("app", "performance"));
    let peer_perf = median(m.lh("peer", "performance"));
    t.row(
        "  performance",
        with_runs(m.lh("app", "performance"), score),
        with_runs(m.lh("peer", "performance"), score),
        "≥ 95 and ≥ peer",
        app_perf.map(|a| a >= budget::PERFORMANCE && peer_perf.is_some_and(|p| a >= p)),
    );
    for (metric, label) in [
        ("accessibility", "  accessibility"),
        ("best-practices", "  best practices"),
    ] {
        t.row(
            label,
            with_runs(m.lh("app", metric), score),
            with_runs(m.lh("peer", metric), score),
            "100",
            median(m.lh("app", metric)).map(|a| a >= 100.0),
        );
    }
    let secs = |v: f64| format!("{:.2} s", v / 1000.0);
    let ms = |v: f64| format!("{v:.0} ms");
    t.row(
        "  first contentful paint",
        with_runs(m.lh("app", "fcp_ms"), secs),
        with_runs(m.lh("peer", "fcp_ms"), secs),
        "",
        None,
    );
    t.row(
        "  largest contentful paint",
        with_runs(m.lh("app", "lcp_ms"), secs),
        with_runs(m.lh("peer", "lcp_ms"), secs),
        "≤ 1.5 s",
        median(m.lh("app", "lcp_ms")).map(|v| v <= budget::LCP_MS),
    );
    t.row(
        "  total blocking time",
        with_runs(m.lh("app", "tbt_ms"), ms),
        with_runs(m.lh("peer", "tbt_ms"), ms),
        "",
        None,
    );
    let cls = |v: f64| format!("{v:.3}");
    t.row(
        "  cumulative layout shift",
        with_runs(m.lh("app", "cls"), cls),
        with_runs(m.lh("peer", "cls"), cls),
        "0",
        median(m.lh("app", "cls")).map(|v| v == 0.0),
    );
    let kib = |v: f64| format!("{:.0} KiB", v / 1024.0);
    t.row(
        "  bytes transferred",
        with_runs(m.lh("app", "bytes"), kib),
        with_runs(m.lh("peer", "bytes"), kib),
        "",
        None,
    );

    // In the browser on loopback.
    t.section("headless Chromium on loopback (no throttling)");
    let app_fc = m.first_chart.get("app").map_or(&[][..], Vec::as_slice);
    let peer_fc = m.first_chart.get("peer").map_or(&[][..], Vec::as_slice);
    let one = |v: f64| format!("{v:.0} ms");
    t.row(
        &format!(
            "  navigation → first chart painted, median of {}",
            c.first_chart_runs
        ),
        fmt_opt(median(app_fc), one),
        fmt_opt(median(peer_fc), one),
        "≤ 300 ms",
        median(app_fc).map(|v| v <= budget::FIRST_CHART_MS),
    );
    let times: Vec<f64> = m.route_changes.iter().filter_map(|r| r.1).collect();
    let timeouts = m.route_changes.iter().filter(|r| r.1.is_none()).count();
    let two = |v: f64| format!("{v:.1} ms");
    let routes = m.routes.map(|(found, used)| {
        if found == used {
            format!("{used} routes")
        } else {
            format!("{used} of {found} routes")
        }
    });
    t.row(
        &format!(
            "  route change → DOM updated, p50 ({} changes{})",
            m.route_changes.len(),
            routes.map(|r| format!(", {r}")).unwrap_or_default()
        ),
        fmt_opt(percentile(&times, 50.0), two),
        String::new(),
        "",
        None,
    );
    let p95 = percentile(&times, 95.0);
    t.row(
        "  route change → DOM updated, p95",
        fmt_opt(p95, two),
        String::new(),
        "≤ 50 ms",
        p95.map(|v| v <= budget::ROUTE_P95_MS && timeouts == 0),
    );
    let mut kinds: BTreeMap<&str, Vec<f64>> = BTreeMap::new();
    for (k, v) in &m.route_changes {
        kinds.entry(k).or_default().extend(*v);
    }
    for (kind, v) in &kinds {
        let p = percentile(v, 95.0);
        t.row(
            &format!(
                "    #/{} p50 · p95 (n={})",
                if *kind == "overview" { "" } else { kind },
                v.len()
            ),
            format!(
                "{} · {}",
                fmt_opt(percentile(v, 50.0), two),
                fmt_opt(p, two)
            ),
            String::new(),
            "p95 ≤ 50 ms",
            p.map(|p| p <= budget::ROUTE_P95_MS),
        );
    }
    if timeouts > 0 {
        t.note(format!(
            "{timeouts} route change(s) did not render within 10 s"
        ));
    }
    match m.heap {
        Some((n, before, after)) if before > 0.0 => {
            let growth = (after - before) / before * 100.0;
            t.row(
                &format!("  JS heap after GC over {n} route changes"),
                format!(
                    "{growth:+.1}% ({:.2} → {:.2} MB)",
                    before / 1e6,
                    after / 1e6
                ),
                String::new(),
                "within ±5%",
                Some(growth.abs() <= budget::HEAP_PCT),
            );
        }
        _ => t.row(
            "  JS heap after GC over route changes",
            NA.to_owned(),
            String::new(),
            "within ±5%",
            None,
        ),
    }
    if let Some((n0, n1, l0, l1)) = m.dom {
        t.row(
            "    DOM nodes · JS event listeners",
            format!("{n0} → {n1} · {l0} → {l1}"),
            String::new(),
            "",
            None,
        );
    }

    // Analysis.
    let (emb_n, syn_n) = m.wasm_counts.map_or(
        ("?".into(), thousands(u64::from(SYNTHETIC_SIZE))),
        |(e, s)| (e.to_string(), thousands(s)),
    );
    t.section("full analysis (core::analysis::analyze), median");
    let ms3 = |v: f64| format!("{v:.3} ms");
    t.row(
        &format!("  embedded dataset ({emb_n} indicators), native"),
        fmt_opt(native.embedded_ms, ms3),
        String::new(),
        "≤ 1 ms",
        native.embedded_ms.map(|v| v <= budget::EMBEDDED_NATIVE_MS),
    );
    t.row(
        &format!(
            "  embedded dataset, wasm in Chromium ({} samples)",
            m.wasm_embedded.len()
        ),
        fmt_opt(median(&m.wasm_embedded), ms3),
        String::new(),
        "",
        None,
    );
    t.row(
        &format!("  synthetic ({syn_n} indicators), native"),
        fmt_opt(native.synthetic_ms, two),
        String::new(),
        "≤ 50 ms",
        native
            .synthetic_ms
            .map(|v| v <= budget::SYNTHETIC_NATIVE_MS),
    );
    let syn = median(&m.wasm_synthetic);
    t.row(
        &format!(
            "  synthetic, wasm in Chromium ({} samples)",
            m.wasm_synthetic.len()
        ),
        fmt_opt(syn, two),
        String::new(),
        "≤ 150 ms",
        syn.map(|v| v <= budget::SYNTHETIC_WASM_MS),
    );
    if !native.note.is_empty() {
        t.note(native.note.clone());
    }
    t.note(
        "wasm analysis: crates/bench-wasm, release profile (as the app), not wasm-opt'ed".into(),
    );
    for n in &ctx.notes {
        t.note(n.clone());
    }
    for e in &m.errors {
        t.note(format!("not measured: {e}"));
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn medians_and_percentiles() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
        let v: Vec<f64> = (1..=100).map(f64::from).collect();
        assert_eq!(percentile(&v, 50.0), Some(50.0));
        assert_eq!(percentile(&v, 95.0), Some(95.0));
        assert_eq!(percentile(&[7.0], 95.0), Some(7.0));
        assert_eq!(thousands(1_234_567), "1,234,567");
        assert_eq!(thousands(12), "12");
        assert_eq!(first_number("45 [43 45 47]"), Some(45.0));
        assert_eq!(first_number("1,234 sent"), Some(1234.0));
        let secs = |v: f64| format!("{:.2} s", v / 1000.0);
        assert_eq!(
            with_runs(&[2590.0, 2650.0, 2600.0], secs),
            "2.60 s [2.59 2.65 2.60]"
        );
        assert_eq!(with_runs(&[48.0], |v| format!("{v:.0}")), "48");
        assert_eq!(with_runs(&[], secs), NA);
    }

    #[test]
    fn finds_sources_from_another_checkout() {
        let root = Path::new("/work/wt-a");
        let mine = "/t/release/app.wasm: /work/wt-a/src/lib.rs /root/.cargo/registry/src/x/serde/lib.rs /home/u/.rustup/toolchains/s/lib/rustlib/src/core/lib.rs\n\n/work/wt-a/src/lib.rs:\n";
        assert!(foreign_sources(mine, root).is_empty());
        let theirs = "/t/release/app.wasm: /work/wt-a/src/lib.rs /work/wt-b/crates/core/src/lib.rs /work/wt-b/crates/core/src/lib.rs /work/wt-b/www/data/dataset.json\n";
        assert_eq!(
            foreign_sources(theirs, root),
            vec!["/work/wt-b/crates/core/src/lib.rs"]
        );
        assert!(foreign_sources("", root).is_empty());
    }

    #[test]
    fn reads_the_native_benchmark() {
        let out = "full analysis, embedded dataset (47 indicators): median 0.412 ms (min 0.4, max 0.5) over 51 runs; budget 1 ms\n\
                   full analysis, synthetic dataset (10000 indicators): median 31.25 ms (min 30, max 33) over 21 runs; budget 50 ms\n";
        let n = parse_native(out);
        assert_eq!(n.embedded_ms, Some(0.412));
        assert_eq!(n.synthetic_ms, Some(31.25));
        assert!(n.note.is_empty());
        assert!(!parse_native("something else").note.is_empty());
    }

    /// What measure.mjs prints for a short run.
    const RECORDS: &str = "chromium\t131.0\n\
        first_view\t/\t4000\n\
        first_view\t/app_bg.wasm\t600000\n\
        first_chart\tapp\t1\t900.0\n\
        first_chart\tapp\t2\t700.0\n\
        first_chart\tpeer\t1\t100.0\n\
        routes\t60\t58\n\
        route\tgoals\t12.5\n\
        route\tkpi\t80.0\n\
        route\tkpi\ttimeout\n\
        heap\t50\t10000000\t10500000\n\
        dom\t1000\t1000\t50\t52\n\
        wasm_counts\t47\t10000\n\
        wasm_bench\tembedded\t0.9\n\
        wasm_bench\tsynthetic\t120.0\n\
        lh\tapp\t1\tperformance\t45\n\
        lh\tpeer\t1\tperformance\t90\n\
        lh\tapp\t1\tlcp_ms\t6000\n\
        lh\tapp\t1\tcls\t0\n\
        lh\tapp\t1\tfcp_ms\tn/a\n\
        lh_version\t12.2.3\tua\n\
        error\tlighthouse peer run 2\tno page\n";

    #[test]
    fn parses_measure_records() {
        let m = Measured::parse(RECORDS);
        assert_eq!(m.chromium, "131.0");
        assert_eq!(m.first_view.len(), 2);
        assert_eq!(m.first_chart["app"], vec![900.0, 700.0]);
        assert_eq!(m.routes, Some((60, 58)));
        assert_eq!(m.route_changes.len(), 3);
        assert_eq!(m.route_changes[2], ("kpi".to_owned(), None));
        assert_eq!(m.heap, Some((50, 1e7, 1.05e7)));
        assert_eq!(m.lh("app", "performance"), &[45.0]);
        assert!(m.lh("app", "fcp_ms").is_empty(), "n/a is no number");
        assert_eq!(m.errors.len(), 1);
    }

    fn cells<'a>(t: &'a Table, figure: &str) -> &'a [String; 6] {
        t.rows
            .iter()
            .find_map(|r| match r {
                Row::Cells(c) if c[0].trim_start().starts_with(figure) => Some(c),
                _ => None,
            })
            .unwrap_or_else(|| panic!("no row {figure}"))
    }

    #[test]
    fn table_puts_each_figure_beside_its_budget() {
        let files = vec![
            FileSize {
                rel: "app_bg.wasm".into(),
                raw: 2_000_000,
                gzip: 640_000,
            },
            FileSize {
                rel: "index.html".into(),
                raw: 9_000,
                gzip: 3_000,
            },
        ];
        let wasm = WasmReport {
            source: "test".into(),
            breakdown: Breakdown {
                total: 100,
                code: 60,
                data: 30,
                custom: 10,
                has_names: true,
                crates: vec![("yew".into(), 40), ("core".into(), 20)],
                functions: 5,
            },
            dataset_json: Some((true, 25)),
        };
        let native = Native {
            embedded_ms: Some(0.4),
            synthetic_ms: Some(60.0),
            note: String::new(),
        };
        let ctx = Context {
            when: "now".into(),
            quick: true,
            counts: QUICK,
            load: "1.0".into(),
            notes: vec!["a remark".into()],
        };
        let t = report(&ctx, &files, &wasm, &native, &Measured::parse(RECORDS));

        let wasm_row = cells(&t, "app_bg.wasm");
        assert_eq!(wasm_row[1], "2,000,000 · 640,000");
        assert_eq!(wasm_row[5], "NO");
        let total = cells(&t, "first view total");
        assert_eq!(total[1], "604,000 sent (gzip -9 643,000)");
        assert_eq!(total[5], "NO");
        let perf = cells(&t, "performance");
        assert_eq!(
            (perf[1].as_str(), perf[2].as_str(), perf[3].as_str()),
            ("45", "90", "0.50")
        );
        assert_eq!(perf[5], "NO");
        assert_eq!(cells(&t, "first contentful paint")[1], NA);
        assert_eq!(cells(&t, "largest contentful paint")[1], "6.00 s");
        assert_eq!(cells(&t, "cumulative layout shift")[5], "yes");
        let chart = cells(&t, "navigation → first chart");
        assert_eq!(
            (chart[1].as_str(), chart[2].as_str(), chart[3].as_str()),
            ("800 ms", "100 ms", "8.00")
        );
        assert_eq!(
            cells(&t, "route change → DOM updated, p95")[5],
            "NO",
            "a timeout fails the budget"
        );
        assert_eq!(cells(&t, "JS heap after GC")[1], "+5.0% (10.00 → 10.50 MB)");
        assert_eq!(cells(&t, "JS heap after GC")[5], "yes");
        assert_eq!(cells(&t, "yew")[1], "40 (66.7%)");
        assert_eq!(cells(&t, "of which www/data/dataset.json")[1], "25");
        assert_eq!(
            cells(&t, "embedded dataset (47 indicators), native")[5],
            "yes"
        );
        assert_eq!(cells(&t, "synthetic (10,000 indicators), native")[5], "NO");
        assert_eq!(cells(&t, "synthetic, wasm")[1], "120.0 ms");

        let text = t.render();
        assert!(text.starts_with("cargo xtask perf --quick"));
        assert!(text.contains("note: not measured: lighthouse peer run 2: no page"));
        assert!(text.contains("note: a remark\n"));
        // Every cell line has the same column separators at the same places.
        let bars: Vec<Vec<usize>> = text
            .lines()
            .filter(|l| l.contains(" │ "))
            .map(|l| {
                l.char_indices()
                    .filter(|(_, c)| *c == '│')
                    .map(|(i, _)| l[..i].chars().count())
                    .collect()
            })
            .collect();
        assert!(bars.len() > 20);
        assert!(bars.iter().all(|b| b == &bars[0]), "columns line up");
    }
}
