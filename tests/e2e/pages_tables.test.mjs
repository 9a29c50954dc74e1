// End-to-end tests of the Delays, Projections, Revisions and Data pages
// (issue 4) in headless Chromium (playwright-core driving Debian's
// /usr/bin/chromium), run by `cargo xtask e2e` / `cargo xtask test` against
// dist/ served on loopback.
//
// Each page is visited in Japanese and English at 1280 and 360 px: figures
// from the dataset that a bug would change are asserted, axe-core must find
// no serious or critical violation, and screenshots go to tests/e2e/out/.
// Interaction: a chart click drills down, a filter updates the aria-live
// count and the URL, the scenario switch changes the projections, and the
// back button restores the previous state. Every wait is on a page
// condition, never on time.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OUT, axeViolations, chartsDrawn, clean, launchContext, openPage, readText,
} from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('tables', { acceptDownloads: true }));
});

after(async () => {
  await close?.();
});

/** Opens `path` at the given size (default 1280×900) once the page heading is there. */
async function open(path, { width = 1280, height = 900 } = {}) {
  const session = await openPage(context, path, { width, height });
  await session.page.waitForSelector('main .tables-page h1');
  return session;
}

async function figure(page, name) {
  return (await page.locator(`[data-figure="${name}"]`).first().innerText()).trim();
}

const liveText = (page, id) => page.locator(`#${id}`).innerText().then((t) => t.trim());

/** The page coordinates of bar `dataIndex` of series `seriesIndex` in chart `id`. */
async function barPoint(page, id, seriesIndex, dataIndex) {
  return page.evaluate(([id, s, i]) => {
    const el = document.getElementById(id);
    const chart = window.echarts.getInstanceByDom(el);
    const layout = chart.getModel().getSeriesByIndex(s).getData().getItemLayout(i);
    const box = el.getBoundingClientRect();
    return { x: box.left + layout.x + layout.width / 2, y: box.top + layout.y + layout.height / 2 };
  }, [id, seriesIndex, dataIndex]);
}

/** The text of the row of indicator `id` in table `table`. */
async function rowText(page, table, id) {
  return (await page.locator(`#${table} tr[data-id="${id}"]`).first().innerText()).replace(/\s+/g, ' ');
}

// What each page must show, per language.
const PAGES = {
  delays: {
    async check(page, lang) {
      assert.equal(await figure(page, 'delayed'), '18');
      assert.equal(await figure(page, 'delayed_covid'), '12');
      assert.equal(await figure(page, 'delayed_other'), '6');
      assert.equal(await figure(page, 'status_agree'), '23');
      assert.equal(await figure(page, 'status_agree_of'), '/ 46');
      assert.equal(await figure(page, 'covid_agree'), '15');
      assert.equal(await figure(page, 'covid_agree_of'), '/ 18');
      const summary = await page.locator('#delays-by-goal .summary').innerText();
      assert.match(summary, lang === 'ja'
        ? /遅れている18指標のうち12指標がコロナの影響、6指標がその他の理由/
        : /Of the 18 delayed indicators, 12 are delayed by COVID-19 and 6 for other reasons/);
      assert.match(await page.locator('.agreement').innerText(), lang === 'ja' ? /46指標中23指標/ : /23 of 46/);
      assert.equal(await page.locator('#comparison-table tbody tr').count(), 47);
      assert.equal(await page.locator('#comparison-table tr.differs').count(), 23);
    },
  },
  projections: {
    async check(page, lang) {
      const summary = await page.locator('#outlook-counts .summary').innerText();
      assert.match(summary, lang === 'ja'
        ? /令和6年度目標は46指標中15指標、令和9年度目標は43指標中17指標/
        : /15 of 46 have .* FY2024.* target, and 17 of 43/);
      assert.equal(await page.locator('#projections-table tbody tr').count(), 50);
      // Worked example: 防犯灯設置数, CAGR since baseline, p = 0.92948.
      assert.match(await rowText(page, 'projections-table', 'security-lights'), /92\.9%/);
    },
  },
  revisions: {
    async check(page) {
      assert.equal(await figure(page, 'added'), '3');
      assert.equal(await figure(page, 'dropped'), '2');
      assert.equal(await figure(page, 'kept'), '45');
      const ids = await page.locator('#added-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.id));
      assert.deepEqual(ids, ['child-population', 'three-year-checkup-rate', 'tabletop-disaster-drills']);
      assert.equal(await page.locator('#added-table tbody tr').count(), 3);
      const dropped = await page.locator('#dropped-table tbody tr').evaluateAll((rows) => rows.map((r) => r.dataset.id));
      assert.deepEqual(dropped, ['total-fertility-rate', 'births']);
      const base = await rowText(page, 'baselines-table', 'dangerous-vacant-house-removals');
      assert.match(base, /30件/);
      assert.match(base, /49件/);
    },
  },
  data: {
    async check(page, lang) {
      assert.equal(await page.locator('#data-table tbody tr').count(), 50);
      assert.match(await rowText(page, 'data-table', 'manufacturing-shipments'), /11,942億円 \(平成30年\)/);
      assert.match(await liveText(page, 'data-count'), lang === 'ja' ? /全50指標/ : /all 50 indicators/);
    },
  },
};

for (const name of Object.keys(PAGES)) {
  for (const lang of ['ja', 'en']) {
    const query = lang === 'en' ? '?lang=en' : '';
    test(`${name} in ${lang}: figures, accessibility, screenshots at 1280 and 360`, async () => {
      for (const width of [1280, 360]) {
        const session = await open(`./#/${name}${query}`, { width, height: 900 });
        const { page } = session;
        assert.equal(await page.getAttribute('html', 'lang'), lang);
        await chartsDrawn(page, { some: false });
        await PAGES[name].check(page, lang);
        if (width === 360) {
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `no page-wide horizontal scrolling at 360 px (overflow ${overflow}px)`);
        } else {
          assert.deepEqual(await axeViolations(page, { seriousOnly: true }), [], `axe on ${name} (${lang})`);
        }
        await page.screenshot({ path: join(OUT, `${name}-${lang}-${width}.png`), fullPage: true });
        clean(session);
        await page.close();
      }
    });
  }
}

