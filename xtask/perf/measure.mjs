// The browser half of `cargo xtask perf` (xtask/src/perf.rs starts nginx,
// builds what is needed, runs this script and prints the table).
//
// It measures, in Debian's Chromium, against the sites nginx serves:
//   - the first view: every response of a cold load of the app's `#/`, with
//     the bytes on the wire, from Chromium's own network log (CDP);
//   - navigation → first chart painted, for the app and the peer page;
//   - route change → DOM updated, over hash navigations across every route;
//   - JS heap after GC before and after many route changes (after warm-up);
//   - the core's analysis in wasm (crates/bench-wasm) in a page;
//   - Lighthouse (mobile, its defaults) on the app and the peer, interleaved.
//
// Results go to stdout as tab-separated records (`kind\tfield…`), one per
// line, which perf.rs parses; progress goes to stderr. Nothing here judges a
// figure against a budget, and no timing makes it fail: a measurement that
// cannot be taken is reported as an `error` record instead.
//
// Environment: APP_URL, PEER_URL, BENCH_URL (loopback), OUT_DIR (raw
// Lighthouse JSON), CHROMIUM, LIGHTHOUSE_CLI, and the counts LH_RUNS,
// FIRST_CHART_RUNS, ROUTE_CHANGES, HEAP_CHANGES, BENCH_SAMPLES, BENCH_SIZE.

import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const env = process.env;
const APP = env.APP_URL;
const PEER = env.PEER_URL;
const BENCH = env.BENCH_URL;
const OUT = env.OUT_DIR ?? 'target/perf';
const CHROMIUM = env.CHROMIUM ?? '/usr/bin/chromium';
const count = (name, fallback) => Number.parseInt(env[name] ?? '', 10) || fallback;
const LH_RUNS = count('LH_RUNS', 3);
const FIRST_CHART_RUNS = count('FIRST_CHART_RUNS', 10);
const ROUTE_CHANGES = count('ROUTE_CHANGES', 300);
const HEAP_CHANGES = count('HEAP_CHANGES', 500);
const BENCH_SAMPLES = count('BENCH_SAMPLES', 21);
const BENCH_SIZE = count('BENCH_SIZE', 10000);

// The flags every Chromium of this project runs with (tests/e2e/harness.mjs).
const FLAGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** What identifies a page once its route has rendered: its heading. Every
 *  page has one `<h1>` in `<main>` whose text names that page (a goal's id,
 *  an indicator's name), so it tells routes apart without knowing the app's
 *  class names. */
const HEADING = 'main h1';

const record = (...fields) => {
  process.stdout.write(`${fields.map((f) => String(f).replace(/[\t\n]/g, ' ')).join('\t')}\n`);
};
const progress = (msg) => process.stderr.write(`perf: ${msg}\n`);

/** Runs `f`, turning a failure into an `error` record so the rest still runs. */
async function attempt(what, f) {
  try {
    return await f();
  } catch (e) {
    record('error', what, String(e?.message ?? e).split('\n')[0]);
    progress(`${what} failed: ${e?.stack ?? e}`);
    return undefined;
  }
}

async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: FLAGS });
}

/**
 * Installed before any page script: records `performance.now()` at the first
 * animation frame in which an ECharts chart with content exists: a canvas or
 * svg inside an element ECharts initialised (`_echarts_instance_`), or an svg
 * ECharts rendered server-side (its data elements carry `ecmeta_*`). A canvas
 * counts once any pixel is drawn; an svg once it has a visible shape.
 */
