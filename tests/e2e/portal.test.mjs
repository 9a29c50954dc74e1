// End-to-end tests of the open-data portal kit (issue 5) in headless
// Chromium (playwright-core driving Debian's /usr/bin/chromium), run by
// `cargo xtask e2e` / `cargo xtask test` against dist/ served on loopback:
// embed dialog and embed mode (the sample host page's iframes follow their
// content), every download's content, import (Shift_JIS CSV, broken CSV,
// JSON, reload, reset, ?data=), offline reload through the service worker,
// the strict CSP, and hostile data.
//
// BASE_URL serves dist/; CSP_BASE_URL serves the same files with the strict
// Content-Security-Policy header; DIST_DIR is dist/ itself (the offline test
// serves it from a server of its own, which it then stops). Each test has a
// fresh browser context (its own storage and service workers). Every wait is
// on a page condition, never on time. Screenshots go to tests/e2e/out/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { ARGS, BASE, CHROMIUM, OUT, chartsDrawn as harnessChartsDrawn, clean, isLoopback, openPage } from './harness.mjs';

const CSP_BASE = process.env.CSP_BASE_URL;
const DIST = process.env.DIST_DIR ?? 'dist';
const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = join(HERE, '..', '..');
const HOSTILE = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile-dataset.json'));
const EMBEDDED = JSON.parse(readFileSync(join(ROOT, 'www', 'data', 'dataset.json'), 'utf8'));
const OFFICIAL = { total: '47', on_track: '11', mostly_on_track: '18', delayed_covid: '12', delayed: '6' };
const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

let browser;

before(async () => {
  assert.ok(BASE, 'BASE_URL must point at dist/ served on loopback (cargo xtask e2e does this)');
  assert.ok(CSP_BASE, 'CSP_BASE_URL must serve dist/ with the strict CSP (cargo xtask e2e does this)');
  mkdirSync(OUT, { recursive: true });
  browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
});

after(async () => {
  await browser?.close();
});

/** A fresh context: its own storage; service workers only when asked for. */
async function newContext({ serviceWorkers = 'block', ...options } = {}) {
  const ctx = await browser.newContext({
    reducedMotion: 'reduce',
    acceptDownloads: true,
    serviceWorkers,
    ...options,
  });
  return ctx;
}

/**
 * The harness's `openPage` at 1280×860: records console errors, page errors
 * and requests that leave loopback (aborted, unless `route` is false: routing
 * bypasses service workers).
 */
async function open(ctx, path, options = {}) {
  return openPage(ctx, path, { height: 860, ...options });
}

async function figures(page) {
  return page.$$eval('main [data-figure]', (els) => Object.fromEntries(
    els.map((el) => [el.getAttribute('data-figure'), el.textContent.trim()]),
  ));
}

/** Waits until every chart on the page has drawn (the harness scrolls to each). */
async function chartsDrawn(page) {
  await harnessChartsDrawn(page);
}

/** Clicks `locator` and returns the downloaded file's name and bytes. */
async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), bytes: readFileSync(path) };
}

/** The text after a UTF-8 BOM, asserting the BOM is there. */
function csvText(bytes) {
  assert.deepEqual(bytes.subarray(0, 3), BOM, 'UTF-8 BOM');
  return bytes.subarray(3).toString('utf8');
}

/** Goes to a hash route of the already open app and waits for `selector`. */
async function go(page, hash, selector = 'main h1') {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  await page.waitForSelector(selector);
}

/** Chooses `bytes` as `name` in the Data page's file input and waits for the outcome. */
async function importFile(page, name, bytes, mimeType = 'text/csv') {
  await go(page, `#/data${new URL(page.url()).hash.includes('lang=en') ? '?lang=en' : ''}`, '#import-file');
  await page.setInputFiles('#import-file', { name, mimeType, buffer: bytes });
  await page.waitForSelector('.import-ok, .import-errors');
}

// Shift_JIS bytes of the Japanese text used below (checked against Node's
// own Shift_JIS decoder in the test, so a wrong byte fails loudly).
const SJIS = {
  '年間観光入込客数': '944e8ad48acf8cf593fc8d9e8b719094',
  '万人': '969c906c',
};

