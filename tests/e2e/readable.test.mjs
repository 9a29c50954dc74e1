// Readable figures and dates (issue 13 items 2, 3 and the matching part of 8), in
// headless Chromium at 360 × 780 against dist/:
// - no percentage below −100% or above 1,000% is visible on any Indicator page, any
//   Basic goal page or the Projections page (all scenarios and methods), in ja and en;
// - no projection shows a negative count (values of count units) on any Indicator page;
// - a "data as of" line is on the Overview, goal, Indicator and Projections pages and in
//   an embed;
// - a target year that has ended by the reader's date is marked as passed (the browser's
//   clock is fixed, so the test does not depend on the day it runs).
// Visible means rendered: `innerText` leaves out closed <details> (the computation).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, clean, launchContext, openPage } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATASET = JSON.parse(readFileSync(join(HERE, '..', '..', 'www', 'data', 'dataset.json'), 'utf8'));
const PHONE = { width: 360, height: 780 };
// Units of counts, durations, areas and ages: a projection of them is never negative.
// Written here independently of the core's list, as the issue states the rule.
const COUNT_UNITS = new Set(['人', '万人', '件', '回', 'か所', 'カ所', 'ヵ所', 'ヶ所', '箇所', '日', 'ha', '事業所', '教室', '基', '歳']);

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('readable'));
});

after(async () => {
  await close?.();
});

/** Every percentage in a text, as a number of percent (−284.7% → −284.7). */
export function percentages(text) {
  const out = [];
  for (const m of text.matchAll(/([−-]?)(\d[\d,]*(?:\.\d+)?)\s*[%％]/g)) {
    const x = Number(m[2].replaceAll(',', ''));
    out.push({ text: m[0], value: m[1] ? -x : x });
  }
  return out;
}

const unreadable = (text) => percentages(text).filter((p) => p.value < -100 || p.value > 1000).map((p) => p.text);

test('the percentage reader catches what the old pages showed', () => {
  assert.deepEqual(unreadable('達成率 −284.7% · 40.0% · −1,000%未満 · 4,387.8% · 1,000%'), ['−284.7%', '−1,000%', '4,387.8%']);
});

/** Goes to a hash route in the open page and waits for `selector`. */
async function go(page, hash, selector) {
  await page.evaluate((h) => { location.hash = h; }, hash);
  await page.waitForSelector(selector);
  // The previous page's content is gone once the selector matches this one's.
  await page.waitForFunction(() => document.querySelector('main h1'));
}

for (const [lang, q] of [['ja', ''], ['en', '?lang=en']]) {
  test(`${lang}: no unreadable percentage on any Indicator or goal page, no negative count projected`, async () => {
    const session = await openPage(context, `./#/${q}`, PHONE);
    const { page } = session;
    const bad = [];
    let checkedCells = 0;
    for (const ind of DATASET.indicators) {
      await go(page, `#/kpi/${ind.id}${q}`, `[data-kpi="${ind.id}"]`);
      const text = await page.locator('main').innerText();
      for (const p of unreadable(text)) bad.push(`${ind.id}: ${p}`);
      if (COUNT_UNITS.has(ind.unit.ja)) {
        for (const cell of await page.locator('table.projections [data-field="value"]').allInnerTexts()) {
          checkedCells += 1;
          if (/^\s*[−-]\s*\d/.test(cell)) bad.push(`${ind.id}: projected ${cell}`);
        }
      }
    }
    for (const goal of DATASET.strategy.goals) {
      await go(page, `#/goals/${goal.id}${q}`, `[data-goal="${goal.id}"]`);
      for (const p of unreadable(await page.locator('main').innerText())) bad.push(`goal ${goal.id}: ${p}`);
    }
    assert.deepEqual(bad, []);
    assert.ok(checkedCells > 50, `projection cells of count indicators checked: ${checkedCells}`);
    clean(session);
    await page.close();
  });

  test(`${lang}: no unreadable percentage on the Projections page in any scenario and method`, async () => {
    const session = await openPage(context, `./#/projections${q}`, PHONE);
    const { page } = session;
    const bad = [];
    for (const scenario of ['baseline', 'recent']) {
      for (const method of ['default', 'cagr', 'line']) {
        const query = new URLSearchParams(q.slice(1));
        query.set('scenario', scenario);
        query.set('method', method);
        await go(page, `#/projections?${query}`, '#projections-table');
        // The page follows the URL: wait until its switches show this view.
        await page.waitForFunction(([s, m]) => document.querySelector(`input[name="scenario"][value="${s}"]`)?.checked
          && document.querySelector(`input[name="method"][value="${m}"]`)?.checked
          && document.querySelectorAll('#projections-table tbody tr').length > 0, [scenario, method]);
        for (const p of unreadable(await page.locator('main').innerText())) bad.push(`${scenario} ${method}: ${p}`);
      }
    }
    assert.deepEqual(bad, []);
    await page.screenshot({ path: join(OUT, `readable-projections-${lang}-360.png`) });
    clean(session);
    await page.close();
  });
}

