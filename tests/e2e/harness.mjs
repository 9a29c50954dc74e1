// Shared harness of the browser suite (imported by every *.test.mjs; not a test
// itself). playwright-core drives Debian's Chromium with the flags this machine
// needs; every page records console errors, page errors and any request that
// leaves loopback (aborted), so each test can end with `clean(session)`.
// Waits are on page conditions, never on time.

import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';

export const BASE = process.env.BASE_URL;
export const OUT = process.env.E2E_OUT ?? 'tests/e2e/out';
export const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];
export const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');

/** True for loopback, data: and blob: URLs: the only ones a page may load. */
export function isLoopback(url) {
  if (url.protocol === 'data:' || url.protocol === 'blob:') return true;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
}

/**
 * A persistent context in a fresh profile (a new --user-data-dir), animation off.
 * Service workers are blocked unless asked for: the offline worker would answer
 * from its cache, past `page.route` (it is tested in portal.test.mjs).
 * Returns `{ context, close }`.
 */
export async function launchContext(prefix, options = {}) {
  assert.ok(BASE, 'BASE_URL must point at dist/ served on loopback (cargo xtask e2e does this)');
  mkdirSync(OUT, { recursive: true });
  const profile = mkdtempSync(join(tmpdir(), `machi-kpi-e2e-${prefix}-`));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ARGS,
    reducedMotion: 'reduce',
    serviceWorkers: 'block',
    ...options,
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Opens `path` (relative to `base`) in `context` at the given size, recording
 * problems, and waits until the app runs. Returns `{ page, errors, external, requests }`.
 */
export async function openPage(context, path, { base = BASE, width = 1280, height = 800, route = true } = {}) {
  const page = await context.newPage();
  await page.setViewportSize({ width, height });
  const session = { page, errors: [], external: [], requests: [] };
  page.on('console', (m) => { if (m.type() === 'error') session.errors.push(m.text()); });
  page.on('pageerror', (e) => session.errors.push(String(e)));
  page.on('request', (r) => {
    session.requests.push(r.url());
    if (!isLoopback(new URL(r.url()))) session.external.push(r.url());
  });
  if (route) {
    await page.route('**/*', (r) => {
      const url = new URL(r.request().url());
      if (isLoopback(url)) return r.continue();
      session.external.push(url.href);
      return r.abort();
    });
  }
  await page.goto(new URL(path, base).href);
  await page.waitForSelector('html[data-app="running"]');
  return session;
}

/** No request left loopback and the console has no errors. */
export function clean({ errors, external }) {
  assert.deepEqual([...new Set(external)], [], 'requests left loopback');
  assert.deepEqual(errors, [], 'console errors');
}

/**
 * Waits until every chart container on the page has drawn an <svg> or <canvas>
 * (with `fullWidth`, at the container's width, not a first layout's narrower
 * one; with `some`, at least one chart must exist). Returns what was drawn.
 */
export async function chartsDrawn(page, { fullWidth = false, some = true } = {}) {
  // Charts start when they come near the viewport (src/components/chart.rs),
  // so each one not drawn yet is scrolled to, as a reader would; the scroll
  // position is restored afterwards. A prerendered drawing (`.echart-static`,
  // build-time SVG) does not count: only the live ECharts instance does.
  const scrollY = await page.evaluate(() => window.scrollY);
  await page.waitForFunction(({ fullWidth, some }) => {
    const charts = [...document.querySelectorAll('.echart')];
    if (some && charts.length === 0) return false;
    const live = (el) => el.querySelector('svg:not(.echart-static svg), canvas');
    const waiting = charts.find((el) => !live(el));
    if (waiting) {
      waiting.scrollIntoView({ block: 'center' });
      return false;
    }
    return charts.every((el) => !fullWidth || live(el).getBoundingClientRect().width >= el.getBoundingClientRect().width - 2);
  }, { fullWidth, some });
  await page.evaluate((y) => window.scrollTo(0, y), scrollY);
  return page.$$eval('.echart', (els) => els.map((el) => ({
    id: el.id,
    drawn: Boolean(el.querySelector('svg:not(.echart-static svg), canvas')),
    width: el.getBoundingClientRect().width,
  })));
}

export async function axeViolations(page, { seriousOnly = false } = {}) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async (seriousOnly) => {
    const result = await window.axe.run(document, { resultTypes: ['violations'] });
    return result.violations
      .filter((v) => !seriousOnly || v.impact === 'serious' || v.impact === 'critical')
      .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, seriousOnly);
}

/**
 * The text of the first element matching `selector` as a reader reads it: without the
 * furigana readings of やさしい日本語 (`<rt>`), which `textContent` would glue to their kanji.
 */
export function readText(page, selector) {
  return page.locator(selector).first().evaluate((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
    return copy.textContent;
  });
}

/** Every element matching `selector`, read as by {@link readText}. */
export function readTexts(page, selector) {
  return page.locator(selector).evaluateAll((els) => els.map((el) => {
    const copy = el.cloneNode(true);
    copy.querySelectorAll('rt, rp').forEach((n) => n.remove());
    return copy.textContent;
  }));
}
