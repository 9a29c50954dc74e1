//! JSON without the whitespace between tokens: how the embedded dataset is compiled in.
//!
//! `www/data/dataset.json` is kept in the exporter's pretty layout (readable, diffable, the
//! file users download); the wasm only parses it, so `build.rs` embeds this form instead,
//! about a fifth smaller. Only whitespace outside strings is dropped, so the text parses to
//! exactly the same values. Plain `std` and no dependencies: `build.rs` and `cargo xtask perf`
//! (which looks for the embedded bytes in the wasm) include this file by path, so its tests
//! use nothing but `std` either.

/// `json` with every space, tab, CR and LF outside a string removed (the four whitespace
/// characters of JSON). Strings, escapes included, are copied byte for byte.
pub fn minify_json(json: &str) -> String {
    let mut out = String::with_capacity(json.len());
    let mut in_string = false;
    let mut escaped = false;
    for c in json.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::minify_json;

    #[test]
    fn drops_whitespace_between_tokens_only() {
        let pretty = "{\n \"a b\": [1, 2],\r\n\t\"c\": \"x \\\" y\\\\\", \"d\": \"\\\\\"\n}\n";
        assert_eq!(
            minify_json(pretty),
            r#"{"a b":[1,2],"c":"x \" y\\","d":"\\"}"#
        );
        assert_eq!(minify_json("\"  \""), "\"  \"");
    }
}
