//! Where a wasm module's bytes go, per crate, read from its `name` section.
//!
//! A std-only reader of the few parts of the binary format this needs: the
//! section headers, the import section (imported functions take the first
//! function indices), the code section (one body per defined function) and
//! the `name` custom section's function names. Each body's bytes go to the
//! crate its function name starts with, after demangling (Rust's legacy
//! `_ZN…E` symbols; wasm-ld usually writes names already demangled). Data
//! segments carry no useful names, so they are one figure, with the embedded
//! dataset's JSON found in them byte for byte when it is there.
//!
//! Attribution is by name only: a generic instantiated for another crate's
//! type counts for the crate that defines the `Self` type (`<charming::Chart
//! as serde::Serialize>::serialize` is charming's), which is where cutting it
//! would happen.

use std::collections::BTreeMap;

use crate::Result;

/// The bytes of one module, by section and by crate.
#[derive(Debug, Default, PartialEq)]
pub struct Breakdown {
    /// The whole file.
    pub total: u64,
    /// The code section (function bodies with their size prefixes).
    pub code: u64,
    /// The data section (static data: strings, tables, embedded files).
    pub data: u64,
    /// Custom sections (names, producers, debug info).
    pub custom: u64,
    /// Whether the module has function names at all.
    pub has_names: bool,
    /// Code bytes per crate, largest first.
    pub crates: Vec<(String, u64)>,
    /// Defined functions.
    pub functions: usize,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, pos: 0 }
    }

    fn done(&self) -> bool {
        self.pos >= self.bytes.len()
    }

    fn byte(&mut self) -> Result<u8> {
        let b = *self
            .bytes
            .get(self.pos)
            .ok_or("wasm: unexpected end of input")?;
        self.pos += 1;
        Ok(b)
    }

    /// An unsigned LEB128 number (at most 64 bits).
    fn leb(&mut self) -> Result<u64> {
        let mut value = 0u64;
        let mut shift = 0;
        loop {
            let b = self.byte()?;
            if shift >= 64 {
                return Err("wasm: LEB128 number too long".into());
            }
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
            shift += 7;
        }
    }

    fn take(&mut self, n: u64) -> Result<&'a [u8]> {
        let n = usize::try_from(n).map_err(|_| "wasm: length too large")?;
        let end = self
            .pos
            .checked_add(n)
            .filter(|&e| e <= self.bytes.len())
            .ok_or("wasm: length past the end")?;
        let s = &self.bytes[self.pos..end];
        self.pos = end;
        Ok(s)
    }

    fn name(&mut self) -> Result<String> {
        let len = self.leb()?;
        Ok(String::from_utf8_lossy(self.take(len)?).into_owned())
    }
}

/// Skips one import description, returning true if it imports a function.
fn skip_import(r: &mut Reader) -> Result<bool> {
    r.name()?;
    r.name()?;
    match r.byte()? {
        0x00 => {
            r.leb()?; // type index
            Ok(true)
        }
        0x01 => {
            r.byte()?; // reference type
            skip_limits(r)?;
            Ok(false)
        }
        0x02 => {
            skip_limits(r)?;
            Ok(false)
        }
        0x03 => {
            r.byte()?; // value type
            r.byte()?; // mutability
            Ok(false)
        }
        0x04 => {
            r.byte()?; // tag attribute
            r.leb()?; // type index
            Ok(false)
        }
        other => Err(format!("wasm: unknown import kind {other:#x}")),
    }
}

fn skip_limits(r: &mut Reader) -> Result {
    let flags = r.byte()?;
    r.leb()?;
    if flags & 0x01 != 0 {
        r.leb()?;
    }
    Ok(())
}

/// Function index → name, from the `name` custom section's payload.
fn function_names(payload: &[u8]) -> Result<BTreeMap<u64, String>> {
    let mut names = BTreeMap::new();
    let mut r = Reader::new(payload);
    while !r.done() {
        let id = r.byte()?;
        let size = r.leb()?;
        let sub = r.take(size)?;
        if id == 1 {
            let mut s = Reader::new(sub);
            for _ in 0..s.leb()? {
                let index = s.leb()?;
                names.insert(index, s.name()?);
            }
        }
    }
    Ok(names)
}