test('delays in やさしい日本語 has its own text', async () => {
  const session = await open('./#/delays?lang=ja-easy');
  const { page } = session;
  assert.equal(await figure(page, 'delayed_covid'), '12');
  assert.match(await readText(page, 'main'), /コロナの ため/);
  assert.ok(await page.locator('main ruby rt').count() > 5, 'furigana on the Delays page');
  clean(session);
  await page.close();
});

test('clicking a delay bar opens the goal, and back returns to the Delays page', async () => {
  const session = await open('./#/delays?lang=en');
  const { page } = session;
  await chartsDrawn(page, { some: false });
  // The first bar is the goal with most delays (3-1); its COVID segment is series 0.
  const p = await barPoint(page, 'delays-by-goal-chart', 0, 0);
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => location.hash.startsWith('#/goals/'));
  assert.match(page.url(), /#\/goals\/3-1\?lang=en$/);
  await page.goBack();
  await page.waitForSelector('.page-delays');
  assert.match(page.url(), /#\/delays\?lang=en$/);
  clean(session);
  await page.close();
});

for (const lang of ['ja', 'ja-easy']) {
  test(`clicking a department bar lists its delayed indicators on the Data page, in view (${lang})`, async () => {
    const session = await open(lang === 'ja' ? './#/delays' : `./#/delays?lang=${lang}`);
    const { page } = session;
    await chartsDrawn(page, { some: false });
    // 商工労働課 has the most delays: 3, all attributed to COVID-19 (the first series,
    // whatever the legend calls it in the language).
    const p = await barPoint(page, 'delays-by-department-chart', 0, 0);
    await page.mouse.click(p.x, p.y);
    await page.waitForSelector('.page-data');
    const url = decodeURIComponent(page.url());
    assert.match(url, lang === 'ja' ? /#\/data\?status=delayed_covid&dept=商工労働課$/ : /#\/data\?lang=ja-easy&status=delayed_covid&dept=商工労働課$|#\/data\?status=delayed_covid&dept=商工労働課&lang=ja-easy$/);
    if (lang === 'ja') assert.equal(await liveText(page, 'data-count'), '50指標中3指標を表示しています。');
    assert.equal(await page.locator('#data-dept').inputValue(), '商工労働課');
    // The list asked for is in view, not the downloads at the top of the page.
    await page.waitForFunction(() => {
      const r = document.getElementById('data-table-title').getBoundingClientRect();
      return r.top > -2 && r.top < window.innerHeight / 2;
    });
    clean(session);
    await page.close();
  });
}

test('a filter updates the aria-live count and the URL; back undoes it', async () => {
  const session = await open('./#/data?lang=en');
  const { page } = session;
  const live = page.locator('#data-count');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await page.selectOption('#data-status', 'delayed');
  await page.waitForFunction(() => location.hash.includes('status=delayed'));
  assert.equal(await liveText(page, 'data-count'), 'Showing 6 of 50 indicators.');
  assert.equal(await page.locator('#data-table tbody tr').count(), 6);
  await page.fill('#data-q', 'birth');
  await page.waitForFunction(() => location.hash.includes('q=birth'));
  assert.equal(await liveText(page, 'data-count'), 'Showing 1 of 50 indicators.');
  // Typing replaces the history entry; back returns to before the status filter.
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('status='));
  assert.equal(await liveText(page, 'data-count'), 'Showing all 50 indicators.');
  await page.goForward();
  await page.waitForFunction(() => location.hash.includes('q=birth'));
  assert.equal(await page.locator('#data-status').inputValue(), 'delayed');
  // Sorting is a button with aria-sort, and is in the URL too.
  const header = page.locator('#data-table th', { has: page.locator('button.sort', { hasText: 'ID' }) });
  await header.locator('button').click();
  await page.waitForFunction(() => location.hash.includes('sort=id'));
  assert.equal(await header.getAttribute('aria-sort'), 'ascending');
  clean(session);
  await page.close();
});

test('the scenario and method switches change the projections, in the URL', async () => {
  const session = await open('./#/projections?lang=en');
  const { page } = session;
  await chartsDrawn(page, { some: false });
  const before = await rowText(page, 'projections-table', 'security-lights');
  assert.match(before, /92\.9%/);
  await page.click('label[for="scenario-recent"]');
  await page.waitForFunction(() => location.hash.includes('scenario=recent'));
  await page.click('label[for="method-line"]');
  await page.waitForFunction(() => location.hash.includes('method=line'));
  // Line, recent pace: 16465 + 3 × 389 = 17632 → (17632 − 15665) / 2235 = 88.0%.
  await page.waitForFunction(() => document.querySelector('#projections-table tr[data-id="security-lights"]')?.innerText.includes('88.0%'));
  // Every indicator with an FY2024 target is counted: with a projection, or without one.
  const summary = await page.locator('#outlook-counts .summary').innerText();
  const [, withOne, without] = summary.match(/\d+ of (\d+) have .*No projection: (\d+) for/) ?? [];
  assert.equal(Number(withOne) + Number(without), 47, summary);
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('method='));
  assert.ok(await page.locator('#scenario-recent').isChecked());
  await page.goBack();
  await page.waitForFunction(() => !location.hash.includes('scenario='));
  assert.match(await rowText(page, 'projections-table', 'security-lights'), /92\.9%/);
  clean(session);
  await page.close();
});

