//! `cargo xtask`: set-up, build and test commands for machi-kpi.
//!
//! Plain Rust over `std::process::Command`, no dependencies, so it builds in
//! seconds on a fresh machine and reads top to bottom. Subcommands:
//!
//! - `setup`: installs what the other commands need, skipping anything
//!   already present at the right version ([`setup`]).
//! - `serve`: setup, then `trunk serve` on http://127.0.0.1:8080.
//! - `dist`:  setup, then the prerender of the default view
//!   (`examples/prerender.rs` → `build/prerender.json`), a relocatable
//!   release build in `dist/` (Trunk; its hooks bundle ECharts and write the
//!   prerendered page and chart SVGs into `dist/index.html`) and a size
//!   report ([`sizes`]).
//! - `test`:  every test layer: fmt, clippy, `cargo test --workspace`
//!   (unit, snapshot and SSR tests), the dist build, and the browser
//!   end-to-end suite; ends with the test counts.
//! - `e2e`:   setup, dist build and the browser suite only (`--no-build` to
//!   reuse `dist/`).
//! - `bench`: the core's analysis benchmark (`machi-kpi bench`, built with the
//!   `native` profile: the release profile is tuned for a small wasm).
//! - `perf`:  every performance figure of DESIGN.md §6 and issue 9 in one
//!   table beside its budget: sizes, wasm bytes per crate, Lighthouse against
//!   the peer page, first chart, route changes, heap, analysis ([`perf`]).
//!   Reports, never fails on a figure; not part of `test`.
//!
//! Nothing here downloads from outside the package registries: tools come
//! from crates.io (`cargo install`), npm (`npm ci`) and Debian (`apt-get`),
//! and Trunk runs with `offline = true`.

mod nginx;
mod perf;
mod server;
mod setup;
mod sizes;
mod wasm_names;

use std::env;
use std::ffi::OsString;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode, Stdio};
use std::time::Instant;

/// What went wrong, in one sentence for the terminal.
type Result<T = ()> = std::result::Result<T, String>;

const USAGE: &str = "\
usage: cargo xtask <command>

commands:
  setup   install the toolchain pieces (wasm32 target, trunk, wasm-bindgen-cli,
          npm packages, chromium); skips what is already there
  serve   setup, then build and serve the app at http://127.0.0.1:8080
  dist    setup, then build a relocatable release into dist/ and print sizes
  test    fmt, clippy, cargo test, dist build, browser end-to-end tests
  e2e     setup, dist build and the browser end-to-end tests only
          (--no-build: test the existing dist/)
  bench   time the full analysis (embedded and 10,000-indicator datasets),
          natively with optimisations; medians of repeated runs
  perf    setup, dist/ if missing, then one table of every performance figure
          beside its budget (sizes, wasm per crate, Lighthouse vs the peer page,
          first chart, route changes, heap, analysis native and in wasm), served
          by nginx with gzip; raw results in target/perf/ (--quick: fewer samples)
";

