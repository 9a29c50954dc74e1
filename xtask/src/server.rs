//! A tiny static file server for the browser tests: serves one directory on
//! `127.0.0.1` (a free port) from a background thread until xtask exits.
//!
//! Only `GET` and `HEAD`, no directory listings, nothing outside the root
//! (`..` is refused), correct MIME types (`application/wasm` matters for
//! streaming compilation). One thread per connection, `Connection: close`.
//! [`start_with_csp`] adds a `Content-Security-Policy` header to every
//! response (the browser tests check the app under [`STRICT_CSP`]).

use std::fs;
use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::thread;

use crate::Result;

/// The policy the built app must work under unchanged (issue 5, README).
pub const STRICT_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:";

/// A running server.
pub struct Server {
    port: u16,
}

impl Server {
    /// `http://127.0.0.1:<port>/`.
    pub fn url(&self) -> String {
        format!("http://127.0.0.1:{}/", self.port)
    }
}

/// Starts serving `dir` on a free loopback port.
pub fn start(dir: &Path) -> Result<Server> {
    start_with_csp(dir, None)
}

/// Like [`start`], sending `csp` as the `Content-Security-Policy` of every response.
pub fn start_with_csp(dir: &Path, csp: Option<&str>) -> Result<Server> {
    let csp = csp.map(str::to_owned);
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind 127.0.0.1: {e}"))?;
    let port = listener
        .local_addr()
        .map_err(|e| format!("local address: {e}"))?
        .port();
    let dir = dir.to_path_buf();
    thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let dir = dir.clone();
            let csp = csp.clone();
            thread::spawn(move || {
                let _ = handle(stream, &dir, csp.as_deref());
            });
        }
    });
    Ok(Server { port })
}

/// The MIME type for a file name.
pub fn content_type(path: &Path) -> &'static str {
    match path.extension().and_then(|e| e.to_str()).unwrap_or("") {
        "html" => "text/html; charset=utf-8",
        "js" | "mjs" => "text/javascript; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "wasm" => "application/wasm",
        "json" => "application/json",
        "svg" => "image/svg+xml",
        "png" => "image/png",
        "ico" => "image/x-icon",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "webmanifest" => "application/manifest+json",
        _ => "application/octet-stream",
    }
}

/// Maps a request target to a file under `root`, or `None` if it escapes it.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or("/");
    let path = percent_decode(path)?;
    let mut file = root.to_path_buf();
    for part in path.split('/').filter(|p| !p.is_empty() && *p != ".") {
        if part == ".." || part.contains('\\') {
            return None;
        }
        file.push(part);
    }
    if path.ends_with('/') || file == root {
        file.push("index.html");
    }
    Some(file)
}

fn percent_decode(s: &str) -> Option<String> {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3)?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn handle(mut stream: TcpStream, root: &Path, csp: Option<&str>) -> std::io::Result<()> {
    let mut reader = BufReader::new(stream.try_clone()?);
    let mut request_line = String::new();
    reader.read_line(&mut request_line)?;
    // Drain the headers; we need none of them.
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line)? == 0 || line == "\r\n" || line == "\n" {
            break;
        }
    }
    let mut parts = request_line.split_whitespace();
    let method = parts.next().unwrap_or("");
    let target = parts.next().unwrap_or("/");
    if method != "GET" && method != "HEAD" {
        return respond(
            &mut stream,
            "405 Method Not Allowed",
            "text/plain",
            b"method not allowed",
            true,
            csp,
        );
    }
    let body = resolve(root, target).and_then(|f| fs::read(&f).ok().map(|b| (f, b)));
    match body {
        Some((file, bytes)) => respond(
            &mut stream,
            "200 OK",
            content_type(&file),
            &bytes,
            method == "GET",
            csp,
        ),
        None => respond(
            &mut stream,
            "404 Not Found",
            "text/plain",
            b"not found",
            method == "GET",
            csp,
        ),
    }
}

fn respond(
    stream: &mut TcpStream,
    status: &str,
    ctype: &str,
    body: &[u8],
    with_body: bool,
    csp: Option<&str>,
) -> std::io::Result<()> {
    let policy = csp
        .map(|p| format!("Content-Security-Policy: {p}\r\n"))
        .unwrap_or_default();
    let head = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {ctype}\r\nContent-Length: {}\r\nCache-Control: no-store\r\n{policy}Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn resolves_inside_the_root_only() {
        let root = Path::new("/srv/dist");
        assert_eq!(resolve(root, "/"), Some(root.join("index.html")));
        assert_eq!(resolve(root, "/?lang=en"), Some(root.join("index.html")));
        assert_eq!(resolve(root, "/a%20b.js"), Some(root.join("a b.js")));
        assert_eq!(
            resolve(root, "/data/x.json"),
            Some(root.join("data/x.json"))
        );
        assert_eq!(resolve(root, "/../etc/passwd"), None);
        assert_eq!(resolve(root, "/%2e%2e/etc"), None);
    }

    #[test]
    fn serves_wasm_with_its_mime_type() {
        assert_eq!(content_type(Path::new("a_bg.wasm")), "application/wasm");
        assert_eq!(
            content_type(Path::new("index.html")),
            "text/html; charset=utf-8"
        );
    }

    #[test]
    fn answers_over_loopback() {
        let dir = std::env::temp_dir().join(format!("xtask-server-{}", std::process::id()));
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join("index.html"), "<p>hi</p>").unwrap();
        let server = start(&dir).unwrap();
        let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
        assert!(response.starts_with("HTTP/1.1 200 OK"), "{response}");
        assert!(response.ends_with("<p>hi</p>"));
        assert!(!response.contains("Content-Security-Policy"));

        let strict = start_with_csp(&dir, Some(STRICT_CSP)).unwrap();
        let mut stream = TcpStream::connect(("127.0.0.1", strict.port)).unwrap();
        stream
            .write_all(b"GET / HTTP/1.1\r\nHost: x\r\n\r\n")
            .unwrap();
        let mut response = String::new();
        std::io::Read::read_to_string(&mut stream, &mut response).unwrap();
        assert!(response.contains(&format!("Content-Security-Policy: {STRICT_CSP}\r\n")));
        fs::remove_dir_all(&dir).unwrap();
    }
}
