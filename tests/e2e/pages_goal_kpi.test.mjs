// End-to-end tests of the Basic goal, Indicator and About pages in headless
// Chromium (playwright-core driving Debian's /usr/bin/chromium), run by
// `cargo xtask e2e` / `cargo xtask test` against dist/ served on loopback.
//
// The Indicator page's projection figures are checked against
// tests/e2e/fixtures/kpi_figures.json, which tests/ssr_goal_kpi.rs generates
// from machi-kpi-core and keeps current (it fails when the file is stale).
// Every wait is on a page condition, never on time. Screenshots at 360 and
// 1280 px go to tests/e2e/out/.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  OUT, axeViolations, chartsDrawn, clean, launchContext, openPage, readText,
} from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('goal-kpi', { acceptDownloads: true }));
});

after(async () => {
  await close?.();
});

/** Opens `path` at the given size (default 1280×900) once its heading is there. */
async function open(path, { width = 1280, height = 900 } = {}) {
  const session = await openPage(context, path, { width, height });
  await session.page.waitForSelector('main h1');
  return session;
}

const HERE = dirname(fileURLToPath(import.meta.url));
const FIXTURE = JSON.parse(readFileSync(join(HERE, 'fixtures', 'kpi_figures.json'), 'utf8'));

async function noHorizontalScroll(page) {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
}

const text = (page, selector) => page.locator(selector).first().innerText().then((t) => t.trim());

/** Parses a displayed number such as "17,742基", "−3.5%" or "80.64 years". */
function parseShown(s) {
  const m = s.replace(/−/g, '-').replace(/,/g, '').match(/-?\d+(\.\d+)?/);
  assert.ok(m, `a number in "${s}"`);
  const decimals = m[1] ? m[1].length - 1 : 0;
  return { value: Number(m[0]), decimals };
}

/** Asserts a displayed number is the core's raw value rounded as shown. */
function sameNumber(shown, raw, what) {
  const { value, decimals } = parseShown(shown);
  const tolerance = 0.5 * 10 ** -decimals + 1e-9;
  assert.ok(Math.abs(value - raw) <= tolerance, `${what}: shown ${shown}, core ${raw}`);
}

// ---------------------------------------------------------------- Basic goal

for (const [lang, query, title, latest] of [
  ['ja', '', '安定した雇用の創出', '93人'],
  ['en', '?lang=en', 'Creating stable employment', '93 people'],
]) {
  test(`Basic goal 1-1 in ${lang}: measures, cards with figures, axe, screenshots`, async () => {
    const session = await open(`./#/goals/1-1${query}`);
    const { page } = session;
    assert.equal(await text(page, 'main h1'), title);
    assert.equal(await page.locator('.kpi-card').count(), 11, '1 numerical goal + 10 KPIs');
    assert.equal(await page.locator('section.measure').count(), 4);
    const card = page.locator('[data-kpi="new-farmers"]');
    assert.equal(await card.locator('[data-figure="latest"]').first().innerText(), latest);
    // a = 146.9%: met, so said in words (issue 13, readable figures).
    assert.equal(await card.locator('[data-target="fy2024:all"] [data-figure="achievement"]').innerText(), lang === 'ja' ? '目標達成済み' : 'Target achieved');
    assert.equal(await card.locator('[data-status]').first().getAttribute('data-status'), 'on_track');
    // Status in words and symbol, not colour alone.
    assert.match(await card.locator('.status-badge').innerText(), lang === 'ja' ? /◎[\s\S]*順調に進捗/ : /◎[\s\S]*On track/);
    assert.equal(await page.locator('svg.sparkline').count() >= 11, true, 'sparklines');
    const lights = page.locator('[data-kpi="manufacturing-shipments"]');
    assert.match(await lights.innerText(), lang === 'ja' ? /令和4年9月公表予定/ : /to be published 2022-09/);
    assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], `axe goal ${lang}`);
    await page.screenshot({ path: join(OUT, `goal-1-1-${lang}-1280.png`), fullPage: true });
    clean(session);
    await page.close();

    const narrow = await open(`./#/goals/1-1${query}`, { width: 360, height: 800 });
    await noHorizontalScroll(narrow.page);
    await narrow.page.screenshot({ path: join(OUT, `goal-1-1-${lang}-360.png`), fullPage: true });
    await narrow.page.screenshot({ path: join(OUT, `goal-1-1-${lang}-360-top.png`), fullPage: false });
    clean(narrow);
    await narrow.page.close();
  });
}