function firstChartProbe() {
  window.__perfFirstChart = null;
  const drawn = (el) => {
    const box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return false;
    if (el instanceof HTMLCanvasElement) {
      try {
        const data = el.getContext('2d').getImageData(0, 0, el.width, el.height).data;
        for (let i = 3; i < data.length; i += 4) if (data[i] !== 0) return true;
      } catch {
        return false;
      }
      return false;
    }
    return el.querySelector('path, rect, text, circle, polygon, polyline') !== null;
  };
  const tick = () => {
    const candidates = [
      ...document.querySelectorAll('[_echarts_instance_] canvas, [_echarts_instance_] svg'),
      ...[...document.querySelectorAll('svg [ecmeta_series_index]')].map((e) => e.closest('svg')),
    ];
    if (candidates.some((el) => el && drawn(el))) {
      window.__perfFirstChart = performance.now();
      return;
    }
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

/** Cold loads of `url` (a new context each: empty cache), `runs` times. */
async function firstChart(browser, target, url, runs) {
  for (let run = 1; run <= runs; run++) {
    const context = await browser.newContext({ serviceWorkers: 'block' });
    try {
      const page = await context.newPage();
      await page.addInitScript(firstChartProbe);
      await page.goto(url);
      const handle = await page.waitForFunction(() => window.__perfFirstChart, null, { timeout: 30000 });
      record('first_chart', target, run, (await handle.jsonValue()).toFixed(1));
    } catch (e) {
      record('error', `first chart (${target}, run ${run})`, String(e?.message ?? e).split('\n')[0]);
    } finally {
      await context.close();
    }
  }
}

/** Every response of a cold load of the app's `#/` until the network is idle
 *  (a new context: empty cache; a second use of a file in the same load comes
 *  from the memory cache with 0 bytes on the wire and is left out). */
async function firstView(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await cdp.send('Network.enable');
    const urls = new Map();
    const done = [];
    cdp.on('Network.responseReceived', (e) => urls.set(e.requestId, e.response.url));
    cdp.on('Network.loadingFinished', (e) => done.push([e.requestId, e.encodedDataLength]));
    await page.addInitScript(firstChartProbe);
    await page.goto(new URL('#/', APP).href, { waitUntil: 'networkidle' });
    await page.waitForFunction(() => window.__perfFirstChart, null, { timeout: 30000 });
    await page.waitForLoadState('networkidle');
    for (const [id, bytes] of done) {
      const url = urls.get(id);
      if (!url || url.startsWith('data:') || bytes === 0) continue;
      const u = new URL(url);
      record('first_view', u.origin === new URL(APP).origin ? u.pathname : u.href, bytes);
    }
  } finally {
    await context.close();
  }
}

/** The app's routes: hash links found on the Overview and on the pages it links to. */
async function discoverRoutes(page) {
  const links = () => page.$$eval('a[href*="#/"]', (as) => as
    .map((a) => new URL(a.href))
    .filter((u) => u.origin === location.origin && u.pathname === location.pathname)
    .map((u) => u.hash.split('?')[0]));
  const seen = new Set(['#/']);
  let frontier = ['#/'];
  for (let depth = 0; depth < 2; depth++) {
    const next = [];
    for (const hash of frontier) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      await page.waitForFunction((sel) => document.querySelector(sel), HEADING, { timeout: 15000 }).catch(() => {});
      await page.waitForTimeout(50);
      for (const h of await links()) {
        if (!seen.has(h) && !h.startsWith('#/embed')) {
          seen.add(h);
          next.push(h);
        }
      }
    }
    frontier = next;
  }
  return [...seen];
}

/** Navigates to `hash` and resolves with ms until the heading reads `expect` (-1 on timeout). */
function hashChange(page, hash, expect) {
  return page.evaluate(({ hash, expect, sel }) => new Promise((resolve) => {
    const t0 = performance.now();
    let timer;
    const ready = () => document.querySelector(sel)?.textContent === expect;
    // Already there (the untimed loops may ask for the current route): no change to wait for.
    if (location.hash.split('?')[0] === hash && ready()) {
      resolve(0);
      return;
    }
    const observer = new MutationObserver(() => {
      if (ready()) {
        const ms = performance.now() - t0;
        observer.disconnect();
        clearTimeout(timer);
        // Let the frame and the effects it schedules (chart set-up) run
        // before the next change, as between two clicks.
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(ms), 0)));
      }
    });
    observer.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
    timer = setTimeout(() => { observer.disconnect(); resolve(-1); }, 10000);
    location.hash = hash;
  }), { hash, expect, sel: HEADING });
}

