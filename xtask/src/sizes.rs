//! The `dist/` size report: raw and gzip (-9) bytes of the wasm, the JS glue,
//! ECharts, the data files, everything else, and the total.
//!
//! gzip sizes come from the system `gzip -9 -c` (present on every Debian), so
//! xtask needs no compression crate.

use std::fs;
use std::path::{Path, PathBuf};

use crate::{cmd, Result};

/// One group of files and its sizes.
#[derive(Debug, Default)]
pub struct Group {
    /// What the files are.
    pub name: &'static str,
    /// File names relative to dist/.
    pub files: Vec<String>,
    /// Bytes on disk.
    pub raw: u64,
    /// Bytes after `gzip -9`.
    pub gzip: u64,
}

/// Sizes of everything in dist/, grouped.
#[derive(Debug)]
pub struct Report {
    /// Groups in display order; the last one is the total.
    pub groups: Vec<Group>,
}

/// The group a dist file belongs to.
fn group_of(rel: &str) -> usize {
    let name = rel.rsplit('/').next().unwrap_or(rel);
    if rel.starts_with("data/") {
        3
    } else if name.ends_with(".wasm") {
        0
    } else if name.starts_with("machi-kpi") && name.ends_with(".js") {
        1
    } else if name.starts_with("echarts") || name.starts_with("langJA") {
        2
    } else {
        4
    }
}

/// Every file below `dir`, depth first.
pub(crate) fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result {
    let entries = fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

/// Bytes after the system's `gzip -9` (xtask has no compression crate).
pub(crate) fn gzip_size(path: &Path) -> Result<u64> {
    let out = cmd("gzip", &["-9", "-c"])
        .arg(path)
        .output()
        .map_err(|e| format!("gzip: {e}"))?;
    if !out.status.success() {
        return Err(format!("gzip {} failed", path.display()));
    }
    Ok(out.stdout.len() as u64)
}

/// Measures every file under `dist`.
pub fn measure(dist: &Path) -> Result<Report> {
    let mut groups: Vec<Group> = [
        "wasm (app + embedded data)",
        "JS glue (wasm-bindgen)",
        "ECharts 5.6.0 + JA locale",
        "data files (downloads)",
        "HTML, CSS, boot JS, icon",
        "total",
    ]
    .into_iter()
    .map(|name| Group {
        name,
        ..Group::default()
    })
    .collect();
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    files.sort();
    for file in files {
        let rel = file
            .strip_prefix(dist)
            .unwrap_or(&file)
            .to_string_lossy()
            .replace('\\', "/");
        let raw = fs::metadata(&file)
            .map_err(|e| format!("{rel}: {e}"))?
            .len();
        let gzip = gzip_size(&file)?;
        for i in [group_of(&rel), 5] {
            groups[i].raw += raw;
            groups[i].gzip += gzip;
            if i != 5 {
                groups[i].files.push(rel.clone());
            }
        }
    }
    Ok(Report { groups })
}

impl Report {
    /// The report as an aligned text table.
    pub fn table(&self) -> String {
        let mut s = String::from("\ndist/ sizes (bytes)          raw       gzip -9\n");
        for g in &self.groups {
            s.push_str(&format!("  {:<28} {:>9}  {:>9}\n", g.name, g.raw, g.gzip));
        }
        let first_view = |f: fn(&Group) -> u64| -> u64 {
            self.groups[..5]
                .iter()
                .enumerate()
                .filter(|(i, _)| *i != 3)
                .map(|(_, g)| f(g))
                .sum()
        };
        s.push_str(&format!(
            "  {:<28} {:>9}  {:>9}\n",
            "first view (total - data)",
            first_view(|g| g.raw),
            first_view(|g| g.gzip)
        ));
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_dist_files() {
        assert_eq!(group_of("machi-kpi-3f2a_bg.wasm"), 0);
        assert_eq!(group_of("machi-kpi-3f2a.js"), 1);
        assert_eq!(group_of("echarts.min.js"), 2);
        assert_eq!(group_of("data/dataset.json"), 3);
        assert_eq!(group_of("style-12ab.css"), 4);
        assert_eq!(group_of("index.html"), 4);
    }
}