test('a KPI card opens its Indicator page in the same language', async () => {
  const session = await open('./#/goals/3-2?lang=en');
  const { page } = session;
  await page.click('[data-kpi="security-lights"] h4 a');
  await page.waitForFunction(() => location.hash.startsWith('#/kpi/security-lights'));
  assert.match(page.url(), /#\/kpi\/security-lights\?lang=en$/);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'Street security lights installed');
  clean(session);
  await page.close();
});

// ---------------------------------------------------------------- Indicator

for (const [lang, query, title, required] of [
  ['ja', '', '防犯灯設置数', '+478.3基/年'],
  ['en', '?lang=en', 'Street security lights installed', '+478.3 lights a year'],
]) {
  test(`Indicator security-lights in ${lang}: figures, chart ⇄ table, computation, axe, screenshots`, async () => {
    const session = await open(`./#/kpi/security-lights${query}`);
    const { page } = session;
    assert.equal(await text(page, 'main h1'), title);
    await chartsDrawn(page, { fullWidth: true });
    // The methods and figures are folded under "How it is computed", closed by default.
    assert.equal(await page.getAttribute('details.how-computed', 'open'), null);
    await page.click('details.how-computed > summary');
    const block = page.locator('[data-target="fy2024:all"]');
    assert.equal(await block.locator('dd[data-figure="achievement"]').innerText(), '35.8%');
    assert.match(await block.locator('dd[data-figure="expected"]').innerText(), /^40\.0%/);
    assert.equal(await block.locator('dd[data-figure="required-change"]').innerText(), required);
    assert.match(await block.locator('dd[data-figure="pace-ratio"]').innerText(), /^0\.93/);
    // Show the computation: inputs, formula, result.
    await block.locator('details.computation > summary').click();
    const achievement = await block.locator('[data-formula="achievement"] .formula').innerText();
    assert.equal(achievement, 'a = (v − b) / (T − b) = (16465 − 15665) / (17900 − 15665) = 35.8%');
    // Source cells verbatim, every observation.
    assert.equal(await page.locator('table.source-cells tbody tr').count(), 6);
    assert.match(await page.locator('table.source-cells').innerText(), /17,900基/);
    // Official beside indicative status.
    assert.equal(await page.getAttribute('[data-figure="official-status"] [data-status]', 'data-status'), 'mostly_on_track');
    // Chart ⇄ table switch; the summary sentence is there.
    // About the target in force, the FY2027 one (as the first screen): 800 / 3435 = 23.3%.
    assert.match(await text(page, '#kpi-chart-summary'), /23\.3%/);
    await page.click('#kpi-chart button.view-table');
    await page.waitForSelector('#kpi-chart-table:not([hidden])');
    assert.match(await page.locator('#kpi-chart-table').innerText(), /16,465/);
    await page.screenshot({ path: join(OUT, `kpi-security-lights-${lang}-table-1280.png`), fullPage: false });
    await page.click('#kpi-chart button.view-chart');
    await page.waitForSelector('#kpi-chart-chart-view:not([hidden])');
    assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], `axe kpi ${lang}`);
    await page.screenshot({ path: join(OUT, `kpi-security-lights-${lang}-1280.png`), fullPage: true });
    clean(session);
    await page.close();

    const narrow = await open(`./#/kpi/security-lights${query}`, { width: 360, height: 800 });
    await chartsDrawn(narrow.page);
    await noHorizontalScroll(narrow.page);
    await narrow.page.screenshot({ path: join(OUT, `kpi-security-lights-${lang}-360.png`), fullPage: true });
    await narrow.page.screenshot({ path: join(OUT, `kpi-security-lights-${lang}-360-top.png`), fullPage: false });
    clean(narrow);
    await narrow.page.close();
  });
}