async function heapAfterGc(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  return { usedSize, nodes: dom.nodes, listeners: dom.jsEventListeners };
}

/** Route changes (timed), then heap after GC across more of them. */
async function routes(browser) {
  const context = await browser.newContext({ serviceWorkers: 'block' });
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    await page.goto(new URL('#/', APP).href);
    // Until the app runs, a prerendered page would not follow the hash. The
    // app marks that moment on <html> (the e2e harness waits for it too).
    await page.waitForSelector('html[data-app="running"]', { timeout: 60000 });
    await page.waitForFunction((sel) => document.querySelector(sel), HEADING, { timeout: 30000 });
    const found = await discoverRoutes(page);
    // Learn each route's heading (untimed), and keep the routes whose
    // heading no other route shares: only those can be told apart.
    const heading = new Map();
    let previous = await page.$eval(HEADING, (h) => h.textContent).catch(() => null);
    for (const hash of found) {
      await page.evaluate((h) => { location.hash = h; }, hash);
      const text = await page.waitForFunction(({ sel, previous }) => {
        const h = document.querySelector(sel);
        return h && h.textContent !== previous ? h.textContent : null;
      }, { sel: HEADING, previous }, { timeout: 10000 }).then((h) => h.jsonValue()).catch(() => null);
      if (text !== null) heading.set(hash, text);
      previous = text ?? previous;
    }
    const texts = [...heading.values()];
    const routes = [...heading.keys()].filter((h) => texts.filter((t) => t === heading.get(h)).length === 1);
    record('routes', found.length, routes.length);
    if (routes.length < 2) throw new Error(`only ${routes.length} route(s) with their own ${HEADING}`);
    // Start from a route that is not the first one timed.
    await hashChange(page, routes[routes.length - 1], heading.get(routes[routes.length - 1]));
    progress(`${ROUTE_CHANGES} route changes over ${routes.length} routes`);
    for (let i = 0; i < ROUTE_CHANGES; i++) {
      const hash = routes[i % routes.length];
      const ms = await hashChange(page, hash, heading.get(hash));
      const kind = hash.slice(2).split('/')[0] || 'overview';
      record('route', kind, ms < 0 ? 'timeout' : ms.toFixed(2));
    }
    // The timed changes above were the warm-up: every route has been drawn.
    progress(`heap over ${HEAP_CHANGES} route changes`);
    const before = await heapAfterGc(cdp);
    for (let i = 0; i < HEAP_CHANGES; i++) {
      const hash = routes[i % routes.length];
      await hashChange(page, hash, heading.get(hash));
    }
    // End on the route where the heap was first measured, so both figures
    // hold the same page.
    const at = routes[(ROUTE_CHANGES - 1) % routes.length];
    if (routes[(HEAP_CHANGES - 1) % routes.length] !== at) await hashChange(page, at, heading.get(at));
    const after = await heapAfterGc(cdp);
    record('heap', HEAP_CHANGES, before.usedSize, after.usedSize);
    record('dom', before.nodes, after.nodes, before.listeners, after.listeners);
  } finally {
    await context.close();
  }
}

