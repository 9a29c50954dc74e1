// machi-kpi service worker: keeps the app usable offline after one visit.
//
// - install: precaches the app shell and every file of dist/ (PRECACHE,
//   written at build time by xtask/post-build.mjs with the hashed file names)
//   and activates at once.
// - activate: deletes caches of other versions and takes control of open pages.
// - fetch: only same-origin GET requests are handled; anything else goes to
//   the network untouched (the app itself never requests another origin).
//   Pages (navigations): network first, falling back to the cached
//   index.html, so a reload works with the server stopped. Precached
//   scripts, styles and wasm (immutable for a VERSION): cache first. Other
//   files (data/, e.g. a CSV named by ?data=): network first, the cached
//   copy when offline.
"use strict";

const VERSION = "dev"; // written by xtask/post-build.mjs
const PRECACHE = ["./", "./index.html"]; // written by xtask/post-build.mjs

const CACHE = "machi-kpi-" + VERSION;
const SCOPE = new URL("./", self.location.href);
const PRECACHED = new Set(PRECACHE.map((path) => new URL(path, SCOPE).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(CACHE)
      .then((cache) => cache.addAll(PRECACHE.map((path) => new Request(new URL(path, SCOPE), { cache: "reload" }))))
      .then(() => self.skipWaiting()),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("machi-kpi-") && k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

// Files that change only with a new build (and so a new VERSION): not the
// pages, and not data/, which portal staff may replace in place.
function immutable(pathname) {
  return PRECACHED.has(pathname) && !pathname.endsWith("/") && !pathname.endsWith(".html") && !pathname.includes("/data/");
}

async function networkFirst(request, fallback) {
  const cache = await caches.open(CACHE);
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") await cache.put(request, response.clone());
    return response;
  } catch (error) {
    const cached =
      (await cache.match(request)) ||
      (await cache.match(request, { ignoreSearch: true })) ||
      (fallback && (await cache.match(new URL(fallback, SCOPE))));
    if (cached) return cached;
    throw error;
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE);
  const cached = await cache.match(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await cache.put(request, response.clone());
  return response;
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(networkFirst(request, "./index.html"));
  } else if (immutable(url.pathname)) {
    event.respondWith(cacheFirst(request));
  } else {
    event.respondWith(networkFirst(request));
  }
});