/** An observations CSV in Shift_JIS: one new `update` actual (FY2022) for annual tourists. */
function shiftJisCsv(value) {
  const parts = [
    'indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw\r\n',
    `annual-tourists,1-2,`, ['年間観光入込客数'], `,,actual,update,fiscal_year,2022,${value},`, ['万人'],
    `,number,${value}`, ['万人'], '\r\n',
  ];
  const bytes = Buffer.concat(parts.map((p) => (Array.isArray(p) ? Buffer.from(SJIS[p[0]], 'hex') : Buffer.from(p, 'ascii'))));
  const decoded = new TextDecoder('shift_jis').decode(bytes);
  assert.match(decoded, /年間観光入込客数,,actual,update,fiscal_year,2022,\d+,万人,number,\d+万人/);
  assert.throws(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes), 'not valid UTF-8');
  return bytes;
}

test('embed dialog: snippet with the current state, copy, focus kept inside and returned', async () => {
  const ctx = await newContext();
  await ctx.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(BASE).origin });
  const session = await open(ctx, './#/kpi/annual-tourists?lang=en&era=wareki');
  const { page } = session;
  const opener = page.locator('button.embed-button');
  await opener.click();
  const dialog = page.getByRole('dialog', { name: 'Embed this view' });
  await dialog.waitFor();
  assert.equal(await page.evaluate(() => document.querySelector('dialog.embed-dialog').open), true);

  const code = await page.inputValue('#embed-code');
  const origin = new URL(BASE).origin;
  const src = `${origin}/#/embed/kpi/annual-tourists?lang=en&amp;era=wareki&amp;embed_id=machi-kpi-kpi-annual-tourists`;
  assert.ok(code.startsWith(`<iframe src="${src}" title="`), code.slice(0, 200));
  assert.match(code, /title="[^"<>]+" loading="lazy"/);
  assert.match(code, /data-machi-kpi-embed="machi-kpi-kpi-annual-tourists"/);
  assert.match(code, /<script>[\s\S]*"machi-kpi-height"[\s\S]*event\.source[\s\S]*<\/script>$/);

  // Focus starts inside, stays inside under Tab and Shift+Tab.
  assert.equal(await page.evaluate(() => document.activeElement.className), 'tool-button primary embed-copy');
  const inside = () => page.evaluate(() => document.querySelector('dialog.embed-dialog').contains(document.activeElement));
  for (let i = 0; i < 7; i += 1) {
    await page.keyboard.press('Tab');
    assert.ok(await inside(), `Tab ${i + 1} stays in the dialog`);
  }
  for (let i = 0; i < 4; i += 1) {
    await page.keyboard.press('Shift+Tab');
    assert.ok(await inside(), `Shift+Tab ${i + 1} stays in the dialog`);
  }

  await page.click('button.embed-copy');
  await page.waitForFunction(() => document.querySelector('.embed-status').textContent.includes('Copied'));
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), code);
  await page.screenshot({ path: join(OUT, 'portal-embed-dialog-1280.png') });

  // The snippet's URL shows the same view in embed mode.
  const embedPage = await ctx.newPage();
  await embedPage.goto(code.match(/src="([^"]+)"/)[1].replaceAll('&amp;', '&'));
  await embedPage.waitForSelector('html[data-app="running"] .app.embed .embed-source');
  assert.equal(await embedPage.locator('.site-header, .site-footer, .main-nav, .page-tools').count(), 0, 'no chrome');
  assert.equal(await embedPage.getAttribute('html', 'lang'), 'en');
  await embedPage.close();

  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.embed-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('embed-button')), true, 'focus back on the button');

  // The close button closes too, and focus returns again.
  await opener.click();
  await dialog.waitFor();
  await page.click('button.embed-close');
  await page.waitForFunction(() => !document.querySelector('dialog.embed-dialog').open);
  assert.equal(await page.evaluate(() => document.activeElement.classList.contains('embed-button')), true);
  clean(session);

  const small = await open(ctx, './#/?lang=ja', { width: 360, height: 780 });
  await small.page.click('button.embed-button');
  await small.page.getByRole('dialog', { name: 'このページを埋め込む' }).waitFor();
  const overflow = await small.page.evaluate(() => {
    const r = document.querySelector('dialog.embed-dialog').getBoundingClientRect();
    return { left: r.left, right: r.right, width: innerWidth };
  });
  assert.ok(overflow.left >= 0 && overflow.right <= overflow.width, `dialog fits 360 px: ${JSON.stringify(overflow)}`);
  await small.page.screenshot({ path: join(OUT, 'portal-embed-dialog-360.png') });
  clean(small);
  await ctx.close();

  // Without the Clipboard API the code is selected for Ctrl+C instead.
  const bare = await newContext();
  await bare.addInitScript(() => Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined }));
  const noClip = await open(bare, './#/?lang=en');
  await noClip.page.click('button.embed-button');
  await noClip.page.click('button.embed-copy');
  await noClip.page.waitForFunction(() => document.querySelector('.embed-status').textContent.includes('Ctrl+C'));
  const selected = await noClip.page.evaluate(() => {
    const area = document.getElementById('embed-code');
    return document.activeElement === area && area.selectionStart === 0 && area.selectionEnd === area.value.length;
  });
  assert.ok(selected, 'the whole code is selected');
  clean(noClip);
  await bare.close();
});

