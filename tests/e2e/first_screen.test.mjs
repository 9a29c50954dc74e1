// Answer first (issue 13 item 1, the Overview's part): at 360 × 780, in each language,
// the first screen of the Overview holds the answer sentence (its figures equal to the
// status tiles'), the "data as of" line, the status figures and the start of the status
// chart; the projection headline and the reason why 47 of 50 indicators are counted are
// on the page. The figures are read from the page and checked against each other and
// the dataset, not typed here. Screenshots: tests/e2e/out/first-screen-overview-*.png.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, chartsDrawn, clean, launchContext, openPage, readText } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATASET = JSON.parse(readFileSync(join(HERE, '..', '..', 'www', 'data', 'dataset.json'), 'utf8'));
const PHONE = { width: 360, height: 780 };

let context;
let close;
before(async () => { ({ context, close } = await launchContext('first-screen')); });
after(async () => { await close?.(); });

/** The part of `selector`'s first match that lies in the first screen, in px (0 when none). */
function visibleHeight(page, selector) {
  return page.evaluate(({ selector, h }) => {
    const el = document.querySelector(selector);
    if (!el) return 0;
    const r = el.getBoundingClientRect();
    return Math.max(0, Math.min(r.bottom, h) - Math.max(r.top, 0));
  }, { selector, h: PHONE.height });
}

for (const lang of ['ja', 'en', 'ja-easy']) {
  test(`the Overview answers in its first screen at 360 × 780 (${lang})`, async () => {
    const session = await openPage(context, `./#/?lang=${lang}`, PHONE);
    const { page } = session;
    await chartsDrawn(page);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: join(OUT, `first-screen-overview-${lang}.png`) });

    const answer = await readText(page, '[data-readable="overview-answer"]');
    const tiles = await page.$$eval('.stat-tiles [data-figure]', (els) => Object.fromEntries(els.map((e) => [e.dataset.figure, Number(e.textContent)])));
    const total = tiles.total;
    const good = tiles.on_track + tiles.mostly_on_track;
    assert.equal(total, DATASET.indicators.filter((i) => i.status).length, 'the total tile counts the indicators with a status');
    const numbers = [...answer.matchAll(/\d+/g)].map((m) => Number(m[0]));
    for (const n of [total, good, tiles.delayed_covid]) assert.ok(numbers.includes(n), `${n} in the answer: ${answer}`);

    // In the first screen: the whole answer, the data date, every status tile, the
    // whole-strategy status bar under them, and the start of the donut's panel.
    const answerBox = await page.locator('[data-readable="overview-answer"]').boundingBox();
    assert.ok(answerBox.y + answerBox.height <= PHONE.height, `the answer ends at ${answerBox.y + answerBox.height}px`);
    assert.ok(await visibleHeight(page, '.hero .data-as-of') > 0, 'the data date is in the first screen');
    const lastTile = await page.locator('.stat-tiles li').last().boundingBox();
    assert.ok(lastTile.y + lastTile.height <= PHONE.height, `the status figures end at ${lastTile.y + lastTile.height}px`);
    const bar = await page.locator('.status .status-bar.overall').boundingBox();
    assert.ok(bar.y + bar.height <= PHONE.height, `the status bar ends at ${bar.y + bar.height}px`);
    assert.match(await page.getAttribute('.status .status-bar.overall', 'aria-label'), new RegExp(String(total)));
    const chart = await visibleHeight(page, '#status-donut');
    assert.ok(chart > 0, 'the status chart\'s panel starts in the first screen');

    // Further down: the projection headline with the target years from the data, and
    // why fewer indicators are counted than the data holds.
    const headline = await readText(page, '[data-readable="projection-headline"]');
    assert.match(headline, lang === 'en' ? /FY2024|FY 2024/ : /令和6年度|2024年度/);
    const unevaluated = await readText(page, '[data-readable="unevaluated"]');
    assert.ok(unevaluated.includes(String(DATASET.indicators.length)), unevaluated);
    assert.ok(unevaluated.includes(String(DATASET.indicators.length - total)), unevaluated);
    clean(session);
    await page.close();
  });
}

/** Where each answer part ends on the current page (px from the top), null when absent. */
function answerBottoms(page) {
  return page.evaluate(() => Object.fromEntries(['latest', 'target', 'status', 'outlook', 'where'].map((k) => {
    const el = document.querySelector(`.kpi-answer [data-answer="${k}"]`);
    return [k, el && el.textContent.trim() ? el.getBoundingClientRect().bottom + window.scrollY : null];
  })));
}

