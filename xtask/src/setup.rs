//! `cargo xtask setup`: installs every tool the build and tests need, and
//! skips each one that is already present at the right version.
//!
//! | tool | source | check |
//! | --- | --- | --- |
//! | `wasm32-unknown-unknown` target | rustup | `rustup target list --installed` |
//! | trunk [`TRUNK_VERSION`] | `cargo install --locked` | `trunk --version` |
//! | wasm-bindgen-cli = Cargo.lock's wasm-bindgen | `cargo install` (not `--locked`: its lockfile pins a crate version crates.io lacks) | `wasm-bindgen --version` |
//! | echarts, binaryen (wasm-opt), playwright-core, axe-core | `npm ci` from `package-lock.json` | a stamp in `node_modules/` equal to the lockfile |
//! | chromium, chromium-driver | `apt-get install` | `/usr/bin/chromium` exists |
//! | fonts-noto-cjk (for readable screenshots) | `apt-get install` | `fc-list :lang=ja` is not empty |
//! | nginx (the gzip server of `cargo xtask perf`) | `apt-get install` | `nginx -v` runs |
//! | lighthouse (for `cargo xtask perf`) | `npm ci`, with the packages above | `node_modules/lighthouse/cli/index.js` exists |
//!
//! The quick steps run first so a broken network or registry shows up before
//! the ten minutes of `cargo install`.

use std::fs;
use std::path::Path;

use crate::{cmd, output, root, run, Result};

/// The trunk release this project is built and tested with (0.22 needs a
/// newer rustc than the one this project targets).
pub const TRUNK_VERSION: &str = "0.21.14";

/// The browser the end-to-end tests drive (Debian's package).
pub const CHROMIUM: &str = "/usr/bin/chromium";

const STAMP: &str = "node_modules/.xtask-package-lock.json";

/// Installs whatever is missing.
pub fn ensure() -> Result {
    node_packages()?;
    chromium()?;
    nginx()?;
    wasm_target()?;
    trunk()?;
    wasm_bindgen()?;
    Ok(())
}

fn skip(what: &str) {
    eprintln!("xtask: setup: {what} (present)");
}

fn wasm_target() -> Result {
    let installed = output("rustup", &["target", "list", "--installed"]).unwrap_or_default();
    if installed
        .lines()
        .any(|l| l.trim() == "wasm32-unknown-unknown")
    {
        skip("wasm32-unknown-unknown target");
        return Ok(());
    }
    run(cmd("rustup", &["target", "add", "wasm32-unknown-unknown"]))
}

fn trunk() -> Result {
    let want = format!("trunk {TRUNK_VERSION}");
    if output("trunk", &["--version"]).as_deref() == Some(want.as_str()) {
        skip(&want);
        return Ok(());
    }
    run(cmd(
        "cargo",
        &[
            "install",
            "--locked",
            "--force",
            "trunk",
            "--version",
            TRUNK_VERSION,
        ],
    ))
}

/// The `wasm-bindgen` version in `Cargo.lock` (the CLI must match it exactly).
pub fn locked_wasm_bindgen() -> Result<String> {
    let lock = fs::read_to_string(root().join("Cargo.lock"))
        .map_err(|e| format!("Cargo.lock: {e} (run `cargo generate-lockfile`)"))?;
    lock_version(&lock, "wasm-bindgen").ok_or_else(|| "wasm-bindgen is not in Cargo.lock".into())
}

fn lock_version(lock: &str, package: &str) -> Option<String> {
    let needle = format!("name = \"{package}\"");
    let mut lines = lock.lines();
    while let Some(line) = lines.next() {
        if line.trim() == needle {
            let version = lines.next()?.trim().strip_prefix("version = \"")?;
            return version.strip_suffix('"').map(str::to_owned);
        }
    }
    None
}

fn wasm_bindgen() -> Result {
    let version = locked_wasm_bindgen()?;
    let want = format!("wasm-bindgen {version}");
    if output("wasm-bindgen", &["--version"]).as_deref() == Some(want.as_str()) {
        skip(&want);
        return Ok(());
    }
    run(cmd(
        "cargo",
        &[
            "install",
            "--force",
            "wasm-bindgen-cli",
            "--version",
            &format!("={version}"),
        ],
    ))
}

fn node_packages() -> Result {
    if output("npm", &["--version"]).is_none() {
        apt_install(&["nodejs", "npm"])?;
    }
    let lock = fs::read(root().join("package-lock.json"))
        .map_err(|e| format!("package-lock.json: {e}"))?;
    if fs::read(root().join(STAMP)).ok().as_deref() == Some(lock.as_slice())
        && root().join("node_modules/.bin/wasm-opt").exists()
        && root().join("node_modules/lighthouse/cli/index.js").exists()
    {
        skip("npm packages from package-lock.json");
        return Ok(());
    }
    // No install scripts: none of our packages needs one, and playwright-core
    // must never fetch a browser of its own.
    let mut npm = cmd(
        "npm",
        &["ci", "--ignore-scripts", "--no-audit", "--no-fund"],
    );
    npm.env("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
    run(npm)?;
    fs::write(root().join(STAMP), lock).map_err(|e| format!("{STAMP}: {e}"))
}

/// Chromium for the browser tests, and a Japanese font so its screenshots
/// show text rather than empty boxes.
fn chromium() -> Result {
    let mut missing = Vec::new();
    if Path::new(CHROMIUM).exists() {
        skip("chromium");
    } else {
        missing.extend(["chromium", "chromium-driver"]);
    }
    if output("fc-list", &[":lang=ja"]).is_some_and(|fonts| !fonts.is_empty()) {
        skip("a Japanese font");
    } else {
        missing.push("fonts-noto-cjk");
    }
    if missing.is_empty() {
        Ok(())
    } else {
        apt_install(&missing)
    }
}

/// nginx, the static server with gzip that `cargo xtask perf` measures behind
/// (Debian's package; its service is never started: perf runs its own).
fn nginx() -> Result {
    if output(&crate::nginx::binary().to_string_lossy(), &["-v"]).is_some() {
        skip("nginx");
        return Ok(());
    }
    apt_install(&["nginx"])
}

/// `apt-get update && apt-get install -y <packages>`, through sudo when not root.
fn apt_install(packages: &[&str]) -> Result {
    let root_user = output("id", &["-u"]).as_deref() == Some("0");
    let apt = |args: &[&str]| {
        let mut c = if root_user {
            cmd("apt-get", args)
        } else {
            let mut all = vec!["apt-get"];
            all.extend_from_slice(args);
            cmd("sudo", &all)
        };
        c.env("DEBIAN_FRONTEND", "noninteractive");
        c
    };
    run(apt(&["update"]))?;
    let mut args = vec!["install", "-y"];
    args.extend_from_slice(packages);
    run(apt(&args))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_a_version_from_a_lockfile() {
        let lock = "[[package]]\nname = \"wasm-bindgen\"\nversion = \"0.2.130\"\n\
                    [[package]]\nname = \"wasm-bindgen-backend\"\nversion = \"0.2.130\"\n";
        assert_eq!(
            lock_version(lock, "wasm-bindgen").as_deref(),
            Some("0.2.130")
        );
        assert_eq!(lock_version(lock, "trunk"), None);
    }
}
