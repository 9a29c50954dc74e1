// Hostile data on every page (issue 12): tests/fixtures/hostile-dataset.json, whose every
// text field holds markup, quotes, an unterminated right-to-left override, zero-width
// characters and emoji (and some a 5,000-character word; made by
// tests/fixtures/make-hostile-dataset.py), loaded by `?data=` at 360 px in ja, en and
// ja-easy. On each page: nothing from the data runs or becomes an element, the hostile
// string is in the DOM literally, the page is no wider than the viewport, every
// right-to-left override sits in its own bidi isolate, and the console stays clean. The
// SVG and CSV exports carry the strings escaped. One browser, one page per language.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, chartsDrawn, clean, launchContext, openPage, readTexts } from './harness.mjs';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const HOSTILE = readFileSync(join(ROOT, 'tests', 'fixtures', 'hostile-dataset.json'));
const DATA = JSON.parse(HOSTILE.toString('utf8'));
// Must equal PAYLOAD in make-hostile-dataset.py.
const PAYLOAD = ' <i onmouseover="window.__pwned=4">&amp;"\'</i>\u202eRTL\u200b\u200d\u2060\ufeff👩\u200d👩\u200d👧😀';
const LONG = 'W'.repeat(5000);
const RLO = '\u202e';
const KPI = DATA.indicators[0].id;
const PAGES = ['#/', '#/goals/1-1', `#/kpi/${KPI}`, `#/kpi/${DATA.indicators[2].id}`, '#/delays', '#/projections',
  '#/revisions', '#/data', '#/about'];
const LANGS = (process.env.HOSTILE_LANGS ?? 'ja,en,ja-easy').split(',');

let ctx;
before(async () => { ctx = await launchContext('hostile', { acceptDownloads: true }); });
after(async () => { await ctx?.close(); });

/** Opens the app with `?data=` naming the fixture (served by a route on the same origin). */
async function openHostile(lang, { width = 360, height = 740 } = {}) {
  await ctx.context.route('**/hostile-dataset.json', (r) => r.fulfill({ body: HOSTILE, contentType: 'application/json' }));
  return openPage(ctx.context, `./?data=hostile-dataset.json#/?lang=${lang}`, { width, height, route: false });
}

async function go(page, hash) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForFunction((h) => location.hash === h, hash);
  await page.waitForSelector('html[data-app="running"] main h1');
}

/** Problems the page shows with the hostile data, as sentences (empty when all is well). */
function inspect(page, payload) {
  return page.evaluate(({ payload, RLO }) => {
    const problems = [];
    if (window.__pwned !== undefined) problems.push(`script ran: __pwned=${window.__pwned}`);
    const planted = document.querySelectorAll('img[src="x"], main script, [onmouseover], a[href^="javascript:"]');
    if (planted.length) problems.push(`${planted.length} element(s) from data`);
    if (!document.body.textContent.includes(payload)) problems.push('the hostile string is not in the page literally');
    const width = document.documentElement.scrollWidth;
    if (width > window.innerWidth) problems.push(`page is ${width}px wide at ${window.innerWidth}px`);
    // Each right-to-left override must be isolated with its own text: nothing but the rest
    // of the same data string may follow it before the isolate ends (U+2069 in the text, or
    // the end of an element that is a bidi isolate). Otherwise it reverses what follows.
    const isolating = new Set(['isolate', 'isolate-override', 'plaintext']);
    const tail = /^\u202eRTL[\u200b\u200d\u2060\ufeff]*👩\u200d👩\u200d👧😀$/u;
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    let unisolated = 0;
    const samples = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const t = n.data;
      if (!t.includes(RLO) || n.parentElement.closest('script, style, noscript')) continue;
      let el = n.parentElement;
      // An SVG <text> is laid out on its own (a chart label, or one line of a wrapped
      // one): what it holds cannot reorder anything outside it.
      const isolates = (e) => isolating.has(getComputedStyle(e).unicodeBidi) || (e instanceof SVGTextElement);
      while (el && !isolates(el)) el = el.parentElement;
      // The text from each override to the end of its isolate.
      const whole = el ? el.textContent : document.body.textContent;
      const start = whole.indexOf(t);
      let bad = '';
      for (let at = t.indexOf(RLO); at >= 0; at = t.indexOf(RLO, at + 1)) {
        const after = whole.slice(start + at);
        const pdi = after.indexOf('\u2069');
        const open = t.lastIndexOf('\u2068', at);
        const inFsi = open >= 0 && t.lastIndexOf('\u2069', at) < open && pdi >= 0;
        const rest = inFsi ? after.slice(0, pdi) : after;
        // A wrapped chart label's line may end inside the string: a start of it is fine.
        const r = rest.trimEnd();
        if (!tail.test(r) && !(r.length > 0 && '\u202eRTL\u200b\u200d\u2060\ufeff👩\u200d👩\u200d👧😀'.startsWith(r))) bad = rest;
      }
      if (!bad) continue;
      unisolated += 1;
      if (samples.length < 6) samples.push(`<${n.parentElement.tagName.toLowerCase()} class="${n.parentElement.className}"> ${JSON.stringify(t.slice(0, 30))} followed by ${JSON.stringify(bad.slice(0, 40))}`);
    }
    if (unisolated) problems.push(`${unisolated} text(s) with U+202E not isolated, e.g. ${samples.join(' | ')}`);
    return problems;
  }, { payload, RLO });
}