/// Reads a module and attributes its code bytes to crates.
pub fn breakdown(wasm: &[u8]) -> Result<Breakdown> {
    if wasm.get(..4) != Some(b"\0asm") {
        return Err("not a wasm module (no \\0asm header)".into());
    }
    let mut r = Reader::new(wasm);
    r.take(8)?;
    let mut out = Breakdown {
        total: wasm.len() as u64,
        ..Breakdown::default()
    };
    let mut imported_functions = 0u64;
    let mut bodies: Vec<u64> = Vec::new();
    let mut names = BTreeMap::new();
    while !r.done() {
        let start = r.pos;
        let id = r.byte()?;
        let size = r.leb()?;
        let payload = r.take(size)?;
        let section_bytes = (r.pos - start) as u64;
        let mut p = Reader::new(payload);
        match id {
            0 => {
                out.custom += section_bytes;
                if p.name()? == "name" {
                    names = function_names(&payload[p.pos..])?;
                }
            }
            2 => {
                for _ in 0..p.leb()? {
                    if skip_import(&mut p)? {
                        imported_functions += 1;
                    }
                }
            }
            10 => {
                out.code += section_bytes;
                for _ in 0..p.leb()? {
                    let before = p.pos;
                    let len = p.leb()?;
                    p.take(len)?;
                    bodies.push((p.pos - before) as u64);
                }
            }
            11 => out.data += section_bytes,
            _ => {}
        }
    }
    out.functions = bodies.len();
    out.has_names = bodies
        .iter()
        .enumerate()
        .any(|(i, _)| names.contains_key(&(imported_functions + i as u64)));
    let mut per_crate: BTreeMap<String, u64> = BTreeMap::new();
    for (i, size) in bodies.iter().enumerate() {
        let krate = match names.get(&(imported_functions + i as u64)) {
            Some(name) => crate_of(&demangle(name)),
            None => "(no name)".to_owned(),
        };
        *per_crate.entry(krate).or_default() += size;
    }
    out.crates = per_crate.into_iter().collect();
    out.crates
        .sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
    Ok(out)
}

/// Where `needle` occurs in `haystack`, if it does (the embedded dataset in the data section).
pub fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Demangles a Rust legacy symbol (`_ZN4core3fmt5write17h…E` → `core::fmt::write`)
/// and drops the trailing `::h<16 hex>` hash of an already demangled one.
/// Anything else comes back unchanged.
pub fn demangle(name: &str) -> String {
    let plain = match name.strip_prefix("_ZN").and_then(legacy) {
        Some(d) => d,
        None => name.to_owned(),
    };
    match plain.rsplit_once("::h") {
        Some((head, hash)) if hash.len() == 16 && hash.bytes().all(|b| b.is_ascii_hexdigit()) => {
            head.to_owned()
        }
        _ => plain,
    }
}

/// The path of a legacy symbol after `_ZN`: `<len><ident>`… up to `E`.
fn legacy(mut rest: &str) -> Option<String> {
    let mut parts = Vec::new();
    while !rest.starts_with('E') {
        let digits = rest.bytes().take_while(u8::is_ascii_digit).count();
        if digits == 0 {
            return None;
        }
        let len: usize = rest[..digits].parse().ok()?;
        let ident = rest.get(digits..digits + len)?;
        parts.push(unescape(ident));
        rest = &rest[digits + len..];
    }
    Some(parts.join("::"))
}

/// Undoes the `$LT$`-style escapes and `..` of legacy identifiers.
fn unescape(ident: &str) -> String {
    let ident = ident
        .strip_prefix("_$")
        .map_or(ident.to_owned(), |r| format!("${r}"));
    let mut out = String::new();
    let mut rest = ident.as_str();
    while !rest.is_empty() {
        if let Some(r) = rest.strip_prefix("..") {
            out.push_str("::");
            rest = r;
        } else if let Some(r) = rest.strip_prefix('$') {
            let Some(end) = r.find('$') else {
                out.push_str(rest);
                break;
            };
            let code = &r[..end];
            let ch = match code {
                "LT" => Some('<'),
                "GT" => Some('>'),
                "RF" => Some('&'),
                "BP" => Some('*'),
                "LP" => Some('('),
                "RP" => Some(')'),
                "C" => Some(','),
                "SP" => Some('@'),
                _ => code
                    .strip_prefix('u')
                    .and_then(|h| u32::from_str_radix(h, 16).ok())
                    .and_then(char::from_u32),
            };
            match ch {
                Some(c) => out.push(c),
                None => {
                    out.push('$');
                    out.push_str(code);
                    out.push('$');
                }
            }
            rest = &r[end + 1..];
        } else {
            let c = rest.chars().next().unwrap_or_default();
            out.push(c);
            rest = &rest[c.len_utf8()..];
        }
    }
    out
}