/** The core's analysis in wasm: medians are taken by perf.rs. */
async function wasmBench(browser) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(BENCH);
    await page.waitForFunction(() => window.bench, null, { timeout: 30000 });
    const result = await page.evaluate(async ({ samples, size }) => {
      const b = window.bench;
      const [embedded, synthetic] = b.prepare(size);
      // Enough iterations per call that one lasts ≥ 20 ms: the page's
      // clock is coarsened to 0.1 ms or worse.
      const per = (f) => {
        let n = 1;
        for (;;) {
          const t0 = performance.now();
          f(n);
          const ms = performance.now() - t0;
          if (ms >= 20 || n >= 1 << 20) return n;
          n *= 2;
        }
      };
      const time = (f, n) => {
        const out = [];
        for (let i = 0; i < samples; i++) {
          const t0 = performance.now();
          f(n);
          out.push((performance.now() - t0) / n);
        }
        return out;
      };
      const ne = per(b.analyze_embedded);
      const ns = per(b.analyze_synthetic);
      return {
        embedded, synthetic, ne, ns,
        e: time(b.analyze_embedded, ne),
        s: time(b.analyze_synthetic, ns),
      };
    }, { samples: BENCH_SAMPLES, size: BENCH_SIZE });
    record('wasm_counts', result.embedded, result.synthetic);
    for (const ms of result.e) record('wasm_bench', 'embedded', ms.toFixed(4));
    for (const ms of result.s) record('wasm_bench', 'synthetic', ms.toFixed(3));
  } finally {
    await context.close();
  }
}

/** One Lighthouse run (mobile: its default form factor and simulated throttling). */
function lighthouse(target, url, run) {
  const out = join(OUT, `lighthouse-${target}-${run}.json`);
  const profile = mkdtempSync(join(tmpdir(), 'machi-kpi-perf-lh-'));
  try {
    const r = spawnSync(process.execPath, [
      env.LIGHTHOUSE_CLI, url,
      '--output=json', `--output-path=${out}`, '--quiet',
      '--only-categories=performance,accessibility,best-practices',
      `--chrome-flags=${[...FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
    ], { env: { ...env, CHROME_PATH: CHROMIUM }, stdio: ['ignore', 'ignore', 'inherit'] });
    if (r.status !== 0) throw new Error(`lighthouse exited with ${r.status}`);
    const lhr = JSON.parse(readFileSync(out, 'utf8'));
    if (lhr.runtimeError) record('error', `lighthouse ${target} run ${run}`, lhr.runtimeError.message);
    const score = (c) => (lhr.categories[c]?.score == null ? 'n/a' : Math.round(lhr.categories[c].score * 100));
    const audit = (a) => lhr.audits[a]?.numericValue ?? 'n/a';
    record('lh', target, run, 'performance', score('performance'));
    record('lh', target, run, 'accessibility', score('accessibility'));
    record('lh', target, run, 'best-practices', score('best-practices'));
    record('lh', target, run, 'fcp_ms', audit('first-contentful-paint'));
    record('lh', target, run, 'lcp_ms', audit('largest-contentful-paint'));
    record('lh', target, run, 'tbt_ms', audit('total-blocking-time'));
    record('lh', target, run, 'cls', audit('cumulative-layout-shift'));
    record('lh', target, run, 'bytes', audit('total-byte-weight'));
    record('lh_version', lhr.lighthouseVersion, lhr.environment?.hostUserAgent ?? '');
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

mkdirSync(OUT, { recursive: true });
const browser = await launch();
record('chromium', browser.version());
try {
  progress('first view (network log of #/)');
  await attempt('first view', () => firstView(browser));
  progress(`first chart, ${FIRST_CHART_RUNS} cold loads each`);
  await attempt('first chart (app)', () => firstChart(browser, 'app', new URL('#/', APP).href, FIRST_CHART_RUNS));
  await attempt('first chart (peer)', () => firstChart(browser, 'peer', PEER, FIRST_CHART_RUNS));
  await attempt('route changes', () => routes(browser));
  progress('analysis in wasm');
  await attempt('wasm bench', () => wasmBench(browser));
} finally {
  await browser.close();
}
// Lighthouse last, with no other browser open; app and peer alternate so a
// busy moment of this shared machine falls on both alike.
for (let run = 1; run <= LH_RUNS; run++) {
  for (const [target, url] of [['app', new URL('#/', APP).href], ['peer', PEER]]) {
    progress(`lighthouse ${target} ${run}/${LH_RUNS}`);
    await attempt(`lighthouse ${target} run ${run}`, () => lighthouse(target, url, run));
  }
}