/**
 * The strings of every live chart's option that hold the right-to-left override without
 * a bidi isolate (U+2068) before it: ECharts draws them on a canvas or in SVG, where no
 * element isolates them, so the label, the tooltip and an export would be reversed after
 * the name. Also counts the strings seen, so that a page without any is noticed.
 */
function chartTexts(page) {
  return page.evaluate(() => {
    const open = [];
    let seen = 0;
    const walk = (v, path) => {
      if (typeof v === 'string') {
        if (!v.includes('\u202e')) return;
        seen += 1;
        const fsi = v.indexOf('\u2068');
        if (fsi < 0 || fsi > v.indexOf('\u202e')) open.push(`${path}: ${JSON.stringify(v.slice(0, 40))}`);
      } else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, `${path}.${k}`);
    };
    for (const el of document.querySelectorAll('.echart')) {
      const chart = window.echarts?.getInstanceByDom(el);
      if (chart) walk(chart.getOption(), el.id || 'chart');
    }
    window.__rtlChartTexts = (window.__rtlChartTexts ?? 0) + seen;
    return open.slice(0, 4).map((o) => `chart text with U+202E outside an isolate: ${o}`);
  });
}

async function download(page, locator) {
  const [file] = await Promise.all([page.waitForEvent('download'), locator.click()]);
  return readFileSync(await file.path());
}

for (const lang of LANGS) {
  test(`hostile data on every page in ${lang} at 360 px`, async () => {
    const session = await openHostile(lang);
    const { page } = session;
    // The banner when the fixture loads, the app's own message when it is refused (a
    // fixture that no longer validates must say why, not time out).
    await page.waitForSelector('.data-banner:not([hidden]), .data-problem');
    const refused = await page.locator('.data-problem').allTextContents();
    assert.deepEqual(refused, [], `the hostile fixture was refused: ${refused.join(' ')}`);
    const problems = [];
    let longSeen = false;
    for (const hash of PAGES) {
      await go(page, `${hash}${hash.includes('?') ? '&' : '?'}lang=${lang}`);
      await chartsDrawn(page, { some: false });
      for (const p of await inspect(page, PAYLOAD)) problems.push(`${hash}: ${p}`);
      for (const p of await chartTexts(page)) problems.push(`${hash}: ${p}`);
      longSeen ||= await page.evaluate((l) => document.body.textContent.includes(l), LONG);
      if (hash === `#/kpi/${KPI}`) await page.screenshot({ path: join(OUT, `hostile-kpi-360-${lang}.png`), fullPage: false });
    }
    assert.deepEqual(problems, [], problems.join('\n'));
    assert.ok(longSeen, 'the 5,000-character word is shown');
    assert.ok(await page.evaluate(() => window.__rtlChartTexts) > 0, 'charts were drawn with hostile names');

    // Exports: every chart's SVG escapes the text (and some chart carries it); the view
    // CSV holds it as a quoted field.
    const svgs = [];
    for (const hash of ['#/', '#/delays', `#/kpi/${KPI}`]) {
      await go(page, `${hash}?lang=${lang}`);
      await chartsDrawn(page);
      for (const button of await page.locator('button.chart-dl-svg').all()) {
        svgs.push((await download(page, button)).toString('utf8'));
      }
    }
    svgs.forEach((svg, i) => writeFileSync(join(OUT, `hostile-${lang}-${i}.svg`), svg));
    assert.ok(svgs.length > 0, 'SVG exports exist');
    for (const svg of svgs) assert.ok(!/<i[\s>]|<img|<script/i.test(svg), 'no markup from data in an SVG');
    // Axis labels are cut to their width ("Shipments <scr…"), so what an SVG can show is
    // the start of a name: its `<` must be there as `&lt;`.
    assert.ok(svgs.some((svg) => svg.includes('&lt;')), `an SVG holds data text with its < escaped (of ${svgs.length})`);
    // A table's CSV holds the names (name_ja, name_en) as quoted fields.
    await go(page, `#/data?lang=${lang}`);
    const csv = (await download(page, page.locator('button.table-csv[data-file="machi-kpi-data-data-table.csv"]'))).toString('utf8');
    assert.ok(csv.includes(PAYLOAD.replaceAll('"', '""')), 'the table CSV holds the text, quotes doubled');
    assert.ok(!/(^|,)[=+@]/m.test(csv), 'no formula at the start of a cell');
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    clean(session);
    await page.close();
  });
}