test('clicking an outlook bar filters the projections table', async () => {
  const session = await open('./#/projections?lang=en');
  const { page } = session;
  await chartsDrawn(page, { some: false });
  // On screen for the mouse (the page's lead says how old the data is above it).
  await page.locator('#outlook-counts-chart').scrollIntoViewIfNeeded();
  // Series 0 = FY2024 targets; category 1 = on course (5 indicators).
  const p = await barPoint(page, 'outlook-counts-chart', 0, 1);
  await page.mouse.click(p.x, p.y);
  await page.waitForFunction(() => location.hash.includes('fy2024=on_course'));
  assert.equal(await liveText(page, 'proj-count'), 'Showing 5 of 50 indicators.');
  assert.equal(await page.locator('#proj-fy2024').inputValue(), 'on_course');
  clean(session);
  await page.close();
});

test('the Data page downloads CSV with a BOM and the dataset JSON', async () => {
  const session = await open('./#/data');
  const { page } = session;
  for (const [file, check] of [
    ['machi-kpi-indicators.csv', (b) => {
      assert.deepEqual([...b.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      assert.ok(b.includes('\r\n'), 'CRLF');
      assert.ok(b.toString('utf8').includes('security-lights'));
    }],
    ['machi-kpi-observations.csv', (b) => {
      assert.deepEqual([...b.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 BOM');
      assert.ok(b.toString('utf8').includes('11,942億円'));
    }],
    ['machi-kpi-dataset.json', (b) => {
      const json = JSON.parse(b.toString('utf8'));
      assert.equal(json.format, 'machi-kpi/dataset');
      assert.equal(json.indicators.length, 50);
    }],
  ]) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click(`button.download[data-file="${file}"]`),
    ]);
    assert.equal(download.suggestedFilename(), file);
    check(readFileSync(await download.path()));
  }
  clean(session);
  await page.close();
});