test('sample host page: two embeds whose iframe heights follow their content, and nothing else', async () => {
  const ctx = await newContext();
  // Records which events each window listens to, and what the host page receives.
  await ctx.addInitScript(() => {
    window.__listens = [];
    const add = EventTarget.prototype.addEventListener;
    EventTarget.prototype.addEventListener = function (type, ...rest) {
      if (this === window) window.__listens.push(type);
      return add.call(this, type, ...rest);
    };
    if (window === window.top) {
      window.__messages = [];
      add.call(window, 'message', (e) => {
        const frame = [...document.querySelectorAll('iframe')].find((f) => f.contentWindow === e.source);
        window.__messages.push({ frame: frame ? frame.id : null, data: e.data });
      });
    }
  });
  const page = await ctx.newPage();
  await page.setViewportSize({ width: 1280, height: 900 });
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('./embed-host.html', BASE).href);

  const synced = (id) => page.waitForFunction((frameId) => {
    const f = document.getElementById(frameId);
    const d = f && f.contentDocument;
    if (d?.documentElement?.getAttribute('data-app') !== 'running') return false;
    const h = Math.ceil(d.documentElement.getBoundingClientRect().height);
    return h > 150 && f.style.height === `${h}px`;
  }, id);
  await synced('embed-overview');
  await synced('embed-kpi');
  const outer = (id) => page.evaluate((i) => parseFloat(document.getElementById(i).style.height), id);
  const frame = async (id) => (await page.$(`#${id}`)).contentFrame();

  const overview = await frame('embed-overview');
  const kpi = await frame('embed-kpi');
  assert.equal(await kpi.getAttribute('html', 'lang'), 'en');
  assert.equal(await overview.getAttribute('html', 'lang'), 'ja');
  for (const f of [overview, kpi]) {
    assert.equal(await f.locator('.site-header, .site-footer, .page-tools').count(), 0, 'no chrome in embeds');
    assert.equal(await f.locator('.embed-source').count(), 1, 'a source line');
  }
  await page.screenshot({ path: join(OUT, 'portal-embed-host-1280.png'), fullPage: true });
  await page.screenshot({ path: join(OUT, 'portal-embed-host-1280-top.png') });

  // Content size changes: the chart ⇄ table switch.
  const before = await outer('embed-overview');
  await overview.click('#status-by-goal button.view-table');
  await page.waitForFunction(([id, h]) => parseFloat(document.getElementById(id).style.height) !== h, ['embed-overview', before]);
  await synced('embed-overview');
  const afterTable = await outer('embed-overview');
  assert.notEqual(afterTable, before, 'the iframe height followed the table');

  // Language change inside the embed: the parent still matches its content.
  await overview.evaluate(() => { location.hash = '#/embed/overview?lang=en&embed_id=overview'; });
  await overview.waitForFunction(() => document.documentElement.lang === 'en');
  await synced('embed-overview');

  // Only height messages, each for its own frame and id, sent only on change.
  const messages = await page.evaluate(() => window.__messages);
  assert.ok(messages.length >= 3, `messages: ${messages.length}`);
  const ids = { 'embed-overview': 'overview', 'embed-kpi': 'annual-tourists' };
  const last = {};
  for (const { frame: id, data } of messages) {
    assert.deepEqual(Object.keys(data), ['machi-kpi-height']);
    assert.deepEqual(Object.keys(data['machi-kpi-height']).sort(), ['height', 'id']);
    assert.equal(data['machi-kpi-height'].id, ids[id]);
    const h = data['machi-kpi-height'].height;
    assert.ok(Number.isInteger(h) && h > 0, `height ${h}`);
    assert.notEqual(h, last[id], 'posted only when the height changes');
    last[id] = h;
  }
  // The app listens to no message, so the parent cannot make it do anything.
  for (const f of [overview, kpi]) {
    const listens = await f.evaluate(() => window.__listens);
    assert.ok(!listens.includes('message'), `embed listens to: ${listens.join(', ')}`);
  }
  await page.evaluate(() => document.getElementById('embed-kpi').contentWindow.postMessage({ navigate: '#/data', 'machi-kpi-height': { height: 1 } }, '*'));
  assert.match(await kpi.evaluate(() => location.hash), /^#\/embed\/kpi\/annual-tourists/);

  // A switch inside the embed keeps it an embed (no chrome appears in the frame).
  await kpi.click('details.how-computed > summary');
  await kpi.click('text=Straight line');
  await kpi.waitForFunction(() => location.hash.includes('method='));
  assert.match(await kpi.evaluate(() => location.hash), /^#\/embed\/kpi\/annual-tourists\?.*method=/);
  assert.equal(await kpi.locator('.site-header, .site-footer, .page-tools').count(), 0, 'still no chrome');
  await synced('embed-kpi');
  assert.deepEqual(errors, [], 'console errors');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.evaluate(() => window.scrollTo(0, 0));
  await synced('embed-overview');
  await page.screenshot({ path: join(OUT, 'portal-embed-host-360.png'), fullPage: true });
  await page.screenshot({ path: join(OUT, 'portal-embed-host-360-top.png') });
  await ctx.close();
});

test('downloads: table CSVs, dataset CSVs and JSON, chart PNG and SVG', async () => {
  const ctx = await newContext();
  const session = await open(ctx, './#/?lang=en');
  const { page } = session;
  await chartsDrawn(page);

  // A chart's table is its own file: the figures as numbers, the share's unit in its name.
  const view = await download(page, page.locator('#status-donut button.chart-dl-csv'));
  assert.equal(view.name, 'machi-kpi-status-donut.csv');
  const viewText = csvText(view.bytes);
  assert.ok(viewText.includes('\r\n'), 'CRLF');
  assert.match(viewText, /^Status,Indicators,Share \(%\)\r\n/, viewText.slice(0, 300));
  assert.match(viewText, /^On track,11,23\.4\r\n/m);

  // A table's CSV: one line of column names (a group header is part of each
  // column's name), no sort arrows or icons, and a badge never runs into the note after it.
  await go(page, '#/projections?lang=en', '#projections-table');
  const projections = csvText((await download(page, page.locator('button.table-csv[data-file="machi-kpi-projections-proj-table.csv"]'))).bytes);
  const lines = projections.split('\r\n');
  const header = lines[0];
  assert.ok(header.startsWith('name_ja,name_en,'), header);
  assert.ok(header, projections.slice(0, 400));
  assert.doesNotMatch(header, /[▲▼↕↗↘→★◎○△×]/u, header);
  assert.match(header, /target · Outlook/, header);
  const rows = lines.slice(lines.indexOf(header) + 1).filter((l) => l && !l.startsWith('"'));
  const fields = header.split(',').length;
  const ragged = rows.filter((l) => !l.includes('"') && l.split(',').length !== fields);
  assert.deepEqual(ragged.slice(0, 3), [], `lines with another number of fields than the ${fields} of the header`);
  assert.doesNotMatch(projections, /[^\s,"](Not at this pace|Target achieved|On course)/, 'a badge runs into the next words');
  assert.doesNotMatch(projections, /[▲▼↕↗↘★◎○△]/u, 'icons in the CSV');
  await go(page, '#/?lang=en', '#status-donut');
  await chartsDrawn(page);

  const indicators = csvText((await download(page, page.locator('button.dl-indicators-csv'))).bytes);
  assert.match(indicators.split('\r\n')[0], /^indicator_id,goal_id,/);
  assert.ok(indicators.includes('\r\nannual-tourists,1-2,,numeric_goal,年間観光入込客数,Annual tourist visits,'), 'a known indicator row');

  const obs = await download(page, page.locator('button.dl-observations-csv'));
  assert.equal(obs.name, 'machi-kpi-observations.csv');
  const obsText = csvText(obs.bytes);
  assert.equal(obsText.split('\r\n')[0], 'indicator_id,goal_id,name_ja,name_en,series,role,edition,period_kind,year,value,unit,state,raw');
  assert.ok(obsText.includes('\r\nannual-tourists,1-2,年間観光入込客数,Annual tourist visits,,actual,fy2021_report,fiscal_year,2021,163,万人,number,163万人\r\n'));

  const json = JSON.parse((await download(page, page.locator('button.dl-dataset-json'))).bytes.toString('utf8'));
  assert.equal(json.format, 'machi-kpi/dataset');
  assert.equal(json.indicators.length, EMBEDDED.indicators.length);

  const png = await download(page, page.locator('#status-donut button.chart-dl-png'));
  assert.equal(png.name, 'machi-kpi-status-donut.png');
  assert.deepEqual(png.bytes.subarray(0, 8), PNG_SIGNATURE);
  const width = png.bytes.readUInt32BE(16);
  const height = png.bytes.readUInt32BE(20);
  assert.equal(height, 340 * 2, 'PNG at twice the chart height');
  assert.ok(width > 400, `PNG width ${width}`);

  const svg = await download(page, page.locator('#status-by-goal button.chart-dl-svg'));
  assert.equal(svg.name, 'machi-kpi-status-by-goal.svg');
  const svgText = svg.bytes.toString('utf8');
  assert.match(svgText, /^<svg[\s>]/);
  assert.match(svgText, /<\/svg>\s*$/);
  assert.ok(svgText.includes('On track'), 'the legend is in the SVG');

  // The template for next year's figures is offered on the Data page.
  await go(page, '#/data?lang=en', '#import-file');
  const template = await download(page, page.locator('a.template-link'));
  assert.equal(template.name, 'template-next-year.csv');
  assert.equal(csvText(template.bytes).split('\r\n')[0], 'indicator_id,goal_id,name_ja,name_en,series,role,edition,period_kind,year,value,unit,state,raw');
  clean(session);
  await ctx.close();
});

test('import: a Shift_JIS CSV changes a figure; a broken CSV lists its errors and changes nothing', async () => {
  const ctx = await newContext();
  const session = await open(ctx, './#/kpi/annual-tourists?lang=en');
  const { page } = session;
  await page.waitForSelector('[data-figure="latest"]');
  const before = await figures(page);

  // A broken CSV first: every error with line, column and field; nothing changes.
  const broken = Buffer.from([
    'indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw',
    'annual-tourists,1-2,x,,actual,update,fiscal_year,2022,abc,,number,abc',
    'no-such-indicator,1-1,x,,actual,update,fiscal_year,2022,1,,number,1',
    '',
  ].join('\r\n'));
  await importFile(page, 'broken.csv', broken);
  const items = await page.$$eval('.import-error-list li', (lis) => lis.map((li) => ({
    line: li.dataset.line, column: li.dataset.column, field: li.dataset.field, text: li.textContent,
  })));
  assert.ok(items.length >= 2, JSON.stringify(items));
  const value = items.find((i) => i.field === 'value');
  assert.ok(value, JSON.stringify(items));
  assert.equal(value.line, '2', JSON.stringify(items));
  assert.equal(value.column, '9');
  assert.match(value.text, /^line 2, column 9, field 'value': expected a number, found 'abc'/);
  assert.ok(items.some((i) => i.line === '3' && /no-such-indicator/.test(i.text)), JSON.stringify(items));
  assert.match(await page.textContent('.import-errors'), /Could not load 'broken\.csv' \(\d+ problems\)\. The data on screen has not changed\./);
  assert.ok(await page.locator('.data-banner').isHidden(), 'no imported-data banner');
  await page.screenshot({ path: join(OUT, 'portal-import-errors-1280.png'), fullPage: false });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.locator('.import-errors').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(OUT, 'portal-import-errors-360.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 860 });

  // In Japanese the same problems read with 行目・列目.
  await go(page, '#/data', '#import-file');
  await page.setInputFiles('#import-file', { name: 'broken.csv', mimeType: 'text/csv', buffer: broken });
  await page.waitForSelector('.import-errors');
  assert.match(await page.textContent('.import-error-list'), /2行目9列目「value」: [^「]*が必要ですが「abc」でした/);

  await go(page, '#/kpi/annual-tourists?lang=en', '[data-figure="latest"]');
  assert.deepEqual(await figures(page), before, 'figures unchanged after the broken file');

  // Now a valid Shift_JIS file with a new FY2022 actual.
  await importFile(page, 'fy2022-sjis.csv', shiftJisCsv(250));
  assert.match(await page.textContent('.import-ok'), /Loaded 'fy2022-sjis\.csv'/);
  assert.match(await page.textContent('.data-banner'), /Showing imported data: fy2022-sjis\.csv \(\d+ indicators, \d+ values\)/);
  await page.screenshot({ path: join(OUT, 'portal-import-banner-1280.png'), fullPage: false });
  await page.setViewportSize({ width: 360, height: 800 });
  await page.screenshot({ path: join(OUT, 'portal-import-banner-360.png'), fullPage: false });
  await page.setViewportSize({ width: 1280, height: 860 });

  await go(page, '#/kpi/annual-tourists?lang=en', '[data-figure="latest"]');
  const after = await figures(page);
  assert.notEqual(after.latest, before.latest, `latest: ${before.latest} → ${after.latest}`);
  // 250万人, said in English as the real quantity.
  assert.match(after.latest, /^2\.5 million visits/);
  clean(session);
  await ctx.close();
});

test('import: a JSON dataset changes the Overview, survives a reload, and reset brings the embedded data back', async () => {
  const ctx = await newContext();
  const session = await open(ctx, './#/?lang=en');
  const { page } = session;
  assert.deepEqual(await figures(page), OFFICIAL);

  const changed = structuredClone(EMBEDDED);
  const flipped = changed.indicators.find((i) => i.status === 'on_track');
  flipped.status = 'delayed';
  await importFile(page, 'changed.json', Buffer.from(JSON.stringify(changed)), 'application/json');
  await page.waitForSelector('.import-ok');
  await go(page, '#/?lang=en', '[data-figure="total"]');
  const expected = { ...OFFICIAL, on_track: '10', delayed: '7' };
  assert.deepEqual(await figures(page), expected);

  await page.reload();
  await page.waitForSelector('html[data-app="running"] [data-figure="total"]');
  assert.deepEqual(await figures(page), expected, 'the import survives a reload');
  assert.match(await page.textContent('.data-banner'), /Showing imported data: changed\.json/);
  assert.match(await page.textContent('.data-banner'), /Kept in this browser/);
  const stored = await page.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(stored, ['machi-kpi:imported-dataset:v1']);

  await page.click('button.banner-reset');
  await page.waitForFunction(() => document.querySelector('.data-banner').hidden);
  assert.deepEqual(await figures(page), OFFICIAL, 'reset shows the embedded data');
  await page.reload();
  await page.waitForSelector('html[data-app="running"] [data-figure="total"]');
  assert.deepEqual(await figures(page), OFFICIAL, 'and it stays after a reload');
  assert.deepEqual(await page.evaluate(() => Object.keys(localStorage)), []);

  // A damaged record is dropped with a message, not a crash.
  await page.evaluate(() => localStorage.setItem('machi-kpi:imported-dataset:v1', '{"name":"x.json","kind":"dataset_json"}\n{"format":'));
  await page.reload();
  await page.waitForSelector('html[data-app="running"] .data-problem');
  assert.match(await page.textContent('.data-problem'), /could not be restored/);
  assert.deepEqual(await figures(page), OFFICIAL);
  clean(session);
  await ctx.close();
});

test('?data= loads a same-site file and refuses any other URL', async () => {
  const ctx = await newContext();
  // The untouched template has nothing to import (issue 12): a message, no banner.
  const empty = await open(ctx, './?data=data/template-next-year.csv#/?lang=en');
  await empty.page.waitForSelector('.data-problem');
  assert.match(await empty.page.textContent('.data-problem'), /nothing to import: 50 row\(s\) read/);
  assert.ok(await empty.page.locator('.data-banner').isHidden());
  assert.deepEqual(await figures(empty.page), OFFICIAL);
  clean(empty);
  const ok = await open(ctx, './?data=data/dataset.json#/?lang=en');
  await ok.page.waitForSelector('.data-banner:not([hidden])');
  assert.match(await ok.page.textContent('.data-banner'), /dataset\.json/);
  assert.match(await ok.page.textContent('.data-banner'), /page address/);
  assert.deepEqual(await figures(ok.page), OFFICIAL);
  // Reset drops ?data= from the address.
  await ok.page.click('button.banner-reset');
  await ok.page.waitForFunction(() => !location.search.includes('data='));
  await ok.page.waitForSelector('html[data-app="running"] [data-figure="total"]');
  assert.ok(await ok.page.locator('.data-banner').isHidden());
  clean(ok);

  for (const bad of ['https://evil.example/x.csv', '//evil.example/x.csv', 'javascript:alert(1)', '/\\evil.example/x.csv']) {
    const s = await open(ctx, `./?data=${encodeURIComponent(bad)}#/?lang=en`);
    await s.page.waitForSelector('.data-problem');
    assert.match(await s.page.textContent('.data-problem'), /must name a file on this site by a relative URL/, bad);
    assert.deepEqual(await figures(s.page), OFFICIAL);
    assert.ok(!s.requests.some((u) => new URL(u).hostname.includes('evil')), 'nothing requested from elsewhere');
    clean(s);
  }

  const missing = await open(ctx, './?data=data/none.csv#/?lang=en');
  await missing.page.waitForSelector('.data-problem');
  assert.match(await missing.page.textContent('.data-problem'), /could not be loaded[\s\S]*HTTP 404/);
  assert.deepEqual(await figures(missing.page), OFFICIAL);
  missing.errors = missing.errors.filter((e) => !/404/.test(e));
  clean(missing);
  await ctx.close();
});

/**
 * Serves DIST under the sub-path `prefix` on a free loopback port (anything
 * outside it is a 404); `stop()` closes it and every open connection.
 */
async function serveDist(prefix = '/') {
  const types = {
    '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.css': 'text/css; charset=utf-8',
    '.wasm': 'application/wasm', '.json': 'application/json', '.svg': 'image/svg+xml', '.csv': 'text/csv; charset=utf-8',
  };
  const sockets = new Set();
  const server = createServer((req, res) => {
    const full = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const path = full.startsWith(prefix) ? `/${full.slice(prefix.length)}` : null;
    const file = path && normalize(join(DIST, path.endsWith('/') ? `${path}index.html` : path));
    try {
      if (!file || !file.startsWith(normalize(DIST))) throw new Error('outside');
      const body = readFileSync(file);
      res.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  server.on('connection', (s) => { sockets.add(s); s.on('close', () => sockets.delete(s)); });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${server.address().port}${prefix}`,
    stop: () => new Promise((resolve) => { server.close(resolve); for (const s of sockets) s.destroy(); }),
  };
}

test('offline, under a sub-path: after one visit a reload works with the server stopped', async () => {
  const server = await serveDist('/opendata/kpi/');
  const ctx = await newContext({ serviceWorkers: 'allow' });
  const external = [];
  ctx.on('request', (r) => { if (!isLoopback(new URL(r.url()))) external.push(r.url()); });
  const session = await open(ctx, `${server.url}#/?lang=en`, { base: server.url, route: false });
  const { page } = session;
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const scope = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
  assert.equal(scope, server.url, 'the worker covers the app\'s folder');
  assert.ok(session.requests.every((u) => new URL(u).pathname.startsWith('/opendata/kpi/')), 'every request stays under the sub-path');
  await server.stop();
  assert.equal(await page.evaluate(() => fetch('./no-such-file', { cache: 'no-store' }).then(() => 'up', () => 'down')), 'down', 'the server is stopped');

  await page.reload();
  await page.waitForSelector('html[data-app="running"] [data-figure="total"]');
  assert.deepEqual(await figures(page), OFFICIAL);
  await chartsDrawn(page);
  await go(page, '#/kpi/annual-tourists?lang=en', '[data-figure="latest"]');
  const other = await ctx.newPage();
  await other.goto(`${server.url}embed-host.html`);
  await other.waitForFunction(() => {
    const d = document.getElementById('embed-overview')?.contentDocument;
    return d?.documentElement?.getAttribute('data-app') === 'running';
  });
  await other.close();
  assert.deepEqual(external, [], 'requests left loopback');
  assert.deepEqual(session.errors.filter((e) => !/Failed to load resource|ERR_CONNECTION_REFUSED/.test(e)), []);
  await ctx.close();
});

test('strict CSP: every page, embeds, downloads and import work with no violation and no console error', async () => {
  const ctx = await newContext({ serviceWorkers: 'allow' });
  await ctx.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
    });
  });
  const session = await open(ctx, './#/?lang=en', { base: CSP_BASE });
  const { page } = session;
  const policy = (await page.request.get(CSP_BASE)).headers()['content-security-policy'];
  assert.equal(policy, "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:");
  await chartsDrawn(page);
  assert.deepEqual(await figures(page), OFFICIAL);
  await download(page, page.locator('#status-donut button.chart-dl-png'));
  await download(page, page.locator('#status-donut button.chart-dl-svg'));
  await download(page, page.locator('#status-donut button.chart-dl-csv'));
  await page.click('button.embed-button');
  await page.waitForSelector('dialog.embed-dialog[open]');
  await page.keyboard.press('Escape');
  for (const hash of ['#/goals/1-1?lang=en', '#/kpi/annual-tourists?lang=en', '#/delays?lang=en', '#/projections?lang=en', '#/revisions?lang=en', '#/about?lang=en', '#/data?lang=en']) {
    await go(page, hash);
  }
  await importFile(page, 'fy2022-sjis.csv', shiftJisCsv(250));
  await page.waitForSelector('.import-ok');
  await page.evaluate(() => navigator.serviceWorker.ready);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');

  const host = await ctx.newPage();
  const hostErrors = [];
  host.on('console', (m) => { if (m.type() === 'error') hostErrors.push(m.text()); });
  await host.goto(new URL('./embed-host.html', CSP_BASE).href);
  await host.waitForFunction(() => ['embed-overview', 'embed-kpi'].every((id) => {
    const f = document.getElementById(id);
    const d = f.contentDocument;
    return d?.documentElement?.getAttribute('data-app') === 'running' && f.style.height !== '';
  }));
  const frameViolations = await host.evaluate(() => [window, ...[...document.querySelectorAll('iframe')].map((f) => f.contentWindow)]
    .flatMap((w) => w.__csp ?? ['no recorder']));
  assert.deepEqual(frameViolations, [], 'CSP violations on the host page and its embeds');
  assert.deepEqual(hostErrors, []);
  clean(session);
  await ctx.close();
});

test('hostile data is shown as text everywhere, and nothing in it runs', async () => {
  const ctx = await newContext();
  const session = await open(ctx, './#/?lang=en');
  const { page } = session;
  await importFile(page, 'hostile-dataset.json', HOSTILE, 'application/json');
  assert.match(await page.textContent('.import-ok'), /Loaded 'hostile-dataset\.json'/);
  const literal = ['<img src=x onerror="window.__pwned=1">', '<script>window.__pwned=2</script>', 'javascript:window.__pwned=3'];
  const seen = new Set();
  const tooltips = [];
  for (const hash of ['#/?lang=en', '#/', '#/goals/1-1', '#/kpi/new-job-openings', '#/kpi/manufacturing-shipments?lang=en',
    '#/kpi/new-job-openings?lang=en', '#/delays', '#/projections', '#/revisions', '#/data', '#/about']) {
    await go(page, hash);
    // Charts start near the viewport: let every one of them start first.
    await harnessChartsDrawn(page, { some: false });
    const text = await page.textContent('body');
    for (const l of literal) if (text.includes(l)) seen.add(l);
    // Show the tooltip of every data item of every chart: text, never markup.
    tooltips.push(...await page.evaluate(() => {
      const out = [];
      for (const el of document.querySelectorAll('.echart')) {
        const chart = window.echarts.getInstanceByDom(el);
        if (!chart) continue;
        (chart.getOption().series ?? []).forEach((series, seriesIndex) => {
          for (let dataIndex = 0; dataIndex < (series.data ?? []).length; dataIndex += 1) {
            chart.dispatchAction({ type: 'showTip', seriesIndex, dataIndex });
            for (const d of el.querySelectorAll('div')) {
              if (d.style.position === 'absolute' && d.style.display !== 'none' && d.textContent.trim()) {
                out.push({ text: d.textContent, elements: d.querySelectorAll('img, script, a, iframe').length });
              }
            }
          }
          chart.dispatchAction({ type: 'hideTip' });
        });
      }
      return out;
    }));
    assert.equal(await page.evaluate(() => window.__pwned), undefined, `nothing ran on ${hash}`);
    assert.equal(await page.locator('img[src="x"], main script, a[href^="javascript:"]').count(), 0, `no markup from data on ${hash}`);
  }
  for (const l of literal) assert.ok(seen.has(l), `shown literally: ${l}`);
  assert.ok(tooltips.length > 0, 'tooltips were shown');
  assert.ok(tooltips.every((t) => t.elements === 0), 'no element from data inside tooltips');
  const hostileTips = tooltips.filter((t) => t.text.includes('<img src=x onerror=') || t.text.includes('<script>window'));
  assert.ok(hostileTips.length > 0, `a tooltip shows hostile text literally (of ${tooltips.length})`);

  // Chart images keep the text as text too.
  await go(page, '#/?lang=en', '#status-by-goal');
  await chartsDrawn(page);
  const svg = (await download(page, page.locator('#status-by-goal button.chart-dl-svg'))).bytes.toString('utf8');
  assert.ok(!/<img|<script/i.test(svg), 'no markup in the SVG');
  const csv = csvText((await download(page, page.locator('#status-by-goal button.chart-dl-csv'))).bytes);
  assert.ok(!/^[=+@]/m.test(csv), 'no formula at the start of a line');
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.ok(!session.requests.some((u) => /\/x$/.test(u)), 'the hostile <img> never loaded');
  clean(session);
  await ctx.close();
});
