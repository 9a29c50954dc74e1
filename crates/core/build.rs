//! Embeds `www/data/dataset.json` without its layout whitespace (`src/io/minify.rs`): the
//! wasm only parses it, and the pretty file stays the canonical one users download.

#[path = "src/io/minify.rs"]
#[allow(dead_code)]
mod minify;

fn main() {
    let src = concat!(env!("CARGO_MANIFEST_DIR"), "/../../www/data/dataset.json");
    println!("cargo:rerun-if-changed={src}");
    println!("cargo:rerun-if-changed=src/io/minify.rs");
    let json = std::fs::read_to_string(src).unwrap_or_else(|e| panic!("{src}: {e}"));
    let out =
        std::path::Path::new(&std::env::var("OUT_DIR").expect("OUT_DIR")).join("dataset.min.json");
    std::fs::write(&out, minify::minify_json(&json))
        .unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
