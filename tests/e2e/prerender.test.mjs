// The prerendered Overview (issue 9, item 1): `cargo xtask dist` writes the
// Overview in Japanese, with its figures, tables and every chart as SVG drawn
// by ECharts, into dist/index.html. Checked here: with JavaScript off the page
// is the real Overview; with it on, the app takes over without a layout shift
// and the live charts replace the drawings; any other view shows the loading
// skeleton, never the Overview, until the app starts.

import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { BASE, OUT, chartsDrawn, clean, isLoopback, launchContext, openPage } from './harness.mjs';

// The Overview's official figures (the same as overview.test.mjs checks).
const FIGURES = { total: '47', on_track: '11', mostly_on_track: '18', delayed_covid: '12', delayed: '6' };

let context;
let close;

before(async () => {
  ({ context, close } = await launchContext('prerender'));
});

after(async () => {
  await close?.();
});

async function figures(page) {
  return page.$$eval('#app [data-prerendered] [data-figure], #app > .app:not(.boot) [data-figure]', (els) => Object.fromEntries(
    els.filter((el) => el.checkVisibility()).map((el) => [el.getAttribute('data-figure'), el.textContent.trim()]),
  ));
}

/** The visible prerendered chart drawings: [chart id, width, height]. */
async function visibleDrawings(page) {
  return page.$$eval('.echart-static svg', (svgs) => svgs
    .filter((svg) => svg.checkVisibility())
    .map((svg) => {
      const r = svg.getBoundingClientRect();
      return [svg.closest('.echart').id, Math.round(r.width), Math.round(r.height)];
    }));
}

for (const width of [360, 1280]) {
  test(`JavaScript off at ${width} px: the real Overview, its charts and a note`, async () => {
    const { context: noJs, close: closeNoJs } = await launchContext(`prerender-nojs-${width}`, { javaScriptEnabled: false });
    try {
      const page = await noJs.newPage();
      await page.setViewportSize({ width, height: 800 });
      const external = [];
      await page.route('**/*', (r) => {
        if (isLoopback(new URL(r.request().url()))) return r.continue();
        external.push(r.request().url());
        return r.abort();
      });
      await page.goto(new URL('./', BASE).href);
      assert.deepEqual(await figures(page), FIGURES);
      const drawings = await visibleDrawings(page);
      const charts = await page.$$eval('.echart', (els) => els.map((el) => el.id));
      assert.ok(charts.length >= 2, 'the Overview has its charts');
      // One drawing per chart at this width, filling the container.
      assert.deepEqual(drawings.map(([id]) => id).sort(), [...charts].sort());
      for (const [id, w, h] of drawings) {
        const box = await page.$eval(`#${id}`, (el) => [Math.round(el.getBoundingClientRect().width), Math.round(el.getBoundingClientRect().height)]);
        assert.deepEqual([w, h], box, `${id} drawing fills its container`);
      }
      assert.ok(await page.locator('table').first().count(), 'the status table is in the page');
      const note = await page.$$eval('noscript .boot-error', (els) => els.map((el) => [el.checkVisibility(), el.textContent]));
      assert.equal(note.length, 1, 'the note is in the page');
      assert.equal(note[0][0], true, 'the note is visible');
      assert.match(note[0][1], /JavaScript/);
      assert.equal(await page.$eval('.boot', (el) => el.checkVisibility()), false, 'no skeleton');
      assert.deepEqual(external, []);
      await page.screenshot({ path: join(OUT, `prerender-nojs-${width}.png`), fullPage: true });
      await page.close();
    } finally {
      await closeNoJs();
    }
  });
}

test('JavaScript on: the app takes the Overview over without a layout shift', async () => {
  const page = await context.newPage();
  await page.addInitScript(() => {
    window.__shifts = [];
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shifts.push(e.value);
    }).observe({ type: 'layout-shift', buffered: true });
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(new URL('./', BASE).href);
  await page.waitForSelector('html[data-app="running"]');
  // The charts in view start at once; until then their drawings stay.
  await page.waitForFunction(() => [...document.querySelectorAll('.echart')]
    .filter((el) => el.getBoundingClientRect().top < innerHeight)
    .every((el) => el.querySelector('svg:not(.echart-static svg)')));
  assert.equal(await page.$$eval('[data-prerendered]', (els) => els.length), 0, 'the app replaced the page');
  assert.deepEqual(await figures(page), FIGURES);
  const shifts = await page.evaluate(() => window.__shifts);
  assert.equal(shifts.reduce((a, b) => a + b, 0), 0, `layout shifts: ${JSON.stringify(shifts)}`);
  const drawn = await chartsDrawn(page);
  assert.ok(drawn.every((c) => c.drawn));
  assert.equal(await page.$$eval('.echart-static', (els) => els.length), 0, 'live charts replaced every drawing');
  assert.ok(await page.evaluate(() => [...document.querySelectorAll('.echart')].every((el) => window.echarts.getInstanceByDom(el))));
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(OUT, 'prerender-js-1280.png') });
  await page.close();
});

for (const path of ['./#/delays', './?lang=en']) {
  test(`${path} shows the skeleton, never the Overview, before the app starts`, async () => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    // Hold the wasm back until the page before the app has been looked at.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route('**/*.wasm', async (r) => {
      await held;
      await r.continue();
    });
    await page.goto(new URL(path, BASE).href, { waitUntil: 'domcontentloaded' });
    assert.equal(await page.$eval('html', (el) => el.classList.contains('boot-skeleton')), true);
    assert.equal(await page.$eval('[data-prerendered]', (el) => el.checkVisibility()), false, 'Overview hidden');
    assert.equal(await page.$eval('.boot', (el) => el.checkVisibility()), true, 'skeleton shown');
    release();
    await page.waitForSelector('html[data-app="running"]');
    await page.close();
  });
}

test('the Overview view itself is prerendered in dist/index.html', async () => {
  const session = await openPage(context, './#/');
  const html = await (await fetch(new URL('./', BASE))).text();
  assert.match(html, /<div data-prerendered=""[^>]*class="app"/);
  assert.match(html, /class="echart-static" data-chart-id="[^"]+" data-option-hash="[0-9a-f]{8}"/);
  clean(session);
  await session.page.close();
});