/** Checks every projection cell of an Indicator page against the fixture. */
async function checkAgainstCore(page, id, lang) {
  const targets = FIXTURE.indicators[id][lang];
  assert.ok(targets, `fixture for ${id} ${lang}`);
  let checked = 0;
  // The figures are in the folded computation: open it as a reader would.
  await page.waitForSelector('details.how-computed > summary');
  if (await page.getAttribute('details.how-computed', 'open') === null) await page.click('details.how-computed > summary');
  for (const [tkey, t] of Object.entries(targets)) {
    const block = page.locator(`[data-target="${tkey}"]`);
    assert.equal(await block.locator('dd[data-figure="achievement"]').innerText(), t.achievement, `${id} ${tkey} achievement`);
    for (const [pkey, p] of Object.entries(t.projections)) {
      const row = block.locator(`tr[data-proj="${pkey}"]`);
      const cell = (f) => row.locator(`[data-field="${f}"]`).innerText().then((s) => s.trim());
      if (p.unavailable) {
        assert.equal(await cell('value'), p.unavailable, `${id} ${tkey} ${pkey}`);
        continue;
      }
      const value = await cell('value');
      const ratio = await cell('ratio');
      assert.equal(value, p.value, `${id} ${tkey} ${pkey} value`);
      assert.equal(ratio, p.ratio, `${id} ${tkey} ${pkey} ratio`);
      assert.equal(await cell('year'), p.year, `${id} ${tkey} ${pkey} year`);
      assert.equal(await row.locator('[data-field="outlook"] [data-outlook]').getAttribute('data-outlook'), p.outlook, `${id} ${tkey} ${pkey} outlook`);
      // Independent of the formatting code: the numbers are the core's, rounded.
      // Where the readable-figures rules print numbers (issue 13).
      if (p.headline !== 'not_meaningful') sameNumber(value, p.raw_value, `${id} ${tkey} ${pkey} value`);
      if (p.headline === 'shown') sameNumber(ratio, p.raw_ratio * 100, `${id} ${tkey} ${pkey} ratio`);
      checked += 1;
    }
  }
  return checked;
}

for (const id of Object.keys(FIXTURE.indicators)) {
  test(`Indicator ${id}: projections equal the core's in ja and en`, async () => {
    for (const [lang, query] of [['ja', ''], ['en', '?lang=en']]) {
      const session = await open(`./#/kpi/${id}${query}`);
      const checked = await checkAgainstCore(session.page, id, lang);
      assert.ok(checked >= 2, `${id} ${lang}: ${checked} projections checked`);
      clean(session);
      await session.page.close();
    }
  });
}

test('method, scenario and era switches write the URL; back restores the view', async () => {
  const session = await open('./#/kpi/security-lights?lang=en');
  const { page } = session;
  const selectedRow = () => page.locator('[data-target="fy2024:all"] tr.selected').getAttribute('data-proj');
  assert.equal(await selectedRow(), 'cagr:baseline');

  await page.click('details.how-computed > summary');
  await page.click('label[for="method-line"]');
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&lang=en');
  await page.waitForFunction(() => document.querySelector('[data-target="fy2024:all"] tr.selected')?.dataset.proj === 'line:baseline');

  await page.click('label[for="scenario-recent"]');
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&scenario=recent&lang=en');
  assert.equal(await selectedRow(), 'line:recent');

  // English shows Gregorian years by default; 和暦 is the choice that gets written.
  assert.ok(await page.isChecked('#era-gregorian'));
  await page.click('label[for="era-wareki"]');
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&scenario=recent&era=wareki&lang=en');
  assert.match(await text(page, '[data-target="fy2024:all"] h3'), /Reiwa 6/);
  assert.ok(await page.isChecked('#era-wareki'));

  // Back: the era, then the scenario, then the method return to their defaults.
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&scenario=recent&lang=en');
  await page.waitForFunction(() => document.querySelector('#era-gregorian')?.checked === true);
  assert.match(await text(page, '[data-target="fy2024:all"] h3'), /^Target for FY2024 \(/);
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&lang=en');
  await page.waitForFunction(() => document.querySelector('[data-target="fy2024:all"] tr.selected')?.dataset.proj === 'line:baseline');
  assert.ok(await page.isChecked('#scenario-baseline'));
  await page.goBack();
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?lang=en');
  await page.waitForFunction(() => document.querySelector('[data-target="fy2024:all"] tr.selected')?.dataset.proj === 'cagr:baseline');
  await page.goForward();
  await page.waitForFunction(() => location.hash === '#/kpi/security-lights?method=line&lang=en');
  assert.ok(await page.isChecked('#method-line'));

  // A copied link reopens the same view.
  const copy = await open('./#/kpi/security-lights?method=line&scenario=recent&era=wareki&lang=en');
  assert.equal(await copy.page.locator('[data-target="fy2024:all"] tr.selected').getAttribute('data-proj'), 'line:recent');
  assert.ok(await copy.page.isChecked('#era-wareki'));
  clean(copy);
  await copy.page.close();
  clean(session);
  await page.close();
});

test('the switches work from the keyboard, with a visible focus', async () => {
  const session = await open('./#/kpi/new-farmers');
  const { page } = session;
  await page.click('details.how-computed > summary');
  await page.focus('#scenario-baseline');
  const outline = await page.evaluate(() => {
    const label = document.querySelector('#scenario-baseline').closest('label');
    return getComputedStyle(label).outlineStyle;
  });
  assert.notEqual(outline, 'none', 'focused switch shows an outline');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => location.hash === '#/kpi/new-farmers?scenario=recent');
  await page.waitForFunction(() => document.querySelector('[data-target="fy2027:all"] tr.selected')?.dataset.proj === 'line:recent');
  clean(session);
  await page.close();
});

