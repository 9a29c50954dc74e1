// Years and units people use (issue 13 items 5 and 6, the year and unit parts), in
// headless Chromium against dist/:
// - English shows Gregorian years by default (FY2019 … on the chart's axis, never
//   "FY R1") and says a multiplier unit as the real quantity ("3.31 million visits",
//   never "× 10,000"), in the text, the chart's table and the chart itself;
// - やさしい日本語 shows Gregorian years by default (no 令和 in what the interface writes;
//   the source's own text is shown verbatim and left out), standard Japanese 和暦;
// - an era chosen in the URL wins, and survives a change of language.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { OUT, chartsDrawn, clean, launchContext, openPage } from './harness.mjs';

const HERE = dirname(fileURLToPath(import.meta.url));
const DATASET = JSON.parse(readFileSync(join(HERE, '..', '..', 'www', 'data', 'dataset.json'), 'utf8'));
// The tourists indicator: the one whose unit is 万人 / "10,000 visits".
const TOURISTS = DATASET.indicators.find((i) => i.unit.ja === '万人' && /visits/.test(i.unit.en));
const PHONE = { width: 360, height: 780 };

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('years-units'));
});

after(async () => {
  await close?.();
});

/**
 * The years the interface writes on the page's main part, folded parts included: the
 * source's own words (shown verbatim, marked `lang`, `.data-text`, `.raw` or `code`)
 * and the era switch, whose option names the era (和暦（令和）), are left out.
 */
function interfaceText(page) {
  return page.$eval('main', (main) => {
    const copy = main.cloneNode(true);
    const verbatim = '[lang], .data-text, .raw, code, .title-ja, fieldset:has(input[name="era"])';
    for (const el of copy.querySelectorAll(verbatim)) el.remove();
    return copy.textContent;
  });
}

/** Every text of the drawn charts (SVG text, the axis labels included). */
function chartText(page) {
  return page.$$eval('.echart svg:not(.echart-static svg) text', (els) => els.map((e) => e.textContent).join('\n'));
}

test('the dataset has the tourists indicator this test is about', () => {
  assert.ok(TOURISTS, 'an indicator in 万人 counting visits');
});

test('English tourists page: FY2019-style years and real quantities, in text, table and chart', async () => {
  const session = await openPage(context, `./#/kpi/${TOURISTS.id}?lang=en`);
  const { page } = session;
  await page.waitForSelector(`[data-kpi="${TOURISTS.id}"]`);
  await chartsDrawn(page);
  const text = await page.$eval('main', (m) => m.textContent);
  assert.doesNotMatch(text, /FY ?R\d|\(Reiwa \d/, 'no 和暦 in English by default');
  assert.doesNotMatch(text, /×\s*10,000/, 'no multiplier units');
  assert.match(text, /\d million visits/, 'the quantity in millions');
  assert.match(text, /FY2019|FY2020|FY2021/);
  const chart = await chartText(page);
  assert.match(chart, /FY20\d\d/, 'the axis reads FY2019 …');
  assert.doesNotMatch(chart, /FY ?R\d/);
  assert.doesNotMatch(chart, /10,000 visits/, 'the axis names the unit people say');
  assert.match(chart, /million visits/);
  // The switch shows which era is in force.
  assert.ok(await page.isChecked('#era-gregorian'));
  assert.ok(!(await page.isChecked('#era-wareki')));
  clean(session);
  await page.close();
});

test('ja-easy shows Gregorian years by default, ja shows 和暦', async () => {
  for (const [lang, query, reiwa] of [['ja-easy', '?lang=ja-easy', false], ['ja', '', true]]) {
    for (const hash of [`#/kpi/${TOURISTS.id}`, '#/projections', '#/']) {
      const session = await openPage(context, `./${hash}${query}`, PHONE);
      const { page } = session;
      await page.waitForSelector('main h1');
      await page.waitForSelector('[data-readable="data-as-of"]');
      const text = await interfaceText(page);
      if (reiwa) {
        assert.match(text, /令和/, `${lang} ${hash}: 和暦 by default`);
      } else {
        assert.doesNotMatch(text, /令和|平成/, `${lang} ${hash}: no 和暦 by default`);
        assert.match(text, /20\d\d年度/, `${lang} ${hash}: 2021年度-style years`);
      }
      clean(session);
      await page.close();
    }
  }
});

test('an explicit era wins and a change of language keeps it', async () => {
  const session = await openPage(context, `./#/kpi/${TOURISTS.id}?era=wareki&lang=ja-easy`);
  const { page } = session;
  await page.waitForSelector(`[data-kpi="${TOURISTS.id}"]`);
  assert.match(await interfaceText(page), /令和/);
  assert.ok(await page.isChecked('#era-wareki'));
  // Switch to English: 和暦 stays chosen.
  await page.click('.lang-switch a[hreflang="en"]');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lang') === 'en');
  assert.match(page.url(), /era=wareki/);
  assert.match(await page.$eval("main", (m) => m.textContent), /\(Reiwa \d/);
  assert.ok(await page.isChecked('#era-wareki'));
  // Picking English's default clears the parameter; Japanese then shows its own default.
  await page.click('label[for="era-gregorian"]');
  await page.waitForFunction(() => !location.hash.includes('era='));
  assert.doesNotMatch(await page.$eval("main", (m) => m.textContent), /\(Reiwa \d/);
  await page.click('.lang-switch li:first-child a');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lang') === 'ja');
  await page.waitForSelector('#era-wareki:checked');
  clean(session);
  await page.close();
});

test('screenshots: tourists and Projections in en and ja-easy at 360 and 1280', async () => {
  for (const [lang, query] of [['en', '?lang=en'], ['ja-easy', '?lang=ja-easy']]) {
    for (const [name, hash] of [['tourists', `#/kpi/${TOURISTS.id}`], ['projections', '#/projections']]) {
      for (const width of [360, 1280]) {
        const session = await openPage(context, `./${hash}${query}`, { width, height: width === 360 ? 780 : 800 });
        const { page } = session;
        await page.waitForSelector('main h1');
        await chartsDrawn(page);
        await page.screenshot({ path: join(OUT, `years-units-${name}-${lang}-${width}.png`), fullPage: true });
        clean(session);
        await page.close();
      }
    }
  }
});