test('the tourists page reads in words at 360 px (ja and en), with its dates', async () => {
  for (const [lang, q, words] of [
    ['ja', '', '目標から遠ざかっています：基準値より 168万人 減（−50.8%）'],
    ['en', '?lang=en', 'Moved away from the target: 1.68 million visits below the base (−50.8%)'],
  ]) {
    const session = await openPage(context, `./#/kpi/annual-tourists${q}`, PHONE);
    const { page } = session;
    // The target blocks are in the folded computation: opened as a reader would.
    await page.click('details.how-computed > summary');
    await page.waitForSelector('[data-target="fy2024:all"]');
    const block = page.locator('[data-target="fy2024:all"]');
    assert.equal(await block.locator('dd[data-figure="achievement"]').innerText(), words);
    // The exact rate is one tap away, in the computation.
    await block.locator('details.computation summary').first().click();
    assert.match(await block.locator('[data-formula="achievement"] .formula').innerText(), /= −284\.7%$/);
    assert.ok(await page.locator('[data-readable="data-as-of"]').isVisible());
    assert.ok(await page.locator('[data-readable="status-vs-projection"]').isVisible());
    await page.screenshot({ path: join(OUT, `readable-kpi-annual-tourists-${lang}-360.png`), fullPage: true });
    clean(session);
    await page.close();
  }
});

test('"data as of" on the Overview, goal, Indicator, Projections pages and an embed', async () => {
  const titles = DATASET.editions.map((e) => e.title_ja);
  for (const [hash, selector] of [
    ['#/', '.overview'],
    ['#/goals/1-1', '[data-goal="1-1"]'],
    ['#/kpi/security-lights', '[data-kpi="security-lights"]'],
    ['#/projections', '#projections-table'],
    ['#/embed/kpi/annual-tourists?embed_id=t', '[data-kpi="annual-tourists"]'],
  ]) {
    const session = await openPage(context, `./${hash}`, PHONE);
    const { page } = session;
    await page.waitForSelector(selector);
    const line = page.locator('[data-readable="data-as-of"]');
    assert.ok(await line.isVisible(), hash);
    const text = await line.innerText();
    assert.match(text, /^データ時点：(実績値は主に|この指標の実績値は)令和\d+年度まで/, hash);
    // The sources: in the same line, or (the Overview, whose first screen keeps the date
    // alone) in the sources line further down.
    const sources = (await page.locator('[data-readable="data-as-of"], p.sources').allInnerTexts()).join(' ');
    for (const t of titles) assert.ok(sources.includes(t), `${hash}: ${t}`);
    clean(session);
    await page.close();
  }
});

test('a target year that has ended by the reader\'s date is marked as passed', async () => {
  // The page reads the browser's clock; fix it on each side of the FY2024 target's end.
  const target24 = DATASET.indicators.find((i) => i.id === 'security-lights')
    .observations.find((o) => o.role === 'target' && o.edition === 'fy2021_report').period.year;
  for (const [when, passed24] of [
    [new Date(Date.UTC(target24 + 1, 2, 15)), false], // March of FY+1: the fiscal year's last month
    [new Date(Date.UTC(target24 + 1, 3, 15)), true], // April of FY+1: it has ended
  ]) {
    await context.clock.setFixedTime(when);
    const session = await openPage(context, './#/kpi/security-lights', PHONE);
    const { page } = session;
    // The target blocks are in the folded computation: opened as a reader would.
    await page.click('details.how-computed > summary');
    await page.waitForSelector('[data-target="fy2024:all"]');
    const mark24 = page.locator('[data-target="fy2024:all"] [data-readable="target-passed"]');
    assert.equal(await mark24.count(), passed24 ? 1 : 0, when.toISOString());
    if (passed24) assert.match(await mark24.innerText(), /目標年度は終わりました/);
    assert.equal(await page.locator('[data-target="fy2027:all"] [data-readable="target-passed"]').count(), 0);
    clean(session);
    await page.close();
    const projections = await openPage(context, './#/projections', PHONE);
    await projections.page.waitForSelector('#projections-table');
    assert.equal(await projections.page.locator('[data-readable="target-year-over"]').count(), passed24 ? 1 : 0, `projections ${when.toISOString()}`);
    clean(projections);
    await projections.page.close();
  }
});