test('clicking a point of the chart does nothing harmful', async () => {
  const session = await open('./#/kpi/traffic-accidents?lang=en');
  const { page } = session;
  await chartsDrawn(page, { fullWidth: true });
  const before = page.url();
  const box = await page.locator('#kpi-chart-chart').boundingBox();
  for (const [fx, fy] of [[0.2, 0.5], [0.5, 0.5], [0.8, 0.4]]) {
    await page.mouse.click(box.x + box.width * fx, box.y + box.height * fy);
  }
  assert.equal(page.url(), before);
  assert.equal(await text(page, 'main h1'), 'Traffic accidents with injuries');
  await page.keyboard.press('Escape');
  clean(session);
  await page.close();
});

// ---------------------------------------------------------------- About

for (const [lang, query, title, attribution] of [
  ['ja', '', 'このサイトについて', /^伊勢崎市『第2期総合戦略数値目標・重要業績評価指標\(KPI\)一覧 \(令和3年度\)』『第２期伊勢崎市まち・ひと・しごと創生総合戦略 \(令和6年3月一部改訂\)』を加工して作成$/],
  ['en', '?lang=en', 'About this site', /^Created by editing Isesaki City, /],
]) {
  test(`About in ${lang}: sources, licence, methods with computed examples, axe, screenshots`, async () => {
    const session = await open(`./#/about${query}`);
    const { page } = session;
    assert.equal(await text(page, 'main h1'), title);
    // The titles are data text, each in a bidi isolate (U+2068 … U+2069, issue 12).
    const attributionText = await text(page, '[data-figure="attribution"]');
    assert.match(attributionText.replace(/[\u2068\u2069]/g, ''), attribution);
    assert.ok(attributionText.includes('『\u2068'), 'titles isolated');
    assert.match(await text(page, '[data-figure="wcag"]'), /WCAG[)）]? ?2\.1/);
    assert.equal(await page.locator('table.sources-table tbody tr').count(), 2);
    const methods = await page.locator('section.method').evaluateAll((els) => els.map((e) => e.dataset.method));
    assert.deepEqual(methods, ['achievement', 'expected', 'base', 'cagr', 'line', 'scenarios', 'outlook', 'pace', 'covid', 'indicative', 'series', 'undefined']);
    // Every method shows an example computed from the data (none is missing).
    assert.equal(await page.locator('section.method .example .note').count(), 0);
    assert.equal(
      await text(page, '#m-achievement [data-formula="achievement"] .formula'),
      'a = (v − b) / (T − b) = (16465 − 15665) / (17900 − 15665) = 35.8%',
    );
    assert.match(await text(page, '#m-line'), /= 306\b/);
    assert.match(await text(page, '#m-covid'), /−26\.8%/);
    assert.match(await text(page, '#m-pace'), /= 0\.93/);
    assert.ok(await page.locator('table.decisions-table tbody tr').count() >= 15, 'every transcription decision');
    assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], `axe about ${lang}`);
    await page.screenshot({ path: join(OUT, `about-${lang}-1280.png`), fullPage: true });
    clean(session);
    await page.close();

    const narrow = await open(`./#/about${query}`, { width: 360, height: 800 });
    await noHorizontalScroll(narrow.page);
    await narrow.page.screenshot({ path: join(OUT, `about-${lang}-360.png`), fullPage: true });
    clean(narrow);
    await narrow.page.close();
  });
}

test('plain Japanese (ja-easy) on the three pages', async () => {
  for (const [path, must] of [
    ['./#/goals/1-1?lang=ja-easy', /大きな 方向/],
    ['./#/kpi/security-lights?lang=ja-easy', /できた 割合/],
    ['./#/about?lang=ja-easy', /計算の しかた/],
  ]) {
    const session = await open(path);
    assert.equal(await session.page.getAttribute('html', 'lang'), 'ja');
    assert.match(await readText(session.page, 'main'), must);
    // Furigana on the interface text (issue 13 item 5): the page heading and the
    // site header carry readings.
    assert.ok(await session.page.locator('main ruby rt').count() > 5, `${path}: furigana in the page`);
    assert.ok(await session.page.locator('header ruby rt').count() > 0, `${path}: furigana in the site header`);
    clean(session);
    await session.page.close();
  }
});