/// The crate a demangled path belongs to: its first path segment, looking
/// through `<`, `&`, `*const`, `[`, `dyn`…; for `<u8 as core::fmt::Debug>`
/// (a primitive `Self`), the trait's crate. wasm-bindgen's generated glue and
/// unmangled (C, compiler-builtins) names get buckets of their own.
pub fn crate_of(path: &str) -> String {
    if path.starts_with("__wbindgen")
        || path.starts_with("__wbg_")
        || path.starts_with("__externref")
    {
        return "wasm-bindgen (glue)".to_owned();
    }
    let mut s = path.trim_start();
    loop {
        let before = s.len();
        s = s.trim_start_matches(['<', '&', '*', '[', '(', ' ']);
        for prefix in ["mut ", "const ", "dyn ", "impl "] {
            if let Some(r) = s.strip_prefix(prefix) {
                s = r;
            }
        }
        if s.len() == before {
            break;
        }
    }
    let ident: String = s
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
        .collect();
    if !ident.is_empty() && s[ident.len()..].starts_with("::") {
        return ident;
    }
    if let Some((_, tr)) = path.split_once(" as ") {
        let krate = crate_of(tr);
        if !krate.starts_with('(') {
            return krate;
        }
    }
    if path.contains("::") {
        "(other Rust)".to_owned()
    } else {
        "(unmangled: C, builtins)".to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leb(mut n: u64, out: &mut Vec<u8>) {
        loop {
            let b = (n & 0x7f) as u8;
            n >>= 7;
            if n == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }

    fn section(id: u8, payload: &[u8], out: &mut Vec<u8>) {
        out.push(id);
        leb(payload.len() as u64, out);
        out.extend_from_slice(payload);
    }

    fn string(s: &str, out: &mut Vec<u8>) {
        leb(s.len() as u64, out);
        out.extend_from_slice(s.as_bytes());
    }

    /// One imported function, three bodies of 3, 5 and 200 bytes, a data
    /// section and a name section naming the three (mangled, demangled, C).
    fn module(with_names: bool) -> Vec<u8> {
        let mut m = b"\0asm\x01\0\0\0".to_vec();
        let mut imports = vec![1];
        string("env", &mut imports);
        string("f", &mut imports);
        imports.extend([0x00, 0x00]);
        section(2, &imports, &mut m);
        let mut code = vec![3];
        for len in [2u64, 4, 198] {
            leb(len, &mut code);
            code.extend(std::iter::repeat_n(0u8, len as usize));
        }
        section(10, &code, &mut m);
        section(11, b"\x01\x00\x41\x00\x0b\x03abc", &mut m);
        if !with_names {
            return m;
        }
        let mut names = Vec::new();
        string("name", &mut names);
        let mut sub = vec![3];
        for (i, n) in [
            (1u64, "_ZN10serde_json2de5parse17h0123456789abcdefE"),
            (
                2,
                "<charming::Chart as serde::ser::Serialize>::serialize::h0123456789abcdef",
            ),
            (3, "memcpy"),
        ] {
            leb(i, &mut sub);
            string(n, &mut sub);
        }
        names.push(1);
        leb(sub.len() as u64, &mut names);
        names.extend(sub);
        section(0, &names, &mut m);
        m
    }

    #[test]
    fn attributes_bodies_to_crates_by_name() {
        let m = module(true);
        let b = breakdown(&m).unwrap();
        assert!(b.has_names);
        assert_eq!(b.functions, 3);
        assert_eq!(b.total, m.len() as u64);
        // Each body counts with its one-byte size prefix.
        assert_eq!(
            b.crates,
            vec![
                ("(unmangled: C, builtins)".to_owned(), 200),
                ("charming".to_owned(), 5),
                ("serde_json".to_owned(), 3),
            ]
        );
        // Section id, two-byte size, count, bodies.
        assert_eq!(b.code, 1 + 2 + 1 + 3 + 5 + 200);
        assert_eq!(b.data, 1 + 1 + 9);
    }

    #[test]
    fn a_module_without_names_says_so() {
        let m = module(false);
        let b = breakdown(&m).unwrap();
        assert!(!b.has_names);
        assert_eq!(b.crates, vec![("(no name)".to_owned(), 208)]);
        assert!(breakdown(b"nope").is_err());
        assert!(breakdown(&m[..m.len() - 3]).is_err(), "truncated");
    }

    #[test]
    fn demangles_legacy_symbols() {
        assert_eq!(
            demangle("_ZN4core3fmt5write17h0123456789abcdefE"),
            "core::fmt::write"
        );
        assert_eq!(
            demangle("_ZN61_$LT$serde_json..de..Deserializer$LT$R$GT$$u20$as$u20$Foo$GT$3foo17h0123456789abcdefE"),
            "<serde_json::de::Deserializer<R> as Foo>::foo"
        );
        assert_eq!(demangle("memcpy"), "memcpy");
        assert_eq!(demangle("yew::html::h1"), "yew::html::h1");
    }

    #[test]
    fn finds_the_crate_of_a_path() {
        assert_eq!(crate_of("core::fmt::write"), "core");
        assert_eq!(crate_of("<&mut yew::Foo as core::fmt::Debug>::fmt"), "yew");
        assert_eq!(crate_of("<[T] as alloc::slice::Join>::join"), "alloc");
        assert_eq!(crate_of("<str as core::fmt::Display>::fmt"), "core");
        assert_eq!(crate_of("__wbindgen_malloc"), "wasm-bindgen (glue)");
        assert_eq!(crate_of("dlmalloc"), "(unmangled: C, builtins)");
        assert!(contains(b"xxabcxx", b"abc"));
        assert!(!contains(b"xxabxx", b"abc"));
    }
}