fn main() -> ExitCode {
    let args: Vec<String> = env::args().skip(1).collect();
    let started = Instant::now();
    let result = match args.first().map(String::as_str) {
        Some("setup") => setup::ensure(),
        Some("serve") => serve(),
        Some("dist") => dist().map(|_| ()),
        Some("test") => test(),
        Some("e2e") => e2e(!args.iter().any(|a| a == "--no-build")).map(|_| ()),
        Some("bench") => bench(),
        Some("perf") => perf::perf(&args[1..]),
        Some("help") | Some("-h") | Some("--help") | None => {
            print!("{USAGE}");
            Ok(())
        }
        Some(other) => Err(format!("unknown command `{other}`\n\n{USAGE}")),
    };
    match result {
        Ok(()) => {
            // `test` ends with its counts instead, so a reader (and CI) sees them last.
            if args.first().map(String::as_str) != Some("test") {
                eprintln!("xtask: done in {}", elapsed(started));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("xtask: error: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The repository root (xtask lives in `<root>/xtask`).
pub fn root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(Path::to_path_buf).unwrap_or(manifest)
}

/// `PATH` with npm's `node_modules/.bin` first (so Trunk finds binaryen 132's
/// `wasm-opt` before Debian's older one) and `~/.cargo/bin` next.
pub fn tool_path() -> OsString {
    let mut dirs = vec![root().join("node_modules").join(".bin")];
    if let Some(home) = env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
    {
        dirs.push(home.join("bin"));
    }
    if let Some(path) = env::var_os("PATH") {
        dirs.extend(env::split_paths(&path));
    }
    env::join_paths(dirs).unwrap_or_default()
}

/// A command run from the repository root with [`tool_path`] as `PATH`.
pub fn cmd(program: &str, args: &[&str]) -> Command {
    let mut c = Command::new(program);
    c.args(args).current_dir(root()).env("PATH", tool_path());
    c
}

fn describe(c: &Command) -> String {
    let mut s = c.get_program().to_string_lossy().into_owned();
    for a in c.get_args() {
        s.push(' ');
        s.push_str(&a.to_string_lossy());
    }
    s
}

/// Runs `c`, streaming its output; fails if it exits non-zero.
pub fn run(mut c: Command) -> Result {
    eprintln!("$ {}", describe(&c));
    let status = c
        .stdin(Stdio::null())
        .status()
        .map_err(|e| format!("could not start `{}`: {e}", describe(&c)))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`{}` failed ({status})", describe(&c)))
    }
}

/// Runs `c`, streaming its stdout while keeping a copy; stderr passes through.
/// Returns the captured stdout and whether the command succeeded.
pub fn run_tee(mut c: Command) -> Result<(String, bool)> {
    eprintln!("$ {}", describe(&c));
    let mut child = c
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("could not start `{}`: {e}", describe(&c)))?;
    let mut captured = String::new();
    if let Some(out) = child.stdout.take() {
        for line in BufReader::new(out).lines() {
            let line = line.unwrap_or_default();
            println!("{line}");
            captured.push_str(&line);
            captured.push('\n');
        }
    }
    let status = child
        .wait()
        .map_err(|e| format!("`{}` did not finish: {e}", describe(&c)))?;
    Ok((captured, status.success()))
}

/// The stdout of a command, or `None` if it cannot run or fails.
pub fn output(program: &str, args: &[&str]) -> Option<String> {
    let out = cmd(program, args).stdin(Stdio::null()).output().ok()?;
    out.status
        .success()
        .then(|| String::from_utf8_lossy(&out.stdout).trim().to_owned())
}

fn elapsed(since: Instant) -> String {
    let s = since.elapsed().as_secs();
    format!("{}m{:02}s", s / 60, s % 60)
}

fn serve() -> Result {
    setup::ensure()?;
    // `public_url = "./"` is for the relocatable dist; the dev server needs an
    // absolute base for its live-reload websocket.
    run(cmd(
        "trunk",
        &[
            "serve",
            "--address",
            "127.0.0.1",
            "--port",
            "8080",
            "--public-url",
            "/",
        ],
    ))
}

/// Times the full analysis natively (DESIGN.md §6 budgets: 1 ms and 50 ms).
fn bench() -> Result {
    run(cmd(
        "cargo",
        &[
            "run",
            "--profile",
            "native",
            "-p",
            "machi-kpi-cli",
            "--",
            "bench",
        ],
    ))
}

/// Builds the release `dist/` and prints its sizes.
fn dist() -> Result<sizes::Report> {
    setup::ensure()?;
    let t = Instant::now();
    let rendered = prerender()?;
    let mut trunk = cmd("trunk", &["build", "--release"]);
    // Read by xtask/post-build.mjs, which writes the page into dist/index.html.
    trunk.env("MACHI_KPI_PRERENDER", &rendered);
    run(trunk)?;
    eprintln!("xtask: dist built in {}", elapsed(t));
    let report = sizes::measure(&root().join("dist"))?;
    print!("{}", report.table());
    Ok(report)
}

/// Renders the default view natively (`examples/prerender.rs`: the app's
/// `StaticApp` with `yew/ssr`, a native dev-dependency, so nothing of it
/// reaches the wasm) into `build/prerender.json`: the page's HTML and each
/// chart's option JSON, which `xtask/post-build.mjs` draws as SVG.
fn prerender() -> Result<PathBuf> {
    let dir = root().join("build");
    std::fs::create_dir_all(&dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    let path = dir.join("prerender.json");
    let mut c = cmd("cargo", &["run", "--quiet", "--example", "prerender"]);
    eprintln!("$ {} > {}", describe(&c), path.display());
    let out = c
        .stdin(Stdio::null())
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("could not start the prerender: {e}"))?;
    if !out.status.success() {
        return Err(format!("the prerender failed ({})", out.status));
    }
    std::fs::write(&path, &out.stdout).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(path)
}

/// Runs the browser suite against `dist/` served on loopback.
fn e2e(build: bool) -> Result<String> {
    if build {
        dist()?;
    } else {
        setup::ensure()?;
    }
    let dist = root().join("dist");
    if !dist.join("index.html").is_file() {
        return Err("dist/index.html is missing: run `cargo xtask dist` first".into());
    }
    let server = server::start(&dist)?;
    eprintln!("xtask: serving dist/ at {}", server.url());
    // The same files under the strict Content-Security-Policy of issue 5.
    let strict = server::start_with_csp(&dist, Some(server::STRICT_CSP))?;
    eprintln!("xtask: serving dist/ with a strict CSP at {}", strict.url());
    let mut files: Vec<String> = std::fs::read_dir(root().join("tests").join("e2e"))
        .map_err(|e| format!("tests/e2e: {e}"))?
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".test.mjs"))
        // `E2E_ONLY=hostile,portal` runs only the files whose names contain one of the words
        // (for iterating; CI runs them all).
        .filter(|n| match std::env::var("E2E_ONLY") {
            Ok(only) if !only.is_empty() => only.split(',').any(|w| n.contains(w)),
            _ => true,
        })
        .map(|n| format!("tests/e2e/{n}"))
        .collect();
    files.sort();
    if files.is_empty() {
        return Err("no tests/e2e/*.test.mjs files".into());
    }
    let mut args = vec!["--test"];
    args.extend(files.iter().map(String::as_str));
    let mut c = cmd("node", &args);
    c.env("BASE_URL", server.url())
        .env("CSP_BASE_URL", strict.url())
        .env("DIST_DIR", &dist)
        .env("E2E_OUT", root().join("tests").join("e2e").join("out"))
        .env("CHROMIUM", setup::CHROMIUM);
    let (out, ok) = run_tee(c)?;
    if ok {
        Ok(out)
    } else {
        Err(format!("browser tests failed\n{}", node_summary(&out)))
    }
}