test('every Indicator page shows the latest value, the target and the status in its first screen at 360 × 780 (ja)', async () => {
  const session = await openPage(context, './#/?lang=ja', PHONE);
  const { page } = session;
  const problems = [];
  for (const ind of DATASET.indicators) {
    await page.evaluate((id) => { location.hash = `#/kpi/${id}`; }, ind.id);
    await page.waitForFunction((id) => document.querySelector(`[data-kpi="${id}"] .kpi-answer`), ind.id);
    const at = await answerBottoms(page);
    // The title names the indicator, not its slug.
    await page.waitForFunction((name) => document.title.startsWith(name), ind.name_ja, { timeout: 3000 }).catch(() => {});
    const title = await page.title();
    if (!title.startsWith(ind.name_ja) || title.includes(ind.id)) problems.push(`${ind.id}: title "${title}"`);
    for (const k of ['latest', 'target', 'status']) {
      if (at[k] === null) problems.push(`${ind.id}: no ${k}`);
      else if (at[k] > PHONE.height) problems.push(`${ind.id}: ${k} ends at ${Math.round(at[k])}px`);
    }
  }
  assert.deepEqual(problems, [], problems.join('\n'));
  clean(session);
  await page.close();
});

for (const lang of ['ja', 'en', 'ja-easy']) {
  test(`the tourists Indicator page answers first at 360 × 780, the city's reasons one tap away (${lang})`, async () => {
    const id = DATASET.indicators.find((i) => i.name_ja.includes('観光入込客数')).id;
    const session = await openPage(context, `./#/kpi/${id}?lang=${lang}`, PHONE);
    const { page } = session;
    await page.waitForSelector('.kpi-answer');
    await page.screenshot({ path: join(OUT, `first-screen-kpi-tourists-${lang}.png`) });
    if (lang === 'ja-easy') {
      // The easy name from the data, with the data's readings, and the city's name beside it.
      const ind = DATASET.indicators.find((i) => i.id === id);
      const plain = ind.name_easy_ja.replace(/｜([^《]+)《[^》]+》/g, '$1');
      assert.equal((await readText(page, 'main h1')).trim(), plain);
      assert.ok(await page.locator('main h1 ruby rt').count() > 0, 'readings on the easy name');
      assert.ok((await readText(page, '.page-head .title-ja')).includes(ind.name_ja), 'the official name beside it');
    }
    const at = await answerBottoms(page);
    for (const k of ['latest', 'target', 'status', 'outlook', 'where']) {
      assert.ok(at[k] !== null && at[k] <= PHONE.height, `${k} in the first screen (${at[k]})`);
    }
    // The city's ①②③ text: folded, and shown by one tap on its summary.
    const reasons = page.locator('.kpi-answer details.city-reasons');
    assert.equal(await reasons.getAttribute('open'), null);
    await reasons.locator('summary').click();
    const notes = DATASET.indicators.find((i) => i.id === id).notes;
    assert.ok((await reasons.textContent()).includes(notes.done_ja.split('\n')[0].trim()), 'the city\'s own words, verbatim');
    clean(session);
    await page.close();
  });
}

for (const [hash, lang] of ['#/projections', '#/delays', '#/revisions', '#/data', '#/kpi/security-lights', '#/about']
  .flatMap((h) => ['ja', 'en', 'ja-easy'].map((l) => [h, l]))) {
  test(`no table on ${hash} scrolls sideways at 360 px (${lang}): rows are cards, each value named`, async () => {
    const session = await openPage(context, `./${hash}?lang=${lang}`, PHONE);
    const { page } = session;
    await page.waitForSelector('[data-cards] table tbody tr', { state: 'attached' });
    // Folded tables (the Indicator page's computation, the Delays page's tables per
    // indicator) must hold the rule too once the reader opens them.
    await page.$$eval('details', (all) => all.forEach((d) => { d.open = true; }));
    // The labels are set after a render: wait for the first row's cells to have them.
    await page.waitForFunction(() => [...document.querySelectorAll('[data-cards] table')]
      .every((t) => !t.querySelector('tbody td') || t.querySelector('tbody td[data-label]')));
    const found = await page.evaluate(() => [...document.querySelectorAll('[data-cards]')].map((region) => ({
      id: region.querySelector('table')?.id,
      wide: region.scrollWidth - region.clientWidth,
      unlabelled: [...region.querySelectorAll('tbody td')].filter((td) => !td.dataset.label).length,
      cells: region.querySelectorAll('tbody td').length,
    })));
    assert.ok(found.length > 0, 'tables on the page');
    const wide = found.filter((f) => f.wide > 1).map((f) => `${f.id}: ${f.wide}px sideways`);
    assert.deepEqual(wide, [], wide.join(', '));
    const unlabelled = found.filter((f) => f.unlabelled > 0).map((f) => `${f.id}: ${f.unlabelled} of ${f.cells} cells without a column name`);
    assert.deepEqual(unlabelled, [], unlabelled.join(', '));
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= PHONE.width, `page is ${width}px wide`);
    if (hash === '#/projections' && lang === 'ja') await page.screenshot({ path: join(OUT, 'phone-cards-projections.png') });
    clean(session);
    await page.close();
  });
}
