//! nginx on loopback for `cargo xtask perf`: a real static server with gzip,
//! as a city would host `dist/`, so transfer sizes and Lighthouse figures are
//! those of a deployment rather than of xtask's uncompressed test server.
//!
//! The configuration is generated into a temporary directory (pid file, logs
//! and nginx's temp paths live there too), nginx runs in the foreground as a
//! child of xtask, and [`Nginx`] stops it on drop. Nothing under `/etc/nginx`
//! is read or changed.

use std::fmt::Write as _;
use std::fs;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::thread;
use std::time::{Duration, Instant};

use crate::{output, Result};

/// The MIME types served (nginx's own table is not used, so `.wasm` is
/// `application/wasm` on any nginx version: streaming compilation needs it).
const TYPES: &[(&str, &str)] = &[
    ("text/html", "html"),
    ("text/css", "css"),
    ("text/javascript", "js mjs"),
    ("application/wasm", "wasm"),
    ("application/json", "json"),
    ("application/manifest+json", "webmanifest"),
    ("image/svg+xml", "svg"),
    ("image/png", "png"),
    ("image/x-icon", "ico"),
    ("text/csv", "csv"),
    ("text/plain", "txt"),
];

/// Compressed on the fly (text/html always is). Level 6 is the level Debian's
/// stock nginx.conf suggests: what a host that "turned gzip on" serves.
const GZIP_TYPES: &str = "text/css text/javascript application/json application/manifest+json application/wasm image/svg+xml text/csv text/plain";

/// One static site: a directory served at the root of a loopback port.
pub struct Site {
    pub port: u16,
    pub root: PathBuf,
}

/// The nginx.conf for `sites`, with every runtime path under `dir`.
pub fn config(dir: &Path, sites: &[Site], as_root: bool) -> String {
    let d = dir.display();
    let mut c = String::new();
    // As root, nginx would run its workers as `nobody`, who may not read a
    // checkout under /root; this server only listens on loopback.
    if as_root {
        c.push_str("user root;\n");
    }
    let _ = write!(
        c,
        "worker_processes 1;\ndaemon off;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
         events {{ worker_connections 256; }}\n\
         http {{\n  access_log off;\n  \
         client_body_temp_path {d}/tmp-body;\n  proxy_temp_path {d}/tmp-proxy;\n  \
         fastcgi_temp_path {d}/tmp-fastcgi;\n  uwsgi_temp_path {d}/tmp-uwsgi;\n  \
         scgi_temp_path {d}/tmp-scgi;\n  types {{\n"
    );
    for (mime, exts) in TYPES {
        let _ = writeln!(c, "    {mime} {exts};");
    }
    let _ = write!(
        c,
        "  }}\n  default_type application/octet-stream;\n  charset utf-8;\n  \
         charset_types text/css text/javascript application/json image/svg+xml text/csv text/plain;\n  \
         sendfile on;\n  gzip on;\n  gzip_comp_level 6;\n  gzip_min_length 256;\n  gzip_vary on;\n  \
         gzip_types {GZIP_TYPES};\n"
    );
    for site in sites {
        let _ = writeln!(
            c,
            "  server {{\n    listen 127.0.0.1:{};\n    root {};\n    index index.html;\n  }}",
            site.port,
            site.root.display()
        );
    }
    c.push_str("}\n");
    c
}

/// A free loopback port (bound and released: another process could take it
/// in between, which nginx would then report).
pub fn free_port() -> Result<u16> {
    let l = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("bind 127.0.0.1: {e}"))?;
    l.local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("local address: {e}"))
}

/// A running nginx; stopped when dropped.
pub struct Nginx {
    child: Child,
    dir: PathBuf,
}

impl Nginx {
    /// Writes the configuration into `dir` (created) and starts nginx on it,
    /// waiting until every site's port accepts connections.
    pub fn start(dir: &Path, sites: &[Site]) -> Result<Nginx> {
        fs::create_dir_all(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
        let as_root = output("id", &["-u"]).as_deref() == Some("0");
        let conf = dir.join("nginx.conf");
        fs::write(&conf, config(dir, sites, as_root))
            .map_err(|e| format!("{}: {e}", conf.display()))?;
        let child = Command::new(binary())
            .arg("-p")
            .arg(dir)
            .arg("-c")
            .arg(&conf)
            .stdin(Stdio::null())
            .spawn()
            .map_err(|e| format!("could not start nginx: {e} (run `cargo xtask setup`)"))?;
        let mut nginx = Nginx {
            child,
            dir: dir.to_path_buf(),
        };
        let deadline = Instant::now() + Duration::from_secs(10);
        for site in sites {
            while TcpStream::connect(("127.0.0.1", site.port)).is_err() {
                if let Ok(Some(status)) = nginx.child.try_wait() {
                    return Err(format!("nginx exited ({status}): {}", nginx.error_log()));
                }
                if Instant::now() > deadline {
                    return Err(format!(
                        "nginx did not listen on 127.0.0.1:{} within 10 s: {}",
                        site.port,
                        nginx.error_log()
                    ));
                }
                thread::sleep(Duration::from_millis(50));
            }
        }
        Ok(nginx)
    }

    fn error_log(&self) -> String {
        fs::read_to_string(self.dir.join("error.log")).unwrap_or_default()
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // SIGTERM, not SIGKILL: the master then stops its worker too.
        let pid = self.child.id().to_string();
        let stopped = Command::new("kill")
            .args(["-TERM", &pid])
            .status()
            .is_ok_and(|s| s.success());
        if !stopped {
            let _ = self.child.kill();
        }
        let _ = self.child.wait();
    }
}

/// nginx from PATH, else Debian's `/usr/sbin/nginx` (not on a user's PATH).
pub fn binary() -> PathBuf {
    if output("nginx", &["-v"]).is_some() {
        PathBuf::from("nginx")
    } else {
        PathBuf::from("/usr/sbin/nginx")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn config_serves_each_site_with_gzip_and_wasm_type() {
        let sites = [
            Site {
                port: 4001,
                root: PathBuf::from("/srv/dist"),
            },
            Site {
                port: 4002,
                root: PathBuf::from("/srv/peer"),
            },
        ];
        let c = config(Path::new("/tmp/x"), &sites, false);
        assert!(c.contains("listen 127.0.0.1:4001;\n    root /srv/dist;"));
        assert!(c.contains("listen 127.0.0.1:4002;\n    root /srv/peer;"));
        assert!(c.contains("application/wasm wasm;"));
        assert!(c.contains("gzip on;"));
        let gz = c.lines().find(|l| l.contains("gzip_types")).unwrap();
        for t in [
            "text/css",
            "text/javascript",
            "application/wasm",
            "application/json",
            "image/svg+xml",
        ] {
            assert!(gz.contains(t), "{t} not compressed");
        }
        assert!(c.contains("pid /tmp/x/nginx.pid;"));
        assert!(!c.contains("user root"));
        assert!(config(Path::new("/tmp/x"), &sites, true).starts_with("user root;\n"));
        // Balanced braces: nginx would refuse the file otherwise.
        assert_eq!(c.matches('{').count(), c.matches('}').count());
    }
}
