// End-to-end tests of the built dist/ in headless Chromium (Debian's
// /usr/bin/chromium driven by playwright-core; no browser is downloaded).
//
// Run by `cargo xtask e2e` / `cargo xtask test`, which serve dist/ on
// 127.0.0.1 and set BASE_URL. Every test waits on page conditions, never on
// time. Screenshots go to tests/e2e/out/ (gitignored).

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  BASE, OUT, axeViolations, chartsDrawn, clean, launchContext, openPage,
} from './harness.mjs';

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('overview', { acceptDownloads: true }));
});

after(async () => {
  await close?.();
});

const open = (path, options) => openPage(context, path, options);

// The official FY2021 figures: the page must show exactly these.
const FIGURES = { total: '47', on_track: '11', mostly_on_track: '18', delayed_covid: '12', delayed: '6' };
const SHARES = ['23.4%', '38.3%', '25.5%', '12.8%'];

async function figures(page) {
  return page.$$eval('[data-figure]', (els) => Object.fromEntries(
    els.map((el) => [el.getAttribute('data-figure'), el.textContent.trim()]),
  ));
}

for (const [lang, query, htmlLang, heading] of [
  ['ja', '', 'ja', '第２期伊勢崎市まち・ひと・しごと創生総合戦略'],
  ['en', '?lang=en', 'en', 'Isesaki City 2nd Comprehensive Strategy'],
]) {
  test(`Overview in ${lang}: official figures, charts, tables, no network, no errors`, async () => {
    const session = await open(`./#/${query}`);
    const { page } = session;
    assert.equal(await page.getAttribute('html', 'lang'), htmlLang);
    assert.match(await page.textContent('h1'), new RegExp(heading));
    assert.deepEqual(await figures(page), FIGURES);
    const text = await page.textContent('main');
    for (const share of SHARES) assert.ok(text.includes(share), `share ${share} shown`);
    assert.match(text, lang === 'ja' ? /令和3年度〜令和9年度/ : /FY2021–FY2027/);
    assert.match(text, /夢ふくらみ|dreams grow/);

    const charts = await chartsDrawn(page);
    assert.equal(charts.length, 2, 'two charts on the Overview');
    for (const c of charts) assert.ok(c.drawn && c.width > 200, `${c.id} drawn`);
    assert.equal(await page.locator('.goal-card').count(), 6);
    assert.equal(await page.locator('.goal-card a[href^="#/goals/"]').count(), 6);

    // Chart ⇄ table switch: the table replaces the chart and back.
    const panel = page.locator('#status-donut');
    await panel.locator('button.view-table').click();
    await page.waitForSelector('#status-donut-table:not([hidden])');
    assert.equal(await panel.locator('button.view-table').getAttribute('aria-pressed'), 'true');
    assert.ok(await page.locator('#status-donut-chart-view').isHidden());
    const rows = await panel.locator('tbody th[scope="row"]').allTextContents();
    assert.equal(rows.length, 4);
    assert.deepEqual(await panel.locator('tfoot td').first().textContent(), '47');
    await page.screenshot({ path: join(OUT, `overview-${lang}-table-1280.png`), fullPage: false });
    await panel.locator('button.view-chart').click();
    await page.waitForSelector('#status-donut-chart-view:not([hidden])');

    await page.screenshot({ path: join(OUT, `overview-${lang}-1280.png`), fullPage: true });
    clean(session);
    await page.close();
  });

  test(`Overview in ${lang} at 360×800 fits the screen`, async () => {
    const session = await open(`./#/${query}`, { width: 360, height: 800 });
    const { page } = session;
    await chartsDrawn(page);
    assert.deepEqual(await figures(page), FIGURES);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no horizontal scrolling (overflow ${overflow}px)`);
    await page.screenshot({ path: join(OUT, `overview-${lang}-360.png`), fullPage: true });
    await page.screenshot({ path: join(OUT, `overview-${lang}-360-top.png`), fullPage: false });
    clean(session);
    await page.close();
  });
}

test('language switch and navigation keep ?lang and set <html lang>', async () => {
  const session = await open('./');
  const { page } = session;
  await page.click('.lang-switch a[hreflang="en"]');
  await page.waitForFunction(() => document.documentElement.lang === 'en');
  assert.match(page.url(), /#\/\?lang=en$/);
  assert.equal(await page.getAttribute('.lang-switch a[hreflang="en"]', 'aria-current'), 'true');

  await page.click('.main-nav a[href="#/delays?lang=en"]');
  await page.waitForSelector('.page-delays');
  assert.equal(await page.textContent('main h1'), 'Delays');
  assert.match(page.url(), /#\/delays\?lang=en$/);

  await page.click('.lang-switch a:text("やさしい日本語")');
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lang') === 'ja-easy');
  assert.equal(await page.getAttribute('html', 'lang'), 'ja');
  assert.match(page.url(), /#\/delays\?lang=ja-easy$/);
  await page.waitForFunction(() => document.querySelector('main h1')?.textContent === 'おくれ');
  clean(session);
  await page.close();
});

test('the embed route shows the Overview without header, navigation and footer', async () => {
  // More on embeds (dialog, host page, heights): portal.test.mjs.
  const session = await open('./#/embed/overview');
  const { page } = session;
  await page.waitForSelector('.app.embed .embed-source');
  assert.match(await page.textContent('main h1'), /第２期伊勢崎市まち・ひと・しごと創生総合戦略/);
  assert.deepEqual(await figures(page), FIGURES);
  assert.equal(await page.locator('.site-header, .main-nav, .site-footer, .page-tools').count(), 0, 'embeds have no chrome');
  clean(session);
  await page.close();
});

test('clicking a goal bar opens that goal', async () => {
  const session = await open('./#/?lang=en');
  const { page } = session;
  await chartsDrawn(page);
  // Centre of the first goal's bar, from ECharts' own coordinate conversion.
  // The chart must be on screen for a mouse click to reach it (it sits lower on the
  // page since the Overview says how old its data is).
  await page.locator('#status-by-goal-chart').scrollIntoViewIfNeeded();
  const point = await page.evaluate(() => {
    const el = document.getElementById('status-by-goal-chart');
    const chart = window.echarts.getInstanceByDom(el);
    const option = chart.getOption();
    const first = option.series.map((s) => Number(s.data[0]) || 0);
    const total = first.reduce((a, b) => a + b, 0);
    const [x, y] = chart.convertToPixel({ seriesIndex: 0 }, [total / 2, 0]);
    const box = el.getBoundingClientRect();
    return { x: box.left + x, y: box.top + y };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForFunction(() => location.hash.startsWith('#/goals/'));
  assert.match(page.url(), /#\/goals\/1-1\?lang=en$/);
  clean(session);
  await page.close();
});

test('a failed wasm download shows a message, not a blank page', async () => {
  const page = await context.newPage();
  await page.route('**/*.wasm', (route) => route.abort());
  await page.goto(new URL('./', BASE).href);
  await page.waitForSelector('#boot-error:not([hidden])');
  assert.match(await page.textContent('#boot-error'), /The app could not start/);
  await page.close();
});

test('the Overview has no axe-core accessibility violations', async () => {
  for (const query of ['', '?lang=en']) {
    const session = await open(`./#/${query}`);
    await chartsDrawn(session.page);
    assert.deepEqual(await axeViolations(session.page), [], `axe (${query || 'ja'})`);
    await session.page.close();
  }
});

test('a goal card\'s numeric goal is one tap from its Indicator page (ja at 360 px, en)', async () => {
  for (const [query, name] of [['', '年間観光入込客数'], ['?lang=en', 'Annual tourist visits']]) {
    const session = await open(`./#/${query}`, { width: 360, height: 780 });
    const { page } = session;
    const link = page.locator('article.goal-card .numeric-goal a', { hasText: name });
    assert.equal(await link.count(), 1, `${name}: a link on its goal card`);
    const box = await link.boundingBox();
    assert.ok(box.height >= 24, `a ${box.height}px tall target`);
    await link.click();
    await page.waitForSelector('.kpi-answer');
    assert.match(page.url(), /#\/kpi\/annual-tourists/);
    if (query) assert.match(page.url(), /lang=en/);
    clean(session);
    await page.close();
  }
});