/// `test result: ok. 12 passed; 0 failed; 1 ignored; ...` lines, summed.
fn cargo_counts(out: &str) -> (usize, usize, usize) {
    let mut totals = (0, 0, 0);
    for line in out.lines().filter(|l| l.starts_with("test result:")) {
        let num = |word: &str| {
            line.split(';')
                .find(|part| part.trim_end().ends_with(word))
                .and_then(|part| part.split_whitespace().rev().nth(1))
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0)
        };
        totals.0 += num("passed");
        totals.1 += num("failed");
        totals.2 += num("ignored");
    }
    totals
}

/// The closing `# tests / # pass / # fail ...` lines of `node --test`.
fn node_summary(out: &str) -> String {
    out.lines()
        .filter(|l| {
            [
                "# tests",
                "# suites",
                "# pass",
                "# fail",
                "# cancelled",
                "# skipped",
                "# todo",
                "# duration_ms",
            ]
            .iter()
            .any(|p| l.starts_with(p))
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn node_count(out: &str, key: &str) -> usize {
    out.lines()
        .filter_map(|l| l.strip_prefix(key))
        .filter_map(|n| n.trim().parse::<usize>().ok())
        .next_back()
        .unwrap_or(0)
}

fn test() -> Result {
    let started = Instant::now();
    setup::ensure()?;
    let step = |name: &str| eprintln!("\n=== {name} ===");

    step("cargo fmt --check");
    run(cmd("cargo", &["fmt", "--all", "--", "--check"]))?;

    step("cargo clippy");
    run(cmd(
        "cargo",
        &[
            "clippy",
            "--workspace",
            "--all-targets",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    step("cargo clippy (wasm32: the browser-only code)");
    run(cmd(
        "cargo",
        &[
            "clippy",
            "-p",
            "machi-kpi",
            "--target",
            "wasm32-unknown-unknown",
            "--",
            "-D",
            "warnings",
        ],
    ))?;

    step("cargo test --workspace");
    // Snapshots are compared, never written: a changed chart option fails the
    // run until its .snap file is reviewed and updated (INSTA_UPDATE=always).
    let mut c = cmd("cargo", &["test", "--workspace"]);
    // The core's property tests run 10,000 cases here (256 in a plain `cargo test`).
    c.env("INSTA_UPDATE", "no")
        .env("INSTA_FORCE_PASS", "0")
        .env("PROPTEST_CASES", "10000");
    let (cargo_out, cargo_ok) = run_tee(c)?;
    let (passed, failed, ignored) = cargo_counts(&cargo_out);
    if !cargo_ok {
        return Err(format!(
            "cargo test failed: {passed} passed, {failed} failed"
        ));
    }

    step("dist + browser end-to-end tests");
    let node_out = e2e(true)?;
    let node_pass = node_count(&node_out, "# pass");
    let node_fail = node_count(&node_out, "# fail");

    eprintln!("\n=== summary ({}) ===", elapsed(started));
    for line in cargo_out.lines().filter(|l| l.starts_with("test result:")) {
        println!("{line}");
    }
    println!("cargo test: {passed} passed, {failed} failed, {ignored} ignored");
    println!("{}", node_summary(&node_out));
    println!(
        "xtask: {} passed, {} failed",
        passed + node_pass,
        failed + node_fail
    );
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sums_cargo_test_result_lines() {
        let out = "running 2 tests\n\
            test result: ok. 2 passed; 0 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.00s\n\
            test result: ok. 10 passed; 1 failed; 3 ignored; 0 measured; 0 filtered out; finished in 0.01s\n";
        assert_eq!(cargo_counts(out), (12, 1, 3));
    }

    #[test]
    fn reads_node_tap_summary() {
        let out = "ok 1 - a\n# tests 4\n# suites 0\n# pass 3\n# fail 1\n# duration_ms 12\n";
        assert_eq!(node_count(out, "# pass"), 3);
        assert_eq!(node_count(out, "# fail"), 1);
        assert!(node_summary(out).starts_with("# tests 4"));
    }
}