test('hostile data: no page is wider than a 320 px phone', async () => {
  const session = await openHostile('ja', { width: 320, height: 640 });
  const { page } = session;
  await page.waitForSelector('.data-banner:not([hidden])');
  const wide = [];
  for (const hash of PAGES) {
    await go(page, hash);
    await chartsDrawn(page, { some: false });
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    if (width > 320) wide.push(`${hash}: ${width}px`);
  }
  assert.deepEqual(wide, [], wide.join(', '));
  clean(session);
  await page.close();
});

test('import problems are shown in each language (screenshot at 360 px)', async () => {
  const session = await openPage(ctx.context, './#/data?lang=en', { width: 360, height: 740 });
  const { page } = session;
  const header = 'indicator_id,goal_id,name_ja,series,role,edition,period_kind,year,value,unit,state,raw';
  const file = `${header}\r\nnew-job-openings,3月2日,新規求人数,,actual,update,fiscal_year,2022,1400,件,not_available,-\r\n`;
  const expected = {
    en: ["line 2, column 2, field 'goal_id': '3月2日' is a date: Excel turned the id into a date",
      "line 2, column 9, field 'value': 'value' is 1400 but 'state' is not_available, which has no number"],
    ja: ['2行目2列目「goal_id」: 「3月2日」は日付です。ファイルを開いたときに Excel が ID を日付に変えました',
      '2行目9列目「value」: 「value」が 1400 ですが「state」は数値のない not_available です'],
    'ja-easy': ['2行目2列目「goal_id」: 「3月2日」は 日付に なって います', '2行目9列目「value」: 「value」に 1400 が あります'],
  };
  for (const lang of LANGS) {
    await go(page, `#/data?lang=${lang}`);
    await page.setInputFiles('#import-file', { name: 'mangled.csv', mimeType: 'text/csv', buffer: Buffer.from(file) });
    await page.waitForSelector('.import-errors li');
    const items = await readTexts(page, '.import-errors li');
    for (const want of expected[lang]) assert.ok(items.some((t) => t.startsWith(want)), `${lang}: ${want}\n${items.join('\n')}`);
    assert.ok(await page.locator('.data-banner').isHidden(), 'a failed import shows no banner');
    if (lang === 'ja') {
      await page.locator('.import-errors').scrollIntoViewIfNeeded();
      await page.screenshot({ path: join(OUT, 'import-errors-360-ja.png'), fullPage: false });
    }
    // The header alone: nothing to import, data and banner unchanged.
    await page.setInputFiles('#import-file', { name: 'empty.csv', mimeType: 'text/csv', buffer: Buffer.from(`${header}\r\n`) });
    await page.waitForFunction(() => document.querySelector('.import-errors li')?.textContent.match(/0 (行|row)/));
    assert.ok(await page.locator('.data-banner').isHidden());
  }
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= 360, `import page is ${width}px wide`);
  clean(session);
  await page.close();
});
